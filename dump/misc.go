package dump

import (
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/pgdrill/pgdrill/pgarchive"
)

// Catalog table OIDs of the objects in this file.
const (
	pgCollation    = 3456
	pgStatisticExt = 3381
	pgEventTrigger = 3466
)

// collectCollations reads user-defined collations.
func (d *dumper) collectCollations() error {
	type coll struct {
		oid, ns                   uint32
		name, owner, provider     string
		deterministic             bool
		collate, ctype, icuLocale *string
	}
	var list []coll
	icu := "NULL::text"
	switch {
	case d.serverNum >= 170000:
		icu = "c.colllocale"
	case d.serverNum >= 150000:
		icu = "c.colliculocale"
	}
	err := d.each("collations", `SELECT c.oid, c.collnamespace, c.collname, pg_catalog.pg_get_userbyid(c.collowner), c.collprovider::text,
		c.collisdeterministic, c.collcollate, c.collctype, `+icu+`
		FROM pg_catalog.pg_collation c WHERE c.oid >= 16384 AND NOT `+extensionMember("pg_catalog.pg_collation", "c.oid")+` ORDER BY c.oid`, nil, func(r pgx.Rows) error {
		var c coll
		if err := r.Scan(&c.oid, &c.ns, &c.name, &c.owner, &c.provider, &c.deterministic, &c.collate, &c.ctype, &c.icuLocale); err != nil {
			return err
		}
		list = append(list, c)
		return nil
	})
	if err != nil {
		return err
	}
	for _, c := range list {
		if !d.nsDumped(c.ns) {
			continue
		}
		ns := d.nsName(c.ns)
		qual := d.q.qual(ns, c.name)
		var b strings.Builder
		fmt.Fprintf(&b, "CREATE COLLATION %s (", qual)
		switch c.provider {
		case "c":
			b.WriteString("provider = libc")
		case "i":
			b.WriteString("provider = icu")
		case "b":
			b.WriteString("provider = builtin")
		default:
			b.WriteString("provider = default")
		}
		if !c.deterministic {
			b.WriteString(", deterministic = false")
		}
		switch {
		case c.icuLocale != nil:
			fmt.Fprintf(&b, ", locale = %s", literal(*c.icuLocale))
		case c.collate != nil && c.ctype != nil && *c.collate == *c.ctype:
			fmt.Fprintf(&b, ", locale = %s", literal(*c.collate))
		case c.collate != nil && c.ctype != nil:
			fmt.Fprintf(&b, ", lc_collate = %s, lc_ctype = %s", literal(*c.collate), literal(*c.ctype))
		}
		b.WriteString(");\n")
		o := d.newObject(prioCollation, "COLLATION", c.name)
		o.setNS(ns)
		o.setCat(pgCollation, c.oid)
		o.setOwner(c.owner)
		o.entry.Defn = pgarchive.Str(b.String())
		o.entry.DropStmt = pgarchive.Str("DROP COLLATION " + qual + ";\n")
		o.named("COLLATION", "", qual, d.q.id(c.name))
		d.byCat[catKey{pgCollation, c.oid}] = o
	}
	return nil
}

// collectStatistics reads extended statistics objects (CREATE STATISTICS).
func (d *dumper) collectStatistics() error {
	return d.each("statistics objects", `SELECT s.oid, s.stxnamespace, s.stxrelid, s.stxname, pg_catalog.pg_get_userbyid(s.stxowner),
		pg_catalog.pg_get_statisticsobjdef(s.oid), COALESCE(s.stxstattarget, -1)
		FROM pg_catalog.pg_statistic_ext s ORDER BY s.oid`, nil, func(r pgx.Rows) error {
		var oid, ns, rel uint32
		var name, owner, def string
		var target int
		if err := r.Scan(&oid, &ns, &rel, &name, &owner, &def, &target); err != nil {
			return err
		}
		t := d.tables[rel]
		if t == nil || t.obj == nil || d.schemas[ns] == nil || !d.schemas[ns].included {
			return nil
		}
		qual := d.q.qual(d.nsName(ns), name)
		defn := def + ";\n"
		if target >= 0 {
			defn += fmt.Sprintf("ALTER STATISTICS %s SET STATISTICS %d;\n", qual, target)
		}
		o := d.newObject(prioStatsExt, "STATISTICS", name)
		o.excluded = !d.nsDumped(ns) // a schema object: -t alone does not select it
		o.setNS(d.nsName(ns))
		o.setCat(pgStatisticExt, oid)
		o.setOwner(owner)
		o.entry.Defn = pgarchive.Str(defn)
		o.entry.DropStmt = pgarchive.Str("DROP STATISTICS " + qual + ";\n")
		o.named("STATISTICS", "", qual, d.q.id(name))
		d.byCat[catKey{pgStatisticExt, oid}] = o
		return nil
	})
}

// collectEventTriggers reads event triggers, which belong to the database
// rather than a schema, so -n and -t dumps leave them out (see excluded).
func (d *dumper) collectEventTriggers() error {
	return d.each("event triggers", `SELECT e.oid, e.evtname, pg_catalog.pg_get_userbyid(e.evtowner), e.evtevent, e.evtfoid::pg_catalog.regproc::text,
		COALESCE(pg_catalog.array_to_string(ARRAY(SELECT pg_catalog.quote_literal(x) FROM pg_catalog.unnest(e.evttags) AS t(x)), ', '), ''), e.evtenabled::text
		FROM pg_catalog.pg_event_trigger e WHERE NOT `+extensionMember("pg_catalog.pg_event_trigger", "e.oid")+` ORDER BY e.oid`, nil, func(r pgx.Rows) error {
		var oid uint32
		var name, owner, event, fn, tags, enabled string
		if err := r.Scan(&oid, &name, &owner, &event, &fn, &tags, &enabled); err != nil {
			return err
		}
		var b strings.Builder
		fmt.Fprintf(&b, "CREATE EVENT TRIGGER %s ON %s", d.q.id(name), d.q.id(event))
		if tags != "" {
			fmt.Fprintf(&b, "\n         WHEN TAG IN (%s)", tags)
		}
		fmt.Fprintf(&b, "\n   EXECUTE FUNCTION %s();\n", fn)
		switch enabled {
		case "D":
			fmt.Fprintf(&b, "\nALTER EVENT TRIGGER %s DISABLE;\n", d.q.id(name))
		case "A":
			fmt.Fprintf(&b, "\nALTER EVENT TRIGGER %s ENABLE ALWAYS;\n", d.q.id(name))
		case "R":
			fmt.Fprintf(&b, "\nALTER EVENT TRIGGER %s ENABLE REPLICA;\n", d.q.id(name))
		}
		o := d.newObject(prioEventTrigger, "EVENT TRIGGER", name)
		o.excluded = d.partial()
		o.setCat(pgEventTrigger, oid)
		o.setOwner(owner)
		o.entry.Defn = pgarchive.Str(b.String())
		o.entry.DropStmt = pgarchive.Str("DROP EVENT TRIGGER " + d.q.id(name) + ";\n")
		o.named("EVENT TRIGGER", "", d.q.id(name), d.q.id(name))
		d.byCat[catKey{pgEventTrigger, oid}] = o
		return nil
	})
}

// Catalog table OIDs of publications.
const (
	pgPublication          = 6104
	pgPublicationRel       = 6106
	pgPublicationNamespace = 6237
)

// collectPublications reads publications and the tables and schemas they
// publish. Like extensions they belong to the database, so -n and -t dumps
// leave them out (see excluded).
func (d *dumper) collectPublications() error {
	pubs := map[uint32]*object{}
	names := map[uint32]string{}
	err := d.each("publications", `SELECT p.oid, p.pubname, pg_catalog.pg_get_userbyid(p.pubowner), p.puballtables,
		p.pubinsert, p.pubupdate, p.pubdelete, p.pubtruncate, p.pubviaroot
		FROM pg_catalog.pg_publication p ORDER BY p.oid`, nil, func(r pgx.Rows) error {
		var oid uint32
		var name, owner string
		var all, ins, upd, del, trunc, viaRoot bool
		if err := r.Scan(&oid, &name, &owner, &all, &ins, &upd, &del, &trunc, &viaRoot); err != nil {
			return err
		}
		var ops []string
		for _, op := range []struct {
			on   bool
			name string
		}{{ins, "insert"}, {upd, "update"}, {del, "delete"}, {trunc, "truncate"}} {
			if op.on {
				ops = append(ops, op.name)
			}
		}
		defn := "CREATE PUBLICATION " + d.q.id(name)
		if all {
			defn += " FOR ALL TABLES"
		}
		defn += " WITH (publish = " + literal(strings.Join(ops, ", "))
		if viaRoot {
			defn += ", publish_via_partition_root = true"
		}
		defn += ");\n"
		o := d.newObject(prioPublication, "PUBLICATION", name)
		o.excluded = d.partial()
		o.setCat(pgPublication, oid)
		o.setOwner(owner)
		o.entry.Defn = pgarchive.Str(defn)
		o.entry.DropStmt = pgarchive.Str("DROP PUBLICATION " + d.q.id(name) + ";\n")
		o.named("PUBLICATION", "", d.q.id(name), d.q.id(name))
		d.byCat[catKey{pgPublication, oid}] = o
		pubs[oid], names[oid] = o, name
		return nil
	})
	if err != nil || len(pubs) == 0 {
		return err
	}
	qual, cols := "NULL::text", "NULL::text"
	if d.serverNum >= 150000 {
		qual = "pg_catalog.pg_get_expr(r.prqual, r.prrelid)"
		cols = `(SELECT pg_catalog.string_agg(pg_catalog.quote_ident(a.attname), ', ' ORDER BY k.n) FROM pg_catalog.unnest(r.prattrs::int2[]) WITH ORDINALITY k(attnum, n)
			JOIN pg_catalog.pg_attribute a ON a.attrelid = r.prrelid AND a.attnum = k.attnum)`
	}
	err = d.each("published tables", `SELECT r.oid, r.prpubid, r.prrelid, `+qual+`, `+cols+` FROM pg_catalog.pg_publication_rel r ORDER BY r.oid`, nil, func(r pgx.Rows) error {
		var oid, pub, rel uint32
		var where, columns *string
		if err := r.Scan(&oid, &pub, &rel, &where, &columns); err != nil {
			return err
		}
		t, p := d.tables[rel], pubs[pub]
		if t == nil || t.obj == nil || p == nil {
			return nil
		}
		defn := fmt.Sprintf("ALTER PUBLICATION %s ADD TABLE ONLY %s", d.q.id(names[pub]), t.qual)
		if columns != nil {
			defn += " (" + *columns + ")"
		}
		if where != nil {
			defn += " WHERE (" + *where + ")"
		}
		o := d.newObject(prioPublicationRel, "PUBLICATION TABLE", names[pub]+" "+t.name)
		o.excluded = d.partial()
		o.name = t.name
		o.setNS(t.obj.ns)
		o.setCat(pgPublicationRel, oid)
		o.entry.Owner = p.entry.Owner
		o.entry.Defn = pgarchive.Str(defn + ";\n")
		// pg_depend ties it to the publication, the table and each
		// column of its list and filter.
		d.byCat[o.cat] = o
		return nil
	})
	if err != nil || d.serverNum < 150000 {
		return err
	}
	return d.each("published schemas", `SELECT n.oid, n.pnpubid, n.pnnspid FROM pg_catalog.pg_publication_namespace n ORDER BY n.oid`, nil, func(r pgx.Rows) error {
		var oid, pub, ns uint32
		if err := r.Scan(&oid, &pub, &ns); err != nil {
			return err
		}
		s, p := d.schemas[ns], pubs[pub]
		if s == nil || !s.included || p == nil {
			return nil
		}
		o := d.newObject(prioPublicationSchema, "PUBLICATION TABLES IN SCHEMA", names[pub]+" "+s.name)
		o.excluded = d.partial()
		o.name = s.name
		o.setNS(s.name)
		o.setCat(pgPublicationNamespace, oid)
		o.entry.Owner = p.entry.Owner
		o.entry.Defn = pgarchive.Str(fmt.Sprintf("ALTER PUBLICATION %s ADD TABLES IN SCHEMA %s;\n", d.q.id(names[pub]), d.q.id(s.name)))
		o.dependOn(p, s.obj)
		return nil
	})
}

const pgCast = 2605

// collectCasts reads user-defined casts (those made by CREATE CAST, not by
// the system or an extension). Like pg_dump, only full dumps hold them.
func (d *dumper) collectCasts() error {
	return d.each("casts", `SELECT c.oid, pg_catalog.format_type(c.castsource, NULL), pg_catalog.format_type(c.casttarget, NULL),
		s.typname || ' ' || t.typname, c.castmethod::text, c.castcontext::text,
		CASE WHEN c.castfunc <> 0 THEN pg_catalog.quote_ident(fn.nspname) || '.' || pg_catalog.quote_ident(f.proname) || '(' ||
			COALESCE((SELECT pg_catalog.string_agg(pg_catalog.format_type(a.typ, NULL), ', ' ORDER BY a.n) FROM pg_catalog.unnest(f.proargtypes::oid[]) WITH ORDINALITY a(typ, n)), '') || ')' END
		FROM pg_catalog.pg_cast c JOIN pg_catalog.pg_type s ON s.oid = c.castsource JOIN pg_catalog.pg_type t ON t.oid = c.casttarget
		LEFT JOIN pg_catalog.pg_proc f ON f.oid = c.castfunc LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = f.pronamespace
		WHERE c.oid >= 16384 AND NOT `+extensionMember("pg_catalog.pg_cast", "c.oid")+`
		AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend i WHERE i.classid = 'pg_catalog.pg_cast'::pg_catalog.regclass AND i.objid = c.oid AND i.deptype = 'i')
		ORDER BY c.oid`, nil, func(r pgx.Rows) error {
		var oid uint32
		var src, dst, sortName, method, context string
		var fn *string
		if err := r.Scan(&oid, &src, &dst, &sortName, &method, &context, &fn); err != nil {
			return err
		}
		label := fmt.Sprintf("CAST (%s AS %s)", src, dst)
		defn := fmt.Sprintf("CREATE CAST (%s AS %s) ", src, dst)
		switch method {
		case "b":
			defn += "WITHOUT FUNCTION"
		case "i":
			defn += "WITH INOUT"
		default:
			if fn == nil {
				return fmt.Errorf("%s: no function", label)
			}
			defn += "WITH FUNCTION " + *fn
		}
		switch context {
		case "a":
			defn += " AS ASSIGNMENT"
		case "i":
			defn += " AS IMPLICIT"
		}
		o := d.newObject(prioCast, "CAST", label)
		o.excluded = d.partial()
		o.name = sortName
		o.setCat(pgCast, oid) // casts have no owner: the entry's is NULL
		o.entry.Defn = pgarchive.Str(defn + ";\n")
		o.entry.DropStmt = pgarchive.Str("DROP " + label + ";\n")
		o.named("CAST", "", fmt.Sprintf("(%s AS %s)", src, dst), fmt.Sprintf("(%s AS %s)", src, dst))
		d.byCat[catKey{pgCast, oid}] = o
		return nil
	})
}

// Catalog table OIDs of text search objects.
const (
	pgTSConfig = 3602
	pgTSDict   = 3600
)

// collectTextSearch reads text search dictionaries and configurations.
// Parsers and templates need C functions and stay unsupported.
func (d *dumper) collectTextSearch() error {
	type dict struct {
		oid, ns           uint32
		name, owner, tmpl string
		options           *string
	}
	var dicts []dict
	err := d.each("text search dictionaries", `SELECT t.oid, t.dictnamespace, t.dictname, pg_catalog.pg_get_userbyid(t.dictowner),
		pg_catalog.quote_ident(tn.nspname) || '.' || pg_catalog.quote_ident(p.tmplname), t.dictinitoption
		FROM pg_catalog.pg_ts_dict t JOIN pg_catalog.pg_ts_template p ON p.oid = t.dicttemplate JOIN pg_catalog.pg_namespace tn ON tn.oid = p.tmplnamespace
		WHERE t.oid >= 16384 AND NOT `+extensionMember("pg_catalog.pg_ts_dict", "t.oid")+` ORDER BY t.oid`, nil, func(r pgx.Rows) error {
		var x dict
		if err := r.Scan(&x.oid, &x.ns, &x.name, &x.owner, &x.tmpl, &x.options); err != nil {
			return err
		}
		dicts = append(dicts, x)
		return nil
	})
	if err != nil {
		return err
	}
	for _, x := range dicts {
		if !d.nsDumped(x.ns) {
			continue
		}
		qual := d.q.qual(d.nsName(x.ns), x.name)
		defn := fmt.Sprintf("CREATE TEXT SEARCH DICTIONARY %s (\n    TEMPLATE = %s", qual, x.tmpl)
		if x.options != nil {
			defn += ",\n    " + *x.options
		}
		o := d.newObject(prioTSDict, "TEXT SEARCH DICTIONARY", x.name)
		o.setNS(d.nsName(x.ns))
		o.setCat(pgTSDict, x.oid)
		o.setOwner(x.owner)
		o.entry.Defn = pgarchive.Str(defn + " );\n")
		o.entry.DropStmt = pgarchive.Str("DROP TEXT SEARCH DICTIONARY " + qual + ";\n")
		o.named("TEXT SEARCH DICTIONARY", "", qual, d.q.id(x.name))
		d.byCat[catKey{pgTSDict, x.oid}] = o
	}

	type cfg struct {
		oid, ns, parser      uint32
		name, owner, prsQual string
	}
	var cfgs []cfg
	err = d.each("text search configurations", `SELECT c.oid, c.cfgnamespace, c.cfgparser, c.cfgname, pg_catalog.pg_get_userbyid(c.cfgowner),
		pg_catalog.quote_ident(pn.nspname) || '.' || pg_catalog.quote_ident(p.prsname)
		FROM pg_catalog.pg_ts_config c JOIN pg_catalog.pg_ts_parser p ON p.oid = c.cfgparser JOIN pg_catalog.pg_namespace pn ON pn.oid = p.prsnamespace
		WHERE c.oid >= 16384 AND NOT `+extensionMember("pg_catalog.pg_ts_config", "c.oid")+` ORDER BY c.oid`, nil, func(r pgx.Rows) error {
		var x cfg
		if err := r.Scan(&x.oid, &x.ns, &x.parser, &x.name, &x.owner, &x.prsQual); err != nil {
			return err
		}
		cfgs = append(cfgs, x)
		return nil
	})
	if err != nil {
		return err
	}
	for _, x := range cfgs {
		if !d.nsDumped(x.ns) {
			continue
		}
		qual := d.q.qual(d.nsName(x.ns), x.name)
		var b strings.Builder
		fmt.Fprintf(&b, "CREATE TEXT SEARCH CONFIGURATION %s (\n    PARSER = %s );\n", qual, x.prsQual)
		last, n := "", 0
		err := d.each("text search mappings", `SELECT (SELECT t.alias FROM pg_catalog.ts_token_type($1::pg_catalog.oid) AS t WHERE t.tokid = m.maptokentype),
			m.mapdict::pg_catalog.regdictionary::text
			FROM pg_catalog.pg_ts_config_map m WHERE m.mapcfg = $2 ORDER BY m.maptokentype, m.mapseqno`, []any{x.parser, x.oid}, func(r pgx.Rows) error {
			var token, dict string
			if err := r.Scan(&token, &dict); err != nil {
				return err
			}
			if n == 0 || token != last {
				if n > 0 {
					b.WriteString(";\n")
				}
				fmt.Fprintf(&b, "\nALTER TEXT SEARCH CONFIGURATION %s\n    ADD MAPPING FOR %s WITH %s", qual, d.q.id(token), dict)
			} else {
				b.WriteString(", " + dict)
			}
			last = token
			n++
			return nil
		})
		if err != nil {
			return err
		}
		if n > 0 {
			b.WriteString(";\n")
		}
		o := d.newObject(prioTSConfig, "TEXT SEARCH CONFIGURATION", x.name)
		o.setNS(d.nsName(x.ns))
		o.setCat(pgTSConfig, x.oid)
		o.setOwner(x.owner)
		o.entry.Defn = pgarchive.Str(b.String())
		o.entry.DropStmt = pgarchive.Str("DROP TEXT SEARCH CONFIGURATION " + qual + ";\n")
		o.named("TEXT SEARCH CONFIGURATION", "", qual, d.q.id(x.name))
		d.byCat[catKey{pgTSConfig, x.oid}] = o
	}
	return nil
}

const pgOperator = 2617

// collectOperators reads user-defined operators.
func (d *dumper) collectOperators() error {
	return d.each("operators", `SELECT o.oid, o.oprnamespace, o.oprname, pg_catalog.pg_get_userbyid(o.oprowner), o.oprkind::text,
		o.oprcode::pg_catalog.regproc::text,
		CASE WHEN o.oprleft <> 0 THEN o.oprleft::pg_catalog.regtype::text END, CASE WHEN o.oprright <> 0 THEN o.oprright::pg_catalog.regtype::text END,
		(SELECT pg_catalog.quote_ident(n.nspname) || '.' || c.oprname FROM pg_catalog.pg_operator c JOIN pg_catalog.pg_namespace n ON n.oid = c.oprnamespace WHERE c.oid = o.oprcom),
		(SELECT pg_catalog.quote_ident(n.nspname) || '.' || c.oprname FROM pg_catalog.pg_operator c JOIN pg_catalog.pg_namespace n ON n.oid = c.oprnamespace WHERE c.oid = o.oprnegate),
		o.oprcanmerge, o.oprcanhash,
		CASE WHEN o.oprrest <> 0 THEN o.oprrest::pg_catalog.regproc::text END, CASE WHEN o.oprjoin <> 0 THEN o.oprjoin::pg_catalog.regproc::text END
		FROM pg_catalog.pg_operator o WHERE o.oid >= 16384 AND NOT `+extensionMember("pg_catalog.pg_operator", "o.oid")+` ORDER BY o.oid`, nil, func(r pgx.Rows) error {
		var oid, ns uint32
		var name, owner, kind, fn string
		var left, right, com, neg, rest, join *string
		var merges, hashes bool
		if err := r.Scan(&oid, &ns, &name, &owner, &kind, &fn, &left, &right, &com, &neg, &merges, &hashes, &rest, &join); err != nil {
			return err
		}
		if !d.nsDumped(ns) {
			return nil
		}
		nsName := d.nsName(ns)
		var b strings.Builder
		fmt.Fprintf(&b, "    FUNCTION = %s", fn)
		args := "NONE"
		if left != nil {
			fmt.Fprintf(&b, ",\n    LEFTARG = %s", *left)
			args = *left
		}
		if right != nil {
			fmt.Fprintf(&b, ",\n    RIGHTARG = %s", *right)
			args += ", " + *right
		} else {
			args += ", NONE"
		}
		if com != nil {
			fmt.Fprintf(&b, ",\n    COMMUTATOR = OPERATOR(%s)", *com)
		}
		if neg != nil {
			fmt.Fprintf(&b, ",\n    NEGATOR = OPERATOR(%s)", *neg)
		}
		if merges {
			b.WriteString(",\n    MERGES")
		}
		if hashes {
			b.WriteString(",\n    HASHES")
		}
		if rest != nil {
			fmt.Fprintf(&b, ",\n    RESTRICT = %s", *rest)
		}
		if join != nil {
			fmt.Fprintf(&b, ",\n    JOIN = %s", *join)
		}
		sig := fmt.Sprintf("%s (%s)", name, args)
		o := d.newObject(prioOperator, "OPERATOR", name)
		// A shell operator (no function yet, made by naming it as another
		// operator's commutator or negator) is not dumped, as in pg_dump.
		o.excluded = fn == "-"
		o.extra = kind + "\x00" + args
		o.setNS(nsName)
		o.setCat(pgOperator, oid)
		o.setOwner(owner)
		o.entry.Defn = pgarchive.Str(fmt.Sprintf("CREATE OPERATOR %s.%s (\n%s\n);\n", d.q.id(nsName), name, b.String()))
		o.entry.DropStmt = pgarchive.Str(fmt.Sprintf("DROP OPERATOR %s.%s;\n", d.q.id(nsName), sig))
		o.named("OPERATOR", "", d.q.id(nsName)+"."+sig, sig)
		d.byCat[catKey{pgOperator, oid}] = o
		return nil
	})
}
