package chain_test

import (
	"bytes"
	"context"
	_ "embed"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/pgdrill/pgdrill/chain"
	"github.com/pgdrill/pgdrill/dump"
	"github.com/pgdrill/pgdrill/internal/pgtest"
	"github.com/pgdrill/pgdrill/pgarchive"
	"github.com/pgdrill/pgdrill/workload"
)

// certctlStyle is a chain shaped like certctl's (see the file's comment):
// its own audit_events_verify_chain(), pgcrypto's digest(), no ordering
// guard in its insert trigger.
//
//go:embed testdata/certctl_style.sql
var certctlStyle string

// chainSchema installs a chain into a fresh database.
type chainSchema struct {
	name   string
	origin string // what VerifySQL must say of its function
	// install runs on an empty database; it may skip the test.
	install func(t *testing.T, conn *pgx.Conn)
}

var chainSchemas = []chainSchema{
	{"pgdrill", "pgdrill", func(t *testing.T, conn *pgx.Conn) {
		if err := chain.Migrate(context.Background(), conn); err != nil {
			t.Fatal(err)
		}
	}},
	{"certctl-style", "database", installCertctlStyle},
}

func installCertctlStyle(t *testing.T, conn *pgx.Conn) {
	t.Helper()
	ctx := context.Background()
	var available bool
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT FROM pg_available_extensions WHERE name = 'pgcrypto')").Scan(&available); err != nil {
		t.Fatal(err)
	}
	if !available {
		t.Skip("the test server has no pgcrypto extension (PostgreSQL contrib), which the certctl-style chain needs")
	}
	if err := conn.PgConn().Exec(ctx, certctlStyle).Close(); err != nil {
		t.Fatalf("certctl-style schema: %v", err)
	}
}

// breakKind tampers with a 24-row chain behind its triggers' back; $1 is
// the id of the row at position pos in chain order, $2 the id of the row
// before it.
type breakKind struct {
	name string
	sql  string
	pos  int // expected first break; -1 for a clean chain
	// headOK: audit_chain_head still names the last row's stored row_hash.
	headOK bool
}

var breakKinds = []breakKind{
	{"clean", "", -1, true},
	{"first row prev_hash set", `UPDATE audit_events SET prev_hash = repeat('0', 64) WHERE id = $1`, 0, true},
	{"middle prev_hash broken", `UPDATE audit_events SET prev_hash = (SELECT prev_hash FROM audit_events WHERE id = $2) WHERE id = $1`, 12, true},
	{"middle row_hash tampered", `UPDATE audit_events SET row_hash = md5(row_hash) || md5(row_hash) WHERE id = $1`, 12, true},
	{"middle details changed", `UPDATE audit_events SET details = '{"tampered": true}' WHERE id = $1`, 12, true},
	{"last row changed", `UPDATE audit_events SET actor = actor || 'x' WHERE id = $1`, 23, true},
	{"last row_hash tampered", `UPDATE audit_events SET row_hash = upper(row_hash) WHERE id = $1`, 23, false},
}

// TestVerifiersAgree builds a 24-row chain with each schema, breaks it in
// each way, and requires the same triple (first_break_id, first_break_pos,
// rows walked) and the same row count from the database's own SQL
// function, the Go verifier on the server, the Go verifier over COPY text,
// and the offline verifier over an archive of the database: certctl's
// convention, whichever schema made the chain.
func TestVerifiersAgree(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: no server")
	}
	for _, s := range chainSchemas {
		for _, k := range breakKinds {
			t.Run(s.name+"/"+k.name, func(t *testing.T) {
				t.Parallel()
				ctx := context.Background()
				url := pgtest.NewDB(t)
				conn := pgtest.Conn(t, url)
				s.install(t, conn)
				const n = 24
				if got, err := workload.Insert(ctx, conn, workload.Config{Seed: 5, Rows: n}); err != nil || got != n {
					t.Fatalf("workload: %d rows, %v", got, err)
				}
				ids := chainIDs(t, conn)
				var wantID *string
				if k.pos >= 0 {
					exec(t, conn, "ALTER TABLE audit_events DISABLE TRIGGER USER")
					args := []any{ids[k.pos]}
					if strings.Contains(k.sql, "$2") {
						args = append(args, ids[k.pos-1])
					}
					exec(t, conn, k.sql, args...)
					exec(t, conn, "ALTER TABLE audit_events ENABLE TRIGGER USER")
					wantID = &ids[k.pos]
				}
				want := sqlAnswer(resultOf(wantID, k.pos, n))

				sqlRes, err := chain.VerifySQL(ctx, conn)
				if err != nil {
					t.Fatal(err)
				}
				if f := sqlRes.Function; f.Origin != s.origin || f.Convention != "first-break" {
					t.Errorf("function %+v, want origin %s, first-break", *f, s.origin)
				}
				dbRes, err := chain.VerifyDB(ctx, conn)
				if err != nil {
					t.Fatal(err)
				}
				copyRes, err := chain.VerifyCopy(bytes.NewReader(copyOut(t, conn, chain.EventsTable, "Pacific/Chatham")), chain.EventColumns)
				if err != nil {
					t.Fatal(err)
				}
				offRes := verifyDumped(t, url)
				for name, r := range map[string]chain.Result{"SQL": sqlRes, "VerifyDB": dbRes, "VerifyCopy": copyRes, "VerifyArchive": offRes} {
					if got := sqlAnswer(r); got != want || r.RowCount != n {
						t.Errorf("%s = %s with %d rows, want %s with %d", name, got, r.RowCount, want, n)
					}
				}
				if dbRes.HeadMatches() != k.headOK || offRes.HeadMatches() != k.headOK {
					t.Errorf("head: server %v, archive %v; want head match %v", dbRes, offRes, k.headOK)
				}
			})
		}
	}
}

func resultOf(id *string, pos, n int) chain.Result {
	if id == nil {
		return chain.Result{Walked: int64(n)}
	}
	return chain.Result{FirstBreak: &chain.Break{ID: *id, Pos: int64(pos)}, Walked: int64(pos) + 1}
}

// chainIDs returns the ids in chain order, as the server sorts them.
func chainIDs(t *testing.T, conn *pgx.Conn) []string {
	t.Helper()
	rows, err := conn.Query(context.Background(), `SELECT id FROM audit_events ORDER BY "timestamp", id`)
	if err != nil {
		t.Fatal(err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

// verifyDumped dumps the database with pgdrill's dumper and verifies the
// archive offline.
func verifyDumped(t *testing.T, url string) chain.Result {
	t.Helper()
	path := filepath.Join(t.TempDir(), "chain.dump")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := dump.Run(context.Background(), url, f, dump.Options{Compression: pgarchive.CompressionZstd}); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	a, err := pgarchive.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	res, err := chain.VerifyArchive(a.Reader, "")
	if err != nil {
		t.Fatal(err)
	}
	return res.Result
}

// TestVerifySQLConventions: VerifySQL reads both signatures it knows and
// refuses an answer outside the convention its function's signature says.
func TestVerifySQLConventions(t *testing.T) {
	const outInt = "OUT first_break_id text, OUT first_break_pos int, OUT row_count int"
	const table = "RETURNS TABLE (first_break_id text, first_break_pos bigint, row_count bigint)"
	cases := []struct {
		name, params, returns string // returns: the SELECT list the function answers
		want, origin, err     string
	}{
		{"first-break clean", "(" + outInt + ")", "NULL::text, -1, 3", "(NULL, -1, 3)", "database", ""},
		{"first-break break", "(" + outInt + ")", "'b'::text, 1, 2", `("b", 1, 2)`, "database", ""},
		{"walk-all clean", "() " + table, "NULL::text, NULL::bigint, 3::bigint", "(NULL, -1, 3)", "pgdrill-v1", ""},
		{"walk-all break", "() " + table, "'b'::text, 1::bigint, 3::bigint", `("b", 1, 2)`, "pgdrill-v1", ""},
		{"first-break with a NULL position", "(" + outInt + ")", "NULL::text, NULL::int, 3", "", "", "not the first-break convention"},
		{"break without an id", "(" + outInt + ")", "NULL::text, 1, 2", "", "", "not the first-break convention"},
		{"NULL row_count", "(" + outInt + ")", "NULL::text, -1, NULL::int", "", "", "NULL row_count"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			conn := pgtest.Conn(t, pgtest.NewDB(t))
			exec(t, conn, "CREATE TABLE audit_events (id text); INSERT INTO audit_events VALUES ('a'), ('b'), ('c')")
			body := "SELECT " + c.returns
			exec(t, conn, "CREATE FUNCTION audit_events_verify_chain"+c.params+" LANGUAGE sql AS $$ "+body+" $$")
			res, err := chain.VerifySQL(context.Background(), conn)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("err %v, want %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := sqlAnswer(res); got != c.want || res.RowCount != 3 || res.Function.Origin != c.origin {
				t.Errorf("%s rows=%d origin=%s, want %s rows=3 origin=%s", got, res.RowCount, res.Function.Origin, c.want, c.origin)
			}
		})
	}
}

// TestMigrateFromV1 runs the migration over pgdrill's v1 chain (verifier
// RETURNS TABLE with bigints, index on id COLLATE "C"): it replaces both.
func TestMigrateFromV1(t *testing.T) {
	ctx := context.Background()
	conn := newChainDB(t)
	exec(t, conn, `DROP FUNCTION audit_events_verify_chain();
		CREATE FUNCTION audit_events_verify_chain()
		RETURNS TABLE (first_break_id text, first_break_pos bigint, row_count bigint)
		LANGUAGE sql AS $$ SELECT NULL::text, NULL::bigint, count(*) FROM audit_events $$;
		DROP INDEX audit_events_chain_order;
		CREATE INDEX audit_events_chain_order ON audit_events ("timestamp", id COLLATE "C")`)
	if res, err := chain.VerifySQL(ctx, conn); err != nil || res.Function.Origin != "pgdrill-v1" {
		t.Fatalf("before: %+v, %v", res.Function, err)
	}
	if err := chain.Migrate(ctx, conn); err != nil {
		t.Fatal(err)
	}
	res, err := chain.VerifySQL(ctx, conn)
	if err != nil || res.Function.Origin != "pgdrill" || res.Function.Convention != "first-break" {
		t.Fatalf("after: %+v, %v", res.Function, err)
	}
	var def string
	if err := conn.QueryRow(ctx, `SELECT indexdef FROM pg_indexes WHERE indexname = 'audit_events_chain_order'`).Scan(&def); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(def, "COLLATE") {
		t.Errorf("index still %s", def)
	}
}
