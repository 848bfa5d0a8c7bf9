package pgtest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
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

func TestNewDBGivesEachTestItsOwnDatabase(t *testing.T) {
	var names [2]string
	for i := range names {
		t.Run(fmt.Sprint("db", i), func(t *testing.T) {
			conn := Conn(t, NewDB(t))
			if err := conn.QueryRow(context.Background(), "SELECT current_database()").Scan(&names[i]); err != nil {
				t.Fatal(err)
			}
			var tables int
			if err := conn.QueryRow(context.Background(),
				"SELECT count(*) FROM pg_class WHERE relname = 'made_by_db0'").Scan(&tables); err != nil {
				t.Fatal(err)
			}
			if tables != 0 {
				t.Errorf("database %s sees a table made in another test's database", names[i])
			}
			if _, err := conn.Exec(context.Background(), "CREATE TABLE made_by_db0 (x int)"); err != nil {
				t.Fatal(err)
			}
		})
	}
	if names[0] == names[1] || !strings.HasPrefix(names[0], "t_testnewdbgiveseachtestitsowndatabase_db0_") {
		t.Fatalf("database names %q, want distinct ones derived from the test names", names)
	}
	admin := Conn(t, Server(t).URL("postgres"))
	var left int
	if err := admin.QueryRow(context.Background(),
		"SELECT count(*) FROM pg_database WHERE datname = ANY($1)", names[:]).Scan(&left); err != nil {
		t.Fatal(err)
	}
	if left != 0 {
		t.Errorf("%d of the subtests' databases %v survived their tests", left, names)
	}
}

func TestDropsDatabaseWithOpenConnections(t *testing.T) {
	outer := t
	var name string
	t.Run("leaves a connection open", func(t *testing.T) {
		url := NewDB(t)
		conn := Conn(t, url)
		if err := conn.QueryRow(context.Background(), "SELECT current_database()").Scan(&name); err != nil {
			t.Fatal(err)
		}
		// A second connection that stays open past NewDB's cleanup (the
		// outer test closes it); DROP DATABASE ... WITH (FORCE) must cope.
		stray, err := pgx.Connect(context.Background(), url)
		if err != nil {
			t.Fatal(err)
		}
		outer.Cleanup(func() { stray.Close(context.Background()) })
	})
	var n int
	if err := Conn(t, Server(t).URL("postgres")).QueryRow(context.Background(),
		"SELECT count(*) FROM pg_database WHERE datname = $1", name).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("database %s survived its test", name)
	}
}

func TestParallelTests(t *testing.T) {
	for i := range 6 {
		t.Run(fmt.Sprint("p", i), func(t *testing.T) {
			t.Parallel()
			conn := Conn(t, NewDB(t))
			var got int
			if err := conn.QueryRow(context.Background(), "SELECT $1::int * 2", i).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != i*2 {
				t.Errorf("got %d, want %d", got, i*2)
			}
		})
	}
}

// fatalRecorder is a testing.TB whose Fatal ends the calling goroutine and
// keeps the message, to watch a helper fail without failing this test.
type fatalRecorder struct {
	testing.TB
	msg string
}

func (f *fatalRecorder) Helper() {}
func (f *fatalRecorder) Fatal(args ...any) {
	f.msg = fmt.Sprint(args...)
	runtime.Goexit()
}
func (f *fatalRecorder) Fatalf(format string, args ...any) {
	f.msg = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

func TestServerNeedsRun(t *testing.T) {
	running.Store(false)
	defer running.Store(true)
	rec := &fatalRecorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		Server(rec)
	}()
	<-done
	if !strings.Contains(rec.msg, "pgtest.Run") {
		t.Errorf("Server without Run: fatal message %q, want one naming pgtest.Run", rec.msg)
	}
}

// childEnv makes this test binary, rerun by TestRunStopsTheServer, act as a
// package under test; the tests reading it do nothing otherwise.
const childEnv = "PGTEST_TEST_CHILD"

func TestChildWithoutDB(t *testing.T) {
	if os.Getenv(childEnv) == "" {
		t.Skip("run by TestRunStopsTheServer")
	}
	if server != nil {
		t.Fatal("a server was started although no test asked for one")
	}
}

func TestChildWithDB(t *testing.T) {
	if os.Getenv(childEnv) == "" {
		t.Skip("run by TestRunStopsTheServer")
	}
	Conn(t, NewDB(t))
	fmt.Printf("SERVER PORT %d\n", Server(t).Port())
}

// TestRunStopsTheServer runs this binary as a package would be run, in a
// private TMPDIR, and checks what it leaves: nothing, whether or not its
// tests used a database.
func TestRunStopsTheServer(t *testing.T) {
	if os.Getenv(childEnv) != "" {
		t.Skip("child run")
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for _, test := range []string{"TestChildWithoutDB", "TestChildWithDB"} {
		t.Run(test, func(t *testing.T) {
			tmp := t.TempDir()
			// As root the server runs as nobody, who must reach TMPDIR.
			for _, d := range []string{filepath.Dir(tmp), tmp} {
				if err := os.Chmod(d, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			cmd := exec.Command(self, "-test.run", "^"+test+"$", "-test.v", "-test.count=1")
			cmd.Env = append(os.Environ(), childEnv+"=1", "TMPDIR="+tmp)
			out, err := cmd.CombinedOutput()
			if err != nil || !strings.Contains(string(out), "--- PASS: "+test) {
				t.Fatalf("child %s: %v\n%s", test, err, out)
			}
			if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
				t.Errorf("child left %v in its TMPDIR", entries)
			}
			if test == "TestChildWithDB" {
				port := portFrom(t, string(out))
				if busy(port) {
					t.Errorf("port %d still has a listener after the child exited", port)
				}
			}
		})
	}
}

func portFrom(t *testing.T, out string) int {
	t.Helper()
	for _, line := range strings.Split(out, "\n") {
		if rest, ok := strings.CutPrefix(line, "SERVER PORT "); ok {
			port, err := strconv.Atoi(strings.TrimSpace(rest))
			if err == nil {
				return port
			}
		}
	}
	t.Fatalf("child printed no SERVER PORT line:\n%s", out)
	return 0
}

// busy reports whether something listens on 127.0.0.1:port, by reading
// /proc/net/tcp (state 0A is LISTEN) rather than dialling, which would race
// with any process that reuses the port.
func busy(port int) bool {
	b, err := os.ReadFile("/proc/net/tcp")
	if err != nil {
		return false
	}
	want := fmt.Sprintf("0100007F:%04X", port)
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) > 3 && f[1] == want && f[3] == "0A" {
			return true
		}
	}
	return false
}
