package content

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"strconv"
	"unsafe"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/pgdrill/pgdrill/pgtime"
)

// kind says how a column's text is compared when the bytes differ. Under the
// session Compare sets up, most types print the same bytes for the same value
// whatever server or pg_dump printed them; these do not:
type kind uint8

const (
	kindText kind = iota // bytes only
	// kindTimestamptz prints in the session's time zone, which an archive
	// does not record: compared as instants.
	kindTimestamptz
	// kindFloat4/8: pg_dump before 12 printed extra_float_digits 3 as 17
	// significant digits, 12 and later print the shortest exact form.
	kindFloat4
	kindFloat8
	// kindBytea: a server with bytea_output = escape dumps the escape form.
	kindBytea
	// kindZoned is a type holding timestamptz inside (an array, range,
	// multirange or composite, or a domain over one): its timestamptz
	// elements are compared as instants, the rest as bytes.
	kindZoned
)

func (k kind) String() string {
	return [...]string{"text", "timestamptz", "float4", "float8", "bytea", "zoned"}[k]
}

// Built-in type OIDs (pg_type.dat); they never change.
const (
	oidBytea       = 17
	oidFloat4      = 700
	oidFloat8      = 701
	oidTimestamptz = 1184
)

// typeResolver finds the kind of type OIDs in the restored server's catalog,
// remembering each answer.
type typeResolver struct {
	conn  *pgconn.PgConn
	kinds map[uint32]kind
}

// typeEdges lists the types a type's text is made of: a domain's base type,
// an array's element, a range's or multirange's subtype, a composite's
// attributes. to_jsonb reads pg_range.rngmultitypid without naming it, as
// servers before 14 lack the column.
const typeEdges = `SELECT t.typtype::text, t.typbasetype, t.typelem, t.typcategory::text,
	ARRAY(SELECT r.rngsubtype FROM pg_catalog.pg_range r
	      WHERE r.rngtypid = t.oid OR (pg_catalog.to_jsonb(r) ->> 'rngmultitypid')::oid = t.oid)::text,
	ARRAY(SELECT a.atttypid FROM pg_catalog.pg_attribute a
	      WHERE t.typtype = 'c' AND a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum)::text
FROM pg_catalog.pg_type t WHERE t.oid = $1`

// kind returns the comparison kind of type oid.
func (tr *typeResolver) kind(ctx context.Context, oid uint32) (kind, error) {
	return tr.resolve(ctx, oid, 0)
}

func (tr *typeResolver) resolve(ctx context.Context, oid uint32, depth int) (kind, error) {
	switch oid {
	case oidTimestamptz:
		return kindTimestamptz, nil
	case oidFloat4:
		return kindFloat4, nil
	case oidFloat8:
		return kindFloat8, nil
	case oidBytea:
		return kindBytea, nil
	}
	if k, ok := tr.kinds[oid]; ok {
		return k, nil
	}
	if depth > 32 { // types cannot nest this deep; a cycle would be a catalog bug
		return kindText, fmt.Errorf("content: type %d nests deeper than 32 levels", oid)
	}
	res := tr.conn.ExecParams(ctx, typeEdges, [][]byte{[]byte(strconv.FormatUint(uint64(oid), 10))}, nil, nil, nil).Read()
	if res.Err != nil {
		return kindText, fmt.Errorf("content: look up type %d: %w", oid, res.Err)
	}
	k := kindText
	if len(res.Rows) == 1 {
		row := res.Rows[0]
		typtype, base, elem, category := string(row[0]), parseOID(row[1]), parseOID(row[2]), string(row[3])
		var children []uint32
		switch {
		case typtype == "d":
			children = []uint32{base}
		case category == "A" && elem != 0:
			children = []uint32{elem}
		}
		children = append(children, parseOIDArray(row[4])...)
		children = append(children, parseOIDArray(row[5])...)
		for _, c := range children {
			ck, err := tr.resolve(ctx, c, depth+1)
			if err != nil {
				return kindText, err
			}
			switch {
			case typtype == "d" && len(children) == 1:
				k = ck // a domain prints as its base type
			case ck == kindTimestamptz || ck == kindZoned:
				k = kindZoned
			}
		}
	}
	tr.kinds[oid] = k
	return k, nil
}

func parseOID(b []byte) uint32 {
	v, _ := strconv.ParseUint(string(b), 10, 32)
	return uint32(v)
}

// parseOIDArray reads the text of an oid[]: "{1,2}".
func parseOIDArray(b []byte) []uint32 {
	b = bytes.Trim(b, "{}")
	var out []uint32
	for _, f := range bytes.Split(b, []byte{','}) {
		if v := parseOID(f); v != 0 {
			out = append(out, v)
		}
	}
	return out
}

// str views b as a string without copying, for parsers that neither keep
// nor modify their argument (their error messages copy it).
func str(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// equal reports whether two decoded non-NULL fields of kind k hold the same
// value. It is called only when their bytes differ.
func (c *comparer) equal(k kind, a, b []byte) bool {
	switch k {
	case kindTimestamptz:
		x, err1 := pgtime.ParseTimestamptz(str(a))
		y, err2 := pgtime.ParseTimestamptz(str(b))
		return err1 == nil && err2 == nil && x == y
	case kindFloat4, kindFloat8:
		x, ok1 := floatBits(k, a)
		y, ok2 := floatBits(k, b)
		return ok1 && ok2 && x == y
	case kindBytea:
		var ok1, ok2 bool
		c.scratchA, ok1 = appendBytea(c.scratchA[:0], a)
		c.scratchB, ok2 = appendBytea(c.scratchB[:0], b)
		return ok1 && ok2 && bytes.Equal(c.scratchA, c.scratchB)
	case kindZoned:
		c.scratchA = appendZoned(c.scratchA[:0], a)
		c.scratchB = appendZoned(c.scratchB[:0], b)
		return bytes.Equal(c.scratchA, c.scratchB)
	}
	return false
}

// appendCanon appends a form of field f of kind k that is the same for equal
// values, whichever session printed them: instants and float bits as 8
// bytes, bytea decoded. Text that does not parse is kept as it is, behind a
// marker byte, so it can only equal the same text.
func appendCanon(dst []byte, k kind, f []byte) []byte {
	switch k {
	case kindTimestamptz:
		if us, err := pgtime.ParseTimestamptz(str(f)); err == nil {
			return binary.BigEndian.AppendUint64(append(dst, 1), uint64(us))
		}
	case kindFloat4, kindFloat8:
		if bits, ok := floatBits(k, f); ok {
			return binary.BigEndian.AppendUint64(append(dst, 1), bits)
		}
	case kindBytea:
		n := len(dst)
		if out, ok := appendBytea(append(dst, 1), f); ok {
			return out
		}
		dst = dst[:n]
	case kindZoned:
		return appendZoned(append(dst, 1), f)
	}
	return append(append(dst, 0), f...)
}

// floatBits parses float4 or float8 output text ("NaN", "Infinity" and
// "-Infinity" included) into the bits of a float64, every NaN the same.
func floatBits(k kind, f []byte) (uint64, bool) {
	size := 64
	if k == kindFloat4 {
		size = 32
	}
	v, err := strconv.ParseFloat(str(f), size)
	if err != nil {
		return 0, false
	}
	if math.IsNaN(v) {
		return math.Float64bits(math.NaN()), true
	}
	return math.Float64bits(v), true
}

// appendBytea decodes bytea output text in either bytea_output form: hex
// (\x0a1b) or escape (printable bytes as they are, \\ and \ooo).
func appendBytea(dst, f []byte) ([]byte, bool) {
	if len(f) >= 2 && f[0] == '\\' && f[1] == 'x' {
		f = f[2:]
		if len(f)%2 != 0 {
			return dst, false
		}
		for i := 0; i < len(f); i += 2 {
			hi, ok1 := unhex(f[i])
			lo, ok2 := unhex(f[i+1])
			if !ok1 || !ok2 {
				return dst, false
			}
			dst = append(dst, hi<<4|lo)
		}
		return dst, true
	}
	for i := 0; i < len(f); i++ {
		if f[i] != '\\' {
			dst = append(dst, f[i])
			continue
		}
		switch {
		case i+1 < len(f) && f[i+1] == '\\':
			dst = append(dst, '\\')
			i++
		case i+3 < len(f) && isOct(f[i+1]) && isOct(f[i+2]) && isOct(f[i+3]) && f[i+1] <= '3':
			dst = append(dst, (f[i+1]-'0')<<6|(f[i+2]-'0')<<3|(f[i+3]-'0'))
			i += 3
		default:
			return dst, false
		}
	}
	return dst, true
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

func isOct(c byte) bool { return c >= '0' && c <= '7' }

// appendZoned appends f with every timestamptz inside it (as an array,
// range or composite prints it) replaced by a NUL byte and its instant, which
// output text never contains.
func appendZoned(dst, f []byte) []byte {
	for i := 0; i < len(f); {
		if isDigit(f[i]) && (i == 0 || !isDigit(f[i-1])) {
			if n := tstzLen(f[i:]); n > 0 {
				if us, err := pgtime.ParseTimestamptz(str(f[i : i+n])); err == nil {
					dst = binary.BigEndian.AppendUint64(append(dst, 0), uint64(us))
					i += n
					continue
				}
			}
		}
		dst = append(dst, f[i])
		i++
	}
	return dst
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// tstzLen returns the length of the timestamptz output text at the start of
// b in DateStyle ISO form (YYYY-MM-DD HH:MM:SS[.f][+-]HH[:MM[:SS]][ BC]), or 0.
func tstzLen(b []byte) int {
	i := 0
	digits := func(least, most int) bool {
		n := 0
		for i < len(b) && isDigit(b[i]) && n < most {
			i++
			n++
		}
		return n >= least
	}
	lit := func(c byte) bool {
		if i < len(b) && b[i] == c {
			i++
			return true
		}
		return false
	}
	if !digits(4, 12) || !lit('-') || !digits(2, 2) || !lit('-') || !digits(2, 2) || !lit(' ') ||
		!digits(2, 2) || !lit(':') || !digits(2, 2) || !lit(':') || !digits(2, 2) {
		return 0
	}
	if lit('.') && !digits(1, 6) {
		return 0
	}
	if !lit('+') && !lit('-') {
		return 0
	}
	if !digits(2, 3) {
		return 0
	}
	for range 2 {
		j := i
		if !lit(':') || !digits(2, 2) {
			i = j
			break
		}
	}
	if i+3 <= len(b) && string(b[i:i+3]) == " BC" {
		i += 3
	}
	return i
}
