// Package content proves that a restored database holds exactly an archive's
// data: every TABLE DATA entry's rows, every large object's bytes and every
// sequence's position.
//
// For each table it streams COPY … TO STDOUT of the restored table (the
// entry's own column list) beside the archive's block and compares them row
// by row in heap order, which a restore by COPY FROM keeps. Only when the
// order differs does it fall back to an order-independent comparison: from
// the first row that differs on, both sides feed a multiset digest (the sum
// of a keyed SHA-256 of every row, so duplicates count). Nothing is held but
// the current row of each side, so memory does not grow with the data.
//
// The server's text is made comparable rather than assumed: the session runs
// with the archive's client_encoding and pg_dump's output settings (DateStyle
// ISO, IntervalStyle postgres, extra_float_digits 3, bytea_output hex), in
// time zone UTC. Rows are compared as bytes first; only a field whose bytes
// differ is compared by value, by its column's type as the restored catalog
// has it: timestamptz as instants (an archive holds them in the dump
// session's time zone, which it does not record), float4/float8 by their
// bits (pg_dump before 12 printed 17 digits), bytea decoded (either
// bytea_output), and arrays, ranges and composites by their timestamptz
// elements. Any other difference is a difference.
package content

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/pgdrill/pgdrill/pgarchive"
)

// Options tunes Compare.
type Options struct {
	// MaxValueBytes bounds each value a Diff shows; 0 means 80.
	MaxValueBytes int
	// MaxLargeObjectDiffs bounds the differing large objects listed; 0
	// means 10. All are counted.
	MaxLargeObjectDiffs int
}

// Status is a table's or sequence's outcome.
type Status string

const (
	// Match: the restored table holds the archive's rows in the archive's
	// order.
	Match Status = "match"
	// Reordered: the same rows, as a multiset, in another heap order.
	Reordered Status = "reordered"
	// Differs: rows (or a sequence's position) differ; see Diff.
	Differs Status = "differs"
	// Missing: the restored database lacks the table, a column of it, or
	// the sequence.
	Missing Status = "missing"
	// ArchiveError: the archive's data could not be read; see Error.
	ArchiveError Status = "archive_error"
	// Unchecked: the entry holds INSERT statements (pg_dump --inserts),
	// which this package does not parse; nothing was proven.
	Unchecked Status = "unchecked"
)

// OK reports whether the status proves the data restored.
func (s Status) OK() bool { return s == Match || s == Reordered }

// Report is what Compare found.
type Report struct {
	// Encoding is the archive's client_encoding the server printed in.
	Encoding     string       `json:"encoding"`
	Tables       []Table      `json:"tables"`
	Sequences    []Sequence   `json:"sequences"`
	LargeObjects LargeObjects `json:"large_objects"`
	Seconds      float64      `json:"seconds"`
}

// OK reports whether every table, sequence and large object matched.
// Unchecked tables do not fail it; Unchecked lists them.
func (r *Report) OK() bool {
	for _, t := range r.Tables {
		if !t.Status.OK() && t.Status != Unchecked {
			return false
		}
	}
	for _, s := range r.Sequences {
		if !s.Status.OK() {
			return false
		}
	}
	return r.LargeObjects.OK()
}

// Rows is the number of rows of every table in the restored database.
func (r *Report) Rows() int64 {
	var n int64
	for _, t := range r.Tables {
		n += t.RestoredRows
	}
	return n
}

// Column is one column the archive's COPY statement names.
type Column struct {
	Name string `json:"name"`
	Type string `json:"type"` // format_type in the restored database; "" when missing
}

// Table is one TABLE DATA entry's outcome.
type Table struct {
	DumpID  int      `json:"dump_id"`
	Schema  string   `json:"schema"`
	Name    string   `json:"name"`
	Columns []Column `json:"columns"`
	Status  Status   `json:"status"`

	ArchiveRows  int64 `json:"archive_rows"`
	RestoredRows int64 `json:"restored_rows"`
	// SHA256 is the hex SHA-256 of the restored table's rows exactly as
	// COPY (columns) TO STDOUT prints them, in heap order, under Compare's
	// session settings (UTC, DateStyle ISO, IntervalStyle postgres,
	// extra_float_digits 3, bytea_output hex, the archive's encoding).
	// When Status is Match it is also the archive's rows in that canonical
	// form.
	SHA256 string `json:"sha256"`
	// ReorderedAt is the 1-based row where the heap order first departs
	// from the archive's, when Status is Reordered.
	ReorderedAt int64 `json:"reordered_at,omitempty"`
	// Diff is the first difference, when Status is Differs.
	Diff  *Diff  `json:"diff,omitempty"`
	Error string `json:"error,omitempty"`
}

// QualifiedName is "schema.name", unquoted, as entries name tables.
func (t *Table) QualifiedName() string {
	if t.Schema == "" {
		return t.Name
	}
	return t.Schema + "." + t.Name
}

// Diff is the first place where a restored table stops matching its
// archive: the 1-based row, in the archive's order, and the column. An
// empty Column means whole rows are shown: one side has no row there, or the
// rows have different numbers of fields. Values are COPY text (NULL is \N,
// a TAB is \t), cut to Options.MaxValueBytes; nil means no such row.
type Diff struct {
	Row      int64   `json:"row"`
	Column   string  `json:"column,omitempty"`
	Archive  *string `json:"archive"`
	Restored *string `json:"restored"`
}

// Sequence compares one SEQUENCE SET entry with the restored sequence.
type Sequence struct {
	Schema           string `json:"schema"`
	Name             string `json:"name"`
	Status           Status `json:"status"`
	ArchiveValue     string `json:"archive_last_value"`
	ArchiveIsCalled  bool   `json:"archive_is_called"`
	RestoredValue    string `json:"restored_last_value"`
	RestoredIsCalled bool   `json:"restored_is_called"`
	Error            string `json:"error,omitempty"`
}

// LargeObjects sums up the large objects of the archive's BLOBS blocks.
type LargeObjects struct {
	Count int64 `json:"count"`     // in the archive
	Bytes int64 `json:"raw_bytes"` // in the archive
	// SHA256 is the hex SHA-256 over every object in archive order, each
	// as its OID (4 bytes, big-endian), length (8 bytes) and the SHA-256
	// of its bytes.
	// Empty when there are none.
	SHA256 string `json:"sha256,omitempty"`
	// Restored is the number of large objects in the restored database;
	// more than Count is a difference too.
	Restored int64 `json:"restored"`
	Differ   int64 `json:"differ"` // archive objects missing or different
	// Diffs lists the first differing objects.
	Diffs []LargeObjectDiff `json:"diffs,omitempty"`
	Error string            `json:"error,omitempty"` // the archive could not be read
}

// OK reports whether the restored large objects are exactly the archive's.
func (l *LargeObjects) OK() bool {
	return l.Differ == 0 && l.Restored == l.Count && l.Error == ""
}

// LargeObjectDiff is one large object that differs: the first differing
// byte's offset and a few bytes from there on each side, in hex.
type LargeObjectDiff struct {
	OID      uint32 `json:"oid"`
	Missing  bool   `json:"missing,omitempty"` // not in the restored database
	Offset   int64  `json:"offset"`
	Archive  string `json:"archive"`
	Restored string `json:"restored"`
	// Sizes, when they differ.
	ArchiveBytes  int64 `json:"archive_bytes"`
	RestoredBytes int64 `json:"restored_bytes"`
}

// Compare checks the database conn is connected to against archive a, which
// it was restored from. conn must not be in a transaction; Compare changes
// its session settings and puts them back before it returns. An error means
// the check could not run (the connection or a catalog query failed);
// differences, missing tables and unreadable blocks are in the Report.
func Compare(ctx context.Context, conn *pgconn.PgConn, a *pgarchive.Reader, opts Options) (*Report, error) {
	start := time.Now()
	if opts.MaxValueBytes <= 0 {
		opts.MaxValueBytes = 80
	}
	if opts.MaxLargeObjectDiffs <= 0 {
		opts.MaxLargeObjectDiffs = 10
	}
	rep := &Report{Encoding: archiveEncoding(a)}
	restoreSession, err := setSession(ctx, conn, rep.Encoding)
	if err != nil {
		return nil, err
	}
	c := &comparer{conn: conn, opts: opts, types: &typeResolver{conn: conn, kinds: map[uint32]kind{}}, rowHash: sha256.New(), sum: sha256.New()}
	if _, err := rand.Read(c.salt[:]); err != nil {
		return nil, err
	}
	err = c.run(ctx, a, rep)
	if rerr := restoreSession(); err == nil && rerr != nil {
		err = rerr
	}
	rep.Seconds = time.Since(start).Seconds()
	return rep, err
}

func (c *comparer) run(ctx context.Context, a *pgarchive.Reader, rep *Report) error {
	for _, e := range a.Entries {
		switch e.Desc {
		case "TABLE DATA":
			t, err := c.table(ctx, a, e)
			if err != nil {
				return err
			}
			rep.Tables = append(rep.Tables, t)
		case "SEQUENCE SET":
			s, err := sequence(ctx, c.conn, e)
			if err != nil {
				return err
			}
			rep.Sequences = append(rep.Sequences, s)
		}
	}
	return c.largeObjects(ctx, a, &rep.LargeObjects)
}

// archiveEncoding is the client_encoding the archive's ENCODING entry sets;
// "" if it has none.
func archiveEncoding(a *pgarchive.Reader) string {
	for _, e := range a.Entries {
		if e.Desc == "ENCODING" {
			if m := quoted.FindStringSubmatch(e.Defn.String); m != nil {
				return strings.ReplaceAll(m[1], "''", "'")
			}
		}
	}
	return ""
}

var quoted = regexp.MustCompile(`'((?:[^']|'')*)'`)

// session is what Compare sets: pg_dump's output settings, one time zone
// for every timestamptz the server prints, and no row security (an error
// instead of silently filtered rows) or synchronized scans (which may start
// a table's scan in its middle).
var session = [][2]string{
	{"DateStyle", "ISO"},
	{"IntervalStyle", "postgres"},
	{"extra_float_digits", "3"},
	{"bytea_output", "hex"},
	{"TimeZone", "UTC"},
	{"row_security", "off"},
	{"synchronize_seqscans", "off"},
}

// setSession applies the session settings (and client_encoding enc, unless
// empty) and returns a function that puts the previous values back.
func setSession(ctx context.Context, conn *pgconn.PgConn, enc string) (func() error, error) {
	settings := session
	if enc != "" {
		settings = append(settings[:len(settings):len(settings)], [2]string{"client_encoding", enc})
	}
	var q strings.Builder
	q.WriteString("SELECT ")
	for i, s := range settings {
		if i > 0 {
			q.WriteString(", ")
		}
		q.WriteString("pg_catalog.current_setting(" + literal(s[0]) + ")")
	}
	res := conn.ExecParams(ctx, q.String(), nil, nil, nil, nil).Read()
	if res.Err != nil {
		return nil, fmt.Errorf("content: read session settings: %w", res.Err)
	}
	old := make([]string, len(settings))
	for i := range settings {
		old[i] = string(res.Rows[0][i])
	}
	set := func(values func(i int) string) error {
		var q strings.Builder
		q.WriteString("SELECT ")
		for i, s := range settings {
			if i > 0 {
				q.WriteString(", ")
			}
			q.WriteString("pg_catalog.set_config(" + literal(s[0]) + ", " + literal(values(i)) + ", false)")
		}
		_, err := conn.Exec(ctx, q.String()).ReadAll()
		return err
	}
	if err := set(func(i int) string { return settings[i][1] }); err != nil {
		return nil, fmt.Errorf("content: session settings (client_encoding %q): %w", enc, err)
	}
	return func() error {
		if err := set(func(i int) string { return old[i] }); err != nil {
			return fmt.Errorf("content: put session settings back: %w", err)
		}
		return nil
	}, nil
}

// literal quotes s as an SQL string literal (standard_conforming_strings on).
func literal(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

func ident(parts ...string) string { return pgx.Identifier(parts).Sanitize() }

func hexSum(h interface{ Sum([]byte) []byte }) string { return hex.EncodeToString(h.Sum(nil)) }
