// Command pgdrill proves that a PostgreSQL custom-format backup restores byte
// for byte, without the PostgreSQL client binaries.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/pgdrill/pgdrill/internal/version"
)

// Exit codes follow the PostgreSQL tools: 0 ok, 1 a check failed, 2 bad usage or input.
const (
	exitOK     = 0
	exitFailed = 1
	exitUsage  = 2
)

// exitError carries an exit code through cobra's error return.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// usageError marks bad usage or unreadable input (exit 2).
func usageError(err error) error { return &exitError{code: exitUsage, err: err} }

// checkFailed marks a check that ran and failed (exit 1).
func checkFailed(err error) error { return &exitError{code: exitFailed, err: err} }

// commands holds each subcommand's constructor; every command lives in its own
// file and registers itself from init, so the files stay independent.
var commands []func() *cobra.Command

func register(newCmd func() *cobra.Command) { commands = append(commands, newCmd) }

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:           "pgdrill",
		Short:         "Prove a PostgreSQL custom-format backup restores, byte for byte",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError(err) })
	// Help is -? and --help, as in the PostgreSQL tools: -h is the host.
	root.PersistentFlags().BoolP("help", "?", false, "show help")
	root.PersistentFlags().Bool("no-progress", false, "show no progress bar (bars are drawn only when standard error is a terminal)")
	// --version and -V, as in the PostgreSQL tools.
	root.Version = version.Get().String()
	root.SetVersionTemplate("{{.Version}}\n")
	root.Flags().BoolP("version", "V", false, "print pgdrill's version and exit")
	for _, newCmd := range commands {
		root.AddCommand(newCmd())
	}
	addRemoteFlags(root)
	refuseDashH(root)
	return root
}

// refuseDashH gives every command without a -h option one that fails, since
// pflag would otherwise treat an unknown -h as a request for help and exit 0:
// a script calling `pgdrill list -h host …` must fail, not print help.
func refuseDashH(cmd *cobra.Command) {
	if cmd.Flags().ShorthandLookup("h") == nil {
		f := cmd.Flags().VarPF(notHelp{}, "no-dash-h", "h", "")
		f.NoOptDefVal = "true"
		f.Hidden = true
	}
	for _, c := range cmd.Commands() {
		refuseDashH(c)
	}
}

// notHelp is the value of the -h that refuseDashH adds: setting it fails.
type notHelp struct{}

func (notHelp) String() string { return "" }
func (notHelp) Type() string   { return "bool" }
func (notHelp) Set(string) error {
	return errors.New("-h is not help: use -? or --help (-h is the server host in dump, restore and drill -d)")
}

func main() {
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	// The handler stays until the process exits: a signal that comes
	// after the command finished must not kill it silently (the default
	// action) between here and os.Exit.
	ctx, sigs := catchSignals(context.Background(), os.Stderr)
	root := newRootCmd()
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if sig := sigs.received(); sig != 0 && err != nil {
		// Stopped by the signal, after cleaning up: 130 or 143.
		fmt.Fprintf(os.Stderr, "pgdrill: %s: %v\n", describeSignal(sig), err)
		return 128 + int(sig)
	}
	if err == nil {
		return exitOK
	}
	fmt.Fprintln(os.Stderr, "pgdrill:", err)
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	// cobra's own argument errors (unknown command, wrong arg count) are usage errors.
	return exitUsage
}
