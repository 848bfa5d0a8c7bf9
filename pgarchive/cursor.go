package pgarchive

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"sync"
)

// cursor reads the archive's primitives (bytes, sign-and-magnitude ints,
// length-prefixed strings, offsets) and knows where it is in the file. Over
// an io.ReaderAt it can also jump, so skipping a block costs no reading.
type cursor struct {
	br   *bufio.Reader
	pos  int64
	size int64       // total file size, or -1 when unknown (a pipe)
	ra   io.ReaderAt // nil for a plain stream

	intSize int // bytes of an int's magnitude
	offSize int // bytes of an offset value
}

const cursorBuf = 64 << 10

func newStreamCursor(r io.Reader) *cursor {
	return &cursor{br: bufio.NewReaderSize(r, cursorBuf), size: -1, intSize: 4, offSize: 8}
}

// atBufs pools the buffers of ReaderAt cursors: Reader.Open makes a cursor
// per block, and an archive of many small tables otherwise set aside 64 KiB
// per table (5000 tables: 390 MB allocated to read a 2 MB file).
var atBufs = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, cursorBuf) }}

func newAtCursor(ra io.ReaderAt, size, off int64) *cursor {
	c := &cursor{ra: ra, size: size, pos: off, intSize: 4, offSize: 8}
	c.br = atBufs.Get().(*bufio.Reader)
	c.br.Reset(io.NewSectionReader(ra, off, size-off))
	return c
}

// free gives a ReaderAt cursor's buffer back; the cursor is dead after.
func (c *cursor) free() {
	if c.ra != nil && c.br != nil {
		c.br.Reset(nil)
		atBufs.Put(c.br)
		c.br = nil
	}
}

// remaining is how many bytes are left in the file, or -1 if unknown.
func (c *cursor) remaining() int64 {
	if c.size < 0 {
		return -1
	}
	return c.size - c.pos
}

func (c *cursor) fail(off int64, err error) error { return &posError{off: off, err: err} }

// eof turns a short read into io.ErrUnexpectedEOF at the given offset.
func (c *cursor) eof(off int64, err error) error {
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	return c.fail(off, err)
}

func (c *cursor) Read(p []byte) (int, error) {
	n, err := c.br.Read(p)
	c.pos += int64(n)
	return n, err
}

func (c *cursor) readByte() (byte, error) {
	off := c.pos
	b, err := c.br.ReadByte()
	if err != nil {
		return 0, c.eof(off, err)
	}
	c.pos++
	return b, nil
}

func (c *cursor) readFull(p []byte) error {
	off := c.pos
	n, err := io.ReadFull(c.br, p)
	c.pos += int64(n)
	if err != nil {
		return c.eof(off, err)
	}
	return nil
}

// readInt reads a sign byte and an intSize-byte little-endian magnitude.
// Like pg_restore, which keeps ints in a C int, a value is wrapped to 32 bits
// when intSize is 4: an OID of 3000000000 written by pg_dump reads back as
// -1294967296 and becomes the OID again through uint32.
func (c *cursor) readInt() (int64, error) {
	off := c.pos
	var buf [1 + maxIntSize]byte
	p := buf[:1+c.intSize]
	if err := c.readFull(p); err != nil {
		return 0, err
	}
	var mag uint64
	for i, b := range p[1:] {
		if i >= 8 {
			if b != 0 {
				return 0, c.fail(off, fmt.Errorf("%w: integer too large", ErrCorrupt))
			}
			continue
		}
		mag |= uint64(b) << (8 * i)
	}
	var v int64
	if c.intSize <= 4 {
		v = int64(int32(uint32(mag)))
	} else {
		if mag > 1<<63-1 {
			return 0, c.fail(off, fmt.Errorf("%w: integer too large", ErrCorrupt))
		}
		v = int64(mag)
	}
	switch p[0] {
	case 0:
	case 1:
		v = -v
	default:
		return 0, c.fail(off, fmt.Errorf("%w: integer sign byte %d", ErrCorrupt, p[0]))
	}
	return v, nil
}

// readCount reads an int that must lie in [lo, hi].
func (c *cursor) readCount(what string, lo, hi int64) (int64, error) {
	off := c.pos
	v, err := c.readInt()
	if err != nil {
		return 0, err
	}
	if v < lo || v > hi {
		return 0, c.fail(off, fmt.Errorf("%w: %s %d out of range", ErrCorrupt, what, v))
	}
	return v, nil
}

// readStr reads a length-prefixed string; a negative length is NULL. The
// length is checked against what remains of the file before any memory is
// set aside, and on a stream of unknown size memory grows only with bytes
// that really arrive.
func (c *cursor) readStr() (NullString, error) {
	off := c.pos
	n, err := c.readInt()
	if err != nil {
		return NullString{}, err
	}
	if n < 0 {
		return NullString{}, nil
	}
	if n > maxStringLen {
		return NullString{}, c.fail(off, fmt.Errorf("%w: string length %d over limit", ErrCorrupt, n))
	}
	if rem := c.remaining(); rem >= 0 && n > rem {
		return NullString{}, c.fail(off, fmt.Errorf("string length %d runs past end of file (%d bytes left): %w", n, rem, io.ErrUnexpectedEOF))
	}
	if c.size >= 0 || n <= cursorBuf {
		b := make([]byte, n)
		if err := c.readFull(b); err != nil {
			return NullString{}, err
		}
		return Str(string(b)), nil
	}
	var buf bytes.Buffer
	got, err := io.CopyN(&buf, c.br, n)
	c.pos += got
	if err != nil {
		return NullString{}, c.eof(off, err)
	}
	return Str(buf.String()), nil
}

// readDecimal reads a string holding a decimal number, as catalog OIDs and
// dependency IDs are stored. NULL reads as 0.
func (c *cursor) readDecimal(what string, bits int) (uint64, bool, error) {
	off := c.pos
	s, err := c.readStr()
	if err != nil {
		return 0, false, err
	}
	if !s.Valid {
		return 0, false, nil
	}
	v, perr := strconv.ParseUint(s.String, 10, bits)
	if perr != nil {
		return 0, true, c.fail(off, fmt.Errorf("%w: %s %q is not a number", ErrCorrupt, what, s.String))
	}
	return v, true, nil
}

// readOffset reads a data offset: a flag byte and an offSize-byte value.
func (c *cursor) readOffset() (DataState, int64, error) {
	off := c.pos
	var buf [1 + maxOffSize]byte
	p := buf[:1+c.offSize]
	if err := c.readFull(p); err != nil {
		return 0, 0, err
	}
	st := DataState(p[0])
	if st != DataPosNotSet && st != DataPosSet && st != DataNone {
		return 0, 0, c.fail(off, fmt.Errorf("%w: unexpected data offset flag %d", ErrCorrupt, p[0]))
	}
	var v uint64
	for i, b := range p[1:] {
		if i >= 8 {
			if b != 0 {
				return 0, 0, c.fail(off, fmt.Errorf("%w: file offset too large", ErrCorrupt))
			}
			continue
		}
		v |= uint64(b) << (8 * i)
	}
	if v > 1<<63-1 {
		return 0, 0, c.fail(off, fmt.Errorf("%w: file offset too large", ErrCorrupt))
	}
	return st, int64(v), nil
}

// skip moves n bytes forward: a jump over a ReaderAt, a discard on a stream.
func (c *cursor) skip(n int64) error {
	off := c.pos
	if rem := c.remaining(); rem >= 0 && n > rem {
		return c.fail(off, fmt.Errorf("skipping %d bytes runs past end of file (%d bytes left): %w", n, rem, io.ErrUnexpectedEOF))
	}
	if c.ra != nil && n > int64(c.br.Buffered()) {
		c.seek(c.pos + n)
		return nil
	}
	for n > 0 {
		step := n
		if step > 1<<30 {
			step = 1 << 30
		}
		d, err := c.br.Discard(int(step))
		c.pos += int64(d)
		n -= int64(d)
		if err != nil {
			return c.eof(off, err)
		}
	}
	return nil
}

// seek repositions a ReaderAt cursor.
func (c *cursor) seek(off int64) {
	c.pos = off
	c.br.Reset(io.NewSectionReader(c.ra, off, c.size-off))
}

// atEOF reports whether the cursor stands at the end of the file.
func (c *cursor) atEOF() (bool, error) {
	if _, err := c.br.Peek(1); err != nil {
		if errors.Is(err, io.EOF) {
			return true, nil
		}
		return false, c.fail(c.pos, err)
	}
	return false, nil
}
