package dump

import (
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/pgdrill/pgdrill/pgarchive"
)

// collectTypes reads enum, domain, composite and range types. Base and
// shell types need their I/O functions dumped in a special order, which
// this dumper does not do: they are reported by checkUnsupported.
func (d *dumper) collectTypes() error {
	type typeRow struct {
		oid, ns, relid uint32
		name, owner    string
		typtype        string
		acl, base      []string
	}
	var list []typeRow
	err := d.each("types", `SELECT t.oid, t.typnamespace, t.typrelid, t.typname, pg_catalog.pg_get_userbyid(t.typowner), t.typtype::text,
		t.typacl::text[], pg_catalog.acldefault('T', t.typowner)::text[]
		FROM pg_catalog.pg_type t LEFT JOIN pg_catalog.pg_class c ON c.oid = t.typrelid
		WHERE t.typtype IN ('e', 'd', 'c', 'r') AND (t.typrelid = 0 OR c.relkind = 'c')
		AND NOT `+extensionMember("pg_catalog.pg_type", "t.oid")+`
		ORDER BY t.oid`, nil, func(r pgx.Rows) error {
		var t typeRow
		if err := r.Scan(&t.oid, &t.ns, &t.relid, &t.name, &t.owner, &t.typtype, &t.acl, &t.base); err != nil {
			return err
		}
		list = append(list, t)
		return nil
	})
	if err != nil {
		return err
	}
	for _, t := range list {
		if !d.nsDumped(t.ns) {
			continue
		}
		ns := d.nsName(t.ns)
		qual := d.q.qual(ns, t.name)
		var defn string
		var err error
		kind := "TYPE"
		switch t.typtype {
		case "e":
			defn, err = d.enumDefn(t.oid, qual)
		case "d":
			kind = "DOMAIN"
			defn, err = d.domainDefn(t.oid, qual)
		case "c":
			defn, err = d.compositeDefn(t.relid, qual)
		case "r":
			defn, err = d.rangeDefn(t.oid, qual)
		}
		if err != nil {
			return fmt.Errorf("dump: %s %s: %w", kind, qual, err)
		}
		o := d.newObject(prioType, kind, t.name)
		o.setNS(ns)
		o.setCat(pgType, t.oid)
		o.setOwner(t.owner)
		o.entry.Defn = pgarchive.Str(defn)
		o.entry.DropStmt = pgarchive.Str(fmt.Sprintf("DROP %s %s;\n", kind, qual))
		o.named(kind, kind, qual, d.q.id(t.name))
		o.acl, o.baseACL, o.aclOwner = t.acl, t.base, t.owner
		d.byCat[catKey{pgType, t.oid}] = o
		if t.relid != 0 {
			d.byCat[catKey{pgClass, t.relid}] = o
			o.compositeRel = t.relid
		}
	}
	return nil
}

func (d *dumper) enumDefn(oid uint32, qual string) (string, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "CREATE TYPE %s AS ENUM (", qual)
	i := 0
	err := d.each("enum labels", `SELECT enumlabel::text FROM pg_catalog.pg_enum WHERE enumtypid = $1 ORDER BY enumsortorder`, []any{oid}, func(r pgx.Rows) error {
		var label string
		if err := r.Scan(&label); err != nil {
			return err
		}
		if i > 0 {
			b.WriteByte(',')
		}
		i++
		b.WriteString("\n    " + literal(label))
		return nil
	})
	b.WriteString("\n);\n")
	return b.String(), err
}

func (d *dumper) domainDefn(oid uint32, qual string) (string, error) {
	var base string
	var notnull bool
	var def, coll *string
	err := d.tx.QueryRow(d.ctx, `SELECT pg_catalog.format_type(t.typbasetype, t.typtypmod), t.typnotnull,
		pg_catalog.pg_get_expr(t.typdefaultbin, 0),
		CASE WHEN t.typcollation <> b.typcollation THEN (SELECT pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.collname)
			FROM pg_catalog.pg_collation c JOIN pg_catalog.pg_namespace n ON n.oid = c.collnamespace WHERE c.oid = t.typcollation) END
		FROM pg_catalog.pg_type t JOIN pg_catalog.pg_type b ON b.oid = t.typbasetype WHERE t.oid = $1`, oid).Scan(&base, &notnull, &def, &coll)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "CREATE DOMAIN %s AS %s", qual, base)
	if coll != nil {
		b.WriteString(" COLLATE " + *coll)
	}
	if notnull {
		b.WriteString(" NOT NULL")
	}
	if def != nil {
		b.WriteString(" DEFAULT " + *def)
	}
	err = d.each("domain constraints", `SELECT conname, pg_catalog.pg_get_constraintdef(oid), convalidated FROM pg_catalog.pg_constraint
		WHERE contypid = $1 AND contype = 'c' ORDER BY conname`, []any{oid}, func(r pgx.Rows) error {
		var name, def string
		var valid bool
		if err := r.Scan(&name, &def, &valid); err != nil {
			return err
		}
		if !valid {
			return fmt.Errorf("NOT VALID constraint %s is not supported", name)
		}
		fmt.Fprintf(&b, "\n\tCONSTRAINT %s %s", d.q.id(name), def)
		return nil
	})
	b.WriteString(";\n")
	return b.String(), err
}

func (d *dumper) compositeDefn(relid uint32, qual string) (string, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "CREATE TYPE %s AS (", qual)
	n := 0
	err := d.each("composite attributes", `SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod),
		CASE WHEN a.attcollation <> t.typcollation THEN (SELECT pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.collname)
			FROM pg_catalog.pg_collation c JOIN pg_catalog.pg_namespace n ON n.oid = c.collnamespace WHERE c.oid = a.attcollation) END
		FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
		WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`, []any{relid}, func(r pgx.Rows) error {
		var name, typ string
		var coll *string
		if err := r.Scan(&name, &typ, &coll); err != nil {
			return err
		}
		if n > 0 {
			b.WriteByte(',')
		}
		n++
		fmt.Fprintf(&b, "\n\t%s %s", d.q.id(name), typ)
		if coll != nil {
			b.WriteString(" COLLATE " + *coll)
		}
		return nil
	})
	b.WriteString("\n);\n")
	return b.String(), err
}

func (d *dumper) rangeDefn(oid uint32, qual string) (string, error) {
	var sub string
	var multi, opc, coll, canonical, diff *string
	err := d.tx.QueryRow(d.ctx, `SELECT pg_catalog.format_type(r.rngsubtype, NULL),
		`+ifVersion(d.serverNum >= 140000, "pg_catalog.format_type(r.rngmultitypid, NULL)", "NULL::text")+`,
		CASE WHEN NOT o.opcdefault THEN pg_catalog.quote_ident(on_.nspname) || '.' || pg_catalog.quote_ident(o.opcname) END,
		CASE WHEN r.rngcollation <> st.typcollation THEN (SELECT pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.collname)
			FROM pg_catalog.pg_collation c JOIN pg_catalog.pg_namespace n ON n.oid = c.collnamespace WHERE c.oid = r.rngcollation) END,
		NULLIF(r.rngcanonical, 0)::pg_catalog.regproc::text, NULLIF(r.rngsubdiff, 0)::pg_catalog.regproc::text
		FROM pg_catalog.pg_range r JOIN pg_catalog.pg_opclass o ON o.oid = r.rngsubopc
		JOIN pg_catalog.pg_namespace on_ ON on_.oid = o.opcnamespace JOIN pg_catalog.pg_type st ON st.oid = r.rngsubtype
		WHERE r.rngtypid = $1`, oid).Scan(&sub, &multi, &opc, &coll, &canonical, &diff)
	if err != nil {
		return "", err
	}
	if canonical != nil {
		// The canonical function takes the range type itself, which needs
		// a shell type first; this dumper does not write shell types.
		return "", fmt.Errorf("range types with a canonical function (%s) are not supported", *canonical)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "CREATE TYPE %s AS RANGE (\n    subtype = %s", qual, sub)
	for _, kv := range []struct {
		k string
		v *string
	}{{"multirange_type_name", multi}, {"subtype_opclass", opc}, {"collation", coll}, {"canonical", canonical}, {"subtype_diff", diff}} {
		if kv.v != nil {
			fmt.Fprintf(&b, ",\n    %s = %s", kv.k, *kv.v)
		}
	}
	b.WriteString("\n);\n")
	return b.String(), nil
}

// collectFunctions reads functions and procedures.
func (d *dumper) collectFunctions() error {
	type fn struct {
		oid, ns                                 uint32
		name, owner, kind, args, iargs, lang    string
		result, tagArgs                         *string
		sortKey                                 string
		retset, strict, secdef, leakproof       bool
		volatile, parallel, cost, rows, support string
		config                                  []string
		src, bin, sqlbody                       *string
		acl, base                               []string
		extMember                               bool
	}
	var list []fn
	sqlbody := "NULL::text"
	if d.serverNum >= 140000 {
		sqlbody = "CASE WHEN p.prosqlbody IS NOT NULL THEN pg_catalog.pg_get_function_sqlbody(p.oid) END"
	}
	err := d.each("functions", `SELECT p.oid, p.pronamespace, p.proname, pg_catalog.pg_get_userbyid(p.proowner), p.prokind::text,
		pg_catalog.pg_get_function_arguments(p.oid), pg_catalog.pg_get_function_identity_arguments(p.oid), l.lanname,
		pg_catalog.pg_get_function_result(p.oid),
		(SELECT pg_catalog.string_agg(pg_catalog.format_type(t.typ, NULL), ', ' ORDER BY t.n) FROM pg_catalog.unnest(p.proargtypes::oid[]) WITH ORDINALITY t(typ, n)),
		(SELECT pg_catalog.lpad(pg_catalog.cardinality(p.proargtypes::oid[])::text, 5, '0') || COALESCE(pg_catalog.string_agg(E'\\x01' || tn.nspname || E'\\x02' || ty.typname, '' ORDER BY t.n), '')
			FROM pg_catalog.unnest(p.proargtypes::oid[]) WITH ORDINALITY t(typ, n) JOIN pg_catalog.pg_type ty ON ty.oid = t.typ JOIN pg_catalog.pg_namespace tn ON tn.oid = ty.typnamespace),
		p.proretset, p.proisstrict, p.prosecdef, p.proleakproof, p.provolatile::text, p.proparallel::text,
		p.procost::text, p.prorows::text, CASE WHEN p.prosupport <> 0 THEN p.prosupport::pg_catalog.regproc::text ELSE '' END,
		p.proconfig, p.prosrc, p.probin, `+sqlbody+`,
		p.proacl::text[], COALESCE((SELECT i.initprivs::text[] FROM pg_catalog.pg_init_privs i WHERE i.classoid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND i.objoid = p.oid AND i.objsubid = 0),
			pg_catalog.acldefault('f', p.proowner)::text[]), `+extensionMember("pg_catalog.pg_proc", "p.oid")+`
		FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_language l ON l.oid = p.prolang
		WHERE p.prokind IN ('f', 'p', 'w') AND p.oid >= 16384
		AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend i WHERE i.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND i.objid = p.oid AND i.deptype = 'i')
		ORDER BY p.oid`, nil, func(r pgx.Rows) error {
		var f fn
		if err := r.Scan(&f.oid, &f.ns, &f.name, &f.owner, &f.kind, &f.args, &f.iargs, &f.lang, &f.result, &f.tagArgs, &f.sortKey,
			&f.retset, &f.strict, &f.secdef, &f.leakproof, &f.volatile, &f.parallel, &f.cost, &f.rows, &f.support,
			&f.config, &f.src, &f.bin, &f.sqlbody, &f.acl, &f.base, &f.extMember); err != nil {
			return err
		}
		list = append(list, f)
		return nil
	})
	if err != nil {
		return err
	}
	for _, f := range list {
		if !d.nsDumped(f.ns) {
			continue
		}
		ns := d.nsName(f.ns)
		keyword := "FUNCTION"
		if f.kind == "p" {
			keyword = "PROCEDURE"
		}
		sig := fmt.Sprintf("%s(%s)", d.q.id(f.name), f.args)
		isig := fmt.Sprintf("%s(%s)", d.q.id(f.name), f.iargs)
		var b strings.Builder
		fmt.Fprintf(&b, "CREATE %s %s.%s", keyword, d.q.id(ns), sig)
		if f.kind != "p" {
			fmt.Fprintf(&b, " RETURNS %s", str(f.result))
		}
		fmt.Fprintf(&b, "\n    LANGUAGE %s", d.q.id(f.lang))
		if f.kind == "w" {
			b.WriteString(" WINDOW")
		}
		switch f.volatile {
		case "i":
			b.WriteString(" IMMUTABLE")
		case "s":
			b.WriteString(" STABLE")
		}
		if f.strict {
			b.WriteString(" STRICT")
		}
		if f.secdef {
			b.WriteString(" SECURITY DEFINER")
		}
		if f.leakproof {
			b.WriteString(" LEAKPROOF")
		}
		if f.cost != "0" {
			if f.lang == "internal" || f.lang == "c" {
				if f.cost != "1" {
					b.WriteString(" COST " + f.cost)
				}
			} else if f.cost != "100" {
				b.WriteString(" COST " + f.cost)
			}
		}
		if f.retset && f.rows != "0" && f.rows != "1000" {
			b.WriteString(" ROWS " + f.rows)
		}
		if f.support != "" {
			b.WriteString(" SUPPORT " + f.support)
		}
		switch f.parallel {
		case "s":
			b.WriteString(" PARALLEL SAFE")
		case "r":
			b.WriteString(" PARALLEL RESTRICTED")
		}
		for _, c := range f.config {
			name, value, _ := strings.Cut(c, "=")
			fmt.Fprintf(&b, "\n    SET %s TO %s", name, configValue(name, value))
		}
		switch {
		case f.sqlbody != nil:
			b.WriteString("\n    " + *f.sqlbody)
		case f.bin != nil && *f.bin != "" && *f.bin != "-":
			b.WriteString("\n    AS " + literal(*f.bin))
			if src := str(f.src); src != "" && src != "-" {
				b.WriteString(", " + literal(src))
			}
		default:
			b.WriteString("\n    AS " + dollarQuote(str(f.src)))
		}
		b.WriteString(";\n")

		tag := fmt.Sprintf("%s(%s)", f.name, str(f.tagArgs))
		o := d.newObject(prioFunc, keyword, tag)
		o.name = f.name
		o.extra = f.sortKey
		o.setNS(ns)
		o.setCat(pgProc, f.oid)
		o.setOwner(f.owner)
		o.entry.Defn = pgarchive.Str(b.String())
		o.entry.DropStmt = pgarchive.Str(fmt.Sprintf("DROP %s %s.%s;\n", keyword, d.q.id(ns), isig))
		o.named(keyword, keyword, d.q.id(ns)+"."+isig, isig)
		o.acl, o.baseACL, o.aclOwner = f.acl, f.base, f.owner
		if f.extMember {
			// CREATE EXTENSION makes it; pg_dump keeps only privileges
			// changed since (against pg_init_privs), and only in full dumps.
			o.hidden, o.excluded = true, d.partial()
			o.commentType = ""
			o.entry.DropStmt = pgarchive.NullString{}
			continue
		}
		d.byCat[catKey{pgProc, f.oid}] = o
	}
	return nil
}

// listGUCs are the settings whose values are lists, each element quoted
// on its own (GUC_LIST_QUOTE), as pg_dump prints them.
var listGUCs = map[string]bool{
	"local_preload_libraries": true, "search_path": true, "session_preload_libraries": true,
	"shared_preload_libraries": true, "temp_tablespaces": true, "unix_socket_directories": true,
}

func configValue(name, value string) string {
	if !listGUCs[strings.ToLower(name)] {
		return literal(value)
	}
	var parts []string
	for _, p := range splitGUCList(value) {
		parts = append(parts, literal(p))
	}
	if len(parts) == 0 {
		return "''"
	}
	return strings.Join(parts, ", ")
}

// splitGUCList splits a list setting as stored in proconfig: elements
// separated by commas, each possibly double-quoted.
func splitGUCList(s string) []string {
	var out []string
	for len(s) > 0 {
		s = strings.TrimLeft(s, " ")
		var item string
		if strings.HasPrefix(s, `"`) {
			var b strings.Builder
			i := 1
			for i < len(s) {
				if s[i] == '"' {
					if i+1 < len(s) && s[i+1] == '"' {
						b.WriteByte('"')
						i += 2
						continue
					}
					i++
					break
				}
				b.WriteByte(s[i])
				i++
			}
			item, s = b.String(), s[i:]
		} else {
			j := strings.IndexByte(s, ',')
			if j < 0 {
				j = len(s)
			}
			item, s = strings.TrimRight(s[:j], " "), s[j:]
		}
		out = append(out, item)
		s = strings.TrimLeft(s, " ")
		s = strings.TrimPrefix(s, ",")
	}
	return out
}

// dollarQuote quotes a function body as pg_dump does: $$ unless the body
// contains "$", then $_$, $__$ and so on until the delimiter is absent.
func dollarQuote(body string) string {
	const suffixes = "_XXXXXXX"
	delim := "$"
	next := 0
	for strings.Contains(body, delim) {
		delim += string(suffixes[next])
		next = (next + 1) % len(suffixes)
	}
	delim += "$"
	return delim + body + delim
}

// collectAggregates reads ordinary aggregates. Moving-aggregate and
// ordered-set options are reported as unsupported.
func (d *dumper) collectAggregates() error {
	type agg struct {
		oid, ns                          uint32
		name, owner, args, iargs, kind   string
		tagArgs                          *string
		sortKey                          string
		sfunc, stype, final, combine     string
		serial, deserial, sortop, modify string
		finalExtra, moving               bool
		sspace                           int32
		initcond                         *string
		parallel                         string
		acl, base                        []string
	}
	var list []agg
	err := d.each("aggregates", `SELECT p.oid, p.pronamespace, p.proname, pg_catalog.pg_get_userbyid(p.proowner),
		pg_catalog.pg_get_function_arguments(p.oid), pg_catalog.pg_get_function_identity_arguments(p.oid), a.aggkind::text,
		(SELECT pg_catalog.string_agg(pg_catalog.format_type(t.typ, NULL), ', ' ORDER BY t.n) FROM pg_catalog.unnest(p.proargtypes::oid[]) WITH ORDINALITY t(typ, n)),
		(SELECT pg_catalog.lpad(pg_catalog.cardinality(p.proargtypes::oid[])::text, 5, '0') || COALESCE(pg_catalog.string_agg(E'\\x01' || tn.nspname || E'\\x02' || ty.typname, '' ORDER BY t.n), '')
			FROM pg_catalog.unnest(p.proargtypes::oid[]) WITH ORDINALITY t(typ, n) JOIN pg_catalog.pg_type ty ON ty.oid = t.typ JOIN pg_catalog.pg_namespace tn ON tn.oid = ty.typnamespace),
		a.aggtransfn::pg_catalog.regproc::text, pg_catalog.format_type(a.aggtranstype, NULL),
		CASE WHEN a.aggfinalfn <> 0 THEN a.aggfinalfn::pg_catalog.regproc::text ELSE '' END,
		CASE WHEN a.aggcombinefn <> 0 THEN a.aggcombinefn::pg_catalog.regproc::text ELSE '' END,
		CASE WHEN a.aggserialfn <> 0 THEN a.aggserialfn::pg_catalog.regproc::text ELSE '' END,
		CASE WHEN a.aggdeserialfn <> 0 THEN a.aggdeserialfn::pg_catalog.regproc::text ELSE '' END,
		CASE WHEN a.aggsortop <> 0 THEN a.aggsortop::pg_catalog.regoperator::text ELSE '' END,
		a.aggfinalmodify::text, a.aggfinalextra, a.aggmtransfn <> 0, a.aggtransspace, a.agginitval, p.proparallel::text,
		p.proacl::text[], pg_catalog.acldefault('f', p.proowner)::text[]
		FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = p.oid
		WHERE p.prokind = 'a' AND NOT `+extensionMember("pg_catalog.pg_proc", "p.oid")+` ORDER BY p.oid`, nil, func(r pgx.Rows) error {
		var a agg
		if err := r.Scan(&a.oid, &a.ns, &a.name, &a.owner, &a.args, &a.iargs, &a.kind, &a.tagArgs, &a.sortKey, &a.sfunc, &a.stype, &a.final,
			&a.combine, &a.serial, &a.deserial, &a.sortop, &a.modify, &a.finalExtra, &a.moving, &a.sspace, &a.initcond,
			&a.parallel, &a.acl, &a.base); err != nil {
			return err
		}
		list = append(list, a)
		return nil
	})
	if err != nil {
		return err
	}
	for _, a := range list {
		if !d.nsDumped(a.ns) {
			continue
		}
		ns := d.nsName(a.ns)
		isig := fmt.Sprintf("%s(%s)", d.q.id(a.name), a.iargs)
		if a.kind != "n" || a.moving {
			return fmt.Errorf("dump: AGGREGATE %s.%s: ordered-set and moving aggregates are not supported", d.q.id(ns), isig)
		}
		var b strings.Builder
		fmt.Fprintf(&b, "    SFUNC = %s,\n    STYPE = %s", a.sfunc, a.stype)
		if a.sspace > 0 {
			fmt.Fprintf(&b, ",\n    SSPACE = %d", a.sspace)
		}
		if a.initcond != nil {
			fmt.Fprintf(&b, ",\n    INITCOND = %s", literal(*a.initcond))
		}
		if a.final != "" {
			fmt.Fprintf(&b, ",\n    FINALFUNC = %s", a.final)
			if a.finalExtra {
				b.WriteString(",\n    FINALFUNC_EXTRA")
			}
			switch a.modify {
			case "s":
				b.WriteString(",\n    FINALFUNC_MODIFY = SHAREABLE")
			case "w":
				b.WriteString(",\n    FINALFUNC_MODIFY = READ_WRITE")
			}
		}
		for _, kv := range [][2]string{{"COMBINEFUNC", a.combine}, {"SERIALFUNC", a.serial}, {"DESERIALFUNC", a.deserial}} {
			if kv[1] != "" {
				fmt.Fprintf(&b, ",\n    %s = %s", kv[0], kv[1])
			}
		}
		if a.sortop != "" {
			op, _, _ := strings.Cut(a.sortop, "(")
			fmt.Fprintf(&b, ",\n    SORTOP = %s", op)
		}
		switch a.parallel {
		case "s":
			b.WriteString(",\n    PARALLEL = safe")
		case "r":
			b.WriteString(",\n    PARALLEL = restricted")
		}
		tag := fmt.Sprintf("%s(%s)", a.name, str(a.tagArgs))
		if a.tagArgs == nil {
			tag = a.name + "(*)"
		}
		sig := fmt.Sprintf("%s(%s)", d.q.id(a.name), a.args)
		if a.args == "" {
			sig = d.q.id(a.name) + "(*)"
			isig = sig
		}
		o := d.newObject(prioAgg, "AGGREGATE", tag)
		o.name, o.extra = a.name, a.sortKey
		o.setNS(ns)
		o.setCat(pgProc, a.oid)
		o.setOwner(a.owner)
		o.entry.Defn = pgarchive.Str(fmt.Sprintf("CREATE AGGREGATE %s.%s (\n%s\n);\n", d.q.id(ns), sig, b.String()))
		o.entry.DropStmt = pgarchive.Str(fmt.Sprintf("DROP AGGREGATE %s.%s;\n", d.q.id(ns), isig))
		o.named("AGGREGATE", "FUNCTION", d.q.id(ns)+"."+isig, isig)
		o.acl, o.baseACL, o.aclOwner = a.acl, a.base, a.owner
		d.byCat[catKey{pgProc, a.oid}] = o
	}
	return nil
}
