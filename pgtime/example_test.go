package pgtime_test

import (
	"fmt"
	"log"

	"github.com/pgdrill/pgdrill/pgtime"
)

// Read the timestamptz text an archive holds (in whatever time zone the dump
// session had) as an instant, and print it as the audit chain hashes it: UTC
// to the microsecond.
func ExampleParseTimestamptz() {
	for _, s := range []string{"2024-02-29 23:59:59.999999+05:30", "2024-02-29 18:29:59.999999+00"} {
		us, err := pgtime.ParseTimestamptz(s)
		if err != nil {
			log.Fatal(err)
		}
		utc, _ := pgtime.FormatUTC(us)
		fmt.Println(us, utc)
	}
	// Output:
	// 762546599999999 2024-02-29T18:29:59.999999Z
	// 762546599999999 2024-02-29T18:29:59.999999Z
}
