package pgarchive

import (
	"bytes"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/pierrec/lz4/v4"
)

func TestXXH32Short(t *testing.T) {
	for _, c := range []struct {
		in   string
		want uint32
	}{
		{"", 0x02cc5d05},
		{"a", 0x550d7456},
		{"abc", 0x32d153ff},
	} {
		if got := xxh32Short([]byte(c.in)); got != c.want {
			t.Errorf("xxh32(%q) = %#x, want %#x", c.in, got, c.want)
		}
	}
	// pg_dump 17's LZ4F frame header: 04 22 4d 18, FLG 0x40, BD 0x40, HC 0xc0.
	if hc := byte(xxh32Short([]byte{0x40, 0x40}) >> 8); hc != 0xc0 {
		t.Errorf("header checksum %#x, want 0xc0", hc)
	}
}

// TestLZ4FramesMatchPierrec decodes frames of every shape pierrec writes,
// through the fast path (no checksums) and the hand-over (checksums, content
// size), alone and concatenated, and compares with the input.
func TestLZ4FramesMatchPierrec(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	random := make([]byte, 300<<10) // incompressible: stored blocks
	for i := range random {
		random[i] = byte(rng.Uint32())
	}
	text := auditRows(3 << 20)
	type opts struct {
		name string
		o    []lz4.Option
	}
	shapes := []opts{
		{"64k", []lz4.Option{lz4.BlockSizeOption(lz4.Block64Kb), lz4.ChecksumOption(false)}},
		{"256k", []lz4.Option{lz4.BlockSizeOption(lz4.Block256Kb), lz4.ChecksumOption(false)}},
		{"1m", []lz4.Option{lz4.BlockSizeOption(lz4.Block1Mb), lz4.ChecksumOption(false)}},
		{"4m", []lz4.Option{lz4.BlockSizeOption(lz4.Block4Mb), lz4.ChecksumOption(false)}},
		{"checksum", []lz4.Option{lz4.BlockSizeOption(lz4.Block64Kb)}},
		{"block checksum", []lz4.Option{lz4.BlockChecksumOption(true), lz4.ChecksumOption(false)}},
		{"content size", []lz4.Option{lz4.SizeOption(uint64(len(text))), lz4.ChecksumOption(false)}},
	}
	frame := func(t *testing.T, o []lz4.Option, p []byte) []byte {
		var buf bytes.Buffer
		w := lz4.NewWriter(&buf)
		if err := w.Apply(o...); err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(p); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	z := &lz4Frames{}
	for _, s := range shapes {
		for _, data := range [][]byte{text, random, nil} {
			if s.name == "content size" && len(data) != len(text) {
				continue
			}
			t.Run(s.name, func(t *testing.T) {
				stream := frame(t, s.o, data)
				want := data
				if s.name != "content size" {
					// A second frame after the first, of another shape.
					stream = append(stream, frame(t, shapes[0].o, text[:1000])...)
					want = append(bytes.Clone(data), text[:1000]...)
				}
				// Short reads from the source.
				z.reset(&oneByteAtTimes{r: bytes.NewReader(stream), every: 7})
				got, err := io.ReadAll(z)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					t.Fatalf("decoded %d bytes, want %d (or different)", len(got), len(want))
				}
			})
		}
	}
}

// oneByteAtTimes returns a single byte on every every-th read.
type oneByteAtTimes struct {
	r     io.Reader
	every int
	n     int
}

func (o *oneByteAtTimes) Read(p []byte) (int, error) {
	o.n++
	if o.n%o.every == 0 && len(p) > 1 {
		p = p[:1]
	}
	return o.r.Read(p)
}

// TestLZ4FramesLinkedBlocks checks the pg_dump fixture takes the fast path
// with linked blocks, the case pierrec's reader was slow on.
func TestLZ4FramesLinkedBlocks(t *testing.T) {
	rc, err := Open(filepath.Join("..", "testdata", "pg17", "full-lz4.dump"))
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	for _, e := range rc.Entries {
		if e.Desc != "TABLE DATA" || e.Tag != "audit_like" {
			continue
		}
		f, err := os.Open(filepath.Join("..", "testdata", "pg17", "full-lz4.dump"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		c := newAtCursor(f, rc.Size(), e.Offset)
		defer c.free()
		if _, _, err := readBlockHeader(c); err != nil {
			t.Fatal(err)
		}
		z := &lz4Frames{}
		z.reset(&chunks{c: c})
		got, err := io.ReadAll(z)
		if err != nil {
			t.Fatal(err)
		}
		if z.fallback != nil || !z.linked || z.blockMax != 64<<10 {
			t.Errorf("fallback %v, linked %v, block size %d: not pg_dump's frame shape", z.fallback != nil, z.linked, z.blockMax)
		}
		want, err := os.ReadFile(filepath.Join("..", "testdata", "pg17", "full-lz4.copy", "public.audit_like.copy"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(got, want) {
			t.Errorf("decoded text differs from the golden")
		}
		return
	}
	t.Fatal("no audit_like TABLE DATA in the fixture")
}

// FuzzLZ4Frames checks lz4Frames against pierrec's Reader on any input:
// whatever one of them decodes without error, the other must decode to the
// same bytes.
func FuzzLZ4Frames(f *testing.F) {
	text := auditRows(200 << 10)
	for _, o := range [][]lz4.Option{
		{lz4.BlockSizeOption(lz4.Block64Kb), lz4.ChecksumOption(false)},
		{lz4.BlockSizeOption(lz4.Block64Kb)},
		{lz4.BlockChecksumOption(true)},
	} {
		var buf bytes.Buffer
		w := lz4.NewWriter(&buf)
		if err := w.Apply(o...); err != nil {
			f.Fatal(err)
		}
		w.Write(text[:len(text)/(1+len(o))])
		w.Close()
		f.Add(buf.Bytes())
	}
	// The fixture's linked blocks: the first stream of full-lz4.dump.
	if raw, err := os.ReadFile(filepath.Join("..", "testdata", "pg17", "full-lz4.dump")); err == nil {
		if i := bytes.Index(raw, []byte{0x04, 0x22, 0x4d, 0x18}); i >= 0 {
			f.Add(raw[i:min(len(raw), i+4096)])
		}
	}
	const limit = 8 << 20
	f.Fuzz(func(t *testing.T, data []byte) {
		z := &lz4Frames{}
		z.reset(bytes.NewReader(data))
		ours, oerr := io.ReadAll(io.LimitReader(z, limit))
		theirs, terr := io.ReadAll(io.LimitReader(lz4.NewReader(bytes.NewReader(data)), limit))
		if len(ours) == limit || len(theirs) == limit {
			n := min(len(ours), len(theirs))
			if !bytes.Equal(ours[:n], theirs[:n]) {
				t.Fatalf("first %d bytes differ", n)
			}
			return
		}
		if oerr == nil && terr == nil && !bytes.Equal(ours, theirs) {
			t.Fatalf("both decode, to %d and %d bytes that differ", len(ours), len(theirs))
		}
		if terr == nil && oerr != nil {
			t.Fatalf("pierrec decodes %d bytes, lz4Frames fails: %v", len(theirs), oerr)
		}
		if oerr == nil && terr != nil {
			t.Fatalf("lz4Frames decodes %d bytes, pierrec fails: %v", len(ours), terr)
		}
	})
}
