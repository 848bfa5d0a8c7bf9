package fuzz

import (
	"os"
	"os/signal"
	"strings"
	"testing"

	"github.com/pgdrill/pgdrill/internal/pgtest"
)

func TestMain(m *testing.M) {
	// The fuzzing coordinator stops a worker by closing its input pipe,
	// then after one second sends SIGINT and after another SIGKILL. A
	// worker that dies of the SIGINT leaves its server's temporary
	// directory behind; ignoring it gives the worker the extra second to
	// finish its input, drop its databases and stop its server.
	if fuzzWorker() {
		signal.Ignore(os.Interrupt)
	}
	os.Exit(pgtest.Run(m))
}

// fuzzWorker reports whether this process is a fuzzing worker, which the
// coordinator starts with -test.fuzzworker.
func fuzzWorker() bool {
	for _, a := range os.Args[1:] {
		if a == "-test.fuzzworker" || strings.HasPrefix(a, "-test.fuzzworker=") {
			return true
		}
	}
	return false
}
