package dump_test

import (
	"bytes"
	"context"
	"fmt"
	"log"

	"github.com/jackc/pgx/v5"

	"github.com/pgdrill/pgdrill/dump"
	"github.com/pgdrill/pgdrill/pgarchive"
	"github.com/pgdrill/pgdrill/pgtest"
)

// Dump a database to a custom-format archive (what pg_dump -Fc -Z gzip
// writes), then look at its table of contents.
func ExampleRun() {
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
	_, err = conn.Exec(ctx, `CREATE TABLE notes (id int PRIMARY KEY, body text);
		INSERT INTO notes VALUES (1, 'first'), (2, 'second')`)
	conn.Close(ctx)
	if err != nil {
		log.Fatal(err)
	}

	var buf bytes.Buffer
	if _, err := dump.Run(ctx, url, &buf, dump.Options{Compression: pgarchive.CompressionGzip}); err != nil {
		log.Fatal(err)
	}
	a, err := pgarchive.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range a.Entries {
		if e.Namespace.String == "public" {
			fmt.Println(e.Desc, e.Tag)
		}
	}
	// Output:
	// TABLE notes
	// TABLE DATA notes
	// CONSTRAINT notes notes_pkey
}
