//go:build race

package faults

// The command is built with -race too, so a data race in it fails the run.
func init() { raceEnabled = true }
