package remote

import (
	"errors"
	"fmt"
	"io"
)

// span is one ranged response being read: bytes [pos, end) are still to
// come from body (nil until requested, or after a failure).
type span struct {
	body     io.ReadCloser
	pos, end int64
	length   int64 // of the range as requested, to size the next one
}

// chunk is a copy of the last bytes a read delivered. pgarchive reads a
// block through a buffer that runs past the block's end, so the next block
// starts inside what the previous read fetched: served from here, it costs
// no request, and its read goes on from where the open response stopped.
type chunk struct {
	off  int64
	data []byte
}

const (
	maxIdle   = 16       // open responses kept for reads to continue
	maxRecent = 8        // chunks kept
	chunkSize = 64 << 10 // bytes kept per chunk: a pgarchive cursor's buffer
	maxEnds   = 64
	maxGap    = 256 << 10 // bytes a read may skip and still continue a response
)

// ReadAt reads len(p) bytes at off, as io.ReaderAt.
func (o *Object) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 {
		return 0, fmt.Errorf("%s: negative offset %d", o.name, off)
	}
	if off >= o.size {
		return 0, io.EOF
	}
	var tail error
	if rem := o.size - off; int64(len(p)) > rem {
		p, tail = p[:rem], io.EOF
	}
	n := 0
	if off < int64(len(o.head)) {
		n = copy(p, o.head[off:])
	}
	for n < len(p) {
		m := o.fromRecent(p[n:], off+int64(n))
		if m == 0 {
			var err error
			m, err = o.fromSpan(p[n:], off+int64(n))
			if err != nil {
				return n + m, err
			}
		}
		n += m
	}
	o.remember(p, off)
	return n, tail
}

// fromRecent copies what a recent read delivered at off.
func (o *Object) fromRecent(p []byte, off int64) int {
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, c := range o.recent {
		if off >= c.off && off < c.off+int64(len(c.data)) {
			return copy(p, c.data[off-c.off:])
		}
	}
	return 0
}

// remember keeps the tail of what p delivered.
func (o *Object) remember(p []byte, off int64) {
	if len(p) > chunkSize {
		off += int64(len(p) - chunkSize)
		p = p[len(p)-chunkSize:]
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	var c chunk
	if len(o.recent) < maxRecent {
		c.data = make([]byte, len(p), chunkSize)
	} else {
		c = o.recent[0]
		copy(o.recent, o.recent[1:])
		o.recent = o.recent[:maxRecent-1]
		c.data = c.data[:len(p)]
	}
	copy(c.data, p)
	c.off = off
	o.recent = append(o.recent, c)
}

// fromSpan reads into p from a response positioned at off, requesting one
// when none is, and retrying from the byte reached when it fails.
func (o *Object) fromSpan(p []byte, off int64) (int, error) {
	s, err := o.take(off, int64(len(p)))
	if err != nil {
		return 0, err
	}
	want := int(min(int64(len(p)), s.end-off))
	n := 0
	err = o.retry(o.ctx, func() (int64, error) {
		if s.body != nil && s.pos < off {
			m, err := io.CopyN(io.Discard, s.body, off-s.pos)
			s.pos += m
			o.bytes.Add(m)
			if err != nil {
				s.body.Close()
				s.body = nil
				return m, err
			}
		}
		if s.body == nil {
			s.pos = max(s.pos, off) // the gap need not be fetched again
			r, err := o.request(o.ctx, s.pos, s.end, o.etag)
			if err != nil {
				return 0, err
			}
			s.body = r.body
		}
		m, err := io.ReadFull(s.body, p[n:want])
		n += m
		s.pos += int64(m)
		o.bytes.Add(int64(m))
		if err != nil {
			s.body.Close()
			s.body = nil
			if err == io.EOF {
				err = io.ErrUnexpectedEOF // the response ended before its range did
			}
			return int64(m), err
		}
		return int64(m), nil
	})
	if err != nil {
		if s.body != nil {
			s.body.Close()
		}
		return n, o.fail(s.pos, err)
	}
	o.put(s)
	return n, nil
}

// take returns the open response stopped at off, or a new, unrequested
// span from off: twice as long as the range that ended at off if there was
// one (a sequential read), else as long as the read, at least MinRange.
func (o *Object) take(off, want int64) (*span, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.closed {
		return nil, errors.New("read after Close")
	}
	// A read a little ahead of an open response (a reader skipping a
	// chunk header or a small gap) goes on with it, dropping the gap: cheaper
	// than a request, and the response's range keeps growing.
	for i, s := range o.idle {
		if s.pos <= off && off < s.end && off-s.pos <= maxGap {
			o.idle = append(o.idle[:i], o.idle[i+1:]...)
			return s, nil
		}
	}
	length := max(want, o.opts.MinRange)
	for end, prev := range o.ends {
		if end <= off && off-end <= maxGap {
			length = max(want, min(2*prev, o.opts.MaxRange))
			delete(o.ends, end)
			break
		}
	}
	return &span{pos: off, end: min(off+length, o.size), length: length}, nil
}

// put keeps a span for the read that continues it, or, when its range is
// used up, closes it and remembers where it ended.
func (o *Object) put(s *span) {
	if s.pos >= s.end {
		// The body is at its end: reading the EOF lets the connection be reused.
		var one [1]byte
		s.body.Read(one[:])
		s.body.Close()
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if s.pos >= s.end {
		if len(o.ends) >= maxEnds {
			clear(o.ends)
		}
		o.ends[s.end] = s.length
		return
	}
	if o.closed {
		s.body.Close()
		return
	}
	o.idle = append(o.idle, s)
	if len(o.idle) > maxIdle {
		o.idle[0].body.Close()
		o.idle = o.idle[1:]
	}
}
