package dump

import (
	"fmt"
	"strings"
)

// namePattern is a -n, -N, -t, -T or --exclude-table-data pattern turned
// into the regular expressions pg_dump sends to the server (psql's
// patternToSQLRegex): unquoted ASCII letters fold to lower case, "..."
// quotes exactly ("" is a quote), * matches any run of characters, ? any
// one, an unquoted dot separates database, schema and name, $ is literal,
// other regular expression syntax (| ( ) [ ] { } + ^) works as such outside
// quotes, and "[]" is literal. Each part is anchored as ^(...)$.
type namePattern struct {
	text   string
	db     string // literal database name of a db.schema[.name] pattern; "" if none
	hasDB  bool
	schema string // regex; "" when the pattern has no schema part
	name   string // regex
}

// compilePattern reads p with at most maxParts dotted parts: 2 for schema
// patterns (db.schema), 3 for table patterns (db.schema.table).
func compilePattern(p string, maxParts int) (namePattern, error) {
	var regex []strings.Builder
	var literal []strings.Builder
	regex = append(regex, strings.Builder{})
	literal = append(literal, strings.Builder{})
	inQuotes := false
	for i := 0; i < len(p); i++ {
		c := p[i]
		re, lit := &regex[len(regex)-1], &literal[len(literal)-1]
		switch {
		case c == '"':
			if inQuotes && i+1 < len(p) && p[i+1] == '"' {
				re.WriteByte('"')
				lit.WriteByte('"')
				i++
			} else {
				inQuotes = !inQuotes
			}
		case !inQuotes && c >= 'A' && c <= 'Z':
			re.WriteByte(c + 'a' - 'A')
			lit.WriteByte(c + 'a' - 'A')
		case !inQuotes && c == '*':
			re.WriteString(".*")
			lit.WriteByte(c)
		case !inQuotes && c == '?':
			re.WriteByte('.')
			lit.WriteByte(c)
		case !inQuotes && c == '.':
			regex = append(regex, strings.Builder{})
			literal = append(literal, strings.Builder{})
		case c == '$':
			re.WriteString(`\$`)
			lit.WriteByte(c)
		case inQuotes && strings.IndexByte(`|*+?()[]{}.^$\`, c) >= 0:
			re.WriteByte('\\')
			re.WriteByte(c)
			lit.WriteByte(c)
		case c == '[' && i+1 < len(p) && p[i+1] == ']':
			re.WriteString(`\[`)
			lit.WriteByte(c)
		default:
			re.WriteByte(c)
			lit.WriteByte(c)
		}
	}
	// An unterminated quote quotes the rest, as in pg_dump.
	if len(regex) > maxParts {
		return namePattern{}, fmt.Errorf("improper qualified name (too many dotted names): %s", p)
	}
	np := namePattern{text: p}
	anchor := func(b *strings.Builder) string { return "^(" + b.String() + ")$" }
	n := len(regex)
	np.name = anchor(&regex[n-1])
	if n >= 2 && maxParts == 3 {
		np.schema = anchor(&regex[n-2])
	}
	if n == maxParts && maxParts > 1 && n > 1 {
		np.db, np.hasDB = literal[0].String(), true
	}
	return np, nil
}

// where returns the SQL conditions pg_dump's processSQLNamePattern adds for
// the pattern on nameCol and schemaCol, with the regular expressions as
// parameters starting at $next, and the parameters. An unqualified table
// pattern (visible != "") matches only what the search path finds.
func (p namePattern) where(nameCol, schemaCol, visible string, next int) (string, []any) {
	var conds []string
	var args []any
	if p.name != "^(.*)$" {
		conds = append(conds, fmt.Sprintf("%s OPERATOR(pg_catalog.~) $%d COLLATE pg_catalog.default", nameCol, next+len(args)))
		args = append(args, p.name)
	}
	switch {
	case p.schema != "" && p.schema != "^(.*)$":
		conds = append(conds, fmt.Sprintf("%s OPERATOR(pg_catalog.~) $%d COLLATE pg_catalog.default", schemaCol, next+len(args)))
		args = append(args, p.schema)
	case p.schema == "" && visible != "":
		conds = append(conds, visible)
	}
	if len(conds) == 0 {
		return "true", nil
	}
	return strings.Join(conds, " AND "), args
}
