package pgarchive

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fixtures lists the real single-file archives under testdata/ made by
// pg_dump 15 and 17: custom (*.dump) and tar (*.tar).
func fixtures(t testing.TB) []string {
	t.Helper()
	return globFixtures(t, "*.dump", "*.tar")
}

// dirFixtures lists the real directory archives (*.dir).
func dirFixtures(t testing.TB) []string {
	t.Helper()
	return globFixtures(t, "*.dir")
}

func globFixtures(t testing.TB, patterns ...string) []string {
	t.Helper()
	var names []string
	for _, dir := range []string{"pg15", "pg17"} {
		for _, p := range patterns {
			m, err := filepath.Glob(filepath.Join("..", "testdata", dir, p))
			if err != nil {
				t.Fatal(err)
			}
			names = append(names, m...)
		}
	}
	if len(names) == 0 {
		t.Fatalf("no %v fixtures under testdata/pg15 and testdata/pg17", patterns)
	}
	return names
}

// goldenName maps a namespace and tag to the file name testdata/gen.sh uses:
// bytes outside [A-Za-z0-9._ -] are percent-encoded.
func goldenName(e *Entry) string {
	var b strings.Builder
	for _, c := range []byte(e.Namespace.String + "." + e.Tag) {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("._ -", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String() + ".copy"
}

// copyRows cuts COPY text at its "\." terminator line.
func copyRows(t testing.TB, data []byte) []byte {
	t.Helper()
	if bytes.HasPrefix(data, []byte("\\.\n")) {
		return nil
	}
	i := bytes.Index(data, []byte("\n\\.\n"))
	if i < 0 {
		t.Fatalf("no \\. terminator in %d bytes of COPY text", len(data))
	}
	return data[:i+1]
}

func TestReaderMatchesGoldenCopyText(t *testing.T) {
	for _, name := range append(fixtures(t), dirFixtures(t)...) {
		t.Run(filepath.Base(filepath.Dir(name))+"/"+filepath.Base(name), func(t *testing.T) {
			rc, err := Open(name)
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			goldenDir := strings.TrimSuffix(name, ".dump") + ".copy"
			tables := 0
			for _, e := range rc.Entries {
				if e.Desc != "TABLE DATA" {
					continue
				}
				tables++
				b, err := rc.Open(e)
				if err != nil {
					t.Fatal(err)
				}
				data, err := io.ReadAll(b)
				b.Close()
				if err != nil {
					t.Fatalf("%s: %v", e, err)
				}
				want, err := os.ReadFile(filepath.Join(goldenDir, goldenName(e)))
				if err != nil {
					t.Fatal(err)
				}
				if got := copyRows(t, data); !bytes.Equal(got, want) {
					t.Errorf("%s: COPY text differs from golden (%d vs %d bytes)", e, len(got), len(want))
				}
			}
			if empty := strings.Contains(name, "empty"); (tables == 0) != empty {
				t.Errorf("%d TABLE DATA entries in a fixture named %s", tables, filepath.Base(name))
			}
		})
	}
}

// TestStreamMatchesReader reads every archive in one pass from a plain
// io.Reader and checks each block against random access.
func TestStreamMatchesReader(t *testing.T) {
	for _, name := range fixtures(t) {
		t.Run(filepath.Base(filepath.Dir(name))+"/"+filepath.Base(name), func(t *testing.T) {
			raw, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			r, err := NewReader(bytes.NewReader(raw), int64(len(raw)))
			if err != nil {
				t.Fatal(err)
			}
			s, err := NewStream(struct{ io.Reader }{bytes.NewReader(raw)})
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Entries) != len(r.Entries) || s.Header != r.Header {
				t.Fatalf("stream and reader disagree on header or TOC")
			}
			blocks := 0
			for i := 0; ; i++ {
				b, err := s.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				blocks++
				// Leave every third block unread: Next must skip it.
				if i%3 == 2 {
					continue
				}
				got := readBlock(t, b)
				rb, err := r.Open(r.Entry(b.Entry.DumpID))
				if err != nil {
					t.Fatal(err)
				}
				want := readBlock(t, rb)
				rb.Close()
				if got != want {
					t.Errorf("%s: stream and random access differ", b.Entry)
				}
			}
			want := 0
			for _, e := range r.Entries {
				if e.DataState != DataNone {
					want++
				}
			}
			if blocks != want {
				t.Errorf("stream saw %d blocks, TOC has %d entries with data", blocks, want)
			}
		})
	}
}

// readBlock renders a block's content: its data, or each blob's OID and data.
func readBlock(t testing.TB, b *Block) string {
	t.Helper()
	if !b.IsBlobs() {
		data, err := io.ReadAll(b)
		if err != nil {
			t.Fatalf("%s: %v", b.Entry, err)
		}
		return string(data)
	}
	var out strings.Builder
	for {
		oid, err := b.NextBlob()
		if err == io.EOF {
			return out.String()
		}
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(b)
		if err != nil {
			t.Fatalf("%s: blob %d: %v", b.Entry, oid, err)
		}
		fmt.Fprintf(&out, "%d:%x\n", oid, data)
	}
}

func TestTruncatedArchivesFailCleanly(t *testing.T) {
	for _, name := range fixtures(t) {
		raw, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		// Cut at many points, header, TOC and data alike: every cut must give
		// an error (or, for a cut exactly between blocks, fewer blocks).
		step := max(1, len(raw)/97)
		for cut := 0; cut < len(raw); cut += step {
			err := readAll(raw[:cut])
			if err == nil {
				continue
			}
			var ae *Error
			if !errors.As(err, &ae) {
				t.Fatalf("%s cut at %d: error %v is not a *pgarchive.Error", name, cut, err)
			}
		}
	}
}

// readAll opens an archive and reads every block through both APIs.
func readAll(raw []byte) error {
	r, err := NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return err
	}
	return readBlocks(r)
}

// readBlocks reads every block of r.
func readBlocks(r *Reader) error {
	for _, e := range r.Entries {
		if e.DataState == DataNone {
			continue
		}
		b, err := r.Open(e)
		if err != nil {
			return err
		}
		err = drain(b)
		b.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

func drain(b *Block) error {
	if !b.IsBlobs() {
		_, err := io.Copy(io.Discard, b)
		return err
	}
	for {
		_, err := b.NextBlob()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if _, err := io.Copy(io.Discard, b); err != nil {
			return err
		}
	}
}
