package main

// upgrade.go: --pg-version and repeated --pg-bindir, resolved to servers for
// drill.RunUpgrade.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/pgdrill/pgdrill/drill"
	"github.com/pgdrill/pgdrill/internal/embedded"
)

// server is one throwaway server's programs and their major version.
type server struct {
	dir   string
	major int
}

// serverDirs resolves --pg-bindir (repeatable) and --pg-version (a list of
// majors) into server bin directories, oldest first. None given: nil, and
// the drill finds a server as always.
func serverDirs(binDirs []string, versions string) ([]server, error) {
	var out []server
	for _, d := range binDirs {
		if _, _, err := embedded.FindBinaries(d); err != nil {
			return nil, runError(err)
		}
		m, err := embedded.ServerMajor(d)
		if err != nil {
			return nil, usageError(err)
		}
		out = append(out, server{d, m})
	}
	if versions != "" {
		for _, v := range strings.Split(versions, ",") {
			m, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil || m < 10 {
				return nil, usageError(fmt.Errorf("--pg-version %q: want major versions such as 17 or 15,16,17,18", versions))
			}
			d, err := embedded.FindVersion(m)
			if err != nil {
				return nil, usageError(fmt.Errorf("--pg-version %d: %w\n%s", m, err, installHint))
			}
			out = append(out, server{d, m})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].major < out[j].major })
	for i := 1; i < len(out); i++ {
		if out[i].major == out[i-1].major {
			return nil, usageError(fmt.Errorf("drill: PostgreSQL %d named twice (%s and %s)", out[i].major, out[i-1].dir, out[i].dir))
		}
	}
	return out, nil
}

// runUpgradeDrill runs drill.RunUpgrade over servers and prints its verdict
// (or JSON); a failed version is exit status 1.
func runUpgradeDrill(ctx context.Context, stdout io.Writer, cfg drill.Config, servers []server, jsonOut bool) error {
	ds := make([]drill.Server, len(servers))
	for i, s := range servers {
		ds[i] = drill.Server{BinDir: s.dir, Major: s.major}
	}
	rep, err := drill.RunUpgrade(ctx, cfg, ds)
	if err != nil {
		if errors.Is(err, drill.ErrNotEmpty) || errors.Is(err, drill.ErrScript) {
			return usageError(err)
		}
		return runError(fmt.Errorf("drill could not run: %w", err))
	}
	if jsonOut {
		if err := writeJSON(stdout, rep); err != nil {
			return err
		}
	} else {
		fmt.Fprintln(stdout, strings.Join(rep.Lines(), "\n"))
	}
	if !rep.OK {
		return &exitError{code: exitFailed, err: errors.New("upgrade drill failed")}
	}
	return nil
}
