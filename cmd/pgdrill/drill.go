package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/pgdrill/pgdrill/drill"
	"github.com/pgdrill/pgdrill/pgarchive"
)

func init() { register(newDrillCmd) }

func newDrillCmd() *cobra.Command {
	var (
		cfg       drill.Config
		conn      connFlags
		compress  string
		jsonOut   bool
		verbose   bool
		spoolDir  string
		overwrite bool
		maxAge    string
		binDirs   []string
		versions  string
	)
	cmd := &cobra.Command{
		Use:   "drill [--archive FILE | --migrations DIR] [-d DBNAME]",
		Short: "Run a restore drill: dump, drop, restore and verify, or check a real backup",
		Long: `Without --archive, the drill starts a throwaway PostgreSQL server (nothing to
install by hand: it uses the server binaries found on the machine), creates a
database, installs the audit hash chain, inserts --rows rows through its
triggers, dumps the database with pgdrill's dumper, drops schema public,
restores the archive with pgdrill's restorer and checks: the row count, the
chain head hash byte for byte, the SQL verifier (clean, every row walked), the
Go verifier on the server, and the offline Go verifier reading the archive.

With --archive FILE (a pg_dump -Fc or pgdrill archive), the drill restores it
into a throwaway server (with owners and privileges, see below), checks every
table's content against the archive, and
if the archive holds the audit chain, verifies it offline in the archive, with
the restored database's own audit_events_verify_chain() (certctl's or
pgdrill's, whichever it holds; the report names it) and with the Go verifier
on the server, and requires all three to give the same answer
(first_break_id, first_break_pos, rows walked) and the same head.

--check 'SQL' (repeatable) runs a query returning one boolean on the restored
database; false, NULL or an error fails the drill and names the query.
--max-restore-seconds N fails the drill when the restore phase takes longer;
the restore time is reported in every run.

The archive drill first creates every role the archive names (owners,
grantees, policy roles, SET ROLE and default-privilege targets) that the
server lacks, as NOLOGIN roles, or runs --roles FILE (pg_dumpall
--roles-only output; the superuser's own ALTER ROLE and CREATE ROLE of
existing roles are passed over) and stubs the rest; it then restores with
owners and privileges and checks both against the archive. The report lists
the stubbed roles. An archive that creates schema public itself (pg_dump 10
and older) gets a database without one.

An archive is untrusted input: pg_restore runs whatever it holds with the
privileges it connects with. So the archive drill first checks every entry's
SQL against its kind (a COMMENT holds one COMMENT statement, TABLE DATA a
COPY ... FROM stdin of its table, an ACL only GRANT/REVOKE, ...; an edited
archive is a FAIL blaming the archive and nothing of it runs), then restores
as an unprivileged role that owns the scratch database and is a member of
the archive's roles, but is no superuser and cannot run programs or read or
write the server's files; the throwaway server's superuser is named pgdrill,
so the archive's "postgres" is a stand-in too. Owners and comments are set by
the superuser, from the TOC, one statement at a time. Extensions the server
marks trusted (pgcrypto, citext, ...) are created as usual, others only with
--allow-extension NAME. Entries refused for want of privilege (COPY TO
PROGRAM, untrusted languages, event triggers, ALTER SYSTEM) are listed and
FAIL the drill blaming the archive: as superuser they would have run.
--trust-archive restores as the superuser without these checks, as
pg_restore would.

With --migrations DIR, the drill applies DIR's *.sql files in name order (only
*.up.sql when *.down.sql files sit beside them) as psql -v ON_ERROR_STOP=1 -f
would, one session per file; if the schema has audit_events and
audit_chain_head it inserts --rows events (default 24) through the schema's
own triggers, filling the table's other NOT NULL columns; it runs --workload
FILE; then dumps, drops every schema and extension the migrations created and
public, checks nothing is left, restores and checks as above. A failing
script is reported by file, line, statement and server error (exit 2).

-d uses an existing database instead of the throwaway server, and leaves it
as it found it: afterwards it drops what the drill created (schema public's
contents, and any schema or extension that was not there before) and
recreates public with the owner, privileges and comment it had, so the drill
can run again in the same database. It refuses (exit 2) a database with
tables outside schema public, and one whose schema public holds anything
unless --force; the synthetic drill, which dumps the whole database, also
refuses one with other schemas or extensions of its own. --force drops
schema public with everything in it (DROP SCHEMA public CASCADE, then public
is recreated as it was) before the drill; it never drops anything outside
public that existed before.

Prints one PASS or FAIL line; a FAIL names the culprit: "archive" when the
backup itself is broken (unreadable, truncated, or its chain already broken
inside it), "restore" when the restored database differs from the archive or
the restore took too long, "source" when the synthetic drill's own chain was
broken before the dump. Exit status 0 on PASS, 1 on FAIL (a custom-format
archive that is damaged or truncated is a FAIL blaming the archive), 2 on bad
usage, a missing file, a file that is not a custom-format archive, or an
unusable database.`,
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
			switch {
			case cfg.Migrations != "" && cfg.Archive != "":
				return usageError(errors.New("--migrations and --archive are two different drills: give one"))
			case len(cfg.Workloads) > 0 && cfg.Migrations == "":
				return usageError(errors.New("--workload runs after --migrations: give both"))
			case cfg.Roles != "" && cfg.Archive == "":
				return usageError(errors.New("--roles prepares the server for an --archive: give both"))
			case maxAge != "" && cfg.Archive == "":
				return usageError(errors.New("--max-age is about an --archive's age: give both"))
			}
			servers, err := serverDirs(binDirs, versions)
			if err != nil {
				return err
			}
			if len(servers) == 1 {
				cfg.BinDir = servers[0].dir
			}
			if len(servers) > 1 && cfg.DB != "" {
				return usageError(errors.New("drill: several server versions (an upgrade drill) need throwaway servers, not -d"))
			}
			if maxAge != "" {
				if cfg.MaxArchiveAge, err = parseAge(maxAge); err != nil {
					return usageError(err)
				}
			}
			if cfg.Rows < 0 {
				return usageError(fmt.Errorf("--rows %d: must not be negative", cfg.Rows))
			}
			if cfg.MaxRestoreSeconds < 0 {
				return usageError(fmt.Errorf("--max-restore-seconds %g: must not be negative", cfg.MaxRestoreSeconds))
			}
			for _, q := range cfg.Checks {
				if strings.TrimSpace(q) == "" {
					return usageError(errors.New("--check: empty query"))
				}
			}
			if verbose {
				cfg.Log = cmd.ErrOrStderr()
			}
			if err := checkKeep(cfg.Keep, overwrite); err != nil {
				return err
			}
			defer drillProgress(cmd, &cfg)()
			ctx := interruptible(cmd)
			if cfg.Archive != "" {
				// The drill restores, then reads the archive again to count rows
				// and verify the chain: it needs random access.
				src, err := openSource(ctx, cmd, cfg.Archive, sourceOptions{access: randomAccess, spool: spoolDir, why: "drill --archive"})
				var ae *pgarchive.Error
				if errors.As(err, &ae) && !errors.Is(err, pgarchive.ErrNotArchive) {
					// A custom-format archive whose header or TOC is
					// damaged: the drill's verdict on the backup.
					return reportDrill(cmd.OutOrStdout(), drill.Unreadable(cfg.Archive, err), jsonOut)
				}
				if err != nil {
					return err
				}
				defer src.Close()
				cfg.ArchiveReader = src.reader
				cfg.Archive = src.name // the object --latest chose
				cfg.ArchiveModified = src.modified
				if cfg.MaxArchiveAge > 0 && src.modified.IsZero() {
					return usageError(fmt.Errorf("--max-age: %s has no modification time (standard input); drill a file or an object", displayName(cfg.Archive)))
				}
			}
			if len(servers) > 1 {
				return runUpgradeDrill(ctx, cmd.OutOrStdout(), cfg, servers, jsonOut)
			}
			return runDrill(ctx, cmd.OutOrStdout(), cmd.ErrOrStderr(), cfg, jsonOut)
		},
	}
	fl := cmd.Flags()
	fl.IntVar(&cfg.Rows, "rows", 0, "rows of audit events to generate (default 24)")
	fl.Uint64Var(&cfg.Seed, "seed", 1, "workload seed")
	fl.BoolVar(&cfg.Edge, "edge", false, "edge workload: timestamps over the whole timestamptz range, hostile text")
	fl.StringVar(&maxAge, "max-age", "", "with --archive, fail (blaming the archive) when it was written longer ago than this: 26h, 90m, 2d (its file's modification time or the object's Last-Modified)")
	fl.StringVar(&cfg.Archive, "archive", "", "drill on this archive (- for standard input) instead of a synthetic workload")
	fl.StringVar(&cfg.Roles, "roles", "", "with --archive, run this pg_dumpall --roles-only script before restoring; roles still missing are created NOLOGIN")
	fl.BoolVar(&cfg.TrustArchive, "trust-archive", false, "with --archive, restore as the server's superuser without checking the entries, as pg_restore would (only for archives you trust)")
	fl.StringArrayVar(&cfg.AllowExtensions, "allow-extension", nil, "with --archive, let an untrusted archive have this extension created although the server does not mark it trusted (repeatable)")
	fl.StringVar(&cfg.Migrations, "migrations", "", "drill on the schema these migrations build: apply DIR's *.sql (or *.up.sql) files in name order as psql -f would")
	fl.StringArrayVar(&cfg.Workloads, "workload", nil, "with --migrations, run this SQL script after the migrations (and the chain rows) to load data; repeatable, run in order")
	fl.StringVar(&spoolDir, "spool", "", "with --archive -, copy standard input into a temporary file in this directory first (the drill reads the archive more than once)")
	conn.add(fl, "existing database to drill in (name, URL or connection string) instead of a throwaway server", false)
	fl.BoolVar(&cfg.Force, "force", false, "drill in a -d database whose schema public holds objects: DROP SCHEMA public CASCADE first (public is recreated with its owner, privileges and comment)")
	fl.StringArrayVar(&cfg.Checks, "check", nil, "after restore, run this query returning one boolean; false or an error fails the drill (repeatable)")
	fl.Float64Var(&cfg.MaxRestoreSeconds, "max-restore-seconds", 0, "fail the drill if the restore phase takes longer than this many seconds (0: no limit)")
	fl.StringVar(&cfg.Keep, "keep", "", "keep the drill's archive at this path (refused if it exists, unless --overwrite)")
	fl.BoolVar(&overwrite, "overwrite", false, "let --keep replace an existing file")
	fl.StringVarP(&compress, "compress", "Z", "gzip", "compression of the drill's archive: METHOD[:LEVEL], METHOD none, gzip, lz4 or zstd")
	fl.IntVarP(&cfg.Jobs, "jobs", "j", 1, "restore with this many connections")
	fl.StringArrayVar(&binDirs, "pg-bindir", nil, "PostgreSQL server bin directory for the throwaway server (default: $PGDRILL_PG_BINDIR, then the installed servers); repeat it for an upgrade drill on each")
	fl.StringVar(&versions, "pg-version", "", "PostgreSQL major version(s) of the throwaway server, e.g. 17 or 15,16,17,18 (an upgrade drill: dump on the oldest, restore on each)")
	fl.BoolVar(&jsonOut, "json", false, "print the full report as JSON")
	fl.BoolVarP(&verbose, "verbose", "v", false, "print each phase's duration on stderr")
	return cmd
}

func runDrill(ctx context.Context, stdout, stderr io.Writer, cfg drill.Config, jsonOut bool) error {
	rep, err := drill.Run(ctx, cfg)
	if err != nil {
		if errors.Is(err, drill.ErrNotEmpty) || errors.Is(err, drill.ErrScript) {
			return usageError(err)
		}
		return runError(fmt.Errorf("drill could not run: %w", err))
	}
	return reportDrill(stdout, rep, jsonOut)
}

// reportDrill prints the drill's verdict (or its JSON report) and maps a
// FAIL to exit status 1.
func reportDrill(stdout io.Writer, rep *drill.Report, jsonOut bool) error {
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

// checkKeep refuses a --keep path that exists, since it may be a backup
// (even the archive meant for --archive), unless --overwrite says to
// replace it.
func checkKeep(path string, overwrite bool) error {
	if path == "" || overwrite {
		return nil
	}
	if _, err := os.Lstat(path); err == nil {
		return usageError(fmt.Errorf("drill: --keep %s: the file exists; give --overwrite to replace it", path))
	} else if !errors.Is(err, fs.ErrNotExist) {
		return usageError(fmt.Errorf("drill: --keep: %w", err))
	}
	return nil
}

// parseAge reads --max-age: a Go duration (26h, 90m) or a number of days (2d).
func parseAge(s string) (time.Duration, error) {
	var d time.Duration
	var err error
	if days, ok := strings.CutSuffix(s, "d"); ok {
		var n float64
		if n, err = strconv.ParseFloat(days, 64); err == nil {
			d = time.Duration(n * float64(24*time.Hour))
		}
	} else {
		d, err = time.ParseDuration(s)
	}
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("--max-age %q: want a positive duration such as 26h, 90m or 2d", s)
	}
	return d, nil
}
