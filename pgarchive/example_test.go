package pgarchive_test

import (
	"bytes"
	"fmt"
	"io"
	"log"
	"os"

	"github.com/pgdrill/pgdrill/pgarchive"
	"github.com/pgdrill/pgdrill/pgarchive/copytext"
)

// Open an archive written by pg_dump -Fc and list what it holds, the way
// pg_restore -l does, without a server.
func ExampleOpen() {
	a, err := pgarchive.Open("../testdata/pg17/full-none.dump")
	if err != nil {
		log.Fatal(err)
	}
	defer a.Close()

	fmt.Println("format", a.Header.Version, "compression", a.Header.Compression)
	for _, e := range a.Entries {
		if e.Desc == "TABLE DATA" && e.Namespace.String == "public" && e.Tag < "d" {
			fmt.Println(e.DumpID, e.Desc, e.Namespace.String, e.Tag)
		}
	}
	// Output:
	// format 1.16-0 compression none
	// 3486 TABLE DATA public audit_like
	// 3473 TABLE DATA public child
}

// Stream one table's rows out of an archive: the block is an io.Reader that
// decompresses as it is read, and copytext splits its COPY text into fields.
func ExampleReader_Open() {
	a, err := pgarchive.Open("../testdata/pg17/full-zstd.dump")
	if err != nil {
		log.Fatal(err)
	}
	defer a.Close()

	for _, e := range a.Entries {
		if e.Desc != "TABLE DATA" || e.Namespace.String != "public" || e.Tag != "items" {
			continue
		}
		fmt.Print(e.CopyStmt.String)
		b, err := a.Open(e)
		if err != nil {
			log.Fatal(err)
		}
		rows := copytext.NewReader(b)
		for {
			fields, err := rows.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				log.Fatal(err)
			}
			fmt.Printf("id=%s v=%q\n", fields[0], fields[1])
		}
		b.Close()
	}
	// Output:
	// COPY public.items (id, v) FROM stdin;
	// id=1 v="public one"
	// id=2 v="public two"
}

// Write a small archive that pg_restore accepts, then read it back.
func ExampleNewWriter() {
	var buf bytes.Buffer
	w := pgarchive.NewWriter(&buf, pgarchive.Header{
		Version:     pgarchive.V1_16,
		Compression: pgarchive.CompressionGzip,
		DBName:      "example",
	})
	table := &pgarchive.Entry{
		DumpID: 1, Desc: "TABLE", Tag: "notes", Section: pgarchive.SectionPreData,
		Namespace: pgarchive.Str("public"), Owner: pgarchive.Str("postgres"),
		Defn:     pgarchive.Str("CREATE TABLE public.notes (id integer, body text);\n"),
		DropStmt: pgarchive.Str("DROP TABLE public.notes;\n"),
	}
	data := &pgarchive.Entry{
		DumpID: 2, Desc: "TABLE DATA", Tag: "notes", Section: pgarchive.SectionData,
		Namespace: pgarchive.Str("public"), Owner: pgarchive.Str("postgres"),
		CopyStmt:     pgarchive.Str("COPY public.notes (id, body) FROM stdin;\n"),
		HadDumper:    true,
		Dependencies: []int{1},
	}
	for _, e := range []*pgarchive.Entry{table, data} {
		if err := w.Add(e); err != nil {
			log.Fatal(err)
		}
	}
	dw, err := w.Data(data)
	if err != nil {
		log.Fatal(err)
	}
	rows := copytext.NewWriter(dw)
	rows.Write([][]byte{[]byte("1"), []byte("tab\there")})
	rows.Write([][]byte{[]byte("2"), nil}) // nil is NULL
	if err := rows.Close(); err != nil {
		log.Fatal(err)
	}
	if err := dw.Close(); err != nil {
		log.Fatal(err)
	}
	if err := w.Close(); err != nil {
		log.Fatal(err)
	}

	a, err := pgarchive.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		log.Fatal(err)
	}
	b, err := a.Open(a.Entry(2))
	if err != nil {
		log.Fatal(err)
	}
	defer b.Close()
	io.Copy(os.Stdout, b)
	// Output:
	// 1	tab\there
	// 2	\N
	// \.
}
