package main

import (
	"bytes"
	"errors"
	"io"
)

// writeCopyRows copies COPY text from r to w up to, not including, the
// end-of-data line \. (ended by LF, CRLF or the end of the data); the rest
// of r is left unread. A line that follows a backslash-escaped raw newline
// continues the row before it and is never taken for the end line. When r
// can write itself out (a pgarchive.Block), the text goes from the
// decompressor's buffers to w without another copy.
func writeCopyRows(w io.Writer, r io.Reader) error {
	cw := newCopyRowsWriter(w)
	var err error
	if wt, ok := r.(io.WriterTo); ok {
		_, err = wt.WriteTo(cw)
	} else {
		_, err = io.CopyBuffer(cw, r, make([]byte, 256<<10))
	}
	switch {
	case errors.Is(err, errCopyEnd):
		return nil
	case err != nil:
		return err
	}
	return cw.finish()
}

// errCopyEnd stops the writer feeding a copyRowsWriter at the end line.
var errCopyEnd = errors.New("end of COPY data")

// copyRowsWriter passes COPY text on to w until its end line. It withholds
// only the few bytes at the end of a write that may begin the end line
// ("\n", "\n\\", "\n\\.", "\n\\.\r", with an unescaped LF), and otherwise
// looks only for `\.` with bytes.Index, since splitting every line costs
// more than decompressing.
type copyRowsWriter struct {
	w     io.Writer
	pend  [4]byte
	npend int
	// virtual: pend[0] is the line end assumed before the data, never
	// written.
	virtual bool
	// run counts the backslashes that end what was passed on, when nothing
	// is withheld: an odd run escapes a LF that follows.
	run   int
	ended bool
}

func newCopyRowsWriter(w io.Writer) *copyRowsWriter {
	c := &copyRowsWriter{w: w, npend: 1, virtual: true}
	c.pend[0] = '\n'
	return c
}

// The end line, after the LF that ends the line before it.
const (
	endLF   = "\n\\.\n"
	endCRLF = "\n\\.\r\n"
)

func (c *copyRowsWriter) Write(p []byte) (int, error) {
	if c.ended {
		return 0, errCopyEnd
	}
	if c.npend > 0 {
		// Do the withheld bytes and the start of p make the end line?
		var q [8]byte
		k := copy(q[:], c.pend[:c.npend])
		k += copy(q[k:], p)
		s := string(q[:k])
		switch {
		case len(s) >= len(endLF) && s[:len(endLF)] == endLF,
			len(s) >= len(endCRLF) && s[:len(endCRLF)] == endCRLF:
			return len(p), c.end(nil)
		case k == c.npend+len(p) && (endLF[:min(k, len(endLF))] == s || endCRLF[:min(k, len(endCRLF))] == s):
			// Still undecided: p went into the withheld bytes.
			c.npend = copy(c.pend[:], s)
			return len(p), nil
		}
		if err := c.release(); err != nil {
			return 0, err
		}
	}
	for from := 1; from < len(p); {
		k := bytes.Index(p[from:], []byte(`\.`))
		if k < 0 {
			break
		}
		i := from + k - 1 // the LF before a possible end line
		from += k + 1
		if p[i] != '\n' || c.escaped(p, i) {
			continue
		}
		after := i + 3
		switch {
		case after < len(p) && p[after] == '\n',
			after+1 < len(p) && p[after] == '\r' && p[after+1] == '\n':
			return len(p), c.end(p[:i+1])
		case after == len(p) || after+1 == len(p) && p[after] == '\r':
			return len(p), c.withhold(p, i)
		}
	}
	// The end of p may begin the end line.
	if j := len(p) - 1; j >= 0 && p[j] == '\n' && !c.escaped(p, j) {
		return len(p), c.withhold(p, j)
	}
	if j := len(p) - 2; j >= 0 && p[j] == '\n' && p[j+1] == '\\' && !c.escaped(p, j) {
		return len(p), c.withhold(p, j)
	}
	if err := c.pass(p); err != nil {
		return 0, err
	}
	return len(p), nil
}

// escaped reports whether the LF at p[i] follows an odd run of backslashes,
// counting those that ended earlier writes.
func (c *copyRowsWriter) escaped(p []byte, i int) bool {
	n := trailingBackslashes(p[:i])
	if n == i {
		n += c.run
	}
	return n%2 == 1
}

// pass writes p on and keeps the count of backslashes ending the output.
func (c *copyRowsWriter) pass(p []byte) error {
	if len(p) == 0 {
		return nil
	}
	n := trailingBackslashes(p)
	if n == len(p) {
		c.run += n
	} else {
		c.run = n
	}
	_, err := c.w.Write(p)
	return err
}

// withhold writes p[:i] on and keeps p[i:], which begins with an
// unescaped LF, for the next write to decide.
func (c *copyRowsWriter) withhold(p []byte, i int) error {
	if err := c.pass(p[:i]); err != nil {
		return err
	}
	c.npend = copy(c.pend[:], p[i:])
	c.virtual = false
	return nil
}

// release writes the withheld bytes on: they did not begin the end line.
func (c *copyRowsWriter) release() error {
	p := c.pend[:c.npend]
	if c.virtual {
		p = p[1:]
		c.virtual = false
	}
	c.npend = 0
	c.run = 0
	return c.pass(p)
}

// end writes the last rows and the LF before the end line, if real.
func (c *copyRowsWriter) end(last []byte) error {
	c.ended = true
	if c.npend > 0 && !c.virtual {
		last = c.pend[:1]
	}
	c.npend = 0
	if err := c.pass(last); err != nil {
		return err
	}
	return errCopyEnd
}

// finish is the end of the data: a withheld `\.` after a LF is the end line.
func (c *copyRowsWriter) finish() error {
	if c.ended {
		return nil
	}
	if c.npend == 3 { // "\n\\."
		c.ended = true
		if c.virtual {
			return nil
		}
		return c.pass(c.pend[:1])
	}
	return c.release()
}

func trailingBackslashes(b []byte) int {
	n := 0
	for n < len(b) && b[len(b)-1-n] == '\\' {
		n++
	}
	return n
}
