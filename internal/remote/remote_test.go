package remote_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pgdrill/pgdrill/internal/remote"
	"github.com/pgdrill/pgdrill/internal/remote/remotetest"
	"github.com/pgdrill/pgdrill/pgarchive"
)

// site serves one file with Range, If-Match and an ETag, as a static file
// server does, and lets a test replace it or make requests fail.
type site struct {
	mu       sync.Mutex
	data     []byte
	etag     string
	modified time.Time
	fail     int // the next requests answered 503
	noRanges bool

	requests atomic.Int64
}

func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.requests.Add(1)
	s.mu.Lock()
	data, etag, mod, noRanges := s.data, s.etag, s.modified, s.noRanges
	failing := s.fail > 0
	if failing {
		s.fail--
	}
	s.mu.Unlock()
	if failing {
		http.Error(w, "try again later", http.StatusServiceUnavailable)
		return
	}
	if noRanges {
		w.Header().Set("Content-Length", fmt.Sprint(len(data)))
		w.Write(data)
		return
	}
	if etag != "" {
		w.Header().Set("ETag", etag)
	}
	http.ServeContent(w, r, "", mod, bytes.NewReader(data))
}

func (s *site) replace(data []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.data = data
	s.etag = fmt.Sprintf(`"v%d"`, len(data)+int(s.modified.Unix()%1000))
	s.modified = s.modified.Add(time.Minute)
}

func newSite(t *testing.T, data []byte) (*site, *httptest.Server) {
	s := &site{data: data, etag: `"v1"`, modified: time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC)}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return s, srv
}

func randomBytes(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, seed))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

var fast = remote.Options{Backoff: time.Millisecond}

func open(t *testing.T, url string, opts remote.Options) *remote.Object {
	t.Helper()
	o, err := remote.Open(context.Background(), url, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { o.Close() })
	return o
}

// Reads at random offsets from several goroutines give the file's bytes.
func TestReadAtRandom(t *testing.T) {
	t.Parallel()
	data := randomBytes(3<<20+17, 1)
	_, srv := newSite(t, data)
	opts := fast
	opts.MinRange, opts.MaxRange = 4<<10, 256<<10
	o := open(t, srv.URL+"/a.dump", opts)
	if o.Size() != int64(len(data)) {
		t.Fatalf("size %d, want %d", o.Size(), len(data))
	}
	// What drill --max-age judges: the server's Last-Modified.
	if want := time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC); !o.Modified().Equal(want) {
		t.Errorf("Modified %v, want the Last-Modified %v", o.Modified(), want)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			r := rand.New(rand.NewPCG(uint64(g), 7))
			off := r.Int64N(int64(len(data)))
			for range 200 {
				if r.IntN(3) == 0 { // a jump; else go on where the last read ended
					off = r.Int64N(int64(len(data)))
				}
				p := make([]byte, 1+r.IntN(100<<10))
				n, err := o.ReadAt(p, off)
				end := min(off+int64(len(p)), int64(len(data)))
				if int64(n) != end-off || (err != nil) != (end < off+int64(len(p))) || err != nil && err != io.EOF {
					t.Errorf("ReadAt(%d bytes at %d) = %d, %v", len(p), off, n, err)
					return
				}
				if !bytes.Equal(p[:n], data[off:end]) {
					t.Errorf("ReadAt(%d bytes at %d): wrong bytes", len(p), off)
					return
				}
				off = end % int64(len(data))
			}
		})
	}
	wg.Wait()
}

// A sequential read asks for ranges that double up to MaxRange: few
// requests, and no byte fetched twice.
func TestSequentialRangesGrow(t *testing.T) {
	t.Parallel()
	data := randomBytes(8<<20, 2)
	_, srv := newSite(t, data)
	opts := fast
	opts.MaxRange = 1 << 20
	o := open(t, srv.URL, opts)
	got, err := io.ReadAll(io.NewSectionReader(o, 0, o.Size()))
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("read %d bytes, %v; equal %v", len(got), err, bytes.Equal(got, data))
	}
	// head 16K; then 32K, 64K, ..., 1M, then 1M ranges to 8M (fewer when
	// ReadAll's growing buffer asks for more than that at once).
	want, pos, n := int64(1), int64(16<<10), int64(16<<10)
	for pos < int64(len(data)) {
		n = min(2*n, 1<<20)
		pos += n
		want++
	}
	st := o.Stats()
	if st.Requests > want || st.Bytes != int64(len(data)) {
		t.Errorf("stats %+v, want at most %d requests and %d bytes", st, want, len(data))
	}
}

var fixtures = []string{
	"pg17/full-none.dump", "pg17/full-gzip.dump", "pg17/full-lz4.dump", "pg17/full-zstd.dump",
	"pg17/full-zstd-pipe.dump", "pg15/full-gzip-pipe.dump", "pg15/full-none.dump", "pg17/empty.dump",
}

// archives are the fixtures and, for those pg_dump wrote to a file, their
// piped form ("NAME|pipe"): every compression both ways.
func archives(t *testing.T) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	for _, name := range fixtures {
		m[name] = fixture(t, name)
		if strings.HasPrefix(name, "pg17/full-") && !strings.Contains(name, "pipe") {
			p, err := remotetest.PipeForm(m[name])
			if err != nil {
				t.Fatal(err)
			}
			m[name+"|pipe"] = p
		}
	}
	return m
}

func fixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// contents is every block of an archive, in TOC order, as "ID: bytes".
func contents(t *testing.T, r *pgarchive.Reader) []string {
	t.Helper()
	var out []string
	for _, e := range r.Entries {
		if e.DataState == pgarchive.DataNone {
			continue
		}
		b, err := r.Open(e)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%d: %s", e.DumpID, readBlock(t, b)))
		b.Close()
	}
	return out
}

func readBlock(t *testing.T, b *pgarchive.Block) string {
	t.Helper()
	var sb strings.Builder
	if b.IsBlobs() {
		for {
			oid, err := b.NextBlob()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&sb, "[blob %d]", oid)
			if _, err := io.Copy(&sb, b); err != nil {
				t.Fatal(err)
			}
		}
		return sb.String()
	}
	if _, err := io.Copy(&sb, b); err != nil {
		t.Fatal(err)
	}
	return sb.String()
}

func streamContents(t *testing.T, s *pgarchive.Stream) []string {
	t.Helper()
	var out []string
	for {
		b, err := s.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%d: %s", b.Entry.DumpID, readBlock(t, b)))
	}
}

// checkArchive reads the archive in o three ways (its TOC, every block by
// random access, one streaming pass) and compares with the local file.
func checkArchive(t *testing.T, o *remote.Object, data []byte) {
	t.Helper()
	local, err := pgarchive.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	r, err := pgarchive.NewReader(o, o.Size())
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Entries) != len(local.Entries) {
		t.Fatalf("%d entries, want %d", len(r.Entries), len(local.Entries))
	}
	for i := range r.Entries {
		if r.Entries[i].String() != local.Entries[i].String() || r.Entries[i].Defn != local.Entries[i].Defn {
			t.Fatalf("entry %d: %s, want %s", i, r.Entries[i], local.Entries[i])
		}
	}
	want := contents(t, local)
	if got := contents(t, r); !slices.Equal(got, want) {
		t.Errorf("blocks read by range differ from the file's")
	}
	rd := o.NewReader(0)
	defer rd.Close()
	s, err := pgarchive.NewStream(rd)
	if err != nil {
		t.Fatal(err)
	}
	if got := streamContents(t, s); !slices.Equal(got, want) {
		t.Errorf("blocks read in one pass differ from the file's")
	}
}

// Every fixture (each compression, seekable and written to a pipe) reads
// the same over HTTP as from the file, and its TOC costs one request when
// it fits in the first range.
func TestHTTPArchives(t *testing.T) {
	t.Parallel()
	for name, data := range archives(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, srv := newSite(t, data)
			opts := fast
			opts.MinRange, opts.MaxRange = 4<<10, 32<<10 // many ranges even in small files
			o := open(t, srv.URL+"/"+name, opts)
			r, err := pgarchive.NewReader(o, o.Size())
			if err != nil {
				t.Fatal(err)
			}
			st := o.Stats()
			if r.DataStart() <= 16<<10 && (st.Requests != 1 || st.Bytes > 16<<10) {
				t.Errorf("TOC of %d bytes cost %+v, want 1 request of at most 16 KiB", r.DataStart(), st)
			}
			checkArchive(t, o, data)
		})
	}
}

// Connections reset mid-response are resumed at the byte reached, for
// ranged reads and for the one-pass reader, and the bytes come out right.
func TestResumeAfterReset(t *testing.T) {
	t.Parallel()
	data := randomBytes(2<<20, 3)
	_, srv := newSite(t, data)
	proxy := remotetest.NewProxy(t, strings.TrimPrefix(srv.URL, "http://"))
	url := "http://" + proxy.Addr + "/x"
	o := open(t, url, fast)
	proxy.CutAfter(50_000, 10_000, 300_000)
	got, err := io.ReadAll(io.NewSectionReader(o, 0, o.Size()))
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("ranged read: %d bytes, %v; equal %v", len(got), err, bytes.Equal(got, data))
	}
	if c := proxy.Cuts(); c != 3 {
		t.Fatalf("%d connections cut, want 3", c)
	}
	proxy.CutAfter(100_000, 5_000, 700_000)
	rd := o.NewReader(0)
	defer rd.Close()
	got, err = io.ReadAll(rd)
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("one pass: %d bytes, %v; equal %v", len(got), err, bytes.Equal(got, data))
	}
	if c := proxy.Cuts(); c != 6 {
		t.Fatalf("%d connections cut, want 6", c)
	}
}

// 5xx answers are retried; refusals are not, and carry the server's words.
func TestStatusErrors(t *testing.T) {
	t.Parallel()
	data := randomBytes(1<<20, 4)
	s, srv := newSite(t, data)
	s.fail = 2
	o := open(t, srv.URL, fast)
	if st := o.Stats(); st.Requests != 3 {
		t.Errorf("%d requests for the head with 2 failures, want 3", st.Requests)
	}
	s.mu.Lock()
	s.fail = 100
	s.mu.Unlock()
	_, err := o.ReadAt(make([]byte, 10), 500_000)
	var se *remote.StatusError
	if !errors.As(err, &se) || se.Status != 503 || !strings.Contains(err.Error(), "try again later") {
		t.Errorf("after retries: %v, want the 503 and its message", err)
	}
	if st := o.Stats(); st.Requests != 3+6 {
		t.Errorf("%d requests, want 3 + 1 + 5 retries", st.Requests)
	}

	deny := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "no backups for you", http.StatusForbidden)
	}))
	defer deny.Close()
	_, err = remote.Open(context.Background(), deny.URL+"/b.dump", fast)
	if !errors.As(err, &se) || se.Status != 403 || !strings.Contains(err.Error(), "no backups for you") || !strings.Contains(err.Error(), "/b.dump") {
		t.Errorf("refused: %v", err)
	}
}

// An object replaced while it is read is an error that says so, whether
// the server honours If-Match or only shows a new ETag or size.
func TestChangedMidRead(t *testing.T) {
	t.Parallel()
	data := randomBytes(1<<20, 5)
	s, srv := newSite(t, data)
	o := open(t, srv.URL, fast)
	if _, err := o.ReadAt(make([]byte, 100), 200_000); err != nil {
		t.Fatal(err)
	}
	s.replace(randomBytes(1<<20, 6))
	_, err := o.ReadAt(make([]byte, 100), 600_000)
	if !errors.Is(err, remote.ErrChanged) || !strings.Contains(err.Error(), "changed while it was being read") {
		t.Fatalf("read after replacement: %v", err)
	}
	rd := o.NewReader(0)
	defer rd.Close()
	if _, err := io.ReadAll(rd); !errors.Is(err, remote.ErrChanged) {
		t.Fatalf("one pass after replacement: %v", err)
	}

	// No ETag at all: Last-Modified stands in.
	s2, srv2 := newSite(t, data)
	s2.etag = ""
	o2 := open(t, srv2.URL, fast)
	s2.mu.Lock()
	s2.modified = s2.modified.Add(time.Hour)
	s2.mu.Unlock()
	if _, err := o2.ReadAt(make([]byte, 100), 600_000); !errors.Is(err, remote.ErrChanged) {
		t.Fatalf("read after touch without ETag: %v", err)
	}
}

// A server that ignores Range is refused with a message that says why.
func TestNoRangeSupport(t *testing.T) {
	t.Parallel()
	s, srv := newSite(t, randomBytes(100_000, 7))
	s.noRanges = true
	o := open(t, srv.URL, fast) // the whole file from its start is usable
	_, err := o.ReadAt(make([]byte, 10), 50_000)
	if err == nil || !strings.Contains(err.Error(), "range requests") {
		t.Fatalf("ReadAt on a server without ranges: %v", err)
	}
}

// PipeForm turns pg_dump's seekable archive into what it writes to a pipe.
func TestPipeForm(t *testing.T) {
	t.Parallel()
	got, err := remotetest.PipeForm(fixture(t, "pg17/full-zstd.dump"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, fixture(t, "pg17/full-zstd-pipe.dump")) {
		t.Fatal("PipeForm(full-zstd.dump) differs from pg_dump's full-zstd-pipe.dump")
	}
}

// HTTPS with the server's CA trusted reads; without it, the certificate
// error comes at once, not after retries.
func TestHTTPS(t *testing.T) {
	t.Parallel()
	data := fixture(t, "pg17/full-lz4.dump")
	srv := httptest.NewTLSServer(&site{data: data, etag: `"v1"`})
	defer srv.Close()
	opts := fast
	opts.HTTPClient = srv.Client()
	checkArchive(t, open(t, srv.URL+"/a.dump", opts), data)

	rt := &countingTransport{rt: &http.Transport{}} // the system's CAs only
	opts = fast
	opts.HTTPClient = &http.Client{Transport: rt}
	_, err := remote.Open(context.Background(), srv.URL+"/a.dump", opts)
	if err == nil || !strings.Contains(err.Error(), "certificate") || rt.n.Load() != 1 {
		t.Errorf("untrusted certificate: %v after %d requests", err, rt.n.Load())
	}
}

// Reading one table's block costs that block (and the first range's
// slack), not the archive; reading the 12 MiB block costs about its size
// in a handful of requests.
func TestBlockCost(t *testing.T) {
	t.Parallel()
	// A file, so that the TOC has the blocks' offsets.
	f, err := os.Create(filepath.Join(t.TempDir(), "a.dump"))
	if err != nil {
		t.Fatal(err)
	}
	writeArchive(t, f)
	f.Close()
	data, err := os.ReadFile(f.Name())
	if err != nil {
		t.Fatal(err)
	}
	_, srv := newSite(t, data)
	for _, table := range []string{"small", "big"} {
		o := open(t, srv.URL, fast)
		r, err := pgarchive.NewReader(o, o.Size())
		if err != nil {
			t.Fatal(err)
		}
		toc := o.Stats()
		var e *pgarchive.Entry
		for _, x := range r.Entries {
			if x.Desc == "TABLE DATA" && x.Tag == table {
				e = x
			}
		}
		b, err := r.Open(e)
		if err != nil {
			t.Fatal(err)
		}
		n, err := io.Copy(io.Discard, b)
		b.Close()
		if err != nil {
			t.Fatal(err)
		}
		st := o.Stats()
		reqs, fetched := st.Requests-toc.Requests, st.Bytes-toc.Bytes
		t.Logf("%s (%d bytes): %d requests, %d bytes fetched", table, n, reqs, fetched)
		if fetched > n+64<<10 || reqs > 12 {
			t.Errorf("%s (%d bytes): %d requests, %d bytes fetched of %d", table, n, reqs, fetched, o.Size())
		}
	}
}

type countingTransport struct {
	rt http.RoundTripper
	n  atomic.Int64
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return c.rt.RoundTrip(r)
}
