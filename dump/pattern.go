package dump

import (
	"fmt"
	"regexp"
	"strings"
)

// namePattern is a -n or -t pattern compiled the way psql and pg_dump read
// them: unquoted letters are folded to lower case, "..." quotes exactly
// (with "" for a quote), * matches any run of characters, ? any one, an
// unquoted dot separates the schema part from the name part, $ is literal,
// and other regular expression syntax (| ( ) [ ] { } + ^) works as such.
type namePattern struct {
	schema, name *regexp.Regexp // nil: any
}

func compilePattern(p string, qualified bool) (namePattern, error) {
	var parts []strings.Builder
	parts = append(parts, strings.Builder{})
	inQuotes := false
	for i := 0; i < len(p); i++ {
		c := p[i]
		cur := &parts[len(parts)-1]
		switch {
		case c == '"':
			if inQuotes && i+1 < len(p) && p[i+1] == '"' {
				cur.WriteString(regexp.QuoteMeta(`"`))
				i++
			} else {
				inQuotes = !inQuotes
			}
		case inQuotes:
			cur.WriteString(regexp.QuoteMeta(string(c)))
		case c == '.':
			parts = append(parts, strings.Builder{})
		case c == '*':
			cur.WriteString(".*")
		case c == '?':
			cur.WriteString(".")
		case c >= 'A' && c <= 'Z':
			cur.WriteByte(c + 'a' - 'A')
		case strings.IndexByte("|()[]{}+^", c) >= 0:
			cur.WriteByte(c) // regular expression syntax, as in psql
		default:
			cur.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	if inQuotes {
		return namePattern{}, fmt.Errorf("unterminated quote in pattern %q", p)
	}
	compile := func(s string) (*regexp.Regexp, error) { return regexp.Compile("^(?s:" + s + ")$") }
	var np namePattern
	var err error
	switch {
	case len(parts) > 2:
		return np, fmt.Errorf("pattern %q has too many dotted names", p)
	case len(parts) == 2 && !qualified:
		return np, fmt.Errorf("schema pattern %q may not contain a dot", p)
	case len(parts) == 2:
		if np.schema, err = compile(parts[0].String()); err != nil {
			return np, err
		}
		np.name, err = compile(parts[1].String())
	case qualified:
		np.name, err = compile(parts[0].String())
	default:
		np.schema, err = compile(parts[0].String())
	}
	return np, err
}

func (p namePattern) match(schema, name string) bool {
	return (p.schema == nil || p.schema.MatchString(schema)) && (p.name == nil || p.name.MatchString(name))
}
