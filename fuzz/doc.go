// Package fuzz holds fuzz targets that cross packages and need a server:
// values written under one session time zone, dumped by pgdrill dump and
// restored by pgdrill restore under another must come back identical, and
// the audit chain's Go payload and hash must equal the SQL function's. The
// targets live in the package's tests; each test binary runs one embedded
// server (internal/pgtest) that every input reuses. The package has no
// non-test code.
package fuzz
