package chain_test

import (
	"bufio"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/pgdrill/pgdrill/chain"
	"github.com/pgdrill/pgdrill/pgarchive/copytext"
	"github.com/pgdrill/pgdrill/pgtime"
	"github.com/pgdrill/pgdrill/workload"
)

// copyStream streams the COPY text of a linked workload chain of n rows, in
// chain order, from a goroutine.
func copyStream(n int) io.Reader {
	pr, pw := io.Pipe()
	go func() {
		w := copytext.NewWriter(pw)
		var head *string
		fields := make([][]byte, len(chain.EventColumns))
		opt := func(s *string) []byte {
			if s == nil {
				return nil
			}
			return []byte(*s)
		}
		for r := range workload.Generate(workload.Config{Rows: n, Seed: 1}) {
			rows := []chain.Row{r}
			head, _ = chain.Link(head, rows)
			r = rows[0]
			fields = append(fields[:0], []byte(r.ID), []byte(r.Actor), []byte(r.ActorType), []byte(r.Action),
				[]byte(r.ResourceType), []byte(r.ResourceID), opt(r.Details), []byte(pgtime.FormatISO(r.Timestamp, 3600)),
				opt(r.EventCategory), opt(r.PrevHash), []byte(r.RowHash))
			if err := w.Write(fields); err != nil {
				pw.CloseWithError(err)
				return
			}
		}
		pw.CloseWithError(w.Close())
	}()
	return pr
}

// BenchmarkVerifyCopy verifies b.N rows of COPY text (decode, hash, sort,
// walk) read from a file written before the timer starts.
func BenchmarkVerifyCopy(b *testing.B) {
	f, err := os.Create(filepath.Join(b.TempDir(), "events.copy"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if _, err := io.Copy(f, copyStream(b.N)); err != nil {
		b.Fatal(err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	res, err := chain.VerifyCopy(bufio.NewReaderSize(f, 1<<20), chain.EventColumns)
	if err != nil {
		b.Fatal(err)
	}
	if res.RowCount != int64(b.N) || res.FirstBreak != nil {
		b.Fatalf("VerifyCopy = %v", res)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

const benchDBRows = 100000

// BenchmarkVerifyServer verifies a 100,000-row chain per iteration with
// the SQL function and with VerifyDB.
func BenchmarkVerifyServer(b *testing.B) {
	if testing.Short() {
		b.Skip("-short: no server")
	}
	ctx := context.Background()
	conn := newChainDBB(b)
	if _, err := workload.Insert(ctx, conn, workload.Config{Rows: benchDBRows, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	for _, v := range []struct {
		name string
		fn   func(context.Context) (chain.Result, error)
	}{
		{"sql", func(ctx context.Context) (chain.Result, error) { return chain.VerifySQL(ctx, conn) }},
		{"go", func(ctx context.Context) (chain.Result, error) { return chain.VerifyDB(ctx, conn) }},
	} {
		b.Run(v.name, func(b *testing.B) {
			for b.Loop() {
				res, err := v.fn(ctx)
				if err != nil || res.RowCount != benchDBRows || res.FirstBreak != nil {
					b.Fatalf("%v, %v", res, err)
				}
			}
			b.ReportMetric(float64(b.N*benchDBRows)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}
