package restore

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/pgdrill/pgdrill/internal/pgtest"
	"github.com/pgdrill/pgdrill/pgarchive"
)

// goldenName is the golden snapshot for a fixture: the full-* archives all
// hold the same database, so they share one.
func goldenName(fixture string) string {
	base := fixture[strings.IndexByte(fixture, '/')+1:]
	base = strings.TrimSuffix(base, ".dump")
	if strings.HasPrefix(base, "full-") {
		return "full.snapshot"
	}
	return base + ".snapshot"
}

// TestFixtures restores every fixture with pgdrill and compares the end
// state with its golden snapshot.
func TestFixtures(t *testing.T) {
	for _, f := range fixtures {
		t.Run(f, func(t *testing.T) {
			t.Parallel()
			url := newDB(t)
			sum, err := pgdrill(t, f, url, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if sum.Errors != 0 {
				t.Errorf("summary reports %d errors", sum.Errors)
			}
			got := snapshot(t, url)
			if *update && !strings.HasPrefix(f, "pg17/") && goldenName(f) == "full.snapshot" {
				return // one writer per shared golden
			}
			golden(t, goldenName(f), got)
		})
	}
}

// TestNoSearchPathEntry replays the full fixture as an archive older than
// 1.13 would present it, without a SEARCHPATH entry: every object is then
// created under a per-entry search_path, and the end state is the same.
func TestNoSearchPathEntry(t *testing.T) {
	a, err := pgarchive.Open(fixturePath("pg17/full-gzip.dump"))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	var entries []*pgarchive.Entry
	for _, e := range a.Entries {
		if e.Desc != "SEARCHPATH" {
			entries = append(entries, e)
		}
	}
	url := newDB(t)
	var verbose strings.Builder
	sum, err := run(context.Background(), entries, readerBlocks{a.Reader}, a.Size(), url, Options{Verbose: &verbose})
	if err != nil || sum.Errors != 0 {
		t.Fatalf("%v (%d errors)", err, sum.Errors)
	}
	golden(t, "full.snapshot", snapshot(t, url))
}

// TestStreamOutOfOrder asks a one-pass stream for data blocks in reverse
// file order through a -L list: like pg_restore reading a pipe, the restore
// stops at the first block it has already passed.
func TestStreamOutOfOrder(t *testing.T) {
	a, err := pgarchive.Open(fixturePath("pg17/full-gzip.dump"))
	if err != nil {
		t.Fatal(err)
	}
	var ids []int
	for _, e := range a.Entries {
		if e.Desc != "TABLE DATA" {
			ids = append(ids, e.DumpID)
		}
	}
	var data []int
	for _, e := range a.Entries {
		if e.Desc == "TABLE DATA" {
			data = append([]int{e.DumpID}, data...)
		}
	}
	a.Close()
	url := newDB(t)
	_, err = pgdrillStream(t, "pg17/full-gzip.dump", url, Options{UseList: append(ids, data...)})
	want := "possibly due to out-of-order restore request, which cannot be handled due to non-seekable input file"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v, want an error saying %q", err, want)
	}
	if _, err := pgdrillStream(t, "pg17/full-gzip.dump", newDB(t), Options{Jobs: 2}); err == nil {
		t.Error("parallel restore from a stream was accepted")
	}
}

// TestStopOnError checks -e and -1: the first failing statement ends the
// restore with an error naming the entry, and under -1 nothing before it
// stays.
func TestStopOnError(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		opts Options
	}{
		{"exit-on-error", Options{ExitOnError: true}},
		{"exit-on-error-j2", Options{ExitOnError: true, Jobs: 2}},
		{"single-transaction", Options{SingleTransaction: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			url := newDB(t)
			c := pgtest.Conn(t, url)
			// Conflicts with the archive's public.items, created after
			// the "Mixed Case" schema.
			if _, err := c.Exec(ctx, `CREATE TABLE public.items (x int)`); err != nil {
				t.Fatal(err)
			}
			_, err := pgdrill(t, "pg17/full-gzip.dump", url, tc.opts)
			var ee *EntryError
			if !errors.As(err, &ee) || ee.Entry == nil || ee.Entry.Desc != "TABLE" || ee.Entry.Tag != "items" ||
				!strings.Contains(err.Error(), `entry 228 TABLE public.items: ERROR: relation "items" already exists (SQLSTATE 42P07)`) {
				t.Fatalf("got %v", err)
			}
			var schemas int
			if err := c.QueryRow(ctx, `SELECT count(*) FROM pg_namespace WHERE nspname = 'Mixed Case'`).Scan(&schemas); err != nil {
				t.Fatal(err)
			}
			if want := map[bool]int{true: 0, false: 1}[tc.opts.SingleTransaction]; schemas != want {
				t.Errorf("%d \"Mixed Case\" schemas after the failed restore, want %d", schemas, want)
			}
		})
	}
}
