package dump

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/pgdrill/pgdrill/internal/pgtest"
	"github.com/pgdrill/pgdrill/pgarchive"
)

// BenchmarkDump dumps a 100,000-row audit-like table (about 30 MB of COPY
// text) with each compression, to a file as pgdrill dump -f does. bytes/s
// is uncompressed COPY text; archive-bytes the file size; peak-heap-MiB the
// largest Go heap seen, which must stay flat whatever the table size. The
// end-to-end comparison with pg_dump on a million rows is bench/dump.sh.
func BenchmarkDump(b *testing.B) {
	ctx := context.Background()
	url := pgtest.NewDB(b)
	conn := pgtest.Conn(b, url)
	if _, err := conn.Exec(ctx, `CREATE TABLE audit_events (
		id text PRIMARY KEY, actor text NOT NULL, action text NOT NULL, details jsonb NOT NULL,
		ts timestamptz NOT NULL, row_hash text NOT NULL);
	INSERT INTO audit_events
	SELECT md5(i::text)::uuid::text, 'user_' || (i % 5003) || '@example.com',
		(ARRAY['insert', 'update', 'delete', 'login', 'logout', 'grant'])[1 + i % 6],
		jsonb_build_object('ip', '10.' || (i % 251) || '.' || (i / 251 % 256), 'session', md5((i::bigint * 7919)::text),
			'row', i::bigint * 13 % 1000003, 'note', repeat('ok ', i % 23)),
		timestamptz '2024-01-01 00:00:00+00' + i * interval '1.234567 second',
		encode(sha256(convert_to(i::text, 'UTF8')), 'hex')
	FROM generate_series(1, 100000) AS i`); err != nil {
		b.Fatal(err)
	}
	for _, c := range []pgarchive.Compression{pgarchive.CompressionNone, pgarchive.CompressionGzip, pgarchive.CompressionLZ4, pgarchive.CompressionZstd} {
		b.Run(c.String(), func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "bench.dump")
			var peak uint64
			stop := make(chan struct{})
			done := make(chan struct{})
			go func() {
				// Sample the heap every 10 ms while the dump runs.
				defer close(done)
				tick := time.NewTicker(10 * time.Millisecond)
				defer tick.Stop()
				var ms runtime.MemStats
				for {
					select {
					case <-stop:
						return
					case <-tick.C:
					}
					runtime.ReadMemStats(&ms)
					peak = max(peak, ms.HeapInuse)
				}
			}()
			var sum Summary
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				f, err := os.Create(path)
				if err != nil {
					b.Fatal(err)
				}
				sum, err = Run(ctx, url, f, Options{Compression: c})
				f.Close()
				if err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			close(stop)
			<-done
			b.SetBytes(sum.DataBytes)
			b.ReportMetric(float64(sum.ArchiveBytes), "archive-bytes")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
		})
	}
}
