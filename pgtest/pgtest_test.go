package pgtest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

func TestMain(m *testing.M) { os.Exit(Run(m)) }

func TestDBName(t *testing.T) {
	tests := []struct {
		test string
		n    int64
		want string
	}{
		{"TestRestore", 1, "t_testrestore_1"},
		{"TestRestore/gzip level 9", 12, "t_testrestore_gzip_level_9_12"},
		{"TestX/--odd__name--", 3, "t_testx_odd_name_3"},
		{"Test_Ünïcode/é", 4, "t_test_n_code_4"},
		{"", 5, "t_5"},
		{strings.Repeat("TestLong", 20), 123456, "t_" + strings.Repeat("testlong", 20)[:54] + "_123456"},
	}
	for _, tt := range tests {
		got := dbName(tt.test, tt.n)
		if got != tt.want {
			t.Errorf("dbName(%q, %d) = %q, want %q", tt.test, tt.n, got, tt.want)
		}
		if len(got) > maxIdentifier {
			t.Errorf("dbName(%q, %d) = %q is %d bytes, over %d", tt.test, tt.n, got, len(got), maxIdentifier)
		}
	}
}

// Each test's database is its own: a table made in one is not seen in another.
func TestCreateDBIsolates(t *testing.T) {
	srv := Shared(t)
	var names [2]string
	for i := range names {
		t.Run(fmt.Sprint("db", i), func(t *testing.T) {
			conn := Connect(t, srv.CreateDB(t))
			ctx := context.Background()
			if err := conn.QueryRow(ctx, "SELECT current_database()").Scan(&names[i]); err != nil {
				t.Fatal(err)
			}
			var n int
			if err := conn.QueryRow(ctx, "SELECT count(*) FROM pg_class WHERE relname = 'made_here'").Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != 0 {
				t.Errorf("database %s sees a table made in another test's database", names[i])
			}
			if _, err := conn.Exec(ctx, "CREATE TABLE made_here (x int)"); err != nil {
				t.Fatal(err)
			}
		})
	}
	if names[0] == names[1] {
		t.Fatalf("both tests got database %q", names[0])
	}
	// The subtests' cleanups have dropped their databases.
	conn := Connect(t, srv.URL("postgres"))
	for _, name := range names {
		var exists bool
		if err := conn.QueryRow(context.Background(), "SELECT EXISTS (SELECT FROM pg_database WHERE datname = $1)", name).Scan(&exists); err != nil {
			t.Fatal(err)
		}
		if exists {
			t.Errorf("database %s outlived its test", name)
		}
	}
}

// A server of its own: Start's cleanup stops it, so its port refuses
// connections afterwards, and Close may be called again.
func TestStartStopsAtCleanup(t *testing.T) {
	var srv *Server
	t.Run("inner", func(t *testing.T) {
		srv = Start(t, Options{TimeZone: "America/New_York"})
		conn := Connect(t, srv.CreateDB(t))
		var tz string
		if err := conn.QueryRow(context.Background(), "SHOW TimeZone").Scan(&tz); err != nil {
			t.Fatal(err)
		}
		if tz != "America/New_York" {
			t.Errorf("TimeZone = %q, want America/New_York", tz)
		}
	})
	ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
	defer cancel()
	if conn, err := pgx.Connect(ctx, srv.URL("postgres")); err == nil {
		conn.Close(ctx)
		t.Fatal("server still answers after its test ended")
	}
	if err := srv.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

func TestCreateDatabaseTwiceFails(t *testing.T) {
	srv := Shared(t)
	ctx := context.Background()
	url, err := srv.CreateDatabase(ctx, "twice")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.DropDatabase(ctx, "twice")
	if !strings.HasSuffix(strings.SplitN(url, "?", 2)[0], "/twice") {
		t.Errorf("URL %q does not name database twice", url)
	}
	if _, err := srv.CreateDatabase(ctx, "twice"); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("second CreateDatabase: %v, want 'already exists'", err)
	}
}

func TestBadBinDir(t *testing.T) {
	_, err := NewServer(context.Background(), Options{BinDir: t.TempDir()})
	if err == nil {
		t.Fatal("NewServer with an empty bin directory started a server")
	}
	if !errors.Is(err, ErrNoBinaries) && !strings.Contains(err.Error(), "pgtest:") {
		t.Errorf("error %q neither wraps ErrNoBinaries nor names pgtest", err)
	}
}

// TestVersion starts the server of each installed major version by number
// (CI installs 15-18) and refuses one that is not installed.
func TestVersion(t *testing.T) {
	ctx := context.Background()
	started := 0
	for v := 15; v <= 18; v++ {
		srv, err := NewServer(ctx, Options{Version: v})
		if err != nil {
			t.Logf("PostgreSQL %d: %v", v, err)
			continue
		}
		started++
		var num int
		conn, err := pgx.Connect(ctx, srv.URL("postgres"))
		if err == nil {
			err = conn.QueryRow(ctx, "SELECT current_setting('server_version_num')::int").Scan(&num)
			conn.Close(ctx)
		}
		srv.Close()
		if err != nil || num/10000 != v {
			t.Errorf("Version %d: server_version_num %d (%v)", v, num, err)
		}
	}
	if started == 0 {
		t.Error("no installed version could be started by number")
	}
	if _, err := NewServer(ctx, Options{Version: 9}); !errors.Is(err, ErrNoBinaries) && (err == nil || !strings.Contains(err.Error(), "PostgreSQL 9")) {
		t.Errorf("Version 9: %v", err)
	}
}
