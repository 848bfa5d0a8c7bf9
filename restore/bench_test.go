package restore

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pgdrill/pgdrill/internal/pgtest"
	"github.com/pgdrill/pgdrill/pgarchive"
)

// benchArchive is the large archive BenchmarkRestoreLarge replays: the
// ~1M-row audit table bench/run.sh builds, or PGDRILL_BENCH_ARCHIVE.
func benchArchive(b *testing.B) string {
	path := os.Getenv("PGDRILL_BENCH_ARCHIVE")
	if path == "" {
		path = filepath.Join("..", "bench", "out", "audit-pg15-gzip.dump")
	}
	if _, err := os.Stat(path); err != nil {
		b.Skipf("no large archive at %s (run bash bench/run.sh archives, or set PGDRILL_BENCH_ARCHIVE)", path)
	}
	return path
}

// peakHeap samples the Go heap while f runs and returns the largest
// in-use size seen, to show that a restore streams rather than buffers.
func peakHeap(f func()) uint64 {
	var peak atomic.Uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		var ms runtime.MemStats
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	f()
	close(stop)
	<-done
	return peak.Load()
}

// BenchmarkRestoreLarge restores the large archive into the embedded server
// with pgdrill and, when it is installed, with pg_restore of the archive's
// version, at -j1 and -j2, and reports the time ratio and pgdrill's peak
// Go heap. bench/restore.sh measures the same with process RSS.
func BenchmarkRestoreLarge(b *testing.B) {
	path := benchArchive(b)
	a, err := pgarchive.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer a.Close()
	var pgRestore []string
	if a.Header.Version.AtLeast(pgarchive.V1_15) {
		pgRestore = []string{pg17Wrapper(), "pg_restore"}
	} else {
		pgRestore = []string{filepath.Join(pg15Bin(), "pg_restore")}
	}
	if _, err := os.Stat(pgRestore[0]); err != nil {
		pgRestore = nil
	}
	for _, jobs := range []int{1, 2} {
		b.Run(fmt.Sprintf("j%d", jobs), func(b *testing.B) {
			var ours, theirs time.Duration
			var heap uint64
			for range b.N {
				url := pgtest.NewDB(b)
				start := time.Now()
				heap = max(heap, peakHeap(func() {
					if _, err := Run(context.Background(), a.Reader, url, Options{Jobs: jobs}); err != nil {
						b.Fatal(err)
					}
				}))
				ours += time.Since(start)
				if pgRestore == nil {
					continue
				}
				url = pgtest.NewDB(b)
				cmd := append(append([]string{}, pgRestore...), "-j", fmt.Sprint(jobs), "-d", url, path)
				c := exec.Command(cmd[0], cmd[1:]...)
				c.Env = cleanEnv()
				b.StopTimer()
				start = time.Now()
				out, err := c.CombinedOutput()
				theirs += time.Since(start)
				b.StartTimer()
				if err != nil && !strings.Contains(string(out), "transaction_timeout") {
					b.Fatalf("pg_restore: %v\n%s", err, out)
				}
			}
			b.ReportMetric(float64(heap)/(1<<20), "peak-heap-MiB")
			b.ReportMetric(ours.Seconds()/float64(b.N), "pgdrill-s")
			if theirs > 0 {
				b.ReportMetric(theirs.Seconds()/float64(b.N), "pg_restore-s")
				b.ReportMetric(ours.Seconds()/theirs.Seconds(), "ratio")
			}
		})
	}
}

// BenchmarkRestoreFixture restores the full fixture (every object kind,
// small data): the per-entry overhead of a restore.
func BenchmarkRestoreFixture(b *testing.B) {
	a, err := pgarchive.Open(fixturePath("pg17/full-zstd.dump"))
	if err != nil {
		b.Fatal(err)
	}
	defer a.Close()
	for range b.N {
		b.StopTimer()
		url := pgtest.NewDB(b)
		c := pgtest.Conn(b, url)
		c.Exec(context.Background(), `DO $$BEGIN CREATE ROLE reader NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END$$`)
		b.StartTimer()
		if _, err := Run(context.Background(), a.Reader, url, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
