package pgarchive

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"runtime"
	"sync"
	"testing"
	"time"
)

// gate makes reads of an archive block once they reach a given offset, until
// released: a slow disk or pipe under a Read that is still running when
// another goroutine closes the block.
type gate struct {
	at      int64
	reached chan struct{} // closed when a read reaches at
	release chan struct{} // closed by the test to let reads go on
	once    sync.Once
}

func newGate(at int64) *gate {
	return &gate{at: at, reached: make(chan struct{}), release: make(chan struct{})}
}

func (g *gate) wait(off int64) {
	if off >= g.at {
		g.once.Do(func() { close(g.reached) })
		<-g.release
	}
}

type gatedReaderAt struct {
	r *bytes.Reader
	g *gate
}

func (ra gatedReaderAt) ReadAt(p []byte, off int64) (int, error) {
	ra.g.wait(off + int64(len(p)))
	return ra.r.ReadAt(p, off)
}

type gatedReader struct {
	r   io.Reader
	pos int64
	g   *gate
}

func (gr *gatedReader) Read(p []byte) (int, error) {
	gr.g.wait(gr.pos + int64(len(p)))
	n, err := gr.r.Read(p)
	gr.pos += int64(n)
	return n, err
}

// TestCloseDuringRead closes a block while another goroutine is inside its
// Read, blocked on the file, as pgconn.CopyFrom leaves its reading goroutine
// when the connection dies (issue 16: a restore -j 2 panicked in
// bufio.(*Reader).Read(nil) under the cursor's readFull). Close must not
// wait for that Read, the Read must end without touching released buffers,
// every later call must fail, and a Stream must go on to the next block.
func TestCloseDuringRead(t *testing.T) {
	before := runtime.NumGoroutine()
	for _, alg := range []Compression{CompressionNone, CompressionGzip, CompressionLZ4, CompressionZstd} {
		raw, _, _ := bigArchive(t, alg, 4096)
		for _, after := range []int64{0, math.MaxInt64} {
			setReadaheadAfter(t, after)
			r, err := NewReader(bytes.NewReader(raw), int64(len(raw)))
			if err != nil {
				t.Fatal(err)
			}
			// Block well inside the 5 MiB data block, past where the
			// readahead starts.
			at := r.Entry(idData).Offset + (r.Entry(idBlobs).Offset-r.Entry(idData).Offset)/2
			for _, api := range []string{"Reader", "Stream"} {
				name := fmt.Sprintf("%v/after%d/%s", alg, after, api)
				g := newGate(at)
				var b *Block
				var s *Stream
				if api == "Reader" {
					gr, err := NewReader(gatedReaderAt{bytes.NewReader(raw), g}, int64(len(raw)))
					if err != nil {
						t.Fatal(err)
					}
					b, err = gr.Open(gr.Entry(idData))
					if err != nil {
						t.Fatal(err)
					}
				} else {
					s, err = NewStream(&gatedReader{r: bytes.NewReader(raw), g: g})
					if err != nil {
						t.Fatal(err)
					}
					if b, err = s.Next(); err != nil {
						t.Fatal(err)
					}
				}
				// Read as CopyFrom's goroutine does: 64 KiB at a time,
				// until an error.
				ended := make(chan error, 1)
				go func() {
					buf := make([]byte, 64<<10)
					for {
						if _, err := b.Read(buf); err != nil {
							ended <- err
							return
						}
					}
				}()
				select {
				case <-g.reached:
				case err := <-ended:
					t.Fatalf("%s: reading ended before the gate: %v", name, err)
				}
				closed := make(chan struct{})
				go func() { b.Close(); close(closed) }()
				select {
				case <-closed:
				case <-time.After(10 * time.Second):
					t.Fatalf("%s: Close waited for a Read blocked on the file", name)
				}
				// Take the pooled cursors and decompressors meanwhile, as
				// another worker's block would.
				other, err := r.Open(r.Entry(idData))
				if err != nil {
					t.Fatal(err)
				}
				close(g.release)
				if err := <-ended; err != errClosed {
					t.Errorf("%s: the running Read ended with %v, want %v", name, err, errClosed)
				}
				if _, err := b.Read(make([]byte, 10)); err != errClosed {
					t.Errorf("%s: Read after Close: %v", name, err)
				}
				if _, err := b.WriteTo(io.Discard); err != errClosed {
					t.Errorf("%s: WriteTo after Close: %v", name, err)
				}
				if n, err := io.Copy(io.Discard, other); err != nil || n == 0 {
					t.Errorf("%s: a block opened meanwhile read %d bytes, %v", name, n, err)
				}
				other.Close()
				if s != nil {
					nb, err := s.Next()
					if err != nil || !nb.IsBlobs() {
						t.Errorf("%s: Next after a block closed mid-read: %v", name, err)
					} else {
						nb.Close()
					}
				}
			}
		}
	}
	checkGoroutinesGone(t, before)
}
