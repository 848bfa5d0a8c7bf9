package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"

	"github.com/spf13/cobra"
)

// signals stops a command on SIGINT or SIGTERM (Kubernetes stops a pod with
// SIGTERM; a terminal sends SIGINT). A command that cleans up through its
// context (stops its servers, removes its temporary files) calls
// interruptible and is cancelled; any other has nothing to clean up and
// ends at once. A second signal ends the process at once too. Either way
// the exit status is 128 + the signal's number: 130 for SIGINT, 143 for
// SIGTERM, as a shell reports a process the signal killed.
type signals struct {
	cancel   context.CancelFunc
	ch       chan os.Signal
	got      atomic.Int32 // the first signal's number, 0 before one arrives
	cleansUp atomic.Bool  // the running command stops through its context
	stderr   io.Writer
	exit     func(int)
}

// active is the handler of this process's run, for interruptible.
var active atomic.Pointer[signals]

// catchSignals starts the handler; stop ends it.
func catchSignals(parent context.Context, stderr io.Writer) (context.Context, *signals) {
	ctx, cancel := context.WithCancel(parent)
	s := &signals{cancel: cancel, ch: make(chan os.Signal, 2), stderr: stderr, exit: os.Exit}
	signal.Notify(s.ch, os.Interrupt, syscall.SIGTERM)
	active.Store(s)
	go s.watch()
	return ctx, s
}

func (s *signals) watch() {
	for sig := range s.ch {
		n := int32(sig.(syscall.Signal))
		if !s.got.CompareAndSwap(0, n) || !s.cleansUp.Load() {
			fmt.Fprintf(s.stderr, "pgdrill: %s\n", describeSignal(syscall.Signal(n)))
			s.exit(128 + int(n))
			return
		}
		s.cancel()
	}
}

// received is the first signal that arrived, or 0.
func (s *signals) received() syscall.Signal { return syscall.Signal(s.got.Load()) }

// interruptible marks the running command as one that stops cleanly when
// its context is cancelled, and returns that context.
func interruptible(cmd *cobra.Command) context.Context {
	if s := active.Load(); s != nil {
		s.cleansUp.Store(true)
	}
	return cmd.Context()
}

func describeSignal(sig syscall.Signal) string {
	switch sig {
	case syscall.SIGINT:
		return "interrupted (SIGINT)"
	case syscall.SIGTERM:
		return "terminated (SIGTERM)"
	}
	return "stopped by " + sig.String()
}
