package restore_test

import (
	"context"
	"fmt"
	"log"

	"github.com/jackc/pgx/v5"

	"github.com/pgdrill/pgdrill/pgarchive"
	"github.com/pgdrill/pgdrill/pgtest"
	"github.com/pgdrill/pgdrill/restore"
)

// Restore a pg_dump -Fc archive into an empty database, as
// pg_restore --no-owner --no-acl -d would, then query the result.
func ExampleRun() {
	ctx := context.Background()
	srv, err := pgtest.NewServer(ctx, pgtest.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	url, err := srv.CreateDatabase(ctx, "restored")
	if err != nil {
		log.Fatal(err)
	}

	a, err := pgarchive.Open("../testdata/pg17/full-gzip.dump")
	if err != nil {
		log.Fatal(err)
	}
	defer a.Close()
	sum, err := restore.Run(ctx, a.Reader, url, restore.Options{NoOwner: true, NoACL: true, ExitOnError: true})
	if err != nil {
		log.Fatal(err)
	}
	for _, t := range sum.Tables {
		if t.Name == "public.items" {
			fmt.Println(t.Name, "rows:", t.Rows)
		}
	}

	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close(ctx)
	var label string
	if err := conn.QueryRow(ctx, "SELECT v FROM public.items WHERE id = 2").Scan(&label); err != nil {
		log.Fatal(err)
	}
	fmt.Println(label)
	// Output:
	// public.items rows: 2
	// public two
}
