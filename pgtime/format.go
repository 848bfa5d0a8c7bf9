package pgtime

import "strconv"

// FormatUTC returns what PostgreSQL's
//
//	to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
//
// prints for the instant us. ok is false where to_char returns NULL: for the
// infinities. Out-of-range finite values are formatted arithmetically
// (PostgreSQL could not hold them).
//
// to_char's YYYY has no era marker: 1 BC and 1 AD both print as 0001, and
// 4714 BC prints as 4714. Years are zero padded to four digits; years past
// 9999 print all their digits.
func FormatUTC(us int64) (s string, ok bool) {
	if us == NoBegin || us == NoEnd {
		return "", false
	}
	return string(AppendUTC(make([]byte, 0, 27), us)), true
}

// AppendUTC appends FormatUTC's text for a finite instant to b.
func AppendUTC(b []byte, us int64) []byte {
	y, mo, d, h, mi, s, frac := split(us)
	b = appendPadded(b, displayYear(y), 4)
	b = append(b, '-')
	b = appendPadded(b, mo, 2)
	b = append(b, '-')
	b = appendPadded(b, d, 2)
	b = append(b, 'T')
	b = appendPadded(b, h, 2)
	b = append(b, ':')
	b = appendPadded(b, mi, 2)
	b = append(b, ':')
	b = appendPadded(b, s, 2)
	b = append(b, '.')
	b = appendPadded(b, frac, 6)
	return append(b, 'Z')
}

// FormatISO returns the timestamptz output text PostgreSQL prints under
// DateStyle ISO in a session whose UTC offset at that instant is
// offsetSeconds (seconds east of Greenwich, as extract(timezone from ts)
// reports it): trailing fractional zeros trimmed, the offset as +HH, +HH:MM
// or +HH:MM:SS as needed, and " BC" after the offset for BC years.
func FormatISO(us int64, offsetSeconds int) string {
	switch us {
	case NoBegin:
		return "-infinity"
	case NoEnd:
		return "infinity"
	}
	b := make([]byte, 0, 40)
	b, bc := appendISO(b, us+int64(offsetSeconds)*usPerSec)
	b = appendOffset(b, offsetSeconds)
	if bc {
		b = append(b, " BC"...)
	}
	return string(b)
}

// FormatTimestamp returns the timestamp (without time zone) output text
// PostgreSQL prints under DateStyle ISO.
func FormatTimestamp(us int64) string {
	switch us {
	case NoBegin:
		return "-infinity"
	case NoEnd:
		return "infinity"
	}
	b, bc := appendISO(make([]byte, 0, 32), us)
	if bc {
		b = append(b, " BC"...)
	}
	return string(b)
}

// FormatDate returns the date output text under DateStyle ISO for a day
// count since 2000-01-01.
func FormatDate(days int32) string {
	switch days {
	case DateNoBegin:
		return "-infinity"
	case DateNoEnd:
		return "infinity"
	}
	y, mo, d := civilFromDays(int64(days))
	b := appendDate(make([]byte, 0, 16), y, mo, d)
	if y <= 0 {
		b = append(b, " BC"...)
	}
	return string(b)
}

// FormatTime returns the time (without time zone) output text for
// microseconds since midnight (0 .. 24:00:00).
func FormatTime(us int64) string {
	h := us / (3600 * usPerSec)
	us -= h * 3600 * usPerSec
	mi := us / (60 * usPerSec)
	us -= mi * 60 * usPerSec
	b := appendPadded(make([]byte, 0, 16), h, 2)
	b = append(b, ':')
	b = appendPadded(b, mi, 2)
	b = append(b, ':')
	return string(appendSeconds(b, us/usPerSec, us%usPerSec))
}

// appendISO appends "YYYY-MM-DD HH:MM:SS[.ffffff]" for a local instant and
// reports whether the year is BC.
func appendISO(b []byte, local int64) ([]byte, bool) {
	y, mo, d, h, mi, s, frac := split(local)
	b = appendDate(b, y, mo, d)
	b = append(b, ' ')
	b = appendPadded(b, h, 2)
	b = append(b, ':')
	b = appendPadded(b, mi, 2)
	b = append(b, ':')
	b = appendSeconds(b, s, frac)
	return b, y <= 0
}

func appendDate(b []byte, y, mo, d int64) []byte {
	b = appendPadded(b, displayYear(y), 4)
	b = append(b, '-')
	b = appendPadded(b, mo, 2)
	b = append(b, '-')
	return appendPadded(b, d, 2)
}

// appendSeconds mirrors PostgreSQL's AppendSeconds: two digits, then the
// fraction only when nonzero, without trailing zeros.
func appendSeconds(b []byte, s, frac int64) []byte {
	b = appendPadded(b, s, 2)
	if frac == 0 {
		return b
	}
	b = append(b, '.')
	digits := appendPadded(nil, frac, 6)
	n := len(digits)
	for n > 0 && digits[n-1] == '0' {
		n--
	}
	return append(b, digits[:n]...)
}

// appendOffset mirrors PostgreSQL's EncodeTimezone for ISO output.
func appendOffset(b []byte, east int) []byte {
	sign := byte('+')
	if east < 0 {
		sign = '-'
		east = -east
	}
	h, mi, s := east/3600, east/60%60, east%60
	b = append(b, sign)
	b = appendPadded(b, int64(h), 2)
	if mi != 0 || s != 0 {
		b = append(b, ':')
		b = appendPadded(b, int64(mi), 2)
	}
	if s != 0 {
		b = append(b, ':')
		b = appendPadded(b, int64(s), 2)
	}
	return b
}

func appendPadded(b []byte, v int64, width int) []byte {
	var tmp [24]byte
	digits := strconv.AppendInt(tmp[:0], v, 10)
	for i := len(digits); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, digits...)
}
