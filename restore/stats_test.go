package restore

import (
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/pgdrill/pgdrill/internal/pgtest"
)

// statsFixture has a table, an index, and a materialized view (whose
// statistics pg_dump 18 puts after its data, since a refresh resets them),
// analyzed so that pg_dump 18 --statistics writes STATISTICS DATA entries.
const statsFixture = `CREATE TABLE t (id int PRIMARY KEY, k text);
INSERT INTO t SELECT g, 'k' || (g % 7) FROM generate_series(1, 5000) g;
CREATE INDEX t_k ON t (k);
CREATE MATERIALIZED VIEW mv AS SELECT k, count(*) AS n FROM t GROUP BY k;
ANALYZE;`

// relStats is what the planner keeps about every relation of schema public,
// and the column statistics, as comparable text.
func relStats(t *testing.T, url string) string {
	t.Helper()
	conn := pgtest.Conn(t, url)
	var b strings.Builder
	for _, q := range []string{
		`SELECT relname || ' ' || reltuples || ' ' || relpages || ' ' || relallvisible FROM pg_class
			WHERE relnamespace = 'public'::regnamespace ORDER BY relname`,
		`SELECT tablename || '.' || attname || ' ' || null_frac || ' ' || n_distinct || ' ' || COALESCE(most_common_vals::text, '-')
			FROM pg_stats WHERE schemaname = 'public' ORDER BY tablename, attname`,
	} {
		rows, err := conn.Query(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		lines, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(strings.Join(lines, "\n") + "\n")
	}
	return b.String()
}

// TestStatisticsParity restores a pg_dump 18 --statistics archive with
// pg_restore 18 and with pgdrill (serially and with -j 2): the planner's
// statistics must end the same, the materialized view's included (applied
// after its data, where pg_restore applies them).
func TestStatisticsParity(t *testing.T) {
	pgDump := pgDump18(t, "--statistics")
	if pgDump == nil {
		t.Skip("needs a PostgreSQL 18 server and pg_dump 18")
	}
	src := newDB(t)
	if _, err := pgtest.Conn(t, src).Exec(context.Background(), statsFixture); err != nil {
		t.Fatal(err)
	}
	archive := filepath.Join(t.TempDir(), "stats.dump")
	c := exec.Command(pgDump[0], append(pgDump[1:], "-Fc", "-f", archive, "-d", src)...)
	c.Env = cleanEnv()
	if out, err := c.CombinedOutput(); err != nil {
		t.Fatalf("pg_dump 18: %v\n%s", err, out)
	}
	want := relStats(t, src)
	if !strings.Contains(want, "mv 7 1 ") {
		t.Fatalf("the source's statistics are not what the test expects:\n%s", want)
	}
	theirs := newDB(t)
	if n, stderr := pgRestore(t, archive, theirs); n != 0 {
		t.Fatalf("pg_restore 18: %d errors\n%s", n, stderr)
	}
	// Index builds after the data change the table's pages, so the
	// reference is pg_restore's end state; the materialized view's
	// statistics must have survived its refresh there.
	want = relStats(t, theirs)
	if !strings.Contains(want, "mv 7 1 ") {
		t.Fatalf("pg_restore 18 lost the materialized view's statistics:\n%s", want)
	}
	for _, jobs := range []int{1, 2} {
		t.Run(fmt.Sprintf("j%d", jobs), func(t *testing.T) {
			ours := newDB(t)
			if sum, err := pgdrill(t, archive, ours, Options{Jobs: jobs}); err != nil || sum.Errors != 0 {
				t.Fatalf("%v (%d errors)", err, sum.Errors)
			}
			if got := relStats(t, ours); got != want {
				t.Errorf("statistics after pgdrill restore -j %d differ (- pg_restore, + pgdrill):\n%s", jobs, diffLines(want, got))
			}
		})
	}
}
