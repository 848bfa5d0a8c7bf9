package chain_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/pgdrill/pgdrill/chain"
	"github.com/pgdrill/pgdrill/internal/pgtest"
)

// icuDB creates a database whose default collation is ICU's English one,
// in which "a" sorts before "B" although "B" is the smaller byte.
func icuDB(t *testing.T) *pgx.Conn {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: no server")
	}
	ctx := context.Background()
	srv := pgtest.Server(t)
	admin := pgtest.Conn(t, srv.URL("postgres"))
	name := fmt.Sprintf("chain_icu_%d", time.Now().UnixNano())
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+name+" TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en' LOCALE 'C'"); err != nil {
		t.Skipf("this server cannot create an ICU database (%v): the collation limit is not demonstrated", err)
	}
	t.Cleanup(func() { admin.Exec(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)") })
	conn := pgtest.Conn(t, srv.URL(name))
	var less bool
	if err := conn.QueryRow(ctx, "SELECT 'a'::text < 'B'::text").Scan(&less); err != nil || !less {
		t.Skipf("the ICU collation does not sort 'a' before 'B' here (%v, %v)", less, err)
	}
	if err := chain.Migrate(ctx, conn); err != nil {
		t.Fatal(err)
	}
	return conn
}

// TestCollationOrder: the chain is ordered by ("timestamp", id) in the
// database's default collation, as certctl's function orders it. Rows
// sharing a timestamp are inserted in that order; the SQL function and the
// Go verifier on the server (which asks the server to sort) agree whatever
// the collation. The offline verifier sorts ids by their bytes: it agrees
// when the collation orders the ids as their bytes do (UUID-shaped ids
// here), and this test records the documented limit where it does not.
func TestCollationOrder(t *testing.T) {
	cases := []struct {
		name string
		ids  []string // in the collation's order, all with one timestamp
		// offline is the offline verifier's answer on COPY text.
		offline string
	}{
		{"uuids", []string{"0b65cf4f-0f12-4a8c-b9d5-a2eb22759a37", "3f2c1e4d-aaaa-4bbb-8ccc-000000000001", "a0000000-0000-4000-8000-00000000000f"}, "(NULL, -1, 3)"},
		{"case differs from bytes", []string{"a", "B", "c"}, `("B", 0, 1)`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			conn := icuDB(t)
			for _, id := range c.ids {
				exec(t, conn, `INSERT INTO audit_events (id, actor, actor_type, action, resource_type, resource_id, "timestamp")
					VALUES ($1, 'alice', 'user', 'auth.login', 'session', 's1', '2026-01-01 00:00:00+00')`, id)
			}
			sqlRes, err := chain.VerifySQL(ctx, conn)
			if err != nil {
				t.Fatal(err)
			}
			dbRes, err := chain.VerifyDB(ctx, conn)
			if err != nil {
				t.Fatal(err)
			}
			want := fmt.Sprintf("(NULL, -1, %d)", len(c.ids))
			if got := sqlAnswer(sqlRes); got != want {
				t.Errorf("SQL function %s, want %s", got, want)
			}
			if got := sqlAnswer(dbRes); got != want || !dbRes.OK() {
				t.Errorf("VerifyDB %s (%v), want %s", got, dbRes, want)
			}
			offRes, err := chain.VerifyCopy(bytes.NewReader(copyOut(t, conn, chain.EventsTable, "UTC")), chain.EventColumns)
			if err != nil {
				t.Fatal(err)
			}
			if got := sqlAnswer(offRes); got != c.offline {
				t.Errorf("offline verifier %s, want %s", got, c.offline)
			}
		})
	}
}
