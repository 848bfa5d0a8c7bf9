package dump

import (
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// selection is what -n, -N, -t, -T and --exclude-table-data resolved to, as
// pg_dump 17 resolves them: each pattern becomes a query on the server, in
// the dump's snapshot, and unqualified table patterns match only the
// relations the session's default search_path finds (pg_table_is_visible
// after RESET search_path), so -t t1 is public.t1, not every t1.
type selection struct {
	schemaIn  map[uint32]bool // nil without -n
	schemaOut map[uint32]bool
	tableIn   map[uint32]bool // nil without -t
	tableOut  map[uint32]bool
	dataOut   map[uint32]bool
}

// tablePatterns is one kind of table option: its patterns, with or without
// the inheritance children (--table-and-children and friends).
type tablePatterns struct {
	flag     string
	patterns []string
	children bool
}

// compileSelection checks every pattern before the dump connects.
func compileSelection(o *Options) error {
	for _, p := range append(append([]string{}, o.Schemas...), o.ExcludeSchemas...) {
		if _, err := compilePattern(p, 2); err != nil {
			return fmt.Errorf("dump: %w", err)
		}
	}
	for _, tp := range o.tablePatterns() {
		for _, p := range tp.patterns {
			if _, err := compilePattern(p, 3); err != nil {
				return fmt.Errorf("dump: %w", err)
			}
		}
	}
	return nil
}

func (o *Options) tablePatterns() []tablePatterns {
	return []tablePatterns{
		{"-t", o.Tables, false}, {"--table-and-children", o.TablesAndChildren, true},
		{"-T", o.ExcludeTables, false}, {"--exclude-table-and-children", o.ExcludeTablesAndChildren, true},
		{"--exclude-table-data", o.ExcludeTableData, false}, {"--exclude-table-data-and-children", o.ExcludeTableDataAndChildren, true},
	}
}

// resolveSelection runs the pattern queries, in pg_dump's order and with
// its errors.
func (d *dumper) resolveSelection() error {
	o := &d.opts
	sel := &d.sel
	sel.schemaOut, sel.tableOut, sel.dataOut = map[uint32]bool{}, map[uint32]bool{}, map[uint32]bool{}
	if len(o.Schemas) > 0 {
		sel.schemaIn = map[uint32]bool{}
		if err := d.expandSchemas(o.Schemas, sel.schemaIn, o.StrictNames); err != nil {
			return err
		}
		if len(sel.schemaIn) == 0 {
			return errors.New("dump: -n: no matching schemas were found")
		}
	}
	if err := d.expandSchemas(o.ExcludeSchemas, sel.schemaOut, false); err != nil {
		return err
	}
	// Unqualified table names are looked up on the user's search path, as
	// pg_dump does, then the dump's empty search path is put back.
	if _, err := d.tx.Exec(d.ctx, "RESET search_path"); err != nil {
		return fmt.Errorf("dump: reset search_path: %w", err)
	}
	defer d.tx.Exec(d.ctx, "SELECT pg_catalog.set_config('search_path', '', false)")
	tp := o.tablePatterns()
	if len(o.Tables)+len(o.TablesAndChildren) > 0 {
		sel.tableIn = map[uint32]bool{}
		for _, t := range tp[:2] {
			if err := d.expandTables(t, sel.tableIn, o.StrictNames); err != nil {
				return err
			}
		}
		if len(sel.tableIn) == 0 {
			return errors.New("dump: -t: no matching tables were found")
		}
	}
	for i, set := range []map[uint32]bool{sel.tableOut, sel.tableOut, sel.dataOut, sel.dataOut} {
		if err := d.expandTables(tp[2+i], set, false); err != nil {
			return err
		}
	}
	_, err := d.tx.Exec(d.ctx, "SELECT pg_catalog.set_config('search_path', '', false)")
	return err
}

func (d *dumper) expandSchemas(patterns []string, into map[uint32]bool, strict bool) error {
	for _, p := range patterns {
		np, err := compilePattern(p, 2)
		if err != nil {
			return fmt.Errorf("dump: %w", err)
		}
		if err := d.checkDB(np); err != nil {
			return err
		}
		cond, args := np.where("n.nspname", "", "", 1)
		n, err := d.collectOIDs("SELECT n.oid FROM pg_catalog.pg_namespace n WHERE "+cond, args, into)
		if err != nil {
			return fmt.Errorf("dump: -n %s: %w", p, err)
		}
		if strict && n == 0 {
			return fmt.Errorf("dump: no matching schemas were found for pattern %q", p)
		}
	}
	return nil
}

func (d *dumper) expandTables(tp tablePatterns, into map[uint32]bool, strict bool) error {
	for _, p := range tp.patterns {
		np, err := compilePattern(p, 3)
		if err != nil {
			return fmt.Errorf("dump: %w", err)
		}
		if err := d.checkDB(np); err != nil {
			return err
		}
		cond, args := np.where("c.relname", "n.nspname", "pg_catalog.pg_table_is_visible(c.oid)", 1)
		q := `SELECT c.oid FROM pg_catalog.pg_class c
			LEFT JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace
			WHERE c.relkind OPERATOR(pg_catalog.=) ANY (array['r', 'S', 'v', 'm', 'f', 'p']) AND ` + cond
		if tp.children {
			q = `WITH RECURSIVE partition_tree (relid) AS (` + q + `
				UNION ALL SELECT i.inhrelid FROM partition_tree p, pg_catalog.pg_inherits i
				WHERE p.relid OPERATOR(pg_catalog.=) i.inhparent)
				SELECT relid FROM partition_tree`
		}
		n, err := d.collectOIDs(q, args, into)
		if err != nil {
			return fmt.Errorf("dump: %s %s: %w", tp.flag, p, err)
		}
		if strict && n == 0 {
			return fmt.Errorf("dump: no matching tables were found for pattern %q", p)
		}
	}
	return nil
}

// checkDB refuses a pattern naming another database, as pg_dump does.
func (d *dumper) checkDB(np namePattern) error {
	if np.hasDB && np.db != d.dbname {
		return fmt.Errorf("dump: cross-database references are not implemented: %s", np.text)
	}
	return nil
}

func (d *dumper) collectOIDs(q string, args []any, into map[uint32]bool) (int, error) {
	rows, err := d.tx.Query(d.ctx, q, args...)
	if err != nil {
		return 0, err
	}
	oids, err := pgx.CollectRows(rows, pgx.RowTo[uint32])
	if err != nil {
		return 0, err
	}
	for _, oid := range oids {
		into[oid] = true
	}
	return len(oids), nil
}

// schemaIncluded is pg_dump's selectDumpableNamespace for user schemas:
// -n when given, less -N.
func (s *selection) schemaIncluded(oid uint32) bool {
	return (s.schemaIn == nil || s.schemaIn[oid]) && !s.schemaOut[oid]
}

// tableIncluded is pg_dump's selectDumpableTable: with -t exactly the
// matched relations, else those of the dumped schemas; less -T.
func (s *selection) tableIncluded(oid uint32, schemaDumped bool) bool {
	in := schemaDumped
	if s.tableIn != nil {
		in = s.tableIn[oid]
	}
	return in && !s.tableOut[oid]
}

// tableData reports whether a dumped relation's data is dumped too.
func (d *dumper) tableData(oid uint32) bool {
	return d.wantData() && !d.sel.dataOut[oid]
}

// sequenceData is tableData for a sequence, which --sequence-data adds
// to a dump without data.
func (d *dumper) sequenceData(oid uint32) bool {
	return (d.wantData() || d.opts.SequenceData) && !d.sel.dataOut[oid]
}

// selective reports whether any include option restricts the dump.
func (o *Options) selective() bool {
	return len(o.Schemas) > 0 || len(o.Tables) > 0 || len(o.TablesAndChildren) > 0
}
