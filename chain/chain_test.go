package chain

import (
	"errors"
	"strings"
	"testing"

	"github.com/pgdrill/pgdrill/pgtime"
)

func ptr(s string) *string { return &s }

func mustTS(t *testing.T, s string) int64 {
	t.Helper()
	us, err := pgtime.ParseTimestamptz(s)
	if err != nil {
		t.Fatal(err)
	}
	return us
}

// TestHashVectors: payloads and hashes that PostgreSQL 15's
// audit_events_payload() and audit_events_row_hash() produced for the same
// rows (see schema.sql).
func TestHashVectors(t *testing.T) {
	cases := []struct {
		name        string
		row         Row
		payload     string
		hash        string
		nullPayload bool
	}{
		{
			name: "first row",
			row: Row{ID: "a", Actor: "alice", ActorType: "user", Action: "certificate.issue", ResourceType: "certificate",
				ResourceID: "c1", Details: ptr(`{"a": "x", "b": 1}`), Timestamp: mustTS(t, "2024-01-01 00:00:00+00"), EventCategory: ptr("cert_lifecycle")},
			payload: `|a|alice|user|certificate.issue|certificate|c1|{"a": "x", "b": 1}|2024-01-01T00:00:00.000000Z|cert_lifecycle`,
			hash:    "f0dabb01a041d52bf3b73e7ce6f484cba753e01b374b75f3ee232aba11148af9",
		},
		{
			name: "linked row, NULL details",
			row: Row{ID: "b", Actor: "bob", ActorType: "user", Action: "certificate.renew", ResourceType: "certificate",
				ResourceID: "c1", Timestamp: mustTS(t, "2024-01-01 00:00:00.000001+00"), EventCategory: ptr("cert_lifecycle"),
				PrevHash: ptr("f0dabb01a041d52bf3b73e7ce6f484cba753e01b374b75f3ee232aba11148af9")},
			payload: `f0dabb01a041d52bf3b73e7ce6f484cba753e01b374b75f3ee232aba11148af9|b|bob|user|certificate.renew|certificate|c1||2024-01-01T00:00:00.000001Z|cert_lifecycle`,
			hash:    "37d7545e95cce89b6446cfb68f92d32dc76b6ed9dce4cdbb91e367469ffa1b58",
		},
		{
			name: "BC year prints without era, NULL category",
			row: Row{ID: "x", Actor: "x", ActorType: "x", Action: "x", ResourceType: "x", ResourceID: "x",
				Timestamp: mustTS(t, "0001-06-01 12:00:00+00 BC")},
			payload: `|x|x|x|x|x|x||0001-06-01T12:00:00.000000Z|`,
		},
		{
			name: "infinity makes the payload NULL",
			row: Row{ID: "x", Actor: "x", ActorType: "x", Action: "x", ResourceType: "x", ResourceID: "x",
				Timestamp: pgtime.NoEnd},
			nullPayload: true,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, ok := Payload(c.row)
			if ok == c.nullPayload || p != c.payload {
				t.Errorf("Payload = %q, %v; want %q, %v", p, ok, c.payload, !c.nullPayload)
			}
			h, ok := Hash(c.row)
			if ok == c.nullPayload || (c.hash != "" && h != c.hash) {
				t.Errorf("Hash = %q, %v; want %q", h, ok, c.hash)
			}
		})
	}
}

func sampleChain(t *testing.T, n int) []Row {
	t.Helper()
	rows := make([]Row, n)
	for i := range rows {
		rows[i] = Row{ID: string(rune('a' + i)), Actor: "u", ActorType: "user", Action: "auth.login", ResourceType: "session",
			ResourceID: "s", Details: ptr(`{"i": 1}`), Timestamp: int64(i) * 1000000, EventCategory: ptr("auth")}
	}
	if _, ok := Link(nil, rows); !ok {
		t.Fatal("Link failed")
	}
	return rows
}

func seq(rows []Row) func(func(Row, error) bool) {
	return func(yield func(Row, error) bool) {
		for _, r := range rows {
			if !yield(r, nil) {
				return
			}
		}
	}
}

func TestVerifyTampering(t *testing.T) {
	cases := []struct {
		name   string
		tamper func([]Row) []Row
		pos    int64 // -1: clean
		reason string
		count  int64 // rows; walked is pos+1 on a break
	}{
		{"clean", func(r []Row) []Row { return r }, -1, "", 5},
		{"details byte", func(r []Row) []Row { r[2].Details = ptr(`{"i": 2}`); return r }, 2, "row_hash", 5},
		{"timestamp", func(r []Row) []Row { r[3].Timestamp++; return r }, 3, "row_hash", 5},
		{"first row deleted", func(r []Row) []Row { return r[1:] }, 0, "prev_hash", 4},
		{"middle row deleted", func(r []Row) []Row { return append(r[:2:2], r[3:]...) }, 2, "prev_hash", 4},
		{"last row deleted", func(r []Row) []Row { return r[:4] }, -1, "", 4},
		{"prev_hash swapped", func(r []Row) []Row { r[1].PrevHash, r[2].PrevHash = r[2].PrevHash, r[1].PrevHash; return r }, 1, "prev_hash", 5},
		{"row_hash uppercased", func(r []Row) []Row { r[4].RowHash = strings.ToUpper(r[4].RowHash); return r }, 4, "row_hash", 5},
		{"first prev_hash set", func(r []Row) []Row { r[0].PrevHash = ptr(""); return r }, 0, "prev_hash", 5},
		{"infinite timestamp", func(r []Row) []Row { r[4].Timestamp = pgtime.NoEnd; return r }, 4, "row_hash", 5},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rows := c.tamper(sampleChain(t, 5))
			res, err := Verify(seq(rows))
			if err != nil {
				t.Fatal(err)
			}
			if res.RowCount != c.count {
				t.Errorf("RowCount = %d, want %d", res.RowCount, c.count)
			}
			if walked := c.count; c.pos >= 0 && res.Walked != c.pos+1 || c.pos < 0 && res.Walked != walked {
				t.Errorf("Walked = %d, want %d when the break is at %d", res.Walked, walked, c.pos)
			}
			switch {
			case c.pos < 0 && res.FirstBreak != nil:
				t.Errorf("break %+v, want none", *res.FirstBreak)
			case c.pos >= 0 && res.FirstBreak == nil:
				t.Errorf("no break, want position %d", c.pos)
			case c.pos >= 0 && (res.FirstBreak.Pos != c.pos || res.FirstBreak.Reason != c.reason || res.FirstBreak.ID != rows[c.pos].ID):
				t.Errorf("break %+v, want position %d (%s)", *res.FirstBreak, c.pos, c.reason)
			}
			if got := res.LastHash; got == nil || *got != rows[len(rows)-1].RowHash {
				t.Errorf("LastHash = %v, want %s", got, rows[len(rows)-1].RowHash)
			}
		})
	}
}

func TestVerifyOrder(t *testing.T) {
	rows := sampleChain(t, 3)
	rows[1], rows[2] = rows[2], rows[1]
	if _, err := Verify(seq(rows)); err == nil || !strings.Contains(err.Error(), "chain order") {
		t.Errorf("out-of-order rows: err = %v", err)
	}
	boom := errors.New("boom")
	_, err := Verify(func(yield func(Row, error) bool) { yield(Row{}, boom) })
	if !errors.Is(err, boom) {
		t.Errorf("iterator error not returned: %v", err)
	}
}

func TestHeadMatches(t *testing.T) {
	h := "abc"
	cases := []struct {
		res  Result
		want bool
	}{
		{Result{}, false},
		{Result{Head: &Head{}}, true},
		{Result{Head: &Head{RowHash: &h}}, false},
		{Result{Head: &Head{RowHash: &h}, LastHash: ptr("abc")}, true},
		{Result{Head: &Head{RowHash: &h}, LastHash: ptr("abd")}, false},
	}
	for i, c := range cases {
		if got := c.res.HeadMatches(); got != c.want {
			t.Errorf("%d: HeadMatches = %v, want %v", i, got, c.want)
		}
	}
}

func TestVerifyCopyShuffled(t *testing.T) {
	rows := sampleChain(t, 4)
	var b strings.Builder
	// physical order 2,0,3,1 with timestamps in three zones' text
	zones := []int{-12652, 0, 49500, 3600}
	for k, i := range []int{2, 0, 3, 1} {
		r := rows[i]
		prev := `\N`
		if r.PrevHash != nil {
			prev = *r.PrevHash
		}
		b.WriteString(strings.Join([]string{r.ID, r.Actor, r.ActorType, r.Action, r.ResourceType, r.ResourceID, *r.Details,
			pgtime.FormatISO(r.Timestamp, zones[k]), *r.EventCategory, prev, r.RowHash}, "\t") + "\n")
	}
	b.WriteString("\\.\n")
	cols := append([]string(nil), EventColumns...)
	cols[7] = `"timestamp"`
	res, err := VerifyCopy(strings.NewReader(b.String()), cols)
	if err != nil {
		t.Fatal(err)
	}
	if res.RowCount != 4 || res.FirstBreak != nil || *res.LastHash != rows[3].RowHash {
		t.Errorf("VerifyCopy = %v", res)
	}
	head, err := ReadHeadCopy(strings.NewReader("1\t"+rows[3].RowHash+"\t2026-01-01 10:00:00+01\n"), []string{"id", "row_hash", "updated_at"})
	if err != nil {
		t.Fatal(err)
	}
	res.Head = &head
	if !res.OK() || *head.UpdatedAt != mustTS(t, "2026-01-01 09:00:00+00") {
		t.Errorf("with head: %v", res)
	}
	if _, err := VerifyCopy(strings.NewReader("x\n"), EventColumns[:10]); err == nil {
		t.Error("missing row_hash column accepted")
	}
	if _, err := VerifyCopy(strings.NewReader(strings.Repeat("x\t", 7)+"2024-01-01 00:00:00+00\tx\tx\t\\N\n"), EventColumns); err == nil || !strings.Contains(err.Error(), "NOT NULL") {
		t.Errorf("NULL row_hash: %v", err)
	}
}
