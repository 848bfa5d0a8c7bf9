package embedded

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// testdata/fake-server.txz holds bin/initdb, bin/pg_ctl and bin/postgres as
// shell scripts that touch ran-NAME beside bin/ and exit 1, made with
//
//	tar --owner=0 --group=0 --numeric-owner --mtime=2024-01-01 --sort=name -cf - bin | xz -9 --check=crc32
//
// It stands in for the zonky binaries archive, so the download path runs
// offline.

// fakeRepository serves the fake archive as every .jar a Maven client asks
// for, and counts the jar requests.
func fakeRepository(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	txz, err := os.ReadFile("testdata/fake-server.txz")
	if err != nil {
		t.Fatal(err)
	}
	var jar bytes.Buffer
	zw := zip.NewWriter(&jar)
	w, err := zw.Create("postgres-linux-x86_64.txz")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(txz); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	var jars atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasSuffix(r.URL.Path, ".jar") {
			http.NotFound(w, r) // the library tolerates a missing .sha256
			return
		}
		jars.Add(1)
		_, _ = w.Write(jar.Bytes())
	}))
	t.Cleanup(srv.Close)
	return srv, &jars
}

// useDownload points the download at repo and a fresh cache, and sends the
// library's stray log file to a temp dir.
func useDownload(t *testing.T, repo string) string {
	t.Helper()
	cache := reachableTempDir(t)
	oldRepo, oldCache := downloadRepository, cacheDir
	downloadRepository = repo
	cacheDir = func() (string, error) { return cache, nil }
	t.Cleanup(func() { downloadRepository, cacheDir = oldRepo, oldCache })
	t.Setenv("TMPDIR", t.TempDir())
	return cache
}

func TestDownloadBinaries(t *testing.T) {
	srv, jars := fakeRepository(t)
	cache := useDownload(t, srv.URL)

	dir, err := downloadBinaries(context.Background(), nil)
	if err != nil {
		t.Fatalf("downloadBinaries: %v", err)
	}
	if want := filepath.Join(cache, "embedded-postgres-"+string(downloadVersion), "bin"); dir != want {
		t.Errorf("bin dir %s, want %s", dir, want)
	}
	if why := missingPrograms(dir); why != "" {
		t.Fatalf("downloaded bin dir %s: %s", dir, why)
	}
	b, err := os.ReadFile(filepath.Join(dir, "initdb"))
	if err != nil || !strings.Contains(string(b), "fake initdb") {
		t.Errorf("bin/initdb = %q, %v; want the fake script", b, err)
	}
	if n := jars.Load(); n != 1 {
		t.Errorf("%d jar downloads, want 1", n)
	}
	marks, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), "ran-*"))
	if len(marks) != 0 {
		t.Errorf("the download ran server programs: %v", marks)
	}

	again, err := downloadBinaries(context.Background(), nil)
	if err != nil || again != dir {
		t.Fatalf("second downloadBinaries = %s, %v; want the cached %s", again, err, dir)
	}
	if n := jars.Load(); n != 1 {
		t.Errorf("%d jar downloads after a cached call, want 1", n)
	}
	entries, _ := os.ReadDir(cache)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "download-") {
			t.Errorf("scratch dir %s left in the cache", e.Name())
		}
	}
}

// noLocalServer hides every local PostgreSQL from FindBinaries.
func noLocalServer(t *testing.T) {
	t.Setenv("PATH", "")
	t.Setenv(EnvBinDir, "")
	old := debianRoot
	debianRoot = filepath.Join(t.TempDir(), "no-postgresql")
	t.Cleanup(func() { debianRoot = old })
}

func TestStartFallsBackToDownload(t *testing.T) {
	t.Run("offline: the error lists every place tried", func(t *testing.T) {
		srv := httptest.NewServer(http.NotFoundHandler())
		srv.Close() // connections are refused, as on a machine without network
		useDownload(t, srv.URL)
		noLocalServer(t)

		_, err := Start(context.Background(), Config{})
		if !errors.Is(err, ErrNotFound) {
			t.Fatalf("Start: %v, want ErrNotFound", err)
		}
		t.Logf("Start failed as expected: %v", err)
		for _, want := range []string{"pg_config: not on PATH", debianRoot + "/*/bin", "PostgreSQL 17", srv.URL} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("error lacks %q:\n%v", want, err)
			}
		}
	})
	t.Run("downloaded binaries are what Start runs", func(t *testing.T) {
		srv, jars := fakeRepository(t)
		cache := useDownload(t, srv.URL)
		noLocalServer(t)

		// The fake initdb exits 1, so Start must fail running it; the error
		// names the command Start ran.
		_, err := Start(context.Background(), Config{Dir: reachableTempDir(t)})
		if err == nil || !strings.Contains(err.Error(), filepath.Join(cache, "embedded-postgres-"+string(downloadVersion), "bin", "initdb")) {
			t.Fatalf("Start: %v, want a failure of the downloaded initdb", err)
		}
		if jars.Load() != 1 {
			t.Errorf("%d jar downloads, want 1", jars.Load())
		}
	})
}

// TestDownloadFailures: a repository that never answers fails within the
// connect timeout, one that stops midway or is interrupted leaves nothing in
// the cache and no log files in TMPDIR, and progress is reported.
func TestDownloadFailures(t *testing.T) {
	txz, err := os.ReadFile("testdata/fake-server.txz")
	if err != nil {
		t.Fatal(err)
	}
	oldConnect := connectTimeout
	connectTimeout = 300 * time.Millisecond
	t.Cleanup(func() { connectTimeout = oldConnect })

	// A listener that accepts and never answers, as a dead proxy does.
	silent, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	go func() {
		for {
			c, err := silent.Accept()
			if err != nil {
				return
			}
			defer c.Close()
		}
	}()
	// A repository that sends half the jar, then hangs up.
	half := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", fmt.Sprint(2*len(txz)))
		w.Write(txz)
	}))
	defer half.Close()
	// A repository that sends a little, then waits for the client to go.
	started := make(chan struct{}, 1)
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "1000000")
		w.Write(txz[:100])
		w.(http.Flusher).Flush()
		started <- struct{}{}
		<-r.Context().Done()
	}))
	defer slow.Close()

	tests := []struct {
		name   string
		repo   string
		cancel bool
		want   string
	}{
		{"never answers", "http://" + silent.Addr().String(), false, "no answer within"},
		{"cut short", half.URL, false, "bytes"},
		{"interrupted", slow.URL, true, "context canceled"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cache := useDownload(t, tt.repo)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tt.cancel {
				go func() { <-started; cancel() }()
			}
			var calls atomic.Int32
			start := time.Now()
			_, err := downloadBinaries(ctx, func(done, total int64) { calls.Add(1) })
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("downloadBinaries: %v, want an error with %q", err, tt.want)
			}
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("took %s", d)
			}
			if tt.name == "cut short" && calls.Load() == 0 {
				t.Errorf("no progress reported")
			}
			left, _ := os.ReadDir(cache)
			if len(left) != 0 {
				t.Errorf("cache holds %v after a failed download", left)
			}
			logs, _ := filepath.Glob(filepath.Join(os.Getenv("TMPDIR"), "embedded_postgres_log*"))
			if len(logs) != 0 {
				t.Errorf("log files left: %v", logs)
			}
		})
	}
}

// TestSweepDownloads: a killed download's scratch directory is removed by a
// later download once it is older than any download may take.
func TestSweepDownloads(t *testing.T) {
	root := t.TempDir()
	old := filepath.Join(root, downloadPrefix+"old")
	fresh := filepath.Join(root, downloadPrefix+"fresh")
	for _, d := range []string{old, fresh} {
		if err := os.MkdirAll(filepath.Join(d, "pg"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	long := time.Now().Add(-(totalTimeout + staleAfter + time.Minute))
	if err := os.Chtimes(old, long, long); err != nil {
		t.Fatal(err)
	}
	sweepDownloads(root)
	if _, err := os.Stat(old); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("stale %s kept: %v", old, err)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("fresh %s removed: %v", fresh, err)
	}
}
