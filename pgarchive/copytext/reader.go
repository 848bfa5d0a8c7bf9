package copytext

import (
	"bytes"
	"errors"
	"fmt"
	"io"
)

// DefaultMaxLineSize is PostgreSQL's own bound (MaxAllocSize, 1 GiB - 1): the
// server cannot hold a longer line, so no dump it wrote contains one.
const DefaultMaxLineSize = 1<<30 - 1

// initialBufSize is the first buffer; it grows (doubling) only while a
// single line does not fit, so memory follows the data actually read.
const initialBufSize = 64 << 10

type eolStyle uint8

const (
	eolUnknown eolStyle = iota
	eolNL
	eolCR
	eolCRNL
)

// Reader reads rows of COPY text from a stream, such as the payload of a
// pg_dump table-data block. It splits lines as the server's COPY FROM does:
// the first line's end (LF, CRLF or CR) sets the style for the rest, a
// backslash escapes the next byte even if that is a raw LF or CR, and the
// line \. ends the data. What follows \. (pg_dump writes \.\n\n\n) is
// ignored, though the Reader may already have read some of it from src. The
// stream may also just end, which is not an error; see Terminated.
type Reader struct {
	// MaxLineSize bounds the length of a line without its line end; 0 means
	// DefaultMaxLineSize. Set it before the first call to Next.
	MaxLineSize int

	src        io.Reader
	buf        []byte
	start, end int   // unread bytes are buf[start:end]
	base       int64 // stream offset of buf[0]
	srcErr     error // first error (io.EOF included) from src
	nl, cr     int   // next LF and CR at or after the scan position; see readLine

	eol     eolStyle
	line    []byte // current raw line, aliases buf
	lineNo  int64
	lineOff int64
	done    bool  // \. seen
	err     error // sticky framing or read error

	dec    Decoder
	fields [][]byte
}

// NewReader returns a Reader reading COPY text from src.
func NewReader(src io.Reader) *Reader {
	return &Reader{src: src, nl: -1, cr: -1}
}

// Next returns the next row's fields, decoded as by Decoder.Decode. It
// returns io.EOF after the \. line or at the end of the stream. The fields
// and their backing bytes are valid only until the next call.
//
// Errors name the line and stream offset. A *SyntaxError about a row's
// content (ErrMarkerNotAlone, ErrTrailingBackslash) skips that row and the
// caller may call Next again. Errors in the line structure (ErrLiteralNewline,
// ErrMarkerNewline, ErrLineTooLong) and read errors are final: every later
// call returns the same error.
func (r *Reader) Next() ([][]byte, error) {
	if r.err != nil {
		return nil, r.err
	}
	line, err := r.readLine()
	if err != nil {
		r.err = err
		return nil, err
	}
	r.fields, err = r.dec.decode(line, r.fields, false)
	if err != nil {
		var se *SyntaxError
		if errors.As(err, &se) {
			se.Line = r.lineNo
			se.Offset += r.lineOff
		}
		return nil, err
	}
	return r.fields, nil
}

// RawLine returns the current row exactly as it appears in the stream,
// without its line end. It aliases the Reader's buffer and is valid only
// until the next call to Next.
func (r *Reader) RawLine() []byte { return r.line }

// Line returns the 1-based line number of the current row. A row whose
// escaped line ends join several physical lines counts as one, as in the
// server's messages.
func (r *Reader) Line() int64 { return r.lineNo }

// Offset returns the stream offset of the current row's first byte.
func (r *Reader) Offset() int64 { return r.lineOff }

// Terminated reports whether the \. line has been read. A stream that ends
// without it still restores into a database (the COPY is ended by the
// protocol), but a pg_restore script of it would be broken.
func (r *Reader) Terminated() bool { return r.done }

func (r *Reader) maxLine() int {
	if r.MaxLineSize <= 0 {
		return DefaultMaxLineSize
	}
	return r.MaxLineSize
}

// errAt builds a framing error at buffer index i.
func (r *Reader) errAt(i int, err error) error {
	// i is an index into r.buf
	return &SyntaxError{Line: r.lineNo + 1, Offset: r.base + int64(i), Err: err}
}

// readLine finds the next line, following CopyReadLineText in
// src/backend/commands/copyfromparse.c. Indexes below are into r.buf.
func (r *Reader) readLine() ([]byte, error) {
	if r.done {
		return nil, io.EOF
	}
	maxLen := r.maxLine()
	i := r.start
	for {
		b := r.buf[:r.end]
		eof := r.srcErr != nil
		needMore := false
	scan:
		for i < len(b) {
			// r.nl and r.cr cache where the next LF and CR are (r.end if
			// none), so that neither many escapes nor the absence of CRs
			// make a line cost more than one pass.
			if r.nl < i {
				r.nl = indexFrom(b, i, '\n')
			}
			if r.cr < i {
				r.cr = indexFrom(b, i, '\r')
			}
			// Fast path for LF streams: the line ends at the next LF unless
			// a backslash escapes it, a CR comes first, or a \. needs a
			// closer look (bytes.Index runs vectorized, the loop below
			// stops at every backslash).
			if (r.eol == eolNL || r.eol == eolUnknown) && r.nl < len(b) && r.nl < r.cr &&
				(r.nl == i || b[r.nl-1] != '\\') && !bytes.Contains(b[i:r.nl], []byte(`\.`)) {
				r.eol = eolNL
				return r.take(r.nl, r.nl+1, maxLen)
			}
			lim := min(r.nl, r.cr)
			if j := bytes.IndexByte(b[i:lim], '\\'); j >= 0 {
				i += j
			} else {
				i = lim
			}
			if i == len(b) {
				break
			}
			switch b[i] {
			case '\n':
				if r.eol == eolCR || r.eol == eolCRNL {
					return nil, r.errAt(i, ErrLiteralNewline)
				}
				r.eol = eolNL
				return r.take(i, i+1, maxLen)
			case '\r':
				switch r.eol {
				case eolNL:
					return nil, r.errAt(i, ErrLiteralNewline)
				case eolCR:
					return r.take(i, i+1, maxLen)
				}
				if i+1 == len(b) && !eof {
					needMore = true
					break scan
				}
				if i+1 < len(b) && b[i+1] == '\n' {
					r.eol = eolCRNL
					return r.take(i, i+2, maxLen)
				}
				if r.eol == eolCRNL {
					return nil, r.errAt(i, ErrLiteralNewline)
				}
				r.eol = eolCR
				return r.take(i, i+1, maxLen)
			case '\\':
				if i+1 == len(b) {
					if !eof {
						needMore = true
						break scan
					}
					i++ // a backslash just before EOF is data
					continue
				}
				if b[i+1] != '.' {
					i += 2 // the escaped byte is data, even LF or CR
					continue
				}
				done, need, err := r.marker(b, i, eof)
				switch {
				case err != nil:
					return nil, err
				case need:
					needMore = true
					break scan
				case done:
					r.done = true
					r.line = nil
					return nil, io.EOF
				}
				// Not the terminator: the \. is line content, and decoding
				// reports the row (ErrMarkerNotAlone).
				i += 2
			}
		}
		if !needMore && eof {
			if r.srcErr != io.EOF {
				return nil, fmt.Errorf("copytext: line %d (byte offset %d): read: %w", r.lineNo+1, r.base+int64(r.end), r.srcErr)
			}
			if r.start == r.end {
				return nil, io.EOF
			}
			// The last line has no line end; the server takes it as is.
			return r.take(r.end, r.end, maxLen)
		}
		if r.end-r.start > maxLen+3 { // +3: room for the longest lookahead
			return nil, r.errAt(r.start+maxLen, ErrLineTooLong)
		}
		shift := r.fill(maxLen)
		i -= shift
	}
}

// marker decides whether the \. at b[i] ends the data: it must start its
// line and be followed by the stream's line end. need reports that more
// bytes are required to decide. A \. followed by a line end of the wrong
// style is an error, as in the server. Anything else is not a terminator;
// the caller keeps it as line content, which Decode then rejects for that
// row only. (Over the protocol PostgreSQL 15–17 end the data at a \. after
// data, keeping the bytes before it as the last row and dropping the rest;
// 18 rejects it. Either way such a dump does not restore what it holds.)
func (r *Reader) marker(b []byte, i int, eof bool) (done, need bool, err error) {
	if i > r.start {
		return false, false, nil
	}
	want := 1
	if r.eol == eolCRNL {
		want = 2
	}
	if len(b) < i+2+want && !eof {
		return false, true, nil
	}
	at := func(k int) byte { // a NUL past the end, as in the server
		if k < len(b) {
			return b[k]
		}
		return 0
	}
	c := at(i + 2)
	var ok, wrong bool
	switch r.eol {
	case eolUnknown:
		ok = c == '\n' || c == '\r'
	case eolNL:
		ok, wrong = c == '\n', c == '\r'
	case eolCR:
		ok, wrong = c == '\r', c == '\n'
	case eolCRNL:
		ok, wrong = c == '\r' && at(i+3) == '\n', c == '\n'
	}
	if wrong {
		return false, false, r.errAt(i+2, ErrMarkerNewline)
	}
	if ok {
		r.lineNo++
		r.lineOff = r.base + int64(r.start)
	}
	return ok, false, nil
}

// take makes r.buf[r.start:end] the current line and resumes reading at
// next.
func (r *Reader) take(end, next, maxLen int) ([]byte, error) {
	if end-r.start > maxLen {
		return nil, r.errAt(r.start+maxLen, ErrLineTooLong)
	}
	r.line = r.buf[r.start:end:end]
	r.lineOff = r.base + int64(r.start)
	r.lineNo++
	r.start = next
	return r.line, nil
}

// fill reads more data, first moving the unread bytes to the front and
// growing the buffer only if they already fill it. It returns how far the
// unread bytes moved down.
func (r *Reader) fill(maxLen int) (shift int) {
	if r.start > 0 && (r.end == len(r.buf) || r.start == r.end) {
		shift = r.start
		r.end = copy(r.buf, r.buf[r.start:r.end])
		r.base += int64(shift)
		r.start = 0
	}
	if r.end == len(r.buf) {
		size := max(2*len(r.buf), initialBufSize)
		size = min(size, maxLen+4)
		nb := make([]byte, size)
		copy(nb, r.buf[:r.end])
		r.buf = nb
	}
	r.nl, r.cr = -1, -1 // cached positions are stale once data moved or arrived
	for range 100 {     // io.Reader may return 0, nil; don't spin forever
		n, err := r.src.Read(r.buf[r.end:])
		r.end += n
		if err != nil {
			r.srcErr = err
			return shift
		}
		if n > 0 {
			return shift
		}
	}
	r.srcErr = io.ErrNoProgress
	return shift
}

// indexFrom returns the index of c in b at or after i, or len(b).
func indexFrom(b []byte, i int, c byte) int {
	if j := bytes.IndexByte(b[i:], c); j >= 0 {
		return i + j
	}
	return len(b)
}
