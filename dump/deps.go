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
	// An extension's members are pg_dump objects too, though it does not
	// dump them: each depends on its extension and has its own pg_depend
	// links, which pass on to what uses it (a column of the extension's
	// type waits for the extension).
	err := d.each("extension members", `SELECT classid, objid, refobjid FROM pg_catalog.pg_depend
		WHERE deptype = 'e' AND refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass`, nil, func(r pgx.Rows) error {
		var class, oid, ext uint32
		if err := r.Scan(&class, &oid, &ext); err != nil {
			return err
		}
		o := d.byCat[catKey{class, oid}]
		if o == nil {
			o = d.phantom(class, oid)
		}
		o.dependOn(d.byCat[catKey{pgExtension, ext}])
		return nil
	})
	if err != nil {
		return err
	}
	// A reference to an array type is a reference to its element type.
	err = d.each("array types", `SELECT typarray, oid FROM pg_catalog.pg_type WHERE typarray <> 0 AND oid >= 16384`, nil, func(r pgx.Rows) error {
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
	// As pg_dump, an operator family takes the links of its operators and
	// support functions (pg_amop, pg_amproc), but not their internal ones
	// or those to the family itself.
	err = d.each("dependencies", `SELECT classid, objid, refclassid, refobjid FROM pg_catalog.pg_depend
		WHERE deptype NOT IN ('p', 'e') AND objid >= 16384
		UNION ALL
		SELECT 'pg_catalog.pg_opfamily'::pg_catalog.regclass, o.amopfamily, d.refclassid, d.refobjid
		FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_amop o ON d.objid = o.oid
		WHERE d.deptype NOT IN ('p', 'e', 'i') AND d.classid = 'pg_catalog.pg_amop'::pg_catalog.regclass AND o.oid >= 16384
		AND NOT (d.refclassid = 'pg_catalog.pg_opfamily'::pg_catalog.regclass AND d.refobjid = o.amopfamily)
		UNION ALL
		SELECT 'pg_catalog.pg_opfamily'::pg_catalog.regclass, p.amprocfamily, d.refclassid, d.refobjid
		FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_amproc p ON d.objid = p.oid
		WHERE d.deptype NOT IN ('p', 'e', 'i') AND d.classid = 'pg_catalog.pg_amproc'::pg_catalog.regclass AND p.oid >= 16384
		AND NOT (d.refclassid = 'pg_catalog.pg_opfamily'::pg_catalog.regclass AND d.refobjid = p.amprocfamily)`, nil, func(r pgx.Rows) error {
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
	d.breakTypeFuncLoops()
	// pg_dump drops a view's ON SELECT rule's link back to the view
	// (the loop it makes with the view's link to the rule).
	for _, t := range d.tables {
		if rule := d.byCat[catKey{pgRewrite, t.returnRule}]; t.returnRule != 0 && t.obj != nil && rule != nil {
			var keep []*object
			for _, dep := range rule.deps {
				if dep != t.obj {
					keep = append(keep, dep)
				}
			}
			rule.deps = keep
		}
	}
	d.finishTables()
	d.splitViews()
	// pg_dump hands MATERIALIZED VIEW DATA its object's own dependency
	// list, the post-data boundary included.
	for _, o := range d.objs {
		if o.entry.Desc == "MATERIALIZED VIEW DATA" {
			o.verbatimDeps(append(append([]*object(nil), o.deps...), d.postBound)...)
		}
	}
	return d.attachCommentsAndACLs()
}

// checkUnsupported fails, naming the objects, when the dumped schemas hold
// kinds of objects this dumper cannot write: a dump that silently left
// them out would restore into a different database.
func (d *dumper) checkUnsupported() error {
	var nsList []uint32
	for _, s := range d.schemas {
		if s.included && !d.tablesOnly() {
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
	global := !d.opts.selective()
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
	doubled := false
	for _, t := range d.sortedTables() {
		if t.kind != "v" || t.obj == nil || t.returnRule == 0 {
			continue
		}
		rule := d.byCat[catKey{pgRewrite, t.returnRule}]
		needsPost := false
		for _, dep := range throughPhantoms(rule) {
			needsPost = needsPost || dep.prio.section() == pgarchive.SectionPostData
		}
		if !needsPost {
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
		// As pg_dump's loop repair: the view no longer waits for its
		// query, which becomes a RULE entry taking the query's
		// dependencies and the view's.
		var keep []*object
		for _, dep := range v.deps {
			if dep != rule {
				keep = append(keep, dep)
			}
		}
		v.deps = keep

		r := d.newObject(prioRule, "RULE", t.name+" _RETURN")
		r.name, r.extra = "_RETURN", t.name
		r.setNS(v.ns)
		r.setCat(pgRewrite, t.returnRule)
		r.setOwner(t.owner)
		r.entry.Defn = pgarchive.Str("CREATE OR REPLACE VIEW " + strings.TrimPrefix(dummy[:strings.Index(dummy, " AS\n")], "CREATE VIEW ") + " AS\n" + t.viewDef + ";\n")
		r.entry.DropStmt = pgarchive.Str("CREATE OR REPLACE " + strings.TrimPrefix(dummy, "CREATE "))
		r.deps = rule.deps
		r.dependOn(v)
		// pg_dump's sort looks for loops from the objects in dump ID order.
		// Data-section statistics take their IDs beside their tables', so
		// when one comes before the view, the long loop through both
		// section boundaries is found before the view's loop with its
		// rule: the rule keeps its link to the view and the repair adds
		// another. It happens once; that repair marks both boundaries
		// done for this round.
		if !doubled && d.firstDataStats != 0 && d.firstDataStats < t.oid {
			r.dependOn(v)
			doubled = true
		}
		d.byCat[catKey{pgRewrite, t.returnRule}] = r
	}
}

// breakTypeFuncLoops drops an I/O function's link to its type, as pg_dump's
// sort does with the loop of a type and a function that depend on each
// other. Only extensions' types are left with such loops here (base types
// of their own are not supported); without this, an object depending on
// the function directly would reach the extension again through the type.
func (d *dumper) breakTypeFuncLoops() {
	for key, typ := range d.byCat {
		if key.class != pgType || !typ.phantom || typ.cat != key {
			continue // not an extension's type, or an array type's alias for it
		}
		for _, f := range typ.deps {
			if f.cat.class != pgProc || !f.phantom {
				continue
			}
			var keep []*object
			for _, dep := range f.deps {
				if dep != typ {
					keep = append(keep, dep)
				}
			}
			f.deps = keep
		}
	}
}
