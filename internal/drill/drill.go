// Package drill is pgdrill's restore drill: it proves that a custom-format
// archive restores to the same data, and that an audit hash chain survives
// dump and restore byte for byte.
//
// The synthetic drill builds a chained audit log with the workload, dumps it
// with pgdrill's dumper, drops it, restores it with pgdrill's restorer and
// compares row counts, the chain head and both verifiers (the server's SQL
// function and the offline Go verifier reading the archive). The archive
// drill restores an operator's backup into a throwaway server and checks
// every table's rows against the archive, and the chain if there is one.
package drill

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/pgdrill/pgdrill/chain"
	"github.com/pgdrill/pgdrill/dump"
	"github.com/pgdrill/pgdrill/internal/embedded"
	"github.com/pgdrill/pgdrill/pgarchive"
	"github.com/pgdrill/pgdrill/restore"
	"github.com/pgdrill/pgdrill/workload"
)

// ErrNotEmpty means the database given with -d already holds user tables.
var ErrNotEmpty = errors.New("drill: the database already holds user tables; the drill drops schema public: use a scratch database or --force")

// Config says which drill to run and where.
type Config struct {
	// Workload for the synthetic drill.
	Rows int
	Seed uint64
	Edge bool

	// Archive, if set, selects the archive drill on this file.
	Archive string
	// ArchiveReader, if set with Archive, is that archive already opened by
	// the caller (standard input, a spooled pipe, a remote object); Archive
	// then only names it.
	ArchiveReader *pgarchive.Reader

	// DB, if set, is the connection string (URL or conninfo) of an existing
	// database to drill in instead of a throwaway embedded server.
	DB    string
	Force bool // drill in DB even if it holds user tables

	// Keep, if set, is where the synthetic drill's archive is kept.
	Keep        string
	Compression pgarchive.Compression
	Level       int // compression level; 0 is the method's default
	Jobs        int // restore connections

	Server embedded.Config // for the embedded server
	// Log, if not nil, receives one line per phase as it ends.
	Log io.Writer
}

// Phase is one timed step of a drill.
type Phase struct {
	Name    string  `json:"name"`
	Seconds float64 `json:"seconds"`
}

// Check is one comparison the drill made.
type Check struct {
	What string `json:"what"`
	OK   bool   `json:"ok"`
	Pre  string `json:"pre"`
	Post string `json:"post"`
}

// ChainState is what the drill saw of the chain at one point.
type ChainState struct {
	Rows          int64   `json:"rows"`
	HeadHash      *string `json:"head_hash"`
	LastRowHash   *string `json:"last_row_hash"`
	FirstBreakID  *string `json:"first_break_id"`
	FirstBreakPos *int64  `json:"first_break_pos"`
	Walked        int64   `json:"verifier_walked"`
}

// TableCount compares one table's rows in the archive and after restore.
type TableCount struct {
	Table    string `json:"table"`
	Archive  int64  `json:"archive_rows"`
	Restored int64  `json:"restored_rows"`
}

// Report is a drill's outcome.
type Report struct {
	Mode    string       `json:"mode"` // "synthetic" or "archive"
	OK      bool         `json:"ok"`
	Rows    int64        `json:"rows"` // chain rows, or every table's rows for an archive without a chain
	Archive string       `json:"archive,omitempty"`
	Checks  []Check      `json:"checks"`
	Tables  []TableCount `json:"tables"`
	Phases  []Phase      `json:"phases"`

	Pre     *ChainState `json:"pre,omitempty"`     // the source chain (synthetic drill)
	Post    *ChainState `json:"post,omitempty"`    // the restored chain, SQL verifier
	PostGo  *ChainState `json:"post_go,omitempty"` // the restored chain, Go verifier
	Offline *ChainState `json:"offline,omitempty"` // the archive, offline Go verifier

	Restore restore.Summary `json:"restore"`
	Seconds float64         `json:"seconds"`
	// PeakRSS is pgdrill's own peak resident memory in bytes (Linux; 0
	// elsewhere). Unlike a wait4-based measure it leaves out the embedded
	// server, a child process whose shared buffers would otherwise count.
	PeakRSS int64 `json:"peak_rss_bytes"`
}

// Line is the one-line verdict: "PASS rows=24 chain_head=1a2b3c4d… verifier=clean"
// or "FAIL <what> pre=… post=…".
func (r *Report) Line() string {
	if !r.OK {
		for _, c := range r.Checks {
			if !c.OK {
				return fmt.Sprintf("FAIL %s pre=%s post=%s", c.What, c.Pre, c.Post)
			}
		}
		return "FAIL"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "PASS rows=%d", r.Rows)
	if r.Post != nil {
		fmt.Fprintf(&b, " chain_head=%s verifier=clean", short(r.Post.HeadHash))
	}
	if r.Mode == "archive" {
		fmt.Fprintf(&b, " tables=%d", len(r.Tables))
	}
	return b.String()
}

func short(h *string) string {
	if h == nil {
		return "NULL"
	}
	if len(*h) > 8 {
		return (*h)[:8] + "…"
	}
	return *h
}

// run carries a drill's state between phases.
type run struct {
	cfg    Config
	rep    *Report
	srv    *embedded.Server
	url    string // the database drilled in
	last   time.Time
	closer []func()
}

func (r *run) phase(name string) {
	now := time.Now()
	p := Phase{Name: name, Seconds: now.Sub(r.last).Seconds()}
	r.last = now
	r.rep.Phases = append(r.rep.Phases, p)
	if r.cfg.Log != nil {
		fmt.Fprintf(r.cfg.Log, "drill: %-14s %.3fs\n", name, p.Seconds)
	}
}

func (r *run) check(what string, ok bool, pre, post string) {
	r.rep.Checks = append(r.rep.Checks, Check{What: what, OK: ok, Pre: pre, Post: post})
}

// Run runs the drill cfg describes. An error means the drill could not run;
// a drill that ran and found a difference returns a Report with OK false.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	start := time.Now()
	rep := &Report{Mode: "synthetic"}
	if cfg.Archive != "" {
		rep.Mode = "archive"
	}
	r := &run{cfg: cfg, rep: rep, last: start}
	defer func() {
		for i := len(r.closer) - 1; i >= 0; i-- {
			r.closer[i]()
		}
	}()
	var err error
	if cfg.Archive != "" {
		err = r.archiveDrill(ctx)
	} else {
		err = r.syntheticDrill(ctx)
	}
	if err != nil {
		return rep, err
	}
	rep.OK = true
	for _, c := range rep.Checks {
		rep.OK = rep.OK && c.OK
	}
	rep.Seconds = time.Since(start).Seconds()
	rep.PeakRSS = peakRSS()
	return rep, nil
}

// peakRSS reads the process's high-water resident set size from
// /proc/self/status; 0 where there is none.
func peakRSS() int64 {
	raw, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb int64
			if _, err := fmt.Sscanf(strings.TrimSpace(rest), "%d kB", &kb); err == nil {
				return kb << 10
			}
		}
	}
	return 0
}

// database finds or makes the database to drill in.
func (r *run) database(ctx context.Context) error {
	if r.cfg.DB != "" {
		r.url = r.cfg.DB
		conn, err := pgx.Connect(ctx, r.url)
		if err != nil {
			return fmt.Errorf("drill: connect: %w", err)
		}
		defer conn.Close(ctx)
		n, err := userTables(ctx, conn)
		if err != nil {
			return err
		}
		if n > 0 && !r.cfg.Force {
			return fmt.Errorf("%w (%d found)", ErrNotEmpty, n)
		}
		r.phase("connect")
		return nil
	}
	srv, err := embedded.Start(ctx, r.cfg.Server)
	if err != nil {
		return err
	}
	r.srv = srv
	r.closer = append(r.closer, func() { srv.Stop() })
	r.phase("start-server")
	conn, err := pgx.Connect(ctx, srv.URL("postgres"))
	if err != nil {
		return fmt.Errorf("drill: connect: %w", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE DATABASE drill"); err != nil {
		return fmt.Errorf("drill: create database: %w", err)
	}
	r.url = srv.URL("drill")
	r.phase("create-db")
	return nil
}

func userTables(ctx context.Context, conn *pgx.Conn) (int, error) {
	var n int
	err := conn.QueryRow(ctx, `SELECT count(*) FROM pg_catalog.pg_class c
		JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
		WHERE c.relkind IN ('r', 'p', 'm', 'f')
		  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
		  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'`).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("drill: count user tables: %w", err)
	}
	return n, nil
}

func (r *run) syntheticDrill(ctx context.Context) error {
	if err := r.database(ctx); err != nil {
		return err
	}
	conn, err := pgx.Connect(ctx, r.url)
	if err != nil {
		return fmt.Errorf("drill: connect: %w", err)
	}
	defer conn.Close(ctx)
	if err := chain.Migrate(ctx, conn); err != nil {
		return err
	}
	r.phase("install-chain")
	n, err := workload.Insert(ctx, conn, workload.Config{Rows: r.cfg.Rows, Seed: r.cfg.Seed, Edge: r.cfg.Edge})
	if err != nil {
		return err
	}
	r.rep.Rows = int64(n)
	r.phase("workload")
	pre, _, err := chainStates(ctx, conn)
	if err != nil {
		return err
	}
	r.rep.Pre = pre
	r.phase("snapshot")

	path := r.cfg.Keep
	if path == "" {
		dir, err := os.MkdirTemp("", "pgdrill-drill-")
		if err != nil {
			return err
		}
		r.closer = append(r.closer, func() { os.RemoveAll(dir) })
		path = filepath.Join(dir, "drill.dump")
	} else {
		r.rep.Archive = path
	}
	if err := dumpTo(ctx, r.url, path, dump.Options{Compression: r.cfg.Compression, Level: r.cfg.Level}); err != nil {
		return err
	}
	r.phase("dump")

	if _, err := conn.Exec(ctx, "DROP SCHEMA public CASCADE"); err != nil {
		return fmt.Errorf("drill: drop: %w", err)
	}
	if _, err := conn.Exec(ctx, "CREATE SCHEMA public"); err != nil {
		return fmt.Errorf("drill: drop: %w", err)
	}
	left, err := userTables(ctx, conn)
	if err != nil {
		return err
	}
	r.check("tables left after drop", left == 0, "0", fmt.Sprint(left))
	r.phase("drop")

	a, err := pgarchive.Open(path)
	if err != nil {
		return err
	}
	defer a.Close()
	if err := r.restore(ctx, a.Reader); err != nil {
		return err
	}
	post, postGo, err := chainStates(ctx, conn)
	if err != nil {
		return err
	}
	r.rep.Post, r.rep.PostGo = post, postGo
	r.phase("verify-server")
	if err := r.tableCounts(ctx, conn, a.Reader); err != nil {
		return err
	}
	r.phase("count-rows")
	off, err := offlineState(a.Reader)
	if err != nil {
		return err
	}
	r.rep.Offline = off
	r.phase("verify-offline")

	r.compareChains(pre, true)
	return nil
}

// compareChains checks the restored and offline chain states against each
// other and, in the synthetic drill, against the source.
func (r *run) compareChains(pre *ChainState, haveSource bool) {
	post, postGo, off := r.rep.Post, r.rep.PostGo, r.rep.Offline
	if haveSource {
		r.check("row count", pre.Rows == post.Rows, fmt.Sprint(pre.Rows), fmt.Sprint(post.Rows))
		r.check("chain head", eq(pre.HeadHash, post.HeadHash), str(pre.HeadHash), str(post.HeadHash))
		r.check("source verifier", pre.FirstBreakID == nil, "clean", breakText(pre))
	}
	r.check("SQL verifier", post.FirstBreakID == nil, "clean", breakText(post))
	r.check("rows walked", post.Walked == post.Rows, fmt.Sprint(post.Rows), fmt.Sprint(post.Walked))
	r.check("head is last row", eq(post.HeadHash, post.LastRowHash), str(post.LastRowHash), str(post.HeadHash))
	r.check("Go verifier", postGo.FirstBreakID == nil && postGo.Rows == post.Rows, "clean rows="+fmt.Sprint(post.Rows), breakText(postGo)+" rows="+fmt.Sprint(postGo.Rows))
	r.check("offline verifier", off.FirstBreakID == nil, "clean", breakText(off))
	r.check("offline rows", off.Rows == post.Rows, fmt.Sprint(off.Rows), fmt.Sprint(post.Rows))
	r.check("offline head", eq(off.HeadHash, post.HeadHash), str(off.HeadHash), str(post.HeadHash))
	r.check("offline last row", eq(off.LastRowHash, post.HeadHash), str(off.LastRowHash), str(post.HeadHash))
}

func eq(a, b *string) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

func str(s *string) string {
	if s == nil {
		return "NULL"
	}
	return *s
}

func breakText(s *ChainState) string {
	if s.FirstBreakID == nil {
		return "clean"
	}
	return fmt.Sprintf("break id=%s pos=%d", *s.FirstBreakID, *s.FirstBreakPos)
}

func dumpTo(ctx context.Context, url, path string, opts dump.Options) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := dump.Run(ctx, url, f, opts); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func (r *run) restore(ctx context.Context, a *pgarchive.Reader) error {
	opts := restore.Options{Jobs: r.cfg.Jobs}
	if r.cfg.Archive != "" && r.srv != nil {
		// An operator's backup names roles the throwaway server lacks.
		opts.NoOwner, opts.NoACL = true, true
	}
	var warn strings.Builder
	opts.Warnings = &warn
	sum, err := restore.Run(ctx, a, r.url, opts)
	r.rep.Restore = sum
	if err != nil {
		var ign *restore.IgnoredErrors
		if !errors.As(err, &ign) {
			return err
		}
	}
	r.check("restore errors", sum.Errors == 0, "0", fmt.Sprint(sum.Errors)+firstLine(warn.String()))
	r.phase("restore")
	return nil
}

func firstLine(s string) string {
	if s == "" {
		return ""
	}
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return " (" + s + ")"
}

// chainStates reads the chain on a server with the SQL verifier and the Go
// one, plus the head row.
func chainStates(ctx context.Context, conn *pgx.Conn) (sql, goState *ChainState, err error) {
	sqlRes, err := chain.VerifySQL(ctx, conn)
	if err != nil {
		return nil, nil, err
	}
	goRes, err := chain.VerifyDB(ctx, conn)
	if err != nil {
		return nil, nil, err
	}
	sql = state(sqlRes)
	goState = state(goRes)
	sql.Walked = sqlRes.RowCount
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM "+chain.EventsTable).Scan(&sql.Rows); err != nil {
		return nil, nil, fmt.Errorf("drill: count: %w", err)
	}
	// The SQL function reports no hashes: take the head and last row from
	// the Go verifier, which read them in the same database.
	sql.HeadHash, sql.LastRowHash = goState.HeadHash, goState.LastRowHash
	return sql, goState, nil
}

func state(res chain.Result) *ChainState {
	s := &ChainState{Rows: res.RowCount, Walked: res.RowCount, LastRowHash: res.LastHash}
	if res.Head != nil {
		s.HeadHash = res.Head.RowHash
	}
	if b := res.FirstBreak; b != nil {
		id, pos := b.ID, b.Pos
		s.FirstBreakID, s.FirstBreakPos = &id, &pos
	}
	return s
}

func offlineState(a *pgarchive.Reader) (*ChainState, error) {
	res, err := chain.VerifyArchive(a, "")
	if err != nil {
		return nil, err
	}
	return state(res.Result), nil
}
