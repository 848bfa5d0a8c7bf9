package chain

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/pgdrill/pgdrill/internal/pgtime"
)

// VerifyDB verifies the chain on a live server in Go: it streams
// audit_events in chain order as COPY text (the same decoding path as
// VerifyCopy, so memory stays flat) and reads audit_chain_head, both in one
// repeatable-read, read-only transaction so they are one snapshot. It
// recomputes every hash itself; only the ordering comes from the server,
// and Verify's order check guards that.
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
	query := fmt.Sprintf(`COPY (SELECT %s FROM %s ORDER BY "timestamp", id COLLATE "C") TO STDOUT`,
		strings.Join(cols, ", "), EventsTable)

	pr, pw := io.Pipe()
	copyDone := make(chan error, 1)
	go func() {
		_, err := conn.PgConn().CopyTo(ctx, pw, query)
		pw.CloseWithError(err)
		copyDone <- err
	}()
	w := walker{other: map[[32]byte]string{}}
	decErr := decodeEvents(pr, EventColumns, func(r *Row) error { return w.ordered(newKey(r, w.other)) })
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

// VerifySQL runs the server's audit_events_verify_chain() and returns its
// answer as a Result (Reason empty, no LastHash or Head).
func VerifySQL(ctx context.Context, conn *pgx.Conn) (Result, error) {
	var id *string
	var pos *int64
	var count int64
	err := conn.QueryRow(ctx, "SELECT first_break_id, first_break_pos, row_count FROM audit_events_verify_chain()").Scan(&id, &pos, &count)
	if err != nil {
		return Result{}, fmt.Errorf("chain: audit_events_verify_chain(): %w", err)
	}
	res := Result{RowCount: count}
	if pos != nil {
		if id == nil {
			return Result{}, fmt.Errorf("chain: audit_events_verify_chain(): break at %d without an id", *pos)
		}
		res.FirstBreak = &Break{ID: *id, Pos: *pos}
	}
	return res, nil
}
