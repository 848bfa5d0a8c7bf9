package restore

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pgdrill/pgdrill/chain"
	"github.com/pgdrill/pgdrill/internal/pgtest"
	"github.com/pgdrill/pgdrill/pgarchive"
	"github.com/pgdrill/pgdrill/workload"
)

// TestAuditChain restores a pg_dump archive of an audit hash chain: the
// triggers come after the data, so the chain is loaded verbatim, the
// server's own verifier finds it clean and the head hash is the source's.
func TestAuditChain(t *testing.T) {
	ctx := context.Background()
	src := newDB(t)
	sc := pgtest.Conn(t, src)
	if err := chain.Migrate(ctx, sc); err != nil {
		t.Fatal(err)
	}
	if _, err := workload.Insert(ctx, sc, workload.Config{Rows: 1500, Seed: 7, Edge: true}); err != nil {
		t.Fatal(err)
	}
	want, err := chain.VerifyDB(ctx, sc)
	if err != nil || !want.OK() || want.RowCount != 1500 {
		t.Fatalf("source chain: %v, %v", want, err)
	}

	dir := t.TempDir()
	dumps := map[string][]string{
		"pg15-gzip.dump": pgDumpCmd(t, 15),
		"pg17-zstd.dump": pgDumpCmd(t, 17, "-Z", "zstd"),
		"pg18-lz4.dump":  pgDumpCmd(t, 18, "-Z", "lz4"),
	}
	for name, cmd := range dumps {
		if cmd == nil {
			delete(dumps, name)
			continue
		}
		path := filepath.Join(dir, name)
		c := exec.Command(cmd[0], append(cmd[1:], "-Fc", "-f", path, "-d", src)...)
		c.Env = cleanEnv()
		if out, err := c.CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", name, err, out)
		}
	}
	if len(dumps) == 0 {
		t.Skip("no pg_dump to make the archive with")
	}

	for name := range dumps {
		for _, jobs := range []int{1, 2} {
			t.Run(fmt.Sprintf("%s/j%d", name, jobs), func(t *testing.T) {
				dst := newDB(t)
				a, err := pgarchive.Open(filepath.Join(dir, name))
				if err != nil {
					t.Fatal(err)
				}
				defer a.Close()
				var warn bytes.Buffer
				sum, err := Run(ctx, a.Reader, dst, Options{Jobs: jobs, Warnings: &warn})
				if err != nil {
					t.Fatalf("%v\n%s", err, warn.String())
				}
				dc := pgtest.Conn(t, dst)
				sql, err := chain.VerifySQL(ctx, dc)
				if err != nil {
					t.Fatal(err)
				}
				if sql.RowCount != want.RowCount || sql.FirstBreak != nil {
					t.Errorf("SQL verifier on the restored chain: %v", sql)
				}
				got, err := chain.VerifyDB(ctx, dc)
				if err != nil {
					t.Fatal(err)
				}
				if !got.OK() || got.LastHash == nil || *got.LastHash != *want.LastHash ||
					got.Head == nil || got.Head.RowHash == nil || *got.Head.RowHash != *want.Head.RowHash {
					t.Errorf("restored chain %v, source %v", got, want)
				}
				t.Logf("%d entries, %d bytes; chain %v", sum.Entries, sum.Bytes, got)
			})
		}
	}
}

// TestAuditChainDataOnlyParity loads the chain's data into a database that
// already has the chain's triggers (a schema-only restore first, then a
// data-only one): the insert trigger now fires for every COPY row. pgdrill
// must end where pg_restore ends, errors and hashes included.
func TestAuditChainDataOnlyParity(t *testing.T) {
	ctx := context.Background()
	pgDumpBin := serverPgDump(t)
	src := newDB(t)
	sc := pgtest.Conn(t, src)
	if err := chain.Migrate(ctx, sc); err != nil {
		t.Fatal(err)
	}
	if _, err := workload.Insert(ctx, sc, workload.Config{Rows: 300, Seed: 11}); err != nil {
		t.Fatal(err)
	}
	archive := filepath.Join(t.TempDir(), "pg15-chain.dump")
	c := exec.Command(pgDumpBin, "-Fc", "-f", archive, "-d", src)
	c.Env = cleanEnv()
	if out, err := c.CombinedOutput(); err != nil {
		t.Fatalf("pg_dump: %v\n%s", err, out)
	}
	for _, args := range [][]string{{"-a"}, {"-a", "--disable-triggers"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			opts := Options{DataOnly: true, DisableTriggers: len(args) > 1}
			urlA, urlB := newDB(t), newDB(t)
			pgRestore(t, archive, urlA, "-s")
			if _, err := pgdrill(t, archive, urlB, Options{SchemaOnly: true}); err != nil {
				t.Fatal(err)
			}
			want, _ := pgRestore(t, archive, urlA, args...)
			sum, err := pgdrill(t, archive, urlB, opts)
			var ign *IgnoredErrors
			if err != nil && !errors.As(err, &ign) {
				t.Fatal(err)
			}
			if sum.Errors != want {
				t.Errorf("pgdrill ignored %d errors, pg_restore %d", sum.Errors, want)
			}
			if a, b := snapshot(t, urlA), snapshot(t, urlB); a != b {
				t.Errorf("snapshots differ (- pg_restore, + pgdrill):\n%s", diffLines(a, b))
			}
			ra, err := chain.VerifySQL(ctx, pgtest.Conn(t, urlA))
			if err != nil {
				t.Fatal(err)
			}
			rb, err := chain.VerifySQL(ctx, pgtest.Conn(t, urlB))
			if err != nil {
				t.Fatal(err)
			}
			if ra.String() != rb.String() {
				t.Errorf("chain after pg_restore: %v; after pgdrill: %v", ra, rb)
			}
			t.Logf("%d errors each; chain %v", want, rb)
		})
	}
}
