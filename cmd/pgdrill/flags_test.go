package main

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/pgdrill/pgdrill/internal/version"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// pgOption is one option as a PostgreSQL tool's --help lists it.
type pgOption struct {
	short   string // "" when it has none
	long    string
	takeArg bool
}

var pgHelpLine = regexp.MustCompile(`^\s+(?:-(\S), )?--([a-z0-9-]+)(=\S+)?`)

// pgOptions reads testdata/pghelp/TOOL-VERSION.txt (written by gen.sh from
// the real tool's --help) into its options by long name.
func pgOptions(t *testing.T, tool, version string) map[string]pgOption {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "testdata", "pghelp", tool+"-"+version+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	opts := map[string]pgOption{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if m := pgHelpLine.FindStringSubmatch(sc.Text()); m != nil {
			opts[m[2]] = pgOption{short: m[1], long: m[2], takeArg: m[3] != ""}
		}
	}
	if len(opts) < 40 {
		t.Fatalf("%s %s: only %d options read from its help", tool, version, len(opts))
	}
	return opts
}

// pgdrillOnly are the options of dump and restore that the PostgreSQL tools
// do not have, each with why it exists; any other option must be the pg
// tool's, with the same short form and argument.
var pgdrillOnly = map[string]string{
	"json":         "machine-readable summary",
	"no-progress":  "progress bar control",
	"spool":        "copy standard input for random access",
	"no-acl":       "pg_restore's old spelling of --no-privileges (accepted by pg_restore, not listed)",
	"s3-endpoint":  "S3-compatible store for s3:// archives",
	"latest":       "newest object under an s3:// prefix",
	"remote-stats": "requests and bytes a remote archive cost",
	"strict-toc":   "refuse entries holding SQL pg_dump would not write for their kind",
}

func commandNamed(t *testing.T, name string) *cobra.Command {
	t.Helper()
	for _, c := range newRootCmd().Commands() {
		if c.Name() == name {
			return c
		}
	}
	t.Fatalf("no command %s", name)
	return nil
}

// TestFlagsMatchPgTools: every option dump and restore accept means what it
// means to pg_dump and pg_restore 15, 17 and 18 (same long name, same short
// form, same need for an argument), and every short option means the pg
// tool's; drill's options that pg_dump also has agree with pg_dump.
func TestFlagsMatchPgTools(t *testing.T) {
	for _, tc := range []struct {
		cmd, tool string
		strict    bool // every option must be the tool's or listed in pgdrillOnly
	}{
		{"dump", "pg_dump", true},
		{"restore", "pg_restore", true},
		{"drill", "pg_dump", false},
	} {
		cmd := commandNamed(t, tc.cmd)
		anyVersion := map[string]bool{}
		for _, version := range []string{"15", "17", "18"} {
			for name := range pgOptions(t, tc.tool, version) {
				anyVersion[name] = true
			}
		}
		for _, version := range []string{"15", "17", "18"} {
			pg := pgOptions(t, tc.tool, version)
			byShort := map[string]pgOption{}
			for _, o := range pg {
				if o.short != "" {
					byShort[o.short] = o
				}
			}
			checked := 0
			cmd.Flags().VisitAll(func(f *pflag.Flag) {
				if f.Hidden {
					return
				}
				takesArg := f.NoOptDefVal == "" && f.Value.Type() != "bool"
				if f.Shorthand != "" {
					o, ok := byShort[f.Shorthand]
					switch {
					case !ok && tc.strict:
						t.Errorf("%s -%s (--%s): %s %s has no -%s", tc.cmd, f.Shorthand, f.Name, tc.tool, version, f.Shorthand)
					case ok && o.long != f.Name:
						t.Errorf("%s -%s is --%s; in %s %s it is --%s", tc.cmd, f.Shorthand, f.Name, tc.tool, version, o.long)
					}
				}
				o, ok := pg[f.Name]
				if !ok {
					// Newer options (pg_dump 16's --table-and-children) are
					// checked against the version that has them.
					if tc.strict && pgdrillOnly[f.Name] == "" && !anyVersion[f.Name] {
						t.Errorf("%s --%s: not a %s %s option and not listed in pgdrillOnly", tc.cmd, f.Name, tc.tool, version)
					}
					return
				}
				checked++
				if o.short != f.Shorthand {
					t.Errorf("%s --%s: short form %q, %s %s has %q", tc.cmd, f.Name, f.Shorthand, tc.tool, version, o.short)
				}
				if o.takeArg != takesArg {
					t.Errorf("%s --%s: takes an argument %v, in %s %s %v", tc.cmd, f.Name, takesArg, tc.tool, version, o.takeArg)
				}
			})
			if checked < 8 {
				t.Errorf("%s against %s %s: only %d options compared", tc.cmd, tc.tool, version, checked)
			}
		}
	}
}

// TestFlagTable names, for the options every connecting command shares, the
// meaning PostgreSQL's tools give them, and checks dump, restore and drill
// accept each with that meaning.
func TestFlagTable(t *testing.T) {
	table := []struct{ short, long, meaning string }{
		{"d", "dbname", "database name or connection string"},
		{"h", "host", "database server host or socket directory"},
		{"p", "port", "database server port number"},
		{"U", "username", "connect as specified database user"},
		{"w", "no-password", "never prompt for password"},
		{"W", "password", "force password prompt"},
		{"?", "help", "show this help, then exit"},
	}
	for _, name := range []string{"dump", "restore", "drill"} {
		cmd := commandNamed(t, name)
		for _, row := range table {
			f := cmd.Flags().ShorthandLookup(row.short)
			if f == nil {
				f = cmd.InheritedFlags().ShorthandLookup(row.short)
			}
			if f == nil || f.Name != row.long {
				t.Errorf("%s -%s: %v, want --%s (%s)", name, row.short, f, row.long, row.meaning)
			}
		}
		if name != "drill" && cmd.Flags().Lookup("role") == nil {
			t.Errorf("%s has no --role", name)
		}
	}
	for _, help := range []string{"pg_dump-15", "pg_dump-17", "pg_restore-15", "pg_restore-17"} {
		data, _ := os.ReadFile(filepath.Join("..", "..", "testdata", "pghelp", help+".txt"))
		for _, row := range table {
			if !strings.Contains(string(data), "-"+row.short+", --"+row.long) {
				t.Errorf("%s does not list -%s, --%s", help, row.short, row.long)
			}
		}
	}
}

// TestVersionFlag: --version and -V print the build's version line and exit 0.
func TestVersionFlag(t *testing.T) {
	for _, flag := range []string{"--version", "-V"} {
		code, out, errOut := runArchiveCmd(t, nil, flag)
		if code != 0 || out != version.Get().String()+"\n" || !strings.Contains(out, runtime.Version()) {
			t.Errorf("pgdrill %s: exit %d, %q %q", flag, code, out, errOut)
		}
	}
}
