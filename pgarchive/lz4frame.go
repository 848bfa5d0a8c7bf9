package pgarchive

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"math/bits"

	"github.com/pierrec/lz4/v4"
)

// lz4Frames decodes the LZ4 frames of one compressed stream with a single
// reused window. pg_dump's LZ4F writes 64 KiB *linked* blocks, and
// pierrec/lz4's Reader reallocates its 64 KiB dictionary for each of them:
// reading 354 MB of COPY text allocated 664 MB and ran 3.8x slower than
// pg_restore (see BENCHMARKS.md). This decoder handles the frames pg_dump
// writes (no checksums, no content size, no dictionary) and hands any other
// frame, and everything after it, to pierrec's Reader.
type lz4Frames struct {
	src      io.Reader
	fallback *lz4.Reader // set once a frame needs pierrec
	inFrame  bool
	linked   bool // blocks may refer to the 64 KiB before them
	blockMax int
	win      []byte // history, then the block being decoded
	n        int    // bytes of win in use
	out      []byte // decoded bytes not yet returned
	pend     []byte // output decoded straight into the caller's p, not yet in win
	comp     []byte // one compressed block
	err      error  // kept for the next Read when a Read had data to return
	hdr      [7]byte
}

const (
	lz4Magic   = 0x184D2204
	lz4History = 64 << 10 // how far back a linked block may refer
)

func (z *lz4Frames) reset(src io.Reader) {
	z.src, z.inFrame, z.n, z.out, z.pend, z.err = src, false, 0, nil, nil, nil
	if z.fallback != nil {
		z.fallback.Reset(nil)
		z.fallback = nil
	}
}

// Read decodes as many blocks as fit in p. A block that fits whole is
// decoded straight into p, with the history taken from p itself when the
// 64 KiB before it are there: a large p then costs no copy but the last
// 64 KiB, kept as the next Read's history.
func (z *lz4Frames) Read(p []byte) (int, error) {
	n, err := z.read(p)
	z.keepPending()
	if err != nil && n > 0 {
		z.err, err = err, nil
	}
	return n, err
}

func (z *lz4Frames) read(p []byte) (int, error) {
	if z.err != nil {
		err := z.err
		z.err = nil
		return 0, err
	}
	n := 0
	for n < len(p) {
		if len(z.out) > 0 {
			m := copy(p[n:], z.out)
			z.out = z.out[m:]
			n += m
			continue
		}
		if z.fallback != nil {
			if n > 0 {
				break
			}
			return z.fallback.Read(p)
		}
		if !z.inFrame {
			if n > 0 {
				break // the next frame, and its errors, for the next Read
			}
			if err := z.startFrame(); err != nil {
				return 0, err
			}
			continue
		}
		if n > 0 && len(p)-n < z.blockMax {
			break // a block may not fit: return what is there
		}
		m, err := z.nextBlock(p[n:], p[:n])
		n += m
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// startFrame reads a frame header. A stream that ends between frames ends
// the data (an empty stream is empty data, as for pierrec).
func (z *lz4Frames) startFrame() error {
	h := z.hdr[:]
	if n, err := io.ReadFull(z.src, h[:4]); err != nil {
		if err == io.EOF && n == 0 {
			return io.EOF
		}
		return err
	}
	if binary.LittleEndian.Uint32(h) != lz4Magic {
		// Skippable frames, or garbage: pierrec's reader decides.
		return z.handOver(h[:4])
	}
	if _, err := io.ReadFull(z.src, h[4:6]); err != nil {
		return noEOF(err)
	}
	flg, bd := h[4], h[5]
	// Version 01, no block checksum, content size, content checksum,
	// reserved bit or dictionary ID: what LZ4F writes for pg_dump.
	if flg&^0x20 != 0x40 {
		return z.handOver(h[:6])
	}
	if _, err := io.ReadFull(z.src, h[6:7]); err != nil {
		return noEOF(err)
	}
	if bd&0x8f != 0 || bd>>4 < 4 {
		return fmt.Errorf("lz4: bad block size byte %#x", bd)
	}
	if hc := byte(xxh32Short(h[4:6]) >> 8); h[6] != hc {
		return fmt.Errorf("lz4: frame header checksum %#x, want %#x", h[6], hc)
	}
	z.linked = flg&0x20 == 0
	z.blockMax = 1 << (8 + 2*int(bd>>4))
	// History plus room for several blocks, so the history moves seldom.
	if size := lz4History + max(2*z.blockMax, 1<<20); len(z.win) != size {
		z.win = make([]byte, size)
	}
	z.n = 0
	z.inFrame = true
	return nil
}

// handOver gives the stream, from the bytes already read, to pierrec.
func (z *lz4Frames) handOver(read []byte) error {
	z.fallback = lz4.NewReader(io.MultiReader(bytes.NewReader(bytes.Clone(read)), z.src))
	return nil
}

// nextBlock reads one block, or the end of the frame. A block goes straight
// into p when p has room for any block and its history is at hand: in the
// window (nothing decoded into p yet) or in before, the caller's output so
// far, which must then hold the whole 64 KiB. Else it goes into the window
// and is served from z.out. It returns the bytes written to p.
func (z *lz4Frames) nextBlock(p, before []byte) (int, error) {
	var b [4]byte
	if _, err := io.ReadFull(z.src, b[:]); err != nil {
		return 0, noEOF(err)
	}
	size := binary.LittleEndian.Uint32(b[:])
	if size == 0 {
		z.inFrame = false // end mark; no content checksum in these frames
		return 0, nil
	}
	stored := size&(1<<31) != 0
	size &^= 1 << 31
	if int64(size) > int64(z.blockMax) {
		return 0, fmt.Errorf("lz4: block of %d bytes in a frame of %d-byte blocks", size, z.blockMax)
	}
	var dict, dst []byte
	direct := len(p) >= z.blockMax
	switch {
	case !z.linked:
		z.n = 0
	case !direct:
	case len(z.pend) == 0:
		// The history is the window's.
	case len(z.pend) >= lz4History && len(before) >= lz4History:
		// z.pend ends before; the 64 KiB before p are the history.
		dict = before[len(before)-lz4History:]
	default:
		direct = false
	}
	if !direct {
		z.keepPending()
		if z.n+z.blockMax > len(z.win) {
			keep := min(z.n, lz4History)
			copy(z.win, z.win[z.n-keep:z.n])
			z.n = keep
		}
		dst = z.win[z.n : z.n+z.blockMax]
	} else {
		dst = p[:z.blockMax]
	}
	if z.linked && dict == nil {
		dict = z.win[max(0, z.n-lz4History):z.n]
	}
	var out []byte
	if stored {
		if _, err := io.ReadFull(z.src, dst[:size]); err != nil {
			return 0, noEOF(err)
		}
		out = dst[:size]
	} else {
		if cap(z.comp) < int(size) {
			z.comp = make([]byte, size)
		}
		c := z.comp[:size]
		if _, err := io.ReadFull(z.src, c); err != nil {
			return 0, noEOF(err)
		}
		m, err := lz4.UncompressBlockWithDict(c, dst, dict)
		if err != nil {
			return 0, err
		}
		out = dst[:m]
	}
	if !direct {
		z.out = out
		z.n += len(out)
		return 0, nil
	}
	if z.linked {
		if len(z.pend) == 0 {
			z.pend = out
		} else {
			// out follows z.pend in the caller's p.
			z.pend = before[len(before)-len(z.pend) : len(before)+len(out)]
		}
	}
	return len(out), nil
}

// keepPending copies the history decoded into the caller's p (the last
// 64 KiB of it) into the window, before p goes back to the caller.
func (z *lz4Frames) keepPending() {
	out := z.pend
	z.pend = nil
	if len(out) == 0 {
		return
	}
	if len(out) >= lz4History {
		z.n = copy(z.win, out[len(out)-lz4History:])
		return
	}
	if z.n+len(out) > len(z.win) {
		keep := min(z.n, lz4History-len(out))
		copy(z.win, z.win[z.n-keep:z.n])
		z.n = keep
	}
	z.n += copy(z.win[z.n:], out)
}

// noEOF: inside a frame, the end of the stream is premature.
func noEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// xxh32Short is XXH32 with seed 0 of fewer than 16 bytes, which is all the
// frame header checksum needs.
func xxh32Short(p []byte) uint32 {
	const (
		prime1 = 2654435761
		prime2 = 2246822519
		prime3 = 3266489917
		prime4 = 668265263
		prime5 = 374761393
	)
	h := uint32(prime5) + uint32(len(p))
	for ; len(p) >= 4; p = p[4:] {
		h += binary.LittleEndian.Uint32(p) * prime3
		h = bits.RotateLeft32(h, 17) * prime4
	}
	for _, c := range p {
		h += uint32(c) * prime5
		h = bits.RotateLeft32(h, 11) * prime1
	}
	h ^= h >> 15
	h *= prime2
	h ^= h >> 13
	h *= prime3
	h ^= h >> 16
	return h
}
