package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// otherFormatInputs writes, into a temporary directory, one input of each
// kind of dump that is not a custom-format archive, and returns their paths
// by kind. The plain-SQL script is pg_restore 15's, the shape pg_dump -Fp
// writes; the tar and directory layouts are pg_dump's (toc.dat first).
func otherFormatInputs(t *testing.T) map[string]string {
	t.Helper()
	dir := t.TempDir()
	sql, err := os.ReadFile(filepath.Join("..", "..", "testdata", "pg15", "full-gzip.sql"))
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	var tarBuf bytes.Buffer
	tw := tar.NewWriter(&tarBuf)
	toc := []byte("PGDMP\x01\x0e\x00")
	if err := tw.WriteHeader(&tar.Header{Name: "toc.dat", Mode: 0o600, Size: int64(len(toc)), Format: tar.FormatUSTAR}); err != nil {
		t.Fatal(err)
	}
	tw.Write(toc)
	tw.Close()
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(sql)
	zw.Close()
	dirDump := filepath.Join(dir, "dir.d")
	if err := os.Mkdir(dirDump, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dirDump, "toc.dat"), toc, 0o644); err != nil {
		t.Fatal(err)
	}
	return map[string]string{
		"plain-SQL":        write("plain.sql", sql),
		"SET-first":        write("set.sql", []byte("SET client_encoding = 'UTF8';\nCREATE TABLE t (a int);\n")),
		"tar-format":       write("dump.tar", tarBuf.Bytes()),
		"gzip-compressed":  write("plain.sql.gz", gz.Bytes()),
		"directory-format": dirDump,
	}
}

// TestOtherFormats: every command that reads an archive says what a
// plain-SQL or gzip dump is and what to do, and what is wrong with a cut
// tar or directory dump, exit 2, from a file and from standard input.
func TestOtherFormats(t *testing.T) {
	inputs := otherFormatInputs(t)
	want := map[string][]string{
		"plain-SQL": {"plain-SQL dump", "psql -d DBNAME"},
		"SET-first": {"plain-SQL dump", "psql -d DBNAME"},
		// Tar and directory dumps are read: these are cut short.
		"tar-format":       {"toc.dat", "unexpected EOF"},
		"gzip-compressed":  {"gzip-compressed", "gunzip"},
		"directory-format": {"toc.dat", "unexpected EOF"},
	}
	commands := [][]string{
		{"list"}, {"inspect"}, {"cat", "--all"}, {"verify-chain", "--spool", t.TempDir()},
		{"restore", "-d", "postgres://nobody@127.0.0.1:1/x"},
		{"drill", "--spool", t.TempDir(), "--archive"},
	}
	for kind, path := range inputs {
		for _, c := range commands {
			for _, stdin := range []bool{false, true} {
				if stdin && kind == "directory-format" {
					continue
				}
				if c[0] == "drill" && (kind == "tar-format" || kind == "directory-format") {
					// A cut archive of a format pgdrill reads: the
					// drill's verdict is FAIL (exit 1), as for a cut
					// custom archive.
					continue
				}
				args := append(append([]string{}, c...), path)
				var in io.Reader
				if stdin {
					data, err := os.ReadFile(path)
					if err != nil {
						t.Fatal(err)
					}
					in = bytes.NewReader(data) // a pipe: no file behind it
					args[len(args)-1] = "-"
				}
				code, _, errOut := runArchiveCmd(t, in, args...)
				if code != 2 {
					t.Errorf("%s %v: exit %d, want 2 (%s)", kind, args, code, errOut)
				}
				for _, w := range want[kind] {
					if !strings.Contains(errOut, w) {
						t.Errorf("%s %v: message %q lacks %q", kind, args, errOut, w)
					}
				}
			}
		}
	}
}

// TestStdinRandomAccess: commands that need random access read a regular
// file on standard input directly, refuse a pipe with a message naming
// --spool, and with --spool copy the pipe into a file they leave no trace
// of.
func TestStdinRandomAccess(t *testing.T) {
	archive := chainArchive("cycle24-pg15-gzip-UTC.dump")
	data, err := os.ReadFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	spoolDir := t.TempDir()
	tests := []struct {
		name  string
		args  []string
		stdin func() io.Reader
		code  int
		out   string // stdout prefix
		err   string // in stderr
	}{
		{"file on stdin", []string{"verify-chain", "-"}, func() io.Reader { return openFile(t, archive) }, 0, "PASS 24 rows", ""},
		{"pipe", []string{"verify-chain", "-"}, func() io.Reader { return bytes.NewReader(data) }, 2, "", "verify-chain reads the archive with random access"},
		{"pipe spooled", []string{"verify-chain", "--spool", spoolDir, "-"}, func() io.Reader { return bytes.NewReader(data) }, 0, "PASS 24 rows", ""},
		{"spool dir missing", []string{"verify-chain", "--spool", filepath.Join(spoolDir, "none"), "-"}, func() io.Reader { return bytes.NewReader(data) }, 2, "", "--spool"},
		{"cut pipe spooled", []string{"verify-chain", "--spool", spoolDir, "-"}, func() io.Reader { return bytes.NewReader(data[:len(data)/2]) }, 2, "", "standard input"},
		{"drill pipe", []string{"drill", "--archive", "-"}, func() io.Reader { return bytes.NewReader(data) }, 2, "", "drill --archive reads the archive with random access"},
		{"restore -j 2 pipe", []string{"restore", "-d", "postgres://nobody@127.0.0.1:1/x", "-j", "2", "-"}, func() io.Reader { return bytes.NewReader(data) }, 2, "", "restore -j 2 reads the archive with random access"},
		{"list pipe", []string{"list", "-"}, func() io.Reader { return bytes.NewReader(data) }, 0, ";\n; Archive created at", ""},
		{"inspect pipe", []string{"inspect", "-"}, func() io.Reader { return bytes.NewReader(data) }, 0, "", ""},
	}
	for _, tt := range tests {
		code, out, errOut := runArchiveCmd(t, tt.stdin(), tt.args...)
		if code != tt.code || !strings.HasPrefix(out, tt.out) || !strings.Contains(errOut, tt.err) {
			t.Errorf("%s: pgdrill %s: exit %d, stdout %.80q, stderr %q; want exit %d, stdout %q…, stderr with %q",
				tt.name, strings.Join(tt.args, " "), code, out, errOut, tt.code, tt.out, tt.err)
		}
	}
	left, err := os.ReadDir(spoolDir)
	if err != nil || len(left) != 0 {
		t.Errorf("spool directory holds %v (%v), want nothing", left, err)
	}
}
