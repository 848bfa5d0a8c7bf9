package pgtime

import (
	"errors"
	"fmt"
)

// The parsers accept exactly the text PostgreSQL prints under DateStyle ISO
// (not everything PostgreSQL's input functions accept): a year of four or
// more digits, two-digit month, day, hour, minute and second, an optional
// fraction of one to six digits, and for timestamptz an offset of ±HH,
// ±HH:MM or ±HH:MM:SS (three hour digits allowed, see offset), then an
// optional " BC". "infinity" and "-infinity"
// are accepted where PostgreSQL has them. Range checks follow PostgreSQL:
// the local date's year and month must not precede November 4714 BC and the
// resulting instant must lie in [MinTimestamp, EndTimestamp).

var errSyntax = errors.New("not in DateStyle ISO output form")

// ParseTimestamptz parses timestamptz output text into microseconds since
// 2000-01-01 00:00:00 UTC.
func ParseTimestamptz(s string) (int64, error) {
	us, err := parseTimestamp(s, true)
	if err != nil {
		return 0, fmt.Errorf("pgtime: timestamptz %q: %w", s, err)
	}
	return us, nil
}

// ParseTimestamp parses timestamp (without time zone) output text into
// microseconds since 2000-01-01 00:00:00.
func ParseTimestamp(s string) (int64, error) {
	us, err := parseTimestamp(s, false)
	if err != nil {
		return 0, fmt.Errorf("pgtime: timestamp %q: %w", s, err)
	}
	return us, nil
}

// ParseDate parses date output text into days since 2000-01-01.
func ParseDate(s string) (int32, error) {
	switch s {
	case "infinity":
		return DateNoEnd, nil
	case "-infinity":
		return DateNoBegin, nil
	}
	p := parser{s: s}
	var days int64
	err := p.date()
	if err == nil {
		days, err = p.era()
	}
	if err == nil && p.i != len(s) {
		err = errSyntax
	}
	if err == nil && (days < int64(MinDate) || days >= int64(EndDate)) {
		err = errRange
	}
	if err != nil {
		return 0, fmt.Errorf("pgtime: date %q: %w", s, err)
	}
	return int32(days), nil
}

// ParseTime parses time (without time zone) output text into microseconds
// since midnight. 24:00:00 is accepted, as PostgreSQL does.
func ParseTime(s string) (int64, error) {
	p := parser{s: s}
	us, err := p.clock()
	if err == nil && p.i != len(s) {
		err = errSyntax
	}
	if err == nil && us > usPerDay {
		err = errRange
	}
	if err != nil {
		return 0, fmt.Errorf("pgtime: time %q: %w", s, err)
	}
	return us, nil
}

var errRange = errors.New("out of range")

func parseTimestamp(s string, withZone bool) (int64, error) {
	switch s {
	case "infinity":
		return NoEnd, nil
	case "-infinity":
		return NoBegin, nil
	}
	p := parser{s: s}
	if err := p.date(); err != nil {
		return 0, err
	}
	if !p.lit(' ') {
		return 0, errSyntax
	}
	tod, err := p.clock()
	if err != nil {
		return 0, err
	}
	if tod > usPerDay {
		return 0, errRange
	}
	var east int64
	if withZone {
		if east, err = p.offset(); err != nil {
			return 0, err
		}
	}
	days, err := p.era()
	if err != nil {
		return 0, err
	}
	if p.i != len(s) {
		return 0, errSyntax
	}
	us := days*usPerDay + tod - east*usPerSec
	if !InRange(us) {
		return 0, errRange
	}
	return us, nil
}

// parser is a cursor over the text. date() leaves the year as printed (BC
// not yet applied); era() applies a trailing " BC".
type parser struct {
	s string
	i int
	// date fields kept until era() knows whether the year is BC
	y, m, d int64
}

func (p *parser) lit(c byte) bool {
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

// digits reads exactly n digits (or, with n < 0, at least -n and at most 12).
func (p *parser) digits(n int) (int64, bool) {
	minN, maxN := n, n
	if n < 0 {
		minN, maxN = -n, 12
	}
	var v int64
	k := 0
	for k < maxN && p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
		v = v*10 + int64(p.s[p.i]-'0')
		p.i++
		k++
	}
	return v, k >= minN
}

func (p *parser) date() error {
	y, ok := p.digits(-4)
	if !ok || !p.lit('-') {
		return errSyntax
	}
	m, ok := p.digits(2)
	if !ok || !p.lit('-') {
		return errSyntax
	}
	d, ok := p.digits(2)
	if !ok {
		return errSyntax
	}
	if y == 0 || m < 1 || m > 12 || d < 1 {
		return errRange
	}
	p.y, p.m, p.d = y, m, d
	return nil
}

// era consumes an optional " BC", validates the date and returns its day
// number.
func (p *parser) era() (int64, error) {
	y := p.y
	if p.i+3 <= len(p.s) && p.s[p.i:p.i+3] == " BC" {
		p.i += 3
		y = 1 - y
	}
	if p.d > daysInMonth(y, p.m) {
		return 0, errRange
	}
	// PostgreSQL's IS_VALID_JULIAN: year and month only, and an upper year
	// bound far past anything a timestamp or date can hold.
	if y < -4713 || (y == -4713 && p.m < 11) || y > 5874898 {
		return 0, errRange
	}
	return daysFromCivil(y, p.m, p.d), nil
}

func (p *parser) clock() (int64, error) {
	h, ok := p.digits(2)
	if !ok || !p.lit(':') {
		return 0, errSyntax
	}
	mi, ok := p.digits(2)
	if !ok || !p.lit(':') {
		return 0, errSyntax
	}
	s, ok := p.digits(2)
	if !ok {
		return 0, errSyntax
	}
	var frac int64
	if p.lit('.') {
		start := p.i
		f, ok := p.digits(-1)
		n := p.i - start
		if !ok || n > 6 {
			return 0, errSyntax
		}
		for ; n < 6; n++ {
			f *= 10
		}
		frac = f
	}
	if h > 24 || mi > 59 || s > 59 || (h == 24 && (mi != 0 || s != 0 || frac != 0)) {
		return 0, errRange
	}
	return ((h*60+mi)*60+s)*usPerSec + frac, nil
}

// offset reads ±HH[H][:MM[:SS]] and returns seconds east of Greenwich.
// PostgreSQL's input rejects offsets past 15:59:59, but a session whose
// TimeZone is a POSIX string such as '<X>-167:59' prints offsets up to
// 167:59 (three hour digits); those are accepted so text dumped under any
// session zone can be read.
func (p *parser) offset() (int64, error) {
	neg := false
	switch {
	case p.lit('+'):
	case p.lit('-'):
		neg = true
	default:
		return 0, errSyntax
	}
	h, ok := p.digits(2)
	if !ok {
		return 0, errSyntax
	}
	if p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
		h = h*10 + int64(p.s[p.i]-'0')
		p.i++
	}
	var mi, s int64
	if p.lit(':') {
		if mi, ok = p.digits(2); !ok {
			return 0, errSyntax
		}
		if p.lit(':') {
			if s, ok = p.digits(2); !ok {
				return 0, errSyntax
			}
		}
	}
	if h > maxOffsetHours || mi > 59 || s > 59 {
		return 0, errRange
	}
	east := h*3600 + mi*60 + s
	if neg {
		east = -east
	}
	return east, nil
}
