package pgtime

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestRangeConstants(t *testing.T) {
	if got := daysFromCivil(-4713, 11, 24) * usPerDay; got != MinTimestamp {
		t.Errorf("4714-11-24 BC = %d, want MinTimestamp %d", got, MinTimestamp)
	}
	if got := daysFromCivil(294277, 1, 1) * usPerDay; got != EndTimestamp {
		t.Errorf("294277-01-01 = %d, want EndTimestamp %d", got, EndTimestamp)
	}
	if got := daysFromCivil(5874898, 1, 1); got != int64(EndDate) {
		t.Errorf("5874898-01-01 = %d, want EndDate %d", got, EndDate)
	}
	// every day of a few thousand years round-trips through the calendar
	for d := int64(MinDate); d < int64(MinDate)+3_000_000; d += 1 {
		y, m, dd := civilFromDays(d)
		if back := daysFromCivil(y, m, dd); back != d {
			t.Fatalf("day %d -> %d-%d-%d -> %d", d, y, m, dd, back)
		}
	}
}

func TestParseRejects(t *testing.T) {
	cases := []struct {
		in   string
		kind error
	}{
		{"4714-11-23 23:59:59.999999+00 BC", errRange},
		{"4714-11-24 00:00:00+01 BC", errRange},
		{"4714-10-31 23:00:00-01 BC", errRange}, // month before the Julian limit
		{"294277-01-01 00:00:00+00", errRange},
		{"294276-12-31 23:30:00-01", errRange},
		{"2021-02-29 00:00:00+00", errRange},
		{"0000-01-01 00:00:00+00", errRange},
		{"2021-01-01 24:00:01+00", errRange},
		{"2021-01-01 12:60:00+00", errRange},
		{"2021-01-01 12:00:00+168", errRange},
		{"2021-01-01 12:00:00+01:60", errRange},
		{"2021-01-01 12:00:00", errSyntax},
		{"2021-01-01T12:00:00+00", errSyntax},
		{"2021-01-01 12:00:00.1234567+00", errSyntax},
		{"2021-01-01 12:00:00.+00", errSyntax},
		{"2021-01-01 12:00:00+00 AD", errSyntax},
		{"2021-01-01 12:00:00+00 BC ", errSyntax},
		{"21-01-01 12:00:00+00", errSyntax},
		{"2021-1-01 12:00:00+00", errSyntax},
		{"Infinity", errSyntax},
		{"", errSyntax},
	}
	for _, c := range cases {
		if _, err := ParseTimestamptz(c.in); !errors.Is(err, c.kind) {
			t.Errorf("ParseTimestamptz(%q) error = %v, want %v", c.in, err, c.kind)
		}
	}
	if _, err := ParseTimestamp("2021-01-01 12:00:00+00"); !errors.Is(err, errSyntax) {
		t.Errorf("ParseTimestamp with offset: %v", err)
	}
	if _, err := ParseDate("5874898-01-01"); !errors.Is(err, errRange) {
		t.Errorf("ParseDate past the end: %v", err)
	}
	if d, err := ParseDate("5874897-12-31"); err != nil || d != EndDate-1 {
		t.Errorf("ParseDate(last date) = %d, %v", d, err)
	}
	if _, err := ParseTime("24:00:00.000001"); !errors.Is(err, errRange) {
		t.Errorf("ParseTime past 24:00: %v", err)
	}
}

func TestParseInfinity(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
	}{{"infinity", NoEnd}, {"-infinity", NoBegin}} {
		for _, parse := range []func(string) (int64, error){ParseTimestamptz, ParseTimestamp} {
			if got, err := parse(c.in); err != nil || got != c.want {
				t.Errorf("parse(%q) = %d, %v", c.in, got, err)
			}
		}
		if FormatISO(c.want, 3600) != c.in || FormatTimestamp(c.want) != c.in {
			t.Errorf("format(%d) != %q", c.want, c.in)
		}
		if _, ok := FormatUTC(c.want); ok {
			t.Errorf("FormatUTC(%d) not NULL", c.want)
		}
	}
}

// maxPrintedOffset is the largest UTC offset PostgreSQL prints: a POSIX
// zone string allows just under a week.
const maxPrintedOffset = maxOffsetHours*3600 + 59*60 + 59

// FuzzTimestampText: every instant in range at microsecond precision, in a
// session with any offset PostgreSQL can print, formats to text that parses
// back to the same instant.
func FuzzTimestampText(f *testing.F) {
	f.Add(MinTimestamp, int32(0))
	f.Add(EndTimestamp-1, int32(0))
	f.Add(int64(0), int32(-12652))
	f.Fuzz(func(t *testing.T, raw int64, rawOff int32) {
		us := raw
		if us != NoBegin && us != NoEnd {
			// span and offset in uint64: EndTimestamp-MinTimestamp overflows int64
			span := uint64(EndTimestamp) + uint64(-MinTimestamp)
			us = int64(uint64(raw)%span - uint64(-MinTimestamp))
		}
		off := int(int64(rawOff) % (maxPrintedOffset + 1))
		text := FormatISO(us, off)
		got, err := ParseTimestamptz(text)
		if err != nil {
			t.Fatalf("FormatISO(%d, %d) = %q: %v", us, off, text, err)
		}
		if got != us {
			t.Fatalf("FormatISO(%d, %d) = %q parses to %d", us, off, text, got)
		}
		if us == NoBegin || us == NoEnd {
			return
		}
		local := us + int64(off)*usPerSec
		if got, err := ParseTimestamp(FormatTimestamp(local)); InRange(local) && (err != nil || got != local) {
			t.Fatalf("timestamp %d -> %q -> %d, %v", local, FormatTimestamp(local), got, err)
		}
	})
}

// TestFuzzSeeds keeps the hard cases under testdata/fuzz in the corpus.
func TestFuzzSeeds(t *testing.T) {
	files, err := filepath.Glob("testdata/fuzz/FuzzTimestampText/*")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 8 {
		t.Fatalf("%d seed files, want the hard cases", len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var us int64
		var off int32
		if _, err := fmt.Sscanf(string(b), "go test fuzz v1\nint64(%d)\nint32(%d)\n", &us, &off); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
	}
}
