package main

import (
	"encoding/json"
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

// TestDrillWorkloads: --workload is repeatable and every script runs, in
// the order given (the second depends on the first), and the JSON lists
// them; before, a second --workload silently replaced the first.
func TestDrillWorkloads(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"migrations/001_t.sql": "CREATE TABLE parent (id text PRIMARY KEY);\nCREATE TABLE child (id int, parent_id text REFERENCES parent);\n",
		"seed.sql":             "INSERT INTO parent VALUES ('p1'), ('p2');\n",
		"demo.sql":             "INSERT INTO child VALUES (1, 'p1'), (2, 'p2'), (3, 'p1');\n",
	}
	for name, body := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	seed, demo := filepath.Join(dir, "seed.sql"), filepath.Join(dir, "demo.sql")
	code, out, errs := execute(t, nil, "drill", "--migrations", filepath.Join(dir, "migrations"),
		"--workload", seed, "--workload", demo, "--json", "-d", pgtest.NewDB(t))
	if code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	var rep struct {
		Migrations struct {
			Workloads []string `json:"workloads"`
		} `json:"migrations"`
		Content struct {
			Tables []struct {
				Name string `json:"name"`
				Rows int64  `json:"restored_rows"`
			} `json:"tables"`
		} `json:"content"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if strings.Join(rep.Migrations.Workloads, ",") != seed+","+demo {
		t.Errorf("workloads %q, want both in order", rep.Migrations.Workloads)
	}
	rows := map[string]int64{}
	for _, tb := range rep.Content.Tables {
		rows[tb.Name] = tb.Rows
	}
	if rows["parent"] != 2 || rows["child"] != 3 {
		t.Errorf("restored rows %v, want parent 2 and child 3", rows)
	}

	// The other order fails in the second script, which depends on the first.
	code, _, errs = execute(t, nil, "drill", "--migrations", filepath.Join(dir, "migrations"),
		"--workload", demo, "--workload", seed, "-d", pgtest.NewDB(t))
	if code != exitUsage || !strings.Contains(errs, "demo.sql") {
		t.Errorf("workloads in the wrong order: exit %d, %s", code, errs)
	}
}
