package pgarchive

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The benchmarks read every data block to io.Discard and report MB/s of
// decompressed data (b.SetBytes) and allocations per archive read. The
// fixtures are small (136 KB of COPY text), so they weigh per-block costs;
// the synthetic "audit" archives hold 16 MiB of audit-like rows in one table
// and weigh decompression throughput. bench/run.sh compares the same code
// with pg_restore on a 354 MB table (BENCHMARKS.md).

func BenchmarkReadFixture(b *testing.B) {
	for _, name := range []string{"pg15/full-gzip", "pg17/full-gzip", "pg17/full-lz4", "pg17/full-zstd", "pg17/full-none"} {
		raw, err := os.ReadFile(filepath.Join("..", "testdata", name+".dump"))
		if err != nil {
			b.Fatal(err)
		}
		benchArchive(b, strings.ReplaceAll(name, "/", "-"), raw)
	}
}

func BenchmarkReadAudit(b *testing.B) {
	text := auditRows(16 << 20)
	for _, alg := range []Compression{CompressionGzip, CompressionLZ4, CompressionZstd, CompressionNone} {
		a := smallArchive(b, V1_16, alg)
		// pg_dump writes a block as chunks of what its compressor hands
		// back; 4 KiB is what its gzip writer uses.
		a.Blocks[idData] = blockBytes(4, blockData, idData, 4096, compress(b, alg, text))
		raw, _ := a.encode()
		benchArchive(b, alg.String(), raw)
	}
}

// benchArchive runs one sub-benchmark per API over raw.
func benchArchive(b *testing.B, name string, raw []byte) {
	total, err := readEverything(raw, false)
	if err != nil {
		b.Fatalf("%s: %v", name, err)
	}
	for _, stream := range []bool{false, true} {
		api := "reader"
		if stream {
			api = "stream"
		}
		b.Run(name+"/"+api, func(b *testing.B) {
			b.SetBytes(total)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := readEverything(raw, stream); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(raw))/float64(total), "stored/raw")
		})
	}
}

// readEverything reads every block of raw, through a Reader or a Stream,
// and returns the decompressed bytes.
func readEverything(raw []byte, stream bool) (int64, error) {
	var total int64
	drainOne := func(blk *Block) error {
		if !blk.IsBlobs() {
			n, err := io.Copy(io.Discard, blk)
			total += n
			return err
		}
		for {
			if _, err := blk.NextBlob(); err == io.EOF {
				return nil
			} else if err != nil {
				return err
			}
			n, err := io.Copy(io.Discard, blk)
			total += n
			if err != nil {
				return err
			}
		}
	}
	if stream {
		s, err := NewStream(bytes.NewReader(raw))
		if err != nil {
			return 0, err
		}
		for {
			blk, err := s.Next()
			if err == io.EOF {
				return total, nil
			}
			if err != nil {
				return total, err
			}
			if err := drainOne(blk); err != nil {
				return total, err
			}
		}
	}
	r, err := NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return 0, err
	}
	for _, e := range r.Entries {
		if e.DataState == DataNone {
			continue
		}
		blk, err := r.Open(e)
		if err != nil {
			return total, err
		}
		err = drainOne(blk)
		blk.Close()
		if err != nil {
			return total, err
		}
	}
	return total, nil
}

// auditRows is n bytes (about) of COPY text shaped like an audit log: a
// UUID-like id, actor, action, a jsonb document, a timestamptz with
// microseconds and a hex row hash. The same seed gives the same bytes.
func auditRows(n int) []byte {
	rng := rand.New(rand.NewPCG(1, 2))
	actions := []string{"insert", "update", "delete", "login", "logout", "grant"}
	var buf bytes.Buffer
	buf.Grow(n + 512)
	for i := 1; buf.Len() < n; i++ {
		fmt.Fprintf(&buf, "%08x-%04x-%04x-%04x-%012x\tuser_%d@example.com\t%s\t",
			rng.Uint32(), rng.Uint32()&0xffff, rng.Uint32()&0xffff, rng.Uint32()&0xffff, rng.Uint64()&0xffffffffffff,
			i%5003, actions[i%len(actions)])
		fmt.Fprintf(&buf, `{"ip": "10.%d.%d.%d", "row": %d, "note": "%s", "table": "orders_%d", "changed": ["status", "amount", "note_%d"], "session": "%016x%016x"}`,
			i%251, i/251%256, i%7+1, i*13%1000003, strings.Repeat("ok ", i%23), i%37, i%11, rng.Uint64(), rng.Uint64())
		us := int64(i) * 1234567
		fmt.Fprintf(&buf, "\t2024-%02d-%02d %02d:%02d:%02d.%06d+00\t%016x%016x%016x%016x\n",
			1+us/1e6/86400/28%12, 1+us/1e6/86400%28, us/1e6/3600%24, us/1e6/60%60, us/1e6%60, us%1e6,
			rng.Uint64(), rng.Uint64(), rng.Uint64(), rng.Uint64())
	}
	buf.WriteString("\\.\n\n\n")
	return buf.Bytes()
}
