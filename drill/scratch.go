package drill

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/pgdrill/pgdrill/internal/embedded"
)

// database finds or makes the database to drill in: a fresh database on a
// throwaway server, or the -d database, which must hold no user tables
// outside schema public and nothing in public unless --force. Either way it
// records what the database holds, and for -d registers the cleanup that
// leaves it so.
func (r *run) database(ctx context.Context) error {
	if r.cfg.DB == "" {
		return r.throwaway(ctx)
	}
	r.url = r.cfg.DB
	conn, err := pgx.Connect(ctx, r.url)
	if err != nil {
		return fmt.Errorf("drill: connect: %w", err)
	}
	defer conn.Close(ctx)
	c, err := contents(ctx, conn)
	if err != nil {
		return err
	}
	if outside := c.tables - c.publicTables; outside > 0 {
		return fmt.Errorf("%w: %d user tables outside schema public (the drill would dump them too; --force does not drop them): use a scratch database", ErrNotEmpty, outside)
	}
	if c.inPublic > 0 && !r.cfg.Force {
		return fmt.Errorf("%w: schema public holds %d objects (%d tables); the drill drops schema public: use a scratch database, or --force to drop them", ErrNotEmpty, c.inPublic, c.publicTables)
	}
	if r.found, err = snapshot(ctx, conn); err != nil {
		return err
	}
	if r.cfg.Archive == "" {
		// The drill dumps the whole database and restores it over what is
		// left after dropping its own work: a schema or extension that was
		// there before would be restored over itself.
		var other []string
		for _, s := range r.found.schemas {
			if s != "public" {
				other = append(other, "schema "+s)
			}
		}
		ext, err := names(ctx, conn, `SELECT 'extension ' || extname FROM pg_catalog.pg_extension
			WHERE oid >= 16384 ORDER BY 1`) // FirstNormalObjectId: not created by initdb
		if err != nil {
			return err
		}
		if other = append(other, ext...); len(other) > 0 {
			return fmt.Errorf("%w: it holds %s, which a drill that dumps the whole database would restore over themselves: use a scratch database (drill --archive may use this one)",
				ErrNotEmpty, strings.Join(other, ", "))
		}
	}
	// From here on the database is changed: register the cleanup first.
	found, url := r.found, r.url
	r.closer = append(r.closer, func() error { return leaveAsFound(url, found) })
	if c.inPublic > 0 {
		if err := found.restorePublic(ctx, conn); err != nil {
			return err
		}
		r.phase("force-drop")
	}
	r.phase("connect")
	return nil
}

func (r *run) throwaway(ctx context.Context) error {
	cfg := embedded.Config{BinDir: r.cfg.BinDir, DownloadProgress: r.cfg.DownloadProgress}
	if cfg.BinDir == "" && r.cfg.Version != 0 {
		dir, err := embedded.FindVersion(r.cfg.Version)
		if err != nil {
			return err
		}
		cfg.BinDir = dir
	}
	if r.untrusted() && cfg.Superuser == "" {
		cfg.Superuser = drillSuperuser // "postgres" is then free for the archive's own role
	}
	srv, err := embedded.Start(ctx, cfg)
	if err != nil {
		return err
	}
	r.srv = srv
	r.closer = append(r.closer, func() error { srv.Stop(); return nil })
	r.phase("start-server")
	conn, err := pgx.Connect(ctx, srv.URL("postgres"))
	if err != nil {
		return fmt.Errorf("drill: connect: %w", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE DATABASE drill"); err != nil {
		return fmt.Errorf("drill: create database: %w", err)
	}
	r.url = srv.URL("drill")
	dconn, err := pgx.Connect(ctx, r.url)
	if err != nil {
		return fmt.Errorf("drill: connect: %w", err)
	}
	defer dconn.Close(ctx)
	if r.found, err = snapshot(ctx, dconn); err != nil {
		return err
	}
	r.phase("create-db")
	return nil
}

// dbContents counts what a database holds of its users'.
type dbContents struct {
	tables       int // tables, partitioned tables, materialized views, foreign tables
	publicTables int // of those, in schema public
	inPublic     int // objects of any kind in schema public
}

func contents(ctx context.Context, conn *pgx.Conn) (dbContents, error) {
	var c dbContents
	// Every object in a schema records a normal dependency on it.
	err := conn.QueryRow(ctx, `SELECT
		(SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
		  WHERE c.relkind IN ('r', 'p', 'm', 'f')
		    AND n.nspname NOT IN ('pg_catalog', 'information_schema')
		    AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'),
		(SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
		  WHERE c.relkind IN ('r', 'p', 'm', 'f') AND n.nspname = 'public'),
		(SELECT count(*) FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_namespace n ON n.oid = d.refobjid
		  WHERE d.refclassid = 'pg_catalog.pg_namespace'::regclass AND d.deptype = 'n' AND n.nspname = 'public')`).
		Scan(&c.tables, &c.publicTables, &c.inPublic)
	if err != nil {
		return c, fmt.Errorf("drill: look into the database: %w", err)
	}
	return c, nil
}

// dbState is what a database held before the drill: its schemas and
// extensions, and schema public's owner, privileges and comment.
type dbState struct {
	schemas    []string
	extensions []string
	public     bool
	owner      string
	acl        *string // nspacl as text; nil is the default
	grants     []grant
	comment    *string
}

type grant struct {
	grantee   string // "" is PUBLIC
	privilege string
	grantable bool
}

func snapshot(ctx context.Context, conn *pgx.Conn) (*dbState, error) {
	var st dbState
	var err error
	st.schemas, err = names(ctx, conn, `SELECT nspname FROM pg_catalog.pg_namespace
		WHERE nspname NOT LIKE 'pg\_%' AND nspname <> 'information_schema' ORDER BY 1`)
	if err != nil {
		return nil, err
	}
	if st.extensions, err = names(ctx, conn, `SELECT extname FROM pg_catalog.pg_extension ORDER BY 1`); err != nil {
		return nil, err
	}
	err = conn.QueryRow(ctx, `SELECT nspowner::regrole::text, nspacl::text, obj_description(oid, 'pg_namespace')
		FROM pg_catalog.pg_namespace WHERE nspname = 'public'`).Scan(&st.owner, &st.acl, &st.comment)
	if err == pgx.ErrNoRows {
		return &st, nil
	}
	if err != nil {
		return nil, fmt.Errorf("drill: read schema public: %w", err)
	}
	st.public = true
	rows, err := conn.Query(ctx, `SELECT CASE WHEN a.grantee = 0 THEN '' ELSE a.grantee::regrole::text END,
			a.privilege_type, a.is_grantable
		FROM pg_catalog.pg_namespace n, aclexplode(n.nspacl) a WHERE n.nspname = 'public'`)
	if err != nil {
		return nil, fmt.Errorf("drill: read schema public: %w", err)
	}
	for rows.Next() {
		var g grant
		if err := rows.Scan(&g.grantee, &g.privilege, &g.grantable); err != nil {
			rows.Close()
			return nil, fmt.Errorf("drill: read schema public: %w", err)
		}
		st.grants = append(st.grants, g)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("drill: read schema public: %w", err)
	}
	return &st, nil
}

func names(ctx context.Context, conn *pgx.Conn, query string) ([]string, error) {
	rows, err := conn.Query(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("drill: %w", err)
	}
	list, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("drill: %w", err)
	}
	return list, nil
}

// restorePublic drops schema public with everything in it and creates it
// again with the owner, privileges and comment it had (if it existed).
func (st *dbState) restorePublic(ctx context.Context, conn *pgx.Conn) error {
	stmts := []string{"DROP SCHEMA IF EXISTS public CASCADE"}
	if st.public {
		stmts = append(stmts, "CREATE SCHEMA public", "ALTER SCHEMA public OWNER TO "+st.owner)
		if st.acl != nil {
			// Start from no privileges at all, then grant what it had.
			stmts = append(stmts, "REVOKE ALL ON SCHEMA public FROM PUBLIC", "REVOKE ALL ON SCHEMA public FROM "+st.owner)
			for _, g := range st.grants {
				to := g.grantee
				if to == "" {
					to = "PUBLIC"
				}
				s := "GRANT " + g.privilege + " ON SCHEMA public TO " + to
				if g.grantable {
					s += " WITH GRANT OPTION"
				}
				stmts = append(stmts, s)
			}
		}
		if st.comment != nil {
			stmts = append(stmts, "COMMENT ON SCHEMA public IS "+quoteLiteral(*st.comment))
		}
	}
	for _, s := range stmts {
		if _, err := conn.Exec(ctx, s); err != nil {
			return fmt.Errorf("drill: reset schema public: %s: %w", s, err)
		}
	}
	return nil
}

func quoteLiteral(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// leaveAsFound undoes a drill in a -d database: it drops the schemas and
// extensions the drill created and schema public's contents, restores
// public's owner, privileges and comment, and checks that the database
// then holds what it held before.
func leaveAsFound(url string, found *dbState) error {
	// The drill's own context may be cancelled (SIGINT): clean up anyway.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return fmt.Errorf("drill: leave the database as found: %w", err)
	}
	defer conn.Close(ctx)
	now, err := snapshot(ctx, conn)
	if err != nil {
		return err
	}
	var stmts []string
	for _, e := range now.extensions {
		if !slices.Contains(found.extensions, e) {
			stmts = append(stmts, "DROP EXTENSION IF EXISTS "+pgx.Identifier{e}.Sanitize()+" CASCADE")
		}
	}
	for _, s := range now.schemas {
		if s != "public" && !slices.Contains(found.schemas, s) {
			stmts = append(stmts, "DROP SCHEMA IF EXISTS "+pgx.Identifier{s}.Sanitize()+" CASCADE")
		}
	}
	for _, s := range stmts {
		if _, err := conn.Exec(ctx, s); err != nil {
			return fmt.Errorf("drill: leave the database as found: %s: %w", s, err)
		}
	}
	if err := found.restorePublic(ctx, conn); err != nil {
		return err
	}
	after, err := snapshot(ctx, conn)
	if err != nil {
		return err
	}
	if d := found.differs(after); d != "" {
		return fmt.Errorf("drill: the database is not as found after the drill: %s", d)
	}
	return nil
}

// differs says how other differs from st, "" if not at all.
func (st *dbState) differs(other *dbState) string {
	switch {
	case !slices.Equal(st.schemas, other.schemas):
		return fmt.Sprintf("schemas %v, before %v", other.schemas, st.schemas)
	case !slices.Equal(st.extensions, other.extensions):
		return fmt.Sprintf("extensions %v, before %v", other.extensions, st.extensions)
	case st.public != other.public || st.owner != other.owner:
		return fmt.Sprintf("schema public owned by %q, before %q", other.owner, st.owner)
	case !eq(st.acl, other.acl):
		return fmt.Sprintf("schema public privileges %s, before %s", str(other.acl), str(st.acl))
	case !eq(st.comment, other.comment):
		return fmt.Sprintf("schema public comment %s, before %s", str(other.comment), str(st.comment))
	}
	return ""
}
