package dump

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/pgdrill/pgdrill/internal/version"
	"github.com/pgdrill/pgdrill/pgarchive"
)

// DumperVersion names pgdrill in the archive header's "Dumped by" field
// (pg_restore -l prints it as "Dumped by pg_dump version"): its module
// version and VCS revision.
var DumperVersion = version.Get().Dumper()

// Options says what to dump and how.
type Options struct {
	// Compression of the data blocks; the zero value is none, so callers
	// that want pg_dump's default ask for CompressionGzip.
	Compression pgarchive.Compression
	// Level is the compression level; 0 means the algorithm's default.
	Level int
	// Format is the archive version; the zero value picks 1.14 for none and
	// gzip (read by pg_restore 12 and later) and 1.16 for lz4 and zstd.
	Format pgarchive.Version

	// Selection, with pg_dump's patterns and meaning: * ? and "quoting",
	// [db.]schema for schemas, [[db.]schema.]name for relations, and an
	// unqualified relation name is the one the search path finds.
	Schemas                     []string // -n: only these schemas
	ExcludeSchemas              []string // -N
	Tables                      []string // -t: only these relations (no schemas)
	TablesAndChildren           []string // --table-and-children
	ExcludeTables               []string // -T
	ExcludeTablesAndChildren    []string // --exclude-table-and-children
	ExcludeTableData            []string // --exclude-table-data: definition but no data
	ExcludeTableDataAndChildren []string // --exclude-table-data-and-children
	StrictNames                 bool     // --strict-names: each -n and -t pattern must match
	SchemaOnly                  bool     // -s: the schema, no data or statistics
	DataOnly                    bool     // -a: the data, no schema or statistics

	// What else to leave out or add, with pg_dump 18's meaning: schema
	// and data are dumped unless left out, statistics only when asked for.
	NoSchema       bool // --no-schema
	NoData         bool // --no-data
	Statistics     bool // --statistics: the planner statistics of tables, indexes and materialized views
	NoStatistics   bool // --no-statistics
	StatisticsOnly bool // --statistics-only: statistics, no schema or data
	// SequenceData dumps the sequences' values (SEQUENCE SET) even when
	// the data is otherwise left out (--sequence-data).
	SequenceData bool

	// Encoding is the client encoding the archive is written in (-E, e.g.
	// "LATIN1"); empty means $PGCLIENTENCODING, then the database's own,
	// as with pg_dump.
	Encoding string

	// Progress, if not nil, is called as the data is written (see
	// Progress), from the goroutine that called Run.
	Progress func(Progress)
}

// Progress reports how far the data dump is. It comes after each data block
// and every few MiB of a long one.
type Progress struct {
	Table       string // the block being or just written: "schema.table" or "large objects"
	TablesDone  int    // data blocks finished
	TablesTotal int    // data blocks in the archive
	Rows        int64  // rows written so far
	Bytes       int64  // uncompressed COPY bytes written so far
	// EstimatedBytes is the on-disk size of the tables being dumped, from
	// the catalog: a total for a progress bar, not an exact one.
	EstimatedBytes int64
}

// Summary describes a finished dump.
type Summary struct {
	Database      string  `json:"database"`
	ServerVersion string  `json:"server_version"`
	Format        string  `json:"format"`
	Compression   string  `json:"compression"`
	Entries       int     `json:"entries"`
	Tables        int     `json:"tables"`
	Rows          int64   `json:"rows"`
	DataBytes     int64   `json:"data_bytes"`
	LargeObjects  int     `json:"large_objects"`
	ArchiveBytes  int64   `json:"archive_bytes"`
	Seconds       float64 `json:"seconds"`
}

// Run dumps the database connString names (a URL or key=value conninfo; PG*
// environment variables fill in what it leaves out) to w as a custom
// archive. When w is a seekable file the TOC is rewritten with data offsets
// at the end, as pg_dump does.
//
// A server that closes the connection without a word (a killed backend, an
// immediate shutdown) is reported as that, not as pgconn's bare io.EOF,
// which is dropped from the error chain: nothing was wrong with an input.
func Run(ctx context.Context, connString string, w io.Writer, opts Options) (Summary, error) {
	sum, err := run(ctx, connString, w, opts)
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		err = fmt.Errorf("%s (the server closed the connection unexpectedly)", err)
	} else if errors.Is(err, pgconn.ErrConnClosed) {
		err = fmt.Errorf("%s (the connection to the server was lost)", err)
	}
	return sum, err
}

func run(ctx context.Context, connString string, w io.Writer, opts Options) (Summary, error) {
	start := time.Now()
	d, entries, h, err := prepare(ctx, connString, &opts, start)
	if err != nil {
		return Summary{}, err
	}
	defer d.close()
	aw := pgarchive.NewWriter(w, h)
	if opts.Level > 0 {
		if err := aw.SetLevel(opts.Level); err != nil {
			return Summary{}, err
		}
	}
	for _, e := range entries {
		if err := aw.Add(e.e); err != nil {
			return Summary{}, err
		}
	}
	sum := Summary{Database: d.dbname, ServerVersion: d.serverVersion, Format: opts.Format.String(),
		Compression: opts.Compression.String(), Entries: len(entries)}
	if err := d.writeData(aw, entries, &sum); err != nil {
		return Summary{}, err
	}
	if err := aw.Close(); err != nil {
		return Summary{}, err
	}
	sum.ArchiveBytes = aw.Size()
	sum.Seconds = time.Since(start).Seconds()
	return sum, nil
}

// prepare connects, takes the snapshot, reads the catalog and builds the
// TOC entries and header of a dump of any format. The caller closes d.
func prepare(ctx context.Context, connString string, opts *Options, start time.Time) (*dumper, []tocEntry, pgarchive.Header, error) {
	var h pgarchive.Header
	if err := opts.checkParts(); err != nil {
		return nil, nil, h, err
	}
	if err := compileSelection(opts); err != nil {
		return nil, nil, h, err
	}
	if opts.Format == (pgarchive.Version{}) {
		opts.Format = pgarchive.V1_14
		if opts.Compression == pgarchive.CompressionLZ4 || opts.Compression == pgarchive.CompressionZstd {
			opts.Format = pgarchive.V1_16
		}
	}
	cfg, err := pgx.ParseConfig(connString)
	if err != nil {
		return nil, nil, h, fmt.Errorf("dump: connection string: %w", err)
	}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, nil, h, fmt.Errorf("dump: connect: %w", err)
	}
	d := &dumper{ctx: ctx, conn: conn, cfg: cfg, opts: *opts, byCat: map[catKey]*object{},
		preBound: &object{boundary: true}, postBound: &object{boundary: true}}
	d.dumpSchema, d.dumpData, d.dumpStats = opts.parts()
	fail := func(err error) (*dumper, []tocEntry, pgarchive.Header, error) {
		d.close()
		return nil, nil, h, err
	}
	if err := d.setup(); err != nil {
		return fail(err)
	}
	if err := d.collect(); err != nil {
		return fail(err)
	}
	sorted, err := sortObjects(d.objs)
	if err != nil {
		return fail(err)
	}
	entries := d.entries(sorted)
	h = pgarchive.Header{
		Version:       opts.Format,
		Compression:   opts.Compression,
		Created:       createTime(start), // pg_dump records when it began
		DBName:        d.dbname,
		ServerVersion: pgarchive.Str(d.serverVersion),
		DumpVersion:   pgarchive.Str(DumperVersion),
	}
	if opts.Format.Less(pgarchive.V1_15) && opts.Compression == pgarchive.CompressionGzip && opts.Level > 0 {
		h.Level = opts.Level
	}
	return d, entries, h, nil
}

// close ends the snapshot and the connection.
func (d *dumper) close() {
	ctx := context.WithoutCancel(d.ctx)
	if d.tx != nil {
		d.tx.Rollback(ctx)
	}
	d.conn.Close(ctx)
}

// createTime is t as the struct tm fields pg_dump stores: local wall-clock
// time, with isdst telling whether summer time is in effect.
func createTime(t time.Time) pgarchive.CreateTime {
	dst := 0
	if t.IsDST() {
		dst = 1
	}
	return pgarchive.CreateTime{Sec: t.Second(), Min: t.Minute(), Hour: t.Hour(), Day: t.Day(),
		Month: int(t.Month()) - 1, Year: t.Year() - 1900, IsDST: dst}
}

// dumper holds one dump's connection, snapshot and collected objects.
type dumper struct {
	ctx  context.Context
	conn *pgx.Conn
	cfg  *pgx.ConnConfig // for the workers of a parallel dump
	tx   pgx.Tx
	opts Options
	q    quoter

	dbname, serverVersion string
	serverNum             int
	settings              []string // the session settings, which workers repeat
	encoding              string

	objs  []*object
	byCat map[catKey]*object // catalog object → the object whose position it decides
	ids   int                // last dump ID handed out

	// What the dump holds (Options.parts).
	dumpSchema, dumpData, dumpStats bool

	dbObj *object // the DATABASE entry
	// pg_dump's section boundaries, which some verbatim dependency lists
	// name (MATERIALIZED VIEW DATA, 1.16 BLOBS) though they have no entry.
	preBound, postBound *object
	propsObj            *object // its DATABASE PROPERTIES entry, if any

	sel           selection
	schemas       map[uint32]*schemaInfo
	tables        map[uint32]*table
	comments      map[commentKey]string
	indexAttaches map[uint32][]indexAttach // by parent index OID
	indexes       []indexStats             // every dumped index, for its statistics
	// firstDataStats is the lowest OID of a relation whose statistics are
	// in the data section (splitViews).
	firstDataStats uint32

	tablesDone, tablesTotal int   // data blocks written and to write, for Progress
	estimated               int64 // Progress.EstimatedBytes
}

type commentKey struct {
	class, oid uint32
	sub        int32
}

type schemaInfo struct {
	oid      uint32
	name     string
	included bool
	obj      *object // nil for schemas not dumped as objects (public)
}

// setup applies pg_dump's session settings and opens the snapshot.
func (d *dumper) setup() error {
	ctx := d.ctx
	enc := d.opts.Encoding
	if enc == "" {
		enc = os.Getenv("PGCLIENTENCODING")
	}
	if enc == "" {
		if err := d.conn.QueryRow(ctx, "SELECT pg_catalog.pg_encoding_to_char(encoding) FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database()").Scan(&enc); err != nil {
			return fmt.Errorf("dump: read database encoding: %w", err)
		}
	}
	d.settings = []string{
		"SELECT pg_catalog.set_config('search_path', '', false)",
		"SET client_encoding TO " + literal(enc),
		"SET DATESTYLE = ISO",
		"SET INTERVALSTYLE = POSTGRES",
		"SET extra_float_digits TO 3",
		"SET synchronize_seqscans TO off",
		"SET statement_timeout = 0",
		"SET lock_timeout = 0",
		"SET idle_in_transaction_session_timeout = 0",
		"SET row_security = off",
		"SELECT pg_catalog.set_config(name, 'view, foreign-table', false) FROM pg_catalog.pg_settings WHERE name = 'restrict_nonsystem_relation_kind'",
	}
	for _, s := range d.settings {
		if _, err := d.conn.Exec(ctx, s); err != nil {
			if strings.HasPrefix(s, "SET client_encoding") {
				return fmt.Errorf("dump: invalid client encoding %q: %w", enc, err)
			}
			return fmt.Errorf("dump: session setting %q: %w", s, err)
		}
	}
	tx, err := d.conn.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return fmt.Errorf("dump: begin snapshot: %w", err)
	}
	d.tx = tx
	if err := tx.QueryRow(ctx, `SELECT pg_catalog.current_database(), pg_catalog.current_setting('server_version'),
		pg_catalog.current_setting('server_version_num')::int, pg_catalog.current_setting('client_encoding')`).
		Scan(&d.dbname, &d.serverVersion, &d.serverNum, &d.encoding); err != nil {
		return fmt.Errorf("dump: read server settings: %w", err)
	}
	if d.serverNum < 120000 {
		return fmt.Errorf("dump: server version %s is older than 12, which this dumper does not handle", d.serverVersion)
	}
	rows, err := tx.Query(ctx, "SELECT word FROM pg_catalog.pg_get_keywords() WHERE catcode <> 'U'")
	if err != nil {
		return fmt.Errorf("dump: read keywords: %w", err)
	}
	kw, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return fmt.Errorf("dump: read keywords: %w", err)
	}
	d.q.keywords = make(map[string]bool, len(kw))
	for _, k := range kw {
		d.q.keywords[k] = true
	}
	return nil
}

// newObject registers a new object and gives it the next dump ID.
func (d *dumper) newObject(p prio, desc, tag string) *object {
	d.ids++
	o := &object{prio: p, name: tag, dumpID: d.ids}
	o.entry = pgarchive.Entry{Desc: desc, Tag: tag, Section: p.section(), WithOIDs: "false"}
	d.objs = append(d.objs, o)
	return o
}

// phantom registers a catalog object pg_dump knows but writes no entry
// for (a constraint's index, a view's ON SELECT rule, an extension's
// member): it only passes its dependencies on to the objects that depend
// on it, in the sort and in the TOC.
func (d *dumper) phantom(class, oid uint32) *object {
	o := &object{cat: catKey{class, oid}, oid: oid, phantom: true}
	d.byCat[o.cat] = o
	return o
}

// child makes an entry that follows o in the TOC (COMMENT, ACL, SEQUENCE
// OWNED BY); its dump ID is assigned when the TOC is built, as pg_dump
// creates these while writing.
func (d *dumper) child(o *object, desc, tag string, sec pgarchive.Section, defn string) *object {
	c := &object{entry: pgarchive.Entry{Desc: desc, Tag: tag, Section: sec, Defn: pgarchive.Str(defn),
		Namespace: o.entry.Namespace, Owner: o.entry.Owner, WithOIDs: "false"}}
	c.deps = []*object{o}
	c.verbatimDeps(o)
	o.children = append(o.children, c)
	return c
}

func (o *object) setNS(ns string) {
	o.ns, o.nsValid = ns, true
	o.entry.Namespace = pgarchive.Str(ns)
}

func (o *object) setOwner(owner string) { o.entry.Owner = pgarchive.Str(owner) }

func (o *object) setCat(class, oid uint32) {
	o.entry.TableOID, o.entry.OID, o.oid = class, oid, oid
	o.cat = catKey{class, oid}
}

// entry pairs a TOC entry with the object it came from.
type tocEntry struct {
	e   *pgarchive.Entry
	obj *object
}

// entries lays out the TOC: the special entries and DATABASE, then each
// object followed by its children, with dependency lists as dump IDs.
func (d *dumper) entries(sorted []*object) []tocEntry {
	var out []tocEntry
	special := func(desc, defn string) {
		d.ids++
		e := &pgarchive.Entry{DumpID: d.ids, Desc: desc, Tag: desc, Section: pgarchive.SectionPreData,
			Defn: pgarchive.Str(defn), WithOIDs: "false"}
		out = append(out, tocEntry{e: e})
	}
	special("ENCODING", "SET client_encoding = "+literal(d.encoding)+";\n")
	special("STDSTRINGS", "SET standard_conforming_strings = 'on';\n")
	special("SEARCHPATH", "SELECT pg_catalog.set_config('search_path', '', false);\n")
	add := func(o *object) {
		if o.dumpID == 0 {
			o.dumpID = d.nextID()
		}
		o.entry.DumpID = o.dumpID
		out = append(out, tocEntry{e: &o.entry, obj: o})
	}
	var emit func(o *object)
	emit = func(o *object) {
		if !o.hidden {
			add(o)
		} else if o.dumpID == 0 {
			o.dumpID = d.nextID()
		}
		for _, c := range o.children {
			emit(c)
		}
		for _, c := range o.trailers {
			emit(c)
		}
	}
	// DATABASE, its comment and ACL come first, then its properties,
	// as pg_dump writes them; pg_restore uses them only with -C.
	if d.dbObj != nil && !d.dumpSchema {
		// pg_dump -a keeps the DATABASE entry but not its comment,
		// properties or ACL, which are definitions.
		d.dbObj.children = nil
		d.propsObj = nil
	}
	if d.dbObj != nil {
		var acls []*object
		for _, c := range d.dbObj.children {
			if c.entry.Desc == "ACL" {
				acls = append(acls, c)
			}
		}
		add(d.dbObj)
		for _, c := range d.dbObj.children {
			if c.entry.Desc != "ACL" {
				emit(c)
			}
		}
		if d.propsObj != nil {
			emit(d.propsObj)
		}
		for _, c := range acls {
			emit(c)
		}
	}
	for _, o := range sorted {
		if d.keep(o) {
			emit(o)
		}
	}
	inArchive := make(map[*object]bool, len(out))
	for _, te := range out {
		if te.obj != nil {
			inArchive[te.obj] = true
		}
	}
	for _, te := range out {
		if te.obj != nil {
			d.finish(te.obj, inArchive)
		}
	}
	return out
}

// keep applies what the dump holds (-s, -a, --statistics and the rest):
// which entries are data, schema or statistics, as pg_restore counts them.
func (d *dumper) keep(o *object) bool {
	if o.excluded {
		return false
	}
	switch o.entry.Desc {
	case "TABLE DATA", "BLOB", "BLOBS", "BLOB METADATA":
		return d.dumpData
	case "SEQUENCE SET":
		return d.dumpData || d.opts.SequenceData
	case "STATISTICS DATA":
		return d.dumpStats
	case "MATERIALIZED VIEW DATA":
		// pg_dump refreshes materialized views only when it dumps both.
		return d.dumpSchema && d.dumpData
	}
	return d.dumpSchema
}

func (d *dumper) nextID() int { d.ids++; return d.ids }

// finish fills in the entry's dependency list the way pg_dump's
// BuildArchiveDependencies does: an entry made with explicit dependencies
// (verbatim: comments, ACLs, TABLE DATA and the like) keeps them as they
// are, even on objects not in the archive; any other lists its object's
// dependencies, each one not in the archive replaced, recursively, by that
// object's own, with the section boundaries left out. Duplicates stay, as
// pg_dump writes them (pg_restore counts each and releases each).
func (d *dumper) finish(o *object, inArchive map[*object]bool) {
	e := &o.entry
	deps := o.tocDeps
	if !o.verbatim {
		deps = expandDeps(o, func(x *object) bool { return !inArchive[x] })
	}
	e.Dependencies = e.Dependencies[:0]
	for _, dep := range deps {
		e.Dependencies = append(e.Dependencies, d.idOf(dep))
	}
	if !d.opts.Format.AtLeast(pgarchive.V1_16) {
		e.Relkind = 0
	}
}

// idOf is o's dump ID, given now if it has none: an object that is not in
// the archive may still be named by a verbatim dependency.
func (d *dumper) idOf(o *object) int {
	if o.dumpID == 0 {
		o.dumpID = d.nextID()
	}
	return o.dumpID
}

// verbatimDeps makes the entry list exactly these dependencies, as pg_dump
// does for the entries it makes with explicit ones.
func (o *object) verbatimDeps(deps ...*object) {
	o.verbatim = true
	o.tocDeps = deps
}

// partial reports a -n or -t dump, which leaves out database-wide objects
// (extensions, casts, event triggers, publications, large objects).
func (d *dumper) partial() bool { return d.opts.selective() }

// tablesOnly reports a -t dump: only the matched relations (and what
// belongs to them), no schemas.
func (d *dumper) tablesOnly() bool { return len(d.opts.Tables)+len(d.opts.TablesAndChildren) > 0 }

// wantData is whether data entries are made at all (not with -s).
func (d *dumper) wantData() bool { return d.dumpData }
