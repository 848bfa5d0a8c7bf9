package chain_test

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	osexec "os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/pgdrill/pgdrill/chain"
	"github.com/pgdrill/pgdrill/internal/pgtest"
	"github.com/pgdrill/pgdrill/internal/pgtools"
	"github.com/pgdrill/pgdrill/pgarchive"
	"github.com/pgdrill/pgdrill/workload"
)

var updateArchives = flag.Bool("update-archives", false, "regenerate testdata/chain/archives with pg_dump 15 and 17")

const archiveDir = "../testdata/chain/archives"

// archiveWant is what the server said of a chain before it was dumped: the
// SQL verifier's answer (first_break_id, first_break_pos, verifier_walked),
// the table's rows, the head row and the last row in chain order. The
// committed archives were made with pgdrill's v1 chain, whose function
// walked every row; their .json holds its answers in the first-break
// convention (see testdata/chain/README.md).
type archiveWant struct {
	RowCount      int64   `json:"row_count"`
	FirstBreakID  *string `json:"first_break_id"`
	FirstBreakPos int64   `json:"first_break_pos"`
	Walked        int64   `json:"verifier_walked"`
	HeadHash      *string `json:"chain_head_hash"`
	LastRowHash   *string `json:"last_row_hash"`
}

// archiveCases are chains dumped by real pg_dump 15 and 17 under session
// time zones whose offsets the offline verifier must undo.
var archiveCases = []struct {
	name   string
	cfg    workload.Config
	tamper int // position of a row whose details are changed behind the triggers' back; -1 none
	dumps  []archiveDump
}{
	{"cycle24", workload.Config{Seed: 1}, -1, []archiveDump{
		{15, "gzip", "UTC"}, {17, "zstd", "Asia/Kolkata"}}},
	{"edge300", workload.Config{Rows: 300, Edge: true, Seed: 3}, -1, []archiveDump{
		{15, "none", "America/St_Johns"}, {17, "lz4", "Europe/Paris"}}},
	{"tampered24", workload.Config{Seed: 2}, 5, []archiveDump{
		{15, "gzip", "Pacific/Chatham"}}},
}

type archiveDump struct {
	major    int
	compress string
	tz       string
}

func (d archiveDump) file(name string) string {
	return fmt.Sprintf("%s-pg%d-%s-%s.dump", name, d.major, d.compress, strings.ReplaceAll(d.tz, "/", "_"))
}

// TestVerifyArchiveFixtures checks the offline verifier against what the
// server said of each chain before pg_dump wrote it.
func TestVerifyArchiveFixtures(t *testing.T) {
	if *updateArchives {
		generateArchives(t)
	}
	for _, c := range archiveCases {
		raw, err := os.ReadFile(filepath.Join(archiveDir, c.name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var want archiveWant
		if err := json.Unmarshal(raw, &want); err != nil {
			t.Fatal(err)
		}
		for _, d := range c.dumps {
			t.Run(d.file(c.name), func(t *testing.T) {
				a, err := pgarchive.Open(filepath.Join(archiveDir, d.file(c.name)))
				if err != nil {
					t.Fatal(err)
				}
				defer a.Close()
				res, err := chain.VerifyArchive(a.Reader, "")
				if err != nil {
					t.Fatal(err)
				}
				got := archiveWant{RowCount: res.RowCount, LastRowHash: res.LastHash}
				got.FirstBreakID, got.FirstBreakPos, got.Walked = res.Triple()
				if res.Result.Head != nil {
					got.HeadHash = res.Result.Head.RowHash
				}
				gj, _ := json.Marshal(got)
				wj, _ := json.Marshal(want)
				if string(gj) != string(wj) {
					t.Errorf("offline verifier:\n got %s\nwant %s (from the server)", gj, wj)
				}
				if ok := want.FirstBreakID == nil; res.OK() != ok {
					t.Errorf("OK() = %v, want %v", res.OK(), ok)
				}
			})
		}
	}
}

func generateArchives(t *testing.T) {
	ctx := context.Background()
	if err := os.MkdirAll(archiveDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range archiveCases {
		url := pgtest.NewDB(t)
		conn := pgtest.Conn(t, url)
		if err := chain.Migrate(ctx, conn); err != nil {
			t.Fatal(err)
		}
		if _, err := workload.Insert(ctx, conn, c.cfg); err != nil {
			t.Fatal(err)
		}
		if c.tamper >= 0 {
			run := func(sql string) {
				if _, err := conn.Exec(ctx, sql); err != nil {
					t.Fatalf("%s: %v", sql, err)
				}
			}
			run("ALTER TABLE audit_events DISABLE TRIGGER USER")
			run(fmt.Sprintf(`UPDATE audit_events SET details = '{"tampered": true}'
				WHERE id = (SELECT id FROM audit_events ORDER BY "timestamp", id OFFSET %d LIMIT 1)`, c.tamper))
			run("ALTER TABLE audit_events ENABLE TRIGGER USER")
		}
		want := serverWant(t, conn)
		raw, _ := json.MarshalIndent(want, "", "  ")
		if err := os.WriteFile(filepath.Join(archiveDir, c.name+".json"), append(raw, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, d := range c.dumps {
			tool := pgtools.Need(t, d.major, "pg_dump")
			args := append(tool[1:], "-Fc", "-Z", d.compress, "-f", filepath.Join(archiveDir, d.file(c.name)), "-d", url)
			if d.major == 15 && d.compress == "none" {
				args = append(tool[1:], "-Fc", "-Z", "0", "-f", filepath.Join(archiveDir, d.file(c.name)), "-d", url)
			} else if d.major == 15 {
				args = append(tool[1:], "-Fc", "-f", filepath.Join(archiveDir, d.file(c.name)), "-d", url)
			}
			cmd := osexec.Command(tool[0], args...)
			cmd.Env = append(os.Environ(), "PGTZ="+d.tz)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("%s: %v\n%s", cmd, err, out)
			}
		}
	}
}

// serverWant asks the server about the chain: its own verifier, head row and
// last row in chain order.
func serverWant(t *testing.T, conn *pgx.Conn) archiveWant {
	ctx := context.Background()
	var w archiveWant
	if err := conn.QueryRow(ctx, "SELECT first_break_id, first_break_pos, row_count, (SELECT count(*) FROM audit_events) FROM audit_events_verify_chain()").
		Scan(&w.FirstBreakID, &w.FirstBreakPos, &w.Walked, &w.RowCount); err != nil {
		t.Fatal(err)
	}
	if err := conn.QueryRow(ctx, "SELECT row_hash FROM audit_chain_head WHERE id = 1").Scan(&w.HeadHash); err != nil {
		t.Fatal(err)
	}
	if err := conn.QueryRow(ctx, `SELECT row_hash FROM audit_events ORDER BY "timestamp" DESC, id DESC LIMIT 1`).
		Scan(&w.LastRowHash); err != nil {
		t.Fatal(err)
	}
	return w
}

// TestVerifyArchiveGoldens puts the server-printed COPY text of each golden
// chain into an archive and checks the offline verifier against the
// server's verdict. In edge-details-kolkata an UPDATE moved a row to the end
// of the heap, so the block is not in chain order and the verifier must fall
// back from its streaming walk to sorting.
func TestVerifyArchiveGoldens(t *testing.T) {
	for _, g := range goldens {
		t.Run(g.name, func(t *testing.T) {
			base := filepath.Join(goldenDir, g.name)
			path := filepath.Join(t.TempDir(), "chain.dump")
			writeChainArchive(t, path, map[string]string{
				chain.EventsTable: base + ".events.copy",
				chain.HeadTable:   base + ".head.copy",
			})
			a, err := pgarchive.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer a.Close()
			res, err := chain.VerifyArchive(a.Reader, "")
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(base + ".want")
			if err != nil {
				t.Fatal(err)
			}
			if got := wantText(res.Result, res.Result.Head.RowHash); got != string(want) {
				t.Errorf("VerifyArchive gives\n%swant (from the server)\n%s", got, want)
			}
		})
	}
}

// writeChainArchive writes a gzip archive holding TABLE DATA entries for the
// chain's tables, with the COPY text in the given files.
func writeChainArchive(t *testing.T, path string, copyFiles map[string]string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := pgarchive.NewWriter(f, pgarchive.Header{Version: pgarchive.V1_14, Compression: pgarchive.CompressionGzip, DBName: "chain"})
	cols := map[string][]string{chain.EventsTable: chain.EventColumns, chain.HeadTable: {"id", "row_hash", "updated_at"}}
	var entries []*pgarchive.Entry
	for i, table := range []string{chain.EventsTable, chain.HeadTable} {
		quoted := make([]string, len(cols[table]))
		for j, c := range cols[table] {
			quoted[j] = pgx.Identifier{c}.Sanitize()
		}
		e := &pgarchive.Entry{DumpID: i + 1, HadDumper: true, Tag: table, Desc: "TABLE DATA", Section: pgarchive.SectionData,
			Namespace: pgarchive.Str("public"), Owner: pgarchive.Str("postgres"), WithOIDs: "false",
			CopyStmt: pgarchive.Str("COPY public." + table + " (" + strings.Join(quoted, ", ") + ") FROM stdin;\n")}
		if err := w.Add(e); err != nil {
			t.Fatal(err)
		}
		entries = append(entries, e)
	}
	for _, e := range entries {
		text, err := os.ReadFile(copyFiles[e.Tag])
		if err != nil {
			t.Fatal(err)
		}
		dw, err := w.Data(e)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := dw.Write(append(text, "\\.\n\n\n"...)); err != nil {
			t.Fatal(err)
		}
		if err := dw.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}
