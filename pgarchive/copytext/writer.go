package copytext

import (
	"errors"
	"fmt"
	"io"
)

// EndMarker ends COPY data: the line \. alone.
const EndMarker = "\\.\n"

// PgDumpTrailer is what pg_dump writes after a table's rows: the end marker
// and two empty lines. Use it as Writer.Trailer for blocks byte-identical to
// pg_dump's.
const PgDumpTrailer = "\\.\n\n\n"

// flushSize is how much encoded text the Writer collects before writing, so
// that the destination (often a compressor) sees few, large writes.
const flushSize = 64 << 10

// Writer writes rows as COPY text.
type Writer struct {
	// Trailer is written by Close; empty means EndMarker.
	Trailer string

	dst  io.Writer
	buf  []byte
	rows int64
	err  error
}

// NewWriter returns a Writer writing COPY text to dst.
func NewWriter(dst io.Writer) *Writer {
	return &Writer{dst: dst}
}

// Write encodes one row; nil fields are NULL.
func (w *Writer) Write(fields [][]byte) error {
	if w.err != nil {
		return w.err
	}
	w.buf = AppendRow(w.buf, fields)
	w.rows++
	if len(w.buf) >= flushSize {
		return w.Flush()
	}
	return nil
}

// Rows returns how many rows have been written.
func (w *Writer) Rows() int64 { return w.rows }

// Flush writes any buffered rows to the destination.
func (w *Writer) Flush() error {
	if w.err != nil {
		return w.err
	}
	if len(w.buf) == 0 {
		return nil
	}
	if _, err := w.dst.Write(w.buf); err != nil {
		w.err = fmt.Errorf("copytext: after row %d: %w", w.rows, err)
		return w.err
	}
	w.buf = w.buf[:0]
	return nil
}

// Close writes the trailer and flushes. It does not close the destination.
func (w *Writer) Close() error {
	if w.err != nil {
		return w.err
	}
	t := w.Trailer
	if t == "" {
		t = EndMarker
	}
	w.buf = append(w.buf, t...)
	err := w.Flush()
	if err == nil {
		w.err = errClosed
	}
	return err
}

var errClosed = errors.New("copytext: write after Close")
