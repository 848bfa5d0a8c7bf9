package drill

import (
	"context"
	"strings"
	"testing"

	"github.com/pgdrill/pgdrill/internal/embedded"
)

// TestRunUpgrade: the library's upgrade drill over the oldest and newest
// installed versions (CI installs 15-18) passes, the source first; one
// version, or one version named twice, is an error before any server starts.
func TestRunUpgrade(t *testing.T) {
	var dirs []string
	for m := 12; m <= 20; m++ {
		if d, err := embedded.FindVersion(m); err == nil {
			dirs = append(dirs, d)
		}
	}
	if len(dirs) < 2 {
		t.Skipf("%d PostgreSQL version(s) installed: an upgrade drill needs two (CI installs 15-18)", len(dirs))
	}
	ctx := context.Background()
	newest, oldest := Server{BinDir: dirs[len(dirs)-1]}, Server{BinDir: dirs[0]}
	rep, err := RunUpgrade(ctx, Config{}, []Server{newest, oldest}) // sorted by RunUpgrade
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK || len(rep.Versions) != 2 || rep.Versions[0].Role != "source" || rep.Versions[1].Role != "restore" ||
		rep.Versions[0].Major >= rep.Versions[1].Major {
		t.Fatalf("%v %+v", rep.Lines(), rep.Versions)
	}
	if last := rep.Lines()[2]; !strings.HasPrefix(last, "PASS upgrade ") {
		t.Errorf("verdict line %q", last)
	}
	for _, bad := range [][]Server{{oldest}, {oldest, oldest}} {
		if _, err := RunUpgrade(ctx, Config{}, bad); err == nil {
			t.Errorf("RunUpgrade(%d servers, same version) ran", len(bad))
		}
	}
}
