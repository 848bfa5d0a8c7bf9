package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pgdrill/pgdrill/internal/pgtools"
)

// runArchiveCmd runs pgdrill with args, stdin as standard input (nil: empty),
// and returns its exit code and output.
func runArchiveCmd(t *testing.T, stdin io.Reader, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	root := newRootCmd()
	var out, errOut bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&errOut)
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	root.SetIn(stdin)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK, out.String(), errOut.String()
	}
	errOut.WriteString(err.Error())
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code, out.String(), errOut.String()
	}
	return exitUsage, out.String(), errOut.String()
}

// archiveFixtures are the single-file archives, custom and tar, which read
// from a file and from standard input alike.
func archiveFixtures(t *testing.T) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join("..", "..", "testdata", "pg1[57]", "*.dump"))
	tars, terr := filepath.Glob(filepath.Join("..", "..", "testdata", "pg1[57]", "*.tar"))
	if err != nil || terr != nil || len(names) == 0 || len(tars) == 0 {
		t.Fatalf("no fixtures: %v %v", err, terr)
	}
	return append(names, tars...)
}

func openFile(t *testing.T, name string) *os.File {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// TestListMatchesPgRestore: the listing of every fixture, from the file and
// from standard input, plain and verbose, equals pg_restore 17's.
func TestListMatchesPgRestore(t *testing.T) {
	for _, name := range archiveFixtures(t) {
		base := strings.TrimSuffix(name, ".dump")
		for _, tc := range []struct {
			golden string
			args   []string
			stdin  bool
		}{
			{".list", []string{"list", "--timezone", "UTC", name}, false},
			{".verbose.list", []string{"list", "-v", "--timezone", "UTC", name}, false},
			{".list", []string{"list", "--timezone", "UTC", "-"}, true},
			{".verbose.list", []string{"list", "--verbose", "--timezone", "UTC"}, true},
		} {
			want, err := os.ReadFile(base + tc.golden)
			if err != nil {
				t.Fatal(err)
			}
			var stdin io.Reader
			if tc.stdin {
				stdin = openFile(t, name)
			}
			code, out, errOut := runArchiveCmd(t, stdin, tc.args...)
			if code != 0 || out != string(want) {
				t.Errorf("%v (stdin %v): exit %d, %s; output equals %s: %v", tc.args, tc.stdin, code, errOut, tc.golden, out == string(want))
			}
		}
	}
}

func TestListCreateDB(t *testing.T) {
	name := filepath.Join("..", "..", "testdata", "pg17", "empty.dump")
	code, out, _ := runArchiveCmd(t, nil, "list", "-C", "--timezone", "UTC", name)
	want, _ := os.ReadFile(strings.TrimSuffix(name, ".dump") + ".list")
	verbose, _ := os.ReadFile(strings.TrimSuffix(name, ".dump") + ".verbose.list")
	// The verbose golden lists the DATABASE entry as its last line.
	lines := strings.Split(strings.TrimSuffix(string(verbose), "\n"), "\n")
	dbLine := lines[len(lines)-1]
	if !strings.Contains(dbLine, " DATABASE - empty ") {
		t.Fatalf("verbose golden ends with %q", dbLine)
	}
	if code != 0 || out != string(want)+dbLine+"\n" {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
}

func TestListJSON(t *testing.T) {
	name := filepath.Join("..", "..", "testdata", "pg17", "full-zstd-pipe.dump")
	code, out, errOut := runArchiveCmd(t, nil, "list", "--json", "--timezone", "UTC", name)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got listJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Header.TOCEntries != 99 || len(got.Entries) != 99 || got.Header.Compression != "zstd" ||
		got.Header.Version != "1.16-0" || got.Header.Created.Year != 126 || got.Header.CreatedAt.Year() != 2026 {
		t.Errorf("header: %+v, %d entries", got.Header, len(got.Entries))
	}
	// Entries marked listed are exactly the lines of pg_restore -l.
	golden, _ := os.ReadFile(strings.TrimSuffix(name, ".dump") + ".list")
	lines := strings.Count(string(golden), "\n") - strings.Count(string(golden), "\n;")
	listed := 0
	for _, e := range got.Entries {
		if e.Listed {
			listed++
		}
	}
	if listed != lines-1 { // the first line ";" has no "\n;" before it
		t.Errorf("%d entries listed, the golden lists %d", listed, lines-1)
	}
	var events, enc *entryJSON
	for i := range got.Entries {
		e := &got.Entries[i]
		if e.Desc == "TABLE DATA" && e.Tag == "events" {
			events = e
		}
		if e.Desc == "ENCODING" {
			enc = e
		}
	}
	if events == nil || events.CopyStmt == nil || *events.CopyStmt != "COPY public.events (id, ts, t, d, tm, note) FROM stdin;\n" ||
		events.Namespace == nil || *events.Namespace != "public" || events.DataState != "not-set" || !events.HadDumper ||
		len(events.Dependencies) != 1 || events.Section != "data" || events.Defn != nil {
		t.Errorf("events entry: %+v", events)
	}
	if enc == nil || enc.Listed || enc.Owner != nil || enc.Namespace != nil || enc.Defn == nil || enc.Dependencies == nil {
		t.Errorf("ENCODING entry: %+v", enc)
	}
}

// TestArchiveErrors: unreadable input is exit 2 with a message naming the
// file and, for a cut archive, the byte offset.
func TestArchiveErrors(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "pg17", "full-gzip.dump"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cutTOC := write("cut-toc.dump", raw[:2000])
	cutData := write("cut-data.dump", raw[:len(raw)-30000])
	notArchive := write("not.dump", []byte("SELECT 1;\n"))
	missing := filepath.Join(dir, "missing.dump")
	tests := []struct {
		args    []string
		stdin   []byte
		code    int
		message []string
	}{
		{[]string{"list", missing}, nil, 2, []string{"missing.dump"}},
		{[]string{"list", notArchive}, nil, 2, []string{"not.dump", "magic"}},
		{[]string{"list", cutTOC}, nil, 2, []string{"cut-toc.dump", "offset"}},
		{[]string{"list", "-"}, raw[:2000], 2, []string{"standard input", "offset"}},
		{[]string{"list", "--timezone", "Nowhere/Special", cutTOC}, nil, 2, []string{"--timezone"}},
		{[]string{"list", "a", "b"}, nil, 2, nil},
		{[]string{"list", "--bogus"}, nil, 2, nil},
		{[]string{"cat", "--all", cutData}, nil, 2, []string{"cut-data.dump", "offset"}},
		{[]string{"cat", "-", "public.audit_like"}, raw[:len(raw)-30000], 2, []string{"offset"}},
		{[]string{"inspect", cutData}, nil, 2, []string{"cut-data.dump", "offset"}},
		{[]string{"inspect", "-"}, raw[:len(raw)-30000], 2, []string{"offset"}},
		{[]string{"inspect", missing}, nil, 2, []string{"missing.dump"}},
	}
	for _, tt := range tests {
		var stdin io.Reader
		if tt.stdin != nil {
			stdin = bytes.NewReader(tt.stdin)
		}
		code, _, errOut := runArchiveCmd(t, stdin, tt.args...)
		if code != tt.code {
			t.Errorf("%v: exit %d, want %d (%s)", tt.args, code, tt.code, errOut)
		}
		for _, m := range tt.message {
			if !strings.Contains(errOut, m) {
				t.Errorf("%v: message %q lacks %q", tt.args, errOut, m)
			}
		}
	}
}

// TestListVersusPgRestore15: pgdrill list prints pg_restore 17's listing;
// pg_restore 15 differs from it in exactly one line, where it prints the
// compression as a zlib level (-1 default, 0 none) and 17 and pgdrill name
// the method. README states this.
func TestListVersusPgRestore15(t *testing.T) {
	pgRestore15 := pgtools.Need(t, 15, "pg_restore")
	for _, tc := range []struct{ fixture, pg15, ours string }{
		{"full-gzip", ";     Compression: -1", ";     Compression: gzip"},
		{"full-none", ";     Compression: 0", ";     Compression: none"},
	} {
		name := filepath.Join("..", "..", "testdata", "pg15", tc.fixture+".dump")
		cmd := exec.Command(pgRestore15[0], append(pgRestore15[1:], "-l", name)...)
		cmd.Env = append(os.Environ(), "TZ=UTC", "LC_ALL=C")
		theirs, err := cmd.Output()
		if err != nil {
			t.Fatalf("pg_restore 15 -l %s: %v", name, err)
		}
		code, ours, errOut := runArchiveCmd(t, nil, "list", "--timezone", "UTC", name)
		if code != 0 {
			t.Fatalf("list %s: exit %d: %s", name, code, errOut)
		}
		want := strings.Replace(string(theirs), tc.pg15+"\n", tc.ours+"\n", 1)
		if want == string(theirs) {
			t.Errorf("pg_restore 15's listing of %s has no line %q", name, tc.pg15)
		}
		if ours != want {
			t.Errorf("list %s differs from pg_restore 15 -l beyond the compression line:\n%s", name, lineDiffText(want, ours))
		}
	}
}

// lineDiffText shows the first differing line of two texts.
func lineDiffText(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) && i < len(g); i++ {
		if w[i] != g[i] {
			return fmt.Sprintf("line %d: want %q, got %q", i+1, w[i], g[i])
		}
	}
	return fmt.Sprintf("%d lines, want %d", len(g), len(w))
}
