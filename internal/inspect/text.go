package inspect

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteText writes the report for people to read. name labels the archive.
func (r *Report) WriteText(w io.Writer, name string) error {
	bw := bufio.NewWriter(w)
	a := r.Archive
	field := func(label, format string, args ...any) {
		fmt.Fprintf(bw, "%-14s %s\n", label, fmt.Sprintf(format, args...))
	}
	if a.Size > 0 {
		field("archive", "%s (%d bytes)", name, a.Size)
	} else {
		field("archive", "%s", name)
	}
	field("format", "%s %s, compression %s", a.Format, a.Version, a.Compression)
	field("created", "%s", a.Created.Format("2006-01-02 15:04:05 MST"))
	field("database", "%s", a.DBName)
	if a.ServerVersion != nil {
		field("dumped from", "%s", *a.ServerVersion)
	}
	if a.DumpVersion != nil {
		field("dumped by", "%s", *a.DumpVersion)
	}
	field("TOC entries", "%d", a.TOCEntries)
	field("table data", "%d tables, %d rows, %d bytes raw, %d compressed", a.TableData, a.Rows, a.RawBytes, a.Compressed)
	if a.Unresolved > 0 {
		field("unresolved", "%d columns of unknown type, not analysed (see the notes)", a.Unresolved)
	}
	lo := r.LargeObjects
	field("large objects", "%d, %d bytes raw, %d compressed", lo.Count, lo.Bytes, lo.CompressedBytes)

	for _, t := range r.Tables {
		bw.WriteByte('\n')
		rows := fmt.Sprintf("%d rows", t.Rows)
		if t.Inserts {
			rows = "INSERT statements"
		}
		fmt.Fprintf(bw, "%s  %s, %d bytes raw, %d compressed\n", displayName(t.Namespace, t.Name), rows, t.RawBytes, t.CompressedBytes)
		if t.BadRows > 0 {
			fmt.Fprintf(bw, "  malformed rows: %d\n", t.BadRows)
		}
		if t.Note != "" {
			fmt.Fprintf(bw, "  note: %s\n", t.Note)
		}
		for _, c := range t.Columns {
			fmt.Fprintf(bw, "  %s  %s%s\n", displayIdent(c.Name), c.displayType(), c.origin())
			if !c.Kind.analysed() {
				fmt.Fprintf(bw, "    not analysed: %s; values %d, nulls %d\n", c.Note, c.Values, c.Nulls)
				continue
			}
			fmt.Fprintf(bw, "    values %d, nulls %d, infinite %d, fractional %d, invalid %d\n",
				c.Values, c.Nulls, c.Infinite, c.Fractional, c.Invalid)
			value := func(label string, v *Value) {
				if v == nil {
					return
				}
				if v.UTC != "" && v.UTC != v.Text {
					fmt.Fprintf(bw, "    %-11s %s  (UTC %s)\n", label, v.Text, v.UTC)
				} else {
					fmt.Fprintf(bw, "    %-11s %s\n", label, v.Text)
				}
			}
			value("min", c.Min)
			value("max", c.Max)
			if c.Infinite > 0 {
				value("finite min", c.FiniteMin)
				value("finite max", c.FiniteMax)
			}
			if len(c.Offsets) > 0 {
				fmt.Fprintf(bw, "    %-11s %s\n", "offsets", strings.Join(c.Offsets, " "))
			}
			if c.Example != "" {
				fmt.Fprintf(bw, "    %-11s %q\n", "invalid", c.Example)
			}
		}
	}
	return bw.Flush()
}

// displayType is the declared type, or what is known of it.
func (c *Column) displayType() string {
	if c.Type == "" {
		return "(type unknown)"
	}
	return c.Type
}

// origin says in parentheses where the type came from, if not plainly from
// the table's own CREATE TABLE.
func (c *Column) origin() string {
	var parts []string
	if c.Base != "" {
		parts = append(parts, "domain over "+c.Base)
	}
	if c.Origin != "" {
		parts = append(parts, c.Origin)
	}
	if len(parts) == 0 {
		return ""
	}
	return "  (" + strings.Join(parts, ", ") + ")"
}

// displayName is a qualified name as SQL would quote it, with control
// characters escaped so that it stays on one line.
func displayName(ns, name string) string {
	if ns == "" {
		return displayIdent(name)
	}
	return displayIdent(ns) + "." + displayIdent(name)
}

func displayIdent(s string) string {
	plain := s != ""
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c == '_' || i > 0 && (c >= '0' && c <= '9' || c == '$')) {
			plain = false
			break
		}
	}
	if !plain {
		s = `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return strings.NewReplacer("\n", `\n`, "\r", `\r`, "\t", `\t`).Replace(s)
}
