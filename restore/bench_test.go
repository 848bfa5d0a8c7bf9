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
	"github.com/pgdrill/pgdrill/internal/pgtools"
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
	major := 15
	if a.Header.Version.AtLeast(pgarchive.V1_15) {
		major = 17
	}
	pgRestore, _ := pgtools.Find(major, "pg_restore") // nil: pgdrill alone
	// fresh makes an empty database and checkpoints, so no run pays for
	// the previous one's WAL.
	fresh := func(b *testing.B) string {
		url := pgtest.NewDB(b)
		if _, err := pgtest.Conn(b, url).Exec(context.Background(), "CHECKPOINT"); err != nil {
			b.Fatal(err)
		}
		return url
	}
	// ours runs with the benchmark timer on, except for making the database.
	ours := func(b *testing.B, jobs int) (time.Duration, uint64) {
		b.StopTimer()
		url := fresh(b)
		b.StartTimer()
		start := time.Now()
		heap := peakHeap(func() {
			if _, err := Run(context.Background(), a.Reader, url, Options{Jobs: jobs}); err != nil {
				b.Fatal(err)
			}
		})
		return time.Since(start), heap
	}
	// theirs is called with the benchmark timer stopped.
	theirs := func(b *testing.B, jobs int) time.Duration {
		url := fresh(b)
		cmd := append(append([]string{}, pgRestore...), "-j", fmt.Sprint(jobs), "-d", url, path)
		c := exec.Command(cmd[0], cmd[1:]...)
		c.Env = cleanEnv()
		start := time.Now()
		out, err := c.CombinedOutput()
		d := time.Since(start)
		if err != nil && !strings.Contains(string(out), "transaction_timeout") {
			b.Fatalf("pg_restore: %v\n%s", err, out)
		}
		return d
	}
	for _, jobs := range []int{1, 2} {
		b.Run(fmt.Sprintf("j%d", jobs), func(b *testing.B) {
			// A first restore warms the server's caches and WAL files;
			// after it the two tools alternate which goes first.
			ours(b, jobs)
			b.ResetTimer()
			var tOurs, tTheirs time.Duration
			var heap uint64
			for i := range b.N {
				if pgRestore != nil && i%2 == 1 {
					b.StopTimer()
					tTheirs += theirs(b, jobs)
					b.StartTimer()
				}
				d, h := ours(b, jobs)
				tOurs += d
				heap = max(heap, h)
				if pgRestore != nil && i%2 == 0 {
					b.StopTimer()
					tTheirs += theirs(b, jobs)
					b.StartTimer()
				}
			}
			b.ReportMetric(float64(heap)/(1<<20), "peak-heap-MiB")
			b.ReportMetric(tOurs.Seconds()/float64(b.N), "pgdrill-s")
			if tTheirs > 0 {
				b.ReportMetric(tTheirs.Seconds()/float64(b.N), "pg_restore-s")
				b.ReportMetric(tOurs.Seconds()/tTheirs.Seconds(), "ratio")
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
