package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pgdrill/pgdrill/internal/pgtest"
)

// TestDrillMaxAge: --max-age fails the drill, blaming the archive, when the
// backup file was written longer ago (a nightly drill must notice that
// backups stopped arriving), passes a fresh one, reports when the archive
// was written in the JSON, and refuses what it cannot judge.
func TestDrillMaxAge(t *testing.T) {
	raw, err := os.ReadFile(chainArchive("cycle24-pg15-gzip-UTC.dump"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	fresh, old := filepath.Join(dir, "fresh.dump"), filepath.Join(dir, "old.dump")
	for _, p := range []string{fresh, old} {
		if err := os.WriteFile(p, raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	written := time.Now().Add(-50 * time.Hour).Truncate(time.Second)
	if err := os.Chtimes(old, written, written); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, archive, age string
		code               int
		line               string
	}{
		{"fresh", fresh, "26h", exitOK, "PASS rows=24"},
		{"fresh in days", fresh, "2d", exitOK, "PASS rows=24"},
		{"too old", old, "26h", exitFailed, "FAIL archive: archive age pre=<=26h0m0s post=50h0m"},
		{"old enough in days", old, "2.5d", exitOK, "PASS rows=24"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runArchiveCmd(t, nil, "drill", "-d", pgtest.NewDB(t), "--archive", tt.archive, "--max-age", tt.age)
			if code != tt.code || !strings.HasPrefix(out, tt.line) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d, stdout %q…", code, out, errOut, tt.code, tt.line)
			}
		})
	}

	code, out, errOut := runArchiveCmd(t, nil, "drill", "-d", pgtest.NewDB(t), "--json", "--archive", old)
	var rep struct {
		OK              bool      `json:"ok"`
		ArchiveModified time.Time `json:"archive_modified"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != exitOK {
		t.Fatalf("exit %d, %v\n%s%s", code, err, out, errOut)
	}
	if !rep.ArchiveModified.Equal(written) {
		t.Errorf("archive_modified %v, want %v", rep.ArchiveModified, written)
	}

	for _, args := range [][]string{
		{"drill", "--max-age", "26h"},                                          // no archive
		{"drill", "--archive", fresh, "--max-age", "soon"},                     // not a duration
		{"drill", "--archive", fresh, "--max-age", "-3h"},                      // not positive
		{"drill", "-d", pgtest.NewDB(t), "--archive", "-", "--max-age", "26h"}, // standard input has no age
	} {
		var stdin *os.File
		if args[len(args)-3] == "-" {
			f, err := os.Open(fresh)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			stdin = f
		}
		var code int
		if stdin != nil {
			code, _, errOut = runArchiveCmd(t, stdin, args...)
		} else {
			code, _, errOut = runArchiveCmd(t, nil, args...)
		}
		if code != exitUsage || !strings.Contains(errOut, "--max-age") {
			t.Errorf("%q: exit %d, %s", args, code, errOut)
		}
	}
}
