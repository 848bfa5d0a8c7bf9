// Package chain is the audit log's hash chain: the SQL migration that
// installs it (schema.sql), the canonical payload and hash computed in Go
// exactly as the SQL computes them, and verifiers that give the same
// answers as the SQL function audit_events_verify_chain() over rows read
// from a live server (VerifyDB), from COPY text taken out of an archive
// (VerifyCopy) or from the archive itself (VerifyArchive).
//
// The answers follow certctl's function, which pgdrill's own copies:
// (first_break_id, first_break_pos, row_count) = (NULL, -1, N) for a clean
// chain of N rows in ("timestamp", id) order, (id, p, p+1) for the first
// break at 0-based position p. VerifySQL runs whichever function a database
// holds and reports the same triple.
package chain

import (
	"context"
	_ "embed"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// Schema is the migration installing the tables, triggers and functions.
// It is idempotent.
//
//go:embed schema.sql
var Schema string

// Table and column names of the chain, in table column order.
const (
	EventsTable = "audit_events"
	HeadTable   = "audit_chain_head"
)

// EventColumns are audit_events' columns in table order.
var EventColumns = []string{
	"id", "actor", "actor_type", "action", "resource_type", "resource_id",
	"details", "timestamp", "event_category", "prev_hash", "row_hash",
}

// InsertColumns are the columns a writer supplies; the insert trigger sets
// prev_hash and row_hash.
var InsertColumns = EventColumns[:9]

// Migrate runs Schema on conn as one implicit transaction.
func Migrate(ctx context.Context, conn *pgx.Conn) error {
	// A multi-statement string must go through the simple protocol.
	if err := conn.PgConn().Exec(ctx, Schema).Close(); err != nil {
		return fmt.Errorf("chain: migrate: %w", err)
	}
	return nil
}
