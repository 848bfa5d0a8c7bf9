package faults

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/pprof"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"go.uber.org/goleak"

	"github.com/pgdrill/pgdrill/dump"
	"github.com/pgdrill/pgdrill/internal/pgtest"
	"github.com/pgdrill/pgdrill/pgarchive"
	"github.com/pgdrill/pgdrill/restore"
)

// scenario is one run: an operation in a mode, and a fault injected a
// while after the first COPY starts.
type scenario struct {
	op    string // restore or dump
	mode  string // restore: j1 j2 j4 single stdin lib; dump: file stdout lib
	alg   pgarchive.Compression
	fault string
	delay time.Duration // after the first COPY is seen
}

func (s scenario) String() string {
	return fmt.Sprintf("%s-%s-%v-%s-%dms", s.op, s.mode, s.alg, s.fault, s.delay.Milliseconds())
}

// The faults each mode can meet. stop-* stop the server (fast or immediate
// shutdown); stall freezes the network path and then sends SIGTERM; slow
// delays every packet and must still succeed; cut gives the command an
// archive that ends midway (restore) and badreader a reader that fails
// midway (library restore); diskfull dumps into a full file system.
var faultsFor = map[string][]string{
	"restore/j1":     {"terminate", "stop-fast", "stop-immediate", "sigint", "sigterm", "slow", "stall", "cut"},
	"restore/j2":     {"terminate", "stop-fast", "stop-immediate", "sigint", "sigterm", "slow", "stall", "cut"},
	"restore/j4":     {"terminate", "stop-fast", "stop-immediate", "sigint", "sigterm", "stall", "cut"},
	"restore/single": {"terminate", "stop-fast", "stop-immediate", "sigint", "sigterm", "stall", "cut"},
	"restore/stdin":  {"terminate", "stop-fast", "sigint", "sigterm", "stall", "cut"},
	"restore/lib":    {"cancel", "terminate", "badreader", "stall"},
	"dump/file":      {"terminate", "stop-fast", "stop-immediate", "sigint", "sigterm", "slow", "stall", "diskfull"},
	"dump/stdout":    {"terminate", "stop-fast", "sigint", "sigterm", "stall"},
	"dump/lib":       {"cancel", "terminate", "stall"},
}

var modeOrder = []string{"restore/j1", "restore/j2", "restore/j4", "restore/single", "restore/stdin", "restore/lib",
	"dump/file", "dump/stdout", "dump/lib"}

func randomScenario(rng *rand.Rand) scenario {
	m := modeOrder[rng.IntN(len(modeOrder))]
	fs := faultsFor[m]
	op, mode, _ := strings.Cut(m, "/")
	return scenario{op: op, mode: mode, alg: algs[rng.IntN(len(algs))], fault: fs[rng.IntN(len(fs))],
		delay: time.Duration(rng.IntN(400)) * time.Millisecond}
}

// outcome is how a run ended.
type outcome struct {
	code   int    // exit status of the command; 0/1 for the library (error or not)
	msg    string // stderr, or the library's error
	err    error  // the library's error
	missed bool   // the run ended before the fault could be injected
	stdout []byte
}

// messages are what each fault's message must say.
var messages = map[string]*regexp.Regexp{
	"terminate":      regexp.MustCompile(`terminating connection due to administrator command|server closed the connection`),
	"stop-fast":      regexp.MustCompile(`terminating connection due to administrator command|server closed the connection|connection to the server was lost|shutting down|connect`),
	"stop-immediate": regexp.MustCompile(`terminating connection|server closed the connection|connection to the server was lost|shutting down|connect|recovery mode`),
	"sigint":         regexp.MustCompile(`interrupted \(SIGINT\)`),
	"sigterm":        regexp.MustCompile(`terminated \(SIGTERM\)`),
	"stall":          regexp.MustCompile(`terminated \(SIGTERM\)|context canceled`),
	"cancel":         regexp.MustCompile(`context canceled`),
	"cut":            regexp.MustCompile(`unexpected EOF|past the end of the file`),
	"badreader":      regexp.MustCompile(`injected read error`),
	"diskfull":       regexp.MustCompile(`no space left on device`),
}

// wantCodes are the exit statuses each fault may end with, once it hit.
var wantCodes = map[string][]int{
	"terminate":      {1},
	"stop-fast":      {1, 2},
	"stop-immediate": {1, 2},
	"sigint":         {130},
	"sigterm":        {143},
	"stall":          {143},
	"cancel":         {1},
	"cut":            {2},
	"badreader":      {1},
	"diskfull":       {2},
	"slow":           {0},
}

// runScenario runs sc and checks how it ended; it reports whether the
// fault hit (false: the run finished first and was checked as a success).
func runScenario(t *testing.T, sc scenario) bool {
	t.Helper()
	fixtures(t)
	tg := &target{}
	if sc.fault == "stop-fast" || sc.fault == "stop-immediate" {
		tg.srv = newOwnServer(t)
		tg.admin = tg.srv.URL("postgres")
		tg.dbname = "faults_target"
		if sc.op == "dump" {
			tg.dbname = "faults_src"
		}
		if err := execSQL(tg.admin, "CREATE DATABASE "+tg.dbname); err != nil {
			t.Fatal(err)
		}
		tg.url = tg.srv.URL(tg.dbname)
		if sc.op == "dump" {
			loadSource(t, tg.url)
		}
	} else {
		srv := pgtest.Server(t)
		tg.admin = srv.URL("postgres")
		if sc.op == "restore" {
			tg.url = pgtest.NewDB(t)
			cfg, err := pgx.ParseConfig(tg.url)
			if err != nil {
				t.Fatal(err)
			}
			tg.dbname = cfg.Database
		} else {
			tg.url, tg.dbname = srcURL, "faults_src"
		}
	}
	if sc.fault == "slow" || sc.fault == "stall" {
		cfg, err := pgx.ParseConfig(tg.url)
		if err != nil {
			t.Fatal(err)
		}
		p, err := NewProxy(fmt.Sprintf("%s:%d", cfg.Host, cfg.Port))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { p.Close() })
		if sc.fault == "slow" {
			p.SetDelay(200 * time.Microsecond)
		}
		tg.proxy = p
	}
	admin := pgtest.Conn(t, tg.admin)

	var out outcome
	switch sc.op + "/" + sc.mode {
	case "restore/lib", "dump/lib":
		out = runLibrary(t, sc, tg, admin)
	default:
		out = runCommand(t, sc, tg, admin)
	}
	if tg.proxy != nil {
		// Its frozen connections would keep the backends, and their locks.
		tg.proxy.Close()
	}
	t.Logf("%v: exit %d, missed=%v: %s", sc, out.code, out.missed, firstLine(out.msg))
	if panicked(out.msg) {
		t.Fatalf("%v: the run panicked or raced:\n%s", sc, out.msg)
	}
	if out.code == -1 {
		t.Fatalf("%v: the run did not end; killed. stderr:\n%s", sc, out.msg)
	}
	hit := !out.missed && out.code != 0
	if sc.fault == "slow" {
		hit = true
	}
	switch {
	case out.code == 0:
		// The fault came too late (or is slow): the run must be a full success.
	case out.missed:
		t.Errorf("%v: failed with exit %d although no fault was injected: %s", sc, out.code, out.msg)
	default:
		fault := sc.fault
		if sc.mode == "lib" && fault == "stall" {
			fault = "cancel" // the library has no signals: the stall ends in a cancel
		}
		if !contains(wantCodes[fault], out.code) {
			t.Errorf("%v: exit %d, want one of %v; stderr:\n%s", sc, out.code, wantCodes[fault], out.msg)
		}
		if re := messages[fault]; re != nil && !re.MatchString(out.msg) {
			t.Errorf("%v: message %q does not say what happened (%v)", sc, out.msg, re)
		}
	}
	if sc.op == "restore" {
		checkRestoreState(t, sc, tg, out)
	}
	return hit
}

func contains(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func firstLine(s string) string {
	s = string(bytes.TrimSpace([]byte(s)))
	if i := bytes.IndexByte([]byte(s), '\n'); i >= 0 {
		return s[:i] + " …"
	}
	return s
}

// loadSource restores the gzip fixture into url, for dumps on a run's own
// server.
func loadSource(t *testing.T, url string) {
	t.Helper()
	a, err := pgarchive.Open(archives["gzip"])
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if _, err := restore.Run(context.Background(), a.Reader, url, restore.Options{Jobs: 1, Warnings: io.Discard}); err != nil {
		t.Fatalf("load the source: %v", err)
	}
}

// inject waits for the first COPY (or the run's end), then the scenario's
// delay, and injects the fault. It reports false if the run ended first.
func inject(t *testing.T, sc scenario, tg *target, admin *pgx.Conn, ended func() bool, signal func(os.Signal), cancel func()) bool {
	ctx, stop := context.WithTimeout(context.Background(), time.Minute)
	defer stop()
	go func() {
		for ctx.Err() == nil && !ended() {
			time.Sleep(5 * time.Millisecond)
		}
		stop()
	}()
	if !waitCopy(ctx, admin, tg.dbname) {
		return false
	}
	time.Sleep(sc.delay)
	if ended() {
		return false
	}
	switch sc.fault {
	case "terminate":
		pids, err := activeBackends(context.Background(), admin, tg.dbname)
		if err != nil {
			t.Fatal(err)
		}
		if len(pids) == 0 {
			return false
		}
		for _, pid := range pids {
			admin.Exec(context.Background(), "SELECT pg_terminate_backend($1)", pid)
		}
	case "stop-fast", "stop-immediate":
		pid, err := postmasterPID(context.Background(), admin)
		if err != nil {
			t.Fatal(err)
		}
		sig := syscall.SIGINT
		if sc.fault == "stop-immediate" {
			sig = syscall.SIGQUIT
		}
		if err := syscall.Kill(pid, sig); err != nil {
			t.Fatal(err)
		}
	case "sigint":
		signal(syscall.SIGINT)
	case "sigterm":
		signal(syscall.SIGTERM)
	case "cancel":
		cancel()
	case "stall":
		tg.proxy.Freeze()
		time.Sleep(200 * time.Millisecond)
		if signal != nil {
			signal(syscall.SIGTERM)
		} else {
			cancel()
		}
	default:
		return false // slow, cut, badreader, diskfull act by themselves
	}
	return true
}

// runCommand runs the built pgdrill.
func runCommand(t *testing.T, sc scenario, tg *target, admin *pgx.Conn) outcome {
	t.Helper()
	url := tg.commandURL()
	archive := archives[sc.alg.String()]
	if sc.fault == "cut" {
		archive = cutArchive(t, archive, 0.3+0.5*float64(sc.delay.Milliseconds())/400)
	}
	var args []string
	var stdin io.Reader
	var outFile, old string
	var stdout *os.File
	switch sc.op + "/" + sc.mode {
	case "restore/j1", "restore/j2", "restore/j4":
		args = []string{"restore", "-d", url, "--json", "-j", sc.mode[1:], archive}
	case "restore/single":
		args = []string{"restore", "-d", url, "--json", "-1", archive}
	case "restore/stdin":
		f, err := os.Open(archive)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		// Through a pipe, not a file: one pass, as from curl or aws s3 cp.
		pr, pw := io.Pipe()
		go func() { _, err := io.Copy(pw, f); pw.CloseWithError(err) }()
		defer pr.Close()
		stdin = pr
		args = []string{"restore", "-d", url, "--json", "-"}
	case "dump/file", "dump/stdout":
		dir := t.TempDir()
		if sc.fault == "diskfull" {
			dir = smallTmpfs(t)
		}
		os.Chmod(dir, 0o755)
		outFile = filepath.Join(dir, "backup.dump")
		old = "an earlier backup that must survive\n"
		if err := os.WriteFile(outFile, []byte(old), 0o644); err != nil {
			t.Fatal(err)
		}
		args = []string{"dump", "-d", url, "--no-progress", "-Z", sc.alg.String()}
		if sc.fault == "diskfull" {
			args[len(args)-1] = "none" // larger than the file system
		}
		if sc.mode == "file" {
			args = append(args, "-f", outFile)
		} else {
			var err error
			stdout, err = os.Create(filepath.Join(dir, "stdout.dump"))
			if err != nil {
				t.Fatal(err)
			}
			defer stdout.Close()
		}
	}
	var w io.Writer
	if stdout != nil {
		w = stdout
	}
	p := startProc(t, stdin, w, args...)
	hit := inject(t, sc, tg, admin, p.exited, func(s os.Signal) { p.cmd.Process.Signal(s) }, nil)
	code := p.wait(2 * time.Minute)
	out := outcome{code: code, msg: p.stderr.String(), missed: !hit && sc.fault != "cut" && sc.fault != "diskfull" && sc.fault != "slow", stdout: p.stdout.Bytes()}
	if sc.fault == "cut" || sc.fault == "diskfull" {
		out.missed = false
	}
	if sc.op == "dump" {
		checkDumpFiles(t, sc, outFile, old, stdout, out)
	}
	return out
}

// runLibrary runs restore.Run or dump.RunFile in this process, and checks
// that no goroutine is left behind.
func runLibrary(t *testing.T, sc scenario, tg *target, admin *pgx.Conn) outcome {
	t.Helper()
	ignore := goleak.IgnoreCurrent()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan struct{})
	ended := func() bool {
		select {
		case <-done:
			return true
		default:
			return false
		}
	}
	var err error
	var sum restore.Summary
	dir := t.TempDir()
	outFile := filepath.Join(dir, "backup.dump")
	old := "an earlier backup that must survive\n"
	go func() {
		defer close(done)
		if sc.op == "restore" {
			raw, rerr := os.ReadFile(archives[sc.alg.String()])
			if rerr != nil {
				err = rerr
				return
			}
			var ra io.ReaderAt = bytes.NewReader(raw)
			if sc.fault == "badreader" {
				ra = &failingReaderAt{r: bytes.NewReader(raw), at: int64(float64(len(raw)) * (0.3 + 0.5*float64(sc.delay.Milliseconds())/400))}
			}
			a, rerr := pgarchive.NewReader(ra, int64(len(raw)))
			if rerr != nil {
				err = rerr
				return
			}
			jobs := 1 + int(sc.delay.Milliseconds())%3
			sum, err = restore.Run(ctx, a, tg.commandURL(), restore.Options{Jobs: jobs, Warnings: io.Discard})
			return
		}
		if werr := os.WriteFile(outFile, []byte(old), 0o644); werr != nil {
			err = werr
			return
		}
		_, err = dump.RunFile(ctx, tg.commandURL(), outFile, dump.Options{Compression: sc.alg})
	}()
	hit := inject(t, sc, tg, admin, ended, nil, cancel)
	select {
	case <-done:
	case <-time.After(2 * time.Minute):
		var stacks bytes.Buffer
		pprof.Lookup("goroutine").WriteTo(&stacks, 2)
		return outcome{code: -1, msg: "library call did not return; goroutines:\n" + stacks.String()}
	}
	if tg.proxy != nil {
		tg.proxy.Close()
	}
	out := outcome{err: err, missed: !hit && sc.fault != "badreader"}
	if err != nil {
		out.code, out.msg = 1, err.Error()
		var ign *restore.IgnoredErrors
		if errors.As(err, &ign) {
			out.msg = fmt.Sprint(ign.Errors)
		}
	}
	if sc.fault == "cancel" && out.code != 0 && !errors.Is(err, context.Canceled) {
		t.Errorf("%v: error %v is not context.Canceled", sc, err)
	}
	if sc.op == "dump" {
		checkDumpFiles(t, sc, outFile, old, nil, out)
	}
	if out.code == 0 && sc.op == "restore" {
		checkSummaryRows(t, sc, sum)
	}
	// The harness's own connection may hold a background reader that pgx
	// started for a slow write during the run and that waits in Read until
	// the next reply: one round trip ends it, so that only the library's
	// goroutines are counted (seen once in 500 runs under load).
	admin.Ping(context.Background())
	// pgconn closes a connection broken by a cancel on a goroutine of its
	// own, bounded by a 15 s deadline: give it that long.
	err = goleak.Find(ignore)
	for deadline := time.Now().Add(20 * time.Second); err != nil && time.Now().Before(deadline); {
		err = goleak.Find(ignore)
	}
	if err != nil {
		t.Errorf("%v: goroutines left behind: %v", sc, err)
	}
	return out
}

// failingReaderAt fails every read that reaches offset at.
type failingReaderAt struct {
	r  *bytes.Reader
	at int64
}

func (f *failingReaderAt) ReadAt(p []byte, off int64) (int, error) {
	if off+int64(len(p)) > f.at {
		return 0, errors.New("injected read error")
	}
	return f.r.ReadAt(p, off)
}

// cutArchive copies the first fraction of an archive to a new file.
func cutArchive(t *testing.T, path string, frac float64) string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "cut.dump")
	if err := os.WriteFile(out, raw[:int(float64(len(raw))*frac)], 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chmod(filepath.Dir(out), 0o755)
	return out
}

// smallTmpfs mounts a 1 MiB tmpfs for the test, as root; it skips the run
// otherwise.
func smallTmpfs(t *testing.T) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("disk full: mounting a small tmpfs needs root")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("disk full: cannot mount a tmpfs: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
	return dir
}

// checkDumpFiles checks what a dump left: on success a complete archive;
// on failure the earlier file byte for byte, and no temporary file.
func checkDumpFiles(t *testing.T, sc scenario, outFile, old string, stdout *os.File, out outcome) {
	t.Helper()
	if sc.mode != "stdout" {
		if left := tempLeftovers(filepath.Dir(outFile)); len(left) > 0 {
			t.Errorf("%v: temporary files left: %v", sc, left)
		}
		got, err := os.ReadFile(outFile)
		if err != nil {
			t.Errorf("%v: %v", sc, err)
			return
		}
		if out.code != 0 {
			if string(got) != old {
				t.Errorf("%v: the failed dump replaced the earlier file (%d bytes now)", sc, len(got))
			}
			return
		}
		if err := verifyArchive(outFile); err != nil {
			t.Errorf("%v: the dump succeeded but its archive does not read: %v", sc, err)
		}
		return
	}
	if out.code == 0 && stdout != nil {
		if err := verifyArchive(stdout.Name()); err != nil {
			t.Errorf("%v: the dump succeeded but its archive does not read: %v", sc, err)
		}
	}
}

// checkRestoreState checks the database a restore left.
func checkRestoreState(t *testing.T, sc scenario, tg *target, out outcome) {
	t.Helper()
	if tg.srv != nil && out.code != 0 {
		return // the server was stopped: there is no database left to look at
	}
	if out.code == 0 && sc.mode != "lib" && len(out.stdout) > 0 {
		var sum restore.Summary
		if err := json.Unmarshal(out.stdout, &sum); err != nil {
			t.Errorf("%v: --json output: %v", sc, err)
		} else {
			checkSummaryRows(t, sc, sum)
		}
	}
	st, err := readState(tg.url)
	var ce *pgconn.ConnectError
	if err != nil && tg.srv != nil && out.code == 0 && errors.As(err, &ce) {
		// The stop came as the run ended: it succeeded (its summary was
		// checked) but the server it wrote to is gone; a stop that came
		// earlier is checked above by the exit status.
		t.Logf("%v: the server was stopped just after the run succeeded; its database cannot be read: %v", sc, err)
		return
	}
	if err != nil {
		t.Fatalf("%v: reading what the restore left: %v", sc, err)
	}
	switch {
	case out.code == 0:
		if !st.complete() {
			t.Errorf("%v: exit 0 but the database holds %v", sc, st)
		}
	case sc.mode == "single":
		if !st.empty() {
			t.Errorf("%v: a failed -1 restore left %v", sc, st)
		}
	default:
		if !st.consistent() {
			t.Errorf("%v: a table is partly loaded: %v", sc, st)
		}
	}
}

func checkSummaryRows(t *testing.T, sc scenario, sum restore.Summary) {
	t.Helper()
	got := map[string]int64{}
	for _, tr := range sum.Tables {
		got[tr.Name] = tr.Rows
	}
	for name, want := range wantRows {
		if got["public."+name] != want {
			t.Errorf("%v: summary says %d rows for %s, want %d", sc, got["public."+name], name, want)
		}
	}
}

// seedAndRuns reads FAULTS_SEED and FAULTS_RUNS; the defaults keep go test
// short.
func seedAndRuns(t *testing.T) (uint64, int) {
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("FAULTS_SEED"); s != "" {
		v, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("FAULTS_SEED: %v", err)
		}
		seed = v
	}
	runs := 6
	if testing.Short() {
		runs = 2
	}
	if s := os.Getenv("FAULTS_RUNS"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil {
			t.Fatalf("FAULTS_RUNS: %v", err)
		}
		runs = v
	}
	return seed, runs
}

// TestReproductions are issue 16's reproductions, each a fixed scenario:
// SIGTERM and SIGINT during restore -j 2 (it ignored SIGTERM, and panicked
// on SIGINT), a COPY backend terminated under restore -j 2 (it panicked),
// a dump's backend terminated or its server stopped immediately mid-dump
// (it said "unexpected EOF" and, with kill -9, left a partial file at the
// -f path). A dump of the fixture can end within 50 ms of its first COPY,
// so the dump faults come as soon as the COPY shows.
func TestReproductions(t *testing.T) {
	for _, sc := range []scenario{
		{op: "restore", mode: "j2", alg: pgarchive.CompressionGzip, fault: "sigterm", delay: 50 * time.Millisecond},
		{op: "restore", mode: "j2", alg: pgarchive.CompressionZstd, fault: "sigint", delay: 50 * time.Millisecond},
		{op: "restore", mode: "j2", alg: pgarchive.CompressionLZ4, fault: "terminate", delay: 50 * time.Millisecond},
		{op: "restore", mode: "stdin", alg: pgarchive.CompressionGzip, fault: "sigterm", delay: 50 * time.Millisecond},
		{op: "dump", mode: "file", alg: pgarchive.CompressionGzip, fault: "terminate"},
		{op: "dump", mode: "file", alg: pgarchive.CompressionNone, fault: "stop-immediate"},
		{op: "dump", mode: "file", alg: pgarchive.CompressionZstd, fault: "sigterm"},
	} {
		t.Run(sc.String(), func(t *testing.T) {
			if !runScenario(t, sc) {
				t.Errorf("%v: the run ended before the fault; the reproduction proves nothing", sc)
			}
		})
	}
}

// TestFaults runs randomized scenarios. Each is a subtest named after
// its scenario; FAULTS_SEED repeats a series.
func TestFaults(t *testing.T) {
	seed, runs := seedAndRuns(t)
	rng := rand.New(rand.NewPCG(seed, 16))
	hits, failed := 0, 0
	for i := range runs {
		sc := randomScenario(rng)
		hit := false
		ok := t.Run(fmt.Sprintf("%03d-%v", i, sc), func(t *testing.T) {
			if sc.fault == "diskfull" && os.Geteuid() != 0 {
				t.Skip("disk full needs root to mount a small tmpfs")
			}
			hit = runScenario(t, sc)
		})
		if hit {
			hits++
		}
		if !ok {
			failed++
		}
	}
	msg := fmt.Sprintf("faults: %d runs, seed %d: %d failures; the fault hit %d runs, came too late in %d", runs, seed, failed, hits, runs-hits)
	t.Log(msg)
	if os.Getenv("FAULTS_REPORT") != "" {
		fmt.Println(msg)
	}
}
