package restore

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/pgdrill/pgdrill/internal/pgtest"
	"github.com/pgdrill/pgdrill/internal/pgtools"
	"github.com/pgdrill/pgdrill/pgarchive"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/restore")

// fixtures are the archives every restore test replays, by path under
// testdata.
var fixtures = []string{
	"pg15/full-none.dump",
	"pg15/full-gzip.dump",
	"pg15/full-gzip-pipe.dump",
	"pg17/full-none.dump",
	"pg17/full-gzip.dump",
	"pg17/full-lz4.dump",
	"pg17/full-zstd.dump",
	"pg17/full-zstd-pipe.dump",
	"pg17/tz-paris.dump",
	"pg17/tz-kolkata.dump",
	"pg17/empty.dump",
}

// fixturePath is the path of a fixture named under testdata; archives the
// tests make themselves are named by absolute path.
func fixturePath(name string) string {
	if filepath.IsAbs(name) {
		return name
	}
	return filepath.Join("..", "testdata", name)
}

// newDB makes a fresh database with the role the fixtures grant to. Roles
// are cluster-wide, so creating it must tolerate an earlier test's.
func newDB(t *testing.T) string {
	t.Helper()
	url := pgtest.NewDB(t)
	c := pgtest.Conn(t, url)
	_, err := c.Exec(context.Background(),
		`DO $$BEGIN CREATE ROLE reader NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END$$`)
	if err != nil {
		t.Fatal(err)
	}
	return url
}

// pgdrill restores the fixture into url with opts.
func pgdrill(t *testing.T, fixture, url string, opts Options) (Summary, error) {
	t.Helper()
	a, err := pgarchive.Open(fixturePath(fixture))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	var warn bytes.Buffer
	if opts.Warnings == nil {
		opts.Warnings = &warn
	}
	sum, err := Run(context.Background(), a.Reader, url, opts)
	if warn.Len() > 0 {
		t.Logf("pgdrill warnings:\n%s", warn.String())
	}
	return sum, err
}

// pgRestoreCmd returns the pg_restore command that reads fixture's format
// version: 15 for 1.14 archives (made by pg_dump 15, or by the tests' own
// pg_dump when the server is 15), 17 for 1.16, or the server's own when it
// is newer (an archive pg_dump 18 made). The test is skipped when it is not
// installed.
func pgRestoreCmd(t *testing.T, fixture string) []string {
	t.Helper()
	if strings.HasPrefix(fixture, "pg15/") || strings.Contains(fixture, "/pg15-") {
		if a, err := pgarchive.Open(fixturePath(fixture)); err == nil {
			v := a.Header.Version
			a.Close()
			if v.Less(pgarchive.V1_16) {
				return pgtools.Need(t, 15, "pg_restore")
			}
		} else {
			return pgtools.Need(t, 15, "pg_restore")
		}
	}
	if m, err := pgtools.ServerMajor(); err == nil && m > 17 {
		_, cmd := pgtools.NeedForServer(t, "pg_restore")
		return cmd
	}
	return pgtools.Need(t, 17, "pg_restore")
}

// serverPgDump is the path of the pg_dump of the tests' server's version
// (or the nearest newer one); the test is skipped without one.
func serverPgDump(t *testing.T) string {
	t.Helper()
	_, cmd := pgtools.NeedForServer(t, "pg_dump")
	if len(cmd) != 1 {
		t.Skipf("pg_dump runs through a wrapper (%q); this test needs its path", cmd)
	}
	return cmd[0]
}

// pgDump18 is pgDumpCmd for pg_dump 18, only when the tests' server is 18:
// on older servers the 15 and 17 cases already cover what it would.
func pgDump18(t *testing.T, args ...string) []string {
	t.Helper()
	if m, err := pgtools.ServerMajor(); err != nil || m < 18 {
		return nil
	}
	return pgDumpCmd(t, 18, args...)
}

// pgDumpCmd is the pg_dump of a major version with args, or nil (logged)
// when it is not installed, for tests that make archives with every
// pg_dump they find.
func pgDumpCmd(t *testing.T, major int, args ...string) []string {
	t.Helper()
	cmd, err := pgtools.Find(major, "pg_dump")
	if err != nil {
		t.Logf("skipping pg_dump %d: %v", major, err)
		return nil
	}
	return append(cmd, args...)
}

// cleanEnv is the environment for the PostgreSQL tools, without settings
// that would make the two restores differ from each other or from the
// server's defaults.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		switch strings.SplitN(kv, "=", 2)[0] {
		case "PGTZ", "PGOPTIONS", "PGDATESTYLE", "PGCLIENTENCODING", "PGDATABASE", "PGSERVICE":
			continue
		}
		env = append(env, kv)
	}
	return env
}

// errorsIgnored matches pg_restore's closing warning.
var errorsIgnored = regexp.MustCompile(`errors ignored on restore: (\d+)`)

// pgRestore runs pg_restore and returns how many errors it ignored, not
// counting the one pg_restore 17 always gets from a 15 server for
// SET transaction_timeout.
func pgRestore(t *testing.T, fixture, url string, args ...string) (ignored int, stderr string) {
	t.Helper()
	return runPgRestore(t, fixture, url, false, args)
}

// pgRestoreStdin is pgRestore with the archive on standard input.
func pgRestoreStdin(t *testing.T, fixture, url string, args ...string) int {
	t.Helper()
	ignored, _ := runPgRestore(t, fixture, url, true, args)
	return ignored
}

func runPgRestore(t *testing.T, fixture, url string, stdin bool, args []string) (ignored int, stderr string) {
	t.Helper()
	cmd := pgRestoreCmd(t, fixture)
	cmd = append(cmd, args...)
	cmd = append(cmd, "-d", url)
	if !stdin {
		cmd = append(cmd, fixturePath(fixture))
	}
	c := exec.Command(cmd[0], cmd[1:]...)
	c.Env = cleanEnv()
	if stdin {
		in, err := os.Open(fixturePath(fixture))
		if err != nil {
			t.Fatal(err)
		}
		defer in.Close()
		c.Stdin = in
	}
	var errb bytes.Buffer
	c.Stderr = &errb
	err := c.Run()
	stderr = errb.String()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatalf("pg_restore: %v", err)
	}
	if m := errorsIgnored.FindStringSubmatch(stderr); m != nil {
		fmt.Sscan(m[1], &ignored)
	} else if err != nil {
		t.Fatalf("pg_restore failed: %v\n%s", err, stderr)
	}
	return ignored - timeoutErrors(stderr, args), stderr
}

// timeoutErrors is how many of pg_restore 17's ignored errors are its
// SET transaction_timeout on a 15 server: one for the first connection, and
// with -j one more for the leader's reconnection at the end (the workers'
// failures are printed but not counted).
func timeoutErrors(stderr string, args []string) int {
	if !strings.Contains(stderr, `unrecognized configuration parameter "transaction_timeout"`) {
		return 0
	}
	for _, a := range args {
		if a == "-j" || strings.HasPrefix(a, "--jobs") {
			return 2
		}
	}
	return 1
}

// pgDump is the plain-text dump of url by the pg_dump of the server's own
// version (or the nearest newer one), without the random \restrict key
// lines.
func pgDump(t *testing.T, url string, args ...string) string {
	t.Helper()
	_, cmd := pgtools.NeedForServer(t, "pg_dump")
	cmd = append(cmd, "-Fp")
	cmd = append(append(cmd, args...), "-d", url)
	c := exec.Command(cmd[0], cmd[1:]...)
	c.Env = cleanEnv()
	var out, errb bytes.Buffer
	c.Stdout, c.Stderr = &out, &errb
	if err := c.Run(); err != nil {
		t.Fatalf("pg_dump: %v\n%s", err, errb.String())
	}
	var keep []string
	for _, l := range strings.SplitAfter(out.String(), "\n") {
		if strings.HasPrefix(l, `\restrict `) || strings.HasPrefix(l, `\unrestrict `) {
			continue
		}
		keep = append(keep, l)
	}
	return strings.Join(keep, "")
}

// snapshot describes a database's end state as text: every user object
// with its owner, ACL and comment, every table's row count and a hash of
// its rows, sequence values and large objects with a hash of their bytes.
func snapshot(t *testing.T, url string) string {
	t.Helper()
	ctx := context.Background()
	c := pgtest.Conn(t, url)
	var b strings.Builder
	section := func(title, q string) {
		rows, err := c.Query(ctx, q, pgx.QueryExecModeSimpleProtocol)
		if err != nil {
			t.Fatalf("snapshot %s: %v", title, err)
		}
		fmt.Fprintf(&b, "## %s\n", title)
		for rows.Next() {
			vals, err := rows.Values()
			if err != nil {
				t.Fatal(err)
			}
			parts := make([]string, len(vals))
			for i, v := range vals {
				if v == nil {
					parts[i] = "NULL"
				} else {
					parts[i] = fmt.Sprint(v)
				}
			}
			fmt.Fprintf(&b, "%q\n", parts)
		}
		if err := rows.Err(); err != nil {
			t.Fatalf("snapshot %s: %v", title, err)
		}
	}
	const userNS = `n.nspname NOT IN ('pg_catalog','information_schema','pg_toast') AND n.nspname NOT LIKE 'pg_temp%' AND n.nspname NOT LIKE 'pg_toast_temp%'`
	section("schemas", `SELECT n.nspname, pg_get_userbyid(n.nspowner), n.nspacl::text, obj_description(n.oid, 'pg_namespace')
		FROM pg_namespace n WHERE `+userNS+` ORDER BY 1`)
	section("relations", `SELECT n.nspname, c.relname, c.relkind::text, c.relpersistence::text, pg_get_userbyid(c.relowner), c.relacl::text,
		obj_description(c.oid, 'pg_class'), c.relispopulated
		FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE `+userNS+` ORDER BY 1, 2`)
	section("columns", `SELECT n.nspname, c.relname, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
		a.attidentity::text, a.attgenerated::text, pg_get_expr(d.adbin, d.adrelid), a.attacl::text, col_description(c.oid, a.attnum)
		FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
		LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
		WHERE `+userNS+` AND a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r','p','v','m','f') ORDER BY 1, 2, 3`)
	section("constraints", `SELECT n.nspname, conrelid::regclass::text, conname, contype::text, pg_get_constraintdef(co.oid)
		FROM pg_constraint co JOIN pg_namespace n ON n.oid = co.connamespace WHERE `+userNS+` ORDER BY 1, 2, 3`)
	section("indexes", `SELECT schemaname, tablename, indexname, indexdef FROM pg_indexes
		WHERE schemaname NOT IN ('pg_catalog','information_schema') ORDER BY 1, 2, 3`)
	section("triggers", `SELECT tgrelid::regclass::text, tgname, tgenabled::text, pg_get_triggerdef(t.oid) FROM pg_trigger t
		WHERE NOT tgisinternal ORDER BY 1, 2`)
	section("functions", `SELECT n.nspname, p.proname, pg_get_function_identity_arguments(p.oid), pg_get_userbyid(p.proowner),
		p.proacl::text, md5(p.prosrc), obj_description(p.oid, 'pg_proc')
		FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE `+userNS+` ORDER BY 1, 2, 3`)
	section("types", `SELECT n.nspname, t.typname, t.typtype::text, pg_get_userbyid(t.typowner),
		(SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = t.oid)
		FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
		WHERE `+userNS+` AND t.typtype IN ('e','d','r','m') ORDER BY 1, 2`)
	section("sequences", `SELECT schemaname, sequencename, last_value, start_value, increment_by FROM pg_sequences ORDER BY 1, 2`)
	section("default acls", `SELECT pg_get_userbyid(defaclrole), defaclnamespace::regnamespace::text, defaclobjtype::text, defaclacl::text
		FROM pg_default_acl ORDER BY 1, 2, 3`)
	section("large objects", `SELECT m.oid::text, pg_get_userbyid(m.lomowner), m.lomacl::text, obj_description(m.oid, 'pg_largeobject'),
		length(lo_get(m.oid)), md5(lo_get(m.oid)) FROM pg_largeobject_metadata m ORDER BY m.oid`)

	// Row counts and a hash of each table's rows.
	rows, err := c.Query(ctx, `SELECT format('%I.%I', n.nspname, c.relname), n.nspname, c.relname FROM pg_class c
		JOIN pg_namespace n ON n.oid = c.relnamespace WHERE `+userNS+` AND c.relkind IN ('r','p','m') AND c.relispopulated ORDER BY 2, 3`)
	if err != nil {
		t.Fatal(err)
	}
	var tables [][2]string
	for rows.Next() {
		var q, ns, name string
		if err := rows.Scan(&q, &ns, &name); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, [2]string{q, ns + "." + name})
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	b.WriteString("## table rows\n")
	for _, tb := range tables {
		var n int64
		var sum string
		err := c.QueryRow(ctx, `SELECT count(*), md5(coalesce(string_agg(x::text, E'\n' ORDER BY x::text), '')) FROM `+tb[0]+` x`).Scan(&n, &sum)
		if err != nil {
			t.Fatalf("snapshot rows of %s: %v", tb[1], err)
		}
		fmt.Fprintf(&b, "%q %d %s\n", tb[1], n, sum)
	}
	return b.String()
}

// goldenBase is the server version testdata/restore's goldens were taken
// on; a newer server whose catalogs say more (PostgreSQL 17's MAINTAIN
// privilege, 18's named NOT NULL constraints) has its own under pgNN/, only
// for the snapshots that differ.
const goldenBase = 15

// golden compares got with testdata/restore/name (or pgNN/name for the
// tests' server version NN, when the server's catalogs differ), or rewrites
// it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	base := filepath.Join("..", "testdata", "restore", name)
	path := base
	major, err := pgtools.ServerMajor()
	if err != nil {
		t.Fatal(err)
	}
	if major != goldenBase {
		versioned := filepath.Join("..", "testdata", "restore", fmt.Sprintf("pg%d", major), name)
		if *update {
			if b, err := os.ReadFile(base); err == nil && string(b) == got {
				os.Remove(versioned) // the base golden holds for this version
				return
			}
			path = versioned
		} else if _, err := os.Stat(versioned); err == nil {
			path = versioned
		}
	}
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("snapshot differs from %s:\n%s", path, diffLines(string(want), got))
	}
}

// diffLines lists the lines only in want (-) or only in got (+).
func diffLines(want, got string) string {
	in := func(s string) map[string]int {
		m := map[string]int{}
		for _, l := range strings.Split(s, "\n") {
			m[l]++
		}
		return m
	}
	w, g := in(want), in(got)
	var b strings.Builder
	n := 0
	for _, l := range strings.Split(want, "\n") {
		if g[l] == 0 && n < 40 {
			fmt.Fprintf(&b, "- %s\n", l)
			n++
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if w[l] == 0 && n < 80 {
			fmt.Fprintf(&b, "+ %s\n", l)
			n++
		}
	}
	return b.String()
}
