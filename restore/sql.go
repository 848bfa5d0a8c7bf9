package restore

import (
	"fmt"
	"strings"

	"github.com/pgdrill/pgdrill/pgarchive"
	"github.com/pgdrill/pgdrill/pgarchive/copytext"
)

// quoteIdent double-quotes an identifier. pg_restore quotes only when needed;
// quoting always names the same object and needs no keyword table.
func quoteIdent(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// qualified is pg_restore's fmtQualifiedId: "ns"."name", or the name alone
// when there is no namespace.
func qualified(ns pgarchive.NullString, name string) string {
	if ns.Valid && ns.String != "" {
		return quoteIdent(ns.String) + "." + quoteIdent(name)
	}
	return quoteIdent(name)
}

// ownerObject is pg_restore's _getObjectDescription: the "KIND name" part of
// ALTER ... OWNER TO for e, "" for kinds that have no owner of their own, and
// ok=false for kinds pg_restore does not know how to give an owner.
func ownerObject(e *pgarchive.Entry) (desc string, ok bool) {
	switch e.Desc {
	case "COLLATION", "CONVERSION", "DOMAIN", "FOREIGN TABLE", "MATERIALIZED VIEW",
		"SEQUENCE", "STATISTICS", "TABLE", "TEXT SEARCH DICTIONARY",
		"TEXT SEARCH CONFIGURATION", "TYPE", "VIEW",
		"DATABASE", "PROCEDURAL LANGUAGE", "SCHEMA", "EVENT TRIGGER",
		"FOREIGN DATA WRAPPER", "SERVER", "PUBLICATION", "SUBSCRIPTION":
		return e.Desc + " " + qualified(e.Namespace, e.Tag), true
	case "BLOB":
		// The tag is the numeric OID, which must stay unquoted.
		return "LARGE OBJECT " + e.Tag, true
	case "AGGREGATE", "FUNCTION", "OPERATOR", "OPERATOR CLASS", "OPERATOR FAMILY", "PROCEDURE":
		// The signature these need is exactly what the DROP statement holds.
		s := strings.TrimPrefix(e.DropStmt.String, "DROP ")
		return strings.TrimRight(s, ";\n"), true
	case "CAST", "CHECK CONSTRAINT", "CONSTRAINT", "DATABASE PROPERTIES", "DEFAULT",
		"FK CONSTRAINT", "INDEX", "RULE", "TRIGGER", "ROW SECURITY", "POLICY", "USER MAPPING":
		return "", true
	}
	return "", false
}

// blobOIDs splits a BLOB METADATA definition, one OID per line.
func blobOIDs(defn string) []string {
	var oids []string
	for {
		i := strings.IndexByte(defn, '\n')
		if i < 0 {
			return oids
		}
		oids = append(oids, defn[:i])
		defn = defn[i+1:]
	}
}

// perBlob is pg_restore's IssueCommandPerBlob: one statement per OID of a
// BLOB METADATA entry, each sent on its own.
func perBlob(meta *pgarchive.Entry, begin, end string) []string {
	var stmts []string
	for _, oid := range blobOIDs(meta.Defn.String) {
		stmts = append(stmts, begin+oid+end+";\n")
	}
	return stmts
}

// aclPerBlob is pg_restore's IssueACLPerBlob: a "LARGE OBJECTS a..b" ACL
// entry holds its GRANT/REVOKE commands once, written for one OID; each is
// repeated for every OID of the group's BLOB METADATA entry (meta).
func aclPerBlob(defn string, meta *pgarchive.Entry) ([]string, error) {
	var stmts []string
	inQuotes := false
	st, st2 := 0, -1
	firstEnd := 0
	for i := 0; i < len(defn); {
		c := defn[i]
		if c == '"' {
			inQuotes = !inQuotes
		}
		if inQuotes {
			i++
			continue
		}
		switch {
		case strings.HasPrefix(defn[i:], "LARGE OBJECT "):
			firstEnd = i + len("LARGE OBJECT ")
			i = firstEnd
			for i < len(defn) && defn[i] >= '0' && defn[i] <= '9' {
				i++
			}
			st2 = i
		case c == ';':
			if st2 < 0 {
				return nil, fmt.Errorf("no LARGE OBJECT in ACL command %q", defn[st:i])
			}
			stmts = append(stmts, perBlob(meta, defn[st:firstEnd], defn[st2:i])...)
			i++
			for i < len(defn) && strings.IndexByte(" \t\n\r\f\v", defn[i]) >= 0 {
				i++
			}
			st, st2 = i, -1
		default:
			i++
		}
	}
	return stmts, nil
}

// dropIfExists rewrites an entry's DROP statement the way pg_restore
// --if-exists does.
func dropIfExists(e *pgarchive.Entry) (string, error) {
	drop := e.DropStmt.String
	if strings.HasPrefix(drop, "--") {
		return drop, nil
	}
	if e.Desc == "BLOB" {
		return "SELECT pg_catalog.lo_unlink(oid) FROM pg_catalog.pg_largeobject_metadata WHERE oid = '" +
			fmt.Sprint(e.OID) + "';\n", nil
	}
	var b strings.Builder
	if strings.HasPrefix(drop, "ALTER TABLE") {
		b.WriteString("ALTER TABLE IF EXISTS")
		drop = drop[len("ALTER TABLE"):]
	}
	if e.Desc == "DEFAULT" || e.Desc == "DATABASE PROPERTIES" || strings.HasPrefix(drop, "CREATE OR REPLACE VIEW") {
		b.WriteString(drop)
		return b.String(), nil
	}
	mark := "DROP " + e.Desc
	switch e.Desc {
	case "CONSTRAINT", "CHECK CONSTRAINT", "FK CONSTRAINT":
		mark = "DROP CONSTRAINT"
	}
	i := strings.Index(drop, mark)
	if i < 0 {
		b.WriteString(drop)
		return b.String(), fmt.Errorf("could not find where to insert IF EXISTS in statement %q", e.DropStmt.String)
	}
	b.WriteString(drop[:i])
	b.WriteString(mark)
	b.WriteString(" IF EXISTS")
	b.WriteString(drop[i+len(mark):])
	return b.String(), nil
}

// isLoadViaPartitionRoot reports whether a TABLE DATA entry loads through
// an ancestor table rather than the table it names.
func isLoadViaPartitionRoot(e *pgarchive.Entry) bool {
	if strings.HasPrefix(e.Defn.String, "-- load via partition root ") {
		return true
	}
	if e.CopyStmt.String == "" {
		return false
	}
	table, _, err := copytext.ParseCopyStmt(e.CopyStmt.String)
	if err != nil {
		return false
	}
	parts := splitQualified(table)
	want := []string{e.Tag}
	if e.Namespace.Valid && e.Namespace.String != "" {
		want = []string{e.Namespace.String, e.Tag}
	}
	if len(parts) != len(want) {
		return true
	}
	for i := range parts {
		if parts[i] != want[i] {
			return true
		}
	}
	return false
}

// splitQualified splits a possibly qualified, possibly quoted SQL name into
// its parts, dequoting quoted parts and folding unquoted ASCII to lower case.
func splitQualified(s string) []string {
	var parts []string
	var cur strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			for i++; i < len(s); i++ {
				if s[i] == '"' {
					if i+1 < len(s) && s[i+1] == '"' {
						cur.WriteByte('"')
						i++
						continue
					}
					break
				}
				cur.WriteByte(s[i])
			}
		case c == '.':
			parts = append(parts, cur.String())
			cur.Reset()
		case c >= 'A' && c <= 'Z':
			cur.WriteByte(c + 'a' - 'A')
		default:
			cur.WriteByte(c)
		}
	}
	return append(parts, cur.String())
}
