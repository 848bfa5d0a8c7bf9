package dump

import (
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/pgdrill/pgdrill/pgarchive"
)

func (d *dumper) collectIndexes() error {
	type idx struct {
		oid, rel, conOID, parent    uint32
		name, def, tablespace       string
		clustered, replident, valid bool
		conName, conType, conDef    string
		stats                       []string // "attnum target" of columns with their own statistics target
	}
	var list []idx
	err := d.each("indexes", `SELECT i.indexrelid, i.indrelid, COALESCE(con.oid, 0), COALESCE((SELECT h.inhparent FROM pg_catalog.pg_inherits h WHERE h.inhrelid = i.indexrelid), 0),
		ic.relname, pg_catalog.pg_get_indexdef(i.indexrelid), COALESCE(ts.spcname, ''), i.indisclustered, i.indisreplident, i.indisvalid,
		COALESCE(con.conname, ''), COALESCE(con.contype::text, ''), CASE WHEN con.oid IS NOT NULL THEN pg_catalog.pg_get_constraintdef(con.oid) ELSE '' END,
		ARRAY(SELECT a.attnum || ' ' || a.attstattarget FROM pg_catalog.pg_attribute a WHERE a.attrelid = i.indexrelid AND a.attstattarget >= 0 ORDER BY a.attnum)
		FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
		LEFT JOIN pg_catalog.pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')
		LEFT JOIN pg_catalog.pg_tablespace ts ON ts.oid = ic.reltablespace
		WHERE i.indislive ORDER BY i.indexrelid`, nil, func(r pgx.Rows) error {
		var x idx
		if err := r.Scan(&x.oid, &x.rel, &x.conOID, &x.parent, &x.name, &x.def, &x.tablespace, &x.clustered, &x.replident, &x.valid,
			&x.conName, &x.conType, &x.conDef, &x.stats); err != nil {
			return err
		}
		list = append(list, x)
		return nil
	})
	if err != nil {
		return err
	}
	type attach struct {
		child  *object // the partition's INDEX, or its constraint's index
		index  uint32  // the partition index's own OID
		parent uint32
		table  *table
		name   string
	}
	var attaches []attach
	tableOf := map[uint32]*table{} // by index OID
	d.indexAttaches = map[uint32][]indexAttach{}
	for _, x := range list {
		t := d.tables[x.rel]
		if t == nil || t.obj == nil || (t.kind != "r" && t.kind != "p" && t.kind != "m") {
			continue
		}
		if !x.valid && t.kind != "p" {
			// Left by a failed CREATE INDEX CONCURRENTLY; pg_dump skips it.
			continue
		}
		qidx := d.q.qual(t.obj.ns, x.name)
		tableOf[x.oid] = t
		var o, index *object
		if x.conOID != 0 {
			o = d.newObject(prioConstraint, "CONSTRAINT", t.name+" "+x.conName)
			o.name = x.conName
			o.setCat(pgConstraint, x.conOID)
			o.entry.Defn = pgarchive.Str(fmt.Sprintf("ALTER TABLE ONLY %s\n    ADD CONSTRAINT %s %s;\n", t.qual, d.q.id(x.conName), x.conDef))
			o.entry.DropStmt = pgarchive.Str(fmt.Sprintf("ALTER TABLE ONLY %s DROP CONSTRAINT %s;\n", t.qual, d.q.id(x.conName)))
			o.named("CONSTRAINT", "", d.q.id(x.conName)+" ON "+t.qual, d.q.id(x.conName)+" ON "+d.q.id(t.name))
			d.byCat[catKey{pgConstraint, x.conOID}] = o
			// The index is pg_dump's object too, with its own pg_depend
			// links (to the constraint, the parent index, the table).
			index = d.phantom(pgClass, x.oid)
			index.name = x.name
			index.setNS(t.obj.ns)
		} else {
			o = d.newObject(prioIndex, "INDEX", x.name)
			o.setCat(pgClass, x.oid)
			o.entry.Defn = pgarchive.Str(x.def + ";\n")
			o.entry.DropStmt = pgarchive.Str("DROP INDEX " + qidx + ";\n")
			if x.parent != 0 {
				o.entry.DropStmt = pgarchive.Str("") // goes with its parent index
			}
			o.named("INDEX", "", qidx, d.q.id(x.name))
			index = o
			d.byCat[catKey{pgClass, x.oid}] = o
		}
		o.extra = t.name
		o.setNS(t.obj.ns)
		o.setOwner(t.owner)
		o.entry.Tablespace = pgarchive.Str(x.tablespace)
		defn := o.entry.Defn.String
		if x.clustered {
			defn += fmt.Sprintf("\nALTER TABLE %s CLUSTER ON %s;\n", t.qual, d.q.id(x.name))
		}
		for _, st := range x.stats {
			col, target, _ := strings.Cut(st, " ")
			defn += fmt.Sprintf("ALTER INDEX %s ALTER COLUMN %s SET STATISTICS %s;\n", qidx, col, target)
		}
		if x.replident {
			defn += fmt.Sprintf("\nALTER TABLE ONLY %s REPLICA IDENTITY USING INDEX %s;\n", t.qual, d.q.id(x.name))
		}
		o.entry.Defn = pgarchive.Str(defn)
		idxStats := indexStats{oid: x.oid, index: index, table: t}
		if x.conOID != 0 {
			idxStats.constraint = o
		}
		d.indexes = append(d.indexes, idxStats)
		if x.parent != 0 {
			attaches = append(attaches, attach{child: index, index: x.oid, parent: x.parent, table: t, name: x.name})
		}
	}
	for _, a := range attaches {
		parent, parentTable := d.byCat[catKey{pgClass, a.parent}], tableOf[a.parent]
		if parent == nil || parentTable == nil {
			continue // the parent index's table is not dumped
		}
		o := d.newObject(prioIndexAttach, "INDEX ATTACH", a.name)
		o.setNS(a.child.ns)
		o.setOwner(a.table.owner)
		o.oid = a.child.oid
		o.entry.Defn = pgarchive.Str(fmt.Sprintf("ALTER INDEX %s ATTACH PARTITION %s;\n", d.q.qual(parent.ns, parentIndexName(parent)), d.q.qual(a.child.ns, a.name)))
		// As pg_dump: both indexes and both tables, so that the attach
		// waits for the data of each.
		o.dependOn(a.child, parent, a.table.obj, parentTable.obj)
		d.indexAttaches[a.parent] = append(d.indexAttaches[a.parent], indexAttach{obj: o, child: a.index})
	}
	return nil
}

// indexAttach is an INDEX ATTACH entry and the partition index it attaches.
type indexAttach struct {
	obj   *object
	child uint32
}

// parentIndexName is the index name of an INDEX object or of the index
// behind a CONSTRAINT object.
func parentIndexName(o *object) string {
	if o.entry.Desc == "INDEX" {
		return o.entry.Tag
	}
	return o.name // constraint and index share the name
}

func (d *dumper) collectConstraints() error {
	return d.each("constraints", `SELECT c.oid, c.conrelid, c.conname, c.contype::text, pg_catalog.pg_get_constraintdef(c.oid), c.convalidated, c.conislocal, c.conparentid,
		c.conindid, c.confrelid
		FROM pg_catalog.pg_constraint c WHERE c.conrelid <> 0 AND c.contype IN ('c', 'f'`+ifVersion(d.serverNum >= 180000, ", 'n'", "")+`) ORDER BY c.oid`, nil, func(r pgx.Rows) error {
		var oid, rel, parent, index, refRel uint32
		var name, typ, def string
		var valid, local bool
		if err := r.Scan(&oid, &rel, &name, &typ, &def, &valid, &local, &parent, &index, &refRel); err != nil {
			return err
		}
		t := d.tables[rel]
		if t == nil || t.obj == nil || (t.kind != "r" && t.kind != "p") {
			return nil
		}
		switch {
		case typ == "n" && (valid || !local):
			// PostgreSQL 18: part of its column in CREATE TABLE
		case typ == "n":
			// A NOT VALID NOT NULL constraint comes after the data, as
			// pg_dump 18 writes it.
			o := d.onTable(t, prioConstraint, "CONSTRAINT", "CONSTRAINT", name, pgConstraint, oid)
			o.entry.Defn = pgarchive.Str(fmt.Sprintf("ALTER TABLE %s\n    ADD CONSTRAINT %s %s;\n", t.qual, d.q.id(name), def))
			o.entry.DropStmt = pgarchive.Str(fmt.Sprintf("ALTER TABLE %s DROP CONSTRAINT %s;\n", t.qual, d.q.id(name)))
		case typ == "c" && !local:
			// inherited: created with the parent
		case typ == "c" && valid:
			t.checks = append(t.checks, &check{oid: oid, name: name, def: def, validated: true})
			d.byCat[catKey{pgConstraint, oid}] = t.obj
		case typ == "c":
			o := d.onTable(t, prioConstraint, "CHECK CONSTRAINT", "CONSTRAINT", name, pgConstraint, oid)
			o.entry.Defn = pgarchive.Str(fmt.Sprintf("ALTER TABLE %s\n    ADD CONSTRAINT %s %s;\n", t.qual, d.q.id(name), def))
			o.entry.DropStmt = pgarchive.Str(fmt.Sprintf("ALTER TABLE %s DROP CONSTRAINT %s;\n", t.qual, d.q.id(name)))
		case typ == "f" && parent != 0:
			// cloned onto a partition from its partitioned parent
		default:
			only := "ONLY "
			if t.kind == "p" {
				only = ""
			}
			o := d.onTable(t, prioFKConstraint, "FK CONSTRAINT", "CONSTRAINT", name, pgConstraint, oid)
			o.entry.Defn = pgarchive.Str(fmt.Sprintf("ALTER TABLE %s%s\n    ADD CONSTRAINT %s %s;\n", only, t.qual, d.q.id(name), def))
			o.entry.DropStmt = pgarchive.Str(fmt.Sprintf("ALTER TABLE %s%s DROP CONSTRAINT %s;\n", only, t.qual, d.q.id(name)))
			// A partitioned unique index is usable only once every
			// partition's index is attached, so wait for the attaches.
			var attached func(idx uint32)
			attached = func(idx uint32) {
				for _, a := range d.indexAttaches[idx] {
					o.dependOn(a.obj)
					attached(a.child)
				}
			}
			attached(index)
			// A data-only restore has the constraints in place: load the
			// referenced table first, as pg_dump orders it.
			if ref := d.tables[refRel]; !d.dumpSchema && ref != nil && ref != t && ref.data != nil && t.data != nil {
				t.data.dependOn(ref.data)
			}
		}
		return nil
	})
}

// onTable makes the object of a constraint, trigger, rule or policy called
// name on table t, as pg_dump lists them: tagged "table name", in the
// table's schema with its owner, commented on as "TYPE name ON table", and
// found by its catalog row (class, oid).
func (d *dumper) onTable(t *table, p prio, desc, commentType, name string, class, oid uint32) *object {
	o := d.newObject(p, desc, t.name+" "+name)
	o.name, o.extra = name, t.name
	o.setNS(t.obj.ns)
	o.setCat(class, oid)
	o.setOwner(t.owner)
	o.named(commentType, "", d.q.id(name)+" ON "+t.qual, d.q.id(name)+" ON "+d.q.id(t.name))
	d.byCat[catKey{class, oid}] = o
	return o
}

func (d *dumper) collectTriggers() error {
	return d.each("triggers", `SELECT t.oid, t.tgrelid, t.tgname, pg_catalog.pg_get_triggerdef(t.oid, false), t.tgenabled::text
		FROM pg_catalog.pg_trigger t WHERE NOT t.tgisinternal AND t.tgparentid = 0 ORDER BY t.oid`, nil, func(r pgx.Rows) error {
		var oid, rel uint32
		var name, def, enabled string
		if err := r.Scan(&oid, &rel, &name, &def, &enabled); err != nil {
			return err
		}
		t := d.tables[rel]
		if t == nil || t.obj == nil {
			return nil
		}
		o := d.onTable(t, prioTrigger, "TRIGGER", "TRIGGER", name, pgTrigger, oid)
		o.entry.Defn = pgarchive.Str(def + ";\n" + d.firingState("TRIGGER", t.qual, name, enabled))
		o.entry.DropStmt = pgarchive.Str(fmt.Sprintf("DROP TRIGGER %s ON %s;\n", d.q.id(name), t.qual))
		return nil
	})
}

// firingState is the ALTER TABLE that pg_dump appends to a trigger's or
// rule's definition when it does not fire in the default (origin) mode:
// enabled is the catalog's tgenabled/ev_enabled letter.
func (d *dumper) firingState(kind, table, name, enabled string) string {
	var state string
	switch enabled {
	case "D":
		state = "DISABLE"
	case "A":
		state = "ENABLE ALWAYS"
	case "R":
		state = "ENABLE REPLICA"
	default:
		return ""
	}
	return fmt.Sprintf("\nALTER TABLE %s %s %s %s;\n", table, state, kind, d.q.id(name))
}

func (d *dumper) collectRules() error {
	return d.each("rules", `SELECT r.oid, r.ev_class, r.rulename, pg_catalog.pg_get_ruledef(r.oid), r.ev_enabled::text
		FROM pg_catalog.pg_rewrite r
		WHERE r.oid >= 16384 -- system views' rules are never dumped; skipping them saves pg_get_ruledef on each
		ORDER BY r.oid`, nil, func(r pgx.Rows) error {
		var oid, rel uint32
		var name, def, enabled string
		if err := r.Scan(&oid, &rel, &name, &def, &enabled); err != nil {
			return err
		}
		t := d.tables[rel]
		if t == nil || t.obj == nil {
			return nil
		}
		if name == "_RETURN" {
			// A view's own query: written inside CREATE VIEW, but pg_dump
			// keeps the rule as an object of its own, with the
			// dependencies of the query, for the view to depend on.
			t.obj.dependOn(d.phantom(pgRewrite, oid))
			t.returnRule = oid
			return nil
		}
		o := d.onTable(t, prioRule, "RULE", "RULE", name, pgRewrite, oid)
		o.entry.Defn = pgarchive.Str(def + "\n" + d.firingState("RULE", t.qual, name, enabled))
		o.entry.DropStmt = pgarchive.Str(fmt.Sprintf("DROP RULE %s ON %s;\n", d.q.id(name), t.qual))
		o.dependOn(t.obj)
		return nil
	})
}

func (d *dumper) collectPolicies() error {
	for _, t := range d.sortedTables() {
		if t.obj == nil || !t.rowSecurity {
			continue
		}
		o := d.newObject(prioPolicy, "ROW SECURITY", t.name)
		o.setNS(t.obj.ns)
		o.setOwner(t.owner)
		o.oid = t.oid
		// pg_dump writes this one without a final newline.
		o.entry.Defn = pgarchive.Str(fmt.Sprintf("ALTER TABLE %s ENABLE ROW LEVEL SECURITY;", t.qual))
		o.entry.OID = t.oid
		o.dependOn(t.obj)
		o.verbatimDeps(t.obj)
	}
	return d.each("policies", `SELECT p.oid, p.polrelid, p.polname, p.polcmd::text, p.polpermissive,
		CASE WHEN p.polroles = '{0}' THEN NULL ELSE pg_catalog.array_to_string(ARRAY(SELECT pg_catalog.quote_ident(rolname) FROM pg_catalog.pg_roles WHERE oid = ANY(p.polroles)), ', ') END,
		pg_catalog.pg_get_expr(p.polqual, p.polrelid), pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid)
		FROM pg_catalog.pg_policy p ORDER BY p.oid`, nil, func(r pgx.Rows) error {
		var oid, rel uint32
		var name, cmd string
		var permissive bool
		var roles, qual, check *string
		if err := r.Scan(&oid, &rel, &name, &cmd, &permissive, &roles, &qual, &check); err != nil {
			return err
		}
		t := d.tables[rel]
		if t == nil || t.obj == nil {
			return nil
		}
		o := d.onTable(t, prioPolicy, "POLICY", "POLICY", name, pgPolicy, oid)
		defn := fmt.Sprintf("CREATE POLICY %s ON %s", d.q.id(name), t.qual)
		if !permissive {
			defn += " AS RESTRICTIVE"
		}
		defn += map[string]string{"r": " FOR SELECT", "a": " FOR INSERT", "w": " FOR UPDATE", "d": " FOR DELETE"}[cmd]
		if roles != nil {
			defn += " TO " + *roles
		}
		if qual != nil {
			defn += " USING (" + *qual + ")"
		}
		if check != nil {
			defn += " WITH CHECK (" + *check + ")"
		}
		o.entry.Defn = pgarchive.Str(defn + ";\n")
		o.entry.DropStmt = pgarchive.Str(fmt.Sprintf("DROP POLICY %s ON %s;\n", d.q.id(name), t.qual))
		return nil
	})
}
