// Package pgtest runs throwaway PostgreSQL servers for tests and programs, in
// the spirit of net/http/httptest: no Docker, no PostgreSQL client programs,
// nothing to set up by hand.
//
// A server is a fresh cluster on a free loopback port, made from a cached
// initdb template, running with fsync off (its data can be made again). The
// server programs are found on the machine ($PGDRILL_PG_BINDIR or
// Options.BinDir, then `pg_config --bindir`, PATH and
// /usr/lib/postgresql/*/bin, newest first) and only when none are there
// downloaded by github.com/fergusstrange/embedded-postgres. As root, where
// initdb and postgres refuse to run, the server runs as the unprivileged
// "nobody" account. It dies with the process that started it, even one that
// is killed, so a crashed test leaves no server behind.
//
// In a test, Start gives a server that t.Cleanup stops, and CreateDB a
// database of its own that t.Cleanup drops:
//
//	srv := pgtest.Start(t, pgtest.Options{})
//	url := srv.CreateDB(t)
//
// To share one server among all the tests of a package, call Run from
// TestMain and Shared from the tests. Programs use NewServer and Close.
package pgtest

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/pgdrill/pgdrill/internal/embedded"
)

// Superuser is the role every URL of a Server connects as.
const Superuser = embedded.Superuser

// opTimeout bounds each administrative statement made for a test, so a
// wedged server fails the test instead of hanging the suite.
const opTimeout = 60 * time.Second

// ErrNoBinaries means no PostgreSQL server programs were found on the
// machine and none could be downloaded.
var ErrNoBinaries = embedded.ErrNotFound

// Options says which server to run. The zero value is usable.
type Options struct {
	// BinDir is a PostgreSQL bin directory holding initdb, pg_ctl and
	// postgres; it selects the major version when several are installed.
	// Empty means $PGDRILL_PG_BINDIR, then the usual places, then a download.
	BinDir string
	// Version, if not 0 and BinDir is empty, selects the installed server of
	// this major version (/usr/lib/postgresql/N/bin or a pgbin tree);
	// NewServer fails if it is not installed.
	Version int
	// TimeZone is the server's TimeZone setting; empty means UTC.
	TimeZone string
	// Log, if not nil, receives initdb's and the server's output.
	Log io.Writer
}

// Server is a running throwaway PostgreSQL server.
type Server struct {
	srv *embedded.Server
	dbs atomic.Int64
}

// NewServer starts a server and returns once it answers queries. ctx bounds
// the start only. The caller must Close it.
func NewServer(ctx context.Context, opts Options) (*Server, error) {
	if opts.BinDir == "" && opts.Version != 0 {
		dir, err := embedded.FindVersion(opts.Version)
		if err != nil {
			return nil, fmt.Errorf("pgtest: %w", err)
		}
		opts.BinDir = dir
	}
	srv, err := embedded.Start(ctx, embedded.Config{BinDir: opts.BinDir, TimeZone: opts.TimeZone, Logger: opts.Log})
	if err != nil {
		return nil, fmt.Errorf("pgtest: %w", err)
	}
	return &Server{srv: srv}, nil
}

// Close stops the server and removes every file it made. It is safe to call
// more than once.
func (s *Server) Close() error { return s.srv.Stop() }

// URL returns a connection URL for database dbname as the superuser.
func (s *Server) URL(dbname string) string { return s.srv.URL(dbname) }

// Port returns the server's TCP port on 127.0.0.1.
func (s *Server) Port() int { return int(s.srv.Port()) }

// BinDir returns the bin directory of the running server's programs, or ""
// when they were downloaded.
func (s *Server) BinDir() string { return s.srv.BinDir() }

// CreateDatabase creates an empty database (a copy of template0) and returns
// its URL.
func (s *Server) CreateDatabase(ctx context.Context, name string) (string, error) {
	if err := s.admin(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()+" TEMPLATE template0"); err != nil {
		return "", fmt.Errorf("pgtest: create database %s: %w", name, err)
	}
	return s.URL(name), nil
}

// DropDatabase drops a database, closing any connections to it.
func (s *Server) DropDatabase(ctx context.Context, name string) error {
	if err := s.admin(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)"); err != nil {
		return fmt.Errorf("pgtest: drop database %s: %w", name, err)
	}
	return nil
}

// admin runs one statement on a short-lived connection to the postgres
// database: CREATE/DROP DATABASE cannot run inside another database's
// transaction, and parallel tests must not share a connection.
func (s *Server) admin(ctx context.Context, sql string) error {
	conn, err := pgx.Connect(ctx, s.URL("postgres"))
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	_, err = conn.Exec(ctx, sql)
	return err
}

// Start starts a server for one test; t.Cleanup stops it. A server that
// cannot start fails the test.
func Start(t testing.TB, opts Options) *Server {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*opTimeout)
	defer cancel()
	s, err := NewServer(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("pgtest: stop server: %v", err)
		}
	})
	return s
}

// CreateDB creates a database for this test and returns its URL; t.Cleanup
// drops it, even if connections remain. Safe for parallel tests.
func (s *Server) CreateDB(t testing.TB) string {
	t.Helper()
	name := dbName(t.Name(), s.dbs.Add(1))
	ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
	defer cancel()
	url, err := s.CreateDatabase(ctx, name)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
		defer cancel()
		if err := s.DropDatabase(ctx, name); err != nil {
			t.Error(err)
		}
	})
	return url
}

// Connect connects to url for one test; t.Cleanup closes the connection.
func Connect(t testing.TB, url string) *pgx.Conn {
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

// The package-wide server of Run and Shared.
var shared struct {
	running atomic.Bool // set while Run runs the tests
	once    sync.Once
	srv     *Server
	err     error
}

// Run runs a package's tests and then stops the server Shared started, if
// any; its result is the exit code:
//
//	func TestMain(m *testing.M) { os.Exit(pgtest.Run(m)) }
func Run(m *testing.M) int {
	shared.running.Store(true)
	code := m.Run()
	shared.running.Store(false)
	if shared.srv != nil {
		if err := shared.srv.Close(); err != nil {
			fmt.Println("pgtest: stop server:", err)
			if code == 0 {
				code = 1
			}
		}
	}
	return code
}

// Shared returns the package's one server, started on first use with the
// default Options. The package's TestMain must call Run, which stops it.
func Shared(t testing.TB) *Server {
	t.Helper()
	if !shared.running.Load() {
		t.Fatal("pgtest: Shared needs TestMain to call pgtest.Run(m), which stops the server after the tests")
	}
	shared.once.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*opTimeout)
		defer cancel()
		shared.srv, shared.err = NewServer(ctx, Options{})
	})
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	return shared.srv
}

// maxIdentifier is PostgreSQL's NAMEDATALEN-1: longer names are truncated,
// which could make two tests' databases collide.
const maxIdentifier = 63

// dbName makes a database name from a test name: lower-case letters, digits
// and single underscores after "t_", ending with a counter that keeps it
// unique on the server.
func dbName(testName string, n int64) string {
	suffix := fmt.Sprintf("_%d", n)
	var b strings.Builder
	b.WriteString("t_")
	underscore := true
	for _, r := range strings.ToLower(testName) {
		if b.Len() >= maxIdentifier-len(suffix) {
			break
		}
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			underscore = false
		} else if !underscore {
			b.WriteByte('_')
			underscore = true
		}
	}
	return strings.TrimSuffix(b.String(), "_") + suffix
}
