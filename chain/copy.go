package chain

import (
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"

	"github.com/pgdrill/pgdrill/pgarchive/copytext"
	"github.com/pgdrill/pgdrill/pgtime"
)

// VerifyCopy verifies audit_events rows given as COPY text (the payload of
// an archive's TABLE DATA entry), with columns as named in its COPY
// statement (quoted or not; other columns are ignored). Timestamps may be in
// any session time zone under DateStyle ISO, as pg_dump writes them.
//
// Archive rows are in physical order, so VerifyCopy keeps a compact key per
// row (timestamp, id, both stored hashes as 32 bytes each, and whether the
// row hashed correctly: about 100 bytes plus the id) and sorts those: memory
// grows with the row count, about 140 MB for a million rows with UUID ids,
// never with the row width. Each row is hashed while streaming, since its
// hash depends only on the row itself.
//
// The result has no Head; set it with ReadHeadCopy.
func VerifyCopy(r io.Reader, columns []string) (Result, error) {
	var keys []key
	other := map[[32]byte]string{}
	err := decodeEvents(r, columns, func(row *Row) error {
		keys = append(keys, newKey(row, other))
		return nil
	})
	if err != nil {
		return Result{}, err
	}
	return sortAndWalk(keys, other), nil
}

// ReadHeadCopy reads audit_chain_head's COPY text: exactly one row, id 1.
func ReadHeadCopy(r io.Reader, columns []string) (Head, error) {
	idx, err := columnIndex(HeadTable, columns, "id", "row_hash", "updated_at")
	if err != nil {
		return Head{}, err
	}
	cr := copytext.NewReader(r)
	var head Head
	n := 0
	for {
		fields, err := cr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return Head{}, fmt.Errorf("chain: %s: %w", HeadTable, err)
		}
		if len(fields) != len(columns) {
			return Head{}, fmt.Errorf("chain: %s line %d: %d fields, want %d", HeadTable, cr.Line(), len(fields), len(columns))
		}
		if n++; n > 1 {
			return Head{}, fmt.Errorf("chain: %s line %d: more than one row", HeadTable, cr.Line())
		}
		if id := fields[idx[0]]; string(id) != "1" {
			return Head{}, fmt.Errorf("chain: %s line %d: id %q, want 1", HeadTable, cr.Line(), id)
		}
		head.RowHash = nullable(fields[idx[1]])
		if u := fields[idx[2]]; u != nil {
			us, err := pgtime.ParseTimestamptz(string(u))
			if err != nil {
				return Head{}, fmt.Errorf("chain: %s line %d: updated_at: %w", HeadTable, cr.Line(), err)
			}
			head.UpdatedAt = &us
		}
	}
	if n == 0 {
		return Head{}, fmt.Errorf("chain: %s: no row", HeadTable)
	}
	return head, nil
}

// DecodeCopy yields the audit_events rows of COPY text in stream order,
// with columns named as in the COPY statement. It stops after the first
// error, which it yields.
func DecodeCopy(r io.Reader, columns []string) iter.Seq2[Row, error] {
	return func(yield func(Row, error) bool) {
		stopped := errors.New("stopped")
		err := decodeEvents(r, columns, func(row *Row) error {
			if !yield(*row, nil) {
				return stopped
			}
			return nil
		})
		if err != nil && err != stopped {
			yield(Row{}, err)
		}
	}
}

// decodeEvents calls fn for each audit_events row of COPY text. The Row's
// strings are copies; fn may keep them.
func decodeEvents(r io.Reader, columns []string, fn func(*Row) error) error {
	idx, err := columnIndex(EventsTable, columns, EventColumns...)
	if err != nil {
		return err
	}
	cr := copytext.NewReader(r)
	var row Row
	for {
		fields, err := cr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("chain: %s: %w", EventsTable, err)
		}
		if len(fields) != len(columns) {
			return fmt.Errorf("chain: %s line %d: %d fields, want %d", EventsTable, cr.Line(), len(fields), len(columns))
		}
		if err := rowFromFields(&row, fields, idx); err != nil {
			return fmt.Errorf("chain: %s line %d: %w", EventsTable, cr.Line(), err)
		}
		if err := fn(&row); err != nil {
			return err
		}
	}
}

// rowFromFields fills row from fields ordered as EventColumns by idx. A
// NULL in a NOT NULL column is an error: such data cannot be restored.
func rowFromFields(row *Row, fields [][]byte, idx []int) error {
	notNull := [...]*string{&row.ID, &row.Actor, &row.ActorType, &row.Action, &row.ResourceType, &row.ResourceID}
	for i, dst := range notNull {
		f := fields[idx[i]]
		if f == nil {
			return fmt.Errorf("column %s is NULL, which NOT NULL forbids", EventColumns[i])
		}
		*dst = string(f)
	}
	row.Details = nullable(fields[idx[6]])
	ts := fields[idx[7]]
	if ts == nil {
		return fmt.Errorf("column timestamp is NULL, which NOT NULL forbids")
	}
	us, err := pgtime.ParseTimestamptz(string(ts))
	if err != nil {
		return err
	}
	row.Timestamp = us
	row.EventCategory = nullable(fields[idx[8]])
	row.PrevHash = nullable(fields[idx[9]])
	rh := fields[idx[10]]
	if rh == nil {
		return fmt.Errorf("column row_hash is NULL, which NOT NULL forbids")
	}
	row.RowHash = string(rh)
	return nil
}

func nullable(f []byte) *string {
	if f == nil {
		return nil
	}
	s := string(f)
	return &s
}

// columnIndex maps each wanted column to its index in columns.
func columnIndex(table string, columns []string, want ...string) ([]int, error) {
	idx := make([]int, len(want))
	for i, w := range want {
		idx[i] = -1
		for j, c := range columns {
			if unquoteIdent(c) == w {
				idx[i] = j
				break
			}
		}
		if idx[i] < 0 {
			return nil, fmt.Errorf("chain: %s: COPY columns %v lack %s", table, columns, w)
		}
	}
	return idx, nil
}

// unquoteIdent undoes SQL identifier quoting ("timestamp" -> timestamp).
func unquoteIdent(s string) string {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		return strings.ReplaceAll(s[1:len(s)-1], `""`, `"`)
	}
	return s
}
