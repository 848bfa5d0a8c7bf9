//go:build race

package pgarchive

// The race detector makes sync.Pool drop items at random, so the decoder
// and buffer pools miss and allocation budgets mean nothing under -race.
func init() { raceEnabled = true }
