package pgarchive

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/metrics"
	"sort"
	"strings"
	"testing"
	"testing/iotest"
	"time"
)

// FuzzReader feeds arbitrary bytes to both ways of reading an archive,
// NewReader/Open and NewStream/Next, and reads every block and every large
// object. Whatever the input, reading must return (no panic, no hang) and
// allocate no more than fuzzBudget(len(input)).
//
// Decompressed output is legal however large it is (a gzip or zstd bomb is
// valid data), so the target reads at most fuzzStreamCap bytes of each
// stream and fuzzTotalCap in all; what the budget checks is that the reader
// itself buffers none of it.
//
// The seed corpus is testdata/fuzz/FuzzReader, written by
// `go test -run TestWriteFuzzCorpus -write-corpus ./pgarchive` from real
// fixtures, their truncations, small archives of every version and
// compression, and every case of TestHostileArchives.
func FuzzReader(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		before := allocatedBytes()
		stop := watchdog(len(data))
		fuzzRead(data)
		stop()
		if got, limit := allocatedBytes()-before, fuzzBudget(data); got > limit && !raceEnabled {
			t.Fatalf("reading %d bytes allocated %d bytes, over the budget of %d", len(data), got, limit)
		}
	})
}

// raceEnabled is set by race_on_test.go in -race builds.
var raceEnabled bool

const (
	fuzzStreamCap = 1 << 20 // decompressed bytes read from one stream
	fuzzTotalCap  = 8 << 20 // decompressed bytes read from one input
	fuzzTimeout   = 60 * time.Second
)

// fuzzBudget is the most that reading an n-byte input may allocate: a fixed
// part for buffers and decompressors (the cursor's 64 KiB buffers, zlib's
// and lz4's windows and blocks) plus a part proportional to the input (TOC
// strings, entries, the maps and slices holding them). TestFuzzBudgetFitsFixtures
// shows how far below it real archives stay.
//
// One thing is allowed on top for zstd archives: a zstd frame may declare a
// window of up to MaxZstdWindow (128 MiB) in a few header bytes, and the
// decoder sets its history buffer aside at that size on the first block,
// as libzstd does for pg_restore. fuzzZstdWindow allows for that one buffer
// (the pooled decoder keeps and reuses it).
func fuzzBudget(data []byte) uint64 {
	b := fuzzFixed + fuzzPerByte*uint64(len(data))
	// The algorithm byte of a 1.15+ header, whatever the rest says.
	if len(data) > 11 && data[5] == 1 && data[6] >= 15 && Compression(data[11]) == CompressionZstd {
		b += fuzzZstdWindow
	}
	return b
}

const (
	fuzzFixed      = 16 << 20
	fuzzPerByte    = 64
	fuzzZstdWindow = MaxZstdWindow + MaxZstdWindow/4
)

// allocatedBytes is the process's cumulative heap allocation. runtime/metrics
// reads it without stopping the world, unlike runtime.ReadMemStats.
func allocatedBytes() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// watchdog crashes the process if reading takes absurdly long, so a hang
// becomes a crasher the fuzzer can record instead of a stuck worker.
func watchdog(n int) (stop func()) {
	tm := time.AfterFunc(fuzzTimeout, func() {
		panic(fmt.Sprintf("FuzzReader: reading %d bytes still running after %v", n, fuzzTimeout))
	})
	return func() { tm.Stop() }
}

// fuzzRead reads data every way the package offers, ignoring errors: the
// fuzz target checks only that it returns within its budget.
func fuzzRead(data []byte) {
	left := int64(fuzzTotalCap)
	if r, err := NewReader(bytes.NewReader(data), int64(len(data))); err == nil {
		_ = WriteListing(io.Discard, r.Header, r.Entries, ListOptions{Verbose: true, Location: time.UTC})
		for _, e := range r.Entries {
			if e.DataState == DataNone {
				continue
			}
			b, err := r.Open(e)
			if err != nil {
				continue
			}
			_ = fuzzDrain(b, &left)
			b.Close()
		}
	}
	// Short reads from the source exercise the cursor's buffering.
	var src io.Reader = struct{ io.Reader }{bytes.NewReader(data)}
	if len(data)%2 == 1 {
		src = iotest.HalfReader(bytes.NewReader(data))
	}
	s, err := NewStream(src)
	if err != nil {
		return
	}
	for i := 0; ; i++ {
		b, err := s.Next()
		if err != nil {
			return
		}
		// Leave every third block for Next to skip.
		if i%3 != 2 {
			_ = fuzzDrain(b, &left)
		}
	}
}

// fuzzDrain reads a block: its data, or each large object, each stream up
// to fuzzStreamCap bytes and all of them up to what is left of the total.
func fuzzDrain(b *Block, left *int64) error {
	read := func() error {
		n, err := io.Copy(io.Discard, io.LimitReader(b, min(*left, fuzzStreamCap)))
		*left -= n
		return err
	}
	if !b.IsBlobs() {
		return read()
	}
	for *left > 0 {
		if _, err := b.NextBlob(); err != nil {
			return err
		}
		if err := read(); err != nil {
			return err
		}
	}
	return nil
}

// TestFuzzBudgetFitsFixtures checks the budget is not so tight that real
// archives break it: every fixture, and an archive of many small tables,
// must read inside it, without the zstd allowance and from cold pools.
func TestFuzzBudgetFitsFixtures(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation budgets do not hold under -race, whose sync.Pool drops items at random")
	}

	inputs := map[string][]byte{"5000 small tables": manyTables(t, 5000)}
	for _, name := range fixtures(t) {
		raw, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		inputs[name] = raw
	}
	for name, raw := range inputs {
		runtime.GC()
		runtime.GC() // empty the decoder pools, as a long-running fuzz worker's may be
		before := allocatedBytes()
		fuzzRead(raw)
		got := allocatedBytes() - before
		t.Logf("%s: %d bytes read with %d bytes allocated (%.1f per input byte)", name, len(raw), got, float64(got)/float64(len(raw)))
		if limit := fuzzFixed + fuzzPerByte*uint64(len(raw)); got > limit {
			t.Errorf("%s: %d bytes allocated, over the budget without the zstd allowance (%d)", name, got, limit)
		}
	}
}

// manyTables is a valid gzip archive of n tables with one row each.
func manyTables(t testing.TB, n int) []byte {
	t.Helper()
	a := &testArchive{Version: V1_16, IntSize: 4, OffSize: 8, Format: FormatCustom, Compression: CompressionGzip, DBName: "many", Blocks: map[int][]byte{}}
	z := compress(t, CompressionGzip, []byte("1\tx\n\\.\n\n\n"))
	for i := 1; i <= n; i++ {
		tag := fmt.Sprintf("t%d", i)
		a.Entries = append(a.Entries, &Entry{DumpID: 2*i - 1, TableOID: 1259, OID: uint32(16384 + i), Tag: tag, Desc: "TABLE", Section: SectionPreData,
			Defn: Str("CREATE TABLE public." + tag + " (s text);\n"), DropStmt: Str("DROP TABLE public." + tag + ";\n"),
			Namespace: Str("public"), Tablespace: Str(""), TableAM: Str("heap"), Relkind: 'r', Owner: Str("postgres")})
	}
	for i := 1; i <= n; i++ {
		tag := fmt.Sprintf("t%d", i)
		a.Entries = append(a.Entries, &Entry{DumpID: 2 * i, HadDumper: true, OID: uint32(16384 + i), Tag: tag, Desc: "TABLE DATA", Section: SectionData,
			CopyStmt: Str("COPY public." + tag + " (s) FROM stdin;\n"), Namespace: Str("public"), Owner: Str("postgres"), Dependencies: []int{2*i - 1}})
		a.Blocks[2*i] = blockBytes(4, blockData, 2*i, 4096, z)
	}
	raw, _ := a.encode()
	return raw
}

// TestFuzzBudgetCatchesBuffering makes sure the check can fail: a reader that
// kept a whole decompressed stream would blow the budget on a small bomb.
func TestFuzzBudgetCatchesBuffering(t *testing.T) {
	a := smallArchive(t, V1_16, CompressionGzip)
	a.Blocks[idData] = blockBytes(4, blockData, idData, 1<<20, compress(t, CompressionGzip, make([]byte, 40<<20)))
	raw, _ := a.encode()
	before := allocatedBytes()
	fuzzRead(raw)
	if got, limit := allocatedBytes()-before, fuzzBudget(raw); got > limit {
		t.Fatalf("reading a %d-byte zstd bomb with capped output allocated %d bytes (budget %d)", len(raw), got, limit)
	}
	b, err := NewStream(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	blk, err := b.Next()
	if err != nil {
		t.Fatal(err)
	}
	before = allocatedBytes()
	all, err := io.ReadAll(blk)
	if err != nil || len(all) != 40<<20 {
		t.Fatalf("read %d bytes, %v", len(all), err)
	}
	if got, limit := allocatedBytes()-before, fuzzBudget(raw); got <= limit {
		t.Fatalf("buffering %d bytes allocated only %d, within the budget %d: the budget cannot catch it", len(all), got, limit)
	}
}

var writeCorpus = flag.Bool("write-corpus", false, "rewrite testdata/fuzz/FuzzReader from the fixtures and hostile cases")

// fuzzSeeds are the seed inputs by file name.
func fuzzSeeds(t testing.TB) map[string][]byte {
	t.Helper()
	seeds := map[string][]byte{}
	// Real archives: the small ones whole, the others as cuts through the
	// header, the TOC and the first blocks.
	for _, name := range []string{"pg17/empty.dump", "pg17/tz-paris.dump"} {
		raw, err := os.ReadFile(filepath.Join("..", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		seeds["fixture-"+strings.NewReplacer("/", "-", ".dump", "").Replace(name)] = raw
	}
	for _, name := range []string{"pg15/full-gzip.dump", "pg15/full-gzip-pipe.dump", "pg17/full-lz4.dump", "pg17/full-zstd-pipe.dump", "pg17/full-none.dump"} {
		raw, err := os.ReadFile(filepath.Join("..", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		r, err := NewReader(bytes.NewReader(raw), int64(len(raw)))
		if err != nil {
			t.Fatal(err)
		}
		base := "cut-" + strings.NewReplacer("/", "-", ".dump", "").Replace(name)
		seeds[base+"-header"] = raw[:100]
		seeds[base+"-toc"] = raw[:r.DataStart()/2]
		// Through the first data blocks: the TOC and up to 8 KiB of data.
		seeds[base+"-data"] = raw[:min(int64(len(raw)), r.DataStart()+8<<10)]
	}
	// Small archives of every version and compression, seekable and piped.
	for _, v := range []Version{V1_12, V1_13, V1_14, V1_15, V1_16} {
		for _, alg := range []Compression{CompressionNone, CompressionGzip, CompressionLZ4, CompressionZstd} {
			if !v.AtLeast(V1_15) && alg > CompressionGzip {
				continue
			}
			for _, pipe := range []bool{false, true} {
				a := smallArchive(t, v, alg)
				a.Pipe = pipe
				raw, _ := a.encode()
				name := fmt.Sprintf("small-%d.%d-%v", v.Major, v.Minor, alg)
				if pipe {
					name += "-pipe"
				}
				seeds[name] = raw
			}
		}
	}
	// A zstd frame asking for the largest window allowed, and a bomb.
	a := smallArchive(t, V1_16, CompressionZstd)
	a.Blocks[idData] = blockBytes(4, blockData, idData, 1000, []byte{0x28, 0xb5, 0x2f, 0xfd, 0x00, 17 << 3, 0x01, 0x00, 0x00})
	seeds["zstd-window-128MiB"], _ = a.encode()
	// Bombs past the target's read caps, kept small on disk.
	for alg, size := range map[Compression]int{CompressionGzip: 8 << 20, CompressionLZ4: 2 << 20, CompressionZstd: 64 << 20} {
		a := smallArchive(t, V1_16, alg)
		a.Blocks[idData] = blockBytes(4, blockData, idData, 4096, compress(t, alg, make([]byte, size)))
		seeds[fmt.Sprintf("bomb-%dMiB-%v", size>>20, alg)], _ = a.encode()
	}
	seeds["many-tables-40"] = manyTables(t, 40)
	unsafe := regexp.MustCompile(`[^A-Za-z0-9._-]+`)
	// Tar archives (pg_dump -Ft): the fixture cut in toc.dat, and every
	// damaged one of TestTarHostile.
	raw, err := os.ReadFile(filepath.Join("..", "testdata", "pg17", "full.tar"))
	if err != nil {
		t.Fatal(err)
	}
	seeds["cut-pg17-full.tar-toc"] = raw[:4096]
	for _, c := range tarHostileCases(t) {
		seeds["hostile-tar-"+strings.Trim(unsafe.ReplaceAllString(c.name, "-"), "-")] = c.raw
	}
	for _, c := range hostileCases(t) {
		seeds["hostile-"+strings.Trim(unsafe.ReplaceAllString(c.name, "-"), "-")] = c.raw
	}
	return seeds
}

// TestWriteFuzzCorpus writes the seed corpus with -write-corpus; without it,
// it checks that every seed is in the corpus, so that a new hostile case
// reaches the fuzzer too.
func TestWriteFuzzCorpus(t *testing.T) {
	dir := filepath.Join("testdata", "fuzz", "FuzzReader")
	seeds := fuzzSeeds(t)
	names := make([]string, 0, len(seeds))
	for n := range seeds {
		names = append(names, n)
	}
	sort.Strings(names)
	if *writeCorpus {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, n := range names {
		path := filepath.Join(dir, n)
		want := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", seeds[n])
		if *writeCorpus {
			if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil || (!strings.HasPrefix(n, "fixture-") && !strings.HasPrefix(n, "cut-") && string(got) != want) {
			// Fixture seeds change whenever testdata/gen.sh runs; the
			// others are fully determined by this package's code.
			t.Errorf("seed %s is missing or stale in %s: run go test -run TestWriteFuzzCorpus -write-corpus ./pgarchive", n, dir)
		}
	}
}
