package remote_test

import (
	"context"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/pgdrill/pgdrill/internal/remote"
	"github.com/pgdrill/pgdrill/internal/remote/remotetest"
	"github.com/pgdrill/pgdrill/pgarchive"
)

// TestMain gives the SDK's default credential chain the gateway's keys and
// hides the machine's own AWS configuration.
func TestMain(m *testing.M) {
	for k, v := range map[string]string{
		"AWS_ACCESS_KEY_ID":           remotetest.AccessKey,
		"AWS_SECRET_ACCESS_KEY":       remotetest.SecretKey,
		"AWS_REGION":                  remotetest.Region,
		"AWS_CONFIG_FILE":             os.DevNull,
		"AWS_SHARED_CREDENTIALS_FILE": os.DevNull,
		"AWS_EC2_METADATA_DISABLED":   "true",
	} {
		os.Setenv(k, v)
	}
	os.Unsetenv("AWS_PROFILE")
	os.Unsetenv("AWS_SESSION_TOKEN")
	os.Unsetenv("AWS_ENDPOINT_URL")
	os.Unsetenv("AWS_ENDPOINT_URL_S3")
	os.Exit(m.Run())
}

func s3Opts(srv *remotetest.Server) remote.Options {
	o := fast
	o.S3Endpoint = srv.Endpoint
	return o
}

// Every fixture reads the same from a real S3 server as from the file, and
// listing it costs one request.
func TestS3Archives(t *testing.T) {
	t.Parallel()
	srv := remotetest.Shared(t)
	bucket := srv.Bucket(t)
	for name, data := range archives(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			srv.Put(t, bucket, "backups/"+name, data)
			opts := s3Opts(srv)
			opts.MinRange, opts.MaxRange = 4<<10, 32<<10
			o := open(t, "s3://"+bucket+"/backups/"+name, opts)
			r, err := pgarchive.NewReader(o, o.Size())
			if err != nil {
				t.Fatal(err)
			}
			if st := o.Stats(); r.DataStart() <= 16<<10 && (st.Requests != 1 || st.Bytes > 16<<10) {
				t.Errorf("TOC of %d bytes cost %+v, want 1 request of at most 16 KiB", r.DataStart(), st)
			}
			checkArchive(t, o, data)
		})
	}
}

// A connection to the S3 server cut mid-block is resumed at the byte
// reached and yields the same bytes.
func TestS3ResumeAfterReset(t *testing.T) {
	t.Parallel()
	srv := remotetest.Shared(t)
	bucket := srv.Bucket(t)
	data := randomBytes(3<<20, 11)
	srv.Put(t, bucket, "big.dump", data)
	proxy := remotetest.NewProxy(t, strings.TrimPrefix(srv.Endpoint, "http://"))
	opts := fast
	opts.S3Endpoint = "http://" + proxy.Addr
	o := open(t, "s3://"+bucket+"/big.dump", opts)
	proxy.CutAfter(70_000, 1_000, 900_000)
	got, err := io.ReadAll(io.NewSectionReader(o, 0, o.Size()))
	if err != nil || string(got) != string(data) {
		t.Fatalf("ranged read: %d bytes, %v", len(got), err)
	}
	if c := proxy.Cuts(); c != 3 {
		t.Errorf("%d connections cut in ranged reads, want 3", c)
	}
	t.Log(o.Stats())
	proxy.CutAfter(200_000, 1_500_000)
	rd := o.NewReader(0)
	defer rd.Close()
	got, err = io.ReadAll(rd)
	if err != nil || string(got) != string(data) {
		t.Fatalf("one pass: %d bytes, %v", len(got), err)
	}
	t.Log(o.Stats())
	if c := proxy.Cuts(); c != 5 {
		t.Errorf("%d connections cut, want 5", c)
	}
}

// An object overwritten while it is read fails loudly.
func TestS3ChangedMidRead(t *testing.T) {
	t.Parallel()
	srv := remotetest.Shared(t)
	bucket := srv.Bucket(t)
	srv.Put(t, bucket, "a.dump", randomBytes(1<<20, 12))
	o := open(t, "s3://"+bucket+"/a.dump", s3Opts(srv))
	if _, err := o.ReadAt(make([]byte, 1000), 100_000); err != nil {
		t.Fatal(err)
	}
	srv.Put(t, bucket, "a.dump", randomBytes(1<<20, 13))
	_, err := o.ReadAt(make([]byte, 1000), 700_000)
	if !errors.Is(err, remote.ErrChanged) || !strings.Contains(err.Error(), "s3://"+bucket+"/a.dump") {
		t.Fatalf("read after overwrite: %v", err)
	}
}

// --latest picks the newest object under a prefix by LastModified, or the
// greatest name; objects elsewhere and folder markers do not count.
func TestS3Latest(t *testing.T) {
	t.Parallel()
	srv := remotetest.Shared(t)
	bucket := srv.Bucket(t)
	old := fixture(t, "pg17/full-gzip.dump")
	srv.Put(t, bucket, "certctl/z-oldest-name-last.dump", old)
	srv.Put(t, bucket, "certctl/", nil)
	time.Sleep(1100 * time.Millisecond) // LastModified has whole seconds
	srv.Put(t, bucket, "certctl/a-newest.dump", fixture(t, "pg17/full-zstd.dump"))
	srv.Put(t, bucket, "zzz-not-under-prefix.dump", old)
	for _, c := range []struct {
		by   remote.Latest
		want string
	}{
		{remote.LatestModified, "certctl/a-newest.dump"},
		{remote.LatestName, "certctl/z-oldest-name-last.dump"},
	} {
		opts := s3Opts(srv)
		opts.Latest = c.by
		o := open(t, "s3://"+bucket+"/certctl/", opts)
		if o.Name() != "s3://"+bucket+"/"+c.want || o.Modified().IsZero() {
			t.Errorf("latest by %d: %s (%v), want %s", c.by, o.Name(), o.Modified(), c.want)
		}
	}
	if _, err := remote.Open(context.Background(), "s3://"+bucket+"/certctl/", s3Opts(srv)); err == nil || !strings.Contains(err.Error(), "--latest") {
		t.Errorf("prefix without --latest: %v", err)
	}
	opts := s3Opts(srv)
	opts.Latest = remote.LatestModified
	if _, err := remote.Open(context.Background(), "s3://"+bucket+"/nothing/", opts); err == nil || !strings.Contains(err.Error(), "no object under") {
		t.Errorf("empty prefix: %v", err)
	}
}

// Wrong credentials and a missing key are refused with the server's code
// and message, without retries.
func TestS3Refusals(t *testing.T) {
	srv := remotetest.Shared(t)
	bucket := srv.Bucket(t)
	srv.Put(t, bucket, "a.dump", []byte("x"))
	o, err := remote.Open(context.Background(), "s3://"+bucket+"/missing.dump", s3Opts(srv))
	var se *remote.StatusError
	if !errors.As(err, &se) || se.Status != 404 || se.Code != "NoSuchKey" {
		t.Errorf("missing key: %v, %v", o, err)
	}
	t.Setenv("AWS_SECRET_ACCESS_KEY", "wrong")
	_, err = remote.Open(context.Background(), "s3://"+bucket+"/a.dump", s3Opts(srv))
	if !errors.As(err, &se) || se.Status != 403 || se.Message == "" {
		t.Fatalf("wrong secret: %v", err)
	}
	t.Log(err)
}
