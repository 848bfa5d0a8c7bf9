package pgarchive

import (
	"fmt"
	"io"
)

// Stream reads an archive from a plain io.Reader, such as a pipe, in one
// pass: the header and TOC first, then each data block in file order, the
// way pg_restore reads standard input. It reads custom and tar archives.
type Stream struct {
	Header  Header
	Entries []*Entry

	c    *cursor
	byID map[int]*Entry
	seen map[int]bool // dump IDs whose block went by
	cur  *Block
	err  error

	tar   *tarStream        // set for a tar archive
	files map[string]*Entry // tar: data entries by file name, made on first use
}

// NewStream reads the header and TOC from r.
func NewStream(r io.Reader) (*Stream, error) {
	c := newStreamCursor(r)
	if isTarStream(c) {
		return newTarStream(c)
	}
	h, err := readHeader(c, FormatCustom)
	if err != nil {
		return nil, wrap(err, nil, -1)
	}
	entries, err := readTOC(c, &h)
	if err != nil {
		return nil, err
	}
	s := &Stream{Header: h, Entries: entries, c: c, byID: make(map[int]*Entry, len(entries)), seen: map[int]bool{}}
	for _, e := range entries {
		s.byID[e.DumpID] = e
	}
	return s, nil
}

// Next moves to the next data block, passing over what is left of the
// current one without decompressing it. It returns io.EOF at the end of the
// archive. The previous Block is no longer valid.
func (s *Stream) Next() (*Block, error) {
	if s.err != nil {
		return nil, s.err
	}
	if s.tar != nil {
		return s.nextTar()
	}
	if s.cur != nil {
		err := s.cur.skipRest()
		s.cur.Close()
		s.cur = nil
		if err != nil {
			s.err = err
			return nil, err
		}
	}
	end, err := s.c.atEOF()
	if err != nil {
		s.err = wrap(err, nil, -1)
		return nil, s.err
	}
	if end {
		// A file cut between two blocks ends cleanly here; only the TOC
		// can tell that blocks are missing.
		for _, e := range s.Entries {
			if e.DataState != DataNone && !s.seen[e.DumpID] {
				s.err = wrap(&posError{s.c.pos, fmt.Errorf("no data block before the end of the file: %w", io.ErrUnexpectedEOF)}, e, -1)
				return nil, s.err
			}
		}
		s.err = io.EOF
		return nil, io.EOF
	}
	off := s.c.pos
	typ, id, err := readBlockHeader(s.c)
	if err != nil {
		s.err = wrap(err, nil, off)
		return nil, s.err
	}
	e := s.byID[id]
	if e == nil {
		s.err = wrap(fmt.Errorf("%w: block for dump ID %d, which the TOC does not hold", ErrCorrupt, id), nil, off)
		return nil, s.err
	}
	s.seen[id] = true
	s.cur = &Block{Entry: e, Offset: off, typ: typ, c: s.c, alg: s.Header.Compression}
	return s.cur, nil
}
