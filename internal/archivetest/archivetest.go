// Package archivetest makes edited copies of custom-format archives for
// tests: a tampered row, a hostile definition, a changed header. The copy
// is written by pgarchive's Writer, so it is a well-formed archive whose
// only differences are the edits.
package archivetest

import (
	"io"
	"os"
	"testing"

	"github.com/pgdrill/pgdrill/pgarchive"
)

// Edit says what to change while copying. Nil fields change nothing.
type Edit struct {
	// Header may change the copy's header.
	Header func(h *pgarchive.Header)
	// Entry may change an entry (a copy; the source is untouched). It
	// runs before the TOC is written.
	Entry func(e *pgarchive.Entry)
	// Data may change a TABLE DATA block's COPY text.
	Data func(e *pgarchive.Entry, data []byte) []byte
}

// Rewrite copies the archive src to dst with edit applied, failing tb on
// any error. Table data and large objects are copied whole.
func Rewrite(tb testing.TB, src, dst string, edit Edit) {
	tb.Helper()
	a, err := pgarchive.Open(src)
	if err != nil {
		tb.Fatal(err)
	}
	defer a.Close()
	f, err := os.Create(dst)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	h := a.Header
	if edit.Header != nil {
		edit.Header(&h)
	}
	w := pgarchive.NewWriter(f, h)
	copies := make([]*pgarchive.Entry, len(a.Entries))
	for i, e := range a.Entries {
		c := *e
		c.Dependencies = append([]int(nil), e.Dependencies...)
		if edit.Entry != nil {
			edit.Entry(&c)
		}
		copies[i] = &c
		if err := w.Add(&c); err != nil {
			tb.Fatal(err)
		}
	}
	for i, e := range a.Entries {
		if !e.HadDumper || !copies[i].HadDumper {
			continue
		}
		b, err := a.Open(e)
		if err != nil {
			tb.Fatal(err)
		}
		if b.IsBlobs() {
			err = copyBlobs(w, copies[i], b)
		} else {
			err = copyData(w, copies[i], b, edit.Data)
		}
		b.Close()
		if err != nil {
			tb.Fatalf("archivetest: %s: %v", e.Name(), err)
		}
	}
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
}

func copyData(w *pgarchive.Writer, e *pgarchive.Entry, b *pgarchive.Block, edit func(*pgarchive.Entry, []byte) []byte) error {
	dw, err := w.Data(e)
	if err != nil {
		return err
	}
	if edit == nil {
		if _, err := io.Copy(dw, b); err != nil {
			return err
		}
		return dw.Close()
	}
	data, err := io.ReadAll(b)
	if err != nil {
		return err
	}
	if _, err := dw.Write(edit(e, data)); err != nil {
		return err
	}
	return dw.Close()
}

func copyBlobs(w *pgarchive.Writer, e *pgarchive.Entry, b *pgarchive.Block) error {
	bw, err := w.Blobs(e)
	if err != nil {
		return err
	}
	for {
		oid, err := b.NextBlob()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		ow, err := bw.Create(oid)
		if err != nil {
			return err
		}
		if _, err := io.Copy(ow, b); err != nil {
			return err
		}
	}
	return bw.Close()
}
