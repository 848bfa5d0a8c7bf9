package chain

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"iter"
	"slices"
	"strings"
)

// Result is a verifier's answer. FirstBreak and Walked are what
// audit_events_verify_chain() returns: (NULL, -1, N) for a clean chain of N
// rows, (id, p, p+1) for the first break at 0-based position p (see
// Triple). The Go verifiers read on past the break for RowCount and
// LastHash; LastHash and Head add the check the SQL function leaves out:
// that the head points at the last row, which catches deleted newest rows.
type Result struct {
	// RowCount is the number of rows in the table.
	RowCount int64
	// Walked is the function's row_count: the rows it walked, RowCount
	// when clean, FirstBreak.Pos+1 on a break.
	Walked int64
	// FirstBreak is nil when every row links to its predecessor and hashes
	// to its row_hash.
	FirstBreak *Break
	// LastHash is the stored row_hash of the last row in chain order; nil
	// for an empty chain.
	LastHash *string
	// Head is the audit_chain_head row, if the verifier read one.
	Head *Head
	// Function is the SQL function VerifySQL ran; nil for the Go verifiers.
	Function *SQLFunction
}

// Triple returns the answer as audit_events_verify_chain() gives it:
// (first_break_id, first_break_pos, row_count), id nil and pos -1 when clean.
func (r Result) Triple() (id *string, pos, walked int64) {
	if b := r.FirstBreak; b != nil {
		id := b.ID
		return &id, b.Pos, r.Walked
	}
	return nil, -1, r.Walked
}

// Break is the first row that does not verify.
type Break struct {
	ID string
	// Pos is the row's 0-based position in chain order.
	Pos int64
	// Reason says which check failed: "prev_hash" (it is not the previous
	// row's row_hash) or "row_hash" (it is not the hash of the row).
	Reason string
}

// Head is the single audit_chain_head row.
type Head struct {
	RowHash *string
	// UpdatedAt is in pgtime's microseconds; nil is NULL.
	UpdatedAt *int64
}

// HeadMatches reports whether a head was read and its row_hash equals the
// last row's (both NULL for an empty chain).
func (r Result) HeadMatches() bool {
	return r.Head != nil && equalNullable(r.Head.RowHash, r.LastHash)
}

// OK reports a clean chain whose head matches.
func (r Result) OK() bool { return r.FirstBreak == nil && r.HeadMatches() }

// String summarises the result in one line.
func (r Result) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d rows", r.RowCount)
	if r.FirstBreak != nil {
		fmt.Fprintf(&b, ", first break at position %d (id %q, %s), %d walked", r.FirstBreak.Pos, r.FirstBreak.ID, r.FirstBreak.Reason, r.Walked)
	} else {
		b.WriteString(", chain intact")
	}
	switch {
	case r.Head == nil:
		b.WriteString(", head not read")
	case r.HeadMatches():
		b.WriteString(", head matches")
	default:
		fmt.Fprintf(&b, ", head %s != last row_hash %s", nullText(r.Head.RowHash), nullText(r.LastHash))
	}
	return b.String()
}

func nullText(s *string) string {
	if s == nil {
		return "NULL"
	}
	return *s
}

func equalNullable(a, b *string) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

// Verify walks rows given in chain order ("timestamp", then id by bytes) as
// audit_events_verify_chain() does. It returns an error if the rows are not
// in that order or the sequence yields one.
func Verify(rows iter.Seq2[Row, error]) (Result, error) {
	w := walker{other: map[[32]byte]string{}}
	for r, err := range rows {
		if err != nil {
			return Result{}, err
		}
		if err := w.ordered(newKey(&r, w.other)); err != nil {
			return Result{}, err
		}
	}
	return w.result(), nil
}

// hashRef holds a stored hash compactly. Canonical (64 lowercase hex)
// hashes keep their 32 bytes; anything else keeps the SHA-256 of its text,
// so two refs are equal exactly when their texts are.
type hashRef struct {
	kind uint8 // refNull, refHex or refOther
	sum  [32]byte
}

const (
	refNull uint8 = iota
	refHex
	refOther
)

func makeRef(s *string, other map[[32]byte]string) hashRef {
	if s == nil {
		return hashRef{}
	}
	var r hashRef
	if isLowerHex64(*s) {
		hex.Decode(r.sum[:], []byte(*s))
		r.kind = refHex
		return r
	}
	r.kind, r.sum = refOther, sha256.Sum256([]byte(*s))
	other[r.sum] = *s
	return r
}

func isLowerHex64(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

func (r hashRef) text(other map[[32]byte]string) *string {
	var s string
	switch r.kind {
	case refNull:
		return nil
	case refHex:
		s = hex.EncodeToString(r.sum[:])
	default:
		s = other[r.sum]
	}
	return &s
}

// key is what the walk needs of one row: its sort key, its two stored
// hashes and whether row_hash matched the recomputed hash. Keeping only
// this (about 100 bytes plus the id) lets VerifyCopy sort a whole table.
type key struct {
	ts     int64
	id     string
	prev   hashRef
	row    hashRef
	hashOK bool
}

// newKey builds r's key; other collects the text of non-canonical hashes.
func newKey(r *Row, other map[[32]byte]string) key {
	h, ok := hashRow(r)
	// row_hash IS DISTINCT FROM the computed hash; stored row_hash is never
	// NULL (NOT NULL), so a NULL computed hash never matches
	return key{
		ts:     r.Timestamp,
		id:     r.ID,
		prev:   makeRef(r.PrevHash, other),
		row:    makeRef(&r.RowHash, other),
		hashOK: ok && h == r.RowHash,
	}
}

func compareKeys(a, b *key) int {
	if c := cmp.Compare(a.ts, b.ts); c != 0 {
		return c
	}
	return strings.Compare(a.id, b.id)
}

// walker is the loop of audit_events_verify_chain().
type walker struct {
	pos      int64
	expected hashRef // previous row's stored row_hash; NULL before the first row
	last     key
	brk      *Break
	other    map[[32]byte]string
}

// ordered steps after checking that k sorts after the previous row by
// timestamp and id bytes.
func (w *walker) ordered(k key) error {
	if w.pos > 0 && compareKeys(&w.last, &k) >= 0 {
		return fmt.Errorf("chain: row %d (id %q) does not sort after row %d (id %q): rows are not in chain order", w.pos, k.id, w.pos-1, w.last.id)
	}
	w.step(k)
	return nil
}

// serverOrdered steps after checking only the timestamp order: rows that
// the server sorted by its own collation may order equal timestamps' ids
// differently from their bytes.
func (w *walker) serverOrdered(k key) error {
	if w.pos > 0 && k.ts < w.last.ts {
		return fmt.Errorf("chain: row %d (id %q) has an earlier timestamp than row %d (id %q): rows are not in chain order", w.pos, k.id, w.pos-1, w.last.id)
	}
	w.step(k)
	return nil
}

func (w *walker) step(k key) {
	if w.brk == nil {
		switch {
		case k.prev != w.expected:
			w.brk = &Break{ID: k.id, Pos: w.pos, Reason: "prev_hash"}
		case !k.hashOK:
			w.brk = &Break{ID: k.id, Pos: w.pos, Reason: "row_hash"}
		}
	}
	w.expected = k.row
	w.last = k
	w.pos++
}

func (w *walker) result() Result {
	res := Result{RowCount: w.pos, Walked: w.pos, FirstBreak: w.brk}
	if w.brk != nil {
		res.Walked = w.brk.Pos + 1
	}
	if w.pos > 0 {
		res.LastHash = w.last.row.text(w.other)
	}
	return res
}

// sortAndWalk verifies keys collected in any order.
func sortAndWalk(keys []key, other map[[32]byte]string) Result {
	slices.SortStableFunc(keys, func(a, b key) int { return compareKeys(&a, &b) })
	w := walker{other: other}
	for _, k := range keys {
		w.step(k)
	}
	return w.result()
}
