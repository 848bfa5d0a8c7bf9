// Package pgtools finds the PostgreSQL client programs (pg_dump, pg_restore,
// psql) of a given major version for parity tests and benchmarks: version 15
// from /usr/lib/postgresql/15/bin, version 17 through the project's
// ../shared/tools/pg17 wrapper (or $PG17), once it has unpacked the programs.
package pgtools

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

// Need returns the command that runs a PostgreSQL client program (pg_dump,
// pg_restore, psql) of the given major version for parity tests, or skips the
// test saying why. Version 15 comes from /usr/lib/postgresql/15/bin;
// version 17 from $PG17 or the project's ../shared/tools/pg17 wrapper, which
// CI primes before the tests.
func Need(t testing.TB, major int, program string) []string {
	t.Helper()
	cmd, err := Find(major, program)
	if err != nil {
		t.Skipf("parity check skipped: %v", err)
	}
	return cmd
}

// Find is Need without the test: it reports why a program is missing.
func Find(major int, program string) ([]string, error) {
	if major == 17 {
		w := os.Getenv("PG17")
		if w == "" {
			root, err := repoRoot()
			if err != nil {
				return nil, err
			}
			w = filepath.Join(filepath.Dir(root), "shared", "tools", "pg17")
		}
		if _, err := os.Stat(w); err != nil {
			return nil, errors.New("pg17 wrapper not found at " + w + " (set PG17)")
		}
		// The wrapper downloads on first use; only use it once unpacked,
		// so a test never waits on the network.
		pgroot := os.Getenv("PG17_ROOT")
		if pgroot == "" {
			pgroot = "/var/tmp/pg17root"
		}
		if _, err := os.Stat(filepath.Join(pgroot, "usr/lib/postgresql/17/bin", program)); err != nil {
			return nil, errors.New("PostgreSQL 17 " + program + " not unpacked under " + pgroot + " (run the pg17 wrapper once)")
		}
		return []string{w, program}, nil
	}
	p := filepath.Join("/usr/lib/postgresql", strconv.Itoa(major), "bin", program)
	if _, err := exec.LookPath(p); err != nil {
		return nil, errors.New("PostgreSQL " + strconv.Itoa(major) + " " + program + " not installed at " + p)
	}
	return []string{p}, nil
}

// repoRoot finds the directory holding go.mod, upward from the working
// directory (a package's directory under go test).
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}
