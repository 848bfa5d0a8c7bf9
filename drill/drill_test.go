package drill

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pgdrill/pgdrill/chain"
	"github.com/pgdrill/pgdrill/internal/pgtest"
	"github.com/pgdrill/pgdrill/pgarchive"
	"github.com/pgdrill/pgdrill/workload"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Run(m)) }

// TestDefaultDrill runs `pgdrill drill` as a user would: its own throwaway
// server, 24 rows, dump, drop, restore, every check.
func TestDefaultDrill(t *testing.T) {
	var log bytes.Buffer
	rep, err := Run(context.Background(), Config{Compression: pgarchive.CompressionGzip, Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK {
		t.Fatalf("drill failed: %s\n%+v", rep.Line(), rep.Checks)
	}
	for name, s := range map[string]*ChainState{"before": rep.Before, "after": rep.After, "after_go": rep.AfterGo, "offline": rep.Offline} {
		if s.RowCount != 24 || s.Walked != 24 || s.FirstBreakID != nil || s.FirstBreakPos != -1 {
			t.Errorf("%s: %+v, want 24 rows walked, clean", name, *s)
		}
	}
	if rep.Rows != workload.DefaultRows {
		t.Errorf("rows: report %d, want 24", rep.Rows)
	}
	if f := rep.SQLFunction; f == nil || f.Origin != "pgdrill" || f.Convention != "first-break" || f.Returned != "(NULL, -1, 24)" {
		t.Errorf("SQL function %+v", f)
	}
	if rep.Before.HeadHash == nil || len(*rep.Before.HeadHash) != 64 {
		t.Fatalf("source head hash %v", rep.Before.HeadHash)
	}
	want := fmt.Sprintf("PASS rows=24 chain_head=%s… verifier=clean restore=%.1fs", (*rep.Before.HeadHash)[:8], rep.RestoreSeconds)
	if got := rep.Line(); got != want {
		t.Errorf("line %q, want %q", got, want)
	}
	for _, p := range []string{"start-server", "workload", "dump", "drop", "restore", "verify-offline"} {
		if !strings.Contains(log.String(), "drill: "+p) {
			t.Errorf("phase %s not logged:\n%s", p, log.String())
		}
	}
}

// TestEveryCompressionAndJobs drills with each compression and a parallel
// restore on the edge workload, in a database of the shared test server.
func TestEveryCompressionAndJobs(t *testing.T) {
	for _, c := range []pgarchive.Compression{pgarchive.CompressionNone, pgarchive.CompressionGzip, pgarchive.CompressionLZ4, pgarchive.CompressionZstd} {
		t.Run(c.String(), func(t *testing.T) {
			rep, err := Run(context.Background(), Config{DB: pgtest.NewDB(t), Rows: 300, Edge: true, Seed: 7, Compression: c, Jobs: 2})
			if err != nil {
				t.Fatal(err)
			}
			if !rep.OK || rep.Rows != 300 {
				t.Fatalf("%s (rows %d)\n%+v", rep.Line(), rep.Rows, rep.Checks)
			}
		})
	}
}

// TestRefusesDatabaseWithTables: -d refuses a database holding objects in
// schema public unless --force, which drops them; tables in other schemas
// are refused even with --force and left alone.
func TestRefusesDatabaseWithTables(t *testing.T) {
	ctx := context.Background()
	url := pgtest.NewDB(t)
	conn := pgtest.Conn(t, url)
	if _, err := conn.Exec(ctx, "CREATE FUNCTION public.keep_me() RETURNS int LANGUAGE sql AS 'SELECT 1'"); err != nil {
		t.Fatal(err)
	}
	if _, err := Run(ctx, Config{DB: url}); !errors.Is(err, ErrNotEmpty) || !strings.Contains(err.Error(), "schema public holds 1 objects") {
		t.Fatalf("drill on a database with a function in public: err %v, want ErrNotEmpty", err)
	}
	var n int
	if err := conn.QueryRow(ctx, "SELECT public.keep_me()").Scan(&n); err != nil {
		t.Fatalf("the refused drill touched the function: %v", err)
	}
	rep, err := Run(ctx, Config{DB: url, Force: true})
	if err != nil || !rep.OK {
		t.Fatalf("--force drill: %v %v", err, rep.Line())
	}
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM pg_proc WHERE proname = 'keep_me'").Scan(&n); err != nil || n != 0 {
		t.Errorf("--force left keep_me(): %d, %v", n, err)
	}

	if _, err := conn.Exec(ctx, "CREATE SCHEMA app; CREATE TABLE app.keep_me (id int)"); err != nil {
		t.Fatal(err)
	}
	for _, force := range []bool{false, true} {
		if _, err := Run(ctx, Config{DB: url, Force: force}); !errors.Is(err, ErrNotEmpty) || !strings.Contains(err.Error(), "outside schema public") {
			t.Fatalf("drill (force %v) on a database with a table outside public: err %v, want ErrNotEmpty", force, err)
		}
	}
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM app.keep_me").Scan(&n); err != nil {
		t.Fatalf("the refused drill touched app.keep_me: %v", err)
	}

	// A schema without tables: the synthetic drill would dump and restore
	// it over itself, so it refuses; an archive drill may use the database
	// and leaves the schema and its function alone.
	if _, err := conn.Exec(ctx, "DROP TABLE app.keep_me; CREATE FUNCTION app.keep_me() RETURNS int LANGUAGE sql AS 'SELECT 2'"); err != nil {
		t.Fatal(err)
	}
	if _, err := Run(ctx, Config{DB: url, Force: true}); !errors.Is(err, ErrNotEmpty) || !strings.Contains(err.Error(), "schema app") {
		t.Fatalf("synthetic drill on a database with schema app: err %v, want ErrNotEmpty naming it", err)
	}
	rep, err = Run(ctx, Config{DB: url, Archive: filepath.Join("..", "testdata", "chain", "archives", "cycle24-pg15-gzip-UTC.dump")})
	if err != nil || !rep.OK {
		t.Fatalf("archive drill beside schema app: %v %s", err, rep.Line())
	}
	if err := conn.QueryRow(ctx, "SELECT app.keep_me()").Scan(&n); err != nil || n != 2 {
		t.Fatalf("the archive drill touched app.keep_me(): %d, %v", n, err)
	}
}

// TestRerunLeavesNothing drills twice in the same -d database, the
// synthetic drill and the archive drill of a certctl-style backup (which
// creates an extension and a schema of its own): each run passes and leaves
// the database as it found it, schema public's privileges and comment
// included.
func TestRerunLeavesNothing(t *testing.T) {
	ctx := context.Background()
	src := certctlStyleDB(t)
	if _, err := pgtest.Conn(t, src).Exec(ctx, "CREATE SCHEMA reports; CREATE TABLE reports.daily (day date PRIMARY KEY)"); err != nil {
		t.Fatal(err)
	}
	archive := dumpWith(t, src, 0)

	url := pgtest.NewDB(t)
	conn := pgtest.Conn(t, url)
	if _, err := conn.Exec(ctx, "GRANT CREATE ON SCHEMA public TO PUBLIC; COMMENT ON SCHEMA public IS 'drill''s test'"); err != nil {
		t.Fatal(err)
	}
	before, err := snapshot(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	for i, cfg := range []Config{{DB: url}, {DB: url}, {DB: url, Archive: archive}, {DB: url, Archive: archive}, {DB: url}} {
		rep, err := Run(ctx, cfg)
		if err != nil || !rep.OK {
			t.Fatalf("run %d (archive %q): %v %s", i, cfg.Archive, err, rep.Line())
		}
		after, err := snapshot(ctx, conn)
		if err != nil {
			t.Fatal(err)
		}
		if d := before.differs(after); d != "" {
			t.Fatalf("run %d: %s", i, d)
		}
		c, err := contents(ctx, conn)
		if err != nil {
			t.Fatal(err)
		}
		if c != (dbContents{}) {
			t.Fatalf("run %d left %+v", i, c)
		}
	}
}

// TestTamperedArchive changes one byte of one row in an uncompressed archive:
// the offline verifier and the SQL verifier on the restored copy must both
// name that row and its position, and the archive drill must fail.
func TestTamperedArchive(t *testing.T) {
	path := filepath.Join(t.TempDir(), "drill.dump")
	rep, err := Run(context.Background(), Config{DB: pgtest.NewDB(t), Keep: path, Seed: 1, Compression: pgarchive.CompressionNone})
	if err != nil || !rep.OK {
		t.Fatalf("drill: %v %s", err, rep.Line())
	}
	const pos = 7
	var victim string
	i := 0
	for row := range workload.Generate(workload.Config{Seed: 1}) {
		if i == pos {
			victim = row.ID
			break
		}
		i++
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	at := bytes.Index(raw, []byte(victim+"\t"))
	if at < 0 || bytes.Count(raw, []byte(victim+"\t")) != 1 {
		t.Fatalf("row %s not found once in the archive", victim)
	}
	raw[at+len(victim)+1] ^= 0x01 // first byte of the actor column
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		t.Fatal(err)
	}

	a, err := pgarchive.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	off, err := chain.VerifyArchive(a.Reader, "")
	a.Close()
	if err != nil {
		t.Fatal(err)
	}
	if b := off.FirstBreak; b == nil || b.ID != victim || b.Pos != pos {
		t.Fatalf("offline verifier: break %+v, want id %s pos %d", off.FirstBreak, victim, pos)
	}

	rep, err = Run(context.Background(), Config{Archive: path, DB: pgtest.NewDB(t)})
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK {
		t.Fatal("drill on a tampered archive passed")
	}
	wantTriple := fmt.Sprintf("break id=%s pos=%d walked=%d", victim, pos, pos+1)
	for name, s := range map[string]*ChainState{"after": rep.After, "after_go": rep.AfterGo, "offline": rep.Offline} {
		if got := triple(s); got != wantTriple || s.RowCount != 24 {
			t.Errorf("%s verifier: %s rows=%d, want %s rows=24", name, got, s.RowCount, wantTriple)
		}
	}
	if rep.Culprit != CulpritArchive || rep.Line() != "FAIL archive: offline verifier pre=clean post="+wantTriple {
		t.Errorf("culprit %q, line %q", rep.Culprit, rep.Line())
	}
}

func TestPeakRSS(t *testing.T) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("no /proc/self/status on this system")
	}
	// A test binary holds at least a few MiB and surely less than 16 GiB.
	if n := peakRSS(); n < 1<<20 || n > 16<<30 {
		t.Errorf("peakRSS() = %d bytes", n)
	}
}
