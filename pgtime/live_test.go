package pgtime

import (
	"os"
	"testing"

	"github.com/pgdrill/pgdrill/internal/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Run(m)) }

// TestReferenceLive reruns testdata/reference.sql on the embedded server and
// compares its output with testdata/reference.tsv; with -update it rewrites
// the file instead.
func TestReferenceLive(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: no server")
	}
	checkReferenceLive(t, pgtest.Conn(t, pgtest.NewDB(t)))
}
