package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/pgdrill/pgdrill/pgarchive"
)

func TestParseTableName(t *testing.T) {
	tests := []struct {
		in   string
		want string // schema|name, or "!" + error fragment
	}{
		{"events", "|events"},
		{"Events", "|events"},
		{"public.events", "public|events"},
		{`"Mixed Case"."My Table"`, "Mixed Case|My Table"},
		{`public."données été"`, "public|données été"},
		{`public.données`, "public|données"},
		{`public."quote""name"`, `public|quote"name`},
		{`public."line` + "\n" + `break"`, "public|line\nbreak"},
		{`"a.b"`, "|a.b"},
		{`public."slash/name"`, "public|slash/name"},
		{`t$1`, "|t$1"},
		{"my table", "!needs double quotes"},
		{"public.slash/name", "!needs double quotes"},
		{"1abc", "!needs double quotes"},
		{`"open`, "!unterminated"},
		{`""`, "!zero-length"},
		{"", "!missing"},
		{"public.", "!missing"},
		{".t", "!missing"},
		{"a.b.c", "!schema.name"},
		{`"a"b`, "!unexpected"},
	}
	for _, tt := range tests {
		got, err := parseTableName(tt.in)
		var s string
		if err != nil {
			s = "!" + err.Error()
		} else {
			s = got.schema + "|" + got.name
			if got.qualified != !strings.HasPrefix(tt.want, "|") {
				t.Errorf("%q: qualified = %v", tt.in, got.qualified)
			}
		}
		if strings.HasPrefix(tt.want, "!") {
			if !strings.HasPrefix(s, "!") || !strings.Contains(s, tt.want[1:]) {
				t.Errorf("%q: got %q, want an error with %q", tt.in, s, tt.want[1:])
			}
		} else if s != tt.want {
			t.Errorf("%q: got %q, want %q", tt.in, s, tt.want)
		}
	}
}

// copyGoldenName is the file name testdata/gen.sh gives a COPY golden.
func copyGoldenName(ns, tag string) string {
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

// tableData is the TABLE DATA entries of archive name.
func tableData(t *testing.T, name string) []*pgarchive.Entry {
	t.Helper()
	rc, err := pgarchive.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	var out []*pgarchive.Entry
	for _, e := range rc.Entries {
		if e.Desc == "TABLE DATA" {
			out = append(out, e)
		}
	}
	return out
}

// TestCatMatchesPgRestore: every table of every fixture, named with SQL
// quoting, prints byte for byte what pg_restore -a prints between the COPY
// line and \., from the file and from standard input.
func TestCatMatchesPgRestore(t *testing.T) {
	for _, name := range archiveFixtures(t) {
		for _, e := range tableData(t, name) {
			want, err := os.ReadFile(filepath.Join(strings.TrimSuffix(name, ".dump")+".copy", copyGoldenName(e.Namespace.String, e.Tag)))
			if err != nil {
				t.Fatal(err)
			}
			table := quoteIdent(e.Namespace.String) + "." + quoteIdent(e.Tag)
			code, out, errOut := runArchiveCmd(t, nil, "cat", name, table)
			if code != 0 || out != string(want) {
				t.Errorf("cat %s %s: exit %d %s; %d bytes, golden %d", name, table, code, errOut, len(out), len(want))
			}
			if strings.Contains(name, "pipe") || e.Tag == "events" {
				code, out, errOut = runArchiveCmd(t, openFile(t, name), "cat", "-", table)
				if code != 0 || out != string(want) {
					t.Errorf("cat - %s < %s: exit %d %s; %d bytes, golden %d", table, name, code, errOut, len(out), len(want))
				}
			}
		}
	}
}

// TestCatAll: --all is, for each table in order, its COPY statement, the
// golden rows, and "\.\n\n"; the same from standard input.
func TestCatAll(t *testing.T) {
	for _, name := range archiveFixtures(t) {
		rc, err := pgarchive.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		for _, e := range rc.Entries {
			if e.Desc != "TABLE DATA" {
				continue
			}
			rows, err := os.ReadFile(filepath.Join(strings.TrimSuffix(name, ".dump")+".copy", copyGoldenName(e.Namespace.String, e.Tag)))
			if err != nil {
				t.Fatal(err)
			}
			want.WriteString(e.CopyStmt.String)
			want.Write(rows)
			want.WriteString("\\.\n\n")
		}
		rc.Close()
		for _, args := range [][]string{{"cat", "--all", name}, {"cat", "--all", "-"}, {"cat", "--all"}} {
			var stdin io.Reader
			if len(args) < 3 || args[2] == "-" {
				stdin = openFile(t, name)
			}
			code, out, errOut := runArchiveCmd(t, stdin, args...)
			if code != 0 || out != want.String() {
				t.Errorf("%v < %s: exit %d %s; %d bytes, want %d", args, name, code, errOut, len(out), want.Len())
			}
		}
	}
}

func TestCatErrors(t *testing.T) {
	full := filepath.Join("..", "..", "testdata", "pg17", "full-gzip.dump")
	tests := []struct {
		args    []string
		message []string
	}{
		{[]string{"cat", full, "items"}, []string{"ambiguous", `"Mixed Case".items`, "public.items"}},
		{[]string{"cat", full, "nosuch"}, []string{"no data for table nosuch"}},
		{[]string{"cat", full, `public."My Table"`}, []string{"no data", `public."My Table"`}},
		{[]string{"cat", full, "event_years"}, []string{"no data"}}, // a materialized view: no block
		{[]string{"cat", full, "bad name"}, []string{"double quotes"}},
		{[]string{"cat", full}, []string{"table name"}},
		{[]string{"cat", "--all", full, "extra"}, []string{"at most one"}},
	}
	for _, tt := range tests {
		code, out, errOut := runArchiveCmd(t, nil, tt.args...)
		if code != exitUsage || out != "" {
			t.Errorf("%v: exit %d, output %q", tt.args, code, out)
		}
		for _, m := range tt.message {
			if !strings.Contains(errOut, m) {
				t.Errorf("%v: message %q lacks %q", tt.args, errOut, m)
			}
		}
	}
}

// copyRowsByLine is a plain reference for writeCopyRows: it splits lines
// one by one.
func copyRowsByLine(data []byte) []byte {
	var out []byte
	escapedLF := false
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line = data[:i+1]
		}
		if !escapedLF && (string(line) == "\\.\n" || string(line) == "\\.\r\n" || (string(line) == "\\." && len(line) == len(data))) {
			return out
		}
		out = append(out, line...)
		data = data[len(line):]
		// An odd run of backslashes before the LF escapes it; the escaped
		// LF is data, so a run never continues across it.
		body := bytes.TrimSuffix(line, []byte("\n"))
		run := 0
		for run < len(body) && body[len(body)-1-run] == '\\' {
			run++
		}
		escapedLF = bytes.HasSuffix(line, []byte("\n")) && run%2 == 1
	}
	return out
}

func TestWriteCopyRows(t *testing.T) {
	long := strings.Repeat("x", 300<<10)
	inputs := []string{
		"",
		"\\.\n\n\n",
		"\\.",
		"\\.\r\n",
		"1\ta\n2\tb\n\\.\n\n\n",
		"1\ta\n2\tb\n",
		"1\ta\n2\tb",
		"1\t\\\\.\n\\.\n",
		"a\\\n\\.\nb\n\\.\n",      // an escaped LF: the next \. continues the row
		"a\\\\\n\\.\nrest\n",      // an escaped backslash: the LF ends the line
		"a\\\\\\\n\\.\n\\.\ntail", // three backslashes: escaped LF
		"x\n\\.x\n\\..\n\\.\n",    // \.x is not the end line
		"crlf\r\n\\.\r\n",         // CRLF data
		"x\n\\.\r",                // \.CR at EOF: not an end line
		long + "\n\\.\n",          // rows longer than the buffer
		long + "\\\n\\.\n" + long + "\n\\.\n",
		strings.Repeat("\\", 300<<10) + "\n\\.\nz\n\\.\n", // an even run across buffers
		strings.Repeat("\\", 300<<10+1) + "\n\\.\nz\n\\.\n",
		strings.Repeat("row\n", 100000) + "\\.\n\n\n",
	}
	readers := map[string]func(io.Reader) io.Reader{
		"whole":    func(r io.Reader) io.Reader { return r },
		"one byte": iotest.OneByteReader,
		"half":     iotest.HalfReader,
	}
	for i, in := range inputs {
		want := copyRowsByLine([]byte(in))
		for rname, wrap := range readers {
			if rname == "one byte" && len(in) > 1<<20 {
				continue
			}
			var out bytes.Buffer
			if err := writeCopyRows(&out, wrap(strings.NewReader(in))); err != nil {
				t.Fatalf("input %d (%s): %v", i, rname, err)
			}
			if !bytes.Equal(out.Bytes(), want) {
				t.Errorf("input %d (%s): got %d bytes %.60q, want %d bytes %.60q", i, rname, out.Len(), out.String(), len(want), want)
			}
		}
	}
	// The reference itself, on cases worked out by hand.
	for in, want := range map[string]string{
		"a\\\n\\.\nb\n\\.\n": "a\\\n\\.\nb\n",
		"a\\\\\n\\.\nrest\n": "a\\\\\n",
		"x\n\\.\r":           "x\n\\.\r",
		"\\.":                "",
	} {
		if got := string(copyRowsByLine([]byte(in))); got != want {
			t.Errorf("reference on %q: %q, want %q", in, got, want)
		}
	}
}

// errWriter fails every write.
type errWriter struct{}

func (errWriter) Write([]byte) (int, error) { return 0, io.ErrClosedPipe }

func TestWriteCopyRowsWriteError(t *testing.T) {
	if err := writeCopyRows(errWriter{}, strings.NewReader("1\n\\.\n")); err != io.ErrClosedPipe {
		t.Errorf("error %v, want %v", err, io.ErrClosedPipe)
	}
}

// insertArchive writes a 1.14 archive whose table data is INSERT statements
// (pg_dump --inserts), with one large object.
func insertArchive(t *testing.T) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "inserts.dump")
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := pgarchive.NewWriter(f, pgarchive.Header{Version: pgarchive.V1_14, Compression: pgarchive.CompressionGzip, DBName: "db"})
	table := &pgarchive.Entry{DumpID: 1, TableOID: 1259, OID: 16400, Tag: "t", Desc: "TABLE", Section: pgarchive.SectionPreData,
		Namespace: pgarchive.Str("public"), Defn: pgarchive.Str("CREATE TABLE public.t (\n    d date\n);\n"), Owner: pgarchive.Str("postgres"), WithOIDs: "false"}
	data := &pgarchive.Entry{DumpID: 2, OID: 16400, Tag: "t", Desc: "TABLE DATA", Section: pgarchive.SectionData,
		Namespace: pgarchive.Str("public"), Owner: pgarchive.Str("postgres"), HadDumper: true, Dependencies: []int{1}, WithOIDs: "false"}
	blobs := &pgarchive.Entry{DumpID: 3, Tag: "BLOBS", Desc: "BLOBS", Section: pgarchive.SectionData, HadDumper: true, WithOIDs: "false"}
	for _, e := range []*pgarchive.Entry{table, data, blobs} {
		if err := w.Add(e); err != nil {
			t.Fatal(err)
		}
	}
	d, err := w.Data(data)
	if err != nil {
		t.Fatal(err)
	}
	d.Write([]byte(insertSQL))
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	bw, err := w.Blobs(blobs)
	if err != nil {
		t.Fatal(err)
	}
	o, _ := bw.Create(90001)
	o.Write([]byte("0123456789"))
	if err := bw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return file
}

const insertSQL = "INSERT INTO public.t VALUES ('2024-01-01');\nINSERT INTO public.t VALUES ('2024-01-02');\n\n\n"

// TestCatInserts: INSERT-mode data is printed as stored, by cat and cat --all;
// inspect reports it without counting rows.
func TestCatInserts(t *testing.T) {
	file := insertArchive(t)
	if code, out, errOut := runArchiveCmd(t, nil, "cat", file, "t"); code != 0 || out != insertSQL {
		t.Errorf("cat: exit %d %s: %q", code, errOut, out)
	}
	if code, out, errOut := runArchiveCmd(t, nil, "cat", "--all", file); code != 0 || out != insertSQL {
		t.Errorf("cat --all: exit %d %s: %q", code, errOut, out)
	}
	code, out, errOut := runArchiveCmd(t, nil, "inspect", file)
	if code != 0 || !strings.Contains(out, "public.t  INSERT statements, 90 bytes raw") ||
		!strings.Contains(out, "large objects  1, 10 bytes raw") {
		t.Errorf("inspect: exit %d %s:\n%s", code, errOut, out)
	}
}

// FuzzWriteCopyRows checks the buffered end-line search against the plain
// line-by-line reference, reading in small random pieces.
func FuzzWriteCopyRows(f *testing.F) {
	for _, s := range []string{"1\ta\n\\.\n\n\n", "a\\\n\\.\nb\n\\.\n", "\\\\\\\n\\.\r\n", "x\n\\.", "\\.\r\n"} {
		f.Add([]byte(s), uint8(3))
	}
	f.Fuzz(func(t *testing.T, data []byte, piece uint8) {
		want := copyRowsByLine(data)
		var out bytes.Buffer
		r := &pieceReader{data: data, n: int(piece%7) + 1}
		if err := writeCopyRows(&out, r); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out.Bytes(), want) {
			t.Errorf("%q: got %q, want %q", data, out.Bytes(), want)
		}
	})
}

// pieceReader returns at most n bytes per Read.
type pieceReader struct {
	data []byte
	n    int
}

func (p *pieceReader) Read(b []byte) (int, error) {
	if len(p.data) == 0 {
		return 0, io.EOF
	}
	k := copy(b[:min(len(b), p.n)], p.data)
	p.data = p.data[k:]
	return k, nil
}
