package content

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/pgdrill/pgdrill/pgarchive"
)

// setval is the call a SEQUENCE SET entry makes:
// SELECT pg_catalog.setval('public.s', 110, true);
var setval = regexp.MustCompile(`setval\('(?:[^']|'')*', (-?[0-9]+), (true|false)\)`)

// sequence compares a SEQUENCE SET entry with the restored sequence.
func sequence(ctx context.Context, conn *pgconn.PgConn, e *pgarchive.Entry) (Sequence, error) {
	s := Sequence{Schema: e.Namespace.String, Name: e.Tag}
	m := setval.FindStringSubmatch(e.Defn.String)
	if m == nil {
		s.Status, s.Error = ArchiveError, fmt.Sprintf("%s: no setval call in %q", e, e.Defn.String)
		return s, nil
	}
	s.ArchiveValue, s.ArchiveIsCalled = m[1], m[2] == "true"
	res := conn.ExecParams(ctx, "SELECT last_value::text, is_called FROM "+ident(s.Schema, s.Name), nil, nil, nil, nil).Read()
	if res.Err != nil {
		var pgErr *pgconn.PgError
		if !errors.As(res.Err, &pgErr) {
			return s, fmt.Errorf("content: sequence %s: %w", ident(s.Schema, s.Name), res.Err)
		}
		s.Status, s.Error = Missing, pgErr.Error()
		return s, nil
	}
	s.RestoredValue, s.RestoredIsCalled = string(res.Rows[0][0]), string(res.Rows[0][1]) == "t"
	s.Status = Match
	if s.RestoredValue != s.ArchiveValue || s.RestoredIsCalled != s.ArchiveIsCalled {
		s.Status = Differs
	}
	return s, nil
}

// loChunk is how much of a large object is compared per round trip.
const loChunk = 1 << 20

// largeObjects compares every large object of the archive's BLOBS blocks
// with the restored one, a chunk at a time.
func (c *comparer) largeObjects(ctx context.Context, a *pgarchive.Reader, lo *LargeObjects) error {
	all := sha256.New()
	abuf := make([]byte, loChunk)
	for _, e := range a.Entries {
		if e.Desc != "BLOBS" || e.DataState == pgarchive.DataNone {
			continue
		}
		b, err := a.Open(e)
		if err != nil {
			lo.Error = err.Error()
			continue
		}
		for {
			oid, err := b.NextBlob()
			if err == io.EOF {
				break
			}
			if err != nil {
				lo.Error = err.Error()
				break
			}
			lo.Count++
			d, n, err := c.largeObject(ctx, oid, b, abuf, all)
			lo.Bytes += n
			if err != nil {
				var ae *archiveErr
				if errors.As(err, &ae) {
					lo.Error = ae.err.Error()
					break
				}
				b.Close()
				return err
			}
			if d != nil {
				lo.Differ++
				if len(lo.Diffs) < c.opts.MaxLargeObjectDiffs {
					lo.Diffs = append(lo.Diffs, *d)
				}
			}
		}
		b.Close()
	}
	if lo.Count > 0 {
		lo.SHA256 = hex.EncodeToString(all.Sum(nil))
	}
	res := c.conn.ExecParams(ctx, "SELECT count(*) FROM pg_catalog.pg_largeobject_metadata", nil, nil, nil, nil).Read()
	if res.Err != nil {
		return fmt.Errorf("content: count large objects: %w", res.Err)
	}
	n, _ := strconv.ParseInt(string(res.Rows[0][0]), 10, 64)
	lo.Restored = n
	return nil
}

// archiveErr marks an error reading the archive, as opposed to the server.
type archiveErr struct{ err error }

func (e *archiveErr) Error() string { return e.err.Error() }

// largeObject compares the large object oid, whose archive bytes r yields,
// with the restored one. It returns the difference (nil if none) and the
// archive's size.
func (c *comparer) largeObject(ctx context.Context, oid uint32, r io.Reader, abuf []byte, all io.Writer) (*LargeObjectDiff, int64, error) {
	// The object's header in the digest: its OID now, its length after.
	var hdr [12]byte
	binary.BigEndian.PutUint32(hdr[:4], oid)
	one := sha256.New()
	var off int64
	var diff *LargeObjectDiff
	oidText := []byte(strconv.FormatUint(uint64(oid), 10))
	for {
		n, rerr := io.ReadFull(r, abuf)
		if rerr != nil && rerr != io.EOF && rerr != io.ErrUnexpectedEOF {
			return nil, off, &archiveErr{rerr}
		}
		chunk := abuf[:n]
		one.Write(chunk)
		// Ask for one byte more on the last chunk, to see a longer object.
		want := n
		if rerr != nil {
			want = n + 1
		}
		var got []byte
		if diff == nil && want > 0 {
			res := c.conn.ExecParams(ctx, "SELECT pg_catalog.lo_get($1, $2, $3)",
				[][]byte{oidText, []byte(strconv.FormatInt(off, 10)), []byte(strconv.Itoa(want))},
				nil, nil, []int16{1}).Read()
			if res.Err != nil {
				var pgErr *pgconn.PgError
				if !errors.As(res.Err, &pgErr) {
					return nil, off, fmt.Errorf("content: large object %d: %w", oid, res.Err)
				}
				diff = &LargeObjectDiff{OID: oid, Missing: true}
			} else {
				got = res.Rows[0][0]
			}
		}
		if diff == nil && !bytes.Equal(got, chunk) {
			i := 0
			for i < len(got) && i < len(chunk) && got[i] == chunk[i] {
				i++
			}
			diff = &LargeObjectDiff{OID: oid, Offset: off + int64(i),
				Archive: hex.EncodeToString(chunk[i:min(len(chunk), i+16)]), Restored: hex.EncodeToString(got[i:min(len(got), i+16)])}
		}
		off += int64(n)
		if rerr != nil {
			break
		}
	}
	binary.BigEndian.PutUint64(hdr[4:], uint64(off))
	all.Write(hdr[:])
	all.Write(one.Sum(nil))
	if diff != nil && !diff.Missing {
		diff.ArchiveBytes = off
		res := c.conn.ExecParams(ctx, "SELECT pg_catalog.octet_length(pg_catalog.lo_get($1))", [][]byte{oidText}, nil, nil, nil).Read()
		if res.Err == nil {
			diff.RestoredBytes, _ = strconv.ParseInt(string(res.Rows[0][0]), 10, 64)
		}
	}
	return diff, off, nil
}
