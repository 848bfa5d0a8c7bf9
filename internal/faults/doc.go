// Package faults is the fault-injection suite of restore and dump: its
// tests run pgdrill (the built command and the library) while backends are
// terminated, the server stops, signals arrive, contexts are cancelled, the
// network stalls, the disk fills or the archive breaks midway, and check
// that every run ends as the contract says: no panic, no goroutine left,
// the documented exit status, a message naming what happened, the database
// in the state the mode promises and no partial file presented as an
// archive.
//
// `go test ./internal/faults` runs a short randomized series;
// `make faults` runs at least 500 (FAULTS_RUNS, FAULTS_SEED). The package's
// one non-test piece is Proxy, a loopback TCP proxy that delays or freezes
// a connection to the server.
package faults
