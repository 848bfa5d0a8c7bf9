package drill_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/jackc/pgx/v5"

	"github.com/pgdrill/pgdrill/drill"
)

// Drill a service's own schema: a throwaway server applies the migrations,
// the drill inserts audit events through the schema's chain trigger, dumps,
// drops everything, restores and proves every table, the chain and a Go
// check of the service's own.
func ExampleRun() {
	rep, err := drill.Run(context.Background(), drill.Config{
		MigrationsFS: os.DirFS("../testdata/migrations"), // or an embed.FS
		GoChecks: []drill.GoCheck{{Name: "settings survive", Func: func(ctx context.Context, conn *pgx.Conn) error {
			var n int
			if err := conn.QueryRow(ctx, "SELECT count(*) FROM settings").Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return fmt.Errorf("no settings after restore")
			}
			return nil
		}}},
	})
	if err != nil {
		log.Fatal(err) // the drill could not run: no server, a failing migration
	}
	fmt.Println(rep.OK, rep.Mode, rep.Rows, len(rep.Migrations.Files))
	// Output: true migrations 24 13
}
