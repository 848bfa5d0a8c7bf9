package content

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/pgdrill/pgdrill/dump"
	"github.com/pgdrill/pgdrill/internal/archiveedit"
	"github.com/pgdrill/pgdrill/internal/pgtest"
	"github.com/pgdrill/pgdrill/pgarchive"
	"github.com/pgdrill/pgdrill/restore"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Run(m)) }

// kindsSchema has a column of every kind of type whose text can differ
// between the dump's session and the check's, and the shapes of table
// whose COPY column list is not simply every column.
const kindsSchema = `
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN tsdom AS timestamptz;
CREATE DOMAIN posint AS integer CHECK (VALUE > 0);
CREATE TYPE stamped AS (at timestamptz, n integer);
CREATE TABLE kinds (
	id integer PRIMARY KEY,
	gone integer,
	tz timestamptz, ts timestamp, d date, tm time, iv interval,
	f4 real, f8 double precision, n numeric,
	b bytea, j json, jb jsonb,
	ia integer[], tza timestamptz[], tr tstzrange, tmr tstzmultirange, ir int4range,
	t text, m mood, dom tsdom, pi posint, st stamped, sta stamped[],
	doubled integer GENERATED ALWAYS AS (id * 2) STORED
);
ALTER TABLE kinds DROP COLUMN gone;
INSERT INTO kinds (id, tz, ts, d, tm, iv, f4, f8, n, b, j, jb, ia, tza, tr, tmr, ir, t, m, dom, pi, st, sta) VALUES
 (1, '2024-03-10 06:59:59.999999+00', '2024-03-10 02:30:00', '2024-02-29', '24:00:00', '1 year 2 mons -3 days 04:05:06.789',
  3.4028235e38, 1.7976931348623157e308, 0.1, '\x00ff5c0a', '{"b": 1,  "a": [1, 2]}', '{"b": 1, "a": [1, 2]}',
  '{1,NULL,3}', '{"2024-11-03 05:30:00+00","1900-01-01 00:00:00+00"}', '[2024-01-01 00:00:00+00,2024-07-01 12:00:00.5+00)',
  '{[2024-01-01,2024-02-01),[2024-06-01,2024-07-01)}', '[1,10)',
  E'tab\there\nnewline\\backslash\r\u00e9t\u00e9 \\N', 'happy', '2024-11-03 06:30:00+00', 7, '("2024-11-03 06:00:00+00",1)',
  '{"(\"1999-12-31 23:59:59.5+00\",2)",NULL}'),
 (2, 'infinity', '-infinity', 'infinity', '00:00:00', '-178000000 years', 1.17549435e-38, 4.9e-324, 'NaN', '', 'null', '{}',
  '{}', '{}', 'empty', '{}', 'empty', '', 'sad', '-infinity', 1, NULL, '{}'),
 (3, '0044-03-15 12:00:00+00 BC', '0001-01-01 00:00:00 BC', '4713-01-01 BC', '12:34:56.000001', '0', 'NaN', '-Infinity', '-0.000000000000000000001',
  '\x', '[]', '[]', '{{1,2},{3,4}}', '{NULL}', '(,)', '{(,)}', '(,)', 'x', 'ok', '294276-12-31 23:59:59.999999+00', 2, '(,)', NULL),
 (4, '1850-06-01 11:50:39+00', '294276-12-31 23:59:59.999999', '5874897-12-31', NULL, NULL, 'Infinity', '-0', 123456789012345678901234567890.123456789,
  NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (5, '2000-01-01 00:00:00+00', '2000-01-01 00:00:00', '2000-01-01', '00:00:00.5', '1 day', -0.1, 0.30000000000000004, 5,
  '\x7f', '"x"', '"x"', '{5}', '{"2000-01-01 00:00:00+00"}', '[2000-01-01 00:00:00+00,)', '{}', '[5,6)', 'five', 'ok', '2000-01-01 00:00:00+00', 5, '(2000-01-01 00:00:00+00,5)', '{}'),
 (6, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);

-- Duplicate rows and no key.
CREATE TABLE dup (v text);
INSERT INTO dup VALUES ('a'), ('a'), ('b');

-- A partitioned table: the data is in the partitions' entries.
CREATE TABLE meas (at date NOT NULL, v integer) PARTITION BY RANGE (at);
CREATE TABLE meas_2023 PARTITION OF meas FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE meas_rest PARTITION OF meas DEFAULT;
INSERT INTO meas SELECT date '2023-01-01' + i * 7, i FROM generate_series(0, 99) i;

-- A table without columns and an empty table.
CREATE TABLE nocols ();
INSERT INTO nocols DEFAULT VALUES;
INSERT INTO nocols DEFAULT VALUES;
CREATE TABLE "Empty ""quoted"" table" (x integer);

CREATE SEQUENCE used START 100 INCREMENT 5;
SELECT nextval('used') FROM generate_series(1, 3);
CREATE SEQUENCE unused;
CREATE TABLE serial_t (id bigserial, note text);
INSERT INTO serial_t (note) SELECT 'n' || i FROM generate_series(1, 1000) i;

SELECT lo_from_bytea(91001, '');
SELECT lo_from_bytea(91002, decode(repeat('0123456789abcdef', 200000), 'hex'));
SELECT lo_from_bytea(91003, 'hello');
`

// restored makes a database from schema, dumps it with pgdrill's dumper in
// a session whose time zone is dumpTZ, restores the archive into a second
// database and returns the archive and a connection to that database.
func restored(t *testing.T, schema, dumpTZ string) (*pgarchive.ReadCloser, *pgx.Conn) {
	t.Helper()
	return restoreFile(t, dumped(t, schema, dumpTZ))
}

// dumped makes a database from schema and returns the path of its archive,
// dumped by pgdrill's dumper in a session whose time zone is dumpTZ.
func dumped(t *testing.T, schema, dumpTZ string) string {
	t.Helper()
	ctx := context.Background()
	src := pgtest.NewDB(t)
	if _, err := pgtest.Conn(t, src).Exec(ctx, schema); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "a.dump")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := dump.Run(ctx, withParam(src, "timezone", dumpTZ), f, dump.Options{Compression: pgarchive.CompressionGzip}); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func restoreFile(t *testing.T, path string) (*pgarchive.ReadCloser, *pgx.Conn) {
	t.Helper()
	a, err := pgarchive.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	dst := pgtest.NewDB(t)
	var warn bytes.Buffer
	if sum, err := restore.Run(context.Background(), a.Reader, dst, restore.Options{NoOwner: true, NoACL: true, Warnings: &warn}); err != nil || sum.Errors != 0 {
		t.Fatalf("restore: %v %d errors\n%s", err, sum.Errors, warn.String())
	}
	return a, pgtest.Conn(t, dst)
}

// archiveText is the COPY text of the archive's table data entry tag.
func archiveText(t *testing.T, a *pgarchive.Reader, tag string) string {
	t.Helper()
	for _, e := range a.Entries {
		if e.Desc == "TABLE DATA" && e.Tag == tag {
			b, err := a.Open(e)
			if err != nil {
				t.Fatal(err)
			}
			defer b.Close()
			raw, err := io.ReadAll(b)
			if err != nil {
				t.Fatal(err)
			}
			return string(raw)
		}
	}
	t.Fatalf("no TABLE DATA %s", tag)
	return ""
}

func withParam(url, k, v string) string {
	sep := "?"
	if strings.Contains(url, "?") {
		sep = "&"
	}
	return url + sep + k + "=" + strings.ReplaceAll(v, "/", "%2F")
}

func compare(t *testing.T, a *pgarchive.Reader, conn *pgx.Conn) *Report {
	t.Helper()
	rep, err := Compare(context.Background(), conn.PgConn(), a, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func table(t *testing.T, rep *Report, name string) Table {
	t.Helper()
	for _, tb := range rep.Tables {
		if tb.Name == name {
			return tb
		}
	}
	t.Fatalf("no table %s in report", name)
	return Table{}
}

// canonicalSHA is what Table.SHA256 promises: the SHA-256 of COPY … TO
// STDOUT under UTC and pg_dump's output settings, computed here on its own.
func canonicalSHA(t *testing.T, conn *pgx.Conn, tb Table) string {
	t.Helper()
	ctx := context.Background()
	if _, err := conn.Exec(ctx, "SET TimeZone = 'UTC'; SET DateStyle = ISO; SET IntervalStyle = postgres; SET extra_float_digits = 3"); err != nil {
		t.Fatal(err)
	}
	cols := make([]string, len(tb.Columns))
	for i, c := range tb.Columns {
		cols[i] = pgx.Identifier{c.Name}.Sanitize()
	}
	sql := "COPY " + pgx.Identifier{tb.Schema, tb.Name}.Sanitize()
	if len(cols) > 0 {
		sql += " (" + strings.Join(cols, ", ") + ")"
	}
	h := sha256.New()
	if _, err := conn.PgConn().CopyTo(ctx, h, sql+" TO STDOUT"); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// TestKindsMatch: every type restores to a match, whatever time zone the
// dump ran in, and each table's SHA256 is the canonical COPY text's.
func TestKindsMatch(t *testing.T) {
	// How the dump session prints 2000-01-01 00:00:00 UTC (row 5): the
	// archive's text differs from the check's, which runs in UTC.
	for tz, midnight := range map[string]string{
		"UTC":              "2000-01-01 00:00:00+00",
		"America/New_York": "1999-12-31 19:00:00-05",
		"Asia/Kolkata":     "2000-01-01 05:30:00+05:30",
		"Europe/Paris":     "2000-01-01 01:00:00+01",
		"Pacific/Chatham":  "2000-01-01 13:45:00+13:45",
	} {
		t.Run(tz, func(t *testing.T) {
			t.Parallel()
			a, conn := restored(t, kindsSchema, tz)
			if rows := archiveText(t, a.Reader, "kinds"); !strings.Contains(rows, "\n5\t"+midnight+"\t") {
				t.Fatalf("archive dumped in %s lacks %q:\n%s", tz, midnight, rows)
			}
			rep := compare(t, a.Reader, conn)
			if !rep.OK() {
				t.Fatalf("not OK: %+v", rep)
			}
			want := map[string]int64{"kinds": 6, "dup": 3, "meas_2023": 53, "meas_rest": 47, "nocols": 2, `Empty "quoted" table`: 0, "serial_t": 1000}
			if len(rep.Tables) != len(want) {
				t.Errorf("%d tables, want %d: %+v", len(rep.Tables), len(want), rep.Tables)
			}
			for _, tb := range rep.Tables {
				if tb.Status != Match || tb.ArchiveRows != want[tb.Name] || tb.RestoredRows != want[tb.Name] {
					t.Errorf("%s: %s archive %d restored %d rows, want match of %d", tb.Name, tb.Status, tb.ArchiveRows, tb.RestoredRows, want[tb.Name])
				}
				if got := canonicalSHA(t, conn, tb); tb.SHA256 != got {
					t.Errorf("%s: sha256 %s, COPY TO under UTC gives %s", tb.Name, tb.SHA256, got)
				}
			}
			kinds := table(t, rep, "kinds")
			for _, c := range kinds.Columns {
				if c.Name == "doubled" || c.Name == "gone" {
					t.Errorf("column %s is in the copy list", c.Name)
				}
			}
			if len(kinds.Columns) != 23 || kinds.Columns[1].Type != "timestamp with time zone" {
				t.Errorf("kinds columns %+v", kinds.Columns)
			}
			if len(rep.Sequences) != 3 {
				t.Errorf("sequences %+v", rep.Sequences)
			}
			for _, s := range rep.Sequences {
				if s.Name == "used" && (s.RestoredValue != "110" || !s.RestoredIsCalled) {
					t.Errorf("sequence used: %+v", s)
				}
			}
			lo := rep.LargeObjects
			if lo.Count != 3 || lo.Restored != 3 || lo.Bytes != 1600000+5 || lo.SHA256 == "" {
				t.Errorf("large objects %+v", lo)
			}
		})
	}
}

type differenceCase struct {
	name    string
	sql     string
	table   string // the table expected to differ; "" when none
	status  Status
	row     int64
	column  string
	arch    string // expected values; "-" for a missing row
	archUTC string // arch when the dump ran in UTC, if it differs
	rest    string
	check   func(t *testing.T, rep *Report)
}

// TestCatchesDifferences seeds one difference per case into the restored
// database and checks the report names it. Changed rows are put back in
// the archive's order (CLUSTER on the key), so the report can point at
// the row and column.
func TestCatchesDifferences(t *testing.T) {
	cases := []differenceCase{
		{name: "no change", status: Match},
		{name: "lost row", sql: "DELETE FROM kinds WHERE id = 3", table: "kinds", status: Differs, row: 3, column: "id", arch: "3", rest: "4"},
		{name: "lost last row", sql: "DELETE FROM kinds WHERE id = 6", table: "kinds", status: Differs, row: 6, arch: "6" + strings.Repeat("\t\\N", 22), rest: "-"},
		{name: "extra row", sql: "INSERT INTO dup VALUES ('c')", table: "dup", status: Differs, row: 4, arch: "-", rest: "c"},
		{name: "one byte", sql: "UPDATE kinds SET t = 'fivf' WHERE id = 5; CLUSTER kinds USING kinds_pkey", table: "kinds", status: Differs, row: 5, column: "t", arch: "five", rest: "fivf"},
		{name: "timestamptz 1us", sql: "UPDATE kinds SET tz = tz + interval '1 microsecond' WHERE id = 1; CLUSTER kinds USING kinds_pkey",
			table: "kinds", status: Differs, row: 1, column: "tz", arch: "2024-03-10 01:59:59.999999-05", archUTC: "2024-03-10 06:59:59.999999+00", rest: "2024-03-10 07:00:00+00"},
		{name: "timestamptz in array 1us", sql: "UPDATE kinds SET tza[2] = tza[2] + interval '1 microsecond' WHERE id = 1; CLUSTER kinds USING kinds_pkey",
			table: "kinds", status: Differs, row: 1, column: "tza", arch: `{"2024-11-03 01:30:00-04","1899-12-31 19:00:00-05"}`, archUTC: `{"2024-11-03 05:30:00+00","1900-01-01 00:00:00+00"}`, rest: `{"2024-11-03 05:30:00+00","1900-01-01 00:00:00.000001+00"}`},
		{name: "float last bit", sql: "UPDATE kinds SET f8 = 0.30000000000000004::float8 + 5e-17 WHERE id = 5; CLUSTER kinds USING kinds_pkey",
			table: "kinds", status: Differs, row: 5, column: "f8", arch: "0.30000000000000004", rest: "0.3000000000000001"},
		{name: "NULL for empty", sql: "UPDATE kinds SET t = NULL WHERE id = 2; CLUSTER kinds USING kinds_pkey", table: "kinds", status: Differs, row: 2, column: "t", arch: "", rest: `\N`},
		{name: "reordered", sql: "CREATE INDEX kinds_desc ON kinds (id DESC); CLUSTER kinds USING kinds_desc", table: "kinds", status: Reordered},
		{name: "reordered partition", sql: "CREATE INDEX ON meas_2023 (v DESC); CLUSTER meas_2023 USING meas_2023_v_idx", table: "meas_2023", status: Reordered},
		{name: "duplicate swapped", sql: "UPDATE dup SET v = 'b' WHERE ctid = '(0,2)'", table: "dup", status: Differs, row: 2, column: "v", arch: "a", rest: "b"},
		{name: "table missing", sql: "DROP TABLE serial_t", table: "serial_t", status: Missing},
		{name: "column missing", sql: "ALTER TABLE dup RENAME COLUMN v TO w", table: "dup", status: Missing},
		{name: "large object byte", sql: "SELECT lo_put(91002, 1000, '\\x00')", check: func(t *testing.T, rep *Report) {
			lo := rep.LargeObjects
			if lo.OK() || lo.Differ != 1 || len(lo.Diffs) != 1 || lo.Diffs[0].OID != 91002 || lo.Diffs[0].Offset != 1000 ||
				!strings.HasPrefix(lo.Diffs[0].Archive, "01") || !strings.HasPrefix(lo.Diffs[0].Restored, "00") {
				t.Errorf("large objects %+v", lo)
			}
		}},
		{name: "large object longer", sql: "SELECT lo_put(91003, 5, '!')", check: func(t *testing.T, rep *Report) {
			lo := rep.LargeObjects
			if lo.OK() || lo.Differ != 1 || lo.Diffs[0].Offset != 5 || lo.Diffs[0].RestoredBytes != 6 || lo.Diffs[0].ArchiveBytes != 5 {
				t.Errorf("large objects %+v", lo)
			}
		}},
		{name: "large object missing", sql: "SELECT lo_unlink(91001)", check: func(t *testing.T, rep *Report) {
			lo := rep.LargeObjects
			if lo.OK() || lo.Differ != 1 || !lo.Diffs[0].Missing || lo.Restored != 2 {
				t.Errorf("large objects %+v", lo)
			}
		}},
		{name: "large object extra", sql: "SELECT lo_from_bytea(0, 'x')", check: func(t *testing.T, rep *Report) {
			if lo := rep.LargeObjects; lo.OK() || lo.Differ != 0 || lo.Restored != 4 {
				t.Errorf("large objects %+v", lo)
			}
		}},
		{name: "sequence off by one", sql: "SELECT nextval('used')", check: func(t *testing.T, rep *Report) {
			for _, s := range rep.Sequences {
				if want := map[bool]Status{true: Differs, false: Match}[s.Name == "used"]; s.Status != want {
					t.Errorf("sequence %+v, want %s", s, want)
				}
				if s.Name == "used" && (s.ArchiveValue != "110" || s.RestoredValue != "115") {
					t.Errorf("sequence %+v", s)
				}
			}
		}},
		{name: "sequence not called", sql: "SELECT setval('used', 110, false)", check: func(t *testing.T, rep *Report) {
			if rep.OK() {
				t.Error("is_called changed, report OK")
			}
		}},
	}
	// In UTC the archive's rows are the check's bytes up to the first
	// difference (its raw path); in New York no row is (its row path).
	for _, tz := range []string{"UTC", "America/New_York"} {
		archive := dumped(t, kindsSchema, tz)
		for _, tc := range cases {
			t.Run(tz+"/"+tc.name, func(t *testing.T) {
				t.Parallel()
				caseOf(t, tc, tz, archive)
			})
		}
	}
}

// caseOf restores archive, makes tc's change and checks the report.
func caseOf(t *testing.T, tc differenceCase, tz, archive string) {
	if tz == "UTC" && tc.archUTC != "" {
		tc.arch = tc.archUTC
	}
	a, conn := restoreFile(t, archive)
	if tc.sql != "" {
		if _, err := conn.Exec(context.Background(), tc.sql); err != nil {
			t.Fatal(err)
		}
	}
	rep := compare(t, a.Reader, conn)
	if tc.check != nil {
		tc.check(t, rep)
		for _, tb := range rep.Tables {
			if tb.Status != Match {
				t.Errorf("%s: %s", tb.Name, tb.Status)
			}
		}
		return
	}
	if rep.OK() != tc.status.OK() {
		t.Errorf("report OK %v, want %v", rep.OK(), tc.status.OK())
	}
	for _, tb := range rep.Tables {
		want := Match
		if tb.Name == tc.table {
			want = tc.status
		}
		if tb.Status != want {
			t.Errorf("%s: status %s (%s), want %s; diff %s", tb.Name, tb.Status, tb.Error, want, diffText(tb.Diff))
		}
		if tb.Name != tc.table || tc.status != Differs {
			if tb.Diff != nil {
				t.Errorf("%s: diff %s, want none", tb.Name, diffText(tb.Diff))
			}
			continue
		}
		d := tb.Diff
		if d == nil {
			t.Fatalf("%s: no diff", tb.Name)
		}
		if d.Row != tc.row || d.Column != tc.column || val(d.Archive) != tc.arch || val(d.Restored) != tc.rest {
			t.Errorf("%s: diff %s, want row %d column %q archive %q restored %q", tb.Name, diffText(d), tc.row, tc.column, tc.arch, tc.rest)
		}
	}
	if tc.status == Reordered {
		if tb := table(t, rep, tc.table); tb.ReorderedAt != 1 {
			t.Errorf("reordered at %d, want 1", tb.ReorderedAt)
		}
	}
}

func val(s *string) string {
	if s == nil {
		return "-"
	}
	return *s
}

func diffText(d *Diff) string {
	if d == nil {
		return "none"
	}
	return fmt.Sprintf("row %d column %q archive %q restored %q", d.Row, d.Column, val(d.Archive), val(d.Restored))
}

// TestSessionPutBack: Compare leaves the session's settings as it found them.
func TestSessionPutBack(t *testing.T) {
	a, conn := restored(t, "CREATE TABLE x (t timestamptz); INSERT INTO x VALUES (now())", "UTC")
	ctx := context.Background()
	if _, err := conn.Exec(ctx, "SET TimeZone = 'Asia/Tokyo'; SET DateStyle = 'German, DMY'; SET extra_float_digits = 0"); err != nil {
		t.Fatal(err)
	}
	if rep := compare(t, a.Reader, conn); !rep.OK() {
		t.Fatalf("%+v", rep)
	}
	var tz, ds, efd string
	if err := conn.QueryRow(ctx, "SELECT current_setting('TimeZone'), current_setting('DateStyle'), current_setting('extra_float_digits')").Scan(&tz, &ds, &efd); err != nil {
		t.Fatal(err)
	}
	if tz != "Asia/Tokyo" || ds != "German, DMY" || efd != "0" {
		t.Errorf("settings after Compare: %s, %s, %s", tz, ds, efd)
	}
}

// TestArchiveEncoding: a LATIN1 database's archive holds LATIN1 bytes;
// restored into a UTF8 database they match only when the check's session
// prints in the archive's encoding. pgdrill's dumper writes the rows of a
// LATIN1 database in UTF-8 under a LATIN1 ENCODING entry (unlike pg_dump),
// so the archive is made here as pg_dump writes it: the rows transcoded.
func TestArchiveEncoding(t *testing.T) {
	ctx := context.Background()
	src := pgtest.NewDB(t)
	if _, err := pgtest.Conn(t, src).Exec(ctx, "CREATE TABLE cafe (cle text); INSERT INTO cafe VALUES ('été'), ('ÿ½'), (E'tab\\there')"); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	utf8Path, latin1Path := filepath.Join(dir, "utf8.dump"), filepath.Join(dir, "latin1.dump")
	f, err := os.Create(utf8Path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := dump.Run(ctx, src, f, dump.Options{}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	toLatin1(t, utf8Path, latin1Path)
	a, conn := restoreFile(t, latin1Path)
	if raw := archiveText(t, a.Reader, "cafe"); !strings.HasPrefix(raw, "\xe9t\xe9\n\xff\xbd\n") {
		t.Fatalf("archive rows are not LATIN1: %q", raw)
	}
	rep := compare(t, a.Reader, conn)
	if rep.Encoding != "LATIN1" || !rep.OK() || len(rep.Tables) != 1 || rep.Tables[0].RestoredRows != 3 {
		t.Fatalf("%+v", rep)
	}
	var got string
	if err := conn.QueryRow(ctx, "SELECT string_agg(cle, ',' ORDER BY cle) FROM cafe").Scan(&got); err != nil || got != "tab\there,été,ÿ½" {
		t.Errorf("restored %q %v", got, err)
	}
	var enc string
	if err := conn.QueryRow(ctx, "SHOW client_encoding").Scan(&enc); err != nil || enc != "UTF8" {
		t.Errorf("client_encoding after Compare: %q %v", enc, err)
	}
}

// toLatin1 copies archive src to dst with a LATIN1 ENCODING entry and the
// table data transcoded from UTF-8 (every character below U+0100).
func toLatin1(t *testing.T, src, dst string) {
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
	err = archiveedit.Copy(f, a.Reader, archiveedit.Edits{
		Entry: func(e *pgarchive.Entry) {
			if e.Desc == "ENCODING" {
				e.Defn = pgarchive.Str("SET client_encoding = 'LATIN1';\n")
			}
		},
		Data: func(e *pgarchive.Entry, block io.Reader) io.Reader {
			raw, err := io.ReadAll(block)
			if err != nil {
				t.Fatal(err)
			}
			var out []byte
			for _, r := range string(raw) {
				out = append(out, byte(r))
			}
			return bytes.NewReader(out)
		},
	})
	if err != nil {
		t.Fatal(err)
	}
}
