package remotetest

import (
	"bytes"
	"encoding/binary"
	"fmt"

	"github.com/pgdrill/pgdrill/pgarchive"
)

// PipeForm returns the archive pg_dump would have written to a pipe: the
// same bytes, but each data entry's TOC offset "not set" (flag 1, offset 0)
// instead of set (flag 2 and the block's offset), since pg_dump cannot go
// back and rewrite the TOC of a pipe. This lets tests have the piped form
// of every fixture; for pg17/full-zstd.dump it gives pg17/full-zstd-pipe.dump
// byte for byte.
func PipeForm(data []byte) ([]byte, error) {
	r, err := pgarchive.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	if r.Header.OffSize != 8 {
		return nil, fmt.Errorf("offsets of %d bytes", r.Header.OffSize)
	}
	out := bytes.Clone(data)
	toc := out[:r.DataStart()]
	from := 0
	for _, e := range r.Entries {
		if e.DataState != pgarchive.DataPosSet {
			continue
		}
		var set [9]byte
		set[0] = 2
		binary.LittleEndian.PutUint64(set[1:], uint64(e.Offset))
		// Entries come in TOC order, so each offset is after the last.
		i := bytes.Index(toc[from:], set[:])
		if i < 0 {
			return nil, fmt.Errorf("entry %d: offset %d not found in the TOC", e.DumpID, e.Offset)
		}
		i += from
		toc[i] = 1
		clear(toc[i+1 : i+9])
		from = i + 9
	}
	return out, nil
}
