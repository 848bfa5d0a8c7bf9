// Package archiveedit copies a custom archive with some of it changed: the
// entries' TOC fields or a table's data. Tests use it to make archives no
// pg_dump would write, such as a backup whose restore cannot reproduce its
// data, or one in another encoding.
package archiveedit

import (
	"fmt"
	"io"
	"os"

	"github.com/pgdrill/pgdrill/pgarchive"
)

// Edits says what to change; nil fields change nothing.
type Edits struct {
	// Entry may change a copy of each entry before it is written.
	Entry func(e *pgarchive.Entry)
	// Data returns the TABLE DATA payload to write for entry e in place of
	// block, which holds the original.
	Data func(e *pgarchive.Entry, block io.Reader) io.Reader
}

// Copy writes archive a, with edits, to w (a file, for the TOC to get the
// data offsets), in a's header's format and compression.
func Copy(w io.Writer, a *pgarchive.Reader, edits Edits) error {
	aw := pgarchive.NewWriter(w, a.Header)
	copies := make([]*pgarchive.Entry, len(a.Entries))
	for i, e := range a.Entries {
		c := *e
		if edits.Entry != nil {
			edits.Entry(&c)
		}
		copies[i] = &c
		if err := aw.Add(&c); err != nil {
			return err
		}
	}
	for i, e := range a.Entries {
		if !e.HadDumper {
			continue
		}
		if err := copyBlock(aw, a, e, copies[i], edits); err != nil {
			return fmt.Errorf("archiveedit: %s: %w", e, err)
		}
	}
	return aw.Close()
}

func copyBlock(aw *pgarchive.Writer, a *pgarchive.Reader, e, c *pgarchive.Entry, edits Edits) error {
	b, err := a.Open(e)
	if err != nil {
		return err
	}
	defer b.Close()
	if b.IsBlobs() {
		bw, err := aw.Blobs(c)
		if err != nil {
			return err
		}
		for {
			oid, err := b.NextBlob()
			if err == io.EOF {
				return bw.Close()
			}
			if err != nil {
				return err
			}
			lo, err := bw.Create(oid)
			if err != nil {
				return err
			}
			if _, err := io.Copy(lo, b); err != nil {
				return err
			}
		}
	}
	var src io.Reader = b
	if edits.Data != nil {
		src = edits.Data(c, b)
	}
	d, err := aw.Data(c)
	if err != nil {
		return err
	}
	if _, err := io.Copy(d, src); err != nil {
		return err
	}
	return d.Close()
}

// CopyFile copies the archive at src to a new file dst with edits.
func CopyFile(dst, src string, edits Edits) error {
	a, err := pgarchive.Open(src)
	if err != nil {
		return err
	}
	defer a.Close()
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	if err := Copy(f, a.Reader, edits); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
