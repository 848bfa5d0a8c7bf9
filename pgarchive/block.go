package pgarchive

import (
	"errors"
	"fmt"
	"io"
	"sync"
	"sync/atomic"

	"github.com/klauspost/compress/zlib"
	"github.com/klauspost/compress/zstd"
)

// chunks reads one chunk stream: { int len > 0, len bytes } ..., int 0. The
// payloads, joined, are one compressed stream; chunk boundaries mean nothing.
type chunks struct {
	c    *cursor
	left int64 // bytes left in the current chunk
	done bool  // the terminating zero length was read
	// n is the payload bytes read so far. Atomic: a readahead goroutine
	// reads the chunks while Block.CompressedBytes reports progress.
	n atomic.Int64
}

func (ch *chunks) reset(c *cursor) {
	ch.c, ch.left, ch.done = c, 0, false
	ch.n.Store(0)
}

func (ch *chunks) next() error {
	off := ch.c.pos
	n, err := ch.c.readInt()
	if err != nil {
		return err
	}
	switch {
	case n == 0:
		ch.done = true
		return nil
	case n < 0:
		return ch.c.fail(off, fmt.Errorf("%w: negative chunk length %d", ErrCorrupt, n))
	}
	if rem := ch.c.remaining(); rem >= 0 && n > rem {
		return ch.c.fail(off, fmt.Errorf("chunk length %d runs past end of file (%d bytes left): %w", n, rem, io.ErrUnexpectedEOF))
	}
	ch.left = n
	return nil
}

func (ch *chunks) Read(p []byte) (int, error) {
	for ch.left == 0 {
		if ch.done {
			return 0, io.EOF
		}
		if err := ch.next(); err != nil {
			return 0, err
		}
	}
	if int64(len(p)) > ch.left {
		p = p[:ch.left]
	}
	off := ch.c.pos
	n, err := ch.c.Read(p)
	ch.left -= int64(n)
	ch.n.Add(int64(n))
	if err == io.EOF {
		if ch.left > 0 {
			return n, ch.c.fail(off+int64(n), io.ErrUnexpectedEOF)
		}
		err = nil
	}
	return n, err
}

// skipRest passes over the rest of the stream without reading payloads.
func (ch *chunks) skipRest() error {
	for {
		if ch.left > 0 {
			if err := ch.c.skip(ch.left); err != nil {
				return err
			}
			ch.n.Add(ch.left)
			ch.left = 0
		}
		if ch.done {
			return nil
		}
		if err := ch.next(); err != nil {
			return err
		}
	}
}

// Decompressors are pooled: a BLOBS block opens one stream per large object
// and a zstd decoder is costly to build.
var (
	zlibPool sync.Pool
	lz4Pool  sync.Pool
	zstdPool sync.Pool
)

// MaxZstdWindow bounds the zstd window an archive may ask for, so a hostile
// frame header cannot claim gigabytes. pg_dump's default window is 2 MiB;
// zstd:long uses 128 MiB.
const MaxZstdWindow = 128 << 20

// decompressor is an io.Reader over one compressed stream that returns its
// resources when done.
type decompressor struct {
	io.Reader
	release func()
}

func newDecompressor(alg Compression, src io.Reader) (decompressor, error) {
	d, err := openDecompressor(alg, src)
	// zlib reads its header at once: a bad header is corrupt data, while
	// a short chunk stream keeps the place it reports.
	if err != nil && !isPosError(err) && !errors.Is(err, ErrCompression) {
		err = fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	return d, err
}

func openDecompressor(alg Compression, src io.Reader) (decompressor, error) {
	switch alg {
	case CompressionNone:
		return decompressor{Reader: src, release: func() {}}, nil
	case CompressionGzip:
		if z, ok := zlibPool.Get().(io.ReadCloser); ok {
			if err := z.(zlib.Resetter).Reset(src, nil); err != nil {
				zlibPool.Put(z)
				return decompressor{}, fmt.Errorf("gzip: %w", err)
			}
			return decompressor{Reader: z, release: func() { zlibPool.Put(z) }}, nil
		}
		z, err := zlib.NewReader(src)
		if err != nil {
			return decompressor{}, fmt.Errorf("gzip: %w", err)
		}
		return decompressor{Reader: z, release: func() { zlibPool.Put(z) }}, nil
	case CompressionLZ4:
		// lz4Frames, not pierrec's Reader, for speed: see lz4frame.go.
		z, ok := lz4Pool.Get().(*lz4Frames)
		if !ok {
			z = &lz4Frames{}
		}
		z.reset(src)
		return decompressor{Reader: z, release: func() { z.reset(nil); lz4Pool.Put(z) }}, nil
	case CompressionZstd:
		z, ok := zstdPool.Get().(*zstd.Decoder)
		if ok {
			if err := z.Reset(src); err != nil {
				z.Close()
				return decompressor{}, fmt.Errorf("zstd: %w", err)
			}
		} else {
			var err error
			z, err = zstd.NewReader(src, zstd.WithDecoderConcurrency(1),
				zstd.WithDecoderMaxWindow(MaxZstdWindow), zstd.WithDecoderLowmem(true))
			if err != nil {
				return decompressor{}, fmt.Errorf("zstd: %w", err)
			}
		}
		return decompressor{Reader: z, release: func() {
			if z.Reset(nil) == nil {
				zstdPool.Put(z)
			} else {
				z.Close()
			}
		}}, nil
	}
	return decompressor{}, fmt.Errorf("%w: algorithm %d", ErrCompression, alg)
}

// stream is one compressed stream inside a block: the chunks and the
// decompressor reading them.
type stream struct {
	ch    chunks
	dec   decompressor
	open  bool
	eof   bool
	raw   int64 // decompressed bytes returned
	ahead bool  // may read its chunks ahead once large enough
	// abandoned: a write error stopped writeTo part way; the decompressor
	// is gone and only finish may follow.
	abandoned bool
	src       srcSwitch
	// pre, once the stream is large enough, reads the chunks ahead in a
	// goroutine, and src reads pre. While it runs, its goroutine alone
	// uses ch and the cursor.
	pre *readahead
}

// readsAhead says which algorithms read a large stream's chunks ahead: on
// lz4 and zstd, reading the file is a large part of the work (pg_dump's
// lz4 file is half the size of the data), so overlapping it with
// decompressing wins 20-30% of wall time. Decompressing ahead as well, in
// a second goroutine, was measured and gained nothing more; gzip's inflate
// outweighs the file reads too much to gain from either.
func readsAhead(alg Compression) bool {
	return alg == CompressionLZ4 || alg == CompressionZstd
}

// srcSwitch is the decompressor's input: the chunks, or the readahead
// reading them.
type srcSwitch struct{ r io.Reader }

func (s *srcSwitch) Read(p []byte) (int, error) { return s.r.Read(p) }

func (s *stream) start(c *cursor, alg Compression) error {
	s.ch.reset(c)
	s.raw = 0
	s.eof, s.abandoned = false, false
	s.ahead = readsAhead(alg)
	s.src.r = &s.ch
	dec, err := newDecompressor(alg, &s.src)
	if err != nil {
		// zlib reads its header at once: a stream with no chunks at all
		// (which pg_dump never writes) fails here.
		return err
	}
	s.dec, s.open = dec, true
	return nil
}

// readAheadIfDue starts reading the chunks ahead once the stream has given
// readaheadAfter bytes. It must be called between reads of the input.
func (s *stream) readAheadIfDue() {
	if s.pre == nil && s.ahead && s.raw >= readaheadAfter {
		s.pre = startReadahead(s.ch.Read)
		s.src.r = s.pre
	}
}

func (s *stream) Read(p []byte) (int, error) {
	s.readAheadIfDue()
	n, err := s.read(p)
	if err != nil && s.pre != nil {
		// The end, or an error: no more reading ahead.
		s.halt()
	}
	return n, err
}

func (s *stream) read(p []byte) (int, error) {
	if s.eof {
		return 0, io.EOF
	}
	n, err := s.dec.Read(p)
	s.raw += int64(n)
	if err == io.EOF {
		if err := s.endOfData(); err != nil {
			return n, err
		}
	} else if err != nil && !isPosError(err) {
		err = fmt.Errorf("%w: decompressing: %v", ErrCorrupt, err)
	}
	return n, err
}

// writeTo writes the rest of the stream to w. A decompressor that can write
// from its own buffers (zstd's, whose decoded blocks are its window) does, which
// spares copying every byte through a Read buffer; others are read into a
// buffer. An error of w's is returned as it is, as a *writeError, and leaves
// the stream abandoned: finish still passes over the rest.
func (s *stream) writeTo(w io.Writer) (int64, error) {
	if s.eof {
		return 0, nil
	}
	wt, ok := s.dec.Reader.(io.WriterTo)
	if !ok {
		return s.copyTo(w)
	}
	sw := &streamWriter{s: s, w: w}
	n, err := wt.WriteTo(sw)
	if sw.err != nil {
		return n, s.abandon(sw.err)
	}
	if err == nil {
		err = s.endOfData()
	} else if !isPosError(err) {
		err = fmt.Errorf("%w: decompressing: %v", ErrCorrupt, err)
	}
	s.halt()
	return n, err
}

// copyTo is writeTo through a buffer.
func (s *stream) copyTo(w io.Writer) (int64, error) {
	buf := make([]byte, 64<<10)
	var total int64
	for {
		n, err := s.Read(buf)
		if n > 0 {
			m, werr := w.Write(buf[:n])
			total += int64(m)
			if werr == nil && m < n {
				werr = io.ErrShortWrite
			}
			if werr != nil {
				return total, s.abandon(werr)
			}
		}
		if err == io.EOF {
			return total, nil
		}
		if err != nil {
			return total, err
		}
	}
}

// abandon stops the stream after the caller's writer failed with err: no
// more reading ahead or decompressing; only finish may follow.
func (s *stream) abandon(err error) error {
	s.stop()
	s.abandoned = true
	return &writeError{err}
}

// streamWriter passes a decompressor's output to the caller's writer,
// counting it, and starts the readahead once the stream is large enough: the
// decompressor calls Write between its reads of the input, so switching that
// input here is safe.
type streamWriter struct {
	s   *stream
	w   io.Writer
	err error // the writer's
}

func (sw *streamWriter) Write(p []byte) (int, error) {
	sw.s.readAheadIfDue()
	n, err := sw.w.Write(p)
	sw.s.raw += int64(n)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	if err != nil {
		sw.err = err
	}
	return n, err
}

// writeError is an error of the writer given to WriteTo, not of the archive.
type writeError struct{ err error }

func (e *writeError) Error() string { return e.err.Error() }
func (e *writeError) Unwrap() error { return e.err }

// errAbandoned is what reading a stream gives after a write error stopped it
// part way.
var errAbandoned = errors.New("pgarchive: block read abandoned after a write error")

// endOfData is the end of the compressed stream: the chunk stream must end
// with it.
func (s *stream) endOfData() error {
	var one [1]byte
	if m, err := s.src.Read(one[:]); m > 0 {
		return fmt.Errorf("%w: data after the end of the compressed stream", ErrCorrupt)
	} else if err != io.EOF {
		return err
	}
	s.eof = true
	s.close()
	return nil
}

func isPosError(err error) bool {
	var pe *posError
	return errors.As(err, &pe)
}

// finish passes over whatever is left of the stream without decompressing.
func (s *stream) finish() error {
	s.stop()
	return s.ch.skipRest()
}

// stop ends the readahead, if any, and releases the decompressor.
func (s *stream) stop() {
	s.halt()
	s.close()
}

// halt stops the readahead goroutine, if any, and waits for it: the chunks
// and the cursor are the caller's again, and the stream stays synchronous.
func (s *stream) halt() {
	s.ahead = false
	if s.pre != nil {
		s.pre.halt()
		s.pre = nil
		s.src.r = &s.ch
	}
}

func (s *stream) close() {
	if s.open {
		s.dec.release()
		s.open = false
	}
}
