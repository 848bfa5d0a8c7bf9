package restore

import (
	"strings"
	"testing"
)

// goldenName is the golden snapshot for a fixture: the full-* archives all
// hold the same database, so they share one.
func goldenName(fixture string) string {
	base := fixture[strings.IndexByte(fixture, '/')+1:]
	base = strings.TrimSuffix(base, ".dump")
	if strings.HasPrefix(base, "full-") {
		return "full.snapshot"
	}
	return base + ".snapshot"
}

// TestFixtures restores every fixture with pgdrill and compares the end
// state with its golden snapshot.
func TestFixtures(t *testing.T) {
	for _, f := range fixtures {
		t.Run(f, func(t *testing.T) {
			t.Parallel()
			url := newDB(t)
			sum, err := pgdrill(t, f, url, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if sum.Errors != 0 {
				t.Errorf("summary reports %d errors", sum.Errors)
			}
			got := snapshot(t, url)
			if *update && !strings.HasPrefix(f, "pg17/") && goldenName(f) == "full.snapshot" {
				return // one writer per shared golden
			}
			golden(t, goldenName(f), got)
		})
	}
}
