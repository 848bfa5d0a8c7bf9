package dump

import (
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/pgdrill/pgdrill/pgarchive"
)

// Catalog table OIDs of foreign-data objects.
const (
	pgForeignDataWrapper = 2328
	pgForeignServer      = 1417
)

// optionList is pg_dump's SQL for a generic options array: name 'value'
// pairs sorted by name, one per line.
func optionList(column string) string {
	return `pg_catalog.array_to_string(ARRAY(SELECT pg_catalog.quote_ident(option_name) || ' ' || pg_catalog.quote_literal(option_value)
		FROM pg_catalog.pg_options_to_table(` + column + `) ORDER BY option_name), E',\n    ')`
}

// optionsClause is " OPTIONS (\n    a 'x'\n)" or "" for no options.
func optionsClause(list string) string {
	if list == "" {
		return ""
	}
	return " OPTIONS (\n    " + list + "\n)"
}

// collectForeign reads foreign-data wrappers, servers and user mappings
// (database-wide, so only full dumps hold them).
func (d *dumper) collectForeign() error {
	err := d.each("foreign-data wrappers", `SELECT w.oid, w.fdwname, pg_catalog.pg_get_userbyid(w.fdwowner),
		CASE WHEN w.fdwhandler <> 0 THEN w.fdwhandler::pg_catalog.regproc::text END, CASE WHEN w.fdwvalidator <> 0 THEN w.fdwvalidator::pg_catalog.regproc::text END,
		`+optionList("w.fdwoptions")+`, w.fdwacl::text[], pg_catalog.acldefault('F', w.fdwowner)::text[]
		FROM pg_catalog.pg_foreign_data_wrapper w WHERE w.oid >= 16384 AND NOT `+extensionMember("pg_catalog.pg_foreign_data_wrapper", "w.oid")+` ORDER BY w.oid`, nil, func(r pgx.Rows) error {
		var oid uint32
		var name, owner, options string
		var handler, validator *string
		var acl, base []string
		if err := r.Scan(&oid, &name, &owner, &handler, &validator, &options, &acl, &base); err != nil {
			return err
		}
		defn := "CREATE FOREIGN DATA WRAPPER " + d.q.id(name)
		if handler != nil {
			defn += " HANDLER " + *handler
		}
		if validator != nil {
			defn += " VALIDATOR " + *validator
		}
		o := d.newObject(prioFDW, "FOREIGN DATA WRAPPER", name)
		o.excluded = d.partial()
		o.setCat(pgForeignDataWrapper, oid)
		o.setOwner(owner)
		o.entry.Defn = pgarchive.Str(defn + optionsClause(options) + ";\n")
		o.entry.DropStmt = pgarchive.Str("DROP FOREIGN DATA WRAPPER " + d.q.id(name) + ";\n")
		o.named("FOREIGN DATA WRAPPER", "FOREIGN DATA WRAPPER", d.q.id(name), d.q.id(name))
		o.acl, o.baseACL, o.aclOwner = acl, base, owner
		d.byCat[catKey{pgForeignDataWrapper, oid}] = o
		return nil
	})
	if err != nil {
		return err
	}
	servers := map[uint32]*object{}
	err = d.each("foreign servers", `SELECT s.oid, s.srvname, pg_catalog.pg_get_userbyid(s.srvowner), s.srvtype, s.srvversion, w.fdwname,
		`+optionList("s.srvoptions")+`, s.srvacl::text[], pg_catalog.acldefault('S', s.srvowner)::text[]
		FROM pg_catalog.pg_foreign_server s JOIN pg_catalog.pg_foreign_data_wrapper w ON w.oid = s.srvfdw
		WHERE NOT `+extensionMember("pg_catalog.pg_foreign_server", "s.oid")+` ORDER BY s.oid`, nil, func(r pgx.Rows) error {
		var oid uint32
		var name, owner, fdw, options string
		var typ, version *string
		var acl, base []string
		if err := r.Scan(&oid, &name, &owner, &typ, &version, &fdw, &options, &acl, &base); err != nil {
			return err
		}
		defn := "CREATE SERVER " + d.q.id(name)
		if typ != nil {
			defn += " TYPE " + literal(*typ)
		}
		if version != nil {
			defn += " VERSION " + literal(*version)
		}
		defn += " FOREIGN DATA WRAPPER " + d.q.id(fdw)
		o := d.newObject(prioForeignServer, "SERVER", name)
		o.excluded = d.partial()
		o.setCat(pgForeignServer, oid)
		o.setOwner(owner)
		o.entry.Defn = pgarchive.Str(defn + optionsClause(options) + ";\n")
		o.entry.DropStmt = pgarchive.Str("DROP SERVER " + d.q.id(name) + ";\n")
		o.named("SERVER", "FOREIGN SERVER", d.q.id(name), d.q.id(name))
		o.acl, o.baseACL, o.aclOwner = acl, base, owner
		d.byCat[catKey{pgForeignServer, oid}] = o
		servers[oid] = o
		return nil
	})
	if err != nil {
		return err
	}
	// User mappings follow their server, as pg_dump writes them while
	// dumping it.
	return d.each("user mappings", `SELECT m.srvid, m.usename, `+optionList("m.umoptions")+`
		FROM pg_catalog.pg_user_mappings m ORDER BY m.srvid, m.usename`, nil, func(r pgx.Rows) error {
		var srv uint32
		var user, options string
		if err := r.Scan(&srv, &user, &options); err != nil {
			return err
		}
		s := servers[srv]
		if s == nil {
			return nil
		}
		tag := fmt.Sprintf("USER MAPPING %s SERVER %s", d.q.id(user), d.q.id(s.entry.Tag))
		c := &object{entry: pgarchive.Entry{Desc: "USER MAPPING", Tag: tag, Section: pgarchive.SectionPreData, WithOIDs: "false",
			Defn:     pgarchive.Str(fmt.Sprintf("CREATE USER MAPPING FOR %s SERVER %s%s;\n", d.q.id(user), d.q.id(s.entry.Tag), optionsClause(options))),
			DropStmt: pgarchive.Str(fmt.Sprintf("DROP USER MAPPING FOR %s SERVER %s;\n", d.q.id(user), d.q.id(s.entry.Tag))),
			Owner:    s.entry.Owner}}
		s.trailers = append(s.trailers, c)
		return nil
	})
}

// foreignTableObject makes the FOREIGN TABLE entry of t.
func (d *dumper) foreignTableObject(t *table) error {
	var server, options string
	err := d.tx.QueryRow(d.ctx, `SELECT s.srvname, `+optionList("f.ftoptions")+`
		FROM pg_catalog.pg_foreign_table f JOIN pg_catalog.pg_foreign_server s ON s.oid = f.ftserver WHERE f.ftrelid = $1`, t.oid).Scan(&server, &options)
	if err != nil {
		return fmt.Errorf("dump: FOREIGN TABLE %s: %w", t.qual, err)
	}
	o := d.relObject(t, prioTable, "FOREIGN TABLE")
	o.entry.Relkind = int(t.kind[0])
	o.named("FOREIGN TABLE", "TABLE", t.qual, d.q.id(t.name))
	o.acl, o.baseACL, o.aclOwner = t.acl, t.base, t.owner
	o.entry.DropStmt = pgarchive.Str("DROP FOREIGN TABLE " + t.qual + ";\n")
	o.table = t
	t.foreignServer, t.foreignOptions = server, options
	return d.columnOptions(t)
}

// columnOptions reads a foreign table's per-column options.
func (d *dumper) columnOptions(t *table) error {
	return d.each("foreign column options", `SELECT a.attnum, `+optionList("a.attfdwoptions")+`
		FROM pg_catalog.pg_attribute a WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped AND a.attfdwoptions IS NOT NULL ORDER BY a.attnum`,
		[]any{t.oid}, func(r pgx.Rows) error {
			var num int16
			var options string
			if err := r.Scan(&num, &options); err != nil {
				return err
			}
			for _, c := range t.cols {
				if c.num == num {
					c.fdwOptions = options
				}
			}
			return nil
		})
}

// foreignTableDefn is CREATE FOREIGN TABLE with its server, options and
// column options, in pg_dump's layout.
func (d *dumper) foreignTableDefn(t *table) string {
	createTable := d.tableDefn(t)
	// tableDefn wrote "CREATE TABLE name (...)" and the trailing ALTERs;
	// turn it into the foreign form.
	head, rest, _ := strings.Cut(createTable, "\n);\n")
	head = strings.Replace(head, "CREATE TABLE ", "CREATE FOREIGN TABLE ", 1)
	var b strings.Builder
	b.WriteString(head + "\n)\nSERVER " + d.q.id(t.foreignServer))
	if t.foreignOptions != "" {
		b.WriteString("\nOPTIONS (\n    " + t.foreignOptions + "\n)")
	}
	b.WriteString(";\n")
	only := "" // pg_dump 15 writes no ONLY here, pg_dump 17 does
	if d.opts.Format.AtLeast(pgarchive.V1_16) {
		only = "ONLY "
	}
	for _, c := range t.cols {
		if c.fdwOptions != "" {
			fmt.Fprintf(&b, "ALTER FOREIGN TABLE %s%s ALTER COLUMN %s OPTIONS (\n    %s\n);\n", only, t.qual, d.q.id(c.name), c.fdwOptions)
		}
	}
	b.WriteString(strings.ReplaceAll(rest, "ALTER TABLE ONLY ", "ALTER FOREIGN TABLE ONLY "))
	return b.String()
}
