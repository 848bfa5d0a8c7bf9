package chain

import (
	"errors"
	"fmt"
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
// audit_chain_head block through ReadHeadCopy. When several schemas hold the
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

func verifyEntry(a *pgarchive.Reader, e *pgarchive.Entry) (Result, error) {
	_, cols, err := copytext.ParseCopyStmt(e.CopyStmt.String)
	if err != nil {
		return Result{}, fmt.Errorf("chain: %s: %w", e, err)
	}
	b, err := a.Open(e)
	if err != nil {
		return Result{}, err
	}
	defer b.Close()
	res, err := VerifyCopy(b, cols)
	if err != nil {
		return res, fmt.Errorf("chain: %s: %w", e, err)
	}
	return res, nil
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
