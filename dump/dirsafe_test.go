package dump

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/pgdrill/pgdrill/internal/pgtest"
	"github.com/pgdrill/pgdrill/pgarchive"
)

// TestRunDirFailureLeavesNoArchive: a directory dump that fails midway (cut
// off after its first table) leaves nothing pg_restore could take for an
// archive: a directory RunDir made is gone, an empty one it was given is
// empty again. A finished one has toc.dat and no temporary file.
func TestRunDirFailureLeavesNoArchive(t *testing.T) {
	t.Parallel()
	src := pgtest.NewDB(t)
	conn := pgtest.Conn(t, src)
	if _, err := conn.Exec(context.Background(), `CREATE TABLE a AS SELECT g FROM generate_series(1, 50000) g;
		CREATE TABLE b AS SELECT g FROM generate_series(1, 1000) g;
		CREATE TABLE c AS SELECT g FROM generate_series(1, 1000) g`); err != nil {
		t.Fatal(err)
	}
	for _, existing := range []bool{false, true} {
		dir := filepath.Join(t.TempDir(), "out.dir")
		if existing {
			if err := os.Mkdir(dir, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		ctx, cancel := context.WithCancel(context.Background())
		opts := Options{Compression: pgarchive.CompressionGzip, Progress: func(p Progress) {
			if p.TablesDone >= 1 {
				cancel() // after the first table's file is complete
			}
		}}
		_, err := RunDir(ctx, src, dir, 1, opts)
		cancel()
		if err == nil {
			t.Fatalf("existing=%v: the cut-off dump succeeded", existing)
		}
		names, rerr := os.ReadDir(dir)
		switch {
		case !existing && !os.IsNotExist(rerr):
			t.Errorf("failed dump into a new directory left it (%v, %d entries)", rerr, len(names))
		case existing && (rerr != nil || len(names) != 0):
			t.Errorf("failed dump into an empty directory left %d entries (%v)", len(names), rerr)
		}
	}

	dir := filepath.Join(t.TempDir(), "ok.dir")
	if _, err := RunDir(context.Background(), src, dir, 2, Options{Compression: pgarchive.CompressionGzip}); err != nil {
		t.Fatal(err)
	}
	names, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, n := range names {
		files = append(files, n.Name())
	}
	if len(files) != 4 || files[len(files)-1] != "toc.dat" {
		t.Errorf("finished dump holds %v, want three data files and toc.dat", files)
	}
	rc, err := pgarchive.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	rc.Close()
}
