package remote

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// httpBackend reads a file from a web server by Range requests.
type httpBackend struct {
	url    string
	client *http.Client
}

func (b *httpBackend) get(ctx context.Context, off, end int64, etag string) (*response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, b.url, nil)
	if err != nil {
		return nil, notRetryable{err}
	}
	if end < 0 {
		req.Header.Set("Range", fmt.Sprintf("bytes=%d-", off))
	} else {
		req.Header.Set("Range", fmt.Sprintf("bytes=%d-%d", off, end-1))
	}
	if etag != "" {
		req.Header.Set("If-Match", etag)
	}
	resp, err := b.client.Do(req)
	if err != nil {
		return nil, err
	}
	r := &response{body: resp.Body, etag: resp.Header.Get("ETag"), version: resp.Header.Get("Last-Modified")}
	if t, err := http.ParseTime(r.version); err == nil {
		r.modified = t
	}
	switch resp.StatusCode {
	case http.StatusPartialContent:
		size, err := rangeSize(resp.Header.Get("Content-Range"), off)
		if err != nil {
			resp.Body.Close()
			return nil, err
		}
		r.size = size
		return r, nil
	case http.StatusOK:
		// The whole file: fine from its start, useless anywhere else.
		if off != 0 || resp.ContentLength < 0 {
			resp.Body.Close()
			return nil, notRetryable{errors.New("the server does not answer range requests (Accept-Ranges); download the archive first")}
		}
		r.size = resp.ContentLength
		return r, nil
	case http.StatusRequestedRangeNotSatisfiable:
		resp.Body.Close()
		if _, size, err := parseContentRange(resp.Header.Get("Content-Range")); err == nil && size == 0 {
			return nil, errEmpty
		}
	case http.StatusPreconditionFailed:
		resp.Body.Close()
		return nil, ErrChanged
	}
	defer resp.Body.Close()
	msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	text := strings.TrimSpace(string(msg))
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		text = strings.TrimSpace(text[:i])
	}
	return nil, &StatusError{Status: resp.StatusCode, Message: text}
}

// rangeSize checks that a Content-Range starts at off and returns the
// object's size from it.
func rangeSize(header string, off int64) (int64, error) {
	start, size, err := parseContentRange(header)
	if err == nil && start != off {
		err = fmt.Errorf("asked for bytes from %d, got them from %d", off, start)
	}
	if err != nil {
		return 0, notRetryable{err}
	}
	return size, nil
}

// parseContentRange reads "bytes START-END/SIZE" or "bytes */SIZE".
func parseContentRange(s string) (start, size int64, err error) {
	bad := fmt.Errorf("bad Content-Range %q", s)
	rest, ok := strings.CutPrefix(s, "bytes ")
	if !ok {
		return 0, 0, bad
	}
	rng, total, ok := strings.Cut(rest, "/")
	if !ok {
		return 0, 0, bad
	}
	if size, err = strconv.ParseInt(total, 10, 64); err != nil || size < 0 {
		return 0, 0, bad
	}
	if rng == "*" {
		return -1, size, nil
	}
	first, _, ok := strings.Cut(rng, "-")
	if start, err = strconv.ParseInt(first, 10, 64); !ok || err != nil || start < 0 || start > size {
		return 0, 0, bad
	}
	return start, size, nil
}
