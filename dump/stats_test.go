package dump

import (
	"context"
	"strings"
	"testing"

	"github.com/pgdrill/pgdrill/internal/pgtest"
	"github.com/pgdrill/pgdrill/pgarchive"
)

// plannerStats lists a database's column statistics and its relations'
// row estimates, the part of them a restore sets (not the correlation or
// page counts, which the restore's own writes and index builds move).
func plannerStats(t *testing.T, url string) []string {
	t.Helper()
	rows, err := pgtest.Conn(t, url).Query(context.Background(), `
		SELECT format('%s.%s.%s inh=%s null=%s width=%s nd=%s mcv=%s mcf=%s hist=%s',
			schemaname, tablename, attname, inherited, null_frac, avg_width, n_distinct,
			most_common_vals::text, most_common_freqs::text, histogram_bounds::text)
		FROM pg_catalog.pg_stats WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
		UNION ALL
		SELECT format('%s.%s reltuples=%s', n.nspname, c.relname, c.reltuples)
		FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND c.relkind IN ('r', 'm', 'i')
		ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestStatisticsRestore restores a --statistics dump with pg_restore 18
// and requires the planner statistics of the source: every column's
// statistics and every table's, view's and index's row estimate.
func TestStatisticsRestore(t *testing.T) {
	t.Parallel()
	pgRestore := pg18("pg_restore")
	if pgRestore == nil {
		t.Skip("needs a PostgreSQL 18 server and pg_restore 18 (the statistics functions are new in 18)")
	}
	for _, fx := range []string{"kinds", "full"} {
		t.Run(fx, func(t *testing.T) {
			t.Parallel()
			src := newFixture(t, fx)
			if _, err := pgtest.Conn(t, src).Exec(context.Background(), "VACUUM ANALYZE"); err != nil {
				t.Fatal(err)
			}
			want := plannerStats(t, src)
			columns := 0
			for _, s := range want {
				if !strings.Contains(s, "reltuples=") {
					columns++
				}
			}
			if columns < 10 {
				t.Fatalf("the fixture has statistics for %d columns; the test needs more to mean anything", columns)
			}
			ours, _ := dumpTo(t, src, Options{Compression: pgarchive.CompressionZstd, Statistics: true})
			dst := newTarget(t, fx)
			// Serially: pg_restore -j 2 may run a table's statistics before
			// its TABLE DATA, whose TRUNCATE resets them (an empty table's
			// 0 rows become -1), with pg_dump's own archives as with ours.
			if _, stderr, err := pgRestore.exec(nil, "-d", dst, ours); err != nil && !onlyTransactionTimeout(stderr) {
				t.Fatalf("pg_restore: %v\n%s", err, stderr)
			}
			if got := plannerStats(t, dst); strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("restored statistics differ from the source's:\n%s", lineDiff(want, got))
			}
		})
	}
}

// TestPartsOptions checks pg_dump 18's rules for what a dump holds and
// which part options it refuses together.
func TestPartsOptions(t *testing.T) {
	for _, c := range []struct {
		opts                Options
		schema, data, stats bool
		err                 string
	}{
		{Options{}, true, true, false, ""},
		{Options{Statistics: true}, true, true, true, ""},
		{Options{StatisticsOnly: true}, false, false, true, ""},
		{Options{SchemaOnly: true}, true, false, false, ""},
		{Options{DataOnly: true}, false, true, false, ""},
		{Options{NoData: true, Statistics: true}, true, false, true, ""},
		{Options{NoSchema: true}, false, true, false, ""},
		{Options{NoSchema: true, NoData: true, Statistics: true}, false, false, true, ""},
		{Options{SchemaOnly: true, DataOnly: true}, false, false, false, "-s/--schema-only and -a/--data-only"},
		{Options{SchemaOnly: true, Statistics: true}, false, false, false, "-s/--schema-only and --statistics"},
		{Options{DataOnly: true, Statistics: true}, false, false, false, "-a/--data-only and --statistics"},
		{Options{Statistics: true, NoStatistics: true}, false, false, false, "--statistics and --no-statistics"},
		{Options{StatisticsOnly: true, NoStatistics: true}, false, false, false, "--statistics-only and --no-statistics"},
		{Options{StatisticsOnly: true, DataOnly: true}, false, false, false, "-a/--data-only and --statistics-only"},
		{Options{SchemaOnly: true, NoSchema: true}, false, false, false, "-s/--schema-only and --no-schema"},
		{Options{DataOnly: true, NoData: true}, false, false, false, "-a/--data-only and --no-data"},
	} {
		err := CheckParts(c.opts)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%+v: error %v, want one naming %s", c.opts, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%+v: %v", c.opts, err)
		}
		schema, data, stats := c.opts.parts()
		if schema != c.schema || data != c.data || stats != c.stats {
			t.Errorf("%+v: schema, data, statistics = %v %v %v, want %v %v %v", c.opts, schema, data, stats, c.schema, c.data, c.stats)
		}
	}
}
