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
		if d.opts.Progress != nil {
			d.opts.Progress(Progress{Table: name, TablesDone: done, TablesTotal: total, Rows: sum.Rows, Bytes: sum.DataBytes})
		}
	}
	return nil
}

// countingWriter counts the bytes that pass through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

func (d *dumper) copyTable(aw *pgarchive.Writer, e tocEntry, sum *Summary) error {
	t := e.obj.table
	bw, err := aw.Data(e.e)
	if err != nil {
		return err
	}
	cw := &countingWriter{w: bw}
	stmt := strings.TrimSuffix(e.e.CopyStmt.String, " FROM stdin;\n") + " TO stdout;"
	tag, err := d.conn.PgConn().CopyTo(d.ctx, cw, stmt)
	if err != nil {
		return fmt.Errorf("dump: TABLE DATA %s: %w", t.qual, err)
	}
	if _, err := io.WriteString(cw, copyTerminator); err != nil {
		return fmt.Errorf("dump: TABLE DATA %s: %w", t.qual, err)
	}
	if err := bw.Close(); err != nil {
		return err
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
