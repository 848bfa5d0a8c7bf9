package drill

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/pgdrill/pgdrill/chain"
	"github.com/pgdrill/pgdrill/internal/sqlscript"
	"github.com/pgdrill/pgdrill/pgarchive"
	"github.com/pgdrill/pgdrill/workload"
)

// ErrScript means a migration, workload or roles script failed; the
// error names the file, the statement and the server's error.
var ErrScript = errors.New("drill: script failed")

// MigrationsReport lists what the migrations drill ran before the dump.
type MigrationsReport struct {
	Dir        string   `json:"dir"`
	Files      []string `json:"files"`
	Statements int      `json:"statements"`
	// ChainRows are the audit events the drill inserted through the
	// schema's own chain trigger (0 when the schema has no chain).
	ChainRows int      `json:"chain_rows"`
	Workloads []string `json:"workloads,omitempty"`
	// Schemas and Extensions are what the migrations created, all of which
	// the drill dropped before restoring.
	Schemas    []string `json:"schemas"`
	Extensions []string `json:"extensions"`
}

// MigrationFiles lists the scripts of a migration directory in the order
// the drill applies them: its *.sql files by name, or only the *.up.sql
// ones when *.down.sql files sit beside them (golang-migrate, dbmate and
// similar layouts).
func MigrationFiles(dir string) ([]string, error) {
	names, err := migrationNames(os.DirFS(dir), dir)
	if err != nil {
		return nil, err
	}
	for i, n := range names {
		names[i] = filepath.Join(dir, n)
	}
	return names, nil
}

// migrationNames lists the migration files at the root of fsys, as
// MigrationFiles does for a directory; where names it in errors.
func migrationNames(fsys fs.FS, where string) ([]string, error) {
	ents, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("drill: migrations: %w", err)
	}
	var all []string
	downs := false
	for _, e := range ents {
		name := e.Name()
		if !strings.HasSuffix(name, ".sql") || e.IsDir() {
			continue
		}
		downs = downs || strings.HasSuffix(name, ".down.sql")
		all = append(all, name)
	}
	var files []string
	for _, name := range all { // fs.ReadDir sorts by name
		if downs && !strings.HasSuffix(name, ".up.sql") {
			continue
		}
		files = append(files, name)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("drill: migrations: no *.sql files in %s", where)
	}
	return files, nil
}

// migrationsDrill applies a user's migrations on the drill's database,
// inserts chain rows through the schema's own triggers (and runs the
// workload script), dumps, drops everything the migrations created,
// restores and checks like the synthetic drill.
func (r *run) migrationsDrill(ctx context.Context) error {
	fsys, where := r.cfg.MigrationsFS, r.cfg.Migrations
	if fsys == nil {
		fsys = os.DirFS(where)
	} else if where == "" {
		where = "(migrations fs.FS)"
	}
	names, err := migrationNames(fsys, where)
	if err != nil {
		return err
	}
	files := make([]string, len(names))
	for i, n := range names {
		files[i] = filepath.Join(where, n)
	}
	mr := &MigrationsReport{Dir: where, Files: files, Workloads: r.cfg.Workloads, Schemas: []string{}, Extensions: []string{}}
	r.rep.Migrations = mr
	if err := r.database(ctx); err != nil {
		return err
	}
	conn, err := pgx.Connect(ctx, r.url)
	if err != nil {
		return fmt.Errorf("drill: connect: %w", err)
	}
	defer conn.Close(ctx)
	for i, name := range names {
		n, err := r.runScript(ctx, fsys, name, files[i])
		mr.Statements += n
		if err != nil {
			return fmt.Errorf("%w: migration %w", ErrScript, err)
		}
	}
	r.phase("migrations")

	hasChain, err := hasChainTables(ctx, conn)
	if err != nil {
		return err
	}
	if hasChain {
		n, err := workload.InsertSchema(ctx, conn, workload.Config{Rows: r.cfg.Rows, Seed: r.cfg.Seed, Edge: r.cfg.Edge})
		if err != nil {
			return err
		}
		mr.ChainRows = n
	}
	for _, w := range r.cfg.Workloads {
		if _, err := r.runScript(ctx, nil, w, w); err != nil {
			return fmt.Errorf("%w: workload %w", ErrScript, err)
		}
	}
	r.phase("workload")
	if hasChain {
		before, beforeGo, _, sqlErr, err := chainStates(ctx, conn)
		if err != nil {
			return err
		}
		if sqlErr != nil {
			// The schema's own verifier fails on the source: its fault,
			// not the backup's; the Go verifier still speaks for the chain.
			r.check(CulpritSource, "source SQL verifier", false, "runs", "error: "+sqlErr.Error())
		}
		if before == nil {
			before = beforeGo // a chain without an SQL verifier: the Go one speaks for the source
		}
		r.rep.Before = before
		r.rep.Rows = before.RowCount
	}
	r.phase("snapshot")

	path, err := r.dumpArchive(ctx)
	if err != nil {
		return err
	}

	if err := r.dropMigrated(ctx, conn); err != nil {
		return err
	}
	r.phase("drop")

	a, err := pgarchive.Open(path)
	if err != nil {
		return err
	}
	defer a.Close()
	if err := r.restore(ctx, a.Reader); err != nil {
		return err
	}
	if err := r.checkContent(ctx, conn, a.Reader); err != nil {
		return err
	}
	if !hasChain {
		r.rep.Rows = r.rep.Content.Rows()
		return r.userChecks(ctx, conn)
	}
	if err := r.serverChain(ctx, conn); err != nil {
		return err
	}
	off, err := offlineState(a.Reader)
	if err != nil {
		return err
	}
	r.rep.Offline = off
	r.phase("verify-offline")
	if r.rep.After == nil {
		// No SQL verifier in the schema: compare the Go verifiers only.
		r.rep.After = r.rep.AfterGo
	}
	r.compareChains()
	return r.userChecks(ctx, conn)
}

// runScript runs one script as psql -f would, in a session of its own: the
// file at name, or with fsys the file name in it, called display in errors.
func (r *run) runScript(ctx context.Context, fsys fs.FS, name, display string) (int, error) {
	pc, err := pgconn.Connect(ctx, r.url)
	if err != nil {
		return 0, fmt.Errorf("drill: connect: %w", err)
	}
	defer pc.Close(ctx)
	run := &sqlscript.Runner{Conn: pc}
	if r.cfg.Log != nil {
		run.Echo = r.cfg.Log
	}
	if fsys == nil {
		return run.RunFile(ctx, name)
	}
	return run.RunFS(ctx, fsys, name, display)
}

// hasChainTables reports whether the search path finds audit_events and
// audit_chain_head.
func hasChainTables(ctx context.Context, conn *pgx.Conn) (bool, error) {
	var ok bool
	err := conn.QueryRow(ctx, "SELECT to_regclass($1) IS NOT NULL AND to_regclass($2) IS NOT NULL",
		chain.EventsTable, chain.HeadTable).Scan(&ok)
	if err != nil {
		return false, fmt.Errorf("drill: %w", err)
	}
	return ok, nil
}

// dropMigrated drops every schema and extension the migrations created,
// and schema public with everything in it (recreated as the database had
// it), then checks that no object of the migrations is left.
func (r *run) dropMigrated(ctx context.Context, conn *pgx.Conn) error {
	mr := r.rep.Migrations
	now, err := snapshot(ctx, conn)
	if err != nil {
		return err
	}
	var stmts []string
	for _, e := range now.extensions {
		if !slices.Contains(r.found.extensions, e) {
			mr.Extensions = append(mr.Extensions, e)
			stmts = append(stmts, "DROP EXTENSION IF EXISTS "+pgx.Identifier{e}.Sanitize()+" CASCADE")
		}
	}
	for _, s := range now.schemas {
		if s != "public" && !slices.Contains(r.found.schemas, s) {
			mr.Schemas = append(mr.Schemas, s)
			stmts = append(stmts, "DROP SCHEMA IF EXISTS "+pgx.Identifier{s}.Sanitize()+" CASCADE")
		}
	}
	for _, s := range stmts {
		if _, err := conn.Exec(ctx, s); err != nil {
			return fmt.Errorf("drill: drop: %s: %w", s, err)
		}
	}
	if err := r.found.restorePublic(ctx, conn); err != nil {
		return err
	}
	left, err := leftovers(ctx, conn, r.found.schemas, r.found.extensions)
	if err != nil {
		return err
	}
	r.check(CulpritRestore, "nothing left after drop", len(left) == 0, "nothing", firstOf(left))
	return nil
}

// firstOf is the first of a list of problems and how many more there are.
func firstOf(list []string) string {
	switch len(list) {
	case 0:
		return "none"
	case 1:
		return list[0]
	}
	return fmt.Sprintf("%s (and %d more)", list[0], len(list)-1)
}

// leftovers lists objects that survived the drop: relations, functions,
// types, and schemas or extensions that were not there before.
func leftovers(ctx context.Context, conn *pgx.Conn, baseSchemas, baseExts []string) ([]string, error) {
	rows, err := conn.Query(ctx, `
		SELECT 'relation ' || c.oid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE (n.nspname = 'public' OR NOT n.nspname = ANY ($1)) AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
		UNION ALL
		SELECT 'function ' || p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
		WHERE (n.nspname = 'public' OR NOT n.nspname = ANY ($1)) AND n.nspname NOT IN ('pg_catalog', 'information_schema')
		UNION ALL
		SELECT 'type ' || t.oid::regtype::text FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
		WHERE (n.nspname = 'public' OR NOT n.nspname = ANY ($1)) AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%' AND t.typrelid = 0 AND t.typelem = 0
		UNION ALL
		SELECT 'large object ' || oid::text FROM pg_largeobject_metadata
		UNION ALL
		SELECT 'schema ' || nspname FROM pg_namespace
		WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\_toast%' AND nspname NOT LIKE 'pg\_temp\_%' AND NOT nspname = ANY ($1)
		UNION ALL
		SELECT 'extension ' || extname FROM pg_extension WHERE NOT extname = ANY ($2)
		ORDER BY 1`, baseSchemas, baseExts)
	if err != nil {
		return nil, fmt.Errorf("drill: leftovers: %w", err)
	}
	left, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("drill: leftovers: %w", err)
	}
	return left, nil
}
