package restore

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/pgdrill/pgdrill/internal/sqlscript"
	"github.com/pgdrill/pgdrill/pgarchive"
	"github.com/pgdrill/pgdrill/pgarchive/copytext"
)

// TOCProblem is one entry whose SQL does not fit its kind: the sign of an
// archive that was edited (or crafted) after pg_dump wrote it.
type TOCProblem struct {
	Entry     *pgarchive.Entry
	Field     string // "definition", "drop statement" or "copy statement"
	Statement int    // 1-based statement number within the field; 0 for the whole field
	Text      string // the offending statement, shortened
	Why       string
}

func (p TOCProblem) String() string {
	where := p.Field
	if p.Statement > 0 {
		where = fmt.Sprintf("%s statement %d", p.Field, p.Statement)
	}
	s := fmt.Sprintf("entry %d %s %s: %s: %s", p.Entry.DumpID, p.Entry.Desc, p.Entry.Name(), where, p.Why)
	if p.Text != "" {
		s += fmt.Sprintf(" (%q)", p.Text)
	}
	return s
}

// TOCError lists every entry CheckTOC found out of place.
type TOCError struct {
	Problems []TOCProblem
}

func (e *TOCError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "restore: archive TOC does not look like pg_dump's: %d entr", len(e.Problems))
	if len(e.Problems) == 1 {
		b.WriteString("y holds")
	} else {
		b.WriteString("ies hold")
	}
	b.WriteString(" SQL that does not fit its kind")
	for i, p := range e.Problems {
		if i == 10 {
			fmt.Fprintf(&b, "; and %d more", len(e.Problems)-i)
			break
		}
		b.WriteString("; ")
		b.WriteString(p.String())
	}
	return b.String()
}

// stmtRule is what one kind of entry's definition may hold: statements
// starting with one of the keyword sequences, and at most max statements
// (0: any number).
type stmtRule struct {
	prefixes []string
	max      int
}

func rule(max int, prefixes ...string) stmtRule { return stmtRule{prefixes: prefixes, max: max} }

// defnRules maps an entry's Desc to the statements pg_dump writes in its
// definition (pg_dump.c's dump* functions, versions 9.2 through 18). A
// statement fits when its leading keywords (bare words before the first
// name, quote or parenthesis) start with one of the prefixes.
var defnRules = map[string]stmtRule{
	"ACCESS METHOD":          rule(1, "CREATE ACCESS METHOD"),
	"ACL":                    rule(0, "GRANT", "REVOKE", "SET SESSION AUTHORIZATION", "RESET SESSION AUTHORIZATION"),
	"AGGREGATE":              rule(1, "CREATE AGGREGATE"),
	"CAST":                   rule(1, "CREATE CAST"),
	"CHECK CONSTRAINT":       rule(0, "ALTER TABLE", "ALTER DOMAIN", "ALTER FOREIGN TABLE"),
	"COLLATION":              rule(1, "CREATE COLLATION"),
	"COMMENT":                rule(1, "COMMENT ON"),
	"CONSTRAINT":             rule(0, "ALTER TABLE", "ALTER DOMAIN", "ALTER FOREIGN TABLE"),
	"CONVERSION":             rule(1, "CREATE CONVERSION", "CREATE DEFAULT CONVERSION"),
	"DATABASE":               rule(0, "CREATE DATABASE", "ALTER DATABASE"),
	"DATABASE PROPERTIES":    rule(0, "ALTER DATABASE", "ALTER ROLE"),
	"DEFAULT":                rule(0, "ALTER TABLE", "ALTER FOREIGN TABLE", "ALTER VIEW"),
	"DEFAULT ACL":            rule(0, "ALTER DEFAULT PRIVILEGES"),
	"DOMAIN":                 rule(0, "CREATE DOMAIN", "ALTER DOMAIN"),
	"EVENT TRIGGER":          rule(0, "CREATE EVENT TRIGGER", "ALTER EVENT TRIGGER"),
	"EXTENSION":              rule(1, "CREATE EXTENSION"),
	"FK CONSTRAINT":          rule(0, "ALTER TABLE", "ALTER FOREIGN TABLE"),
	"FOREIGN DATA WRAPPER":   rule(1, "CREATE FOREIGN DATA WRAPPER"),
	"SERVER":                 rule(1, "CREATE SERVER"),
	"FOREIGN TABLE":          rule(0, "CREATE FOREIGN TABLE", "ALTER FOREIGN TABLE", "ALTER TABLE"),
	"FUNCTION":               rule(1, "CREATE FUNCTION", "CREATE OR REPLACE FUNCTION"),
	"PROCEDURE":              rule(1, "CREATE PROCEDURE", "CREATE OR REPLACE PROCEDURE"),
	"INDEX":                  rule(0, "CREATE INDEX", "CREATE UNIQUE INDEX", "ALTER INDEX", "ALTER TABLE"),
	"INDEX ATTACH":           rule(0, "ALTER INDEX"),
	"MATERIALIZED VIEW":      rule(0, "CREATE MATERIALIZED VIEW", "ALTER MATERIALIZED VIEW", "ALTER TABLE", "ALTER INDEX"),
	"MATERIALIZED VIEW DATA": rule(1, "REFRESH MATERIALIZED VIEW"),
	"OPERATOR":               rule(1, "CREATE OPERATOR"),
	"OPERATOR CLASS":         rule(1, "CREATE OPERATOR CLASS"),
	"OPERATOR FAMILY":        rule(0, "CREATE OPERATOR FAMILY", "ALTER OPERATOR FAMILY"),
	"POLICY":                 rule(1, "CREATE POLICY"),
	"PROCEDURAL LANGUAGE": rule(0, "CREATE LANGUAGE", "CREATE TRUSTED LANGUAGE", "CREATE PROCEDURAL LANGUAGE",
		"CREATE TRUSTED PROCEDURAL LANGUAGE", "CREATE OR REPLACE LANGUAGE", "CREATE OR REPLACE TRUSTED LANGUAGE",
		"CREATE OR REPLACE PROCEDURAL LANGUAGE", "CREATE OR REPLACE TRUSTED PROCEDURAL LANGUAGE"),
	"PUBLICATION":                  rule(1, "CREATE PUBLICATION"),
	"PUBLICATION TABLE":            rule(1, "ALTER PUBLICATION"),
	"PUBLICATION TABLES IN SCHEMA": rule(1, "ALTER PUBLICATION"),
	"ROW SECURITY":                 rule(1, "ALTER TABLE"),
	"RULE":                         rule(0, "CREATE RULE", "CREATE OR REPLACE RULE", "CREATE OR REPLACE VIEW", "ALTER TABLE", "ALTER VIEW"),
	"SCHEMA":                       rule(1, "CREATE SCHEMA"),
	"SECURITY LABEL":               rule(1, "SECURITY LABEL"),
	"SEQUENCE":                     rule(0, "CREATE SEQUENCE", "CREATE UNLOGGED SEQUENCE", "ALTER SEQUENCE", "ALTER TABLE"),
	"SEQUENCE OWNED BY":            rule(1, "ALTER SEQUENCE"),
	"SHELL TYPE":                   rule(1, "CREATE TYPE"),
	"STATISTICS":                   rule(0, "CREATE STATISTICS", "ALTER STATISTICS"),
	"SUBSCRIPTION":                 rule(1, "CREATE SUBSCRIPTION"),
	"TABLE":                        rule(0, "CREATE TABLE", "CREATE UNLOGGED TABLE", "ALTER TABLE", "ALTER FOREIGN TABLE", "ALTER INDEX"),
	"TABLE ATTACH":                 rule(0, "ALTER TABLE"),
	"TEXT SEARCH CONFIGURATION":    rule(0, "CREATE TEXT SEARCH CONFIGURATION", "ALTER TEXT SEARCH CONFIGURATION"),
	"TEXT SEARCH DICTIONARY":       rule(1, "CREATE TEXT SEARCH DICTIONARY"),
	"TEXT SEARCH PARSER":           rule(1, "CREATE TEXT SEARCH PARSER"),
	"TEXT SEARCH TEMPLATE":         rule(1, "CREATE TEXT SEARCH TEMPLATE"),
	"TRANSFORM":                    rule(1, "CREATE TRANSFORM"),
	"TRIGGER":                      rule(0, "CREATE TRIGGER", "CREATE CONSTRAINT TRIGGER", "CREATE OR REPLACE TRIGGER", "ALTER TABLE"),
	"TYPE":                         rule(0, "CREATE TYPE", "ALTER TYPE"),
	"USER MAPPING":                 rule(1, "CREATE USER MAPPING"),
	"VIEW":                         rule(0, "CREATE VIEW", "CREATE OR REPLACE VIEW", "ALTER VIEW", "ALTER TABLE"),
}

// Definitions that are one exact statement with literals only: a SELECT
// could call any function, so its whole text is matched.
var (
	exactDefn = map[string]*regexp.Regexp{
		"ENCODING":      regexp.MustCompile(`^SET client_encoding = '[A-Za-z0-9_]+';\n*$`),
		"STDSTRINGS":    regexp.MustCompile(`^SET standard_conforming_strings = '(on|off)';\n*$`),
		"SEARCHPATH":    regexp.MustCompile(`^SELECT pg_catalog\.set_config\('search_path', '(?:[^'\\]|'')*', false\);\n*$`),
		"SEQUENCE SET":  regexp.MustCompile(`^SELECT pg_catalog\.setval\('(?:[^'\\]|'')+', -?[0-9]+, (true|false)\);\n*$`),
		"BLOB":          regexp.MustCompile(`^SELECT pg_catalog\.lo_create\('[0-9]+'\);\n*$`),
		"BLOBS":         regexp.MustCompile(`^$`),
		"BLOB METADATA": regexp.MustCompile(`^(?:[0-9]+\n)*$`),
	}
	// PostgreSQL 18's statistics: calls of the two restore functions with
	// literal arguments.
	statsCall = regexp.MustCompile(`^SELECT \* FROM pg_catalog\.pg_restore_(relation|attribute)_stats\(`)
	// The drop statements pg_dump writes for -c: DROP, ALTER ... DROP for
	// constraints and defaults, and lo_unlink for large objects.
	dropPrefixes = []string{"DROP", "ALTER TABLE", "ALTER FOREIGN TABLE", "ALTER DOMAIN", "ALTER VIEW",
		"ALTER MATERIALIZED VIEW", "ALTER INDEX", "ALTER SEQUENCE", "ALTER TYPE", "ALTER PUBLICATION",
		"ALTER OPERATOR FAMILY", "ALTER TEXT SEARCH CONFIGURATION", "ALTER EVENT TRIGGER"}
	blobTag  = regexp.MustCompile(`^[0-9]+$`)
	loUnlink = regexp.MustCompile(`^SELECT pg_catalog\.lo_unlink\('[0-9]+'\);\n*$`)
)

// CheckTOC compares each entry's SQL with what pg_dump writes for an entry
// of its kind, before anything is sent to a server: a COMMENT entry holds one
// COMMENT statement, an ACL entry GRANTs and REVOKEs, a TABLE DATA entry a
// COPY ... FROM stdin of its own table (or, loading via the partition root,
// of another table in the archive), SEQUENCE SET one setval with literals,
// and so on. An entry whose SQL was swapped for something else (COPY ... TO
// PROGRAM in a COMMENT, ALTER SYSTEM in an ACL, a DO block anywhere) is
// reported; so is an entry kind pg_dump does not write. It returns nil or a
// *TOCError listing every problem.
//
// The check does not make an untrusted archive safe on its own: a CREATE
// FUNCTION is a CREATE FUNCTION whatever its body does. It guarantees that
// what runs is what the entry says it is; restore as an unprivileged role
// for the rest.
func CheckTOC(entries []*pgarchive.Entry) error {
	tables := map[string]bool{}
	for _, e := range entries {
		if e.Desc == "TABLE" || e.Desc == "FOREIGN TABLE" {
			tables[e.Namespace.String+"\x00"+e.Tag] = true
		}
	}
	c := tocChecker{tables: tables, stdStrings: true}
	for _, e := range entries {
		if e.Desc == "STDSTRINGS" && strings.Contains(e.Defn.String, "'off'") {
			c.stdStrings = false
		}
	}
	var probs []TOCProblem
	for _, e := range entries {
		probs = append(probs, c.entry(e)...)
	}
	if len(probs) > 0 {
		return &TOCError{Problems: probs}
	}
	return nil
}

// tocChecker holds what the check of one entry needs from the others.
type tocChecker struct {
	tables     map[string]bool // "schema\x00name" of every TABLE entry
	stdStrings bool            // the archive's standard_conforming_strings
}

func (c *tocChecker) entry(e *pgarchive.Entry) []TOCProblem {
	var probs []TOCProblem
	bad := func(field string, n int, text, why string) {
		probs = append(probs, TOCProblem{Entry: e, Field: field, Statement: n, Text: shorten(text), Why: why})
	}

	if e.Desc == "BLOB" && !blobTag.MatchString(e.Tag) {
		// Restore writes a BLOB's tag, its OID, into ALTER LARGE OBJECT.
		bad("tag", 0, e.Tag, "a large object's tag is its OID")
	}
	defn := e.Defn.String
	if e.Desc == "TABLE DATA" {
		// pg_dump leaves TABLE DATA definitions empty, or writes the one
		// comment of --load-via-partition-root.
		if defn != "" && !onlyComments(defn) {
			bad("definition", 0, defn, "TABLE DATA definitions hold no SQL")
		}
		if e.CopyStmt.String != "" {
			if why := checkCopyStmt(e, c.tables); why != "" {
				bad("copy statement", 0, e.CopyStmt.String, why)
			}
		}
	} else if e.CopyStmt.String != "" {
		bad("copy statement", 0, e.CopyStmt.String, "only TABLE DATA entries have a copy statement")
	}

	if re, ok := exactDefn[e.Desc]; ok {
		if !re.MatchString(defn) {
			bad("definition", 0, defn, "not the single statement pg_dump writes for "+e.Desc)
		}
	} else if e.Desc == "STATISTICS DATA" {
		c.statements(defn, func(n int, text string, words []string) {
			if !statsCall.MatchString(text) {
				bad("definition", n, text, "STATISTICS DATA holds only pg_restore_relation_stats and pg_restore_attribute_stats calls")
			}
		}, func(text string) { bad("definition", 0, text, "unterminated SQL") })
	} else if e.Desc != "TABLE DATA" {
		r, ok := defnRules[e.Desc]
		if !ok {
			bad("definition", 0, "", fmt.Sprintf("pg_dump writes no entries of kind %q", e.Desc))
		} else {
			count := 0
			c.statements(defn, func(n int, text string, words []string) {
				count++
				if !hasPrefixWords(words, r.prefixes) {
					bad("definition", n, text, "a "+e.Desc+" entry holds only "+strings.Join(r.prefixes, ", "))
				}
			}, func(text string) { bad("definition", 0, text, "unterminated SQL") })
			if r.max > 0 && count > r.max {
				bad("definition", 0, "", fmt.Sprintf("%d statements where pg_dump writes at most %d", count, r.max))
			}
		}
	}

	c.statements(e.DropStmt.String, func(n int, text string, words []string) {
		// A view's split-out _RETURN rule is dropped by putting a dummy
		// query back in the view.
		splitView := e.Desc == "RULE" && hasPrefixWords(words, []string{"CREATE OR REPLACE VIEW"})
		if !hasPrefixWords(words, dropPrefixes) && !loUnlink.MatchString(text) && !splitView {
			bad("drop statement", n, text, "drop statements hold only DROP, ALTER ... DROP and lo_unlink")
		}
	}, func(text string) { bad("drop statement", 0, text, "unterminated SQL") })
	return probs
}

// copyStmt is a TABLE DATA statement as pg_dump writes it: the table, an
// optional column list, FROM stdin. (WITH OIDS came from pg_dump 11 and
// older for tables that had them.)
var copyStmt = regexp.MustCompile(`(?s)^COPY (.+?)(?: \((.*)\))?(?: WITH OIDS)? FROM stdin;\n*$`)

func checkCopyStmt(e *pgarchive.Entry, tables map[string]bool) string {
	s := e.CopyStmt.String
	items, err := sqlscript.Split(s)
	if err != nil || len(items) != 1 || items[0].Kind != sqlscript.SQL || !items[0].CopyIn() || !copyStmt.MatchString(s) {
		return "not a COPY ... FROM stdin statement"
	}
	table, _, err := copytext.ParseCopyStmt(s)
	if err != nil {
		return err.Error()
	}
	parts := splitQualified(table)
	var ns, name string
	switch len(parts) {
	case 1:
		name = parts[0]
	case 2:
		ns, name = parts[0], parts[1]
	default:
		return "COPY names " + table + ", not a table of the archive"
	}
	if name == e.Tag && (ns == e.Namespace.String || len(parts) == 1) {
		return ""
	}
	if tables[ns+"\x00"+name] {
		return "" // --load-via-partition-root: the data goes in through the root
	}
	return "COPY loads " + table + ", which is neither this entry's table nor a table of the archive"
}

// statements splits sql into statements as psql would and calls fit with
// each one's number, text and leading keywords; open is called for a
// statement left inside a quote or comment.
func (c *tocChecker) statements(sql string, fit func(n int, text string, words []string), open func(text string)) {
	if sql == "" {
		return
	}
	sc := sqlscript.NewScanner(sql)
	sc.StdStrings = c.stdStrings
	n := 0
	for {
		it, ok := sc.Next()
		if !ok {
			break
		}
		n++
		if it.Open != "" {
			open(it.Text)
			continue
		}
		if it.Kind != sqlscript.SQL {
			fit(n, it.Text, nil) // a backslash command never fits
			continue
		}
		fit(n, it.Text, leadingWords(it.Text))
	}
	if sc.Err() != nil {
		open(sc.Err().Error())
	}
}

// leadingWords returns the statement's first bare words in upper case,
// stopping at the first token that is not one (a name with a dot, a quote,
// a parenthesis).
func leadingWords(stmt string) []string {
	var words []string
	for _, f := range strings.Fields(stmt) {
		if len(words) == 6 {
			break
		}
		w := strings.TrimSuffix(f, ";")
		if w == "" || strings.TrimLeft(strings.ToUpper(w), "ABCDEFGHIJKLMNOPQRSTUVWXYZ_") != "" {
			break
		}
		words = append(words, strings.ToUpper(w))
		if w != f {
			break
		}
	}
	return words
}

func hasPrefixWords(words []string, prefixes []string) bool {
	for _, p := range prefixes {
		pw := strings.Fields(p)
		if len(pw) > len(words) {
			continue
		}
		ok := true
		for i := range pw {
			if words[i] != pw[i] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func onlyComments(sql string) bool {
	for _, line := range strings.Split(sql, "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "--") {
			return false
		}
	}
	return true
}

func shorten(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 120 {
		return s[:117] + "..."
	}
	return s
}

// isInsert reports whether stmt is an INSERT INTO a table, the only
// statements pg_dump --inserts writes. The table is not compared with the
// entry's: with --load-via-partition-root the rows go into the root, which
// older pg_dump versions do not name anywhere else in the entry.
func isInsert(stmt string) bool {
	rest, ok := strings.CutPrefix(strings.TrimLeft(stmt, " \t\n"), "INSERT INTO ")
	if !ok {
		return false
	}
	end := strings.IndexAny(rest, " (")
	return end > 0 && !strings.ContainsAny(rest[:end], ";'\\")
}
