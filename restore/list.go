package restore

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// ListLine is a line of a -L list that names no usable entry.
type ListLine struct {
	Line int
	Text string
}

// ParseList reads a restore list in the format of pg_restore -l (and
// pgdrill list): on each line, text after the first ';' is a comment, and the
// line's leading integer is a dump ID. It returns the IDs in order and the
// lines that could not be read as an ID, which pg_restore warns about and
// skips. Checking the IDs against an archive happens in Run.
func ParseList(r io.Reader) (ids []int, ignored []ListLine, err error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.IndexByte(line, ';'); i >= 0 {
			line = line[:i]
		}
		if strings.Trim(line, " \t\r\n") == "" {
			continue
		}
		// Like strtol: optional leading white space, then digits; what
		// follows the number is ignored.
		s := strings.TrimLeft(line, " \t\r\n\f\v")
		end := 0
		if end < len(s) && (s[end] == '+' || s[end] == '-') {
			end++
		}
		for end < len(s) && s[end] >= '0' && s[end] <= '9' {
			end++
		}
		id, convErr := strconv.Atoi(s[:end])
		if convErr != nil || id <= 0 {
			ignored = append(ignored, ListLine{n, line})
			continue
		}
		ids = append(ids, id)
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("restore: reading list: %w", err)
	}
	return ids, ignored, nil
}
