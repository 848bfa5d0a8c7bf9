package inspect

import (
	"strconv"

	"github.com/pgdrill/pgdrill/pgarchive"
)

// maxDomainDepth bounds the domains over domains followed, so that a
// malformed archive whose domains loop cannot hang inspect.
const maxDomainDepth = 64

// catalog resolves column types from the definitions in an archive's TOC:
// inherited columns from the parents' TABLE entries, a typed table's columns
// from its composite TYPE entry, and domains from DOMAIN entries.
type catalog struct {
	tables   map[qname]*pgarchive.Entry // TABLE and FOREIGN TABLE: inheritance parents
	types    map[qname]*pgarchive.Entry // TYPE: composite types of typed tables
	domains  map[qname]*pgarchive.Entry
	typeName map[qname]bool // everything that defines a type of its name
	// extensions: the archive creates some, whose types it does not define.
	extensions bool
	columns    map[*pgarchive.Entry]*tableColumns
}

// tableColumns are a table's columns by name, its own and those it inherits.
type tableColumns struct {
	cols map[string]colType
	// lacking says why columns may be missing: parents or types not in the
	// archive, definitions not understood.
	lacking []string
	busy    bool // being resolved: a second visit is an inheritance loop
}

// colType is a column's type and where it was declared.
type colType struct {
	typ    typeName
	origin string // "" in the table's own definition, else e.g. "inherited from public.base"
}

func newCatalog(entries []*pgarchive.Entry) *catalog {
	c := &catalog{
		tables:   make(map[qname]*pgarchive.Entry),
		types:    make(map[qname]*pgarchive.Entry),
		domains:  make(map[qname]*pgarchive.Entry),
		typeName: make(map[qname]bool),
		columns:  make(map[*pgarchive.Entry]*tableColumns),
	}
	for _, e := range entries {
		q := qname{e.Namespace.String, e.Tag}
		switch e.Desc {
		case "TABLE", "FOREIGN TABLE":
			c.tables[q] = e
		case "TYPE":
			c.types[q] = e
		case "DOMAIN":
			c.domains[q] = e
		case "EXTENSION":
			c.extensions = true
		}
		switch e.Desc {
		// Every relation has a row type of its name; a column may use it.
		case "TABLE", "FOREIGN TABLE", "VIEW", "MATERIALIZED VIEW", "SEQUENCE", "TYPE", "SHELL TYPE", "DOMAIN":
			c.typeName[q] = true
		}
	}
	return c
}

// tableColumns resolves the columns of a TABLE entry, once.
func (c *catalog) tableColumns(e *pgarchive.Entry) *tableColumns {
	if tc := c.columns[e]; tc != nil {
		if tc.busy {
			return &tableColumns{lacking: []string{"inheritance loops back to " + entryName(e)}}
		}
		return tc
	}
	tc := &tableColumns{cols: make(map[string]colType), busy: true}
	c.columns[e] = tc
	defer func() { tc.busy = false }()

	td, ok := parseCreateTable(e.Defn.String)
	if !ok {
		tc.lacking = append(tc.lacking, "the CREATE TABLE of "+entryName(e)+" is not understood")
		return tc
	}
	for _, col := range td.cols {
		tc.cols[col.name] = colType{typ: col.typ}
	}
	if td.of != (qname{}) {
		c.typedColumns(tc, td.of)
	}
	// The first parent to declare a column gives its type, as PostgreSQL
	// orders merged columns; they must agree in type anyway.
	for _, q := range td.parents {
		parent := c.tables[q]
		if parent == nil {
			tc.lacking = append(tc.lacking, "parent "+q.String()+" is not in the archive")
			continue
		}
		pc := c.tableColumns(parent)
		tc.lacking = append(tc.lacking, pc.lacking...)
		for name, ct := range pc.cols {
			if _, ok := tc.cols[name]; ok {
				continue
			}
			if ct.origin == "" {
				ct.origin = "inherited from " + q.String()
			}
			tc.cols[name] = ct
		}
	}
	return tc
}

// typedColumns adds the attributes of composite type q, the type of a typed
// table.
func (c *catalog) typedColumns(tc *tableColumns, q qname) {
	te := c.types[q]
	if te == nil {
		tc.lacking = append(tc.lacking, "type "+q.String()+" is not in the archive")
		return
	}
	attrs, ok := parseCompositeType(te.Defn.String)
	if !ok {
		tc.lacking = append(tc.lacking, "the CREATE TYPE of "+q.String()+" is not understood")
		return
	}
	for _, a := range attrs {
		if _, ok := tc.cols[a.name]; !ok {
			tc.cols[a.name] = colType{typ: a.typ, origin: "attribute of type " + q.String()}
		}
	}
}

// resolveType finds the kind of a column's type through any domains. base
// is the built-in type a domain stands for; note says why an array or an
// unknown type is not analysed.
func (c *catalog) resolveType(t typeName, depth int) (k Kind, base, note string) {
	if depth > maxDomainDepth {
		return Unknown, "", "domains nest deeper than " + strconv.Itoa(maxDomainDepth)
	}
	if t.array {
		switch k, _, note := c.resolveType(t.element(), depth+1); {
		case k == Unknown:
			return Unknown, "", "an array; " + note
		case k.analysed() || k == Array:
			return Array, "", "an array"
		}
		return NotTemporal, "", ""
	}
	if t.user == (qname{}) {
		return t.kind, t.text, ""
	}
	d := c.domains[t.user]
	if d == nil {
		if c.typeName[t.user] {
			return NotTemporal, "", ""
		}
		note := "type " + t.user.String() + " is not in the archive"
		if c.extensions {
			note += " (an extension's, perhaps: pg_dump writes only their CREATE EXTENSION)"
		}
		return Unknown, "", note
	}
	bt, ok := parseDomain(d.Defn.String)
	if !ok {
		return Unknown, "", "the CREATE DOMAIN of " + t.user.String() + " is not understood"
	}
	return c.resolveType(bt, depth+1)
}

func entryName(e *pgarchive.Entry) string { return displayName(e.Namespace.String, e.Tag) }
