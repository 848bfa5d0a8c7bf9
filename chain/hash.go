package chain

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/pgdrill/pgdrill/pgtime"
)

// Row is one audit_events row. Nullable columns are pointers (nil is SQL
// NULL). Details holds the jsonb text exactly as the server prints it
// (jsonb output is canonical, so it is also what COPY and ::text give).
// Timestamp is in pgtime's form: microseconds since 2000-01-01 UTC.
type Row struct {
	ID            string
	Actor         string
	ActorType     string
	Action        string
	ResourceType  string
	ResourceID    string
	Details       *string
	Timestamp     int64
	EventCategory *string
	PrevHash      *string
	RowHash       string
}

// Payload returns the text SQL's audit_events_payload() builds for r. ok is
// false where the SQL payload is NULL: an infinite timestamp, for which
// to_char returns NULL and so, through ||, the whole payload.
func Payload(r Row) (payload string, ok bool) {
	b, ok := appendPayload(make([]byte, 0, 256), &r)
	return string(b), ok
}

func appendPayload(b []byte, r *Row) ([]byte, bool) {
	if r.Timestamp == pgtime.NoBegin || r.Timestamp == pgtime.NoEnd {
		return b, false // to_char gives NULL
	}
	if r.PrevHash != nil {
		b = append(b, *r.PrevHash...)
	}
	for _, s := range [...]string{r.ID, r.Actor, r.ActorType, r.Action, r.ResourceType, r.ResourceID} {
		b = append(b, '|')
		b = append(b, s...)
	}
	b = append(b, '|')
	if r.Details != nil {
		b = append(b, *r.Details...)
	}
	b = append(b, '|')
	b = pgtime.AppendUTC(b, r.Timestamp)
	b = append(b, '|')
	if r.EventCategory != nil {
		b = append(b, *r.EventCategory...)
	}
	return b, true
}

// Hash returns the lowercase hex SHA-256 of Payload(r), as SQL's
// audit_events_row_hash(); ok is false where that is NULL. The text is
// hashed as its UTF-8 bytes (convert_to(payload, 'UTF8') in a UTF8
// database).
func Hash(r Row) (hash string, ok bool) { return hashRow(&r) }

func hashRow(r *Row) (string, bool) {
	var buf [512]byte
	p, ok := appendPayload(buf[:0], r)
	if !ok {
		return "", false
	}
	sum := sha256.Sum256(p)
	return hex.EncodeToString(sum[:]), true
}

// Link sets PrevHash and RowHash on rows given in chain order, starting from
// head (nil for an empty chain), as the insert trigger would, and returns
// the new head. ok is false if a row's hash is NULL; the trigger's NOT NULL
// row_hash would reject that row.
func Link(head *string, rows []Row) (newHead *string, ok bool) {
	for i := range rows {
		rows[i].PrevHash = head
		h, ok := Hash(rows[i])
		if !ok {
			return head, false
		}
		rows[i].RowHash = h
		head = &rows[i].RowHash
	}
	return head, true
}
