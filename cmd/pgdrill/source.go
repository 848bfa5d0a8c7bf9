package main

// source.go is the one place where commands open the archive they read.
// Every command (list, cat, inspect, verify-chain, restore, drill --archive)
// goes through openSource, so "-" means standard input everywhere, other
// dump formats get the same message everywhere, and new kinds of input
// (remote objects, other formats) are added here once.

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/pgdrill/pgdrill/pgarchive"
	"github.com/spf13/cobra"
)

// access says how a command reads an archive.
type access int

const (
	// oneStream: the command reads data blocks once, in file order, so a
	// pipe will do.
	oneStream access = iota
	// randomAccess: the command opens blocks in any order or more than
	// once, so it needs a file (or a spooled copy of standard input).
	randomAccess
)

// sourceOptions say how openSource may read the archive.
type sourceOptions struct {
	access access
	// why names what needs random access ("restore -j 2"), for the message
	// a pipe gets when --spool is not given.
	why string
	// spool, when set (--spool DIR), lets a command that needs random
	// access copy a piped archive into an unlinked file in DIR first.
	spool string
	// count, if set, is told every archive byte read (for progress bars).
	count func(int64)
}

// archiveSource is an opened archive: random access through reader (a file,
// a regular file on standard input, a spooled copy of a pipe), or one pass
// through stream (a pipe). Exactly one of the two is set.
type archiveSource struct {
	name    string
	header  pgarchive.Header
	entries []*pgarchive.Entry
	size    int64 // 0 when unknown (a pipe)
	// modified is when the archive was written: the file's (a directory
	// archive's toc.dat's) modification time or the object's
	// Last-Modified; zero for standard input.
	modified time.Time
	toc      int64 // bytes of header and TOC, when known, for progress

	reader *pgarchive.Reader
	stream *pgarchive.Stream
	closer io.Closer // the file under reader, or nil

	next  int              // reader: index of the next entry to look at
	block *pgarchive.Block // reader: the block Next returned last
}

// isStdin reports whether an archive argument names standard input.
func isStdin(name string) bool { return name == "" || name == "-" }

// displayName is how messages name the archive.
func displayName(name string) string {
	if isStdin(name) {
		return "standard input"
	}
	return name
}

// openSource opens the archive name ("" or "-" is standard input) for a
// command. Every error it returns is a usage error (exit 2) that names the
// input and, for other dump formats, what to do instead.
func openSource(ctx context.Context, cmd *cobra.Command, name string, o sourceOptions) (*archiveSource, error) {
	if isStdin(name) {
		return openStdin(ctx, cmd.InOrStdin(), o)
	}
	if wantsRemote(cmd, name) {
		return openRemote(ctx, cmd, name, o)
	}
	if fi, err := os.Stat(name); err == nil && fi.IsDir() {
		return openDirectory(name)
	}
	f, fi, err := openRandomAccess(ctx, name)
	if err != nil {
		return nil, usageError(err)
	}
	src, err := newRandomSource(name, countAt(f, o.count), fi.Size())
	if err != nil {
		f.Close()
		return nil, err
	}
	src.closer, src.modified = f, fi.ModTime()
	return src, nil
}

// openRandomAccess opens a local archive file for reading at any offset
// (remote objects go through openRemote).
func openRandomAccess(_ context.Context, name string) (*os.File, fs.FileInfo, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if fi.IsDir() {
		f.Close()
		return nil, nil, fmt.Errorf("%s is a directory, not an archive", name)
	}
	return f, fi, nil
}

// openDirectory opens a directory-format dump (pg_dump -Fd).
func openDirectory(name string) (*archiveSource, error) {
	if m, _ := filepath.Glob(filepath.Join(name, "toc.dat*")); len(m) == 0 {
		return nil, usageError(fmt.Errorf("%s is a directory without toc.dat, not a directory-format dump (pg_dump -Fd)", name))
	}
	rc, err := pgarchive.Open(name)
	if err != nil {
		return nil, usageError(err) // it names the directory
	}
	src := &archiveSource{name: name, header: rc.Header, entries: rc.Entries,
		size: rc.Size(), toc: rc.DataStart(), reader: rc.Reader, closer: rc}
	if fi, err := os.Stat(filepath.Join(name, "toc.dat")); err == nil {
		src.modified = fi.ModTime() // written last, by pg_dump and by pgdrill
	}
	return src, nil
}

// newRandomSource reads the header and TOC of the archive in ra.
func newRandomSource(name string, ra io.ReaderAt, size int64) (*archiveSource, error) {
	r, err := pgarchive.NewReader(ra, size)
	if err != nil {
		if errors.Is(err, pgarchive.ErrNotArchive) {
			head := make([]byte, 512)
			n, _ := ra.ReadAt(head, 0)
			if ferr := otherFormat(name, head[:n]); ferr != nil {
				return nil, usageError(ferr)
			}
		}
		return nil, usageError(fmt.Errorf("%s: %w", displayName(name), err))
	}
	return &archiveSource{name: sourceName(name), header: r.Header, entries: r.Entries,
		size: r.Size(), toc: r.DataStart(), reader: r}, nil
}

func sourceName(name string) string {
	if isStdin(name) {
		return "-"
	}
	return name
}

// openStdin opens standard input: with random access when it is a regular
// file (a shell redirection), else as a one-pass stream, spooled to a file
// first when the command needs random access and --spool allows it.
func openStdin(ctx context.Context, in io.Reader, o sourceOptions) (*archiveSource, error) {
	if f, ok := in.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			off, err := f.Seek(0, io.SeekCurrent)
			if err == nil {
				return newRandomSource("-", countAt(io.NewSectionReader(f, off, fi.Size()-off), o.count), fi.Size()-off)
			}
		}
	}
	br := bufio.NewReaderSize(in, 64<<10)
	head, _ := br.Peek(512)
	if !bytes.HasPrefix(head, []byte("PGDMP")) {
		if err := otherFormat("standard input", head); err != nil {
			return nil, usageError(err)
		}
	}
	if o.access == randomAccess {
		if o.spool == "" {
			return nil, usageError(fmt.Errorf("%s reads the archive with random access, and standard input is a pipe: give the archive's file name, or --spool DIR to copy standard input into DIR first", o.why))
		}
		return spool(ctx, br, o)
	}
	s, err := pgarchive.NewStream(count(br, o.count))
	if err != nil {
		return nil, usageError(fmt.Errorf("standard input: %w", err))
	}
	return &archiveSource{name: "-", header: s.Header, entries: s.Entries, stream: s}, nil
}

// spool copies r into a file in dir that is unlinked at once, so nothing is
// left behind however the command ends, and opens it with random access.
func spool(ctx context.Context, r io.Reader, o sourceOptions) (*archiveSource, error) {
	dir := o.spool
	f, err := os.CreateTemp(dir, "pgdrill-spool-*")
	if err != nil {
		return nil, usageError(fmt.Errorf("--spool: %w", err))
	}
	os.Remove(f.Name())
	n, err := io.Copy(f, ctxReader{ctx, r})
	if err != nil {
		f.Close()
		return nil, usageError(fmt.Errorf("--spool: copying standard input to %s: %w", dir, err))
	}
	src, err := newRandomSource("-", countAt(f, o.count), n)
	if err != nil {
		f.Close()
		return nil, err
	}
	src.closer = f
	return src, nil
}

// ctxReader stops a copy when ctx ends.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// otherFormat recognises, from an input's first bytes, dumps that are not
// custom- or tar-format archives, and says what they are and what to do;
// nil when it does not recognise them.
func otherFormat(name string, head []byte) error {
	text := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	switch {
	case len(head) >= 262 && bytes.Equal(head[257:262], []byte("ustar")):
		if bytes.HasPrefix(head, []byte("toc.dat\x00")) {
			return nil // a tar-format dump (pg_dump -Ft): pgarchive reads it
		}
		return fmt.Errorf("%s is a tar file but not a pg_dump tar-format dump (it does not start with toc.dat)", name)
	case bytes.HasPrefix(head, []byte{0x1f, 0x8b}):
		return fmt.Errorf("%s is gzip-compressed, not a custom-format archive: if it is a compressed plain-SQL dump, run it with gunzip -c | psql -d DBNAME", name)
	case bytes.IndexByte(head, 0) < 0 && (bytes.HasPrefix(text, []byte("--")) || bytes.HasPrefix(text, []byte("SET ")) ||
		bytes.HasPrefix(text, []byte("CREATE ")) || bytes.HasPrefix(text, []byte(`\connect`)) || bytes.HasPrefix(text, []byte(`\restrict`))):
		return fmt.Errorf("%s is a plain-SQL dump (pg_dump -Fp), not an archive: run it with psql -d DBNAME -f FILE; to drill or list it, dump again with pg_dump -Fc", name)
	}
	return nil
}

// Next returns the next data block: in TOC order with random access, in
// file order from a stream (the same order for pg_dump's archives). It
// returns io.EOF after the last. The previous block is closed.
func (s *archiveSource) Next() (*pgarchive.Block, error) {
	if s.stream != nil {
		b, err := s.stream.Next()
		if err != nil && err != io.EOF {
			err = usageError(fmt.Errorf("%s: %w", s.name, err))
		}
		return b, err
	}
	s.closeBlock()
	for ; s.next < len(s.entries); s.next++ {
		e := s.entries[s.next]
		if e.DataState == pgarchive.DataNone {
			continue
		}
		s.next++
		b, err := s.reader.Open(e)
		if err != nil {
			return nil, usageError(fmt.Errorf("%s: %w", s.name, err))
		}
		s.block = b
		return b, nil
	}
	return nil, io.EOF
}

// open returns the block of entry e: directly with random access, by
// reading on to it from a stream.
func (s *archiveSource) open(e *pgarchive.Entry) (*pgarchive.Block, error) {
	if s.stream == nil {
		s.closeBlock()
		b, err := s.reader.Open(e)
		if err != nil {
			return nil, usageError(fmt.Errorf("%s: %w", s.name, err))
		}
		s.block = b
		return b, nil
	}
	for {
		b, err := s.Next()
		if err == io.EOF {
			return nil, usageError(fmt.Errorf("%s: %s: no data block in the archive", s.name, e))
		}
		if err != nil {
			return nil, err
		}
		if b.Entry == e {
			return b, nil
		}
	}
}

func (s *archiveSource) closeBlock() {
	if s.block != nil {
		s.block.Close()
		s.block = nil
	}
}

// Close releases the open block and the file.
func (s *archiveSource) Close() error {
	s.closeBlock()
	if s.closer != nil {
		return s.closer.Close()
	}
	return nil
}

// dataError marks an error met while reading a block as bad input (exit 2)
// unless it already carries an exit code.
func dataError(name string, err error) error {
	var ee *exitError
	if errors.As(err, &ee) {
		return err
	}
	var ae *pgarchive.Error
	if errors.As(err, &ae) || errors.Is(err, io.ErrUnexpectedEOF) {
		return usageError(fmt.Errorf("%s: %w", name, err))
	}
	return err
}

// argOrStdin is the archive named by an optional argument: standard input
// when there is none.
func argOrStdin(args []string) string {
	if len(args) == 0 {
		return "-"
	}
	return args[0]
}
