package pgarchive

import (
	"errors"
	"strconv"
	"strings"
)

// Errors that callers may test for with errors.Is.
var (
	ErrNotArchive  = errors.New("not a custom-format archive (bad magic)")
	ErrVersion     = errors.New("unsupported archive version")
	ErrCompression = errors.New("unsupported compression")
	ErrCorrupt     = errors.New("corrupt archive")
	ErrNoData      = errors.New("entry has no data block")
)

// Error reports a problem at a place in an archive: which entry, which block
// and which byte offset, as far as they are known.
type Error struct {
	Entry  *Entry // nil when the problem is outside any entry
	Block  int64  // offset of the block's first byte, or -1
	Offset int64  // offset where the problem was found, or -1
	Err    error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("pgarchive: ")
	if e.Entry != nil {
		b.WriteString(e.Entry.String())
		b.WriteString(": ")
	}
	if e.Block >= 0 {
		b.WriteString("block at offset ")
		b.WriteString(strconv.FormatInt(e.Block, 10))
		b.WriteString(": ")
	}
	if e.Offset >= 0 && e.Offset != e.Block {
		b.WriteString("offset ")
		b.WriteString(strconv.FormatInt(e.Offset, 10))
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// posError is a problem at a byte offset, before the entry or block around
// it is known; callers add those as it travels up.
type posError struct {
	off int64
	err error
}

func (e *posError) Error() string {
	return "offset " + strconv.FormatInt(e.off, 10) + ": " + e.err.Error()
}
func (e *posError) Unwrap() error { return e.err }

// wrap turns err into an *Error naming entry and block, keeping the most
// precise offset found below.
func wrap(err error, entry *Entry, block int64) error {
	if err == nil {
		return nil
	}
	var ae *Error
	if errors.As(err, &ae) {
		if ae.Entry == nil {
			ae.Entry = entry
		}
		if ae.Block < 0 {
			ae.Block = block
		}
		return ae
	}
	off := int64(-1)
	var pe *posError
	if errors.As(err, &pe) {
		off = pe.off
		err = pe.err
	}
	return &Error{Entry: entry, Block: block, Offset: off, Err: err}
}
