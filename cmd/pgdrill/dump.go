package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"

	"github.com/pgdrill/pgdrill/dump"
	"github.com/pgdrill/pgdrill/internal/remote"
	"github.com/pgdrill/pgdrill/pgarchive"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

func init() { register(newDumpCmd) }

func newDumpCmd() *cobra.Command {
	var (
		conn                 connFlags
		file, compress       string
		format               string
		sel                  dump.Options // the selection options
		schemaOnly, dataOnly bool
		asJSON               bool
		jobs                 int
	)
	cmd := &cobra.Command{
		Use:   "dump [flags] [DBNAME]",
		Short: "Write a database as a pg_dump archive: custom (-Fc), directory (-Fd) or tar (-Ft)",
		Long: `Dump a database into a custom-format archive that pg_restore and pgdrill restore read,
or with -Fd into a directory archive (-f names the directory; -j N copies the tables on N
connections sharing one snapshot, largest first), or with -Ft into a tar archive.

Selection is pg_dump 17's: -n/-N/-t/-T/--exclude-table-data take psql patterns
(* and ? wildcards, "quoted" names keep their case, schema.name, db.schema.name);
an unqualified -t name is the relation the connection's default search_path
finds (-t t1 is public.t1 when only public is on the path, not other.t1).

Compression is gzip by default, like pg_dump -Fc; none and gzip archives use format 1.14
(pg_restore 12 and later), lz4 and zstd archives format 1.16 (pg_restore 17 and later).
-d takes a database name, a postgres:// URL or a key=value connection string; PG* environment
variables fill in the rest.`,
		Args: func(cmd *cobra.Command, args []string) error {
			switch {
			case len(args) > 1:
				return usageError(fmt.Errorf("dump: too many command-line arguments (first is %q)", args[1]))
			case len(args) == 1 && conn.dbname != "":
				return usageError(errors.New("dump: give the database either as DBNAME or with -d, not both"))
			case len(args) == 1:
				conn.dbname = args[0]
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			connStr, err := conn.connString()
			if err != nil {
				return err
			}
			kind, err := dumpFormat(format)
			if err != nil {
				return usageError(err)
			}
			if jobs < 1 {
				return usageError(fmt.Errorf("dump: -j/--jobs must be at least 1, not %d", jobs))
			}
			if jobs > 1 && kind != 'd' {
				return usageError(errors.New("dump: -j/--jobs needs the directory format (-Fd), as pg_dump's does"))
			}
			if kind == 'd' && (file == "" || file == "-") {
				return usageError(errors.New("dump: the directory format (-Fd) needs -f DIRECTORY"))
			}
			if kind == 't' && cmd.Flags().Changed("compress") && compress != "none" && compress != "0" {
				return usageError(errors.New("dump: compression is not supported by the tar format (-Ft)"))
			}
			alg, level, err := dumpParseCompression(compress)
			if err != nil {
				return usageError(err)
			}
			opts := sel
			opts.Compression, opts.Level, opts.SchemaOnly, opts.DataOnly = alg, level, schemaOnly, dataOnly
			if err := dump.CheckParts(opts); err != nil {
				return usageError(err)
			}
			// A local -f file of the custom or tar format is written to a
			// temporary file renamed over FILE once complete (dump.ToFile).
			toFile := file != "" && file != "-" && !remote.IsURL(file) && kind != 'd'
			if remote.IsURL(file) {
				if kind != 'c' {
					return usageError(errors.New("dump: -f s3://… writes the custom format (-Fc) only"))
				}
			} else if f, ok := cmd.OutOrStdout().(*os.File); kind != 'd' && !toFile && ok && term.IsTerminal(int(f.Fd())) {
				return usageError(errors.New("dump: refusing to write an archive to a terminal; use -f FILE or a pipe"))
			}
			stderr := cmd.ErrOrStderr()
			// The bar counts COPY bytes against the tables' size in the
			// catalog, an estimate.
			bar := newBar(cmd, "dump", 0)
			if bar != nil {
				var last int64
				opts.Progress = func(p dump.Progress) {
					if p.EstimatedBytes > 0 {
						bar.SetTotal(p.EstimatedBytes)
					}
					bar.Items("tables", int64(p.TablesTotal))
					bar.Add(p.Bytes - last)
					last = p.Bytes
				}
			}
			// SIGINT or SIGTERM cancels the dump; a temporary file or a
			// directory the dump made is removed.
			ctx := interruptible(cmd)
			out := cmd.OutOrStdout()
			var sum dump.Summary
			switch {
			case kind == 'd':
				sum, err = dump.RunDir(ctx, connStr, file, jobs, opts)
			case kind == 't' && toFile:
				sum, err = dump.ToFile(file, func(f *os.File) (dump.Summary, error) {
					return dump.RunTar(ctx, connStr, f, "", opts)
				})
			case kind == 't':
				sum, err = dump.RunTar(ctx, connStr, out, "", opts)
			case remote.IsURL(file):
				sum, err = dumpRemote(ctx, cmd, connStr, file, opts)
			case toFile:
				sum, err = dump.RunFile(ctx, connStr, file, opts)
			default:
				sum, err = dump.Run(ctx, connStr, out, opts)
			}
			if err == nil {
				bar.Complete() // the catalog's size was only an estimate
			}
			bar.Done()
			var pe *fs.PathError
			if errors.As(err, &pe) && kind != 'd' {
				// The output file cannot be made or written: the environment's fault.
				return usageError(err)
			}
			if err != nil {
				return runError(err)
			}
			if asJSON {
				// Standard output holds the archive unless -f took it.
				if file != "" && file != "-" {
					return writeJSON(cmd.OutOrStdout(), sum)
				}
				return writeJSON(stderr, sum)
			}
			return nil
		},
	}
	fl := cmd.Flags()
	conn.add(fl, "database to dump: name, URL or connection string (default: PGDATABASE)", true)
	fl.StringVarP(&file, "file", "f", "", "output file, replaced only once the dump has succeeded (default: standard output)")
	fl.StringVarP(&format, "format", "F", "c", "archive format: c (custom), d (directory, -f names it) or t (tar)")
	fl.IntVarP(&jobs, "jobs", "j", 1, "copy table data on N connections sharing one snapshot (directory format only)")
	fl.StringVarP(&compress, "compress", "Z", "gzip", "compression METHOD[:LEVEL] (none, gzip, lz4, zstd) or a gzip level 0-9")
	fl.StringArrayVarP(&sel.Schemas, "schema", "n", nil, "dump only the schemas matching PATTERN (repeatable)")
	fl.StringArrayVarP(&sel.ExcludeSchemas, "exclude-schema", "N", nil, "do not dump the schemas matching PATTERN")
	fl.StringArrayVarP(&sel.Tables, "table", "t", nil, "dump only the relations matching PATTERN; an unqualified name is the one the search path finds")
	fl.StringArrayVarP(&sel.ExcludeTables, "exclude-table", "T", nil, "do not dump the relations matching PATTERN")
	fl.StringArrayVar(&sel.ExcludeTableData, "exclude-table-data", nil, "dump the definition but not the data of the tables matching PATTERN")
	fl.StringArrayVar(&sel.TablesAndChildren, "table-and-children", nil, "like -t, with the tables' inheritance children and partitions")
	fl.StringArrayVar(&sel.ExcludeTablesAndChildren, "exclude-table-and-children", nil, "like -T, with the tables' inheritance children and partitions")
	fl.StringArrayVar(&sel.ExcludeTableDataAndChildren, "exclude-table-data-and-children", nil, "like --exclude-table-data, with children and partitions")
	fl.BoolVar(&sel.StrictNames, "strict-names", false, "require each -n and -t pattern to match at least one schema or relation")
	fl.StringVarP(&sel.Encoding, "encoding", "E", "", "write the archive in this client encoding (default: PGCLIENTENCODING, then the database's)")
	fl.BoolVarP(&schemaOnly, "schema-only", "s", false, "dump only definitions, no data or statistics")
	fl.BoolVarP(&dataOnly, "data-only", "a", false, "dump only data, no definitions or statistics")
	fl.BoolVar(&sel.NoSchema, "no-schema", false, "do not dump definitions")
	fl.BoolVar(&sel.NoData, "no-data", false, "do not dump data")
	fl.BoolVar(&sel.Statistics, "statistics", false, "dump the planner statistics of tables, indexes and materialized views (pg_dump 18's STATISTICS DATA)")
	fl.BoolVar(&sel.NoStatistics, "no-statistics", false, "do not dump statistics (the default)")
	fl.BoolVar(&sel.StatisticsOnly, "statistics-only", false, "dump only the statistics, no definitions or data")
	fl.BoolVar(&sel.SequenceData, "sequence-data", false, "dump the sequences' values even when data is left out")
	fl.BoolVar(&asJSON, "json", false, "print a JSON summary when done (on standard error when the archive goes to standard output)")
	return cmd
}

// dumpParseCompression reads -Z as pg_dump 16+ does: METHOD[:LEVEL], or a bare
// level, which means gzip (0 means none).
func dumpParseCompression(s string) (pgarchive.Compression, int, error) {
	method, levelText, hasLevel := strings.Cut(s, ":")
	if n, err := strconv.Atoi(method); err == nil && !hasLevel {
		if n < 0 || n > 9 {
			return 0, 0, fmt.Errorf("dump: compression level %d out of range 0-9", n)
		}
		if n == 0 {
			return pgarchive.CompressionNone, 0, nil
		}
		return pgarchive.CompressionGzip, n, nil
	}
	algs := map[string]pgarchive.Compression{"none": pgarchive.CompressionNone, "gzip": pgarchive.CompressionGzip,
		"lz4": pgarchive.CompressionLZ4, "zstd": pgarchive.CompressionZstd}
	alg, ok := algs[strings.ToLower(method)]
	if !ok {
		return 0, 0, fmt.Errorf("dump: unknown compression method %q (none, gzip, lz4, zstd)", method)
	}
	level := 0
	if hasLevel {
		l, err := strconv.Atoi(strings.TrimPrefix(levelText, "level="))
		if err != nil {
			return 0, 0, fmt.Errorf("dump: compression level %q is not a number", levelText)
		}
		limits := map[pgarchive.Compression]int{pgarchive.CompressionNone: 0, pgarchive.CompressionGzip: 9, pgarchive.CompressionLZ4: 12, pgarchive.CompressionZstd: 22}
		if l < 0 || l > limits[alg] {
			return 0, 0, fmt.Errorf("dump: %s level %d out of range 0-%d", method, l, limits[alg])
		}
		level = l
	}
	return alg, level, nil
}

// dumpFormat reads -F as pg_dump does: c/custom, d/directory, t/tar.
func dumpFormat(f string) (byte, error) {
	switch strings.ToLower(f) {
	case "c", "custom":
		return 'c', nil
	case "d", "directory":
		return 'd', nil
	case "t", "tar":
		return 't', nil
	case "p", "plain":
		return 0, errors.New("dump: the plain format (-Fp) is not written; use c, d or t")
	}
	return 0, fmt.Errorf("dump: invalid output format %q; use c (custom), d (directory) or t (tar)", f)
}
