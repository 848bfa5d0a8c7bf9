package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"

	"github.com/pgdrill/pgdrill/pgarchive"
	"github.com/pgdrill/pgdrill/pgarchive/copytext"
)

// slowWriter makes a command last long enough for its bar to draw (bars
// wait half a second before their first line, so quick runs stay quiet).
type slowWriter struct{ d time.Duration }

func (w slowWriter) Write(p []byte) (int, error) {
	time.Sleep(w.d)
	return len(p), nil
}

// runOnTerminal runs a command with standard error on a real pseudo-terminal
// and returns what the terminal received.
func runOnTerminal(t *testing.T, stdout io.Writer, args ...string) (code int, term string) {
	t.Helper()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	defer ptmx.Close()
	var got bytes.Buffer
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		io.Copy(&got, ptmx) // ends with EIO once the tty side is closed
	}()
	root := newRootCmd()
	root.SetOut(stdout)
	root.SetErr(tty)
	root.SetIn(strings.NewReader(""))
	root.SetArgs(args)
	code = exitOK
	if err := root.Execute(); err != nil {
		code = exitUsage
		var ee *exitError
		if errors.As(err, &ee) {
			code = ee.code
		}
		t.Logf("%s: %v", strings.Join(args, " "), err)
	}
	tty.Close()
	wg.Wait()
	return code, got.String()
}

// bigArchive writes an uncompressed archive of about 8 MiB, so the bytes a
// reader has used grow steadily as cat works through it.
func bigArchive(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "big.dump")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := pgarchive.NewWriter(f, pgarchive.Header{Version: pgarchive.V1_14, Compression: pgarchive.CompressionNone, DBName: "big"})
	table := &pgarchive.Entry{DumpID: 1, Desc: "TABLE", Tag: "t", Section: pgarchive.SectionPreData,
		Namespace: pgarchive.Str("public"), Owner: pgarchive.Str("postgres"),
		Defn: pgarchive.Str("CREATE TABLE public.t (id integer, body text);\n"), DropStmt: pgarchive.Str("DROP TABLE public.t;\n")}
	data := &pgarchive.Entry{DumpID: 2, Desc: "TABLE DATA", Tag: "t", Section: pgarchive.SectionData,
		Namespace: pgarchive.Str("public"), Owner: pgarchive.Str("postgres"),
		CopyStmt: pgarchive.Str("COPY public.t (id, body) FROM stdin;\n"), HadDumper: true, Dependencies: []int{1}}
	for _, e := range []*pgarchive.Entry{table, data} {
		if err := w.Add(e); err != nil {
			t.Fatal(err)
		}
	}
	dw, err := w.Data(data)
	if err != nil {
		t.Fatal(err)
	}
	body := []byte(strings.Repeat("x", 200))
	rows := copytext.NewWriter(dw)
	for i := range 40000 {
		if err := rows.Write([][]byte{[]byte(strconv.Itoa(i)), body}); err != nil {
			t.Fatal(err)
		}
	}
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	if err := dw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// percent is a bar line with its percentage, as the terminal shows it.
var percent = regexp.MustCompile(`\rcat \[[=> ]+\] +\d+% `)

// TestProgressOnTerminal: on a real terminal (a pseudo-terminal), cat --all
// draws a bar with a percentage of the archive's size, redrawn in place, that
// ends at 100% on a finished line; --no-progress draws nothing; standard
// output, which holds the rows, never gets any of it.
func TestProgressOnTerminal(t *testing.T) {
	archive := bigArchive(t)
	// 10 ms per 64 KiB of output: about 1.3 s for the 8 MiB, past the half
	// second a bar waits before its first line.
	slow := slowWriter{10 * time.Millisecond}

	code, term := runOnTerminal(t, slow, "cat", "--all", archive)
	if code != exitOK {
		t.Fatalf("exit %d; terminal: %q", code, term)
	}
	if lines := percent.FindAllString(term, -1); len(lines) < 2 {
		t.Errorf("terminal shows %d bar lines with a percentage, want several: %q", len(lines), term)
	}
	if !strings.Contains(term, " 100% ") || !strings.HasSuffix(term, "\n") {
		t.Errorf("bar does not end at 100%% on a finished line: %q", term)
	}

	code, term = runOnTerminal(t, slow, "cat", "--all", "--no-progress", archive)
	if code != exitOK || term != "" {
		t.Errorf("--no-progress: exit %d, terminal got %q", code, term)
	}

	var out bytes.Buffer
	code, _ = runOnTerminal(t, &out, "cat", "--all", archive)
	if code != exitOK || !strings.HasPrefix(out.String(), "COPY public.t (id, body) FROM stdin;\n0\t") || strings.Contains(out.String(), "\r") {
		t.Errorf("cat --all with a terminal on standard error: exit %d; standard output starts %q", code, out.String()[:min(out.Len(), 60)])
	}
}
