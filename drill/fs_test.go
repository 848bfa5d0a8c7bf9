package drill

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/jackc/pgx/v5"

	"github.com/pgdrill/pgdrill/internal/pgtest"
)

// TestMigrationsFS drills migrations given as an fs.FS (what a service
// embeds) and runs Go checks on the restored database: a passing one, and a
// failing one that fails the drill under its name.
func TestMigrationsFS(t *testing.T) {
	count := func(want int64) GoCheck {
		return GoCheck{Name: "settings rows", Func: func(ctx context.Context, conn *pgx.Conn) error {
			var n int64
			if err := conn.QueryRow(ctx, "SELECT count(*) FROM settings").Scan(&n); err != nil {
				return err
			}
			if n != want {
				return fmt.Errorf("settings has %d rows", n)
			}
			return nil
		}}
	}
	fsys := os.DirFS(migrationsDir)
	var n int64
	rep, err := Run(context.Background(), Config{MigrationsFS: fsys, DB: pgtest.NewDB(t), GoChecks: []GoCheck{{Name: "count", Func: func(ctx context.Context, conn *pgx.Conn) error {
		return conn.QueryRow(ctx, "SELECT count(*) FROM settings").Scan(&n)
	}}}})
	if err != nil || !rep.OK || rep.Mode != "migrations" || len(rep.Migrations.Files) != 13 || rep.Rows != 24 {
		t.Fatalf("%v %+v", err, rep)
	}
	rep, err = Run(context.Background(), Config{MigrationsFS: fsys, DB: pgtest.NewDB(t), GoChecks: []GoCheck{count(n), count(n + 1)}})
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK || rep.Failed == nil || rep.Failed.What != "check settings rows" || !strings.Contains(rep.Failed.Post, "error: settings has") {
		t.Errorf("a failing Go check: %s, %+v", rep.Line(), rep.Failed)
	}

	// A migration set made in memory, with one file that fails.
	bad := fstest.MapFS{
		"001_t.sql": {Data: []byte("CREATE TABLE t (id int PRIMARY KEY);\n")},
		"002_u.sql": {Data: []byte("CREATE TABLE u (id int REFERENCES nosuch);\n")},
	}
	_, err = Run(context.Background(), Config{MigrationsFS: bad, DB: pgtest.NewDB(t)})
	if !errors.Is(err, ErrScript) || !strings.Contains(err.Error(), "002_u.sql:1") {
		t.Errorf("failing in-memory migration: %v", err)
	}
}
