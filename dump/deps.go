package dump

import (
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/pgdrill/pgdrill/pgarchive"
)

// collectDependencies turns pg_depend into object dependencies, as pg_dump
// does, then places defaults and attaches comments and ACLs, which need
// the finished graph.
func (d *dumper) collectDependencies() error {
	// A reference to an array type is a reference to its element type.
	err := d.each("array types", `SELECT typarray, oid FROM pg_catalog.pg_type WHERE typarray <> 0 AND oid >= 16384`, nil, func(r pgx.Rows) error {
		var arr, elem uint32
		if err := r.Scan(&arr, &elem); err != nil {
			return err
		}
		if o := d.byCat[catKey{pgType, elem}]; o != nil {
			d.byCat[catKey{pgType, arr}] = o
		}
		return nil
	})
	if err != nil {
		return err
	}
	// A domain's CHECK constraints are written inside CREATE DOMAIN.
	err = d.each("domain constraints", `SELECT oid, contypid FROM pg_catalog.pg_constraint WHERE contypid <> 0`, nil, func(r pgx.Rows) error {
		var oid, typ uint32
		if err := r.Scan(&oid, &typ); err != nil {
			return err
		}
		if o := d.byCat[catKey{pgType, typ}]; o != nil {
			d.byCat[catKey{pgConstraint, oid}] = o
		}
		return nil
	})
	if err != nil {
		return err
	}
	defaults := map[uint32]*column{}
	for _, t := range d.tables {
		for _, c := range t.cols {
			if c.defOID != 0 {
				defaults[c.defOID] = c
			}
		}
	}
	err = d.each("dependencies", `SELECT classid, objid, refclassid, refobjid FROM pg_catalog.pg_depend
		WHERE deptype NOT IN ('p', 'e') AND objid >= 16384`, nil, func(r pgx.Rows) error {
		var class, oid, refClass, refOID uint32
		if err := r.Scan(&class, &oid, &refClass, &refOID); err != nil {
			return err
		}
		ref := d.byCat[catKey{refClass, refOID}]
		if ref == nil {
			return nil
		}
		if class == pgAttrdef {
			if c := defaults[oid]; c != nil {
				c.defDeps = append(c.defDeps, ref)
			}
			return nil
		}
		if o := d.byCat[catKey{class, oid}]; o != nil {
			o.dependOn(ref)
		}
		return nil
	})
	if err != nil {
		return err
	}
	// An owned sequence's pg_depend link points at its table; remove a
	// column default's self-reference (the table's own column).
	for _, t := range d.tables {
		for _, c := range t.cols {
			var keep []*object
			for _, dep := range c.defDeps {
				if dep != t.obj {
					keep = append(keep, dep)
				}
			}
			c.defDeps = keep
		}
	}
	d.finishTables()
	d.splitViews()
	return d.attachCommentsAndACLs()
}

// checkUnsupported fails, naming the objects, when the dumped schemas hold
// kinds of objects this dumper cannot write: a dump that silently left
// them out would restore into a different database.
func (d *dumper) checkUnsupported() error {
	var nsList []uint32
	for _, s := range d.schemas {
		if s.included && len(d.opts.Tables) == 0 {
			nsList = append(nsList, s.oid)
		}
	}
	notExt := func(class, oid string) string { return "NOT " + extensionMember(class, oid) }
	checks := []struct{ what, sql string }{
		{"base or shell type", `SELECT pg_catalog.format_type(t.oid, NULL) FROM pg_catalog.pg_type t WHERE t.typnamespace = ANY($1) AND t.typtype IN ('b', 'p') AND t.oid >= 16384 AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type el WHERE el.typarray = t.oid) AND ` + notExt("pg_catalog.pg_type", "t.oid")},
		{"conversion", `SELECT c.conname FROM pg_catalog.pg_conversion c WHERE c.connamespace = ANY($1) AND c.oid >= 16384 AND ` + notExt("pg_catalog.pg_conversion", "c.oid")},
		{"text search parser", `SELECT c.prsname FROM pg_catalog.pg_ts_parser c WHERE c.prsnamespace = ANY($1) AND c.oid >= 16384 AND ` + notExt("pg_catalog.pg_ts_parser", "c.oid")},
		{"text search template", `SELECT c.tmplname FROM pg_catalog.pg_ts_template c WHERE c.tmplnamespace = ANY($1) AND c.oid >= 16384 AND ` + notExt("pg_catalog.pg_ts_template", "c.oid")},
		{"procedural language", `SELECT l.lanname FROM pg_catalog.pg_language l WHERE l.oid >= 16384 AND cardinality($1::oid[]) >= 0 AND ` + notExt("pg_catalog.pg_language", "l.oid")},
		{"access method", `SELECT a.amname FROM pg_catalog.pg_am a WHERE a.oid >= 16384 AND cardinality($1::oid[]) >= 0 AND ` + notExt("pg_catalog.pg_am", "a.oid")},
		{"transform", `SELECT t.oid::text FROM pg_catalog.pg_transform t WHERE t.oid >= 16384 AND cardinality($1::oid[]) >= 0 AND ` + notExt("pg_catalog.pg_transform", "t.oid")},
		{"extension configuration table", `SELECT e.extname || ' (' || pg_catalog.array_to_string(e.extconfig::pg_catalog.regclass[]::text[], ', ') || ')' FROM pg_catalog.pg_extension e WHERE e.extconfig IS NOT NULL AND cardinality(e.extconfig) > 0 AND e.oid >= 16384 AND cardinality($1::oid[]) >= 0`},
		{"subscription", `SELECT s.subname FROM pg_catalog.pg_subscription s WHERE s.subdbid = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database()) AND cardinality($1::oid[]) >= 0`},
		{"dependency on an extension (DEPENDS ON EXTENSION)", `SELECT (pg_catalog.pg_identify_object(d.classid, d.objid, 0)).identity FROM pg_catalog.pg_depend d WHERE d.deptype = 'x' AND cardinality($1::oid[]) >= 0`},
		{"security label", `SELECT s.provider || ' on ' || s.classoid::pg_catalog.regclass::text || ' ' || s.objoid FROM pg_catalog.pg_seclabel s WHERE cardinality($1::oid[]) >= 0`},
	}
	global := len(d.opts.Schemas) == 0 && len(d.opts.Tables) == 0
	for _, c := range checks {
		if !global && strings.Contains(c.sql, "cardinality($1") {
			continue // database-wide objects are not part of -n and -t dumps
		}
		var names []string
		err := d.each(c.what+"s", c.sql, []any{nsList}, func(r pgx.Rows) error {
			var n string
			if err := r.Scan(&n); err != nil {
				return err
			}
			names = append(names, n)
			return nil
		})
		if err != nil {
			return err
		}
		if len(names) > 0 {
			if len(names) > 10 {
				names = append(names[:10], fmt.Sprintf("and %d more", len(names)-10))
			}
			return fmt.Errorf("dump: cannot dump %s %s: this kind of object is not supported", c.what, strings.Join(names, ", "))
		}
	}
	return nil
}

// splitViews breaks the loop of a view whose query needs a constraint (a
// GROUP BY on a primary key), which is post-data, as pg_dump does: the
// view is first created with a dummy query of NULLs of the right types,
// and a post-data RULE entry replaces it with the real query.
func (d *dumper) splitViews() {
	for _, t := range d.sortedTables() {
		if t.kind != "v" || t.obj == nil || t.returnRule == 0 {
			continue
		}
		var pre, post []*object
		for _, dep := range t.obj.deps {
			if dep.prio.section() == pgarchive.SectionPostData {
				post = append(post, dep)
			} else {
				pre = append(pre, dep)
			}
		}
		if len(post) == 0 {
			continue
		}
		v := t.obj
		var b strings.Builder
		fmt.Fprintf(&b, "CREATE VIEW %s", t.qual)
		if len(t.reloptions) > 0 {
			b.WriteString(" WITH (" + relOptions(t.reloptions) + ")")
		}
		b.WriteString(" AS\nSELECT")
		for i, c := range t.cols {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString("\n    NULL::" + c.typ)
			if c.coll != nil {
				b.WriteString(" COLLATE " + *c.coll)
			}
			b.WriteString(" AS " + d.q.id(c.name))
		}
		dummy := b.String() + ";\n"
		v.entry.Defn = pgarchive.Str(dummy)
		v.deps = pre

		r := d.newObject(prioRule, "RULE", t.name+" _RETURN")
		r.name, r.extra = "_RETURN", t.name
		r.setNS(v.ns)
		r.setCat(pgRewrite, t.returnRule)
		r.setOwner(t.owner)
		r.entry.Defn = pgarchive.Str("CREATE OR REPLACE VIEW " + strings.TrimPrefix(dummy[:strings.Index(dummy, " AS\n")], "CREATE VIEW ") + " AS\n" + t.viewDef + ";\n")
		r.entry.DropStmt = pgarchive.Str("CREATE OR REPLACE " + strings.TrimPrefix(dummy, "CREATE "))
		r.dependOn(v)
		r.dependOn(post...)
		d.byCat[catKey{pgRewrite, t.returnRule}] = r
	}
}
