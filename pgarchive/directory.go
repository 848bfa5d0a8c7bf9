package pgarchive

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
)

// A directory archive (pg_dump -Fd) is toc.dat, holding the header and TOC
// as a custom archive does but with the tar format code, plus one file per
// data entry and per large object. Every file is opened through an os.Root,
// so no name in the archive can reach outside the directory, symbolic
// links included.

// dirFiles is the data files of a directory archive.
type dirFiles struct {
	root    *os.Root
	version Version
}

// openDir reads the TOC of the directory archive at path.
func openDir(path string) (*ReadCloser, error) {
	root, err := os.OpenRoot(path)
	if err != nil {
		return nil, err
	}
	r, err := newDirReader(root)
	if err != nil {
		root.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &ReadCloser{Reader: r, c: root}, nil
}

func newDirReader(root *os.Root) (*Reader, error) {
	d := &dirFiles{root: root}
	toc, err := d.find("toc.dat")
	if err != nil {
		return nil, wrap(err, nil, -1)
	}
	defer toc.c.Close()
	var c *cursor
	if alg := fileCompression(toc.name); alg != CompressionNone {
		// pg_restore reads a toc.dat compressed by hand too.
		f := &fileData{}
		if err := f.start(toc); err != nil {
			return nil, wrap(fmt.Errorf("%s: %w", toc.name, err), nil, -1)
		}
		defer f.closeFile()
		c = newStreamCursor(f.dec)
	} else {
		size, err := fileSize(toc.c)
		if err != nil {
			return nil, err
		}
		c = newAtCursor(toc.c.(io.ReaderAt), size, 0)
		defer c.free()
	}
	h, entries, err := readFileTOC(c)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", toc.name, err)
	}
	h.Format = FormatDirectory
	d.version = h.Version
	r := newFileReader(h, entries, d)
	r.dataStart = c.pos
	r.size = c.pos
	for _, e := range entries {
		if e.DataState != DataNone && e.Desc != "BLOBS" {
			if df, err := d.find(e.File); err == nil {
				if n, err := fileSize(df.c); err == nil {
					r.size += n
				}
				df.c.Close()
			}
		}
	}
	return r, nil
}

// readFileTOC reads the header and TOC of a tar or directory archive's
// toc.dat.
func readFileTOC(c *cursor) (Header, []*Entry, error) {
	h, err := readHeader(c, FormatTar)
	if err != nil {
		return h, nil, wrap(err, nil, -1)
	}
	entries, err := readTOC(c, &h)
	return h, entries, err
}

func fileSize(c io.Closer) (int64, error) {
	f, ok := c.(*os.File)
	if !ok {
		return 0, errors.New("pgarchive: not a file")
	}
	fi, err := f.Stat()
	if err != nil {
		return 0, err
	}
	return fi.Size(), nil
}

// find opens the file name, or, as pg_restore does, name.gz, name.lz4 or
// name.zst, the first that exists. A name that has one of those suffixes
// already is opened as it is.
func (d *dirFiles) find(name string) (dataFile, error) {
	if err := checkFileName(name); err != nil {
		return dataFile{}, err
	}
	suffixes := discoverSuffixes
	if fileCompression(name) != CompressionNone {
		suffixes = suffixes[:1]
	}
	for _, suf := range suffixes {
		f, err := d.root.Open(name + suf)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return dataFile{}, err
		}
		fi, err := f.Stat()
		if err == nil && !fi.Mode().IsRegular() {
			err = fmt.Errorf("%w: %s is not a regular file", ErrCorrupt, name+suf)
		}
		if err != nil {
			f.Close()
			return dataFile{}, err
		}
		return dataFile{name: name + suf, alg: fileCompression(name + suf), r: f, c: f, off: -1}, nil
	}
	return dataFile{}, fmt.Errorf("no file %s in the archive directory: %w", name, fs.ErrNotExist)
}

func (d *dirFiles) dataFile(e *Entry) (dataFile, error) { return d.find(e.File) }

func (d *dirFiles) fileSize(e *Entry) int64 {
	df, err := d.find(e.File)
	if err != nil {
		return -1
	}
	defer df.c.Close()
	n, err := fileSize(df.c)
	if err != nil {
		return -1
	}
	return n
}

func (d *dirFiles) blobs(e *Entry) (blobSource, error) {
	name := blobsListName(d.version, e)
	df, err := d.find(name)
	if err != nil {
		return nil, err
	}
	l := &dirBlobs{d: d, list: &fileData{e: e}}
	if err := l.list.start(df); err != nil {
		return nil, fmt.Errorf("%s: %w", df.name, err)
	}
	l.br = bufio.NewReaderSize(l.list.dec, 4096)
	return l, nil
}

// dirBlobs reads a blobs list ("OID FILE" lines) and opens each file.
type dirBlobs struct {
	d    *dirFiles
	list *fileData
	br   *bufio.Reader
	line int
}

func (l *dirBlobs) next() (uint32, dataFile, error) {
	l.line++
	line, err := l.br.ReadSlice('\n')
	if err == io.EOF && len(line) == 0 {
		return 0, dataFile{}, io.EOF
	}
	where := func(e error) error {
		return fmt.Errorf("%s line %d: %w", l.list.cur.name, l.line, e)
	}
	if err == bufio.ErrBufferFull {
		return 0, dataFile{}, where(fmt.Errorf("%w: line longer than %d bytes", ErrCorrupt, l.br.Size()))
	}
	if err != nil && err != io.EOF {
		return 0, dataFile{}, where(decodeError(err))
	}
	fields := strings.Fields(string(line))
	if len(fields) < 2 {
		return 0, dataFile{}, where(fmt.Errorf("%w: %q is not \"OID FILE\"", ErrCorrupt, line))
	}
	oid, perr := strconv.ParseUint(fields[0], 10, 32)
	if perr != nil {
		return 0, dataFile{}, where(fmt.Errorf("%w: large object OID %q", ErrCorrupt, fields[0]))
	}
	df, err := l.d.find(fields[1])
	if err != nil {
		return 0, dataFile{}, where(err)
	}
	return uint32(oid), df, nil
}

func (l *dirBlobs) close() error {
	l.list.closeFile()
	return nil
}
