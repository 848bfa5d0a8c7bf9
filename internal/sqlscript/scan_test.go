package sqlscript

import (
	"strings"
	"testing"
)

func texts(t *testing.T, src string) []string {
	t.Helper()
	items, err := Split(src)
	if err != nil {
		t.Fatalf("Split: %v", err)
	}
	var out []string
	for _, it := range items {
		out = append(out, it.Text)
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"two statements", "SELECT 1; SELECT 2;", []string{"SELECT 1;", "SELECT 2;"}},
		{"no final semicolon", "SELECT 1;\nSELECT 2\n", []string{"SELECT 1;", "SELECT 2\n"}},
		{"leading comments dropped", "-- header; not a statement\n\n  SELECT 1;", []string{"SELECT 1;"}},
		{"inner line comment kept", "SELECT 1 -- one; two\n + 1;", []string{"SELECT 1 -- one; two\n + 1;"}},
		{"only comments", "-- a;\n-- b;\n", nil},
		{"single quotes", "SELECT 'a;b', 'it''s;';SELECT 2;", []string{"SELECT 'a;b', 'it''s;';", "SELECT 2;"}},
		{"backslash is literal in standard strings", `SELECT 'a\'; SELECT 2;`, []string{`SELECT 'a\';`, "SELECT 2;"}},
		{"E string escapes", `SELECT E'a\';b'; SELECT 2;`, []string{`SELECT E'a\';b';`, "SELECT 2;"}},
		{"e string lower case", `SELECT e'\\'; SELECT 2;`, []string{`SELECT e'\\';`, "SELECT 2;"}},
		{"word ending in e is not an E string", `SELECT typE'a\'; SELECT 2;`, []string{`SELECT typE'a\';`, "SELECT 2;"}},
		{"U& string", `SELECT U&'d\0061t;a'; SELECT 2;`, []string{`SELECT U&'d\0061t;a';`, "SELECT 2;"}},
		{"bit strings", "SELECT B'01;', X'1F;'; SELECT 2;", []string{"SELECT B'01;', X'1F;';", "SELECT 2;"}},
		{"double quotes", `CREATE TABLE "a;""b" (x int); SELECT 2;`, []string{`CREATE TABLE "a;""b" (x int);`, "SELECT 2;"}},
		{"dollar quote", "DO $$ BEGIN PERFORM 1; END $$; SELECT 2;", []string{"DO $$ BEGIN PERFORM 1; END $$;", "SELECT 2;"}},
		{"tagged dollar quote holding $$", "CREATE FUNCTION f() RETURNS text AS $fn$ SELECT $$;$$ $fn$ LANGUAGE sql; SELECT 2;",
			[]string{"CREATE FUNCTION f() RETURNS text AS $fn$ SELECT $$;$$ $fn$ LANGUAGE sql;", "SELECT 2;"}},
		{"dollar tag mismatch", "SELECT $a$ $b$; $ab$; $a$; SELECT 2;", []string{"SELECT $a$ $b$; $ab$; $a$;", "SELECT 2;"}},
		{"dollar in identifier", "SELECT foo$$bar; SELECT 2;", []string{"SELECT foo$$bar;", "SELECT 2;"}},
		{"parameter then dollar quote", "SELECT $1$$;$$; SELECT 2;", []string{"SELECT $1$$;$$;", "SELECT 2;"}},
		{"number then identifier with dollars", "SELECT 1abc$$; SELECT 2;", []string{"SELECT 1abc$$;", "SELECT 2;"}},
		{"block comment", "SELECT /* ; */ 1; SELECT 2;", []string{"SELECT /* ; */ 1;", "SELECT 2;"}},
		{"nested block comment", "SELECT /* a /* ; */ ; */ 1; SELECT 2;", []string{"SELECT /* a /* ; */ ; */ 1;", "SELECT 2;"}},
		{"leading block comment is sent", "/* hi; */ SELECT 1;", []string{"/* hi; */ SELECT 1;"}},
		{"comment start inside operator", "SELECT 2 */* ; */ 3; SELECT 2;", []string{"SELECT 2 */* ; */ 3;", "SELECT 2;"}},
		{"semicolon in parentheses", "CREATE RULE r AS ON INSERT TO t DO ALSO (SELECT 1; SELECT 2); SELECT 3;",
			[]string{"CREATE RULE r AS ON INSERT TO t DO ALSO (SELECT 1; SELECT 2);", "SELECT 3;"}},
		{"unbalanced close paren", "SELECT 1); SELECT 2;", []string{"SELECT 1);", "SELECT 2;"}},
		{"BEGIN and COMMIT are statements", "BEGIN; INSERT INTO t VALUES (1); COMMIT;", []string{"BEGIN;", "INSERT INTO t VALUES (1);", "COMMIT;"}},
		{"begin atomic", "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 2 END; END; SELECT 3;",
			[]string{"CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 2 END; END;", "SELECT 3;"}},
		{"or replace procedure begin atomic", "create or replace procedure p() begin atomic insert into t values (1); end; select 3;",
			[]string{"create or replace procedure p() begin atomic insert into t values (1); end;", "select 3;"}},
		{"begin outside create function", "CREATE TABLE begin (x int); SELECT 3;", []string{"CREATE TABLE begin (x int);", "SELECT 3;"}},
		{"plpgsql function", "CREATE OR REPLACE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  RAISE EXCEPTION 'no; %', TG_OP;\nEND\n$$;\nSELECT 3;",
			[]string{"CREATE OR REPLACE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  RAISE EXCEPTION 'no; %', TG_OP;\nEND\n$$;", "SELECT 3;"}},
		{"quote continuation over a comment", "SELECT 'a'\n-- it's\n'b'; SELECT 2;", []string{"SELECT 'a'\n-- it's\n'b';", "SELECT 2;"}},
		{"empty statements", ";;SELECT 1;", []string{";", ";", "SELECT 1;"}},
		{"crlf", "SELECT 1;\r\n-- c\r\nSELECT 2;\r\n", []string{"SELECT 1;", "SELECT 2;"}},
		{"unterminated string", "SELECT 'abc; SELECT 2;", []string{"SELECT 'abc; SELECT 2;"}},
		{"unterminated dollar", "DO $x$ BEGIN; SELECT 2;", []string{"DO $x$ BEGIN; SELECT 2;"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := texts(t, tc.src)
			if strings.Join(got, "\x00") != strings.Join(tc.want, "\x00") || len(got) != len(tc.want) {
				t.Errorf("Split(%q)\n got %q\nwant %q", tc.src, got, tc.want)
			}
		})
	}
}

func TestSplitStdStringsOff(t *testing.T) {
	s := NewScanner(`SELECT 'a\'; b'; SELECT 2;`)
	s.StdStrings = false
	it, ok := s.Next()
	if !ok || it.Text != `SELECT 'a\'; b';` {
		t.Fatalf("got %q %v", it.Text, ok)
	}
}

func TestSplitLinesAndOpen(t *testing.T) {
	items, err := Split("-- one\nSELECT 1;\n\n  SELECT\n 2;\nSELECT 'x")
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 3 {
		t.Fatalf("got %d items", len(items))
	}
	for i, want := range []int{2, 4, 6} {
		if items[i].Line != want {
			t.Errorf("item %d line %d, want %d", i, items[i].Line, want)
		}
	}
	if items[2].Open != "a quoted string opened at line 6" {
		t.Errorf("open = %q", items[2].Open)
	}
}

func TestSplitCopy(t *testing.T) {
	src := "CREATE TABLE t (a text);\nCOPY t (a) FROM stdin;\nx;y\n'z\n\\.\nSELECT 1;\n"
	items, err := Split(src)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 3 {
		t.Fatalf("got %d items: %+v", len(items), items)
	}
	if items[1].Copy == nil || *items[1].Copy != "x;y\n'z\n" {
		t.Fatalf("copy data %v", items[1].Copy)
	}
	if items[2].Text != "SELECT 1;" {
		t.Errorf("after copy: %q", items[2].Text)
	}
	if !items[1].CopyIn() || items[0].CopyIn() {
		t.Error("CopyIn")
	}
	if _, err := Split("COPY t FROM stdin; SELECT 1;\nx\n"); err == nil {
		t.Error("text after COPY FROM STDIN on its line: no error")
	}
}

func TestSplitMeta(t *testing.T) {
	items, err := Split("\\set ON_ERROR_STOP on\nSELECT 1;\n  \\echo done; really\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 3 || items[0].Kind != Meta || items[0].Text != `\set ON_ERROR_STOP on` ||
		items[2].Kind != Meta || items[2].Text != `\echo done; really` || items[2].Line != 3 {
		t.Fatalf("items %+v", items)
	}
	_, err = Split("SELECT 1 \\gset\n")
	if err == nil || !strings.Contains(err.Error(), `\gset inside a statement`) {
		t.Fatalf("meta inside a statement: %v", err)
	}
}
