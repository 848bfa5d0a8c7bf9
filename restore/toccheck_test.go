package restore

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pgdrill/pgdrill/internal/archiveedit"
	"github.com/pgdrill/pgdrill/internal/pgtest"
	"github.com/pgdrill/pgdrill/pgarchive"
)

// No archive that pg_dump wrote trips the check: every custom-format
// fixture in the repository (pg_dump 15 and 17, every compression, -t and
// pipe dumps, the chain and inspect fixtures).
func TestCheckTOCAcceptsPgDumpArchives(t *testing.T) {
	var n, entries int
	err := filepath.WalkDir(filepath.Join("..", "testdata"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".dump") || strings.Contains(path, "hostile") {
			return err
		}
		a, err := pgarchive.Open(path)
		if err != nil {
			return nil // damaged on purpose; the reader's tests cover those
		}
		defer a.Close()
		n++
		entries += len(a.Entries)
		if err := CheckTOC(a.Entries); err != nil {
			t.Errorf("%s: %v", path, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 10 {
		t.Fatalf("checked only %d archives; the fixtures are missing", n)
	}
	t.Logf("%d archives, %d entries: no false positives", n, entries)
}

// hostileArchive is the pg_dump 17 fixture with one entry changed by edit.
func hostileArchive(t *testing.T, edit func([]*pgarchive.Entry)) []*pgarchive.Entry {
	t.Helper()
	a, err := pgarchive.Open(fixturePath("pg17/full-none.dump"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	entries := make([]*pgarchive.Entry, len(a.Entries))
	for i, e := range a.Entries {
		c := *e
		entries[i] = &c
	}
	edit(entries)
	return entries
}

func first(entries []*pgarchive.Entry, desc string) *pgarchive.Entry {
	for _, e := range entries {
		if e.Desc == desc {
			return e
		}
	}
	panic("no " + desc + " entry")
}

func TestCheckTOCRejectsHostileEntries(t *testing.T) {
	tests := []struct {
		name string
		edit func([]*pgarchive.Entry)
		want string // in the error
	}{
		{"COPY TO PROGRAM in a COMMENT", func(es []*pgarchive.Entry) {
			first(es, "COMMENT").Defn = pgarchive.Str("COPY (SELECT 1) TO PROGRAM 'id > /tmp/x';\n")
		}, "COMMENT entry holds only COMMENT ON"},
		{"a second statement after a COMMENT", func(es []*pgarchive.Entry) {
			first(es, "COMMENT").Defn = pgarchive.Str("COMMENT ON TABLE public.items IS 'x'; ALTER SYSTEM SET fsync = off;\n")
		}, "COMMENT entry holds only COMMENT ON"},
		{"a semicolon hidden in a quoted comment is still one statement", nil, ""},
		{"ALTER SYSTEM in an ACL", func(es []*pgarchive.Entry) {
			first(es, "ACL").Defn = pgarchive.Str("GRANT SELECT ON TABLE public.items TO reader;\nALTER SYSTEM SET archive_command = 'id';\n")
		}, "ACL entry holds only GRANT"},
		{"TABLE DATA that is not COPY FROM stdin", func(es []*pgarchive.Entry) {
			first(es, "TABLE DATA").CopyStmt = pgarchive.Str("COPY (SELECT 1) TO PROGRAM 'id';\n")
		}, "not a COPY ... FROM stdin"},
		{"TABLE DATA loading a table the archive does not hold", func(es []*pgarchive.Entry) {
			first(es, "TABLE DATA").CopyStmt = pgarchive.Str("COPY pg_catalog.pg_authid (rolname) FROM stdin;\n")
		}, "neither this entry's table"},
		{"a definition on TABLE DATA", func(es []*pgarchive.Entry) {
			first(es, "TABLE DATA").Defn = pgarchive.Str("DO $$BEGIN PERFORM 1; END$$;\n")
		}, "TABLE DATA definitions hold no SQL"},
		{"a function call in SEQUENCE SET", func(es []*pgarchive.Entry) {
			first(es, "SEQUENCE SET").Defn = pgarchive.Str("SELECT pg_catalog.setval('public.used_seq', (SELECT pg_sleep(1))::int, true);\n")
		}, "not the single statement pg_dump writes for SEQUENCE SET"},
		{"a DO block as a TABLE", func(es []*pgarchive.Entry) {
			first(es, "TABLE").Defn = pgarchive.Str("DO $$BEGIN EXECUTE 'COPY (SELECT 1) TO PROGRAM ''id'''; END$$;\n")
		}, "TABLE entry holds only CREATE TABLE"},
		{"an untrusted-language function hidden in a TYPE", func(es []*pgarchive.Entry) {
			first(es, "TYPE").Defn = pgarchive.Str("CREATE FUNCTION f() RETURNS int LANGUAGE plpython3u AS $$import os$$;\n")
		}, "TYPE entry holds only CREATE TYPE"},
		{"an unknown entry kind", func(es []*pgarchive.Entry) {
			first(es, "COMMENT").Desc = "SHELL COMMAND"
		}, `kind "SHELL COMMAND"`},
		{"SQL in a large-object OID list", func(es []*pgarchive.Entry) {
			e := first(es, "COMMENT")
			e.Desc, e.Defn = "BLOB METADATA", pgarchive.Str("16400'); COPY (SELECT 1) TO PROGRAM 'id'; --\n")
		}, "BLOB METADATA"},
		{"a drop statement that is not a drop", func(es []*pgarchive.Entry) {
			first(es, "TABLE").DropStmt = pgarchive.Str("SELECT pg_catalog.pg_terminate_backend(1);\n")
		}, "drop statements hold only DROP"},
		{"an unterminated dollar quote swallowing what follows", func(es []*pgarchive.Entry) {
			first(es, "FUNCTION").Defn = pgarchive.Str("CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS $x$ SELECT 1;\n")
		}, "unterminated"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.edit == nil {
				es := hostileArchive(t, func(es []*pgarchive.Entry) {
					first(es, "COMMENT").Defn = pgarchive.Str("COMMENT ON TABLE public.items IS 'a; ALTER SYSTEM SET x = 1; -- b';\n")
				})
				if err := CheckTOC(es); err != nil {
					t.Fatalf("a COMMENT whose text holds a semicolon was rejected: %v", err)
				}
				return
			}
			err := CheckTOC(hostileArchive(t, tt.edit))
			var te *TOCError
			if !errors.As(err, &te) {
				t.Fatalf("CheckTOC = %v, want a *TOCError", err)
			}
			// Only the edited entry is reported (once or more).
			for _, p := range te.Problems {
				if p.Entry.DumpID != te.Problems[0].Entry.DumpID {
					t.Errorf("entries %d and %d reported, want only the edited one: %v", te.Problems[0].Entry.DumpID, p.Entry.DumpID, err)
				}
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not say %q", err, tt.want)
			}
		})
	}
}

// With StrictTOC a hostile archive is refused before anything reaches the
// server: the database stays empty and the program never runs.
func TestStrictTOCRefusesBeforeExecuting(t *testing.T) {
	marker := filepath.Join(t.TempDir(), "ran")
	path := filepath.Join(t.TempDir(), "hostile.dump")
	if err := archiveedit.CopyFile(path, fixturePath("pg17/full-none.dump"), archiveedit.Edits{Entry: func(e *pgarchive.Entry) {
		if e.Desc == "COMMENT" && e.Tag == "TABLE events" {
			e.Defn = pgarchive.Str("COPY (SELECT 1) TO PROGRAM 'touch " + marker + "';\n")
		}
	}}); err != nil {
		t.Fatal(err)
	}
	hostile, err := pgarchive.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer hostile.Close()

	url := newDB(t)
	_, err = Run(context.Background(), hostile.Reader, url, Options{StrictTOC: true, NoOwner: true})
	var te *TOCError
	if !errors.As(err, &te) {
		t.Fatalf("Run = %v, want a *TOCError", err)
	}
	var tables int
	if err := pgtest.Conn(t, url).QueryRow(context.Background(),
		"SELECT count(*) FROM pg_class WHERE relname = 'events'").Scan(&tables); err != nil {
		t.Fatal(err)
	}
	if tables != 0 {
		t.Errorf("%d relations were created before the archive was refused", tables)
	}
	if _, err := os.Stat(marker); err == nil {
		t.Error("the COMMENT's program ran")
	}
}
