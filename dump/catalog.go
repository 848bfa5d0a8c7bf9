package dump

import (
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/pgdrill/pgdrill/pgarchive"
)

// each runs a catalog query in the snapshot and calls scan for every row.
func (d *dumper) each(what, sql string, args []any, scan func(pgx.Rows) error) error {
	rows, err := d.tx.Query(d.ctx, sql, args...)
	if err != nil {
		return fmt.Errorf("dump: read %s: %w", what, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return fmt.Errorf("dump: read %s: %w", what, err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("dump: read %s: %w", what, err)
	}
	return nil
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// collect reads every object to dump from the catalogs.
func (d *dumper) collect() error {
	steps := []func() error{
		d.resolveSelection,
		d.collectDatabase,
		d.collectSchemas,
		d.collectComments,
		d.collectExtensions,
		d.collectCollations,
		d.collectTypes,
		d.collectFunctions,
		d.collectAggregates,
		d.collectOperators,
		d.collectOpFamilies,
		d.collectCasts,
		d.collectForeign,
		d.collectTextSearch,
		d.collectTables,
		d.collectIndexes,
		d.collectRelationStats,
		d.collectConstraints,
		d.collectTriggers,
		d.collectRules,
		d.collectPolicies,
		d.collectStatistics,
		d.collectEventTriggers,
		d.collectPublications,
		d.collectDefaultACLs,
		d.collectBlobs,
		d.checkUnsupported,
		d.collectDependencies,
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// Namespace filters. With -t only relations (and what belongs to them)
// are dumped, as with pg_dump.
func (d *dumper) nsDumped(nsOID uint32) bool {
	s := d.schemas[nsOID]
	return s != nil && s.included && !d.tablesOnly()
}

func (d *dumper) nsName(nsOID uint32) string {
	if s := d.schemas[nsOID]; s != nil {
		return s.name
	}
	return ""
}

// extensionMember is the SQL test for objects that belong to an extension,
// which CREATE EXTENSION makes and so are not dumped one by one.
func extensionMember(class, oidExpr string) string {
	return fmt.Sprintf("EXISTS (SELECT 1 FROM pg_catalog.pg_depend xd WHERE xd.classid = '%s'::pg_catalog.regclass AND xd.objid = %s AND xd.deptype = 'e')", class, oidExpr)
}

func (d *dumper) collectDatabase() error {
	var oid uint32
	var name, owner, enc, collate, ctype, provider, tablespace string
	var icu *string
	q := `SELECT d.oid, d.datname, pg_catalog.pg_get_userbyid(d.datdba), pg_catalog.pg_encoding_to_char(d.encoding),
		d.datcollate, d.datctype, t.spcname, ` + ifVersion(d.serverNum >= 170000, "d.datlocprovider::text, d.datlocale",
		ifVersion(d.serverNum >= 150000, "d.datlocprovider::text, d.daticulocale", "'c', NULL::text")) + `
		FROM pg_catalog.pg_database d JOIN pg_catalog.pg_tablespace t ON t.oid = d.dattablespace
		WHERE d.datname = pg_catalog.current_database()`
	if err := d.tx.QueryRow(d.ctx, q).Scan(&oid, &name, &owner, &enc, &collate, &ctype, &tablespace, &provider, &icu); err != nil {
		return fmt.Errorf("dump: read database: %w", err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "CREATE DATABASE %s WITH TEMPLATE = template0 ENCODING = %s", d.q.id(name), literal(enc))
	if d.serverNum >= 150000 {
		switch provider {
		case "i":
			b.WriteString(" LOCALE_PROVIDER = icu")
		case "b":
			b.WriteString(" LOCALE_PROVIDER = builtin")
		default:
			b.WriteString(" LOCALE_PROVIDER = libc")
		}
	}
	if collate == ctype {
		fmt.Fprintf(&b, " LOCALE = %s", literal(collate))
	} else {
		fmt.Fprintf(&b, " LC_COLLATE = %s LC_CTYPE = %s", literal(collate), literal(ctype))
	}
	if icu != nil && provider == "i" {
		fmt.Fprintf(&b, " ICU_LOCALE = %s", literal(*icu))
	}
	if icu != nil && provider == "b" {
		fmt.Fprintf(&b, " BUILTIN_LOCALE = %s", literal(*icu))
	}
	if tablespace != "pg_default" {
		fmt.Fprintf(&b, " TABLESPACE = %s", d.q.id(tablespace))
	}
	b.WriteString(";\n")
	o := &object{prio: prioNamespace, name: name}
	o.entry = pgarchive.Entry{Desc: "DATABASE", Tag: name, Section: pgarchive.SectionPreData,
		Defn: pgarchive.Str(b.String()), DropStmt: pgarchive.Str("DROP DATABASE " + d.q.id(name) + ";\n"), WithOIDs: "false"}
	o.setCat(pgDatabase, oid)
	o.setOwner(owner)
	o.named("DATABASE", "DATABASE", d.q.id(name), d.q.id(name))
	if err := d.tx.QueryRow(d.ctx, `SELECT datacl::text[], pg_catalog.acldefault('d', datdba)::text[] FROM pg_catalog.pg_database WHERE oid = $1`, oid).Scan(&o.acl, &o.baseACL); err != nil {
		return fmt.Errorf("dump: read database ACL: %w", err)
	}
	o.aclOwner = owner
	d.dbObj = o
	return d.databaseProperties(o, name)
}

// databaseProperties makes the DATABASE PROPERTIES entry: settings made
// with ALTER DATABASE ... SET and ALTER ROLE ... IN DATABASE ... SET, which
// pg_restore applies with -C.
func (d *dumper) databaseProperties(db *object, name string) error {
	var b strings.Builder
	err := d.each("database settings", `SELECT COALESCE(pg_catalog.pg_get_userbyid(NULLIF(s.setrole, 0)), ''), s.setconfig
		FROM pg_catalog.pg_db_role_setting s WHERE s.setdatabase = $1 ORDER BY s.setrole <> 0, 1`, []any{db.oid}, func(r pgx.Rows) error {
		var role string
		var config []string
		if err := r.Scan(&role, &config); err != nil {
			return err
		}
		for _, c := range config {
			k, v, _ := strings.Cut(c, "=")
			if role == "" {
				fmt.Fprintf(&b, "ALTER DATABASE %s SET %s TO %s;\n", d.q.id(name), d.q.id(k), configValue(k, v))
			} else {
				fmt.Fprintf(&b, "ALTER ROLE %s IN DATABASE %s SET %s TO %s;\n", d.q.id(role), d.q.id(name), d.q.id(k), configValue(k, v))
			}
		}
		return nil
	})
	if err != nil || b.Len() == 0 {
		return err
	}
	p := &object{entry: pgarchive.Entry{Desc: "DATABASE PROPERTIES", Tag: name, Section: pgarchive.SectionPreData,
		Defn: pgarchive.Str(b.String()), DropStmt: pgarchive.Str(""), Owner: db.entry.Owner, WithOIDs: "false"}}
	// pg_dump 15 and 17 hand ArchiveEntry the DATABASE's ID without a
	// count, so the entry has no dependencies.
	p.verbatimDeps()
	d.propsObj = p
	return nil
}

func ifVersion(cond bool, then, otherwise string) string {
	if cond {
		return then
	}
	return otherwise
}

// systemSchema reports the schemas pg_dump never dumps by default.
func systemSchema(name string) bool {
	return name == "pg_catalog" || name == "information_schema" || strings.HasPrefix(name, "pg_toast") || strings.HasPrefix(name, "pg_temp")
}

func (d *dumper) collectSchemas() (err error) {
	d.schemas = map[uint32]*schemaInfo{}
	type nsRow struct {
		oid          uint32
		name, owner  string
		acl, initACL []string
		ext          bool
	}
	var list []nsRow
	err = d.each("schemas", `SELECT n.oid, n.nspname, pg_catalog.pg_get_userbyid(n.nspowner), n.nspacl::text[],
		COALESCE((SELECT p.initprivs::text[] FROM pg_catalog.pg_init_privs p WHERE p.classoid = 'pg_catalog.pg_namespace'::pg_catalog.regclass AND p.objoid = n.oid AND p.objsubid = 0),
		         pg_catalog.acldefault('n', n.nspowner)::text[]),
		`+extensionMember("pg_catalog.pg_namespace", "n.oid")+`
		FROM pg_catalog.pg_namespace n ORDER BY n.oid`, nil, func(r pgx.Rows) error {
		var s nsRow
		if err := r.Scan(&s.oid, &s.name, &s.owner, &s.acl, &s.initACL, &s.ext); err != nil {
			return err
		}
		list = append(list, s)
		return nil
	})
	if err != nil {
		return err
	}
	for _, s := range list {
		info := &schemaInfo{oid: s.oid, name: s.name, included: !systemSchema(s.name) && !s.ext && d.sel.schemaIncluded(s.oid)}
		d.schemas[s.oid] = info
		if !info.included || d.tablesOnly() {
			continue
		}
		o := d.newObject(prioNamespace, "SCHEMA", s.name)
		o.setCat(pgNamespace, s.oid)
		o.setOwner(s.owner)
		info.obj = o
		d.byCat[catKey{pgNamespace, s.oid}] = o
		o.named("SCHEMA", "SCHEMA", d.q.id(s.name), d.q.id(s.name))
		o.acl, o.baseACL, o.aclOwner = s.acl, s.initACL, s.owner
		if s.name == "public" && len(d.opts.Schemas) == 0 {
			// public comes with every database: pg_dump leaves out its
			// CREATE but keeps a changed comment or ACL, unless -n names
			// it, when it is dumped like any other schema.
			o.hidden = true
			o.defaultComment = "standard public schema"
			continue
		}
		o.entry.Defn = pgarchive.Str("CREATE SCHEMA " + d.q.id(s.name) + ";\n")
		o.entry.DropStmt = pgarchive.Str("DROP SCHEMA " + d.q.id(s.name) + ";\n")
	}
	return nil
}

func (d *dumper) collectComments() error {
	d.comments = map[commentKey]string{}
	return d.each("comments", `SELECT classoid, objoid, objsubid, description FROM pg_catalog.pg_description
		UNION ALL SELECT classoid, objoid, 0, description FROM pg_catalog.pg_shdescription WHERE classoid = 'pg_catalog.pg_database'::pg_catalog.regclass`, nil, func(r pgx.Rows) error {
		var k commentKey
		var text string
		if err := r.Scan(&k.class, &k.oid, &k.sub, &text); err != nil {
			return err
		}
		d.comments[k] = text
		return nil
	})
}

func (d *dumper) collectExtensions() error {
	return d.each("extensions", `SELECT e.oid, e.extname, n.nspname FROM pg_catalog.pg_extension e
		JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace WHERE e.oid >= 16384 ORDER BY e.oid`, nil, func(r pgx.Rows) error {
		var oid uint32
		var name, ns string
		if err := r.Scan(&oid, &name, &ns); err != nil {
			return err
		}
		o := d.newObject(prioExtension, "EXTENSION", name)
		o.excluded = d.partial() // pg_dump leaves extensions out of -n and -t dumps
		o.setCat(pgExtension, oid)
		o.entry.Defn = pgarchive.Str(fmt.Sprintf("CREATE EXTENSION IF NOT EXISTS %s WITH SCHEMA %s;\n", d.q.id(name), d.q.id(ns)))
		o.entry.DropStmt = pgarchive.Str("DROP EXTENSION " + d.q.id(name) + ";\n")
		o.named("EXTENSION", "", d.q.id(name), d.q.id(name))
		d.byCat[catKey{pgExtension, oid}] = o
		return nil
	})
}
