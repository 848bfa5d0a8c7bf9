// Package inspect analyses the data in a pg_dump custom archive without a
// server: for each table its rows and sizes, for each date/time column the
// range of its values and their oddities (NULLs, infinities, fractional
// seconds, the UTC offsets the text carries), and the large objects by count
// and size. Each block is read once, as a stream, so memory stays flat
// however large the archive is.
//
// Column types come from the definitions in the archive's TOC, matched by
// name to the columns of each COPY statement. The TABLE entry that a TABLE
// DATA entry names as its first dependency gives the table's own columns;
// the columns it inherits, which pg_dump leaves out of a child's CREATE
// TABLE, come from the TABLE entries its INHERITS clause names (recursively,
// every parent); a typed table's (CREATE TABLE ... OF type) from the
// composite TYPE entry; and a column whose type is a domain, or a domain
// over a domain, is analysed as the domain's base type, from the DOMAIN
// entries. Partitions need none of this: pg_dump 15 and 17 (verified)
// write each with all its columns and attach it in a separate TABLE ATTACH
// entry; the PARTITION OF form of older pg_dump is read as inheritance.
//
// Analysed are columns of types timestamp with time zone, timestamp without
// time zone, date and time without time zone, with any precision. Not
// analysed: time with time zone, intervals, ranges, and arrays of the four
// (or domains over such arrays), which the report lists with kind "array"
// but never reads as scalar values. A column whose type cannot be resolved,
// because its parent, composite type or domain is not in the archive (a dump
// made with -t, say; or the type is an extension's, which pg_dump leaves to
// CREATE EXTENSION) or its definition is not understood, is listed with
// kind "unknown" and a note saying why, and is counted in the summary; it is
// never silently left out.
package inspect

import (
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/pgdrill/pgdrill/pgarchive"
	"github.com/pgdrill/pgdrill/pgarchive/copytext"
	"github.com/pgdrill/pgdrill/pgtime"
)

// Blocks yields an archive's data blocks one after another and io.EOF after
// the last; *pgarchive.Stream is one.
type Blocks interface {
	Next() (*pgarchive.Block, error)
}

// Options tune Archive.
type Options struct {
	// Size is the archive's size in bytes, reported when known (0: unknown).
	Size int64
	// Location is the zone the creation time is read in; nil is time.Local.
	Location *time.Location
	// Progress, if set, is told how many archive bytes each read consumed.
	Progress func(n int64)
}

// Report is the result of inspecting an archive.
type Report struct {
	Archive      Summary      `json:"archive"`
	Tables       []*Table     `json:"tables"`
	LargeObjects LargeObjects `json:"large_objects"`
}

// Summary describes the archive as a whole.
type Summary struct {
	Size          int64     `json:"size_bytes,omitempty"`
	Format        string    `json:"format"` // custom, tar or directory
	Version       string    `json:"version"`
	Compression   string    `json:"compression"`
	Created       time.Time `json:"created"` // as pg_restore reads the header
	DBName        string    `json:"dbname"`
	ServerVersion *string   `json:"server_version"`
	DumpVersion   *string   `json:"dump_version"`
	TOCEntries    int       `json:"toc_entries"`
	TableData     int       `json:"table_data"` // TABLE DATA entries
	// Unresolved counts the columns of kind Unknown: their values may be
	// dates or times that were not analysed.
	Unresolved int   `json:"unresolved_columns,omitempty"`
	Rows       int64 `json:"rows"`
	RawBytes   int64 `json:"raw_bytes"`
	Compressed int64 `json:"compressed_bytes"`
}

// Table is one TABLE DATA entry.
type Table struct {
	DumpID    int    `json:"dump_id"`
	Namespace string `json:"namespace"`
	Name      string `json:"name"`
	// Inserts is set when the data is INSERT statements (pg_dump
	// --inserts): rows are then not counted or analysed.
	Inserts         bool   `json:"inserts,omitempty"`
	Rows            int64  `json:"rows"`
	RawBytes        int64  `json:"raw_bytes"`        // decompressed, terminator included
	CompressedBytes int64  `json:"compressed_bytes"` // as stored in the file
	BadRows         int64  `json:"bad_rows,omitempty"`
	Note            string `json:"note,omitempty"` // why columns could not be typed
	// Columns are the date/time columns, arrays of them and columns of
	// unknown type, in COPY order.
	Columns []*Column `json:"columns"`

	entry *pgarchive.Entry
	width int // COPY column count
}

// Column is one date/time column of a table.
type Column struct {
	Name string `json:"name"`
	Type string `json:"type"` // as declared; "" when the declaration was not found
	Kind Kind   `json:"kind"`
	// Base is the built-in type a domain stands for.
	Base string `json:"base,omitempty"`
	// Origin says where a column not declared in the table's own CREATE
	// TABLE was: "inherited from public.base", "attribute of type public.t".
	Origin string `json:"origin,omitempty"`
	// Note says why a column of kind Array or Unknown is not analysed.
	Note       string `json:"note,omitempty"`
	Values     int64  `json:"values"` // non-NULL (of kinds Array and Unknown: only these two are counted)
	Nulls      int64  `json:"nulls"`
	Infinite   int64  `json:"infinite"`
	Fractional int64  `json:"fractional"` // non-zero microseconds
	Invalid    int64  `json:"invalid"`    // text that does not parse
	// Min and Max order values as PostgreSQL does, infinities included;
	// FiniteMin and FiniteMax leave the infinities out.
	Min       *Value   `json:"min"`
	Max       *Value   `json:"max"`
	FiniteMin *Value   `json:"finite_min"`
	FiniteMax *Value   `json:"finite_max"`
	Offsets   []string `json:"offsets,omitempty"` // timestamptz: distinct UTC offsets, west to east
	Example   string   `json:"invalid_example,omitempty"`

	index                          int // position in the COPY column list
	min, max, finiteMin, finiteMax int64
	finite                         int64 // finite values seen
	offsets                        map[string]bool
}

// Value is a column value as stored, and for timestamptz the same instant
// as PostgreSQL prints it in UTC.
type Value struct {
	Text string `json:"text"`
	UTC  string `json:"utc,omitempty"`
}

// LargeObjects counts the large objects in BLOBS blocks.
type LargeObjects struct {
	Count           int64 `json:"count"`
	Bytes           int64 `json:"raw_bytes"`
	CompressedBytes int64 `json:"compressed_bytes"`
}

// MarshalText names the kind in JSON.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText reads a kind MarshalText wrote, so a report decodes back.
func (k *Kind) UnmarshalText(b []byte) error {
	for c := NotTemporal; c <= Unknown; c++ {
		if c.String() == string(b) {
			*k = c
			return nil
		}
	}
	return fmt.Errorf("inspect: unknown column kind %q", b)
}

// Problems counts rows and values that could not be read: malformed COPY
// rows and date/time text that does not parse.
func (r *Report) Problems() int64 {
	var n int64
	for _, t := range r.Tables {
		n += t.BadRows
		for _, c := range t.Columns {
			n += c.Invalid
		}
	}
	return n
}

// Archive inspects the archive whose header and TOC are h and entries,
// reading every data block from blocks.
func Archive(h pgarchive.Header, entries []*pgarchive.Entry, blocks Blocks, opts Options) (*Report, error) {
	loc := opts.Location
	if loc == nil {
		loc = time.Local
	}
	r := &Report{Archive: Summary{
		Size:        opts.Size,
		Format:      h.FormatName(),
		Version:     h.Version.String(),
		Compression: h.Compression.String(),
		Created:     h.Created.Time(loc),
		DBName:      h.DBName,
		TOCEntries:  h.TOCCount,
	}}
	if h.ServerVersion.Valid {
		r.Archive.ServerVersion = &h.ServerVersion.String
	}
	if h.DumpVersion.Valid {
		r.Archive.DumpVersion = &h.DumpVersion.String
	}
	byID := make(map[int]*pgarchive.Entry, len(entries))
	for _, e := range entries {
		byID[e.DumpID] = e
	}
	cat := newCatalog(entries)
	tables := make(map[*pgarchive.Entry]*Table)
	for _, e := range entries {
		if e.Desc != "TABLE DATA" {
			continue
		}
		t := newTable(e, byID, cat)
		r.Tables = append(r.Tables, t)
		tables[e] = t
		for _, c := range t.Columns {
			if c.Kind == Unknown {
				r.Archive.Unresolved++
			}
		}
	}
	r.Archive.TableData = len(r.Tables)

	for {
		b, err := blocks.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if b.IsBlobs() {
			if err := r.LargeObjects.read(b, opts.Progress); err != nil {
				return nil, err
			}
			continue
		}
		t := tables[b.Entry]
		if t == nil {
			continue // data of some other kind: Next passes over it
		}
		if err := t.read(b, opts.Progress); err != nil {
			return nil, err
		}
		r.Archive.Rows += t.Rows
		r.Archive.RawBytes += t.RawBytes
		r.Archive.Compressed += t.CompressedBytes
	}
	for _, t := range r.Tables {
		for _, c := range t.Columns {
			c.finish()
		}
	}
	return r, nil
}

// newTable prepares the analysis of one TABLE DATA entry: which COPY columns
// are dates and times.
func newTable(e *pgarchive.Entry, byID map[int]*pgarchive.Entry, cat *catalog) *Table {
	t := &Table{DumpID: e.DumpID, Namespace: e.Namespace.String, Name: e.Tag, entry: e, Columns: []*Column{}}
	if !e.CopyStmt.Valid || e.CopyStmt.String == "" {
		t.Inserts = true
		return t
	}
	_, names, err := copytext.ParseCopyStmt(e.CopyStmt.String)
	if err != nil {
		t.Note = "COPY statement not understood: " + err.Error()
		t.width = -1
		return t
	}
	t.width = len(names)
	var table *pgarchive.Entry
	if len(e.Dependencies) > 0 {
		table = byID[e.Dependencies[0]]
	}
	tc := &tableColumns{lacking: []string{"no TABLE entry as first dependency"}}
	if table != nil && table.Desc == "TABLE" {
		tc = cat.tableColumns(table)
	}
	missing := false
	for i, n := range names {
		ct, ok := tc.cols[n]
		if !ok {
			missing = true
			note := "not in the table's CREATE TABLE"
			if len(tc.lacking) > 0 {
				note = "declared in a definition not in the archive"
			}
			t.Columns = append(t.Columns, &Column{Name: n, Kind: Unknown, Note: note, index: i})
			continue
		}
		k, base, note := cat.resolveType(ct.typ, 0)
		if k == NotTemporal {
			continue
		}
		c := &Column{Name: n, Type: ct.typ.text, Kind: k, Origin: ct.origin, Note: note, index: i}
		if k.analysed() && ct.typ.user != (qname{}) {
			c.Base = base
		}
		t.Columns = append(t.Columns, c)
	}
	if missing && len(tc.lacking) > 0 {
		t.Note = "column types unknown: " + strings.Join(unique(tc.lacking), "; ")
	}
	return t
}

// unique drops repeated strings, keeping the first of each.
func unique(ss []string) []string {
	seen := make(map[string]bool, len(ss))
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// countingReader counts the decompressed bytes read from a block and reports
// the file bytes consumed to progress.
type countingReader struct {
	b        *pgarchive.Block
	n        int64
	reported int64
	progress func(int64)
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.b.Read(p)
	c.n += int64(n)
	if c.progress != nil {
		if used := c.b.CompressedBytes(); used > c.reported {
			c.progress(used - c.reported)
			c.reported = used
		}
	}
	return n, err
}

func (t *Table) read(b *pgarchive.Block, progress func(int64)) error {
	cr := &countingReader{b: b, progress: progress}
	if !t.Inserts && t.width >= 0 {
		rows := copytext.NewReader(cr)
		for {
			fields, err := rows.Next()
			if err == io.EOF {
				break
			}
			// A malformed row is counted and passed over; errors in the
			// line structure end the data and are returned.
			if errors.Is(err, copytext.ErrTrailingBackslash) || errors.Is(err, copytext.ErrMarkerNotAlone) {
				t.Rows++
				t.BadRows++
				continue
			}
			if err != nil {
				return fmt.Errorf("inspect: %s: %w", t.entry, err)
			}
			t.Rows++
			if len(t.Columns) == 0 {
				continue
			}
			if len(fields) != t.width {
				t.BadRows++
				continue
			}
			for _, c := range t.Columns {
				c.observe(fields[c.index])
			}
		}
	}
	// The rest: pg_dump's empty lines after \., or the INSERT statements.
	if _, err := io.Copy(io.Discard, cr); err != nil {
		return fmt.Errorf("inspect: %s: %w", t.entry, err)
	}
	t.RawBytes = cr.n
	t.CompressedBytes = b.CompressedBytes()
	return nil
}

func (lo *LargeObjects) read(b *pgarchive.Block, progress func(int64)) error {
	cr := &countingReader{b: b, progress: progress}
	for {
		oid, err := b.NextBlob()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("inspect: %s: %w", b.Entry, err)
		}
		lo.Count++
		before := cr.n
		if _, err := io.Copy(io.Discard, cr); err != nil {
			return fmt.Errorf("inspect: %s: large object %d: %w", b.Entry, oid, err)
		}
		lo.Bytes += cr.n - before
	}
	lo.CompressedBytes += b.CompressedBytes()
	return nil
}

// observe takes one field: nil is NULL. Of a column not analysed it only
// counts NULLs and values.
func (c *Column) observe(f []byte) {
	if f == nil {
		c.Nulls++
		return
	}
	if !c.Kind.analysed() {
		c.Values++
		return
	}
	s := string(f)
	var v int64
	var err error
	infinite := false
	switch c.Kind {
	case Timestamptz:
		v, err = pgtime.ParseTimestamptz(s)
		infinite = v == pgtime.NoBegin || v == pgtime.NoEnd
	case Timestamp:
		v, err = pgtime.ParseTimestamp(s)
		infinite = v == pgtime.NoBegin || v == pgtime.NoEnd
	case Date:
		var d int32
		d, err = pgtime.ParseDate(s)
		v = int64(d)
		infinite = d == pgtime.DateNoBegin || d == pgtime.DateNoEnd
		// Keep the infinities at the ends of the int64 order.
		if d == pgtime.DateNoBegin {
			v = math.MinInt64
		} else if d == pgtime.DateNoEnd {
			v = math.MaxInt64
		}
	case Time:
		v, err = pgtime.ParseTime(s)
	}
	if err != nil {
		c.Invalid++
		if c.Example == "" {
			c.Example = s
		}
		return
	}
	c.Values++
	if c.Values == 1 || v < c.min {
		c.min, c.Min = v, &Value{Text: s}
	}
	if c.Values == 1 || v > c.max {
		c.max, c.Max = v, &Value{Text: s}
	}
	if infinite {
		c.Infinite++
		return
	}
	c.finite++
	if c.finite == 1 || v < c.finiteMin {
		c.finiteMin, c.FiniteMin = v, &Value{Text: s}
	}
	if c.finite == 1 || v > c.finiteMax {
		c.finiteMax, c.FiniteMax = v, &Value{Text: s}
	}
	if c.Kind != Date && ((v%1e6)+1e6)%1e6 != 0 {
		c.Fractional++
	}
	if c.Kind == Timestamptz {
		if c.offsets == nil {
			c.offsets = make(map[string]bool)
		}
		c.offsets[offsetText(s)] = true
	}
}

// finish fills in what is computed once: UTC texts and sorted offsets.
func (c *Column) finish() {
	if c.Kind != Timestamptz {
		return
	}
	for _, v := range []struct {
		val *Value
		us  int64
	}{{c.Min, c.min}, {c.Max, c.max}, {c.FiniteMin, c.finiteMin}, {c.FiniteMax, c.finiteMax}} {
		if v.val != nil {
			v.val.UTC = utcText(v.us)
		}
	}
	c.Offsets = c.Offsets[:0]
	for o := range c.offsets {
		c.Offsets = append(c.Offsets, o)
	}
	sort.Slice(c.Offsets, func(i, j int) bool { return offsetSeconds(c.Offsets[i]) < offsetSeconds(c.Offsets[j]) })
	if len(c.Offsets) == 0 {
		c.Offsets = nil
	}
}

// utcText prints an instant as PostgreSQL does with TimeZone UTC.
func utcText(us int64) string {
	switch us {
	case pgtime.NoBegin:
		return "-infinity"
	case pgtime.NoEnd:
		return "infinity"
	}
	return pgtime.FormatISO(us, 0)
}

// offsetText cuts the UTC offset out of timestamptz text such as
// "2024-01-02 03:04:05.5+05:30" or "0044-03-15 12:00:00+00 BC".
func offsetText(s string) string {
	sp := strings.IndexByte(s, ' ')
	if sp < 0 {
		return ""
	}
	rest := s[sp+1:]
	i := strings.IndexAny(rest, "+-")
	if i < 0 {
		return ""
	}
	off := rest[i:]
	if j := strings.IndexByte(off, ' '); j >= 0 {
		off = off[:j]
	}
	return off
}

// offsetSeconds reads "+HH[:MM[:SS]]" as seconds east of UTC.
func offsetSeconds(off string) int {
	if off == "" {
		return 0
	}
	sign := 1
	if off[0] == '-' {
		sign = -1
	}
	secs, mult := 0, 3600
	for _, part := range strings.Split(off[1:], ":") {
		n, _ := strconv.Atoi(part)
		secs += n * mult
		mult /= 60
	}
	return sign * secs
}
