package dump

import (
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/pgdrill/pgdrill/pgarchive"
)

// Catalog table OIDs of operator classes and families.
const (
	pgOpclass  = 2616
	pgOpfamily = 2753
)

// opMembers writes the operators and support functions that depend on the
// catalog object refClass/refOID (an operator class, or a family's loose
// members), in pg_dump's layout, each item preceded by sep once one has
// been written.
func (d *dumper) opMembers(b *strings.Builder, refClass, refOID, family uint32, sep string, first bool) (bool, error) {
	err := d.each("operator class operators", `SELECT ao.amopstrategy::text, ao.amopopr::pg_catalog.regoperator::text,
		COALESCE(pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(f.opfname), '')
		FROM pg_catalog.pg_amop ao JOIN pg_catalog.pg_depend dp ON dp.classid = 'pg_catalog.pg_amop'::pg_catalog.regclass AND dp.objid = ao.oid
		LEFT JOIN pg_catalog.pg_opfamily f ON f.oid = ao.amopsortfamily LEFT JOIN pg_catalog.pg_namespace n ON n.oid = f.opfnamespace
		WHERE dp.refclassid = $1 AND dp.refobjid = $2 AND ao.amopfamily = $3 ORDER BY ao.amopstrategy`, []any{refClass, refOID, family}, func(r pgx.Rows) error {
		var strategy, op, sortFamily string
		if err := r.Scan(&strategy, &op, &sortFamily); err != nil {
			return err
		}
		if !first {
			b.WriteString(sep)
		}
		first = false
		fmt.Fprintf(b, "OPERATOR %s %s", strategy, op)
		if sortFamily != "" {
			b.WriteString(" FOR ORDER BY " + sortFamily)
		}
		return nil
	})
	if err != nil {
		return first, err
	}
	err = d.each("operator class functions", `SELECT ap.amprocnum::text, ap.amproc::pg_catalog.regprocedure::text,
		ap.amproclefttype::pg_catalog.regtype::text, ap.amprocrighttype::pg_catalog.regtype::text
		FROM pg_catalog.pg_amproc ap JOIN pg_catalog.pg_depend dp ON dp.classid = 'pg_catalog.pg_amproc'::pg_catalog.regclass AND dp.objid = ap.oid
		WHERE dp.refclassid = $1 AND dp.refobjid = $2 AND ap.amprocfamily = $3 ORDER BY ap.amprocnum`, []any{refClass, refOID, family}, func(r pgx.Rows) error {
		var num, fn, left, right string
		if err := r.Scan(&num, &fn, &left, &right); err != nil {
			return err
		}
		if !first {
			b.WriteString(sep)
		}
		first = false
		fmt.Fprintf(b, "FUNCTION %s (%s, %s) %s", num, left, right, fn)
		return nil
	})
	return first, err
}

// collectOpFamilies reads operator families and classes.
func (d *dumper) collectOpFamilies() error {
	type fam struct {
		oid, ns         uint32
		name, owner, am string
	}
	var fams []fam
	err := d.each("operator families", `SELECT f.oid, f.opfnamespace, f.opfname, pg_catalog.pg_get_userbyid(f.opfowner), a.amname
		FROM pg_catalog.pg_opfamily f JOIN pg_catalog.pg_am a ON a.oid = f.opfmethod
		WHERE f.oid >= 16384 AND NOT `+extensionMember("pg_catalog.pg_opfamily", "f.oid")+` ORDER BY f.oid`, nil, func(r pgx.Rows) error {
		var x fam
		if err := r.Scan(&x.oid, &x.ns, &x.name, &x.owner, &x.am); err != nil {
			return err
		}
		fams = append(fams, x)
		return nil
	})
	if err != nil {
		return err
	}
	for _, f := range fams {
		if !d.nsDumped(f.ns) {
			continue
		}
		qual := d.q.qual(d.nsName(f.ns), f.name)
		var b strings.Builder
		fmt.Fprintf(&b, "CREATE OPERATOR FAMILY %s USING %s;\n", qual, d.q.id(f.am))
		var loose strings.Builder
		empty, err := d.opMembers(&loose, pgOpfamily, f.oid, f.oid, " ,\n    ", true)
		if err != nil {
			return err
		}
		if !empty {
			fmt.Fprintf(&b, "ALTER OPERATOR FAMILY %s USING %s ADD\n    %s;\n", qual, d.q.id(f.am), loose.String())
		}
		o := d.newObject(prioOpFamily, "OPERATOR FAMILY", f.name)
		o.extra = "1"
		o.setNS(d.nsName(f.ns))
		o.setCat(pgOpfamily, f.oid)
		o.setOwner(f.owner)
		o.entry.Defn = pgarchive.Str(b.String())
		o.entry.DropStmt = pgarchive.Str(fmt.Sprintf("DROP OPERATOR FAMILY %s USING %s;\n", qual, d.q.id(f.am)))
		sig := fmt.Sprintf(" USING %s", d.q.id(f.am))
		o.named("OPERATOR FAMILY", "", qual+sig, d.q.id(f.name)+sig)
		d.byCat[catKey{pgOpfamily, f.oid}] = o
	}

	type class struct {
		oid, ns, family                         uint32
		name, owner, am, intype, keytype, fqual string
		isDefault                               bool
	}
	var classes []class
	err = d.each("operator classes", `SELECT c.oid, c.opcnamespace, c.opcfamily, c.opcname, pg_catalog.pg_get_userbyid(c.opcowner), a.amname,
		c.opcintype::pg_catalog.regtype::text, CASE WHEN c.opckeytype <> 0 THEN c.opckeytype::pg_catalog.regtype::text ELSE '' END,
		pg_catalog.quote_ident(fn.nspname) || '.' || pg_catalog.quote_ident(f.opfname), c.opcdefault
		FROM pg_catalog.pg_opclass c JOIN pg_catalog.pg_am a ON a.oid = c.opcmethod
		JOIN pg_catalog.pg_opfamily f ON f.oid = c.opcfamily JOIN pg_catalog.pg_namespace fn ON fn.oid = f.opfnamespace
		WHERE c.oid >= 16384 AND NOT `+extensionMember("pg_catalog.pg_opclass", "c.oid")+` ORDER BY c.oid`, nil, func(r pgx.Rows) error {
		var x class
		if err := r.Scan(&x.oid, &x.ns, &x.family, &x.name, &x.owner, &x.am, &x.intype, &x.keytype, &x.fqual, &x.isDefault); err != nil {
			return err
		}
		classes = append(classes, x)
		return nil
	})
	if err != nil {
		return err
	}
	for _, c := range classes {
		if !d.nsDumped(c.ns) {
			continue
		}
		qual := d.q.qual(d.nsName(c.ns), c.name)
		var b strings.Builder
		fmt.Fprintf(&b, "CREATE OPERATOR CLASS %s\n    ", qual)
		if c.isDefault {
			b.WriteString("DEFAULT ")
		}
		fmt.Fprintf(&b, "FOR TYPE %s USING %s FAMILY %s AS\n    ", c.intype, d.q.id(c.am), c.fqual)
		first := true
		if c.keytype != "" {
			b.WriteString("STORAGE " + c.keytype)
			first = false
		}
		first, err := d.opMembers(&b, pgOpclass, c.oid, c.family, " ,\n    ", first)
		if err != nil {
			return err
		}
		if first {
			b.WriteString("STORAGE " + c.intype)
		}
		b.WriteString(";\n")
		o := d.newObject(prioOpFamily, "OPERATOR CLASS", c.name)
		o.extra = "0"
		o.setNS(d.nsName(c.ns))
		o.setCat(pgOpclass, c.oid)
		o.setOwner(c.owner)
		o.entry.Defn = pgarchive.Str(b.String())
		o.entry.DropStmt = pgarchive.Str(fmt.Sprintf("DROP OPERATOR CLASS %s USING %s;\n", qual, d.q.id(c.am)))
		sig := fmt.Sprintf(" USING %s", d.q.id(c.am))
		o.named("OPERATOR CLASS", "", qual+sig, d.q.id(c.name)+sig)
		d.byCat[catKey{pgOpclass, c.oid}] = o
	}
	return nil
}
