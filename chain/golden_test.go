package chain_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/pgdrill/pgdrill/chain"
	"github.com/pgdrill/pgdrill/workload"
)

var update = flag.Bool("update", false, "regenerate ../testdata/chain from the embedded server")

// goldenDir holds COPY text that PostgreSQL 15 printed for chains built by
// the workload and then tampered with (see TestGoldenRegenerate), with the
// server's own verdict, so VerifyCopy is checked against real archive-like
// input without a server.
const goldenDir = "../testdata/chain"

type golden struct {
	name string
	cfg  workload.Config
	zone string
	// tamper runs with the write-once trigger disabled ("" for none).
	tamper string
}

var goldens = []golden{
	{"cycle-clean-stjohns", workload.Config{Seed: 1, Rows: 100}, "America/St_Johns", ""},
	// an UPDATE moves the row to the end of the heap: physical order is no
	// longer chain order
	{"edge-details-kolkata", workload.Config{Seed: 3, Rows: 200, Edge: true}, "Asia/Kolkata",
		`UPDATE audit_events SET details = '{"tampered": "\u00e9"}' WHERE id = (SELECT id FROM audit_events ORDER BY "timestamp", id OFFSET 77 LIMIT 1)`},
	{"edge-deleted-posix", workload.Config{Seed: 4, Rows: 150, Edge: true}, "<X>-167:59",
		`DELETE FROM audit_events WHERE id = (SELECT id FROM audit_events ORDER BY "timestamp", id OFFSET 149 LIMIT 1)`},
}

// want is the .want file: the SQL function's answer and the head's row_hash.
func wantText(sqlRes chain.Result, head *string) string {
	return fmt.Sprintf("audit_events_verify_chain: %s\nhead: %s\n", sqlAnswer(sqlRes), nullStr(head))
}

func nullStr(s *string) string {
	if s == nil {
		return "NULL"
	}
	return *s
}

func TestGoldenCopy(t *testing.T) {
	for _, g := range goldens {
		t.Run(g.name, func(t *testing.T) {
			base := filepath.Join(goldenDir, g.name)
			events, err := os.Open(base + ".events.copy")
			if err != nil {
				t.Fatal(err)
			}
			defer events.Close()
			res, err := chain.VerifyCopy(events, chain.EventColumns)
			if err != nil {
				t.Fatal(err)
			}
			headText, err := os.ReadFile(base + ".head.copy")
			if err != nil {
				t.Fatal(err)
			}
			head, err := chain.ReadHeadCopy(bytes.NewReader(headText), []string{"id", "row_hash", "updated_at"})
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(base + ".want")
			if err != nil {
				t.Fatal(err)
			}
			if got := wantText(res, head.RowHash); got != string(want) {
				t.Errorf("VerifyCopy gives\n%swant (from the server)\n%s", got, want)
			}
		})
	}
}

// TestGoldenRegenerate rebuilds the golden files with -update; without it,
// it checks that the server still produces the same .want verdicts.
func TestGoldenRegenerate(t *testing.T) {
	for _, g := range goldens {
		t.Run(g.name, func(t *testing.T) {
			ctx := context.Background()
			conn := newChainDB(t)
			if _, err := workload.Insert(ctx, conn, g.cfg); err != nil {
				t.Fatal(err)
			}
			if g.tamper != "" {
				exec(t, conn, "ALTER TABLE audit_events DISABLE TRIGGER audit_events_write_once")
				exec(t, conn, g.tamper)
			}
			sqlRes, err := chain.VerifySQL(ctx, conn)
			if err != nil {
				t.Fatal(err)
			}
			var head *string
			if err := conn.QueryRow(ctx, "SELECT row_hash FROM audit_chain_head").Scan(&head); err != nil {
				t.Fatal(err)
			}
			want := wantText(sqlRes, head)
			base := filepath.Join(goldenDir, g.name)
			if !*update {
				old, err := os.ReadFile(base + ".want")
				if err != nil {
					t.Fatal(err)
				}
				if string(old) != want {
					t.Errorf("server now gives\n%sgolden has\n%s", want, old)
				}
				return
			}
			files := map[string][]byte{
				".events.copy": copyOut(t, conn, chain.EventsTable, g.zone),
				".head.copy":   copyOut(t, conn, chain.HeadTable, g.zone),
				".want":        []byte(want),
			}
			for ext, data := range files {
				if err := os.WriteFile(base+ext, data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}
