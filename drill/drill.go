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
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/pgdrill/pgdrill/chain"
	"github.com/pgdrill/pgdrill/dump"
	"github.com/pgdrill/pgdrill/internal/content"
	"github.com/pgdrill/pgdrill/internal/embedded"
	"github.com/pgdrill/pgdrill/pgarchive"
	"github.com/pgdrill/pgdrill/restore"
	"github.com/pgdrill/pgdrill/workload"
)

// ErrNotEmpty means the database given with -d holds something the drill
// would destroy or trip over: user tables outside schema public (always
// refused), or objects in schema public (dropped only with --force).
var ErrNotEmpty = errors.New("drill: the database is not empty")

// Config says which drill to run and where.
type Config struct {
	// Workload for the synthetic drill.
	Rows int
	Seed uint64
	Edge bool

	// Archive, if set, selects the archive drill on this file.
	Archive string
	// Roles, for the archive drill, is a `pg_dumpall --roles-only` script
	// run before the restore; roles it lacks are stubbed (roles.go).
	Roles string

	// Migrations, if set, selects the migrations drill on this directory
	// of *.sql files; Workloads are scripts run after them, in order
	// (migrations.go).
	Migrations string
	Workloads  []string
	// MigrationsFS, if set instead of Migrations, holds the migrations at
	// its root: an embed.FS or os.DirFS of a service's migrations
	// directory, so a Go test drills the schema it ships.
	MigrationsFS fs.FS
	// TrustArchive restores the archive as the server's superuser, as
	// pg_restore would, without checking its entries (untrusted.go);
	// AllowExtensions are extensions the server does not trust that an
	// untrusted archive may still have created.
	TrustArchive    bool
	AllowExtensions []string
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

	// Checks are SQL queries, each returning one boolean, run on the
	// restored database; false, NULL or an error fails the drill.
	Checks []string
	// MaxRestoreSeconds, if positive, fails the drill when the restore
	// phase takes longer (an RTO check).
	MaxRestoreSeconds float64
	// ArchiveModified is when the archive was written (a file's
	// modification time, an object's Last-Modified); zero if unknown.
	ArchiveModified time.Time
	// MaxArchiveAge, if positive, fails the drill, blaming the archive,
	// when ArchiveModified is older: a nightly drill of the newest backup
	// must notice that backups stopped arriving (an RPO check).
	MaxArchiveAge time.Duration

	// afterRestore, if set, runs on the restored database before the
	// checks: tests use it to make the restore lose or change data.
	afterRestore func(ctx context.Context, url string) error

	// BinDir is the PostgreSQL server bin directory of the throwaway
	// server; "" means $PGDRILL_PG_BINDIR, then the installed servers, then
	// a download. DownloadProgress, if not nil, is called during such a
	// download with the bytes received and the total (0 if unknown).
	BinDir           string
	DownloadProgress func(done, total int64)
	// Version, if not 0 and BinDir is empty, selects the installed server
	// of this major version.
	Version int

	// GoChecks run on the restored database after the SQL Checks; an
	// error fails the drill and is reported under the check's name.
	GoChecks []GoCheck

	// Log, if not nil, receives one line per phase as it ends.
	Log io.Writer
}

// migrations reports whether the configuration selects the migrations drill.
func (c *Config) migrations() bool { return c.Migrations != "" || c.MigrationsFS != nil }

// GoCheck is a user's check written in Go: Func gets a connection to the
// restored database and returns an error when the restore is not right.
type GoCheck struct {
	Name string
	Func func(ctx context.Context, conn *pgx.Conn) error
}

// Phase is one timed step of a drill.
type Phase struct {
	Name    string  `json:"name"`
	Seconds float64 `json:"seconds"`
}

// Culprits: what a failed check blames, so that an operator knows whether
// to distrust the backup or the restore.
const (
	// CulpritArchive blames the backup itself: it cannot be read, is
	// truncated, or its chain is already broken inside it.
	CulpritArchive = "archive"
	// CulpritRestore blames the restore: the restored database differs from
	// the archive (rows, content, a chain broken only after restore) or the
	// restore took longer than allowed.
	CulpritRestore = "restore"
	// CulpritSource blames the source database of the synthetic drill: its
	// chain was broken before the dump.
	CulpritSource = "source"
)

// Check is one comparison the drill made. Pre is what was expected (from
// the source or the archive), Post what was found; Culprit names what a
// failure blames (one of the Culprit constants).
type Check struct {
	What    string `json:"what"`
	OK      bool   `json:"ok"`
	Pre     string `json:"pre"`
	Post    string `json:"post"`
	Culprit string `json:"culprit"`
}

// ChainState is what one verifier saw of the chain at one point. The
// fields carry audit_events_verify_chain()'s convention: FirstBreakID nil
// and FirstBreakPos -1 when clean; on a break, the 0-based position of the
// first row that does not verify, and Walked = FirstBreakPos+1, the rows
// the function walked before it stopped. RowCount is the table's rows.
type ChainState struct {
	// Verifier is "sql" (the database's audit_events_verify_chain()),
	// "go-server" (chain.VerifyDB) or "go-offline" (chain.VerifyArchive).
	Verifier      string  `json:"verifier"`
	FirstBreakID  *string `json:"first_break_id"`
	FirstBreakPos int64   `json:"first_break_pos"`
	// BreakReason is "prev_hash" or "row_hash" (Go verifiers only).
	BreakReason string  `json:"break_reason,omitempty"`
	Walked      int64   `json:"verifier_walked"`
	RowCount    int64   `json:"row_count"`
	HeadHash    *string `json:"chain_head_hash"`
	LastRowHash *string `json:"last_row_hash"`

	headRead bool // the verifier read audit_chain_head
}

// TableCount compares one table's rows in the archive and after restore.
type TableCount struct {
	Table    string `json:"table"`
	Archive  int64  `json:"archive_rows"`
	Restored int64  `json:"restored_rows"`
}

// Report is a drill's outcome.
type Report struct {
	Mode string `json:"mode"` // "synthetic" or "archive"
	OK   bool   `json:"ok"`
	// Culprit is the failed check's culprit that the FAIL line names
	// (empty on PASS); Failed is that check.
	Culprit string `json:"culprit,omitempty"`
	Failed  *Check `json:"failed,omitempty"`
	Rows    int64  `json:"rows"` // chain rows, or every table's rows for an archive without a chain
	Archive string `json:"archive,omitempty"`
	// ArchiveModified is when the archive was written, when known.
	ArchiveModified *time.Time   `json:"archive_modified,omitempty"`
	Checks          []Check      `json:"checks"`
	Tables          []TableCount `json:"tables"`
	// Content is the content check: every table's rows, sequence and
	// large object against the archive.
	Content *content.Report `json:"content,omitempty"`
	Phases  []Phase         `json:"phases"`

	// Roles says which roles an archive named and which were stubbed.
	Roles *RolesReport `json:"roles,omitempty"`
	// Trust says how the restore guarded against the archive: the TOC
	// check and the role it restored as.
	Trust *TrustReport `json:"trust,omitempty"`
	// Migrations lists the scripts the migrations drill applied.
	Migrations *MigrationsReport `json:"migrations,omitempty"`

	// SQLFunction says which audit_events_verify_chain() the restored
	// database held and the drill ran; nil if it held none.
	SQLFunction *chain.SQLFunction `json:"sql_function,omitempty"`

	Before  *ChainState `json:"before,omitempty"`   // the source chain, SQL verifier (synthetic drill)
	After   *ChainState `json:"after,omitempty"`    // the restored chain, SQL verifier
	AfterGo *ChainState `json:"after_go,omitempty"` // the restored chain, Go verifier on the server
	Offline *ChainState `json:"offline,omitempty"`  // the archive, offline Go verifier

	Restore restore.Summary `json:"restore"`
	// RestoreSeconds is the restore phase's time (the RTO measure that
	// --max-restore-seconds checks).
	RestoreSeconds float64 `json:"restore_seconds"`
	Seconds        float64 `json:"seconds"`
	// PeakRSS is pgdrill's own peak resident memory in bytes (Linux; 0
	// elsewhere). Unlike a wait4-based measure it leaves out the embedded
	// server, a child process whose shared buffers would otherwise count.
	PeakRSS int64 `json:"peak_rss_bytes"`
}

// Line is the one-line verdict: "PASS rows=24 chain_head=1a2b3c4d… verifier=clean"
// or "FAIL <culprit>: <what> pre=… post=…".
func (r *Report) Line() string {
	if !r.OK {
		if c := r.Failed; c != nil {
			return fmt.Sprintf("FAIL %s: %s pre=%s post=%s", c.Culprit, c.What, c.Pre, c.Post)
		}
		return "FAIL"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "PASS rows=%d", r.Rows)
	switch {
	case r.After != nil:
		fmt.Fprintf(&b, " chain_head=%s verifier=clean", short(r.After.HeadHash))
	case r.AfterGo != nil:
		// no SQL function in the database: the Go verifiers vouch alone
		fmt.Fprintf(&b, " chain_head=%s verifier=clean(go)", short(r.AfterGo.HeadHash))
	}
	if r.Mode == "archive" {
		fmt.Fprintf(&b, " tables=%d", len(r.Tables))
	}
	fmt.Fprintf(&b, " restore=%.1fs", r.RestoreSeconds)
	return b.String()
}

// judge sets OK, Failed and Culprit from the checks. A check blaming the
// archive wins over the others: a broken backup makes the restored copy
// differ too, and the operator must hear that the backup is broken.
func (r *Report) judge() {
	r.OK, r.Failed, r.Culprit = true, nil, ""
	for i := range r.Checks {
		c := &r.Checks[i]
		if c.OK {
			continue
		}
		r.OK = false
		if r.Failed == nil || (c.Culprit == CulpritArchive && r.Failed.Culprit != CulpritArchive) {
			r.Failed = c
		}
	}
	if r.Failed != nil {
		r.Culprit = r.Failed.Culprit
	}
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
	closer []func() error // run in reverse order when the drill ends
	found  *dbState       // what the database held before the drill
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

// check records one comparison; culprit is what a failure blames.
func (r *run) check(culprit, what string, ok bool, pre, post string) {
	r.rep.Checks = append(r.rep.Checks, Check{What: what, OK: ok, Pre: pre, Post: post, Culprit: culprit})
}

// Run runs the drill cfg describes. An error means the drill could not run
// (bad configuration, no server, a database it may not use); a drill that
// ran and found a difference, or found the archive unreadable, returns a
// Report with OK false and the culprit named.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	start := time.Now()
	rep := &Report{Mode: "synthetic"}
	if cfg.Archive != "" {
		rep.Mode = "archive"
	} else if cfg.migrations() {
		rep.Mode = "migrations"
	}
	r := &run{cfg: cfg, rep: rep, last: start}
	var err error
	if cfg.Archive != "" {
		err = r.archiveDrill(ctx)
	} else if cfg.migrations() {
		err = r.migrationsDrill(ctx)
	} else {
		err = r.syntheticDrill(ctx)
	}
	// Leave a -d database as it was found, stop the throwaway server and
	// remove temporary files, whatever happened.
	var cleanErr error
	for i := len(r.closer) - 1; i >= 0; i-- {
		cleanErr = errors.Join(cleanErr, r.closer[i]())
	}
	if cleanErr != nil {
		return rep, errors.Join(err, cleanErr)
	}
	var ae *pgarchive.Error
	var te *restore.TOCError
	var refused *refusedError
	switch {
	case err == nil:
	case errors.As(err, &ae):
		// The archive could not be read to the end: the backup is broken,
		// whatever the checks so far said.
		r.check(CulpritArchive, "archive readable", false, "readable", err.Error())
	case errors.As(err, &refused):
		r.check(CulpritArchive, refused.what, false, "restorable without superuser", refused.why)
	case errors.As(err, &te):
		// An entry holds SQL pg_dump does not write for its kind: the
		// archive was edited or crafted, and nothing of it ran.
		r.check(CulpritArchive, "entries as pg_dump writes them", false, "every entry's SQL fits its kind", te.Error())
	default:
		return rep, err
	}
	rep.judge()
	rep.Seconds = time.Since(start).Seconds()
	rep.PeakRSS = peakRSS()
	return rep, nil
}

// Unreadable is the report of an archive drill on an archive that could
// not be opened at all (its header or TOC is damaged): a FAIL blaming the
// archive, as when it breaks off during the restore.
func Unreadable(archive string, err error) *Report {
	rep := &Report{Mode: "archive", Archive: archive, Checks: []Check{}, Tables: []TableCount{}, Phases: []Phase{}}
	rep.Checks = append(rep.Checks, Check{What: "archive readable", Pre: "readable", Post: err.Error(), Culprit: CulpritArchive})
	rep.judge()
	rep.PeakRSS = peakRSS()
	return rep
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
	before, _, _, sqlErr, err := chainStates(ctx, conn)
	if err = errors.Join(err, sqlErr); err != nil {
		return err
	}
	if before == nil {
		return fmt.Errorf("drill: %w after installing the chain", chain.ErrNoSQLFunction)
	}
	r.rep.Before = before
	r.phase("snapshot")

	path, err := r.dumpArchive(ctx)
	if err != nil {
		return err
	}

	if err := r.found.restorePublic(ctx, conn); err != nil {
		return err
	}
	c, err := contents(ctx, conn)
	if err != nil {
		return err
	}
	r.check(CulpritRestore, "objects left after drop", c.tables == 0 && c.inPublic == 0, "0 tables, 0 in public",
		fmt.Sprintf("%d tables, %d in public", c.tables, c.inPublic))
	r.phase("drop")

	a, err := pgarchive.Open(path)
	if err != nil {
		return err
	}
	defer a.Close()
	if err := r.restore(ctx, a.Reader); err != nil {
		return err
	}
	if err := r.serverChain(ctx, conn); err != nil {
		return err
	}
	if err := r.checkContent(ctx, conn, a.Reader); err != nil {
		return err
	}
	off, err := offlineState(a.Reader)
	if err != nil {
		return err
	}
	r.rep.Offline = off
	r.phase("verify-offline")

	r.compareChains()
	return r.userChecks(ctx, conn)
}

// serverChain verifies the restored chain on the server.
func (r *run) serverChain(ctx context.Context, conn *pgx.Conn) error {
	after, afterGo, fn, sqlErr, err := chainStates(ctx, conn)
	if err != nil {
		return err
	}
	r.rep.After, r.rep.AfterGo, r.rep.SQLFunction = after, afterGo, fn
	if sqlErr != nil {
		r.check(CulpritRestore, "SQL verifier", false, "clean", "error: "+sqlErr.Error())
	}
	if r.cfg.Log != nil {
		switch {
		case sqlErr != nil:
			fmt.Fprintf(r.cfg.Log, "drill: SQL verifier failed: %v\n", sqlErr)
		case fn != nil:
			fmt.Fprintf(r.cfg.Log, "drill: SQL verifier %s%s (%s, %s) returned %s\n", fn.Name, fn.Signature, fn.Origin, fn.Convention, fn.Returned)
		default:
			fmt.Fprintf(r.cfg.Log, "drill: the restored database has no audit_events_verify_chain(): Go verifiers only\n")
		}
	}
	r.phase("verify-server")
	return nil
}

// userChecks runs each --check query on the restored database. Each must
// return one boolean; false, NULL or an error fails the drill and names the
// query. A failure blames the restore if another restore check failed, and
// otherwise the archive: the restored copy matches it, so the backup itself
// does not hold what the query expects.
func (r *run) userChecks(ctx context.Context, conn *pgx.Conn) error {
	if len(r.cfg.Checks) == 0 && len(r.cfg.GoChecks) == 0 {
		return nil
	}
	culprit := CulpritArchive
	for _, c := range r.rep.Checks {
		if !c.OK && c.Culprit == CulpritRestore {
			culprit = CulpritRestore
		}
	}
	for _, q := range r.cfg.Checks {
		got := queryBool(ctx, conn, q)
		r.check(culprit, "check "+q, got == "true", "true", got)
	}
	for _, c := range r.cfg.GoChecks {
		got := "ok"
		if err := c.Func(ctx, conn); err != nil {
			got = "error: " + err.Error()
		}
		r.check(culprit, "check "+c.Name, got == "ok", "ok", got)
	}
	r.phase("checks")
	return nil
}

// queryBool runs q and describes its result: "true", "false", "NULL", or
// what was wrong with it.
func queryBool(ctx context.Context, conn *pgx.Conn, q string) string {
	rows, err := conn.Query(ctx, q, pgx.QueryExecModeSimpleProtocol)
	if err != nil {
		return "error: " + err.Error()
	}
	defer rows.Close()
	var vals [][]any
	for rows.Next() {
		v, err := rows.Values()
		if err != nil {
			return "error: " + err.Error()
		}
		vals = append(vals, v)
	}
	if err := rows.Err(); err != nil {
		return "error: " + err.Error()
	}
	if len(vals) != 1 || len(vals[0]) != 1 {
		cols := 0
		if len(vals) > 0 {
			cols = len(vals[0])
		}
		return fmt.Sprintf("error: %d rows of %d columns, want one boolean", len(vals), cols)
	}
	switch v := vals[0][0].(type) {
	case nil:
		return "NULL"
	case bool:
		return fmt.Sprint(v)
	default:
		return fmt.Sprintf("error: a %T, want a boolean", v)
	}
}

// compareChains checks the chain states against each other. Each
// verifier's answer is the triple of audit_events_verify_chain()
// (first_break_id, first_break_pos, verifier_walked); the offline one is
// the archive's own chain, so a break there blames the archive, and a
// restored chain that differs from it blames the restore.
func (r *run) compareChains() {
	before, after, afterGo, off := r.rep.Before, r.rep.After, r.rep.AfterGo, r.rep.Offline
	if before != nil {
		r.check(CulpritSource, "source verifier", before.FirstBreakID == nil, "clean", triple(before))
		r.check(CulpritArchive, "offline chain = source chain", triple(off) == triple(before) && off.RowCount == before.RowCount,
			triple(before)+rowsText(before), triple(off)+rowsText(off))
		r.check(CulpritArchive, "offline head = source head", eq(off.HeadHash, before.HeadHash), str(before.HeadHash), str(off.HeadHash))
	}
	r.check(CulpritArchive, "offline verifier", off.FirstBreakID == nil, "clean", triple(off))
	if off.headRead {
		r.check(CulpritArchive, "offline head is last row", eq(off.HeadHash, off.LastRowHash), str(off.LastRowHash), str(off.HeadHash))
	}
	if after != nil {
		// A break the archive already holds is faithfully restored: blame
		// the archive for it, the restore only for a different answer.
		culprit := CulpritRestore
		if off.FirstBreakID != nil && triple(off) == triple(after) {
			culprit = CulpritArchive
		}
		r.check(culprit, "SQL verifier", after.FirstBreakID == nil, "clean", triple(after))
		r.check(CulpritRestore, "restored chain = archive chain", triple(after) == triple(off) && after.RowCount == off.RowCount,
			triple(off)+rowsText(off), triple(after)+rowsText(after))
	}
	r.check(CulpritRestore, "restored head = archive head", eq(afterGo.HeadHash, off.HeadHash), str(off.HeadHash), str(afterGo.HeadHash))
	r.check(CulpritRestore, "restored last row = archive last row", eq(afterGo.LastRowHash, off.LastRowHash), str(off.LastRowHash), str(afterGo.LastRowHash))
	r.check(CulpritRestore, "Go verifier on the server = offline verifier", triple(afterGo) == triple(off) && afterGo.RowCount == off.RowCount,
		triple(off)+rowsText(off), triple(afterGo)+rowsText(afterGo))
}

func eq(a, b *string) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

func str(s *string) string {
	if s == nil {
		return "NULL"
	}
	return *s
}

// dumpArchive dumps the drill's database to Keep, or to a temporary file
// removed when the drill ends, and returns the archive's path.
func (r *run) dumpArchive(ctx context.Context) (string, error) {
	path := r.cfg.Keep
	if path == "" {
		dir, err := os.MkdirTemp("", "pgdrill-drill-")
		if err != nil {
			return "", err
		}
		r.closer = append(r.closer, func() error { return os.RemoveAll(dir) })
		path = filepath.Join(dir, "drill.dump")
	} else {
		r.rep.Archive = path
	}
	if err := dumpTo(ctx, r.url, path, dump.Options{Compression: r.cfg.Compression, Level: r.cfg.Level}); err != nil {
		return "", err
	}
	r.phase("dump")
	return path, nil
}

// triple is a verifier's answer as audit_events_verify_chain() gives it.
func triple(s *ChainState) string {
	if s.FirstBreakID == nil {
		return fmt.Sprintf("clean walked=%d", s.Walked)
	}
	return fmt.Sprintf("break id=%s pos=%d walked=%d", *s.FirstBreakID, s.FirstBreakPos, s.Walked)
}

func rowsText(s *ChainState) string { return fmt.Sprintf(" rows=%d", s.RowCount) }

func dumpTo(ctx context.Context, url, path string, opts dump.Options) error {
	_, err := dump.RunFile(ctx, url, path, opts)
	return err
}

func (r *run) restore(ctx context.Context, a *pgarchive.Reader) error {
	opts := restore.Options{Jobs: r.cfg.Jobs}
	if err := r.prepareArchive(ctx, a, &opts); err != nil {
		return err
	}
	restoreURL, err := r.restrict(ctx, a, &opts)
	if err != nil {
		return err
	}
	var warn strings.Builder
	opts.Warnings = &warn
	start := time.Now()
	sum, err := restore.Run(ctx, a, restoreURL, opts)
	r.rep.Restore = sum
	r.rep.RestoreSeconds = time.Since(start).Seconds()
	if err != nil {
		var ign *restore.IgnoredErrors
		if !errors.As(err, &ign) {
			return err
		}
		r.judgePrivileges(ign.Errors)
	}
	if r.cfg.afterRestore != nil {
		if err := r.cfg.afterRestore(ctx, r.url); err != nil {
			return err
		}
	}
	r.check(CulpritRestore, "restore errors", sum.Errors == 0, "0", fmt.Sprint(sum.Errors)+firstLine(warn.String()))
	if m := r.cfg.MaxRestoreSeconds; m > 0 {
		r.check(CulpritRestore, "restore time", r.rep.RestoreSeconds <= m,
			fmt.Sprintf("<=%gs", m), fmt.Sprintf("%.3fs", r.rep.RestoreSeconds))
	}
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

// chainStates reads the chain on a server with the database's own SQL
// verifier (nil if it has none) and the Go one, plus the head row. sqlErr
// is the SQL function's failure (it exists but cannot run, e.g. it calls a
// function the restore did not create); err means the chain cannot be
// read at all.
func chainStates(ctx context.Context, conn *pgx.Conn) (sql, goState *ChainState, fn *chain.SQLFunction, sqlErr, err error) {
	goRes, err := chain.VerifyDB(ctx, conn)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	goState = state("go-server", goRes)
	sqlRes, err := chain.VerifySQL(ctx, conn)
	if errors.Is(err, chain.ErrNoSQLFunction) {
		return nil, goState, nil, nil, nil
	}
	if err != nil {
		return nil, goState, sqlRes.Function, err, nil
	}
	sql = state("sql", sqlRes)
	// The SQL function reports no hashes: take the head and last row from
	// the Go verifier, which read them in the same database.
	sql.HeadHash, sql.LastRowHash, sql.headRead = goState.HeadHash, goState.LastRowHash, goState.headRead
	return sql, goState, sqlRes.Function, nil, nil
}

func state(verifier string, res chain.Result) *ChainState {
	id, pos, walked := res.Triple()
	s := &ChainState{Verifier: verifier, FirstBreakID: id, FirstBreakPos: pos, Walked: walked,
		RowCount: res.RowCount, LastRowHash: res.LastHash}
	if res.Head != nil {
		s.HeadHash, s.headRead = res.Head.RowHash, true
	}
	if res.FirstBreak != nil {
		s.BreakReason = res.FirstBreak.Reason
	}
	return s
}

func offlineState(a *pgarchive.Reader) (*ChainState, error) {
	res, err := chain.VerifyArchive(a, "")
	if err != nil {
		return nil, err
	}
	return state("go-offline", res.Result), nil
}
