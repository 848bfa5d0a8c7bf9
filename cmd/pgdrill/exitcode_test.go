package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pgdrill/pgdrill/internal/embedded"
	"github.com/pgdrill/pgdrill/internal/pgtest"
)

// closedPortURL returns a connection URL to a local port nothing listens on.
func closedPortURL(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return "postgres://nobody@" + addr + "/x?connect_timeout=5"
}

// TestExitCodes runs the real commands in each situation of the exit-code
// contract (exitcode.go) and checks the code: 0 ok, 1 a check failed, 2 bad
// usage, input or environment.
func TestExitCodes(t *testing.T) {
	db := pgtest.NewDB(t)
	fixtures := filepath.Join("..", "..", "testdata")
	full := filepath.Join(fixtures, "pg17", "full-gzip.dump")
	raw, err := os.ReadFile(full)
	if err != nil {
		t.Fatal(err)
	}
	cut := raw[:len(raw)-30000]
	tampered := chainArchive("tampered24-pg15-gzip-Pacific_Chatham.dump")
	clean := chainArchive("cycle24-pg15-gzip-UTC.dump")
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.dump")
	plain := filepath.Join(dir, "plain.sql")
	if err := os.WriteFile(plain, []byte("--\n-- PostgreSQL database dump\n--\nSET x = 1;\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	noPort := closedPortURL(t)
	t.Setenv(embedded.EnvBinDir, "")

	tests := []struct {
		situation string
		args      []string
		stdin     []byte // piped (not a file) when set
		code      int
	}{
		// 0
		{"ok", []string{"list", full}, nil, 0},
		{"ok", []string{"cat", "--all", full}, nil, 0},
		{"ok", []string{"inspect", full}, nil, 0},
		{"ok", []string{"verify-chain", clean}, nil, 0},
		{"ok", []string{"restore", "-d", db, clean}, nil, 0},
		{"ok", []string{"dump", "-d", db, "-f", filepath.Join(dir, "ok.dump")}, nil, 0},
		// 1
		{"chain break", []string{"verify-chain", tampered}, nil, 1},
		{"errors ignored on restore", []string{"restore", "-d", db, clean}, nil, 1},
		{"dump selection matches nothing", []string{"dump", "-d", db, "-n", "nosuch", "-f", filepath.Join(dir, "x.dump")}, nil, 1},
		// 2: usage
		{"unknown flag", []string{"list", "--bogus", full}, nil, 2},
		{"unknown command", []string{"frobnicate"}, nil, 2},
		{"-h is not help", []string{"list", "-h"}, nil, 2},
		{"restore without -d", []string{"restore", full}, nil, 2},
		{"restore -j 2 from a pipe", []string{"restore", "-d", db, "-j", "2", "-"}, raw, 2},
		{"-w with -W", []string{"dump", "-w", "-W", "-d", db}, nil, 2},
		// 2: input
		{"missing file", []string{"list", missing}, nil, 2},
		{"missing file", []string{"cat", "--all", missing}, nil, 2},
		{"missing file", []string{"inspect", missing}, nil, 2},
		{"missing file", []string{"verify-chain", missing}, nil, 2},
		{"missing file", []string{"restore", "-d", db, missing}, nil, 2},
		{"missing file", []string{"drill", "--archive", missing}, nil, 2},
		{"plain SQL", []string{"restore", "-d", db, plain}, nil, 2},
		{"plain SQL", []string{"verify-chain", plain}, nil, 2},
		{"no chain in the archive", []string{"verify-chain", full}, nil, 2},
		{"truncated pipe", []string{"list", "-"}, raw[:2000], 2},
		{"truncated pipe", []string{"cat", "--all", "-"}, cut, 2},
		{"truncated pipe", []string{"inspect", "-"}, cut, 2},
		{"truncated pipe", []string{"restore", "-d", pgtest.NewDB(t), "-"}, cut, 2},
		{"truncated pipe", []string{"verify-chain", "--spool", dir, "-"}, cut, 2},
		// 2: environment
		{"malformed DSN", []string{"dump", "-d", "host='unterminated"}, nil, 2},
		{"malformed DSN", []string{"restore", "-d", "postgres://h:notaport/x", full}, nil, 2},
		{"malformed DSN", []string{"drill", "-d", "host='unterminated"}, nil, 2},
		{"cannot connect", []string{"dump", "-d", noPort, "-f", filepath.Join(dir, "y.dump")}, nil, 2},
		{"cannot connect", []string{"restore", "-d", noPort, full}, nil, 2},
		{"cannot connect", []string{"drill", "-d", noPort}, nil, 2},
		{"--pg-bindir /nonexistent", []string{"drill", "--pg-bindir", "/nonexistent"}, nil, 2},
		{"--pg-bindir without a server", []string{"drill", "--pg-bindir", dir}, nil, 2},
	}
	for _, tt := range tests {
		var in io.Reader
		if tt.stdin != nil {
			in = bytes.NewReader(tt.stdin)
		}
		code, _, errOut := runArchiveCmd(t, in, tt.args...)
		if code != tt.code {
			t.Errorf("%s: pgdrill %s: exit %d, want %d (%s)", tt.situation, strings.Join(tt.args, " "), code, tt.code, errOut)
		}
		// Standard error is no terminal here: no progress bar, nothing at all.
		if code == 0 && errOut != "" {
			t.Errorf("%s: pgdrill %s wrote to standard error: %q", tt.situation, strings.Join(tt.args, " "), errOut)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "y.dump")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a dump that could not connect left its file: %v", err)
	}
}

// TestRunErrorCodes: errors from the packages map to the contract, for the
// situations a command test cannot set up here (no server binaries at all,
// SIGINT, whose handling the signal tests cover).
func TestRunErrorCodes(t *testing.T) {
	tests := []struct {
		err  error
		code int
	}{
		{fmt.Errorf("drill: %w; tried: PATH", embedded.ErrNotFound), exitUsage},
		{fmt.Errorf("drill: %w /x: no initdb", embedded.ErrBinDir), exitUsage},
		{fmt.Errorf("restore: %w", context.Canceled), exitInterrupted},
		{fmt.Errorf("restore: %w", io.ErrUnexpectedEOF), exitUsage},
		{errors.New("restore: entry 5: ERROR: permission denied"), exitFailed},
		{usageError(errors.New("x")), exitUsage},
	}
	for _, tt := range tests {
		var ee *exitError
		if err := runError(tt.err); !errors.As(err, &ee) || ee.code != tt.code {
			t.Errorf("runError(%v) = %v, want exit %d", tt.err, err, tt.code)
		}
	}
	// No server: the message says what to do.
	err := runError(&embedded.NotFoundError{Tried: []string{"pg_config: not on PATH", "PATH entry /usr/bin: no initdb", "PATH entry /bin: no initdb"},
		Download: errors.New("PostgreSQL 17.5.0 from Maven Central: no answer within 15s")})
	msg := err.Error()
	for _, want := range []string{"apt-get install postgresql-17", "--pg-bindir", "PGDRILL_PG_BINDIR", "2 PATH directories", "no answer within 15s"} {
		if !strings.Contains(msg, want) {
			t.Errorf("no-server message lacks %q:\n%s", want, msg)
		}
	}
	if len(msg) > 600 || strings.Contains(msg, "/usr/bin") {
		t.Errorf("no-server message is long or lists PATH entries (%d chars):\n%s", len(msg), msg)
	}
}
