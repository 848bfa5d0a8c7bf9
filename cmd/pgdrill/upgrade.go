package main

// upgrade.go: the drill over several PostgreSQL versions, as an operator
// meets them on a major upgrade: a backup made on the old version must
// restore into each newer one.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

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

// VersionVerdict is one server version's part of an upgrade drill.
type VersionVerdict struct {
	Major  int    `json:"major"`
	BinDir string `json:"bin_dir"`
	// Role is "source" for the oldest server of a synthetic or
	// --migrations drill (it builds the database, dumps it and restores it
	// itself), "restore" for a server that restores the archive.
	Role   string        `json:"role"`
	OK     bool          `json:"ok"`
	Report *drill.Report `json:"report"`
}

// UpgradeReport is the upgrade drill's verdict: OK only if every version's is.
type UpgradeReport struct {
	Mode     string           `json:"mode"` // "upgrade"
	OK       bool             `json:"ok"`
	Archive  string           `json:"archive,omitempty"`
	Versions []VersionVerdict `json:"versions"`
	Seconds  float64          `json:"seconds"`
}

// runUpgradeDrill runs the drill once per server: with --archive, the
// archive is restored into each; otherwise the oldest builds the database
// (synthetic workload or --migrations), dumps it (kept) and restores it,
// and each newer one restores that dump, as after a major upgrade.
func runUpgradeDrill(ctx context.Context, stdout io.Writer, cfg drill.Config, servers []server, jsonOut bool) error {
	start := time.Now()
	rep := &UpgradeReport{Mode: "upgrade", OK: true, Archive: cfg.Archive}
	run := func(c drill.Config, s server, role string) error {
		c.BinDir = s.dir
		r, err := drill.Run(ctx, c)
		if err != nil {
			if errors.Is(err, drill.ErrNotEmpty) || errors.Is(err, drill.ErrScript) {
				return usageError(fmt.Errorf("PostgreSQL %d: %w", s.major, err))
			}
			return runError(fmt.Errorf("drill could not run on PostgreSQL %d: %w", s.major, err))
		}
		rep.Versions = append(rep.Versions, VersionVerdict{Major: s.major, BinDir: s.dir, Role: role, OK: r.OK, Report: r})
		rep.OK = rep.OK && r.OK
		return nil
	}
	rest := servers
	if cfg.Archive == "" {
		// The oldest server's dump is what the newer ones restore.
		if cfg.Keep == "" {
			dir, err := os.MkdirTemp("", "pgdrill-upgrade-")
			if err != nil {
				return usageError(err)
			}
			defer os.RemoveAll(dir)
			cfg.Keep = filepath.Join(dir, "source.dump")
		}
		if err := run(cfg, servers[0], "source"); err != nil {
			return err
		}
		// pgdrill made this archive itself: it is trusted, and its owner is
		// the drill's superuser.
		cfg = drill.Config{Archive: cfg.Keep, TrustArchive: true, Jobs: cfg.Jobs, Checks: cfg.Checks,
			MaxRestoreSeconds: cfg.MaxRestoreSeconds, Log: cfg.Log, DownloadProgress: cfg.DownloadProgress, GoChecks: cfg.GoChecks}
		rest = servers[1:]
	}
	for _, s := range rest {
		if err := run(cfg, s, "restore"); err != nil {
			return err
		}
	}
	rep.Seconds = time.Since(start).Seconds()
	if jsonOut {
		if err := writeJSON(stdout, rep); err != nil {
			return err
		}
	} else {
		for _, v := range rep.Versions {
			fmt.Fprintf(stdout, "PostgreSQL %d (%s): %s\n", v.Major, v.Role, v.Report.Line())
		}
		verdict := "PASS"
		if !rep.OK {
			verdict = "FAIL"
		}
		majors := make([]string, len(servers))
		for i, s := range servers {
			majors[i] = strconv.Itoa(s.major)
		}
		fmt.Fprintf(stdout, "%s upgrade %s\n", verdict, strings.Join(majors, "→"))
	}
	if !rep.OK {
		return &exitError{code: exitFailed, err: errors.New("upgrade drill failed")}
	}
	return nil
}
