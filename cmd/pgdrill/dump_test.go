package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/pgdrill/pgdrill/internal/embedded"
	"github.com/pgdrill/pgdrill/pgarchive"
)

func TestDumpParseCompression(t *testing.T) {
	tests := []struct {
		in    string
		alg   pgarchive.Compression
		level int
		err   string
	}{
		{"gzip", pgarchive.CompressionGzip, 0, ""},
		{"gzip:9", pgarchive.CompressionGzip, 9, ""},
		{"zstd:level=7", pgarchive.CompressionZstd, 7, ""},
		{"lz4", pgarchive.CompressionLZ4, 0, ""},
		{"none", pgarchive.CompressionNone, 0, ""},
		{"0", pgarchive.CompressionNone, 0, ""},
		{"6", pgarchive.CompressionGzip, 6, ""},
		{"ZSTD:3", pgarchive.CompressionZstd, 3, ""},
		{"10", 0, 0, "out of range"},
		{"gzip:10", 0, 0, "out of range"},
		{"brotli", 0, 0, "unknown compression method"},
		{"zstd:x", 0, 0, "not a number"},
	}
	for _, tc := range tests {
		alg, level, err := dumpParseCompression(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: error %v, want %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || alg != tc.alg || level != tc.level {
			t.Errorf("%q = %s, %d, %v; want %s, %d", tc.in, alg, level, err, tc.alg, tc.level)
		}
	}
}

// TestDumpCommand runs pgdrill dump against a throwaway server: to a file
// with --json, to standard output, and with bad flags.
func TestDumpCommand(t *testing.T) {
	ctx := context.Background()
	srv, err := embedded.Start(ctx, embedded.Config{})
	if err != nil {
		t.Skipf("no PostgreSQL server to dump: %v", err)
	}
	t.Cleanup(func() { srv.Stop() })
	url := srv.URL("postgres")
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	_, err = conn.Exec(ctx, `CREATE TABLE t (id int PRIMARY KEY, ts timestamptz); INSERT INTO t SELECT i, '2024-01-01 00:00:00+00'::timestamptz + i * interval '1 hour' FROM generate_series(1, 100) i`)
	conn.Close(ctx)
	if err != nil {
		t.Fatal(err)
	}

	path := filepath.Join(t.TempDir(), "t.dump")
	code, stdout, stderr := runArchiveCmd(t, nil, "dump", "-Fc", "-d", url, "-f", path, "--json", "-Z", "zstd:5")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}

	var sum struct {
		Database    string `json:"database"`
		Format      string `json:"format"`
		Compression string `json:"compression"`
		Tables      int    `json:"tables"`
		Rows        int64  `json:"rows"`
		Bytes       int64  `json:"archive_bytes"`
	}
	if err := json.Unmarshal([]byte(stdout), &sum); err != nil {
		t.Fatalf("--json output %q: %v", stdout, err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Database != "postgres" || sum.Format != "1.16-0" || sum.Compression != "zstd" || sum.Tables != 1 || sum.Rows != 100 || sum.Bytes != st.Size() {
		t.Errorf("summary %+v for a %d-byte file", sum, st.Size())
	}
	rc, err := pgarchive.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	rc.Close()

	// Standard output: the default gzip, format 1.14, offsets not set.
	code, stdout, stderr = runArchiveCmd(t, nil, "dump", "-d", url, "-t", "t", "-a", "--json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if err := json.Unmarshal([]byte(stderr), &sum); err != nil || sum.Bytes != int64(len(stdout)) {
		t.Errorf("--json with the archive on stdout: %q (%v), want a summary of %d bytes on stderr", stderr, err, len(stdout))
	}
	s, err := pgarchive.NewStream(bytes.NewReader([]byte(stdout)))
	if err != nil {
		t.Fatal(err)
	}
	if s.Header.Version != pgarchive.V1_14 || s.Header.Compression != pgarchive.CompressionGzip || s.Header.Level != -1 {
		t.Errorf("header %+v", s.Header)
	}
	var descs []string
	for _, e := range s.Entries {
		descs = append(descs, e.Desc)
	}
	if got := strings.Join(descs, ","); got != "ENCODING,STDSTRINGS,SEARCHPATH,DATABASE,TABLE DATA" {
		t.Errorf("data-only -t t entries: %s", got)
	}

	for _, bad := range [][]string{
		{"dump", "-d", url, "-s", "-a"},
		{"dump", "-d", url, "-Z", "brotli"},
		{"dump", "-d", url, "extra-arg"},
		{"dump", "-d", url, "-Fp"},
	} {
		if code, _, stderr := runArchiveCmd(t, nil, bad...); code != exitUsage {
			t.Errorf("%v: exit %d (%s), want %d", bad, code, stderr, exitUsage)
		}
	}
	if code, _, stderr := runArchiveCmd(t, nil, "dump", "-d", url, "-n", "nosuch", "-f", filepath.Join(t.TempDir(), "x")); code != exitFailed || !strings.Contains(stderr, "no matching schemas") {
		t.Errorf("-n nosuch: exit %d: %s", code, stderr)
	}
}
