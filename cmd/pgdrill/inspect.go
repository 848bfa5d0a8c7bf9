package main

import (
	"fmt"

	"github.com/pgdrill/pgdrill/internal/inspect"
	"github.com/spf13/cobra"
)

func init() { register(newInspectCmd) }

func newInspectCmd() *cobra.Command {
	var asJSON bool
	var zone string
	cmd := &cobra.Command{
		Use:   "inspect [ARCHIVE|-]",
		Short: "Summarise an archive's data: rows, sizes, date/time ranges, large objects",
		Long: `Read every data block of an archive once, as a stream, and report:
the header; for each table its rows and its decompressed and stored sizes;
for each timestamptz, timestamp, date and time column the minimum and
maximum as stored (and in UTC for timestamptz), with and without infinities,
and the counts of NULLs, infinities, values with non-zero microseconds and
unparsable values, and the UTC offsets the timestamptz text carries; large
objects by count and size.

Column types come from the archive's definitions: the table's CREATE TABLE,
its parents' (INHERITS, recursively), the composite type of a typed table
(CREATE TABLE ... OF), and domains (also over domains), analysed as their
base type. Arrays of these types are listed with kind "array" and not
analysed. A column whose type cannot be resolved, as when a parent, type or
domain was left out of the dump (-t), is listed with kind "unknown" and a
note, and counted as unresolved in the summary.

Exit status 1 when some row or date/time value could not be read; columns
of unknown type alone do not change it.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			loc, err := listingZone(zone)
			if err != nil {
				return err
			}
			src, err := openSource(cmd.Context(), cmd, argOrStdin(args), sourceOptions{})
			if err != nil {
				return err
			}
			defer src.Close()
			bar := newBar(cmd, "inspect", src.size)
			bar.Add(src.toc)
			report, err := inspect.Archive(src.header, src.entries, src, inspect.Options{
				Size: src.size, Location: loc, Progress: bar.Add,
			})
			if err == nil && src.size > 0 {
				bar.Complete() // what follows the last block: the end is reached
			}
			bar.Done()
			if err != nil {
				return dataError(src.name, err)
			}
			out := cmd.OutOrStdout()
			if asJSON {
				err = writeJSON(out, report)
			} else {
				err = report.WriteText(out, src.name)
			}
			if err != nil {
				return err
			}
			if n := report.Problems(); n > 0 {
				return checkFailed(fmt.Errorf("inspect: %d rows or values could not be read", n))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the report as JSON")
	cmd.Flags().StringVar(&zone, "timezone", "", "time zone for the creation time (default: TZ, else local)")
	return cmd
}
