package dump

import "strings"

// quoter quotes identifiers the way the server (and pg_dump's fmtId) does:
// bare when the name is lower case letters, digits and underscores, starts
// with a letter or underscore and is not a reserved or otherwise non-bare
// keyword of the server it came from.
type quoter struct {
	keywords map[string]bool // keywords that need quoting (catcode not 'U')
}

func (q quoter) id(name string) string {
	if name == "" {
		return `""`
	}
	safe := true
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 'a' && c <= 'z', c == '_':
		case c >= '0' && c <= '9' && i > 0:
		default:
			safe = false
		}
		if !safe {
			break
		}
	}
	if safe && !q.keywords[name] {
		return name
	}
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// qual is ns.name with both parts quoted as needed.
func (q quoter) qual(ns, name string) string { return q.id(ns) + "." + q.id(name) }

// literal quotes s as an SQL string literal for a session with
// standard_conforming_strings on, which every archive declares.
func literal(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}
