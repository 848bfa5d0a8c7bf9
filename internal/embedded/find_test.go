package embedded

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeBinDir makes dir holding the named programs as tiny executables.
func fakeBinDir(t *testing.T, dir string, programs ...string) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, p := range programs {
		if err := os.WriteFile(filepath.Join(dir, p), []byte("#!/bin/sh\nexit 0\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// fakePgConfig makes dir/pg_config answer --bindir with binDir.
func fakePgConfig(t *testing.T, dir, binDir string) {
	t.Helper()
	script := "#!/bin/sh\n[ \"$1\" = --bindir ] || exit 2\necho '" + binDir + "'\n"
	if err := os.WriteFile(filepath.Join(dir, "pg_config"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
}

func TestFindBinaries(t *testing.T) {
	all := []string{"initdb", "pg_ctl", "postgres"}
	type layout struct {
		explicit, env string // "" = unset; names relative to the temp root
		pgConfigTo    string // where the fake pg_config points; "" = no pg_config
		path          []string
		debian        map[string][]string // version dir -> programs in its bin
	}
	tests := []struct {
		name    string
		files   map[string][]string // dir (relative) -> programs
		layout  layout
		want    string // relative to the temp root; "" = an error
		wantErr error  // errors.Is target, when want is ""
		tried   []string
	}{
		{
			name:   "explicit wins over everything",
			files:  map[string][]string{"explicit": all, "env": all, "path1": all},
			layout: layout{explicit: "explicit", env: "env", path: []string{"path1"}},
			want:   "explicit",
			tried:  []string{"Config.BinDir {root}/explicit"},
		},
		{
			name:   "unusable explicit dir is an error, not a fall-through",
			files:  map[string][]string{"explicit": {"initdb"}, "env": all},
			layout: layout{explicit: "explicit", env: "env"},
			tried:  []string{"Config.BinDir {root}/explicit: no pg_ctl, postgres"},
		},
		{
			name:   "env before pg_config and PATH",
			files:  map[string][]string{"env": all, "pgc": all, "path1": all},
			layout: layout{env: "env", pgConfigTo: "pgc", path: []string{"path1"}},
			want:   "env",
			tried:  []string{"PGDRILL_PG_BINDIR={root}/env"},
		},
		{
			name:   "unusable env dir is an error",
			files:  map[string][]string{"path1": all},
			layout: layout{env: "missing", path: []string{"path1"}},
			tried:  []string{"PGDRILL_PG_BINDIR={root}/missing: no initdb, pg_ctl, postgres"},
		},
		{
			name:   "pg_config before PATH",
			files:  map[string][]string{"pgc": all, "path1": all},
			layout: layout{pgConfigTo: "pgc", path: []string{"path1"}},
			want:   "pgc",
			tried:  []string{"pg_config --bindir: {root}/pgc"},
		},
		{
			name:   "client-only pg_config dir is skipped, PATH entry with a server taken",
			files:  map[string][]string{"client": {"pg_dump", "psql"}, "path2": all},
			layout: layout{pgConfigTo: "client", path: []string{"path1", "path2", "path3"}},
			want:   "path2",
			tried: []string{
				"pg_config ({root}/pgconfig/pg_config) --bindir {root}/client: no initdb, pg_ctl, postgres",
				"PATH entry {root}/pgconfig: no initdb, pg_ctl, postgres",
				"PATH entry {root}/path1: no initdb, pg_ctl, postgres",
				"PATH entry {root}/path2",
			},
		},
		{
			name:  "Debian dirs newest version first, numerically",
			files: map[string][]string{},
			layout: layout{path: []string{"path1"}, debian: map[string][]string{
				"9.6": all, "15": all, "17": all, "notaversion": all,
			}},
			want: "debian/17/bin",
			tried: []string{
				"pg_config: not on PATH",
				"PATH entry {root}/path1: no initdb, pg_ctl, postgres",
				"{root}/debian/17/bin",
			},
		},
		{
			name:  "incomplete newest Debian dir is skipped",
			files: map[string][]string{},
			layout: layout{debian: map[string][]string{
				"9.6": all, "15": all, "17": {"initdb"},
			}},
			want: "debian/15/bin",
			tried: []string{
				"pg_config: not on PATH",
				"PATH: empty",
				"{root}/debian/17/bin: no pg_ctl, postgres",
				"{root}/debian/15/bin",
			},
		},
		{
			name:    "nothing anywhere lists every place tried",
			files:   map[string][]string{"path1": {"pg_dump"}},
			layout:  layout{path: []string{"path1"}},
			wantErr: ErrNotFound,
			tried: []string{
				"pg_config: not on PATH",
				"PATH entry {root}/path1: no initdb, pg_ctl, postgres",
				"{root}/debian/*/bin: no version directories",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			abs := func(rel string) string { return filepath.Join(root, rel) }
			for dir, programs := range tt.files {
				fakeBinDir(t, abs(dir), programs...)
			}
			var path []string
			if tt.layout.pgConfigTo != "" {
				fakeBinDir(t, abs("pgconfig"))
				fakePgConfig(t, abs("pgconfig"), abs(tt.layout.pgConfigTo))
				path = append(path, abs("pgconfig"))
			}
			for _, p := range tt.layout.path {
				path = append(path, abs(p))
			}
			t.Setenv("PATH", strings.Join(path, string(os.PathListSeparator)))
			t.Setenv(EnvBinDir, "")
			if tt.layout.env != "" {
				t.Setenv(EnvBinDir, abs(tt.layout.env))
			}
			if err := os.MkdirAll(abs("debian"), 0o755); err != nil {
				t.Fatal(err)
			}
			for version, programs := range tt.layout.debian {
				fakeBinDir(t, filepath.Join(abs("debian"), version, "bin"), programs...)
			}
			old := debianRoot
			debianRoot = abs("debian")
			t.Cleanup(func() { debianRoot = old })
			explicit := ""
			if tt.layout.explicit != "" {
				explicit = abs(tt.layout.explicit)
			}

			dir, tried, err := FindBinaries(explicit)

			if tt.want != "" {
				if err != nil || dir != abs(tt.want) {
					t.Fatalf("FindBinaries = %q, %v; want %q", dir, err, abs(tt.want))
				}
			} else {
				if err == nil {
					t.Fatalf("FindBinaries = %q, want an error", dir)
				}
				if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
					t.Fatalf("error %v, want %v", err, tt.wantErr)
				}
				if tt.wantErr == nil && errors.Is(err, ErrNotFound) {
					t.Fatalf("error %v should not be ErrNotFound (no download for a wrong explicit dir)", err)
				}
			}
			var want []string
			for _, s := range tt.tried {
				want = append(want, strings.ReplaceAll(s, "{root}", root))
			}
			if strings.Join(tried, "\n") != strings.Join(want, "\n") {
				t.Errorf("tried:\n%s\nwant:\n%s", strings.Join(tried, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

func TestParseVersionOrder(t *testing.T) {
	tests := []struct {
		a, b string
		less bool
	}{
		{"9.6", "15", true},
		{"15", "17", true},
		{"17", "9.6", false},
		{"10", "10.1", true},
		{"16", "16", false},
	}
	for _, tt := range tests {
		a, okA := parseVersion(tt.a)
		b, okB := parseVersion(tt.b)
		if !okA || !okB {
			t.Fatalf("parseVersion(%q, %q) failed", tt.a, tt.b)
		}
		if got := versionLess(a, b); got != tt.less {
			t.Errorf("versionLess(%s, %s) = %v, want %v", tt.a, tt.b, got, tt.less)
		}
	}
	for _, bad := range []string{"", "main", "15beta", "-1"} {
		if _, ok := parseVersion(bad); ok {
			t.Errorf("parseVersion(%q) accepted", bad)
		}
	}
}

// TestFindVersion finds each installed major version's server programs by
// number and refuses one that is not installed, naming where it looked.
func TestFindVersion(t *testing.T) {
	found := 0
	defer func() {
		// Every Debian-installed version must be found by its number.
		if dirs, _ := debianVersions(); len(dirs) > 0 && found == 0 {
			t.Errorf("FindVersion found none of 15-18, though %s exist", strings.Join(dirs, ", "))
		}
	}()
	for _, major := range []int{15, 16, 17, 18} {
		dir, err := FindVersion(major)
		if err != nil {
			if !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "looked at") {
				t.Errorf("FindVersion(%d): %v", major, err)
			}
			t.Logf("PostgreSQL %d not installed here: %v", major, err)
			continue
		}
		found++
		if m, err := ServerMajor(dir); err != nil || m != major {
			t.Errorf("FindVersion(%d) = %s, which runs PostgreSQL %d (%v)", major, dir, m, err)
		}
	}
	if _, err := FindVersion(7); !errors.Is(err, ErrNotFound) {
		t.Errorf("FindVersion(7): %v, want ErrNotFound", err)
	}
}
