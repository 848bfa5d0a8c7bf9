package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/pgdrill/pgdrill/internal/progress"
	"github.com/pgdrill/pgdrill/pgarchive"
	"github.com/spf13/cobra"
)

func init() { register(newCatCmd) }

func newCatCmd() *cobra.Command {
	var all bool
	cmd := &cobra.Command{
		Use:   "cat ARCHIVE TABLE | cat --all [ARCHIVE|-]",
		Short: "Print a table's rows from an archive, as COPY text",
		Long: `Print the rows of one table exactly as pg_restore -a prints them between
the COPY statement and the \. line: COPY text, one row per line. TABLE is
name or schema.name, with SQL quoting: "Mixed Case"."My Table",
public."données été". Unquoted names are folded to lower case. An unqualified
name that several schemas share is an error listing the candidates.

--all prints every table's data in archive order, as a script psql can run:
for each table its COPY statement as stored in the archive, its rows, and
the line \. followed by an empty line. Data dumped as INSERT statements is
printed as it is. Large objects are not printed.

ARCHIVE - reads standard input in one pass. Data is streamed: no table is
held in memory.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if all && len(args) > 1 {
				return usageError(errors.New("cat --all takes at most one argument, the archive"))
			}
			if !all && len(args) != 2 {
				return usageError(errors.New("cat needs an archive and a table name (or --all)"))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			var table tableName
			if !all {
				var err error
				if table, err = parseTableName(args[1]); err != nil {
					return usageError(err)
				}
				args = args[:1]
			}
			src, err := openSource(cmd.Context(), cmd, argOrStdin(args), sourceOptions{})
			if err != nil {
				return err
			}
			defer src.Close()
			out := bufio.NewWriterSize(cmd.OutOrStdout(), 64<<10)
			if all {
				err = catAll(out, src, newBar(cmd, "cat", src.size))
			} else {
				err = catTable(out, src, table)
			}
			if err != nil {
				return dataError(src.name, err)
			}
			return out.Flush()
		},
	}
	cmd.Flags().BoolVar(&all, "all", false, "print every table's data, each after its COPY statement")
	return cmd
}

// tableName is a table named on the command line.
type tableName struct {
	schema    string
	qualified bool
	name      string
}

func (t tableName) String() string {
	if t.qualified {
		return quoteIdent(t.schema) + "." + quoteIdent(t.name)
	}
	return quoteIdent(t.name)
}

// parseTableName reads name or schema.name with SQL's rules: double quotes
// keep a name as written ("" stands for one quote), unquoted names fold to
// lower case and may hold only letters, digits, _ and $.
func parseTableName(s string) (tableName, error) {
	var parts []string
	i := 0
	for {
		if i >= len(s) {
			return tableName{}, fmt.Errorf("table name %q: a name is missing", s)
		}
		var part strings.Builder
		if s[i] == '"' {
			i++
			closed := false
			for i < len(s) {
				if s[i] == '"' {
					if i+1 < len(s) && s[i+1] == '"' {
						part.WriteByte('"')
						i += 2
						continue
					}
					i++
					closed = true
					break
				}
				part.WriteByte(s[i])
				i++
			}
			if !closed {
				return tableName{}, fmt.Errorf("table name %q: unterminated quoted identifier", s)
			}
			if part.Len() == 0 {
				return tableName{}, fmt.Errorf("table name %q: zero-length quoted identifier", s)
			}
		} else {
			start := i
			for i < len(s) && s[i] != '.' {
				c := s[i]
				switch {
				case c >= 'A' && c <= 'Z':
					part.WriteByte(c + 'a' - 'A')
				case c >= 'a' && c <= 'z', c == '_', c >= 0x80, i > start && (c >= '0' && c <= '9' || c == '$'):
					part.WriteByte(c)
				default:
					return tableName{}, fmt.Errorf("table name %q: %q needs double quotes", s, s[start:])
				}
				i++
			}
			if part.Len() == 0 {
				return tableName{}, fmt.Errorf("table name %q: a name is missing", s)
			}
		}
		parts = append(parts, part.String())
		if i == len(s) {
			break
		}
		if s[i] != '.' {
			return tableName{}, fmt.Errorf("table name %q: unexpected %q after a quoted name", s, s[i:])
		}
		i++
	}
	switch len(parts) {
	case 1:
		return tableName{name: parts[0]}, nil
	case 2:
		return tableName{schema: parts[0], qualified: true, name: parts[1]}, nil
	}
	return tableName{}, fmt.Errorf("table name %q: use name or schema.name", s)
}

// quoteIdent quotes an identifier unless it is plain lower-case SQL.
func quoteIdent(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c == '_' || i > 0 && (c >= '0' && c <= '9' || c == '$')) {
			return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
		}
	}
	if s == "" {
		return `""`
	}
	return s
}

// findTable returns the TABLE DATA entry the name denotes.
func findTable(entries []*pgarchive.Entry, t tableName) (*pgarchive.Entry, error) {
	var found []*pgarchive.Entry
	for _, e := range entries {
		if e.Desc != "TABLE DATA" || e.Tag != t.name {
			continue
		}
		if t.qualified && (!e.Namespace.Valid || e.Namespace.String != t.schema) {
			continue
		}
		found = append(found, e)
	}
	switch len(found) {
	case 0:
		return nil, fmt.Errorf("no data for table %s in the archive", t)
	case 1:
		if found[0].DataState == pgarchive.DataNone {
			return nil, fmt.Errorf("%s has no data block", found[0])
		}
		return found[0], nil
	}
	names := make([]string, len(found))
	for i, e := range found {
		names[i] = quoteIdent(e.Namespace.String) + "." + quoteIdent(e.Tag)
	}
	return nil, fmt.Errorf("table name %s is ambiguous: %s", t, strings.Join(names, ", "))
}

func catTable(w io.Writer, src *archiveSource, t tableName) error {
	e, err := findTable(src.entries, t)
	if err != nil {
		return usageError(err)
	}
	b, err := src.open(e)
	if err != nil {
		return err
	}
	if !isCopy(e) {
		_, err = io.Copy(w, b)
		return err
	}
	return writeCopyRows(w, b)
}

func catAll(w *bufio.Writer, src *archiveSource, bar *progress.Bar) error {
	defer bar.Done()
	bar.Add(src.toc)
	for {
		b, err := src.Next()
		if err == io.EOF {
			bar.Complete()
			return nil
		}
		if err != nil {
			return err
		}
		if b.IsBlobs() || b.Entry.Desc != "TABLE DATA" {
			continue
		}
		r := &progressReader{b: b, bar: bar}
		if !isCopy(b.Entry) {
			if _, err := io.Copy(w, r); err != nil {
				return err
			}
			continue
		}
		w.WriteString(b.Entry.CopyStmt.String)
		if err := writeCopyRows(w, r); err != nil {
			return err
		}
		if _, err := w.WriteString("\\.\n\n"); err != nil {
			return err
		}
	}
}

// isCopy: the entry's data is COPY text rather than INSERT statements.
func isCopy(e *pgarchive.Entry) bool { return e.CopyStmt.Valid && e.CopyStmt.String != "" }

// progressReader reports the archive bytes a block has used to a bar, as
// the block is read or written out.
type progressReader struct {
	b        *pgarchive.Block
	bar      *progress.Bar
	reported int64
}

func (p *progressReader) report() {
	if used := p.b.CompressedBytes(); used > p.reported {
		p.bar.Add(used - p.reported)
		p.reported = used
	}
}

func (p *progressReader) Read(buf []byte) (int, error) {
	n, err := p.b.Read(buf)
	p.report()
	return n, err
}

// WriteTo lets the block write straight to w (see pgarchive.Block.WriteTo).
func (p *progressReader) WriteTo(w io.Writer) (int64, error) {
	return p.b.WriteTo(writerFunc(func(b []byte) (int, error) {
		p.report()
		return w.Write(b)
	}))
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }
