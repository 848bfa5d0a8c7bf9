package pgarchive

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// ListOptions chooses what WriteListing prints, like pg_restore's options.
type ListOptions struct {
	// Verbose is pg_restore -l -v: every entry, the special ones included,
	// each followed by a ";<TAB>depends on:" line when it has dependencies.
	Verbose bool
	// CreateDB is pg_restore -C: the DATABASE entry (and database-level
	// comments, ACLs and security labels) are listed.
	CreateDB bool
	// Location is the time zone the creation time is shown in; nil means
	// time.Local, which like pg_restore follows the TZ variable.
	Location *time.Location
}

// WriteListing writes the archive's table of contents exactly as PostgreSQL
// 17's pg_restore -l prints it, for every archive version. The result can be
// edited and given back to pg_restore -L.
func WriteListing(w io.Writer, h Header, entries []*Entry, opts ListOptions) error {
	bw := bufio.NewWriter(w)
	loc := opts.Location
	if loc == nil {
		loc = time.Local
	}
	created := h.Created.Time(loc)
	fmt.Fprintf(bw, ";\n; Archive created at %s\n", formatStamp(created))
	fmt.Fprintf(bw, ";     dbname: %s\n", sanitizeLine(h.DBName))
	fmt.Fprintf(bw, ";     TOC Entries: %d\n", h.TOCCount)
	fmt.Fprintf(bw, ";     Compression: %s\n", h.Compression)
	fmt.Fprintf(bw, ";     Dump Version: %s\n", h.Version)
	fmt.Fprintf(bw, ";     Format: %s\n", formatName(h.Format))
	fmt.Fprintf(bw, ";     Integer: %d bytes\n", h.IntSize)
	fmt.Fprintf(bw, ";     Offset: %d bytes\n", h.OffSize)
	// pg_restore prints these two raw, without sanitizing newlines.
	if h.ServerVersion.Valid {
		fmt.Fprintf(bw, ";     Dumped from database version: %s\n", h.ServerVersion.String)
	}
	if h.DumpVersion.Valid {
		fmt.Fprintf(bw, ";     Dumped by pg_dump version: %s\n", h.DumpVersion.String)
	}
	bw.WriteString(";\n;\n; Selected TOC Entries:\n;\n")

	cur := SectionPreData
	for _, e := range entries {
		if e.Section != SectionNone {
			cur = e.Section
		}
		if opts.Verbose || listed(e, cur, opts.CreateDB) {
			ns := "-"
			if e.Namespace.Valid {
				ns = sanitizeLine(e.Namespace.String)
			}
			fmt.Fprintf(bw, "%d; %d %d %s %s %s %s\n", e.DumpID, e.TableOID, e.OID,
				e.Desc, ns, sanitizeLine(e.Tag), sanitizeLine(e.Owner.String))
		}
		if opts.Verbose && len(e.Dependencies) > 0 {
			bw.WriteString(";\tdepends on:")
			for _, d := range e.Dependencies {
				bw.WriteByte(' ')
				bw.WriteString(strconv.Itoa(d))
			}
			bw.WriteByte('\n')
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("pgarchive: writing listing: %w", err)
	}
	return nil
}

// Listed reports for each entry whether pg_restore -l (with -C when
// createDB) lists it: whether a restore without selection options would
// restore any part of it.
func Listed(entries []*Entry, createDB bool) []bool {
	out := make([]bool, len(entries))
	cur := SectionPreData
	for i, e := range entries {
		if e.Section != SectionNone {
			cur = e.Section
		}
		out[i] = listed(e, cur, createDB)
	}
	return out
}

// listed follows pg_restore's _tocEntryRequired with no selection options
// but -C: it is true when the entry has a schema or a data part to restore.
// cur is the section in effect, an entry of SectionNone inheriting it from
// the entries before.
func listed(e *Entry, cur Section, createDB bool) bool {
	switch e.Desc {
	case "ENCODING", "STDSTRINGS", "SEARCHPATH":
		return false // applied as session settings, never as objects
	case "DATABASE", "DATABASE PROPERTIES":
		return createDB
	}
	switch cur {
	case SectionPreData, SectionData, SectionPostData:
	default:
		return false
	}
	switch e.Desc {
	case "ACL", "COMMENT", "SECURITY LABEL":
		if strings.HasPrefix(e.Tag, "DATABASE ") && !createDB {
			return false
		}
	}
	schema, data := true, true
	if !e.HadDumper {
		lo := strings.HasPrefix(e.Tag, "LARGE OBJECT")
		switch {
		case e.Desc == "SEQUENCE SET", e.Desc == "BLOB", e.Desc == "BLOB METADATA",
			lo && (e.Desc == "ACL" || e.Desc == "COMMENT" || e.Desc == "SECURITY LABEL"):
			schema = false
		default:
			data = false
		}
	}
	if !e.Defn.Valid || e.Defn.String == "" || strings.HasPrefix(e.Defn.String, "-- load via partition root ") {
		schema = false
	}
	if e.Desc == "<Init>" && e.Tag == "Max OID" {
		return false
	}
	return schema || data
}

// sanitizeLine replaces line breaks so a name fits on its listing line.
func sanitizeLine(s string) string {
	if !strings.ContainsAny(s, "\n\r") {
		return s
	}
	return strings.NewReplacer("\n", " ", "\r", " ").Replace(s)
}

func formatName(f int) string {
	switch f {
	case FormatCustom:
		return "CUSTOM"
	case FormatTar:
		return "TAR"
	case FormatDirectory:
		return "DIRECTORY"
	}
	return "UNKNOWN"
}

// formatStamp is strftime's "%Y-%m-%d %H:%M:%S %Z" as glibc prints it: the
// year unpadded, as many digits as it has.
func formatStamp(t time.Time) string {
	zone, _ := t.Zone()
	return fmt.Sprintf("%d-%02d-%02d %02d:%02d:%02d %s", t.Year(), int(t.Month()), t.Day(),
		t.Hour(), t.Minute(), t.Second(), zone)
}

// Time returns the instant pg_restore makes of the stored fields when it
// runs in the time zone loc: glibc mktime reads them as wall-clock time in
// loc in the DST state IsDST claims, retrying with IsDST -1 if that fails.
// When the claim disagrees with loc's actual state the instant moves by
// loc's DST shift (one hour where loc has no DST at all), which is what
// pg_restore -l shows.
func (c CreateTime) Time(loc *time.Location) time.Time {
	if loc == nil {
		loc = time.Local
	}
	t, ok := mktime(c, c.IsDST, loc)
	if !ok || t == -1 {
		if ok {
			// A successful mktime normalized pg_restore's struct tm to the
			// local time of its result before the retry reads it.
			lt := time.Unix(t, 0).In(loc)
			c = CreateTime{Sec: lt.Second(), Min: lt.Minute(), Hour: lt.Hour(),
				Day: lt.Day(), Month: int(lt.Month()) - 1, Year: lt.Year() - 1900}
		}
		t, ok = mktime(c, -1, loc)
		if !ok {
			t = -1 // pg_restore keeps mktime's failure value and prints it
		}
	}
	return time.Unix(t, 0).In(loc)
}

// brokenDown is the part of a struct tm that mktime compares.
type brokenDown struct {
	year  int64 // years since 1900
	yday  int64 // 0-based day of the year
	hour  int64
	min   int64
	sec   int64
	isDST bool
}

// maxTimeT bounds the instants localtime is asked about, so that the year
// stays far inside what time.Time and a C int tm_year can hold.
const maxTimeT = 1 << 55

// localtime is C localtime_r in loc; ok is false where C's would overflow.
func localtime(t int64, loc *time.Location) (brokenDown, bool) {
	if t > maxTimeT || t < -maxTimeT {
		return brokenDown{}, false
	}
	lt := time.Unix(t, 0).In(loc)
	return brokenDown{
		year:  int64(lt.Year()) - 1900,
		yday:  int64(lt.YearDay() - 1),
		hour:  int64(lt.Hour()),
		min:   int64(lt.Minute()),
		sec:   int64(lt.Second()),
		isDST: lt.IsDST(),
	}, true
}

// asUTC is the broken-down time read as UTC, in seconds since 1970: the
// difference of two of these is glibc's ydhms_diff.
func asUTC(year, yday, hour, minute, sec int64) int64 {
	y := year + 1900 - 1 // leap days are counted over the years before
	days := 365*(y-1969) + floorDiv(y, 4) - floorDiv(y, 100) + floorDiv(y, 400) - (492 - 19 + 4) + yday
	return ((days*24+hour)*60+minute)*60 + sec
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// monthDays are the days before each month, in common and leap years.
var monthDays = [2][12]int64{
	{0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334},
	{0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335},
}

func isLeap(y int64) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// mktime follows glibc's __mktime_internal (time/mktime.c, glibc 2.41, the
// C library PostgreSQL 17's Debian build uses) for a process's first call:
// the offset guess starts at zero. isdst < 0 lets the zone decide.
func mktime(c CreateTime, isdst int, loc *time.Location) (int64, bool) {
	// Bring the month into range and fold it into the year.
	mon := int64(c.Month)
	monRem := mon % 12
	negRem := int64(0)
	if monRem < 0 {
		negRem = 1
	}
	year := int64(c.Year) + mon/12 - negRem
	leap := 0
	if isLeap(year + 1900) {
		leap = 1
	}
	yday := monthDays[leap][monRem+12*negRem] + int64(c.Day) - 1
	hour, minute := int64(c.Hour), int64(c.Min)
	secRequested := int64(c.Sec)
	sec := min(max(secRequested, 0), 59) // leap seconds are handled last
	want := asUTC(year, yday, hour, minute, sec)
	diff := func(tm brokenDown) int64 { return want - asUTC(tm.year, tm.yday, tm.hour, tm.min, tm.sec) }

	t0 := want
	t, t1, t2 := t0, t0, t0
	dst2 := false
	var tm brokenDown
	found := false
	for probes := 6; ; {
		var ok bool
		if tm, ok = localtime(t, loc); !ok {
			return 0, false
		}
		dt := diff(tm)
		if dt == 0 {
			break
		}
		// Oscillating between two values: the time is in a spring-forward
		// gap, and glibc returns the current probe.
		if t == t1 && t != t2 {
			var wrongDST bool
			if isdst < 0 {
				// With no preference, settle unless the previous probe was
				// DST and this one is not.
				wrongDST = !dst2 || tm.isDST
			} else {
				wrongDST = (isdst != 0) != tm.isDST
			}
			if wrongDST {
				found = true
				break
			}
		}
		probes--
		if probes == 0 {
			return 0, false
		}
		t1, t2, t, dst2 = t2, t, t+dt, tm.isDST
	}

	if !found && isdst >= 0 && (isdst != 0) != tm.isDST {
		// The match has the wrong DST state: use the offset of the nearest
		// instant that has the requested one, or else assume a one-hour
		// shift.
		const stride = 601200
		const durationMax = 457243200
		const deltaBound = durationMax/2 + stride
		done := false
		for delta := int64(stride); delta < deltaBound && !done; delta += stride {
			for _, dir := range []int64{-1, 1} {
				ot := t + delta*dir
				otm, ok := localtime(ot, loc)
				if !ok {
					return 0, false
				}
				if (isdst != 0) == otm.isDST {
					gt := ot + diff(otm)
					if _, ok := localtime(gt, loc); ok {
						t = gt
						done = true
						break
					}
				}
			}
		}
		if !done {
			dstDifference := int64(0)
			if isdst == 0 {
				dstDifference++
			}
			if !tm.isDST {
				dstDifference--
			}
			t += 3600 * dstDifference
			if _, ok := localtime(t, loc); !ok {
				return 0, false
			}
		}
	}

	t += secRequested - sec
	if _, ok := localtime(t, loc); !ok {
		return 0, false
	}
	return t, true
}
