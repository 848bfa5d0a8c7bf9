package pgarchive

import (
	"errors"
	"sync"
)

// readahead runs a reader in a goroutine, a few buffers ahead of its
// consumer: a large lz4 or zstd stream's chunks are read from the file
// while the caller's goroutine decompresses what came before (see
// stream.Read), on a machine with more than one core. While a readahead
// runs, its goroutine alone uses what fill uses (the chunks and the
// cursor); halt stops it and waits, and only then may anyone else.
type readahead struct {
	full chan raFill   // filled buffers, in order; room for all, so sends never block
	free chan []byte   // buffers for the goroutine to fill
	stop chan struct{} // closed by halt
	done chan struct{} // closed when the goroutine has returned

	cur  []byte // what is left of the buffer being served
	buf  []byte // that whole buffer, to give back
	err  error  // the end or error of the input, after cur
	bufs []*[]byte
}

type raFill struct {
	buf []byte
	n   int
	err error
}

// readaheadAfter is how many bytes a stream must have given before its
// chunks are read ahead, so that small tables and large objects do not pay
// for a goroutine. A variable so that tests can move every stream.
var readaheadAfter int64 = 1 << 20

const (
	raBufSize = 1 << 20
	raBufs    = 3
)

var raPool = sync.Pool{New: func() any { b := make([]byte, raBufSize); return &b }}

// errHalted is what Read gives once the goroutine has been told to stop.
var errHalted = errors.New("pgarchive: readahead stopped")

// startReadahead calls fill on its buffers in turn, each until full, until
// fill fails (io.EOF at the end) or halt is called.
func startReadahead(fill func([]byte) (int, error)) *readahead {
	ra := &readahead{
		full: make(chan raFill, raBufs),
		free: make(chan []byte, raBufs),
		stop: make(chan struct{}),
		done: make(chan struct{}),
	}
	for range raBufs {
		b := raPool.Get().(*[]byte)
		ra.bufs = append(ra.bufs, b)
		ra.free <- *b
	}
	go ra.run(fill)
	return ra
}

func (ra *readahead) run(fill func([]byte) (int, error)) {
	defer close(ra.done)
	for {
		var buf []byte
		select {
		case buf = <-ra.free:
		case <-ra.stop:
			return
		}
		n := 0
		var err error
		for n < len(buf) && err == nil {
			select {
			case <-ra.stop:
				return
			default:
			}
			var m int
			m, err = fill(buf[n:])
			n += m
		}
		ra.full <- raFill{buf, n, err}
		if err != nil {
			return
		}
	}
}

// Read serves the filled buffers in order, then the input's end or error.
func (ra *readahead) Read(p []byte) (int, error) {
	for len(ra.cur) == 0 {
		if ra.err != nil {
			return 0, ra.err
		}
		if ra.buf != nil {
			ra.free <- ra.buf
			ra.buf = nil
		}
		var f raFill
		select {
		case f = <-ra.full:
		case <-ra.done:
			// It returned; whatever it sent is waiting.
			select {
			case f = <-ra.full:
			default:
				f.err = errHalted
			}
		}
		ra.buf, ra.cur, ra.err = f.buf, f.buf[:f.n], f.err
	}
	n := copy(p, ra.cur)
	ra.cur = ra.cur[n:]
	return n, nil
}

// halt stops the goroutine, waits for it to return and gives the buffers
// back.
func (ra *readahead) halt() {
	close(ra.stop)
	<-ra.done
	for _, b := range ra.bufs {
		raPool.Put(b)
	}
	ra.bufs, ra.cur, ra.buf = nil, nil, nil
	if ra.err == nil {
		ra.err = errHalted
	}
}
