package inspect

import (
	"strings"
)

// Kind is what inspect makes of a column's type.
type Kind int

// The kinds of column: the four date/time types inspect analyses, arrays of
// them (listed, not analysed), types it could not resolve (listed, not
// analysed), and everything else (left out of the report).
const (
	NotTemporal Kind = iota
	Timestamptz      // timestamp with time zone
	Timestamp        // timestamp without time zone
	Date
	Time    // time without time zone
	Array   // an array of one of the four, or a domain over one
	Unknown // a type whose definition is not in the archive
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
	case Array:
		return "array"
	case Unknown:
		return "unknown"
	}
	return "other"
}

// analysed reports whether inspect reads the values of a column of kind k.
func (k Kind) analysed() bool { return k >= Timestamptz && k <= Time }

// qname is a schema-qualified name, dequoted; schema is "" when the SQL
// did not qualify it.
type qname struct{ schema, name string }

func (q qname) String() string { return displayName(q.schema, q.name) }

// typeName is a type as a definition writes it. pg_dump sets an empty
// search_path, so format_type qualifies every type outside pg_catalog: a
// qualified name is a user-defined type (a domain perhaps), an unqualified
// one a built-in.
type typeName struct {
	text  string // whitespace collapsed, keywords lower-case: "timestamp(3) with time zone"
	elem  string // text without the array brackets
	kind  Kind   // the built-in date/time kind of elem, else NotTemporal
	user  qname  // a user-defined type; zero for a built-in
	array bool
}

// element is the type of an array's elements.
func (t typeName) element() typeName {
	t.text, t.array = t.elem, false
	return t
}

// colDef is one column of a CREATE TABLE, or attribute of a CREATE TYPE.
type colDef struct {
	name string // dequoted
	typ  typeName
}

// tableDef is what a TABLE entry's CREATE TABLE says about the columns.
type tableDef struct {
	cols    []colDef // the columns written out: an inheritance child's own
	of      qname    // CREATE TABLE ... OF type: the columns are the type's
	parents []qname  // INHERITS (...), or the parent of PARTITION OF
}

// parseCreateTable reads the CREATE [UNLOGGED|FOREIGN] TABLE statement
// pg_dump writes in a TABLE entry's defn. Constraints are skipped, and so is
// the option list of a typed table or of the PARTITION OF form that older
// pg_dump wrote (their columns carry no types). ok is false when the
// statement is not one it understands.
func parseCreateTable(defn string) (td tableDef, ok bool) {
	p := &parser{toks: tokenize(defn)}
	if !p.word("CREATE") {
		return td, false
	}
	if !p.word("UNLOGGED") {
		p.word("FOREIGN")
	}
	if !p.word("TABLE") {
		return td, false
	}
	if _, ok := p.qname(); !ok {
		return td, false
	}
	optionsOnly := false // the column list holds options, no types
	switch {
	case p.word("OF"):
		if td.of, ok = p.qname(); !ok {
			return td, false
		}
		optionsOnly = true
	case p.word("PARTITION"):
		if !p.word("OF") {
			return td, false
		}
		parent, ok := p.qname()
		if !ok {
			return td, false
		}
		td.parents = append(td.parents, parent)
		optionsOnly = true
	}
	if p.punct("(") {
		elems, ok := p.list()
		if !ok {
			return td, false
		}
		for _, elem := range elems {
			if c, ok := parseColumn(elem); ok && !optionsOnly {
				td.cols = append(td.cols, c)
			}
		}
	} else if !optionsOnly {
		return td, false
	}
	if p.word("INHERITS") {
		if !p.punct("(") {
			return td, false
		}
		elems, ok := p.list()
		if !ok {
			return td, false
		}
		for _, elem := range elems {
			q, ok := (&parser{toks: elem}).qname()
			if !ok {
				return td, false
			}
			td.parents = append(td.parents, q)
		}
	}
	return td, true
}

// parseCompositeType reads the attributes of CREATE TYPE name AS (...), the
// defn of a composite TYPE entry; ok is false for any other CREATE TYPE.
func parseCompositeType(defn string) (cols []colDef, ok bool) {
	p := &parser{toks: tokenize(defn)}
	if !p.word("CREATE") || !p.word("TYPE") {
		return nil, false
	}
	if _, ok := p.qname(); !ok || !p.word("AS") || !p.punct("(") {
		return nil, false
	}
	elems, ok := p.list()
	if !ok {
		return nil, false
	}
	for _, elem := range elems {
		if c, ok := parseColumn(elem); ok {
			cols = append(cols, c)
		}
	}
	return cols, true
}

// parseDomain reads the base type of CREATE DOMAIN name AS type ..., the
// defn of a DOMAIN entry.
func parseDomain(defn string) (base typeName, ok bool) {
	p := &parser{toks: tokenize(defn)}
	if !p.word("CREATE") || !p.word("DOMAIN") {
		return base, false
	}
	if _, ok := p.qname(); !ok || !p.word("AS") {
		return base, false
	}
	rest := p.toks[p.i:]
	for j, t := range rest {
		if t.kind == tokPunct && t.text == ";" {
			rest = rest[:j]
			break
		}
	}
	base = parseType(rest)
	return base, base.text != ""
}

// parser walks the tokens of one statement.
type parser struct {
	toks []token
	i    int
}

// word consumes the keyword w if it is next.
func (p *parser) word(w string) bool {
	if p.i < len(p.toks) && p.toks[p.i].kind == tokWord && strings.EqualFold(p.toks[p.i].text, w) {
		p.i++
		return true
	}
	return false
}

// punct consumes the punctuation s if it is next.
func (p *parser) punct(s string) bool {
	if p.i < len(p.toks) && p.toks[p.i].kind == tokPunct && p.toks[p.i].text == s {
		p.i++
		return true
	}
	return false
}

// ident consumes an identifier, quoted or not.
func (p *parser) ident() (string, bool) {
	if p.i < len(p.toks) && (p.toks[p.i].kind == tokWord || p.toks[p.i].kind == tokQuoted) {
		p.i++
		return p.toks[p.i-1].text, true
	}
	return "", false
}

// qname consumes a name, schema-qualified or not.
func (p *parser) qname() (qname, bool) {
	first, ok := p.ident()
	if !ok {
		return qname{}, false
	}
	if !p.punct(".") {
		return qname{name: first}, true
	}
	second, ok := p.ident()
	return qname{first, second}, ok
}

// list consumes a parenthesised list whose "(" was just read, up to its
// ")", and returns the elements between the commas at its own level.
func (p *parser) list() ([][]token, bool) {
	var elems [][]token
	var elem []token
	depth := 0
	for ; p.i < len(p.toks); p.i++ {
		t := p.toks[p.i]
		if t.kind == tokPunct {
			switch t.text {
			case "(", "[":
				depth++
			case ")", "]":
				if depth == 0 {
					p.i++
					if len(elem) > 0 {
						elems = append(elems, elem)
					}
					return elems, true
				}
				depth--
			case ",":
				if depth == 0 {
					elems = append(elems, elem)
					elem = nil
					continue
				}
			}
		}
		elem = append(elem, t)
	}
	return nil, false // no closing parenthesis
}

// tableConstraint are the words that start a table constraint rather than a
// column in a CREATE TABLE list.
var tableConstraint = map[string]bool{
	"constraint": true, "check": true, "unique": true, "primary": true,
	"foreign": true, "exclude": true, "like": true,
}

// typeEnd are the words that end a column's or a domain's type.
var typeEnd = map[string]bool{
	"collate": true, "default": true, "not": true, "null": true, "generated": true,
	"constraint": true, "check": true, "references": true, "unique": true,
	"primary": true, "compression": true, "storage": true, "options": true,
}

// parseColumn reads one element of a column list: a name and its type.
func parseColumn(elem []token) (colDef, bool) {
	if len(elem) < 2 {
		return colDef{}, false
	}
	var c colDef
	switch elem[0].kind {
	case tokQuoted:
		c.name = elem[0].text
	case tokWord:
		if tableConstraint[strings.ToLower(elem[0].text)] {
			return colDef{}, false
		}
		c.name = elem[0].text
	default:
		return colDef{}, false
	}
	c.typ = parseType(elem[1:])
	return c, true
}

// parseType reads a type from its tokens, up to the first word that ends it.
func parseType(toks []token) typeName {
	var t typeName
	for i, tok := range toks {
		// A keyword after "." is a type's name: public.options.
		afterDot := i > 0 && toks[i-1].kind == tokPunct && toks[i-1].text == "."
		if tok.kind == tokWord && !afterDot && typeEnd[strings.ToLower(tok.text)] {
			toks = toks[:i]
			break
		}
	}
	if q, ok := (&parser{toks: toks}).qname(); ok && q.schema != "" {
		t.user = q
	}
	var b strings.Builder
	spaceBefore := false // a word here needs a space before it
	for _, tok := range toks {
		if tok.kind == tokPunct && tok.text == "[" && !t.array {
			t.array = true
			t.elem = b.String()
		}
		isWord := tok.kind != tokPunct
		if isWord && spaceBefore {
			b.WriteByte(' ')
		}
		switch tok.kind {
		case tokWord:
			b.WriteString(strings.ToLower(tok.text))
		case tokQuoted:
			b.WriteString(`"` + strings.ReplaceAll(tok.text, `"`, `""`) + `"`)
		default:
			b.WriteString(tok.text)
		}
		spaceBefore = isWord || tok.text == ")" || tok.text == "]"
	}
	t.text = b.String()
	if !t.array {
		t.elem = t.text
	}
	if t.user == (qname{}) {
		t.kind = kindOf(t.elem)
	}
	return t
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
