package copytext

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestWriter(t *testing.T) {
	tests := []struct {
		name    string
		trailer string
		rows    [][]string
		want    string
	}{
		{"default trailer", "", [][]string{{"1", "a\tb"}, {"2", null}}, "1\ta\\tb\n2\t\\N\n\\.\n"},
		{"pg_dump trailer", PgDumpTrailer, [][]string{{"1"}}, "1\n\\.\n\n\n"},
		{"empty table", PgDumpTrailer, nil, "\\.\n\n\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			w := NewWriter(&out)
			w.Trailer = tc.trailer
			for _, r := range tc.rows {
				if err := w.Write(toFields(r...)); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if out.String() != tc.want {
				t.Errorf("wrote %q, want %q", out.String(), tc.want)
			}
			if w.Rows() != int64(len(tc.rows)) {
				t.Errorf("Rows() = %d, want %d", w.Rows(), len(tc.rows))
			}
			if err := w.Write(toFields("x")); err == nil {
				t.Error("Write after Close succeeded")
			}
		})
	}
}

// TestWriterReaderRoundTrip pushes enough rows through a Writer to flush
// several times and reads them back.
func TestWriterReaderRoundTrip(t *testing.T) {
	var out bytes.Buffer
	w := NewWriter(&out)
	var want [][][]byte
	for i := range 5000 {
		row := toFields(strings.Repeat("v", i%97), null, "\\.\t\n\r"+string(rune(i)), "")
		want = append(want, row)
		if err := w.Write(row); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	got, _, err := readAll(NewReader(&out))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("read %d rows, wrote %d", len(got), len(want))
	}
	for i := range got {
		if !sameFields(got[i], want[i]) {
			t.Fatalf("row %d = %s, want %s", i, showFields(got[i]), showFields(want[i]))
		}
	}
}

type errWriter struct{ n int }

func (e *errWriter) Write(p []byte) (int, error) {
	e.n++
	return 0, errors.New("disk full")
}

func TestWriterError(t *testing.T) {
	ew := &errWriter{}
	w := NewWriter(ew)
	var err error
	for i := 0; err == nil && i < 100000; i++ {
		err = w.Write(toFields(strings.Repeat("x", 100)))
	}
	if err == nil || !strings.Contains(err.Error(), "copytext: after row") || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("error %v", err)
	}
	if w.Close() != err || ew.n != 1 {
		t.Errorf("Close after a write error: %v, %d writes", w.Close(), ew.n)
	}
}
