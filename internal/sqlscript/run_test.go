package sqlscript

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/pgdrill/pgdrill/internal/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Run(m)) }

func connect(t *testing.T) *pgconn.PgConn {
	t.Helper()
	conn, err := pgconn.Connect(context.Background(), pgtest.NewDB(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

func query(t *testing.T, conn *pgconn.PgConn, sql string) string {
	t.Helper()
	res := conn.ExecParams(context.Background(), sql, nil, nil, nil, nil).Read()
	if res.Err != nil {
		t.Fatalf("%s: %v", sql, res.Err)
	}
	var out []string
	for _, row := range res.Rows {
		var cols []string
		for _, c := range row {
			cols = append(cols, string(c))
		}
		out = append(out, strings.Join(cols, ","))
	}
	return strings.Join(out, ";")
}

const goodScript = `\set ON_ERROR_STOP on
-- a migration as psql -f runs it
BEGIN;
CREATE TABLE t (id int PRIMARY KEY, note text);
INSERT INTO t VALUES (1, 'semi;colon'), (2, E'it\'s');
COMMIT;
DO $$
BEGIN
  INSERT INTO t VALUES (3, 'from DO; block');
END
$$;
CREATE FUNCTION add_one(int) RETURNS int LANGUAGE sql
BEGIN ATOMIC
  SELECT $1 + 1;
END;
COPY t (id, note) FROM stdin;
4	copied; line
5	\N
\.
SELECT count(*) FROM t;
\echo migrated
SET standard_conforming_strings = off;
INSERT INTO t VALUES (6, 'back\'slash; still a string');
RESET standard_conforming_strings;
`

func TestRunScript(t *testing.T) {
	conn := connect(t)
	var echo bytes.Buffer
	r := &Runner{Conn: conn, Echo: &echo}
	n, err := r.Run(context.Background(), "good.sql", goodScript)
	if err != nil {
		t.Fatal(err)
	}
	if n != 11 {
		t.Errorf("ran %d statements, want 11", n)
	}
	if got := query(t, conn, "SELECT string_agg(id || '=' || coalesce(note, 'NULL'), '|' ORDER BY id) FROM t"); got != "1=semi;colon|2=it's|3=from DO; block|4=copied; line|5=NULL|6=back'slash; still a string" {
		t.Errorf("rows: %s", got)
	}
	if got := query(t, conn, "SELECT add_one(41)"); got != "42" {
		t.Errorf("add_one: %s", got)
	}
	if echo.String() != "migrated\n" {
		t.Errorf("echo: %q", echo.String())
	}
}

func TestRunErrors(t *testing.T) {
	tests := []struct {
		name, script string
		want         string // the error text must contain this
		left         string // then: SELECT count(*) FROM pg_class WHERE relname = 'kept'
	}{
		{"server error with position", "CREATE TABLE kept (a int);\nBEGIN;\nCREATE TABLE gone (a int);\nSELECT a,\n  nosuch\nFROM kept;\nCOMMIT;\n",
			`bad.sql:5:3: statement 4 (SELECT a, …): ERROR: column "nosuch" does not exist (SQLSTATE 42703)`, "1"},
		{"error inside a DO block", "CREATE TABLE kept (a int);\nDO $$ BEGIN RAISE EXCEPTION 'boom %', 7; END $$;\n",
			`bad.sql:2: statement 2 (DO $$ BEGIN RAISE EXCEPTION 'boom %', 7; END $$;): ERROR: boom 7 (SQLSTATE P0001); CONTEXT: PL/pgSQL function inline_code_block line 1 at RAISE`, "1"},
		{"open transaction at the end", "CREATE TABLE kept (a int);\nBEGIN;\nCREATE TABLE gone (a int);\n",
			"bad.sql:4: statement 3: the script ends inside a transaction block", "1"},
		{"unsupported meta-command", "CREATE TABLE kept (a int);\n\\copy kept FROM 'x.csv'\n", `bad.sql:2 (\copy kept FROM 'x.csv'): psql meta-command \copy reads a client-side file`, "1"},
		{"meta-command inside a statement", "CREATE TABLE kept (a int);\nSELECT 1 \\gset\n", `bad.sql:2: psql meta-command \gset inside a statement (begun at line 2)`, "1"},
		{"unterminated dollar quote", "CREATE TABLE kept (a int);\nDO $body$ BEGIN END;\n",
			"(the script ends inside a dollar quote $body$ opened at line 2)", "1"},
		{"include", "\\ir other.sql\n", `psql meta-command \ir: pgdrill does not follow includes`, "0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			conn := connect(t)
			r := &Runner{Conn: conn}
			_, err := r.Run(context.Background(), "bad.sql", tc.script)
			var se *Error
			if !errors.As(err, &se) {
				t.Fatalf("error %v (%T), want *Error", err, err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error\n %s\nwant it to contain\n %s", err, tc.want)
			}
			if conn.TxStatus() != 'I' {
				t.Errorf("connection left in transaction state %c", conn.TxStatus())
			}
			if got := query(t, conn, "SELECT count(*) FROM pg_class WHERE relname = 'kept'"); got != tc.left {
				t.Errorf("kept: %s, want %s", got, tc.left)
			}
			if got := query(t, conn, "SELECT count(*) FROM pg_class WHERE relname = 'gone'"); got != "0" {
				t.Errorf("the failed transaction's table survived")
			}
		})
	}
}
