package content

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFixtures restores the archives real pg_dump 15 and 17 wrote (custom,
// directory and tar formats; see testdata/README.md) and checks that every
// table matches, and that each
// table's SHA256, the restored rows as COPY prints them under UTC, is the
// SHA-256 of the rows pg_restore printed from the UTC archive (the .copy
// goldens). The tz-* archives were dumped in other time zones: their text
// differs from the golden, their canonical rows must not.
func TestFixtures(t *testing.T) {
	root := filepath.Join("..", "..", "testdata")
	cases := []struct{ archive, golden string }{
		{"pg15/full-none.dump", "pg15/full-none.copy"},
		{"pg15/full-gzip.dump", "pg15/full-gzip.copy"},
		{"pg15/full-gzip-pipe.dump", "pg15/full-gzip-pipe.copy"},
		{"pg17/full-none.dump", "pg17/full-none.copy"},
		{"pg17/full-gzip.dump", "pg17/full-gzip.copy"},
		{"pg17/full-lz4.dump", "pg17/full-lz4.copy"},
		{"pg17/full-zstd.dump", "pg17/full-zstd.copy"},
		{"pg17/full-zstd-pipe.dump", "pg17/full-zstd-pipe.copy"},
		{"pg17/tz-paris.dump", "pg17/full-none.copy"},
		{"pg17/tz-kolkata.dump", "pg17/full-none.copy"},
		{"pg17/full-gzip.dir", "pg17/full-none.copy"},
		{"pg17/full-zstd.dir", "pg17/full-none.copy"},
		{"pg17/full-j2.dir", "pg17/full-none.copy"},
		{"pg17/full.tar", "pg17/full-none.copy"},
		{"pg17/empty.dump", ""},
	}
	for _, tc := range cases {
		t.Run(tc.archive, func(t *testing.T) {
			t.Parallel()
			a, conn := restoreFile(t, filepath.Join(root, tc.archive))
			rep := compare(t, a.Reader, conn)
			if !rep.OK() {
				t.Errorf("not OK")
			}
			if rep.Encoding != "UTF8" {
				t.Errorf("encoding %q", rep.Encoding)
			}
			for _, tb := range rep.Tables {
				if tb.Status != Match {
					t.Errorf("%s: %s %s %s", tb.QualifiedName(), tb.Status, tb.Error, diffText(tb.Diff))
				}
				raw, err := os.ReadFile(filepath.Join(root, tc.golden, goldenName(tb.Schema, tb.Name)))
				if err != nil {
					t.Fatal(err)
				}
				if sum := sha256.Sum256(raw); tb.SHA256 != hex.EncodeToString(sum[:]) {
					t.Errorf("%s: sha256 %s, golden's %x", tb.QualifiedName(), tb.SHA256, sum)
				}
				if n := int64(strings.Count(string(raw), "\n")); tb.ArchiveRows != n || tb.RestoredRows != n {
					t.Errorf("%s: rows %d/%d, golden has %d", tb.QualifiedName(), tb.ArchiveRows, tb.RestoredRows, n)
				}
			}
			for _, s := range rep.Sequences {
				if s.Status != Match {
					t.Errorf("sequence %+v", s)
				}
			}
			full := strings.Contains(tc.archive, "/full")
			if want := map[bool]int{true: 17, false: len(rep.Tables)}[full]; len(rep.Tables) != want || (tc.golden == "" && want != 0) {
				t.Errorf("%d tables", len(rep.Tables))
			}
			if lo := rep.LargeObjects; full && (lo.Count != 3 || lo.Bytes != 20000+23 || !lo.OK()) {
				t.Errorf("large objects %+v", lo)
			}
		})
	}
}

// goldenName is testdata/README.md's file name of a COPY golden.
func goldenName(ns, tag string) string {
	esc := func(s string) string {
		var b strings.Builder
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("._ -", c) >= 0 {
				b.WriteByte(c)
			} else {
				fmt.Fprintf(&b, "%%%02X", c)
			}
		}
		return b.String()
	}
	return esc(ns) + "." + esc(tag) + ".copy"
}
