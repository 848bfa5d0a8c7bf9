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
	comp     []byte // one compressed block
	hdr      [7]byte
}

const (
	lz4Magic   = 0x184D2204
	lz4History = 64 << 10 // how far back a linked block may refer
)

func (z *lz4Frames) reset(src io.Reader) {
	z.src, z.inFrame, z.n, z.out = src, false, 0, nil
	if z.fallback != nil {
		z.fallback.Reset(nil)
		z.fallback = nil
	}
}

func (z *lz4Frames) Read(p []byte) (int, error) {
	for len(z.out) == 0 {
		if z.fallback != nil {
			return z.fallback.Read(p)
		}
		if !z.inFrame {
			if err := z.startFrame(); err != nil {
				return 0, err
			}
			continue
		}
		if err := z.nextBlock(); err != nil {
			return 0, err
		}
	}
	n := copy(p, z.out)
	z.out = z.out[n:]
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

// nextBlock decodes one block into the window, or ends the frame.
func (z *lz4Frames) nextBlock() error {
	var b [4]byte
	if _, err := io.ReadFull(z.src, b[:]); err != nil {
		return noEOF(err)
	}
	size := binary.LittleEndian.Uint32(b[:])
	if size == 0 {
		z.inFrame = false // end mark; no content checksum in these frames
		return nil
	}
	stored := size&(1<<31) != 0
	size &^= 1 << 31
	if int64(size) > int64(z.blockMax) {
		return fmt.Errorf("lz4: block of %d bytes in a frame of %d-byte blocks", size, z.blockMax)
	}
	if z.n+z.blockMax > len(z.win) {
		keep := min(z.n, lz4History)
		copy(z.win, z.win[z.n-keep:z.n])
		z.n = keep
	}
	var dict []byte
	if z.linked {
		dict = z.win[max(0, z.n-lz4History):z.n]
	} else {
		z.n = 0
	}
	dst := z.win[z.n : z.n+z.blockMax]
	if stored {
		if _, err := io.ReadFull(z.src, dst[:size]); err != nil {
			return noEOF(err)
		}
		z.out = dst[:size]
	} else {
		if cap(z.comp) < int(size) {
			z.comp = make([]byte, size)
		}
		c := z.comp[:size]
		if _, err := io.ReadFull(z.src, c); err != nil {
			return noEOF(err)
		}
		m, err := lz4.UncompressBlockWithDict(c, dst, dict)
		if err != nil {
			return err
		}
		z.out = dst[:m]
	}
	z.n += len(z.out)
	return nil
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
