package chain

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/pgdrill/pgdrill/pgtime"
)

// VerifyDB verifies the chain on a live server in Go: it streams
// audit_events in chain order as COPY text (the same decoding path as
// VerifyCopy, so memory stays flat) and reads audit_chain_head, both in one
// repeatable-read, read-only transaction so they are one snapshot. It
// recomputes every hash itself; only the ordering comes from the server,
// which sorts ("timestamp", id) by the database's default collation exactly
// as audit_events_verify_chain() does, so the two agree whatever that
// collation is. It checks that the timestamps arrive in order; the order of
// ids within one timestamp is the server's.
func VerifyDB(ctx context.Context, conn *pgx.Conn) (res Result, err error) {
	tx, err := conn.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return Result{}, fmt.Errorf("chain: verify: %w", err)
	}
	defer func() {
		if rbErr := tx.Rollback(ctx); err == nil && rbErr != nil && !errors.Is(rbErr, pgx.ErrTxClosed) {
			err = fmt.Errorf("chain: verify: %w", rbErr)
		}
	}()
	// Timestamps are parsed from text: make sure it is ISO text.
	if _, err := tx.Exec(ctx, "SET LOCAL DateStyle = 'ISO, YMD'"); err != nil {
		return Result{}, fmt.Errorf("chain: verify: %w", err)
	}
	cols := make([]string, len(EventColumns))
	for i, c := range EventColumns {
		cols[i] = pgx.Identifier{c}.Sanitize()
	}
	query := fmt.Sprintf(`COPY (SELECT %s FROM %s ORDER BY "timestamp", id) TO STDOUT`,
		strings.Join(cols, ", "), EventsTable)

	pr, pw := io.Pipe()
	copyDone := make(chan error, 1)
	go func() {
		_, err := conn.PgConn().CopyTo(ctx, pw, query)
		pw.CloseWithError(err)
		copyDone <- err
	}()
	w := walker{other: map[[32]byte]string{}}
	decErr := decodeEvents(pr, EventColumns, func(r *Row) error { return w.serverOrdered(newKey(r, w.other)) })
	pr.CloseWithError(errors.New("chain: verify stopped reading")) // unblocks CopyTo after a decode error
	copyErr := <-copyDone
	if decErr != nil {
		return Result{}, decErr
	}
	if copyErr != nil {
		return Result{}, fmt.Errorf("chain: verify: %s: %w", EventsTable, copyErr)
	}
	res = w.result()

	head, err := readHead(ctx, tx)
	if err != nil {
		return Result{}, err
	}
	res.Head = &head
	return res, tx.Commit(ctx)
}

func readHead(ctx context.Context, tx pgx.Tx) (Head, error) {
	var hash, updated *string
	err := tx.QueryRow(ctx, "SELECT row_hash, updated_at::text FROM "+HeadTable+" WHERE id = 1").Scan(&hash, &updated)
	if err != nil {
		return Head{}, fmt.Errorf("chain: verify: %s: %w", HeadTable, err)
	}
	h := Head{RowHash: hash}
	if updated != nil {
		us, err := pgtime.ParseTimestamptz(*updated)
		if err != nil {
			return Head{}, fmt.Errorf("chain: verify: %s: %w", HeadTable, err)
		}
		h.UpdatedAt = &us
	}
	return h, nil
}

// SQLFunction describes the audit_events_verify_chain() a database holds
// and what it answered.
type SQLFunction struct {
	// Name is the schema-qualified name, Signature its arguments and result
	// as the server prints them.
	Name      string `json:"name"`
	Signature string `json:"signature"`
	// Convention is "first-break" for a function with OUT parameters that
	// stops at the first break, (NULL, -1, N) when clean, as certctl's and
	// pgdrill's own do; "walk-all" for pgdrill's before the change to
	// certctl's convention: RETURNS TABLE (text, bigint, bigint), NULL
	// position when clean, row_count always every row. VerifySQL turns a
	// walk-all answer into the first-break triple.
	Convention string `json:"convention"`
	// Origin is "pgdrill" for pgdrill's function (known by its comment),
	// "pgdrill-v1" for pgdrill's earlier walk-all function, "database" for
	// any other: the schema's own, such as certctl's.
	Origin string `json:"origin"`
	// Returned is the row the function returned, as SQL literals.
	Returned string `json:"returned"`

	schema string
}

// ErrNoSQLFunction means the database has no audit_events_verify_chain()
// on its search path.
var ErrNoSQLFunction = errors.New("chain: no audit_events_verify_chain() on the search path")

// findSQLFunction finds audit_events_verify_chain() on the search path.
func findSQLFunction(ctx context.Context, conn *pgx.Conn) (*SQLFunction, error) {
	var f SQLFunction
	var schema, args, result, comment string
	var set bool
	err := conn.QueryRow(ctx, `SELECT n.nspname, pg_get_function_arguments(p.oid), pg_get_function_result(p.oid),
			p.proretset, COALESCE(obj_description(p.oid, 'pg_proc'), '')
		FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
		WHERE p.oid = to_regprocedure('audit_events_verify_chain()')`).Scan(&schema, &args, &result, &set, &comment)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, ErrNoSQLFunction
	}
	if err != nil {
		return nil, fmt.Errorf("chain: find audit_events_verify_chain(): %w", err)
	}
	f.Name = quoteIdentIfNeeded(schema) + ".audit_events_verify_chain"
	f.schema = schema
	f.Signature = "(" + args + ") RETURNS " + result
	f.Convention, f.Origin = "first-break", "database"
	if set {
		f.Convention = "walk-all"
		if result == "TABLE(first_break_id text, first_break_pos bigint, row_count bigint)" {
			f.Origin = "pgdrill-v1"
		}
	} else if strings.HasPrefix(comment, "pgdrill ") {
		f.Origin = "pgdrill"
	}
	return &f, nil
}

// VerifySQL runs the database's own audit_events_verify_chain(), whichever
// it is (see SQLFunction), and returns its answer as a Result in the
// first-break convention, with RowCount counted in the same statement
// (Reason empty, no LastHash or Head). ErrNoSQLFunction if there is none;
// if the function fails, the Result still names it.
func VerifySQL(ctx context.Context, conn *pgx.Conn) (Result, error) {
	f, err := findSQLFunction(ctx, conn)
	if err != nil {
		return Result{}, err
	}
	var id *string
	var pos, walked *int64
	var rows int64
	err = conn.QueryRow(ctx, `SELECT v.first_break_id, v.first_break_pos::bigint, v.row_count::bigint,
			(SELECT count(*) FROM `+EventsTable+`)
		FROM `+pgx.Identifier{f.schema, "audit_events_verify_chain"}.Sanitize()+`() v`).Scan(&id, &pos, &walked, &rows)
	if err != nil {
		return Result{Function: f}, fmt.Errorf("chain: %s: %w", f.Name, err)
	}
	f.Returned = fmt.Sprintf("(%s, %s, %s)", literal(id), intLiteral(pos), intLiteral(walked))
	res := Result{RowCount: rows, Function: f}
	if walked == nil {
		return Result{}, fmt.Errorf("chain: %s returned %s: NULL row_count", f.Name, f.Returned)
	}
	res.Walked = *walked
	switch {
	case id == nil && (pos == nil && f.Convention == "walk-all" || pos != nil && *pos == -1 && f.Convention == "first-break"):
		// clean
	case id != nil && pos != nil && *pos >= 0:
		res.FirstBreak = &Break{ID: *id, Pos: *pos}
		if f.Convention == "walk-all" {
			res.Walked = *pos + 1 // the rows a first-break walk takes
		}
	default:
		return Result{}, fmt.Errorf("chain: %s returned %s, which is not the %s convention", f.Name, f.Returned, f.Convention)
	}
	return res, nil
}

// quoteIdentIfNeeded quotes an identifier only when it is not a plain
// lower-case one, as the server's quote_ident does (keywords aside).
func quoteIdentIfNeeded(s string) string {
	plain := s != ""
	for i, c := range s {
		if !(c >= 'a' && c <= 'z' || c == '_' || i > 0 && (c >= '0' && c <= '9' || c == '$')) {
			plain = false
		}
	}
	if plain {
		return s
	}
	return pgx.Identifier{s}.Sanitize()
}

func literal(s *string) string {
	if s == nil {
		return "NULL"
	}
	return "'" + strings.ReplaceAll(*s, "'", "''") + "'"
}

func intLiteral(n *int64) string {
	if n == nil {
		return "NULL"
	}
	return fmt.Sprint(*n)
}
