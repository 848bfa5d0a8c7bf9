package embedded

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// runtimePrefix names every server's temporary directory.
const runtimePrefix = "pgdrill-pg-"

// staleAfter is how old a runtime dir without a live server must be before
// sweepStale removes it: far longer than any start takes, so a dir whose
// server is still being set up is never touched.
const staleAfter = time.Hour

// sweepStale removes runtime dirs under parent that a killed process left
// behind: the parent-death signal ends such a server, but nobody is left to
// delete its files. A dir stays while its postmaster.pid names a live process.
func sweepStale(parent string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), runtimePrefix) {
			continue
		}
		fi, err := e.Info()
		if err != nil || time.Since(fi.ModTime()) < staleAfter {
			continue
		}
		dir := filepath.Join(parent, e.Name())
		if serverAlive(filepath.Join(dir, "data")) {
			continue
		}
		_ = os.RemoveAll(dir)
	}
}

// serverAlive reports whether dataDir's postmaster.pid names a process that
// exists (or that we may not signal, which also means it exists).
func serverAlive(dataDir string) bool {
	b, err := os.ReadFile(filepath.Join(dataDir, "postmaster.pid"))
	if err != nil {
		return false
	}
	first, _, _ := strings.Cut(string(b), "\n")
	pid, err := strconv.Atoi(strings.TrimSpace(first))
	if err != nil || pid <= 0 {
		return false
	}
	err = syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
