package fuzz

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/pgdrill/pgdrill/pgtime"
)

// namedZones are the session time zones the seeds use by index; the fuzzer
// reaches every other zone the server knows through higher indexes (see
// zone). Each is here for an offset that is hard to print or parse.
var namedZones = []string{
	"UTC",
	"Asia/Kolkata",        // +05:30; LMT +05:53:28, +05:53:20, +05:21:10, +06:30 in the 1940s
	"America/St_Johns",    // -03:30 / -02:30; LMT -03:30:52
	"Pacific/Chatham",     // +12:45 / +13:45; LMT +12:13:48
	"Europe/Paris",        // PMT +00:09:21 until 1911; DST gaps and overlaps
	"Australia/Lord_Howe", // half-hour DST: +10:30 / +11
	"America/New_York",    // ordinary DST, negative offsets
	"Africa/Monrovia",     // -00:44:30 until 1972
	"Pacific/Kiritimati",  // +14, the largest offset in use
	"Etc/GMT+12",          // -12
	"Asia/Kathmandu",      // +05:45
	"Europe/Dublin",       // negative DST in tzdata's winter time
}

// Indexes into namedZones, for the seed tables.
const (
	zUTC = iota
	zKolkata
	zStJohns
	zChatham
	zParis
	zLordHowe
	zNewYork
	zMonrovia
	zKiritimati
	zGMTPlus12
	zKathmandu
	zDublin
)

var (
	allZonesOnce sync.Once
	allZones     []string
	allZonesErr  error
)

// zone maps a fuzz input to a time zone name: the named zones first, then
// every name in the server's pg_timezone_names, in name order.
func zone(t testing.TB, conn *pgx.Conn, i uint16) string {
	if int(i) < len(namedZones) {
		return namedZones[i]
	}
	allZonesOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		rows, err := conn.Query(ctx, "SELECT name FROM pg_catalog.pg_timezone_names ORDER BY name COLLATE \"C\"")
		if err == nil {
			allZones, err = pgx.CollectRows(rows, pgx.RowTo[string])
		}
		if err == nil && len(allZones) == 0 {
			err = fmt.Errorf("pg_timezone_names is empty")
		}
		allZonesErr = err
	})
	if allZonesErr != nil {
		t.Fatalf("fuzz: read pg_timezone_names: %v", allZonesErr)
	}
	return allZones[(int(i)-len(namedZones))%len(allZones)]
}

// instant maps any int64 onto a timestamp PostgreSQL holds: the infinities
// stay, values in range are kept as they are (so seeds read as what they
// are), and the rest wrap into [MinTimestamp, EndTimestamp).
func instant(raw int64) int64 {
	if raw == pgtime.NoBegin || raw == pgtime.NoEnd || pgtime.InRange(raw) {
		return raw
	}
	// in uint64: EndTimestamp-MinTimestamp overflows int64
	span := uint64(pgtime.EndTimestamp) + uint64(-pgtime.MinTimestamp)
	return int64(uint64(raw)%span - uint64(-pgtime.MinTimestamp))
}

// day maps any int32 onto a date PostgreSQL holds, as instant does.
func day(raw int32) int32 {
	if raw == pgtime.DateNoBegin || raw == pgtime.DateNoEnd || (raw >= pgtime.MinDate && raw < pgtime.EndDate) {
		return raw
	}
	span := int64(pgtime.EndDate) - int64(pgtime.MinDate)
	return int32(((int64(raw)-int64(pgtime.MinDate))%span+span)%span + int64(pgtime.MinDate))
}

const usPerDay = 86_400_000_000

// timeOfDay maps any int64 onto a time value: 0 .. 24:00:00 inclusive.
func timeOfDay(raw int64) int64 {
	if raw >= 0 && raw <= usPerDay {
		return raw
	}
	return int64(uint64(raw) % (usPerDay + 1))
}

// maxTimetzOffset is the largest displacement timetz accepts (PostgreSQL's
// TZDISP_LIMIT less one second): ±15:59:59.
const maxTimetzOffset = 15*3600 + 59*60 + 59

// timetzOffset maps any int32 onto a timetz displacement in seconds east.
func timetzOffset(raw int32) int {
	return int(int64(raw) % (maxTimetzOffset + 1))
}

// formatOffset prints seconds east of Greenwich as PostgreSQL does after a
// time: +HH, +HH:MM or +HH:MM:SS, as short as exact.
func formatOffset(secs int) string {
	sign := byte('+')
	if secs < 0 {
		sign, secs = '-', -secs
	}
	s := fmt.Sprintf("%c%02d", sign, secs/3600)
	if m, sec := secs/60%60, secs%60; m != 0 || sec != 0 {
		s += fmt.Sprintf(":%02d", m)
		if sec != 0 {
			s += fmt.Sprintf(":%02d", sec)
		}
	}
	return s
}

// unixToY2K is 2000-01-01 00:00:00 UTC in Unix seconds.
const unixToY2K = 946_684_800

// toTimestamptz is an instant as pgx sends it (binary: the int64 itself).
func toTimestamptz(us int64) pgtype.Timestamptz {
	switch us {
	case pgtime.NoBegin:
		return pgtype.Timestamptz{InfinityModifier: pgtype.NegativeInfinity, Valid: true}
	case pgtime.NoEnd:
		return pgtype.Timestamptz{InfinityModifier: pgtype.Infinity, Valid: true}
	}
	return pgtype.Timestamptz{Time: toTime(us), Valid: true}
}

// toTime converts without the overflow that us+Unix offset would hit near
// the top of the range.
func toTime(us int64) time.Time {
	sec, frac := floorDiv(us, 1_000_000)
	return time.Unix(sec+unixToY2K, frac*1000).UTC()
}

// fromTimestamptz is the inverse of toTimestamptz.
func fromTimestamptz(v pgtype.Timestamptz) int64 {
	switch v.InfinityModifier {
	case pgtype.NegativeInfinity:
		return pgtime.NoBegin
	case pgtype.Infinity:
		return pgtime.NoEnd
	}
	return (v.Time.Unix()-unixToY2K)*1_000_000 + int64(v.Time.Nanosecond())/1000
}

func floorDiv(a, b int64) (q, r int64) {
	q, r = a/b, a%b
	if r < 0 {
		q, r = q-1, r+b
	}
	return q, r
}

// civil is the instant of a UTC wall-clock time in the proleptic Gregorian
// calendar with astronomical years (0 is 1 BC), for writing seeds.
func civil(y, mo, d, h, mi, s, us int) int64 {
	t := time.Date(y, time.Month(mo), d, h, mi, s, us*1000, time.UTC)
	return (t.Unix()-unixToY2K)*1_000_000 + int64(t.Nanosecond())/1000
}

// civilDate is the day number of a date, for writing seeds.
func civilDate(y, mo, d int) int32 {
	us := civil(y, mo, d, 0, 0, 0, 0)
	q, _ := floorDiv(us, usPerDay)
	return int32(q)
}

// withParam adds a connection parameter to a URL.
func withParam(t testing.TB, rawURL, key, value string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		t.Fatalf("fuzz: server URL %q: %v", rawURL, err)
	}
	q := u.Query()
	q.Set(key, value)
	// Encode writes spaces as "+", which pgx's URL parsing keeps as a
	// plus sign; a literal "+" is already %2B.
	u.RawQuery = strings.ReplaceAll(q.Encode(), "+", "%20")
	return u.String()
}

// pgText makes fuzz bytes storable as PostgreSQL text: valid UTF-8 without
// NUL, which the server rejects in any text value.
func pgText(s string) string {
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "\uFFFD")
}
