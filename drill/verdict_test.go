package drill

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	osexec "os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/pgdrill/pgdrill/chain"
	"github.com/pgdrill/pgdrill/dump"
	"github.com/pgdrill/pgdrill/internal/archiveedit"
	"github.com/pgdrill/pgdrill/internal/pgtest"
	"github.com/pgdrill/pgdrill/internal/pgtools"
	"github.com/pgdrill/pgdrill/pgarchive"
	"github.com/pgdrill/pgdrill/workload"
)

func chainFixture(name string) string {
	return filepath.Join("..", "testdata", "chain", "archives", name)
}

// rewriteArchive copies the archive src to dst through pgarchive's Reader
// and Writer (archiveedit), passing every TABLE DATA block through edit.
func rewriteArchive(t *testing.T, src, dst string, edit func(e *pgarchive.Entry, data []byte) []byte) {
	t.Helper()
	a, err := pgarchive.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	f, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	err = archiveedit.Copy(f, a.Reader, archiveedit.Edits{Data: func(e *pgarchive.Entry, block io.Reader) io.Reader {
		data, err := io.ReadAll(block)
		if err != nil {
			t.Errorf("%s: %v", e, err)
		}
		return bytes.NewReader(edit(e, data))
	}})
	if err != nil {
		t.Fatal(err)
	}
}

// flipActor changes the first byte of the actor column of the audit_events
// row with the given id.
func flipActor(t *testing.T, id string) func(*pgarchive.Entry, []byte) []byte {
	return func(e *pgarchive.Entry, data []byte) []byte {
		if e.Tag != chain.EventsTable {
			return data
		}
		at := bytes.Index(data, []byte("\n"+id+"\t"))
		if at < 0 {
			t.Fatalf("row %s not in %s", id, e)
		}
		data[at+1+len(id)+1] ^= 0x01
		return data
	}
}

// archiveIDs returns the chain's ids in chain order as the offline verifier
// sees them.
func archiveIDs(t *testing.T, path string) []string {
	t.Helper()
	a, err := pgarchive.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	var e *pgarchive.Entry
	for _, x := range a.Entries {
		if x.Desc == "TABLE DATA" && x.Tag == chain.EventsTable {
			e = x
		}
	}
	b, err := a.Open(e)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var ids []string
	for row, err := range chain.DecodeCopy(b, chain.EventColumns) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, row.ID)
	}
	return ids
}

// TestArchiveBlame rewrites a real pg_dump 17 archive of pgdrill's v1 chain
// (its SQL function RETURNS TABLE and walks every row) through pgarchive's
// Writer, once unchanged and once with one byte of one row changed: the
// unchanged copy passes, the tampered one fails blaming the archive, and the
// restored database's function, the Go verifier on the server and the
// offline verifier all name the same row.
func TestArchiveBlame(t *testing.T) {
	src := chainFixture("cycle24-pg17-zstd-Asia_Kolkata.dump")
	ids := archiveIDs(t, src)
	const pos = 7
	for _, tc := range []struct {
		name string
		edit func(*pgarchive.Entry, []byte) []byte
	}{
		{"unchanged", func(_ *pgarchive.Entry, d []byte) []byte { return d }},
		{"tampered", flipActor(t, ids[pos])},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(t.TempDir(), "copy.dump")
			rewriteArchive(t, src, path, tc.edit)
			rep, err := Run(context.Background(), Config{Archive: path, DB: pgtest.NewDB(t)})
			if err != nil {
				t.Fatal(err)
			}
			if f := rep.SQLFunction; f == nil || f.Origin != "pgdrill-v1" || f.Convention != "walk-all" {
				t.Errorf("SQL function %+v, want pgdrill's v1 walk-all function", f)
			}
			want := "clean walked=24"
			if tc.name == "tampered" {
				want = fmt.Sprintf("break id=%s pos=%d walked=%d", ids[pos], pos, pos+1)
			}
			for _, s := range []*ChainState{rep.After, rep.AfterGo, rep.Offline} {
				if got := triple(s); got != want || s.RowCount != 24 {
					t.Errorf("%s verifier: %s rows=%d, want %s rows=24", s.Verifier, got, s.RowCount, want)
				}
			}
			if tc.name == "unchanged" {
				if !rep.OK {
					t.Fatalf("unchanged copy: %s", rep.Line())
				}
				return
			}
			if rep.OK || rep.Culprit != CulpritArchive || rep.Line() != "FAIL archive: offline verifier pre=clean post="+want {
				t.Errorf("tampered archive: culprit %q, line %q", rep.Culprit, rep.Line())
			}
			for _, c := range rep.Checks {
				if !c.OK && c.Culprit != CulpritArchive {
					t.Errorf("check %+v blames %s: the restore reproduced the archive faithfully", c, c.Culprit)
				}
			}
		})
	}
}

// TestTruncatedArchive: an archive cut short fails the drill, blaming the
// archive, instead of stopping it with an error.
func TestTruncatedArchive(t *testing.T) {
	raw, err := os.ReadFile(chainFixture("edge300-pg15-none-America_St_Johns.dump"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "cut.dump")
	if err := os.WriteFile(path, raw[:len(raw)*3/4], 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := Run(context.Background(), Config{Archive: path, DB: pgtest.NewDB(t)})
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK || rep.Culprit != CulpritArchive || !strings.HasPrefix(rep.Line(), "FAIL archive: archive readable pre=readable post=") ||
		!strings.Contains(rep.Line(), "runs past end of file") {
		t.Errorf("truncated archive: culprit %q, line %q", rep.Culprit, rep.Line())
	}
}

// TestRestoreBlame makes the restore lose or change data after it ran: the
// archive is sound, so the drill blames the restore.
func TestRestoreBlame(t *testing.T) {
	src := chainFixture("cycle24-pg15-gzip-UTC.dump")
	ids := archiveIDs(t, src)
	for _, tc := range []struct {
		name, sql string
		what      string // the failed check the FAIL line names
	}{
		{"row lost", "DELETE FROM audit_events WHERE id = $1", "content of public.audit_events"},
		{"row changed", "UPDATE audit_events SET details = '{}' WHERE id = $1", "content of public.audit_events"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			cfg := Config{Archive: src, DB: pgtest.NewDB(t)}
			cfg.afterRestore = func(ctx context.Context, url string) error {
				conn, err := pgx.Connect(ctx, url)
				if err != nil {
					return err
				}
				defer conn.Close(ctx)
				if _, err := conn.Exec(ctx, "ALTER TABLE audit_events DISABLE TRIGGER USER"); err != nil {
					return err
				}
				_, err = conn.Exec(ctx, tc.sql, ids[10])
				return err
			}
			rep, err := Run(context.Background(), cfg)
			if err != nil {
				t.Fatal(err)
			}
			if rep.OK || rep.Culprit != CulpritRestore || !strings.HasPrefix(rep.Line(), "FAIL restore: "+tc.what+" ") {
				t.Errorf("culprit %q, line %q", rep.Culprit, rep.Line())
			}
			if triple(rep.Offline) != "clean walked=24" {
				t.Errorf("offline %s, want clean", triple(rep.Offline))
			}
			// The chain is broken only after the restore: its checks blame
			// the restore too.
			for _, what := range []string{"SQL verifier", "restored chain = archive chain"} {
				found := false
				for _, c := range rep.Checks {
					if c.What == what {
						found = true
						if c.OK || c.Culprit != CulpritRestore {
							t.Errorf("check %+v, want a failure blaming the restore", c)
						}
					}
				}
				if !found {
					t.Errorf("no %q check in %+v", what, rep.Checks)
				}
			}
		})
	}
}

// certctlStyleDB returns a database holding a certctl-style chain (see
// chain/testdata/certctl_style.sql) of 24 rows from the workload, through
// its own triggers.
func certctlStyleDB(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	url := pgtest.NewDB(t)
	conn := pgtest.Conn(t, url)
	var available bool
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT FROM pg_available_extensions WHERE name = 'pgcrypto')").Scan(&available); err != nil {
		t.Fatal(err)
	}
	if !available {
		t.Skip("the test server has no pgcrypto extension (PostgreSQL contrib), which the certctl-style chain needs")
	}
	schema, err := os.ReadFile(filepath.Join("..", "chain", "testdata", "certctl_style.sql"))
	if err != nil {
		t.Fatal(err)
	}
	if err := conn.PgConn().Exec(ctx, string(schema)).Close(); err != nil {
		t.Fatal(err)
	}
	if n, err := workload.Insert(ctx, conn, workload.Config{Seed: 9}); err != nil || n != 24 {
		t.Fatalf("workload: %d rows, %v", n, err)
	}
	return url
}

// dumpWith writes an archive of url with pgdrill's dumper, or with real
// pg_dump 15 when major is 15.
func dumpWith(t *testing.T, url string, major int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "certctl.dump")
	if major == 0 {
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := dump.Run(context.Background(), url, f, dump.Options{Compression: pgarchive.CompressionGzip}); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		return path
	}
	tool := pgtools.Need(t, major, "pg_dump")
	cmd := osexec.Command(tool[0], append(tool[1:], "-Fc", "--no-owner", "--no-acl", "-f", path, "-d", url)...)
	cmd.Env = append(os.Environ(), "PGTZ=America/St_Johns")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", cmd, err, out)
	}
	return path
}

// TestCertctlStyleArchive drills archives of a certctl-style database: the
// drill runs the database's own audit_events_verify_chain() (OUT int
// parameters, first-break convention), says so, and agrees with it; a chain
// broken before the dump fails blaming the archive; without the function
// the Go verifiers still run; a function that fails after the restore fails
// the drill blaming the restore.
func TestCertctlStyleArchive(t *testing.T) {
	const signature = "(OUT first_break_id text, OUT first_break_pos integer, OUT row_count integer) RETURNS record"
	for _, tc := range []struct {
		name         string
		major        int    // 0: pgdrill's dumper
		source       string // SQL run on the source before the dump
		afterRestore string // SQL run on the restored database
		tamperPos    int    // position of a row changed in the source; -1 none
		noFunction   bool
		line         string // FAIL line prefix; "" for PASS
	}{
		{name: "pgdrill dump", tamperPos: -1},
		{name: "pg_dump 15", major: 15, tamperPos: -1},
		{name: "tampered before the dump", tamperPos: 3, line: "FAIL archive: offline verifier pre=clean post=break id="},
		{name: "no SQL function", source: "DROP FUNCTION audit_events_verify_chain()", tamperPos: -1, noFunction: true},
		{name: "SQL function fails after restore", afterRestore: "DROP FUNCTION audit_event_digest(audit_events)", tamperPos: -1,
			line: "FAIL restore: SQL verifier pre=clean post=error: chain: public.audit_events_verify_chain: ERROR: function audit_event_digest"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			url := certctlStyleDB(t)
			conn := pgtest.Conn(t, url)
			want := "clean walked=24"
			if tc.tamperPos >= 0 {
				var id string
				if err := conn.QueryRow(ctx, `SELECT id FROM audit_events ORDER BY "timestamp", id OFFSET $1 LIMIT 1`, tc.tamperPos).Scan(&id); err != nil {
					t.Fatal(err)
				}
				for _, sql := range []string{"ALTER TABLE audit_events DISABLE TRIGGER audit_events_worm_trigger",
					"UPDATE audit_events SET resource_id = 'x' WHERE id = '" + id + "'"} {
					if _, err := conn.Exec(ctx, sql); err != nil {
						t.Fatal(err)
					}
				}
				want = fmt.Sprintf("break id=%s pos=%d walked=%d", id, tc.tamperPos, tc.tamperPos+1)
			}
			if tc.source != "" {
				if _, err := conn.Exec(ctx, tc.source); err != nil {
					t.Fatal(err)
				}
			}
			cfg := Config{Archive: dumpWith(t, url, tc.major), DB: pgtest.NewDB(t)}
			if tc.afterRestore != "" {
				cfg.afterRestore = func(ctx context.Context, url string) error {
					conn, err := pgx.Connect(ctx, url)
					if err != nil {
						return err
					}
					defer conn.Close(ctx)
					_, err = conn.Exec(ctx, tc.afterRestore)
					return err
				}
			}
			rep, err := Run(ctx, cfg)
			if err != nil {
				t.Fatal(err)
			}
			f := rep.SQLFunction
			switch {
			case tc.noFunction:
				if f != nil || rep.After != nil || !strings.Contains(rep.Line(), " verifier=clean(go) ") {
					t.Errorf("SQL function %+v, after %+v, line %q; want none, the Go verifiers' word", f, rep.After, rep.Line())
				}
			case f == nil || f.Origin != "database" || f.Convention != "first-break" || f.Signature != signature:
				t.Errorf("SQL function %+v, want the database's own first-break function", f)
			}
			states := []*ChainState{rep.AfterGo, rep.Offline}
			if rep.After != nil {
				states = append(states, rep.After)
			}
			for _, s := range states {
				if got := triple(s); got != want || s.RowCount != 24 {
					t.Errorf("%s verifier: %s rows=%d, want %s rows=24", s.Verifier, got, s.RowCount, want)
				}
			}
			if tc.line == "" {
				if !rep.OK {
					t.Errorf("%s", rep.Line())
				}
				if f != nil && f.Returned != "(NULL, -1, 24)" {
					t.Errorf("function returned %s", f.Returned)
				}
				return
			}
			if rep.OK || !strings.HasPrefix(rep.Line(), tc.line) {
				t.Errorf("line %q, want %q…", rep.Line(), tc.line)
			}
		})
	}
}
