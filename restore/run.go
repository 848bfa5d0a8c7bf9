package restore

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/pgdrill/pgdrill/pgarchive"
)

// Summary is what a restore did.
type Summary struct {
	Entries      int         `json:"entries"`       // entries restored (each counted once)
	Tables       []TableRows `json:"tables"`        // table data loaded, in archive order
	Bytes        int64       `json:"data_bytes"`    // decompressed table and large-object bytes sent
	LargeObjects int         `json:"large_objects"` // large objects written
	Errors       int         `json:"errors"`        // statements that failed and were passed over
	Mismatches   int         `json:"mismatches"`    // tables whose load differs from the archive (TableRows.Mismatch)
	Seconds      float64     `json:"seconds"`
}

// TableRows is the outcome of one TABLE DATA entry.
type TableRows struct {
	DumpID int    `json:"dump_id"`
	Name   string `json:"name"` // namespace.tag
	// Rows is what the server's COPY command tag reports it loaded; -1 for
	// INSERT-mode data.
	Rows int64 `json:"rows"`
	// ArchiveRows is how many rows the archive's COPY data holds; -1 for
	// INSERT-mode data.
	ArchiveRows int64 `json:"archive_rows"`
	Bytes       int64 `json:"data_bytes"`
	// CopyTarget is the table the COPY statement loads when it is not the
	// entry's own (a partition loaded through its root).
	CopyTarget string `json:"copy_target,omitempty"`
	// Mismatch, when not empty, says how the load differs from the archive:
	// other row counts, or a COPY into a table that is not the entry's.
	Mismatch string `json:"mismatch,omitempty"`
}

// blockSource opens an entry's data block.
type blockSource interface {
	open(e *pgarchive.Entry) (*pgarchive.Block, error)
}

type readerBlocks struct{ r *pgarchive.Reader }

// dataSize is the stored size of e's data file in a tar or directory
// archive, -1 in a custom one.
func (b readerBlocks) dataSize(e *pgarchive.Entry) int64 { return b.r.DataSize(e) }

func (b readerBlocks) open(e *pgarchive.Entry) (*pgarchive.Block, error) {
	blk, err := b.r.Open(e)
	if err != nil {
		return nil, fmt.Errorf("restore: %w", err)
	}
	return blk, nil
}

// streamBlocks finds blocks in a one-pass stream. Like pg_restore reading a
// pipe, it cannot go back to a block it has passed.
type streamBlocks struct {
	s      *pgarchive.Stream
	passed map[int]bool
}

func (b *streamBlocks) open(e *pgarchive.Entry) (*pgarchive.Block, error) {
	if b.passed[e.DumpID] {
		return nil, fmt.Errorf("restore: could not find block ID %d in archive -- possibly due to out-of-order restore request, which cannot be handled due to non-seekable input file", e.DumpID)
	}
	for {
		blk, err := b.s.Next()
		if err == io.EOF {
			return nil, fmt.Errorf("restore: could not find block ID %d in archive", e.DumpID)
		}
		if err != nil {
			return nil, fmt.Errorf("restore: %w", err)
		}
		if blk.Entry.DumpID == e.DumpID {
			return blk, nil
		}
		b.passed[blk.Entry.DumpID] = true
	}
}

// runner is one restore in progress.
type runner struct {
	opts   *Options
	plan   *plan
	cfg    *pgconn.Config
	blocks blockSource

	ownerMu   sync.Mutex
	ownerConn *pgconn.PgConn // Options.OwnerConn's connection, opened on first use

	mu   sync.Mutex
	errs []*EntryError
	sum  Summary
}

func (r *runner) copied(e *pgarchive.Entry, rows, n int64) {
	if e == nil {
		r.mu.Lock()
		r.sum.Bytes += n
		r.mu.Unlock()
		return
	}
	r.copiedTable(TableRows{DumpID: e.DumpID, Name: e.Name(), Rows: rows, ArchiveRows: rows, Bytes: n})
}

func (r *runner) copiedTable(t TableRows) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sum.Bytes += t.Bytes
	r.sum.Tables = append(r.sum.Tables, t)
	if t.Mismatch != "" {
		r.sum.Mismatches++
	}
}

func (r *runner) blobs(n int) {
	r.mu.Lock()
	r.sum.LargeObjects += n
	r.mu.Unlock()
}

func (r *runner) entryDone(it *item) {
	if it.reqs&(reqSchema|reqData) == 0 {
		return
	}
	r.mu.Lock()
	r.sum.Entries++
	r.mu.Unlock()
	if r.opts.Progress != nil {
		r.opts.Progress.EntryDone()
	}
}

// Run restores the archive read by a into the database connString names
// (a URL or a libpq key=value string; PG* environment variables apply).
//
// Statements the server rejects are passed over and counted, and Run then
// returns the Summary with an *IgnoredErrors error; with ExitOnError or
// SingleTransaction the first one ends the restore with an *EntryError.
func Run(ctx context.Context, a *pgarchive.Reader, connString string, opts Options) (Summary, error) {
	return run(ctx, a.Entries, readerBlocks{a}, a.Size(), connString, opts)
}

// RunStream is Run for an archive read in one pass from a pipe or standard
// input. As with pg_restore, parallel restore is not possible, and a -L list
// must not ask for data blocks out of file order.
func RunStream(ctx context.Context, s *pgarchive.Stream, connString string, opts Options) (Summary, error) {
	if opts.Jobs > 1 {
		return Summary{}, errors.New("restore: parallel restore from standard input is not supported")
	}
	return run(ctx, s.Entries, &streamBlocks{s: s, passed: map[int]bool{}}, 0, connString, opts)
}

func run(ctx context.Context, entries []*pgarchive.Entry, blocks blockSource, size int64, connString string, opts Options) (Summary, error) {
	start := time.Now()
	if err := opts.Validate(); err != nil {
		return Summary{}, err
	}
	cfg, err := pgconn.ParseConfig(connString)
	if err != nil {
		return Summary{}, fmt.Errorf("restore: %w", err)
	}
	if opts.StrictTOC {
		if err := CheckTOC(entries); err != nil {
			return Summary{}, err
		}
	}
	p, err := newPlan(entries, &opts)
	if err != nil {
		return Summary{}, err
	}
	r := &runner{opts: &opts, plan: p, cfg: cfg, blocks: blocks}
	err = r.restore(ctx, size)
	r.closeOwner()
	r.sum.Errors = len(r.errs)
	r.sum.Seconds = time.Since(start).Seconds()
	pos := make(map[int]int, len(p.items))
	for i, it := range p.items {
		pos[it.e.DumpID] = i
	}
	// Parallel workers finish in any order; report tables in plan order.
	sort.SliceStable(r.sum.Tables, func(i, j int) bool {
		return pos[r.sum.Tables[i].DumpID] < pos[r.sum.Tables[j].DumpID]
	})
	if err == nil && len(r.errs) > 0 {
		err = &IgnoredErrors{Errors: r.errs}
	}
	return r.sum, err
}

// restore is pg_restore's RestoreArchive for a database target.
func (r *runner) restore(ctx context.Context, size int64) error {
	o := r.opts
	o.logf("connecting to database for restore")
	s, err := r.connect(ctx, o.SingleTransaction)
	if err != nil {
		return err
	}
	defer func() { s.close(context.Background()) }()

	if o.Clean {
		if err := s.drop(ctx); err != nil {
			return err
		}
	}

	if o.Jobs > 1 {
		r.plan.dataLengths(size)
		if rb, ok := r.blocks.(readerBlocks); ok {
			r.plan.fileLengths(rb.dataSize)
		}
		return r.parallel(ctx, &s)
	}
	for _, ps := range []pass{passMain, passACL, passPostACL} {
		for _, it := range r.plan.items {
			if it.reqs&(reqSchema|reqData) == 0 || it.pass != ps {
				continue
			}
			created, err := s.restoreEntry(ctx, it, false)
			if err != nil {
				return err
			}
			if created {
				r.markCreated(it)
			}
			r.entryDone(it)
		}
	}
	if o.SingleTransaction {
		return s.exec(ctx, "COMMIT")
	}
	return nil
}

func (r *runner) markCreated(table *item) {
	if td := r.plan.tableData[table.e.DumpID]; td != nil {
		td.created = true
	}
}

// drop is -c: each selected entry's DROP, in reverse order.
func (s *session) drop(ctx context.Context) error {
	o, items := s.r.opts, s.r.plan.items
	for i := len(items) - 1; i >= 0; i-- {
		it := items[i]
		e := it.e
		if it.reqs&(reqSchema|reqData) == 0 || !e.DropStmt.Valid {
			continue
		}
		s.cur, s.failed = it, false
		o.logf("dropping %s %s", e.Desc, e.Tag)
		if err := s.selectSchema(ctx, e.Namespace.String); err != nil {
			return err
		}
		var stmts []string
		switch {
		case e.Desc == "BLOB METADATA" && o.IfExists:
			stmts = perBlob(e, "SELECT pg_catalog.lo_unlink(oid) FROM pg_catalog.pg_largeobject_metadata WHERE oid = '", "'")
		case e.Desc == "BLOB METADATA":
			stmts = perBlob(e, "SELECT pg_catalog.lo_unlink('", "')")
		case e.DropStmt.String == "":
		case !o.IfExists:
			stmts = []string{e.DropStmt.String}
		default:
			q, err := dropIfExists(e)
			if err != nil {
				o.warnf("warning: %v", err)
			}
			stmts = []string{q}
		}
		for _, q := range stmts {
			if err := s.exec(ctx, q); err != nil {
				return err
			}
		}
	}
	s.cur = nil
	// The drops may have removed the schema search_path names.
	s.schemaSet = false
	return nil
}
