package pgarchive

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"hash"
	"io"
	"math"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"time"
)

// setReadaheadAfter moves streams to readahead goroutines after n bytes for
// the rest of the test.
func setReadaheadAfter(t testing.TB, n int64) {
	old := readaheadAfter
	readaheadAfter = n
	t.Cleanup(func() { readaheadAfter = old })
}

// bigArchive has a data block of 5 MiB of COPY text and a BLOBS block with
// a 3 MiB large object between two small ones, compressed with alg and cut
// into chunks of chunkSize.
func bigArchive(t testing.TB, alg Compression, chunkSize int) (raw, text, blob []byte) {
	text = auditRows(5 << 20)
	blob = auditRows(3 << 20)[1000:]
	a := smallArchive(t, V1_16, alg)
	a.Blocks[idData] = blockBytes(4, blockData, idData, chunkSize, compress(t, alg, text))
	a.Blocks[idBlobs] = blockBytes(4, blockBlobs, idBlobs, chunkSize,
		[]byte("7"), compress(t, alg, []byte("small")),
		[]byte("8"), compress(t, alg, blob),
		[]byte("9"), compress(t, alg, []byte("after")))
	raw, _ = a.encode()
	return raw, text, blob
}

// setWriteTo makes readBlockRandomly drain streams with Block.WriteTo
// instead of Read for the rest of the test.
func setWriteTo(t testing.TB, on bool) {
	old := drainWithWriteTo
	drainWithWriteTo = on
	t.Cleanup(func() { drainWithWriteTo = old })
}

var drainWithWriteTo bool

// errStreamCap is what capWriter gives at streamCap bytes.
var errStreamCap = errors.New("stream cap reached")

// capWriter hashes what a Block writes to it, up to streamCap bytes, and
// checks that CompressedBytes never goes back.
type capWriter struct {
	b     *Block
	h     hash.Hash
	total int64
	last  int64
	err   error
}

func (w *capWriter) Write(p []byte) (int, error) {
	if used := w.b.CompressedBytes(); used < w.last {
		w.err = fmt.Errorf("CompressedBytes went back from %d to %d", w.last, used)
		return 0, w.err
	} else {
		w.last = used
	}
	p = p[:min(int64(len(p)), streamCap-w.total)]
	w.h.Write(p)
	w.total += int64(len(p))
	if w.total == streamCap {
		return len(p), errStreamCap
	}
	return len(p), nil
}

// blockResult is what reading one block gave: a digest of the bytes of
// each stream, the stored size and the error.
type blockResult struct {
	streams    []string
	compressed int64
	err        string
}

// readBlockRandomly reads b with read sizes from 1 byte to 300 KiB and asks
// for CompressedBytes after every Read, as a progress bar does (under -race
// this checks it against the readahead goroutines). It leaves a stream after
// streamCap bytes.
func readBlockRandomly(b *Block, rng *rand.Rand) blockResult {
	var res blockResult
	readStream := func() error {
		h := sha256.New()
		if drainWithWriteTo {
			w := &capWriter{b: b, h: h}
			_, err := b.WriteTo(w)
			switch {
			case w.err != nil:
				return w.err
			case err == errStreamCap:
				res.streams = append(res.streams, fmt.Sprintf("%x...", h.Sum(nil)))
				return nil
			}
			res.streams = append(res.streams, fmt.Sprintf("%x", h.Sum(nil)))
			return err
		}
		buf := make([]byte, 300<<10)
		var last, total int64
		for {
			if total >= streamCap {
				res.streams = append(res.streams, fmt.Sprintf("%x...", h.Sum(nil)))
				return nil
			}
			// Never past streamCap, so that the digest of a stream
			// left there does not depend on the read sizes.
			n, err := b.Read(buf[:1+rng.IntN(int(min(int64(len(buf)), streamCap-total)))])
			h.Write(buf[:n])
			total += int64(n)
			if used := b.CompressedBytes(); used < last {
				return fmt.Errorf("CompressedBytes went back from %d to %d", last, used)
			} else {
				last = used
			}
			if err == io.EOF {
				res.streams = append(res.streams, fmt.Sprintf("%x", h.Sum(nil)))
				return nil
			}
			if err != nil {
				res.streams = append(res.streams, fmt.Sprintf("%x", h.Sum(nil)))
				return err
			}
		}
	}
	var err error
	if !b.IsBlobs() {
		err = readStream()
	} else {
		for {
			var oid uint32
			if oid, err = b.NextBlob(); err != nil {
				if err == io.EOF {
					err = nil
				}
				break
			}
			res.streams = append(res.streams, fmt.Sprint(oid))
			if err = readStream(); err != nil {
				break
			}
		}
	}
	res.compressed = b.CompressedBytes()
	if err != nil {
		res.err = err.Error()
	}
	return res
}

// streamCap is where readBlockRandomly leaves a stream: past every stream
// of bigArchive, and a bound on what a fuzzed bomb costs.
const streamCap = 12 << 20

// readArchiveBothWays reads every block of raw through a Reader and through
// a Stream and returns the results, "reader" ones first, by dump ID.
func readArchiveBothWays(raw []byte, seed uint64) (map[string]blockResult, error) {
	rng := rand.New(rand.NewPCG(seed, 1))
	out := map[string]blockResult{}
	r, err := NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return nil, err
	}
	for _, e := range r.Entries {
		if e.DataState == DataNone {
			continue
		}
		b, err := r.Open(e)
		if err != nil {
			out[fmt.Sprintf("reader %d", e.DumpID)] = blockResult{err: err.Error()}
			continue
		}
		out[fmt.Sprintf("reader %d", e.DumpID)] = readBlockRandomly(b, rng)
		b.Close()
	}
	s, err := NewStream(struct{ io.Reader }{bytes.NewReader(raw)})
	if err != nil {
		return nil, err
	}
	for {
		b, err := s.Next()
		if err != nil {
			if err != io.EOF {
				out["stream next"] = blockResult{err: err.Error()}
			}
			return out, nil
		}
		out[fmt.Sprintf("stream %d", b.Entry.DumpID)] = readBlockRandomly(b, rng)
	}
}

// TestReadaheadMatchesSync reads large streams with and without the
// readahead goroutines, from the start or after the first bytes: same
// bytes, same stored sizes, for every compression and both APIs.
func TestReadaheadMatchesSync(t *testing.T) {
	for _, alg := range []Compression{CompressionGzip, CompressionLZ4, CompressionZstd, CompressionNone} {
		for _, chunk := range []int{4096, 200_000} {
			raw, text, blob := bigArchive(t, alg, chunk)
			textSum := fmt.Sprintf("%x", sha256.Sum256(text))
			blobSum := fmt.Sprintf("%x", sha256.Sum256(blob))
			var want map[string]blockResult
			// The first way, synchronous Read, is what the others must give.
			for _, way := range []struct {
				after int64
				via   string
			}{
				{math.MaxInt64, "read"}, {0, "read"}, {1000, "read"}, {1 << 20, "read"},
				{math.MaxInt64, "writeTo"}, {0, "writeTo"}, {1 << 20, "writeTo"},
			} {
				after, via := way.after, way.via
				t.Run(fmt.Sprintf("%v/chunk%d/after%d/%s", alg, chunk, after, via), func(t *testing.T) {
					setReadaheadAfter(t, after)
					setWriteTo(t, via == "writeTo")
					got, err := readArchiveBothWays(raw, uint64(after))
					if err != nil {
						t.Fatal(err)
					}
					for _, api := range []string{"reader", "stream"} {
						d := got[fmt.Sprintf("%s %d", api, idData)]
						if d.err != "" || len(d.streams) != 1 || d.streams[0] != textSum {
							t.Errorf("%s: data block read as %v, error %q", api, d.streams, d.err)
						}
						bl := got[fmt.Sprintf("%s %d", api, idBlobs)]
						if bl.err != "" || len(bl.streams) != 6 || bl.streams[3] != blobSum {
							t.Errorf("%s: blobs block read as %v, error %q", api, bl.streams, bl.err)
						}
					}
					if want == nil {
						want = got
						return
					}
					for k, w := range want {
						if g := got[k]; fmt.Sprint(g) != fmt.Sprint(w) {
							t.Errorf("%s: %+v, without readahead %+v", k, g, w)
						}
					}
				})
			}
		}
	}
}

// TestReadaheadDamagedStreams cuts and corrupts large streams: reading them
// with readahead gives the same bytes and the same errors as without.
func TestReadaheadDamagedStreams(t *testing.T) {
	for _, alg := range []Compression{CompressionGzip, CompressionLZ4, CompressionZstd} {
		raw, _, _ := bigArchive(t, alg, 65536)
		r, err := NewReader(bytes.NewReader(raw), int64(len(raw)))
		if err != nil {
			t.Fatal(err)
		}
		start := r.Entry(idData).Offset
		end := r.Entry(idBlobs).Offset
		rng := rand.New(rand.NewPCG(uint64(alg), 9))
		for i := range 12 {
			bad := bytes.Clone(raw)
			at := start + 20 + rng.Int64N(end-start-40)
			what := "cut"
			if i%2 == 0 {
				bad = bad[:at]
			} else {
				what = "flip"
				for j := range int64(8) {
					bad[at+j] ^= 0x5a
				}
			}
			t.Run(fmt.Sprintf("%v/%s-at-%d", alg, what, at), func(t *testing.T) {
				setReadaheadAfter(t, math.MaxInt64)
				want, werr := readArchiveBothWays(bad, 1)
				for _, via := range []string{"read", "writeTo"} {
					readaheadAfter = 0
					setWriteTo(t, via == "writeTo")
					got, gerr := readArchiveBothWays(bad, 1)
					if fmt.Sprint(werr) != fmt.Sprint(gerr) {
						t.Fatalf("%s: error %v, without readahead %v", via, gerr, werr)
					}
					for k, w := range want {
						g := got[k]
						if w.err != "" {
							// The chunks read ahead of the failure count.
							g.compressed, w.compressed = 0, 0
							if via == "writeTo" {
								g, w = lastStreamCut(g), lastStreamCut(w)
							}
						}
						if fmt.Sprint(g) != fmt.Sprint(w) {
							t.Errorf("%s %s: %+v, without readahead %+v", via, k, g, w)
						}
					}
				}
			})
		}
	}
}

// TestReadaheadHostileArchives reads every hostile case with every stream
// on readahead: the same result as without.
func TestReadaheadHostileArchives(t *testing.T) {
	for _, c := range hostileCases(t) {
		setReadaheadAfter(t, math.MaxInt64)
		wantBlocks, wantRandom, wantStream := readAllBoth(c.raw)
		readaheadAfter = 0
		blocks, random, stream := readAllBoth(c.raw)
		if fmt.Sprint(blocks) != fmt.Sprint(wantBlocks) || fmt.Sprint(random) != fmt.Sprint(wantRandom) || fmt.Sprint(stream) != fmt.Sprint(wantStream) {
			t.Errorf("%s: with readahead %v, %v, %v; without %v, %v, %v", c.name, blocks, random, stream, wantBlocks, wantRandom, wantStream)
		}
	}
}

// checkGoroutinesGone fails t if more goroutines run than before.
func checkGoroutinesGone(t *testing.T, before int) {
	t.Helper()
	// Goroutines end before halt returns; give the runtime a moment to
	// count them out.
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines left running (%d before)", n-before, before)
	}
}

// FuzzReadahead reads any input with and without readahead goroutines:
// same bytes, same errors, whatever the input. The seeds are FuzzReader's.
func FuzzReadahead(f *testing.F) {
	for _, raw := range fuzzSeeds(f) {
		f.Add(raw)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// A hang becomes a crasher, with every goroutine's stack.
		tm := time.AfterFunc(fuzzTimeout, func() {
			buf := make([]byte, 1<<20)
			panic(fmt.Sprintf("FuzzReadahead: still reading %d bytes after %v\n%s", len(data), fuzzTimeout, buf[:runtime.Stack(buf, true)]))
		})
		defer tm.Stop()
		setReadaheadAfter(t, math.MaxInt64)
		want, werr := readArchiveBothWays(data, 1)
		for _, via := range []string{"read", "writeTo"} {
			readaheadAfter = 0
			drainWithWriteTo = via == "writeTo"
			got, gerr := readArchiveBothWays(data, 1)
			drainWithWriteTo = false
			compareReadahead(t, data, via, want, werr, got, gerr)
		}
	})
}

// compareReadahead is FuzzReadahead's check of one way of reading against
// the synchronous Read.
func compareReadahead(t *testing.T, data []byte, via string, want map[string]blockResult, werr error, got map[string]blockResult, gerr error) {
	t.Helper()
	if fmt.Sprint(werr) != fmt.Sprint(gerr) {
		t.Fatalf("%s: error %v, without readahead %v", via, gerr, werr)
	}
	// zlib reads up to 4 KiB past the end of its stream into a buffer of
	// its own, so whether bytes after it are seen, and so which error
	// a damaged gzip block gives, depends on how the input arrives (see
	// hostileCases): for gzip, only the bytes both read must agree.
	if r, err := NewReader(bytes.NewReader(data), int64(len(data))); err == nil && r.Header.Compression == CompressionGzip {
		for k, w := range want {
			g, ok := got[k]
			if !ok {
				continue
			}
			n := min(len(g.streams), len(w.streams))
			if fmt.Sprint(g.streams[:n]) != fmt.Sprint(w.streams[:n]) {
				t.Fatalf("%s %s: %+v, without readahead %+v", via, k, g, w)
			}
		}
		return
	}
	if len(got) != len(want) {
		t.Fatalf("%s: %d blocks read, without readahead %d", via, len(got), len(want))
	}
	for k, w := range want {
		g := got[k]
		if w.err != "" || strings.Contains(fmt.Sprint(w.streams), "...") {
			// Chunks read ahead of a failure, or of where the
			// reading stopped, count.
			g.compressed, w.compressed = 0, 0
		}
		if w.err != "" && via == "writeTo" {
			g, w = lastStreamCut(g), lastStreamCut(w)
		}
		if fmt.Sprint(g) != fmt.Sprint(w) {
			t.Fatalf("%s %s: %+v, without readahead %+v", via, k, g, w)
		}
	}
}

// lastStreamCut drops the digest of a failed block's last stream: WriteTo
// may have written more of it than Read returned before the error (zstd's
// WriteTo writes a decoded block before its checksum fails; Read does not
// return it).
func lastStreamCut(r blockResult) blockResult {
	if n := len(r.streams); n > 0 {
		r.streams = append(r.streams[:n-1:n-1], "(failed)")
	}
	return r
}

// failAfter accepts n bytes, then fails every write.
type failAfter struct{ n int }

var errWriterFailed = errors.New("writer failed")

func (w *failAfter) Write(p []byte) (int, error) {
	if len(p) <= w.n {
		w.n -= len(p)
		return len(p), nil
	}
	k := w.n
	w.n = 0
	return k, errWriterFailed
}

// TestAbandonedStreams leaves streams part read in every way the API
// allows (Close, Next, NextBlob after a half Read, or after a WriteTo that
// a failing writer stopped), with and without the readahead goroutines
// running: a failed WriteTo gives the writer's own error, Read then
// refuses, what follows reads correctly and no goroutine is left behind.
func TestAbandonedStreams(t *testing.T) {
	before := runtime.NumGoroutine()
	half := make([]byte, 100<<10)
	leaves := map[string]func(b *Block) error{
		"half read": func(b *Block) error {
			_, err := io.ReadFull(b, half)
			return err
		},
		"failed WriteTo": func(b *Block) error {
			if n, err := b.WriteTo(&failAfter{n: len(half)}); err != errWriterFailed || n != int64(len(half)) {
				return fmt.Errorf("WriteTo gave %d, %v; want %d, %v", n, err, len(half), errWriterFailed)
			}
			if _, err := b.Read(half); err == nil {
				return errors.New("Read after a failed WriteTo succeeded")
			}
			// The decompressor went back to its pool: a second WriteTo
			// must not touch it.
			if _, err := b.WriteTo(io.Discard); err == nil {
				return errors.New("WriteTo after a failed WriteTo succeeded")
			}
			return nil
		},
	}
	for _, alg := range []Compression{CompressionNone, CompressionGzip, CompressionLZ4, CompressionZstd} {
		raw, _, _ := bigArchive(t, alg, 4096)
		for how, leave := range leaves {
			for _, after := range []int64{0, math.MaxInt64} {
				setReadaheadAfter(t, after)
				name := fmt.Sprintf("%v/%s/after%d", alg, how, after)
				r, err := NewReader(bytes.NewReader(raw), int64(len(raw)))
				if err != nil {
					t.Fatal(err)
				}
				b, err := r.Open(r.Entry(idData))
				if err != nil {
					t.Fatal(err)
				}
				if err := leave(b); err != nil {
					t.Errorf("%s: %v", name, err)
				}
				b.Close()
				if _, err := b.Read(half); err != errClosed {
					t.Errorf("%s: Read after Close: %v", name, err)
				}

				s, err := NewStream(bytes.NewReader(raw))
				if err != nil {
					t.Fatal(err)
				}
				if b, err = s.Next(); err != nil {
					t.Fatal(err)
				}
				if err := leave(b); err != nil {
					t.Errorf("%s: %v", name, err)
				}
				b, err = s.Next() // passes over the rest of the data block
				if err != nil || !b.IsBlobs() {
					t.Fatalf("%s: Next after a part-read block: %v", name, err)
				}
				var got []string
				for {
					oid, err := b.NextBlob()
					if err == io.EOF {
						break
					}
					if err != nil {
						t.Fatalf("%s: NextBlob: %v", name, err)
					}
					if oid == 8 {
						// Part of the large one, then on to the next.
						if err := leave(b); err != nil {
							t.Errorf("%s: large object: %v", name, err)
						}
						got = append(got, "8:left")
						continue
					}
					var buf bytes.Buffer
					if _, err := b.WriteTo(&buf); err != nil {
						t.Fatal(err)
					}
					got = append(got, fmt.Sprintf("%d:%s", oid, buf.Bytes()))
				}
				if want := "[7:small 8:left 9:after]"; fmt.Sprint(got) != want {
					t.Errorf("%s: blobs after a part-read block: %v, want %v", name, got, want)
				}
				if _, err := s.Next(); err != io.EOF {
					t.Errorf("%s: Next at the end: %v", name, err)
				}
			}
		}
	}
	checkGoroutinesGone(t, before)
}
