package main

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/pgdrill/pgdrill/pgarchive"
	"github.com/spf13/cobra"
)

func init() { register(newListCmd) }

func newListCmd() *cobra.Command {
	var verbose, createDB, asJSON, verify bool
	var zone string
	cmd := &cobra.Command{
		Use:   "list [ARCHIVE|-]",
		Short: "Print an archive's table of contents as pg_restore -l does",
		Long: `Print the table of contents of a custom-format archive byte for byte as
PostgreSQL 17's pg_restore -l prints it, so the output can be edited and used
with pg_restore -L. Without ARCHIVE, or with -, the archive is read from
standard input. The creation time is shown in the zone of TZ (or --timezone).

--json prints the header and every TOC entry with all its fields instead.

--verify also reads every data block to its end, decompressing it, as
gzip -t does: the listing comes from the table of contents alone (as
pg_restore -l's does), which a cut or damaged archive can still hold whole.
A block that does not read ends the command with exit status 1 and an error
naming its entry.`,
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
			out := cmd.OutOrStdout()
			if asJSON {
				err = writeJSON(out, archiveJSON(src.header, src.entries, createDB, loc))
			} else {
				err = pgarchive.WriteListing(out, src.header, src.entries,
					pgarchive.ListOptions{Verbose: verbose, CreateDB: createDB, Location: loc})
			}
			if err != nil || !verify {
				return err
			}
			return verifyBlocks(src)
		},
	}
	f := cmd.Flags()
	f.BoolVarP(&verbose, "verbose", "v", false, "list every entry with its dependencies, like pg_restore -l -v")
	f.BoolVarP(&createDB, "create", "C", false, "list the DATABASE entry, like pg_restore -l -C")
	f.BoolVar(&asJSON, "json", false, "print header and entries as JSON")
	f.StringVar(&zone, "timezone", "", "time zone for the creation time (default: TZ, else local)")
	f.BoolVar(&verify, "verify", false, "also read and decompress every data block; exit 1 naming the first that fails")
	return cmd
}

// verifyBlocks reads every data block of src to its end. A failure is a
// check that failed (exit 1), named by archive and entry.
func verifyBlocks(src *archiveSource) error {
	for {
		b, err := src.Next()
		if err == io.EOF {
			return nil
		}
		if err == nil {
			err = drainBlock(b)
			if err != nil {
				err = fmt.Errorf("%s: %w", src.name, err)
			}
		}
		if err != nil {
			var ee *exitError
			if errors.As(err, &ee) {
				err = ee.err
			}
			return checkFailed(fmt.Errorf("verify: %w", err))
		}
	}
}

// drainBlock reads a block, or each large object of a BLOBS block, to its
// end.
func drainBlock(b *pgarchive.Block) error {
	if !b.IsBlobs() {
		_, err := io.Copy(io.Discard, b)
		return err
	}
	for {
		if _, err := b.NextBlob(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
		if _, err := io.Copy(io.Discard, b); err != nil {
			return err
		}
	}
}

// listingZone resolves --timezone; empty means time.Local, which follows TZ.
func listingZone(name string) (*time.Location, error) {
	if name == "" {
		return time.Local, nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, usageError(fmt.Errorf("--timezone: %w", err))
	}
	return loc, nil
}

// listJSON is the --json form of an archive's header and TOC. NULL strings
// are JSON null.
type listJSON struct {
	Header  headerJSON  `json:"header"`
	Entries []entryJSON `json:"entries"`
}

type headerJSON struct {
	Version       string      `json:"version"`
	IntSize       int         `json:"int_size"`
	OffSize       int         `json:"off_size"`
	Format        int         `json:"format"`
	Compression   string      `json:"compression"`
	Level         int         `json:"level"` // zlib level of archives before 1.15
	Created       createdJSON `json:"created"`
	CreatedAt     time.Time   `json:"created_at"` // as pg_restore reads them in the listing zone
	DBName        string      `json:"dbname"`
	ServerVersion *string     `json:"server_version"`
	DumpVersion   *string     `json:"dump_version"`
	TOCEntries    int         `json:"toc_entries"`
}

// createdJSON holds the struct tm fields as stored: month 0-11, year since 1900.
type createdJSON struct {
	Sec   int `json:"sec"`
	Min   int `json:"min"`
	Hour  int `json:"hour"`
	Day   int `json:"day"`
	Month int `json:"month"`
	Year  int `json:"year"`
	IsDST int `json:"is_dst"`
}

type entryJSON struct {
	DumpID       int     `json:"dump_id"`
	Listed       bool    `json:"listed"` // shown by pg_restore -l (with -C if given)
	HadDumper    bool    `json:"had_dumper"`
	TableOID     uint32  `json:"table_oid"`
	OID          uint32  `json:"oid"`
	Tag          string  `json:"tag"`
	Desc         string  `json:"desc"`
	Section      string  `json:"section"`
	Defn         *string `json:"defn"`
	DropStmt     *string `json:"drop_stmt"`
	CopyStmt     *string `json:"copy_stmt"`
	Namespace    *string `json:"namespace"`
	Tablespace   *string `json:"tablespace"`
	TableAM      *string `json:"table_am"`
	Relkind      int     `json:"relkind"`
	Owner        *string `json:"owner"`
	WithOIDs     string  `json:"with_oids"`
	Dependencies []int   `json:"dependencies"`
	DataState    string  `json:"data_state"`
	Offset       int64   `json:"offset"`
}

func nullable(s pgarchive.NullString) *string {
	if !s.Valid {
		return nil
	}
	return &s.String
}

func archiveJSON(h pgarchive.Header, entries []*pgarchive.Entry, createDB bool, loc *time.Location) listJSON {
	out := listJSON{Header: headerJSON{
		Version:       h.Version.String(),
		IntSize:       h.IntSize,
		OffSize:       h.OffSize,
		Format:        h.Format,
		Compression:   h.Compression.String(),
		Level:         h.Level,
		CreatedAt:     h.Created.Time(loc),
		DBName:        h.DBName,
		ServerVersion: nullable(h.ServerVersion),
		DumpVersion:   nullable(h.DumpVersion),
		TOCEntries:    h.TOCCount,
	}, Entries: make([]entryJSON, 0, len(entries))}
	c := h.Created
	out.Header.Created = createdJSON{c.Sec, c.Min, c.Hour, c.Day, c.Month, c.Year, c.IsDST}
	listed := pgarchive.Listed(entries, createDB)
	for i, e := range entries {
		deps := e.Dependencies
		if deps == nil {
			deps = []int{}
		}
		out.Entries = append(out.Entries, entryJSON{
			DumpID:       e.DumpID,
			Listed:       listed[i],
			HadDumper:    e.HadDumper,
			TableOID:     e.TableOID,
			OID:          e.OID,
			Tag:          e.Tag,
			Desc:         e.Desc,
			Section:      e.Section.String(),
			Defn:         nullable(e.Defn),
			DropStmt:     nullable(e.DropStmt),
			CopyStmt:     nullable(e.CopyStmt),
			Namespace:    nullable(e.Namespace),
			Tablespace:   nullable(e.Tablespace),
			TableAM:      nullable(e.TableAM),
			Relkind:      e.Relkind,
			Owner:        nullable(e.Owner),
			WithOIDs:     e.WithOIDs,
			Dependencies: deps,
			DataState:    e.DataState.String(),
			Offset:       e.Offset,
		})
	}
	return out
}
