package restore

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/pgdrill/pgdrill/internal/pgtest"
)

// TestParitySchema loads testdata/restore/parity.sql (every common object
// kind: domains, composite, enum and range types, collations, text search,
// functions, procedures, aggregates, operators, identity and generated
// columns, list and range partitions, inheritance, views, rules, materialized
// views, RLS policies, triggers, an event trigger, extended statistics,
// foreign data, a publication, large objects, default privileges), dumps it
// with pg_dump 15 (gzip) and 17 (gzip, zstd), and restores each archive with
// pg_restore and with pgdrill under several flag sets. The two databases
// must dump identically, snapshot identically and have ignored the same
// number of errors; pgdrill's end state is also kept as a golden snapshot.
func TestParitySchema(t *testing.T) {
	ctx := context.Background()
	script, err := os.ReadFile(filepath.Join("..", "testdata", "restore", "parity.sql"))
	if err != nil {
		t.Fatal(err)
	}
	src := newDB(t)
	sc := pgtest.Conn(t, src)
	for _, role := range []string{"app_owner", "app_reader"} {
		_, err := sc.Exec(ctx, `DO $$BEGIN CREATE ROLE `+role+` NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END$$`)
		if err != nil {
			t.Fatal(err)
		}
	}
	if _, err := sc.PgConn().Exec(ctx, string(script)).ReadAll(); err != nil {
		t.Fatalf("loading parity.sql: %v", err)
	}

	dir := t.TempDir()
	type archive struct{ name, path string }
	var archives []archive
	for _, d := range []struct {
		name string
		cmd  []string
	}{
		{"pg15-gzip", pgDumpCmd(t, 15)},
		{"pg17-gzip", pgDumpCmd(t, 17, "-Z", "gzip")},
		{"pg17-zstd", pgDumpCmd(t, 17, "-Z", "zstd")},
		{"pg18-zstd", pgDump18(t, "-Z", "zstd")},
	} {
		if d.cmd == nil {
			continue
		}
		path := filepath.Join(dir, d.name+".dump")
		c := exec.Command(d.cmd[0], append(d.cmd[1:], "-Fc", "-f", path, "-d", src)...)
		c.Env = cleanEnv()
		if out, err := c.CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", d.name, err, out)
		}
		archives = append(archives, archive{d.name, path})
	}
	if len(archives) == 0 {
		t.Skip("parity: no pg_dump installed")
	}

	for _, a := range archives {
		for _, fc := range []struct {
			name string
			args []string
			opts Options
			dump []string
			pre  bool
		}{
			{name: "default"},
			{name: "no-owner-no-acl", args: []string{"-O", "-x"}, opts: Options{NoOwner: true, NoACL: true},
				dump: []string{"--no-owner", "--no-acl"}},
			{name: "jobs2", args: []string{"-j", "2"}, opts: Options{Jobs: 2}},
			{name: "clean-if-exists", args: []string{"-c", "--if-exists"}, opts: Options{Clean: true, IfExists: true}, pre: true},
		} {
			t.Run(a.name+"/"+fc.name, func(t *testing.T) {
				t.Parallel()
				urlA, urlB := newDB(t), newDB(t)
				if fc.pre {
					pgRestore(t, a.path, urlA)
					pgdrill(t, a.path, urlB, Options{})
				}
				want, stderr := pgRestore(t, a.path, urlA, fc.args...)
				sum, err := pgdrill(t, a.path, urlB, fc.opts)
				var ign *IgnoredErrors
				if err != nil && !errors.As(err, &ign) {
					t.Fatal(err)
				}
				if sum.Errors != want {
					t.Errorf("pgdrill ignored %d errors, pg_restore %d:\n%s", sum.Errors, want, stderr)
				}
				if x, y := pgDump(t, urlA, fc.dump...), pgDump(t, urlB, fc.dump...); x != y {
					t.Errorf("pg_dump output differs (- pg_restore, + pgdrill):\n%s", diffLines(x, y))
				}
				snap := snapshot(t, urlB)
				if x := snapshot(t, urlA); x != snap {
					t.Errorf("snapshots differ (- pg_restore, + pgdrill):\n%s", diffLines(x, snap))
				}
				// Every archive of the same database restores to the same
				// state; one of them writes the golden under -update.
				if fc.name == "default" && (!*update || a.name == archives[len(archives)-1].name) {
					golden(t, "parity.snapshot", snap)
				}
			})
		}
	}
}
