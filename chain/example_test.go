package chain_test

import (
	"fmt"
	"log"

	"github.com/pgdrill/pgdrill/chain"
	"github.com/pgdrill/pgdrill/pgarchive"
)

// Verify an audit hash chain straight from a pg_dump archive, with no
// database: the triple certctl's audit_events_verify_chain() would return.
func ExampleVerifyArchive() {
	for _, name := range []string{"cycle24-pg15-gzip-UTC.dump", "tampered24-pg15-gzip-Pacific_Chatham.dump"} {
		a, err := pgarchive.Open("../testdata/chain/archives/" + name)
		if err != nil {
			log.Fatal(err)
		}
		res, err := chain.VerifyArchive(a.Reader, "")
		a.Close()
		if err != nil {
			log.Fatal(err)
		}
		if res.FirstBreak == nil {
			fmt.Printf("%s: clean, %d rows\n", name, res.RowCount)
		} else {
			fmt.Printf("%s: first break at row %d (%s), %d walked of %d\n", name, res.FirstBreak.Pos, res.FirstBreak.ID, res.Walked, res.RowCount)
		}
	}
	// Output:
	// cycle24-pg15-gzip-UTC.dump: clean, 24 rows
	// tampered24-pg15-gzip-Pacific_Chatham.dump: first break at row 5 (0b65cf4f-0f12-4a8c-b9d5-a2eb22759a37), 6 walked of 24
}
