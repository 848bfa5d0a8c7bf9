package embedded

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// EnvBinDir names the environment variable that points at a PostgreSQL
// server bin directory; it is consulted when Config.BinDir is empty.
const EnvBinDir = "PGDRILL_PG_BINDIR"

// serverPrograms are the programs a directory must hold to run a server:
// initdb and postgres are what Start runs, pg_ctl is what embedded-postgres
// insists on, and a directory holding all three is a server install rather
// than a client-only one (Debian's /usr/bin has pg_dump but no initdb).
var serverPrograms = []string{"initdb", "pg_ctl", "postgres"}

// debianRoot is where Debian and Ubuntu install one directory per major
// version; a variable so tests can point it at a fake tree.
var debianRoot = "/usr/lib/postgresql"

// ErrNotFound reports that no local directory holds the server programs.
var ErrNotFound = errors.New("embedded: no PostgreSQL server binaries (initdb, pg_ctl, postgres) found")

// NotFoundError is Start's error when no local server was found and the
// download failed too. It matches ErrNotFound with errors.Is.
type NotFoundError struct {
	Tried    []string // each place looked at, and why it did not do
	Download error    // why the download failed
}

func (e *NotFoundError) Error() string {
	return fmt.Sprintf("%v (looked at: %s; download: %v)", ErrNotFound, summarizeTried(e.Tried), e.Download)
}

func (e *NotFoundError) Unwrap() error { return ErrNotFound }

// summarizeTried shortens the list of places for a message: the PATH
// entries, which say the same, become one item.
func summarizeTried(tried []string) string {
	var out []string
	path := 0
	for _, t := range tried {
		if strings.HasPrefix(t, "PATH entry ") {
			path++
			continue
		}
		out = append(out, t)
	}
	if path > 0 {
		out = append(out, fmt.Sprintf("%d PATH directories: no server programs", path))
	}
	return strings.Join(out, "; ")
}

// ErrBinDir reports that the bin directory given explicitly (Config.BinDir
// or $PGDRILL_PG_BINDIR) does not hold the server programs.
var ErrBinDir = errors.New("embedded: unusable server bin directory")

// FindBinaries returns a directory holding initdb, pg_ctl and postgres.
//
// It looks, in order, at explicit, at $PGDRILL_PG_BINDIR, at `pg_config
// --bindir`, at each PATH entry and at /usr/lib/postgresql/*/bin (newest
// major version first). An explicit directory or the environment variable
// is taken as an instruction: when set but unusable, FindBinaries fails
// rather than silently running some other server. tried lists every place
// examined with why it was rejected; when nothing fits, err wraps
// ErrNotFound.
func FindBinaries(explicit string) (dir string, tried []string, err error) {
	if explicit != "" {
		if why := missingPrograms(explicit); why != "" {
			tried = append(tried, "Config.BinDir "+explicit+": "+why)
			return "", tried, fmt.Errorf("%w %s: %s", ErrBinDir, explicit, why)
		}
		return explicit, append(tried, "Config.BinDir "+explicit), nil
	}
	if env := os.Getenv(EnvBinDir); env != "" {
		if why := missingPrograms(env); why != "" {
			tried = append(tried, EnvBinDir+"="+env+": "+why)
			return "", tried, fmt.Errorf("%w %s=%s: %s", ErrBinDir, EnvBinDir, env, why)
		}
		return env, append(tried, EnvBinDir+"="+env), nil
	}

	if d, note := pgConfigBinDir(); note != "" {
		tried = append(tried, note)
	} else {
		return d, append(tried, "pg_config --bindir: "+d), nil
	}

	if os.Getenv("PATH") == "" {
		tried = append(tried, "PATH: empty")
	}
	seen := map[string]bool{}
	for _, d := range filepath.SplitList(os.Getenv("PATH")) {
		if d == "" || seen[filepath.Clean(d)] {
			continue
		}
		seen[filepath.Clean(d)] = true
		if why := missingPrograms(d); why != "" {
			tried = append(tried, "PATH entry "+d+": "+why)
			continue
		}
		return d, append(tried, "PATH entry "+d), nil
	}

	versions, err := debianVersions()
	if err != nil {
		tried = append(tried, debianRoot+"/*/bin: "+err.Error())
	} else if len(versions) == 0 {
		tried = append(tried, debianRoot+"/*/bin: no version directories")
	}
	for _, d := range versions {
		if why := missingPrograms(d); why != "" {
			tried = append(tried, d+": "+why)
			continue
		}
		return d, append(tried, d), nil
	}
	return "", tried, ErrNotFound
}

// pgConfigBinDir asks pg_config where the server binaries are. It returns
// the directory, or an empty directory and a note saying why not.
func pgConfigBinDir() (dir, note string) {
	path, err := exec.LookPath("pg_config")
	if err != nil {
		return "", "pg_config: not on PATH"
	}
	out, err := exec.Command(path, "--bindir").Output()
	if err != nil {
		return "", "pg_config (" + path + ") --bindir: " + err.Error()
	}
	d := strings.TrimSpace(string(out))
	if why := missingPrograms(d); why != "" {
		return "", "pg_config (" + path + ") --bindir " + d + ": " + why
	}
	return d, ""
}

// debianVersions lists debianRoot/*/bin, newest major version first.
func debianVersions() ([]string, error) {
	entries, err := os.ReadDir(debianRoot)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	type version struct {
		parts []int
		dir   string
	}
	var vs []version
	for _, e := range entries {
		parts, ok := parseVersion(e.Name())
		if !ok {
			continue
		}
		vs = append(vs, version{parts, filepath.Join(debianRoot, e.Name(), "bin")})
	}
	sort.SliceStable(vs, func(i, j int) bool { return versionLess(vs[j].parts, vs[i].parts) })
	dirs := make([]string, len(vs))
	for i, v := range vs {
		dirs[i] = v.dir
	}
	return dirs, nil
}

// parseVersion reads "17" or "9.6" as numbers, so that 17 sorts above 9.6.
func parseVersion(name string) ([]int, bool) {
	var parts []int
	for _, p := range strings.Split(name, ".") {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return nil, false
		}
		parts = append(parts, n)
	}
	return parts, true
}

func versionLess(a, b []int) bool {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return len(a) < len(b)
}

// missingPrograms returns "" when dir holds every server program as an
// executable file, else a short reason naming what is missing.
func missingPrograms(dir string) string {
	var missing []string
	for _, p := range serverPrograms {
		fi, err := os.Stat(filepath.Join(dir, p))
		if err != nil || !fi.Mode().IsRegular() || fi.Mode().Perm()&0o111 == 0 {
			missing = append(missing, p)
		}
	}
	if len(missing) == 0 {
		return ""
	}
	return "no " + strings.Join(missing, ", ")
}

// EnvPgbinRoot names the directory where ../shared/tools/pgbin-style trees
// of other major versions live (default /var/tmp/pgbin): pgN/usr/lib/
// postgresql/N/bin for Debian packages, pgN/native/bin for the
// embedded-postgres build.
const EnvPgbinRoot = "PGBIN_ROOT"

// FindVersion returns a directory holding the server programs of PostgreSQL
// major version major: /usr/lib/postgresql/N/bin, then the pgbin trees
// ($PGBIN_ROOT, default /var/tmp/pgbin), then what FindBinaries would pick
// if that is the version asked for. The error wraps ErrNotFound and lists
// the places looked at.
func FindVersion(major int) (string, error) {
	var tried []string
	for _, dir := range VersionDirs(major) {
		why := missingPrograms(dir)
		if why == "" {
			if m, err := ServerMajor(dir); err == nil && m == major {
				return dir, nil
			} else if err != nil {
				why = err.Error()
			} else {
				why = fmt.Sprintf("holds PostgreSQL %d", m)
			}
		}
		tried = append(tried, dir+": "+why)
	}
	return "", fmt.Errorf("%w for PostgreSQL %d (looked at: %s)", ErrNotFound, major, strings.Join(tried, "; "))
}

// VersionDirs lists the bin directories where PostgreSQL major version
// major is installed by Debian or by pgbin, in the order FindVersion tries
// them; client programs (pg_dump, pg_restore) live there too, when present.
func VersionDirs(major int) []string {
	n := strconv.Itoa(major)
	root := os.Getenv(EnvPgbinRoot)
	if root == "" {
		root = "/var/tmp/pgbin"
	}
	return []string{
		filepath.Join(debianRoot, n, "bin"),
		filepath.Join(root, "pg"+n, "usr/lib/postgresql", n, "bin"),
		filepath.Join(root, "pg"+n, "native", "bin"),
	}
}

// ServerMajor runs dir/postgres --version and returns its major version.
func ServerMajor(dir string) (int, error) {
	out, err := exec.Command(filepath.Join(dir, "postgres"), "--version").Output()
	if err != nil {
		return 0, fmt.Errorf("%s/postgres --version: %w", dir, err)
	}
	// "postgres (PostgreSQL) 17.12 (Debian 17.12-0+deb13u1)"
	f := strings.Fields(string(out))
	for i, w := range f {
		if w == "(PostgreSQL)" && i+1 < len(f) {
			v := f[i+1]
			if j := strings.IndexAny(v, ".betarc"); j > 0 {
				v = v[:j]
			}
			if m, err := strconv.Atoi(v); err == nil {
				return m, nil
			}
		}
	}
	return 0, fmt.Errorf("%s/postgres --version: unexpected %q", dir, strings.TrimSpace(string(out)))
}
