package restore

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pgdrill/pgdrill/internal/pgtest"
	"github.com/pgdrill/pgdrill/pgarchive"
)

// oneTableArchive writes an archive with TABLE public.t (n integer), TABLE
// public.decoy (n integer) and t's data: copyStmt over the rows given.
func oneTableArchive(t *testing.T, copyStmt, rows string) *pgarchive.Reader {
	t.Helper()
	path := filepath.Join(t.TempDir(), "counts.dump")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := pgarchive.NewWriter(f, pgarchive.Header{Version: pgarchive.V1_14, Compression: pgarchive.CompressionGzip, DBName: "counts"})
	var entries []*pgarchive.Entry
	for i, name := range []string{"t", "decoy"} {
		entries = append(entries, &pgarchive.Entry{DumpID: i + 1, Tag: name, Desc: "TABLE", Section: pgarchive.SectionPreData,
			Namespace: pgarchive.Str("public"), Owner: pgarchive.Str("postgres"), WithOIDs: "false",
			Defn: pgarchive.Str("CREATE TABLE public." + name + " (n integer);\n"), DropStmt: pgarchive.Str("DROP TABLE public." + name + ";\n")})
	}
	data := &pgarchive.Entry{DumpID: 3, HadDumper: true, Tag: "t", Desc: "TABLE DATA", Section: pgarchive.SectionData,
		Namespace: pgarchive.Str("public"), Owner: pgarchive.Str("postgres"), WithOIDs: "false",
		CopyStmt: pgarchive.Str(copyStmt), Dependencies: []int{1}}
	entries = append(entries, data)
	for _, e := range entries {
		if err := w.Add(e); err != nil {
			t.Fatal(err)
		}
	}
	dw, err := w.Data(data)
	if err != nil {
		t.Fatal(err)
	}
	dw.Write([]byte(rows + "\\.\n\n\n"))
	if err := dw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := pgarchive.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestRowsFromServer: the rows a restore reports per table are the
// server's COPY command tag, with the archive's count beside them, and a
// load that differs from the archive is reported (issue 16: an archive
// whose COPY statement loads another table was reported as rows 1, errors
// 0 for a table holding 0 rows).
func TestRowsFromServer(t *testing.T) {
	cases := []struct {
		name      string
		copyStmt  string
		rows      string
		dataOnly  bool
		prepare   []string // run in the target before a data-only restore
		wantRows  int64    // the tag's
		wantArch  int64
		mismatch  string // a substring of the reported mismatch; "" for none
		tableRows int64  // rows public.t holds afterwards
	}{
		{name: "loads", copyStmt: "COPY public.t (n) FROM stdin;\n", rows: "1\n2\n\\N\n",
			wantRows: 3, wantArch: 3, tableRows: 3},
		{name: "null-row", copyStmt: "COPY public.t (n) FROM stdin;\n", rows: "1\n\\N\n",
			wantRows: 2, wantArch: 2, tableRows: 2},
		{name: "decoy-target", copyStmt: "COPY public.decoy (n) FROM stdin;\n", rows: "1\n",
			wantRows: 1, wantArch: 1, mismatch: "loads public.decoy", tableRows: 0},
		{name: "trigger-drops-rows", copyStmt: "COPY public.t (n) FROM stdin;\n", rows: "1\n2\n", dataOnly: true,
			prepare: []string{
				"CREATE TABLE public.t (n integer)",
				"CREATE FUNCTION public.skip() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN IF NEW.n = 2 THEN RETURN NULL; END IF; RETURN NEW; END$$",
				"CREATE TRIGGER skip BEFORE INSERT ON public.t FOR EACH ROW EXECUTE FUNCTION public.skip()",
			},
			wantRows: 1, wantArch: 2, mismatch: "the server loaded 1 rows, the archive holds 2", tableRows: 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			url := pgtest.NewDB(t)
			c := pgtest.Conn(t, url)
			for _, q := range tc.prepare {
				if _, err := c.Exec(context.Background(), q); err != nil {
					t.Fatal(err)
				}
			}
			a := oneTableArchive(t, tc.copyStmt, tc.rows)
			var warn bytes.Buffer
			sum, err := Run(context.Background(), a, url, Options{Jobs: 1, DataOnly: tc.dataOnly, Warnings: &warn})
			if err != nil {
				t.Fatalf("restore: %v\n%s", err, warn.String())
			}
			if len(sum.Tables) != 1 {
				t.Fatalf("tables reported: %+v", sum.Tables)
			}
			tr := sum.Tables[0]
			if tr.Rows != tc.wantRows || tr.ArchiveRows != tc.wantArch {
				t.Errorf("rows %d, archive_rows %d; want %d, %d", tr.Rows, tr.ArchiveRows, tc.wantRows, tc.wantArch)
			}
			switch {
			case tc.mismatch == "" && (tr.Mismatch != "" || sum.Mismatches != 0):
				t.Errorf("mismatch reported for a faithful load: %q", tr.Mismatch)
			case tc.mismatch != "" && (!strings.Contains(tr.Mismatch, tc.mismatch) || sum.Mismatches != 1):
				t.Errorf("mismatch %q (%d in all), want one saying %q", tr.Mismatch, sum.Mismatches, tc.mismatch)
			case tc.mismatch != "" && !strings.Contains(warn.String(), tc.mismatch):
				t.Errorf("no warning names the mismatch: %q", warn.String())
			}
			var n int64
			if err := c.QueryRow(context.Background(), "SELECT count(*) FROM public.t").Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != tc.tableRows {
				t.Errorf("public.t holds %d rows, want %d", n, tc.tableRows)
			}
		})
	}
}

func TestRowCounter(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int64
	}{
		{"", 0},
		{"a\tb\n", 1},
		{"a\n\n\\N\n\\.\n\n\n", 3},
		{"\\\\.\n\\.x\n\\.\nafter\n", 2}, // an escaped backslash and "\.x" are rows
		{"no end mark\nnor newline", 1},
	} {
		// Every split of the text into two reads counts the same.
		for cut := 0; cut <= len(tc.text); cut++ {
			var rc rowCounter
			rc.scan([]byte(tc.text[:cut]))
			rc.scan([]byte(tc.text[cut:]))
			if rc.rows != tc.want {
				t.Errorf("%q split at %d: %d rows, want %d", tc.text, cut, rc.rows, tc.want)
			}
		}
	}
}
