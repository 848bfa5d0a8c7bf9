// Package remote reads archives where they are kept: an object in S3 or an
// S3-compatible store (s3://bucket/key) or a file on a web server
// (https://…, http://…). An Object is an io.ReaderAt of known size that
// fetches only the byte ranges read, so pgarchive.NewReader over it costs
// one small request for the header and TOC and a table's block costs the
// block; reads that continue where the last one stopped reuse the open
// response and ask for ever larger ranges, so reading a whole object goes
// about as fast as downloading it. NewReader gives one sequential pass (for
// archives written to a pipe, which have no data offsets).
//
// Every request after the first names the version first seen (If-Match on
// its ETag), so an object replaced while it is read is an error (ErrChanged),
// never a mix of two files. Failed requests and responses cut short (5xx,
// connection reset) are retried with backoff from the byte where they
// stopped. Requests and bytes received are counted (Stats).
package remote

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// ErrChanged is returned when the object is no longer the one first read.
var ErrChanged = errors.New("the object changed while it was being read")

// StatusError is a refusal from the server: its HTTP status and, when the
// server sent one, its error code and message.
type StatusError struct {
	Status  int
	Code    string // e.g. AccessDenied, NoSuchKey (S3)
	Message string
}

func (e *StatusError) Error() string {
	s := fmt.Sprintf("%d %s", e.Status, http.StatusText(e.Status))
	if e.Code != "" {
		s = fmt.Sprintf("%d %s", e.Status, e.Code)
	}
	if e.Message != "" {
		s += ": " + e.Message
	}
	return s
}

// Options say how objects are reached and read. The zero value is the
// default everywhere.
type Options struct {
	// S3Endpoint is the URL of an S3-compatible store (MinIO, Ceph, Versity,
	// GCS interoperability); empty means AWS_ENDPOINT_URL_S3 /
	// AWS_ENDPOINT_URL or AWS itself. With a custom endpoint buckets are
	// addressed path-style (endpoint/bucket/key), which such stores expect.
	S3Endpoint string
	// Latest, for a name ending in "/", picks the newest object under that
	// prefix: LatestModified by LastModified, LatestName by key name.
	Latest Latest
	// HTTPClient is used for http(s):// and S3; nil means Go's and the
	// SDK's defaults: proxy from HTTPS_PROXY/NO_PROXY, the system's CA
	// certificates or SSL_CERT_FILE (and AWS_CA_BUNDLE for S3).
	HTTPClient *http.Client

	// HeadSize is how many bytes Open fetches first (default 16 KiB): the
	// header and TOC of most archives.
	HeadSize int
	// MinRange and MaxRange bound the ranges fetched (defaults 64 KiB and
	// 16 MiB): a read that continues the previous range asks for twice as
	// much, up to MaxRange.
	MinRange, MaxRange int64
	// Retries is how many times a failed request is retried (default 5)
	// after waiting Backoff (default 200ms), doubled each time up to 5s.
	// A response that delivered bytes before failing starts the count anew;
	// a negative Retries means none.
	Retries int
	Backoff time.Duration
}

// Latest says how a prefix is resolved to one object.
type Latest int

const (
	LatestNone     Latest = iota // the name must be an object
	LatestModified               // newest LastModified (ties: greatest key)
	LatestName                   // greatest key in byte order
)

func (o *Options) defaults() {
	if o.HeadSize <= 0 {
		o.HeadSize = 16 << 10
	}
	if o.MinRange <= 0 {
		o.MinRange = 64 << 10
	}
	if o.MaxRange < o.MinRange {
		o.MaxRange = max(16<<20, o.MinRange)
	}
	if o.Retries == 0 {
		o.Retries = 5
	}
	if o.Backoff <= 0 {
		o.Backoff = 200 * time.Millisecond
	}
}

// IsURL reports whether name is one this package opens rather than a path.
func IsURL(name string) bool {
	for _, p := range []string{"s3://", "https://", "http://"} {
		if len(name) >= len(p) && strings.EqualFold(name[:len(p)], p) {
			return true
		}
	}
	return false
}

// backend fetches byte ranges of one object.
type backend interface {
	// get opens bytes [off, end) of the object, or [off, size) when end < 0.
	// A non-empty etag must still be the object's, else ErrChanged.
	get(ctx context.Context, off, end int64, etag string) (*response, error)
}

type response struct {
	body    io.ReadCloser
	size    int64 // the whole object's size
	etag    string
	version string // Last-Modified when there is no ETag
	// modified is the object's Last-Modified, zero when not given.
	modified time.Time
}

// Stats counts what an Object fetched.
type Stats struct {
	Requests int64 // requests sent, failed ones and retries included
	Bytes    int64 // bytes of object data received
}

// Object is a remote object opened for reading. ReadAt may be called from
// several goroutines.
type Object struct {
	name     string // the URL, with the key --latest chose
	modified time.Time
	be       backend
	opts     Options
	ctx      context.Context
	cancel   context.CancelFunc
	size     int64
	etag     string
	version  string
	head     []byte // the object's first bytes, fetched by Open

	requests, bytes atomic.Int64

	mu     sync.Mutex
	idle   []*span         // open responses, each stopped at its pos
	ends   map[int64]int64 // where recent ranges ended → their length, to grow the next
	recent []chunk         // the last bytes delivered by recent reads
	closed bool
}

// Open opens the object named by an s3://, https:// or http:// URL and
// fetches its first bytes. With opts.Latest, an s3:// name ending in "/" is
// a prefix and the newest object under it is opened (Name says which).
// Reads fail once ctx is done (an interrupted command stops its requests).
func Open(ctx context.Context, name string, opts Options) (*Object, error) {
	opts.defaults()
	o := &Object{name: name, opts: opts, ends: map[int64]int64{}}
	o.ctx, o.cancel = context.WithCancel(ctx)
	var err error
	switch {
	case hasPrefixFold(name, "s3://"):
		var b *s3Backend
		b, err = newS3Backend(ctx, name, &opts)
		if err == nil {
			o.be = b
			o.requests.Add(b.listed)
			if b.chosen != "" {
				o.name, o.modified = "s3://"+b.bucket+"/"+b.key, b.modified
			}
		}
	case hasPrefixFold(name, "https://"), hasPrefixFold(name, "http://"):
		if opts.Latest != LatestNone {
			err = errors.New("--latest needs an s3:// prefix: a web server cannot be asked for a listing")
		} else {
			client := opts.HTTPClient
			if client == nil {
				client = &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
			}
			o.be = &httpBackend{url: name, client: client}
		}
	default:
		err = errors.New("not an s3://, https:// or http:// URL")
	}
	if err != nil {
		o.cancel()
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if err := o.readHead(ctx); err != nil {
		o.cancel()
		return nil, err
	}
	return o, nil
}

func hasPrefixFold(s, p string) bool { return len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) }

// readHead fetches the first HeadSize bytes, learning the size and version.
func (o *Object) readHead(ctx context.Context) error {
	want := int64(o.opts.HeadSize)
	var buf []byte
	err := o.retry(ctx, func() (int64, error) {
		r, err := o.request(ctx, 0, want, "")
		if errors.Is(err, errEmpty) {
			return 0, nil // a zero-byte object: Size 0, nothing to read
		}
		if err != nil {
			return 0, err
		}
		defer r.body.Close()
		o.size, o.etag, o.version = r.size, r.etag, r.version
		if o.modified.IsZero() {
			o.modified = r.modified
		}
		buf = make([]byte, min(want, r.size))
		n, err := io.ReadFull(r.body, buf)
		o.bytes.Add(int64(n))
		if err != nil {
			return 0, err // retried from 0: the head is small
		}
		return 0, nil
	})
	if err != nil {
		return fmt.Errorf("%s: %w", o.name, err)
	}
	o.head = buf
	o.ends[int64(len(buf))] = int64(len(buf))
	return nil
}

// errEmpty is a range request refused because the object has no bytes.
var errEmpty = errors.New("empty object")

// request sends one GET for [off, end) (end < 0: to the end), counted.
func (o *Object) request(ctx context.Context, off, end int64, etag string) (*response, error) {
	o.requests.Add(1)
	r, err := o.be.get(ctx, off, end, etag)
	if err != nil {
		return nil, err
	}
	// A server that ignores If-Match, or an object without an ETag, is
	// still caught when what it reports differs from what Open saw.
	if etag != "" && r.etag != "" && r.etag != etag ||
		o.size > 0 && r.size != o.size ||
		o.version != "" && r.version != "" && r.version != o.version {
		r.body.Close()
		return nil, ErrChanged
	}
	return r, nil
}

// retry calls f until it succeeds, fails for good, or the retries are used
// up. f reports how many bytes it made good before failing: progress
// resets the count, so a connection that keeps dropping still gets through.
func (o *Object) retry(ctx context.Context, f func() (int64, error)) error {
	wait := o.opts.Backoff
	for tries := 0; ; {
		done, err := f()
		if err == nil {
			return nil
		}
		if done > 0 {
			tries, wait = 0, o.opts.Backoff
		}
		if !retryable(err) || tries >= o.opts.Retries || o.opts.Retries < 0 {
			return err
		}
		tries++
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
		wait = min(2*wait, 5*time.Second)
	}
}

// retryable: server errors, throttling and broken connections are worth
// another try; refusals, a changed object and cancellation are not.
func retryable(err error) bool {
	if errors.Is(err, ErrChanged) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	var se *StatusError
	if errors.As(err, &se) {
		return se.Status >= 500 || se.Status == http.StatusTooManyRequests || se.Status == http.StatusRequestTimeout
	}
	var ne notRetryable
	var cert *tls.CertificateVerificationError
	var unknown x509.UnknownAuthorityError
	var host x509.HostnameError
	return !errors.As(err, &ne) && !errors.As(err, &cert) && !errors.As(err, &unknown) && !errors.As(err, &host)
}

// notRetryable marks an error that another request would only repeat.
type notRetryable struct{ err error }

func (e notRetryable) Error() string { return e.err.Error() }
func (e notRetryable) Unwrap() error { return e.err }

// fail names the object and the offset.
func (o *Object) fail(off int64, err error) error {
	if errors.Is(err, ErrChanged) {
		what := "ETag " + o.etag
		if o.etag == "" {
			what = "Last-Modified " + o.version
		}
		return fmt.Errorf("%s: offset %d: %w (it was %d bytes, %s, when opened): read it again", o.name, off, ErrChanged, o.size, what)
	}
	return fmt.Errorf("%s: offset %d: %w", o.name, off, err)
}

// Name is the object's URL; after Open with Latest, the chosen object's.
func (o *Object) Name() string { return o.name }

// Modified is the object's Last-Modified (from the listing when Latest
// picked it, else from the first response); zero if the server sent none.
func (o *Object) Modified() time.Time { return o.modified }

// Size is the object's size in bytes.
func (o *Object) Size() int64 { return o.size }

// ETag is the version of the object being read ("" if the server gave none).
func (o *Object) ETag() string { return o.etag }

// Stats returns the requests sent and bytes received so far.
func (o *Object) Stats() Stats {
	return Stats{Requests: o.requests.Load(), Bytes: o.bytes.Load()}
}

// Close closes the open responses. Reads after Close fail.
func (o *Object) Close() error {
	o.mu.Lock()
	idle := o.idle
	o.idle, o.closed = nil, true
	o.mu.Unlock()
	for _, s := range idle {
		s.body.Close()
	}
	o.cancel()
	return nil
}
