package drill

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pgdrill/pgdrill/internal/archiveedit"
	"github.com/pgdrill/pgdrill/pgarchive"
)

// hostileDir is a directory the server's OS account can write (it runs as
// nobody under root), so that a program an archive makes the server run
// leaves a visible trace there.
func hostileDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "pgdrill-hostile-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	return dir
}

// hostile copies the chain fixture with edit applied to its entries.
func hostile(t *testing.T, edit func(e *pgarchive.Entry)) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "hostile.dump")
	if err := archiveedit.CopyFile(path, chainFixture("cycle24-pg15-gzip-UTC.dump"), archiveedit.Edits{Entry: edit}); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestHostileArchives: archives whose SQL would run a program on the
// server's host, change the server's configuration or need a superuser
// fail the drill, blaming the archive, and leave no trace on the host.
func TestHostileArchives(t *testing.T) {
	dir := hostileDir(t)
	marker := filepath.Join(dir, "ran")
	program := "COPY (SELECT 1) TO PROGRAM 'touch " + marker + "'"
	tests := []struct {
		name string
		edit func(e *pgarchive.Entry)
		want string // in the failed check
	}{
		{"TO PROGRAM in place of a function", func(e *pgarchive.Entry) {
			if e.Desc == "FUNCTION" && e.Tag == "audit_events_write_once()" {
				e.Defn = pgarchive.Str(program + ";\n")
			}
		}, "FUNCTION public.audit_events_write_once(): definition statement 1"},
		{"TABLE DATA that is not COPY FROM stdin", func(e *pgarchive.Entry) {
			if e.Desc == "TABLE DATA" && e.Tag == "audit_chain_head" {
				e.CopyStmt = pgarchive.Str(program + ";\n")
			}
		}, "not a COPY ... FROM stdin"},
		{"ALTER SYSTEM after a table", func(e *pgarchive.Entry) {
			if e.Desc == "TABLE" && e.Tag == "audit_chain_head" {
				e.Defn = pgarchive.Str(e.Defn.String + "ALTER SYSTEM SET archive_command = 'touch " + marker + "';\n")
			}
		}, "TABLE public.audit_chain_head: definition statement 2"},
		{"a C-language function (superuser only)", func(e *pgarchive.Entry) {
			if e.Desc == "FUNCTION" && e.Tag == "audit_events_write_once()" {
				e.Defn = pgarchive.Str("CREATE FUNCTION public.audit_events_write_once() RETURNS trigger LANGUAGE c AS '/bin/sh', 'main';\n")
			}
		}, "entries that need superuser"},
		// A genuine-looking function that runs a program, called by a
		// CHECK constraint while the table's data loads: every entry fits
		// its kind, only the unprivileged restore stops it.
		{"a CHECK constraint calling a function that runs a program", evilCheck(program), "entries that need superuser"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, err := Run(context.Background(), Config{Archive: hostile(t, tt.edit)})
			if err != nil {
				t.Fatal(err)
			}
			if rep.OK || rep.Culprit != CulpritArchive {
				t.Fatalf("%s, want a FAIL blaming the archive", rep.Line())
			}
			if got := rep.Line(); !strings.Contains(got, tt.want) {
				t.Errorf("verdict %q lacks %q", got, tt.want)
			}
			if _, err := os.Stat(marker); err == nil {
				t.Fatal("the archive's program ran on the host")
			}
		})
	}
}

// evilCheck makes audit_events_write_once() a boolean function that runs
// program and puts a CHECK calling it on audit_chain_head, whose one row
// the restore loads.
func evilCheck(program string) func(e *pgarchive.Entry) {
	return func(e *pgarchive.Entry) {
		switch {
		case e.Desc == "FUNCTION" && e.Tag == "audit_events_write_once()":
			e.Defn = pgarchive.Str("CREATE FUNCTION public.audit_events_write_once() RETURNS boolean\n    LANGUAGE plpgsql\n    AS $$\nBEGIN\n    " +
				program + ";\n    RETURN true;\nEND\n$$;\n")
		case e.Desc == "TABLE" && e.Tag == "audit_chain_head":
			e.Defn = pgarchive.Str(strings.Replace(e.Defn.String, "\n);\n", ",\n    CONSTRAINT evil CHECK (public.audit_events_write_once())\n);\n", 1))
		}
	}
}

// The same archive restored with TrustArchive (as superuser, as pg_restore
// would) does run the program: the test above has teeth.
func TestTrustArchiveRunsWhatTheArchiveSays(t *testing.T) {
	dir := hostileDir(t)
	marker := filepath.Join(dir, "ran")
	path := hostile(t, evilCheck("COPY (SELECT 1) TO PROGRAM 'touch "+marker+"'"))
	rep, err := Run(context.Background(), Config{Archive: path, TrustArchive: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(marker); err != nil {
		t.Fatalf("restored as superuser, the archive's program did not run (%s): the hostile-archive test proves nothing", rep.Line())
	}
	if tr := rep.Trust; tr == nil || !tr.Trusted || tr.TOCChecked {
		t.Errorf("trust report %+v, want trusted and unchecked", tr)
	}
}
