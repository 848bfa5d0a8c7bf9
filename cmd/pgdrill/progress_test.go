package main

import (
	"strings"
	"testing"
)

// TestPhaseWriter: the drill's phase lines become the bar's status; its
// other log lines do not.
func TestPhaseWriter(t *testing.T) {
	for line, want := range map[string]bool{
		"drill: restore        1.234s\n":              true,
		"drill: SQL verifier failed: boom\n":          false,
		"drill: stubbed roles (NOLOGIN): a, b\n":      false,
		"CREATE TABLE t (a int);\n":                   false,
		"drill: count-rows     0.010s\ndrill: x 1s\n": true,
	} {
		if got := phaseLine.MatchString(strings.SplitN(line, "\n", 2)[0]); got != want {
			t.Errorf("%q: phase line %v, want %v", line, got, want)
		}
	}
}
