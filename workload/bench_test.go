package workload

import (
	"context"
	"fmt"
	"testing"

	"github.com/pgdrill/pgdrill/chain"
	"github.com/pgdrill/pgdrill/internal/pgtest"
)

// BenchmarkInsert inserts b.N cycle rows per method and batch size into a
// fresh chain and reports rows/s; e.g.
//
//	go test ./workload -run '^$' -bench 'Insert/copy/250' -benchtime 1000000x
func BenchmarkInsert(b *testing.B) {
	for _, m := range []Method{MethodCopy, MethodInsert} {
		for _, batch := range []int{DefaultBatchRows, 2000} {
			b.Run(fmt.Sprintf("%s/%d", m, batch), func(b *testing.B) {
				ctx := context.Background()
				conn := pgtest.Conn(b, pgtest.NewDB(b))
				if err := chain.Migrate(ctx, conn); err != nil {
					b.Fatal(err)
				}
				b.ResetTimer()
				n, err := Insert(ctx, conn, Config{Rows: b.N, Seed: 1, Step: 1000, Method: m, BatchRows: batch})
				if err != nil || n != b.N {
					b.Fatalf("Insert = %d, %v", n, err)
				}
				b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "rows/s")
			})
		}
	}
}
