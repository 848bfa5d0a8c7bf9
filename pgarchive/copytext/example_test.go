package copytext_test

import (
	"fmt"
	"io"
	"log"
	"os"
	"strings"

	"github.com/pgdrill/pgdrill/pgarchive/copytext"
)

// Read COPY text rows: escapes are undone, \N is a nil field.
func ExampleReader() {
	data := "1\tline\\nbreak\n2\t\\N\n\\.\n"
	r := copytext.NewReader(strings.NewReader(data))
	for {
		fields, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s %q null=%v\n", fields[0], fields[1], fields[1] == nil)
	}
	fmt.Println("terminated:", r.Terminated())
	// Output:
	// 1 "line\nbreak" null=false
	// 2 "" null=true
	// terminated: true
}

// Write rows exactly as the server's COPY TO would.
func ExampleWriter() {
	w := copytext.NewWriter(os.Stdout)
	w.Write([][]byte{[]byte("a\tb"), []byte(`back\slash`), nil})
	if err := w.Close(); err != nil {
		log.Fatal(err)
	}
	// Output:
	// a\tb	back\\slash	\N
	// \.
}

// The table and column list of a TABLE DATA entry's COPY statement.
func ExampleParseCopyStmt() {
	table, cols, err := copytext.ParseCopyStmt(`COPY "Mixed Case"."My Table" (id, "Label") FROM stdin;` + "\n")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(table, cols)
	// Output:
	// "Mixed Case"."My Table" [id Label]
}
