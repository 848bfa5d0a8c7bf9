package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestInspectGoldens: the command prints the reports of internal/inspect's
// goldens (checked by hand, see internal/inspect/testdata/README.md).
func TestInspectGoldens(t *testing.T) {
	for _, name := range []string{"full-gzip", "tz-paris"} {
		file := filepath.Join("..", "..", "testdata", "pg17", name+".dump")
		checkInspectGoldens(t, file, filepath.Join("..", "..", "internal", "inspect", "testdata", name))
		// A file on standard input is read like the file; from a pipe the
		// size is unknown and the rest is the same.
		for _, pipe := range []bool{false, true} {
			var in io.Reader = openFile(t, file)
			if pipe {
				in = io.MultiReader(in) // hides the *os.File
			}
			code, out, errOut := runArchiveCmd(t, in, "inspect", "--json", "--timezone", "UTC", "-")
			want, _ := os.ReadFile(filepath.Join("..", "..", "internal", "inspect", "testdata", name+".json"))
			var got, exp map[string]any
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("stdin: exit %d %s: %v", code, errOut, err)
			}
			if err := json.Unmarshal(want, &exp); err != nil {
				t.Fatal(err)
			}
			if pipe {
				delete(exp["archive"].(map[string]any), "size_bytes")
			}
			if code != 0 || !reflect.DeepEqual(got, exp) {
				t.Errorf("inspect - < %s (pipe %v): exit %d %s; output:\n%s", file, pipe, code, errOut, out)
			}
		}
	}
}

// TestInspectResolveGoldens: run from the repository root, as
// testdata/inspect/gen.sh runs it, the command prints the goldens of the
// archives whose column types come from parents, composite types and domains
// (checked against the server's own figures by internal/inspect's tests).
// Columns of unknown type (pg17-tables, dumped with -t) are reported, not
// failed.
func TestInspectResolveGoldens(t *testing.T) {
	t.Chdir(filepath.Join("..", ".."))
	for _, name := range []string{"pg15", "pg17", "pg17-tables"} {
		checkInspectGoldens(t, "testdata/inspect/"+name+".dump", "testdata/inspect/"+name)
	}
}

// checkInspectGoldens: inspect prints golden+".txt", and with --json
// golden+".json", for the archive file, and exits 0.
func checkInspectGoldens(t *testing.T, file, golden string) {
	t.Helper()
	for _, format := range []struct{ flag, ext string }{{"", ".txt"}, {"--json", ".json"}} {
		want, err := os.ReadFile(golden + format.ext)
		if err != nil {
			t.Fatal(err)
		}
		args := []string{"inspect", "--timezone", "UTC", file}
		if format.flag != "" {
			args = append(args, format.flag)
		}
		code, out, errOut := runArchiveCmd(t, nil, args...)
		if code != exitOK || out != string(want) {
			t.Errorf("%v: exit %d %s; output:\n%s", args, code, errOut, out)
		}
	}
}

// TestInspectFindsBadValues: an archive whose data has an impossible date
// and a row missing a field is reported, and the exit status is 1.
func TestInspectFindsBadValues(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "pg17", "full-none.dump"))
	if err != nil {
		t.Fatal(err)
	}
	// Uncompressed data can be edited in place without changing any length.
	edit := func(old, new string) {
		if bytes.Count(raw, []byte(old)) != 1 || len(old) != len(new) {
			t.Fatalf("cannot edit %q", old)
		}
		raw = bytes.Replace(raw, []byte(old), []byte(new), 1)
	}
	edit("1850-06-01 11:50:39+00\t", "1850-16-01 11:50:39+00\t")
	edit("\t2024-01-04\t", " 2024-01-04\t")
	file := filepath.Join(t.TempDir(), "bad.dump")
	if err := os.WriteFile(file, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runArchiveCmd(t, nil, "inspect", "--timezone", "UTC", file)
	if code != exitFailed {
		t.Errorf("exit %d, want %d (%s)", code, exitFailed, errOut)
	}
	for _, want := range []string{
		"values 326, nulls 2, infinite 2, fractional 308, invalid 1",
		`invalid     "1850-16-01 11:50:39+00"`,
		"public.measurements_2024  9 rows, 185 bytes raw",
		"malformed rows: 1",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(errOut, "2 rows or values could not be read") {
		t.Errorf("message %q", errOut)
	}
}
