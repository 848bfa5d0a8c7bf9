package sqlscript

import (
	"strings"
	"testing"
)

// Fragments that hold no statement-ending semicolon of their own, though
// most hold a ';' psql must not split at. A statement built from them
// ends only at the ';' the generator adds.
var fragments = [...]string{
	"SELECT", "x", "1", "1.5e3", "$1", "foo$$bar", "t.col", "::text", "+", "*", "<>", "||",
	"'a;b'", "'it''s;'", `'back\'`, `E'e\';s'`, `e'\\'`, "E''", "U&'u;'", `U&"q;"`, "B'0;1'", "X'f;'", "N'n;'",
	`"id;""x"`, "$$;$$", "$t$ $$ ; $t$", "$a$ $b$; $a$", "$_1$;$_1$",
	"/* ; */", "/* /* ; */ ; */", "/**/", "-- ;'\n", "--\n",
	"(a; b)", "(SELECT 1; (SELECT ';'); SELECT 2)", "()",
	"\n", "\t", "'multi\nline;'", "$$\n;\n$$",
}

// sepFragments separate statements: blanks and "--" comments, which psql
// drops before a statement.
var sepFragments = [...]string{" ", "\n", "\r\n", "\t", "-- sep; 'x\n", "--\n"}

// bodies are whole statements that exercise psql's CREATE FUNCTION
// BEGIN … END tracking (the generator adds the final ';').
var bodies = [...]string{
	"CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 1 END; END",
	"create or replace procedure p() begin atomic select 1; end",
	"CREATE OR REPLACE FUNCTION g() RETURNS void AS $fn$ BEGIN PERFORM 1; END $fn$ LANGUAGE plpgsql",
	"DO $$ BEGIN RAISE NOTICE ';'; END $$",
	"BEGIN", "COMMIT", "END",
}

// generate turns fuzz bytes into a script and the statements psql would
// send for it.
func generate(data []byte) (string, []string) {
	var script strings.Builder
	var want []string
	next := func() int {
		if len(data) == 0 {
			return -1
		}
		b := int(data[0])
		data = data[1:]
		return b
	}
	for len(data) > 0 {
		for b := next(); b >= 0 && b%3 != 0; b = next() {
			script.WriteString(sepFragments[b%len(sepFragments)])
		}
		var stmt strings.Builder
		b := next()
		if b < 0 {
			break
		}
		if b%5 == 0 {
			stmt.WriteString(bodies[(b/5)%len(bodies)])
		} else {
			// a statement starts with a word so that nothing before it is dropped
			stmt.WriteString("SELECT")
			for n := b % 7; n > 0; n-- {
				f := next()
				if f < 0 {
					break
				}
				stmt.WriteString(" ")
				stmt.WriteString(fragments[f%len(fragments)])
			}
		}
		stmt.WriteString(";")
		script.WriteString(stmt.String())
		want = append(want, stmt.String())
	}
	return script.String(), want
}

// FuzzSplit checks the splitter against two reference properties:
// scripts generated from fragments split into exactly the statements they
// were built from, and any input (the raw fuzz bytes) splits into items
// that lie in order in the script with only blanks and "--" comments
// between them, each of which splits again into itself alone.
func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"SELECT 1; SELECT 2;", "DO $$ BEGIN; END $$;", "SELECT 'a;b'", "/* /* */ */;", "$a$ $b$ $a$;",
		"CREATE FUNCTION f() BEGIN ATOMIC SELECT 1; END;", "COPY t FROM STDIN;\nx\n\\.\n", `E'\';'`, "\\set ON_ERROR_STOP on\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		script, want := generate(data)
		items, err := Split(script)
		if err != nil {
			t.Fatalf("generated script %q: %v", script, err)
		}
		if len(items) != len(want) {
			t.Fatalf("generated script %q: %d items, want %d: %q", script, len(items), len(want), want)
		}
		for i, it := range items {
			if it.Text != want[i] {
				t.Fatalf("generated script %q: item %d = %q, want %q", script, i, it.Text, want[i])
			}
		}

		src := string(data)
		s := NewScanner(src)
		end := 0
		for {
			it, ok := s.Next()
			if !ok {
				break
			}
			if it.Offset < end || src[it.Offset:it.Offset+len(it.Text)] != it.Text {
				t.Fatalf("%q: item at %d (%q) is not the script's text after %d", src, it.Offset, it.Text, end)
			}
			if gap := src[end:it.Offset]; it.Kind == SQL && !onlyBlanks(gap) && !copyAt(src, end) {
				t.Fatalf("%q: text %q skipped before item %q", src, gap, it.Text)
			}
			end = it.Offset + len(it.Text)
			if it.Kind == SQL {
				again, err := Split(it.Text)
				if err != nil || len(again) != 1 || again[0].Text != it.Text {
					t.Fatalf("%q: item %q splits again into %+v, %v", src, it.Text, again, err)
				}
			}
		}
	})
}

// onlyBlanks reports whether s is blanks and "--" comments (a meta-command
// line is an item, so gaps never hold one).
func onlyBlanks(s string) bool {
	for s != "" {
		switch {
		case strings.HasPrefix(s, "--"):
			i := strings.IndexAny(s, "\r\n")
			if i < 0 {
				return true
			}
			s = s[i:]
		case strings.ContainsRune(" \t\n\r\f\v", rune(s[0])):
			s = s[1:]
		default:
			return false
		}
	}
	return true
}

// copyAt reports whether the gap at off follows COPY data (which is not an item).
func copyAt(src string, off int) bool {
	return off > 0 && strings.Contains(strings.ToUpper(src[:off]), "COPY")
}
