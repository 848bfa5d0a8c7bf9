package main

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pgdrill/pgdrill/internal/pgtest"
	"github.com/pgdrill/pgdrill/internal/version"
	"github.com/pgdrill/pgdrill/pgarchive"
)

func TestConnString(t *testing.T) {
	tests := map[string]string{
		"":                            "",
		"mydb":                        "dbname='mydb'",
		"it's":                        `dbname='it\'s'`,
		"postgres://u@h/db":           "postgres://u@h/db",
		"host=/tmp dbname=x":          "host=/tmp dbname=x",
		`back\slash`:                  `dbname='back\\slash'`,
		"postgresql://h:5/x?sslmode=": "postgresql://h:5/x?sslmode=",
		"my://db":                     "dbname='my://db'", // libpq knows only postgres:// and postgresql://
	}
	for in, want := range tests {
		if got := connString(in); got != want {
			t.Errorf("connString(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestConnFlagsString: -h/-p/-U/-W/--role join -d as libpq joins pg_dump's
// options, where a -d connection string wins; malformed input is exit 2.
func TestConnFlagsString(t *testing.T) {
	passwordPrompt = func() (string, error) { return "s'cret", nil }
	t.Cleanup(func() { passwordPrompt = terminalPassword })
	tests := []struct {
		name string
		c    connFlags
		want string // "" with code 2: an error
		code int
	}{
		{"name only", connFlags{dbname: "src"}, "dbname='src'", 0},
		{"flags and name", connFlags{dbname: "src", host: "127.0.0.1", port: "5433", username: "bob"},
			"host='127.0.0.1' port='5433' user='bob' dbname='src'", 0},
		{"flags, no -d", connFlags{host: "/run/postgresql"}, "host='/run/postgresql'", 0},
		{"conninfo wins", connFlags{dbname: "host=db1 dbname=x", host: "db2"}, "host='db2' host=db1 dbname=x", 0},
		{"URL keeps its own host, gets the user", connFlags{dbname: "postgres://db1/x", host: "db2", username: "bob"},
			"postgres://db1/x?user=bob", 0},
		{"URL without host", connFlags{dbname: "postgresql:///x", host: "/tmp", port: "5"},
			"postgresql:///x?host=%2Ftmp&port=5", 0},
		{"-W", connFlags{dbname: "src", password: true}, `password='s\'cret' dbname='src'`, 0},
		{"--role", connFlags{dbname: "src", role: "reader"}, "role='reader' dbname='src'", 0},
		{"-w and -W", connFlags{dbname: "src", password: true, noPassword: true}, "", 2},
		{"malformed conninfo", connFlags{dbname: "host='unterminated"}, "", 2},
		{"malformed URL", connFlags{dbname: "postgres://h:notaport/x"}, "", 2},
		{"bad port", connFlags{dbname: "x", port: "fifty"}, "", 2},
	}
	for _, tt := range tests {
		got, err := tt.c.connString()
		var ee *exitError
		switch {
		case tt.code == 0 && (err != nil || got != tt.want):
			t.Errorf("%s: %q, %v; want %q", tt.name, got, err, tt.want)
		case tt.code != 0 && (!errors.As(err, &ee) || ee.code != tt.code):
			t.Errorf("%s: %q, %v; want exit %d", tt.name, got, err, tt.code)
		}
	}
}

// TestConnectionFlagsLive: the reproduction of issue 12, `dump -h HOST -d
// DB -f FILE`, writes the archive instead of printing help; restore and
// drill -d take the same options; -? is help; --role switches role.
func TestConnectionFlagsLive(t *testing.T) {
	dbURL := pgtest.NewDB(t)
	u, err := url.Parse(dbURL)
	if err != nil {
		t.Fatal(err)
	}
	pw, _ := u.User.Password()
	db := strings.TrimPrefix(u.Path, "/")
	t.Setenv("PGPASSWORD", pw)
	t.Setenv("PGSSLMODE", "disable")
	for _, k := range []string{"PGHOST", "PGPORT", "PGUSER", "PGDATABASE", "PGSERVICE"} {
		t.Setenv(k, "")
		os.Unsetenv(k)
	}
	conn := pgtest.Conn(t, dbURL)
	if _, err := conn.Exec(context.Background(), `CREATE TABLE t1 (a int); INSERT INTO t1 VALUES (1), (2);
		CREATE TABLE secret (a int);
		DO $$BEGIN CREATE ROLE pgdrill_limited NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END$$;
		GRANT SELECT ON t1 TO pgdrill_limited`); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "x.dump")
	hostFlags := []string{"-h", u.Hostname(), "-p", u.Port(), "-U", u.User.Username(), "-w"}

	code, out, errOut := runArchiveCmd(t, nil, append(append([]string{"dump"}, hostFlags...), "-d", db, "-f", path)...)
	if code != 0 {
		t.Fatalf("dump -h …: exit %d: %s%s", code, out, errOut)
	}
	rc, err := pgarchive.Open(path)
	if err != nil {
		t.Fatalf("dump -h … -f %s wrote no archive: %v", path, err)
	}
	if rc.Header.DBName != db {
		t.Errorf("archive of database %q, want %q", rc.Header.DBName, db)
	}
	if want := version.Get().Dumper(); rc.Header.DumpVersion.String != want {
		t.Errorf("archive dumped by %q, want %q", rc.Header.DumpVersion.String, want)
	}
	rc.Close()

	// The same with the database as the positional argument, as pg_dump
	// takes it, into another database through restore with the same flags.
	code, _, errOut = runArchiveCmd(t, nil, append(append([]string{"dump"}, hostFlags...), "-t", "t1", "-f", path, db)...)
	if code != 0 {
		t.Fatalf("dump … DBNAME: exit %d: %s", code, errOut)
	}
	target := pgtest.NewDB(t)
	tu, _ := url.Parse(target)
	code, _, errOut = runArchiveCmd(t, nil, append(append([]string{"restore"}, hostFlags...), "-d", strings.TrimPrefix(tu.Path, "/"), path)...)
	if code != 0 {
		t.Fatalf("restore -h …: exit %d: %s", code, errOut)
	}
	var n int
	if err := pgtest.Conn(t, target).QueryRow(context.Background(), "SELECT count(*) FROM t1").Scan(&n); err != nil || n != 2 {
		t.Errorf("restored t1: %d rows, %v", n, err)
	}

	// .pgpass, as libpq reads it: no PGPASSWORD, the password from the file.
	pgpass := filepath.Join(dir, "pgpass")
	if err := os.WriteFile(pgpass, []byte(fmt.Sprintf("%s:%s:*:%s:%s\n", u.Hostname(), u.Port(), u.User.Username(), pw)), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PGPASSWORD", "")
	os.Unsetenv("PGPASSWORD")
	t.Setenv("PGPASSFILE", pgpass)
	code, _, errOut = runArchiveCmd(t, nil, append(append([]string{"dump"}, hostFlags...), "-t", "t1", "-f", path, db)...)
	if code != 0 {
		t.Errorf("dump with the password in PGPASSFILE: exit %d: %s", code, errOut)
	}
	t.Setenv("PGPASSWORD", pw)

	// --role: the limited role may read t1 but not secret.
	code, _, errOut = runArchiveCmd(t, nil, append(append([]string{"dump"}, hostFlags...), "--role", "pgdrill_limited", "-t", "secret", "-f", path, db)...)
	if code == 0 || !strings.Contains(errOut, "permission denied") {
		t.Errorf("dump --role pgdrill_limited -t secret: exit %d: %s", code, errOut)
	}
	code, _, errOut = runArchiveCmd(t, nil, append(append([]string{"dump"}, hostFlags...), "--role", "pgdrill_limited", "-t", "t1", "-f", path, db)...)
	if code != 0 {
		t.Errorf("dump --role pgdrill_limited -t t1: exit %d: %s", code, errOut)
	}

	// Help is -? and --help; -h alone wants a value and is never help.
	for _, args := range [][]string{{"dump", "-?"}, {"restore", "--help"}, {"drill", "-?"}} {
		code, out, _ := runArchiveCmd(t, nil, args...)
		if code != 0 || !strings.Contains(out, "-h, --host string") {
			t.Errorf("%v: exit %d, help %q", args, code, out)
		}
	}
	for _, args := range [][]string{{"dump", "-h"}, {"list", "-h", "x.dump"}, {"drill", "-h", "127.0.0.1"}} {
		if code, out, errOut := runArchiveCmd(t, nil, args...); code != 2 || strings.Contains(out, "Usage:") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and no help", args, code, out, errOut)
		}
	}
}
