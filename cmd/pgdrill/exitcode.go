package main

// exitcode.go holds the one exit-code contract of every command:
//
//	0    ok
//	1    a check ran and failed: chain break, content differs, errors
//	     ignored on restore, a dump or restore the server refused midway
//	2    bad usage, unreadable input or environment: bad flags, a
//	     malformed connection string, a server that cannot be reached,
//	     a missing, cut or wrong-format archive, no PostgreSQL server
//	     binaries, an unusable --pg-bindir
//	130  interrupted (SIGINT), after cleaning up
//	143  terminated (SIGTERM), after cleaning up (signals.go)

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/pgdrill/pgdrill/internal/embedded"
)

// exitInterrupted is the shell's code for a process ended by SIGINT.
const exitInterrupted = 130

// runError gives an error met while a command ran its exit code: 130 when
// interrupted, 2 when the input or environment is at fault, else 1. An
// error that already carries a code keeps it.
func runError(err error) error {
	var ee *exitError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &ee):
		return err
	case errors.Is(err, context.Canceled):
		return &exitError{code: exitInterrupted, err: err}
	case errors.Is(err, embedded.ErrNotFound):
		return usageError(fmt.Errorf("%w\n%s", err, installHint))
	case errors.Is(err, embedded.ErrBinDir):
		return usageError(fmt.Errorf("%w\n%s", err, binDirHint))
	case environmentError(err):
		return usageError(err)
	}
	return checkFailed(err)
}

// What to do when the drill finds no PostgreSQL server to run.
const (
	installHint = "pgdrill needs PostgreSQL server binaries (12 to 18): install them (Debian/Ubuntu: apt-get install postgresql-17;\n" +
		"any packaged version works), or name a server bin directory with --pg-bindir DIR or PGDRILL_PG_BINDIR=DIR"
	binDirHint = "--pg-bindir and PGDRILL_PG_BINDIR must name a directory holding initdb, pg_ctl and postgres,\n" +
		"such as /usr/lib/postgresql/17/bin (Debian/Ubuntu) or the output of pg_config --bindir"
)

// environmentError reports errors that say the input or the environment
// cannot be used, rather than that a check failed.
func environmentError(err error) bool {
	var ce *pgconn.ConnectError
	var pe *pgconn.ParseConfigError
	return badInput(err) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.As(err, &ce) || errors.As(err, &pe) ||
		errors.Is(err, embedded.ErrNotFound) || errors.Is(err, embedded.ErrBinDir)
}
