package fuzz

import (
	"os"
	"testing"

	"github.com/pgdrill/pgdrill/internal/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Run(m)) }
