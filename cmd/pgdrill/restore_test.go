package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/pgdrill/pgdrill/internal/archiveedit"
	"github.com/pgdrill/pgdrill/internal/embedded"
	"github.com/pgdrill/pgdrill/pgarchive"
)

// execute runs pgdrill with args and returns its exit code, stdout and the
// error text, the way main does.
func execute(t *testing.T, stdin *os.File, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	root := newRootCmd()
	var out, errb bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&errb)
	if stdin != nil {
		root.SetIn(stdin)
	}
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK, out.String(), errb.String()
	}
	errb.WriteString("pgdrill: " + err.Error() + "\n")
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code, out.String(), errb.String()
	}
	return exitUsage, out.String(), errb.String()
}

// restoreServer starts a throwaway server for this test.
func restoreServer(t *testing.T) *embedded.Server {
	t.Helper()
	srv, err := embedded.Start(context.Background(), embedded.Config{})
	if errors.Is(err, embedded.ErrNotFound) {
		t.Skipf("no PostgreSQL server binaries: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Stop() })
	return srv
}

func createDB(t *testing.T, srv *embedded.Server, name string) string {
	t.Helper()
	ctx := context.Background()
	c, err := pgx.Connect(ctx, srv.URL("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	for _, q := range []string{
		`CREATE DATABASE ` + pgx.Identifier{name}.Sanitize(),
		`DO $$BEGIN CREATE ROLE reader NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END$$`,
	} {
		if _, err := c.Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	return srv.URL(name)
}

func TestRestoreCommand(t *testing.T) {
	srv := restoreServer(t)
	archive := filepath.Join("..", "..", "testdata", "pg15", "full-none.dump")

	t.Run("json summary", func(t *testing.T) {
		u := createDB(t, srv, "json")
		code, out, errs := execute(t, nil, "restore", "--json", "-d", u, archive)
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, errs)
		}
		var sum struct {
			Entries int `json:"entries"`
			Tables  []struct {
				Name string `json:"name"`
				Rows int64  `json:"rows"`
			} `json:"tables"`
			Bytes   int64   `json:"data_bytes"`
			Errors  int     `json:"errors"`
			Seconds float64 `json:"seconds"`
		}
		if err := json.Unmarshal([]byte(out), &sum); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		rows := map[string]int64{}
		for _, tb := range sum.Tables {
			rows[tb.Name] = tb.Rows
		}
		if sum.Entries != 95 || sum.Errors != 0 || rows["public.audit_like"] != 1000 || rows["public.events"] != 329 || len(sum.Tables) != 17 || sum.Bytes <= 0 {
			t.Errorf("unexpected summary: %s", out)
		}
	})

	t.Run("errors ignored, then exit on error", func(t *testing.T) {
		u := createDB(t, srv, "twice")
		if code, _, errs := execute(t, nil, "restore", "-d", u, archive); code != exitOK {
			t.Fatalf("first restore: exit %d: %s", code, errs)
		}
		// pg_restore 15 ignores 62 errors restoring this archive a second
		// time (the parity tests check that number against it).
		code, _, errs := execute(t, nil, "restore", "-d", u, archive)
		if code != exitFailed || !strings.Contains(errs, "pgdrill: errors ignored on restore: 62\n") {
			t.Errorf("second restore: exit %d, stderr:\n%s", code, tail(errs))
		}
		code, _, errs = execute(t, nil, "restore", "-e", "-d", u, archive)
		if code != exitFailed || strings.Contains(errs, "errors ignored") ||
			!strings.Contains(errs, `pgdrill: restore: entry 6 SCHEMA Mixed Case: ERROR: schema "Mixed Case" already exists (SQLSTATE 42P06)`) {
			t.Errorf("with -e: exit %d, stderr:\n%s", code, tail(errs))
		}
	})

	t.Run("database name with PG environment, archive on stdin", func(t *testing.T) {
		createDB(t, srv, "env db")
		pu, err := url.Parse(srv.URL("postgres"))
		if err != nil {
			t.Fatal(err)
		}
		pw, _ := pu.User.Password()
		t.Setenv("PGHOST", pu.Hostname())
		t.Setenv("PGPORT", pu.Port())
		t.Setenv("PGUSER", pu.User.Username())
		t.Setenv("PGPASSWORD", pw)
		t.Setenv("PGSSLMODE", "disable")
		in, err := os.Open(archive)
		if err != nil {
			t.Fatal(err)
		}
		defer in.Close()
		code, out, errs := execute(t, in, "restore", "--json", "-d", "env db", "-")
		if code != exitOK || !strings.Contains(out, `"entries": 95`) {
			t.Errorf("exit %d: %s%s", code, out, errs)
		}
	})

	t.Run("strict TOC", func(t *testing.T) {
		hostile := filepath.Join(t.TempDir(), "hostile.dump")
		if err := archiveedit.CopyFile(hostile, archive, archiveedit.Edits{Entry: func(e *pgarchive.Entry) {
			if e.Desc == "COMMENT" && e.Tag == "TABLE events" {
				e.Defn = pgarchive.Str("COPY (SELECT 1) TO PROGRAM 'id';\n")
			}
		}}); err != nil {
			t.Fatal(err)
		}
		u := createDB(t, srv, "strict")
		code, _, errs := execute(t, nil, "restore", "--strict-toc", "-d", u, hostile)
		if code != exitFailed || !strings.Contains(errs, "COMMENT public.TABLE events: definition statement 1: a COMMENT entry holds only COMMENT ON") {
			t.Errorf("hostile archive: exit %d, stderr:\n%s", code, tail(errs))
		}
		// The genuine archive passes the same check.
		if code, _, errs := execute(t, nil, "restore", "--strict-toc", "-d", u, archive); code != exitOK {
			t.Errorf("genuine archive: exit %d: %s", code, tail(errs))
		}
	})

	t.Run("usage errors", func(t *testing.T) {
		for _, args := range [][]string{
			{"restore", archive},
			{"restore", "-d", "x", "-1", "-j", "2", archive},
			{"restore", "-d", "x", "-s", "-a", archive},
			{"restore", "-d", "x", "--if-exists", archive},
			{"restore", "-d", "x", "--section", "middle", archive},
			{"restore", "-d", "x", "no-such-file.dump"},
		} {
			if code, _, _ := execute(t, nil, args...); code != exitUsage {
				t.Errorf("%q: exit %d, want %d", args, code, exitUsage)
			}
		}
	})
}

func tail(s string) string {
	if len(s) > 2000 {
		return "..." + s[len(s)-2000:]
	}
	return s
}
