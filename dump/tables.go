package dump

import (
	"fmt"
	"sort"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/pgdrill/pgdrill/pgarchive"
)

// table is a relation of kind r, p, v, m or S (sequence).
type table struct {
	oid, ns, reltype   uint32
	name, owner        string
	kind, persistence  string
	acl, base          []string
	isPartition        bool
	partBound, partKey string
	reloptions         []string
	checkOption        string
	am, tablespace     string
	rowSecurity, force bool
	replident          string
	ofType             uint32
	parents            []uint32
	populated          bool
	foreignServer      string // FOREIGN TABLE: its server
	foreignOptions     string // and its options, as optionList writes them
	returnRule         uint32 // a view's _RETURN rule
	viewDef            string // CREATE VIEW's text after "AS\n", without the final ";\n"

	cols    []*column
	checks  []*check
	obj     *object
	data    *object
	refresh *object // a materialized view's MATERIALIZED VIEW DATA
	qual    string

	// Sequence details (kind S).
	seq *sequence
}

type column struct {
	num                 int16
	name, typ           string
	notnull, islocal    bool
	inhcount            int
	def                 *string
	defOID              uint32
	defDeps             []*object
	separate            bool // the default is its own DEFAULT entry
	identity, generated string
	coll                *string
	storage, typstorage string
	compression         string // attcompression: "" default, p pglz, l lz4
	stattarget          int
	options             []string
	fdwOptions          string // a foreign table column's options
	acl                 []string
	inhNotNull          bool
	// PostgreSQL 18 keeps NOT NULL as a named constraint: its name (nil
	// when the column has none), NO INHERIT and whether it is defined in
	// this table rather than only inherited.
	nnName      *string
	nnNoInherit bool
	nnIsLocal   bool
}

type check struct {
	oid        uint32
	name, def  string
	validated  bool
	separateOf *object
}

type sequence struct {
	typ                          string
	start, incr, max, min, cache int64
	cycle                        bool
	ownerTable                   uint32
	ownerCol                     int16
	identity                     string // 'a' or 'd' for identity sequences
	last                         int64
	called                       bool
}

func (d *dumper) relSelected(oid, nsOID uint32) bool {
	s := d.schemas[nsOID]
	return d.sel.tableIncluded(oid, s != nil && s.included)
}

func (d *dumper) collectTables() error {
	d.tables = map[uint32]*table{}
	var list []*table
	err := d.each("relations", `SELECT c.oid, c.relnamespace, c.reltype, c.relname, pg_catalog.pg_get_userbyid(c.relowner), c.relkind::text, c.relpersistence::text,
		c.relacl::text[], pg_catalog.acldefault(CASE WHEN c.relkind = 'S' THEN 's'::"char" ELSE 'r'::"char" END, c.relowner)::text[],
		c.relispartition, COALESCE(pg_catalog.pg_get_expr(c.relpartbound, c.oid), ''),
		CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) ELSE '' END,
		ARRAY(SELECT o FROM pg_catalog.unnest(c.reloptions) o WHERE o !~ '^check_option='),
		COALESCE((SELECT pg_catalog.substring(o, 14) FROM pg_catalog.unnest(c.reloptions) o WHERE o ~ '^check_option='), ''),
		COALESCE(am.amname, ''), COALESCE(ts.spcname, ''), c.relrowsecurity, c.relforcerowsecurity, c.relreplident::text, c.reloftype,
		COALESCE((SELECT pg_catalog.array_agg(i.inhparent ORDER BY i.inhseqno) FROM pg_catalog.pg_inherits i WHERE i.inhrelid = c.oid), '{}'),
		c.relispopulated
		FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_am am ON am.oid = c.relam
		LEFT JOIN pg_catalog.pg_tablespace ts ON ts.oid = c.reltablespace
		WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND NOT `+extensionMember("pg_catalog.pg_class", "c.oid")+`
		ORDER BY c.oid`, nil, func(r pgx.Rows) error {
		t := &table{}
		if err := r.Scan(&t.oid, &t.ns, &t.reltype, &t.name, &t.owner, &t.kind, &t.persistence, &t.acl, &t.base,
			&t.isPartition, &t.partBound, &t.partKey, &t.reloptions, &t.checkOption, &t.am, &t.tablespace,
			&t.rowSecurity, &t.force, &t.replident, &t.ofType, &t.parents, &t.populated); err != nil {
			return err
		}
		list = append(list, t)
		return nil
	})
	if err != nil {
		return err
	}
	// Owned sequences go with their table: find the owners first.
	owners := map[uint32][3]string{}
	err = d.each("sequence owners", `SELECT d.objid, d.refobjid, d.refobjsubid, d.deptype::text FROM pg_catalog.pg_depend d
		JOIN pg_catalog.pg_class s ON s.oid = d.objid AND s.relkind = 'S'
		WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
		AND d.deptype IN ('a', 'i') AND d.refobjsubid > 0`, nil, func(r pgx.Rows) error {
		var seq, tbl uint32
		var col int16
		var typ string
		if err := r.Scan(&seq, &tbl, &col, &typ); err != nil {
			return err
		}
		owners[seq] = [3]string{fmt.Sprint(tbl), fmt.Sprint(col), typ}
		return nil
	})
	if err != nil {
		return err
	}
	selected := map[uint32]bool{}
	for _, t := range list {
		selected[t.oid] = d.relSelected(t.oid, t.ns)
	}
	for _, t := range list {
		if t.kind == "S" {
			if ow, ok := owners[t.oid]; ok {
				var tbl uint32
				fmt.Sscan(ow[0], &tbl)
				// pg_dump's getOwnedSeqs: an owned sequence goes with its
				// table; an identity sequence never without it.
				switch {
				case selected[tbl]:
					selected[t.oid] = true
				case ow[2] == "i":
					selected[t.oid] = false
				}
			}
		}
		if !selected[t.oid] {
			continue
		}
		ns := d.nsName(t.ns)
		t.qual = d.q.qual(ns, t.name)
		if t.ofType != 0 {
			return fmt.Errorf("dump: TABLE %s: typed tables (OF type) are not supported", t.qual)
		}
		d.tables[t.oid] = t
		if t.kind == "S" {
			if ow, ok := owners[t.oid]; ok {
				t.seq = &sequence{}
				fmt.Sscan(ow[0], &t.seq.ownerTable)
				fmt.Sscan(ow[1], &t.seq.ownerCol)
				if ow[2] == "i" {
					t.seq.identity = "?"
				}
			}
		}
	}
	if err := d.collectColumns(); err != nil {
		return err
	}
	for _, t := range list {
		if d.tables[t.oid] == nil {
			continue
		}
		var err error
		switch t.kind {
		case "r", "p":
			err = d.tableObject(t)
		case "v", "m":
			err = d.viewObject(t)
		case "S":
			err = d.sequenceObject(t)
		case "f":
			err = d.foreignTableObject(t)
		}
		if err != nil {
			return err
		}
	}
	d.unselectedRelations(list)
	return d.collectAttach()
}

// unselectedRelations gives the relations of user schemas that the
// selection leaves out an excluded object each: pg_dump sorts its unselected
// objects too, so an unselected partition, which must follow its parent,
// still pulls that parent ahead of what sorts between them.
func (d *dumper) unselectedRelations(list []*table) {
	for _, t := range list {
		s := d.schemas[t.ns]
		if d.tables[t.oid] != nil || s == nil || systemSchema(s.name) || strings.IndexByte("rpvmf", t.kind[0]) < 0 {
			continue
		}
		o := d.newObject(prioTable, "TABLE", t.name)
		o.setNS(s.name)
		o.setCat(pgClass, t.oid)
		o.excluded = true
		d.byCat[catKey{pgClass, t.oid}] = o
		for _, p := range t.parents {
			if pt := d.tables[p]; pt != nil && pt.obj != nil {
				o.dependOn(pt.obj)
			}
		}
	}
}

func (d *dumper) collectColumns() error {
	return d.each("columns", `SELECT a.attrelid, a.attnum, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attislocal, a.attinhcount,
		pg_catalog.pg_get_expr(ad.adbin, ad.adrelid), COALESCE(ad.oid, 0), a.attidentity::text, a.attgenerated::text,
		CASE WHEN a.attcollation <> t.typcollation THEN (SELECT pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(co.collname)
			FROM pg_catalog.pg_collation co JOIN pg_catalog.pg_namespace n ON n.oid = co.collnamespace WHERE co.oid = a.attcollation) END,
		a.attstorage::text, t.typstorage::text, `+ifVersion(d.serverNum >= 140000, "a.attcompression::text", "''")+`, COALESCE(a.attstattarget, -1),
		-- pg_attver is an option the server keeps itself (PostgreSQL 17.12
		-- sets it on every column); pg_dump 17.12 leaves it out, and SET
		-- refuses it.
		ARRAY(SELECT o FROM pg_catalog.unnest(a.attoptions) o WHERE pg_catalog.substr(o, 1, 10) <> 'pg_attver='), a.attacl::text[],
		EXISTS (SELECT 1 FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_attribute pa ON pa.attrelid = i.inhparent AND pa.attname = a.attname
			WHERE i.inhrelid = a.attrelid AND pa.attnotnull),
		`+ifVersion(d.serverNum >= 180000, "nn.conname, COALESCE(nn.connoinherit, false), COALESCE(nn.conislocal, false)", "NULL::name, false, false")+`
		FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
		LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
		`+ifVersion(d.serverNum >= 180000, "LEFT JOIN pg_catalog.pg_constraint nn ON nn.conrelid = a.attrelid AND nn.contype = 'n' AND nn.conkey = ARRAY[a.attnum] AND nn.convalidated", "")+`
		WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND a.attnum > 0 AND NOT a.attisdropped
		ORDER BY a.attrelid, a.attnum`, nil, func(r pgx.Rows) error {
		var rel uint32
		c := &column{}
		if err := r.Scan(&rel, &c.num, &c.name, &c.typ, &c.notnull, &c.islocal, &c.inhcount, &c.def, &c.defOID,
			&c.identity, &c.generated, &c.coll, &c.storage, &c.typstorage, &c.compression, &c.stattarget, &c.options, &c.acl, &c.inhNotNull,
			&c.nnName, &c.nnNoInherit, &c.nnIsLocal); err != nil {
			return err
		}
		if t := d.tables[rel]; t != nil {
			t.cols = append(t.cols, c)
		}
		return nil
	})
}

// relObject creates the TABLE/VIEW/... object of t.
func (d *dumper) relObject(t *table, p prio, desc string) *object {
	ns := d.nsName(t.ns)
	o := d.newObject(p, desc, t.name)
	o.setNS(ns)
	o.setCat(pgClass, t.oid)
	o.setOwner(t.owner)
	t.obj = o
	d.byCat[catKey{pgClass, t.oid}] = o
	if t.reltype != 0 {
		d.byCat[catKey{pgType, t.reltype}] = o
	}
	return o
}

// printColumn is pg_dump's shouldPrintColumn: inherited columns are left
// to INHERITS, except in partitions, which are created whole and attached.
func (t *table) printColumn(c *column) bool { return c.islocal || t.isPartition }

func (d *dumper) tableObject(t *table) error {
	o := d.relObject(t, prioTable, "TABLE")
	o.entry.Relkind = int(t.kind[0])
	o.entry.Tablespace = pgarchive.Str(t.tablespace)
	if t.am != "" {
		o.entry.TableAM = pgarchive.Str(t.am)
	}
	o.named("TABLE", "TABLE", t.qual, d.q.id(t.name))
	o.acl, o.baseACL, o.aclOwner = t.acl, t.base, t.owner
	o.entry.DropStmt = pgarchive.Str("DROP TABLE " + t.qual + ";\n")
	o.table = t

	if d.tableData(t.oid) && t.kind == "r" {
		data := d.newObject(prioTableData, "TABLE DATA", t.name)
		data.setNS(o.ns)
		data.entry.OID, data.oid = t.oid, t.oid
		data.setOwner(t.owner)
		data.entry.HadDumper = true
		data.table = t
		data.dependOn(o)
		// pg_restore finds a TABLE DATA's table as its one dependency.
		data.verbatimDeps(o)
		var cols []string
		for _, c := range t.cols {
			if c.generated == "" {
				cols = append(cols, d.q.id(c.name))
			}
		}
		list := ""
		if len(cols) > 0 {
			list = "(" + strings.Join(cols, ", ") + ")"
		}
		data.entry.CopyStmt = pgarchive.Str(fmt.Sprintf("COPY %s %s FROM stdin;\n", t.qual, list))
		t.data = data
	}
	return nil
}

// notNullName is the name to write for column c's NOT NULL constraint:
// "" for the name the server would choose itself (table_column_not_null),
// which pg_dump 18 leaves out.
func (d *dumper) notNullName(t *table, c *column) string {
	if c.nnName == nil || *c.nnName == t.name+"_"+c.name+"_not_null" {
		return ""
	}
	return *c.nnName
}

// tableDefn builds CREATE TABLE once defaults have been placed (inline or
// separate), which needs the dependency graph.
func (d *dumper) tableDefn(t *table) string {
	var b strings.Builder
	kw := "TABLE"
	if t.persistence == "u" {
		kw = "UNLOGGED TABLE"
	}
	fmt.Fprintf(&b, "CREATE %s %s", kw, t.qual)
	n := 0
	named := d.serverNum >= 180000 // NOT NULL constraints with names
	for _, c := range t.cols {
		if !t.printColumn(c) {
			// PostgreSQL 18: an inherited column's own NOT NULL constraint
			// is a table constraint item, as pg_dump 18 writes it (the name
			// unquoted, as pg_dump does).
			if named && c.nnName != nil && c.nnIsLocal {
				if n == 0 {
					b.WriteString(" (")
				} else {
					b.WriteString(",")
				}
				n++
				if name := d.notNullName(t, c); name == "" {
					b.WriteString("\n    NOT NULL " + d.q.id(c.name))
				} else {
					b.WriteString("\n    CONSTRAINT " + name + " NOT NULL " + d.q.id(c.name))
				}
			}
			continue
		}
		if n == 0 {
			b.WriteString(" (")
		} else {
			b.WriteString(",")
		}
		n++
		b.WriteString("\n    " + d.q.id(c.name) + " " + c.typ)
		if c.coll != nil {
			b.WriteString(" COLLATE " + *c.coll)
		}
		if c.def != nil && c.generated == "s" {
			fmt.Fprintf(&b, " GENERATED ALWAYS AS (%s) STORED", *c.def)
		} else if c.def != nil && c.generated == "v" {
			fmt.Fprintf(&b, " GENERATED ALWAYS AS (%s)", *c.def) // VIRTUAL, PostgreSQL 18's default kind
		} else if c.def != nil && !c.separate {
			b.WriteString(" DEFAULT " + *c.def)
		}
		switch {
		case named:
			if c.nnName != nil && (c.nnIsLocal || t.isPartition) {
				if name := d.notNullName(t, c); name == "" {
					b.WriteString(" NOT NULL")
				} else {
					b.WriteString(" CONSTRAINT " + d.q.id(name) + " NOT NULL")
				}
				if c.nnNoInherit {
					b.WriteString(" NO INHERIT")
				}
			}
		case c.notnull && (!c.inhNotNull || t.isPartition):
			b.WriteString(" NOT NULL")
		}
	}
	for _, ck := range t.checks {
		if ck.separateOf != nil {
			continue
		}
		if n == 0 {
			b.WriteString(" (")
		} else {
			b.WriteString(",")
		}
		n++
		fmt.Fprintf(&b, "\n    CONSTRAINT %s %s", d.q.id(ck.name), ck.def)
	}
	if n == 0 {
		b.WriteString(" (")
	}
	b.WriteString("\n)")
	if len(t.parents) > 0 && !t.isPartition {
		var ps []string
		for _, p := range t.parents {
			ps = append(ps, d.relName(p))
		}
		b.WriteString("\nINHERITS (" + strings.Join(ps, ", ") + ")")
	}
	if t.kind == "p" {
		b.WriteString("\nPARTITION BY " + t.partKey)
	}
	if len(t.reloptions) > 0 {
		b.WriteString("\nWITH (" + relOptions(t.reloptions) + ")")
	}
	b.WriteString(";\n")
	for _, c := range t.cols {
		if !t.printColumn(c) {
			// An inherited column made NOT NULL in this table only
			// (before 18; 18 wrote it in CREATE TABLE above).
			if !named && c.notnull && !c.inhNotNull {
				fmt.Fprintf(&b, "ALTER TABLE ONLY %s ALTER COLUMN %s SET NOT NULL;\n", t.qual, d.q.id(c.name))
			}
			continue
		}
		if c.stattarget >= 0 {
			fmt.Fprintf(&b, "ALTER TABLE ONLY %s ALTER COLUMN %s SET STATISTICS %d;\n", t.qual, d.q.id(c.name), c.stattarget)
		}
		if c.storage != c.typstorage {
			s := map[string]string{"p": "PLAIN", "e": "EXTERNAL", "m": "MAIN", "x": "EXTENDED"}[c.storage]
			fmt.Fprintf(&b, "ALTER TABLE ONLY %s ALTER COLUMN %s SET STORAGE %s;\n", t.qual, d.q.id(c.name), s)
		}
		switch c.compression {
		case "p":
			fmt.Fprintf(&b, "ALTER TABLE ONLY %s ALTER COLUMN %s SET COMPRESSION pglz;\n", t.qual, d.q.id(c.name))
		case "l":
			fmt.Fprintf(&b, "ALTER TABLE ONLY %s ALTER COLUMN %s SET COMPRESSION lz4;\n", t.qual, d.q.id(c.name))
		}
		if len(c.options) > 0 {
			fmt.Fprintf(&b, "ALTER TABLE ONLY %s ALTER COLUMN %s SET (%s);\n", t.qual, d.q.id(c.name), strings.Join(c.options, ", "))
		}
	}
	switch t.replident {
	case "n":
		if t.kind == "f" {
			break // foreign tables have no replica identity of their own
		}
		fmt.Fprintf(&b, "\nALTER TABLE ONLY %s REPLICA IDENTITY NOTHING;\n", t.qual)
	case "f":
		fmt.Fprintf(&b, "\nALTER TABLE ONLY %s REPLICA IDENTITY FULL;\n", t.qual)
	}
	if t.force {
		fmt.Fprintf(&b, "\nALTER TABLE ONLY %s FORCE ROW LEVEL SECURITY;\n", t.qual)
	}
	return b.String()
}

// sortedTables lists the dumped relations by OID, so dump IDs come out the
// same from run to run.
func (d *dumper) sortedTables() []*table {
	out := make([]*table, 0, len(d.tables))
	for _, t := range d.tables {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].oid < out[j].oid })
	return out
}

// relName is the qualified name of a relation by OID, dumped or not.
func (d *dumper) relName(oid uint32) string {
	if t := d.tables[oid]; t != nil {
		return t.qual
	}
	var ns, name string
	if err := d.tx.QueryRow(d.ctx, `SELECT n.nspname, c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = $1`, oid).Scan(&ns, &name); err != nil {
		return fmt.Sprintf("pg_class %d", oid)
	}
	return d.q.qual(ns, name)
}

func (d *dumper) viewObject(t *table) error {
	desc, p := "VIEW", prioTable
	if t.kind == "m" {
		desc = "MATERIALIZED VIEW"
	}
	o := d.relObject(t, p, desc)
	o.entry.Relkind = int(t.kind[0])
	o.named(desc, "TABLE", t.qual, d.q.id(t.name))
	o.acl, o.baseACL, o.aclOwner = t.acl, t.base, t.owner
	o.entry.DropStmt = pgarchive.Str(fmt.Sprintf("DROP %s %s;\n", desc, t.qual))
	o.table = t // for column comments and ACLs
	var def string
	if err := d.tx.QueryRow(d.ctx, "SELECT pg_catalog.pg_get_viewdef($1::pg_catalog.oid)", t.oid).Scan(&def); err != nil {
		return fmt.Errorf("dump: %s %s: %w", desc, t.qual, err)
	}
	def = strings.TrimSuffix(def, ";")
	var b strings.Builder
	if t.kind == "v" {
		fmt.Fprintf(&b, "CREATE VIEW %s", t.qual)
		if len(t.reloptions) > 0 {
			b.WriteString(" WITH (" + relOptions(t.reloptions) + ")")
		}
		b.WriteString(" AS\n")
		t.viewDef = def
		if t.checkOption != "" {
			t.viewDef += fmt.Sprintf("\n  WITH %s CHECK OPTION", strings.ToUpper(t.checkOption))
		}
		b.WriteString(t.viewDef + ";\n")
	} else {
		o.entry.Tablespace = pgarchive.Str(t.tablespace)
		if t.am != "" {
			o.entry.TableAM = pgarchive.Str(t.am)
		}
		fmt.Fprintf(&b, "CREATE MATERIALIZED VIEW %s", t.qual)
		if len(t.reloptions) > 0 {
			b.WriteString(" WITH (" + relOptions(t.reloptions) + ")")
		}
		b.WriteString(" AS\n" + def + "\n  WITH NO DATA;\n")
		// pg_dump refreshes only materialized views that hold data; it
		// still makes (and sorts) the object of an unpopulated one, on
		// which the view's statistics depend.
		if d.tableData(t.oid) {
			ref := d.newObject(prioRefreshMatview, "MATERIALIZED VIEW DATA", t.name)
			ref.setNS(o.ns)
			ref.entry.OID, ref.oid = t.oid, t.oid
			ref.setOwner(t.owner)
			ref.entry.Defn = pgarchive.Str("REFRESH MATERIALIZED VIEW " + t.qual + ";\n")
			ref.dependOn(o)
			ref.excluded = !t.populated
			t.refresh = ref
		}
	}
	o.entry.Defn = pgarchive.Str(b.String())
	return nil
}

func (d *dumper) sequenceObject(t *table) error {
	s := t.seq
	if s == nil {
		s = &sequence{}
		t.seq = s
	}
	err := d.tx.QueryRow(d.ctx, `SELECT pg_catalog.format_type(seqtypid, NULL), seqstart, seqincrement, seqmax, seqmin, seqcache, seqcycle
		FROM pg_catalog.pg_sequence WHERE seqrelid = $1`, t.oid).Scan(&s.typ, &s.start, &s.incr, &s.max, &s.min, &s.cache, &s.cycle)
	if err != nil {
		return fmt.Errorf("dump: SEQUENCE %s: %w", t.qual, err)
	}
	if err := d.tx.QueryRow(d.ctx, "SELECT last_value, is_called FROM "+t.qual).Scan(&s.last, &s.called); err != nil {
		return fmt.Errorf("dump: SEQUENCE %s: read last value: %w", t.qual, err)
	}
	o := d.relObject(t, prioTable, "SEQUENCE")
	o.named("SEQUENCE", "SEQUENCE", t.qual, d.q.id(t.name))
	o.acl, o.baseACL, o.aclOwner = t.acl, t.base, t.owner

	defMin, defMax := int64(1), typeMax(s.typ)
	if s.incr < 0 {
		defMin, defMax = typeMin(s.typ), -1
	}
	var b strings.Builder
	var owner *table
	var ownerCol *column
	if s.ownerTable != 0 {
		owner = d.tables[s.ownerTable]
		if owner != nil {
			for _, c := range owner.cols {
				if c.num == s.ownerCol {
					ownerCol = c
				}
			}
		}
	}
	identity := s.identity != "" && owner != nil && ownerCol != nil && ownerCol.identity != ""
	if identity {
		gen := "ALWAYS"
		if ownerCol.identity == "d" {
			gen = "BY DEFAULT"
		}
		fmt.Fprintf(&b, "ALTER TABLE %s ALTER COLUMN %s ADD GENERATED %s AS IDENTITY (\n    SEQUENCE NAME %s\n", owner.qual, d.q.id(ownerCol.name), gen, t.qual)
		o.entry.DropStmt = pgarchive.Str("") // dropped with its column, as pg_dump records it
	} else {
		kw := "SEQUENCE"
		if t.persistence == "u" {
			kw = "UNLOGGED SEQUENCE"
		}
		fmt.Fprintf(&b, "CREATE %s %s\n", kw, t.qual)
		if s.typ != "bigint" {
			fmt.Fprintf(&b, "    AS %s\n", s.typ)
		}
		o.entry.DropStmt = pgarchive.Str("DROP SEQUENCE " + t.qual + ";\n")
	}
	fmt.Fprintf(&b, "    START WITH %d\n    INCREMENT BY %d\n", s.start, s.incr)
	if s.min != defMin {
		fmt.Fprintf(&b, "    MINVALUE %d\n", s.min)
	} else {
		b.WriteString("    NO MINVALUE\n")
	}
	if s.max != defMax {
		fmt.Fprintf(&b, "    MAXVALUE %d\n", s.max)
	} else {
		b.WriteString("    NO MAXVALUE\n")
	}
	fmt.Fprintf(&b, "    CACHE %d", s.cache)
	if s.cycle {
		b.WriteString("\n    CYCLE")
	}
	if identity {
		b.WriteString("\n);\n")
	} else {
		b.WriteString(";\n")
	}
	o.entry.Defn = pgarchive.Str(b.String())

	if !identity && owner != nil && ownerCol != nil {
		d.child(o, "SEQUENCE OWNED BY", t.name, pgarchive.SectionPreData,
			fmt.Sprintf("ALTER SEQUENCE %s OWNED BY %s.%s;\n", t.qual, owner.qual, d.q.id(ownerCol.name)))
	}
	if d.sequenceData(t.oid) {
		set := d.newObject(prioSequenceSet, "SEQUENCE SET", t.name)
		set.setNS(o.ns)
		set.setOwner(t.owner)
		set.entry.Defn = pgarchive.Str(fmt.Sprintf("SELECT pg_catalog.setval(%s, %d, %t);\n", literal(t.qual), s.last, s.called))
		set.dependOn(o)
		set.verbatimDeps(o)
	}
	return nil
}

func typeMax(typ string) int64 {
	switch typ {
	case "smallint":
		return 1<<15 - 1
	case "integer":
		return 1<<31 - 1
	}
	return 1<<63 - 1
}

func typeMin(typ string) int64 {
	switch typ {
	case "smallint":
		return -1 << 15
	case "integer":
		return -1 << 31
	}
	return -1 << 63
}

// collectAttach makes the TABLE ATTACH entries of partitions.
func (d *dumper) collectAttach() error {
	for _, t := range d.sortedTables() {
		if !t.isPartition || t.obj == nil || len(t.parents) == 0 {
			continue
		}
		// As pg_dump's flagInhTables: every dumped partition is attached,
		// even when its parent is left out (-n, -T).
		o := d.newObject(prioTableAttach, "TABLE ATTACH", t.name)
		o.setNS(t.obj.ns)
		o.setOwner(t.owner)
		o.oid = t.oid
		o.entry.Defn = pgarchive.Str(fmt.Sprintf("ALTER TABLE ONLY %s ATTACH PARTITION %s %s;\n", d.relName(t.parents[0]), t.qual, t.partBound))
		if parent := d.tables[t.parents[0]]; parent != nil {
			o.dependOn(parent.obj, t.obj)
		} else {
			o.dependOn(t.obj)
		}
	}
	return nil
}

// separateDefault reports whether a column default must be its own DEFAULT
// entry: when what it uses depends on the table itself (a serial column's
// sequence, owned by the table), so it cannot be created with the table.
func (d *dumper) separateDefault(t *table, c *column) bool {
	if t.kind == "v" || !t.printColumn(c) {
		return true // views take defaults by ALTER; so do columns CREATE leaves to INHERITS
	}
	for _, dep := range c.defDeps {
		// The default's own link to its column is no loop.
		if dep != t.obj && reaches(dep, t.obj, map[*object]bool{}) {
			return true
		}
	}
	return false
}

// reaches reports whether from depends, directly or not, on to.
func reaches(from, to *object, seen map[*object]bool) bool {
	if from == to {
		return true
	}
	if seen[from] {
		return false
	}
	seen[from] = true
	for _, d := range from.deps {
		if reaches(d, to, seen) {
			return true
		}
	}
	return false
}

// finishTables runs once dependencies are known: it places each default
// inline or in a DEFAULT entry and writes the CREATE TABLE text.
func (d *dumper) finishTables() {
	for _, t := range d.sortedTables() {
		if t.obj == nil || (t.kind != "r" && t.kind != "p" && t.kind != "v" && t.kind != "f") {
			continue
		}
		for _, c := range t.cols {
			if c.def != nil && c.generated != "" {
				t.obj.dependOn(c.defDeps...) // generation expressions stay in CREATE TABLE
			}
			if c.def == nil || c.generated != "" {
				continue
			}
			c.separate = d.separateDefault(t, c)
		}
		for _, c := range t.cols {
			if c.def == nil || c.generated != "" {
				continue
			}
			if !c.separate {
				t.obj.dependOn(c.defDeps...)
				continue
			}
			o := d.newObject(prioAttrDef, "DEFAULT", t.name+" "+c.name)
			o.name = t.name
			o.extra = fmt.Sprintf("%05d", c.num)
			o.setNS(t.obj.ns)
			o.setCat(pgAttrdef, c.defOID)
			o.setOwner(t.owner)
			o.entry.Defn = pgarchive.Str(fmt.Sprintf("ALTER TABLE ONLY %s ALTER COLUMN %s SET DEFAULT %s;\n", t.qual, d.q.id(c.name), *c.def))
			o.entry.DropStmt = pgarchive.Str(fmt.Sprintf("ALTER TABLE %s ALTER COLUMN %s DROP DEFAULT;\n", t.qual, d.q.id(c.name)))
			// Its pg_depend link to the column ties it to the table; a
			// default split off to break a loop also gets the explicit
			// dependency pg_dump's loop repair adds.
			o.dependOn(c.defDeps...)
			if t.kind != "v" && t.printColumn(c) {
				o.dependOn(t.obj)
			}
		}
		switch t.kind {
		case "r", "p":
			t.obj.entry.Defn = pgarchive.Str(d.tableDefn(t))
		case "f":
			t.obj.entry.Defn = pgarchive.Str(d.foreignTableDefn(t))
		}
	}
}

// relOptions formats reloptions as pg_dump does: name='value', the value
// always a quoted literal.
func relOptions(opts []string) string {
	out := make([]string, len(opts))
	for i, o := range opts {
		name, value, _ := strings.Cut(o, "=")
		out[i] = name + "=" + literal(value)
	}
	return strings.Join(out, ", ")
}
