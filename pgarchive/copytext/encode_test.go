package copytext

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestAppendRow(t *testing.T) {
	tests := []struct {
		name   string
		fields []string
		want   string
	}{
		{"plain", []string{"1", "abc"}, "1\tabc\n"},
		{"no fields", nil, "\n"},
		{"one empty field", []string{""}, "\n"},
		{"empty fields", []string{"", "", ""}, "\t\t\n"},
		{"null", []string{null}, "\\N\n"},
		{"null vs empty vs text", []string{null, "", `\N`}, "\\N\t\t\\\\N\n"},
		{"marker text", []string{`\.`}, "\\\\.\n"},
		{"backslash", []string{`a\b`}, "a\\\\b\n"},
		{"named escapes", []string{"\b\f\n\r\t\v"}, `\b\f\n\r\t\v` + "\n"},
		{"other control bytes raw", []string{"\x01\x02\x1b\x1f\x7f"}, "\x01\x02\x1b\x1f\x7f\n"},
		{"nul raw", []string{"a\x00b"}, "a\x00b\n"},
		{"utf8 raw", []string{"日本", "café🙂"}, "日本\tcafé🙂\n"},
		{"high bytes raw", []string{"\x80\xff"}, "\x80\xff\n"},
		{"bytea hex", []string{`\x00ff`}, "\\\\x00ff\n"},
		{"array", []string{`{"a\"b",NULL,"c d"}`}, `{"a\\"b",NULL,"c d"}` + "\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := AppendRow([]byte("prefix|"), toFields(tc.fields...))
			if want := "prefix|" + tc.want; string(got) != want {
				t.Fatalf("AppendRow(%s) = %q, want %q", showFields(toFields(tc.fields...)), got, want)
			}
		})
	}
}

// roundTrip reads COPY text with a Reader and re-encodes every row; for
// anything the server wrote the result must be the same bytes.
func roundTrip(t *testing.T, data []byte) (rows int, out []byte) {
	t.Helper()
	r := NewReader(bytes.NewReader(data))
	for {
		fs, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("row %d: %v", rows+1, err)
		}
		line := AppendRow(nil, fs)
		if !bytes.Equal(line[:len(line)-1], r.RawLine()) {
			t.Fatalf("line %d: re-encoded %q, raw %q", r.Line(), line, r.RawLine())
		}
		out = append(out, line...)
		rows++
	}
	return rows, out
}

func TestDocRowsGolden(t *testing.T) {
	data, err := os.ReadFile("testdata/doc-6.2.copy")
	if err != nil {
		t.Fatal(err)
	}
	r := NewReader(bytes.NewReader(data))
	want := [][][]byte{
		toFields("1", "2024-01-02 03:04:05.123456+00", "plain", "1.5", "1 day 02:03:04", `\x00ff`, "{1,2,NULL}"),
		toFields("2", null, null, null, null, null, null),
		toFields("3", "2024-06-01 06:30:00+00", "tab\there", "0.1", "-1 mons +3 days", `\x5c`, "{}"),
		toFields("4", "infinity", "new\nline", "NaN", "1 year", `\x`, null),
		toFields("5", "-infinity", `back\slash`, "-Infinity", "00:00:00.5", null, null),
		toFields("6", "0044-03-15 12:00:00+00 BC", "cr\rhere", "1e+300", "100 years", null, null),
	}
	var out []byte
	for i, w := range want {
		fs, err := r.Next()
		if err != nil {
			t.Fatalf("row %d: %v", i+1, err)
		}
		if !sameFields(fs, w) {
			t.Errorf("row %d = %s, want %s", i+1, showFields(fs), showFields(w))
		}
		out = AppendRow(out, fs)
	}
	if _, err := r.Next(); err != io.EOF || !r.Terminated() {
		t.Fatalf("after the rows: %v (terminated %v), want io.EOF at \\.", err, r.Terminated())
	}
	out = append(out, PgDumpTrailer...)
	if !bytes.Equal(out, data) {
		t.Errorf("re-encoded rows differ from the golden:\n got %q\nwant %q", out, data)
	}
}

// TestFixtureRowsRoundTrip re-encodes every table's rows from the repository's
// real pg_dump fixtures (testdata/pg*/full-none.copy, written by pg_restore).
func TestFixtureRowsRoundTrip(t *testing.T) {
	files, err := filepath.Glob("../../testdata/pg*/full-none.copy/*.copy")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no fixture .copy files under ../../testdata/pg*/full-none.copy")
	}
	total := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.Base(filepath.Dir(filepath.Dir(f)))+"/"+filepath.Base(f), func(t *testing.T) {
			rows, out := roundTrip(t, append(data[:len(data):len(data)], PgDumpTrailer...))
			if !bytes.Equal(out, data) {
				t.Errorf("re-encoded %d rows differ from the fixture", rows)
			}
			total += rows
		})
	}
	if total < 1000 {
		t.Errorf("only %d rows in the fixtures; expected the full schema's tables", total)
	}
}
