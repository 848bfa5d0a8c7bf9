package inspect

import (
	"strings"
)

// Kind is a date/time column type inspect analyses.
type Kind int

// The column types inspect analyses; arrays of them and domains over them are
// not recognised.
const (
	NotTemporal Kind = iota
	Timestamptz      // timestamp with time zone
	Timestamp        // timestamp without time zone
	Date
	Time // time without time zone
)

func (k Kind) String() string {
	switch k {
	case Timestamptz:
		return "timestamptz"
	case Timestamp:
		return "timestamp"
	case Date:
		return "date"
	case Time:
		return "time"
	}
	return "other"
}

// ColumnDef is one column of a CREATE TABLE statement.
type ColumnDef struct {
	Name string // dequoted
	Type string // as pg_dump wrote it, whitespace collapsed: "timestamp(3) with time zone"
	Kind Kind
}

// TableColumns reads the columns of the CREATE TABLE statement pg_dump writes
// in a TABLE entry's defn. Constraints are skipped. It returns nil when the
// statement has no column list it understands (CREATE TABLE ... OF type, or
// not a CREATE TABLE at all). An inheritance child lists only its own
// columns, as pg_dump prints them.
func TableColumns(defn string) []ColumnDef {
	toks := tokenize(defn)
	i := 0
	word := func(w string) bool {
		if i < len(toks) && toks[i].kind == tokWord && strings.EqualFold(toks[i].text, w) {
			i++
			return true
		}
		return false
	}
	if !word("CREATE") {
		return nil
	}
	word("UNLOGGED")
	if !word("TABLE") {
		return nil
	}
	// The (possibly qualified) table name, then the column list.
	for j := 0; j < 2; j++ {
		if i >= len(toks) || (toks[i].kind != tokWord && toks[i].kind != tokQuoted) {
			return nil
		}
		i++
		if i < len(toks) && toks[i].text == "." && toks[i].kind == tokPunct {
			i++
			continue
		}
		break
	}
	if i >= len(toks) || toks[i].kind != tokPunct || toks[i].text != "(" {
		return nil
	}
	i++
	var cols []ColumnDef
	var elem []token
	depth := 0
	for ; i < len(toks); i++ {
		t := toks[i]
		if t.kind == tokPunct {
			switch t.text {
			case "(", "[":
				depth++
			case ")", "]":
				if depth == 0 {
					if c, ok := columnDef(elem); ok {
						cols = append(cols, c)
					}
					return cols
				}
				depth--
			case ",":
				if depth == 0 {
					if c, ok := columnDef(elem); ok {
						cols = append(cols, c)
					}
					elem = elem[:0]
					continue
				}
			}
		}
		elem = append(elem, t)
	}
	return nil // no closing parenthesis
}

// tableConstraint are the words that start a table constraint rather than a
// column in a CREATE TABLE list.
var tableConstraint = map[string]bool{
	"constraint": true, "check": true, "unique": true, "primary": true,
	"foreign": true, "exclude": true, "like": true,
}

// typeEnd are the words that end a column's type.
var typeEnd = map[string]bool{
	"collate": true, "default": true, "not": true, "null": true, "generated": true,
	"constraint": true, "check": true, "references": true, "unique": true,
	"primary": true, "compression": true, "storage": true,
}

func columnDef(elem []token) (ColumnDef, bool) {
	if len(elem) < 2 {
		return ColumnDef{}, false
	}
	var c ColumnDef
	switch elem[0].kind {
	case tokQuoted:
		c.Name = elem[0].text
	case tokWord:
		if tableConstraint[strings.ToLower(elem[0].text)] {
			return ColumnDef{}, false
		}
		c.Name = elem[0].text
	default:
		return ColumnDef{}, false
	}
	var b strings.Builder
	spaceBefore := false // a word here needs a space before it
	for _, t := range elem[1:] {
		if t.kind == tokWord && typeEnd[strings.ToLower(t.text)] {
			break
		}
		isWord := t.kind != tokPunct
		if isWord && spaceBefore {
			b.WriteByte(' ')
		}
		switch t.kind {
		case tokWord:
			b.WriteString(strings.ToLower(t.text))
		case tokQuoted:
			b.WriteString(`"` + strings.ReplaceAll(t.text, `"`, `""`) + `"`)
		default:
			b.WriteString(t.text)
		}
		spaceBefore = isWord || t.text == ")" || t.text == "]"
	}
	c.Type = b.String()
	c.Kind = kindOf(c.Type)
	return c, true
}

// kindOf recognises the type names format_type prints.
func kindOf(typ string) Kind {
	base, rest := typ, ""
	if i := strings.IndexByte(typ, ' '); i >= 0 {
		base, rest = typ[:i], typ[i+1:]
	}
	// An optional precision: timestamp(3), time(0).
	if i := strings.IndexByte(base, '('); i >= 0 && strings.HasSuffix(base, ")") {
		if !digits(base[i+1 : len(base)-1]) {
			return NotTemporal
		}
		base = base[:i]
		if base == "date" {
			return NotTemporal
		}
	}
	switch {
	case base == "timestamp" && rest == "with time zone":
		return Timestamptz
	case base == "timestamp" && rest == "without time zone":
		return Timestamp
	case base == "date" && rest == "":
		return Date
	case base == "time" && rest == "without time zone":
		return Time
	}
	return NotTemporal
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

type tokKind int

const (
	tokWord   tokKind = iota // keyword, unquoted identifier or number
	tokQuoted                // "identifier", text dequoted
	tokString                // 'literal', text as written
	tokPunct                 // any other single byte
)

type token struct {
	kind tokKind
	text string
}

// tokenize splits SQL into the tokens the column parser needs. Strings and
// quoted identifiers may hold anything, including newlines and parentheses.
func tokenize(s string) []token {
	var toks []token
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
			i++
		case c == '-' && i+1 < len(s) && s[i+1] == '-':
			for i < len(s) && s[i] != '\n' {
				i++
			}
		case c == '"':
			var b strings.Builder
			i++
			for i < len(s) {
				if s[i] == '"' {
					if i+1 < len(s) && s[i+1] == '"' {
						b.WriteByte('"')
						i += 2
						continue
					}
					i++
					break
				}
				b.WriteByte(s[i])
				i++
			}
			toks = append(toks, token{tokQuoted, b.String()})
		case c == '\'' || ((c == 'E' || c == 'e') && i+1 < len(s) && s[i+1] == '\''):
			start := i
			escapes := c != '\''
			if escapes {
				i++
			}
			i++
			for i < len(s) {
				if escapes && s[i] == '\\' {
					i += 2
					continue
				}
				if s[i] == '\'' {
					if i+1 < len(s) && s[i+1] == '\'' {
						i += 2
						continue
					}
					i++
					break
				}
				i++
			}
			toks = append(toks, token{tokString, s[start:min(i, len(s))]})
		case isWordByte(c):
			start := i
			for i < len(s) && isWordByte(s[i]) {
				i++
			}
			toks = append(toks, token{tokWord, s[start:i]})
		default:
			toks = append(toks, token{tokPunct, s[i : i+1]})
			i++
		}
	}
	return toks
}

// isWordByte: identifier and number bytes; bytes of multibyte characters
// count as letters, as in PostgreSQL's scanner.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$' || c >= 0x80
}
