package remote_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pgdrill/pgdrill/internal/remote"
	"github.com/pgdrill/pgdrill/internal/remote/remotetest"
	"github.com/pgdrill/pgdrill/pgarchive"
)

func get(t *testing.T, srv *remotetest.Server, url string) []byte {
	t.Helper()
	o := open(t, url, s3Opts(srv))
	b, err := io.ReadAll(io.NewSectionReader(o, 0, o.Size()))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// An upload streams parts as they fill, lets the start be rewritten (as
// pgarchive.Writer rewrites the TOC) and sends that part last; small
// uploads are one request.
func TestUpload(t *testing.T) {
	t.Parallel()
	srv := remotetest.Shared(t)
	bucket := srv.Bucket(t)
	for _, size := range []int{0, 1000, 5 << 20, 17<<20 + 12345} {
		data := randomBytes(size, uint64(size))
		url := "s3://" + bucket + "/up-" + strings.Repeat("x", size%7) + ".dump"
		u, err := remote.Create(context.Background(), url, s3Opts(srv))
		if err != nil {
			t.Fatal(err)
		}
		remote.SetUploadSizes(u, 5<<20, 5<<20)
		// Written in odd pieces, then bytes near the start rewritten.
		for off := 0; off < len(data); {
			n := min(len(data)-off, 1+off%300_000)
			if _, err := u.Write(data[off : off+n]); err != nil {
				t.Fatal(err)
			}
			off += n
		}
		if size > 200 {
			if _, err := u.Seek(100, io.SeekStart); err != nil {
				t.Fatal(err)
			}
			u.Write([]byte("rewritten"))
			copy(data[100:], "rewritten")
			if end, err := u.Seek(0, io.SeekEnd); err != nil || end != int64(size) {
				t.Fatalf("seek to end: %d, %v", end, err)
			}
		}
		if err := u.Close(); err != nil {
			t.Fatal(err)
		}
		if size == 0 {
			continue // nothing to read back by range
		}
		if got := get(t, srv, url); !bytes.Equal(got, data) {
			t.Errorf("%d bytes uploaded: read back %d bytes, not the same", size, len(got))
		}
	}
}

// Bytes past the held first part cannot be rewritten; an aborted upload
// leaves the object that was there.
func TestUploadLimitsAndAbort(t *testing.T) {
	t.Parallel()
	srv := remotetest.Shared(t)
	bucket := srv.Bucket(t)
	url := "s3://" + bucket + "/kept.dump"
	old := randomBytes(3000, 1)
	srv.Put(t, bucket, "kept.dump", old)
	u, err := remote.Create(context.Background(), url, s3Opts(srv))
	if err != nil {
		t.Fatal(err)
	}
	remote.SetUploadSizes(u, 5<<20, 5<<20)
	if _, err := u.Write(randomBytes(12<<20, 2)); err != nil {
		t.Fatal(err)
	}
	if _, err := u.Seek(6<<20, io.SeekStart); err == nil || !strings.Contains(err.Error(), "only the first 5242880 bytes") {
		t.Errorf("seek past the held part: %v", err)
	}
	u.Abort()
	if err := u.Close(); err == nil {
		t.Error("Close after Abort succeeded")
	}
	if got := get(t, srv, url); !bytes.Equal(got, old) {
		t.Error("an aborted upload changed the object")
	}
	if _, err := remote.Create(context.Background(), "https://example.com/x.dump", remote.Options{}); err == nil {
		t.Error("Create over https succeeded")
	}
}

// writeArchive writes a two-table archive of about 12 MiB to w.
func writeArchive(t *testing.T, w io.Writer) {
	t.Helper()
	aw := pgarchive.NewWriter(w, pgarchive.Header{Version: pgarchive.V1_16, Compression: pgarchive.CompressionNone, DBName: "up"})
	var data []*pgarchive.Entry
	for i, name := range []string{"small", "big"} {
		table := &pgarchive.Entry{DumpID: 2*i + 1, Desc: "TABLE", Tag: name, Section: pgarchive.SectionPreData,
			Namespace: pgarchive.Str("public"), Owner: pgarchive.Str("postgres"),
			Defn: pgarchive.Str("CREATE TABLE public." + name + " (t text);\n")}
		d := &pgarchive.Entry{DumpID: 2*i + 2, Desc: "TABLE DATA", Tag: name, Section: pgarchive.SectionData,
			Namespace: pgarchive.Str("public"), Owner: pgarchive.Str("postgres"),
			CopyStmt: pgarchive.Str("COPY public." + name + " (t) FROM stdin;\n"), HadDumper: true, Dependencies: []int{2*i + 1}}
		for _, e := range []*pgarchive.Entry{table, d} {
			if err := aw.Add(e); err != nil {
				t.Fatal(err)
			}
		}
		data = append(data, d)
	}
	for i, d := range data {
		dw, err := aw.Data(d)
		if err != nil {
			t.Fatal(err)
		}
		for range 1 + i*12<<10 {
			fmt.Fprintf(dw, "%x\n", randomBytes(500, uint64(i)))
		}
		if err := dw.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if err := aw.Close(); err != nil {
		t.Fatal(err)
	}
}

// pgarchive.Writer over an upload writes what it writes to a file: the TOC
// rewritten with the blocks' offsets.
func TestUploadArchiveHasOffsets(t *testing.T) {
	t.Parallel()
	srv := remotetest.Shared(t)
	bucket := srv.Bucket(t)
	f, err := os.Create(filepath.Join(t.TempDir(), "a.dump"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	writeArchive(t, f)
	want, err := os.ReadFile(f.Name())
	if err != nil {
		t.Fatal(err)
	}
	url := "s3://" + bucket + "/a.dump"
	u, err := remote.Create(context.Background(), url, s3Opts(srv))
	if err != nil {
		t.Fatal(err)
	}
	remote.SetUploadSizes(u, 5<<20, 5<<20)
	writeArchive(t, u)
	if err := u.Close(); err != nil {
		t.Fatal(err)
	}
	got := get(t, srv, url)
	if len(want) < 10<<20 || !bytes.Equal(got, want) {
		t.Fatalf("uploaded %d bytes, the file has %d: not the same", len(got), len(want))
	}
	r, err := pgarchive.NewReader(bytes.NewReader(got), int64(len(got)))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range r.Entries {
		if e.Desc == "TABLE DATA" && e.DataState != pgarchive.DataPosSet {
			t.Errorf("%s: no offset in the uploaded TOC", e)
		}
	}
}
