package workload

import (
	"bytes"
	"context"
	"fmt"
	"iter"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/pgdrill/pgdrill/chain"
	"github.com/pgdrill/pgdrill/pgarchive/copytext"
	"github.com/pgdrill/pgdrill/pgtime"
)

// column is one audit_events column as the catalog describes it.
type column struct {
	name     string
	typ      string // format_type of the column's type
	base     string // the type's name, or a domain's base type name
	category string // pg_type.typcategory of base
	notNull  bool
	defaults bool // has a default, is generated or an identity: leave it to the server
	enum     string
}

// filler renders one extra column's value for row i.
type filler struct {
	name  string
	value func(r *chain.Row, rnd *rand.Rand) []byte
}

// InsertSchema inserts cfg's rows into an audit_events table whose schema
// pgdrill did not write (a user's migrations), through the table's own
// triggers, which link and hash each row. It sends the chain's columns the
// table has (prev_hash and row_hash are the triggers' to set) and fills
// every other NOT NULL column that has no default with a plausible value
// of its type (a seeded UUID, 0, false, the row's timestamp, '{}', …). A
// NOT NULL column it cannot fill is an error naming it: use a workload
// script for such a schema. Rows go by COPY in transactions of
// cfg.BatchRows. It returns how many rows were committed.
func InsertSchema(ctx context.Context, conn *pgx.Conn, cfg Config) (int, error) {
	cols, err := tableColumns(ctx, conn)
	if err != nil {
		return 0, err
	}
	var names []string
	var std []int // index in chain.InsertColumns of each standard column sent
	for i, c := range chain.InsertColumns {
		if slices.ContainsFunc(cols, func(col column) bool { return col.name == c }) {
			names = append(names, c)
			std = append(std, i)
		}
	}
	var extra []filler
	for _, c := range cols {
		if slices.Contains(chain.EventColumns, c.name) || !c.notNull || c.defaults {
			continue
		}
		f, err := fillerFor(c)
		if err != nil {
			return 0, err
		}
		extra = append(extra, f)
		names = append(names, c.name)
	}
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = pgx.Identifier{n}.Sanitize()
	}
	copySQL := fmt.Sprintf("COPY %s (%s) FROM STDIN", chain.EventsTable, strings.Join(quoted, ", "))

	batch := cfg.BatchRows
	if batch <= 0 {
		batch = DefaultBatchRows
	}
	rnd := newRand(cfg.Seed ^ 0x5eed)
	next, stop := iter.Pull(Generate(cfg))
	defer stop()
	all := make([][]byte, len(chain.InsertColumns))
	fields := make([][]byte, len(names))
	done := 0
	for {
		var buf []byte
		n := 0
		for n < batch {
			r, ok := next()
			if !ok {
				break
			}
			rowFields(all, &r)
			for i, s := range std {
				fields[i] = all[s]
			}
			for i, f := range extra {
				fields[len(std)+i] = f.value(&r, rnd)
			}
			buf = copytext.AppendRow(buf, fields)
			n++
		}
		if n == 0 {
			return done, nil
		}
		if err := copyText(ctx, conn, copySQL, buf); err != nil {
			return done, fmt.Errorf("workload: copy rows %d..%d into %s: %w", done, done+n-1, chain.EventsTable, err)
		}
		done += n
	}
}

// copyText sends one batch of COPY text in its own transaction.
func copyText(ctx context.Context, conn *pgx.Conn, copySQL string, data []byte) (err error) {
	if err := conn.PgConn().Exec(ctx, beginSQL).Close(); err != nil {
		return err
	}
	defer func() {
		end := "COMMIT"
		if err != nil {
			end = "ROLLBACK"
		}
		if endErr := conn.PgConn().Exec(ctx, end).Close(); err == nil {
			err = endErr
		}
	}()
	_, err = conn.PgConn().CopyFrom(ctx, bytes.NewReader(data), copySQL)
	return err
}

// tableColumns reads audit_events' columns (the one the search path finds).
func tableColumns(ctx context.Context, conn *pgx.Conn) ([]column, error) {
	rows, err := conn.Query(ctx, `
		SELECT a.attname, format_type(a.atttypid, a.atttypmod), b.typname, b.typcategory::text,
		       a.attnotnull, a.atthasdef OR a.attgenerated <> '' OR a.attidentity <> '',
		       coalesce((SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = b.oid ORDER BY e.enumsortorder LIMIT 1), '')
		FROM pg_attribute a
		JOIN pg_type t ON t.oid = a.atttypid
		JOIN pg_type b ON b.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
		WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped
		ORDER BY a.attnum`, chain.EventsTable)
	if err != nil {
		return nil, fmt.Errorf("workload: columns of %s: %w", chain.EventsTable, err)
	}
	cols, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (column, error) {
		var c column
		err := row.Scan(&c.name, &c.typ, &c.base, &c.category, &c.notNull, &c.defaults, &c.enum)
		return c, err
	})
	if err != nil {
		return nil, fmt.Errorf("workload: columns of %s: %w", chain.EventsTable, err)
	}
	if len(cols) == 0 {
		return nil, fmt.Errorf("workload: no table %s on the search path", chain.EventsTable)
	}
	return cols, nil
}

// fillerFor picks a value for a NOT NULL column without a default.
func fillerFor(c column) (filler, error) {
	fixed := func(v string) filler {
		return filler{c.name, func(*chain.Row, *rand.Rand) []byte { return []byte(v) }}
	}
	switch c.base {
	case "uuid":
		return filler{c.name, func(_ *chain.Row, rnd *rand.Rand) []byte { return []byte(uuid(rnd)) }}, nil
	case "json", "jsonb":
		return fixed("{}"), nil
	case "bytea":
		return fixed(`\x`), nil
	case "inet", "cidr":
		return fixed("192.0.2.1"), nil
	case "macaddr":
		return fixed("00:00:5e:00:53:01"), nil
	}
	switch c.category {
	case "S": // strings
		return fixed("pgdrill"), nil
	case "N":
		return fixed("0"), nil
	case "B":
		return fixed("f"), nil
	case "T": // intervals
		return fixed("0"), nil
	case "A":
		return fixed("{}"), nil
	case "E":
		return fixed(c.enum), nil
	case "D": // date and time types take the event's own timestamp
		return filler{c.name, func(r *chain.Row, _ *rand.Rand) []byte { return []byte(pgtime.FormatISO(r.Timestamp, 0)) }}, nil
	}
	return filler{}, fmt.Errorf("workload: %s.%s is NOT NULL without a default and of type %s, which the workload cannot fill: give the drill a workload script instead",
		chain.EventsTable, c.name, c.typ)
}
