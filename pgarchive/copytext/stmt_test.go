package copytext

import (
	"slices"
	"strings"
	"testing"
)

func TestParseCopyStmt(t *testing.T) {
	tests := []struct {
		stmt    string
		table   string
		columns []string
	}{
		{"COPY public.a (id, ts, j) FROM stdin;\n", "public.a", []string{"id", "ts", "j"}},
		{"COPY public.empty_table  FROM stdin;\n", "public.empty_table", []string{}},
		{`COPY "Mixed Case"."My Table" ("Id", "we ""ird", "a,b", "x y") FROM stdin;` + "\n",
			`"Mixed Case"."My Table"`, []string{"Id", `we "ird`, "a,b", "x y"}},
		{`COPY public."données été" ("clé", "日本語") FROM stdin;`, `public."données été"`, []string{"clé", "日本語"}},
		{`COPY public."line` + "\n" + `break" (a) FROM stdin;`, `public."line` + "\n" + `break"`, []string{"a"}},
		{"copy Public.T (A, b_1, c$) from STDIN", "Public.T", []string{"a", "b_1", "c$"}},
		{"COPY café (ñ, Ä) FROM stdin;", "café", []string{"ñ", "Ä"}}, // only ASCII folds in UTF8
		{"  COPY\tdb . sch . t(a,b)FROM\nstdin ; \n", "db . sch . t", []string{"a", "b"}},
		{`COPY"t"("a")FROM stdin;`, `"t"`, []string{"a"}},
		{`COPY public.""""("""")FROM stdin;`, `public.""""`, []string{`"`}},
	}
	for _, tc := range tests {
		table, cols, err := ParseCopyStmt(tc.stmt)
		if err != nil {
			t.Errorf("ParseCopyStmt(%q): %v", tc.stmt, err)
			continue
		}
		if table != tc.table || !slices.Equal(cols, tc.columns) || cols == nil {
			t.Errorf("ParseCopyStmt(%q) = %q, %q; want %q, %q", tc.stmt, table, cols, tc.table, tc.columns)
		}
	}
}

func TestParseCopyStmtErrors(t *testing.T) {
	tests := []struct{ stmt, msg string }{
		{"", "expected COPY"},
		{"COPYX t FROM stdin;", "expected COPY"},
		{"COPY FROM stdin;", "expected FROM"}, // "FROM" is read as the table name
		{"COPY t (a, b FROM stdin;", `expected "," or ")"`},
		{"COPY t () FROM stdin;", "expected an identifier"},
		{"COPY t (a,) FROM stdin;", "expected an identifier"},
		{`COPY "unterminated (a) FROM stdin;`, "unterminated quoted identifier"},
		{`COPY "" (a) FROM stdin;`, "zero-length quoted identifier"},
		{"COPY a.b.c.d FROM stdin;", "too many dots"},
		{"COPY t. FROM stdin;", "expected FROM"},
		{"COPY t (a) TO stdout;", "expected FROM"},
		{"COPY t (a) FROM stdin WITH (FORMAT csv);", "unexpected text after STDIN"},
		{"COPY t (a) FROM stdin; SELECT 1;", "unexpected text after STDIN"},
		{"COPY t (a) FROM stdinx;", "expected STDIN"},
		{"COPY (SELECT 1) TO stdout;", "expected an identifier"},
		{"COPY 1t FROM stdin;", "expected an identifier"},
	}
	for _, tc := range tests {
		_, _, err := ParseCopyStmt(tc.stmt)
		if err == nil || !strings.Contains(err.Error(), tc.msg) || !strings.HasPrefix(err.Error(), "copytext: COPY statement ") {
			t.Errorf("ParseCopyStmt(%q) error %v, want one containing %q", tc.stmt, err, tc.msg)
		}
	}
}
