package archivetest

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"testing"

	"github.com/pgdrill/pgdrill/pgarchive"
)

// blocks reads every data block of an archive (large objects as OID and
// bytes), keyed by dump ID.
func blocks(t *testing.T, path string) (*pgarchive.ReadCloser, map[int][]byte) {
	t.Helper()
	a, err := pgarchive.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	out := map[int][]byte{}
	for _, e := range a.Entries {
		if !e.HadDumper {
			continue
		}
		b, err := a.Open(e)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if b.IsBlobs() {
			for {
				oid, err := b.NextBlob()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				fmt.Fprintf(&buf, "%d:", oid)
				io.Copy(&buf, b)
			}
		} else if _, err := io.Copy(&buf, b); err != nil {
			t.Fatal(err)
		}
		b.Close()
		out[e.DumpID] = buf.Bytes()
	}
	return a, out
}

func TestRewrite(t *testing.T) {
	for _, src := range []string{"pg17/full-none.dump", "pg17/full-zstd.dump", "pg15/full-gzip.dump"} {
		t.Run(src, func(t *testing.T) {
			src := filepath.Join("..", "..", "testdata", src)
			plain := filepath.Join(t.TempDir(), "copy.dump")
			Rewrite(t, src, plain, Edit{})
			a, want := blocks(t, src)
			b, got := blocks(t, plain)
			if len(a.Entries) != len(b.Entries) || len(got) != len(want) {
				t.Fatalf("copy has %d entries and %d blocks, source %d and %d", len(b.Entries), len(got), len(a.Entries), len(want))
			}
			for id, data := range want {
				if !bytes.Equal(got[id], data) {
					t.Errorf("block of entry %d differs in the copy", id)
				}
			}

			edited := filepath.Join(t.TempDir(), "edited.dump")
			Rewrite(t, src, edited, Edit{
				Entry: func(e *pgarchive.Entry) {
					if e.Desc == "COMMENT" {
						e.Defn = pgarchive.Str("-- edited\n")
					}
				},
				Data: func(e *pgarchive.Entry, data []byte) []byte { return append([]byte("x"), data...) },
			})
			c, got := blocks(t, edited)
			for _, e := range c.Entries {
				if e.Desc == "COMMENT" && e.Defn.String != "-- edited\n" {
					t.Errorf("%s not edited", e.Name())
				}
				if e.Desc == "TABLE DATA" && !bytes.Equal(got[e.DumpID], append([]byte("x"), want[e.DumpID]...)) {
					t.Errorf("data of %s not edited", e.Name())
				}
			}
			for _, e := range a.Entries {
				if e.Desc == "COMMENT" && e.Defn.String == "-- edited\n" {
					t.Error("the source's entries were changed")
				}
			}
		})
	}
}
