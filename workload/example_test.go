package workload_test

import (
	"fmt"

	"github.com/pgdrill/pgdrill/chain"
	"github.com/pgdrill/pgdrill/workload"
)

// Generate a reproducible audit log (the same Config gives the same rows)
// and predict the hash chain the database's trigger will build over it.
func ExampleGenerate() {
	var rows []chain.Row
	for r := range workload.Generate(workload.Config{Rows: 3, Seed: 7}) {
		rows = append(rows, r)
	}
	head, ok := chain.Link(nil, rows)
	for _, r := range rows {
		fmt.Println(r.Action, r.ResourceType)
	}
	fmt.Println(ok, len(*head))
	// Output:
	// certificate.issue certificate
	// certificate.renew certificate
	// certificate.revoke certificate
	// true 64
}
