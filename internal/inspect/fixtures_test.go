package inspect

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The archives of testdata/inspect (made by its gen.sh from schema.sql),
// whose date/time columns come from parents, composite types, domains and
// partitioned parents.
var resolveFixtures = []struct {
	name string
	// whole: the whole database was dumped, so every column resolves and
	// every date/time column of server.want is in the report.
	whole bool
}{
	{"pg15", true},
	{"pg17", true},
	{"pg17-tables", false}, // -t: no parents, types or domains
}

func resolveFixture(name string) string {
	return filepath.Join("..", "..", "testdata", "inspect", name)
}

// TestResolveGoldens: the text and JSON reports of the testdata/inspect
// archives, byte for byte, as `pgdrill inspect --timezone UTC` prints them
// when run from the repository root (gen.sh writes them so).
func TestResolveGoldens(t *testing.T) {
	for _, f := range resolveFixtures {
		t.Run(f.name, func(t *testing.T) {
			r := inspectFile(t, resolveFixture(f.name+".dump"))
			checkGoldens(t, r, "testdata/inspect/"+f.name+".dump", resolveFixture(f.name))
		})
	}
}

// serverWant is testdata/inspect/server.want: the server's own figures for
// every table and date/time column, FROM ONLY each table (see gen.sh).
type serverWant struct {
	rows    map[string]int64    // "schema.table"
	columns map[string][]string // "schema.table column": kind, values, nulls, infinite, fractional, min, max, finite min, finite max
}

func readServerWant(t *testing.T) serverWant {
	t.Helper()
	f, err := os.Open(resolveFixture("server.want"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := serverWant{rows: map[string]int64{}, columns: map[string][]string{}}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		switch {
		case fields[0] == "table" && len(fields) == 4:
			n, err := strconv.ParseInt(fields[3], 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			w.rows[fields[1]+"."+fields[2]] = n
		case fields[0] == "column" && len(fields) == 13:
			w.columns[fields[1]+"."+fields[2]+" "+fields[3]] = fields[4:]
		default:
			t.Fatalf("server.want: line %q", sc.Text())
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(w.rows) == 0 || len(w.columns) == 0 {
		t.Fatal("server.want is empty")
	}
	return w
}

// figures are a column's report in server.want's form.
func figures(c *Column) []string {
	n := func(i int64) string { return strconv.FormatInt(i, 10) }
	if !c.Kind.analysed() {
		return []string{c.Kind.String(), n(c.Values), n(c.Nulls), "", "", "", "", "", ""}
	}
	text := func(v *Value) string {
		if v == nil {
			return ""
		}
		return v.Text
	}
	return []string{c.Kind.String(), n(c.Values), n(c.Nulls), n(c.Infinite), n(c.Fractional),
		text(c.Min), text(c.Max), text(c.FiniteMin), text(c.FiniteMax)}
}

// TestResolveMatchesServer: every figure of every date/time column the
// report analyses is the server's own (count, min, max, isfinite and
// date_trunc over the table), and, for the whole-database archives, the
// report has exactly the server's date/time columns: none inherited, typed,
// domain or partition column is missed, and arrays are listed, not read.
func TestResolveMatchesServer(t *testing.T) {
	want := readServerWant(t)
	for _, f := range resolveFixtures {
		t.Run(f.name, func(t *testing.T) {
			r := inspectFile(t, resolveFixture(f.name+".dump"))
			seen := map[string]bool{}
			for _, tb := range r.Tables {
				table := tb.Namespace + "." + tb.Name
				if rows, ok := want.rows[table]; !ok || tb.Rows != rows {
					t.Errorf("%s: %d rows, server counts %d (known %v)", table, tb.Rows, rows, ok)
				}
				if tb.BadRows != 0 {
					t.Errorf("%s: %d malformed rows", table, tb.BadRows)
				}
				for _, c := range tb.Columns {
					key := table + " " + c.Name
					if c.Kind == Unknown {
						if f.whole {
							t.Errorf("%s: unknown type: %s (table note %q)", key, c.Note, tb.Note)
						}
						continue
					}
					seen[key] = true
					w, ok := want.columns[key]
					if !ok {
						t.Errorf("%s: reported as %s; the server has no such date/time column", key, c.Kind)
						continue
					}
					if got := figures(c); strings.Join(got, "|") != strings.Join(w, "|") {
						t.Errorf("%s:\ngot    %q\nserver %q", key, got, w)
					}
					if c.Invalid != 0 {
						t.Errorf("%s: %d invalid values", key, c.Invalid)
					}
				}
			}
			if !f.whole {
				return
			}
			if len(r.Tables) != len(want.rows) {
				t.Errorf("%d tables, server has %d", len(r.Tables), len(want.rows))
			}
			for key := range want.columns {
				if !seen[key] {
					t.Errorf("%s: a date/time column of the server's, missing from the report", key)
				}
			}
			if r.Archive.Unresolved != 0 {
				t.Errorf("%d unresolved columns", r.Archive.Unresolved)
			}
		})
	}
}

// TestResolveFacts spells out, apart from the goldens and server.want, the
// facts an auditor would check first.
func TestResolveFacts(t *testing.T) {
	for _, name := range []string{"pg15", "pg17"} {
		r := inspectFile(t, resolveFixture(name+".dump"))
		col := func(table, column string) *Column {
			for _, tb := range r.Tables {
				if tb.Namespace+"."+tb.Name != table {
					continue
				}
				for _, c := range tb.Columns {
					if c.Name == column {
						return c
					}
				}
			}
			t.Fatalf("%s: no column %s.%s", name, table, column)
			return nil
		}
		checks := []struct {
			c    *Column
			want string
		}{
			// Inherited from base, absent from child's own CREATE TABLE.
			{col("public.child", "created"), "timestamptz inherited from public.base | 4 0 1 2 | -infinity 294276-12-31 23:59:59.999999+00 | 0001-01-01 00:00:00+00 BC"},
			// From the second parent, through child, two levels down.
			{col("public.grandchild", "seen"), "timestamp inherited from public.mixin | 2 0 0 1 | 0001-01-01 00:00:00.000001 BC 2010-10-10 10:10:10 | 0001-01-01 00:00:00.000001 BC"},
			{col("public.grandchild", "local_ts"), "timestamptz inherited from public.child | 1 1 1 0 | -infinity -infinity | "},
			// Quoted names, and a domain inherited.
			{col("Odd Schema.Kid", "when"), `date domain over date, inherited from "Odd Schema"."Parent T" | 3 1 1 0 | -infinity 1900-01-01 | 0100-05-05 BC`},
			// A typed table.
			{col("public.periods", "starts"), "timestamptz attribute of type public.period | 3 0 1 1 | -infinity 2024-01-01 00:00:00+00 | 0500-01-01 00:00:00.5+00 BC"},
			// A domain over a domain over timestamp(3) with time zone.
			{col("public.domains", "au"), "timestamptz domain over timestamp(3) with time zone | 3 1 1 1 | -infinity 2024-03-03 03:03:03.999+00 | 0010-10-10 10:10:10+00 BC"},
			{col("public.domains", "clock"), "time domain over time without time zone | 3 1 0 1 | 00:00:00.000001 24:00:00 | 00:00:00.000001"},
			// Arrays, direct and through a domain: listed, never read.
			{col("public.domains", "tsa"), "array | 2 2 0 0 |   | "},
			{col("public.domains", "st"), "array | 2 2 0 0 |   | "},
			// Partitions, also of a sub-partitioned partition.
			{col("public.readings_rest_any", "at"), "timestamptz | 3 0 2 0 | -infinity infinity | 2023-01-01 00:00:00+00"},
		}
		for _, ck := range checks {
			c := ck.c
			got := c.Kind.String()
			if o := c.origin(); o != "" {
				got += " " + strings.Trim(strings.TrimSpace(o), "()")
			}
			got += " | " + strconv.FormatInt(c.Values, 10) + " " + strconv.FormatInt(c.Nulls, 10) + " " +
				strconv.FormatInt(c.Infinite, 10) + " " + strconv.FormatInt(c.Fractional, 10)
			f := figures(c)
			got += " | " + f[5] + " " + f[6] + " | " + f[7]
			if got != ck.want {
				t.Errorf("%s %s:\ngot  %s\nwant %s", name, c.Name, got, ck.want)
			}
		}
	}

	// -t left out the parents, the composite type and the domains: each
	// column they would type is listed as unknown, with the reason.
	r := inspectFile(t, resolveFixture("pg17-tables.dump"))
	var got []string
	for _, tb := range r.Tables {
		var unknown []string
		for _, c := range tb.Columns {
			if c.Kind == Unknown {
				unknown = append(unknown, c.Name)
			}
		}
		got = append(got, tb.Name+": "+strings.Join(unknown, ",")+" / "+tb.Note)
	}
	want := []string{
		`Kid: Born At,when / column types unknown: parent "Odd Schema"."Parent T" is not in the archive`,
		"child: id,created,seen,at_time / column types unknown: parent public.base is not in the archive; parent public.mixin is not in the archive",
		"domains: ev,au,clock,eva,st,lbl / ",
		"periods: starts,ends,on_day,label / column types unknown: type public.period is not in the archive",
		"readings_2024: stamp / ",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("unknown columns:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if r.Archive.Unresolved != 17 || r.Problems() != 0 {
		t.Errorf("%d unresolved, %d problems; want 17 and 0", r.Archive.Unresolved, r.Problems())
	}
}
