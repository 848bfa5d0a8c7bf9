package main

// progress.go: the progress bars of the long commands. Every command takes
// --no-progress; bars draw only when standard error is a terminal.

import (
	"io"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/spf13/cobra"

	"github.com/pgdrill/pgdrill/drill"
	"github.com/pgdrill/pgdrill/internal/progress"
)

// newBar returns a bar on the command's standard error, or nil (which does
// nothing) with --no-progress.
func newBar(cmd *cobra.Command, label string, total int64) *progress.Bar {
	if off, _ := cmd.Flags().GetBool("no-progress"); off {
		return nil
	}
	return progress.New(cmd.ErrOrStderr(), label, total)
}

// countingReaderAt reports the bytes read through it: the archive bytes a
// command has used, for a bar whose total is the archive's size.
type countingReaderAt struct {
	ra    io.ReaderAt
	count func(int64)
}

func (c countingReaderAt) ReadAt(p []byte, off int64) (int, error) {
	n, err := c.ra.ReadAt(p, off)
	if n > 0 {
		c.count(int64(n))
	}
	return n, err
}

// countingReader is countingReaderAt for a stream.
type countingReader struct {
	r     io.Reader
	count func(int64)
}

func (c countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if n > 0 {
		c.count(int64(n))
	}
	return n, err
}

// countAt and count wrap an input when a count function is set.
func countAt(ra io.ReaderAt, count func(int64)) io.ReaderAt {
	if count == nil {
		return ra
	}
	return countingReaderAt{ra, count}
}

func count(r io.Reader, count func(int64)) io.Reader {
	if count == nil {
		return r
	}
	return countingReader{r, count}
}

// drillProgress shows the drill's phases on a terminal (unless -v prints
// them or --no-progress) and the download of server binaries, if one
// happens. The returned func ends the display.
func drillProgress(cmd *cobra.Command, cfg *drill.Config) func() {
	if off, _ := cmd.Flags().GetBool("no-progress"); off {
		return func() {}
	}
	download := newBar(cmd, "download PostgreSQL", 0)
	var started atomic.Bool
	cfg.DownloadProgress = func(done, total int64) {
		if started.CompareAndSwap(false, true) && total > 0 {
			download.SetTotal(total)
		}
		download.Add(done - download.Count())
	}
	phases := newBar(cmd, "drill", 0)
	if cfg.Log == nil {
		cfg.Log = phaseWriter{phases}
	}
	done := func() {
		download.Done()
		phases.Done()
	}
	// The verdict goes to standard output: end the bar's line first.
	cmd.SetOut(&endBarsFirst{w: cmd.OutOrStdout(), done: done})
	return done
}

// endBarsFirst ends the progress display before the first write passes.
type endBarsFirst struct {
	w    io.Writer
	done func()
	once sync.Once
}

func (e *endBarsFirst) Write(p []byte) (int, error) {
	e.once.Do(e.done)
	return e.w.Write(p)
}

// phaseWriter turns the drill's phase lines ("drill: restore  1.234s")
// into the status of a bar; its other log lines (and a migration script's
// echo) are dropped, as they are without -v.
type phaseWriter struct{ bar *progress.Bar }

var phaseLine = regexp.MustCompile(`^drill: (\S+)\s+[0-9.]+s$`)

func (w phaseWriter) Write(p []byte) (int, error) {
	for _, line := range strings.Split(string(p), "\n") {
		if m := phaseLine.FindStringSubmatch(line); m != nil {
			w.bar.Status(m[1] + " done")
		}
	}
	return len(p), nil
}
