package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/pgdrill/pgdrill/internal/progress"
	"github.com/pgdrill/pgdrill/restore"
)

func init() { register(newRestoreCmd) }

// restoreFlags are the command's flags, named as pg_restore names them.
type restoreFlags struct {
	conn     connFlags
	list     string
	spool    string
	sections []string
	json     bool
	opts     restore.Options
}

func newRestoreCmd() *cobra.Command {
	var f restoreFlags
	cmd := &cobra.Command{
		Use:   "restore -d DBNAME [flags] ARCHIVE|-",
		Short: "Restore a custom-format archive into a database, as pg_restore does",
		Long: `Restore a pg_dump -Fc archive into a live database with the same end state
pg_restore reaches for the same archive and flags: the same session settings,
entries in the same order and passes, owners and privileges, table data
streamed into COPY FROM STDIN, sequences, large objects, comments.

-d accepts a database name, a postgres:// URL or a libpq key=value string;
the PG* environment variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, ...) apply.

ARCHIVE - reads standard input in one pass; as with pg_restore, -j is then
not possible and a -L list must keep data entries in archive order.

--strict-toc checks every entry's SQL against its kind before anything is
sent (a COMMENT holds one COMMENT statement, TABLE DATA a COPY ... FROM stdin
of its table, an ACL GRANTs and REVOKEs, ...) and refuses an edited or
crafted archive with exit status 1, naming each entry.

Without -e, statements the server rejects are reported and passed over, and
the command ends with "errors ignored on restore: N" and exit status 1.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError(errors.New("restore needs exactly one archive (or - for standard input)"))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error { return runRestore(cmd, args[0], &f) },
	}
	fl := cmd.Flags()
	o := &f.opts
	f.conn.add(fl, "database to restore into: name, URL or connection string", true)
	fl.BoolVarP(&o.NoOwner, "no-owner", "O", false, "skip restoration of object ownership")
	fl.BoolVarP(&o.NoACL, "no-privileges", "x", false, "skip restoration of access privileges (grant/revoke)")
	fl.BoolVar(&o.NoACL, "no-acl", false, "same as --no-privileges")
	fl.BoolVar(&o.NoComments, "no-comments", false, "do not restore comments")
	fl.BoolVarP(&o.Clean, "clean", "c", false, "clean (drop) database objects before recreating them")
	fl.BoolVar(&o.IfExists, "if-exists", false, "use IF EXISTS when dropping objects")
	fl.BoolVarP(&o.SingleTransaction, "single-transaction", "1", false, "restore as a single transaction")
	fl.BoolVarP(&o.ExitOnError, "exit-on-error", "e", false, "exit on error, default is to continue")
	fl.IntVarP(&o.Jobs, "jobs", "j", 1, "use this many parallel jobs to restore")
	fl.BoolVarP(&o.SchemaOnly, "schema-only", "s", false, "restore only the schema, no data")
	fl.BoolVarP(&o.DataOnly, "data-only", "a", false, "restore only the data, no schema")
	fl.BoolVar(&o.DisableTriggers, "disable-triggers", false, "disable triggers during a data-only restore")
	fl.BoolVar(&o.EnableRowSecurity, "enable-row-security", false, "enable row security")
	fl.BoolVar(&o.StrictTOC, "strict-toc", false, "refuse an archive whose entries hold SQL pg_dump would not write for their kind (checked before anything runs)")
	fl.StringArrayVarP(&o.Tables, "table", "t", nil, "restore named relation (table, view, etc.)")
	fl.StringArrayVarP(&o.Schemas, "schema", "n", nil, "restore only objects in this schema")
	fl.StringArrayVarP(&o.ExcludeSchemas, "exclude-schema", "N", nil, "do not restore objects in this schema")
	fl.StringArrayVarP(&o.Indexes, "index", "I", nil, "restore named index")
	fl.StringArrayVarP(&o.Functions, "function", "P", nil, "restore named function")
	fl.StringArrayVarP(&o.Triggers, "trigger", "T", nil, "restore named trigger")
	fl.StringVarP(&f.list, "use-list", "L", "", "use table of contents from this file for selecting/ordering output")
	fl.StringArrayVar(&f.sections, "section", nil, "restore named section (pre-data, data, or post-data)")
	fl.StringVar(&f.spool, "spool", "", "with -j above 1 and standard input, copy the archive into a temporary file in this directory first")
	fl.BoolVarP(&f.json, "json", "", false, "print a JSON summary on standard output")
	verbose := fl.BoolP("verbose", "v", false, "verbose mode")
	cmd.PreRunE = func(cmd *cobra.Command, _ []string) error {
		if *verbose {
			o.Verbose = cmd.ErrOrStderr()
		}
		return nil
	}
	return cmd
}

func runRestore(cmd *cobra.Command, archive string, f *restoreFlags) error {
	o := f.opts
	if f.conn.dbname == "" {
		return usageError(errors.New("restore: -d/--dbname must be specified (pgdrill does not write SQL scripts)"))
	}
	if o.Jobs < 1 {
		return usageError(errors.New("restore: invalid number of parallel jobs"))
	}
	for _, s := range f.sections {
		bit, err := restore.ParseSection(s)
		if err != nil {
			return usageError(err)
		}
		o.Sections |= bit
	}
	if f.list != "" {
		lf, err := os.Open(f.list)
		if err != nil {
			return usageError(fmt.Errorf("restore: could not open TOC file: %w", err))
		}
		ids, ignored, err := restore.ParseList(lf)
		lf.Close()
		if err != nil {
			return usageError(err)
		}
		for _, l := range ignored {
			fmt.Fprintf(cmd.ErrOrStderr(), "pgdrill: warning: line ignored: %s\n", l.Text)
		}
		o.UseList = ids
	}
	if err := o.Validate(); err != nil {
		return usageError(err)
	}
	stderr := cmd.ErrOrStderr()
	o.Warnings = stderr
	bar := newBar(cmd, "restore", 0)
	if bar != nil {
		o.Progress = barProgress{bar: bar}
	}

	ctx := interruptible(cmd)
	conn, err := f.conn.connString()
	if err != nil {
		return err
	}

	acc := oneStream
	if o.Jobs > 1 {
		acc = randomAccess
	}
	src, err := openSource(ctx, cmd, archive, sourceOptions{access: acc, spool: f.spool,
		why: fmt.Sprintf("restore -j %d", o.Jobs), count: bar.Add})
	if err != nil {
		return err
	}
	defer src.Close()
	// The bar shows the archive bytes read against the archive's size
	// (unknown from a pipe) and the entries done.
	bar.SetTotal(src.size)
	bar.Items("entries", int64(len(src.entries)))
	var sum restore.Summary
	if src.stream != nil {
		sum, err = restore.RunStream(ctx, src.stream, conn, o)
	} else {
		sum, err = restore.Run(ctx, src.reader, conn, o)
	}
	if err == nil {
		bar.Complete()
	}
	bar.Done()
	if f.json {
		if jerr := writeJSON(cmd.OutOrStdout(), sum); jerr != nil && err == nil {
			err = jerr
		}
	}
	if err == nil && sum.Mismatches > 0 {
		// The server loaded other rows than the archive holds: each is
		// named in a warning above.
		return checkFailed(fmt.Errorf("restore: %d tables loaded differently from the archive", sum.Mismatches))
	}
	if err == nil {
		return nil
	}
	var ign *restore.IgnoredErrors
	if errors.As(err, &ign) {
		return checkFailed(fmt.Errorf("errors ignored on restore: %d", len(ign.Errors)))
	}
	if errors.Is(err, context.Canceled) {
		return &exitError{code: exitInterrupted, err: errors.New("restore: interrupted")}
	}
	return runError(err)
}

// barProgress counts the entries restored; the bytes are the archive's,
// counted as they are read.
type barProgress struct{ bar *progress.Bar }

func (b barProgress) EntryDone()        { b.bar.Step() }
func (b barProgress) BytesCopied(int64) {}
