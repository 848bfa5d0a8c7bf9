package workload

import (
	"context"
	"strings"
	"testing"

	"github.com/pgdrill/pgdrill/chain"
	"github.com/pgdrill/pgdrill/internal/pgtest"
)

// TestInsertSchema inserts into an audit_events that is not pgdrill's: a
// column fewer (no event_category), NOT NULL columns of many types without
// defaults, one with a default and a generated one, all behind pgdrill's
// chain triggers (the chain's own columns are what the triggers hash).
func TestInsertSchema(t *testing.T) {
	ctx := context.Background()
	conn := pgtest.Conn(t, pgtest.NewDB(t))
	if err := chain.Migrate(ctx, conn); err != nil {
		t.Fatal(err)
	}
	_, err := conn.Exec(ctx, `
		CREATE DOMAIN short_text AS varchar(20);
		CREATE TYPE level AS ENUM ('info', 'warn');
		ALTER TABLE audit_events
			ADD COLUMN request_id uuid NOT NULL,
			ADD COLUMN tenant short_text NOT NULL,
			ADD COLUMN n int NOT NULL,
			ADD COLUMN flag boolean NOT NULL,
			ADD COLUMN meta jsonb NOT NULL,
			ADD COLUMN raw bytea NOT NULL,
			ADD COLUMN ip inet NOT NULL,
			ADD COLUMN tags text[] NOT NULL,
			ADD COLUMN lvl level NOT NULL,
			ADD COLUMN seen date NOT NULL,
			ADD COLUMN took interval NOT NULL,
			ADD COLUMN with_default text NOT NULL DEFAULT 'kept',
			ADD COLUMN nullable text,
			ADD COLUMN doubled bigint GENERATED ALWAYS AS (n * 2) STORED`)
	if err != nil {
		t.Fatal(err)
	}
	n, err := InsertSchema(ctx, conn, Config{Rows: 30, BatchRows: 7})
	if err != nil {
		t.Fatal(err)
	}
	if n != 30 {
		t.Fatalf("inserted %d", n)
	}
	var distinct, rows int
	var sample string
	err = conn.QueryRow(ctx, `SELECT count(DISTINCT request_id), count(*),
		min(format('%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s', tenant, n, flag, meta, raw, ip, tags, lvl, took, with_default, nullable IS NULL, doubled))
		FROM audit_events`).Scan(&distinct, &rows, &sample)
	if err != nil {
		t.Fatal(err)
	}
	if distinct != 30 || rows != 30 || sample != `pgdrill|0|f|{}|\x|192.0.2.1|{}|info|00:00:00|kept|t|0` {
		t.Errorf("distinct request ids %d, rows %d, sample %s", distinct, rows, sample)
	}
	res, err := chain.VerifyDB(ctx, conn)
	if err != nil || res.FirstBreak != nil || res.RowCount != 30 {
		t.Fatalf("chain %+v, %v", res, err)
	}

	// A type the workload cannot invent a value for is an error naming it.
	conn2 := pgtest.Conn(t, pgtest.NewDB(t))
	if err := chain.Migrate(ctx, conn2); err != nil {
		t.Fatal(err)
	}
	if _, err := conn2.Exec(ctx, "ALTER TABLE audit_events ADD COLUMN pt point NOT NULL"); err != nil {
		t.Fatal(err)
	}
	_, err = InsertSchema(ctx, conn2, Config{Rows: 1})
	if err == nil || !strings.Contains(err.Error(), "audit_events.pt is NOT NULL without a default and of type point") {
		t.Errorf("unfillable column: %v", err)
	}
}
