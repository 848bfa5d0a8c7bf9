package copytext

import (
	"bytes"
	"errors"
	"fmt"
)

// Errors a SyntaxError can wrap; test them with errors.Is.
var (
	// ErrTrailingBackslash: the line ends in a backslash that escapes
	// nothing. The server drops it silently (it can only happen at the very
	// end of the data); here it means truncated or hand-made input.
	ErrTrailingBackslash = errors.New("line ends with a lone backslash")
	// ErrMarkerNotAlone: an unescaped \. with data before it on its line,
	// or followed by anything but a line end (EOF included).
	ErrMarkerNotAlone = errors.New(`end-of-copy marker \. is not alone on its line`)
	// ErrLiteralNewline: a raw LF or CR that is neither escaped nor the
	// line end the stream's first line established.
	ErrLiteralNewline = errors.New("literal newline or carriage return found in data")
	// ErrMarkerNewline: \. ended by a line end other than the stream's.
	ErrMarkerNewline = errors.New(`end-of-copy marker \. does not match previous newline style`)
	// ErrLineTooLong: a line longer than Reader.MaxLineSize.
	ErrLineTooLong = errors.New("line too long")
)

// SyntaxError is malformed COPY text. Line is 1-based and 0 when the error
// comes from Decode on a single line; Offset is the byte offset of the
// offending byte, within the stream (Reader) or within the line (Decode).
type SyntaxError struct {
	Line   int64
	Offset int64
	Err    error
}

func (e *SyntaxError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("copytext: byte %d: %v", e.Offset, e.Err)
	}
	return fmt.Sprintf("copytext: line %d (byte offset %d): %v", e.Line, e.Offset, e.Err)
}

func (e *SyntaxError) Unwrap() error { return e.Err }

// emptyField is what an empty field decodes to: non-nil so that it differs
// from NULL, zero capacity so that appending to it cannot write anywhere.
var emptyField = []byte{}

// Decoder splits rows into fields, keeping one unescape buffer between calls
// so that steady-state decoding does not allocate.
//
// The zero value is ready to use. A Decoder is not safe for concurrent use.
type Decoder struct {
	buf []byte
}

// Decode splits one row, given without its line end, into fields appended to
// dst[:0]. A NULL field (\N) is nil; an empty field is a non-nil empty slice.
// An empty line is one empty field (for a zero-column table it is a row
// without fields; only the caller knows the column count).
//
// Fields that need no unescaping alias line. Unescaped fields alias the
// Decoder's buffer and stay valid only until the next call to Decode. Every
// field has its capacity clipped to its length, so appending to one copies.
//
// Errors are *SyntaxError values: a trailing lone backslash, an unescaped \.,
// or a raw LF or CR (the server would have ended the line there).
func (d *Decoder) Decode(line []byte, dst [][]byte) ([][]byte, error) {
	return d.decode(line, dst, true)
}

// Decode is Decoder.Decode with a fresh Decoder: fields alias line or one
// new buffer and stay valid as long as line does.
func Decode(line []byte, dst [][]byte) ([][]byte, error) {
	var d Decoder
	return d.decode(line, dst, true)
}

// decode does the work; checkEOL is false for lines that the Reader already
// split, which cannot contain an unescaped LF or CR.
func (d *Decoder) decode(line []byte, dst [][]byte, checkEOL bool) ([][]byte, error) {
	dst = dst[:0]
	if checkEOL {
		if err := checkNewlines(line); err != nil {
			return dst, err
		}
	}
	if bytes.IndexByte(line, '\\') < 0 {
		// Fast path, the common case: no escapes, so no NULLs either.
		for {
			i := bytes.IndexByte(line, '\t')
			if i < 0 {
				return append(dst, field(line)), nil
			}
			dst = append(dst, field(line[:i]))
			line = line[i+1:]
		}
	}
	// The unescaped row is never longer than the escaped one, so one buffer
	// of len(line) holds every field and never moves while we fill it.
	if cap(d.buf) < len(line) {
		d.buf = make([]byte, 0, len(line))
	}
	out := d.buf[:0]
	pos := 0
	for {
		end, esc := fieldEnd(line, pos)
		raw := line[pos:end]
		switch {
		case len(raw) == 2 && raw[0] == '\\' && raw[1] == 'N':
			dst = append(dst, nil)
		case !esc:
			dst = append(dst, field(raw))
		default:
			start := len(out)
			var err error
			out, err = unescape(out, raw, pos)
			if err != nil {
				return dst, err
			}
			dst = append(dst, out[start:len(out):len(out)])
		}
		if end == len(line) {
			d.buf = out[:0]
			return dst, nil
		}
		pos = end + 1
	}
}

// field clips b's capacity and maps an empty field to emptyField.
func field(b []byte) []byte {
	if len(b) == 0 {
		return emptyField
	}
	return b[:len(b):len(b)]
}

// fieldEnd returns the index of the TAB ending the field that starts at pos
// (or len(line)), skipping escaped bytes, and whether the field has a
// backslash.
func fieldEnd(line []byte, pos int) (end int, esc bool) {
	i, tab := pos, -1
	for {
		if tab < i { // the TAB found last time was escaped, or none yet
			tab = bytes.IndexByte(line[i:], '\t')
			if tab < 0 {
				tab = len(line)
			} else {
				tab += i
			}
		}
		bs := bytes.IndexByte(line[i:tab], '\\')
		if bs < 0 {
			return tab, esc
		}
		esc = true
		i += bs + 2 // skip the backslash and the byte it escapes
		if i >= len(line) {
			return len(line), true
		}
	}
}

// unescape appends raw's unescaped bytes to out. base is raw's offset in the
// line, for error positions.
func unescape(out, raw []byte, base int) ([]byte, error) {
	i := 0
	for i < len(raw) {
		bs := bytes.IndexByte(raw[i:], '\\')
		if bs < 0 {
			return append(out, raw[i:]...), nil
		}
		out = append(out, raw[i:i+bs]...)
		i += bs + 1
		if i == len(raw) {
			return out, &SyntaxError{Offset: int64(base + i - 1), Err: ErrTrailingBackslash}
		}
		c := raw[i]
		i++
		switch c {
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v := int(c - '0')
			for n := 1; n < 3 && i < len(raw) && raw[i] >= '0' && raw[i] <= '7'; n++ {
				v = v<<3 | int(raw[i]-'0')
				i++
			}
			c = byte(v) // the server keeps the low 8 bits: \777 is 0xff
		case 'x':
			if i < len(raw) && isHex(raw[i]) {
				v := unhex(raw[i])
				i++
				if i < len(raw) && isHex(raw[i]) {
					v = v<<4 | unhex(raw[i])
					i++
				}
				c = v
			} // else: a plain 'x', as the server reads it
		case 'b':
			c = '\b'
		case 'f':
			c = '\f'
		case 'n':
			c = '\n'
		case 'r':
			c = '\r'
		case 't':
			c = '\t'
		case 'v':
			c = '\v'
		case '.':
			return out, &SyntaxError{Offset: int64(base + i - 2), Err: ErrMarkerNotAlone}
		}
		out = append(out, c)
	}
	return out, nil
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	default:
		return c - 'A' + 10
	}
}

// checkNewlines rejects an unescaped LF or CR in a line. Escaped ones
// (backslash followed by the raw byte) are data, as in the server.
func checkNewlines(line []byte) error {
	if bytes.IndexByte(line, '\n') < 0 && bytes.IndexByte(line, '\r') < 0 {
		return nil
	}
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '\n', '\r':
			return &SyntaxError{Offset: int64(i), Err: ErrLiteralNewline}
		}
	}
	return nil
}
