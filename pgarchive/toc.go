package pgarchive

import (
	"errors"
	"fmt"
	"io"
)

// minEntryBytes is the least space a TOC entry can take (17 ints or NULL
// strings of 5 bytes and a 9-byte offset); it bounds the entry count a file
// may claim by the bytes it has left.
const minEntryBytes = 17*5 + 9

// readHeader reads the header and the TOC count, and sets the cursor's int
// and offset sizes. format is the code the header must hold: FormatCustom
// for a custom archive, FormatTar for the toc.dat of a tar or directory
// archive (pg_dump writes the tar code into a directory's toc.dat too).
func readHeader(c *cursor, format int) (Header, error) {
	var h Header
	magic := make([]byte, len(Magic))
	if err := c.readFull(magic); err != nil {
		return h, err
	}
	if string(magic) != Magic {
		return h, c.fail(0, ErrNotArchive)
	}
	var v [3]byte
	if err := c.readFull(v[:]); err != nil {
		return h, err
	}
	h.Version = Version{v[0], v[1], v[2]}
	if h.Version.Less(MinVersion) || MaxVersion.Less(h.Version) {
		return h, c.fail(5, fmt.Errorf("%w (%d.%d) in file header; this reader handles 1.12 to 1.16", ErrVersion, v[0], v[1]))
	}
	off := c.pos
	b, err := c.readByte()
	if err != nil {
		return h, err
	}
	if b == 0 || b > maxIntSize {
		return h, c.fail(off, fmt.Errorf("%w: integer size %d", ErrCorrupt, b))
	}
	h.IntSize = int(b)
	off = c.pos
	if b, err = c.readByte(); err != nil {
		return h, err
	}
	if b == 0 || b > maxOffSize {
		return h, c.fail(off, fmt.Errorf("%w: offset size %d", ErrCorrupt, b))
	}
	h.OffSize = int(b)
	c.intSize, c.offSize = h.IntSize, h.OffSize

	off = c.pos
	if b, err = c.readByte(); err != nil {
		return h, err
	}
	if int(b) != format {
		if format == FormatCustom {
			return h, c.fail(off, fmt.Errorf("%w: archive format %d is not custom (1)", ErrNotArchive, b))
		}
		return h, c.fail(off, fmt.Errorf("%w: toc.dat holds archive format %d, not tar (3)", ErrNotArchive, b))
	}
	h.Format = int(b)

	off = c.pos
	if h.Version.AtLeast(V1_15) {
		if b, err = c.readByte(); err != nil {
			return h, err
		}
		h.Compression = Compression(b)
		if h.Compression > CompressionZstd {
			return h, c.fail(off, fmt.Errorf("%w: algorithm %d", ErrCompression, b))
		}
	} else {
		level, err := c.readInt()
		if err != nil {
			return h, err
		}
		h.Level = int(level)
		// Any level but 0 means zlib, as pg_restore reads it.
		if level != 0 {
			h.Compression = CompressionGzip
		}
	}

	var tm [7]int64
	for i := range tm {
		if tm[i], err = c.readInt(); err != nil {
			return h, err
		}
	}
	h.Created = CreateTime{Sec: int(tm[0]), Min: int(tm[1]), Hour: int(tm[2]), Day: int(tm[3]), Month: int(tm[4]), Year: int(tm[5]), IsDST: int(tm[6])}
	db, err := c.readStr()
	if err != nil {
		return h, err
	}
	h.DBName = db.String
	if h.ServerVersion, err = c.readStr(); err != nil {
		return h, err
	}
	if h.DumpVersion, err = c.readStr(); err != nil {
		return h, err
	}

	countOff := c.pos
	n, err := c.readCount("TOC entry count", 0, 1<<31-1)
	if err != nil {
		return h, err
	}
	// A count the rest of the file cannot hold is a truncated (or lying)
	// file; say so before setting anything aside for the entries.
	if rem := c.remaining(); rem >= 0 && n > rem/minEntryBytes {
		return h, c.fail(countOff, fmt.Errorf("TOC entry count %d needs at least %d bytes, %d left: %w", n, n*minEntryBytes, rem, io.ErrUnexpectedEOF))
	}
	h.TOCCount = int(n)
	return h, nil
}

// readTOC reads h.TOCCount entries.
func readTOC(c *cursor, h *Header) ([]*Entry, error) {
	entries := make([]*Entry, 0, min(h.TOCCount, 4096))
	seen := make(map[int]bool, min(h.TOCCount, 4096))
	for i := 0; i < h.TOCCount; i++ {
		e, err := readEntry(c, h.Version, h.Format)
		if err != nil {
			if e != nil && e.DumpID > 0 {
				return nil, wrap(err, e, -1)
			}
			// Keep the entry number in the message: wrap takes the offset
			// out of a posError and would drop a prefix put around it.
			var pe *posError
			if errors.As(err, &pe) {
				return nil, wrap(&posError{pe.off, fmt.Errorf("TOC entry %d of %d: %w", i+1, h.TOCCount, pe.err)}, nil, -1)
			}
			return nil, wrap(fmt.Errorf("TOC entry %d of %d: %w", i+1, h.TOCCount, err), nil, -1)
		}
		if seen[e.DumpID] {
			return nil, wrap(&posError{e.tocOffset, fmt.Errorf("%w: duplicate dump ID %d", ErrCorrupt, e.DumpID)}, e, -1)
		}
		seen[e.DumpID] = true
		entries = append(entries, e)
	}
	return entries, nil
}

// readEntry reads one TOC entry. On error the partly read entry is returned
// too, so the message can name it once its ID is known.
func readEntry(c *cursor, v Version, format int) (*Entry, error) {
	e := &Entry{tocOffset: c.pos}
	id, err := c.readCount("dump ID", 1, 1<<31-1)
	if err != nil {
		return nil, err
	}
	e.DumpID = int(id)
	had, err := c.readInt()
	if err != nil {
		return e, err
	}
	e.HadDumper = had != 0
	toid, _, err := c.readDecimal("catalog table OID", 32)
	if err != nil {
		return e, err
	}
	e.TableOID = uint32(toid)
	oid, _, err := c.readDecimal("catalog OID", 32)
	if err != nil {
		return e, err
	}
	e.OID = uint32(oid)
	tag, err := c.readStr()
	if err != nil {
		return e, err
	}
	e.Tag = tag.String
	desc, err := c.readStr()
	if err != nil {
		return e, err
	}
	e.Desc = desc.String
	sec, err := c.readCount("section", int64(SectionNone), int64(SectionPostData))
	if err != nil {
		return e, err
	}
	e.Section = Section(sec)
	for _, f := range []*NullString{&e.Defn, &e.DropStmt, &e.CopyStmt, &e.Namespace, &e.Tablespace} {
		if *f, err = c.readStr(); err != nil {
			return e, err
		}
	}
	if v.AtLeast(V1_14) {
		if e.TableAM, err = c.readStr(); err != nil {
			return e, err
		}
	}
	if v.AtLeast(V1_16) {
		rk, err := c.readCount("relkind", 0, 255)
		if err != nil {
			return e, err
		}
		e.Relkind = int(rk)
	}
	if e.Owner, err = c.readStr(); err != nil {
		return e, err
	}
	w, err := c.readStr()
	if err != nil {
		return e, err
	}
	e.WithOIDs = w.String
	for {
		d, ok, err := c.readDecimal("dependency", 31)
		if err != nil {
			return e, err
		}
		if !ok {
			break
		}
		e.Dependencies = append(e.Dependencies, int(d))
	}
	if format != FormatCustom {
		// Tar and directory archives name the entry's data file
		// instead; "" when it has none.
		return e, readFileName(c, e)
	}
	if e.DataState, e.Offset, err = c.readOffset(); err != nil {
		return e, err
	}
	return e, nil
}
