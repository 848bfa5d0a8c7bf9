package dump

import (
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pgdrill/pgdrill/internal/pgtest"
	"github.com/pgdrill/pgdrill/pgarchive"
)

// selectionFixture has same-named relations in several schemas, names that
// need quoting, an owned sequence, an identity column, a materialized view
// and partitions in two schemas: what -t/-T/-n/-N/--exclude-table-data
// patterns must tell apart as pg_dump does.
const selectionFixture = `
CREATE SCHEMA other;
CREATE SCHEMA "Mixed";
CREATE TABLE public.t1 (a int PRIMARY KEY);
CREATE TABLE other.t1 (a int, b text);
CREATE TABLE other.t2 (b text);
CREATE TABLE public.t10 (id serial PRIMARY KEY, note text);
CREATE TABLE "Mixed"."T1" (x int);
CREATE TABLE "Mixed".t1 (y int);
CREATE TABLE other.ident (id int GENERATED ALWAYS AS IDENTITY, v int);
CREATE SEQUENCE other.loose;
CREATE VIEW public.v1 AS SELECT a FROM public.t1;
CREATE MATERIALIZED VIEW public.mv AS SELECT a FROM public.t1;
CREATE TABLE public.parent (k int, v text) PARTITION BY RANGE (k);
CREATE TABLE public.parent_1 PARTITION OF public.parent FOR VALUES FROM (0) TO (10);
CREATE TABLE other.parent_2 PARTITION OF public.parent FOR VALUES FROM (10) TO (20);
INSERT INTO public.t1 SELECT generate_series(1, 5);
INSERT INTO other.t1 VALUES (1, 'other');
INSERT INTO other.t2 VALUES ('two');
INSERT INTO public.t10 (note) VALUES ('a'), ('b');
INSERT INTO "Mixed"."T1" VALUES (1);
INSERT INTO "Mixed".t1 VALUES (2);
INSERT INTO other.ident (v) VALUES (7);
INSERT INTO public.parent VALUES (1, 'one'), (15, 'fifteen');
SELECT nextval('other.loose');
REFRESH MATERIALIZED VIEW public.mv;
`

// newSelectionDB loads selectionFixture; searchPath, if set, becomes the
// database's default search_path, which unqualified -t patterns follow.
func newSelectionDB(t *testing.T, searchPath string) string {
	t.Helper()
	url := pgtest.NewDB(t)
	conn := pgtest.Conn(t, url)
	sql := selectionFixture
	if searchPath != "" {
		sql += "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET search_path = " + searchPath + "', current_database()); END $$;"
	}
	if _, err := conn.Exec(context.Background(), sql); err != nil {
		t.Fatal(err)
	}
	return url
}

// TestSelectionParity dumps the selection fixture with each selection
// option through Run and through pg_dump 15 and 17 and requires the same
// TOC and the same entries.
func TestSelectionParity(t *testing.T) {
	t.Parallel()
	type selCase struct {
		name  string
		opts  Options
		flags []string
		pg17  bool // an option pg_dump 15 does not have
	}
	// pathDependent are the cases whose result depends on the search path:
	// the only ones run again under a second one, to keep the test short.
	pathDependent := map[string]bool{}
	pathNames := []string{"unqualified -t finds the search path's t1", "-t folds case", "-t wildcard sees only visible tables",
		"-t with -n: -n does not filter -t", "-T unqualified", "--exclude-table-data", "--strict-names all match"}
	cases := []selCase{
		{"unqualified -t finds the search path's t1", Options{Tables: []string{"t1"}}, []string{"-t", "t1"}, false},
		{"-t folds case", Options{Tables: []string{"T1"}}, []string{"-t", "T1"}, false},
		{"-t wildcard sees only visible tables", Options{Tables: []string{"t*"}}, []string{"-t", "t*"}, false},
		{"-t qualified", Options{Tables: []string{"other.t1"}}, []string{"-t", "other.t1"}, false},
		{"-t any schema", Options{Tables: []string{"*.t1"}}, []string{"-t", "*.t1"}, false},
		{"-t quoted", Options{Tables: []string{`"Mixed"."T1"`}}, []string{"-t", `"Mixed"."T1"`}, false},
		{"-t regexp", Options{Tables: []string{"other.(t1|t2)"}}, []string{"-t", "other.(t1|t2)"}, false},
		{"-t identity table brings its sequence", Options{Tables: []string{"other.ident"}}, []string{"-t", "other.ident"}, false},
		{"-t serial table brings its sequence", Options{Tables: []string{"t10"}}, []string{"-t", "t10"}, false},
		{"-t with -n: -n does not filter -t", Options{Tables: []string{"t1"}, Schemas: []string{"other"}}, []string{"-t", "t1", "-n", "other"}, false},
		{"-t partition parent only", Options{Tables: []string{"parent"}}, []string{"-t", "parent"}, false},
		{"-T unqualified", Options{ExcludeTables: []string{"t1"}}, []string{"-T", "t1"}, false},
		{"-T with -t", Options{Tables: []string{"public.t*", "other.*"}, ExcludeTables: []string{"other.t*"}}, []string{"-t", "public.t*", "-t", "other.*", "-T", "other.t*"}, false},
		{"-n other -T", Options{Schemas: []string{"other"}, ExcludeTables: []string{"other.t2"}}, []string{"-n", "other", "-T", "other.t2"}, false},
		{"-N", Options{ExcludeSchemas: []string{"other"}}, []string{"-N", "other"}, false},
		// Not -n '*': pg_dump then dumps pg_catalog and information_schema too.
		{"-n and -N", Options{Schemas: []string{"public", "o*", `"Mixed"`}, ExcludeSchemas: []string{"other", `"Mixed"`}},
			[]string{"-n", "public", "-n", "o*", "-n", `"Mixed"`, "-N", "other", "-N", `"Mixed"`}, false},
		{"--exclude-table-data", Options{ExcludeTableData: []string{"t1", "other.*", "mv"}}, []string{"--exclude-table-data", "t1", "--exclude-table-data", "other.*", "--exclude-table-data", "mv"}, false},
		{"--strict-names all match", Options{Tables: []string{"t1", "other.t2"}, StrictNames: true}, []string{"-t", "t1", "-t", "other.t2", "--strict-names"}, false},
		{"--table-and-children", Options{TablesAndChildren: []string{"parent"}}, []string{"--table-and-children", "parent"}, true},
		{"--exclude-table-and-children", Options{ExcludeTablesAndChildren: []string{"parent"}}, []string{"--exclude-table-and-children", "parent"}, true},
		{"--exclude-table-data-and-children", Options{ExcludeTableDataAndChildren: []string{"parent"}}, []string{"--exclude-table-data-and-children", "parent"}, true},
	}
	for _, name := range pathNames {
		pathDependent[name] = true
	}
	for _, c := range cases {
		delete(pathDependent, c.name)
	}
	if len(pathDependent) > 0 {
		t.Fatalf("pathDependent names no case: %v", pathDependent)
	}
	for _, name := range pathNames {
		pathDependent[name] = true
	}
	for _, fx := range []struct{ name, searchPath string }{{"default-path", ""}, {"other-first", "other, public"}} {
		t.Run(fx.name, func(t *testing.T) {
			t.Parallel()
			url := newSelectionDB(t, fx.searchPath)
			for _, c := range cases {
				if fx.searchPath != "" && !pathDependent[c.name] {
					continue
				}
				for _, version := range []struct {
					name string
					tool func(string) tool
				}{{"pg15", pg15}, {"pg17", pg17}, {"pg18", pg18}} {
					if c.pg17 && version.name == "pg15" {
						continue
					}
					t.Run(version.name+"/"+c.name, func(t *testing.T) {
						pgDump := version.tool("pg_dump")
						if pgDump == nil {
							t.Skipf("%s pg_dump is not installed or cannot dump the tests' server", version.name)
						}
						opts := c.opts
						if version.name != "pg15" {
							opts.Format = pgarchive.V1_16 // what pg_dump 17 and 18 write
						}
						ours, _ := dumpTo(t, url, opts)
						theirs := filepath.Join(t.TempDir(), "pg.dump")
						pgDump.run(t, nil, append([]string{"-Fc", "-Z0", "-f", theirs, "-d", url}, c.flags...)...)
						got, want := tocKeys(t, ours), tocKeys(t, theirs)
						if strings.Join(got, "\n") != strings.Join(want, "\n") {
							t.Errorf("pg_dump %s: TOC differs from pg_dump's:\n%s", strings.Join(c.flags, " "), lineDiff(want, got))
						}
						if got, want := tocFields(t, ours), tocFields(t, theirs); strings.Join(got, "\n") != strings.Join(want, "\n") {
							for i := range got {
								if i < len(want) && got[i] != want[i] {
									t.Logf("first difference at %d:\n got %s\nwant %s", i, got[i], want[i])
									break
								}
							}
							t.Errorf("pg_dump %s: TOC entries differ from pg_dump's:\n%s", strings.Join(c.flags, " "), lineDiff(want, got))
						}
					})
				}
			}
		})
	}
}

// TestSelectionErrors: what pg_dump refuses, Run refuses with pg_dump's
// message, and pg_dump 17 agrees that it is an error.
func TestSelectionErrors(t *testing.T) {
	t.Parallel()
	url := newSelectionDB(t, "")
	tests := []struct {
		opts  Options
		flags []string
		want  string
	}{
		{Options{Tables: []string{"nosuch"}}, []string{"-t", "nosuch"}, "no matching tables were found"},
		{Options{Tables: []string{"other.t2"}}, nil, ""}, // control: fine
		{Options{Schemas: []string{"nosuch"}}, []string{"-n", "nosuch"}, "no matching schemas were found"},
		{Options{Schemas: []string{`"open`}}, []string{"-n", `"open`}, "no matching schemas were found"},
		{Options{Tables: []string{"t1", "nosuch"}, StrictNames: true}, []string{"-t", "t1", "-t", "nosuch", "--strict-names"}, `no matching tables were found for pattern "nosuch"`},
		{Options{Schemas: []string{"other", "nosuch"}, StrictNames: true}, []string{"-n", "other", "-n", "nosuch", "--strict-names"}, `no matching schemas were found for pattern "nosuch"`},
		{Options{Tables: []string{"otherdb.public.t1"}}, []string{"-t", "otherdb.public.t1"}, "cross-database references are not implemented: otherdb.public.t1"},
		{Options{Schemas: []string{"otherdb.public"}}, []string{"-n", "otherdb.public"}, "cross-database references are not implemented: otherdb.public"},
		{Options{Tables: []string{"a.b.c.d"}}, []string{"-t", "a.b.c.d"}, "(too many dotted names): a.b.c.d"},
	}
	pgDump := pg17("pg_dump")
	if pgDump == nil {
		pgDump = pg18("pg_dump") // an 18 server, which pg_dump 17 refuses
	}
	for _, tt := range tests {
		_, err := Run(context.Background(), url, io.Discard, tt.opts)
		if tt.want == "" {
			if err != nil {
				t.Errorf("%+v: %v", tt.opts, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%+v: error %v, want %q", tt.opts, err, tt.want)
		}
		if pgDump != nil {
			_, stderr, perr := pgDump.exec(nil, append([]string{"-Fc", "-f", filepath.Join(t.TempDir(), "x"), "-d", url}, tt.flags...)...)
			if perr == nil || !strings.Contains(stderr, tt.want) {
				t.Errorf("pg_dump %v: %v %q, want an error with %q", tt.flags, perr, stderr, tt.want)
			}
		}
	}
}
