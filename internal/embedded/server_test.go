package embedded

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// startServer starts a server with cfg and stops it at cleanup.
func startServer(t testing.TB, cfg Config) *Server {
	t.Helper()
	s, err := Start(context.Background(), cfg)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Stop(); err != nil {
			t.Errorf("Stop: %v", err)
		}
	})
	return s
}

func connect(t testing.TB, url string) *pgx.Conn {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), url)
	if err != nil {
		t.Fatalf("connect %s: %v", url, err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

// reachableTempDir returns a fresh directory that the server account can
// enter: as root, t.TempDir's 0700 directories would shut nobody out.
func reachableTempDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, d := range []string{filepath.Dir(dir), dir} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// processesUnder lists the pids of processes whose working directory lies
// under dir: the postmaster and every backend chdir into the data dir.
func processesUnder(t *testing.T, dir string) []int {
	t.Helper()
	entries, err := os.ReadDir("/proc")
	if err != nil {
		t.Fatal(err)
	}
	var pids []int
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		cwd, err := os.Readlink(filepath.Join("/proc", e.Name(), "cwd"))
		if err != nil {
			continue // gone, or not ours to see (never the case for our servers)
		}
		if cwd == dir || strings.HasPrefix(cwd, dir+"/") {
			pids = append(pids, pid)
		}
	}
	return pids
}

func TestStartQueryStop(t *testing.T) {
	acct := currentAccount()
	t.Logf("running as euid %d; server runs as uid %d (drop=%v)", os.Geteuid(), acct.uid, acct.drop)
	s := startServer(t, Config{})
	if s.BinDir() == "" {
		t.Log("server binaries were downloaded")
	}
	conn := connect(t, s.URL("postgres"))
	var user, tz, listen string
	var pid int
	err := conn.QueryRow(context.Background(),
		"SELECT current_user, current_setting('TimeZone'), current_setting('listen_addresses'), pg_backend_pid()").
		Scan(&user, &tz, &listen, &pid)
	if err != nil {
		t.Fatal(err)
	}
	if user != Superuser || tz != "UTC" || listen != "127.0.0.1" {
		t.Errorf("user, TimeZone, listen_addresses = %q, %q, %q; want %q, UTC, 127.0.0.1", user, tz, listen, Superuser)
	}
	fi, err := os.Stat(filepath.Join("/proc", strconv.Itoa(pid)))
	if err != nil {
		t.Fatal(err)
	}
	if uid := fi.Sys().(*syscall.Stat_t).Uid; uid != acct.uid {
		t.Errorf("backend runs as uid %d, want %d", uid, acct.uid)
	}
	if _, err := conn.Exec(context.Background(), "CREATE TABLE t (x int); INSERT INTO t VALUES (1)"); err != nil {
		t.Fatal(err)
	}

	runtimeDir, postmaster := s.runtimeDir, s.proc.cmd.Process.Pid
	if got := processesUnder(t, runtimeDir); len(got) < 2 {
		t.Fatalf("processes under %s = %v, want the postmaster and its helpers", runtimeDir, got)
	}
	conn.Close(context.Background())
	if err := s.Stop(); err != nil {
		t.Fatalf("Stop: %v", err)
	}
	if err := s.Stop(); err != nil {
		t.Fatalf("second Stop: %v", err)
	}
	if _, err := os.Stat(runtimeDir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("runtime dir %s still there after Stop (stat: %v)", runtimeDir, err)
	}
	if err := syscall.Kill(postmaster, 0); !errors.Is(err, syscall.ESRCH) {
		t.Errorf("postmaster %d still exists after Stop (kill 0: %v)", postmaster, err)
	}
	if got := processesUnder(t, runtimeDir); len(got) != 0 {
		t.Errorf("processes still in %s after Stop: %v", runtimeDir, got)
	}
}

func TestTwoServersAtOnce(t *testing.T) {
	var servers [2]*Server
	var errs [2]error
	var wg sync.WaitGroup
	for i := range servers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			servers[i], errs[i] = Start(context.Background(), Config{})
		}()
	}
	wg.Wait()
	for i, s := range servers {
		if s != nil {
			t.Cleanup(func() {
				if err := s.Stop(); err != nil {
					t.Errorf("Stop: %v", err)
				}
			})
		}
		if errs[i] != nil {
			t.Fatalf("Start %d: %v", i, errs[i])
		}
	}
	a, b := servers[0], servers[1]
	if a.Port() == b.Port() || a.runtimeDir == b.runtimeDir {
		t.Fatalf("servers share port %d/%d or dir %s/%s", a.Port(), b.Port(), a.runtimeDir, b.runtimeDir)
	}
	ca, cb := connect(t, a.URL("postgres")), connect(t, b.URL("postgres"))
	if _, err := ca.Exec(context.Background(), "CREATE TABLE only_in_a (x int)"); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := cb.QueryRow(context.Background(), "SELECT count(*) FROM pg_class WHERE relname = 'only_in_a'").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Error("table made on server A is visible on server B")
	}
}

// syncBuffer is a bytes.Buffer safe for the server's output goroutine.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestConfigDirTimeZoneLogger(t *testing.T) {
	freshCache(t) // so that initdb runs and its output reaches Logger too
	dir := reachableTempDir(t)
	var log syncBuffer
	s := startServer(t, Config{Dir: dir, TimeZone: "Asia/Kolkata", Logger: &log})
	if filepath.Dir(s.runtimeDir) != dir {
		t.Errorf("runtime dir %s not under Config.Dir %s", s.runtimeDir, dir)
	}
	conn := connect(t, s.URL("postgres"))
	var tz string
	if err := conn.QueryRow(context.Background(), "SHOW TimeZone").Scan(&tz); err != nil {
		t.Fatal(err)
	}
	if tz != "Asia/Kolkata" {
		t.Errorf("TimeZone = %q, want Asia/Kolkata", tz)
	}
	for _, want := range []string{"Success. You can now start the database server", "ready to accept connections"} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("Logger output lacks %q:\n%s", want, log.String())
		}
	}
	conn.Close(context.Background())
	if err := s.Stop(); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("Config.Dir not empty after Stop: %v", entries)
	}
}

func TestRelativeDir(t *testing.T) {
	t.Chdir(reachableTempDir(t))
	if err := os.Mkdir("rel", 0o755); err != nil {
		t.Fatal(err)
	}
	s := startServer(t, Config{Dir: "rel"})
	if !filepath.IsAbs(s.runtimeDir) {
		t.Errorf("runtime dir %s is relative", s.runtimeDir)
	}
	connect(t, s.URL("postgres"))
}

// failingWriter refuses every write.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("refused") }

func TestFailingLogger(t *testing.T) {
	s := startServer(t, Config{Logger: failingWriter{}})
	connect(t, s.URL("postgres"))
	if log := s.logSince(0); !strings.Contains(log, "ready to accept connections") {
		t.Errorf("server log lost behind a failing Logger:\n%s", log)
	}
}

// busyPort holds a loopback port open until the test ends.
func busyPort(t *testing.T) uint32 {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return uint32(l.Addr().(*net.TCPAddr).Port)
}

func TestPortInUseRetries(t *testing.T) {
	busy := busyPort(t)
	var calls int
	real := pickPort
	pickPort = func() (uint32, error) {
		calls++
		if calls == 1 {
			return busy, nil
		}
		return real()
	}
	t.Cleanup(func() { pickPort = real })

	s := startServer(t, Config{})
	if s.Port() == busy || calls != 2 {
		t.Errorf("port %d after %d picks; want a retry away from busy port %d", s.Port(), calls, busy)
	}
}

func TestStartFailuresCleanUp(t *testing.T) {
	failing := fakeBinDir(t, filepath.Join(reachableTempDir(t), "bin"), "pg_ctl", "postgres")
	if err := os.WriteFile(filepath.Join(failing, "initdb"), []byte("#!/bin/sh\necho 'initdb: boom' >&2\nexit 1\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	background := func(*testing.T) context.Context { return context.Background() }
	canceled := func(*testing.T) context.Context {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		return ctx
	}
	// Expires while initdb (or the first start) is running: the fresh
	// cache makes Start run initdb rather than copy a template.
	midway := func(t *testing.T) context.Context {
		freshCache(t)
		ctx, cancel := context.WithTimeout(context.Background(), 150*time.Millisecond)
		t.Cleanup(cancel)
		return ctx
	}
	tests := []struct {
		name string
		ctx  func(t *testing.T) context.Context
		cfg  func(t *testing.T) Config
		want string
	}{
		{"busy explicit port", background,
			func(t *testing.T) Config { return Config{Port: busyPort(t)} }, "Address already in use"},
		{"initdb fails", background,
			func(t *testing.T) Config { return Config{BinDir: failing} }, "initdb: boom"},
		{"canceled context", canceled,
			func(t *testing.T) Config { return Config{} }, "context canceled"},
		{"context expiring midway", midway,
			func(t *testing.T) Config { return Config{} }, "context deadline exceeded"},
		{"bad time zone", background,
			func(t *testing.T) Config { return Config{TimeZone: "Mars/Olympus_Mons"} }, "Mars/Olympus_Mons"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := tt.cfg(t)
			cfg.Dir = reachableTempDir(t)
			s, err := Start(tt.ctx(t), cfg)
			if err == nil {
				s.Stop()
				t.Fatal("Start succeeded, want an error")
			}
			t.Logf("Start failed as expected: %v", err)
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error lacks %q:\n%v", tt.want, err)
			}
			if entries, _ := os.ReadDir(cfg.Dir); len(entries) != 0 {
				t.Errorf("failed Start left %v in %s", entries, cfg.Dir)
			}
			if pids := processesUnder(t, cfg.Dir); len(pids) != 0 {
				t.Errorf("failed Start left processes %v", pids)
			}
		})
	}
}

func TestRootNeedsReachableDir(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root hands the server to another uid; as uid", os.Geteuid(), "any own dir works")
	}
	dir := t.TempDir() // 0700, root's
	_, err := Start(context.Background(), Config{Dir: dir})
	if err == nil || !strings.Contains(err.Error(), "cannot enter") {
		t.Fatalf("Start under a 0700 root dir: %v, want a 'cannot enter' error", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("failed Start left %v in %s", entries, dir)
	}
}

// childEnv marks a test binary run by another test (as another user, or
// to be killed); the tests below that read it do nothing otherwise.
const childEnv = "PGDRILL_EMBEDDED_TEST_CHILD"

// TestAsUnprivilegedUser proves the non-root path on a machine where the
// suite runs as root: it reruns, as nobody, the tests that cover what
// differs between the two (ownership, template making, cleanup, the
// parent-death signal).
func TestAsUnprivilegedUser(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("already unprivileged (euid", os.Geteuid(), "): the other tests cover the non-root path directly")
	}
	if os.Getenv(childEnv) != "" {
		t.Skip("child run")
	}
	acct := currentAccount()
	home := reachableTempDir(t)
	if err := os.Chown(home, int(acct.uid), int(acct.gid)); err != nil {
		t.Fatal(err)
	}
	exe := copyTestBinary(t, home)
	cmd := exec.Command(exe, "-test.v", "-test.count=1",
		"-test.run", "^(TestStartQueryStop|TestClusterTemplate|TestStartFailuresCleanUp|TestParentDeathStopsServer)$")
	cmd.Dir = home
	cmd.Env = append(os.Environ(), "HOME="+home, "TMPDIR="+home, "XDG_CACHE_HOME="+filepath.Join(home, ".cache"), childEnv+"=unprivileged")
	cmd.SysProcAttr = &syscall.SysProcAttr{
		Credential: &syscall.Credential{Uid: acct.uid, Gid: acct.gid, Groups: []uint32{}},
		Pdeathsig:  syscall.SIGKILL,
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("tests as uid %d failed: %v\n%s", acct.uid, err, out)
	}
	for _, want := range []string{
		fmt.Sprintf("running as euid %d; server runs as uid %d (drop=false)", acct.uid, acct.uid),
		"--- PASS: TestStartQueryStop", "--- PASS: TestClusterTemplate",
		"--- PASS: TestStartFailuresCleanUp", "--- PASS: TestParentDeathStopsServer",
	} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("child output lacks %q:\n%s", want, out)
		}
	}
	t.Logf("as uid %d:\n%s", acct.uid, out)
}

// copyTestBinary copies the running test binary into dir, since go test
// builds it under a root-only 0700 directory.
func copyTestBinary(t *testing.T, dir string) string {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.Open(self)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	exe := filepath.Join(dir, "embedded.test")
	dst, err := os.OpenFile(exe, os.O_CREATE|os.O_WRONLY, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
	return exe
}

// TestParentDeathStopsServer kills a process that has a server running and
// checks that the server goes too: the safety net for interrupted tests.
func TestParentDeathStopsServer(t *testing.T) {
	if os.Getenv(childEnv) == "orphan" {
		orphanChild()
		return
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(self, "-test.run", "^TestParentDeathStopsServer$", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"=orphan")
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	var pid int
	var runtimeDir string
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		if n, _ := fmt.Sscanf(sc.Text(), "SERVER %d %s", &pid, &runtimeDir); n == 2 {
			break
		}
	}
	if pid == 0 {
		t.Fatalf("child printed no SERVER line (scan: %v)", sc.Err())
	}
	t.Cleanup(func() { os.RemoveAll(runtimeDir) }) // the child cannot clean up after SIGKILL
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	deadline := time.Now().Add(10 * time.Second)
	for syscall.Kill(pid, 0) == nil || len(processesUnder(t, runtimeDir)) > 0 {
		if time.Now().After(deadline) {
			t.Fatalf("server pid %d (or its backends %v) outlived its killed parent", pid, processesUnder(t, runtimeDir))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// orphanChild starts a server, reports it and waits to be killed.
func orphanChild() {
	s, err := Start(context.Background(), Config{})
	if err != nil {
		fmt.Fprintln(os.Stderr, "orphan child:", err)
		os.Exit(1)
	}
	fmt.Printf("SERVER %d %s\n", s.proc.cmd.Process.Pid, s.runtimeDir)
	time.Sleep(time.Minute)
	s.Stop()
	os.Exit(1)
}

func TestURL(t *testing.T) {
	s := &Server{superuser: Superuser, port: 5433, password: "p@ss/word"}
	want := "postgres://postgres:p%40ss%2Fword@127.0.0.1:5433/my%20db?sslmode=disable"
	if got := s.URL("my db"); got != want {
		t.Errorf("URL = %s, want %s", got, want)
	}
	cfg, err := pgx.ParseConfig(s.URL("my db"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Password != "p@ss/word" || cfg.Database != "my db" || cfg.Port != 5433 || cfg.Host != "127.0.0.1" {
		t.Errorf("URL parses to %+v", cfg)
	}
}

// BenchmarkColdStart measures Start through the first query over a fresh
// pgx connection, with the cluster template already cached (the usual
// case: only the first server per machine and postgres binary makes it);
// Stop is outside the timed part.
func BenchmarkColdStart(b *testing.B) {
	benchmarkColdStart(b)
}

// BenchmarkColdStartInitdb is the same without a template cache, so every
// server runs initdb: the cost of a first-ever start.
func BenchmarkColdStartInitdb(b *testing.B) {
	old := cacheDir
	cacheDir = func() (string, error) { return "", errors.New("benchmark without cache") }
	b.Cleanup(func() { cacheDir = old })
	benchmarkColdStart(b)
}

func benchmarkColdStart(b *testing.B) {
	ctx := context.Background()
	for b.Loop() {
		s, err := Start(ctx, Config{})
		if err != nil {
			b.Fatal(err)
		}
		conn, err := pgx.Connect(ctx, s.URL("postgres"))
		if err != nil {
			s.Stop()
			b.Fatal(err)
		}
		var one int
		err = conn.QueryRow(ctx, "SELECT 1").Scan(&one)
		conn.Close(ctx)
		b.StopTimer()
		if stopErr := s.Stop(); err != nil || stopErr != nil {
			b.Fatal(err, stopErr)
		}
		b.StartTimer()
	}
}

// Config.Superuser names the cluster's superuser, so "postgres" is free to
// be an ordinary role (the drill creates an archive's owners as stand-ins).
func TestSuperuserName(t *testing.T) {
	s := startServer(t, Config{Superuser: "pgdrill_admin"})
	conn := connect(t, s.URL("postgres"))
	ctx := context.Background()
	var user string
	var super bool
	if err := conn.QueryRow(ctx, "SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user").Scan(&user, &super); err != nil {
		t.Fatal(err)
	}
	if user != "pgdrill_admin" || !super {
		t.Errorf("connected as %q (superuser %v), want pgdrill_admin, a superuser", user, super)
	}
	if _, err := conn.Exec(ctx, "CREATE ROLE postgres NOLOGIN"); err != nil {
		t.Errorf("role postgres cannot be created on a cluster whose superuser is named otherwise: %v", err)
	}
	conn.Close(ctx)
}
