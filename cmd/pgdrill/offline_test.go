package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pgdrill/pgdrill/internal/archiveedit"
	"github.com/pgdrill/pgdrill/pgarchive"
)

// The commands that only read an archive never execute its content and
// never connect anywhere: a hostile archive whose SQL would run a program
// on the server host is listed, printed, inspected and verified like any
// other, with no server on the machine reachable.
func TestOfflineCommandsExecuteNothing(t *testing.T) {
	dir := t.TempDir()
	marker := filepath.Join(dir, "ran")
	evil := "COPY (SELECT 1) TO PROGRAM 'touch " + marker + "';\n"
	// Two archives: definitions replaced, and a COPY statement replaced too.
	src := filepath.Join("..", "..", "testdata", "chain", "archives", "cycle24-pg15-gzip-UTC.dump")
	defs, copies := filepath.Join(dir, "defs.dump"), filepath.Join(dir, "copy.dump")
	for _, path := range []string{defs, copies} {
		if err := archiveedit.CopyFile(path, src, archiveedit.Edits{Entry: func(e *pgarchive.Entry) {
			switch {
			case e.Desc == "FUNCTION" || e.Desc == "TRIGGER" || e.Desc == "INDEX":
				e.Defn = pgarchive.Str(evil)
			case e.Desc == "TABLE DATA" && e.Tag == "audit_chain_head" && path == copies:
				e.CopyStmt = pgarchive.Str(evil)
			}
		}}); err != nil {
			t.Fatal(err)
		}
	}
	// Any attempt to reach a server would go here, and fail.
	t.Setenv("PGHOST", "127.0.0.1")
	t.Setenv("PGPORT", "1")
	t.Setenv("PGDATABASE", "nowhere")

	tests := []struct {
		name string
		args []string
		code int
		want string // in stdout, or in stderr when the command fails
	}{
		{"list", []string{"list", defs}, exitOK, "TRIGGER public audit_events audit_events_chain_insert"},
		{"cat", []string{"cat", defs, "audit_events"}, exitOK, "\t"},
		{"cat --all", []string{"cat", "--all", defs}, exitOK, "COPY public.audit_events"},
		{"inspect", []string{"inspect", defs}, exitOK, "audit_events"},
		{"verify-chain", []string{"verify-chain", defs}, exitOK, ""},
		{"list, hostile COPY", []string{"list", copies}, exitOK, "TABLE DATA public audit_chain_head"},
		{"cat --all, hostile COPY", []string{"cat", "--all", copies}, exitOK, "TO PROGRAM"}, // printed as text, never run
		{"inspect, hostile COPY", []string{"inspect", copies}, exitOK, "audit_events"},
		// The chain head's columns come from its COPY statement, which is
		// not one: the archive is broken and the error names the entry.
		{"verify-chain, hostile COPY", []string{"verify-chain", copies}, exitFailed, "TABLE DATA public.audit_chain_head"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runArchiveCmd(t, nil, tt.args...)
			got := out
			if code != exitOK {
				got = errs
			}
			if code != tt.code || !strings.Contains(got, tt.want) {
				t.Errorf("exit %d (want %d), output lacks %q:\n%s%s", code, tt.code, tt.want, tail(out), errs)
			}
			if _, err := os.Stat(marker); err == nil {
				t.Fatal("the archive's program ran")
			}
		})
	}
}
