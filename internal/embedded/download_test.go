package embedded

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// testdata/fake-server.txz holds bin/initdb, bin/pg_ctl and bin/postgres as
// shell scripts that touch ran-NAME beside bin/ and exit 1, made with
//
//	tar --owner=0 --group=0 --numeric-owner --mtime=2024-01-01 --sort=name -cf - bin | xz -9 --check=crc32
//
// It stands in for the zonky binaries archive that embedded-postgres
// unpacks, so the download path runs offline through the library's code.

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

	dir, err := downloadBinaries(context.Background())
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

	again, err := downloadBinaries(context.Background())
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
		for _, want := range []string{"pg_config: not on PATH", debianRoot + "/*/bin", "embedded-postgres 17", srv.URL} {
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
