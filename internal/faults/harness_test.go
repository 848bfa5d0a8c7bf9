package faults

import (
	"bytes"
	"context"
	"fmt"
	"io"
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

	"github.com/pgdrill/pgdrill/dump"
	"github.com/pgdrill/pgdrill/internal/embedded"
	"github.com/pgdrill/pgdrill/internal/pgtest"
	"github.com/pgdrill/pgdrill/pgarchive"
)

// workDir holds the built command and the fixture archives for the whole
// package run.
var workDir string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "pgdrill-faults-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	// As root the server runs as nobody, which must reach the archives.
	os.Chmod(dir, 0o755)
	workDir = dir
	code := pgtest.Run(m)
	os.RemoveAll(dir)
	os.Exit(code)
}

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// binary builds cmd/pgdrill once, so that signals and exit statuses are
// those of the real process.
func binary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		binPath = filepath.Join(workDir, "pgdrill")
		cmd := exec.Command("go", "build", "-o", binPath, "github.com/pgdrill/pgdrill/cmd/pgdrill")
		if raceEnabled {
			cmd.Args = append(cmd.Args[:2], append([]string{"-race"}, cmd.Args[2:]...)...)
		}
		out, err := cmd.CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// The source database: a large table, a table with a foreign key into it,
// a small one, an index and a large object, so that restores have data,
// post-data and large objects to be interrupted in.
const (
	bigRows   = 40000
	midRows   = bigRows / 4
	smallRows = 100
)

var wantRows = map[string]int64{"big": bigRows, "mid": midRows, "small": smallRows}

var sourceSQL = []string{
	`CREATE TABLE public.big (id integer PRIMARY KEY, t text, ts timestamptz)`,
	fmt.Sprintf(`INSERT INTO public.big SELECT g, repeat(md5(g::text), 4), '2020-01-01'::timestamptz + g * interval '1 second' FROM generate_series(1, %d) g`, bigRows),
	`CREATE TABLE public.mid (id integer PRIMARY KEY, big_id integer REFERENCES public.big (id), v numeric)`,
	fmt.Sprintf(`INSERT INTO public.mid SELECT g, g, g / 7.0 FROM generate_series(1, %d) g`, midRows),
	`CREATE TABLE public.small (k text PRIMARY KEY, v jsonb)`,
	fmt.Sprintf(`INSERT INTO public.small SELECT 'k' || g, jsonb_build_object('g', g) FROM generate_series(1, %d) g`, smallRows),
	`CREATE INDEX big_ts ON public.big (ts)`,
	`SELECT lo_from_bytea(0, convert_to(repeat('large object ', 20000), 'UTF8'))`,
}

var algs = []pgarchive.Compression{pgarchive.CompressionNone, pgarchive.CompressionGzip, pgarchive.CompressionLZ4, pgarchive.CompressionZstd}

var (
	fixOnce  sync.Once
	fixErr   error
	srcURL   string            // the source database on the package's server
	archives map[string]string // by compression name: an archive of the source
)

// fixtures makes the source database and one archive of it per compression.
func fixtures(t *testing.T) {
	t.Helper()
	srv := pgtest.Server(t)
	fixOnce.Do(func() {
		srcURL = srv.URL("faults_src")
		if fixErr = execSQL(srv.URL("postgres"), "CREATE DATABASE faults_src"); fixErr != nil {
			return
		}
		if fixErr = execSQL(srcURL, sourceSQL...); fixErr != nil {
			return
		}
		archives = map[string]string{}
		for _, alg := range algs {
			path := filepath.Join(workDir, "source-"+alg.String()+".dump")
			if _, fixErr = dump.RunFile(context.Background(), srcURL, path, dump.Options{Compression: alg}); fixErr != nil {
				return
			}
			archives[alg.String()] = path
		}
	})
	if fixErr != nil {
		t.Fatalf("fixtures: %v", fixErr)
	}
}

func execSQL(url string, stmts ...string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c, err := pgx.Connect(ctx, url)
	if err != nil {
		return err
	}
	defer c.Close(context.Background())
	for _, q := range stmts {
		if _, err := c.Exec(ctx, q); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
	}
	return nil
}

// target is where a run restores or dumps from: a database on the package's
// server, or on a server of the run's own when the fault stops it.
type target struct {
	url    string // the database the command uses
	admin  string // a superuser URL on the same server, another database
	dbname string
	srv    *embedded.Server // the run's own server, or nil
	proxy  *Proxy           // between the command and the server, or nil
}

// commandURL is the URL the command under test gets: through the proxy
// when there is one.
func (tg *target) commandURL() string {
	if tg.proxy == nil {
		return tg.url
	}
	return replacePort(tg.url, tg.proxy.Port())
}

func replacePort(url string, port int) string {
	// URLs are postgres://user:pass@127.0.0.1:PORT/db?...
	at := strings.LastIndex(url, "@127.0.0.1:")
	if at < 0 {
		panic("unexpected URL " + url)
	}
	rest := url[at+len("@127.0.0.1:"):]
	slash := strings.IndexByte(rest, '/')
	return url[:at] + "@127.0.0.1:" + strconv.Itoa(port) + rest[slash:]
}

// activeBackends lists the pids of the backends of db running something
// other than our own queries.
func activeBackends(ctx context.Context, admin *pgx.Conn, db string) ([]int, error) {
	rows, err := admin.Query(ctx, `SELECT pid FROM pg_stat_activity
		WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend'`, db)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[int])
}

// waitCopy waits until a backend of db runs a COPY, or ctx ends.
func waitCopy(ctx context.Context, admin *pgx.Conn, db string) bool {
	for ctx.Err() == nil {
		var n int
		err := admin.QueryRow(ctx, `SELECT count(*) FROM pg_stat_activity
			WHERE datname = $1 AND state = 'active' AND query ILIKE 'COPY %'`, db).Scan(&n)
		if err == nil && n > 0 {
			return true
		}
		time.Sleep(3 * time.Millisecond)
	}
	return false
}

// postmasterPID is the server's postmaster: the parent of a backend.
func postmasterPID(ctx context.Context, admin *pgx.Conn) (int, error) {
	var pid int
	if err := admin.QueryRow(ctx, "SELECT pg_backend_pid()").Scan(&pid); err != nil {
		return 0, err
	}
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(status), "\n") {
		if v, ok := strings.CutPrefix(line, "PPid:"); ok {
			return strconv.Atoi(strings.TrimSpace(v))
		}
	}
	return 0, fmt.Errorf("no PPid in /proc/%d/status", pid)
}

// tableState is what a restore left: each table's rows, -1 when the table
// does not exist; and the number of large objects.
type tableState struct {
	rows map[string]int64
	los  int64
}

func readState(url string) (tableState, error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	c, err := pgx.Connect(ctx, url)
	if err != nil {
		return tableState{}, err
	}
	defer c.Close(context.Background())
	st := tableState{rows: map[string]int64{}}
	for name := range wantRows {
		var exists bool
		if err := c.QueryRow(ctx, "SELECT to_regclass($1) IS NOT NULL", "public."+name).Scan(&exists); err != nil {
			return st, err
		}
		if !exists {
			st.rows[name] = -1
			continue
		}
		var n int64
		if err := c.QueryRow(ctx, "SELECT count(*) FROM public."+name).Scan(&n); err != nil {
			return st, err
		}
		st.rows[name] = n
	}
	err = c.QueryRow(ctx, "SELECT count(*) FROM pg_largeobject_metadata").Scan(&st.los)
	return st, err
}

// complete says whether the state is the whole source.
func (st tableState) complete() bool {
	for name, want := range wantRows {
		if st.rows[name] != want {
			return false
		}
	}
	return st.los == 1
}

// empty says whether nothing of the archive is there.
func (st tableState) empty() bool {
	for name := range wantRows {
		if st.rows[name] != -1 {
			return false
		}
	}
	return st.los == 0
}

// consistent says whether every table holds all its rows or none, as a
// restore interrupted between COPY statements leaves it (each COPY is one
// statement).
func (st tableState) consistent() bool {
	for name, want := range wantRows {
		if n := st.rows[name]; n > 0 && n != want {
			return false
		}
	}
	return true
}

func (st tableState) String() string {
	return fmt.Sprintf("big=%d mid=%d small=%d large_objects=%d", st.rows["big"], st.rows["mid"], st.rows["small"], st.los)
}

// verifyArchive reads every block of the archive at path to its end.
func verifyArchive(path string) error {
	a, err := pgarchive.Open(path)
	if err != nil {
		return err
	}
	defer a.Close()
	return readAllBlocks(a.Reader)
}

func readAllBlocks(r *pgarchive.Reader) error {
	for _, e := range r.Entries {
		if e.DataState == pgarchive.DataNone {
			continue
		}
		b, err := r.Open(e)
		if err != nil {
			return err
		}
		if b.IsBlobs() {
			for {
				if _, err = b.NextBlob(); err != nil {
					break
				}
				if _, err = io.Copy(io.Discard, b); err != nil {
					break
				}
			}
			if err == io.EOF {
				err = nil
			}
		} else {
			_, err = io.Copy(io.Discard, b)
		}
		b.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// proc is a run of the built command.
type proc struct {
	cmd    *exec.Cmd
	stdout bytes.Buffer
	stderr bytes.Buffer
	done   chan struct{}
	err    error
}

func startProc(t *testing.T, stdin io.Reader, stdout io.Writer, args ...string) *proc {
	t.Helper()
	p := &proc{cmd: exec.Command(binary(t), args...), done: make(chan struct{})}
	p.cmd.Stdin = stdin
	p.cmd.Stdout = &p.stdout
	if stdout != nil {
		p.cmd.Stdout = stdout
	}
	p.cmd.Stderr = &p.stderr
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.err = p.cmd.Wait(); close(p.done) }()
	return p
}

func (p *proc) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// wait waits for the process, killing it after limit; it returns the exit
// status, or -1 if it had to be killed.
func (p *proc) wait(limit time.Duration) int {
	select {
	case <-p.done:
	case <-time.After(limit):
		// SIGQUIT first: the Go runtime prints every goroutine's stack to
		// stderr, which the failure then shows.
		p.cmd.Process.Signal(syscall.SIGQUIT)
		select {
		case <-p.done:
		case <-time.After(5 * time.Second):
			p.cmd.Process.Kill()
			<-p.done
		}
		return -1
	}
	if p.cmd.ProcessState == nil {
		return -1
	}
	if ws, ok := p.cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return 128 + int(ws.Signal())
	}
	return p.cmd.ProcessState.ExitCode()
}

// panicked says whether output shows a Go panic or a data race report.
func panicked(stderr string) bool {
	return strings.Contains(stderr, "panic:") || strings.Contains(stderr, "WARNING: DATA RACE") ||
		strings.Contains(stderr, "fatal error:")
}

// newOwnServer starts a server for a run whose fault stops it.
func newOwnServer(t *testing.T) *embedded.Server {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	srv, err := embedded.Start(ctx, embedded.Config{})
	if err != nil {
		t.Fatalf("start a server of the run's own: %v", err)
	}
	t.Cleanup(func() { srv.Stop() })
	return srv
}

// tempLeftovers lists dump's temporary files left in dir.
func tempLeftovers(dir string) []string {
	m, _ := filepath.Glob(filepath.Join(dir, ".*.pgdrill-tmp"))
	return m
}
