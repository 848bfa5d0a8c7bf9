package fuzz

import (
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/pgdrill/pgdrill/pgtime"
)

var writeCorpus = flag.Bool("write-corpus", false, "rewrite the seed files under testdata/fuzz from the seed tables")

// rtSeed is one FuzzRoundTrip input, named for the hard case it holds.
type rtSeed struct {
	name     string
	tstz, ts int64
	d        int32
	tod      int64
	ttzOff   int32
	ivM, ivD int32
	ivUs     int64
	src, dst uint16
	opts     uint8 // bits 0-1 compression, bit 2: restore -j2
}

// Option bits of a seed.
const (
	oNone, oGzip, oLZ4, oZstd = 0, 1, 2, 3
	oJobs2                    = 4
	oSwapZoneParams           = 8
)

const lastUs = 999_999

// rtSeeds are the hard cases, two or three to a seed to keep `go test`
// quick (each input costs a dump and a restore): one in the instant (and
// its chain row), one in the wall-clock time ts (read as local_tstz in the
// source zone), more in the date, time, timetz and interval beside them.
var rtSeeds = []rtSeed{
	// The smallest interval has a time part of -2^63 us, whose text
	// PostgreSQL 15 cannot read back; writeSource leaves it NULL.
	{name: "lower-bound-utc-interval-min", tstz: pgtime.MinTimestamp, ts: pgtime.MinTimestamp, d: pgtime.MinDate,
		ivM: math.MinInt32, ivD: math.MinInt32, ivUs: math.MinInt64, src: zUTC, dst: zChatham},
	// West of Greenwich the first instant is on 4714-11-23 BC local time,
	// and so is local_tstz a day later.
	{name: "lower-bound-st-johns-lmt", tstz: pgtime.MinTimestamp, ts: pgtime.MinTimestamp + usPerDay, d: pgtime.MinDate + 1,
		tod: 1, ttzOff: -maxTimetzOffset, ivM: math.MinInt32 + 1, ivD: math.MinInt32 + 1, ivUs: math.MinInt64 + 1,
		src: zStJohns, dst: zKiritimati, opts: oZstd | oJobs2 | oSwapZoneParams},
	{name: "upper-bound-utc-interval-max", tstz: pgtime.EndTimestamp - 1, ts: pgtime.EndTimestamp - 1, d: pgtime.EndDate - 1,
		tod: usPerDay, ttzOff: maxTimetzOffset, ivM: math.MaxInt32, ivD: math.MaxInt32, ivUs: math.MaxInt64,
		src: zUTC, dst: zStJohns, opts: oLZ4},
	// East of Greenwich the last instant is on 294277-01-01 local time.
	{name: "upper-bound-chatham", tstz: pgtime.EndTimestamp - 1, ts: pgtime.EndTimestamp - 1, d: pgtime.EndDate - 1,
		src: zChatham, dst: zUTC, opts: oZstd | oSwapZoneParams},
	{name: "upper-bound-kiritimati-j2", tstz: pgtime.EndTimestamp - 1, ts: civil(294276, 12, 31, 0, 0, 0, 0), d: pgtime.EndDate - 2,
		src: zKiritimati, dst: zGMTPlus12, opts: oNone | oJobs2},
	// infinity in tstz, -infinity in local_tstz; the chain stays empty.
	{name: "infinities", tstz: pgtime.NoEnd, ts: pgtime.NoBegin, d: pgtime.DateNoBegin, src: zParis, dst: zLordHowe, opts: oGzip},
	{name: "minus-infinity-date-infinity", tstz: pgtime.NoBegin, ts: pgtime.NoEnd, d: pgtime.DateNoEnd, src: zLordHowe, dst: zParis, opts: oLZ4},
	// 1 AD's first instant is still 1 BC on New York's local mean time;
	// ts is the last microsecond of 1 BC.
	{name: "1bc-1ad-new-york", tstz: civil(1, 1, 1, 0, 0, 0, 0), ts: civil(0, 12, 31, 23, 59, 59, lastUs), d: civilDate(0, 12, 31),
		src: zNewYork, dst: zKolkata, opts: oZstd | oSwapZoneParams},
	// The last microsecond of 9999 is 10000 local time in +14.
	{name: "year-10000-kiritimati", tstz: civil(9999, 12, 31, 23, 59, 59, lastUs), ts: civil(10000, 1, 1, 0, 0, 0, 0), d: civilDate(10000, 1, 1),
		src: zKiritimati, dst: zUTC, opts: oLZ4},
	{name: "fractions-interval-signs", tstz: civil(2026, 11, 26, 12, 0, 0, lastUs), ts: civil(1969, 12, 31, 23, 59, 59, 1), d: -1,
		tod: usPerDay - 1, ttzOff: -1, ivM: -1, ivD: 1, ivUs: -1, src: zKathmandu, dst: zMonrovia, opts: oGzip | oJobs2 | oSwapZoneParams},
	{name: "leap-days-2024-4713bc", tstz: civil(2024, 2, 29, 23, 59, 59, lastUs), ts: civil(-4712, 2, 29, 12, 0, 0, 0), d: civilDate(2000, 2, 29),
		src: zChatham, dst: zParis},
	{name: "leap-1600-5bc-not-1900", tstz: civil(1600, 2, 29, 0, 0, 0, 0), ts: civil(1900, 3, 1, 0, 0, 0, 0), d: civilDate(-4, 2, 29),
		src: zParis, dst: zStJohns, opts: oGzip},
	// DST: the instant on a transition or in an overlap, the wall-clock
	// time in a gap or an overlap.
	{name: "dst-paris-gap", tstz: civil(2026, 10, 25, 0, 30, 0, 0), ts: civil(2026, 3, 29, 2, 30, 0, 0), d: civilDate(2026, 3, 29),
		src: zParis, dst: zNewYork, opts: oLZ4 | oSwapZoneParams},
	{name: "dst-paris-overlap", tstz: civil(2026, 10, 25, 1, 30, 0, 0), ts: civil(2026, 10, 25, 2, 30, 0, 0), d: civilDate(2026, 10, 25),
		src: zParis, dst: zChatham},
	{name: "dst-lord-howe", tstz: civil(2026, 4, 4, 14, 45, 0, 0), ts: civil(2026, 10, 4, 2, 15, 0, 0), d: civilDate(2026, 10, 4),
		ttzOff: 10*3600 + 30*60, src: zLordHowe, dst: zKathmandu, opts: oZstd | oJobs2},
	// Chatham in summer is +13:45.
	{name: "dst-chatham-gap-1345", tstz: civil(2026, 1, 1, 0, 0, 0, 0), ts: civil(2026, 9, 27, 3, 0, 0, 0), d: civilDate(2026, 9, 27),
		ttzOff: 13*3600 + 45*60, src: zChatham, dst: zKiritimati, opts: oSwapZoneParams},
	{name: "dst-chatham-overlap", tstz: civil(2026, 4, 4, 14, 0, 0, 0), ts: civil(2026, 4, 5, 3, 0, 0, 0), d: civilDate(2026, 4, 5),
		src: zChatham, dst: zParis, opts: oLZ4 | oSwapZoneParams},
	{name: "dst-st-johns", tstz: civil(2026, 11, 1, 4, 0, 0, 0), ts: civil(2026, 3, 8, 2, 30, 0, 0), d: civilDate(2026, 11, 1),
		ttzOff: -(3*3600 + 30*60), src: zStJohns, dst: zUTC, opts: oZstd},
	// Winter is tzdata's negative DST; ts is in the spring gap.
	{name: "dublin-negative-dst", tstz: civil(2026, 1, 15, 12, 0, 0, 0), ts: civil(2026, 3, 29, 1, 30, 0, 0), d: civilDate(2026, 1, 15),
		src: zDublin, dst: zLordHowe},
	// Paris Mean Time, +00:09:21, until 1911-03-10 23:50:39 UTC; ts is in
	// the overlap the switch made.
	{name: "paris-pmt", tstz: civil(1900, 1, 1, 0, 0, 0, 0), ts: civil(1911, 3, 10, 23, 55, 0, 0), d: civilDate(1911, 3, 11),
		src: zParis, dst: zUTC, opts: oGzip | oSwapZoneParams},
	// Kolkata: LMT +05:53:28 until 1854-06-28, HMT +05:53:20 until 1870,
	// MMT +05:21:10 until 1906, +06:30 in 1942-1945.
	{name: "kolkata-lmt-0630", tstz: civil(1850, 6, 1, 0, 0, 0, 0), ts: civil(1942, 5, 15, 0, 0, 0, 0), d: civilDate(1854, 6, 28),
		src: zKolkata, dst: zParis, opts: oLZ4 | oSwapZoneParams},
	{name: "kolkata-mmt-hmt", tstz: civil(1900, 6, 1, 0, 0, 0, 0), ts: civil(1880, 1, 1, 0, 0, 0, 0), d: civilDate(1906, 1, 1),
		src: zKolkata, dst: zChatham, opts: oSwapZoneParams},
	// Monrovia: -00:44:30 until 1972-01-07, the day ts is on.
	{name: "monrovia-004430", tstz: civil(1960, 1, 1, 0, 0, 0, 0), ts: civil(1972, 1, 7, 0, 20, 0, 0), d: civilDate(1960, 1, 1),
		ttzOff: -(44*60 + 30), src: zMonrovia, dst: zKathmandu},
	// Zones past the named ones come from pg_timezone_names.
	{name: "any-zone", tstz: civil(1918, 4, 1, 0, 0, 0, 0), ts: civil(1918, 4, 1, 0, 0, 0, 0), d: civilDate(1918, 4, 1),
		src: 300, dst: 900, opts: oGzip},
}

// marshal writes a seed in the go test fuzz v1 encoding of FuzzRoundTrip's
// arguments.
func (s rtSeed) marshal() string {
	return fmt.Sprintf("go test fuzz v1\nint64(%d)\nint64(%d)\nint32(%d)\nint64(%d)\nint32(%d)\nint32(%d)\nint32(%d)\nint64(%d)\nuint16(%d)\nuint16(%d)\nbyte(%q)\n",
		s.tstz, s.ts, s.d, s.tod, s.ttzOff, s.ivM, s.ivD, s.ivUs, s.src, s.dst, s.opts)
}

// TestFuzzCorpus keeps testdata/fuzz in step with the seed tables; with
// -write-corpus it rewrites the files.
func TestFuzzCorpus(t *testing.T) {
	seeds := map[string]map[string]string{"FuzzRoundTrip": {}, "FuzzChainPayload": {}}
	for _, s := range rtSeeds {
		seeds["FuzzRoundTrip"][s.name] = s.marshal()
	}
	for _, s := range payloadSeeds {
		seeds["FuzzChainPayload"][s.name] = s.marshal()
	}
	for target, files := range seeds {
		dir := filepath.Join("testdata", "fuzz", target)
		if *writeCorpus {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		names := make([]string, 0, len(files))
		for n := range files {
			if n == "" || strings.ContainsAny(n, "/\\ ") {
				t.Errorf("%s: seed name %q is not a plain file name", target, n)
			}
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			path := filepath.Join(dir, n)
			if *writeCorpus {
				if err := os.WriteFile(path, []byte(files[n]), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			got, err := os.ReadFile(path)
			if err != nil || string(got) != files[n] {
				t.Errorf("seed %s is missing or stale: run go test -run TestFuzzCorpus -write-corpus ./fuzz", path)
			}
		}
		if len(names) < 10 {
			t.Errorf("%s has %d seeds, want the hard cases", target, len(names))
		}
	}
}
