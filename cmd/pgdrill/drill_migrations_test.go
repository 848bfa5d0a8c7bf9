package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pgdrill/pgdrill/internal/pgtest"
)

// TestDrillMigrationsCommand runs `pgdrill drill --migrations` as a user
// would: PASS with exit 0 on the repository's migration set, and exit 2
// with the file, line, statement and server error on a broken one.
func TestDrillMigrationsCommand(t *testing.T) {
	code, out, errs := execute(t, nil, "drill", "--migrations", "../../testdata/migrations", "-d", pgtest.NewDB(t))
	if code != exitOK || !strings.HasPrefix(out, "PASS rows=24 chain_head=") {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}

	dir := t.TempDir()
	for name, body := range map[string]string{
		"001_a.up.sql":   "CREATE TABLE a (x int);\n",
		"001_a.down.sql": "DROP TABLE a;\n",
		"002_b.up.sql":   "CREATE TABLE b (x int REFERENCES nosuch);\n",
		"002_b.down.sql": "this file is never run\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errs = execute(t, nil, "drill", "--migrations", dir, "-d", pgtest.NewDB(t))
	want := `002_b.up.sql:1: statement 1 (CREATE TABLE b (x int REFERENCES nosuch);): ERROR: relation "nosuch" does not exist (SQLSTATE 42P01)`
	if code != exitUsage || out != "" || !strings.Contains(errs, want) {
		t.Fatalf("exit %d, stdout %q, stderr %q; want exit 2 and %q", code, out, errs, want)
	}

	for _, args := range [][]string{
		{"drill", "--migrations", dir, "--archive", "x.dump"},
		{"drill", "--workload", "w.sql"},
		{"drill", "--roles", "roles.sql"},
	} {
		if code, _, errs := execute(t, nil, args...); code != exitUsage || !strings.Contains(errs, "give") {
			t.Errorf("%q: exit %d, %s", args, code, errs)
		}
	}
}
