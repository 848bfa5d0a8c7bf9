package main

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pgdrill/pgdrill/internal/pgtest"
)

func chainArchive(name string) string {
	return filepath.Join("..", "..", "testdata", "chain", "archives", name)
}

func TestVerifyChainCommand(t *testing.T) {
	notArchive := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(notArchive, []byte("not an archive\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args   []string
		code   int
		stdout string // prefix
	}{
		{[]string{"verify-chain", chainArchive("cycle24-pg15-gzip-UTC.dump")}, 0, "PASS 24 rows, chain intact, head matches"},
		{[]string{"verify-chain", chainArchive("edge300-pg17-lz4-Europe_Paris.dump")}, 0, "PASS 300 rows"},
		{[]string{"verify-chain", chainArchive("tampered24-pg15-gzip-Pacific_Chatham.dump")}, 1,
			`FAIL 24 rows, first break at position 5 (id "0b65cf4f-0f12-4a8c-b9d5-a2eb22759a37", row_hash)`},
		{[]string{"verify-chain", filepath.Join("..", "..", "testdata", "pg17", "full-gzip.dump")}, 2, ""},
		{[]string{"verify-chain", notArchive}, 2, ""},
		{[]string{"verify-chain", filepath.Join(t.TempDir(), "missing.dump")}, 2, ""},
		{[]string{"verify-chain"}, 2, ""},
	}
	for _, tt := range tests {
		code, out, errOut := runArchiveCmd(t, nil, tt.args...)
		if code != tt.code || !strings.HasPrefix(out, tt.stdout) {
			t.Errorf("pgdrill %s: exit %d, stdout %q, stderr %q; want exit %d, stdout %q…",
				strings.Join(tt.args, " "), code, out, errOut, tt.code, tt.stdout)
		}
	}
}

func TestVerifyChainJSON(t *testing.T) {
	tests := []struct {
		archive string
		code    int
		want    map[string]any // fields of the JSON, as encoding/json decodes them
	}{
		{"tampered24-pg15-gzip-Pacific_Chatham.dump", 1, map[string]any{"first_break_id": "0b65cf4f-0f12-4a8c-b9d5-a2eb22759a37",
			"first_break_pos": 5.0, "verifier_walked": 6.0, "row_count": 24.0, "break_reason": "row_hash", "ok": false}},
		{"cycle24-pg15-gzip-UTC.dump", 0, map[string]any{"first_break_id": nil, "first_break_pos": -1.0, "verifier_walked": 24.0,
			"row_count": 24.0, "head_matches": true, "ok": true,
			"chain_head_hash": "0130839f0b4b9e68417b1bbcfa390f12ccf2fe5088c11d1c2f22094ab39c837f",
			"last_row_hash":   "0130839f0b4b9e68417b1bbcfa390f12ccf2fe5088c11d1c2f22094ab39c837f"}},
	}
	for _, tt := range tests {
		code, out, errOut := runArchiveCmd(t, nil, "verify-chain", "--json", chainArchive(tt.archive))
		if code != tt.code {
			t.Fatalf("%s: exit %d: %s", tt.archive, code, errOut)
		}
		var rep map[string]any
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"row_count", "chain_head_hash", "last_row_hash", "first_break_id", "first_break_pos", "verifier_walked"} {
			if _, ok := rep[k]; !ok {
				t.Errorf("%s: JSON lacks %s: %s", tt.archive, k, out)
			}
		}
		for k, v := range tt.want {
			if rep[k] != v {
				t.Errorf("%s: %s = %v, want %v", tt.archive, k, rep[k], v)
			}
		}
	}
}

// TestDrillJSONStates: the drill's JSON carries verify-chain's field names
// for each chain state, and names the SQL function it ran.
func TestDrillJSONStates(t *testing.T) {
	code, out, errOut := runArchiveCmd(t, nil, "drill", "--json", "-d", pgtest.NewDB(t))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep map[string]any
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	for _, state := range []string{"before", "after", "after_go", "offline"} {
		s, ok := rep[state].(map[string]any)
		if !ok {
			t.Fatalf("no %s state: %s", state, out)
		}
		want := map[string]any{"first_break_id": nil, "first_break_pos": -1.0, "verifier_walked": 24.0, "row_count": 24.0}
		for k, v := range want {
			if got, ok := s[k]; !ok || got != v {
				t.Errorf("%s.%s = %v, want %v", state, k, got, v)
			}
		}
		for _, k := range []string{"chain_head_hash", "last_row_hash"} {
			if h, _ := s[k].(string); len(h) != 64 {
				t.Errorf("%s.%s = %v", state, k, s[k])
			}
		}
	}
	fn, _ := rep["sql_function"].(map[string]any)
	if fn["name"] != "public.audit_events_verify_chain" || fn["origin"] != "pgdrill" || fn["returned"] != "(NULL, -1, 24)" {
		t.Errorf("sql_function %v", fn)
	}
	if s, ok := rep["restore_seconds"].(float64); !ok || s <= 0 {
		t.Errorf("restore_seconds %v", rep["restore_seconds"])
	}
}

// TestDrillCommand runs the drill as a user does, on its own throwaway
// server, and the archive drill on a real pg_dump 17 archive.
func TestDrillCommand(t *testing.T) {
	code, out, errOut := runArchiveCmd(t, nil, "drill")
	if code != 0 || !strings.HasPrefix(out, "PASS rows=24 chain_head=") || !strings.Contains(out, "… verifier=clean restore=") {
		t.Fatalf("drill: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	code, out, errOut = runArchiveCmd(t, nil, "drill", "--json", "--archive", filepath.Join("..", "..", "testdata", "pg17", "full-zstd.dump"))
	if code != 0 {
		t.Fatalf("archive drill: exit %d, stderr %q", code, errOut)
	}
	var rep struct {
		OK     bool
		Mode   string
		Rows   int64
		Tables []struct{ Table string }
		Phases []struct{ Name string }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if !rep.OK || rep.Mode != "archive" || rep.Rows != 1416 || len(rep.Tables) != 17 || len(rep.Phases) == 0 {
		t.Errorf("archive drill report: %+v", rep)
	}
	// The chain was tampered with before pg_dump ran: the backup is broken,
	// and the drill must say so rather than blame the restore. From standard
	// input too (a file there: random access without --spool).
	const wantLine = "FAIL archive: offline verifier pre=clean post=break id=0b65cf4f-0f12-4a8c-b9d5-a2eb22759a37 pos=5 walked=6\n"
	for _, stdin := range []bool{false, true} {
		args := []string{"drill", "--archive", chainArchive("tampered24-pg15-gzip-Pacific_Chatham.dump")}
		var in io.Reader
		if stdin {
			in, args[2] = openFile(t, args[2]), "-"
		}
		code, out, errOut = runArchiveCmd(t, in, args...)
		if code != 1 || out != wantLine || !strings.Contains(errOut, "drill failed") {
			t.Errorf("archive drill of a tampered chain (stdin %v): exit %d, stdout %q, stderr %q; want %q", stdin, code, out, errOut, wantLine)
		}
	}
}

func TestDrillUsage(t *testing.T) {
	for _, args := range [][]string{
		{"drill", "--rows", "-1"},
		{"drill", "extra"},
		{"drill", "-Z", "brotli"},
		{"drill", "--archive", filepath.Join(t.TempDir(), "missing.dump")},
	} {
		if code, _, errOut := runArchiveCmd(t, nil, args...); code != 2 {
			t.Errorf("pgdrill %s: exit %d (%s), want 2", strings.Join(args, " "), code, errOut)
		}
	}
}

// TestDrillVerdicts: --check queries, the restore-time limit and damaged
// archives, each with the exit status and FAIL line an operator acts on.
func TestDrillVerdicts(t *testing.T) {
	clean := chainArchive("cycle24-pg15-gzip-UTC.dump")
	raw, err := os.ReadFile(clean)
	if err != nil {
		t.Fatal(err)
	}
	damagedTOC := filepath.Join(t.TempDir(), "toc.dump")
	if err := os.WriteFile(damagedTOC, raw[:300], 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		line string // stdout prefix
	}{
		{"checks pass", []string{"--check", "SELECT count(*) >= 24 FROM audit_events", "--check", "SELECT true"}, 0, "PASS rows=24 chain_head="},
		{"check false", []string{"--check", "SELECT true", "--check", "SELECT count(*) > 1000 FROM audit_events"}, 1,
			"FAIL archive: check SELECT count(*) > 1000 FROM audit_events pre=true post=false\n"},
		{"check NULL", []string{"--check", "SELECT NULL::boolean"}, 1, "FAIL archive: check SELECT NULL::boolean pre=true post=NULL\n"},
		{"check error", []string{"--check", "SELECT count(*) FROM no_such_table"}, 1,
			"FAIL archive: check SELECT count(*) FROM no_such_table pre=true post=error: ERROR: relation \"no_such_table\" does not exist"},
		{"check not a boolean", []string{"--check", "SELECT 1"}, 1, "FAIL archive: check SELECT 1 pre=true post=error: a int32, want a boolean\n"},
		{"check two rows", []string{"--check", "SELECT true FROM generate_series(1, 2)"}, 1,
			"FAIL archive: check SELECT true FROM generate_series(1, 2) pre=true post=error: 2 rows of 1 columns, want one boolean\n"},
		{"restore time within", []string{"--max-restore-seconds", "600"}, 0, "PASS rows=24"},
		{"restore time exceeded", []string{"--max-restore-seconds", "0.000001"}, 1, "FAIL restore: restore time pre=<=1e-06s post="},
		{"empty check", []string{"--check", " "}, 2, ""},
		{"negative limit", []string{"--max-restore-seconds", "-1"}, 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"drill", "-d", pgtest.NewDB(t), "--archive", clean}, tt.args...)
			code, out, errOut := runArchiveCmd(t, nil, args...)
			if code != tt.code || !strings.HasPrefix(out, tt.line) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d, stdout %q…", code, out, errOut, tt.code, tt.line)
			}
		})
	}
	t.Run("damaged TOC", func(t *testing.T) {
		code, out, errOut := runArchiveCmd(t, nil, "drill", "--json", "--archive", damagedTOC)
		var rep struct {
			OK      bool
			Culprit string
			Failed  struct{ What string }
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("%v: %q (stderr %q)", err, out, errOut)
		}
		if code != 1 || rep.OK || rep.Culprit != "archive" || rep.Failed.What != "archive readable" {
			t.Errorf("exit %d, report %+v", code, rep)
		}
	})
}
