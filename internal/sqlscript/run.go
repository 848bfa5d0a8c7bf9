package sqlscript

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/jackc/pgx/v5/pgconn"
)

// MaxScriptBytes bounds a script read by RunFile: scripts are read whole,
// and a migration file larger than this is far more likely a mistake (a
// dump with data) than a migration.
const MaxScriptBytes = 256 << 20

// Runner sends scripts to one connection.
type Runner struct {
	Conn *pgconn.PgConn
	// Echo, if not nil, receives the text of \echo, \qecho and \warn.
	Echo io.Writer
	// Skip, if not nil, is asked about every SQL statement before it is
	// sent; the statement is passed over when it returns true (a caller
	// filtering a script it does not fully trust, e.g. pg_dumpall output
	// that would alter the superuser it runs as).
	Skip func(ctx context.Context, stmt string) (bool, error)
}

// Error says where a script failed: the file, the statement's number in
// it (1-based, counting SQL statements only), the line and column (the
// server's error position when it gave one, else the statement's start)
// and what went wrong.
type Error struct {
	File      string
	Statement int
	Line      int
	Column    int // 0 when the server gave no position
	Text      string
	Err       error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	fmt.Fprintf(&b, ":%d", e.Line)
	if e.Column > 0 {
		fmt.Fprintf(&b, ":%d", e.Column)
	}
	if e.Statement > 0 {
		fmt.Fprintf(&b, ": statement %d", e.Statement)
	}
	if e.Text != "" {
		fmt.Fprintf(&b, " (%s)", excerpt(e.Text))
	}
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	var pg *pgconn.PgError
	if errors.As(e.Err, &pg) {
		if pg.Detail != "" {
			b.WriteString("; DETAIL: " + pg.Detail)
		}
		if pg.Where != "" {
			b.WriteString("; CONTEXT: " + strings.ReplaceAll(pg.Where, "\n", " / "))
		}
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// excerpt is a statement's first line, shortened.
func excerpt(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		s = s[:i] + " …"
	}
	if len(s) > 72 {
		cut := 68
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + " …"
	}
	return s
}

// RunFile runs the script at path; see Run.
func (r *Runner) RunFile(ctx context.Context, path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	return r.run(ctx, path, f)
}

// RunFS runs the script name of fsys (an embed.FS of migrations, say),
// naming it display in errors; see Run.
func (r *Runner) RunFS(ctx context.Context, fsys fs.FS, name, display string) (int, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	return r.run(ctx, display, f)
}

// run reads a script of at most MaxScriptBytes from f and runs it.
func (r *Runner) run(ctx context.Context, name string, f io.Reader) (int, error) {
	raw, err := io.ReadAll(io.LimitReader(f, MaxScriptBytes+1))
	if err != nil {
		return 0, fmt.Errorf("%s: %w", name, err)
	}
	if len(raw) > MaxScriptBytes {
		return 0, fmt.Errorf("%s: larger than %d MiB; not a migration script", name, MaxScriptBytes>>20)
	}
	return r.Run(ctx, name, string(raw))
}

// Run sends script's statements one by one in autocommit, as psql -f with
// ON_ERROR_STOP does, and returns how many it sent. It stops at the first
// failing statement and returns an *Error naming it (rolling back the
// transaction the script had open, as psql's exit would). A script that
// ends inside a transaction block is an error too: psql would silently
// roll it back when it disconnects.
func (r *Runner) Run(ctx context.Context, name, script string) (int, error) {
	s := NewScanner(script)
	s.StdStrings = r.Conn.ParameterStatus("standard_conforming_strings") != "off"
	n := 0
	fail := func(it *Item, err error) (int, error) {
		if r.Conn.TxStatus() != 'I' && !r.Conn.IsClosed() {
			_ = r.Conn.Exec(ctx, "ROLLBACK").Close()
		}
		e := &Error{File: name, Statement: n, Line: it.Line, Text: it.Text, Err: err}
		if it.Kind == Meta {
			e.Statement = 0
		}
		var pg *pgconn.PgError
		if errors.As(err, &pg) && pg.Position > 0 {
			e.Line, e.Column = position(it, int(pg.Position))
		}
		if it.Open != "" {
			e.Err = fmt.Errorf("%w (the script ends inside %s)", err, it.Open)
		}
		return n, e
	}
	for {
		it, ok := s.Next()
		if !ok {
			break
		}
		if it.Kind == Meta {
			if err := r.meta(ctx, it.Text); err != nil {
				return fail(&it, err)
			}
			continue
		}
		n++
		if r.Skip != nil {
			skip, err := r.Skip(ctx, it.Text)
			if err != nil {
				return fail(&it, err)
			}
			if skip {
				continue
			}
		}
		if err := r.exec(ctx, &it); err != nil {
			return fail(&it, err)
		}
		s.StdStrings = r.Conn.ParameterStatus("standard_conforming_strings") != "off"
	}
	if err := s.Err(); err != nil {
		var se *ScanError
		if errors.As(err, &se) {
			return n, &Error{File: name, Line: se.Line, Err: errors.New(se.Msg)}
		}
		return n, fmt.Errorf("%s: %w", name, err)
	}
	if r.Conn.TxStatus() != 'I' {
		_ = r.Conn.Exec(ctx, "ROLLBACK").Close()
		return n, &Error{File: name, Line: lineAt(script, len(script)), Statement: n,
			Err: errors.New("the script ends inside a transaction block (BEGIN without COMMIT); psql would roll it back on exit, so pgdrill stops here")}
	}
	return n, nil
}

// exec sends one statement and discards its results.
func (r *Runner) exec(ctx context.Context, it *Item) error {
	switch {
	case it.Copy != nil:
		_, err := r.Conn.CopyFrom(ctx, strings.NewReader(*it.Copy), it.Text)
		return err
	case it.CopyOut():
		_, err := r.Conn.CopyTo(ctx, io.Discard, it.Text)
		return err
	}
	mrr := r.Conn.Exec(ctx, it.Text)
	for mrr.NextResult() {
		// Results of a migration's SELECTs are not shown; drain them.
		_, _ = mrr.ResultReader().Close()
	}
	return mrr.Close()
}

// position turns the server's 1-based character position in it.Text into a
// line and column of the script.
func position(it *Item, pos int) (line, col int) {
	text := it.Text
	off := 0
	for i := 1; i < pos && off < len(text); i++ {
		_, size := utf8.DecodeRuneInString(text[off:])
		off += size
	}
	before := text[:off]
	line = it.Line + strings.Count(before, "\n")
	if nl := strings.LastIndexByte(before, '\n'); nl >= 0 {
		before = before[nl+1:]
	}
	return line, utf8.RuneCountInString(before) + 1
}

// quietVars are psql variables that change only what psql prints or, for
// ON_ERROR_STOP, what pgdrill always does anyway.
var quietVars = map[string]bool{
	"ON_ERROR_STOP": true, "ON_ERROR_ROLLBACK": true, "ECHO": true, "ECHO_HIDDEN": true,
	"QUIET": true, "VERBOSITY": true, "SHOW_CONTEXT": true,
}

// meta carries out the psql meta-commands pgdrill accepts: those that do
// not change what reaches the server. Every other one is an error that
// names it, rather than a silently different run.
func (r *Runner) meta(ctx context.Context, line string) error {
	fields := strings.Fields(line)
	cmd := fields[0]
	args := fields[1:]
	switch cmd {
	case `\set`, `\unset`:
		if len(args) > 0 && quietVars[args[0]] {
			return nil
		}
		if len(args) > 0 && args[0] == "AUTOCOMMIT" && cmd == `\set` && len(args) == 2 && isOn(args[1]) {
			return nil
		}
		return fmt.Errorf("psql meta-command %s: pgdrill accepts \\set only for ON_ERROR_STOP, ON_ERROR_ROLLBACK, ECHO, ECHO_HIDDEN, QUIET, VERBOSITY and SHOW_CONTEXT (it does not interpolate psql variables)", strings.TrimSpace(line))
	case `\echo`, `\qecho`, `\warn`:
		if r.Echo != nil {
			fmt.Fprintln(r.Echo, strings.Join(args, " "))
		}
		return nil
	case `\timing`, `\pset`, `\x`, `\a`, `\t`, `\H`, `\C`:
		return nil // output formatting only
	case `\restrict`, `\unrestrict`:
		// pg_dump and pg_dumpall (since 17.6, 15.14, …) bracket their
		// scripts with these to stop meta-commands hidden in data; pgdrill
		// never runs meta-commands from data, so they change nothing.
		return nil
	case `\encoding`:
		if len(args) == 1 && strings.EqualFold(strings.ReplaceAll(args[0], "-", ""), "UTF8") {
			return nil
		}
		return fmt.Errorf("psql meta-command %s: pgdrill talks UTF8 to the server; convert the script to UTF-8 instead", strings.TrimSpace(line))
	case `\i`, `\ir`, `\include`, `\include_relative`:
		return fmt.Errorf("psql meta-command %s: pgdrill does not follow includes; put the included SQL in the migration directory", cmd)
	case `\copy`:
		return fmt.Errorf("psql meta-command \\copy reads a client-side file; use COPY … FROM STDIN with the data inline, or --workload")
	case `\c`, `\connect`:
		return fmt.Errorf("psql meta-command %s: pgdrill runs every script in the drill's one database", cmd)
	}
	return fmt.Errorf("psql meta-command %s is not supported: pgdrill sends the SQL itself and accepts only \\set ON_ERROR_STOP (and other display settings), \\echo, \\timing and \\encoding UTF8", cmd)
}

func isOn(v string) bool {
	switch strings.ToLower(v) {
	case "on", "1", "true", "yes", "t", "y":
		return true
	}
	return false
}
