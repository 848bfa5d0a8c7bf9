package progress

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"
)

// fakeClock advances only when told to.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

func TestBarDraws(t *testing.T) {
	tests := []struct {
		name  string
		on    bool
		total int64
		steps []time.Duration // wait before each Add(1024)
		want  string
	}{
		{"not a terminal: silent", false, 4096, []time.Duration{time.Second, time.Second}, ""},
		{"quick job: silent", true, 4096, []time.Duration{10 * time.Millisecond, 10 * time.Millisecond}, ""},
		{"known total", true, 4096, []time.Duration{600 * time.Millisecond, 200 * time.Millisecond},
			"\rcat [=======>                      ]  25% 1.0 KiB/4.0 KiB 1.7 KiB/s" +
				"\rcat [===============>              ]  50% 2.0 KiB/4.0 KiB 2.5 KiB/s" +
				"\rcat [===============>              ]  50% 2.0 KiB/4.0 KiB 2.5 KiB/s\n"},
		{"throttled", true, 4096, []time.Duration{600 * time.Millisecond, 50 * time.Millisecond, 10 * time.Millisecond},
			"\rcat [=======>                      ]  25% 1.0 KiB/4.0 KiB 1.7 KiB/s" +
				"\rcat [======================>       ]  75% 3.0 KiB/4.0 KiB 4.5 KiB/s\n"},
		{"unknown total", true, 0, []time.Duration{time.Second},
			"\rcat 1.0 KiB 1.0 KiB/s\rcat 1.0 KiB 1.0 KiB/s\n"},
		{"past the total", true, 1024, []time.Duration{time.Second, time.Second},
			"\rcat [==============================] 100% 1.0 KiB/1.0 KiB 1.0 KiB/s" +
				"\rcat [==============================] 100% 2.0 KiB/1.0 KiB 1.0 KiB/s\r" +
				"cat [==============================] 100% 2.0 KiB/1.0 KiB 1.0 KiB/s\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			clock := &fakeClock{t: time.Unix(0, 0)}
			b := newBar(&out, "cat", tt.total, tt.on, clock.now)
			for _, d := range tt.steps {
				clock.advance(d)
				b.Add(1024)
			}
			b.Done()
			b.Done() // a second Done draws nothing
			b.Add(1) // nor does Add after Done
			if got := out.String(); got != tt.want {
				t.Errorf("drew\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestShorterLineBlanksTheRest(t *testing.T) {
	var out bytes.Buffer
	clock := &fakeClock{t: time.Unix(0, 0)}
	b := newBar(&out, "x", 0, true, clock.now)
	clock.advance(time.Second)
	b.Add(2000) // "x 2.0 KiB 2.0 KiB/s"
	b.lastLen = 30
	clock.advance(time.Second)
	b.Add(0) // "x 2.0 KiB 1000 B/s", 18 characters
	if !strings.Contains(out.String(), "\rx 2.0 KiB 1000 B/s            ") {
		t.Errorf("leftover not blanked: %q", out.String())
	}
}

func TestNilBar(t *testing.T) {
	var b *Bar
	b.Add(1)
	b.Done()
}

func TestNotATerminal(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) {
		t.Error("a regular file is taken for a terminal")
	}
	if isTerminal(&bytes.Buffer{}) {
		t.Error("a buffer is taken for a terminal")
	}
}

func TestSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 B", 1023: "1023 B", 1024: "1.0 KiB", 1536: "1.5 KiB", 5 << 30: "5.0 GiB"} {
		if got := size(n); got != want {
			t.Errorf("size(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestItems(t *testing.T) {
	for _, tt := range []struct {
		total int64
		want  string
	}{
		{0, "\rrestore 1.0 KiB 1.0 KiB/s, 2 entries\rrestore 1.0 KiB 1.0 KiB/s, 2 entries\n"},
		{5, "\rrestore 1.0 KiB 1.0 KiB/s, 2/5 entries\rrestore 1.0 KiB 1.0 KiB/s, 2/5 entries\n"},
	} {
		var out bytes.Buffer
		clock := &fakeClock{t: time.Unix(0, 0)}
		b := newBar(&out, "restore", 0, true, clock.now)
		b.Items("entries", tt.total)
		b.Step() // too early to draw
		b.Add(1024)
		clock.advance(time.Second)
		b.Step()
		b.Done()
		if got := out.String(); got != tt.want {
			t.Errorf("total %d: drew %q, want %q", tt.total, got, tt.want)
		}
	}
}

// TestStatusAndSetTotal: a bar whose total becomes known later shows a
// percentage from then on; a status replaces the counts with the phase and
// the time taken.
func TestStatusAndSetTotal(t *testing.T) {
	var out bytes.Buffer
	clock := &fakeClock{t: time.Unix(0, 0)}
	b := newBar(&out, "dump", 0, true, clock.now)
	clock.advance(time.Second)
	b.Add(1024)
	b.SetTotal(4096)
	clock.advance(time.Second)
	b.Add(1024)
	b.Done()
	want := "\rdump 1.0 KiB 1.0 KiB/s\rdump [===============>              ]  50% 2.0 KiB/4.0 KiB 1.0 KiB/s" +
		"\rdump [===============>              ]  50% 2.0 KiB/4.0 KiB 1.0 KiB/s\n"
	if got := out.String(); got != want {
		t.Errorf("drew\n%q\nwant\n%q", got, want)
	}

	out.Reset()
	clock = &fakeClock{t: time.Unix(0, 0)}
	b = newBar(&out, "drill", 0, true, clock.now)
	b.Status("start server")
	clock.advance(2 * time.Second)
	b.Status("restore")
	b.Done()
	want = "\rdrill: restore (2s)\rdrill: restore (2s)\n" // the first status came before the delay
	if got := out.String(); got != want {
		t.Errorf("drew\n%q\nwant\n%q", got, want)
	}
}

// TestComplete: a finished job's bar ends at 100% even when the counted
// bytes fell short of the total; Done alone leaves the count as it was.
func TestComplete(t *testing.T) {
	clock := time.Unix(0, 0)
	now := func() time.Time { clock = clock.Add(time.Second); return clock }
	for _, tc := range []struct {
		finish func(*Bar)
		want   string
	}{
		{(*Bar).Complete, "100% "},
		{(*Bar).Done, " 99% "},
	} {
		var out bytes.Buffer
		b := newBar(&out, "cat", 1000, true, now)
		b.Add(990)
		tc.finish(b)
		last := out.String()[strings.LastIndex(out.String(), "\r"):]
		if !strings.Contains(last, tc.want) {
			t.Errorf("final line %q, want %q", last, tc.want)
		}
	}
	var nilBar *Bar
	nilBar.Complete()
}
