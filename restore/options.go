package restore

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
)

// logMu keeps lines from parallel workers whole.
var logMu sync.Mutex

// Sections selects archive sections, as pg_restore --section does.
type Sections uint8

// The sections an entry can belong to. The zero value of Sections means all.
const (
	PreData Sections = 1 << iota
	Data
	PostData
)

// ParseSection maps a --section value (pre-data, data, post-data) to its bit.
func ParseSection(name string) (Sections, error) {
	switch name {
	case "pre-data":
		return PreData, nil
	case "data":
		return Data, nil
	case "post-data":
		return PostData, nil
	}
	return 0, fmt.Errorf("restore: unrecognized section name: %q", name)
}

// Options are pg_restore's options that change what reaches the server.
type Options struct {
	NoOwner           bool // -O: no ALTER ... OWNER TO
	NoACL             bool // -x: skip ACL and DEFAULT ACL entries
	NoComments        bool // --no-comments
	Clean             bool // -c: drop objects (reverse order) before creating them
	IfExists          bool // --if-exists: IF EXISTS in the drops of -c
	SingleTransaction bool // -1: one transaction; implies ExitOnError
	ExitOnError       bool // -e: stop at the first failing entry
	Jobs              int  // -j: connections for the data and post-data work; <=1 is serial
	SchemaOnly        bool // -s
	DataOnly          bool // -a
	DisableTriggers   bool // --disable-triggers (data-only restores)
	EnableRowSecurity bool // --enable-row-security
	// StrictTOC (--strict-toc) runs CheckTOC before anything reaches the
	// server and refuses an archive whose entries hold SQL that does not
	// fit their kind; INSERT-mode data must then be INSERTs into its table.
	StrictTOC bool
	// OwnerConn, if set, is a connection string for the ALTER ... OWNER TO
	// and COMMENT statements alone: a superuser's, while everything else
	// runs as an unprivileged role that could not hand objects to owners
	// lacking CREATE on their schema, nor comment on objects it does not
	// own. Owner statements are composed from the TOC, comments are one
	// COMMENT ... IS literal each (StrictTOC checks it, and is required);
	// each is sent as one extended-protocol statement, which cannot carry
	// a second one. Not with SingleTransaction, whose objects another
	// connection cannot see.
	OwnerConn string

	Schemas        []string // -n: only objects in these schemas
	ExcludeSchemas []string // -N
	Tables         []string // -t: only these tables (also views, sequences, matviews)
	Indexes        []string // -I
	Functions      []string // -P
	Triggers       []string // -T

	// UseList, if not nil, is the -L list: the dump IDs to restore, in the
	// order to restore them (see ParseList).
	UseList []int

	Sections Sections // --section; 0 means every section

	// Verbose, if not nil, receives pg_restore -v style progress lines.
	Verbose io.Writer
	// Warnings, if not nil, receives each error that is counted and passed
	// over (without ExitOnError), and warnings such as ignored list lines.
	Warnings io.Writer
	// Progress, if not nil, is told of every finished entry and of every
	// block of table data sent. It is called from several goroutines when
	// Jobs > 1.
	Progress Progress
}

// Progress receives progress reports from a running restore.
type Progress interface {
	EntryDone()
	BytesCopied(n int64)
}

// Validate reports option combinations pg_restore refuses.
func (o *Options) Validate() error {
	switch {
	case o.DataOnly && o.SchemaOnly:
		return errors.New("restore: options -s/--schema-only and -a/--data-only cannot be used together")
	case o.DataOnly && o.Clean:
		return errors.New("restore: options -c/--clean and -a/--data-only cannot be used together")
	case o.IfExists && !o.Clean:
		return errors.New("restore: option --if-exists requires option -c/--clean")
	case o.SingleTransaction && o.Jobs > 1:
		return errors.New("restore: cannot specify both --single-transaction and multiple jobs")
	case o.OwnerConn != "" && (o.SingleTransaction || !o.StrictTOC || o.NoOwner):
		return errors.New("restore: an owner connection needs StrictTOC and owners, and no single transaction")
	}
	return nil
}

// selective reports whether any object-type selection (-t, -I, -P, -T) is
// in force, pg_restore's selTypes.
func (o *Options) selective() bool {
	return len(o.Tables) > 0 || len(o.Indexes) > 0 || len(o.Functions) > 0 || len(o.Triggers) > 0
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (o *Options) logf(format string, args ...any) {
	if o.Verbose != nil {
		logMu.Lock()
		defer logMu.Unlock()
		fmt.Fprintf(o.Verbose, "pgdrill: "+format+"\n", args...)
	}
}

func (o *Options) warnf(format string, args ...any) {
	if o.Warnings != nil {
		msg := fmt.Sprintf(format, args...)
		logMu.Lock()
		defer logMu.Unlock()
		fmt.Fprintln(o.Warnings, "pgdrill: "+strings.TrimRight(msg, "\n"))
	}
}
