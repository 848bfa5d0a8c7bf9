package pgarchive

import (
	"errors"
	"fmt"
	"io"
	"sync"
)

// Block reads one data block. For a TABLE DATA block, Read returns the
// decompressed payload (COPY text ending in "\.\n", or INSERT statements).
// For a BLOBS block, NextBlob moves to each large object in turn and Read
// returns that object's contents.
//
// A Block is read by one goroutine at a time, but Close may come from
// another while a Read or WriteTo is still running: pgconn's CopyFrom, on a
// broken connection or a cancelled context, returns while its goroutine is
// still inside our Read. Close then only marks the block closed; the
// running call gives the buffers and the decompressor back to their pools
// when it returns, so nothing pooled is reused while it is in use, and
// every later call fails without touching them.
type Block struct {
	Entry  *Entry
	Offset int64 // position of the block's type byte

	typ byte
	c   *cursor
	alg Compression

	s       stream
	started bool // the current stream (data, or the current blob) is open
	done    bool // every stream of the block was passed
	blob    bool // a blob is current
	zipped  int64
	err     error  // sticky
	release func() // returns a Reader's cursor

	f *fileData // set instead of the above in tar and directory archives

	// mu guards busy and closed, which hand the buffers between a running
	// call and Close (see the type's comment); idle is signalled when a
	// call ends.
	mu     sync.Mutex
	idle   sync.Cond
	busy   bool // a Read, WriteTo or NextBlob is running
	closed bool
}

// enter starts a Read, WriteTo or NextBlob; it fails once the block is
// closed.
func (b *Block) enter() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return errClosed
	}
	b.busy = true
	return nil
}

// leave ends what enter started, releasing the block if Close came
// meanwhile.
func (b *Block) leave() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.busy = false
	if b.closed {
		b.free()
	}
	b.idle.Broadcast()
}

// waitIdle waits until no call is running; the caller holds b.mu.
func (b *Block) waitIdle() {
	if b.idle.L == nil {
		b.idle.L = &b.mu
	}
	for b.busy {
		b.idle.Wait()
	}
}

// readBlockHeader reads a block's type byte and dump ID.
func readBlockHeader(c *cursor) (typ byte, id int, err error) {
	off := c.pos
	if typ, err = c.readByte(); err != nil {
		return 0, 0, err
	}
	if typ != blockData && typ != blockBlobs {
		return 0, 0, c.fail(off, fmt.Errorf("%w: unknown block type %d", ErrCorrupt, typ))
	}
	n, err := c.readCount("block dump ID", 1, 1<<31-1)
	if err != nil {
		return 0, 0, err
	}
	return typ, int(n), nil
}

// IsBlobs reports whether the block holds large objects.
func (b *Block) IsBlobs() bool { return b.typ == blockBlobs }

// CompressedBytes is how many payload bytes of the file the block has used so
// far; once the block has been read to its end it is the block's stored size.
// On a large stream it runs up to a few MiB ahead of the data Read returned,
// as the chunks are read ahead (readahead.go).
func (b *Block) CompressedBytes() int64 {
	if b.f != nil {
		return b.f.counted.Load()
	}
	return b.zipped + b.s.ch.n.Load()
}

func (b *Block) fail(err error) error {
	if b.err == nil {
		b.err = wrap(err, b.Entry, b.Offset)
	}
	return b.err
}

// current gets the stream that Read and WriteTo read ready, starting the
// table data's on first use. It reports false when there is none: the data
// was read to its end, or a BLOBS block has no current object.
func (b *Block) current() (bool, error) {
	if b.err != nil {
		return false, b.err
	}
	if b.typ == blockBlobs {
		if !b.blob {
			return false, nil
		}
	} else if !b.started && !b.done {
		if err := b.s.start(b.c, b.alg); err != nil {
			return false, b.fail(err)
		}
		b.started = true
	}
	if !b.started {
		return false, nil
	}
	if b.s.abandoned {
		// Not sticky: the block may still be passed over.
		return false, wrap(errAbandoned, b.Entry, b.Offset)
	}
	return true, nil
}

// streamEnded is the end of the current stream.
func (b *Block) streamEnded() {
	b.endStream()
	if b.typ == blockData {
		b.done = true
	}
}

// Read reads decompressed data: the table data, or the current large object.
func (b *Block) Read(p []byte) (int, error) {
	if err := b.enter(); err != nil {
		return 0, err
	}
	defer b.leave()
	if b.f != nil {
		return b.f.Read(p)
	}
	if ok, err := b.current(); !ok {
		if err == nil {
			err = io.EOF
		}
		return 0, err
	}
	n, err := b.s.Read(p)
	if err == io.EOF {
		b.streamEnded()
		return n, io.EOF
	}
	if err != nil {
		return n, b.fail(err)
	}
	return n, nil
}

// WriteTo writes the rest of the decompressed data (the table data, or the
// current large object) to w, which io.Copy uses: a zstd block is written
// straight from the decompressor's window, without a copy through a
// buffer. An error of w's is returned as it is; the block is then left part
// read, and only NextBlob (for a BLOBS block) or the next block may follow.
func (b *Block) WriteTo(w io.Writer) (int64, error) {
	if err := b.enter(); err != nil {
		return 0, err
	}
	defer b.leave()
	if b.f != nil {
		return b.f.WriteTo(w)
	}
	if ok, err := b.current(); !ok {
		return 0, err
	}
	n, err := b.s.writeTo(w)
	var we *writeError
	switch {
	case err == nil:
		b.streamEnded()
		return n, nil
	case errors.As(err, &we):
		return n, we.err
	}
	return n, b.fail(err)
}

func (b *Block) endStream() {
	b.zipped += b.s.ch.n.Load()
	b.s.ch.n.Store(0)
	b.started = false
}

// NextBlob moves to the next large object of a BLOBS block and returns its
// OID; it returns io.EOF after the last one.
func (b *Block) NextBlob() (uint32, error) {
	if err := b.enter(); err != nil {
		return 0, err
	}
	defer b.leave()
	if b.f != nil {
		return b.f.NextBlob()
	}
	if b.err != nil {
		return 0, b.err
	}
	if b.typ != blockBlobs {
		return 0, b.fail(errors.New("NextBlob on a block that holds no large objects"))
	}
	if b.done {
		return 0, io.EOF
	}
	if b.started {
		if err := b.s.finish(); err != nil {
			return 0, b.fail(err)
		}
		b.endStream()
	}
	b.blob = false
	off := b.c.pos
	v, err := b.c.readInt()
	if err != nil {
		return 0, b.fail(err)
	}
	if v == 0 {
		b.done = true
		return 0, io.EOF
	}
	oid := uint32(int32(v))
	if err := b.s.start(b.c, b.alg); err != nil {
		return 0, b.fail(&posError{off, fmt.Errorf("large object %d: %w", oid, err)})
	}
	b.started, b.blob = true, true
	return oid, nil
}

// skipRest passes over the rest of the block without decompressing, leaving
// the cursor at the next block. A Stream calls it on a block that may be
// closed; it waits for a call still running on another goroutine, since
// the cursor is shared.
func (b *Block) skipRest() error {
	b.mu.Lock()
	b.waitIdle()
	b.mu.Unlock()
	if b.err != nil {
		return b.err
	}
	if b.typ == blockData {
		if !b.done {
			if !b.started {
				b.s.ch.reset(b.c)
			}
			if err := b.s.finish(); err != nil {
				return b.fail(err)
			}
			b.endStream()
			b.done = true
		}
		return nil
	}
	for !b.done {
		if b.started {
			if err := b.s.finish(); err != nil {
				return b.fail(err)
			}
			b.endStream()
		}
		b.blob = false
		v, err := b.c.readInt()
		if err != nil {
			return b.fail(err)
		}
		if v == 0 {
			b.done = true
			break
		}
		b.s.ch.reset(b.c)
		b.started = true
		b.s.open = false
	}
	return nil
}

// errClosed is what reading a Block gives after its Close.
var errClosed = errors.New("pgarchive: read from a closed block")

// Close releases the block's decompressor and buffers; it does not read the
// rest. If a call is still running on another goroutine, the release
// happens when that call returns (see Block).
func (b *Block) Close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return nil
	}
	b.closed = true
	if !b.busy {
		b.free()
	}
	return nil
}

// free gives back the decompressor, the readahead and a Reader's cursor;
// the caller holds b.mu and no call is running.
func (b *Block) free() {
	if b.f != nil {
		b.f.Close()
		return
	}
	b.s.stop()
	if b.release != nil {
		b.release()
		b.release = nil
	}
}
