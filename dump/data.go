package dump

import (
	"fmt"
	"io"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/pgdrill/pgdrill/pgarchive"
)

// copyTerminator is what pg_dump appends to every table's COPY text.
const copyTerminator = "\\.\n\n\n"

// loChunk is how much of a large object is read at a time, as pg_dump's
// lo_read loop does.
const loChunk = 16 << 10

// writeData writes the data block of every entry that has one, in TOC
// order, streaming COPY TO output and large objects through the archive
// writer.
func (d *dumper) writeData(aw *pgarchive.Writer, entries []tocEntry, sum *Summary) error {
	total := 0
	for _, e := range entries {
		if e.e.HadDumper {
			total++
		}
	}
	done := 0
	d.tablesTotal = total
	if d.opts.Progress != nil {
		d.estimateBytes(entries)
	}
	for _, e := range entries {
		if !e.e.HadDumper {
			continue
		}
		var err error
		name := "large objects"
		switch {
		case e.obj.table != nil:
			name = e.obj.table.qual
			err = d.copyTable(aw, e, sum)
			sum.Tables++
		default:
			err = d.copyBlobs(aw, e, sum)
		}
		if err != nil {
			return err
		}
		done++
		d.tablesDone = done
		if d.opts.Progress != nil {
			d.opts.Progress(Progress{Table: name, TablesDone: done, TablesTotal: total, Rows: sum.Rows, Bytes: sum.DataBytes, EstimatedBytes: d.estimated})
		}
	}
	return nil
}

// estimateBytes sums, from the catalog, the on-disk size of the tables
// whose data is dumped: a progress total known before any row is read.
// COPY text is often near the heap's size; the estimate is left at 0 if the
// server cannot say.
func (d *dumper) estimateBytes(entries []tocEntry) {
	var oids []uint32
	for _, e := range entries {
		if e.e.HadDumper && e.obj.table != nil {
			oids = append(oids, e.obj.table.oid)
		}
	}
	_ = d.tx.QueryRow(d.ctx, `SELECT COALESCE(sum(pg_catalog.pg_relation_size(o)), 0)::int8 FROM pg_catalog.unnest($1::pg_catalog.oid[]) o`, oids).Scan(&d.estimated)
}

// countingWriter counts the bytes that pass through it and reports
// progress every progressStep bytes.
type countingWriter struct {
	w        io.Writer
	n        int64
	reported int64
	report   func(n int64) // may be nil
}

// progressStep is how often a long table reports progress.
const progressStep = 4 << 20

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	if c.report != nil && c.n-c.reported >= progressStep {
		c.reported = c.n
		c.report(c.n)
	}
	return n, err
}

func (d *dumper) copyTable(aw *pgarchive.Writer, e tocEntry, sum *Summary) error {
	t := e.obj.table
	bw, err := aw.Data(e.e)
	if err != nil {
		return err
	}
	// Uncompressed blocks get one chunk per row, as pg_dump writes them;
	// compressed ones are compressed on another goroutine, so reading the
	// server's COPY stream and compressing overlap.
	var sink io.WriteCloser = bw
	if d.opts.Compression != pgarchive.CompressionNone {
		sink = newPipe(bw)
	}
	cw := &countingWriter{w: sink}
	if d.opts.Progress != nil {
		base := *sum
		cw.report = func(n int64) {
			d.opts.Progress(Progress{Table: t.qual, TablesDone: d.tablesDone, TablesTotal: d.tablesTotal, Rows: base.Rows, Bytes: base.DataBytes + n, EstimatedBytes: d.estimated})
		}
	}
	stmt := strings.TrimSuffix(e.e.CopyStmt.String, " FROM stdin;\n") + " TO stdout;"
	tag, err := d.conn.PgConn().CopyTo(d.ctx, cw, stmt)
	if err == nil {
		_, err = io.WriteString(cw, copyTerminator)
	}
	if cerr := sink.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("dump: TABLE DATA %s: %w", t.qual, err)
	}
	if sink != io.WriteCloser(bw) {
		if err := bw.Close(); err != nil {
			return err
		}
	}
	sum.Rows += tag.RowsAffected()
	sum.DataBytes += cw.n
	return nil
}

func (d *dumper) copyBlobs(aw *pgarchive.Writer, e tocEntry, sum *Summary) error {
	bw, err := aw.Blobs(e.e)
	if err != nil {
		return err
	}
	los := d.tx.LargeObjects()
	buf := make([]byte, loChunk)
	for _, b := range e.obj.blobs {
		w, err := bw.Create(b.oid)
		if err != nil {
			return err
		}
		lo, err := los.Open(d.ctx, b.oid, pgx.LargeObjectModeRead)
		if err != nil {
			return fmt.Errorf("dump: large object %d: %w", b.oid, err)
		}
		for {
			n, rerr := io.ReadFull(lo, buf)
			if n > 0 {
				if _, err := w.Write(buf[:n]); err != nil {
					lo.Close()
					return err
				}
				sum.DataBytes += int64(n)
			}
			if rerr == io.EOF || rerr == io.ErrUnexpectedEOF {
				break
			}
			if rerr != nil {
				lo.Close()
				return fmt.Errorf("dump: large object %d: %w", b.oid, rerr)
			}
		}
		if err := lo.Close(); err != nil {
			return fmt.Errorf("dump: large object %d: %w", b.oid, err)
		}
		sum.LargeObjects++
	}
	return bw.Close()
}

// pipeSize is how much COPY text is handed to the compressing goroutine at
// a time; pipeDepth how many such batches may wait, which bounds memory.
const (
	pipeSize  = 256 << 10
	pipeDepth = 4
)

// pipe batches writes and passes them to a goroutine that writes them to w,
// so the caller (reading the server's COPY stream) and the compressor run
// at the same time. Close waits for the goroutine and reports its error;
// it does not close w.
type pipe struct {
	w     io.Writer
	cur   []byte
	full  chan []byte
	free  chan []byte
	done  chan error
	err   error
	ended bool
}

func newPipe(w io.Writer) *pipe {
	p := &pipe{w: w, full: make(chan []byte, pipeDepth), free: make(chan []byte, pipeDepth+1), done: make(chan error, 1)}
	for i := 0; i < pipeDepth+1; i++ {
		p.free <- make([]byte, 0, pipeSize)
	}
	p.cur = <-p.free
	go func() {
		var err error
		for b := range p.full {
			if err == nil {
				_, err = w.Write(b)
			}
			p.free <- b[:0]
		}
		p.done <- err
	}()
	return p
}

func (p *pipe) Write(b []byte) (int, error) {
	if p.err != nil {
		return 0, p.err
	}
	n := len(b)
	for len(b) > 0 {
		m := min(len(b), pipeSize-len(p.cur))
		p.cur = append(p.cur, b[:m]...)
		b = b[m:]
		if len(p.cur) == pipeSize {
			p.full <- p.cur
			p.cur = <-p.free
		}
	}
	return n, nil
}

func (p *pipe) Close() error {
	if p.ended {
		return p.err
	}
	p.ended = true
	if len(p.cur) > 0 {
		p.full <- p.cur
	}
	close(p.full)
	p.err = <-p.done
	return p.err
}
