package drill

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/pgdrill/pgdrill/internal/sqlscript"
	"github.com/pgdrill/pgdrill/pgarchive"
	"github.com/pgdrill/pgdrill/restore"
)

// RolesReport says how the archive drill dealt with the roles an archive
// names (owners, grantees, policy roles, SET ROLE and default-privilege
// targets) and with a public schema the archive creates itself.
type RolesReport struct {
	// Named are the roles the archive mentions.
	Named []string `json:"named"`
	// FromFile are the roles created by the --roles script; Skipped its
	// statements passed over as unsafe or pointless on the drill's server.
	FromFile []string `json:"from_file,omitempty"`
	Skipped  []string `json:"skipped_statements,omitempty"`
	// Regranted are the script's role grants whose GRANTED BY the server
	// refused (PostgreSQL 16 and later want the grantor to hold ADMIN OPTION,
	// which a pg_dumpall of 15 or older does not arrange), run again as
	// granted by the drill's superuser: the membership is the same.
	Regranted []string `json:"regranted_statements,omitempty"`
	// Stubbed are the roles the drill created as NOLOGIN stand-ins.
	Stubbed []string `json:"stubbed"`
	// Missing are roles a -d server lacks; the drill then restores without
	// owners and privileges rather than create roles on someone's server.
	Missing []string `json:"missing,omitempty"`
	// OwnersRestored says the restore set owners and privileges, and so the
	// drill checked them (Owners and Privileges count what it checked).
	OwnersRestored bool `json:"owners_restored"`
	Owners         int  `json:"owners_checked"`
	Privileges     int  `json:"privileges_checked"`
	// DroppedPublic says the archive creates schema public itself (as
	// pg_dump 10 and older write it), so the drill dropped the scratch
	// database's own before restoring.
	DroppedPublic bool `json:"dropped_public,omitempty"`
}

// prepareArchive readies the drill's database for an operator's archive
// before it is restored: roles, and a public schema the archive brings.
func (r *run) prepareArchive(ctx context.Context, a *pgarchive.Reader, opts *restore.Options) error {
	if r.cfg.Archive == "" {
		return nil
	}
	rr := &RolesReport{Stubbed: []string{}}
	r.rep.Roles = rr
	conn, err := pgx.Connect(ctx, r.url)
	if err != nil {
		return fmt.Errorf("drill: connect: %w", err)
	}
	defer conn.Close(ctx)

	if createsPublic(a) {
		if _, err := conn.Exec(ctx, "DROP SCHEMA IF EXISTS public CASCADE"); err != nil {
			return fmt.Errorf("drill: make room for the archive's schema public: %w", err)
		}
		rr.DroppedPublic = true
	}

	rr.Named = archiveRoles(a)
	have, err := serverRoles(ctx, conn)
	if err != nil {
		return err
	}
	if r.srv == nil {
		for _, n := range rr.Named {
			if !have[n] {
				rr.Missing = append(rr.Missing, n)
			}
		}
		if len(rr.Missing) > 0 {
			opts.NoOwner, opts.NoACL = true, true
			return nil
		}
		rr.OwnersRestored = true
		return nil
	}
	if r.cfg.Roles != "" {
		if err := r.runRolesFile(ctx, conn, rr, have); err != nil {
			return err
		}
		if have, err = serverRoles(ctx, conn); err != nil {
			return err
		}
	}
	for _, n := range rr.Named {
		if have[n] {
			continue
		}
		if _, err := conn.Exec(ctx, "CREATE ROLE "+pgx.Identifier{n}.Sanitize()+" NOLOGIN"); err != nil {
			return fmt.Errorf("drill: stub role %q: %w", n, err)
		}
		rr.Stubbed = append(rr.Stubbed, n)
	}
	rr.OwnersRestored = true
	if r.cfg.Log != nil && len(rr.Stubbed) > 0 {
		fmt.Fprintf(r.cfg.Log, "drill: stubbed roles (NOLOGIN): %s\n", strings.Join(rr.Stubbed, ", "))
	}
	r.phase("roles")
	return nil
}

// runRolesFile runs a `pg_dumpall --roles-only` script, passing over what
// would fail or harm the drill: CREATE ROLE of a role that exists (the
// bootstrap superuser, pg_* roles) and ALTER or DROP of the role the drill
// connects as.
func (r *run) runRolesFile(ctx context.Context, conn *pgx.Conn, rr *RolesReport, before map[string]bool) error {
	var self string
	if err := conn.QueryRow(ctx, "SELECT current_user").Scan(&self); err != nil {
		return fmt.Errorf("drill: roles: %w", err)
	}
	pc, err := pgconn.Connect(ctx, r.url)
	if err != nil {
		return fmt.Errorf("drill: connect: %w", err)
	}
	defer pc.Close(ctx)
	run := &sqlscript.Runner{Conn: pc, Skip: func(ctx context.Context, stmt string) (bool, error) {
		toks := sqlTokens(stmt)
		skip := false
		if i := grantedBy(toks); i >= 0 {
			return true, regrant(ctx, pc, stmt, toks, i, rr)
		}
		switch {
		case len(toks) >= 3 && toks[0].is("CREATE") && (toks[1].is("ROLE") || toks[1].is("USER")):
			skip = before[toks[2].text]
		case len(toks) >= 3 && (toks[0].is("ALTER") || toks[0].is("DROP")) && (toks[1].is("ROLE") || toks[1].is("USER")):
			name := toks[2]
			if name.is("IF") && len(toks) >= 5 {
				name = toks[4]
			}
			skip = name.text == self || name.is("CURRENT_USER") || name.is("SESSION_USER") || name.is("CURRENT_ROLE")
		}
		if skip {
			rr.Skipped = append(rr.Skipped, excerptLine(stmt))
		}
		return skip, nil
	}}
	if _, err := run.RunFile(ctx, r.cfg.Roles); err != nil {
		return fmt.Errorf("%w: roles file: %w", ErrScript, err)
	}
	after, err := serverRoles(ctx, conn)
	if err != nil {
		return err
	}
	for n := range after {
		if !before[n] {
			rr.FromFile = append(rr.FromFile, n)
		}
	}
	slices.Sort(rr.FromFile)
	return nil
}

// grantedBy returns the index of the GRANTED keyword of a role grant's
// GRANTED BY clause (GRANT role TO role ... GRANTED BY grantor), or -1.
func grantedBy(toks []sqlToken) int {
	if len(toks) < 4 || !toks[0].is("GRANT") {
		return -1
	}
	for i := 1; i+2 < len(toks); i++ {
		if toks[i].is("ON") {
			return -1 // a privilege on an object, not a role membership
		}
		if toks[i].is("GRANTED") && toks[i+1].is("BY") {
			return i
		}
	}
	return -1
}

// regrant runs a role grant as written and, when the server refuses its
// grantor (insufficient privilege), again without the GRANTED BY clause.
func regrant(ctx context.Context, pc *pgconn.PgConn, stmt string, toks []sqlToken, at int, rr *RolesReport) error {
	err := pc.Exec(ctx, stmt).Close()
	var pe *pgconn.PgError
	if err == nil || !errors.As(err, &pe) || pe.Code != "42501" {
		return err
	}
	end := toks[at+2].end // the grantor's name
	stripped := stmt[:toks[at].start] + stmt[end:]
	if err := pc.Exec(ctx, stripped).Close(); err != nil {
		return err
	}
	rr.Regranted = append(rr.Regranted, excerptLine(stmt))
	return nil
}

func excerptLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		s = s[:i]
	}
	if len(s) > 80 {
		s = s[:77] + "..."
	}
	return s
}

func serverRoles(ctx context.Context, conn *pgx.Conn) (map[string]bool, error) {
	rows, err := conn.Query(ctx, "SELECT rolname FROM pg_catalog.pg_roles")
	if err != nil {
		return nil, fmt.Errorf("drill: roles: %w", err)
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("drill: roles: %w", err)
	}
	have := make(map[string]bool, len(names))
	for _, n := range names {
		have[n] = true
	}
	return have, nil
}

// createsPublic reports whether the archive has its own SCHEMA public entry.
func createsPublic(a *pgarchive.Reader) bool {
	for _, e := range a.Entries {
		if e.Desc == "SCHEMA" && e.Tag == "public" {
			return true
		}
	}
	return false
}

// archiveRoles lists, sorted, every role an archive names: entry owners,
// grantees and grantors in ACL and DEFAULT ACL entries, roles of policies,
// and the targets of SET ROLE, SET SESSION AUTHORIZATION and ALTER DEFAULT
// PRIVILEGES FOR ROLE in any entry's SQL.
func archiveRoles(a *pgarchive.Reader) []string {
	set := map[string]bool{}
	add := func(t sqlToken) {
		if t.kind != tokWord || !t.quoted && (t.is("PUBLIC") || t.is("CURRENT_USER") || t.is("SESSION_USER") || t.is("CURRENT_ROLE") || t.is("NONE") || t.is("DEFAULT")) {
			return
		}
		set[t.text] = true
	}
	for _, e := range a.Entries {
		if e.Owner.Valid && e.Owner.String != "" {
			set[e.Owner.String] = true
		}
		if !e.Defn.Valid {
			continue
		}
		for _, stmt := range statements(e.Defn.String) {
			toks := sqlTokens(stmt)
			for _, t := range rolesIn(toks) {
				add(t)
			}
		}
	}
	names := make([]string, 0, len(set))
	for n := range set {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// rolesIn picks the role names out of one statement's tokens.
func rolesIn(toks []sqlToken) []sqlToken {
	var out []sqlToken
	list := func(i int, stop ...string) {
		for ; i < len(toks); i++ {
			t := toks[i]
			if t.kind == tokPunct && t.text == "," {
				continue
			}
			if t.kind != tokWord || !t.quoted && slices.ContainsFunc(stop, t.is) {
				return
			}
			if t.is("GROUP") && !t.quoted {
				continue // GRANT … TO GROUP r
			}
			out = append(out, t)
		}
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.quoted || t.kind != tokWord {
			continue
		}
		switch {
		case t.is("SET") && i+1 < len(toks) && toks[i+1].is("ROLE") && i+2 < len(toks):
			out = append(out, toks[i+2])
		case t.is("SET") && i+2 < len(toks) && toks[i+1].is("SESSION") && toks[i+2].is("AUTHORIZATION") && i+3 < len(toks):
			out = append(out, toks[i+3])
		case t.is("FOR") && i+1 < len(toks) && (toks[i+1].is("ROLE") || toks[i+1].is("USER")) && toks[i+1].depth == 0:
			list(i+2, "IN", "GRANT", "REVOKE")
		case t.is("GRANTED") && i+1 < len(toks) && toks[i+1].is("BY"):
			list(i+2, "CASCADE", "RESTRICT")
		case (t.is("TO") || t.is("FROM")) && t.depth == 0 && isGrantLike(toks):
			list(i+1, "WITH", "GRANTED", "CASCADE", "RESTRICT", "USING")
		}
	}
	return out
}

// isGrantLike: GRANT, REVOKE, ALTER DEFAULT PRIVILEGES or CREATE POLICY,
// whose TO / FROM lists name roles.
func isGrantLike(toks []sqlToken) bool {
	if len(toks) == 0 {
		return false
	}
	switch {
	case toks[0].is("GRANT"), toks[0].is("REVOKE"):
		return true
	case len(toks) > 2 && toks[0].is("ALTER") && toks[1].is("DEFAULT") && toks[2].is("PRIVILEGES"):
		return true
	case len(toks) > 1 && toks[0].is("CREATE") && toks[1].is("POLICY"):
		return true
	case len(toks) > 1 && toks[0].is("ALTER") && toks[1].is("POLICY"):
		return true
	}
	return false
}

// statements splits SQL text (an entry's definition) into statements.
func statements(sql string) []string {
	items, _ := sqlscript.Split(sql)
	out := make([]string, 0, len(items))
	for _, it := range items {
		if it.Kind == sqlscript.SQL {
			out = append(out, it.Text)
		}
	}
	return out
}

type tokKind int

const (
	tokWord   tokKind = iota // identifier or keyword, quoted or not
	tokString                // a literal
	tokPunct                 // anything else, one byte at a time
)

// sqlToken is a token of pg_dump-written SQL: enough to find role names.
type sqlToken struct {
	kind   tokKind
	text   string // a word unquoted (and lower-cased unless quoted)
	quoted bool
	depth  int // parenthesis depth
	start  int // byte offsets in the statement
	end    int
}

// is reports whether t is the unquoted keyword kw (upper case).
func (t sqlToken) is(kw string) bool {
	return t.kind == tokWord && !t.quoted && strings.EqualFold(t.text, kw)
}

// sqlTokens splits one statement into words, literals and punctuation.
func sqlTokens(s string) []sqlToken {
	var out []sqlToken
	depth := 0
	emit := func(kind tokKind, text string, quoted bool, from, to int) {
		out = append(out, sqlToken{kind: kind, text: text, quoted: quoted, depth: depth, start: from, end: to})
	}
	isWord := func(c byte) bool {
		return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
	}
	for i := 0; i < len(s); {
		at := i
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
			i++
		case c == '-' && i+1 < len(s) && s[i+1] == '-':
			for i < len(s) && s[i] != '\n' {
				i++
			}
		case c == '"':
			var b strings.Builder
			for i++; i < len(s); i++ {
				if s[i] == '"' {
					if i+1 < len(s) && s[i+1] == '"' {
						b.WriteByte('"')
						i++
						continue
					}
					i++
					break
				}
				b.WriteByte(s[i])
			}
			emit(tokWord, b.String(), true, at, i)
		case c == '\'':
			for i++; i < len(s); i++ {
				if s[i] == '\'' {
					if i+1 < len(s) && s[i+1] == '\'' {
						i++
						continue
					}
					i++
					break
				}
			}
			emit(tokString, s[at:i], false, at, i)
		case c == '$':
			// a dollar-quoted body is skipped whole
			j := i + 1
			for j < len(s) && isWord(s[j]) {
				j++
			}
			i++
			if j < len(s) && s[j] == '$' {
				delim := s[at : j+1]
				i = len(s)
				if k := strings.Index(s[j+1:], delim); k >= 0 {
					i = j + 1 + k + len(delim)
				}
			}
			emit(tokString, s[at:i], false, at, i)
		case isWord(c) && !(c >= '0' && c <= '9'):
			for i++; i < len(s) && (isWord(s[i]) || s[i] == '$'); i++ {
			}
			// Unquoted names fold to lower case, as the server folds them.
			emit(tokWord, strings.ToLower(s[at:i]), false, at, i)
		default:
			if c == ')' && depth > 0 {
				depth--
			}
			i++
			emit(tokPunct, s[at:i], false, at, i)
			if c == '(' {
				depth++
			}
		}
	}
	return out
}

// ownerQueries read every owner of one kind of object, keyed as the TOC
// names it: namespace and tag (a function's tag is name(argtypes)).
var ownerQueries = map[string]string{
	"relation": `SELECT n.nspname, c.relname, pg_get_userbyid(c.relowner) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')`,
	"schema":   `SELECT '', nspname, pg_get_userbyid(nspowner) FROM pg_namespace`,
	"function": `SELECT n.nspname, format('%s(%s)', p.proname, oidvectortypes(p.proargtypes)), pg_get_userbyid(p.proowner) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace`,
	"type":     `SELECT n.nspname, t.typname, pg_get_userbyid(t.typowner) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace`,
}

var ownerKinds = map[string]string{
	"TABLE": "relation", "VIEW": "relation", "MATERIALIZED VIEW": "relation", "SEQUENCE": "relation", "FOREIGN TABLE": "relation",
	"SCHEMA": "schema", "FUNCTION": "function", "PROCEDURE": "function", "TYPE": "type", "DOMAIN": "type",
}

// checkPrivileges checks, after a restore with owners and privileges, that
// every table, view, sequence, schema, function and type is owned by the
// role the archive says, and that every privilege the archive's ACL
// and DEFAULT ACL entries grant or revoke is granted or absent.
func (r *run) checkPrivileges(ctx context.Context, conn *pgx.Conn, a *pgarchive.Reader) error {
	rr := r.rep.Roles
	if rr == nil || !rr.OwnersRestored {
		return nil
	}
	owners := map[string]map[[2]string]string{}
	for kind, q := range ownerQueries {
		rows, err := conn.Query(ctx, q)
		if err != nil {
			return fmt.Errorf("drill: owners: %w", err)
		}
		m := map[[2]string]string{}
		var ns, name, owner string
		_, err = pgx.ForEachRow(rows, []any{&ns, &name, &owner}, func() error {
			m[[2]string{ns, name}] = owner
			return nil
		})
		if err != nil {
			return fmt.Errorf("drill: owners: %w", err)
		}
		owners[kind] = m
	}
	var bad []string
	for _, e := range a.Entries {
		kind, ok := ownerKinds[e.Desc]
		if !ok || !e.Owner.Valid || e.Owner.String == "" {
			continue
		}
		ns := e.Namespace.String
		if kind == "schema" {
			ns = ""
		}
		got, found := owners[kind][[2]string{ns, e.Tag}]
		if !found {
			continue // not restored: the content check or restore errors say so
		}
		rr.Owners++
		if got != e.Owner.String {
			bad = append(bad, fmt.Sprintf("%s %s: %s", e.Desc, e.Name(), got))
		}
	}
	r.check(CulpritRestore, fmt.Sprintf("owners (%d checked)", rr.Owners), len(bad) == 0, "as in the archive", orSame(bad))

	bad = bad[:0]
	for _, e := range a.Entries {
		if e.Desc != "ACL" && e.Desc != "DEFAULT ACL" || !e.Defn.Valid {
			continue
		}
		probs, n, err := checkACL(ctx, conn, e.Defn.String)
		if err != nil {
			return fmt.Errorf("drill: privileges of %s: %w", e.Name(), err)
		}
		rr.Privileges += n
		for _, p := range probs {
			bad = append(bad, e.Tag+": "+p)
		}
	}
	r.check(CulpritRestore, fmt.Sprintf("privileges (%d checked)", rr.Privileges), len(bad) == 0, "as in the archive", orSame(bad))
	r.phase("check-privileges")
	return nil
}

// orSame is "as in the archive" or the first difference.
func orSame(bad []string) string {
	if len(bad) == 0 {
		return "as in the archive"
	}
	return firstOf(bad)
}

// aclQueries give, for one object (by its name as a GRANT names it), its
// privileges as rows of grantee, privilege and grantable, and the owner's
// default privileges (what ALL means for it).
var aclQueries = map[string]string{
	"TABLE": `SELECT CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(x.grantee) END, x.privilege_type, x.is_grantable, false
		FROM pg_class c, aclexplode(coalesce(c.relacl, acldefault((CASE c.relkind WHEN 'S' THEN 's' ELSE 'r' END)::"char", c.relowner))) x WHERE c.oid = $1::text::regclass
		UNION ALL SELECT '', d.privilege_type, false, true
		FROM pg_class c, aclexplode(acldefault((CASE c.relkind WHEN 'S' THEN 's' ELSE 'r' END)::"char", c.relowner)) d WHERE c.oid = $1::text::regclass`,
	"SCHEMA": `SELECT CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(x.grantee) END, x.privilege_type, x.is_grantable, false
		FROM pg_namespace n, aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) x WHERE n.oid = $1::text::regnamespace
		UNION ALL SELECT '', d.privilege_type, false, true FROM pg_namespace n, aclexplode(acldefault('n', n.nspowner)) d WHERE n.oid = $1::text::regnamespace`,
	"FUNCTION": `WITH f AS (SELECT p.oid, p.proacl, p.proowner FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
			WHERE format('%s.%s(%s)', quote_ident(n.nspname), quote_ident(p.proname), pg_get_function_identity_arguments(p.oid)) = $1)
		SELECT CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(x.grantee) END, x.privilege_type, x.is_grantable, false
		FROM f, aclexplode(coalesce(f.proacl, acldefault('f', f.proowner))) x
		UNION ALL SELECT '', d.privilege_type, false, true FROM f, aclexplode(acldefault('f', f.proowner)) d`,
	"TYPE": `SELECT CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(x.grantee) END, x.privilege_type, x.is_grantable, false
		FROM pg_type t, aclexplode(coalesce(t.typacl, acldefault('T', t.typowner))) x WHERE t.oid = $1::text::regtype
		UNION ALL SELECT '', d.privilege_type, false, true FROM pg_type t, aclexplode(acldefault('T', t.typowner)) d WHERE t.oid = $1::text::regtype`,
	// A role's default privileges (global when the schema is ""): the row
	// of pg_default_acl, or for a global one without a row the built-in
	// defaults it then stands for.
	"DEFAULT": `WITH r AS (SELECT oid FROM pg_roles WHERE rolname = $1),
		a AS (SELECT coalesce((SELECT d.defaclacl FROM pg_default_acl d LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace
				WHERE d.defaclrole = (SELECT oid FROM r) AND coalesce(n.nspname, '') = $2 AND d.defaclobjtype = $3::text::"char"),
			CASE WHEN $2 = '' THEN acldefault($4::text::"char", (SELECT oid FROM r)) ELSE '{}'::aclitem[] END) AS acl)
		SELECT CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(x.grantee) END, x.privilege_type, x.is_grantable, false
		FROM a, aclexplode(a.acl) x
		UNION ALL SELECT '', d.privilege_type, false, true FROM aclexplode(acldefault($4::text::"char", (SELECT oid FROM r))) d`,
	"COLUMN": `SELECT CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(x.grantee) END, x.privilege_type, x.is_grantable, false
		FROM pg_attribute a, aclexplode(a.attacl) x WHERE a.attrelid = $1::text::regclass AND a.attname = $2::text
		UNION ALL SELECT '', unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'REFERENCES']), false, true`,
}

// defaultKinds maps ALTER DEFAULT PRIVILEGES' object kinds to
// pg_default_acl.defaclobjtype and acldefault's object type.
var defaultKinds = map[string][2]string{
	"TABLES": {"r", "r"}, "SEQUENCES": {"S", "s"}, "FUNCTIONS": {"f", "f"}, "ROUTINES": {"f", "f"},
	"TYPES": {"T", "T"}, "SCHEMAS": {"n", "n"},
}

// aclTargets maps the object kinds of GRANT … ON KIND to aclQueries.
var aclTargets = map[string]string{
	"TABLE": "TABLE", "SEQUENCE": "TABLE", "SCHEMA": "SCHEMA", "FUNCTION": "FUNCTION", "PROCEDURE": "FUNCTION",
	"ROUTINE": "FUNCTION", "TYPE": "TYPE", "DOMAIN": "TYPE",
}

type privKey struct{ object, column, grantee, priv string }

// checkACL replays an ACL entry's GRANT and REVOKE statements in order as
// expectations (the last word on each grantee's privilege wins) and checks
// them against the catalog. It returns the differences and how many
// privileges it checked; kinds it does not know (languages, large
// objects, …) are passed over.
func checkACL(ctx context.Context, conn *pgx.Conn, defn string) ([]string, int, error) {
	type want struct {
		granted, grantable bool
	}
	expect := map[privKey]want{}
	var order []privKey
	actual := map[[2]string]map[[3]string]bool{} // (object, column) -> (grantee, priv, grantable) present; grantee "" = owner default
	for _, stmt := range statements(defn) {
		toks := sqlTokens(stmt)
		// ALTER DEFAULT PRIVILEGES FOR ROLE r [IN SCHEMA s] GRANT|REVOKE …:
		// the same grammar after its prefix, on pg_default_acl.
		var defRole, defSchema string
		if len(toks) > 4 && toks[0].is("ALTER") && toks[1].is("DEFAULT") && toks[2].is("PRIVILEGES") {
			k := 3
			for ; k < len(toks) && !toks[k].is("GRANT") && !toks[k].is("REVOKE"); k++ {
				switch {
				case toks[k].is("ROLE") || toks[k].is("USER"):
					defRole = toks[k+1].text
				case toks[k].is("SCHEMA"):
					defSchema = toks[k+1].text
				}
			}
			if defRole == "" || k == len(toks) {
				continue
			}
			toks = toks[k:]
		}
		if len(toks) < 4 || !(toks[0].is("GRANT") || toks[0].is("REVOKE")) {
			continue
		}
		isGrant := toks[0].is("GRANT")
		i := 1
		grantOptionOnly := false
		if !isGrant && len(toks) > 3 && toks[1].is("GRANT") && toks[2].is("OPTION") && toks[3].is("FOR") {
			grantOptionOnly, i = true, 4
		}
		// privileges, each with an optional column list, up to ON
		type priv struct {
			name string
			cols []string
		}
		var privs []priv
		for ; i < len(toks) && !(toks[i].is("ON") && toks[i].depth == 0); i++ {
			t := toks[i]
			switch {
			case t.kind == tokWord && t.depth == 0:
				if t.is("PRIVILEGES") && len(privs) > 0 {
					continue // ALL PRIVILEGES
				}
				privs = append(privs, priv{name: strings.ToUpper(t.text)})
			case t.kind == tokWord && t.depth == 1 && len(privs) > 0:
				privs[len(privs)-1].cols = append(privs[len(privs)-1].cols, t.text)
			}
		}
		if i+2 >= len(toks) {
			continue
		}
		kindTok := toks[i+1]
		target, ok := aclTargets[strings.ToUpper(kindTok.text)]
		var defKinds [2]string
		if defRole != "" {
			defKinds, ok = defaultKinds[strings.ToUpper(kindTok.text)]
			target = "DEFAULT"
		}
		if !ok || kindTok.quoted {
			continue
		}
		j := i + 2
		for j < len(toks) && !((toks[j].is("TO") || toks[j].is("FROM")) && toks[j].depth == 0) {
			j++
		}
		if j >= len(toks) {
			continue
		}
		object := strings.TrimSpace(stmt[toks[i+2].start:toks[j].start])
		if defRole != "" {
			object = fmt.Sprintf("default privileges of %s in schema %q on %s", defRole, defSchema, strings.ToLower(kindTok.text))
		}
		var grantees []string
		grantable := false
		for k := j + 1; k < len(toks); k++ {
			t := toks[k]
			if t.is("WITH") {
				grantable = isGrant
				break
			}
			if t.is("GRANTED") || t.is("CASCADE") || t.is("RESTRICT") || t.kind == tokPunct && t.text == ";" {
				break
			}
			if t.kind != tokWord || t.is("GROUP") {
				continue
			}
			name := t.text
			if t.is("PUBLIC") {
				name = "PUBLIC"
			}
			grantees = append(grantees, name)
		}
		for _, p := range privs {
			cols := p.cols
			if len(cols) == 0 {
				cols = []string{""}
			}
			for _, col := range cols {
				key := [2]string{object, col}
				if _, ok := actual[key]; !ok {
					q, args := aclQueries[target], []any{object}
					if defRole != "" {
						args = []any{defRole, defSchema, defKinds[0], defKinds[1]}
					}
					if col != "" {
						q, args = aclQueries["COLUMN"], []any{object, col}
					}
					got, err := readACL(ctx, conn, q, args)
					if err != nil {
						return nil, 0, err
					}
					actual[key] = got
				}
				names := []string{p.name}
				if p.name == "ALL" {
					names = names[:0]
					for k := range actual[key] {
						if k[0] == "" {
							names = append(names, k[1])
						}
					}
					slices.Sort(names)
				}
				for _, g := range grantees {
					for _, n := range names {
						k := privKey{object, col, g, n}
						if _, seen := expect[k]; !seen {
							order = append(order, k)
						}
						switch {
						case isGrant:
							expect[k] = want{true, grantable || expect[k].grantable && expect[k].granted}
						case grantOptionOnly:
							w := expect[k]
							w.grantable = false
							expect[k] = w
						default:
							expect[k] = want{}
						}
					}
				}
			}
		}
	}
	var probs []string
	for _, k := range order {
		w := expect[k]
		got := actual[[2]string{k.object, k.column}]
		has, hasGO := got[[3]string{k.grantee, k.priv, "f"}] || got[[3]string{k.grantee, k.priv, "t"}], got[[3]string{k.grantee, k.priv, "t"}]
		obj := k.object
		if k.column != "" {
			obj += "." + k.column
		}
		switch {
		case w.granted && !has:
			probs = append(probs, fmt.Sprintf("%s lacks %s on %s", k.grantee, k.priv, obj))
		case w.granted && w.grantable && !hasGO:
			probs = append(probs, fmt.Sprintf("%s has %s on %s without GRANT OPTION", k.grantee, k.priv, obj))
		case !w.granted && has:
			probs = append(probs, fmt.Sprintf("%s still has %s on %s (revoked in the archive)", k.grantee, k.priv, obj))
		}
	}
	return probs, len(order), nil
}

// readACL runs one of aclQueries: a set of (grantee, privilege, "t"/"f")
// with grantee "" for the owner's default privileges.
func readACL(ctx context.Context, conn *pgx.Conn, q string, args []any) (map[[3]string]bool, error) {
	rows, err := conn.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	got := map[[3]string]bool{}
	var grantee, priv string
	var grantable, isDefault bool
	_, err = pgx.ForEachRow(rows, []any{&grantee, &priv, &grantable, &isDefault}, func() error {
		if isDefault {
			grantee = ""
		}
		g := "f"
		if grantable {
			g = "t"
		}
		got[[3]string{grantee, priv, g}] = true
		return nil
	})
	return got, err
}
