package fuzz

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/pgdrill/pgdrill/chain"
	"github.com/pgdrill/pgdrill/internal/pgtest"
	"github.com/pgdrill/pgdrill/pgtime"
)

// FuzzChainPayload checks that chain.Payload and chain.Hash give what the
// SQL functions audit_events_payload() and audit_events_row_hash() give for
// the same row, for any text in the text columns, NULL or any jsonb in
// details, NULL or any text in event_category and prev_hash, and any
// timestamp PostgreSQL holds (BC, past 9999, the infinities, whose payload
// is NULL). The row is read back both as the server stores it and through
// chain.DecodeCopy from COPY text printed under session time zone zone, and
// both decodings must hash the same.
//
// nulls makes details (bit 0), event_category (bit 1) and prev_hash (bit 2)
// NULL. Details that are not JSON, or JSON jsonb rejects (\u0000), are
// stored as a JSON string holding the text.
func FuzzChainPayload(f *testing.F) {
	if testing.Short() {
		f.Skip("-short: FuzzChainPayload needs a server")
	}
	ctx := context.Background()
	conn := pgtest.Conn(f, pgtest.NewDB(f))
	if err := chain.Migrate(ctx, conn); err != nil {
		f.Fatal(err)
	}
	// A table of audit_events' shape without its triggers, so rows can be
	// stored in any order and with any prev_hash.
	if _, err := conn.Exec(ctx, "CREATE TABLE payload_rows (LIKE audit_events)"); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, id, actor, actorType, action, resourceType, resourceID, details string, ts int64, category, prevHash string, nulls uint8, zoneIdx uint16) {
		in := payloadInput{
			row: chain.Row{ID: pgText(id), Actor: pgText(actor), ActorType: pgText(actorType), Action: pgText(action),
				ResourceType: pgText(resourceType), ResourceID: pgText(resourceID), Timestamp: instant(ts)},
			zone: zone(t, conn, zoneIdx),
		}
		if nulls&1 == 0 {
			in.details = ptr(pgText(details))
		}
		if nulls&2 == 0 {
			in.row.EventCategory = ptr(pgText(category))
		}
		if nulls&4 == 0 {
			in.row.PrevHash = ptr(pgText(prevHash))
		}
		checkPayload(t, conn, in)
	})
}

type payloadInput struct {
	row     chain.Row // Details unset: the server's jsonb text goes there
	details *string   // the details as given
	zone    string
}

func ptr(s string) *string { return &s }

// payloadInsert stores one row (replacing the previous input's) and returns
// the server's jsonb text of details and the SQL payload and hash.
const payloadInsert = `WITH gone AS (DELETE FROM payload_rows)
INSERT INTO payload_rows (id, actor, actor_type, action, resource_type, resource_id, details, "timestamp", event_category, prev_hash, row_hash)
VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, '')
RETURNING details::text, audit_events_payload(ROW(payload_rows.*)::audit_events), audit_events_row_hash(ROW(payload_rows.*)::audit_events)`

func checkPayload(t *testing.T, conn *pgx.Conn, in payloadInput) {
	ctx, cancel := context.WithTimeout(context.Background(), inputTimeout)
	defer cancel()
	r := in.row
	var details *string
	if in.details != nil {
		d := *in.details
		if !json.Valid([]byte(d)) {
			d = jsonString(d)
		}
		details = &d
	}
	var serverDetails, payload, hash pgtype.Text
	insert := func() error {
		return conn.QueryRow(ctx, payloadInsert, r.ID, r.Actor, r.ActorType, r.Action, r.ResourceType, r.ResourceID,
			details, toTimestamptz(r.Timestamp), r.EventCategory, r.PrevHash).Scan(&serverDetails, &payload, &hash)
	}
	err := insert()
	if err != nil && details != nil && *details != jsonString(*in.details) && isClass(err, "22", "54") {
		// JSON that jsonb rejects (\u0000 escapes, numbers out of range,
		// nesting too deep): store the text as a JSON string instead.
		details = ptr(jsonString(*in.details))
		err = insert()
	}
	if err != nil {
		t.Fatalf("insert %+v with details %v: %v", r, showPtr(details), err)
	}
	if serverDetails.Valid {
		r.Details = &serverDetails.String
	}

	goPayload, ok := chain.Payload(r)
	if ok != payload.Valid || goPayload != payload.String {
		t.Fatalf("row %+v details %v:\nchain.Payload  %q (ok %v)\nSQL payload    %q (not NULL %v)", r, showPtr(r.Details), goPayload, ok, payload.String, payload.Valid)
	}
	goHash, ok := chain.Hash(r)
	if ok != hash.Valid || goHash != hash.String {
		t.Fatalf("row %+v: chain.Hash %q (ok %v), SQL %q (not NULL %v); payload %q", r, goHash, ok, hash.String, hash.Valid, goPayload)
	}

	// The same row through COPY text in the session zone, as the archive
	// verifier reads it.
	if _, err := conn.Exec(ctx, "SELECT pg_catalog.set_config('TimeZone', $1, false)", in.zone); err != nil {
		t.Fatalf("set TimeZone %s: %v", in.zone, err)
	}
	var buf bytes.Buffer
	if _, err := conn.PgConn().CopyTo(ctx, &buf, "COPY payload_rows TO STDOUT"); err != nil {
		t.Fatalf("COPY payload_rows TO STDOUT: %v", err)
	}
	var rows []chain.Row
	for row, err := range chain.DecodeCopy(&buf, chain.EventColumns) {
		if err != nil {
			t.Fatalf("DecodeCopy of %q under %s: %v", buf.String(), in.zone, err)
		}
		rows = append(rows, row)
	}
	if len(rows) != 1 {
		t.Fatalf("DecodeCopy gave %d rows, want 1", len(rows))
	}
	got := rows[0]
	want := r
	want.RowHash = ""
	if !sameRow(got, want) {
		t.Fatalf("COPY text under %s decodes to\n%s\nthe row stored is\n%s", in.zone, showRow(got), showRow(want))
	}
	if h, ok := chain.Hash(got); ok != hash.Valid || h != hash.String {
		t.Fatalf("the row decoded from COPY text hashes to %q (ok %v), SQL %q", h, ok, hash.String)
	}
}

// jsonString is s as a JSON string.
func jsonString(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err) // a string always marshals
	}
	return string(b)
}

func sameRow(a, b chain.Row) bool {
	eq := func(x, y *string) bool { return (x == nil) == (y == nil) && (x == nil || *x == *y) }
	return a.ID == b.ID && a.Actor == b.Actor && a.ActorType == b.ActorType && a.Action == b.Action &&
		a.ResourceType == b.ResourceType && a.ResourceID == b.ResourceID && eq(a.Details, b.Details) &&
		a.Timestamp == b.Timestamp && eq(a.EventCategory, b.EventCategory) && eq(a.PrevHash, b.PrevHash) && a.RowHash == b.RowHash
}

func showPtr(p *string) string {
	if p == nil {
		return "NULL"
	}
	return fmt.Sprintf("%q", *p)
}

func showRow(r chain.Row) string {
	return fmt.Sprintf("id %q actor %q actor_type %q action %q resource_type %q resource_id %q details %s timestamp %d (%s) event_category %s prev_hash %s row_hash %q",
		r.ID, r.Actor, r.ActorType, r.Action, r.ResourceType, r.ResourceID, showPtr(r.Details), r.Timestamp, pgtime.FormatISO(r.Timestamp, 0),
		showPtr(r.EventCategory), showPtr(r.PrevHash), r.RowHash)
}

// payloadSeed is one FuzzChainPayload input.
type payloadSeed struct {
	name                                                            string
	id, actor, actorType, action, resourceType, resourceID, details string
	ts                                                              int64
	category, prevHash                                              string
	nulls                                                           uint8
	zone                                                            uint16
}

func (s payloadSeed) marshal() string {
	return fmt.Sprintf("go test fuzz v1\nstring(%q)\nstring(%q)\nstring(%q)\nstring(%q)\nstring(%q)\nstring(%q)\nstring(%q)\nint64(%d)\nstring(%q)\nstring(%q)\nbyte(%q)\nuint16(%d)\n",
		s.id, s.actor, s.actorType, s.action, s.resourceType, s.resourceID, s.details, s.ts, s.category, s.prevHash, s.nulls, s.zone)
}

const (
	nullDetails  = 1
	nullCategory = 2
	nullPrev     = 4
	aHash        = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
)

// payloadSeeds are the hard cases for the payload: separators and escapes
// in every text column, NULLs, jsonb canonicalisation, and the timestamp
// range.
var payloadSeeds = []payloadSeed{
	{name: "plain", id: "evt-1", actor: "alice", actorType: "user", action: "issue", resourceType: "cert", resourceID: "c-1",
		details: `{"serial": 1}`, ts: civil(2026, 11, 26, 12, 0, 0, 0), category: "cert_lifecycle", prevHash: aHash},
	{name: "all-null", id: "", actor: "", actorType: "", action: "", resourceType: "", resourceID: "", ts: 0, nulls: nullDetails | nullCategory | nullPrev},
	{name: "empty-strings-not-null", ts: 1, details: `""`},
	{name: "pipes", id: "a|b", actor: "|", actorType: "||", action: "x|", resourceType: "|y", resourceID: "|||", details: `{"a|b": "|"}`,
		ts: civil(2000, 1, 1, 0, 0, 0, 0), category: "|", prevHash: "|", zone: zChatham},
	{name: "quotes-backslashes", id: `'"\`, actor: `\\N`, actorType: `\N`, action: `\.`, resourceType: `it's`, resourceID: `"q"`,
		details: `{"q": "\"\\"}`, ts: civil(1999, 12, 31, 23, 59, 59, lastUs), category: `\`, prevHash: `\\`, zone: zKolkata},
	{name: "control-chars", id: "\t\n\r\b\f\v", actor: "\x01\x02\x1f\x7f", actorType: "a\tb", action: "line1\nline2", resourceType: "\r\n",
		resourceID: "\x1b[0m", details: `"\u0001\t\n"`, ts: -1, category: "\x00", prevHash: "\u0085\u2028", zone: zStJohns},
	{name: "unicode", id: "é日本語🔐", actor: "Ωmega", actorType: "ﬁ", action: "e\u0301", resourceType: "\u202eRTL", resourceID: "\uFEFFbom",
		details: `{"é": "ü", "日": ["🔐", "\u00e9", "\ud83d\ude00"]}`, ts: civil(2026, 3, 29, 1, 0, 0, 0), category: "\uffff", prevHash: "\U0010FFFF", zone: zParis},
	{name: "invalid-utf8", id: "\xff\xfe", actor: "\xc3", actorType: "\xed\xa0\x80", ts: 5, details: "\xff", nulls: nullCategory, zone: zLordHowe},
	{name: "jsonb-canonical", id: "j1", details: `{"bb": 1, "a": [1, 2.50, 1e3, -0, 0.0e5], "a": {"dup": true}, "c": null,"d":  false}`,
		ts: civil(2026, 1, 1, 0, 0, 0, 0), nulls: nullPrev, zone: zKathmandu},
	{name: "jsonb-numbers", id: "j2", details: `[1e-400, 123456789012345678901234567890.123456789, -1E+2, 0.000001]`, ts: 10, zone: zMonrovia},
	{name: "jsonb-nul-escape", id: "j3", details: `{"x": "\u0000"}`, ts: 11, zone: zDublin},
	{name: "jsonb-deep", id: "j4", details: `[[[[[[[[[[{"a":[[[[[]]]]]}]]]]]]]]]]`, ts: 12, nulls: nullCategory | nullPrev},
	{name: "jsonb-scalar-string", id: "j5", details: `"plain string with | and \\"`, ts: 13},
	{name: "not-json", id: "j6", details: `{not json`, ts: 14, zone: zNewYork},
	{name: "lower-bound", id: "t1", details: "{}", ts: pgtime.MinTimestamp, zone: zStJohns},
	{name: "upper-bound", id: "t2", details: "[]", ts: pgtime.EndTimestamp - 1, zone: zChatham},
	{name: "upper-bound-kiritimati", id: "t2k", ts: pgtime.EndTimestamp - 1, zone: zKiritimati, nulls: nullDetails},
	{name: "infinity", id: "t3", ts: pgtime.NoEnd, nulls: nullDetails, zone: zParis},
	{name: "minus-infinity", id: "t4", ts: pgtime.NoBegin, nulls: nullCategory, zone: zKolkata},
	{name: "1bc-last-us", id: "t5", ts: civil(0, 12, 31, 23, 59, 59, lastUs), zone: zUTC},
	{name: "1ad-first-us", id: "t6", ts: civil(1, 1, 1, 0, 0, 0, 0), zone: zNewYork},
	{name: "4713bc-leap-day", id: "t7", ts: civil(-4712, 2, 29, 12, 0, 0, 1), zone: zKolkata},
	{name: "year-10000", id: "t8", ts: civil(10000, 1, 1, 0, 0, 0, 0), zone: zLordHowe},
	{name: "year-9999-last-us", id: "t9", ts: civil(9999, 12, 31, 23, 59, 59, lastUs), zone: zKiritimati},
	{name: "paris-pmt", id: "t10", ts: civil(1900, 1, 1, 0, 0, 0, 0), zone: zParis},
	{name: "chatham-1345", id: "t11", ts: civil(2026, 1, 1, 0, 0, 0, 0), zone: zChatham},
	{name: "any-zone", id: "t12", ts: civil(1918, 4, 1, 0, 0, 0, 0), zone: 700},
}
