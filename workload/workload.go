// Package workload generates deterministic, seeded audit events and inserts
// them through the chain's triggers, for drills, tests and benchmarks.
//
// Two shapes: the default cycle (certificate.issue, certificate.renew,
// certificate.revoke, auth.login, repeated) at a fixed or current start time
// with a fixed microsecond step; and an edge mode whose timestamps spread
// over the whole timestamptz range (both ends included, random
// microseconds, some equal timestamps whose ids sort differently bytewise
// than linguistically) and whose text and details JSON hold unicode,
// quotes, backslashes, control characters, "|" and nesting.
//
// Rows come out in chain order, ("timestamp", id) by bytes, because the
// insert trigger links each row to the previous insert and rejects a row
// that sorts before it. Details are generated in jsonb's canonical text, so
// chain.Link over the generated rows predicts the hashes the server stores.
package workload

import (
	"fmt"
	"iter"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/pgdrill/pgdrill/chain"
	"github.com/pgdrill/pgdrill/pgtime"
)

// DefaultRows is the default row count: six full cycles.
const DefaultRows = 24

// DefaultStart is the fixed default start: 2024-01-01 00:00:00 UTC.
const DefaultStart int64 = 757382400000000

// Config says which rows to generate and how to insert them.
type Config struct {
	// Rows is the number of rows; 0 means DefaultRows.
	Rows int
	// Seed makes the rows reproducible: same Config, same rows.
	Seed uint64
	// Edge selects the edge mode instead of the event cycle.
	Edge bool
	// Start is the first timestamp (pgtime microseconds) in cycle mode;
	// 0 means DefaultStart unless Now is set.
	Start int64
	// Now starts the cycle at the current time (to the microsecond).
	Now bool
	// Step is the distance between cycle timestamps in microseconds;
	// 0 means one second.
	Step int64

	// Method is how Insert sends rows: MethodCopy (default) or MethodInsert.
	Method Method
	// BatchRows is how many rows Insert sends per transaction (one COPY or
	// a few multi-row INSERTs); 0 means DefaultBatchRows.
	BatchRows int
}

func (c Config) rows() int {
	if c.Rows <= 0 {
		return DefaultRows
	}
	return c.Rows
}

func (c Config) start() int64 {
	switch {
	case c.Now:
		return time.Now().UnixMicro() - 946684800000000
	case c.Start == 0:
		return DefaultStart
	}
	return c.Start
}

func (c Config) step() int64 {
	if c.Step <= 0 {
		return 1000000
	}
	return c.Step
}

// Generate yields the configured rows in chain order. PrevHash and RowHash
// are left empty (the trigger sets them; chain.Link predicts them).
func Generate(cfg Config) iter.Seq[chain.Row] {
	if cfg.Edge {
		return generateEdge(cfg)
	}
	return generateCycle(cfg)
}

func newRand(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
}

func uuid(r *rand.Rand) string {
	a, b := r.Uint64(), r.Uint64()
	// version 4, variant 10
	a = a&^0xf000 | 0x4000
	b = b&^(3<<62) | 2<<62
	return fmt.Sprintf("%08x-%04x-%04x-%04x-%012x", a>>32, a>>16&0xffff, a&0xffff, b>>48, b&0xffffffffffff)
}

func ptr(s string) *string { return &s }

var cycleActions = [...]string{"certificate.issue", "certificate.renew", "certificate.revoke", "auth.login"}

var cycleActors = [...]struct{ name, kind string }{
	{"alice@example.com", "user"},
	{"bob@example.com", "user"},
	{"cert-manager", "service"},
	{"acme-client", "service"},
}

var revokeReasons = [...]string{"keyCompromise", "superseded", "cessationOfOperation", "affiliationChanged"}

func generateCycle(cfg Config) iter.Seq[chain.Row] {
	return func(yield func(chain.Row) bool) {
		r := newRand(cfg.Seed)
		n, ts, step := cfg.rows(), cfg.start(), cfg.step()
		var serial string
		for i := range n {
			actor := cycleActors[r.IntN(len(cycleActors))]
			cert := fmt.Sprintf("cert-%06d", i/4)
			row := chain.Row{
				ID:            uuid(r),
				Actor:         actor.name,
				ActorType:     actor.kind,
				Action:        cycleActions[i%4],
				ResourceType:  "certificate",
				ResourceID:    cert,
				Timestamp:     ts,
				EventCategory: ptr("cert_lifecycle"),
			}
			var d jsonObject
			notAfter, _ := pgtime.FormatUTC(ts + 90*86400*1000000)
			switch i % 4 {
			case 0:
				serial = fmt.Sprintf("%016x", r.Uint64())
				d = jsonObject{"serial": jsonString(serial), "subject": jsonString(fmt.Sprintf("CN=host-%d.example.com", i/4)),
					"not_after": jsonString(notAfter), "key_type": jsonString("ecdsa-p256"), "sans": jsonArray{jsonString(fmt.Sprintf("host-%d.example.com", i/4))}}
			case 1:
				prev := serial
				serial = fmt.Sprintf("%016x", r.Uint64())
				d = jsonObject{"serial": jsonString(serial), "previous_serial": jsonString(prev), "not_after": jsonString(notAfter)}
			case 2:
				d = jsonObject{"serial": jsonString(serial), "reason": jsonString(revokeReasons[r.IntN(len(revokeReasons))])}
			case 3:
				row.ResourceType = "session"
				row.ResourceID = uuid(r)
				row.EventCategory = ptr("auth")
				d = jsonObject{"ip": jsonString(fmt.Sprintf("192.0.2.%d", r.IntN(254)+1)), "mfa": jsonBool(r.IntN(2) == 0), "user_agent": jsonString("pgdrill-workload/1")}
			}
			row.Details = ptr(jsonText(d))
			if !yield(row) {
				return
			}
			ts += step
		}
	}
}

// Edge-mode text pieces: unicode (combining, astral, RTL), quotes,
// backslashes, COPY's special bytes, the payload's "|" separator, and case
// differences that sort one way bytewise and another way linguistically.
var edgeWords = [...]string{
	"alpha", "Zulu", "éclair", "Ärger", "straße", "日本語", "😀", "e\u0301", "שלום",
	`quote"d`, `back\slash`, "pipe|bar", "tab\there", "new\nline", "cr\rx", `\N`, `\.`, "",
	"bell\x07", "del\x7f", "  spaced  ", "null", "{}",
}

func edgeWord(r *rand.Rand) string { return edgeWords[r.IntN(len(edgeWords))] }

func edgeText(r *rand.Rand) string {
	n := r.IntN(3) + 1
	parts := make([]string, n)
	for i := range parts {
		parts[i] = edgeWord(r)
	}
	return strings.Join(parts, " ")
}

func edgeJSON(r *rand.Rand, depth int) jsonValue {
	k := r.IntN(9)
	if depth >= 3 && k >= 6 {
		k = r.IntN(6)
	}
	switch k {
	case 0:
		return jsonString(edgeText(r))
	case 1:
		return jsonInt(r.Int64() >> r.IntN(64))
	case 2:
		return jsonNumber([...]string{"0.5", "-1.50", "3.14159265358979323846", "100000000000000000000", "0.000001"}[r.IntN(5)])
	case 3:
		return jsonBool(r.IntN(2) == 0)
	case 4:
		return jsonNull{}
	case 5:
		return jsonString(edgeWord(r))
	case 6, 7:
		o := jsonObject{}
		for range r.IntN(4) {
			o[edgeWord(r)] = edgeJSON(r, depth+1)
		}
		return o
	default:
		a := jsonArray{}
		for range r.IntN(4) {
			a = append(a, edgeJSON(r, depth+1))
		}
		return a
	}
}

func generateEdge(cfg Config) iter.Seq[chain.Row] {
	return func(yield func(chain.Row) bool) {
		r := newRand(cfg.Seed)
		n := cfg.rows()
		// Row i's timestamp lies in slot i of the range, so timestamps rise
		// without sorting; spans are uint64 since the range overflows int64.
		span := uint64(pgtime.EndTimestamp-1) + uint64(-pgtime.MinTimestamp)
		width := span / uint64(n)
		for i := 0; i < n; {
			size := 1
			if r.IntN(8) == 0 {
				size = min(2+r.IntN(2), n-i)
			}
			ts := int64(uint64(i)*width + r.Uint64N(width) - uint64(-pgtime.MinTimestamp))
			switch {
			case i == 0:
				ts = pgtime.MinTimestamp
			case i+size == n && n > 1:
				ts = pgtime.EndTimestamp - 1
			}
			rows := make([]chain.Row, size)
			for j := range rows {
				rows[j] = edgeRow(r, i+j, ts)
			}
			// equal timestamps: chain order is id by bytes
			slices.SortFunc(rows, func(a, b chain.Row) int { return strings.Compare(a.ID, b.ID) })
			for _, row := range rows {
				if !yield(row) {
					return
				}
			}
			i += size
		}
	}
}

func edgeRow(r *rand.Rand, i int, ts int64) chain.Row {
	row := chain.Row{
		ID:           fmt.Sprintf("%s#%d", edgeWord(r), i),
		Actor:        edgeText(r),
		ActorType:    edgeWord(r),
		Action:       cycleActions[r.IntN(len(cycleActions))],
		ResourceType: edgeWord(r),
		ResourceID:   edgeText(r),
		Timestamp:    ts,
	}
	switch r.IntN(6) {
	case 0:
		// NULL details
	case 1:
		row.Details = ptr(jsonText(edgeJSON(r, 3))) // a scalar or shallow value
	default:
		o := jsonObject{"n": jsonInt(i)}
		for range 1 + r.IntN(4) {
			o[edgeWord(r)] = edgeJSON(r, 0)
		}
		row.Details = ptr(jsonText(o))
	}
	switch r.IntN(4) {
	case 0:
		// NULL category
	case 1:
		row.EventCategory = ptr("")
	case 2:
		row.EventCategory = ptr(edgeWord(r))
	default:
		row.EventCategory = ptr("cert_lifecycle")
	}
	return row
}
