package drill

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/pgdrill/pgdrill/pgarchive"
	"github.com/pgdrill/pgdrill/restore"
)

// An archive drill treats the archive as untrusted unless told otherwise:
// a backup fetched from a bucket or a share may have been edited, and
// pg_restore runs whatever an archive holds with the privileges of the
// role it connects as. So the drill
//
//   - checks every entry's SQL against its kind before anything runs
//     (restore.CheckTOC: a COMMENT holds a COMMENT, TABLE DATA a COPY FROM
//     stdin of its table, ...), and
//   - restores as an unprivileged role that owns the scratch database and
//     is a member of the roles the archive names (stand-ins, so that owners
//     and grants restore as written), but is no superuser and holds none of
//     pg_execute_server_program, pg_read_server_files or
//     pg_write_server_files: COPY ... TO PROGRAM, untrusted languages,
//     event triggers and ALTER SYSTEM fail instead of reaching the host.
//
// The throwaway server's superuser is then named drillSuperuser, so that an
// archive's own "postgres" role is an ordinary stand-in too. Extensions the
// server marks trusted are created by the restore as the database owner;
// others only when allow-listed (Config.AllowExtensions), by the drill as
// superuser before the restore, from the server's own extension scripts.
// Entries that fail for want of privilege are named, and fail the drill
// blaming the archive: restored as superuser they would have run.
// Config.TrustArchive restores as the superuser instead, as pg_restore
// would.

const (
	// drillSuperuser is the throwaway server's superuser in an untrusted
	// archive drill.
	drillSuperuser = "pgdrill"
	// restorerRole is the unprivileged role an untrusted archive is
	// restored as.
	restorerRole = "pgdrill_restore"
)

// TrustReport says how the archive drill guarded against the archive.
type TrustReport struct {
	// Trusted is set when the archive was restored as superuser
	// (--trust-archive) or into a -d database, where the drill creates no
	// roles; the TOC check still ran unless trusted.
	Trusted bool `json:"trusted"`
	// RestoredAs is the role the restore connected as.
	RestoredAs string `json:"restored_as"`
	// TOCChecked says every entry's SQL was checked against its kind.
	TOCChecked bool `json:"toc_checked"`
	// Extensions the drill created as superuser because they were
	// allow-listed; Refused, extensions the archive creates that the server
	// does not trust and that were not allow-listed.
	Extensions []string `json:"extensions_created,omitempty"`
	Refused    []string `json:"extensions_refused,omitempty"`
	// Lowered are roles (from a --roles file) that were superusers or
	// could reach the server's files or programs, and no longer can.
	Lowered []string `json:"roles_lowered,omitempty"`
	// NeedSuperuser lists the entries the server refused for want of
	// privilege: what the archive would have done as superuser.
	NeedSuperuser []string `json:"need_superuser,omitempty"`
}

// untrusted reports whether the archive drill restores as the unprivileged
// role: an archive drill on a throwaway server not told to trust it.
func (r *run) untrusted() bool {
	return r.cfg.Archive != "" && r.cfg.DB == "" && !r.cfg.TrustArchive
}

// restrict prepares the unprivileged restore of a (after the roles it
// names exist) and returns the URL to restore through.
func (r *run) restrict(ctx context.Context, a *pgarchive.Reader, opts *restore.Options) (string, error) {
	tr := &TrustReport{Trusted: true, RestoredAs: userOf(r.url)}
	r.rep.Trust = tr
	if r.cfg.TrustArchive {
		return r.url, nil
	}
	opts.StrictTOC, tr.TOCChecked = true, true
	if !r.untrusted() {
		return r.url, nil
	}
	tr.Trusted = false
	for _, n := range r.namedRoles() {
		if n == drillSuperuser || n == restorerRole {
			// Owned by the drill's own superuser, a SECURITY DEFINER
			// function the data load calls would run as superuser.
			return "", &refusedError{what: "roles the archive names",
				why: fmt.Sprintf("the archive names role %q, which is the drill's own; restore it with --trust-archive only if you trust it", n)}
		}
	}

	conn, err := pgx.Connect(ctx, r.url)
	if err != nil {
		return "", fmt.Errorf("drill: connect: %w", err)
	}
	defer conn.Close(ctx)
	password, err := randomHex(16)
	if err != nil {
		return "", err
	}
	restorer := pgx.Identifier{restorerRole}.Sanitize()
	stmts := []string{
		"CREATE ROLE " + restorer + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '" + password + "'",
		"ALTER DATABASE " + pgx.Identifier{dbOf(r.url)}.Sanitize() + " OWNER TO " + restorer,
	}
	// Before PostgreSQL 15 schema public belongs to the bootstrap
	// superuser rather than to pg_database_owner.
	var publicOwner string
	err = conn.QueryRow(ctx, "SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'public'").Scan(&publicOwner)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
	case err != nil:
		return "", fmt.Errorf("drill: schema public: %w", err)
	case publicOwner != "pg_database_owner":
		stmts = append(stmts, "ALTER SCHEMA public OWNER TO "+restorer)
	}
	// No role the restore can act as may reach the host or the cluster:
	// a --roles file may make the archive's "postgres" a superuser, or grant
	// pg_execute_server_program, and a SECURITY DEFINER function owned by
	// such a role would run with that power when the data load calls it.
	all, err := conn.Query(ctx, `SELECT rolname, rolsuper OR rolcreatedb OR rolcreaterole OR rolreplication OR rolbypassrls
			OR EXISTS (SELECT FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
				WHERE m.member = r.oid AND g.rolname IN ('pg_execute_server_program', 'pg_read_server_files', 'pg_write_server_files'))
		FROM pg_roles r WHERE rolname !~ '^pg_' AND rolname <> current_user ORDER BY 1`)
	if err != nil {
		return "", fmt.Errorf("drill: roles: %w", err)
	}
	type role struct {
		name     string
		powerful bool
	}
	others, err := pgx.CollectRows(all, func(row pgx.CollectableRow) (role, error) {
		var ro role
		return ro, row.Scan(&ro.name, &ro.powerful)
	})
	if err != nil {
		return "", fmt.Errorf("drill: roles: %w", err)
	}
	for _, ro := range others {
		if !ro.powerful {
			continue
		}
		id := pgx.Identifier{ro.name}.Sanitize()
		stmts = append(stmts, "ALTER ROLE "+id+" NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS",
			"REVOKE pg_execute_server_program, pg_read_server_files, pg_write_server_files FROM "+id)
		tr.Lowered = append(tr.Lowered, ro.name)
	}
	for _, q := range stmts {
		if _, err := conn.Exec(ctx, q); err != nil {
			return "", fmt.Errorf("drill: prepare the unprivileged restore: %s: %w", strings.SplitN(q, " PASSWORD", 2)[0], err)
		}
	}
	// Membership in every role the archive names lets the restore give
	// objects their owners and run SET ROLE / default privileges as
	// written; superusers and the predefined roles are never granted.
	grantable, err := conn.Query(ctx, `SELECT rolname FROM pg_roles
		WHERE rolname = ANY($1) AND NOT rolsuper AND rolname !~ '^pg_' AND rolname <> $2`, r.namedRoles(), restorerRole)
	if err != nil {
		return "", fmt.Errorf("drill: roles: %w", err)
	}
	names, err := pgx.CollectRows(grantable, pgx.RowTo[string])
	if err != nil {
		return "", fmt.Errorf("drill: roles: %w", err)
	}
	for _, n := range names {
		if _, err := conn.Exec(ctx, "GRANT "+pgx.Identifier{n}.Sanitize()+" TO "+restorer); err != nil {
			return "", fmt.Errorf("drill: grant %s to the restoring role: %w", n, err)
		}
	}

	if err := r.allowExtensions(ctx, conn, a, tr); err != nil {
		return "", err
	}
	tr.RestoredAs = restorerRole
	// Owners are set by the superuser: the unprivileged role could not give
	// an object to an owner without CREATE on its schema, which a
	// superuser-run restore never asks for.
	opts.OwnerConn = r.url
	return withUser(r.url, restorerRole, password)
}

// namedRoles are the roles the archive names, as the roles step found them.
func (r *run) namedRoles() []string {
	if r.rep.Roles == nil {
		return nil
	}
	return r.rep.Roles.Named
}

// allowExtensions creates, as superuser, the archive's extensions that the
// server does not trust but the operator allow-listed, so the restore's own
// CREATE EXTENSION IF NOT EXISTS finds them; it lists the others.
func (r *run) allowExtensions(ctx context.Context, conn *pgx.Conn, a *pgarchive.Reader, tr *TrustReport) error {
	for _, e := range a.Entries {
		if e.Desc != "EXTENSION" {
			continue
		}
		var trusted, available bool
		err := conn.QueryRow(ctx, `SELECT true, coalesce(bool_or(trusted), false) FROM pg_available_extension_versions WHERE name = $1`, e.Tag).Scan(&available, &trusted)
		if errors.Is(err, pgx.ErrNoRows) || err == nil && !available {
			continue // the restore reports it missing
		}
		if err != nil {
			return fmt.Errorf("drill: extension %s: %w", e.Tag, err)
		}
		if trusted {
			continue
		}
		if !slices.Contains(r.cfg.AllowExtensions, e.Tag) {
			tr.Refused = append(tr.Refused, e.Tag)
			continue
		}
		schema := e.Namespace.String
		if schema == "" {
			schema = "public"
		}
		q := "CREATE EXTENSION IF NOT EXISTS " + pgx.Identifier{e.Tag}.Sanitize() + " WITH SCHEMA " + pgx.Identifier{schema}.Sanitize()
		if _, err := conn.Exec(ctx, q); err != nil {
			return fmt.Errorf("drill: allow-listed extension %s: %w", e.Tag, err)
		}
		tr.Extensions = append(tr.Extensions, e.Tag)
	}
	return nil
}

// judgePrivileges names the entries the server refused to the unprivileged
// restorer, and fails the drill on them: as superuser they would have run.
func (r *run) judgePrivileges(errs []*restore.EntryError) {
	tr := r.rep.Trust
	if tr == nil || tr.Trusted {
		return
	}
	for _, ee := range errs {
		var pe *pgconn.PgError
		if !errors.As(ee.Err, &pe) || pe.Code != "42501" { // insufficient_privilege
			continue
		}
		name := "session"
		if ee.Entry != nil {
			name = fmt.Sprintf("%d %s %s", ee.Entry.DumpID, ee.Entry.Desc, ee.Entry.Name())
		}
		tr.NeedSuperuser = append(tr.NeedSuperuser, name+": "+pe.Message)
	}
	if len(tr.NeedSuperuser) > 0 {
		r.check(CulpritArchive, "entries that need superuser", false, "none",
			fmt.Sprintf("%d: %s (restore with --trust-archive only if you trust this archive)", len(tr.NeedSuperuser), strings.Join(tr.NeedSuperuser, "; ")))
	}
	if len(tr.Refused) > 0 {
		r.check(CulpritArchive, "untrusted extensions", false, "none",
			strings.Join(tr.Refused, ", ")+" (allow with --allow-extension NAME)")
	}
}

func randomHex(n int) (string, error) {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("drill: %w", err)
	}
	return hex.EncodeToString(b), nil
}

// userOf, dbOf and withUser read and change the user and database of a
// postgres:// URL, the form the embedded server hands out.
func userOf(u string) string {
	if p, err := url.Parse(u); err == nil && p.User != nil {
		return p.User.Username()
	}
	return ""
}

func dbOf(u string) string {
	if p, err := url.Parse(u); err == nil {
		return strings.TrimPrefix(p.Path, "/")
	}
	return ""
}

func withUser(u, user, password string) (string, error) {
	p, err := url.Parse(u)
	if err != nil {
		return "", fmt.Errorf("drill: %w", err)
	}
	p.User = url.UserPassword(user, password)
	return p.String(), nil
}

// refusedError is an archive the drill will not restore; Run turns it into
// a failed check blaming the archive.
type refusedError struct{ what, why string }

func (e *refusedError) Error() string { return "drill: " + e.what + ": " + e.why }
