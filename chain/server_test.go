package chain_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/pgdrill/pgdrill/chain"
	"github.com/pgdrill/pgdrill/internal/pgtest"
	"github.com/pgdrill/pgdrill/workload"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Run(m)) }

// newChainDB returns a connection to a fresh database with the chain
// installed (twice, to prove the migration idempotent).
func newChainDB(t *testing.T) *pgx.Conn { return newChainDBB(t) }

func newChainDBB(t testing.TB) *pgx.Conn {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: no server")
	}
	conn := pgtest.Conn(t, pgtest.NewDB(t))
	for range 2 {
		if err := chain.Migrate(context.Background(), conn); err != nil {
			t.Fatal(err)
		}
	}
	return conn
}

func exec(t *testing.T, conn *pgx.Conn, sql string, args ...any) {
	t.Helper()
	if _, err := conn.Exec(context.Background(), sql, args...); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

// copyOut returns COPY audit_events TO STDOUT (physical order) as printed in
// a session with the given time zone.
func copyOut(t *testing.T, conn *pgx.Conn, table, zone string) []byte {
	t.Helper()
	exec(t, conn, "SELECT set_config('TimeZone', $1, false)", zone)
	defer exec(t, conn, "RESET TimeZone")
	var buf bytes.Buffer
	if _, err := conn.PgConn().CopyTo(context.Background(), &buf, "COPY "+table+" TO STDOUT"); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// verifyAll runs the SQL function and the three Go verifiers and requires
// the same answer from all of them; it returns VerifyDB's result.
func verifyAll(t *testing.T, conn *pgx.Conn, zone string) chain.Result {
	t.Helper()
	ctx := context.Background()
	sqlRes, err := chain.VerifySQL(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	dbRes, err := chain.VerifyDB(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	copyRes, err := chain.VerifyCopy(bytes.NewReader(copyOut(t, conn, chain.EventsTable, zone)), chain.EventColumns)
	if err != nil {
		t.Fatal(err)
	}
	head, err := chain.ReadHeadCopy(bytes.NewReader(copyOut(t, conn, chain.HeadTable, zone)), []string{"id", "row_hash", "updated_at"})
	if err != nil {
		t.Fatal(err)
	}
	copyRes.Head = &head
	want := sqlAnswer(sqlRes)
	for name, r := range map[string]chain.Result{"VerifyDB": dbRes, "VerifyCopy": copyRes} {
		if got := sqlAnswer(r); got != want {
			t.Errorf("%s = %s, audit_events_verify_chain() = %s", name, got, want)
		}
		if r.RowCount != sqlRes.RowCount {
			t.Errorf("%s counted %d rows, count(*) = %d", name, r.RowCount, sqlRes.RowCount)
		}
	}
	if dbRes.HeadMatches() != copyRes.HeadMatches() || !equalPtr(dbRes.LastHash, copyRes.LastHash) {
		t.Errorf("head checks differ: VerifyDB %v, VerifyCopy %v", dbRes, copyRes)
	}
	return dbRes
}

// sqlAnswer is a result as audit_events_verify_chain() returns it.
func sqlAnswer(r chain.Result) string {
	id, pos, walked := r.Triple()
	if id == nil {
		return fmt.Sprintf("(NULL, %d, %d)", pos, walked)
	}
	return fmt.Sprintf("(%q, %d, %d)", *id, pos, walked)
}

func equalPtr(a, b *string) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

// checkRowHashes compares, row by row, the hash the server computes now
// (audit_events_row_hash) with chain.Hash of the same row read back as COPY
// text, including tampered rows.
func checkRowHashes(t *testing.T, conn *pgx.Conn, zone string) {
	t.Helper()
	ctx := context.Background()
	server := map[string]*string{}
	rows, err := conn.Query(ctx, "SELECT id, audit_events_row_hash(e) FROM audit_events e")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id string
		var h *string
		if err := rows.Scan(&id, &h); err != nil {
			t.Fatal(err)
		}
		server[id] = h
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	n := 0
	for r, err := range chain.DecodeCopy(bytes.NewReader(copyOut(t, conn, chain.EventsTable, zone)), chain.EventColumns) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		h, ok := chain.Hash(r)
		if s := server[r.ID]; s == nil || !ok || *s != h {
			t.Errorf("row %q: server hash %v, Go %q (%v)", r.ID, s, h, ok)
		}
	}
	if n != len(server) {
		t.Errorf("%d rows decoded, server has %d", n, len(server))
	}
}

type tamper struct {
	name string
	// sql runs with the write-once trigger disabled; $1 is the id of the
	// row at position pos, $2 the next row's.
	sql string
	pos func(n int) int
	// wantPos is the expected break position, or -1 for none.
	wantPos func(n int) int
	// headOK is whether the head still matches afterwards.
	headOK bool
}

var tampers = []tamper{
	{"none", "", nil, func(int) int { return -1 }, true},
	{"details changed", `UPDATE audit_events SET details = '{"tampered": true}' WHERE id = $1`, mid, mid, true},
	{"actor byte", `UPDATE audit_events SET actor = actor || 'x' WHERE id = $1`, first, first, true},
	{"timestamp moved", `UPDATE audit_events SET "timestamp" = "timestamp" + interval '1 microsecond' WHERE id = $1`, mid, mid, true},
	{"middle row deleted", `DELETE FROM audit_events WHERE id = $1`, mid, mid, true},
	{"first row deleted", `DELETE FROM audit_events WHERE id = $1`, first, first, true},
	{"last row deleted", `DELETE FROM audit_events WHERE id = $1`, last, func(int) int { return -1 }, false},
	{"prev_hash swapped", `UPDATE audit_events a SET prev_hash = b.prev_hash FROM audit_events b
		WHERE (a.id = $1 AND b.id = $2) OR (a.id = $2 AND b.id = $1)`, mid, mid, true},
}

func first(int) int  { return 0 }
func mid(n int) int  { return n / 2 }
func last(n int) int { return n - 1 }

// TestServerAgrees inserts workloads through the triggers, checks that the
// stored hashes are the ones chain.Link predicts, then tampers with the
// table in several ways and requires the SQL function and the Go verifiers
// (live and over COPY text in an odd session time zone) to give the same
// answer, and the same hash for every row.
func TestServerAgrees(t *testing.T) {
	workloads := []struct {
		name string
		cfg  workload.Config
		zone string
	}{
		{"cycle copy", workload.Config{Seed: 1}, "America/St_Johns"},
		{"cycle insert", workload.Config{Seed: 2, Rows: 50, Method: workload.MethodInsert, BatchRows: 7}, "Asia/Kolkata"},
		{"edge copy", workload.Config{Seed: 3, Rows: 300, Edge: true, BatchRows: 64}, "<X>-167:59"},
		{"edge insert", workload.Config{Seed: 4, Rows: 300, Edge: true, Method: workload.MethodInsert}, "Pacific/Chatham"},
	}
	for _, w := range workloads {
		for _, tp := range tampers {
			t.Run(w.name+"/"+tp.name, func(t *testing.T) {
				ctx := context.Background()
				conn := newChainDB(t)
				n, err := workload.Insert(ctx, conn, w.cfg)
				if err != nil {
					t.Fatal(err)
				}
				want := slices.Collect(workload.Generate(w.cfg))
				if n != len(want) {
					t.Fatalf("inserted %d rows, generated %d", n, len(want))
				}
				if tp.sql == "" {
					checkPredicted(t, conn, want)
				} else {
					exec(t, conn, "ALTER TABLE audit_events DISABLE TRIGGER audit_events_write_once")
					p := tp.pos(n)
					args := []any{want[p].ID}
					if strings.Contains(tp.sql, "$2") {
						args = append(args, want[min(p+1, n-1)].ID)
					}
					exec(t, conn, tp.sql, args...)
				}
				res := verifyAll(t, conn, w.zone)
				checkRowHashes(t, conn, w.zone)
				wantPos := tp.wantPos(n)
				switch {
				case wantPos < 0 && res.FirstBreak != nil:
					t.Errorf("break %+v, want none", *res.FirstBreak)
				case wantPos >= 0 && (res.FirstBreak == nil || res.FirstBreak.Pos != int64(wantPos)):
					t.Errorf("result %v, want a break at %d", res, wantPos)
				}
				if res.HeadMatches() != tp.headOK {
					t.Errorf("result %v, want head match %v", res, tp.headOK)
				}
			})
		}
	}
}

// checkPredicted compares stored prev_hash/row_hash, in chain order, with
// chain.Link over the generated rows.
func checkPredicted(t *testing.T, conn *pgx.Conn, want []chain.Row) {
	t.Helper()
	if _, ok := chain.Link(nil, want); !ok {
		t.Fatal("Link: NULL hash")
	}
	rows, err := conn.Query(context.Background(), `SELECT id, prev_hash, row_hash FROM audit_events ORDER BY "timestamp", id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	i := 0
	for rows.Next() {
		var id, rowHash string
		var prev *string
		if err := rows.Scan(&id, &prev, &rowHash); err != nil {
			t.Fatal(err)
		}
		if i >= len(want) {
			t.Fatalf("more rows than generated")
		}
		w := want[i]
		if id != w.ID || rowHash != w.RowHash || !equalPtr(prev, w.PrevHash) {
			t.Fatalf("row %d: server (%q, %v, %s), predicted (%q, %v, %s)", i, id, prev, rowHash, w.ID, w.PrevHash, w.RowHash)
		}
		i++
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if i != len(want) {
		t.Fatalf("%d rows, generated %d", i, len(want))
	}
}

// TestTriggersGuard: the write-once and ordering rules hold.
func TestTriggersGuard(t *testing.T) {
	ctx := context.Background()
	conn := newChainDB(t)
	if _, err := workload.Insert(ctx, conn, workload.Config{Rows: 4}); err != nil {
		t.Fatal(err)
	}
	for _, sql := range []string{
		"UPDATE audit_events SET actor = 'mallory'",
		"DELETE FROM audit_events",
		"TRUNCATE audit_events",
		// sorts before the head: rejected rather than breaking the chain
		`INSERT INTO audit_events (id, actor, actor_type, action, resource_type, resource_id, "timestamp")
		 VALUES ('early', 'a', 'user', 'auth.login', 'session', 's', '2023-12-31 00:00:00+00')`,
		// infinity: to_char gives NULL, so row_hash would be NULL
		`INSERT INTO audit_events (id, actor, actor_type, action, resource_type, resource_id, "timestamp")
		 VALUES ('inf', 'a', 'user', 'auth.login', 'session', 's', 'infinity')`,
	} {
		if _, err := conn.Exec(ctx, sql); err == nil {
			t.Errorf("%s: accepted", sql)
		}
	}
	// the same timestamp as the head sorts after it when its id does
	var lastTS string
	if err := conn.QueryRow(ctx, `SELECT max("timestamp")::text FROM audit_events`).Scan(&lastTS); err != nil {
		t.Fatal(err)
	}
	exec(t, conn, `INSERT INTO audit_events (id, actor, actor_type, action, resource_type, resource_id, "timestamp")
		VALUES ('ffffffff-tie', 'a', 'user', 'auth.login', 'session', 's', $1::text::timestamptz)`, lastTS)
	if res := verifyAll(t, conn, "UTC"); !res.OK() || res.RowCount != 5 {
		t.Errorf("after tie insert: %v", res)
	}
}
