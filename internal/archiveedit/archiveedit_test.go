package archiveedit

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pgdrill/pgdrill/pgarchive"
)

// TestCopy copies real pg_dump archives, unchanged and with an edit, and
// reads every entry and block back.
func TestCopy(t *testing.T) {
	for _, name := range []string{"pg15/full-gzip.dump", "pg17/full-zstd.dump", "pg17/full-none.dump"} {
		t.Run(name, func(t *testing.T) {
			a, err := pgarchive.Open(filepath.Join("..", "..", "testdata", name))
			if err != nil {
				t.Fatal(err)
			}
			defer a.Close()
			for _, edit := range []bool{false, true} {
				var edits Edits
				if edit {
					edits = Edits{
						Entry: func(e *pgarchive.Entry) {
							if e.Desc == "TABLE" && e.Tag == "items" {
								e.Defn.String += "-- edited\n"
							}
						},
						Data: func(e *pgarchive.Entry, block io.Reader) io.Reader {
							if e.Tag != "items" {
								return block
							}
							return io.MultiReader(strings.NewReader("edited\n"), block)
						},
					}
				}
				path := filepath.Join(t.TempDir(), "copy.dump")
				f, err := os.Create(path)
				if err != nil {
					t.Fatal(err)
				}
				if err := Copy(f, a.Reader, edits); err != nil {
					t.Fatal(err)
				}
				f.Close()
				b, err := pgarchive.Open(path)
				if err != nil {
					t.Fatal(err)
				}
				if len(b.Entries) != len(a.Entries) || b.Header.Compression != a.Header.Compression || b.Header.Version != a.Header.Version {
					t.Fatalf("header %+v, %d entries; want %+v, %d", b.Header, len(b.Entries), a.Header, len(a.Entries))
				}
				edited := 0
				for i, e := range a.Entries {
					c := b.Entries[i]
					want, got := blockBytes(t, a.Reader, e), blockBytes(t, b.Reader, c)
					switch {
					case edit && e.Tag == "items" && e.Desc == "TABLE DATA":
						want = append([]byte("edited\n"), want...)
						edited++
					case edit && e.Tag == "items" && e.Desc == "TABLE":
						if c.Defn.String != e.Defn.String+"-- edited\n" {
							t.Errorf("%s: defn %q", c, c.Defn.String)
						}
						edited++
					case c.Defn != e.Defn:
						t.Errorf("%s: defn changed", c)
					}
					if !bytes.Equal(got, want) {
						t.Errorf("%s: data %d bytes, want %d", c, len(got), len(want))
					}
				}
				if edit && edited != 4 {
					t.Error("no items entries")
				}
				b.Close()
			}
		})
	}
}

// blockBytes is an entry's data: the table data, or every large object as
// its OID and contents.
func blockBytes(t *testing.T, a *pgarchive.Reader, e *pgarchive.Entry) []byte {
	t.Helper()
	if !e.HadDumper {
		return nil
	}
	b, err := a.Open(e)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if !b.IsBlobs() {
		raw, err := io.ReadAll(b)
		if err != nil {
			t.Fatal(err)
		}
		return raw
	}
	var out []byte
	for {
		oid, err := b.NextBlob()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		raw, err := io.ReadAll(b)
		if err != nil {
			t.Fatal(err)
		}
		out = fmt.Appendf(out, "oid %d:", oid)
		out = append(out, raw...)
	}
}
