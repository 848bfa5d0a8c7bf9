package pgarchive

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"
)

// A tar archive (pg_dump -Ft) is a ustar file whose first member, toc.dat,
// holds the header and TOC; then come the members of the data entries in
// TOC order ("3469.dat"), each BLOBS entry's large objects ("blob_OID.dat")
// followed by their list ("blobs_ID.toc", before 1.16 "blobs.toc"), and a
// restore.sql script, which readers pass over. Members are never
// compressed (pg_dump refuses -Z with -Ft), and are read as plain text
// whatever their names. pg_restore finds the members by walking the headers; so does
// this file, on a ReaderAt once (tarFiles) or in one pass on a stream
// (tarStream).

const tarBlock = 512

// maxTarMember bounds a member size: base-256 sizes could claim up to
// 2^95 bytes; pg_dump writes at most 2^33-1 per member.
const maxTarMember = 1 << 50

// tarHeader is one member's header.
type tarHeader struct {
	name string
	size int64
	off  int64 // offset of the header block
}

func (h tarHeader) dataOff() int64 { return h.off + tarBlock }

// next is the offset of the header after this member's data and padding.
func (h tarHeader) next() int64 { return h.dataOff() + (h.size+tarBlock-1)/tarBlock*tarBlock }

// hasTarMagic reports whether a 512-byte block carries the ustar magic at
// offset 257, as POSIX ("ustar\0") and GNU ("ustar  ") tar write it.
func hasTarMagic(b []byte) bool {
	return len(b) >= 263 && string(b[257:262]) == "ustar"
}

// parseTarHeader reads the header block b found at off. end is true for the
// zero block that ends an archive.
func parseTarHeader(b []byte, off int64) (h tarHeader, end bool, err error) {
	h.off = off
	fail := func(format string, args ...any) (tarHeader, bool, error) {
		return h, false, &posError{off, fmt.Errorf("%w: tar header: "+format, append([]any{ErrCorrupt}, args...)...)}
	}
	if allZero(b) {
		return h, true, nil
	}
	if !hasTarMagic(b) {
		return fail("no ustar magic")
	}
	want, ok := tarOctal(b[148:156])
	if !ok {
		return fail("checksum field %q", b[148:156])
	}
	var sum, ssum int64
	for i, c := range b {
		if i >= 148 && i < 156 {
			c = ' '
		}
		sum += int64(c)
		ssum += int64(int8(c))
	}
	if want != sum && want != ssum {
		return fail("checksum %d, computed %d", want, sum)
	}
	h.name = cString(b[0:100])
	if prefix := cString(b[345:500]); prefix != "" {
		h.name = prefix + "/" + h.name
	}
	if err := checkFileName(h.name); err != nil {
		return h, false, &posError{off, fmt.Errorf("tar member: %w", err)}
	}
	if t := b[156]; t != '0' && t != 0 {
		return fail("member %s has type %q; pg_dump writes only regular files", h.name, t)
	}
	size, ok := tarSize(b[124:136])
	if !ok {
		return fail("member %s: size field %q", h.name, b[124:136])
	}
	h.size = size
	return h, false, nil
}

func allZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

func cString(b []byte) string {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		b = b[:i]
	}
	return string(b)
}

// tarOctal reads an octal field: optional leading spaces, digits, then NUL
// or space padding.
func tarOctal(f []byte) (int64, bool) {
	f = bytes.TrimLeft(f, " ")
	var v int64
	n := 0
	for _, c := range f {
		if c == 0 || c == ' ' {
			break
		}
		if c < '0' || c > '7' || v > maxTarMember {
			return 0, false
		}
		v = v*8 + int64(c-'0')
		n++
	}
	return v, n > 0
}

// tarSize reads a size field: octal, or GNU base-256 (high bit set) for
// members of 8 GiB and more, as pg_restore reads both.
func tarSize(f []byte) (int64, bool) {
	if f[0]&0x80 == 0 {
		v, ok := tarOctal(f)
		return v, ok && v <= maxTarMember
	}
	if f[0]&0x40 != 0 {
		return 0, false // negative
	}
	var v int64
	for i, c := range f {
		if i == 0 {
			c &= 0x7f
		}
		if v > maxTarMember>>8 {
			return 0, false
		}
		v = v<<8 | int64(c)
	}
	return v, v <= maxTarMember
}

// isTarAt reports whether ra starts with a tar header.
func isTarAt(ra io.ReaderAt, size int64) bool {
	if size < tarBlock {
		return false
	}
	var b [tarBlock]byte
	if _, err := ra.ReadAt(b[:], 0); err != nil {
		return false
	}
	return hasTarMagic(b[:])
}

// isBlobsList reports whether a member is a BLOBS entry's list of large
// objects.
func isBlobsList(name string) bool {
	return name == "blobs.toc" || (strings.HasPrefix(name, "blobs_") && strings.HasSuffix(name, ".toc"))
}

// tarFiles finds the members of a tar archive in an io.ReaderAt. The first
// Open walks every header once (reading 512 bytes per member, never the
// data) and keeps the place of each member but the large objects, and of
// the first large object of each BLOBS entry.
type tarFiles struct {
	ra   io.ReaderAt
	size int64
	v    Version

	once    sync.Once
	err     error
	members map[string]tarHeader
	groups  map[string]int64 // blobs list name → header offset of its first large object
}

func newTarReader(ra io.ReaderAt, size int64) (*Reader, error) {
	t := &tarFiles{ra: ra, size: size}
	h, err := t.header(0)
	if err != nil {
		return nil, wrap(err, nil, -1)
	}
	if h.name != "toc.dat" {
		return nil, wrap(&posError{0, fmt.Errorf("%w: first tar member is %q, not toc.dat", ErrCorrupt, h.name)}, nil, -1)
	}
	c := newAtCursor(io.NewSectionReader(ra, h.dataOff(), h.size), h.size, 0)
	defer c.free()
	hd, entries, err := readFileTOC(c)
	if err != nil {
		return nil, fmt.Errorf("toc.dat: %w", err)
	}
	t.v = hd.Version
	r := newFileReader(hd, entries, t)
	r.size, r.dataStart = size, h.dataOff()+c.pos
	return r, nil
}

// header reads the member header at off; a zero block or the end of the
// file give a header with an empty name.
func (t *tarFiles) header(off int64) (tarHeader, error) {
	if off >= t.size {
		return tarHeader{off: off}, nil
	}
	var b [tarBlock]byte
	if n, err := t.ra.ReadAt(b[:], off); n < tarBlock {
		if err == nil || err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return tarHeader{}, &posError{off, fmt.Errorf("tar header: %w", err)}
	}
	h, end, err := parseTarHeader(b[:], off)
	if err != nil || end {
		return tarHeader{off: off}, err
	}
	if h.dataOff()+h.size > t.size {
		return h, &posError{off, fmt.Errorf("tar member %s of %d bytes runs past the end of the file (%d bytes left): %w", h.name, h.size, t.size-h.dataOff(), io.ErrUnexpectedEOF)}
	}
	return h, nil
}

func (t *tarFiles) scan() error {
	t.once.Do(func() {
		t.members, t.groups = map[string]tarHeader{}, map[string]int64{}
		group := int64(-1)
		for off := int64(0); ; {
			h, err := t.header(off)
			if err != nil {
				t.err = err
				return
			}
			if h.name == "" {
				return
			}
			switch {
			case blobOID(h.name) != 0:
				if group < 0 {
					group = h.off
				}
			case isBlobsList(h.name):
				if _, dup := t.groups[h.name]; !dup {
					if group < 0 {
						group = h.off // no large objects before the list
					}
					t.groups[h.name] = group
				}
				group = -1
			default:
				group = -1
			}
			if _, dup := t.members[h.name]; !dup && blobOID(h.name) == 0 {
				t.members[h.name] = h
			}
			off = h.next()
		}
	})
	return t.err
}

func (t *tarFiles) dataFile(e *Entry) (dataFile, error) {
	if err := t.scan(); err != nil {
		return dataFile{}, err
	}
	if h, ok := t.members[e.File]; ok {
		return dataFile{name: h.name, r: io.NewSectionReader(t.ra, h.dataOff(), h.size), off: h.dataOff()}, nil
	}
	return dataFile{}, fmt.Errorf("no member %s in the tar archive: %w", e.File, io.ErrUnexpectedEOF)
}

func (t *tarFiles) fileSize(e *Entry) int64 {
	if t.scan() != nil {
		return -1
	}
	if h, ok := t.members[e.File]; ok {
		return h.size
	}
	return -1
}

func (t *tarFiles) blobs(e *Entry) (blobSource, error) {
	if err := t.scan(); err != nil {
		return nil, err
	}
	list := blobsListName(t.v, e)
	off, ok := t.groups[list]
	if !ok {
		return nil, fmt.Errorf("no member %s in the tar archive: %w", list, io.ErrUnexpectedEOF)
	}
	return &tarAtBlobs{t: t, off: off}, nil
}

// tarAtBlobs walks the large object members of one group.
type tarAtBlobs struct {
	t   *tarFiles
	off int64
}

func (b *tarAtBlobs) next() (uint32, dataFile, error) {
	h, err := b.t.header(b.off)
	if err != nil {
		return 0, dataFile{}, err
	}
	oid := blobOID(h.name)
	if oid == 0 {
		return 0, dataFile{}, io.EOF
	}
	b.off = h.next()
	return oid, dataFile{name: h.name, r: io.NewSectionReader(b.t.ra, h.dataOff(), h.size), off: h.dataOff()}, nil
}

func (b *tarAtBlobs) close() error { return nil }

// tarStream reads a tar archive in one pass from a stream.
type tarStream struct {
	br   *bufio.Reader
	pos  int64 // offset of the next byte br gives
	left int64 // bytes of the current member's data and padding not yet read
	data int64 // of which data
	end  bool
}

func isTarStream(c *cursor) bool {
	b, _ := c.br.Peek(tarBlock)
	return len(b) == tarBlock && hasTarMagic(b)
}

// nextHeader passes over the rest of the current member and reads the
// next header; at the end of the archive the header's name is empty.
func (t *tarStream) nextHeader() (tarHeader, error) {
	if t.end {
		return tarHeader{off: t.pos}, nil
	}
	if err := t.discard(t.left); err != nil {
		return tarHeader{}, err
	}
	t.left, t.data = 0, 0
	off := t.pos
	b, err := t.br.Peek(tarBlock)
	if len(b) == 0 && err == io.EOF {
		// pg_dump always writes the end blocks; a file that stops at a
		// member boundary is taken as ended, and the TOC tells whether
		// anything is missing.
		t.end = true
		return tarHeader{off: off}, nil
	}
	if len(b) < tarBlock {
		if err == nil || err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return tarHeader{}, &posError{off, fmt.Errorf("tar header: %w", err)}
	}
	h, end, err := parseTarHeader(b, off)
	if err != nil {
		return tarHeader{}, err
	}
	if err := t.discard(tarBlock); err != nil {
		return tarHeader{}, err
	}
	if end {
		t.end = true
		return tarHeader{off: off}, nil
	}
	t.data = h.size
	t.left = h.next() - h.dataOff()
	return h, nil
}

func (t *tarStream) discard(n int64) error {
	for n > 0 {
		step := min(n, 1<<30)
		d, err := t.br.Discard(int(step))
		t.pos += int64(d)
		n -= int64(d)
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return &posError{t.pos, err}
		}
	}
	return nil
}

// member reads the current member's data.
func (t *tarStream) member(h tarHeader) dataFile {
	return dataFile{name: h.name, r: &tarMemberReader{t}, off: h.dataOff()}
}

type tarMemberReader struct{ t *tarStream }

func (m *tarMemberReader) Read(p []byte) (int, error) {
	t := m.t
	if t.data <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > t.data {
		p = p[:t.data]
	}
	n, err := t.br.Read(p)
	t.pos += int64(n)
	t.data -= int64(n)
	t.left -= int64(n)
	if err == io.EOF {
		if t.data > 0 {
			return n, &posError{t.pos, io.ErrUnexpectedEOF}
		}
		err = nil
	}
	return n, err
}

// newTarStream reads toc.dat, the first member.
func newTarStream(c *cursor) (*Stream, error) {
	t := &tarStream{br: c.br}
	h, err := t.nextHeader()
	if err != nil {
		return nil, wrap(err, nil, -1)
	}
	if h.name != "toc.dat" {
		return nil, wrap(&posError{h.off, fmt.Errorf("%w: first tar member is %q, not toc.dat", ErrCorrupt, h.name)}, nil, -1)
	}
	tc := newStreamCursor(&tarMemberReader{t})
	tc.size = h.size
	hd, entries, err := readFileTOC(tc)
	if err != nil {
		return nil, fmt.Errorf("toc.dat: %w", err)
	}
	s := &Stream{Header: hd, Entries: entries, c: c, byID: make(map[int]*Entry, len(entries)), seen: map[int]bool{}, tar: t}
	for _, e := range entries {
		s.byID[e.DumpID] = e
	}
	return s, nil
}

// nextTar is Stream.Next for a tar archive: each member in turn that holds
// an entry's data; restore.sql and unknown members are passed over.
func (s *Stream) nextTar() (*Block, error) {
	t := s.tar
	if s.cur != nil {
		if sb, ok := s.cur.f.blobs.(*tarStreamBlobs); ok {
			// Pass the large objects left, up to their list.
			for {
				_, _, err := sb.next()
				if err == io.EOF {
					break
				}
				if err != nil {
					s.cur.Close()
					s.cur = nil
					s.err = wrap(err, sb.e, -1)
					return nil, s.err
				}
			}
		}
		s.cur.Close()
		s.cur = nil
	}
	for {
		h, err := t.nextHeader()
		if err != nil {
			s.err = wrap(err, nil, -1)
			return nil, s.err
		}
		if h.name == "" {
			for _, e := range s.Entries {
				if e.DataState != DataNone && !s.seen[e.DumpID] {
					s.err = wrap(&posError{h.off, fmt.Errorf("no member %s before the end of the tar archive: %w", e.File, io.ErrUnexpectedEOF)}, e, -1)
					return nil, s.err
				}
			}
			s.err = io.EOF
			return nil, io.EOF
		}
		var e *Entry
		var bs blobSource
		switch {
		case blobOID(h.name) != 0 || isBlobsList(h.name):
			// Large objects go to the first BLOBS entry not yet read;
			// the list that ends them must be that entry's.
			for _, x := range s.Entries {
				if x.Desc == "BLOBS" && x.DataState != DataNone && !s.seen[x.DumpID] {
					e = x
					break
				}
			}
			if e == nil {
				if isBlobsList(h.name) {
					continue
				}
				s.err = wrap(&posError{h.off, fmt.Errorf("%w: large object member %s, but no BLOBS entry left to hold it", ErrCorrupt, h.name)}, nil, -1)
				return nil, s.err
			}
			sb := &tarStreamBlobs{t: t, e: e, list: blobsListName(s.Header.Version, e)}
			if isBlobsList(h.name) {
				if err := sb.endsWith(h); err != nil {
					s.err = wrap(err, e, -1)
					return nil, s.err
				}
			} else {
				sb.first = &h
			}
			bs = sb
		default:
			e = s.byFile(h.name)
			if e == nil || s.seen[e.DumpID] {
				continue
			}
		}
		s.seen[e.DumpID] = true
		var df dataFile
		if bs == nil {
			df = t.member(h)
		}
		b, err := newFileBlock(e, df, bs)
		if err != nil {
			s.err = err
			return nil, err
		}
		s.cur = b
		return b, nil
	}
}

// byFile finds the data entry whose file a member holds.
func (s *Stream) byFile(name string) *Entry {
	if s.files == nil {
		s.files = make(map[string]*Entry)
		for _, e := range s.Entries {
			if e.File != "" && e.Desc != "BLOBS" {
				s.files[e.File] = e
			}
		}
	}
	return s.files[name]
}

// tarStreamBlobs reads one BLOBS entry's large objects from a tar stream,
// up to the list member that ends them.
type tarStreamBlobs struct {
	t     *tarStream
	e     *Entry
	list  string     // the name the list member must have
	first *tarHeader // the first large object, read by Stream.Next
	done  bool
}

func (b *tarStreamBlobs) endsWith(h tarHeader) error {
	b.done = true
	if h.name != b.list {
		return &posError{h.off, fmt.Errorf("%w: large objects of BLOBS entry %d end with member %s, not %s", ErrCorrupt, b.e.DumpID, h.name, b.list)}
	}
	return nil
}

func (b *tarStreamBlobs) next() (uint32, dataFile, error) {
	if b.done {
		return 0, dataFile{}, io.EOF
	}
	var h tarHeader
	if b.first != nil {
		h, b.first = *b.first, nil
	} else {
		var err error
		if h, err = b.t.nextHeader(); err != nil {
			return 0, dataFile{}, err
		}
	}
	if h.name == "" {
		return 0, dataFile{}, &posError{h.off, fmt.Errorf("the tar archive ends before %s: %w", b.list, io.ErrUnexpectedEOF)}
	}
	oid := blobOID(h.name)
	if oid == 0 {
		if err := b.endsWith(h); err != nil {
			return 0, dataFile{}, err
		}
		return 0, dataFile{}, io.EOF
	}
	return oid, b.t.member(h), nil
}

func (b *tarStreamBlobs) close() error { return nil }
