package main

import (
	"os"
	"testing"

	"github.com/pgdrill/pgdrill/internal/pgtest"
)

// TestMain stops the package's shared test server (pgtest) after the tests.
func TestMain(m *testing.M) { os.Exit(pgtest.Run(m)) }
