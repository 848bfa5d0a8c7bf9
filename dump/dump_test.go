package dump

import (
	"bytes"
	"context"
	"fmt"
	"github.com/pgdrill/pgdrill/internal/pgtools"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/pgdrill/pgdrill/chain"
	"github.com/pgdrill/pgdrill/internal/pgtest"
	"github.com/pgdrill/pgdrill/pgarchive"
	"github.com/pgdrill/pgdrill/restore"
	"github.com/pgdrill/pgdrill/workload"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Run(m)) }

// fixtures are the databases the parity and round-trip tests dump: the
// shared full.sql, every object kind (kinds.sql and more.sql), the audit
// chain with edge values, timestamptz values dumped under a database time
// zone, and objects using an extension installed in a schema of its own.
var fixtures = []string{"full", "kinds", "more", "chain", "tz", "ext", "pg18"}

// pg18Fixture uses what PostgreSQL 18 added to tables and pg_dump 18 writes
// its own way: virtual generated columns, named, NO INHERIT and NOT VALID
// NOT NULL constraints, NOT NULL inherited by partitions and by inheritance
// children (with and without a local one), and a WITHOUT OVERLAPS key. It
// runs only on an 18 server.
const pg18Fixture = `CREATE EXTENSION btree_gist;
CREATE TABLE items (id int CONSTRAINT items_id_required NOT NULL, price numeric NOT NULL,
	qty int NOT NULL NO INHERIT, total numeric GENERATED ALWAYS AS (price * qty) VIRTUAL,
	stored numeric GENERATED ALWAYS AS (price * 2) STORED);
INSERT INTO items (id, price, qty) VALUES (1, 2.5, 4), (2, 1, 1);
CREATE TABLE loose (id int, note text);
INSERT INTO loose VALUES (1, NULL);
ALTER TABLE loose ADD CONSTRAINT loose_note_nn NOT NULL note NOT VALID;
CREATE TABLE events (id int CONSTRAINT events_id_nn NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
INSERT INTO events VALUES (1, '2025-03-01');
CREATE TABLE base (kind text NOT NULL, label text);
CREATE TABLE derived (extra text) INHERITS (base);
ALTER TABLE derived ALTER COLUMN label SET NOT NULL;
CREATE TABLE bookings (room int, during tstzrange, PRIMARY KEY (room, during WITHOUT OVERLAPS));
INSERT INTO bookings VALUES (1, '[2025-01-01, 2025-01-02)');`

// extFixture uses an extension's members in every way that reaches the
// extension through pg_dump's dependency lists: a column of its type, a
// cast and a function body that use one of the type's I/O functions
// directly (pg_dump breaks the loop of a type and its I/O functions), and
// the member's own schema, which is dumped.
const extFixture = `CREATE SCHEMA tools;
CREATE EXTENSION citext WITH SCHEMA tools;
CREATE SCHEMA shop;
CREATE TABLE shop.users (id int PRIMARY KEY, email tools.citext NOT NULL);
CREATE CAST (tools.citext AS bytea) WITH FUNCTION tools.citextsend(tools.citext);
CREATE FUNCTION shop.email_bytes(e tools.citext) RETURNS bytea LANGUAGE sql IMMUTABLE
	BEGIN ATOMIC SELECT tools.citextsend(e); END;
CREATE VIEW shop.emails AS SELECT id, shop.email_bytes(email) AS b FROM shop.users;
INSERT INTO shop.users VALUES (1, 'Ann@Example.org'), (2, 'bob@example.org');`

// newFixture creates a fresh database loaded with the named fixture and
// returns its URL.
func newFixture(t *testing.T, name string) string {
	t.Helper()
	ctx := context.Background()
	url := pgtest.NewDB(t)
	conn := pgtest.Conn(t, url)
	switch name {
	case "full", "kinds", "more":
		ensureReaderRole(t, conn)
		path := "../testdata/dump/" + name + ".sql"
		if name == "full" {
			path = "../testdata/schema/full.sql"
		}
		sql, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		// The role is cluster-wide and made once by ensureReaderRole.
		text := strings.Replace(string(sql), "CREATE ROLE reader NOLOGIN;", "", 1)
		if _, err := conn.Exec(ctx, text); err != nil {
			t.Fatalf("load %s: %v", path, err)
		}
	case "ext":
		if _, err := conn.Exec(ctx, extFixture); err != nil {
			t.Fatalf("load ext fixture: %v", err)
		}
	case "pg18":
		if m, err := pgtools.ServerMajor(); err != nil || m < 18 {
			t.Skipf("the pg18 fixture needs a PostgreSQL 18 server (the tests' is %d)", m)
		}
		if _, err := conn.Exec(ctx, pg18Fixture); err != nil {
			t.Fatalf("load pg18 fixture: %v", err)
		}
	case "chain":
		if err := chain.Migrate(ctx, conn); err != nil {
			t.Fatal(err)
		}
		if _, err := workload.Insert(ctx, conn, workload.Config{Rows: 700, Seed: 11, Edge: true}); err != nil {
			t.Fatal(err)
		}
	case "tz":
		var db string
		if err := conn.QueryRow(ctx, "SELECT current_database()").Scan(&db); err != nil {
			t.Fatal(err)
		}
		stmts := []string{
			fmt.Sprintf("ALTER DATABASE %s SET timezone TO 'Asia/Kolkata'", pgx.Identifier{db}.Sanitize()),
			`CREATE TABLE ts_edges (id int PRIMARY KEY, ts timestamptz, t timestamp, d date, i interval, f float8)`,
			`INSERT INTO ts_edges VALUES
				(1, 'infinity', 'infinity', 'infinity', '1 year 2 mons', 'Infinity'),
				(2, '-infinity', '-infinity', '-infinity', '-1 days +02:03:04.5', '-Infinity'),
				(3, '4713-01-01 00:00:00+00 BC', '4713-01-01 BC', '4713-01-01 BC', '00:00:00.000001', 'NaN'),
				(4, '294276-12-31 23:59:59.999999+00', '294276-12-31 23:59:59.999999', '5874897-12-31', '178000000 years', 1e300),
				(5, '1850-06-01 12:00:00 Asia/Kolkata', '1850-06-01 12:00', '1850-06-01', '-00:00:00.000001', 0.1),
				(6, '1942-09-01 12:00:00+00', '1942-09-01', '1942-09-01', '0', -0.0),
				(7, '2024-02-29 23:59:59.999999+05:30', '2024-02-29 23:59:59.999999', '2024-02-29', NULL, 1e-7),
				(8, NULL, NULL, NULL, NULL, NULL)`,
		}
		for _, s := range stmts {
			if _, err := conn.Exec(ctx, s); err != nil {
				t.Fatalf("%s: %v", s, err)
			}
		}
	default:
		t.Fatalf("unknown fixture %q", name)
	}
	return url
}

// newTarget creates the database to restore a fixture into. Database
// settings are restored by pg_restore only with -C, so the tz fixture's
// time zone is set up front, as an operator would.
func newTarget(t *testing.T, fx string) string {
	t.Helper()
	url := pgtest.NewDB(t)
	if fx == "tz" {
		conn := pgtest.Conn(t, url)
		if _, err := conn.Exec(context.Background(), "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET timezone TO ''Asia/Kolkata''', current_database()); END $$"); err != nil {
			t.Fatal(err)
		}
	}
	return url
}

// ensureReaderRole makes the role the fixtures grant to; roles are
// cluster-wide and tests run in parallel, so losing the race is fine.
func ensureReaderRole(t *testing.T, conn *pgx.Conn) {
	t.Helper()
	_, err := conn.Exec(context.Background(), `DO $$ BEGIN
		IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'reader') THEN CREATE ROLE reader NOLOGIN; END IF;
	EXCEPTION WHEN unique_violation OR duplicate_object THEN NULL; END $$`)
	if err != nil {
		t.Fatal(err)
	}
}

// dumpTo runs Run into a new file and returns its path.
func dumpTo(t *testing.T, url string, opts Options) (string, Summary) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "our.dump")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sum, err := Run(context.Background(), url, f, opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path, sum
}

// dumpFormat dumps url as a custom ('c'), directory ('d', on two
// connections) or tar ('t') archive and returns its path.
func dumpFormat(t *testing.T, url string, format byte, opts Options) string {
	t.Helper()
	switch format {
	case 'd':
		path := filepath.Join(t.TempDir(), "our.dir")
		if _, err := RunDir(context.Background(), url, path, 2, opts); err != nil {
			t.Fatal(err)
		}
		return path
	case 't':
		path := filepath.Join(t.TempDir(), "our.tar")
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if _, err := RunTar(context.Background(), url, f, t.TempDir(), opts); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		return path
	}
	path, _ := dumpTo(t, url, opts)
	return path
}

// tool is a PostgreSQL client program: argv prefix, or nil when missing.
type tool []string

// pg15 and pg17 return the command running that version's program, or nil
// (the tests using them then skip): nil also for a pg_dump older than the
// tests' server. pg18 is PostgreSQL 18's, only when the tests' server is 18
// (the parity cases it serves are about what pg_dump 18 writes for an 18
// server). serverTool is the program of the server's own version, or the
// nearest newer one: the reference dumper of tests that compare databases.
func pg15(name string) tool { return findTool(15, name) }
func pg17(name string) tool { return findTool(17, name) }
func pg18(name string) tool {
	if m, err := pgtools.ServerMajor(); err != nil || m < 18 {
		return nil
	}
	return findTool(18, name)
}
func serverTool(name string) tool {
	_, cmd, err := pgtools.ForServer(name)
	if err != nil {
		return nil
	}
	return tool(cmd)
}

func findTool(major int, name string) tool {
	cmd, err := pgtools.Find(major, name)
	if err != nil {
		return nil
	}
	return tool(cmd)
}

// run runs the tool with a clean environment (no PG* variables, UTC, C
// locale) and returns its standard output. okCodes lists exit codes that
// are not failures.
func (tl tool) run(t *testing.T, stdin io.Reader, args ...string) string {
	t.Helper()
	out, stderr, err := tl.exec(stdin, args...)
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", strings.Join(tl, " "), strings.Join(args, " "), err, stderr)
	}
	return out
}

func (tl tool) exec(stdin io.Reader, args ...string) (string, string, error) {
	cmd := exec.Command(tl[0], append(append([]string{}, tl[1:]...), args...)...)
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "PG") && !strings.HasPrefix(kv, "TZ=") && !strings.HasPrefix(kv, "LC_") && !strings.HasPrefix(kv, "LANG=") {
			env = append(env, kv)
		}
	}
	cmd.Env = append(env, "TZ=UTC", "LC_ALL=C")
	cmd.Stdin = stdin
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	return stdout.String(), stderr.String(), err
}

// scriptNoise matches the lines of pg_restore's script output that differ
// between any two archives: the random \restrict key and the dumper's name.
var scriptNoise = regexp.MustCompile(`(?m)^(\\restrict|\\unrestrict|-- Dumped by pg_dump version).*\n`)

// checkTOC fails the test if restore.CheckTOC finds an entry of the
// archive at path whose SQL does not fit its kind.
func checkTOC(t *testing.T, path string) {
	t.Helper()
	rc, err := pgarchive.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	if err := restore.CheckTOC(rc.Entries); err != nil {
		t.Errorf("%s: %v", filepath.Base(path), err)
	}
}

// tocKeys lists an archive's entries as "desc|namespace|tag|section".
func tocKeys(t *testing.T, path string) []string {
	t.Helper()
	rc, err := pgarchive.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	var keys []string
	for _, e := range rc.Entries {
		ns := "-"
		if e.Namespace.Valid {
			ns = e.Namespace.String
		}
		keys = append(keys, fmt.Sprintf("%s|%s|%s|%s", e.Desc, ns, e.Tag, e.Section))
	}
	sort.Strings(keys)
	return keys
}

// tocFields lists every field of every entry that does not depend on how
// the dumper numbers its entries: all but the dump IDs and dependencies,
// in TOC order (the specials, whose IDs differ, included).
func tocFields(t *testing.T, path string) []string {
	t.Helper()
	rc, err := pgarchive.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	var out []string
	for _, e := range rc.Entries {
		out = append(out, fmt.Sprintf("%s %q %v %d/%d %s defn=%+v drop=%+v copy=%+v ns=%+v ts=%+v am=%+v rk=%d owner=%+v oids=%s",
			e.Desc, e.Tag, e.HadDumper, e.TableOID, e.OID, e.Section, e.Defn, e.DropStmt, e.CopyStmt,
			e.Namespace, e.Tablespace, e.TableAM, e.Relkind, e.Owner, e.WithOIDs))
	}
	return out
}

// notInArchive stands for a dependency on a dump ID that has no entry in
// the archive. pg_dump writes such IDs only where it hands ArchiveEntry an
// explicit list: a COMMENT or ACL on an object it does not dump (the public
// schema, an extension's member), TABLE DATA and SEQUENCE SET in a
// data-only dump, and MATERIALIZED VIEW DATA and pg_dump 17's BLOBS, whose
// lists name the post-data or pre-data boundary. Every other list has each
// such dependency replaced by that object's own (BuildArchiveDependencies).
const notInArchive = "(not in archive)"

// orderedDeps are the entries whose dependency order pg_restore reads, so
// their lists must match in order: a TABLE DATA's first dependency is its
// table (tableDataId; post-data items are repointed through it), and a
// COMMENT's, ACL's or SECURITY LABEL's first is its object (pg_restore -n
// or -L keeps it only when that object is kept; pg_restore 17 finds a
// large objects ACL's BLOB METADATA there). pg_dump gives these and the
// other kinds listed their dependencies explicitly, in a fixed order.
// Every other list is compared as a multiset, duplicates included:
// pg_restore only counts dependencies (depCount and revDeps, each
// occurrence added and released alike; lockDeps), and pg_dump's order
// within one object is whatever its pg_depend query's ORDER BY classid,
// objid leaves among ties (two partitions' identical constraints come out
// in different orders in one archive).
var orderedDeps = map[string]bool{
	"TABLE DATA": true, "COMMENT": true, "ACL": true, "SECURITY LABEL": true,
	"SEQUENCE SET": true, "SEQUENCE OWNED BY": true, "MATERIALIZED VIEW DATA": true,
	"BLOBS": true, "ROW SECURITY": true, "DATABASE PROPERTIES": true,
}

// tocDeps lists, in TOC order, each entry's key (desc, namespace, tag) and
// the keys of the entries its dependencies point to, so that two archives
// compare without regard to how they number their entries. It also
// returns how many dependencies it listed.
func tocDeps(t *testing.T, path string) ([]string, int) {
	t.Helper()
	rc, err := pgarchive.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	key := func(e *pgarchive.Entry) string {
		ns := "-"
		if e.Namespace.Valid {
			ns = e.Namespace.String
		}
		return e.Desc + "|" + ns + "|" + e.Tag
	}
	byID := map[int]*pgarchive.Entry{}
	for _, e := range rc.Entries {
		byID[e.DumpID] = e
	}
	var out []string
	n := 0
	for _, e := range rc.Entries {
		var deps []string
		for _, id := range e.Dependencies {
			if d := byID[id]; d != nil {
				deps = append(deps, key(d))
			} else {
				deps = append(deps, notInArchive)
			}
		}
		n += len(deps)
		how := "in order"
		if !orderedDeps[e.Desc] {
			sort.Strings(deps)
			how = "any order"
		}
		out = append(out, fmt.Sprintf("%s -> %s [%s]", key(e), how, strings.Join(deps, ", ")))
	}
	return out, n
}

// parityCase is one way of dumping: which pg_dump and pg_restore to
// compare with, and the options for both.
type parityCase struct {
	name     string
	pgDump   func(string) tool
	opts     Options
	flags    []string
	fixtures []string
	// analyze runs VACUUM ANALYZE first, so that there are statistics to
	// dump and autovacuum has none left to change between the two dumps.
	analyze bool
}

// statsFixtures are the fixtures the statistics cases dump.
var statsFixtures = []string{"full", "kinds", "more", "ext", "pg18"}

var parityCases = []parityCase{
	{name: "pg15-gzip", pgDump: pg15, opts: Options{Compression: pgarchive.CompressionGzip}, fixtures: fixtures},
	{name: "pg17-zstd", pgDump: pg17, opts: Options{Compression: pgarchive.CompressionZstd}, flags: []string{"-Z", "zstd"}, fixtures: fixtures},
	{name: "pg18-gzip", pgDump: pg18, opts: Options{Compression: pgarchive.CompressionGzip, Format: pgarchive.V1_16}, fixtures: fixtures},
	{name: "pg18-zstd", pgDump: pg18, opts: Options{Compression: pgarchive.CompressionZstd}, flags: []string{"-Z", "zstd"}, fixtures: []string{"full", "kinds"}},
	{name: "pg17-lz4", pgDump: pg17, opts: Options{Compression: pgarchive.CompressionLZ4}, flags: []string{"-Z", "lz4"}, fixtures: []string{"full"}},
	{name: "pg15-none-schema-only", pgDump: pg15, opts: Options{SchemaOnly: true}, flags: []string{"-Z0", "-s"}, fixtures: []string{"kinds"}},
	{name: "pg15-data-only", pgDump: pg15, opts: Options{Compression: pgarchive.CompressionGzip, DataOnly: true}, flags: []string{"-a"}, fixtures: []string{"kinds", "full"}},
	{name: "pg15-schema-app", pgDump: pg15, opts: Options{Compression: pgarchive.CompressionGzip, Schemas: []string{"app"}}, flags: []string{"-n", "app"}, fixtures: []string{"kinds"}},
	{name: "pg15-schema-public", pgDump: pg15, opts: Options{Compression: pgarchive.CompressionGzip, Schemas: []string{"public"}}, flags: []string{"-n", "public"}, fixtures: []string{"kinds"}},
	{name: "pg15-schema-regex", pgDump: pg15, opts: Options{Compression: pgarchive.CompressionGzip, Schemas: []string{"app|public"}}, flags: []string{"-n", "app|public"}, fixtures: []string{"kinds"}},
	{name: "pg15-schema-quoted", pgDump: pg15, opts: Options{Compression: pgarchive.CompressionGzip, Schemas: []string{`"Mixed Case"`}}, flags: []string{"-n", `"Mixed Case"`}, fixtures: []string{"full"}},
	{name: "pg15-tables", pgDump: pg15, opts: Options{Compression: pgarchive.CompressionGzip, Tables: []string{"app.accounts", "app.event*"}}, flags: []string{"-t", "app.accounts", "-t", "app.event*"}, fixtures: []string{"kinds"}},
	{name: "pg15-all-tables-of-a-schema", pgDump: pg15, opts: Options{Compression: pgarchive.CompressionGzip, Tables: []string{"app.*"}}, flags: []string{"-t", "app.*"}, fixtures: []string{"kinds"}},
	{name: "pg15-tables-extra", pgDump: pg15, opts: Options{Compression: pgarchive.CompressionGzip, Tables: []string{"extra.*"}}, flags: []string{"-t", "extra.*"}, fixtures: []string{"more"}},
	{name: "pg15-schema-shop", pgDump: pg15, opts: Options{Compression: pgarchive.CompressionGzip, Schemas: []string{"shop"}}, flags: []string{"-n", "shop"}, fixtures: []string{"ext"}},
	{name: "pg15-schema-extra", pgDump: pg15, opts: Options{Compression: pgarchive.CompressionGzip, Schemas: []string{"extra"}}, flags: []string{"-n", "extra"}, fixtures: []string{"more"}},
	// pg_dump 18's statistics and the part options around them.
	{name: "pg18-statistics", pgDump: pg18, opts: Options{Compression: pgarchive.CompressionGzip, Format: pgarchive.V1_16, Statistics: true}, flags: []string{"--statistics"}, fixtures: statsFixtures, analyze: true},
	{name: "pg18-statistics-only", pgDump: pg18, opts: Options{Compression: pgarchive.CompressionGzip, Format: pgarchive.V1_16, StatisticsOnly: true}, flags: []string{"--statistics-only"}, fixtures: statsFixtures, analyze: true},
	{name: "pg18-no-data-statistics", pgDump: pg18, opts: Options{Compression: pgarchive.CompressionGzip, Format: pgarchive.V1_16, NoData: true, Statistics: true}, flags: []string{"--no-data", "--statistics"}, fixtures: []string{"full", "kinds"}, analyze: true},
	{name: "pg18-no-schema-statistics", pgDump: pg18, opts: Options{Compression: pgarchive.CompressionGzip, Format: pgarchive.V1_16, NoSchema: true, Statistics: true}, flags: []string{"--no-schema", "--statistics"}, fixtures: []string{"full", "kinds"}, analyze: true},
	{name: "pg18-tables-statistics", pgDump: pg18, opts: Options{Compression: pgarchive.CompressionGzip, Format: pgarchive.V1_16, Statistics: true, Tables: []string{"app.*"}}, flags: []string{"--statistics", "-t", "app.*"}, fixtures: []string{"kinds"}, analyze: true},
	{name: "pg18-schema-sequence-data", pgDump: pg18, opts: Options{Compression: pgarchive.CompressionGzip, Format: pgarchive.V1_16, SchemaOnly: true, SequenceData: true}, flags: []string{"-s", "--sequence-data"}, fixtures: []string{"full", "kinds"}},
	{name: "pg18-statistics-only-sequence-data", pgDump: pg18, opts: Options{Compression: pgarchive.CompressionGzip, Format: pgarchive.V1_16, StatisticsOnly: true, SequenceData: true}, flags: []string{"--statistics-only", "--sequence-data"}, fixtures: []string{"kinds"}, analyze: true},
}

// TestPgDumpParity dumps each fixture with Run and with pg_dump and
// requires the same TOC (desc, namespace, tag, section), the same entries in
// the same order with the same fields but dump IDs, the same dependencies
// for each entry (see tocDeps) and, through pg_restore -f -, the same SQL
// script byte for byte, data included.
func TestPgDumpParity(t *testing.T) {
	t.Parallel()
	for _, fx := range fixtures {
		t.Run(fx, func(t *testing.T) {
			t.Parallel()
			url := newFixture(t, fx)
			for _, pc := range parityCases {
				if !contains(pc.fixtures, fx) {
					continue
				}
				t.Run(pc.name, func(t *testing.T) {
					pgDump := pc.pgDump("pg_dump")
					pgRestore := pc.pgDump("pg_restore")
					if pgDump == nil || pgRestore == nil {
						t.Skip("pg_dump/pg_restore for this case are not installed")
					}
					if pc.analyze {
						if _, err := pgtest.Conn(t, url).Exec(context.Background(), "VACUUM ANALYZE"); err != nil {
							t.Fatal(err)
						}
					}
					ours, _ := dumpTo(t, url, pc.opts)
					theirs := filepath.Join(t.TempDir(), "pg.dump")
					pgDump.run(t, nil, append([]string{"-Fc", "-f", theirs, "-d", url}, pc.flags...)...)

					// No false positives of restore's TOC check on pg_dump's
					// archives, nor on ours.
					for _, path := range []string{theirs, ours} {
						checkTOC(t, path)
					}
					if got, want := tocKeys(t, ours), tocKeys(t, theirs); strings.Join(got, "\n") != strings.Join(want, "\n") {
						t.Errorf("TOC differs from pg_dump's:\n%s", lineDiff(want, got))
					}
					if got, want := tocFields(t, ours), tocFields(t, theirs); strings.Join(got, "\n") != strings.Join(want, "\n") {
						t.Errorf("TOC entries differ from pg_dump's:\n%s", lineDiff(want, got))
					}
					gotDeps, _ := tocDeps(t, ours)
					wantDeps, n := tocDeps(t, theirs)
					if strings.Join(gotDeps, "\n") != strings.Join(wantDeps, "\n") {
						t.Errorf("TOC dependencies differ from pg_dump's:\n%s", lineDiff(wantDeps, gotDeps))
					}
					t.Logf("%d entries, %d dependencies compared with pg_dump's", len(wantDeps), n)
					got := scriptNoise.ReplaceAllString(pgRestore.run(t, nil, "-f", "-", ours), "")
					want := scriptNoise.ReplaceAllString(pgRestore.run(t, nil, "-f", "-", theirs), "")
					if got != want {
						t.Errorf("pg_restore -f - script differs from pg_dump's archive's:\n%s", lineDiff(strings.Split(want, "\n"), strings.Split(got, "\n")))
					}
				})
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// lineDiff shows the lines only in want (-) and only in got (+), at most 40.
func lineDiff(want, got []string) string {
	count := map[string]int{}
	for _, l := range want {
		count[l]++
	}
	for _, l := range got {
		count[l]--
	}
	var out []string
	for _, l := range want {
		if count[l] > 0 {
			out = append(out, "- "+l)
			count[l]--
		}
	}
	for l, n := range count {
		for ; n < 0; n++ {
			out = append(out, "+ "+l)
		}
	}
	if len(out) == 0 {
		return "(same lines, different order)"
	}
	if len(out) > 40 {
		out = append(out[:40], fmt.Sprintf("... and %d more", len(out)-40))
	}
	return strings.Join(out, "\n")
}

// TestRestoreWithPgRestore restores our archives with the real pg_restore
// into a fresh database, whose pg_dump -Fp --no-owner --no-acl text must
// equal the source's.
func TestRestoreWithPgRestore(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name    string
		tools   func(string) tool
		opts    Options
		jobs    string
		through string // "file" or "stdin"
		format  byte   // 'c' custom, 'd' directory (dumped with -j 2), 't' tar
	}{
		{"pg15-gzip", pg15, Options{Compression: pgarchive.CompressionGzip}, "1", "file", 'c'},
		{"pg15-none-j2", pg15, Options{}, "2", "file", 'c'},
		{"pg15-gzip-stdin", pg15, Options{Compression: pgarchive.CompressionGzip}, "1", "stdin", 'c'},
		{"pg17-zstd-j2", pg17, Options{Compression: pgarchive.CompressionZstd}, "2", "file", 'c'},
		{"pg17-lz4", pg17, Options{Compression: pgarchive.CompressionLZ4}, "1", "file", 'c'},
		{"pg15-dir-gzip-j2", pg15, Options{Compression: pgarchive.CompressionGzip}, "2", "file", 'd'},
		{"pg15-dir-none", pg15, Options{}, "1", "file", 'd'},
		{"pg17-dir-zstd-j2", pg17, Options{Compression: pgarchive.CompressionZstd}, "2", "file", 'd'},
		{"pg17-dir-lz4", pg17, Options{Compression: pgarchive.CompressionLZ4}, "1", "file", 'd'},
		{"pg15-tar", pg15, Options{}, "1", "file", 't'},
		{"pg17-tar-stdin", pg17, Options{}, "1", "stdin", 't'},
	}
	for _, fx := range fixtures {
		t.Run(fx, func(t *testing.T) {
			t.Parallel()
			src := newFixture(t, fx)
			pgDump := serverTool("pg_dump")
			if pgDump == nil {
				t.Skip("no pg_dump for the tests' server is installed")
			}
			want := plainDump(t, pgDump, src)
			for _, c := range cases {
				t.Run(c.name, func(t *testing.T) {
					pgRestore := c.tools("pg_restore")
					if pgRestore == nil {
						t.Skip("pg_restore for this case is not installed")
					}
					ours := dumpFormat(t, src, c.format, c.opts)
					dst := newTarget(t, fx)
					args := []string{"-d", dst, "-j", c.jobs}
					var stdin io.Reader
					if c.through == "stdin" {
						f, err := os.Open(ours)
						if err != nil {
							t.Fatal(err)
						}
						defer f.Close()
						stdin = f
						args = []string{"-d", dst}
					} else {
						args = append(args, ours)
					}
					_, stderr, err := pgRestore.exec(stdin, args...)
					if err != nil && !onlyTransactionTimeout(stderr) {
						t.Fatalf("pg_restore: %v\n%s", err, stderr)
					}
					if got := plainDump(t, pgDump, dst); got != want {
						t.Errorf("restored database dumps differently from the source:\n%s", lineDiff(strings.Split(want, "\n"), strings.Split(got, "\n")))
					}
				})
			}
		})
	}
}

// onlyTransactionTimeout reports whether pg_restore's only error is the
// SET transaction_timeout that pg_restore 17 sends to a 15 server.
func onlyTransactionTimeout(stderr string) bool {
	for _, l := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if strings.Contains(l, "transaction_timeout") || strings.Contains(l, "errors ignored on restore: 1") ||
			strings.HasPrefix(l, "pg_restore: error: could not execute query") || strings.HasPrefix(l, "pg_restore: from TOC entry") ||
			strings.HasPrefix(l, "Command was:") || strings.TrimSpace(l) == "" || strings.HasPrefix(l, "pg_restore: warning: errors ignored") {
			continue
		}
		return false
	}
	return strings.Contains(stderr, "transaction_timeout")
}

func plainDump(t *testing.T, pgDump tool, url string) string {
	t.Helper()
	return scriptNoise.ReplaceAllString(pgDump.run(t, nil, "-Fp", "--no-owner", "--no-acl", "-d", url), "")
}

// TestRoundTripPgdrillRestore dumps, restores with the pure-Go restore
// package (from a seekable file and from a stream) and compares source and
// target through the catalogs and table checksums; it needs no PostgreSQL
// client programs.
func TestRoundTripPgdrillRestore(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, fx := range fixtures {
		t.Run(fx, func(t *testing.T) {
			t.Parallel()
			src := newFixture(t, fx)
			want := fingerprint(t, pgtest.Conn(t, src))
			for _, c := range []struct {
				name   string
				opts   Options
				stream bool
			}{
				{"gzip-file", Options{Compression: pgarchive.CompressionGzip}, false},
				{"zstd-stream", Options{Compression: pgarchive.CompressionZstd}, true},
				{"lz4-file", Options{Compression: pgarchive.CompressionLZ4}, false},
			} {
				t.Run(c.name, func(t *testing.T) {
					dst := newTarget(t, fx)
					if c.stream {
						pr, pw := io.Pipe()
						done := make(chan error, 1)
						go func() {
							_, err := Run(ctx, src, pw, c.opts)
							pw.CloseWithError(err)
							done <- err
						}()
						s, err := pgarchive.NewStream(pr)
						if err != nil {
							t.Fatal(err)
						}
						if _, err := restore.RunStream(ctx, s, dst, restore.Options{ExitOnError: true}); err != nil {
							t.Fatal(err)
						}
						io.Copy(io.Discard, pr)
						if err := <-done; err != nil {
							t.Fatal(err)
						}
					} else {
						path, _ := dumpTo(t, src, c.opts)
						rc, err := pgarchive.Open(path)
						if err != nil {
							t.Fatal(err)
						}
						defer rc.Close()
						if _, err := restore.Run(ctx, rc.Reader, dst, restore.Options{ExitOnError: true, Jobs: 2}); err != nil {
							t.Fatal(err)
						}
					}
					dconn := pgtest.Conn(t, dst)
					if got := fingerprint(t, dconn); strings.Join(got, "\n") != strings.Join(want, "\n") {
						t.Errorf("restored database differs from the source:\n%s", lineDiff(want, got))
					}
					if fx == "chain" {
						res, err := chain.VerifyDB(ctx, dconn)
						if err != nil || !res.OK() || res.RowCount != 700 {
							t.Errorf("restored chain: %+v, %v", res, err)
						}
					}
				})
			}
		})
	}
}

// fingerprintQueries describe a database's user objects and data without
// OIDs, so two databases with the same contents give the same lines.
var fingerprintQueries = []string{
	`SELECT 'rel ' || n.nspname || '.' || c.relname || ' ' || c.relkind::text || c.relpersistence::text || ' ' || COALESCE(array_to_string(c.reloptions, ','), '')
		|| ' ' || c.relrowsecurity || c.relforcerowsecurity || c.relreplident::text || ' ' || pg_get_userbyid(c.relowner) || ' ' || COALESCE(c.relacl::text, '')
		|| ' ' || COALESCE(pg_get_partkeydef(c.oid), '') || ' ' || COALESCE(pg_get_expr(c.relpartbound, c.oid), '') || ' ' || COALESCE(am.amname, '')
	 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_am am ON am.oid = c.relam
	 WHERE n.nspname !~ '^(pg_|information_schema)' AND c.relkind IN ('r','p','v','m','S','i','I','c')`,
	`SELECT 'col ' || a.attrelid::regclass || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull
		|| ' ' || COALESCE(pg_get_expr(d.adbin, d.adrelid), '') || ' ' || a.attidentity::text || a.attgenerated::text || a.attstorage::text || ' ' || COALESCE(a.attstattarget, -1)
		|| ' ' || a.attcollation::regcollation || ' ' || COALESCE(a.attacl::text, '') || ' ' || a.attislocal || a.attinhcount
	 FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
	 LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
	 WHERE n.nspname !~ '^(pg_|information_schema)' AND a.attnum > 0 AND NOT a.attisdropped`,
	`SELECT 'con ' || conrelid::regclass || ' ' || contypid::regtype || ' ' || conname || ' ' || pg_get_constraintdef(oid) || ' ' || convalidated || conislocal
	 FROM pg_constraint WHERE connamespace::regnamespace::text !~ '^(pg_|information_schema)'`,
	`SELECT 'idx ' || pg_get_indexdef(i.indexrelid) || ' ' || i.indisclustered || i.indisreplident FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
	 WHERE c.relnamespace::regnamespace::text !~ '^(pg_|information_schema)'`,
	`SELECT 'view ' || c.oid::regclass || ' ' || pg_get_viewdef(c.oid) FROM pg_class c WHERE c.relkind IN ('v','m') AND c.relnamespace::regnamespace::text !~ '^(pg_|information_schema)'`,
	`SELECT 'matview-populated ' || c.oid::regclass || ' ' || c.relispopulated FROM pg_class c WHERE c.relkind = 'm' AND c.relnamespace::regnamespace::text !~ '^(pg_|information_schema)'`,
	`SELECT 'func ' || CASE WHEN p.prokind = 'a' THEN p.oid::regprocedure::text ELSE pg_get_functiondef(p.oid) END || ' ' || pg_get_userbyid(p.proowner) || ' ' || COALESCE(p.proacl::text, '')
	 FROM pg_proc p WHERE p.pronamespace::regnamespace::text !~ '^(pg_|information_schema)'
	 AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')`,
	`SELECT 'agg ' || aggfnoid::regprocedure || ' ' || aggtransfn || ' ' || aggtranstype::regtype || ' ' || COALESCE(agginitval, '') FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
	 WHERE p.pronamespace::regnamespace::text !~ '^(pg_|information_schema)'`,
	`SELECT 'trg ' || pg_get_triggerdef(oid) || ' ' || tgenabled::text FROM pg_trigger WHERE NOT tgisinternal`,
	`SELECT 'rule ' || pg_get_ruledef(oid) || ' ' || ev_enabled::text FROM pg_rewrite WHERE rulename <> '_RETURN' AND ev_class::regclass::text !~ '^(pg_|information_schema)'`,
	`SELECT 'pol ' || schemaname || '.' || tablename || ' ' || policyname || ' ' || permissive || ' ' || roles::text || ' ' || cmd || ' ' || COALESCE(qual, '') || ' ' || COALESCE(with_check, '') FROM pg_policies`,
	`SELECT 'type ' || t.oid::regtype || ' ' || t.typtype::text || ' ' || COALESCE(format_type(t.typbasetype, t.typtypmod), '') || ' ' || t.typnotnull || ' ' || COALESCE(t.typdefault, '')
		|| ' ' || COALESCE((SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = t.oid), '') || ' ' || COALESCE(t.typacl::text, '')
	 FROM pg_type t WHERE t.typnamespace::regnamespace::text !~ '^(pg_|information_schema)' AND t.typtype IN ('e','d','r','c','m')`,
	`SELECT 'seq ' || schemaname || '.' || sequencename || ' ' || data_type::text || ' ' || start_value || ' ' || min_value || ' ' || max_value || ' ' || increment_by || ' ' || cycle || ' ' || cache_size || ' ' || COALESCE(last_value::text, 'null') FROM pg_sequences`,
	`SELECT 'dep-owned ' || d.objid::regclass || ' ' || d.refobjid::regclass || ' ' || d.refobjsubid || ' ' || d.deptype::text FROM pg_depend d JOIN pg_class c ON c.oid = d.objid
	 WHERE d.classid = 'pg_class'::regclass AND c.relkind = 'S' AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a','i')`,
	`SELECT 'inh ' || inhrelid::regclass || ' ' || inhparent::regclass || ' ' || inhseqno FROM pg_inherits`,
	`SELECT 'comment ' || (pg_identify_object(classoid, objoid, objsubid)).identity || ' ' || (pg_identify_object(classoid, objoid, objsubid)).type || ' ' || description
	 FROM pg_description WHERE objoid >= 16384 AND classoid <> 'pg_largeobject'::regclass
	 AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = classoid AND d.objid = objoid AND d.deptype = 'e')`,
	`SELECT 'nsp ' || nspname || ' ' || pg_get_userbyid(nspowner) || ' ' || COALESCE(nspacl::text, '') FROM pg_namespace WHERE nspname !~ '^(pg_|information_schema)'`,
	`SELECT 'defacl ' || pg_get_userbyid(defaclrole) || ' ' || defaclnamespace::regnamespace || ' ' || defaclobjtype::text || ' ' || defaclacl::text FROM pg_default_acl`,
	`SELECT 'ext ' || extname || ' ' || extnamespace::regnamespace || ' ' || extversion FROM pg_extension`,
	`SELECT 'lo ' || m.oid || ' ' || pg_get_userbyid(m.lomowner) || ' ' || COALESCE(m.lomacl::text, '') || ' ' || md5(lo_get(m.oid)) || ' ' || COALESCE(obj_description(m.oid, 'pg_largeobject'), '') FROM pg_largeobject_metadata m`,
}

func fingerprint(t *testing.T, conn *pgx.Conn) []string {
	t.Helper()
	ctx := context.Background()
	var lines []string
	for _, q := range fingerprintQueries {
		rows, err := conn.Query(ctx, q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		got, err := pgx.CollectRows(rows, pgx.RowTo[*string])
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		for _, s := range got {
			if s == nil {
				t.Fatalf("NULL line from %s", q)
			}
			lines = append(lines, *s)
		}
	}
	// Table contents: a checksum of every row's text, in a stable order.
	rows, err := conn.Query(ctx, `SELECT c.oid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE c.relkind IN ('r', 'm') AND n.nspname !~ '^(pg_|information_schema)' AND c.relispopulated`)
	if err != nil {
		t.Fatal(err)
	}
	tables, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	for _, tbl := range tables {
		var n int64
		var sum *string
		q := fmt.Sprintf("SELECT count(*), md5(string_agg(x::text, E'\\n' ORDER BY x::text COLLATE \"C\")) FROM ONLY %s x", tbl)
		if err := conn.QueryRow(ctx, q).Scan(&n, &sum); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		lines = append(lines, fmt.Sprintf("data %s %d %s", tbl, n, str(sum)))
	}
	sort.Strings(lines)
	return lines
}

// TestNonSeekableOutput writes to a pipe: positions stay "not set" and the
// archive still reads as a stream and through pg_restore's standard input.
func TestNonSeekableOutput(t *testing.T) {
	t.Parallel()
	src := newFixture(t, "chain")
	var buf bytes.Buffer
	sum, err := Run(context.Background(), src, &buf, Options{Compression: pgarchive.CompressionGzip})
	if err != nil {
		t.Fatal(err)
	}
	if sum.ArchiveBytes != int64(buf.Len()) || sum.Tables != 2 || sum.Rows != 701 {
		t.Errorf("summary %+v for %d bytes", sum, buf.Len())
	}
	s, err := pgarchive.NewStream(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range s.Entries {
		if e.HadDumper && e.DataState != pgarchive.DataPosNotSet {
			t.Errorf("%s: data state %s, want not-set", e, e.DataState)
		}
	}
	var events bytes.Buffer
	for {
		b, err := s.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if b.Entry.Tag == chain.EventsTable {
			if _, err := io.Copy(&events, b); err != nil {
				t.Fatal(err)
			}
		}
	}
	res, err := chain.VerifyCopy(bytes.NewReader(events.Bytes()), chain.EventColumns)
	if err != nil || res.FirstBreak != nil || res.RowCount != 700 {
		t.Errorf("chain in the archive: %v, %v", res, err)
	}
	if pgRestore := pg15("pg_restore"); pgRestore != nil {
		list := pgRestore.run(t, bytes.NewReader(buf.Bytes()), "-l")
		if !strings.Contains(list, "TABLE DATA public audit_events") {
			t.Errorf("pg_restore -l from standard input:\n%s", list)
		}
	}
}

// TestSeekableOffsets checks that a dump to a file carries each block's
// position, as pg_dump's does, which pg_restore -j uses to size its work.
func TestSeekableOffsets(t *testing.T) {
	t.Parallel()
	src := newFixture(t, "chain")
	path, _ := dumpTo(t, src, Options{Compression: pgarchive.CompressionZstd})
	rc, err := pgarchive.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	if rc.Header.Version != pgarchive.V1_16 || rc.Header.Compression != pgarchive.CompressionZstd {
		t.Errorf("header %+v", rc.Header)
	}
	for _, e := range rc.Entries {
		if e.HadDumper && (e.DataState != pgarchive.DataPosSet || e.Offset < rc.DataStart()) {
			t.Errorf("%s: %s at %d", e, e.DataState, e.Offset)
		}
		if !e.HadDumper && e.DataState != pgarchive.DataNone {
			t.Errorf("%s: %s without data", e, e.DataState)
		}
	}
}

// TestUnsupportedObjects: what the dumper cannot write is an error naming
// the object, never a silent omission.
func TestUnsupportedObjects(t *testing.T) {
	t.Parallel()
	cases := []struct{ sql, want string }{
		{`CREATE ACCESS METHOD my_am TYPE TABLE HANDLER heap_tableam_handler`, "access method my_am"},
		{`CREATE TEXT SEARCH TEMPLATE my_tmpl (LEXIZE = dsimple_lexize)`, "text search template my_tmpl"},
		{`CREATE CONVERSION my_conv FOR 'LATIN1' TO 'UTF8' FROM iso8859_1_to_utf8`, "conversion my_conv"},
		{`CREATE FUNCTION my_out(anyelement) RETURNS anyelement LANGUAGE sql AS 'SELECT $1'; CREATE TRANSFORM FOR int LANGUAGE sql (FROM SQL WITH FUNCTION prsd_lextype(internal), TO SQL WITH FUNCTION int4recv(internal))`, "transform"},
		{`CREATE TYPE shell_only`, "base or shell type public.shell_only"},
	}
	for _, c := range cases {
		t.Run(c.want, func(t *testing.T) {
			t.Parallel()
			url := pgtest.NewDB(t)
			if _, err := pgtest.Conn(t, url).Exec(context.Background(), c.sql); err != nil {
				t.Fatal(err)
			}
			_, err := Run(context.Background(), url, io.Discard, Options{})
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "not supported") {
				t.Errorf("error %v, want one naming %q as not supported", err, c.want)
			}
		})
	}
}

func TestOptionErrors(t *testing.T) {
	t.Parallel()
	url := newFixture(t, "chain")
	cases := []struct {
		opts Options
		want string
	}{
		{Options{SchemaOnly: true, DataOnly: true}, "cannot be used together"},
		{Options{Schemas: []string{"nosuch"}}, "no matching schemas"},
		{Options{Tables: []string{"nosuch"}}, "no matching tables"},
		{Options{Schemas: []string{`"open`}}, "no matching schemas"},
		{Options{Compression: pgarchive.CompressionZstd, Format: pgarchive.V1_14}, "needs format 1.15"},
	}
	for _, c := range cases {
		_, err := Run(context.Background(), url, io.Discard, c.opts)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: error %v, want %q", c.opts, err, c.want)
		}
	}
	if _, err := Run(context.Background(), "postgres://127.0.0.1:1/x?connect_timeout=2", io.Discard, Options{}); err == nil || !strings.Contains(err.Error(), "dump: connect") {
		t.Errorf("unreachable server: %v", err)
	}
}

// TestTOCInvariants checks what pg_restore relies on in every archive: the
// special entries first, unique positive dump IDs, sections in order
// (pre-data, data, post-data, with section-none entries after their
// parent), and each TABLE DATA's first dependency being its TABLE.
func TestTOCInvariants(t *testing.T) {
	t.Parallel()
	src := newFixture(t, "kinds")
	for _, opts := range []Options{{Compression: pgarchive.CompressionGzip}, {Compression: pgarchive.CompressionZstd}} {
		path, sum := dumpTo(t, src, opts)
		rc, err := pgarchive.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		if sum.Entries != len(rc.Entries) {
			t.Errorf("summary says %d entries, archive has %d", sum.Entries, len(rc.Entries))
		}
		var descs []string
		for _, e := range rc.Entries[:3] {
			descs = append(descs, e.Desc)
		}
		if strings.Join(descs, ",") != "ENCODING,STDSTRINGS,SEARCHPATH" {
			t.Errorf("first entries %v", descs)
		}
		inArchive := map[int]bool{}
		for _, e := range rc.Entries {
			inArchive[e.DumpID] = true
		}
		ids := map[int]*pgarchive.Entry{}
		tables := map[string]int{}
		section := pgarchive.SectionPreData
		for _, e := range rc.Entries {
			if e.DumpID <= 0 || ids[e.DumpID] != nil {
				t.Errorf("%s: dump ID not positive and unique", e)
			}
			ids[e.DumpID] = e
			if e.Section != pgarchive.SectionNone {
				if e.Section < section {
					t.Errorf("%s: section %s after %s", e, e.Section, section)
				}
				section = e.Section
			}
			if e.Section == pgarchive.SectionNone {
				if len(e.Dependencies) == 0 {
					t.Errorf("%s: no parent", e)
				} else if p := ids[e.Dependencies[0]]; p == nil && inArchive[e.Dependencies[0]] {
					// A parent may be absent (the public schema, an
					// extension's function whose ACL changed), never later.
					t.Errorf("%s: parent %d comes after it", e, e.Dependencies[0])
				}
			}
			if e.Desc == "TABLE" {
				tables[e.Name()] = e.DumpID
			}
			if e.Desc == "TABLE DATA" && (len(e.Dependencies) == 0 || e.Dependencies[0] != tables[e.Name()]) {
				t.Errorf("%s: first dependency %v, want its TABLE %d", e, e.Dependencies, tables[e.Name()])
			}
		}
		rc.Close()
	}
}
