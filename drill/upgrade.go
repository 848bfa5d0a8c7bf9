package drill

// upgrade.go: the drill over several PostgreSQL versions, as an operator
// meets them on a major upgrade: a backup made on the old version must
// restore into each newer one.

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/pgdrill/pgdrill/internal/embedded"
)

// Server is one PostgreSQL version of an upgrade drill: its bin directory
// and major version (0: read from BinDir's postgres --version).
type Server struct {
	BinDir string
	Major  int
}

// VersionVerdict is one server version's part of an upgrade drill.
type VersionVerdict struct {
	Major  int    `json:"major"`
	BinDir string `json:"bin_dir"`
	// Role is "source" for the oldest server of a synthetic or migrations
	// drill (it builds the database, dumps it and restores it itself),
	// "restore" for a server that restores the archive.
	Role   string  `json:"role"`
	Report *Report `json:"report"`
}

// UpgradeReport is the upgrade drill's verdict: OK only if every version's is.
type UpgradeReport struct {
	Mode     string           `json:"mode"` // "upgrade"
	OK       bool             `json:"ok"`
	Archive  string           `json:"archive,omitempty"`
	Versions []VersionVerdict `json:"versions"`
	Seconds  float64          `json:"seconds"`
}

// Lines is the verdict as text: one line per version, then
// "PASS upgrade 15→16→17→18" (or FAIL).
func (u *UpgradeReport) Lines() []string {
	var lines, majors []string
	for _, v := range u.Versions {
		lines = append(lines, fmt.Sprintf("PostgreSQL %d (%s): %s", v.Major, v.Role, v.Report.Line()))
		majors = append(majors, strconv.Itoa(v.Major))
	}
	verdict := "PASS"
	if !u.OK {
		verdict = "FAIL"
	}
	return append(lines, verdict+" upgrade "+strings.Join(majors, "→"))
}

// RunUpgrade runs the drill cfg describes once per server, oldest first.
// With an Archive, the archive is restored into each. Otherwise the oldest
// builds the database (synthetic workload or migrations), dumps it (to
// cfg.Keep, or a temporary file) and restores it, and each newer server
// restores that dump, as after a major upgrade. An error, wrapping Run's,
// means a drill could not run; a failed check makes the report's OK false.
func RunUpgrade(ctx context.Context, cfg Config, servers []Server) (*UpgradeReport, error) {
	start := time.Now()
	ss := append([]Server(nil), servers...)
	for i := range ss {
		if ss[i].Major == 0 {
			m, err := embedded.ServerMajor(ss[i].BinDir)
			if err != nil {
				return nil, err
			}
			ss[i].Major = m
		}
	}
	sort.SliceStable(ss, func(i, j int) bool { return ss[i].Major < ss[j].Major })
	if len(ss) < 2 {
		return nil, fmt.Errorf("drill: an upgrade drill needs two server versions or more, got %d", len(ss))
	}
	for i := 1; i < len(ss); i++ {
		if ss[i].Major == ss[i-1].Major {
			return nil, fmt.Errorf("drill: PostgreSQL %d named twice (%s and %s)", ss[i].Major, ss[i-1].BinDir, ss[i].BinDir)
		}
	}
	rep := &UpgradeReport{Mode: "upgrade", OK: true, Archive: cfg.Archive}
	run := func(c Config, s Server, role string) error {
		c.BinDir, c.Version = s.BinDir, 0
		r, err := Run(ctx, c)
		if err != nil {
			return fmt.Errorf("PostgreSQL %d: %w", s.Major, err)
		}
		rep.Versions = append(rep.Versions, VersionVerdict{Major: s.Major, BinDir: s.BinDir, Role: role, Report: r})
		rep.OK = rep.OK && r.OK
		return nil
	}
	rest := ss
	if cfg.Archive == "" {
		// The oldest server's dump is what the newer ones restore.
		if cfg.Keep == "" {
			dir, err := os.MkdirTemp("", "pgdrill-upgrade-")
			if err != nil {
				return nil, err
			}
			defer os.RemoveAll(dir)
			cfg.Keep = filepath.Join(dir, "source.dump")
		}
		if err := run(cfg, ss[0], "source"); err != nil {
			return nil, err
		}
		// pgdrill made this archive itself: it is trusted, and its owner is
		// the drill's superuser.
		cfg = Config{Archive: cfg.Keep, TrustArchive: true, Jobs: cfg.Jobs, Checks: cfg.Checks, GoChecks: cfg.GoChecks,
			MaxRestoreSeconds: cfg.MaxRestoreSeconds, Log: cfg.Log, DownloadProgress: cfg.DownloadProgress}
		rest = ss[1:]
	}
	for _, s := range rest {
		if err := run(cfg, s, "restore"); err != nil {
			return nil, err
		}
	}
	rep.Seconds = time.Since(start).Seconds()
	return rep, nil
}
