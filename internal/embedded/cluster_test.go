package embedded

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// freshCache points the template (and download) cache at an empty dir.
func freshCache(t *testing.T) string {
	t.Helper()
	dir := reachableTempDir(t)
	old := cacheDir
	cacheDir = func() (string, error) { return dir, nil }
	t.Cleanup(func() { cacheDir = old })
	return dir
}

func TestClusterTemplate(t *testing.T) {
	cache := freshCache(t)

	// Two servers racing to make the first template: both must start,
	// and one whole template must be left.
	var logs [2]syncBuffer
	var wg sync.WaitGroup
	for i := range logs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := Start(context.Background(), Config{Logger: &logs[i]})
			if err != nil {
				t.Errorf("Start %d: %v", i, err)
				return
			}
			if err := s.Stop(); err != nil {
				t.Errorf("Stop %d: %v", i, err)
			}
		}()
	}
	wg.Wait()
	entries, err := os.ReadDir(filepath.Join(cache, "templates"))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || strings.HasPrefix(entries[0].Name(), "tmp-") {
		t.Fatalf("templates dir holds %v, want one finished template", entries)
	}
	tmpl := filepath.Join(cache, "templates", entries[0].Name())
	fi, err := os.Stat(filepath.Join(tmpl, "data", "PG_VERSION"))
	if err != nil {
		t.Fatal(err)
	}
	if uid := fi.Sys().(*syscall.Stat_t).Uid; uid != uint32(os.Geteuid()) {
		t.Errorf("template owned by uid %d, want %d (the server account must not be able to alter it)", uid, os.Geteuid())
	}

	var log syncBuffer
	s := startServer(t, Config{Logger: &log})
	if !strings.Contains(log.String(), "copied from template "+filepath.Join(tmpl, "data")) {
		t.Errorf("a later server did not copy the template:\n%s", log.String())
	}
	var n int
	if err := connect(t, s.URL("postgres")).QueryRow(context.Background(),
		"SELECT count(*) FROM pg_database WHERE datname = 'template0'").Scan(&n); err != nil || n != 1 {
		t.Errorf("copied cluster lacks template0: %d, %v", n, err)
	}
}

func TestClusterWithoutCache(t *testing.T) {
	old := cacheDir
	cacheDir = func() (string, error) { return "", errors.New("no home") }
	t.Cleanup(func() { cacheDir = old })
	var log syncBuffer
	s := startServer(t, Config{Logger: &log})
	if !strings.Contains(log.String(), "no template cache (no home); running initdb in place") {
		t.Errorf("log lacks the in-place note:\n%s", log.String())
	}
	connect(t, s.URL("postgres"))
}

func TestTemplateKey(t *testing.T) {
	root := t.TempDir()
	a := fakeBinDir(t, filepath.Join(root, "a"), "initdb", "pg_ctl", "postgres")
	b := fakeBinDir(t, filepath.Join(root, "b"), "initdb", "pg_ctl", "postgres")
	link := filepath.Join(root, "link")
	if err := os.Symlink(a, link); err != nil {
		t.Fatal(err)
	}
	ka, err := templateKey(a, Superuser)
	if err != nil {
		t.Fatal(err)
	}
	kb, _ := templateKey(b, Superuser)
	kl, _ := templateKey(link, Superuser)
	if ks, _ := templateKey(a, "pgdrill"); ks == ka {
		t.Error("clusters with another superuser share a template key")
	}
	if ka == kb {
		t.Error("two different postgres binaries share a template key")
	}
	if ka != kl {
		t.Error("the same binary reached through a symlink got another key")
	}
	if err := os.WriteFile(filepath.Join(a, "postgres"), []byte("#!/bin/sh\n# upgraded\nexit 0\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if k, _ := templateKey(a, Superuser); k == ka {
		t.Error("a replaced postgres binary kept its template key")
	}
}

func TestRemoveStaleWork(t *testing.T) {
	root := t.TempDir()
	for _, name := range []string{"tmp-old", "tmp-new", "0123456789abcdef"} {
		if err := os.MkdirAll(filepath.Join(root, name, "data"), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-2 * time.Hour)
	for _, name := range []string{"tmp-old", "0123456789abcdef"} {
		if err := os.Chtimes(filepath.Join(root, name), old, old); err != nil {
			t.Fatal(err)
		}
	}
	removeStaleWork(root)
	var left []string
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		left = append(left, e.Name())
	}
	if strings.Join(left, " ") != "0123456789abcdef tmp-new" {
		t.Errorf("left %v, want the template and the fresh work dir", left)
	}
}
