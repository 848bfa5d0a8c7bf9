package certsvc

import (
	"context"
	"fmt"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/pgdrill/pgdrill/drill"
	"github.com/pgdrill/pgdrill/pgtest"
)

// TestBackupRestores is a service's backup gate: on a throwaway server (no
// Docker, no PostgreSQL client programs, as root or not) it applies the
// service's own migrations, loads data through the service's own code, and
// runs the drill: dump, drop everything, restore, and prove every table
// byte for byte, the audit chain, and a check of the service's own.
func TestBackupRestores(t *testing.T) {
	ctx := context.Background()
	srv := pgtest.Start(t, pgtest.Options{})
	db := srv.CreateDB(t)

	// The service at work: the drill only needs the schema, but a gate on
	// real writes through the service's code proves more.
	conn := pgtest.Connect(t, db)
	for _, stmt := range migrationStatements(t) {
		if _, err := conn.Exec(ctx, stmt); err != nil {
			t.Fatalf("migration: %v", err)
		}
	}
	for i := range 5 {
		if err := Issue(ctx, conn, fmt.Sprintf("evt-%d", i), fmt.Sprintf("host%d.example.com", i)); err != nil {
			t.Fatal(err)
		}
	}

	// The drill, on its own throwaway database of the same server.
	rep, err := drill.Run(ctx, drill.Config{
		MigrationsFS: Migrations(),
		BinDir:       srv.BinDir(),
		Rows:         24,
		GoChecks: []drill.GoCheck{{Name: "audit rows", Func: func(ctx context.Context, conn *pgx.Conn) error {
			var n int
			if err := conn.QueryRow(ctx, "SELECT count(*) FROM audit_events").Scan(&n); err != nil {
				return err
			}
			if n != 24 {
				return fmt.Errorf("%d audit rows after restore, want 24", n)
			}
			return nil
		}}},
	})
	if err != nil {
		t.Fatalf("the drill could not run: %v", err)
	}
	if !rep.OK {
		t.Fatalf("backup does not restore: %s\n%+v", rep.Line(), rep.Failed)
	}
	if rep.Mode != "migrations" || rep.Rows != 24 || rep.After == nil || rep.After.FirstBreakID != nil {
		t.Errorf("report: mode %s, rows %d, chain after restore %+v", rep.Mode, rep.Rows, rep.After)
	}
	for _, tb := range rep.Content.Tables {
		if !tb.Status.OK() {
			t.Errorf("table %s: %s", tb.Name, tb.Status)
		}
	}
	t.Log(rep.Line())
}

// migrationStatements reads the up migrations in order, one string each
// (pgx runs a multi-statement string in one simple query).
func migrationStatements(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, name := range []string{"001_audit.up.sql", "002_certificates.up.sql"} {
		b, err := migrations.ReadFile("migrations/" + name)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}
