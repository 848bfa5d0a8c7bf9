package pgarchive

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/klauspost/compress/gzip"
)

// Tar and directory archives keep each entry's data in a file of its own
// (a member, in a tar): "3469.dat" for TABLE DATA, one file per large
// object, and a list of those per BLOBS entry. The files are whole
// compressed files (gzip, not the zlib streams of custom archives; lz4 and
// zstd frames), or plain text. This file holds what both formats share: a
// data file's name and compression, and fileData, a Block's reading of such
// files.

// maxFileName bounds a data file name in a TOC or a blobs list; pg_dump's
// are a few dozen bytes, and pg_restore reads blobs list lines into a
// MAXPGPATH (1024) buffer.
const maxFileName = 1024

// readFileName reads the data file name a tar or directory TOC entry ends
// with, and sets the entry's File and DataState.
func readFileName(c *cursor, e *Entry) error {
	off := c.pos
	s, err := c.readStr()
	if err != nil {
		return err
	}
	if !s.Valid || s.String == "" {
		e.DataState = DataNone
		return nil
	}
	if err := checkFileName(s.String); err != nil {
		return c.fail(off, err)
	}
	e.File, e.DataState = s.String, DataPosNotSet
	return nil
}

// checkFileName accepts the plain file names pg_dump writes into an archive
// and refuses anything that could name a file outside it: a path, "..", an
// empty or overlong name.
func checkFileName(name string) error {
	switch {
	case name == "" || name == "." || name == "..":
	case len(name) > maxFileName:
		return fmt.Errorf("%w: file name of %d bytes", ErrCorrupt, len(name))
	case strings.ContainsAny(name, "/\\\x00"):
	default:
		return nil
	}
	return fmt.Errorf("%w: file name %q is not a plain file name", ErrCorrupt, name)
}

// fileCompression is the compression pg_restore infers from a data file's
// name: by its suffix.
func fileCompression(name string) Compression {
	switch {
	case strings.HasSuffix(name, ".gz"):
		return CompressionGzip
	case strings.HasSuffix(name, ".lz4"):
		return CompressionLZ4
	case strings.HasSuffix(name, ".zst"):
		return CompressionZstd
	}
	return CompressionNone
}

// discoverSuffixes are tried in turn after the name itself, as pg_restore
// does: a compressed "3469.dat" is stored as "3469.dat.gz" and so on.
var discoverSuffixes = []string{"", ".gz", ".lz4", ".zst"}

// blobsListName is the name of the file listing the large objects of BLOBS
// entry e: "blobs_ID.toc" since format 1.16, "blobs.toc" before (when an
// archive has one BLOBS entry), whatever the TOC says.
func blobsListName(v Version, e *Entry) string {
	if v.AtLeast(V1_16) {
		return "blobs_" + strconv.Itoa(e.DumpID) + ".toc"
	}
	return "blobs.toc"
}

// blobOID is the OID in a large object's file name "blob_OID.dat", read as
// pg_restore's atooid (strtoul) reads it: the leading digits; 0 when there
// are none, and such a member is not a large object.
func blobOID(name string) uint32 {
	rest, ok := strings.CutPrefix(name, "blob_")
	if !ok {
		return 0
	}
	i := 0
	for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
		i++
	}
	v, err := strconv.ParseUint(rest[:i], 10, 32)
	if err != nil {
		return 0
	}
	return uint32(v)
}

// dataFile is one opened data file: its bytes as stored, and its name.
type dataFile struct {
	name string // as found, with any compression suffix
	alg  Compression
	r    io.Reader
	c    io.Closer // nil when there is nothing to close
	off  int64     // position of the first byte in the archive file, or -1
}

// blobSource yields the large objects of one BLOBS entry in turn; next
// returns io.EOF after the last.
type blobSource interface {
	next() (uint32, dataFile, error)
	close() error
}

// fileBufs pools the read buffers put in front of data files: inflate reads
// a byte at a time, and a file read per byte would be ruinous.
var fileBufs = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, 64<<10) }}

var gzipPool sync.Pool

// fileData is a Block reading tar or directory data files: one file for
// TABLE DATA, one per large object for BLOBS.
type fileData struct {
	e     *Entry
	blobs blobSource // BLOBS only

	cur     dataFile
	br      *bufio.Reader
	dec     decompressor
	open    bool // cur and dec are live
	done    bool // TABLE DATA read to its end
	counted atomic.Int64
	count   countReader
	err     error
}

// countReader counts the stored bytes a file gave.
type countReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

func (f *fileData) fail(err error) error {
	if f.err == nil {
		if f.cur.name != "" && !errors.Is(err, errClosed) {
			err = fmt.Errorf("%s: %w", f.cur.name, err)
		}
		f.err = wrap(err, f.e, -1)
	}
	return f.err
}

// start opens the decompressor of file df.
func (f *fileData) start(df dataFile) error {
	f.cur = df
	f.br = fileBufs.Get().(*bufio.Reader)
	f.count = countReader{r: df.r, n: &f.counted}
	f.br.Reset(&f.count)
	alg := df.alg
	var err error
	if alg == CompressionGzip {
		f.dec, err = openGzip(f.br)
	} else {
		f.dec, err = newDecompressor(alg, f.br)
	}
	if err != nil {
		f.closeFile()
		if !errors.Is(err, ErrCorrupt) && !errors.Is(err, io.ErrUnexpectedEOF) {
			err = fmt.Errorf("%w: %v", ErrCorrupt, err)
		}
		return err
	}
	f.open = true
	return nil
}

// openGzip reads a gzip file, as pg_dump's directory format writes them
// (zlib's gzopen), where custom archives hold bare zlib streams.
func openGzip(src io.Reader) (decompressor, error) {
	if z, ok := gzipPool.Get().(*gzip.Reader); ok {
		if err := z.Reset(src); err != nil {
			gzipPool.Put(z)
			return decompressor{}, fmt.Errorf("%w: gzip: %v", ErrCorrupt, err)
		}
		return decompressor{Reader: z, release: func() { gzipPool.Put(z) }}, nil
	}
	z, err := gzip.NewReader(src)
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return decompressor{}, fmt.Errorf("%w: gzip: %v", ErrCorrupt, err)
	}
	return decompressor{Reader: z, release: func() { gzipPool.Put(z) }}, nil
}

// closeFile releases the current file and its decompressor.
func (f *fileData) closeFile() {
	if f.open {
		f.dec.release()
		f.open = false
	}
	if f.br != nil {
		f.br.Reset(nil)
		fileBufs.Put(f.br)
		f.br = nil
	}
	if f.cur.c != nil {
		f.cur.c.Close()
		f.cur.c = nil
	}
}

func (f *fileData) ready() (bool, error) {
	if f.err != nil {
		return false, f.err
	}
	return f.open, nil
}

func (f *fileData) Read(p []byte) (int, error) {
	if ok, err := f.ready(); !ok {
		if err == nil {
			err = io.EOF
		}
		return 0, err
	}
	n, err := f.dec.Read(p)
	if err == io.EOF {
		f.ended()
		return n, io.EOF
	}
	if err != nil {
		return n, f.fail(decodeError(err))
	}
	return n, nil
}

// decodeError names a decompressor's complaint as corrupt data; a cut file
// stays an unexpected EOF.
func decodeError(err error) error {
	if errors.Is(err, ErrCorrupt) || errors.Is(err, io.ErrUnexpectedEOF) {
		return err
	}
	return fmt.Errorf("%w: decompressing: %v", ErrCorrupt, err)
}

func (f *fileData) ended() {
	f.closeFile()
	if f.blobs == nil {
		f.done = true
	}
}

func (f *fileData) WriteTo(w io.Writer) (int64, error) {
	if ok, err := f.ready(); !ok {
		return 0, err
	}
	var total int64
	if wt, ok := f.dec.Reader.(io.WriterTo); ok {
		ew := &errWriter{w: w}
		n, err := wt.WriteTo(ew)
		if ew.err != nil {
			f.closeFile()
			return n, ew.err
		}
		if err != nil {
			return n, f.fail(decodeError(err))
		}
		f.ended()
		return n, nil
	}
	buf := make([]byte, 64<<10)
	for {
		n, err := f.dec.Read(buf)
		if n > 0 {
			m, werr := w.Write(buf[:n])
			total += int64(m)
			if werr == nil && m < n {
				werr = io.ErrShortWrite
			}
			if werr != nil {
				f.closeFile()
				return total, werr
			}
		}
		if err == io.EOF {
			f.ended()
			return total, nil
		}
		if err != nil {
			return total, f.fail(decodeError(err))
		}
	}
}

// errWriter keeps the caller's writer's error apart from the decoder's.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	n, err := e.w.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	if err != nil {
		e.err = err
	}
	return n, err
}

// NextBlob moves to the next large object.
func (f *fileData) NextBlob() (uint32, error) {
	if f.err != nil {
		return 0, f.err
	}
	if f.blobs == nil {
		return 0, f.fail(errors.New("NextBlob on a block that holds no large objects"))
	}
	f.closeFile()
	f.cur = dataFile{}
	oid, df, err := f.blobs.next()
	if err == io.EOF {
		return 0, io.EOF
	}
	if err != nil {
		return 0, f.fail(err)
	}
	if err := f.start(df); err != nil {
		return 0, f.fail(fmt.Errorf("large object %d: %w", oid, err))
	}
	return oid, nil
}

func (f *fileData) Close() error {
	f.closeFile()
	if f.blobs != nil {
		f.blobs.close()
		f.blobs = nil
	}
	if f.err == nil {
		f.err = wrap(errClosed, f.e, -1)
	}
	return nil
}

// newFileBlock makes the Block of entry e: TABLE DATA from file df, a BLOBS
// entry from its large objects.
func newFileBlock(e *Entry, df dataFile, blobs blobSource) (*Block, error) {
	f := &fileData{e: e, blobs: blobs}
	b := &Block{Entry: e, Offset: -1, f: f, typ: blockData}
	if blobs != nil {
		b.typ = blockBlobs
		return b, nil
	}
	b.Offset = df.off
	if err := f.start(df); err != nil {
		return nil, f.fail(err)
	}
	return b, nil
}
