package pgarchive

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"sync"
)

// Reader gives random access to the entries and data blocks of an archive
// held in an io.ReaderAt. Its methods may be called from several goroutines;
// each Block has its own position in the file.
type Reader struct {
	Header  Header
	Entries []*Entry // in TOC order, which is restore order

	ra        io.ReaderAt
	size      int64
	dataStart int64 // first byte after the TOC
	byID      map[int]*Entry

	mu      sync.Mutex
	found   map[int]int64 // block offsets found by scanning, for archives without offsets
	scanPos int64         // where the next scan resumes
	scanErr error

	files fileSet // the data files of a tar or directory archive; nil for custom
}

// fileSet is where a tar or directory archive keeps its data files.
type fileSet interface {
	dataFile(e *Entry) (dataFile, error) // a TABLE DATA entry's file
	blobs(e *Entry) (blobSource, error)  // a BLOBS entry's large objects
	fileSize(e *Entry) int64             // a TABLE DATA entry's file size, or -1
}

func newFileReader(h Header, entries []*Entry, files fileSet) *Reader {
	r := &Reader{Header: h, Entries: entries, byID: make(map[int]*Entry, len(entries)), files: files}
	for _, e := range entries {
		r.byID[e.DumpID] = e
	}
	return r
}

const tocBuf = 16 << 10

// NewReader reads the header and TOC of the archive in ra, which is size
// bytes long: a custom archive, or a tar archive (pg_dump -Ft), told apart
// by the tar header's magic.
func NewReader(ra io.ReaderAt, size int64) (*Reader, error) {
	if isTarAt(ra, size) {
		return newTarReader(ra, size)
	}
	// The header and TOC go through a buffer of their own, smaller than a
	// block cursor's: over a remote object (internal/remote) each fill can
	// be a request, and most TOCs fit in one 16 KiB range.
	c := &cursor{ra: ra, size: size, intSize: 4, offSize: 8,
		br: bufio.NewReaderSize(io.NewSectionReader(ra, 0, size), tocBuf)}
	h, err := readHeader(c, FormatCustom)
	if err != nil {
		return nil, wrap(err, nil, -1)
	}
	entries, err := readTOC(c, &h)
	if err != nil {
		return nil, err
	}
	r := &Reader{Header: h, Entries: entries, ra: ra, size: size, dataStart: c.pos,
		byID: make(map[int]*Entry, len(entries)), found: map[int]int64{}, scanPos: c.pos}
	for _, e := range entries {
		r.byID[e.DumpID] = e
		if e.DataState == DataPosSet && e.Offset >= size {
			// Most often a file cut short: call it that.
			return nil, wrap(&posError{e.tocOffset, fmt.Errorf("data offset %d past the end of the file (%d bytes): %w", e.Offset, size, io.ErrUnexpectedEOF)}, e, -1)
		}
		if e.DataState == DataPosSet && e.Offset < r.dataStart {
			return nil, wrap(fmt.Errorf("%w: data offset %d outside the data area [%d, %d)", ErrCorrupt, e.Offset, r.dataStart, size), e, -1)
		}
	}
	return r, nil
}

// ReadCloser is a Reader over a file or directory it closes.
type ReadCloser struct {
	*Reader
	c io.Closer
}

// Open opens the archive name: a custom or tar archive file, or the
// directory of a directory archive (pg_dump -Fd).
func Open(name string) (*ReadCloser, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if fi.IsDir() {
		f.Close()
		return openDir(name)
	}
	r, err := NewReader(f, fi.Size())
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &ReadCloser{Reader: r, c: f}, nil
}

// Close closes the file or directory.
func (rc *ReadCloser) Close() error { return rc.c.Close() }

// Size is the archive's size in bytes; for a directory archive, the size of
// toc.dat and the table data files.
func (r *Reader) Size() int64 { return r.size }

// DataStart is the offset of the first byte after the TOC (in toc.dat, for
// tar and directory archives).
func (r *Reader) DataStart() int64 { return r.dataStart }

// Entry returns the entry with the given dump ID, or nil.
func (r *Reader) Entry(dumpID int) *Entry { return r.byID[dumpID] }

// Open returns a Block reading e's data. The caller must Close it.
func (r *Reader) Open(e *Entry) (*Block, error) {
	if e.DataState == DataNone {
		return nil, wrap(ErrNoData, e, -1)
	}
	if r.files != nil {
		return r.openFile(e)
	}
	off, err := r.blockOffset(e)
	if err != nil {
		return nil, err
	}
	c := newAtCursor(r.ra, r.size, off)
	c.intSize, c.offSize = r.Header.IntSize, r.Header.OffSize
	typ, id, err := readBlockHeader(c)
	if err != nil {
		c.free()
		return nil, wrap(err, e, off)
	}
	if id != e.DumpID {
		c.free()
		return nil, wrap(fmt.Errorf("%w: block belongs to dump ID %d", ErrCorrupt, id), e, off)
	}
	return &Block{Entry: e, Offset: off, typ: typ, c: c, alg: r.Header.Compression, release: c.free}, nil
}

// blockOffset finds where e's block starts: from the TOC when the offset was
// written, else by walking the data area block by block, as pg_restore does,
// skipping payloads without reading them.
func (r *Reader) blockOffset(e *Entry) (int64, error) {
	if e.DataState == DataPosSet {
		return e.Offset, nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if off, ok := r.found[e.DumpID]; ok {
		return off, nil
	}
	if r.scanErr != nil {
		return 0, r.scanErr
	}
	c := newAtCursor(r.ra, r.size, r.scanPos)
	defer c.free()
	c.intSize, c.offSize = r.Header.IntSize, r.Header.OffSize
	for {
		end, err := c.atEOF()
		if err != nil {
			r.scanErr = wrap(err, nil, -1)
			return 0, r.scanErr
		}
		if end {
			// Name where the search ended, so a cut file shows where.
			return 0, wrap(&posError{c.pos, fmt.Errorf("no data block before the end of the file: %w", io.ErrUnexpectedEOF)}, e, -1)
		}
		off := c.pos
		typ, id, err := readBlockHeader(c)
		if err != nil {
			r.scanErr = wrap(err, nil, off)
			return 0, r.scanErr
		}
		be := r.byID[id]
		b := &Block{Entry: be, Offset: off, typ: typ, c: c}
		if err := b.skipRest(); err != nil {
			r.scanErr = err
			return 0, err
		}
		if _, dup := r.found[id]; !dup {
			r.found[id] = off
		}
		r.scanPos = c.pos
		if id == e.DumpID {
			return off, nil
		}
	}
}

// DataSize is the stored (compressed) size of entry e's data file in a tar
// or directory archive: what pg_restore -j ranks its work by. It is -1 for
// custom archives, whose block offsets tell, and for entries without a
// file.
func (r *Reader) DataSize(e *Entry) int64 {
	if r.files == nil || e.File == "" || e.Desc == "BLOBS" {
		return -1
	}
	return r.files.fileSize(e)
}

// openFile opens the data of entry e of a tar or directory archive.
func (r *Reader) openFile(e *Entry) (*Block, error) {
	if e.Desc == "BLOBS" {
		bs, err := r.files.blobs(e)
		if err != nil {
			return nil, wrap(err, e, -1)
		}
		return newFileBlock(e, dataFile{}, bs)
	}
	df, err := r.files.dataFile(e)
	if err != nil {
		return nil, wrap(err, e, -1)
	}
	return newFileBlock(e, df, nil)
}
