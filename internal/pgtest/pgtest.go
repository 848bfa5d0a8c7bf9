// Package pgtest gives a test package one throwaway PostgreSQL server,
// started on first use, and a fresh database per test.
//
// A package that uses it declares
//
//	func TestMain(m *testing.M) { os.Exit(pgtest.Run(m)) }
//
// and calls NewDB (or Server) in the tests that need a database. Packages
// whose tests never ask start no server. All helpers are safe for parallel
// tests.
package pgtest

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/pgdrill/pgdrill/internal/embedded"
)

// opTimeout bounds each administrative statement and connection attempt,
// so a wedged server fails a test instead of hanging the suite.
const opTimeout = 60 * time.Second

var (
	running atomic.Bool // set by Run: a server started now will be stopped

	once     sync.Once
	server   *embedded.Server
	startErr error

	dbCounter atomic.Int64
)

// Run runs the tests and then stops the package's server, if one was
// started. Its result is the exit code for os.Exit.
func Run(m *testing.M) int {
	running.Store(true)
	code := m.Run()
	running.Store(false)
	if server != nil {
		if err := server.Stop(); err != nil {
			fmt.Fprintln(os.Stderr, "pgtest:", err)
			if code == 0 {
				code = 1
			}
		}
	}
	return code
}

// Server returns the package's server, starting it on first call. Without
// Run in TestMain nobody would stop it, so that is a fatal error.
func Server(t testing.TB) *embedded.Server {
	t.Helper()
	if !running.Load() {
		t.Fatal("pgtest: the package's TestMain must call pgtest.Run(m), which stops the server after the tests")
	}
	once.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*opTimeout)
		defer cancel()
		server, startErr = embedded.Start(ctx, embedded.Config{})
	})
	if startErr != nil {
		t.Fatalf("pgtest: start server: %v", startErr)
	}
	return server
}

// NewDB creates a database for this test and returns its URL; the database
// is dropped, even if connections remain, when the test ends.
func NewDB(t testing.TB) string {
	t.Helper()
	srv := Server(t)
	name := dbName(t.Name(), dbCounter.Add(1))
	admin := srv.URL("postgres")
	// template0 never has connections, so parallel CREATE DATABASEs do not
	// trip over each other, and it holds nothing a test could have added.
	if err := execAdmin(admin, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()+" TEMPLATE template0"); err != nil {
		t.Fatalf("pgtest: create database %s: %v", name, err)
	}
	t.Cleanup(func() {
		if err := execAdmin(admin, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)"); err != nil {
			t.Errorf("pgtest: drop database %s: %v", name, err)
		}
	})
	return srv.URL(name)
}

// Conn connects to url and closes the connection when the test ends.
func Conn(t testing.TB, url string) *pgx.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
	defer cancel()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatalf("pgtest: connect: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
		defer cancel()
		if err := conn.Close(ctx); err != nil {
			t.Errorf("pgtest: close connection: %v", err)
		}
	})
	return conn
}

// execAdmin runs one statement on a short-lived connection to url.
func execAdmin(url, sql string) error {
	ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
	defer cancel()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	_, err = conn.Exec(ctx, sql)
	return err
}

// maxIdentifier is PostgreSQL's NAMEDATALEN-1: longer names are truncated,
// which could make two tests' databases collide.
const maxIdentifier = 63

// dbName makes a database name from a test name: lower-case letters, digits
// and underscores, starting with "t_", ending with the counter that keeps
// it unique within the package.
func dbName(testName string, n int64) string {
	suffix := fmt.Sprintf("_%d", n)
	var b strings.Builder
	b.WriteString("t_")
	underscore := true // no "__" runs, no "_" right after the prefix
	for _, r := range strings.ToLower(testName) {
		ok := (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9')
		switch {
		case ok:
			b.WriteRune(r)
			underscore = false
		case !underscore:
			b.WriteByte('_')
			underscore = true
		}
	}
	name := strings.TrimRight(b.String(), "_")
	if len(name) > maxIdentifier-len(suffix) {
		name = strings.TrimRight(name[:maxIdentifier-len(suffix)], "_")
	}
	return name + suffix
}
