package embedded

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestSweepStale(t *testing.T) {
	parent := t.TempDir()
	old := time.Now().Add(-2 * staleAfter)
	dirs := []struct {
		name string
		old  bool
		pid  string // postmaster.pid's first line; "" = no file
		keep bool
	}{
		{"pgdrill-pg-killed", true, "", false},
		{"pgdrill-pg-deadpid", true, "999999999", false},
		{"pgdrill-pg-garbledpid", true, "x", false},
		{"pgdrill-pg-live", true, strconv.Itoa(os.Getpid()), true},
		{"pgdrill-pg-starting", false, "", true},
		{"someone-elses", true, "", true},
	}
	for _, d := range dirs {
		data := filepath.Join(parent, d.name, "data")
		if err := os.MkdirAll(data, 0o700); err != nil {
			t.Fatal(err)
		}
		if d.pid != "" {
			if err := os.WriteFile(filepath.Join(data, "postmaster.pid"), []byte(d.pid+"\n/some/dir\n"), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		if d.old {
			if err := os.Chtimes(filepath.Join(parent, d.name), old, old); err != nil {
				t.Fatal(err)
			}
		}
	}
	sweepStale(parent)
	var want, got []string
	for _, d := range dirs {
		if d.keep {
			want = append(want, d.name)
		}
	}
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("after sweep: %v, want %v", got, want)
	}
}
