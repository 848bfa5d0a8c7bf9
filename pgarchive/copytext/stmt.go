package copytext

import (
	"fmt"
	"strings"
)

// ParseCopyStmt parses the COPY statement of a pg_dump table-data entry,
// such as "COPY public.a (id, ts, j) FROM stdin;\n".
//
// table is the (possibly qualified) name exactly as written, quotes
// included. columns are the column names in order, dequoted ("we ""ird"
// gives we "ird) or, when unquoted, with ASCII letters folded to lower case
// as the server does. A table without columns has no list (pg_dump writes
// "COPY public.t  FROM stdin;"); columns is then empty.
//
// Only this form is accepted: options, WITH clauses, comments, queries and
// U&"…" identifiers, which pg_dump never writes here, are errors.
func ParseCopyStmt(stmt string) (table string, columns []string, err error) {
	p := stmtParser{s: stmt}
	if err := p.keyword("COPY"); err != nil {
		return "", nil, err
	}
	p.space()
	start := p.i
	for part := 0; ; part++ {
		if part == 3 {
			return "", nil, p.errorf("too many dots in table name")
		}
		if _, err := p.ident(); err != nil {
			return "", nil, err
		}
		end := p.i
		p.space()
		if p.peek() != '.' {
			table = stmt[start:end]
			break
		}
		p.i++
		p.space()
	}
	columns = []string{}
	if p.peek() == '(' {
		p.i++
		for {
			p.space()
			name, err := p.ident()
			if err != nil {
				return "", nil, err
			}
			columns = append(columns, name)
			p.space()
			c := p.peek()
			p.i++
			if c == ')' {
				break
			}
			if c != ',' {
				p.i--
				return "", nil, p.errorf("expected \",\" or \")\" in column list")
			}
		}
	}
	if err := p.keyword("FROM"); err != nil {
		return "", nil, err
	}
	if err := p.keyword("STDIN"); err != nil {
		return "", nil, err
	}
	p.space()
	if p.peek() == ';' {
		p.i++
	}
	p.space()
	if p.i < len(p.s) {
		return "", nil, p.errorf("unexpected text after STDIN")
	}
	return table, columns, nil
}

type stmtParser struct {
	s string
	i int
}

func (p *stmtParser) errorf(format string, args ...any) error {
	s := p.s
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return fmt.Errorf("copytext: COPY statement %q: byte %d: %s", s, p.i, fmt.Sprintf(format, args...))
}

// peek returns the next byte, or 0 at the end.
func (p *stmtParser) peek() byte {
	if p.i < len(p.s) {
		return p.s[p.i]
	}
	return 0
}

func (p *stmtParser) space() {
	for p.i < len(p.s) && strings.IndexByte(" \t\n\r\f\v", p.s[p.i]) >= 0 {
		p.i++
	}
}

// keyword consumes kw (case-insensitive) after optional white space.
func (p *stmtParser) keyword(kw string) error {
	p.space()
	end := p.i + len(kw)
	if end > len(p.s) || !strings.EqualFold(p.s[p.i:end], kw) || end < len(p.s) && identByte(p.s[end], false) {
		return p.errorf("expected %s", kw)
	}
	p.i = end
	return nil
}

// identByte reports whether c can appear in an unquoted identifier, as the
// server's lexer defines it (any byte >= 0x80 counts as a letter).
func identByte(c byte, first bool) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_', c >= 0x80:
		return true
	case c >= '0' && c <= '9', c == '$':
		return !first
	}
	return false
}

// ident reads one identifier and returns its name.
func (p *stmtParser) ident() (string, error) {
	if p.peek() == '"' {
		var b strings.Builder
		i := p.i + 1
		for {
			j := strings.IndexByte(p.s[i:], '"')
			if j < 0 {
				return "", p.errorf("unterminated quoted identifier")
			}
			b.WriteString(p.s[i : i+j])
			i += j + 1
			if i < len(p.s) && p.s[i] == '"' { // "" stands for one "
				b.WriteByte('"')
				i++
				continue
			}
			break
		}
		if b.Len() == 0 {
			return "", p.errorf("zero-length quoted identifier")
		}
		p.i = i
		return b.String(), nil
	}
	start := p.i
	for p.i < len(p.s) && identByte(p.s[p.i], p.i == start) {
		p.i++
	}
	if p.i == start {
		return "", p.errorf("expected an identifier")
	}
	// The server folds only ASCII letters (in multibyte encodings).
	name := []byte(p.s[start:p.i])
	for k, c := range name {
		if c >= 'A' && c <= 'Z' {
			name[k] = c + 'a' - 'A'
		}
	}
	return string(name), nil
}
