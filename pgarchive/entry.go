package pgarchive

import "strconv"

// NullString is a string field of the archive that may be NULL. NULL and the
// empty string are different values in the format and both round-trip.
type NullString struct {
	String string
	Valid  bool // false means NULL
}

// Str returns a valid NullString holding s.
func Str(s string) NullString { return NullString{String: s, Valid: true} }

// CreateTime holds the archive's creation time as stored: the fields of a C
// struct tm in pg_dump's local time, with no zone.
type CreateTime struct {
	Sec, Min, Hour int
	Day            int // day of month, 1-31
	Month          int // 0-11, as in struct tm
	Year           int // years since 1900, as in struct tm
	IsDST          int // 1 summer time, 0 not, -1 unknown
}

// Header is an archive's header.
type Header struct {
	Version Version
	IntSize int // bytes of an int's magnitude (4 from pg_dump)
	OffSize int // bytes of a file offset (8 from pg_dump)
	Format  int // 1 for custom archives

	Compression Compression
	// Level is the zlib level stored by versions before 1.15 (-1 default,
	// 0 none, 1-9); it is 0 for 1.15 and later, which store no level.
	Level int

	Created       CreateTime
	DBName        string
	ServerVersion NullString // e.g. "15.18 (Debian 15.18-0+deb12u1)"
	DumpVersion   NullString // the pg_dump that wrote the archive

	// TOCCount is the number of entries the TOC holds.
	TOCCount int
}

// Entry is one TOC entry: an object of the database, its SQL, and where its
// data block is.
type Entry struct {
	DumpID    int
	HadDumper bool // the entry has a data block

	TableOID uint32 // catalog table of the object (1259 pg_class, 2613 pg_largeobject, ...)
	OID      uint32

	Tag     string // the object name as listings show it: "a", "t t_pkey", "SCHEMA s2"
	Desc    string // the object kind: "TABLE", "TABLE DATA", "FK CONSTRAINT", ...
	Section Section

	Defn       NullString // SQL that creates the object
	DropStmt   NullString // SQL that drops it
	CopyStmt   NullString // TABLE DATA only: "COPY ns.t (a, b) FROM stdin;\n"
	Namespace  NullString // schema name
	Tablespace NullString // "" means the database default
	TableAM    NullString // since 1.14
	Relkind    int        // since 1.16: a pg_class relkind as a byte value, or 0
	Owner      NullString
	WithOIDs   string // always "false" from modern pg_dump

	// Dependencies are the dumpIds the entry depends on, in file order,
	// duplicates and IDs absent from the archive included.
	Dependencies []int

	DataState DataState
	// Offset is the block's position when DataState is DataPosSet (as the
	// file says), or once a Reader has found it by scanning.
	Offset int64
	// File is the name of the entry's data file in a directory or tar
	// archive ("3469.dat", "blobs_3489.toc"), as the TOC gives it; the
	// file's compression suffix, if any, is not part of it. Such entries
	// have DataState DataPosNotSet. Empty in custom archives.
	File string

	// tocOffset is where the entry starts in the file, for error messages.
	tocOffset int64
}

// Name is "namespace.tag", or the tag alone when there is no namespace.
func (e *Entry) Name() string {
	if e.Namespace.Valid && e.Namespace.String != "" {
		return e.Namespace.String + "." + e.Tag
	}
	return e.Tag
}

// String describes the entry as errors name it: "entry 3341 TABLE DATA public.t".
func (e *Entry) String() string {
	// An entry that failed to read may lack its desc and name so far.
	s := "entry " + strconv.Itoa(e.DumpID)
	if e.Desc != "" {
		s += " " + e.Desc
	}
	if n := e.Name(); n != "" {
		s += " " + n
	}
	return s
}
