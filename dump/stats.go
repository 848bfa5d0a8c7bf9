package dump

import (
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/pgdrill/pgdrill/pgarchive"
)

// indexStats is a dumped index, for its STATISTICS DATA entry: its object
// (the INDEX entry, or the phantom index behind a constraint) and the
// constraint it implements, if any.
type indexStats struct {
	oid        uint32
	index      *object
	constraint *object
	table      *table
}

// relStats is one relation whose statistics are dumped.
type relStats struct {
	oid   uint32
	obj   *object // its STATISTICS DATA entry
	ns    string
	name  string
	index bool // attribute statistics name columns by number
}

// collectRelationStats makes pg_dump 18's STATISTICS DATA entries: for each
// dumped table, partitioned table, materialized view, foreign table and
// index, a call of pg_restore_relation_stats and one of
// pg_restore_attribute_stats per column that has statistics. Tables' go in
// the data section; indexes' and refreshed materialized views' after the
// data, since building an index or refreshing a view resets them.
func (d *dumper) collectRelationStats() error {
	if !d.dumpStats {
		return nil
	}
	var rels []*relStats
	add := func(ns, name string, oid uint32, index bool, sect pgarchive.Section, deps ...*object) {
		o := d.newObject(prioStatsData, "STATISTICS DATA", name)
		o.setNS(ns)
		o.sect = sect
		o.entry.Section = sect
		o.dependOn(deps...)
		// pg_dump lists the relation, what the statistics wait for, and
		// the section's boundary, whether they are in the archive or not.
		bound := d.preBound
		if sect == pgarchive.SectionPostData {
			bound = d.postBound
		}
		o.verbatimDeps(append(append([]*object(nil), deps...), bound)...)
		rels = append(rels, &relStats{oid: oid, obj: o, ns: ns, name: name, index: index})
		if sect == pgarchive.SectionData && (d.firstDataStats == 0 || oid < d.firstDataStats) {
			d.firstDataStats = oid
		}
	}
	for _, t := range d.sortedTables() {
		if t.obj == nil || !strings.Contains("rpmf", t.kind) {
			continue
		}
		if t.kind == "m" && t.refresh != nil {
			// REFRESH MATERIALIZED VIEW replaces the storage and its
			// statistics: they come after it.
			add(t.obj.ns, t.name, t.oid, false, pgarchive.SectionPostData, t.obj, t.refresh)
			continue
		}
		add(t.obj.ns, t.name, t.oid, false, pgarchive.SectionData, t.obj)
	}
	for _, x := range d.indexes {
		deps := []*object{x.index}
		if x.constraint != nil {
			deps = append(deps, x.constraint)
		}
		add(x.table.obj.ns, x.index.name, x.oid, true, pgarchive.SectionPostData, deps...)
	}
	return d.statsDefinitions(rels)
}

// statsDefinitions reads the relations' statistics in the dump's snapshot
// and writes each entry's SQL as pg_dump 18 does.
func (d *dumper) statsDefinitions(rels []*relStats) error {
	if len(rels) == 0 {
		return nil
	}
	oids := make([]uint32, len(rels))
	for i, r := range rels {
		oids[i] = r.oid
	}
	type classRow struct {
		pages, allVisible, allFrozen int32
		tuples                       string
	}
	class := map[uint32]classRow{}
	err := d.each("relation statistics", `SELECT c.oid, c.relpages, c.reltuples::pg_catalog.text, c.relallvisible, `+
		ifVersion(d.serverNum >= 180000, "c.relallfrozen", "0")+`
		FROM pg_catalog.pg_class c WHERE c.oid = ANY($1)`, []any{oids}, func(r pgx.Rows) error {
		var oid uint32
		var c classRow
		if err := r.Scan(&oid, &c.pages, &c.tuples, &c.allVisible, &c.allFrozen); err != nil {
			return err
		}
		class[oid] = c
		return nil
	})
	if err != nil {
		return err
	}
	attrs := make([][]string, len(rels))
	err = d.each("column statistics", `SELECT u.ord, s.attname, COALESCE(a.attnum, 0), s.inherited,
		s.null_frac::pg_catalog.text, s.avg_width::pg_catalog.text, s.n_distinct::pg_catalog.text,
		s.most_common_vals::pg_catalog.text, s.most_common_freqs::pg_catalog.text, s.histogram_bounds::pg_catalog.text,
		s.correlation::pg_catalog.text, s.most_common_elems::pg_catalog.text, s.most_common_elem_freqs::pg_catalog.text,
		s.elem_count_histogram::pg_catalog.text, `+ifVersion(d.serverNum >= 170000,
		"s.range_length_histogram::pg_catalog.text, s.range_empty_frac::pg_catalog.text, s.range_bounds_histogram::pg_catalog.text",
		"NULL::text, NULL::text, NULL::text")+`
		FROM pg_catalog.unnest($1::pg_catalog.oid[]) WITH ORDINALITY AS u(relid, ord)
		JOIN pg_catalog.pg_class c ON c.oid = u.relid
		JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
		JOIN pg_catalog.pg_stats s ON s.schemaname = n.nspname AND s.tablename = c.relname
		LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attname = s.attname
		ORDER BY u.ord, s.attname, s.inherited`, []any{oids}, func(r pgx.Rows) error {
		var ord int64
		var attname string
		var attnum int16
		var inherited bool
		var vals [13]*string
		dest := []any{&ord, &attname, &attnum, &inherited}
		for i := range vals {
			dest = append(dest, &vals[i])
		}
		if err := r.Scan(dest...); err != nil {
			return err
		}
		if ord < 1 || int(ord) > len(rels) {
			return fmt.Errorf("statistics row for relation %d of %d", ord, len(rels))
		}
		rel := rels[ord-1]
		var b strings.Builder
		b.WriteString("SELECT * FROM pg_catalog.pg_restore_attribute_stats(\n")
		fmt.Fprintf(&b, "\t'version', '%d'::integer,\n", d.serverNum)
		fmt.Fprintf(&b, "\t'schemaname', %s,\n\t'relname', %s", literal(rel.ns), literal(rel.name))
		if rel.index {
			// An index's column names are not kept by a restore.
			fmt.Fprintf(&b, ",\n\t'attnum', '%d'::smallint", attnum)
		} else {
			fmt.Fprintf(&b, ",\n\t'attname', %s", literal(attname))
		}
		inh := "f"
		if inherited {
			inh = "t"
		}
		arg(&b, "inherited", "boolean", &inh)
		names := [...]struct{ name, typ string }{
			{"null_frac", "real"}, {"avg_width", "integer"}, {"n_distinct", "real"},
			{"most_common_vals", "text"}, {"most_common_freqs", "real[]"}, {"histogram_bounds", "text"},
			{"correlation", "real"}, {"most_common_elems", "text"}, {"most_common_elem_freqs", "real[]"},
			{"elem_count_histogram", "real[]"}, {"range_length_histogram", "text"}, {"range_empty_frac", "real"},
			{"range_bounds_histogram", "text"},
		}
		for i, n := range names {
			arg(&b, n.name, n.typ, vals[i])
		}
		b.WriteString("\n);\n")
		attrs[ord-1] = append(attrs[ord-1], b.String())
		return nil
	})
	if err != nil {
		return err
	}
	for i, rel := range rels {
		c, ok := class[rel.oid]
		if !ok {
			return fmt.Errorf("dump: STATISTICS DATA %s: relation %d is gone", d.q.qual(rel.ns, rel.name), rel.oid)
		}
		tuples := c.tuples
		if d.serverNum < 140000 && tuples == "0" {
			// Before 14, 0 also meant "never analyzed", which 14 and later
			// write as -1; pg_dump 18 restores it as that.
			tuples = "-1"
		}
		var b strings.Builder
		b.WriteString("SELECT * FROM pg_catalog.pg_restore_relation_stats(\n")
		fmt.Fprintf(&b, "\t'version', '%d'::integer,\n", d.serverNum)
		fmt.Fprintf(&b, "\t'schemaname', %s,\n\t'relname', %s,\n", literal(rel.ns), literal(rel.name))
		fmt.Fprintf(&b, "\t'relpages', '%d'::integer,\n\t'reltuples', '%s'::real,\n\t'relallvisible', '%d'::integer",
			c.pages, tuples, c.allVisible)
		if d.serverNum >= 180000 {
			fmt.Fprintf(&b, ",\n\t'relallfrozen', '%d'::integer", c.allFrozen)
		}
		b.WriteString("\n);\n")
		for _, a := range attrs[i] {
			b.WriteString(a)
		}
		rel.obj.entry.Defn = pgarchive.Str(b.String())
	}
	return nil
}

// arg writes one named argument of a pg_restore_*_stats call, as pg_dump
// does; a NULL value is left out.
func arg(b *strings.Builder, name, typ string, v *string) {
	if v == nil {
		return
	}
	fmt.Fprintf(b, ",\n\t%s, %s::%s", literal(name), literal(*v), typ)
}
