package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/spf13/cobra"

	"github.com/pgdrill/pgdrill/internal/drill"
)

func init() { register(newDrillCmd) }

func newDrillCmd() *cobra.Command {
	var (
		cfg      drill.Config
		conn     connFlags
		compress string
		jsonOut  bool
		verbose  bool
		spoolDir string
	)
	cmd := &cobra.Command{
		Use:   "drill [--archive FILE] [-d DBNAME]",
		Short: "Run a restore drill: dump, drop, restore and verify, or check a real backup",
		Long: `Without --archive, the drill starts a throwaway PostgreSQL server (nothing to
install by hand: it uses the server binaries found on the machine), creates a
database, installs the audit hash chain, inserts --rows rows through its
triggers, dumps the database with pgdrill's dumper, drops schema public,
restores the archive with pgdrill's restorer and checks: the row count, the
chain head hash byte for byte, the SQL verifier (clean, every row walked), the
Go verifier on the server, and the offline Go verifier reading the archive.

With --archive FILE (a pg_dump -Fc or pgdrill archive), the drill restores it
into a throwaway server (without owners and privileges: the server has none of
the archive's roles), checks every table's row count against the archive, and
if the archive holds the audit chain, runs both verifiers and compares heads.

-d uses an existing database instead of the throwaway server; the drill
refuses (exit 2) a database that already holds user tables unless --force,
because it drops schema public.

Prints one PASS or FAIL line; exit status 0 on PASS, 1 on FAIL, 2 on bad
usage or input.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 0 {
				return usageError(errors.New("drill takes no arguments (use --archive FILE)"))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, level, err := dumpParseCompression(compress)
			if err != nil {
				return usageError(err)
			}
			cfg.Compression, cfg.Level = c, level
			if conn.dbname != "" {
				if cfg.DB, err = conn.connString(); err != nil {
					return err
				}
			} else if conn.given() {
				return usageError(errors.New("drill: -h/-p/-U/-W say how to reach the -d database; without -d the drill uses a throwaway server"))
			}
			if cfg.Rows < 0 {
				return usageError(fmt.Errorf("--rows %d: must not be negative", cfg.Rows))
			}
			if verbose {
				cfg.Log = cmd.ErrOrStderr()
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt)
			defer stop()
			if cfg.Archive != "" {
				// The drill restores, then reads the archive again to count rows
				// and verify the chain: it needs random access.
				src, err := openSource(ctx, cmd, cfg.Archive, sourceOptions{access: randomAccess, spool: spoolDir, why: "drill --archive"})
				if err != nil {
					return err
				}
				defer src.Close()
				cfg.ArchiveReader = src.reader
			}
			return runDrill(ctx, cmd.OutOrStdout(), cmd.ErrOrStderr(), cfg, jsonOut)
		},
	}
	fl := cmd.Flags()
	fl.IntVar(&cfg.Rows, "rows", 0, "rows of audit events to generate (default 24)")
	fl.Uint64Var(&cfg.Seed, "seed", 1, "workload seed")
	fl.BoolVar(&cfg.Edge, "edge", false, "edge workload: timestamps over the whole timestamptz range, hostile text")
	fl.StringVar(&cfg.Archive, "archive", "", "drill on this archive (- for standard input) instead of a synthetic workload")
	fl.StringVar(&spoolDir, "spool", "", "with --archive -, copy standard input into a temporary file in this directory first (the drill reads the archive more than once)")
	conn.add(fl, "existing database to drill in (name, URL or connection string) instead of a throwaway server", false)
	fl.BoolVar(&cfg.Force, "force", false, "drill in a -d database even if it holds user tables (schema public is dropped)")
	fl.StringVar(&cfg.Keep, "keep", "", "keep the drill's archive at this path")
	fl.StringVarP(&compress, "compress", "Z", "gzip", "compression of the drill's archive: METHOD[:LEVEL], METHOD none, gzip, lz4 or zstd")
	fl.IntVarP(&cfg.Jobs, "jobs", "j", 1, "restore with this many connections")
	fl.StringVar(&cfg.Server.BinDir, "pg-bindir", "", "PostgreSQL server bin directory for the throwaway server (default: $PGDRILL_PG_BINDIR, then the installed servers)")
	fl.BoolVar(&jsonOut, "json", false, "print the full report as JSON")
	fl.BoolVarP(&verbose, "verbose", "v", false, "print each phase's duration on stderr")
	return cmd
}

func runDrill(ctx context.Context, stdout, stderr io.Writer, cfg drill.Config, jsonOut bool) error {
	rep, err := drill.Run(ctx, cfg)
	if err != nil {
		if errors.Is(err, drill.ErrNotEmpty) {
			return usageError(err)
		}
		return runError(fmt.Errorf("drill could not run: %w", err))
	}
	if jsonOut {
		if err := writeJSON(stdout, rep); err != nil {
			return err
		}
	} else {
		fmt.Fprintln(stdout, rep.Line())
	}
	if !rep.OK {
		if os.Getenv("GITHUB_ACTIONS") == "true" {
			fmt.Fprintln(stdout, "::error::pgdrill drill: "+rep.Line())
		}
		return &exitError{code: exitFailed, err: errors.New("drill failed")}
	}
	return nil
}
