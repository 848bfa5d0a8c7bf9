package main

import "strings"

// connString turns a -d argument into a connection string pgx parses, as
// the PostgreSQL tools read -d: URLs and key=value strings pass through, a
// bare name becomes dbname=NAME, and an empty one leaves everything to the
// PG* environment variables.
func connString(d string) string {
	if d == "" || strings.Contains(d, "://") || strings.Contains(d, "=") {
		return d
	}
	return "dbname='" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(d) + "'"
}
