package workload

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/pgdrill/pgdrill/chain"
	"github.com/pgdrill/pgdrill/internal/pgtest"
	"github.com/pgdrill/pgdrill/pgtime"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Run(m)) }

func inChainOrder(t *testing.T, rows []chain.Row) {
	t.Helper()
	for i := 1; i < len(rows); i++ {
		a, b := rows[i-1], rows[i]
		if a.Timestamp > b.Timestamp || (a.Timestamp == b.Timestamp && a.ID >= b.ID) {
			t.Fatalf("rows %d and %d out of chain order: (%d, %q) then (%d, %q)", i-1, i, a.Timestamp, a.ID, b.Timestamp, b.ID)
		}
	}
}

func TestGenerate(t *testing.T) {
	cases := []struct {
		name string
		cfg  Config
		n    int
	}{
		{"default cycle", Config{}, DefaultRows},
		{"cycle 1000", Config{Rows: 1000, Seed: 9, Step: 1}, 1000},
		{"edge 1", Config{Rows: 1, Edge: true}, 1},
		{"edge 2", Config{Rows: 2, Edge: true}, 2},
		{"edge 5000", Config{Rows: 5000, Edge: true, Seed: 5}, 5000},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rows := slices.Collect(Generate(c.cfg))
			if len(rows) != c.n {
				t.Fatalf("%d rows, want %d", len(rows), c.n)
			}
			inChainOrder(t, rows)
			again := slices.Collect(Generate(c.cfg))
			for i := range rows {
				if rowText(rows[i]) != rowText(again[i]) {
					t.Fatalf("row %d differs between runs with the same seed", i)
				}
			}
			for i, r := range rows {
				if !pgtime.InRange(r.Timestamp) {
					t.Fatalf("row %d: timestamp %d out of range", i, r.Timestamp)
				}
				if r.Details != nil && !json.Valid([]byte(*r.Details)) {
					t.Fatalf("row %d: details not JSON: %s", i, *r.Details)
				}
				if strings.ContainsRune(r.ID+r.Actor+r.ResourceID, 0) {
					t.Fatalf("row %d: NUL in text", i)
				}
			}
			if c.cfg.Edge && c.n > 1 {
				if rows[0].Timestamp != pgtime.MinTimestamp || rows[c.n-1].Timestamp != pgtime.EndTimestamp-1 {
					t.Errorf("edge rows span %d..%d, want the whole range", rows[0].Timestamp, rows[c.n-1].Timestamp)
				}
			}
		})
	}
}

func rowText(r chain.Row) string {
	opt := func(s *string) string {
		if s == nil {
			return "NULL"
		}
		return fmt.Sprintf("%q", *s)
	}
	return fmt.Sprintf("%q %q %q %q %q %q %s %d %s", r.ID, r.Actor, r.ActorType, r.Action, r.ResourceType, r.ResourceID,
		opt(r.Details), r.Timestamp, opt(r.EventCategory))
}

func TestCycleShape(t *testing.T) {
	rows := slices.Collect(Generate(Config{Start: 1000, Step: 7}))
	for i, r := range rows {
		if want := cycleActions[i%4]; r.Action != want {
			t.Errorf("row %d: action %s, want %s", i, r.Action, want)
		}
		if r.Timestamp != 1000+int64(i)*7 {
			t.Errorf("row %d: timestamp %d", i, r.Timestamp)
		}
	}
	seed1 := slices.Collect(Generate(Config{Seed: 1}))
	seed2 := slices.Collect(Generate(Config{Seed: 2}))
	if seed1[0].ID == seed2[0].ID {
		t.Error("different seeds gave the same ids")
	}
	now := slices.Collect(Generate(Config{Now: true, Rows: 1}))
	if now[0].Timestamp < 800000000000000 { // 2025-05
		t.Errorf("Now start %d is not the current time", now[0].Timestamp)
	}
}

func TestEdgeHasTiesThatCollationsOrderDifferently(t *testing.T) {
	rows := slices.Collect(Generate(Config{Rows: 5000, Edge: true, Seed: 5}))
	ties, caseTies := 0, 0
	for i := 1; i < len(rows); i++ {
		if rows[i].Timestamp == rows[i-1].Timestamp {
			ties++
			a, b := rows[i-1].ID, rows[i].ID
			if strings.ToLower(a) > strings.ToLower(b) {
				caseTies++
			}
		}
	}
	if ties < 100 || caseTies == 0 {
		t.Errorf("%d ties, %d ordered differently ignoring case; want both", ties, caseTies)
	}
}

// TestJSONCanonical: the generator's details text is what jsonb prints.
func TestJSONCanonical(t *testing.T) {
	cases := []struct {
		v    jsonValue
		want string
	}{
		{jsonObject{"bb": jsonInt(1), "a": jsonInt(2), "c": jsonArray{}}, `{"a": 2, "c": [], "bb": 1}`},
		{jsonString("q\"b\\\n\t\x01\x1f\x7fé"), `"q\"b\\\n\t\u0001\u001f` + "\x7fé\""},
		{jsonArray{jsonNull{}, jsonBool(true), jsonNumber("-1.50")}, `[null, true, -1.50]`},
		{jsonObject{}, `{}`},
	}
	for _, c := range cases {
		if got := jsonText(c.v); got != c.want {
			t.Errorf("jsonText = %s, want %s", got, c.want)
		}
	}
}

// TestInsertMethods: both methods commit every row through the trigger and
// leave a chain that verifies; the jsonb the server stores is the text the
// generator predicted (so the hashes match chain.Link).
func TestInsertMethods(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: no server")
	}
	for _, m := range []Method{MethodCopy, MethodInsert} {
		for _, edge := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s edge=%v", m, edge), func(t *testing.T) {
				ctx := context.Background()
				conn := pgtest.Conn(t, pgtest.NewDB(t))
				if err := chain.Migrate(ctx, conn); err != nil {
					t.Fatal(err)
				}
				cfg := Config{Rows: 777, Seed: 11, Edge: edge, Method: m, BatchRows: 100}
				n, err := Insert(ctx, conn, cfg)
				if err != nil || n != 777 {
					t.Fatalf("Insert = %d, %v", n, err)
				}
				want := slices.Collect(Generate(cfg))
				head, _ := chain.Link(nil, want)
				res, err := chain.VerifyDB(ctx, conn)
				if err != nil {
					t.Fatal(err)
				}
				if !res.OK() || res.RowCount != 777 || *res.LastHash != *head {
					t.Errorf("VerifyDB = %v, want clean with head %s", res, *head)
				}
				// a second run continues the chain only if it sorts after it
				if _, err := Insert(ctx, conn, cfg); err == nil {
					t.Error("re-inserting the same timestamps was accepted")
				}
			})
		}
	}
}
