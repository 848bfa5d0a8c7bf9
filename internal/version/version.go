// Package version says which pgdrill is running, from the build information
// the Go toolchain embeds: the module version (a release tag, or a
// pseudo-version naming the commit), the VCS revision and the Go version.
package version

import (
	"runtime"
	"runtime/debug"
	"strings"
)

// Info is what the build information tells.
type Info struct {
	Version  string // module version: v1.2.3, a pseudo-version, or "(devel)"
	Revision string // VCS commit, "" when not built from a checkout
	Time     string // commit time (RFC 3339), "" when unknown
	Modified bool   // the checkout had uncommitted changes
	Go       string // the Go toolchain that built it
}

// Get reads the running binary's build information.
func Get() Info {
	info := Info{Version: "(devel)", Go: runtime.Version()}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return info
	}
	if v := bi.Main.Version; v != "" {
		info.Version = v
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			info.Revision = s.Value
		case "vcs.time":
			info.Time = s.Value
		case "vcs.modified":
			info.Modified = s.Value == "true"
		}
	}
	return info
}

// String is the --version line, e.g.
// "pgdrill v0.3.0 (revision 1a2b3c4d5e6f, 2026-12-03T08:00:00Z) go1.26.0".
func (i Info) String() string {
	var details []string
	if i.Revision != "" {
		details = append(details, "revision "+short(i.Revision))
	}
	if i.Time != "" {
		details = append(details, i.Time)
	}
	if i.Modified {
		details = append(details, "modified")
	}
	s := "pgdrill " + i.Version
	if len(details) > 0 {
		s += " (" + strings.Join(details, ", ") + ")"
	}
	return s + " " + i.Go
}

// Dumper is how an archive's "Dumped by" header names pgdrill, e.g.
// "pgdrill v0.3.0" or "pgdrill (devel) 1a2b3c4d5e6f".
func (i Info) Dumper() string {
	s := "pgdrill " + i.Version
	if i.Revision != "" && !strings.Contains(i.Version, short(i.Revision)) {
		s += " " + short(i.Revision)
	}
	if i.Modified && !strings.Contains(i.Version, "dirty") {
		s += "+modified"
	}
	return s
}

func short(rev string) string {
	if len(rev) > 12 {
		return rev[:12]
	}
	return rev
}
