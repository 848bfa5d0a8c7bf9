package inspect

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/pgdrill/pgdrill/pgarchive"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// readerBlocks gives the blocks of a random-access Reader in TOC order.
type readerBlocks struct {
	r    *pgarchive.Reader
	i    int
	prev *pgarchive.Block
}

func (rb *readerBlocks) Next() (*pgarchive.Block, error) {
	if rb.prev != nil {
		rb.prev.Close()
		rb.prev = nil
	}
	for ; rb.i < len(rb.r.Entries); rb.i++ {
		e := rb.r.Entries[rb.i]
		if e.DataState == pgarchive.DataNone {
			continue
		}
		rb.i++
		b, err := rb.r.Open(e)
		rb.prev = b
		return b, err
	}
	return nil, io.EOF
}

// inspectFile inspects a fixture in one pass from a plain reader.
func inspectFile(t *testing.T, name string) *Report {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	s, err := pgarchive.NewStream(f)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Archive(s.Header, s.Entries, s, Options{Location: time.UTC, Size: fi.Size()})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func fixtureDumps(t *testing.T) []string {
	names, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "pg1[57]", "*.dump"))
	if len(names) == 0 {
		t.Fatal("no fixtures")
	}
	return names
}

// TestGoldens: the text and JSON reports of two fixtures. The goldens were
// generated with -update and checked by hand against the fixture data
// (see testdata/README.md).
func TestGoldens(t *testing.T) {
	for _, name := range []string{"full-gzip", "tz-paris"} {
		file := filepath.Join("..", "..", "testdata", "pg17", name+".dump")
		checkGoldens(t, inspectFile(t, file), file, filepath.Join("testdata", name))
	}
}

// checkGoldens compares the text report, the archive labelled label, and
// the JSON report with golden+".txt" and golden+".json", or with -update
// rewrites them.
func checkGoldens(t *testing.T, r *Report, label, golden string) {
	t.Helper()
	var text, js bytes.Buffer
	if err := r.WriteText(&text, label); err != nil {
		t.Fatal(err)
	}
	enc := json.NewEncoder(&js)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		t.Fatal(err)
	}
	for ext, got := range map[string][]byte{".txt": text.Bytes(), ".json": js.Bytes()} {
		if *update {
			if err := os.WriteFile(golden+ext, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden + ext)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s:\n%s", label, golden+ext, got)
		}
	}
}

// TestRowsAndSizesMatchCopyGoldens checks rows and raw bytes against the
// pg_restore goldens: rows are the golden's lines, raw bytes its length
// plus pg_dump's "\.\n\n\n".
func TestRowsAndSizesMatchCopyGoldens(t *testing.T) {
	for _, name := range fixtureDumps(t) {
		r := inspectFile(t, name)
		dir := strings.TrimSuffix(name, ".dump") + ".copy"
		for _, tb := range r.Tables {
			data, err := os.ReadFile(filepath.Join(dir, goldenName(tb.Namespace, tb.Name)))
			if err != nil {
				t.Fatal(err)
			}
			if rows := int64(bytes.Count(data, []byte("\n"))); tb.Rows != rows {
				t.Errorf("%s %s: %d rows, golden has %d", name, tb.Name, tb.Rows, rows)
			}
			if tb.RawBytes != int64(len(data))+5 {
				t.Errorf("%s %s: %d raw bytes, golden has %d+5", name, tb.Name, tb.RawBytes, len(data))
			}
			if tb.CompressedBytes <= 0 {
				t.Errorf("%s %s: %d compressed bytes", name, tb.Name, tb.CompressedBytes)
			}
		}
	}
}

func goldenName(ns, tag string) string {
	var b strings.Builder
	for _, c := range []byte(ns + "." + tag) {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("._ -", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String() + ".copy"
}

// TestReportsAgree: every full-* archive holds the same data, so apart from
// the header and the stored sizes, their reports are equal; random access
// and one-pass reading agree.
func TestReportsAgree(t *testing.T) {
	strip := func(r *Report) *Report {
		c := *r
		c.Archive = Summary{}
		c.LargeObjects.CompressedBytes = 0
		c.Tables = nil
		for _, tb := range r.Tables {
			x := *tb
			x.CompressedBytes = 0
			x.DumpID = 0
			x.entry = nil
			c.Tables = append(c.Tables, &x)
		}
		return &c
	}
	var first *Report
	for _, name := range fixtureDumps(t) {
		if !strings.Contains(name, "full-") {
			continue
		}
		r := inspectFile(t, name)
		if r.LargeObjects.Count != 3 || r.LargeObjects.Bytes != 20023 {
			t.Errorf("%s: large objects %+v, want 3 of 0+20000+23 bytes", name, r.LargeObjects)
		}
		rc, err := pgarchive.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		r2, err := Archive(rc.Header, rc.Entries, &readerBlocks{r: rc.Reader}, Options{Location: time.UTC})
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(strip(r), strip(r2)) {
			t.Errorf("%s: stream and random access reports differ", name)
		}
		if first == nil {
			first = strip(r)
			continue
		}
		if !reflect.DeepEqual(first, strip(r)) {
			t.Errorf("%s: report differs from the other full-* archives", name)
		}
	}
}

func TestObserve(t *testing.T) {
	c := &Column{Kind: Timestamptz}
	for _, v := range []string{"2024-01-01 00:00:00.5+01", "infinity", "1999-12-31 23:59:59-03:30", "junk", "1999-12-31 23:59:59.000001+05:53:28", "0044-03-15 12:00:00+00 BC"} {
		c.observe([]byte(v))
	}
	c.observe(nil)
	c.finish()
	got := fmt.Sprintf("values %d nulls %d inf %d frac %d invalid %d (%s) min %s max %s fmin %s/%s fmax %s offsets %v",
		c.Values, c.Nulls, c.Infinite, c.Fractional, c.Invalid, c.Example, c.Min.Text, c.Max.Text, c.FiniteMin.Text, c.FiniteMin.UTC, c.FiniteMax.UTC, c.Offsets)
	want := "values 5 nulls 1 inf 1 frac 2 invalid 1 (junk) min 0044-03-15 12:00:00+00 BC max infinity fmin 0044-03-15 12:00:00+00 BC/0044-03-15 12:00:00+00 BC fmax 2023-12-31 23:00:00.5+00 offsets [-03:30 +00 +01 +05:53:28]"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	d := &Column{Kind: Date}
	for _, v := range []string{"-infinity", "2024-02-29", "0001-01-01 BC"} {
		d.observe([]byte(v))
	}
	if d.Min.Text != "-infinity" || d.FiniteMin.Text != "0001-01-01 BC" || d.Max.Text != "2024-02-29" || d.Infinite != 1 || d.Fractional != 0 {
		t.Errorf("date column: %+v", d)
	}
	tm := &Column{Kind: Time}
	for _, v := range []string{"24:00:00", "00:00:00.000001", "12:00:00"} {
		tm.observe([]byte(v))
	}
	if tm.Min.Text != "00:00:00.000001" || tm.Max.Text != "24:00:00" || tm.Fractional != 1 {
		t.Errorf("time column: %+v", tm)
	}
}
