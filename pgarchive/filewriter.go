package pgarchive

import (
	"bufio"
	"fmt"
	"io"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
	"github.com/pierrec/lz4/v4"
)

// WriteTOCFile writes the toc.dat of a directory or tar archive: h's
// header, with the tar format code as pg_dump writes it in both, and the
// entries, each ending with its data file's name (Entry.File, "" for none)
// where a custom archive has an offset. Entries with HadDumper need a File.
func WriteTOCFile(out io.Writer, h Header, entries []*Entry) error {
	h.Format = FormatTar
	aw := &Writer{out: bufio.NewWriterSize(out, 64<<10), h: h, ids: map[int]bool{}, fileTOC: true}
	if aw.h.IntSize == 0 {
		aw.h.IntSize = 4
	}
	if aw.h.OffSize == 0 {
		aw.h.OffSize = 8
	}
	if aw.err = aw.checkHeader(); aw.err != nil {
		return aw.err
	}
	for _, e := range entries {
		if e.HadDumper {
			if err := checkFileName(e.File); err != nil {
				return fmt.Errorf("pgarchive: writer: %s: %w", e, err)
			}
		} else if e.File != "" {
			return fmt.Errorf("pgarchive: writer: %s: a data file for an entry without data", e)
		}
		if err := aw.Add(e); err != nil {
			return err
		}
	}
	if err := aw.start(); err != nil {
		return err
	}
	if err := aw.out.Flush(); err != nil {
		return fmt.Errorf("pgarchive: writer: %w", err)
	}
	return nil
}

// FileSuffix is the suffix pg_dump gives a directory archive's data files
// compressed with c: ".gz", ".lz4", ".zst", or none.
func FileSuffix(c Compression) string {
	switch c {
	case CompressionGzip:
		return ".gz"
	case CompressionLZ4:
		return ".lz4"
	case CompressionZstd:
		return ".zst"
	}
	return ""
}

// NewFileCompressor returns a writer that compresses what it is given into
// one whole file as pg_dump's directory format writes them: a gzip file, an
// LZ4 frame or a zstd frame (or the bytes as they are for none). level 0 is
// the library's default. Close ends the compressed stream; it does not
// close w.
func NewFileCompressor(w io.Writer, c Compression, level int) (io.WriteCloser, error) {
	switch c {
	case CompressionNone:
		return nopWriteCloser{w}, nil
	case CompressionGzip:
		if level == 0 || level == -1 {
			level = gzip.DefaultCompression
		}
		return gzip.NewWriterLevel(w, level)
	case CompressionLZ4:
		lw := lz4.NewWriter(w)
		opts := []lz4.Option{lz4.BlockSizeOption(lz4.Block64Kb), lz4.ChecksumOption(false), lz4.ConcurrencyOption(1)}
		if level > 1 {
			opts = append(opts, lz4.CompressionLevelOption(lz4Level(level)))
		}
		if err := lw.Apply(opts...); err != nil {
			return nil, fmt.Errorf("pgarchive: lz4 options: %w", err)
		}
		return lw, nil
	case CompressionZstd:
		if level == 0 {
			level = 3
		}
		return zstd.NewWriter(w, zstd.WithEncoderLevel(zstd.EncoderLevelFromZstd(level)),
			zstd.WithEncoderCRC(false), zstd.WithEncoderConcurrency(1), zstd.WithZeroFrames(true))
	}
	return nil, fmt.Errorf("pgarchive: %w: %s", ErrCompression, c)
}

type nopWriteCloser struct{ io.Writer }

func (nopWriteCloser) Close() error { return nil }
