package dump

import (
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/pgdrill/pgdrill/pgarchive"
)

// aclItem is one parsed aclitem: grantee=privileges/grantor.
type aclItem struct {
	grantee, grantor string // "" grantee is PUBLIC
	privs            string // letters, each optionally followed by '*'
}

// parseACLItem reads the text form of an aclitem, where role names are
// double-quoted when they need it.
func parseACLItem(s string) (aclItem, error) {
	var it aclItem
	name := func() (string, error) {
		if !strings.HasPrefix(s, `"`) {
			i := strings.IndexAny(s, "=/")
			if i < 0 {
				i = len(s)
			}
			n := s[:i]
			s = s[i:]
			return n, nil
		}
		var b strings.Builder
		i := 1
		for i < len(s) {
			if s[i] == '"' {
				if i+1 < len(s) && s[i+1] == '"' {
					b.WriteByte('"')
					i += 2
					continue
				}
				s = s[i+1:]
				return b.String(), nil
			}
			b.WriteByte(s[i])
			i++
		}
		return "", fmt.Errorf("unterminated quoted role name")
	}
	var err error
	if it.grantee, err = name(); err != nil {
		return it, err
	}
	if !strings.HasPrefix(s, "=") {
		return it, fmt.Errorf("aclitem %q: no '='", s)
	}
	s = s[1:]
	i := strings.IndexByte(s, '/')
	if i < 0 {
		return it, fmt.Errorf("aclitem: no grantor")
	}
	it.privs, s = s[:i], s[i+1:]
	if it.grantor, err = name(); err != nil {
		return it, err
	}
	return it, nil
}

// privNames lists, in pg_dump's order, the privileges an object type
// knows; a grant of all of them is written ALL.
//
// pg_dump 17 knows MAINTAIN too, so a full set of PostgreSQL 15 table
// privileges is not ALL to it; withMaintain follows it for 1.16 archives.
func privNames(typ string, column, withMaintain bool) [][2]string {
	switch typ {
	case "TABLE", "TABLES":
		if column {
			return [][2]string{{"r", "SELECT"}, {"a", "INSERT"}, {"x", "REFERENCES"}, {"w", "UPDATE"}}
		}
		if withMaintain {
			return [][2]string{{"r", "SELECT"}, {"a", "INSERT"}, {"x", "REFERENCES"}, {"d", "DELETE"}, {"t", "TRIGGER"}, {"D", "TRUNCATE"}, {"m", "MAINTAIN"}, {"w", "UPDATE"}}
		}
		return [][2]string{{"r", "SELECT"}, {"a", "INSERT"}, {"x", "REFERENCES"}, {"d", "DELETE"}, {"t", "TRIGGER"}, {"D", "TRUNCATE"}, {"w", "UPDATE"}}
	case "SEQUENCE", "SEQUENCES":
		return [][2]string{{"r", "SELECT"}, {"U", "USAGE"}, {"w", "UPDATE"}}
	case "FUNCTION", "FUNCTIONS", "PROCEDURE":
		return [][2]string{{"X", "EXECUTE"}}
	case "SCHEMA", "SCHEMAS":
		return [][2]string{{"C", "CREATE"}, {"U", "USAGE"}}
	case "TYPE", "TYPES", "DOMAIN", "FOREIGN DATA WRAPPER", "FOREIGN SERVER":
		return [][2]string{{"U", "USAGE"}}
	case "DATABASE":
		return [][2]string{{"C", "CREATE"}, {"c", "CONNECT"}, {"T", "TEMPORARY"}}
	case "LARGE OBJECT":
		return [][2]string{{"r", "SELECT"}, {"w", "UPDATE"}}
	}
	return nil
}

// aclCommands builds the REVOKE and GRANT statements that turn base (the
// object's default privileges) into acl, as pg_dump's buildACLCommands
// does. typ is the SQL object keyword, name the qualified name, sub a
// column name or "".
func (d *dumper) aclCommands(typ, name, sub, owner string, acl, base []string, prefix string) (string, error) {
	in := func(list []string, s string) bool {
		for _, x := range list {
			if x == s {
				return true
			}
		}
		return false
	}
	on := fmt.Sprintf(" ON %s %s", typ, name)
	subSuffix := ""
	if sub != "" {
		subSuffix = "(" + sub + ")"
	}
	who := func(role string) string {
		if role == "" {
			return "PUBLIC"
		}
		return d.q.id(role)
	}
	var first, second strings.Builder
	for _, b := range base {
		if in(acl, b) {
			continue
		}
		it, err := parseACLItem(b)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&first, "%sREVOKE ALL%s%s FROM %s;\n", prefix, subSuffix, on, who(it.grantee))
	}
	for _, a := range acl {
		if in(base, a) {
			continue
		}
		it, err := parseACLItem(a)
		if err != nil {
			return "", err
		}
		var privs, wgo []string
		allWith, allWithout := true, true
		// pg_dump 17 (whose 1.16 archives these mirror) and servers from 17
		// on know MAINTAIN.
		maintain := d.opts.Format.AtLeast(pgarchive.V1_16) || d.serverNum >= 170000
		names := privNames(typ, sub != "", maintain)
		if len(names) == 0 {
			return "", fmt.Errorf("no privileges known for %s", typ)
		}
		for _, p := range names {
			i := strings.Index(it.privs, p[0])
			kw := p[1] + subSuffix
			switch {
			case i < 0:
				allWith, allWithout = false, false
			case i+1 < len(it.privs) && it.privs[i+1] == '*':
				wgo = append(wgo, kw)
				allWithout = false
			default:
				privs = append(privs, kw)
				allWith = false
			}
		}
		if allWith {
			privs, wgo = nil, []string{"ALL" + subSuffix}
		} else if allWithout {
			privs, wgo = []string{"ALL" + subSuffix}, nil
		}
		var g strings.Builder
		if len(privs) > 0 {
			fmt.Fprintf(&g, "%sGRANT %s%s TO %s;\n", prefix, strings.Join(privs, ","), on, who(it.grantee))
		}
		if len(wgo) > 0 {
			fmt.Fprintf(&g, "%sGRANT %s%s TO %s WITH GRANT OPTION;\n", prefix, strings.Join(wgo, ","), on, who(it.grantee))
		}
		if it.grantor != "" && it.grantor != owner {
			fmt.Fprintf(&second, "SET SESSION AUTHORIZATION %s;\n%sRESET SESSION AUTHORIZATION;\n", d.q.id(it.grantor), g.String())
		} else {
			second.WriteString(g.String())
		}
	}
	return first.String() + second.String(), nil
}

// attachCommentsAndACLs gives each object its COMMENT and ACL entries, in
// pg_dump's order: the object's comment, column comments, then its ACL and
// column ACLs.
func (d *dumper) attachCommentsAndACLs() error {
	all := d.objs
	if d.dbObj != nil {
		all = append([]*object{d.dbObj}, all...)
	}
	for _, o := range all {
		var objACL *object // the object's own ACL entry, if any
		if o.commentType != "" {
			if text, ok := d.comments[commentKey{o.cat.class, o.cat.oid, 0}]; ok && text != o.defaultComment {
				d.commentEntry(o, o.commentType, o.sqlName, o.tagName, text)
			}
		}
		t := o.table
		if t != nil && o.entry.Desc != "TABLE DATA" {
			for _, c := range t.cols {
				if text, ok := d.comments[commentKey{pgClass, t.oid, int32(c.num)}]; ok {
					d.commentEntry(o, "COLUMN", t.qual+"."+d.q.id(c.name), d.q.id(t.name)+"."+d.q.id(c.name), text)
				}
			}
			// CHECK constraints written inside CREATE TABLE.
			for _, ck := range t.checks {
				if text, ok := d.comments[commentKey{pgConstraint, ck.oid, 0}]; ok && ck.separateOf == nil {
					d.commentEntry(o, "CONSTRAINT", d.q.id(ck.name)+" ON "+t.qual, d.q.id(ck.name)+" ON "+d.q.id(t.name), text)
				}
			}
		}
		if o.aclType != "" && o.acl != nil {
			cmds, err := d.aclCommands(o.aclType, o.sqlName, "", o.aclOwner, o.acl, o.baseACL, "")
			if err != nil {
				return fmt.Errorf("dump: ACL of %s: %w", o, err)
			}
			if cmds != "" {
				objACL = d.aclEntry(o, o.aclType+" "+o.tagName, cmds)
			}
		}
		if o.compositeRel != 0 {
			if err := d.compositeColumnComments(o); err != nil {
				return err
			}
		}
		if t != nil && o.entry.Desc != "TABLE DATA" {
			for _, c := range t.cols {
				if c.acl == nil {
					continue
				}
				cmds, err := d.aclCommands("TABLE", t.qual, d.q.id(c.name), t.owner, c.acl, nil, "")
				if err != nil {
					return fmt.Errorf("dump: ACL of %s column %s: %w", o, c.name, err)
				}
				if cmds != "" {
					// A column's ACL also waits for the table's, as in pg_dump.
					acl := d.aclEntry(o, "COLUMN "+d.q.id(t.name)+"."+d.q.id(c.name), cmds)
					if objACL != nil {
						acl.verbatimDeps(o, objACL)
					}
				}
			}
		}
	}
	return nil
}

// compositeColumnComments adds the comments on a composite type's
// attributes, which pg_dump writes after the type's ACL.
func (d *dumper) compositeColumnComments(o *object) error {
	type cc struct{ name, text string }
	var list []cc
	err := d.each("composite type column comments", `SELECT a.attname, c.description FROM pg_catalog.pg_description c
		JOIN pg_catalog.pg_attribute a ON a.attrelid = c.objoid AND a.attnum = c.objsubid
		WHERE c.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND c.objoid = $1 AND c.objsubid > 0 ORDER BY a.attnum`,
		[]any{o.compositeRel}, func(r pgx.Rows) error {
			var x cc
			if err := r.Scan(&x.name, &x.text); err != nil {
				return err
			}
			list = append(list, x)
			return nil
		})
	for _, x := range list {
		d.commentEntry(o, "COLUMN", o.sqlName+"."+d.q.id(x.name), o.tagName+"."+d.q.id(x.name), x.text)
	}
	return err
}

func (d *dumper) commentEntry(o *object, typ, sqlName, tagName, text string) {
	c := d.child(o, "COMMENT", typ+" "+tagName, pgarchive.SectionNone,
		fmt.Sprintf("COMMENT ON %s %s IS %s;\n", typ, sqlName, literal(text)))
	if !o.entry.Owner.Valid {
		c.entry.Owner = pgarchive.Str("") // comments on ownerless objects (extensions, casts) have an empty owner
	}
}

func (d *dumper) aclEntry(o *object, tag, cmds string) *object {
	return d.child(o, "ACL", tag, pgarchive.SectionNone, cmds)
}

func (d *dumper) collectDefaultACLs() error {
	names := map[string]string{"r": "TABLES", "S": "SEQUENCES", "f": "FUNCTIONS", "T": "TYPES", "n": "SCHEMAS"}
	return d.each("default privileges", `SELECT d.oid, pg_catalog.pg_get_userbyid(d.defaclrole), d.defaclnamespace, d.defaclobjtype::text, d.defaclacl::text[],
		CASE WHEN d.defaclnamespace = 0 THEN pg_catalog.acldefault(CASE WHEN d.defaclobjtype = 'S' THEN 's'::"char" ELSE d.defaclobjtype END, d.defaclrole)::text[] ELSE '{}' END
		FROM pg_catalog.pg_default_acl d ORDER BY d.oid`, nil, func(r pgx.Rows) error {
		var oid, nsOID uint32
		var role, typ string
		var acl, base []string
		if err := r.Scan(&oid, &role, &nsOID, &typ, &acl, &base); err != nil {
			return err
		}
		if d.tablesOnly() || (nsOID == 0 && d.opts.selective()) || (nsOID != 0 && !d.nsDumped(nsOID)) {
			return nil
		}
		kind := names[typ]
		prefix := "ALTER DEFAULT PRIVILEGES FOR ROLE " + d.q.id(role) + " "
		if nsOID != 0 {
			prefix += "IN SCHEMA " + d.q.id(d.nsName(nsOID)) + " "
		}
		cmds, err := d.aclCommands(kind, "", "", role, acl, base, prefix)
		if err != nil {
			return err
		}
		if cmds == "" {
			return nil
		}
		// The object name is empty, which leaves pg_dump 15's double space
		// before TO and FROM; pg_dump 17 writes one.
		if d.opts.Format.AtLeast(pgarchive.V1_16) {
			cmds = strings.ReplaceAll(cmds, " ON "+kind+"  ", " ON "+kind+" ")
		}
		o := d.newObject(prioDefaultACL, "DEFAULT ACL", "DEFAULT PRIVILEGES FOR "+kind)
		o.name = typ // pg_dump sorts these by the object type letter
		if nsOID != 0 {
			o.setNS(d.nsName(nsOID))
		}
		o.setCat(pgDefaultACL, oid)
		o.setOwner(role)
		o.entry.Defn = pgarchive.Str(cmds)
		if s := d.schemas[nsOID]; s != nil && s.obj != nil {
			o.dependOn(s.obj)
		}
		return nil
	})
}
