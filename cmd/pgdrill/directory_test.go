package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDirectoryArchives: list, cat and cat --all read directory archives
// (pg_dump -Fd, every compression, pg_dump 15 and 17) with pg_restore 17's
// output, and print what they print for the custom archive of the same
// database; inspect and verify-chain agree with the custom archive too.
func TestDirectoryArchives(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("..", "..", "testdata", "pg1[57]", "*.dir"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no directory fixtures: %v", err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(filepath.Dir(dir))+"/"+filepath.Base(dir), func(t *testing.T) {
			custom := filepath.Join(filepath.Dir(dir), "full-none.dump")
			for _, golden := range []string{".list", ".verbose.list"} {
				want, err := os.ReadFile(dir + golden)
				if err != nil {
					t.Fatal(err)
				}
				args := []string{"list", "--timezone", "UTC", dir}
				if golden == ".verbose.list" {
					args = []string{"list", "-v", "--timezone", "UTC", dir}
				}
				if code, out, errOut := runArchiveCmd(t, nil, args...); code != 0 || out != string(want) {
					t.Errorf("%v: exit %d %s; equals %s: %v", args, code, errOut, golden, out == string(want))
				}
			}
			for _, e := range tableData(t, dir) {
				want, err := os.ReadFile(filepath.Join(dir+".copy", copyGoldenName(e.Namespace.String, e.Tag)))
				if err != nil {
					t.Fatal(err)
				}
				table := quoteIdent(e.Namespace.String) + "." + quoteIdent(e.Tag)
				if code, out, errOut := runArchiveCmd(t, nil, "cat", dir, table); code != 0 || out != string(want) {
					t.Errorf("cat %s: exit %d %s; %d bytes, golden %d", table, code, errOut, len(out), len(want))
				}
			}
			for _, args := range [][]string{{"cat", "--all"}, {"verify-chain"}} {
				wantCode, want, _ := runArchiveCmd(t, nil, append(args, custom)...)
				code, out, errOut := runArchiveCmd(t, nil, append(args, dir)...)
				if code != wantCode || out != want {
					t.Errorf("%v: exit %d (custom archive %d) %s; same output: %v", args, code, wantCode, errOut, out == want)
				}
			}
			// inspect names the archive and its compressed sizes; the
			// tables, rows and large objects must agree.
			_, want, _ := runArchiveCmd(t, nil, "inspect", "--timezone", "UTC", custom)
			code, out, errOut := runArchiveCmd(t, nil, "inspect", "--timezone", "UTC", dir)
			if code != 0 || rowLines(out) != rowLines(want) {
				t.Errorf("inspect: exit %d %s\n%s\nwant rows as\n%s", code, errOut, rowLines(out), rowLines(want))
			}
		})
	}
}

// rowLines keeps inspect's lines that count rows.
func rowLines(s string) string {
	var keep []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, " rows") {
			keep = append(keep, l[:strings.Index(l, " rows")])
		}
	}
	return strings.Join(keep, "\n")
}

// TestDumpFormatUsage: -F, -j and -f combinations pg_dump refuses are usage
// errors, before any connection.
func TestDumpFormatUsage(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out.dir")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"dump", "-F", "x", "-d", "db"}, "invalid output format"},
		{[]string{"dump", "-Fp", "-d", "db"}, "plain format"},
		{[]string{"dump", "-Fd", "-d", "db"}, "needs -f DIRECTORY"},
		{[]string{"dump", "-Fc", "-j", "2", "-d", "db", "-f", dir}, "needs the directory format"},
		{[]string{"dump", "-Fd", "-j", "0", "-d", "db", "-f", dir}, "at least 1"},
		{[]string{"dump", "-Ft", "-Z", "zstd", "-d", "db", "-f", dir}, "not supported by the tar format"},
	} {
		code, _, errOut := runArchiveCmd(t, nil, tt.args...)
		if code != exitUsage || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, %q; want exit %d and %q", tt.args, code, errOut, exitUsage, tt.want)
		}
	}
	if _, err := os.Stat(dir); err == nil {
		t.Errorf("%s was created", dir)
	}
}
