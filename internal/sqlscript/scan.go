// Package sqlscript runs SQL scripts the way `psql -v ON_ERROR_STOP=1 -f`
// does: it splits a script into statements exactly where psql's lexer
// would, sends them one by one in autocommit (so BEGIN and COMMIT inside a
// script mean what they mean to psql), stops at the first error and says
// where it happened in the file.
//
// The split follows psql's lexer (src/fe_utils/psqlscan.l) in everything
// that decides where a statement ends: single-quoted strings (with or
// without standard_conforming_strings, E'…' strings, U&'…', B'…' and X'…'
// literals), double-quoted identifiers, dollar quoting with tags, "--"
// comments and nested /* */ comments, semicolons inside parentheses, and
// the BEGIN … END bodies of SQL-standard CREATE FUNCTION/PROCEDURE.
// psql's backslash meta-commands are not SQL: the few that cannot change
// what reaches the server (\set ON_ERROR_STOP, \echo, \timing, …) are
// accepted, every other one is an error naming the command and its line,
// and COPY … FROM STDIN takes its data from the lines after it as psql
// does.
package sqlscript

import (
	"strings"
)

// Kind says what a scanned Item is.
type Kind int

const (
	// SQL is a statement to send to the server.
	SQL Kind = iota
	// Meta is a psql backslash command (a whole line from the backslash).
	Meta
)

// Item is one statement or meta-command of a script.
type Item struct {
	Kind Kind
	// Text is what psql would send: from the statement's first token
	// (leading blanks and "--" comments are dropped, as psql drops them)
	// through its terminating semicolon, or to the end of the script for
	// a last statement without one. For Meta, the command line from its
	// backslash to the end of the line.
	Text string
	// Offset is Text's byte offset in the script; Line its 1-based line.
	Offset int
	Line   int
	// Open, when the script ends inside a quoted string, identifier,
	// comment or dollar quote, says which and where it began (psql sends
	// such a statement anyway and the server rejects it).
	Open string
	// Copy is set for COPY … FROM STDIN: the data lines that followed the
	// statement in the script, up to (not including) the "\." line.
	Copy *string
	// words holds the first top-level words of the statement, lower case.
	words []string
}

// CopyIn reports whether the statement is COPY … FROM STDIN.
func (it *Item) CopyIn() bool { return it.copyDir("from") }

// CopyOut reports whether the statement is COPY … TO STDOUT.
func (it *Item) CopyOut() bool { return it.copyDir("to") }

func (it *Item) copyDir(dir string) bool {
	if it.Kind != SQL || len(it.words) == 0 || it.words[0] != "copy" {
		return false
	}
	for i := 1; i+1 < len(it.words); i++ {
		if it.words[i] == dir && (it.words[i+1] == "stdin" || it.words[i+1] == "stdout" || it.words[i+1] == "pstdin" || it.words[i+1] == "pstdout") {
			return true
		}
	}
	return false
}

// maxWords bounds the top-level words kept per statement: enough to
// recognise COPY … FROM STDIN with a table name and options.
const maxWords = 12

// Scanner splits a script into Items.
type Scanner struct {
	src string
	pos int
	// StdStrings is standard_conforming_strings: when true (the default
	// since PostgreSQL 9.1) a backslash in '…' is an ordinary character.
	// A runner updates it from the server between statements, as psql
	// does, so a script that turns it off is split as psql splits it.
	StdStrings bool
	err        error
}

// NewScanner returns a Scanner over src with standard_conforming_strings on.
func NewScanner(src string) *Scanner { return &Scanner{src: src, StdStrings: true} }

// Split returns all of src's items, scanned with standard_conforming_strings on.
func Split(src string) ([]Item, error) {
	s := NewScanner(src)
	var items []Item
	for {
		it, ok := s.Next()
		if !ok {
			return items, s.Err()
		}
		items = append(items, it)
	}
}

// Err is the error that stopped the scan, if any.
func (s *Scanner) Err() error { return s.err }

// LineAt is the 1-based line of byte offset off in the script.
func (s *Scanner) LineAt(off int) int { return lineAt(s.src, off) }

func lineAt(src string, off int) int { return 1 + strings.Count(src[:min(off, len(src))], "\n") }

func isIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80
}

func isIdentCont(c byte) bool { return isIdentStart(c) || c >= '0' && c <= '9' || c == '$' }

// isDolqCont is a dollar-quote tag character: like an identifier's but
// without '$'.
func isDolqCont(c byte) bool { return isIdentStart(c) || c >= '0' && c <= '9' }

// Next returns the next item; false at the end of the script or on an
// error (see Err).
func (s *Scanner) Next() (Item, bool) {
	if s.err != nil {
		return Item{}, false
	}
	src := s.src
	i := s.pos
	// Leading blanks and "--" comments never reach the query buffer.
	for i < len(src) {
		c := src[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
			i++
		} else if c == '-' && i+1 < len(src) && src[i+1] == '-' {
			for i < len(src) && src[i] != '\n' && src[i] != '\r' {
				i++
			}
		} else {
			break
		}
	}
	if i >= len(src) {
		s.pos = i
		return Item{}, false
	}
	start := i
	if src[i] == '\\' {
		end := strings.IndexAny(src[i:], "\r\n")
		if end < 0 {
			end = len(src) - i
		}
		s.pos = i + end
		return Item{Kind: Meta, Text: src[i : i+end], Offset: i, Line: lineAt(src, i)}, true
	}

	it := Item{Kind: SQL, Offset: start}
	var (
		parenDepth int
		beginDepth int
		idents     [4]byte // first letters of CREATE [OR REPLACE] FUNCTION|PROCEDURE, as psql tracks them
		identCount int
		open       = func(what string, at int) { it.Open = what + " opened at line " + itoa(lineAt(src, at)) }
	)
scan:
	for i < len(src) {
		c := src[i]
		switch {
		case c == ';':
			i++
			if parenDepth == 0 && beginDepth == 0 {
				break scan
			}
		case c == '(':
			parenDepth++
			i++
		case c == ')':
			if parenDepth > 0 {
				parenDepth--
			}
			i++
		case c == '-' && i+1 < len(src) && src[i+1] == '-':
			for i < len(src) && src[i] != '\n' && src[i] != '\r' {
				i++
			}
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			at := i
			depth := 0
			for i < len(src) {
				if src[i] == '/' && i+1 < len(src) && src[i+1] == '*' {
					depth++
					i += 2
				} else if src[i] == '*' && i+1 < len(src) && src[i+1] == '/' {
					depth--
					i += 2
					if depth == 0 {
						break
					}
				} else {
					i++
				}
			}
			if depth > 0 {
				open("a /* comment", at)
			}
		case c == '\'':
			i = s.quoted(i, !s.StdStrings, &it, open)
		case c == '"':
			at := i
			i++
			for {
				j := strings.IndexByte(src[i:], '"')
				if j < 0 {
					i = len(src)
					open("a quoted identifier", at)
					break
				}
				i += j + 1
				if i < len(src) && src[i] == '"' {
					i++
					continue
				}
				break
			}
		case c == '$':
			// A dollar quote: $$ or $tag$ (a tag does not start with a digit).
			j := i + 1
			if j < len(src) && isIdentStart(src[j]) && src[j] != '$' {
				for j < len(src) && isDolqCont(src[j]) {
					j++
				}
			}
			if j < len(src) && src[j] == '$' {
				delim := src[i : j+1]
				at := i
				k := strings.Index(src[j+1:], delim)
				if k < 0 {
					i = len(src)
					open("a dollar quote "+delim, at)
				} else {
					i = j + 1 + k + len(delim)
				}
			} else {
				// A parameter such as $1, or a lone '$'.
				i++
				for i < len(src) && src[i] >= '0' && src[i] <= '9' {
					i++
				}
			}
		case c == '\\':
			s.err = &ScanError{Line: lineAt(src, i), Msg: "psql meta-command " + metaName(src[i:]) + " inside a statement (begun at line " + itoa(lineAt(src, start)) + "): pgdrill accepts meta-commands only between statements"}
			return Item{}, false
		case isIdentStart(c):
			j := i + 1
			for j < len(src) && isIdentCont(src[j]) {
				j++
			}
			word := src[i:j]
			// E'…', U&'…' / U&"…", and B'', X'', N'' literals start with a
			// one-letter word.
			if len(word) == 1 && j < len(src) {
				switch {
				case (c == 'e' || c == 'E') && src[j] == '\'':
					i = s.quoted(j, true, &it, open)
					continue
				case (c == 'b' || c == 'B' || c == 'x' || c == 'X' || c == 'n' || c == 'N') && src[j] == '\'':
					i = s.quoted(j, (c == 'n' || c == 'N') && !s.StdStrings, &it, open)
					continue
				case (c == 'u' || c == 'U') && j+1 < len(src) && src[j] == '&' && (src[j+1] == '\'' || src[j+1] == '"'):
					i = j + 1 // the quote is scanned next (U& strings take no backslash escapes here)
					if src[i] == '\'' {
						i = s.quoted(i, false, &it, open)
					}
					continue
				}
			}
			lower := strings.ToLower(word)
			if identCount == 0 {
				idents = [4]byte{}
			}
			switch lower {
			case "create", "function", "procedure", "or", "replace":
				if identCount < len(idents) {
					idents[identCount] = lower[0]
				}
			}
			identCount++
			if idents[0] == 'c' && (idents[1] == 'f' || idents[1] == 'p' ||
				idents[1] == 'o' && idents[2] == 'r' && (idents[3] == 'f' || idents[3] == 'p')) && parenDepth == 0 {
				switch lower {
				case "begin":
					beginDepth++
				case "case":
					// CASE ends with END too; it matters only inside BEGIN.
					if beginDepth >= 1 {
						beginDepth++
					}
				case "end":
					if beginDepth > 0 {
						beginDepth--
					}
				}
			}
			if parenDepth == 0 && len(it.words) < maxWords {
				it.words = append(it.words, lower)
			}
			i = j
		case c >= '0' && c <= '9':
			// A number: digits, a fraction, an exponent. What follows is
			// scanned as its own token, as psql does ("1abc$$" is 1 and
			// the identifier abc$$, not a dollar quote).
			for i < len(src) && (src[i] >= '0' && src[i] <= '9' || src[i] == '.') {
				i++
			}
			if i < len(src) && (src[i] == 'e' || src[i] == 'E') {
				j := i + 1
				if j < len(src) && (src[j] == '+' || src[j] == '-') {
					j++
				}
				if j < len(src) && src[j] >= '0' && src[j] <= '9' {
					i = j
					for i < len(src) && src[i] >= '0' && src[i] <= '9' {
						i++
					}
				}
			}
		default:
			i++
		}
	}
	it.Text = src[start:i]
	it.Line = lineAt(src, start)
	s.pos = i
	if it.CopyIn() && it.Open == "" {
		if err := s.copyData(&it); err != nil {
			s.err = err
			return Item{}, false
		}
	}
	return it, true
}

// quoted scans a '…' literal starting at the quote at i and returns the
// offset after it; backslashes escape the next byte when escapes is true.
func (s *Scanner) quoted(i int, escapes bool, it *Item, open func(string, int)) int {
	src := s.src
	at := i
	i++
	for i < len(src) {
		switch src[i] {
		case '\\':
			if escapes {
				i += 2
				continue
			}
		case '\'':
			if i+1 < len(src) && src[i+1] == '\'' {
				i += 2
				continue
			}
			return i + 1
		}
		i++
	}
	open("a quoted string", at)
	return len(src)
}

// copyData takes the data of a COPY … FROM STDIN: psql reads it from the
// script's lines after the statement's line, up to a line "\." or the end.
func (s *Scanner) copyData(it *Item) error {
	src := s.src
	nl := strings.IndexAny(src[s.pos:], "\n")
	rest := src[s.pos:]
	if nl >= 0 {
		rest = rest[:nl]
	}
	if t := strings.TrimSpace(rest); t != "" && !strings.HasPrefix(t, "--") {
		return &ScanError{Line: lineAt(src, s.pos), Msg: "text after COPY … FROM STDIN on the same line: put the data on the lines after the statement"}
	}
	if nl < 0 {
		data := ""
		it.Copy = &data
		s.pos = len(src)
		return nil
	}
	begin := s.pos + nl + 1
	i := begin
	for i < len(src) {
		e := strings.IndexByte(src[i:], '\n')
		line := src[i:]
		next := len(src)
		if e >= 0 {
			line = src[i : i+e]
			next = i + e + 1
		}
		if strings.TrimSuffix(line, "\r") == `\.` {
			data := src[begin:i]
			it.Copy = &data
			s.pos = next
			return nil
		}
		i = next
	}
	data := src[begin:]
	it.Copy = &data
	s.pos = len(src)
	return nil
}

// ScanError is a script psql would run differently from how pgdrill can.
type ScanError struct {
	Line int
	Msg  string
}

func (e *ScanError) Error() string { return "line " + itoa(e.Line) + ": " + e.Msg }

// metaName is the backslash command at the start of s, e.g. `\copy`.
func metaName(s string) string {
	j := 1
	for j < len(s) && (isIdentCont(s[j]) && s[j] != '$' || j == 1 && s[j] != ' ' && s[j] != '\t' && s[j] != '\n' && s[j] != '\r') {
		j++
		if j == 2 && !isIdentCont(s[1]) {
			break // one-character commands such as \! or \;
		}
	}
	return s[:j]
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
