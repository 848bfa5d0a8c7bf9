package restore

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/pgdrill/pgdrill/pgarchive"
)

// EntryError is a statement of the restore that the server rejected.
type EntryError struct {
	Entry *pgarchive.Entry // nil for the session prelude and transaction control
	Stmt  string           // the statement sent
	Err   error            // usually a *pgconn.PgError
}

func (e *EntryError) Error() string {
	if e.Entry == nil {
		return "restore: " + e.Err.Error()
	}
	return "restore: " + e.Entry.String() + ": " + e.Err.Error()
}

func (e *EntryError) Unwrap() error { return e.Err }

// IgnoredErrors is Run's error when statements failed and the restore went
// on past them, as pg_restore does without --exit-on-error.
type IgnoredErrors struct {
	Errors []*EntryError
}

func (e *IgnoredErrors) Error() string {
	return fmt.Sprintf("restore: errors ignored on restore: %d", len(e.Errors))
}

// session is one server connection and what pg_restore remembers about its
// state, so it sends SETs only when they change something.
type session struct {
	r    *runner
	conn *pgconn.PgConn
	cur  *item // the entry being restored, for error reports

	schema, tablespace, tableAM string
	schemaSet, tablespaceSet    bool
	tableAMSet                  bool
	authDefault                 bool // SET SESSION AUTHORIZATION DEFAULT was sent
	failed                      bool // a statement of the current entry failed
}

// connect opens a connection, makes its search_path safe as libpq-based
// tools do, and sends the fixed session prelude.
func (r *runner) connect(ctx context.Context, begin bool) (*session, error) {
	conn, err := pgconn.ConnectConfig(ctx, r.cfg)
	if err != nil {
		return nil, fmt.Errorf("restore: connecting: %w", err)
	}
	s := &session{r: r, conn: conn}
	if _, err := conn.Exec(ctx, "SELECT pg_catalog.set_config('search_path', '', false);").ReadAll(); err != nil {
		conn.Close(ctx)
		return nil, fmt.Errorf("restore: connecting: %w", err)
	}
	if begin {
		if err := s.exec(ctx, "BEGIN"); err != nil {
			conn.Close(ctx)
			return nil, err
		}
	}
	if err := s.prelude(ctx); err != nil {
		conn.Close(ctx)
		return nil, err
	}
	return s, nil
}

func (s *session) close(ctx context.Context) {
	if s != nil && s.conn != nil {
		s.conn.Close(ctx)
		s.conn = nil
	}
}

// prelude is pg_restore's _doSetFixedOutputState. Each SET is its own
// statement, so one failing SET does not undo the others.
func (s *session) prelude(ctx context.Context) error {
	p, o := s.r.plan, s.r.opts
	stmts := []string{
		"SET statement_timeout = 0;\n",
		"SET lock_timeout = 0;\n",
		"SET idle_in_transaction_session_timeout = 0;\n",
	}
	if serverMajor(s.conn) >= 17 {
		stmts = append(stmts, "SET transaction_timeout = 0;\n")
	}
	std := "off"
	if p.stdStrings {
		std = "on"
	}
	stmts = append(stmts,
		"SET client_encoding = '"+p.encoding+"';\n",
		"SET standard_conforming_strings = "+std+";\n")
	if p.searchPath != "" {
		stmts = append(stmts, p.searchPath)
	}
	stmts = append(stmts,
		"SET check_function_bodies = false;\n",
		"SET xmloption = content;\n",
		"SET client_min_messages = warning;\n")
	if !p.stdStrings {
		stmts = append(stmts, "SET escape_string_warning = off;\n")
	}
	if o.EnableRowSecurity {
		stmts = append(stmts, "SET row_security = on;\n")
	} else {
		stmts = append(stmts, "SET row_security = off;\n")
	}
	for _, q := range stmts {
		if err := s.exec(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// serverMajor is the server's major version from its server_version report.
func serverMajor(c *pgconn.PgConn) int {
	v := c.ParameterStatus("server_version")
	end := 0
	for end < len(v) && v[end] >= '0' && v[end] <= '9' {
		end++
	}
	n, _ := strconv.Atoi(v[:end])
	return n
}

// exec runs one statement batch with the simple query protocol, as PQexec
// does. A failure is counted and passed over, unless the restore stops on
// errors or the connection is gone; only then is the error returned.
func (s *session) exec(ctx context.Context, sql string) error {
	_, err := s.conn.Exec(ctx, sql).ReadAll()
	return s.check(ctx, sql, err)
}

// execPrivileged runs an ALTER ... OWNER TO or a COMMENT statement: on the
// session, or with Options.OwnerConn on that connection, as one
// extended-protocol statement so that nothing an archive put in a name can
// add a second one.
func (s *session) execPrivileged(ctx context.Context, sql string) error {
	if s.r.opts.OwnerConn == "" {
		return s.exec(ctx, sql)
	}
	r := s.r
	r.ownerMu.Lock()
	defer r.ownerMu.Unlock()
	if r.ownerConn == nil {
		conn, err := pgconn.Connect(ctx, r.opts.OwnerConn)
		if err != nil {
			return fmt.Errorf("restore: connecting for owners: %w", err)
		}
		r.ownerConn = conn
	}
	res := r.ownerConn.ExecParams(ctx, strings.TrimRight(sql, ";\n"), nil, nil, nil, nil).Read()
	if res.Err != nil && r.ownerConn.IsClosed() {
		ee := &EntryError{Stmt: sql, Err: res.Err}
		if s.cur != nil {
			ee.Entry = s.cur.e
		}
		return ee
	}
	return s.check(ctx, sql, res.Err)
}

// closeOwner closes Options.OwnerConn's connection, if one was opened.
func (r *runner) closeOwner() {
	if r.ownerConn != nil {
		r.ownerConn.Close(context.Background())
	}
}

// check classifies the outcome of a statement (see exec).
func (s *session) check(ctx context.Context, sql string, err error) error {
	if err == nil {
		return nil
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	var e *pgarchive.Entry
	if s.cur != nil {
		e = s.cur.e
		s.failed = true
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		// pgconn's word for a server that closed the connection without
		// an error message (a killed backend, an immediate shutdown); not
		// an input error, so the EOF leaves the chain.
		err = fmt.Errorf("%s (the server closed the connection unexpectedly)", err)
	} else if errors.Is(err, pgconn.ErrConnClosed) {
		// pgconn closed it after an earlier failure (the server went
		// away while the connection was idle, or mid-statement).
		err = fmt.Errorf("%s (the connection to the server was lost)", err)
	}
	ee := &EntryError{Entry: e, Stmt: sql, Err: err}
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) || s.conn.IsClosed() {
		return ee // not a statement error: the connection is in trouble
	}
	return s.r.fail(ee)
}

// fail records a statement error; it returns the error when the restore
// must stop.
func (r *runner) fail(ee *EntryError) error {
	if r.opts.ExitOnError || r.opts.SingleTransaction {
		return ee
	}
	r.mu.Lock()
	r.errs = append(r.errs, ee)
	r.mu.Unlock()
	stmt := strings.TrimRight(ee.Stmt, "\n")
	if len(stmt) > 500 {
		stmt = stmt[:500] + "..."
	}
	r.opts.warnf("%v\nCommand was: %s", ee, stmt)
	return nil
}

// selectSchema is pg_restore's _selectOutputSchema: only archives without a
// SEARCHPATH entry need a per-object search_path.
func (s *session) selectSchema(ctx context.Context, ns string) error {
	if s.r.plan.searchPath != "" || ns == "" || (s.schemaSet && s.schema == ns) {
		return nil
	}
	q := "SET search_path = " + quoteIdent(ns)
	if ns != "pg_catalog" {
		q += ", pg_catalog"
	}
	if err := s.exec(ctx, q); err != nil {
		return err
	}
	s.schema, s.schemaSet = ns, true
	return nil
}

// selectTablespace is pg_restore's _selectTablespace.
func (s *session) selectTablespace(ctx context.Context, ts pgarchive.NullString) error {
	if !ts.Valid || (s.tablespaceSet && s.tablespace == ts.String) {
		return nil
	}
	q := "SET default_tablespace = ''"
	if ts.String != "" {
		q = "SET default_tablespace = " + quoteIdent(ts.String)
	}
	if err := s.exec(ctx, q); err != nil {
		return err
	}
	s.tablespace, s.tablespaceSet = ts.String, true
	return nil
}

// selectTableAM is pg_restore's _selectTableAccessMethod.
func (s *session) selectTableAM(ctx context.Context, am pgarchive.NullString) error {
	if !am.Valid || (s.tableAMSet && s.tableAM == am.String) {
		return nil
	}
	if err := s.exec(ctx, "SET default_table_access_method = "+quoteIdent(am.String)+";"); err != nil {
		return err
	}
	s.tableAM, s.tableAMSet = am.String, true
	return nil
}

// becomeDefaultUser is pg_restore's _becomeUser(NULL), used around
// --disable-triggers; its failure is fatal in pg_restore too.
func (s *session) becomeDefaultUser(ctx context.Context) error {
	if s.authDefault {
		return nil
	}
	if _, err := s.conn.Exec(ctx, "SET SESSION AUTHORIZATION DEFAULT;").ReadAll(); err != nil {
		return fmt.Errorf("restore: could not set session user to default: %w", err)
	}
	s.authDefault = true
	return nil
}
