package pgarchive

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/klauspost/compress/zlib"
	"github.com/klauspost/compress/zstd"
	"github.com/pierrec/lz4/v4"
)

// Writer writes a custom archive the way pg_dump does: the header and the
// whole TOC first, then one data block per entry that has data, in TOC order,
// and finally, when the output can seek, the TOC again in place with each
// block's position. On an output that cannot seek (a pipe) the positions stay
// "not set", which pg_restore and Stream read by walking the blocks.
//
// Use it in three steps: Add every entry, then call Data (or Blobs) for each
// entry whose HadDumper is true, in TOC order, closing each block before the
// next, and finally Close. A Writer holds one block's compressor at a time,
// so memory does not grow with the data.
type Writer struct {
	out    *bufio.Writer
	seeker io.WriteSeeker // nil when the output cannot seek
	base   int64          // the output's position when the Writer started
	pos    int64          // bytes written so far, relative to base

	h       Header
	level   int
	entries []*Entry
	ids     map[int]bool

	tocStart int64 // position of the TOC count, relative to base
	started  bool  // header and TOC written
	next     int   // index in entries from which to look for the next data entry
	open     bool  // a block is being written
	wrote    bool  // at least one block was written
	closed   bool
	err      error // sticky: the first write error

	comp compressor

	// fileTOC: the TOC of a tar or directory archive's toc.dat, whose
	// entries end with their data file's name instead of an offset.
	fileTOC bool
}

// NewWriter returns a Writer that writes an archive with header h to w. The
// header's Version must be 1.12 to 1.16; 1.14 is what pg_restore 12 and later
// read, and lz4 or zstd need 1.15 or later. IntSize, OffSize and Format may be
// left zero and default to what pg_dump writes (4, 8, custom). For 1.14 and
// older, a gzip archive stores h.Level as its zlib level, -1 (the default)
// when h.Level is 0. TOCCount is ignored: the count is that of the added
// entries.
//
// When w is an io.WriteSeeker whose Seek works (a regular file, not a pipe),
// Close rewrites the TOC with the data positions.
func NewWriter(w io.Writer, h Header) *Writer {
	aw := &Writer{out: bufio.NewWriterSize(w, 64<<10), h: h, ids: map[int]bool{}}
	if ws, ok := w.(io.WriteSeeker); ok {
		if p, err := ws.Seek(0, io.SeekCurrent); err == nil {
			aw.seeker, aw.base = ws, p
		}
	}
	if aw.h.IntSize == 0 {
		aw.h.IntSize = 4
	}
	if aw.h.OffSize == 0 {
		aw.h.OffSize = 8
	}
	if aw.h.Format == 0 {
		aw.h.Format = FormatCustom
	}
	aw.err = aw.checkHeader()
	return aw
}

func (w *Writer) checkHeader() error {
	h := &w.h
	if h.Version.Less(MinVersion) || MaxVersion.Less(h.Version) {
		return fmt.Errorf("pgarchive: writer: %w %s; the writer handles 1.12 to 1.16", ErrVersion, h.Version)
	}
	if h.IntSize != 4 || h.OffSize != 8 || (h.Format != FormatCustom && !(w.fileTOC && h.Format == FormatTar)) {
		return fmt.Errorf("pgarchive: writer: int size %d, offset size %d, format %d: only 4, 8 and custom (1) are written", h.IntSize, h.OffSize, h.Format)
	}
	if h.Compression > CompressionZstd {
		return fmt.Errorf("pgarchive: writer: %w: %s", ErrCompression, h.Compression)
	}
	if h.Version.Less(V1_15) {
		if h.Compression == CompressionLZ4 || h.Compression == CompressionZstd {
			return fmt.Errorf("pgarchive: writer: %w: %s needs format 1.15 or later, not %s", ErrCompression, h.Compression, h.Version)
		}
		if h.Compression == CompressionGzip && h.Level == 0 {
			h.Level = -1
		}
		if h.Compression == CompressionNone {
			h.Level = 0
		}
		if h.Level < -1 || h.Level > 9 {
			return fmt.Errorf("pgarchive: writer: zlib level %d out of range -1..9", h.Level)
		}
	} else {
		h.Level = 0
	}
	return nil
}

// SetLevel sets the compression level of the data blocks: 1-9 for gzip
// (zlib), 1-12 for lz4 (1 is lz4's fast mode, higher is HC), 1-22 for zstd.
// 0 keeps each library's default, which is pg_dump's default too (zlib 6,
// lz4 fast, zstd 3). For a 1.14 gzip archive the header's stored level also
// decides the level when SetLevel is not called. Call it before the first
// Data or Blobs.
func (w *Writer) SetLevel(level int) error {
	if w.started {
		return errors.New("pgarchive: writer: SetLevel after writing began")
	}
	w.level = level
	return nil
}

// Add appends e to the TOC. Entries must all be added before the first call
// to Data, Blobs or Close, because the TOC is written before the data. The
// Writer keeps e and, on a seekable output, sets its DataState and Offset
// when Close rewrites the TOC.
func (w *Writer) Add(e *Entry) error {
	if w.err != nil {
		return w.err
	}
	if w.started {
		return fmt.Errorf("pgarchive: writer: %s added after writing began", e)
	}
	if e.DumpID <= 0 {
		return fmt.Errorf("pgarchive: writer: %s: dump ID must be positive", e)
	}
	if w.ids[e.DumpID] {
		return fmt.Errorf("pgarchive: writer: %s: duplicate dump ID", e)
	}
	if e.Section < SectionNone || e.Section > SectionPostData {
		return fmt.Errorf("pgarchive: writer: %s: bad section %d", e, int(e.Section))
	}
	if e.Relkind < 0 || e.Relkind > 255 {
		return fmt.Errorf("pgarchive: writer: %s: bad relkind %d", e, e.Relkind)
	}
	for _, d := range e.Dependencies {
		if d <= 0 {
			return fmt.Errorf("pgarchive: writer: %s: bad dependency %d", e, d)
		}
	}
	w.ids[e.DumpID] = true
	if e.HadDumper {
		e.DataState, e.Offset = DataPosNotSet, 0
	} else {
		e.DataState, e.Offset = DataNone, 0
	}
	w.entries = append(w.entries, e)
	return nil
}

// start writes the header and the TOC, once.
func (w *Writer) start() error {
	if w.err != nil {
		return w.err
	}
	if w.started {
		return nil
	}
	w.started = true
	if w.err = w.writeHeader(); w.err != nil {
		return w.err
	}
	w.tocStart = w.pos
	w.err = w.writeTOC()
	return w.err
}

// Data starts e's data block and returns a writer for its uncompressed
// payload: for TABLE DATA, COPY text ending in "\.\n" (pg_dump writes
// "\.\n\n\n"). The payload is compressed and written in chunks as it comes.
// Entries with data must be written in TOC order, each closed before the
// next; e must have been added with HadDumper set.
func (w *Writer) Data(e *Entry) (io.WriteCloser, error) {
	if err := w.beginBlock(e, blockData); err != nil {
		return nil, err
	}
	if err := w.comp.begin(w); err != nil {
		return nil, w.fail(e, err)
	}
	return &dataWriter{w: w, e: e}, nil
}

// Blobs starts e's data block as a BLOBS block of large objects. Add each
// object with BlobsWriter.Create, then Close the BlobsWriter.
func (w *Writer) Blobs(e *Entry) (*BlobsWriter, error) {
	if err := w.beginBlock(e, blockBlobs); err != nil {
		return nil, err
	}
	return &BlobsWriter{w: w, e: e}, nil
}

// beginBlock checks that e is the next entry with data and writes the block
// header.
func (w *Writer) beginBlock(e *Entry, typ byte) error {
	if err := w.start(); err != nil {
		return err
	}
	if w.closed {
		return fmt.Errorf("pgarchive: writer: %s: writer is closed", e)
	}
	if w.open {
		return fmt.Errorf("pgarchive: writer: %s: the previous block is still open", e)
	}
	i := w.next
	for i < len(w.entries) && !w.entries[i].HadDumper {
		i++
	}
	if i == len(w.entries) || w.entries[i] != e {
		if i < len(w.entries) {
			return fmt.Errorf("pgarchive: writer: %s: data out of TOC order, %s comes first", e, w.entries[i])
		}
		return fmt.Errorf("pgarchive: writer: %s: no data block expected (not added, without HadDumper, or already written)", e)
	}
	w.next = i + 1
	w.open, w.wrote = true, true
	e.Offset = w.base + w.pos
	w.writeByte(typ)
	w.writeInt(int64(e.DumpID))
	return w.fail(e, w.err)
}

// Close finishes the archive: it writes the header and TOC if no block was
// written, checks that every entry with data got its block, and on a
// seekable output rewrites the TOC with the block positions. It does not
// close the underlying writer.
func (w *Writer) Close() error {
	if w.closed {
		return w.err
	}
	if err := w.start(); err != nil {
		return err
	}
	if w.open {
		return errors.New("pgarchive: writer: Close with a block still open")
	}
	w.closed = true
	for _, e := range w.entries[w.next:] {
		if e.HadDumper {
			w.err = fmt.Errorf("pgarchive: writer: %s: no data block written", e)
			return w.err
		}
	}
	if w.err = w.out.Flush(); w.err != nil {
		return fmt.Errorf("pgarchive: writer: %w", w.err)
	}
	w.comp.release()
	// Like pg_dump, rewrite only when there was data to point at.
	if w.seeker == nil || !w.wrote {
		return nil
	}
	end := w.pos
	if _, err := w.seeker.Seek(w.base+w.tocStart, io.SeekStart); err != nil {
		w.err = fmt.Errorf("pgarchive: writer: seek to TOC: %w", err)
		return w.err
	}
	for _, e := range w.entries {
		if e.HadDumper {
			e.DataState = DataPosSet
		}
	}
	w.pos = w.tocStart
	if w.err = w.writeTOC(); w.err != nil {
		return w.err
	}
	if w.err = w.out.Flush(); w.err != nil {
		return fmt.Errorf("pgarchive: writer: rewrite TOC: %w", w.err)
	}
	if _, err := w.seeker.Seek(w.base+end, io.SeekStart); err != nil {
		w.err = fmt.Errorf("pgarchive: writer: seek to end: %w", err)
		return w.err
	}
	w.pos = end
	return nil
}

// Size is the number of bytes written so far (buffered ones included).
func (w *Writer) Size() int64 { return w.pos }

func (w *Writer) fail(e *Entry, err error) error {
	if err == nil {
		return nil
	}
	if w.err == nil {
		w.err = fmt.Errorf("pgarchive: writer: %s: %w", e, err)
	}
	return w.err
}

// Low-level encoders. They record the first error in w.err and do nothing
// once there is one, so callers check w.err after a run of writes.

func (w *Writer) write(p []byte) {
	if w.err != nil {
		return
	}
	n, err := w.out.Write(p)
	w.pos += int64(n)
	if err != nil {
		w.err = fmt.Errorf("pgarchive: writer: at offset %d: %w", w.pos, err)
	}
}

func (w *Writer) writeByte(b byte) { w.write([]byte{b}) }

// writeInt writes v as pg_dump does: a sign byte, then the magnitude in four
// little-endian bytes. Callers pass int32 range values; an OID goes through
// int32 first (see writeOID).
func (w *Writer) writeInt(v int64) {
	var b [5]byte
	if v < 0 {
		b[0] = 1
		v = -v
	}
	binary.LittleEndian.PutUint32(b[1:], uint32(v))
	w.write(b[:])
}

// writeOID writes an OID through a C int, as pg_dump does, so OIDs of 2^31
// and above come out negative.
func (w *Writer) writeOID(oid uint32) { w.writeInt(int64(int32(oid))) }

func (w *Writer) writeStr(s NullString) {
	if !s.Valid {
		w.writeInt(-1)
		return
	}
	w.writeInt(int64(len(s.String)))
	if w.err == nil && len(s.String) > maxStringLen {
		w.err = fmt.Errorf("pgarchive: writer: string of %d bytes is too long", len(s.String))
		return
	}
	if w.err == nil {
		n, err := w.out.WriteString(s.String)
		w.pos += int64(n)
		if err != nil {
			w.err = fmt.Errorf("pgarchive: writer: at offset %d: %w", w.pos, err)
		}
	}
}

func (w *Writer) writeHeader() error {
	h := &w.h
	w.write([]byte(Magic))
	w.write([]byte{h.Version.Major, h.Version.Minor, h.Version.Rev, byte(h.IntSize), byte(h.OffSize), byte(h.Format)})
	if h.Version.AtLeast(V1_15) {
		w.writeByte(byte(h.Compression))
	} else {
		w.writeInt(int64(h.Level))
	}
	t := h.Created
	for _, v := range []int{t.Sec, t.Min, t.Hour, t.Day, t.Month, t.Year, t.IsDST} {
		w.writeInt(int64(v))
	}
	w.writeStr(Str(h.DBName))
	w.writeStr(h.ServerVersion)
	w.writeStr(h.DumpVersion)
	w.writeInt(int64(len(w.entries)))
	return w.err
}

func (w *Writer) writeTOC() error {
	v := w.h.Version
	for _, e := range w.entries {
		w.writeInt(int64(e.DumpID))
		had := int64(0)
		if e.HadDumper {
			had = 1
		}
		w.writeInt(had)
		w.writeStr(Str(strconv.FormatUint(uint64(e.TableOID), 10)))
		w.writeStr(Str(strconv.FormatUint(uint64(e.OID), 10)))
		w.writeStr(Str(e.Tag))
		w.writeStr(Str(e.Desc))
		w.writeInt(int64(e.Section))
		w.writeStr(e.Defn)
		w.writeStr(e.DropStmt)
		w.writeStr(e.CopyStmt)
		w.writeStr(e.Namespace)
		w.writeStr(e.Tablespace)
		if v.AtLeast(V1_14) {
			w.writeStr(e.TableAM)
		}
		if v.AtLeast(V1_16) {
			w.writeInt(int64(e.Relkind))
		}
		w.writeStr(e.Owner)
		withOIDs := e.WithOIDs
		if withOIDs == "" {
			withOIDs = "false"
		}
		w.writeStr(Str(withOIDs))
		for _, d := range e.Dependencies {
			w.writeStr(Str(strconv.Itoa(d)))
		}
		w.writeStr(NullString{})
		if w.fileTOC {
			w.writeStr(Str(e.File))
			if w.err != nil {
				return fmt.Errorf("%w (TOC %s)", w.err, e)
			}
			continue
		}
		var off [9]byte
		off[0] = byte(e.DataState)
		if e.DataState == DataPosSet {
			binary.LittleEndian.PutUint64(off[1:], uint64(e.Offset))
		}
		w.write(off[:])
		if w.err != nil {
			return fmt.Errorf("%w (TOC %s)", w.err, e)
		}
	}
	return w.err
}

// writeChunk writes one chunk of a block's chunk stream; empty chunks are
// never written, since length 0 ends the stream.
func (w *Writer) writeChunk(p []byte) error {
	if len(p) == 0 {
		return w.err
	}
	w.writeInt(int64(len(p)))
	w.write(p)
	return w.err
}

// dataWriter is the io.WriteCloser of a table data block.
type dataWriter struct {
	w      *Writer
	e      *Entry
	closed bool
}

func (d *dataWriter) Write(p []byte) (int, error) {
	if d.closed {
		return 0, fmt.Errorf("pgarchive: writer: %s: write after close", d.e)
	}
	if d.w.err != nil {
		return 0, d.w.err
	}
	if err := d.w.comp.write(p); err != nil {
		return 0, d.w.fail(d.e, err)
	}
	return len(p), nil
}

func (d *dataWriter) Close() error {
	if d.closed {
		return d.w.err
	}
	d.closed = true
	if err := d.w.comp.end(); err != nil {
		return d.w.fail(d.e, err)
	}
	d.w.writeInt(0)
	d.w.open = false
	return d.w.fail(d.e, d.w.err)
}

// BlobsWriter writes the large objects of one BLOBS block.
type BlobsWriter struct {
	w      *Writer
	e      *Entry
	inBlob bool
	closed bool
}

// Create starts the large object oid (not 0) and returns a writer for its
// contents, valid until the next Create or Close.
func (b *BlobsWriter) Create(oid uint32) (io.Writer, error) {
	if b.closed {
		return nil, fmt.Errorf("pgarchive: writer: %s: large object %d after close", b.e, oid)
	}
	if oid == 0 {
		return nil, fmt.Errorf("pgarchive: writer: %s: large object OID 0 is invalid", b.e)
	}
	if err := b.endBlob(); err != nil {
		return nil, err
	}
	b.w.writeOID(oid)
	if b.w.err != nil {
		return nil, b.w.fail(b.e, b.w.err)
	}
	if err := b.w.comp.begin(b.w); err != nil {
		return nil, b.w.fail(b.e, err)
	}
	b.inBlob = true
	return &dataWriter{w: b.w, e: b.e}, nil
}

func (b *BlobsWriter) endBlob() error {
	if !b.inBlob {
		return b.w.err
	}
	b.inBlob = false
	if err := b.w.comp.end(); err != nil {
		return b.w.fail(b.e, err)
	}
	b.w.writeInt(0)
	return b.w.fail(b.e, b.w.err)
}

// Close ends the last large object and the block.
func (b *BlobsWriter) Close() error {
	if b.closed {
		return b.w.err
	}
	b.closed = true
	if err := b.endBlob(); err != nil {
		return err
	}
	b.w.writeInt(0)
	b.w.open = false
	return b.w.fail(b.e, b.w.err)
}

// compressor turns one payload stream into chunks as pg_dump's compressors
// cut them: none writes one chunk per Write; gzip one zlib stream cut into
// 4096-byte chunks; lz4 and zstd one frame, each piece of output the library
// produces for one Write (the lz4 frame header first, then completed blocks)
// sent as a chunk. The library writers are kept and Reset for each stream.
type compressor struct {
	w    *Writer
	alg  Compression
	sink chunker

	zl *zlib.Writer
	lz *lz4.Writer
	zs *zstd.Encoder
}

// zlibChunk is pg_dump's ZLIB_OUT_SIZE: it writes its deflate output buffer
// whenever it fills.
const zlibChunk = 4096

// maxPending bounds what the chunker holds for lz4 and zstd before it writes a
// chunk regardless, so one huge Write cannot grow the buffer.
const maxPending = 1 << 20

func (c *compressor) begin(w *Writer) error {
	c.w = w
	c.alg = w.h.Compression
	c.sink = chunker{w: w, buf: c.sink.buf[:0]}
	switch c.alg {
	case CompressionNone:
		return nil
	case CompressionGzip:
		c.sink.fixed = zlibChunk
		if c.zl == nil {
			level := w.level
			if level == 0 {
				level = w.h.Level
			}
			if level == 0 || level == -1 {
				level = zlib.DefaultCompression
			}
			zl, err := zlib.NewWriterLevel(&c.sink, level)
			if err != nil {
				return fmt.Errorf("gzip level %d: %w", level, err)
			}
			c.zl = zl
			return nil
		}
		c.zl.Reset(&c.sink)
	case CompressionLZ4:
		if c.lz == nil {
			c.lz = lz4.NewWriter(&c.sink)
		} else {
			c.lz.Reset(&c.sink)
		}
		// Options are lost on Reset, so they are applied for every stream:
		// 64 KiB blocks and no checksums, as pg_dump's LZ4F preferences.
		opts := []lz4.Option{lz4.BlockSizeOption(lz4.Block64Kb), lz4.ChecksumOption(false), lz4.BlockChecksumOption(false), lz4.ConcurrencyOption(1)}
		if w.level > 1 {
			opts = append(opts, lz4.CompressionLevelOption(lz4Level(w.level)))
		}
		if err := c.lz.Apply(opts...); err != nil {
			return fmt.Errorf("lz4 options: %w", err)
		}
		// pg_dump sends the frame header as a chunk of its own.
		if _, err := c.lz.Write(nil); err != nil {
			return fmt.Errorf("lz4 frame header: %w", err)
		}
		return c.sink.flush()
	case CompressionZstd:
		if c.zs == nil {
			level := w.level
			if level == 0 {
				level = 3
			}
			zs, err := zstd.NewWriter(&c.sink,
				zstd.WithEncoderLevel(zstd.EncoderLevelFromZstd(level)),
				zstd.WithEncoderCRC(false),
				zstd.WithEncoderConcurrency(1),
				zstd.WithWindowSize(2<<20),
				zstd.WithZeroFrames(true)) // an empty stream is still a frame, as pg_dump writes it
			if err != nil {
				return fmt.Errorf("zstd level %d: %w", level, err)
			}
			c.zs = zs
			return nil
		}
		c.zs.Reset(&c.sink)
	default:
		return fmt.Errorf("%w: %s", ErrCompression, c.alg)
	}
	return nil
}

// lz4Level maps a 2-12 level onto pierrec/lz4's HC levels.
func lz4Level(level int) lz4.CompressionLevel {
	levels := []lz4.CompressionLevel{lz4.Level1, lz4.Level2, lz4.Level3, lz4.Level4, lz4.Level5, lz4.Level6, lz4.Level7, lz4.Level8, lz4.Level9}
	i := min(max(level-3, 0), len(levels)-1)
	return levels[i]
}

func (c *compressor) write(p []byte) error {
	if len(p) == 0 {
		return nil
	}
	var err error
	switch c.alg {
	case CompressionNone:
		return c.w.writeChunk(p)
	case CompressionGzip:
		_, err = c.zl.Write(p)
	case CompressionLZ4:
		_, err = c.lz.Write(p)
	case CompressionZstd:
		_, err = c.zs.Write(p)
	}
	if err != nil {
		return err
	}
	if c.sink.fixed == 0 {
		return c.sink.flush()
	}
	return c.w.err
}

func (c *compressor) end() error {
	var err error
	switch c.alg {
	case CompressionGzip:
		err = c.zl.Close()
	case CompressionLZ4:
		err = c.lz.Close()
	case CompressionZstd:
		err = c.zs.Close()
	}
	if err != nil {
		return err
	}
	return c.sink.flush()
}

// release drops the library writers' buffers once the archive is done.
func (c *compressor) release() {
	if c.zs != nil {
		c.zs.Reset(io.Discard)
	}
	*c = compressor{}
}

// chunker collects compressed output and writes it as chunks: in fixed-size
// pieces when fixed is set (zlib), otherwise whatever is pending at each
// flush.
type chunker struct {
	w     *Writer
	fixed int
	buf   []byte
}

func (k *chunker) Write(p []byte) (int, error) {
	n := len(p)
	if k.fixed > 0 {
		for len(p) > 0 {
			if len(k.buf) == 0 && len(p) >= k.fixed {
				if err := k.w.writeChunk(p[:k.fixed]); err != nil {
					return 0, err
				}
				p = p[k.fixed:]
				continue
			}
			m := min(k.fixed-len(k.buf), len(p))
			k.buf = append(k.buf, p[:m]...)
			p = p[m:]
			if len(k.buf) == k.fixed {
				if err := k.flush(); err != nil {
					return 0, err
				}
			}
		}
		return n, nil
	}
	k.buf = append(k.buf, p...)
	if len(k.buf) >= maxPending {
		if err := k.flush(); err != nil {
			return 0, err
		}
	}
	return n, nil
}

func (k *chunker) flush() error {
	if len(k.buf) == 0 {
		return k.w.err
	}
	err := k.w.writeChunk(k.buf)
	k.buf = k.buf[:0]
	return err
}
