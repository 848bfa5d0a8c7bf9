package pgarchive

import "fmt"

// Magic is the five bytes every custom archive starts with.
const Magic = "PGDMP"

// Version is an archive format version, such as 1.14.0.
type Version struct {
	Major, Minor, Rev uint8
}

// Format versions that change the layout a reader must follow.
var (
	V1_12 = Version{1, 12, 0} // separate BLOB entries; the oldest version read
	V1_13 = Version{1, 13, 0} // SEARCHPATH entry
	V1_14 = Version{1, 14, 0} // tableam in each entry
	V1_15 = Version{1, 15, 0} // compression algorithm byte in the header
	V1_16 = Version{1, 16, 0} // relkind in each entry, BLOB METADATA groups

	// MinVersion and MaxVersion bound what this package reads. Like
	// pg_restore, any revision of the newest minor version is accepted.
	MinVersion = V1_12
	MaxVersion = Version{1, 16, 255}
)

// Less reports whether v is older than w.
func (v Version) Less(w Version) bool {
	if v.Major != w.Major {
		return v.Major < w.Major
	}
	if v.Minor != w.Minor {
		return v.Minor < w.Minor
	}
	return v.Rev < w.Rev
}

// AtLeast reports whether v is w or newer.
func (v Version) AtLeast(w Version) bool { return !v.Less(w) }

// String formats v as pg_restore -l does: "1.14-0".
func (v Version) String() string { return fmt.Sprintf("%d.%d-%d", v.Major, v.Minor, v.Rev) }

// Compression is the algorithm that compresses every data block of an archive.
type Compression uint8

// The algorithm codes stored in 1.15+ headers.
const (
	CompressionNone Compression = 0
	CompressionGzip Compression = 1 // zlib streams (RFC 1950), despite the name
	CompressionLZ4  Compression = 2 // LZ4 frames
	CompressionZstd Compression = 3 // zstd frames
)

func (c Compression) String() string {
	switch c {
	case CompressionNone:
		return "none"
	case CompressionGzip:
		return "gzip"
	case CompressionLZ4:
		return "lz4"
	case CompressionZstd:
		return "zstd"
	}
	return fmt.Sprintf("compression(%d)", uint8(c))
}

// FormatName names the archive's format as pg_dump's -F option does:
// "custom", "tar" or "directory".
func (h Header) FormatName() string {
	switch h.Format {
	case FormatCustom:
		return "custom"
	case FormatTar:
		return "tar"
	case FormatDirectory:
		return "directory"
	}
	return fmt.Sprintf("format(%d)", h.Format)
}

// Section is the part of a restore an entry belongs to.
type Section int

// Section codes as stored in each TOC entry.
const (
	SectionNone     Section = 1 // comments, ACLs: they follow their parent object
	SectionPreData  Section = 2
	SectionData     Section = 3
	SectionPostData Section = 4
)

func (s Section) String() string {
	switch s {
	case SectionNone:
		return "none"
	case SectionPreData:
		return "pre-data"
	case SectionData:
		return "data"
	case SectionPostData:
		return "post-data"
	}
	return fmt.Sprintf("section(%d)", int(s))
}

// DataState says whether and where an entry's data block is.
type DataState uint8

// The offset flag bytes of an entry's custom-format extra data.
const (
	DataPosNotSet DataState = 1 // has a block, position unknown (written to a pipe)
	DataPosSet    DataState = 2 // has a block at Entry.Offset
	DataNone      DataState = 3 // has no block
)

func (d DataState) String() string {
	switch d {
	case DataPosNotSet:
		return "not-set"
	case DataPosSet:
		return "set"
	case DataNone:
		return "no-data"
	}
	return fmt.Sprintf("state(%d)", uint8(d))
}

// Block types of the data area.
const (
	blockData  = 1 // COPY (or INSERT) text of one table
	blockBlobs = 3 // a run of large objects
)

// The header's format codes. A directory archive's toc.dat holds
// FormatTar, as pg_dump writes it; a Reader reports FormatDirectory.
const (
	FormatCustom    = 1
	FormatTar       = 3
	FormatDirectory = 5
)

// Limits on what a file may claim. They are far above anything pg_dump
// writes and keep a hostile file from asking for absurd work.
const (
	maxStringLen = 1 << 30 // PostgreSQL's own limit for one value
	maxIntSize   = 16
	maxOffSize   = 16
)
