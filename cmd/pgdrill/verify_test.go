package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestListVerify: list --verify reads every block, as gzip -t does, and a
// damaged or cut block (which plain list, reading only the TOC, passes)
// fails with exit 1 and the entry's name; from a file and from a pipe.
func TestListVerify(t *testing.T) {
	good, err := os.ReadFile(filepath.Join("..", "..", "testdata", "pg17", "full-gzip.dump"))
	if err != nil {
		t.Fatal(err)
	}
	pipeGood, err := os.ReadFile(filepath.Join("..", "..", "testdata", "pg17", "full-zstd-pipe.dump"))
	if err != nil {
		t.Fatal(err)
	}
	flipped := bytes.Clone(good)
	// Inside the last data block (the BLOBS block, after the TOC and tables).
	for i := len(good) - 20000; i < len(good)-19960; i++ {
		flipped[i] ^= 0x5a
	}
	dir := t.TempDir()
	cases := []struct {
		name     string
		data     []byte
		code     int
		mentions string
	}{
		{"good", good, exitOK, ""},
		{"good-pipe-format", pipeGood, exitOK, ""},
		{"flipped", flipped, exitFailed, "BLOBS"},
		// An archive written to a pipe has no data offsets: cut, its TOC
		// still reads whole.
		{"cut-pipe-format", pipeGood[:len(pipeGood)*2/3], exitFailed, "TABLE DATA"},
	}
	for _, tc := range cases {
		path := filepath.Join(dir, tc.name+".dump")
		if err := os.WriteFile(path, tc.data, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, how := range []string{"file", "stdin"} {
			var code int
			var stdout, stderr string
			if how == "file" {
				code, stdout, stderr = runArchiveCmd(t, nil, "list", "--verify", path)
			} else {
				code, stdout, stderr = runArchiveCmd(t, bytes.NewReader(tc.data), "list", "--verify", "-")
			}
			if code != tc.code {
				t.Errorf("%s from %s: exit %d, want %d; stderr: %s", tc.name, how, code, tc.code, stderr)
			}
			if tc.mentions != "" && !strings.Contains(stderr, tc.mentions) {
				t.Errorf("%s from %s: %q does not name the entry (%s)", tc.name, how, stderr, tc.mentions)
			}
			if !strings.Contains(stdout, "; Archive created at") {
				t.Errorf("%s from %s: no listing printed", tc.name, how)
			}
			// Without --verify the damage goes unseen: that is why the flag exists.
			if tc.code != exitOK {
				if code, _, _ := runArchiveCmd(t, bytes.NewReader(tc.data), "list", "-"); code != exitOK {
					t.Errorf("%s: plain list fails too (exit %d); the case does not show what --verify adds", tc.name, code)
				}
			}
		}
	}
}

// TestDrillKeepRefusesExisting: drill --keep does not overwrite a file
// (it may be a backup) unless --overwrite; the refusal comes before any
// server starts.
func TestDrillKeepRefusesExisting(t *testing.T) {
	path := filepath.Join(t.TempDir(), "backup.dump")
	if err := os.WriteFile(path, []byte("a backup"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := execute(t, nil, "drill", "--keep", path)
	if code != exitUsage || !strings.Contains(stderr, "--overwrite") {
		t.Errorf("drill --keep over an existing file: exit %d, %q; want exit 2 naming --overwrite", code, stderr)
	}
	if got, _ := os.ReadFile(path); string(got) != "a backup" {
		t.Errorf("the file was changed: %q", got)
	}
	if err := checkKeep(path, true); err != nil {
		t.Errorf("with --overwrite: %v", err)
	}
	if err := checkKeep(filepath.Join(t.TempDir(), "new.dump"), false); err != nil {
		t.Errorf("a new path: %v", err)
	}
}
