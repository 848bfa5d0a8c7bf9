package pgtime

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

var update = flag.Bool("update", false, "rewrite testdata/reference.tsv from the live server")

const (
	referenceSQL = "testdata/reference.sql"
	referenceTSV = "testdata/reference.tsv"
)

// refRow is one line of testdata/reference.tsv, produced by the server
// running testdata/reference.sql in one session time zone. Nil fields were
// SQL NULL.
type refRow struct {
	line                       int
	zone, lit, out             string
	east                       *string
	us                         string
	utc, local, date, clockStr *string
}

func loadReference(t *testing.T) []refRow {
	t.Helper()
	f, err := os.Open(referenceTSV)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []refRow
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) != 9 {
			t.Fatalf("%s:%d: %d fields, want 9", referenceTSV, n, len(fs))
		}
		opt := func(s string) *string {
			if s == `\N` {
				return nil
			}
			return &s
		}
		rows = append(rows, refRow{n, fs[0], fs[1], fs[2], opt(fs[3]), fs[4], opt(fs[5]), opt(fs[6]), opt(fs[7]), opt(fs[8])})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(rows) < 100 {
		t.Fatalf("%s: only %d rows", referenceTSV, len(rows))
	}
	return rows
}

// TestReference checks every parser and formatter against what PostgreSQL 15
// printed for the same instants (see testdata/reference.sql).
func TestReference(t *testing.T) {
	for _, r := range loadReference(t) {
		name := fmt.Sprintf("%d %s %s", r.line, r.zone, r.lit)
		want, err := strconv.ParseInt(r.us, 10, 64)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got, err := ParseTimestamptz(r.out)
		if err != nil || got != want {
			t.Errorf("%s: ParseTimestamptz(%q) = %d, %v; want %d", name, r.out, got, err, want)
		}
		if got, err := ParseTimestamptz(r.lit); err != nil || got != want {
			t.Errorf("%s: ParseTimestamptz(%q) = %d, %v; want %d", name, r.lit, got, err, want)
		}
		east := 0
		if r.east != nil {
			if east, err = strconv.Atoi(*r.east); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
		if got := FormatISO(want, east); got != r.out {
			t.Errorf("%s: FormatISO(%d, %d) = %q; want %q", name, want, east, got, r.out)
		}
		gotUTC, ok := FormatUTC(want)
		if (r.utc == nil) != !ok || (ok && gotUTC != *r.utc) {
			t.Errorf("%s: FormatUTC(%d) = %q, %v; want %v", name, want, gotUTC, ok, deref(r.utc))
		}
		if r.local == nil {
			continue
		}
		local := want + int64(east)*usPerSec
		if got, err := ParseTimestamp(*r.local); err != nil || got != local {
			t.Errorf("%s: ParseTimestamp(%q) = %d, %v; want %d", name, *r.local, got, err, local)
		}
		if got := FormatTimestamp(local); got != *r.local {
			t.Errorf("%s: FormatTimestamp(%d) = %q; want %q", name, local, got, *r.local)
		}
		days := int32(floorDiv(local, usPerDay))
		if got, err := ParseDate(*r.date); err != nil || got != days {
			t.Errorf("%s: ParseDate(%q) = %d, %v; want %d", name, *r.date, got, err, days)
		}
		if got := FormatDate(days); got != *r.date {
			t.Errorf("%s: FormatDate(%d) = %q; want %q", name, days, got, *r.date)
		}
		tod := local - int64(days)*usPerDay
		if got, err := ParseTime(*r.clockStr); err != nil || got != tod {
			t.Errorf("%s: ParseTime(%q) = %d, %v; want %d", name, *r.clockStr, got, err, tod)
		}
		if got := FormatTime(tod); got != *r.clockStr {
			t.Errorf("%s: FormatTime(%d) = %q; want %q", name, tod, got, *r.clockStr)
		}
	}
}

func deref(s *string) string {
	if s == nil {
		return "NULL"
	}
	return *s
}

// queryReference runs testdata/reference.sql once per zone listed in its
// "-- zone:" comments and returns the rows as reference.tsv text.
func queryReference(ctx context.Context, conn *pgx.Conn) ([]byte, error) {
	src, err := os.ReadFile(referenceSQL)
	if err != nil {
		return nil, err
	}
	var zones []string
	for _, l := range strings.Split(string(src), "\n") {
		if z, ok := strings.CutPrefix(l, "-- zone: "); ok {
			zones = append(zones, z)
		}
	}
	var out bytes.Buffer
	for _, z := range zones {
		if _, err := conn.Exec(ctx, "SELECT set_config('TimeZone', $1, false)", z); err != nil {
			return nil, fmt.Errorf("zone %s: %w", z, err)
		}
		rows, err := conn.Query(ctx, string(src), pgx.QueryExecModeSimpleProtocol)
		if err != nil {
			return nil, fmt.Errorf("zone %s: %w", z, err)
		}
		for rows.Next() {
			for i, v := range rows.RawValues() {
				if i > 0 {
					out.WriteByte('\t')
				}
				if v == nil {
					out.WriteString(`\N`)
				} else {
					out.Write(v)
				}
			}
			out.WriteByte('\n')
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("zone %s: %w", z, err)
		}
	}
	return out.Bytes(), nil
}

// checkReferenceLive compares (or with -update rewrites) reference.tsv
// against the server behind conn.
func checkReferenceLive(t *testing.T, conn *pgx.Conn) {
	got, err := queryReference(context.Background(), conn)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(referenceTSV, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(referenceTSV)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				t.Fatalf("%s:%d differs from the server:\nserver: %s\ngolden: %s", referenceTSV, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("%s: %d lines, server gives %d", referenceTSV, len(wl), len(gl))
	}
}
