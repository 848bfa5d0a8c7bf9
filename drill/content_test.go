package drill

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pgdrill/pgdrill/dump"
	"github.com/pgdrill/pgdrill/internal/archiveedit"
	"github.com/pgdrill/pgdrill/internal/content"
	"github.com/pgdrill/pgdrill/internal/pgtest"
	"github.com/pgdrill/pgdrill/pgarchive"
)

// TestContentSynthetic: the synthetic drill proves every table it restored,
// the chain's included, with the content check.
func TestContentSynthetic(t *testing.T) {
	rep, err := Run(context.Background(), Config{DB: pgtest.NewDB(t), Rows: 50, Edge: true, Seed: 3, Compression: pgarchive.CompressionZstd})
	if err != nil || !rep.OK {
		t.Fatalf("%v %s", err, rep.Line())
	}
	c := rep.Content
	if c == nil || !c.OK() {
		t.Fatalf("content report %+v", c)
	}
	var events *content.Table
	for i := range c.Tables {
		if c.Tables[i].Name == "audit_events" {
			events = &c.Tables[i]
		}
	}
	if events == nil || events.Status != content.Match || events.RestoredRows != 50 || len(events.SHA256) != 64 {
		t.Fatalf("audit_events %+v", events)
	}
	if !hasCheck(rep, "content of public.audit_events", "rows=50 sha256="+events.SHA256) {
		t.Errorf("no passed content check for audit_events: %+v", rep.Checks)
	}
}

// TestContentFixtureArchive: drill --archive on pg_dump 17's fixture, in
// the drill's own throwaway server, passes with every table, sequence and
// large object proven.
func TestContentFixtureArchive(t *testing.T) {
	rep, err := Run(context.Background(), Config{Archive: filepath.Join("..", "testdata", "pg17", "full-zstd.dump")})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK {
		t.Fatalf("%s\n%+v", rep.Line(), rep.Checks)
	}
	c := rep.Content
	if len(c.Tables) != 17 || len(c.Sequences) == 0 || c.LargeObjects.Count != 3 {
		t.Fatalf("content: %d tables, %d sequences, %d large objects", len(c.Tables), len(c.Sequences), c.LargeObjects.Count)
	}
	if rep.Rows != c.Rows() || !strings.Contains(rep.Line(), "tables=17") {
		t.Errorf("rows %d, content rows %d, line %q", rep.Rows, c.Rows(), rep.Line())
	}
	if !hasCheck(rep, "large objects", "3 objects, 0 differ") {
		t.Errorf("no large objects check: %+v", rep.Checks)
	}
}

// TestContentLossyRestore: an archive whose table definition cannot hold
// its data exactly (numeric(5,1) for 1.25) restores without an error but
// with other values; the drill fails, blames the restore and names the row
// and column.
func TestContentLossyRestore(t *testing.T) {
	ctx := context.Background()
	src := pgtest.NewDB(t)
	if _, err := pgtest.Conn(t, src).Exec(ctx, `CREATE TABLE t (id integer, v numeric);
		INSERT INTO t VALUES (1, 1.5), (2, 1.25), (3, 2)`); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	orig := filepath.Join(dir, "orig.dump")
	f, err := os.Create(orig)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := dump.Run(ctx, src, f, dump.Options{Compression: pgarchive.CompressionGzip}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	lossy := filepath.Join(dir, "lossy.dump")
	rewrite(t, orig, lossy, func(e *pgarchive.Entry) {
		if e.Desc == "TABLE" && e.Tag == "t" {
			e.Defn.String = strings.Replace(e.Defn.String, "v numeric", "v numeric(5,1)", 1)
		}
	})
	rep, err := Run(ctx, Config{Archive: lossy, DB: pgtest.NewDB(t)})
	if err != nil {
		t.Fatal(err)
	}
	const want = "FAIL restore: content of public.t row 2 column v (rows: archive 3, restored 3) pre=1.25 post=1.3"
	if rep.OK || rep.Culprit != CulpritRestore || rep.Line() != want {
		t.Fatalf("line %q, want %q", rep.Line(), want)
	}
}

func hasCheck(rep *Report, what, post string) bool {
	for _, c := range rep.Checks {
		if c.What == what && c.Post == post && c.OK {
			return true
		}
	}
	return false
}

// rewrite copies archive src to dst, letting edit change each entry.
func rewrite(t *testing.T, src, dst string, edit func(*pgarchive.Entry)) {
	t.Helper()
	a, err := pgarchive.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	f, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := archiveedit.Copy(f, a.Reader, archiveedit.Edits{Entry: edit}); err != nil {
		t.Fatal(err)
	}
}
