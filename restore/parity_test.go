package restore

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pgdrill/pgdrill/internal/pgtest"
	"github.com/pgdrill/pgdrill/pgarchive"
)

// parityCase restores one archive with pg_restore into one database and
// with pgdrill into another, using the same flags, and compares the two.
type parityCase struct {
	name    string
	fixture string
	args    []string // pg_restore flags
	opts    Options  // the same flags for pgdrill
	// pre, when set, is a restore run first into both databases (each with
	// its own tool), e.g. the schema before a data-only restore.
	pre     []string
	preOpts Options
	stream  bool     // pgdrill reads the archive as a stream, pg_restore from stdin
	dump    []string // pg_dump flags for the comparison
	list    func(t *testing.T) string
}

func parityCases() []parityCase {
	var cases []parityCase
	for _, f := range []string{
		"pg15/full-none.dump", "pg15/full-gzip.dump", "pg15/full-gzip-pipe.dump",
		"pg17/full-none.dump", "pg17/full-gzip.dump", "pg17/full-lz4.dump", "pg17/full-zstd.dump",
		"pg17/full-zstd-pipe.dump", "pg17/tz-paris.dump", "pg17/empty.dump",
		// Directory (-Fd) and tar (-Ft) archives.
		"pg15/full-none.dir", "pg15/full-gzip.dir", "pg15/full.tar",
		"pg17/full-none.dir", "pg17/full-gzip.dir", "pg17/full-lz4.dir", "pg17/full-zstd.dir",
		"pg17/full-j2.dir", "pg17/full.tar",
	} {
		cases = append(cases, parityCase{name: "default", fixture: f})
	}
	noOwnerACL := []string{"--no-owner", "--no-acl"}
	cases = append(cases,
		parityCase{name: "no-owner-no-acl", fixture: "pg17/full-zstd.dump", args: []string{"-O", "-x"},
			opts: Options{NoOwner: true, NoACL: true}, dump: noOwnerACL},
		parityCase{name: "no-owner-no-acl", fixture: "pg15/full-gzip.dump", args: []string{"-O", "-x"},
			opts: Options{NoOwner: true, NoACL: true}, dump: noOwnerACL},
		parityCase{name: "jobs2", fixture: "pg17/full-gzip.dump", args: []string{"-j", "2"}, opts: Options{Jobs: 2}},
		parityCase{name: "jobs2", fixture: "pg15/full-gzip.dump", args: []string{"-j", "2"}, opts: Options{Jobs: 2}},
		parityCase{name: "jobs3-pipe", fixture: "pg17/full-zstd-pipe.dump", args: []string{"-j", "3"}, opts: Options{Jobs: 3}},
		parityCase{name: "single-txn", fixture: "pg15/full-gzip.dump", args: []string{"-1"}, opts: Options{SingleTransaction: true}},
		parityCase{name: "schema-only", fixture: "pg17/full-gzip.dump", args: []string{"-s"}, opts: Options{SchemaOnly: true}},
		parityCase{name: "data-only", fixture: "pg17/full-gzip.dump", args: []string{"-a"}, opts: Options{DataOnly: true},
			pre: []string{"-s"}, preOpts: Options{SchemaOnly: true}},
		parityCase{name: "data-only-disable-triggers", fixture: "pg15/full-gzip.dump",
			args: []string{"-a", "--disable-triggers"}, opts: Options{DataOnly: true, DisableTriggers: true},
			pre: []string{"-s"}, preOpts: Options{SchemaOnly: true}},
		parityCase{name: "section-pre-data", fixture: "pg17/full-gzip.dump", args: []string{"--section=pre-data"},
			opts: Options{Sections: PreData}},
		parityCase{name: "section-data-post-data", fixture: "pg17/full-gzip.dump",
			args: []string{"--section=data", "--section=post-data"}, opts: Options{Sections: Data | PostData},
			pre: []string{"--section=pre-data"}, preOpts: Options{Sections: PreData}},
		parityCase{name: "clean-if-exists", fixture: "pg17/full-gzip.dump", args: []string{"-c", "--if-exists"},
			opts: Options{Clean: true, IfExists: true}, pre: []string{}, preOpts: Options{}},
		parityCase{name: "clean-on-empty", fixture: "pg15/full-gzip.dump", args: []string{"-c"}, opts: Options{Clean: true}},
		parityCase{name: "twice", fixture: "pg15/full-none.dump", pre: []string{}, preOpts: Options{}},
		parityCase{name: "table", fixture: "pg17/full-gzip.dump", args: []string{"-t", "events", "-t", "used_seq"},
			opts: Options{Tables: []string{"events", "used_seq"}}},
		parityCase{name: "schema", fixture: "pg17/full-gzip.dump", args: []string{"-n", "Mixed Case"},
			opts: Options{Schemas: []string{"Mixed Case"}}},
		parityCase{name: "index", fixture: "pg17/full-gzip.dump", args: []string{"-I", "events_ts_noted", "-t", "events"},
			opts: Options{Indexes: []string{"events_ts_noted"}, Tables: []string{"events"}}},
		parityCase{name: "stdin", fixture: "pg17/full-zstd-pipe.dump", stream: true},
		parityCase{name: "stdin", fixture: "pg15/full-gzip.dump", stream: true},
		parityCase{name: "stdin", fixture: "pg17/full.tar", stream: true},
		parityCase{name: "stdin", fixture: "pg15/full.tar", stream: true},
		parityCase{name: "jobs2", fixture: "pg17/full-zstd.dir", args: []string{"-j", "2"}, opts: Options{Jobs: 2}},
		// pg_restore refuses -j on a tar archive; pgdrill reads its
		// members with random access, so -j 2 must end as a serial
		// pg_restore does.
		parityCase{name: "jobs2-tar", fixture: "pg17/full.tar", opts: Options{Jobs: 2}},
		parityCase{name: "table", fixture: "pg17/full-lz4.dir", args: []string{"-t", "events", "-t", "used_seq"},
			opts: Options{Tables: []string{"events", "used_seq"}}},
		parityCase{name: "data-only", fixture: "pg15/full-gzip.dir", args: []string{"-a"}, opts: Options{DataOnly: true},
			pre: []string{"-s"}, preOpts: Options{SchemaOnly: true}},
		parityCase{name: "use-list", fixture: "pg17/full-gzip.dump", list: func(t *testing.T) string {
			// Leave out one table's data and every ACL, and put the
			// post-data entries first: later entries then fail.
			b, err := os.ReadFile(fixturePath("pg17/full-gzip.list"))
			if err != nil {
				t.Fatal(err)
			}
			var pre, post []string
			for _, l := range strings.SplitAfter(string(b), "\n") {
				switch {
				case strings.Contains(l, " ACL "), strings.Contains(l, "TABLE DATA public events "):
					continue
				case strings.Contains(l, " INDEX "), strings.Contains(l, " CONSTRAINT "):
					post = append(post, l)
				default:
					pre = append(pre, l)
				}
			}
			return strings.Join(append(post, pre...), "")
		}},
	)
	return cases
}

// TestParity compares pgdrill with pg_restore: the same archive and flags
// into two fresh databases must give identical pg_dump output, identical
// snapshots and the same number of ignored errors.
func TestParity(t *testing.T) {
	for _, pc := range parityCases() {
		t.Run(pc.name+"/"+pc.fixture, func(t *testing.T) {
			t.Parallel()
			pgRestoreCmd(t, pc.fixture) // skip early when absent
			urlA, urlB := newDB(t), newDB(t)
			args, opts := pc.args, pc.opts
			if pc.list != nil {
				path := filepath.Join(t.TempDir(), "list")
				text := pc.list(t)
				if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
				ids, _, err := ParseList(strings.NewReader(text))
				if err != nil {
					t.Fatal(err)
				}
				args = append(args, "-L", path)
				opts.UseList = ids
			}
			if pc.pre != nil {
				pgRestore(t, pc.fixture, urlA, pc.pre...)
				pgdrill(t, pc.fixture, urlB, pc.preOpts)
			}

			var wantErrs int
			if pc.stream {
				wantErrs = pgRestoreStdin(t, pc.fixture, urlA, args...)
			} else {
				wantErrs, _ = pgRestore(t, pc.fixture, urlA, args...)
			}
			var sum Summary
			var err error
			if pc.stream {
				sum, err = pgdrillStream(t, pc.fixture, urlB, opts)
			} else {
				sum, err = pgdrill(t, pc.fixture, urlB, opts)
			}
			var ign *IgnoredErrors
			if err != nil && !errors.As(err, &ign) {
				t.Fatalf("pgdrill: %v", err)
			}
			t.Logf("errors ignored: pgdrill %d, pg_restore %d; %d entries, %d bytes", sum.Errors, wantErrs, sum.Entries, sum.Bytes)
			if sum.Errors != wantErrs {
				t.Errorf("pgdrill ignored %d errors, pg_restore %d", sum.Errors, wantErrs)
			}
			if a, b := pgDump(t, urlA, pc.dump...), pgDump(t, urlB, pc.dump...); a != b {
				t.Errorf("pg_dump output differs (- pg_restore, + pgdrill):\n%s", diffLines(a, b))
			}
			if a, b := snapshot(t, urlA), snapshot(t, urlB); a != b {
				t.Errorf("snapshots differ (- pg_restore, + pgdrill):\n%s", diffLines(a, b))
			}
		})
	}
}

// pgdrillStream restores the fixture read as a one-pass stream.
func pgdrillStream(t *testing.T, fixture, url string, opts Options) (Summary, error) {
	t.Helper()
	f, err := os.Open(fixturePath(fixture))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := pgarchive.NewStream(struct{ *os.File }{f})
	if err != nil {
		t.Fatal(err)
	}
	return RunStream(context.Background(), s, url, opts)
}

// TestParityInserts covers table data dumped as INSERT statements, which
// pg_restore splits at top-level semicolons and runs one by one: archives
// made by pg_dump 15 with --inserts, --column-inserts and --rows-per-insert
// from a database holding the full fixture. (Both restores differ from that
// source in one row of public.types: INSERT text of its float columns does
// not round-trip, a property of pg_dump --inserts, not of the restore.)
func TestParityInserts(t *testing.T) {
	pgDumpBin := serverPgDump(t)
	src := newDB(t)
	if _, err := pgdrill(t, "pg15/full-gzip.dump", src, Options{}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, mode := range [][]string{{"--inserts"}, {"--column-inserts"}, {"--rows-per-insert=7"}} {
		archive := filepath.Join(dir, "pg15-"+strings.TrimPrefix(mode[0], "--")+".dump")
		c := exec.Command(pgDumpBin, append(mode, "-Fc", "-f", archive, "-d", src)...)
		c.Env = cleanEnv()
		if out, err := c.CombinedOutput(); err != nil {
			t.Fatalf("pg_dump %v: %v\n%s", mode, err, out)
		}
		for _, args := range [][]string{nil, {"-j", "2"}} {
			opts := Options{}
			if args != nil {
				opts.Jobs = 2
			}
			t.Run(mode[0]+strings.Join(args, ""), func(t *testing.T) {
				urlA, urlB := newDB(t), newDB(t)
				want, _ := pgRestore(t, archive, urlA, args...)
				sum, err := pgdrill(t, archive, urlB, opts)
				var ign *IgnoredErrors
				if err != nil && !errors.As(err, &ign) {
					t.Fatal(err)
				}
				if sum.Errors != want {
					t.Errorf("pgdrill ignored %d errors, pg_restore %d", sum.Errors, want)
				}
				if a, b := pgDump(t, urlA), pgDump(t, urlB); a != b {
					t.Errorf("pg_dump output differs (- pg_restore, + pgdrill):\n%s", diffLines(a, b))
				}
				if a, b := snapshot(t, urlA), snapshot(t, urlB); a != b {
					t.Errorf("snapshots differ (- pg_restore, + pgdrill):\n%s", diffLines(a, b))
				}
			})
		}
	}
}

// TestParitySessionSettings covers archives whose ENCODING and STDSTRINGS
// entries differ from the usual UTF8 and on: a LATIN1 client encoding, and
// standard_conforming_strings off, where the INSERT splitter must honour
// backslashes inside '...'.
func TestParitySessionSettings(t *testing.T) {
	pgDumpBin := serverPgDump(t)
	ctx := context.Background()
	src := newDB(t)
	sc := pgtest.Conn(t, src)
	for _, q := range []string{
		`CREATE TABLE public.odd (id int PRIMARY KEY, t text, j jsonb)`,
		`INSERT INTO public.odd VALUES
			(1, E'back\\slash; ''quoted'' ; "dq;"', '{"a": "x\\\\y;"}'),
			(2, E'caf\u00e9 na\u00efve \u00bd', '{"k": "\u00e9"}'),
			(3, E'trailing\\', NULL),
			(4, E'semi;colon\nnew line\ttab', '[1, ";", "\""]'),
			(5, '', '{}'),
			(6, NULL, NULL)`,
		`CREATE FUNCTION public.f(x text) RETURNS text LANGUAGE sql AS $$ SELECT x || ';' $$`,
	} {
		if _, err := sc.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	dbname := sc.Config().Database
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		dump []string
		off  bool // standard_conforming_strings off for pg_dump's session
	}{
		{"latin1", []string{"-E", "LATIN1"}, false},
		{"latin1-inserts", []string{"-E", "LATIN1", "--inserts"}, false},
		{"std-strings-off-inserts", []string{"--inserts"}, true},
		{"std-strings-off", nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			archive := filepath.Join(dir, "pg15-"+tc.name+".dump")
			c := exec.Command(pgDumpBin, append(tc.dump, "-Fc", "-f", archive, "-d", src)...)
			c.Env = cleanEnv()
			if tc.off {
				c.Env = append(c.Env, "PGOPTIONS=-c standard_conforming_strings=off")
			}
			if out, err := c.CombinedOutput(); err != nil {
				t.Fatalf("pg_dump: %v\n%s", err, out)
			}
			a, err := pgarchive.Open(archive)
			if err != nil {
				t.Fatal(err)
			}
			var special []string
			for _, e := range a.Entries {
				if e.Desc == "ENCODING" || e.Desc == "STDSTRINGS" {
					special = append(special, strings.TrimSpace(e.Defn.String))
				}
			}
			a.Close()
			t.Logf("%s: %q", dbname, special)
			urlA, urlB := newDB(t), newDB(t)
			want, _ := pgRestore(t, archive, urlA)
			sum, err := pgdrill(t, archive, urlB, Options{})
			var ign *IgnoredErrors
			if err != nil && !errors.As(err, &ign) {
				t.Fatal(err)
			}
			if sum.Errors != want || want != 0 {
				t.Errorf("pgdrill ignored %d errors, pg_restore %d", sum.Errors, want)
			}
			if a, b := pgDump(t, urlA), pgDump(t, urlB); a != b {
				t.Errorf("pg_dump output differs (- pg_restore, + pgdrill):\n%s", diffLines(a, b))
			}
			if a, b := snapshot(t, src), snapshot(t, urlB); a != b {
				t.Errorf("restored database differs from the source:\n%s", diffLines(a, b))
			}
		})
	}
}
