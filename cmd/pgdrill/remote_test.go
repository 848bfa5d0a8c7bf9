package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pgdrill/pgdrill/internal/pgtest"
	"github.com/pgdrill/pgdrill/internal/pgtools"
	"github.com/pgdrill/pgdrill/internal/remote"
	"github.com/pgdrill/pgdrill/internal/remote/remotetest"
	"github.com/pgdrill/pgdrill/pgarchive"
)

// remoteArchives uploads every fixture, and the piped form of each of
// pg_dump 17's seekable ones (every compression), to a new bucket of the
// S3 server; it returns the bucket and the local file of each key.
func remoteArchives(t *testing.T, srv *remotetest.Server) (string, map[string]string) {
	t.Helper()
	bucket := srv.Bucket(t)
	dir := t.TempDir()
	files := map[string]string{}
	for _, path := range archiveFixtures(t) {
		key := filepath.Base(filepath.Dir(path)) + "/" + filepath.Base(path)
		files[key] = path
		srv.PutFile(t, bucket, key, path)
		if strings.HasPrefix(key, "pg17/full-") && !strings.Contains(key, "pipe") {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			piped, err := remotetest.PipeForm(data)
			if err != nil {
				t.Fatal(err)
			}
			pkey := strings.TrimSuffix(key, ".dump") + "-topipe.dump"
			files[pkey] = filepath.Join(dir, filepath.Base(pkey))
			if err := os.WriteFile(files[pkey], piped, 0o644); err != nil {
				t.Fatal(err)
			}
			srv.Put(t, bucket, pkey, piped)
		}
	}
	return bucket, files
}

// withArchive puts the archive in place of the word ARCHIVE in args, or
// last.
func withArchive(args []string, archive string) []string {
	out := append([]string(nil), args...)
	for i, a := range out {
		if a == "ARCHIVE" {
			out[i] = archive
			return out
		}
	}
	return append(out, archive)
}

// withoutFirstLine drops inspect's first line, which names the archive.
func withoutFirstLine(s string) string {
	_, rest, _ := strings.Cut(s, "\n")
	return rest
}

// TestRemoteArchives: list, cat (one table and all) and inspect of every
// archive read from a real S3 server print what they print for the file;
// the listing costs one or two small requests whatever the archive.
func TestRemoteArchives(t *testing.T) {
	srv := remotetest.Shared(t)
	srv.Env(t)
	bucket, files := remoteArchives(t, srv)
	for key, path := range files {
		url := "s3://" + bucket + "/" + key
		for _, args := range [][]string{{"list"}, {"list", "-v"}, {"cat", "--all"}, {"cat", "ARCHIVE", "public.events"}, {"inspect"}} {
			if args[0] == "cat" && !strings.Contains(key, "full") {
				continue
			}
			code, want, wantErr := runArchiveCmd(t, nil, withArchive(args, path)...)
			gotCode, got, gotErr := runArchiveCmd(t, nil, withArchive(args, url)...)
			if args[0] == "inspect" {
				want, got = withoutFirstLine(want), withoutFirstLine(got)
			}
			if code != 0 || gotCode != code || got != want {
				t.Errorf("%s %s: exit %d (file: %d), stderr %q; output differs from the file's: %v", args, url, gotCode, code, gotErr+" / "+wantErr, got != want)
			}
		}
		code, _, errOut := runArchiveCmd(t, nil, "list", "--remote-stats", url)
		m := regexp.MustCompile(`: (\d+) requests, (\d+) bytes fetched of (\d+)\n`).FindStringSubmatch(errOut)
		if code != 0 || m == nil || len(m[1]) != 1 || m[1] > "2" || len(m[2]) > 5 {
			t.Errorf("list --remote-stats %s: exit %d, %q: want at most 2 requests, KBs", url, code, errOut)
		}
	}
}

// TestRemoteOverHTTP: the same over http://, from a plain file server
// (Range requests, Last-Modified, no ETag).
func TestRemoteOverHTTP(t *testing.T) {
	t.Parallel()
	web := httptest.NewServer(http.FileServer(http.Dir(filepath.Join("..", "..", "testdata"))))
	defer web.Close()
	for _, name := range []string{"pg17/full-lz4.dump", "pg17/full-zstd-pipe.dump", "pg15/full-gzip-pipe.dump"} {
		path := filepath.Join("..", "..", "testdata", name)
		for _, args := range [][]string{{"list"}, {"cat", "--all"}, {"cat", "ARCHIVE", "public.items"}} {
			code, want, _ := runArchiveCmd(t, nil, withArchive(args, path)...)
			gotCode, got, gotErr := runArchiveCmd(t, nil, withArchive(args, web.URL+"/"+name)...)
			if code != 0 || gotCode != 0 || got != want {
				t.Errorf("%s %s: exit %d, stderr %q; differs from the file's: %v", args, name, gotCode, gotErr, got != want)
			}
		}
	}
	code, _, errOut := runArchiveCmd(t, nil, "list", web.URL+"/pg17/missing.dump")
	if code != exitUsage || !strings.Contains(errOut, "404") {
		t.Errorf("missing file: exit %d, %q", code, errOut)
	}
	code, _, errOut = runArchiveCmd(t, nil, "list", "--latest", web.URL+"/pg17/")
	if code != exitUsage || !strings.Contains(errOut, "--latest needs an s3:// prefix") {
		t.Errorf("--latest over http: exit %d, %q", code, errOut)
	}
}

// TestRemoteRefusals: wrong credentials, a missing key, a prefix without
// --latest and --latest on a file exit 2 with the reason, the server's own
// words included.
func TestRemoteRefusals(t *testing.T) {
	srv := remotetest.Shared(t)
	srv.Env(t)
	bucket := srv.Bucket(t)
	srv.PutFile(t, bucket, "a.dump", filepath.Join("..", "..", "testdata", "pg17", "empty.dump"))
	cases := []struct {
		args []string
		env  string
		want string
	}{
		{[]string{"list", "s3://" + bucket + "/a.dump"}, "wrong-secret", "403 SignatureDoesNotMatch: The request signature we calculated does not match"},
		{[]string{"list", "s3://" + bucket + "/a.dump"}, "wrong-key", "access key"},
		{[]string{"cat", "--all", "s3://" + bucket + "/b.dump"}, "", "404 NoSuchKey: The specified key does not exist."},
		{[]string{"list", "s3://" + bucket + "/"}, "", "names a prefix, not an object"},
		{[]string{"list", "--latest=size", "s3://" + bucket + "/"}, "", "--latest=size: want --latest"},
		{[]string{"list", "--latest", filepath.Join("..", "..", "testdata", "pg17", "empty.dump")}, "", "--latest needs an s3://bucket/prefix/ archive"},
	}
	for _, c := range cases {
		t.Run(c.env+strings.Join(c.args, " "), func(t *testing.T) {
			switch c.env {
			case "wrong-secret":
				t.Setenv("AWS_SECRET_ACCESS_KEY", "not-the-secret")
			case "wrong-key":
				t.Setenv("AWS_ACCESS_KEY_ID", "nobody")
			}
			code, out, errOut := runArchiveCmd(t, nil, c.args...)
			if code != exitUsage || out != "" || !strings.Contains(errOut, c.want) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit 2 and %q", code, out, errOut, c.want)
			}
		})
	}
}

// TestRemoteRestoreAndDrill: restore from S3 (seekable and piped, -j 1 and
// -j 2) does what restore from the file does, and the archive drill runs
// on the newest backup under a prefix, naming it in its JSON.
func TestRemoteRestoreAndDrill(t *testing.T) {
	srv := remotetest.Shared(t)
	srv.Env(t)
	bucket, files := remoteArchives(t, srv)
	summary := func(out string) string {
		var sum map[string]any
		if err := json.Unmarshal([]byte(out), &sum); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		delete(sum, "seconds")
		b, _ := json.Marshal(sum)
		return string(b)
	}
	for _, c := range []struct{ key, jobs string }{
		{"pg17/full-lz4.dump", "2"}, {"pg17/full-gzip-topipe.dump", "1"}, {"pg17/full-none-topipe.dump", "2"}, {"pg17/full-zstd.dump", "1"},
	} {
		code, want, errOut := runArchiveCmd(t, nil, "restore", "--json", "-j", c.jobs, "-d", pgtest.NewDB(t), files[c.key])
		gotCode, got, gotErr := runArchiveCmd(t, nil, "restore", "--json", "-j", c.jobs, "-d", pgtest.NewDB(t), "s3://"+bucket+"/"+c.key)
		if gotCode != code || summary(got) != summary(want) {
			t.Errorf("restore -j %s %s: exit %d (file: %d), stderr %q (file: %q)\n got %s\nwant %s", c.jobs, c.key, gotCode, code, gotErr, errOut, summary(got), summary(want))
		}
	}

	// The newest under certctl/ by modification time: uploaded last.
	srv.PutFile(t, bucket, "certctl/z-older.dump", filepath.Join("..", "..", "testdata", "pg17", "empty.dump"))
	time.Sleep(1100 * time.Millisecond) // LastModified has whole seconds
	srv.PutFile(t, bucket, "certctl/a-newest.dump", chainArchive("tampered24-pg15-gzip-Pacific_Chatham.dump"))
	var rep struct {
		OK      bool   `json:"ok"`
		Archive string `json:"archive"`
	}
	code, out, errOut := runArchiveCmd(t, nil, "drill", "--json", "--latest", "--archive", "s3://"+bucket+"/certctl/")
	want := "s3://" + bucket + "/certctl/a-newest.dump"
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != exitFailed || rep.OK || rep.Archive != want ||
		!strings.Contains(errOut, "pgdrill: latest under s3://"+bucket+"/certctl/: "+want) {
		t.Errorf("drill --latest on a tampered chain: exit %d, report %+v (%v), stderr %q; want exit 1 naming %s", code, rep, err, errOut, want)
	}
	code, out, errOut = runArchiveCmd(t, nil, "drill", "--json", "--archive", "s3://"+bucket+"/pg17/full-gzip-topipe.dump")
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != 0 || !rep.OK {
		t.Errorf("drill of a piped archive from S3: exit %d, report %+v, stderr %q", code, rep, errOut)
	}

	// --max-age judges the object's Last-Modified: just uploaded, it is
	// younger than an hour and older than a millisecond.
	var aged struct {
		OK              bool      `json:"ok"`
		ArchiveModified time.Time `json:"archive_modified"`
		Failed          *struct {
			What string `json:"what"`
		} `json:"failed"`
	}
	for _, c := range []struct {
		age  string
		code int
	}{{"1h", exitOK}, {"1ms", exitFailed}} {
		code, out, errOut = runArchiveCmd(t, nil, "drill", "--json", "--archive", "s3://"+bucket+"/pg17/full-lz4.dump", "--max-age", c.age)
		if err := json.Unmarshal([]byte(out), &aged); err != nil || code != c.code || time.Since(aged.ArchiveModified) > time.Hour ||
			(c.code == exitFailed && (aged.Failed == nil || aged.Failed.What != "archive age")) {
			t.Errorf("drill --max-age %s of an S3 object: exit %d, report %+v (%v), stderr %q; want exit %d", c.age, code, aged, err, errOut, c.code)
		}
	}
}

// TestDumpToS3: dump -f s3://… uploads an archive with data offsets (the
// TOC rewritten in the held first part) whose tables read as the local
// dump's do; a dump that fails leaves the object that was there.
func TestDumpToS3(t *testing.T) {
	srv := remotetest.Shared(t)
	srv.Env(t)
	bucket := srv.Bucket(t)
	db := pgtest.NewDB(t)
	c := pgtest.Conn(t, db)
	if _, err := c.Exec(context.Background(), `CREATE TABLE t (id int, body text);
		INSERT INTO t SELECT i, repeat(md5(i::text), 20) FROM generate_series(1, 30000) i`); err != nil {
		t.Fatal(err)
	}
	local := filepath.Join(t.TempDir(), "d.dump")
	url := "s3://" + bucket + "/nightly/d.dump"
	for _, out := range []string{local, url} {
		if code, _, errOut := runArchiveCmd(t, nil, "dump", "-Z", "none", "-d", db, "-f", out); code != 0 {
			t.Fatalf("dump -f %s: exit %d: %s", out, code, errOut)
		}
	}
	_, want, _ := runArchiveCmd(t, nil, "cat", "--all", local)
	code, got, errOut := runArchiveCmd(t, nil, "cat", "--all", url)
	if code != 0 || got != want || len(want) < 1<<20 {
		t.Errorf("cat --all of the uploaded dump: exit %d, %q; same as the file's: %v", code, errOut, got == want)
	}
	o, err := remote.Open(context.Background(), url, remote.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	r, err := pgarchive.NewReader(o, o.Size())
	if err != nil {
		t.Fatal(err)
	}
	if !hasOffsets(r.Entries) {
		t.Error("the uploaded archive has no data offsets")
	}
	// pg_restore 17 (whose listing pgdrill list matches) reads the uploaded archive.
	if pgr, err := pgtools.Find(17, "pg_restore"); err == nil {
		file := filepath.Join(t.TempDir(), "downloaded.dump")
		if err := os.WriteFile(file, get(t, url), 0o644); err != nil {
			t.Fatal(err)
		}
		want, err := exec.Command(pgr[0], append(pgr[1:], "-l", file)...).Output()
		_, got, _ := runArchiveCmd(t, nil, "list", url)
		if err != nil || got != string(want) {
			t.Errorf("pg_restore -l of the uploaded archive: %v; differs from pgdrill list:\n%s\n---\n%s", err, want, got)
		}
	} else {
		t.Logf("pg_restore -l of the uploaded archive skipped: %v", err)
	}
	before := get(t, url)
	code, _, errOut = runArchiveCmd(t, nil, "dump", "-d", db, "-t", "no_such_table", "--strict-names", "-f", url)
	if code == 0 || !bytes.Equal(get(t, url), before) {
		t.Errorf("failed dump: exit %d (%s); object unchanged: %v", code, errOut, bytes.Equal(get(t, url), before))
	}
}

func get(t *testing.T, url string) []byte {
	t.Helper()
	o, err := remote.Open(context.Background(), url, remote.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	b, err := io.ReadAll(io.NewSectionReader(o, 0, o.Size()))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
