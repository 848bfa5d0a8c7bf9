package remote

import (
	"errors"
	"io"
)

// NewReader returns a reader of the object from off to its end in one pass:
// one open-ended request, resumed from the byte reached if it fails. For
// archives written to a pipe, whose blocks can only be found by reading
// through them.
func (o *Object) NewReader(off int64) io.ReadCloser {
	return &seqReader{o: o, pos: off}
}

type seqReader struct {
	o    *Object
	pos  int64
	body io.ReadCloser
	err  error
}

func (r *seqReader) Read(p []byte) (int, error) {
	if r.err != nil {
		return 0, r.err
	}
	if r.pos >= r.o.size {
		return 0, io.EOF
	}
	if r.pos < int64(len(r.o.head)) {
		n := copy(p, r.o.head[r.pos:])
		r.pos += int64(n)
		return n, nil
	}
	if r.body == nil {
		// What ReadAt fetched last (the TOC, when pgarchive.NewReader read
		// it before the stream was chosen) need not be fetched again.
		if n := r.o.fromRecent(p, r.pos); n > 0 {
			r.pos += int64(n)
			return n, nil
		}
	}
	if int64(len(p)) > r.o.size-r.pos {
		p = p[:r.o.size-r.pos]
	}
	n := 0
	err := r.o.retry(r.o.ctx, func() (int64, error) {
		if r.body == nil {
			resp, err := r.o.request(r.o.ctx, r.pos, -1, r.o.etag)
			if err != nil {
				return 0, err
			}
			r.body = resp.body
		}
		m, err := r.body.Read(p)
		n = m
		r.pos += int64(m)
		r.o.bytes.Add(int64(m))
		if err == io.EOF && r.pos == r.o.size || err == nil {
			return int64(m), nil
		}
		r.body.Close()
		r.body = nil
		if m > 0 {
			return int64(m), nil // give what came; the next Read resumes
		}
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return 0, err
	})
	if err != nil {
		r.err = r.o.fail(r.pos, err)
		return n, r.err
	}
	return n, nil
}

func (r *seqReader) Close() error {
	if r.body != nil {
		r.body.Close()
		r.body = nil
	}
	if r.err == nil {
		r.err = errors.New("remote: read after Close")
	}
	return nil
}
