package copytext

import (
	"bytes"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The goldens under testdata/server were written by PostgreSQL 15.18 (see
// testdata/server/gen.sh); these tests need no server.

// arrayOut renders a one-dimensional text[] as the server's array_out does:
// an element is quoted if it is empty, NULL (any case), or holds a brace,
// comma, quote, backslash or white space; inside quotes " and \ get a
// backslash.
func arrayOut(elems ...string) string {
	var b strings.Builder
	b.WriteByte('{')
	for i, e := range elems {
		if i > 0 {
			b.WriteByte(',')
		}
		if e == null {
			b.WriteString("NULL")
			continue
		}
		if e != "" && !strings.EqualFold(e, "NULL") && !strings.ContainsAny(e, "{},\"\\ \t\n\r\v\f") {
			b.WriteString(e)
			continue
		}
		b.WriteByte('"')
		for _, c := range []byte(e) {
			if c == '"' || c == '\\' {
				b.WriteByte('\\')
			}
			b.WriteByte(c)
		}
		b.WriteByte('"')
	}
	b.WriteByte('}')
	return b.String()
}

func byteaOut(b string) string { return `\x` + hex.EncodeToString([]byte(b)) }

// bytesRows are the rows of testdata/server/bytes.sql, built independently
// of the golden.
func bytesRows() [][][]byte {
	var rows [][][]byte
	var asc, desc []byte
	for i := 1; i <= 255; i++ {
		c := string([]byte{byte(i)})
		rows = append(rows, toFields(strconv.Itoa(i), c, "a"+c+"z", arrayOut(c, "x"+c), byteaOut(c)))
		asc = append(asc, byte(i))
		desc = append(desc, byte(256-i))
	}
	rows = append(rows,
		toFields("256", string(asc), string(desc), null, null),
		toFields("300", null, "", "{}", null),
		toFields("301", `\N`, `\\N`, arrayOut(null, `\N`), byteaOut(`\N`)),
		toFields("302", `\.`, `\\.`, arrayOut(`\.`), byteaOut(`\.`)),
		toFields("303", `\`, `\\`, arrayOut(`\`), byteaOut("")),
		toFields("304", "é日本🙂", "tab\tand\nnewline", arrayOut("a b", `c"d`, "e,f"), null),
		toFields("305", "\r\n", "\t\t", arrayOut("\n"), null),
	)
	return rows
}

// TestServerBytesGolden: AppendRow writes what the server's COPY TO wrote
// for every byte 0x01..0xff, and the Reader reads it back to the same values.
func TestServerBytesGolden(t *testing.T) {
	golden, err := os.ReadFile("testdata/server/bytes.copy")
	if err != nil {
		t.Fatal(err)
	}
	rows := bytesRows()
	var out []byte
	for _, r := range rows {
		out = AppendRow(out, r)
	}
	if !bytes.Equal(out, golden) {
		gl := bytes.SplitAfter(golden, []byte("\n"))
		ol := bytes.SplitAfter(out, []byte("\n"))
		for i := 0; i < len(gl) && i < len(ol); i++ {
			if !bytes.Equal(gl[i], ol[i]) {
				t.Fatalf("line %d differs:\n got %q\nwant %q", i+1, ol[i], gl[i])
			}
		}
		t.Fatalf("%d lines, golden has %d", len(ol), len(gl))
	}

	got, raws, err := readAll(NewReader(bytes.NewReader(golden)))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(rows) {
		t.Fatalf("read %d rows, want %d", len(got), len(rows))
	}
	for i := range got {
		if !sameFields(got[i], rows[i]) {
			t.Errorf("line %d (%q) = %s, want %s", i+1, raws[i], showFields(got[i]), showFields(rows[i]))
		}
	}
}

// TestServerInputGolden: every escape in input.copy decodes to what the
// server stored, as shown by the server writing it back (input.out).
func TestServerInputGolden(t *testing.T) {
	in, err := os.ReadFile("testdata/server/input.copy")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("testdata/server/input.out")
	if err != nil {
		t.Fatal(err)
	}
	r := NewReader(bytes.NewReader(in))
	wantLines := bytes.SplitAfter(want, []byte("\n"))
	n := 0
	for ; ; n++ {
		fs, err := r.Next()
		if err != nil {
			if n != len(wantLines)-1 { // SplitAfter leaves an empty tail
				t.Fatalf("after %d rows: %v; the server stored %d", n, err, len(wantLines)-1)
			}
			break
		}
		if got := AppendRow(nil, fs); !bytes.Equal(got, wantLines[n]) {
			t.Errorf("input line %d %q: re-encoded %q, server wrote %q", r.Line(), r.RawLine(), got, wantLines[n])
		}
	}
	if n < 13 {
		t.Fatalf("only %d rows", n)
	}
}

// TestServerEdgeCases replays testdata/server/edge/*.in, which the server
// loaded through COPY FROM STDIN (edge/*.out holds what it stored or its
// error). The Reader must store the same rows or fail for the same reason;
// deviations are deliberate and listed.
func TestServerEdgeCases(t *testing.T) {
	serverErrs := map[string]error{
		"ERROR:  literal carriage return found in data":                    ErrLiteralNewline,
		"ERROR:  literal newline found in data":                            ErrLiteralNewline,
		"ERROR:  end-of-copy marker corrupt":                               ErrMarkerNotAlone,
		"ERROR:  end-of-copy marker does not match previous newline style": ErrMarkerNewline,
	}
	// Where the server silently loses or alters data, we refuse instead.
	deviations := map[string]error{
		"marker-mid-row":            ErrMarkerNotAlone,    // 15 keeps "2\ty" and drops the rest
		"trailing-backslash-at-eof": ErrTrailingBackslash, // 15 drops the backslash
	}
	ins, err := filepath.Glob("testdata/server/edge/*.in")
	if err != nil || len(ins) < 10 {
		t.Fatalf("edge cases: %d files, %v", len(ins), err)
	}
	for _, in := range ins {
		name := strings.TrimSuffix(filepath.Base(in), ".in")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(strings.TrimSuffix(in, ".in") + ".out")
			if err != nil {
				t.Fatal(err)
			}
			wantErr := deviations[name]
			if bytes.HasPrefix(want, []byte("ERROR:")) {
				msg := string(bytes.TrimSpace(want))
				if wantErr = serverErrs[msg]; wantErr == nil {
					t.Fatalf("unmapped server error %q", msg)
				}
			}
			rows, _, err := readAll(NewReader(bytes.NewReader(data)))
			if wantErr != nil {
				if !errors.Is(err, wantErr) {
					t.Fatalf("error %v, want %v (server: %q)", err, wantErr, bytes.TrimSpace(want))
				}
				return
			}
			if err != nil {
				t.Fatalf("error %v; the server stored %q", err, want)
			}
			var got []byte
			for _, r := range rows {
				got = AppendRow(got, r)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("stored %q, the server stored %q", got, want)
			}
		})
	}
}
