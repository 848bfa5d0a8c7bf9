package pgtest_test

import (
	"context"
	"fmt"
	"log"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/pgdrill/pgdrill/pgtest"
)

// A throwaway server from a program: start it, make a database, use it,
// close it (which removes every file it made).
func ExampleNewServer() {
	ctx := context.Background()
	srv, err := pgtest.NewServer(ctx, pgtest.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()

	url, err := srv.CreateDatabase(ctx, "app")
	if err != nil {
		log.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close(ctx)
	var db, tz string
	if err := conn.QueryRow(ctx, "SELECT current_database(), current_setting('TimeZone')").Scan(&db, &tz); err != nil {
		log.Fatal(err)
	}
	fmt.Println(db, tz)
	// Output:
	// app UTC
}

// In a test: the server and the database go away with the test.
func ExampleStart() {
	testSomething := func(t *testing.T) {
		srv := pgtest.Start(t, pgtest.Options{})
		conn := pgtest.Connect(t, srv.CreateDB(t))
		if _, err := conn.Exec(context.Background(), "CREATE TABLE t (id int)"); err != nil {
			t.Fatal(err)
		}
	}
	_ = testSomething
}
