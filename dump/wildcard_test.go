package dump

import (
	"path/filepath"
	"strings"
	"testing"
)

// systemKey reports whether a TOC key (tocKeys) names an object in, or
// the schema of, pg_catalog, information_schema or pg_toast.
func systemKey(key string) bool {
	for _, s := range []string{"pg_catalog", "information_schema", "pg_toast"} {
		if strings.Contains(key, "|"+s+"|") || strings.Contains(key, "SCHEMA "+s+"|") {
			return true
		}
	}
	return false
}

// TestSchemaWildcard: -n '*' is a deliberate difference from pg_dump, which
// then dumps pg_catalog and information_schema too (thousands of entries
// that fail to restore). Run dumps every user schema: pg_dump's TOC without
// the system schemas' entries, exactly.
func TestSchemaWildcard(t *testing.T) {
	t.Parallel()
	url := newSelectionDB(t, "")
	ours, _ := dumpTo(t, url, Options{Schemas: []string{"*"}})
	got := tocKeys(t, ours)
	for _, k := range got {
		if systemKey(k) {
			t.Errorf("-n '*' dumped a system schema's entry: %s", k)
		}
	}
	pgDump := serverTool("pg_dump")
	if pgDump == nil {
		t.Skip("no pg_dump for the tests' server is installed: only the absence of system schemas was checked")
	}
	theirs := filepath.Join(t.TempDir(), "pg.dump")
	pgDump.run(t, nil, "-Fc", "-Z0", "-f", theirs, "-d", url, "-n", "*")
	var want []string
	system := 0
	for _, k := range tocKeys(t, theirs) {
		if systemKey(k) {
			system++
			continue
		}
		want = append(want, k)
	}
	if system < 100 {
		t.Errorf("pg_dump -n '*' dumped %d system-schema entries; the difference this test documents is gone", system)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("-n '*': TOC differs from pg_dump's without system schemas:\n%s", lineDiff(want, got))
	}
}
