// Package pgtools finds the PostgreSQL client programs (pg_dump, pg_restore,
// psql) of a given major version for parity tests and benchmarks, and knows
// which major version the tests' server is, so that a test never asks an
// older pg_dump to dump a newer server.
//
// Programs of version N come from /usr/lib/postgresql/N/bin, then from the
// tree ../shared/tools/pgbin installs ($PGBIN_ROOT, default /var/tmp/pgbin:
// pgN/usr/lib/postgresql/N/bin), and for 17 also through the project's
// ../shared/tools/pg17 wrapper (or $PG17) once it has unpacked the programs.
package pgtools

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/pgdrill/pgdrill/internal/embedded"
)

// Need returns the command that runs a PostgreSQL client program (pg_dump,
// pg_restore, psql) of the given major version for parity tests, or skips the
// test saying why.
func Need(t testing.TB, major int, program string) []string {
	t.Helper()
	cmd, err := Find(major, program)
	if err != nil {
		t.Skipf("parity check skipped: %v", err)
	}
	return cmd
}

// Find is Need without the test: it reports why a program is missing, or
// why it cannot serve (a pg_dump older than the tests' server refuses it).
func Find(major int, program string) ([]string, error) {
	if program == "pg_dump" || program == "pg_dumpall" {
		if server, err := ServerMajor(); err == nil && major < server {
			return nil, fmt.Errorf("%s %d cannot dump the tests' PostgreSQL %d server", program, major, server)
		}
	}
	return find(major, program)
}

func find(major int, program string) ([]string, error) {
	for _, dir := range embedded.VersionDirs(major) {
		if p := filepath.Join(dir, program); fileExists(p) {
			return []string{p}, nil
		}
	}
	if major == 17 {
		return findPG17(program)
	}
	n := strconv.Itoa(major)
	return nil, errors.New("PostgreSQL " + n + " " + program + " is not installed (/usr/lib/postgresql/" + n + "/bin, or ../shared/tools/pgbin " + n + ")")
}

func findPG17(program string) ([]string, error) {
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

func fileExists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && !fi.IsDir()
}

// ForServer returns a client program that works with the tests' server: of
// the server's own major version if installed, else the oldest newer one
// (PostgreSQL 16 comes without client programs). It reports which major it
// found.
func ForServer(program string) (int, []string, error) {
	server, err := ServerMajor()
	if err != nil {
		return 0, nil, err
	}
	for m := server; m <= server+3; m++ {
		if cmd, err := find(m, program); err == nil {
			return m, cmd, nil
		}
	}
	return 0, nil, fmt.Errorf("no %s of version %d or newer is installed for the tests' PostgreSQL %d server", program, server, server)
}

// NeedForServer is ForServer for a test, which it skips saying why.
func NeedForServer(t testing.TB, program string) (int, []string) {
	t.Helper()
	m, cmd, err := ForServer(program)
	if err != nil {
		t.Skipf("parity check skipped: %v", err)
	}
	return m, cmd
}

var (
	serverOnce  sync.Once
	serverMajor int
	serverErr   error
)

// ServerMajor is the major version of the server internal/embedded starts
// for the tests: that of $PGDRILL_PG_BINDIR, else of the binaries it finds.
func ServerMajor() (int, error) {
	serverOnce.Do(func() {
		dir, _, err := embedded.FindBinaries("")
		if err == nil {
			serverMajor, err = embedded.ServerMajor(dir)
		}
		serverErr = err
	})
	return serverMajor, serverErr
}

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
