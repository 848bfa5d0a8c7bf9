// Package progress draws a one-line progress bar on a terminal, typically
// standard error, and stays silent when the output is not a terminal, so
// logs and pipes never receive control characters.
package progress

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"
)

const (
	// delay keeps quick jobs silent: nothing is drawn before it has passed.
	delay = 500 * time.Millisecond
	// interval throttles redraws.
	interval = 100 * time.Millisecond
	width    = 30 // cells of the bar itself
)

// Bar is a progress bar counting bytes (or any unit) towards a total.
// Its methods are safe for concurrent use; a nil *Bar does nothing.
type Bar struct {
	mu      sync.Mutex
	w       io.Writer
	label   string
	total   int64 // 0 or less: unknown, only the count is shown
	n       int64
	on      bool // w is a terminal
	now     func() time.Time
	start   time.Time
	last    time.Time // last redraw
	drawn   bool
	lastLen int // length of the last line drawn, to blank leftovers
	done    bool

	status     string // shown instead of the counts when set (Status)
	unit       string // name of the second count ("entries"), "" for none
	items      int64
	itemsTotal int64 // 0 or less: unknown
}

// New returns a bar that draws on w when w is a terminal. total is the
// expected count; 0 or less means unknown.
func New(w io.Writer, label string, total int64) *Bar {
	return newBar(w, label, total, isTerminal(w), time.Now)
}

func newBar(w io.Writer, label string, total int64, on bool, now func() time.Time) *Bar {
	return &Bar{w: w, label: label, total: total, on: on, now: now, start: now()}
}

// isTerminal reports whether w is a file descriptor connected to a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// Count is the count so far.
func (b *Bar) Count() int64 {
	if b == nil {
		return 0
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.n
}

// SetTotal sets the expected count, once it is known.
func (b *Bar) SetTotal(total int64) {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.total = total
}

// Status shows text instead of counts, with the time since the bar
// started: for jobs that go through phases without a byte count (the
// drill: "drill: restore (12s)"). It redraws if enough time has passed.
func (b *Bar) Status(text string) {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.status = text
	b.maybeDraw()
}

// Items makes the bar also count finished items (entries, tables) beside
// the bytes: "12/99 entries", or "12 entries" when total is 0 or less.
func (b *Bar) Items(unit string, total int64) {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.unit, b.itemsTotal = unit, total
}

// Step counts one finished item and redraws if enough time has passed.
func (b *Bar) Step() {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.items++
	b.maybeDraw()
}

// Add counts n more units and redraws if enough time has passed.
func (b *Bar) Add(n int64) {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.n += n
	b.maybeDraw()
}

func (b *Bar) maybeDraw() {
	if !b.on || b.done {
		return
	}
	now := b.now()
	if now.Sub(b.start) < delay || (b.drawn && now.Sub(b.last) < interval) {
		return
	}
	b.draw(now)
}

// Complete finishes a job that got to its end: the count becomes the total
// (bytes a reader skipped, such as an archive's trailer, were still dealt
// with), then as Done.
func (b *Bar) Complete() {
	if b == nil {
		return
	}
	b.mu.Lock()
	if b.total > b.n {
		b.n = b.total
	}
	b.mu.Unlock()
	b.Done()
}

// Done finishes the bar: if it was ever drawn, it is drawn once more in its
// final state and the line is ended.
func (b *Bar) Done() {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.done {
		return
	}
	b.done = true
	if b.drawn {
		b.draw(b.now())
		io.WriteString(b.w, "\n")
	}
}

func (b *Bar) draw(now time.Time) {
	b.last, b.drawn = now, true
	var line string
	elapsed := now.Sub(b.start)
	rate := ""
	if secs := elapsed.Seconds(); secs > 0 && b.n > 0 {
		rate = " " + size(int64(float64(b.n)/secs)) + "/s"
	}
	if b.status != "" {
		line = fmt.Sprintf("%s: %s (%s)", b.label, b.status, elapsed.Round(time.Second))
	} else if b.total > 0 {
		frac := float64(b.n) / float64(b.total)
		frac = min(max(frac, 0), 1)
		full := int(frac * width)
		bar := strings.Repeat("=", full)
		if full < width {
			bar += ">" + strings.Repeat(" ", width-full-1)
		}
		line = fmt.Sprintf("%s [%s] %3d%% %s/%s%s", b.label, bar, int(frac*100), size(b.n), size(b.total), rate)
	} else {
		line = fmt.Sprintf("%s %s%s", b.label, size(b.n), rate)
	}
	if b.unit != "" && b.status == "" {
		if b.itemsTotal > 0 {
			line += fmt.Sprintf(", %d/%d %s", b.items, b.itemsTotal, b.unit)
		} else {
			line += fmt.Sprintf(", %d %s", b.items, b.unit)
		}
	}
	pad := ""
	if len(line) < b.lastLen {
		pad = strings.Repeat(" ", b.lastLen-len(line))
	}
	b.lastLen = len(line)
	io.WriteString(b.w, "\r"+line+pad)
}

// size formats a byte count with a binary unit.
func size(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	v, i := float64(n)/unit, 0
	for v >= unit && i < 4 {
		v /= unit
		i++
	}
	return fmt.Sprintf("%.1f %ciB", v, "KMGTP"[i])
}
