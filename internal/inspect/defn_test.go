package inspect

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pgdrill/pgdrill/pgarchive"
)

// describe prints columns as name:type:kind, with [] and @schema.name for
// arrays and user-defined types.
func describe(cols []colDef) string {
	var got []string
	for _, c := range cols {
		s := c.name + ":" + c.typ.text + ":" + c.typ.kind.String()
		if c.typ.array {
			s += "[]"
		}
		if c.typ.user != (qname{}) {
			s += "@" + c.typ.user.schema + "|" + c.typ.user.name
		}
		got = append(got, s)
	}
	return strings.Join(got, " ")
}

func TestParseCreateTable(t *testing.T) {
	tests := []struct {
		name    string
		defn    string
		want    string // columns as describe prints them
		of      string // schema|name
		parents string // schema|name ...
		bad     bool
	}{
		{name: "events", defn: "CREATE TABLE public.events (\n    id bigint NOT NULL,\n    ts timestamp with time zone,\n    t timestamp without time zone,\n    d date,\n    tm time without time zone,\n    note text\n);\n",
			want: "id:bigint:other ts:timestamp with time zone:timestamptz t:timestamp without time zone:timestamp d:date:date tm:time without time zone:time note:text:other"},
		{name: "precision, defaults, collation", defn: "CREATE UNLOGGED TABLE \"S\".\"T (x)\" (\n    \"Col, 1\" timestamp(3) with time zone DEFAULT '2024-01-01 00:00:00+00'::timestamp with time zone NOT NULL,\n    c text COLLATE pg_catalog.\"C\" DEFAULT 'a,b)'::text,\n    t0 time(0) without time zone,\n    n numeric(30,6) CHECK ((n > (0)::numeric)),\n    CONSTRAINT x CHECK ((c <> ''::text))\n);\n",
			want: "Col, 1:timestamp(3) with time zone:timestamptz c:text:other t0:time(0) without time zone:time n:numeric(30,6):other"},
		// An array's kind is its elements'; the array flag keeps it from being
		// read as a scalar.
		{name: "arrays, timetz, user types", defn: "CREATE TABLE public.a (\n    ts timestamp with time zone[],\n    tz time with time zone,\n    dd public.mydate,\n    \"date\" date,\n    x public.\"date\",\n    y \"My S\".\"D\"[],\n    o public.options\n);\n",
			want: "ts:timestamp with time zone[]:timestamptz[] tz:time with time zone:other dd:public.mydate:other@public|mydate date:date:date x:public.\"date\":other@public|date y:\"My S\".\"D\"[]:other[]@My S|D o:public.options:other@public|options"},
		{name: "generated, partitioned", defn: "CREATE TABLE public.m (\n    at date NOT NULL,\n    y integer GENERATED ALWAYS AS ((EXTRACT(year FROM at))::integer) STORED\n)\nPARTITION BY RANGE (at);\n",
			want: "at:date:date y:integer:other"},
		{name: "E string with quote", defn: "CREATE TABLE t (\n    a text DEFAULT E'it\\'s, (',\n    b date\n);\n",
			want: "a:text:other b:date:date"},
		// As pg_dump 15 and 17 write them (testdata/inspect/schema.sql).
		{name: "child with own columns", defn: "CREATE TABLE public.child (\n    day date,\n    note text,\n    local_ts timestamp with time zone\n)\nINHERITS (public.base, public.mixin);\n",
			want: "day:date:date note:text:other local_ts:timestamp with time zone:timestamptz", parents: "public|base public|mixin"},
		{name: "child without columns", defn: "CREATE TABLE public.grandchild (\n)\nINHERITS (public.child);\n",
			parents: "public|child"},
		{name: "quoted parent", defn: "CREATE TABLE \"Odd Schema\".\"Kid\" (\n    k integer\n)\nINHERITS (\"Odd Schema\".\"Parent T\");\n",
			want: "k:integer:other", parents: "Odd Schema|Parent T"},
		{name: "typed table", defn: "CREATE TABLE public.periods OF public.period (\n    starts NOT NULL\n);\n",
			of: "public|period"},
		{name: "typed table, old option form", defn: "CREATE TABLE public.t OF public.typ (\n    x WITH OPTIONS NOT NULL\n);\n",
			of: "public|typ"},
		{name: "typed table, no options", defn: "CREATE TABLE public.t OF \"S\".\"T\";\n", of: "S|T"},
		{name: "PARTITION OF, as older pg_dump wrote it", defn: "CREATE TABLE public.m_2023 PARTITION OF public.m (\n    v WITH OPTIONS DEFAULT 0\n)\nFOR VALUES FROM ('2023-01-01') TO ('2024-01-01');\n",
			parents: "public|m"},
		{name: "foreign table", defn: "CREATE FOREIGN TABLE public.f (\n    at timestamp without time zone OPTIONS (\n    column_name 'when'\n)\n)\nSERVER s;\n",
			want: "at:timestamp without time zone:timestamp"},
		{name: "not a table", defn: "CREATE VIEW v AS SELECT 1;\n", bad: true},
		{name: "unterminated", defn: "CREATE TABLE t (\n    a date,\n", bad: true},
		{name: "unterminated INHERITS", defn: "CREATE TABLE t (\n)\nINHERITS (public.p;\n", bad: true},
		{name: "OF without a type", defn: "CREATE TABLE t OF (a date);\n", bad: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			td, ok := parseCreateTable(tt.defn)
			if ok == tt.bad {
				t.Fatalf("ok = %v", ok)
			}
			if tt.bad {
				return
			}
			var parents []string
			for _, p := range td.parents {
				parents = append(parents, p.schema+"|"+p.name)
			}
			of := ""
			if td.of != (qname{}) {
				of = td.of.schema + "|" + td.of.name
			}
			if got := describe(td.cols); got != tt.want {
				t.Errorf("columns\ngot  %s\nwant %s", got, tt.want)
			}
			if of != tt.of || strings.Join(parents, " ") != tt.parents {
				t.Errorf("of %q parents %q, want %q %q", of, parents, tt.of, tt.parents)
			}
		})
	}
}

func TestParseCompositeAndDomain(t *testing.T) {
	cols, ok := parseCompositeType("CREATE TYPE public.period AS (\n\tstarts timestamp with time zone,\n\tends timestamp without time zone,\n\ton_day \"Odd Schema\".\"Day\",\n\tlabel text COLLATE pg_catalog.\"C\"\n);\n")
	want := "starts:timestamp with time zone:timestamptz ends:timestamp without time zone:timestamp on_day:\"Odd Schema\".\"Day\":other@Odd Schema|Day label:text:other"
	if got := describe(cols); !ok || got != want {
		t.Errorf("composite: ok %v\ngot  %s\nwant %s", ok, got, want)
	}
	for _, defn := range []string{"CREATE TYPE public.mood AS ENUM (\n    'sad'\n);\n", "CREATE TYPE public.r AS RANGE (\n    subtype = date\n);\n", "CREATE TYPE public.b;\n"} {
		if _, ok := parseCompositeType(defn); ok {
			t.Errorf("%q read as a composite type", defn)
		}
	}
	domains := []struct{ defn, want string }{
		{"CREATE DOMAIN public.event_ts AS timestamp(3) with time zone\n\tCONSTRAINT event_ts_check CHECK ((VALUE <> '1970-01-01 00:00:00+00'::timestamp with time zone));\n", "x:timestamp(3) with time zone:timestamptz"},
		{"CREATE DOMAIN public.audit_ts AS public.event_ts;\n", "x:public.event_ts:other@public|event_ts"},
		{"CREATE DOMAIN \"Odd Schema\".\"Day\" AS date DEFAULT '2000-01-01'::date;\n", "x:date:date"},
		{"CREATE DOMAIN public.stamps AS timestamp with time zone[];\n", "x:timestamp with time zone[]:timestamptz[]"},
		{"CREATE DOMAIN public.c AS text COLLATE pg_catalog.\"C\" NOT NULL;\n", "x:text:other"},
	}
	for _, d := range domains {
		base, ok := parseDomain(d.defn)
		if got := describe([]colDef{{"x", base}}); !ok || got != d.want {
			t.Errorf("%q: ok %v\ngot  %s\nwant %s", d.defn, ok, got, d.want)
		}
	}
	if _, ok := parseDomain("CREATE DOMAIN public.d AS ;"); ok {
		t.Error("a domain without a type was read")
	}
}

// TestResolveType: through domains, arrays, and types the archive lacks.
func TestResolveType(t *testing.T) {
	entry := func(desc, ns, tag, defn string) *pgarchive.Entry {
		e := &pgarchive.Entry{Desc: desc, Tag: tag}
		e.Namespace.String, e.Namespace.Valid = ns, true
		e.Defn.String, e.Defn.Valid = defn, true
		return e
	}
	cat := newCatalog([]*pgarchive.Entry{
		entry("DOMAIN", "public", "d1", "CREATE DOMAIN public.d1 AS time(2) without time zone;"),
		entry("DOMAIN", "public", "d2", "CREATE DOMAIN public.d2 AS public.d1 NOT NULL;"),
		entry("DOMAIN", "public", "arr", "CREATE DOMAIN public.arr AS public.d2[];"),
		entry("DOMAIN", "public", "txt", "CREATE DOMAIN public.txt AS text;"),
		entry("DOMAIN", "public", "loop1", "CREATE DOMAIN public.loop1 AS public.loop2;"),
		entry("DOMAIN", "public", "loop2", "CREATE DOMAIN public.loop2 AS public.loop1;"),
		entry("DOMAIN", "public", "bad", "CREATE DOMAIN public.bad;"),
		entry("TYPE", "public", "mood", "CREATE TYPE public.mood AS ENUM ('a');"),
		entry("TABLE", "public", "rowtype", "CREATE TABLE public.rowtype (a date);"),
	})
	tests := []struct{ typ, want string }{
		{"date", "date"},
		{"date[]", "array: an array"},
		{"public.d1", "time base time(2) without time zone"},
		{"public.d2", "time base time(2) without time zone"},
		{"public.d2[]", "array: an array"},
		{"public.arr", "array: an array"},
		{"public.txt", "other"},
		{"public.txt[]", "other"},
		{"public.mood", "other"},
		{"public.rowtype", "other"},
		{"public.gone", "unknown: type public.gone is not in the archive"},
		{"public.gone[]", "unknown: an array; type public.gone is not in the archive"},
		{"public.loop1", "unknown: domains nest deeper than 64"},
		{"public.bad", "unknown: the CREATE DOMAIN of public.bad is not understood"},
		{"time with time zone", "other"},
	}
	// With an extension in the archive, a missing type may be one of its.
	withExt := newCatalog([]*pgarchive.Entry{entry("EXTENSION", "", "citext", "CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;")})
	if _, _, note := withExt.resolveType(parseType(tokenize("public.citext")), 0); note != "type public.citext is not in the archive (an extension's, perhaps: pg_dump writes only their CREATE EXTENSION)" {
		t.Errorf("extension type: %q", note)
	}
	for _, tt := range tests {
		typ := parseType(tokenize(tt.typ))
		k, base, note := cat.resolveType(typ, 0)
		got := k.String()
		if k.analysed() && base != tt.typ {
			got += " base " + base
		}
		if note != "" {
			got += ": " + note
		}
		if got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.typ, got, tt.want)
		}
	}
}

// TestTableColumnsLoop: an inheritance loop, which no real archive has, ends
// with a note rather than recursing for ever.
func TestTableColumnsLoop(t *testing.T) {
	mk := func(tag, defn string) *pgarchive.Entry {
		e := &pgarchive.Entry{Desc: "TABLE", Tag: tag}
		e.Namespace.String, e.Namespace.Valid = "public", true
		e.Defn.String, e.Defn.Valid = defn, true
		return e
	}
	a := mk("a", "CREATE TABLE public.a (x date) INHERITS (public.b);")
	b := mk("b", "CREATE TABLE public.b (y date) INHERITS (public.a);")
	cat := newCatalog([]*pgarchive.Entry{a, b})
	tc := cat.tableColumns(a)
	got := fmt.Sprint(len(tc.cols), tc.lacking)
	if got != "2 [inheritance loops back to public.a]" {
		t.Errorf("got %s", got)
	}
}
