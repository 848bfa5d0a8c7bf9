package content

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"io"
	"math/bits"
	"strconv"
	"unicode/utf8"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/pgdrill/pgdrill/pgarchive"
	"github.com/pgdrill/pgdrill/pgarchive/copytext"
)

// comparer holds what Compare reuses from table to table, so that the row
// loop does not allocate.
type comparer struct {
	conn  *pgconn.PgConn
	opts  Options
	types *typeResolver
	salt  [32]byte

	rowHash  hash.Hash // per-row digests of the multiset
	sum      hash.Hash // the restored table's SHA256
	digest   [sha256Size]byte
	key      []byte // a row's canonical form for rowHash
	scratchA []byte
	scratchB []byte
	dec      copytext.Decoder
	sfields  [][]byte
	carry    []byte // a server row split across CopyData messages

	// The table being compared.
	t     *Table
	kinds []kind
	// While raw is true every row so far was byte-identical to the
	// archive's, which is then read as bytes, abuf[as:ae] buffered from
	// asrc (aerr its first error): a server row is compared with the next
	// bytes directly, without splitting the archive into rows and fields.
	// At the first row that differs, ar reads the archive's rows from that
	// row on.
	raw       bool
	asrc      io.Reader
	abuf      []byte
	as, ae    int
	aerr      error
	zeroReads int
	ar        *copytext.Reader
	arDone    bool  // the archive's rows ended
	arErr     error // the archive's block could not be read
	pairing   bool  // every row so far matched its archive row
	acc       multiset
}

const sha256Size = 32

// table compares one TABLE DATA entry.
func (c *comparer) table(ctx context.Context, a *pgarchive.Reader, e *pgarchive.Entry) (Table, error) {
	t := Table{DumpID: e.DumpID, Schema: e.Namespace.String, Name: e.Tag}
	if !e.CopyStmt.Valid || e.CopyStmt.String == "" {
		t.Status = Unchecked
		t.Error = "data is INSERT statements, not COPY"
		return t, nil
	}
	_, cols, err := copytext.ParseCopyStmt(e.CopyStmt.String)
	if err != nil {
		t.Status, t.Error = ArchiveError, fmt.Sprintf("%s: %v", e, err)
		return t, nil
	}
	kinds, missing, err := c.columns(ctx, &t, cols)
	if err != nil {
		return t, err
	}
	if missing != "" {
		t.Status, t.Error = Missing, missing
		return t, nil
	}
	b, err := a.Open(e)
	if err != nil {
		// Still read the restored rows, for the report.
		c.start(&t, kinds, bytes.NewReader(nil))
		c.toRows()
		c.arErr, c.arDone = err, true
	} else {
		defer b.Close()
		c.start(&t, kinds, b)
	}
	sql := "COPY " + ident(t.Schema, t.Name)
	if len(cols) > 0 {
		sql += " ("
		for i, col := range cols {
			if i > 0 {
				sql += ", "
			}
			sql += ident(col)
		}
		sql += ")"
	}
	sql += " TO STDOUT"
	if _, err := c.conn.CopyTo(ctx, c, sql); err != nil {
		var pgErr *pgconn.PgError
		if !errors.As(err, &pgErr) {
			return t, fmt.Errorf("content: %s: %w", sql, err)
		}
		t.Status, t.Error = Missing, pgErr.Error()
		return t, nil
	}
	c.finish()
	return t, nil
}

// start begins comparing table t, whose columns have kinds, with the
// archive's COPY text in ar; Write then takes the restored rows and finish
// ends the table.
func (c *comparer) start(t *Table, kinds []kind, ar io.Reader) {
	c.t, c.kinds = t, kinds
	c.raw, c.asrc, c.as, c.ae, c.aerr, c.ar, c.zeroReads = true, ar, 0, 0, nil, nil, 0
	c.arDone, c.arErr, c.pairing, c.acc = false, nil, true, multiset{}
	c.carry = c.carry[:0]
	c.sum.Reset()
}

// columns reads the types of the copied columns from the restored catalog.
// missing describes a table or column the restored database lacks.
func (c *comparer) columns(ctx context.Context, t *Table, cols []string) (kinds []kind, missing string, err error) {
	res := c.conn.ExecParams(ctx, `SELECT a.attname, a.atttypid, pg_catalog.format_type(a.atttypid, a.atttypmod)
		FROM pg_catalog.pg_class c
		JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
		LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
		WHERE n.nspname = $1 AND c.relname = $2`,
		[][]byte{[]byte(t.Schema), []byte(t.Name)}, nil, nil, nil).Read()
	if res.Err != nil {
		return nil, "", fmt.Errorf("content: columns of %s: %w", t.QualifiedName(), res.Err)
	}
	if len(res.Rows) == 0 {
		return nil, "table " + ident(t.Schema, t.Name) + " is not in the restored database", nil
	}
	type col struct {
		oid uint32
		typ string
	}
	have := make(map[string]col, len(res.Rows))
	for _, r := range res.Rows {
		if r[0] != nil {
			have[string(r[0])] = col{parseOID(r[1]), string(r[2])}
		}
	}
	t.Columns = make([]Column, len(cols))
	kinds = make([]kind, len(cols))
	for i, name := range cols {
		t.Columns[i].Name = name
		h, ok := have[name]
		if !ok {
			if missing == "" {
				missing = "column " + ident(name) + " is not in the restored table " + ident(t.Schema, t.Name)
			}
			continue
		}
		t.Columns[i].Type = h.typ
		if kinds[i], err = c.types.kind(ctx, h.oid); err != nil {
			return nil, "", err
		}
	}
	return kinds, missing, nil
}

// Write receives the restored table's COPY data, as pgconn's CopyTo hands
// over each CopyData message (one row each, from PostgreSQL; any split is
// handled). It never fails: an error would make pgconn close the
// connection, so archive problems are kept in c.arErr and the rest is
// drained.
func (c *comparer) Write(p []byte) (int, error) {
	n := len(p)
	c.sum.Write(p)
	for len(p) > 0 {
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			c.carry = append(c.carry, p...)
			break
		}
		line := p[:i+1]
		if len(c.carry) > 0 {
			c.carry = append(c.carry, line...)
			line = c.carry
		}
		c.serverRow(line)
		c.carry = c.carry[:0]
		p = p[i+1:]
	}
	return n, nil
}

// serverRow takes the restored table's next row, ending in its LF.
func (c *comparer) serverRow(lineLF []byte) {
	c.t.RestoredRows++
	if c.raw {
		if c.rawRow(lineLF) {
			c.t.ArchiveRows++
			return
		}
		c.toRows()
	}
	line := lineLF[:len(lineLF)-1]
	if c.arErr != nil {
		return
	}
	if !c.pairing {
		c.addLine(line, -1)
		if af, ok := c.nextArchive(); ok {
			c.addFields(af, +1)
		}
		return
	}
	af, ok := c.nextArchive()
	if !ok {
		if c.arErr == nil { // the archive has fewer rows
			c.diffRows(nil, line)
			c.addLine(line, -1)
		}
		return
	}
	if bytes.Equal(c.ar.RawLine(), line) {
		return
	}
	sf, err := c.dec.Decode(line, c.sfields[:0])
	c.sfields = sf
	if err != nil { // the server's own text cannot be malformed; show it
		c.diffRows(c.ar.RawLine(), line)
		c.addFields(af, +1)
		c.acc.sub(c.lineDigest(line))
		return
	}
	col := c.firstDiff(af, sf)
	if col < 0 {
		return
	}
	c.diffFields(af, sf, col)
	c.addFields(af, +1)
	c.addFields(sf, -1)
}

// rawRow reports whether the archive's next bytes are lineLF.
func (c *comparer) rawRow(lineLF []byte) bool {
	if !c.rawAvail(len(lineLF)) {
		return false
	}
	if !bytes.Equal(c.abuf[c.as:c.as+len(lineLF)], lineLF) {
		return false
	}
	c.as += len(lineLF)
	return true
}

// rawAvail buffers at least n bytes of the archive, if it has them.
func (c *comparer) rawAvail(n int) bool {
	for c.ae-c.as < n && c.aerr == nil {
		if c.as > 0 {
			c.ae = copy(c.abuf, c.abuf[c.as:c.ae])
			c.as = 0
		}
		if len(c.abuf) < max(n, 256<<10) {
			nb := make([]byte, max(n, 2*len(c.abuf), 256<<10))
			copy(nb, c.abuf[:c.ae])
			c.abuf = nb
		}
		m, err := c.asrc.Read(c.abuf[c.ae:])
		c.ae += m
		if err != nil {
			c.aerr = err
		} else if m == 0 {
			c.zeroReads++
			if c.zeroReads > 100 {
				c.aerr = io.ErrNoProgress
			}
		}
	}
	return c.ae-c.as >= n
}

// toRows leaves raw mode: the archive is read as rows from the current
// row on.
func (c *comparer) toRows() {
	c.raw = false
	var src io.Reader = bytes.NewReader(c.abuf[c.as:c.ae])
	switch c.aerr {
	case nil:
		src = io.MultiReader(src, c.asrc)
	case io.EOF:
	default:
		src = io.MultiReader(src, errReader{c.aerr})
	}
	c.ar = copytext.NewReader(src)
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// nextArchive reads the archive's next row.
func (c *comparer) nextArchive() ([][]byte, bool) {
	if c.arDone {
		return nil, false
	}
	f, err := c.ar.Next()
	if err != nil {
		c.arDone = true
		if err != io.EOF {
			c.arErr = err
		}
		return nil, false
	}
	c.t.ArchiveRows++
	return f, true
}

// finish reads what is left of the archive's rows once the server's have
// ended, and settles the table's status.
func (c *comparer) finish() {
	t := c.t
	if len(c.carry) > 0 { // not from PostgreSQL, which ends every row
		c.serverRow(append(c.carry, '\n'))
		c.carry = c.carry[:0]
	}
	if c.raw {
		// Every row matched as bytes: what is left must be the end of the
		// data, else the rows that follow are read as rows.
		c.rawAvail(len(copytext.EndMarker))
		rest := c.abuf[c.as:c.ae]
		if c.aerr == io.EOF && len(rest) == 0 || bytes.HasPrefix(rest, []byte(copytext.EndMarker)) {
			c.raw, c.arDone = false, true
		} else {
			c.toRows()
		}
	}
	if af, ok := c.nextArchive(); ok {
		if c.pairing {
			c.diffRows(c.ar.RawLine(), nil)
		}
		c.addFields(af, +1)
		for af, ok = c.nextArchive(); ok; af, ok = c.nextArchive() {
			c.addFields(af, +1)
		}
	}
	switch {
	case c.arErr != nil:
		t.Status, t.Error = ArchiveError, c.arErr.Error()
		t.Diff = nil
	case c.pairing:
		t.Status = Match
	case c.acc.zero() && t.ArchiveRows == t.RestoredRows:
		t.Status, t.ReorderedAt, t.Diff = Reordered, t.Diff.Row, nil
	default:
		t.Status = Differs
	}
	t.SHA256 = hexSum(c.sum)
	c.t, c.ar = nil, nil
}

// firstDiff returns the index of the first field that differs in value,
// -1 if none does, or len(af) when the rows' shapes differ.
func (c *comparer) firstDiff(af, sf [][]byte) int {
	if len(af) != len(sf) {
		return len(af)
	}
	for i := range af {
		a, s := af[i], sf[i]
		if (a == nil) != (s == nil) {
			return i
		}
		if bytes.Equal(a, s) {
			continue
		}
		if k := c.kindOf(i); k == kindText || !c.equal(k, a, s) {
			return i
		}
	}
	return -1
}

func (c *comparer) kindOf(i int) kind {
	if i < len(c.kinds) {
		return c.kinds[i]
	}
	return kindText
}

// diffFields records the first difference, in field col (or the whole rows
// when col is past the archive's fields), and ends pairing.
func (c *comparer) diffFields(af, sf [][]byte, col int) {
	c.pairing = false
	if col >= len(af) || col >= len(c.t.Columns) {
		c.t.Diff = &Diff{Row: c.t.ArchiveRows, Archive: c.show(c.ar.RawLine()), Restored: c.showRow(sf)}
		return
	}
	c.t.Diff = &Diff{Row: c.t.ArchiveRows, Column: c.t.Columns[col].Name,
		Archive: c.show(copytext.AppendField(c.scratchA[:0], af[col])), Restored: c.show(copytext.AppendField(c.scratchB[:0], sf[col]))}
}

// diffRows records a whole-row difference; nil is a missing row.
func (c *comparer) diffRows(archive, restored []byte) {
	c.pairing = false
	row := c.t.ArchiveRows
	if archive == nil {
		row++
	}
	d := &Diff{Row: row}
	if archive != nil {
		d.Archive = c.show(archive)
	}
	if restored != nil {
		d.Restored = c.show(restored)
	}
	c.t.Diff = d
}

func (c *comparer) showRow(fields [][]byte) *string {
	return c.show(copytext.AppendRow(c.scratchB[:0], fields))
}

// show cuts COPY text to MaxValueBytes on a character boundary, saying how
// long it was.
func (c *comparer) show(b []byte) *string {
	b = bytes.TrimSuffix(b, []byte{'\n'})
	max := c.opts.MaxValueBytes
	if len(b) <= max {
		s := string(b)
		return &s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(b[cut]) {
		cut--
	}
	s := string(b[:cut]) + "… (" + strconv.Itoa(len(b)) + " bytes)"
	return &s
}

// addLine adds (sign +1) or removes (-1) a restored row to the multiset.
func (c *comparer) addLine(line []byte, sign int) {
	sf, err := c.dec.Decode(line, c.sfields[:0])
	c.sfields = sf
	if err != nil {
		c.acc.addSigned(c.lineDigest(line), sign)
		return
	}
	c.addFields(sf, sign)
}

// addFields adds a row's canonical form to the multiset: per field a
// 4-byte length (0 for NULL, else 1 + the canonical length) and the
// canonical bytes, after the run's salt and a domain byte.
func (c *comparer) addFields(fields [][]byte, sign int) {
	k := c.keyStart(1)
	for i, f := range fields {
		at := len(k)
		k = append(k, 0, 0, 0, 0)
		if f == nil {
			continue
		}
		k = appendCanon(k, c.kindOf(i), f)
		binary.BigEndian.PutUint32(k[at:], uint32(len(k)-at-4+1))
	}
	c.key = k
	c.acc.addSigned(c.keyDigest(k), sign)
}

// lineDigest digests a row that does not decode, as its raw bytes.
func (c *comparer) lineDigest(line []byte) [sha256Size]byte {
	c.key = append(c.keyStart(2), line...)
	return c.keyDigest(c.key)
}

// keyStart begins a row's key: the salt, which makes the digests
// unpredictable to whoever wrote the archive, and the domain byte.
func (c *comparer) keyStart(domain byte) []byte {
	return append(append(c.key[:0], c.salt[:]...), domain)
}

func (c *comparer) keyDigest(k []byte) [sha256Size]byte {
	c.rowHash.Reset()
	c.rowHash.Write(k)
	c.rowHash.Sum(c.digest[:0])
	return c.digest
}

// multiset is a sum of 256-bit row digests modulo 2^256: order does not
// change it, a duplicate row counts twice, and two sides' rows are the same
// multiset when adding one side and subtracting the other leaves zero.
type multiset [4]uint64

func (m *multiset) addSigned(d [sha256Size]byte, sign int) {
	if sign < 0 {
		m.sub(d)
	} else {
		m.add(d)
	}
}

func (m *multiset) add(d [sha256Size]byte) {
	var carry uint64
	for i := 3; i >= 0; i-- {
		m[i], carry = bits.Add64(m[i], binary.BigEndian.Uint64(d[8*(3-i):]), carry)
	}
}

func (m *multiset) sub(d [sha256Size]byte) {
	var borrow uint64
	for i := 3; i >= 0; i-- {
		m[i], borrow = bits.Sub64(m[i], binary.BigEndian.Uint64(d[8*(3-i):]), borrow)
	}
}

func (m *multiset) zero() bool { return m[0]|m[1]|m[2]|m[3] == 0 }
