package drill

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pgdrill/pgdrill/internal/pgtest"
)

const migrationsDir = "../testdata/migrations"

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestMigrationFiles(t *testing.T) {
	tests := []struct {
		name  string
		files []string
		want  []string
	}{
		{"plain", []string{"002_b.sql", "001_a.sql", "README.md", "010_c.sql"}, []string{"001_a.sql", "002_b.sql", "010_c.sql"}},
		{"up and down", []string{"1_a.up.sql", "1_a.down.sql", "2_b.up.sql", "2_b.down.sql", "notes.sql"}, []string{"1_a.up.sql", "2_b.up.sql"}},
		{"up without down", []string{"1_a.up.sql", "2_b.sql"}, []string{"1_a.up.sql", "2_b.sql"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := map[string]string{}
			for _, f := range tc.files {
				m[f] = "SELECT 1;"
			}
			dir := writeFiles(t, m)
			got, err := MigrationFiles(dir)
			if err != nil {
				t.Fatal(err)
			}
			for i := range got {
				got[i] = filepath.Base(got[i])
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	if _, err := MigrationFiles(writeFiles(t, map[string]string{"x.txt": ""})); err == nil {
		t.Error("a directory without *.sql: no error")
	}
}

// TestMigrationsDrill drills the certctl-shaped migration set: 13 files,
// three extensions, a second schema, 24+1 chain rows through the schema's
// own trigger, and a workload script.
func TestMigrationsDrill(t *testing.T) {
	files, err := MigrationFiles(migrationsDir)
	if err != nil {
		t.Fatal(err)
	}
	wl := writeFiles(t, map[string]string{"load.sql": `
INSERT INTO audit_events (id, actor, actor_type, action, resource_type, resource_id, "timestamp", request_id)
VALUES ('user-event', 'ops', 'user', 'settings.change', 'setting', 'ui.banner', '2030-01-01 00:00:00+00', gen_random_uuid());
INSERT INTO settings (key, value) VALUES ('from.workload', '"yes"');
`})
	rep, err := Run(context.Background(), Config{Migrations: migrationsDir, Workloads: []string{filepath.Join(wl, "load.sql")}, DB: pgtest.NewDB(t), Rows: 30})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK {
		t.Fatalf("%s\n%+v", rep.Line(), rep.Checks)
	}
	m := rep.Migrations
	if len(m.Files) != len(files) || len(files) != 13 || m.ChainRows != 30 {
		t.Errorf("files %d of %d, chain rows %d", len(m.Files), len(files), m.ChainRows)
	}
	if !slices.Equal(m.Schemas, []string{"reporting"}) || !slices.Equal(m.Extensions, []string{"citext", "pgcrypto", "uuid-ossp"}) {
		t.Errorf("created schemas %q, extensions %q", m.Schemas, m.Extensions)
	}
	for name, s := range map[string]*ChainState{"before": rep.Before, "after": rep.After, "after_go": rep.AfterGo, "offline": rep.Offline} {
		if s == nil || s.RowCount != 31 || s.Walked != 31 || s.FirstBreakID != nil {
			t.Errorf("%s: %+v, want 31 rows, clean", name, s)
		}
	}
	if f := rep.SQLFunction; f == nil || f.Origin != "database" || f.Returned != "(NULL, -1, 31)" {
		t.Errorf("SQL function %+v", f)
	}
	if rep.Mode != "migrations" || rep.Rows != 31 || rep.Content == nil {
		t.Errorf("mode %s rows %d content %v", rep.Mode, rep.Rows, rep.Content != nil)
	}
	var checked []string
	for _, c := range rep.Checks {
		checked = append(checked, c.What)
	}
	for _, want := range []string{"nothing left after drop", "content of reporting.daily_counts", "content of public.audit_events", "content of public.settings", "sequence public.order_numbers"} {
		if !slices.Contains(checked, want) {
			t.Errorf("no check %q in %q", want, checked)
		}
	}
}

func TestMigrationsDrillFailingFile(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"001_ok.sql":    "CREATE TABLE a (x int);\n",
		"002_bad.sql":   "CREATE TABLE b (x int);\n-- the second statement fails\nINSERT INTO b\n  VALUES ('not a number');\n",
		"003_never.sql": "CREATE TABLE c (x int);\n",
	})
	_, err := Run(context.Background(), Config{Migrations: dir, DB: pgtest.NewDB(t)})
	if !errors.Is(err, ErrScript) {
		t.Fatalf("error %v, want ErrScript", err)
	}
	for _, want := range []string{"002_bad.sql:4:11: statement 2 (INSERT INTO b …)", `invalid input syntax for type integer: "not a number" (SQLSTATE 22P02)`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

func TestMigrationsDrillWithoutChain(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"1.sql": "CREATE SCHEMA app; CREATE TABLE app.t (id int PRIMARY KEY, v text); INSERT INTO app.t SELECT g, md5(g::text) FROM generate_series(1, 50) g;\n",
	})
	rep, err := Run(context.Background(), Config{Migrations: dir, DB: pgtest.NewDB(t)})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK || rep.Rows != 50 || rep.Before != nil || rep.Migrations.ChainRows != 0 {
		t.Fatalf("%s rows %d chain rows %d\n%+v", rep.Line(), rep.Rows, rep.Migrations.ChainRows, rep.Checks)
	}
}

// TestLeftovers: the after-drop check names what survived: objects in
// public or in schemas and extensions that were not there before.
func TestLeftovers(t *testing.T) {
	ctx := context.Background()
	conn := pgtest.Conn(t, pgtest.NewDB(t))
	left, err := leftovers(ctx, conn, []string{"public"}, []string{"plpgsql"})
	if err != nil || len(left) != 0 {
		t.Fatalf("fresh database: %q, %v", left, err)
	}
	for _, s := range []string{"CREATE SCHEMA kept", "CREATE TABLE kept.t (a int)", "CREATE SCHEMA extra",
		"CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS 'SELECT 1'", "CREATE TYPE public.mood AS ENUM ('ok')"} {
		if _, err := conn.Exec(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	left, err = leftovers(ctx, conn, []string{"kept", "public"}, []string{"plpgsql"})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"function f()", "schema extra", "type mood"}; !slices.Equal(left, want) {
		t.Errorf("leftovers %q, want %q", left, want)
	}
}
