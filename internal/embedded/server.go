// Package embedded runs a throwaway PostgreSQL server for tests and for the
// restore drill: it finds server binaries already on the machine (or has
// github.com/fergusstrange/embedded-postgres download them), puts a fresh
// cluster in a new temporary directory, starts it on a free loopback port
// and, on Stop, shuts it down and removes every file it made.
//
// The cluster is a copy of a template that the first server for a given
// postgres binary initialises with initdb and leaves in a cache directory
// (/var/cache/pgdrill as root, the user's cache dir otherwise); deleting
// that directory is always safe. The server runs with fsync off: it is
// for data that can be made again.
//
// As root the server programs run as the unprivileged "nobody" account,
// because initdb and postgres refuse root. The server is a direct child of
// the calling process with a parent-death signal, so a process that dies
// without calling Stop (a killed test binary, a panicking CLI) takes its
// server with it; only its temporary directory (named pgdrill-pg-*) is
// left, and a later Start in the same parent removes it after an hour.
package embedded

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
)

// Superuser is the default name of the cluster's superuser; its password is
// random (per cluster template) and carried by URL.
const Superuser = "postgres"

const (
	startTimeout = 60 * time.Second // what pg_ctl -w waits, too
	stopTimeout  = 15 * time.Second // per signal, before escalating
	portAttempts = 5
	// Longest Unix socket path the kernel takes (sun_path is 108 bytes).
	maxSocketPath = 107
)

// Config says where and how to run a server. The zero value is usable.
type Config struct {
	// BinDir is the server bin directory to use. If empty, $PGDRILL_PG_BINDIR,
	// then the places FindBinaries lists, then a download.
	BinDir string
	// Port is the TCP port on 127.0.0.1; 0 picks a free one.
	Port uint32
	// Dir is the parent of the server's temporary directory; "" means
	// os.TempDir(). As root it must be reachable by "nobody".
	Dir string
	// TimeZone is the server's TimeZone setting; "" means "UTC".
	TimeZone string
	// DownloadProgress, if not nil, is called while server binaries are
	// downloaded (when none is installed) with the bytes received so far
	// and the total (-1 when unknown).
	DownloadProgress func(done, total int64)
	// Superuser is the name initdb gives the cluster's superuser; "" means
	// Superuser ("postgres"). The drill names it otherwise so that an
	// archive's own "postgres" role can be an ordinary stand-in.
	Superuser string
	// Logger, if not nil, receives the output of initdb and the server (from
	// another goroutine, until Stop returns). The output is also kept in the
	// temporary directory; start errors quote its tail either way.
	Logger io.Writer
}

// Server is a running PostgreSQL server. Call Stop when done.
type Server struct {
	superuser  string
	port       uint32
	password   string
	binDir     string // "" when the binaries were downloaded
	runtimeDir string
	logPath    string
	logFile    *os.File
	proc       *process

	stopOnce sync.Once
	stopErr  error
}

// pickPort returns a port that was free a moment ago; a variable so tests
// can hand out a busy one.
var pickPort = func() (uint32, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("embedded: pick a free port: %w", err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	if err := l.Close(); err != nil {
		return 0, fmt.Errorf("embedded: pick a free port: %w", err)
	}
	return uint32(port), nil
}

// Start initialises and starts a new server and returns once it has
// answered a query. If anything fails, whatever was started is stopped and
// removed before Start returns. ctx bounds the start only, not the server's
// life.
func Start(ctx context.Context, cfg Config) (*Server, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("embedded: start: %w", err)
	}
	if cfg.TimeZone == "" {
		cfg.TimeZone = "UTC"
	}
	binDir, tried, err := FindBinaries(cfg.BinDir)
	downloaded := false
	if errors.Is(err, ErrNotFound) {
		binDir, err = downloadBinaries(ctx, cfg.DownloadProgress)
		if err != nil {
			return nil, &NotFoundError{Tried: tried, Download: err}
		}
		downloaded = true
	} else if err != nil {
		return nil, err
	}
	acct := currentAccount()
	if err := acct.checkExecutable(binDir); err != nil {
		return nil, err
	}

	// Absolute, because the server runs in it and reports its data
	// directory absolute, which waitReady compares.
	parent, err := filepath.Abs(cmp.Or(cfg.Dir, os.TempDir()))
	if err != nil {
		return nil, fmt.Errorf("embedded: runtime dir: %w", err)
	}
	sweepStale(parent)
	runtimeDir, err := os.MkdirTemp(parent, runtimePrefix)
	if err != nil {
		return nil, fmt.Errorf("embedded: make runtime dir: %w", err)
	}
	s := &Server{superuser: cmp.Or(cfg.Superuser, Superuser), runtimeDir: runtimeDir, logPath: filepath.Join(runtimeDir, "server.log")}
	if !downloaded {
		s.binDir = binDir
	}
	if err := s.start(ctx, cfg, acct, binDir); err != nil {
		if stopErr := s.Stop(); stopErr != nil {
			err = fmt.Errorf("%w (and cleaning up: %v)", err, stopErr)
		}
		return nil, err
	}
	return s, nil
}

func (s *Server) start(ctx context.Context, cfg Config, acct account, binDir string) error {
	if err := acct.checkReachable(s.runtimeDir); err != nil {
		return err
	}
	if err := acct.own(s.runtimeDir); err != nil {
		return err
	}
	var err error
	// Opened by us and inherited as stdout/stderr, so the server needs no
	// permission on it; O_APPEND keeps interleaved writers whole.
	s.logFile, err = os.OpenFile(s.logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return fmt.Errorf("embedded: create server log: %w", err)
	}
	var output io.Writer = s.logFile
	if cfg.Logger != nil {
		output = teeWriter{s.logFile, cfg.Logger}
	}
	env := append(os.Environ(),
		"LC_ALL=C",         // messages we match ("Address already in use") stay English
		"TZ="+cfg.TimeZone, // spares initdb its scan of the zoneinfo tree
	)

	dataDir := filepath.Join(s.runtimeDir, "data")
	if s.password, err = s.initCluster(ctx, binDir, dataDir, acct, env, output); err != nil {
		return err
	}

	// Debian's built-in socket dir, /var/run/postgresql, is not writable by
	// nobody; a socket inside our own dir is. A path too long for a socket
	// gets none: every client here uses TCP.
	sockDir := filepath.Join(s.runtimeDir, "sock")
	if len(sockDir)+len("/.s.PGSQL.65535.lock") > maxSocketPath {
		sockDir = ""
	} else {
		if err := os.Mkdir(sockDir, 0o700); err != nil {
			return fmt.Errorf("embedded: make socket dir: %w", err)
		}
		if err := acct.own(sockDir); err != nil {
			return err
		}
	}

	for attempt := 1; ; attempt++ {
		port := cfg.Port
		if port == 0 {
			if port, err = pickPort(); err != nil {
				return err
			}
		}
		s.port = port
		logStart := s.logSize()
		cmd := exec.Command(filepath.Join(binDir, "postgres"),
			"-D", dataDir,
			"-p", strconv.FormatUint(uint64(port), 10),
			"-c", "listen_addresses=127.0.0.1",
			"-c", "unix_socket_directories="+sockDir,
			"-c", "TimeZone="+cfg.TimeZone,
			// A throwaway cluster needs no crash safety; skipping it makes
			// restores and CREATE DATABASE much faster.
			"-c", "fsync=off",
			"-c", "synchronous_commit=off",
			"-c", "full_page_writes=off",
		)
		cmd.Dir = s.runtimeDir
		cmd.Env = env
		cmd.Stdout, cmd.Stderr = output, output
		// Immediate shutdown when we die: nobody is left to use the data.
		cmd.SysProcAttr = acct.sysProcAttr(syscall.SIGQUIT)
		cmd.WaitDelay = stopTimeout
		s.proc, err = startProcess(cmd)
		if err != nil {
			return fmt.Errorf("embedded: run %s: %w", cmd.Path, err)
		}
		err = s.waitReady(ctx, dataDir)
		if err == nil {
			return nil
		}
		if cfg.Port == 0 && attempt < portAttempts && s.proc.exited() &&
			strings.Contains(s.logSince(logStart), "Address already in use") {
			continue // another process took the port between pick and bind
		}
		return err
	}
}

// waitReady polls until the server answers a query, it exits, or ctx or
// the start timeout runs out. The answer must name dataDir: a port picked
// as free may have been taken by another server meanwhile (ours then fails
// to bind and exits, and Start retries).
func (s *Server) waitReady(ctx context.Context, dataDir string) error {
	ctx, cancel := context.WithTimeout(ctx, startTimeout)
	defer cancel()
	// A ping can hang on a port held by something that is not PostgreSQL;
	// our server's exit ends it at once.
	pingCtx, cancelPing := context.WithCancel(ctx)
	defer cancelPing()
	go func() {
		select {
		case <-s.proc.done:
			cancelPing()
		case <-pingCtx.Done():
		}
	}()
	url := s.URL("postgres")
	var lastErr error
	for {
		if lastErr = ping(pingCtx, url, dataDir); lastErr == nil {
			return nil
		}
		if s.proc.exited() {
			return fmt.Errorf("embedded: server on port %d exited during start: %v\n%s",
				s.port, s.proc.err, s.logTail())
		}
		select {
		case <-s.proc.done:
			continue // reported above
		case <-ctx.Done():
			return fmt.Errorf("embedded: server on port %d not ready: %w (last attempt: %v)\n%s",
				s.port, ctx.Err(), lastErr, s.logTail())
		case <-time.After(10 * time.Millisecond):
		}
	}
}

var errForeignServer = errors.New("a different server answers on this port")

func ping(ctx context.Context, url, dataDir string) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	var dir string
	if err := conn.QueryRow(ctx, "SELECT current_setting('data_directory')").Scan(&dir); err != nil {
		return err
	}
	if dir != dataDir {
		return fmt.Errorf("%w (data directory %s)", errForeignServer, dir)
	}
	return nil
}

// Port returns the server's TCP port on 127.0.0.1.
func (s *Server) Port() uint32 { return s.port }

// BinDir returns the server bin directory in use, or "" when the binaries
// were downloaded by embedded-postgres.
func (s *Server) BinDir() string { return s.binDir }

// URL returns a connection URL for dbname as the superuser.
func (s *Server) URL(dbname string) string {
	u := url.URL{
		Scheme:   "postgres",
		User:     url.UserPassword(s.superuser, s.password),
		Host:     net.JoinHostPort("127.0.0.1", strconv.FormatUint(uint64(s.port), 10)),
		Path:     "/" + dbname,
		RawQuery: "sslmode=disable",
	}
	return u.String()
}

// Stop shuts the server down (fast shutdown, escalating to SIGQUIT and
// SIGKILL if it lingers) and removes its temporary directory. It is safe to
// call more than once; later calls return the first call's result.
func (s *Server) Stop() error {
	s.stopOnce.Do(func() { s.stopErr = s.stop() })
	return s.stopErr
}

func (s *Server) stop() error {
	var errs []error
	if s.proc != nil {
		if err := s.proc.shutdown(); err != nil {
			errs = append(errs, fmt.Errorf("embedded: stop server on port %d: %w", s.port, err))
		}
	}
	if s.logFile != nil {
		if err := s.logFile.Close(); err != nil {
			errs = append(errs, fmt.Errorf("embedded: close server log: %w", err))
		}
	}
	if err := os.RemoveAll(s.runtimeDir); err != nil {
		errs = append(errs, fmt.Errorf("embedded: remove %s: %w", s.runtimeDir, err))
	}
	return errors.Join(errs...)
}

// teeWriter copies the server's output to the log file and to the caller's
// Logger. Unlike io.MultiWriter it ignores the Logger's errors: a failing
// Logger must not cut the log file, nor the pipe the server writes to.
type teeWriter struct {
	file   io.Writer
	logger io.Writer
}

func (t teeWriter) Write(p []byte) (int, error) {
	_, _ = t.logger.Write(p)
	return t.file.Write(p)
}

func randomPassword() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("embedded: make password: %w", err)
	}
	return hex.EncodeToString(b), nil
}

// process is a started child and the outcome of waiting for it.
type process struct {
	cmd  *exec.Cmd
	done chan struct{} // closed once the child has been reaped
	err  error         // cmd.Wait's result, set before done is closed
}

// startProcess starts cmd on an OS thread of its own. Pdeathsig fires when
// the thread that forked the child exits, and the Go runtime may retire
// threads; a locked thread that is kept until the child is reaped makes the
// signal mean "our process died" and nothing else.
func startProcess(cmd *exec.Cmd) (*process, error) {
	p := &process{cmd: cmd, done: make(chan struct{})}
	started := make(chan error, 1)
	go func() {
		runtime.LockOSThread() // never unlocked: the thread ends with this goroutine
		if err := cmd.Start(); err != nil {
			started <- err
			return
		}
		started <- nil
		p.err = cmd.Wait()
		close(p.done)
	}()
	if err := <-started; err != nil {
		return nil, err
	}
	return p, nil
}

// killGroup kills the child and everything it spawned, which shares its
// process group (see account.sysProcAttr).
func (p *process) killGroup() {
	_ = syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL)
}

func (p *process) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// shutdown asks the postmaster for a fast shutdown (which ends the backends
// too) and escalates when it does not finish in time.
func (p *process) shutdown() error {
	if p.exited() {
		return nil
	}
	var escalated []string
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGQUIT, syscall.SIGKILL} {
		if sig == syscall.SIGKILL {
			p.killGroup() // backends too: they might outlive a killed postmaster
		} else if err := p.cmd.Process.Signal(sig); err != nil && !errors.Is(err, os.ErrProcessDone) {
			return fmt.Errorf("send %v to pid %d: %w", sig, p.cmd.Process.Pid, err)
		}
		select {
		case <-p.done:
			if len(escalated) > 0 {
				return fmt.Errorf("pid %d ignored %s", p.cmd.Process.Pid, strings.Join(escalated, ", "))
			}
			return nil
		case <-time.After(stopTimeout):
			escalated = append(escalated, sig.String())
		}
	}
	return fmt.Errorf("pid %d survived SIGKILL", p.cmd.Process.Pid)
}

func (s *Server) logSize() int64 {
	fi, err := os.Stat(s.logPath)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// logSince returns the server log from offset on, at most its last 64 KiB.
func (s *Server) logSince(offset int64) string {
	const limit = 64 << 10
	if size := s.logSize(); size-offset > limit {
		offset = size - limit
	}
	f, err := os.Open(s.logPath)
	if err != nil {
		return "(server log unreadable: " + err.Error() + ")"
	}
	defer f.Close()
	b, err := io.ReadAll(io.NewSectionReader(f, offset, limit))
	if err != nil {
		return "(server log unreadable: " + err.Error() + ")"
	}
	return string(b)
}

// logTail returns the last lines of the server log, for error messages.
func (s *Server) logTail() string {
	const lines = 25
	text := strings.TrimRight(s.logSince(max(0, s.logSize()-8<<10)), "\n")
	all := strings.Split(text, "\n")
	if len(all) > lines {
		all = all[len(all)-lines:]
	}
	return "server log ends:\n" + strings.Join(all, "\n")
}
