package restore

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/pgdrill/pgdrill/pgarchive"
	"github.com/pgdrill/pgdrill/pgarchive/copytext"
)

const relkindPartitioned = 'p'

// printEntry is pg_restore's _printTocEntry for a direct-to-database
// restore: session settings the entry needs, its definition, its owner.
func (s *session) printEntry(ctx context.Context, it *item) error {
	e, o := it.e, s.r.opts
	if err := s.selectSchema(ctx, e.Namespace.String); err != nil {
		return err
	}
	if err := s.selectTablespace(ctx, e.Tablespace); err != nil {
		return err
	}
	if e.Relkind != relkindPartitioned {
		if err := s.selectTableAM(ctx, e.TableAM); err != nil {
			return err
		}
	}

	var stmts []string
	switch {
	case o.NoOwner && e.Desc == "SCHEMA" && !hasPrefix(e.Defn.String, "--"):
		// Drops the AUTHORIZATION clause old pg_dump versions wrote.
		stmts = []string{"CREATE SCHEMA " + quoteIdent(e.Tag) + ";\n"}
	case e.Desc == "BLOB METADATA":
		stmts = perBlob(e, "SELECT pg_catalog.lo_create('", "')")
	case e.Desc == "ACL" && hasPrefix(e.Tag, "LARGE OBJECTS"):
		var meta *pgarchive.Entry
		if len(e.Dependencies) > 0 {
			if m := s.r.plan.byID[e.Dependencies[0]]; m != nil {
				meta = m.e
			}
		}
		if meta == nil || meta.Desc != "BLOB METADATA" {
			return fmt.Errorf("restore: %v: no BLOB METADATA entry for large-object ACL", e)
		}
		var err error
		if stmts, err = aclPerBlob(e.Defn.String, meta); err != nil {
			return fmt.Errorf("restore: %v: %w", e, err)
		}
	case e.Defn.String != "":
		stmts = []string{e.Defn.String}
	}
	for _, q := range stmts {
		run := s.exec
		if e.Desc == "COMMENT" {
			// One COMMENT ON ... IS literal (StrictTOC made sure): it can
			// run as the owner connection, which may comment on objects
			// the restoring role does not own, such as plpgsql.
			run = s.execPrivileged
		}
		if err := run(ctx, q); err != nil {
			return err
		}
	}

	if !o.NoOwner && e.Owner.String != "" && e.DropStmt.String != "" {
		var stmts []string
		if e.Desc == "BLOB METADATA" {
			stmts = perBlob(e, "ALTER LARGE OBJECT ", " OWNER TO "+quoteIdent(e.Owner.String))
		} else {
			obj, ok := ownerObject(e)
			if !ok {
				return fmt.Errorf("restore: %v: don't know how to set owner for object type %q", e, e.Desc)
			}
			if obj != "" {
				stmts = []string{"ALTER " + obj + " OWNER TO " + quoteIdent(e.Owner.String) + ";\n"}
			}
		}
		for _, q := range stmts {
			if err := s.execPrivileged(ctx, q); err != nil {
				return err
			}
		}
	}

	if e.Relkind == relkindPartitioned && e.TableAM.Valid {
		q := "ALTER TABLE " + qualified(e.Namespace, e.Tag) + " SET ACCESS METHOD " + quoteIdent(e.TableAM.String) + ";"
		if err := s.exec(ctx, q); err != nil {
			return err
		}
	}
	if isACL(e) {
		// ACL text may change the session user.
		s.authDefault = false
	}
	return nil
}

func hasPrefix(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }

// restoreEntry is pg_restore's restore_toc_entry. It reports whether it
// created a TABLE (so its data may be loaded after a TRUNCATE in parallel
// mode). A returned error stops the restore.
func (s *session) restoreEntry(ctx context.Context, it *item, parallel bool) (created bool, err error) {
	e, o := it.e, s.r.opts
	s.cur, s.failed = it, false
	defer func() { s.cur = nil }()
	if it.reqs&(reqSchema|reqData) == 0 {
		return false, nil
	}
	defnDone := false
	if it.reqs&reqSchema != 0 {
		if e.Namespace.Valid {
			o.logf("creating %s \"%s.%s\"", e.Desc, e.Namespace.String, e.Tag)
		} else {
			o.logf("creating %s \"%s\"", e.Desc, e.Tag)
		}
		if err := s.printEntry(ctx, it); err != nil {
			return false, err
		}
		defnDone = true
		created = e.Desc == "TABLE" && !s.failed
	}
	if it.reqs&reqData != 0 {
		switch {
		case e.HadDumper && e.Desc == "BLOBS":
			if err := s.printEntry(ctx, it); err != nil {
				return created, err
			}
			o.logf("processing %s", e.Desc)
			if err := s.selectSchema(ctx, "pg_catalog"); err != nil {
				return created, err
			}
			err = s.restoreBlobs(ctx, it)
		case e.HadDumper:
			if err := s.printEntry(ctx, it); err != nil {
				return created, err
			}
			err = s.restoreTableData(ctx, it, parallel)
		case !defnDone:
			o.logf("executing %s %s", e.Desc, e.Tag)
			err = s.printEntry(ctx, it)
		}
	}
	return created, err
}

// restoreTableData loads one TABLE DATA block: COPY streamed from the
// archive, or the INSERT statements of an --inserts dump.
func (s *session) restoreTableData(ctx context.Context, it *item, parallel bool) error {
	e, o, p := it.e, s.r.opts, s.r.plan
	trig := p.dataOnly && o.DisableTriggers
	if trig {
		o.logf("disabling triggers for %s", e.Tag)
		if err := s.becomeDefaultUser(ctx); err != nil {
			return err
		}
		if err := s.exec(ctx, "ALTER TABLE "+qualified(e.Namespace, e.Tag)+" DISABLE TRIGGER ALL;\n\n"); err != nil {
			return err
		}
	}
	if err := s.selectSchema(ctx, e.Namespace.String); err != nil {
		return err
	}
	o.logf("processing data for table \"%s.%s\"", e.Namespace.String, e.Tag)

	// A table this run created is empty; TRUNCATE in the COPY's transaction
	// lets the server skip WAL for it under wal_level=minimal.
	truncate := parallel && it.created && !isLoadViaPartitionRoot(e)
	if truncate {
		if err := s.exec(ctx, "BEGIN"); err != nil {
			return err
		}
		if err := s.exec(ctx, "TRUNCATE TABLE ONLY "+qualified(e.Namespace, e.Tag)+";\n\n"); err != nil {
			return err
		}
	}

	blk, err := s.r.blocks.open(e)
	if err != nil {
		return err
	}
	defer blk.Close()
	src := &countingReader{r: blk, progress: o.Progress}
	if e.CopyStmt.String != "" {
		tag, cerr := s.conn.CopyFrom(ctx, src, e.CopyStmt.String)
		// On a broken connection CopyFrom returns while its goroutine may
		// still be inside src.Read: detach makes its later reads fail, and
		// blk.Close leaves the buffers to that Read to give back.
		n, rerr := src.detach()
		if rerr != nil {
			return fmt.Errorf("restore: %v: reading archive: %w", e, rerr)
		}
		if cerr != nil {
			if err := s.check(ctx, e.CopyStmt.String, cerr); err != nil {
				return err
			}
		} else {
			s.copiedRows(ctx, e, tag.RowsAffected(), src.archiveRows(), n)
		}
	} else {
		if err := s.execInserts(ctx, e, src); err != nil {
			return err
		}
		n, rerr := src.detach()
		if rerr != nil {
			return fmt.Errorf("restore: %v: reading archive: %w", e, rerr)
		}
		s.r.copied(e, -1, n)
	}

	if truncate {
		if err := s.exec(ctx, "COMMIT"); err != nil {
			return err
		}
	}
	if trig {
		o.logf("enabling triggers for %s", e.Tag)
		if err := s.becomeDefaultUser(ctx); err != nil {
			return err
		}
		if err := s.exec(ctx, "ALTER TABLE "+qualified(e.Namespace, e.Tag)+" ENABLE TRIGGER ALL;\n\n"); err != nil {
			return err
		}
	}
	return nil
}

// execInserts runs an --inserts data block statement by statement, split
// at top-level semicolons as pg_restore's ExecuteSimpleCommands does: it
// knows '...' and "..." (and backslashes in '...' when
// standard_conforming_strings is off) but not comments, escape-string
// literals or dollar quotes.
//
// With StrictTOC each statement must be an INSERT into the entry's table.
func (s *session) execInserts(ctx context.Context, e *pgarchive.Entry, src io.Reader) error {
	const (
		scan = iota
		inSingle
		inDouble
	)
	state, backslash := scan, false
	var cmd []byte
	buf := make([]byte, 64<<10)
	for {
		n, rerr := src.Read(buf)
		for _, c := range buf[:n] {
			if !(c == '\n' && len(cmd) == 0) {
				cmd = append(cmd, c)
			}
			switch state {
			case scan:
				switch c {
				case ';':
					if s.r.opts.StrictTOC && !isInsert(string(cmd)) {
						return &TOCError{Problems: []TOCProblem{{Entry: e, Field: "data", Text: shorten(string(cmd)),
							Why: "INSERT-mode data holds only INSERT INTO " + e.Name()}}}
					}
					if err := s.exec(ctx, string(cmd)); err != nil {
						return err
					}
					cmd = cmd[:0]
				case '\'':
					state, backslash = inSingle, false
				case '"':
					state = inDouble
				}
			case inSingle:
				switch {
				case c == '\'' && !backslash:
					state = scan
				case c == '\\' && !s.r.plan.stdStrings:
					backslash = !backslash
				default:
					backslash = false
				}
			case inDouble:
				if c == '"' {
					state = scan
				}
			}
		}
		if rerr == io.EOF {
			return nil
		}
		if rerr != nil {
			return nil // the caller reports the archive error
		}
	}
}

// loBufSize is how many bytes of a large object go into one lowrite call.
const loBufSize = 256 << 10

// restoreBlobs writes the large objects of a BLOBS block into objects that
// the BLOB / BLOB METADATA entries created, inside a transaction as
// pg_restore does (its own, unless the whole restore is one).
func (s *session) restoreBlobs(ctx context.Context, it *item) error {
	o := s.r.opts
	blk, err := s.r.blocks.open(it.e)
	if err != nil {
		return err
	}
	defer blk.Close()
	if !o.SingleTransaction {
		if err := s.exec(ctx, "BEGIN"); err != nil {
			return err
		}
	}
	buf := make([]byte, loBufSize)
	count := 0
	for {
		oid, err := blk.NextBlob()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("restore: %v: %w", it.e, err)
		}
		count++
		o.logf("restoring large object with OID %d", oid)
		oidText := []byte(strconv.FormatUint(uint64(oid), 10))
		res := s.conn.ExecParams(ctx, "SELECT pg_catalog.lo_open($1, 131072)",
			[][]byte{oidText}, []uint32{26}, nil, nil).Read()
		if res.Err != nil {
			return fmt.Errorf("restore: %v: could not open large object %d: %w", it.e, oid, res.Err)
		}
		if len(res.Rows) != 1 || len(res.Rows[0]) != 1 {
			return fmt.Errorf("restore: %v: could not open large object %d: lo_open returned %d rows", it.e, oid, len(res.Rows))
		}
		fd := res.Rows[0][0]
		for {
			n, rerr := io.ReadFull(blk, buf)
			if n > 0 {
				_, werr := s.conn.ExecParams(ctx, "SELECT pg_catalog.lowrite($1, $2)",
					[][]byte{fd, buf[:n]}, []uint32{23, 17}, []int16{0, 1}, nil).Close()
				if err := s.check(ctx, "lowrite", werr); err != nil {
					return err
				}
				s.r.copied(nil, 0, int64(n))
				if o.Progress != nil {
					o.Progress.BytesCopied(int64(n))
				}
			}
			if rerr == io.EOF || rerr == io.ErrUnexpectedEOF {
				break
			}
			if rerr != nil {
				return fmt.Errorf("restore: %v: large object %d: %w", it.e, oid, rerr)
			}
		}
		_, cerr := s.conn.ExecParams(ctx, "SELECT pg_catalog.lo_close($1)",
			[][]byte{fd}, []uint32{23}, nil, nil).Close()
		if err := s.check(ctx, "lo_close", cerr); err != nil {
			return err
		}
	}
	s.r.blobs(count)
	o.logf("restored %d large objects", count)
	if !o.SingleTransaction {
		return s.exec(ctx, "COMMIT")
	}
	return nil
}

// countingReader counts the bytes read and keeps the source's error apart
// from the server's, since pgconn reports both as one. It is read on
// CopyFrom's goroutine, so its state is shared with the restore's.
type countingReader struct {
	r        io.Reader
	progress Progress

	mu       sync.Mutex
	n        int64
	err      error
	detached bool
	rows     rowCounter
}

// errDetached is what a countingReader's Read gives after detach.
var errDetached = errors.New("restore: archive reader detached after COPY ended")

func (c *countingReader) Read(p []byte) (int, error) {
	c.mu.Lock()
	detached := c.detached
	c.mu.Unlock()
	if detached {
		return 0, errDetached
	}
	n, err := c.r.Read(p)
	if n > 0 && c.progress != nil {
		c.progress.BytesCopied(int64(n))
	}
	c.mu.Lock()
	c.n += int64(n)
	c.rows.scan(p[:n])
	if err != nil && err != io.EOF && c.err == nil {
		c.err = err
	}
	c.mu.Unlock()
	return n, err
}

// detach ends the reading: it returns the bytes read and the source's
// error so far, and later Reads fail without touching the source. A Read
// still running on another goroutine finishes on its own.
func (c *countingReader) detach() (int64, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.detached = true
	return c.n, c.err
}

// archiveRows is how many COPY rows the archive's data held (read so far).
func (c *countingReader) archiveRows() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.rows.rows
}

// rowCounter counts the rows of COPY text as it streams by: lines, up to
// the "\." line that ends the data (pg_dump follows it with blank lines,
// which the server never reads). Fields escape their newlines, so a line
// is a row.
type rowCounter struct {
	rows  int64
	state int // where the current line stands, see scan
}

const (
	lineStart     = iota // at the start of a line
	lineBackslash        // the line so far is "\"
	lineEndMark          // the line so far is "\."
	lineMid              // inside a row
	dataEnd              // past the "\." line
)

func (rc *rowCounter) scan(p []byte) {
	for len(p) > 0 && rc.state != dataEnd {
		if rc.state == lineMid {
			i := bytes.IndexByte(p, '\n')
			if i < 0 {
				return
			}
			rc.rows++
			rc.state = lineStart
			p = p[i+1:]
			continue
		}
		b := p[0]
		p = p[1:]
		switch {
		case b == '\n' && rc.state == lineEndMark:
			rc.state = dataEnd
		case b == '\n':
			rc.rows++
			rc.state = lineStart
		case b == '\\' && rc.state == lineStart:
			rc.state = lineBackslash
		case b == '.' && rc.state == lineBackslash:
			rc.state = lineEndMark
		default:
			rc.state = lineMid
		}
	}
}

// copiedRows records a COPY's outcome: the rows the server's command tag
// reports, never the archive's count, which is kept beside it. A COPY that
// loaded another number of rows than the archive holds (a trigger that
// dropped rows, a statement that stops early), or into another table than
// the entry's (other than an ancestor it is loaded through), is reported
// as a mismatch: the counts are facts about the server, and the difference
// is said out loud.
func (s *session) copiedRows(ctx context.Context, e *pgarchive.Entry, rows, archiveRows, n int64) {
	var why []string
	if rows != archiveRows {
		why = append(why, fmt.Sprintf("the server loaded %d rows, the archive holds %d", rows, archiveRows))
	}
	target := ""
	if table, _, err := copytext.ParseCopyStmt(e.CopyStmt.String); err != nil {
		why = append(why, fmt.Sprintf("COPY statement not as pg_dump writes it: %v", err))
	} else if isLoadViaPartitionRoot(e) {
		target = table
		if !s.isAncestor(ctx, table, qualified(e.Namespace, e.Tag)) {
			why = append(why, fmt.Sprintf("the COPY statement loads %s, which is not %s nor a partitioned table it belongs to", table, qualified(e.Namespace, e.Tag)))
		}
	}
	mismatch := strings.Join(why, "; ")
	if mismatch != "" {
		s.r.opts.warnf("warning: restore: %v: %s", e, mismatch)
	}
	s.r.copiedTable(TableRows{DumpID: e.DumpID, Name: e.Name(), Rows: rows, ArchiveRows: archiveRows,
		Bytes: n, CopyTarget: target, Mismatch: mismatch})
}

// isAncestor asks the server whether table is an ancestor of rel in a
// partition tree, as a COPY loading through the partition root names it.
func (s *session) isAncestor(ctx context.Context, table, rel string) bool {
	res := s.conn.ExecParams(ctx, `SELECT pg_catalog.to_regclass($1) IN (SELECT relid FROM pg_catalog.pg_partition_ancestors(pg_catalog.to_regclass($2)))`,
		[][]byte{[]byte(table), []byte(rel)}, nil, nil, nil).Read()
	return res.Err == nil && len(res.Rows) == 1 && string(res.Rows[0][0]) == "t"
}
