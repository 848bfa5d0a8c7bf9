package main

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/spf13/cobra"

	"github.com/pgdrill/pgdrill/chain"
	"github.com/pgdrill/pgdrill/pgarchive"
)

func init() { register(newVerifyChainCmd) }

// verifyChainReport is verify-chain's JSON output. The break fields follow
// audit_events_verify_chain(): first_break_id null and first_break_pos -1
// when clean, verifier_walked the rows walked (first_break_pos+1 on a
// break); row_count is every row of the table.
type verifyChainReport struct {
	Archive       string  `json:"archive"`
	Table         string  `json:"table"`
	RowCount      int64   `json:"row_count"`
	ChainHeadHash *string `json:"chain_head_hash"`
	LastRowHash   *string `json:"last_row_hash"`
	HeadMatches   bool    `json:"head_matches"`
	FirstBreakID  *string `json:"first_break_id"`
	FirstBreakPos int64   `json:"first_break_pos"`
	BreakReason   string  `json:"break_reason,omitempty"`
	Walked        int64   `json:"verifier_walked"`
	OK            bool    `json:"ok"`
}

func newVerifyChainCmd() *cobra.Command {
	var (
		jsonOut  bool
		schema   string
		spoolDir string
	)
	cmd := &cobra.Command{
		Use:   "verify-chain ARCHIVE|-",
		Short: "Verify the audit hash chain held in an archive, offline",
		Long: `Verify the audit_events hash chain inside a custom-format archive without a
database: every row's hash is recomputed from its columns (timestamps converted
from whatever time zone the dump ran under to UTC), each row's prev_hash must be
the previous row's row_hash in (timestamp, id) order, and the head row in
audit_chain_head must point at the last row. The answer is the one
audit_events_verify_chain() gives (certctl's convention): the first break's
id and 0-based position, and the rows walked up to and including it.

ids are ordered by their bytes: this is the database's order under the C
collation and for ids of one fixed shape (UUIDs); under another collation,
rows with equal timestamps whose ids sort differently could be walked in
another order than the database's function walks them.

Exit status 0 when the chain is clean and the head matches, 1 on a break or a
head mismatch, 2 when the archive cannot be read or holds no chain.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError(errors.New("verify-chain needs exactly one archive"))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			src, err := openSource(cmd.Context(), cmd, args[0], sourceOptions{access: randomAccess, spool: spoolDir, why: "verify-chain"})
			if err != nil {
				return err
			}
			defer src.Close()
			res, err := chain.VerifyArchive(src.reader, schema)
			if err != nil {
				if badInput(err) || errors.Is(err, chain.ErrNoChain) {
					return usageError(err)
				}
				return checkFailed(err)
			}
			rep := verifyChainReport{Archive: src.name, Table: res.Events.Name(), RowCount: res.RowCount,
				LastRowHash: res.LastHash, HeadMatches: res.HeadMatches(), OK: res.OK()}
			rep.FirstBreakID, rep.FirstBreakPos, rep.Walked = res.Triple()
			if res.Result.Head != nil {
				rep.ChainHeadHash = res.Result.Head.RowHash
			}
			if b := res.FirstBreak; b != nil {
				rep.BreakReason = b.Reason
			}
			out := cmd.OutOrStdout()
			if jsonOut {
				if err := writeJSON(out, rep); err != nil {
					return err
				}
			} else {
				fmt.Fprintf(out, "%s %s\n", verdict(rep.OK), res.Result.String())
			}
			if !rep.OK {
				return &exitError{code: exitFailed, err: fmt.Errorf("chain in %s does not verify", args[0])}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&jsonOut, "json", false, "print the result as JSON")
	cmd.Flags().StringVar(&spoolDir, "spool", "", "with ARCHIVE - from a pipe, copy it into a temporary file in this directory first (verification reads the archive in two places)")
	cmd.Flags().StringVarP(&schema, "schema", "n", "", "schema holding audit_events when several do")
	return cmd
}

func verdict(ok bool) string {
	if ok {
		return "PASS"
	}
	return "FAIL"
}

// badInput reports errors that mean the input cannot be used: a missing or
// unreadable file, or an archive the reader rejects (every such error is a
// *pgarchive.Error). They exit with status 2.
func badInput(err error) bool {
	var ae *pgarchive.Error
	return errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission) || errors.As(err, &ae)
}
