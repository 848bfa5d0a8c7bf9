// Package pgtime reads and writes the text PostgreSQL prints for timestamptz,
// timestamp, date and time under DateStyle ISO, and holds instants the way
// PostgreSQL does: int64 microseconds since 2000-01-01 00:00:00 UTC, with the
// infinities as math.MinInt64 and math.MaxInt64 (PostgreSQL's DT_NOBEGIN and
// DT_NOEND).
//
// The calendar is the proleptic Gregorian one with astronomical year numbering
// (1 BC is year 0, 2 BC is year -1). time.Time is deliberately not used: the
// range edges (4714-11-24 BC .. 294276-12-31 AD) and the BC/AD year display
// are easier to get exactly right with plain integer arithmetic.
package pgtime

import "math"

// Instants, in microseconds since 2000-01-01 00:00:00 UTC.
const (
	// NoBegin is -infinity (PostgreSQL's DT_NOBEGIN).
	NoBegin int64 = math.MinInt64
	// NoEnd is infinity (PostgreSQL's DT_NOEND).
	NoEnd int64 = math.MaxInt64
	// MinTimestamp is 4714-11-24 00:00:00 UTC BC, the first valid instant
	// (Julian day 0; PostgreSQL's MIN_TIMESTAMP).
	MinTimestamp int64 = -211813488000000000
	// EndTimestamp is 294277-01-01 00:00:00 UTC, one past the last valid
	// instant (PostgreSQL's END_TIMESTAMP).
	EndTimestamp int64 = 9223371331200000000
)

// Dates, in days since 2000-01-01.
const (
	// DateNoBegin and DateNoEnd are the date infinities.
	DateNoBegin int32 = math.MinInt32
	DateNoEnd   int32 = math.MaxInt32
	// MinDate is 4714-11-24 BC.
	MinDate int32 = -2451545
	// EndDate is 5874898-01-01, one past the last valid date.
	EndDate int32 = 2145031949
)

const (
	usPerSec = 1000000
	usPerDay = 86400 * usPerSec
	// maxOffsetHours bounds printed UTC offsets: POSIX zone strings allow
	// offsets below 168 hours (a week).
	maxOffsetHours = 167
	// days from 1970-01-01 back to 2000-01-01
	epoch2000 = 10957
)

// daysFromCivil returns the number of days between 2000-01-01 and the given
// proleptic Gregorian date (astronomical year). Valid for any int64 year
// that does not overflow; callers bound the year first.
func daysFromCivil(y, m, d int64) int64 {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	var mp int64
	if m > 2 {
		mp = m - 3
	} else {
		mp = m + 9
	}
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468 - epoch2000
}

// civilFromDays is the inverse of daysFromCivil.
func civilFromDays(days int64) (y, m, d int64) {
	z := days + epoch2000 + 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	if mp < 10 {
		m = mp + 3
	} else {
		m = mp - 9
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func isLeap(y int64) bool {
	return y%4 == 0 && (y%100 != 0 || y%400 == 0)
}

func daysInMonth(y, m int64) int64 {
	switch m {
	case 2:
		if isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// split breaks a finite instant into its calendar fields.
func split(us int64) (y, mo, d, h, mi, s, frac int64) {
	days := floorDiv(us, usPerDay)
	tod := us - days*usPerDay
	y, mo, d = civilFromDays(days)
	h = tod / (3600 * usPerSec)
	tod -= h * 3600 * usPerSec
	mi = tod / (60 * usPerSec)
	tod -= mi * 60 * usPerSec
	s = tod / usPerSec
	frac = tod - s*usPerSec
	return
}

// InRange reports whether us is a finite instant PostgreSQL accepts.
func InRange(us int64) bool {
	return us >= MinTimestamp && us < EndTimestamp
}

// displayYear is the year as PostgreSQL prints it: BC years counted from 1.
func displayYear(y int64) int64 {
	if y <= 0 {
		return 1 - y
	}
	return y
}
