package chain

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/pgdrill/pgdrill/pgarchive"
	"github.com/pgdrill/pgdrill/pgarchive/copytext"
)

// ErrNoChain means the archive holds no audit_events table data.
var ErrNoChain = errors.New("chain: archive holds no " + EventsTable + " table data")

// ArchiveResult is the offline verifier's answer for an archive.
type ArchiveResult struct {
	Result
	Events *pgarchive.Entry // the audit_events TABLE DATA entry read
	Head   *pgarchive.Entry // the audit_chain_head TABLE DATA entry, nil if absent
}

// VerifyArchive verifies the chain held in an archive without a database: it
// reads the audit_events TABLE DATA block through VerifyCopy and the
// audit_chain_head block through ReadHeadCopy. Memory stays flat while the
// block's rows are in chain order (see verifyEntry). When several schemas hold the
// tables, schema picks one ("" prefers public and fails if that is ambiguous).
func VerifyArchive(a *pgarchive.Reader, schema string) (ArchiveResult, error) {
	var res ArchiveResult
	ev, err := findTableData(a, schema, EventsTable)
	if err != nil {
		return res, err
	}
	if ev == nil {
		return res, ErrNoChain
	}
	res.Events = ev
	if res.Result, err = verifyEntry(a, ev); err != nil {
		return res, err
	}
	hd, err := findTableData(a, ev.Namespace.String, HeadTable)
	if err != nil || hd == nil {
		return res, err
	}
	res.Head = hd
	head, err := readHeadEntry(a, hd)
	if err != nil {
		return res, err
	}
	res.Result.Head = &head
	return res, nil
}

// verifyEntry verifies the chain in e's block. pg_dump writes rows in
// physical order, which for this append-only table, whose insert trigger
// refuses rows out of chain order, is chain order: the block is first walked
// as it streams, in constant memory. Only if a row comes out of order is the
// block read again through VerifyCopy, which sorts compact keys.
func verifyEntry(a *pgarchive.Reader, e *pgarchive.Entry) (Result, error) {
	_, cols, err := copytext.ParseCopyStmt(e.CopyStmt.String)
	if err != nil {
		return Result{}, fmt.Errorf("chain: %s: %w", e, err)
	}
	verify := walkInOrder
	for {
		b, err := a.Open(e)
		if err != nil {
			return Result{}, err
		}
		res, err := verify(b, cols)
		b.Close()
		if errors.Is(err, errNotInOrder) {
			verify = VerifyCopy
			continue
		}
		if err != nil {
			return res, fmt.Errorf("chain: %s: %w", e, err)
		}
		return res, nil
	}
}

// errNotInOrder stops walkInOrder at the first row out of chain order.
var errNotInOrder = errors.New("rows are not in chain order")

// walkInOrder verifies rows that arrive in chain order without keeping them.
func walkInOrder(r io.Reader, columns []string) (Result, error) {
	w := walker{other: map[[32]byte]string{}}
	err := decodeEvents(r, columns, func(row *Row) error {
		k := newKey(row, w.other)
		if w.pos > 0 && compareKeys(&w.last, &k) >= 0 {
			return errNotInOrder
		}
		w.step(k)
		return nil
	})
	return w.result(), err
}

func readHeadEntry(a *pgarchive.Reader, e *pgarchive.Entry) (Head, error) {
	_, cols, err := copytext.ParseCopyStmt(e.CopyStmt.String)
	if err != nil {
		return Head{}, fmt.Errorf("chain: %s: %w", e, err)
	}
	b, err := a.Open(e)
	if err != nil {
		return Head{}, err
	}
	defer b.Close()
	h, err := ReadHeadCopy(b, cols)
	if err != nil {
		return h, fmt.Errorf("chain: %s: %w", e, err)
	}
	return h, nil
}

// findTableData returns the COPY-mode TABLE DATA entry of table, in schema
// if given; nil if there is none.
func findTableData(a *pgarchive.Reader, schema, table string) (*pgarchive.Entry, error) {
	var found []*pgarchive.Entry
	for _, e := range a.Entries {
		if e.Desc != "TABLE DATA" || e.Tag != table || !e.CopyStmt.Valid {
			continue
		}
		if schema != "" && e.Namespace.String != schema {
			continue
		}
		found = append(found, e)
	}
	switch len(found) {
	case 0:
		return nil, nil
	case 1:
		return found[0], nil
	}
	names := make([]string, 0, len(found))
	for _, e := range found {
		if e.Namespace.String == "public" {
			return e, nil
		}
		names = append(names, e.Name())
	}
	return nil, fmt.Errorf("chain: %s is in several schemas (%s): name one", table, strings.Join(names, ", "))
}
