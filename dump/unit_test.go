package dump

import (
	"strings"
	"testing"

	"github.com/pgdrill/pgdrill/pgarchive"
)

// TestCompilePattern: patterns become the regular expressions psql's
// patternToSQLRegex makes (checked against pg_dump by the selection parity
// tests, which run them on the server).
func TestCompilePattern(t *testing.T) {
	tests := []struct {
		pattern      string
		parts        int
		db           string // "-" when none
		schema, name string
	}{
		{"app", 2, "-", "", "^(app)$"},
		{"App", 2, "-", "", "^(app)$"}, // unquoted folds to lower case
		{`"App"`, 2, "-", "", "^(App)$"},
		{`"Mixed"*`, 2, "-", "", "^(Mixed.*)$"},
		{"a?c", 2, "-", "", "^(a.c)$"},
		{"mydb.app", 2, "mydb", "", "^(app)$"},
		{"accounts", 3, "-", "", "^(accounts)$"},
		{"app.acc*", 3, "-", "^(app)$", "^(acc.*)$"},
		{`"Other Schema"."T"`, 3, "-", "^(Other Schema)$", "^(T)$"},
		{`"My DB".s.t`, 3, "My DB", "^(s)$", "^(t)$"},
		{`"quote""name"`, 3, "-", "", `^(quote"name)$`},
		{"*.*", 3, "-", "^(.*)$", "^(.*)$"},
		{"a+b", 3, "-", "", "^(a+b)$"}, // regular expression syntax works, as in psql
		{"(app|pub)lic", 2, "-", "", "^((app|pub)lic)$"},
		{"a$b", 3, "-", "", `^(a\$b)$`},        // $ is literal
		{`"a+b.c"`, 3, "-", "", `^(a\+b\.c)$`}, // quoted: everything literal
		{"int[]", 3, "-", "", `^(int\[])$`},
		{`"open`, 3, "-", "", "^(open)$"}, // an unterminated quote runs to the end
	}
	for _, tc := range tests {
		p, err := compilePattern(tc.pattern, tc.parts)
		if err != nil {
			t.Errorf("%q: %v", tc.pattern, err)
			continue
		}
		db := "-"
		if p.hasDB {
			db = p.db
		}
		if db != tc.db || p.schema != tc.schema || p.name != tc.name {
			t.Errorf("%q: db %q schema %q name %q, want %q %q %q", tc.pattern, db, p.schema, p.name, tc.db, tc.schema, tc.name)
		}
	}
	for _, bad := range []struct {
		pattern string
		parts   int
	}{{"a.b.c", 2}, {"a.b.c.d", 3}} {
		if _, err := compilePattern(bad.pattern, bad.parts); err == nil || !strings.Contains(err.Error(), "too many dotted names") {
			t.Errorf("%q: %v, want too many dotted names", bad.pattern, err)
		}
	}
}

func TestDollarQuote(t *testing.T) {
	tests := map[string]string{
		" SELECT 1 ":         "$$ SELECT 1 $$",
		" SELECT $1 + 1 ":    "$_$ SELECT $1 + 1 $_$",
		"a $$ b":             "$_$a $$ b$_$",
		"a $_ b $$":          "$_X$a $_ b $$$_X$", // pg_dump adds _ then X, X, ...
		"ends with $":        "$_$ends with $$_$",
		"":                   "$$$$",
		"$_$ and $__$ and $": "$_X$$_$ and $__$ and $$_X$",
	}
	for body, want := range tests {
		if got := dollarQuote(body); got != want {
			t.Errorf("dollarQuote(%q) = %q, want %q", body, got, want)
		}
	}
}

func TestConfigValue(t *testing.T) {
	tests := []struct{ name, value, want string }{
		{"work_mem", "8MB", "'8MB'"},
		{"search_path", "app, pg_temp", "'app', 'pg_temp'"},
		{"search_path", `"My Schema", public`, "'My Schema', 'public'"},
		{"search_path", `"a""b"`, `'a"b'`},
		{"search_path", "", "''"},
		{"TimeZone", "it's", "'it''s'"},
	}
	for _, tc := range tests {
		if got := configValue(tc.name, tc.value); got != tc.want {
			t.Errorf("configValue(%q, %q) = %s, want %s", tc.name, tc.value, got, tc.want)
		}
	}
}

func TestQuoter(t *testing.T) {
	q := quoter{keywords: map[string]bool{"select": true, "full": true}}
	tests := map[string]string{
		"abc": "abc", "a_1": "a_1", "_x": "_x", "1a": `"1a"`, "Abc": `"Abc"`, "a b": `"a b"`,
		`q"x`: `"q""x"`, "select": `"select"`, "full": `"full"`, "": `""`, "été": `"été"`,
	}
	for in, want := range tests {
		if got := q.id(in); got != want {
			t.Errorf("id(%q) = %s, want %s", in, got, want)
		}
	}
	if got := literal("it's"); got != "'it''s'" {
		t.Errorf("literal: %s", got)
	}
}

func TestParseACLItem(t *testing.T) {
	tests := []struct {
		in   string
		want aclItem
	}{
		{"=U/postgres", aclItem{"", "postgres", "U"}},
		{"reader=r*w/postgres", aclItem{"reader", "postgres", "r*w"}},
		{`"My Role"=X/"Own""er"`, aclItem{"My Role", `Own"er`, "X"}},
	}
	for _, tc := range tests {
		got, err := parseACLItem(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("parseACLItem(%q) = %+v, %v; want %+v", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"noequals", "a=r", `"open=r/x`} {
		if _, err := parseACLItem(bad); err == nil {
			t.Errorf("parseACLItem(%q): no error", bad)
		}
	}
}

func TestACLCommands(t *testing.T) {
	d := &dumper{q: quoter{keywords: map[string]bool{}}}
	owner := []string{"postgres=arwdDxt/postgres"}
	tests := []struct {
		name          string
		typ, obj, sub string
		acl, base     []string
		v116          bool
		want          string
	}{
		{"unchanged", "TABLE", "public.t", "", owner, owner, false, ""},
		{"select to reader", "TABLE", "public.t", "", append([]string{"reader=r/postgres"}, owner...), owner, false,
			"GRANT SELECT ON TABLE public.t TO reader;\n"},
		{"all with grant option", "TABLE", "public.t", "", append([]string{"reader=a*r*w*d*D*x*t*/postgres"}, owner...), owner, false,
			"GRANT ALL ON TABLE public.t TO reader WITH GRANT OPTION;\n"},
		{"pg_dump 17 lists the privileges", "TABLE", "public.t", "", append([]string{"reader=arwdDxt/postgres"}, owner...), owner, true,
			"GRANT SELECT,INSERT,REFERENCES,DELETE,TRIGGER,TRUNCATE,UPDATE ON TABLE public.t TO reader;\n"},
		{"revoke from public", "FUNCTION", "public.f()", "", []string{"postgres=X/postgres", "reader=X/postgres"}, []string{"=X/postgres", "postgres=X/postgres"}, false,
			"REVOKE ALL ON FUNCTION public.f() FROM PUBLIC;\nGRANT ALL ON FUNCTION public.f() TO reader;\n"},
		{"column", "TABLE", "public.t", "id", []string{"reader=rw/postgres"}, nil, false,
			"GRANT SELECT(id),UPDATE(id) ON TABLE public.t TO reader;\n"},
		{"grantor other than owner", "SCHEMA", "s", "", []string{"postgres=UC/postgres", "bob=U/alice"}, []string{"postgres=UC/postgres"}, false,
			"SET SESSION AUTHORIZATION alice;\nGRANT USAGE ON SCHEMA s TO bob;\nRESET SESSION AUTHORIZATION;\n"},
		{"mixed grant option", "SEQUENCE", "public.s", "", []string{"reader=r*U/postgres"}, nil, false,
			"GRANT USAGE ON SEQUENCE public.s TO reader;\nGRANT SELECT ON SEQUENCE public.s TO reader WITH GRANT OPTION;\n"},
		{"owner lost rights", "TABLE", "public.t", "", []string{"postgres=r/postgres"}, owner, false,
			"REVOKE ALL ON TABLE public.t FROM postgres;\nGRANT SELECT ON TABLE public.t TO postgres;\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d.opts.Format = pgarchive.V1_14
			if tc.v116 {
				d.opts.Format = pgarchive.V1_16
			}
			got, err := d.aclCommands(tc.typ, tc.obj, tc.sub, "postgres", tc.acl, tc.base, "")
			if err != nil || got != tc.want {
				t.Errorf("got %q, %v\nwant %q", got, err, tc.want)
			}
		})
	}
}

// TestSortObjects checks pg_dump's ordering rules on a small graph: type
// priority, then name, moved only as far as dependencies demand, sections
// kept apart, and loops reported by name.
func TestSortObjects(t *testing.T) {
	mk := func(p prio, ns, name string) *object {
		o := &object{prio: p, name: name}
		o.entry.Desc, o.entry.Tag = "X", name
		if ns != "" {
			o.ns, o.nsValid = ns, true
		}
		return o
	}
	fnA := mk(prioFunc, "public", "a_func")
	fnB := mk(prioFunc, "public", "b_func") // depends on the table's row type
	tbl := mk(prioTable, "public", "t")
	other := mk(prioTable, "aaa", "z")
	data := mk(prioTableData, "public", "t")
	idx := mk(prioIndex, "public", "t_idx")
	nsless := mk(prioFunc, "", "a_first_without_namespace")
	fnB.dependOn(tbl)
	data.dependOn(tbl)
	idx.dependOn(tbl)
	got, err := sortObjects([]*object{idx, data, fnB, tbl, fnA, other, nsless})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, o := range got {
		names = append(names, o.ns+"."+o.name)
	}
	want := "public.a_func public.t public.b_func .a_first_without_namespace aaa.z public.t public.t_idx"
	if strings.Join(names, " ") != want {
		t.Errorf("order %s\nwant  %s", strings.Join(names, " "), want)
	}

	x, y := mk(prioTable, "public", "x"), mk(prioTable, "public", "y")
	x.dependOn(y)
	y.dependOn(x)
	_, err = sortObjects([]*object{x, y})
	if err == nil || !strings.Contains(err.Error(), "dependency loop: X public.x needs X public.y needs X public.x") && !strings.Contains(err.Error(), "dependency loop: X public.y needs X public.x needs X public.y") {
		t.Errorf("loop: %v", err)
	}
}
