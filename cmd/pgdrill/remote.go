package main

// remote.go opens archives named by s3://, https:// and http:// URLs for
// openSource (source.go), through internal/remote: the header and TOC cost
// one small range request, blocks are read by range, and an archive written
// to a pipe (no data offsets) is read in one pass when the command reads
// its blocks once.

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/pgdrill/pgdrill/dump"
	"github.com/pgdrill/pgdrill/internal/remote"
	"github.com/pgdrill/pgdrill/pgarchive"
	"github.com/spf13/cobra"
)

// remoteCommands are the commands that read an archive, and so take URLs.
var remoteCommands = map[string]bool{"list": true, "cat": true, "inspect": true, "verify-chain": true, "restore": true, "drill": true}

// addRemoteFlags gives the archive-reading commands the remote options.
func addRemoteFlags(root *cobra.Command) {
	for _, c := range root.Commands() {
		if c.Name() == "dump" {
			c.Flags().String("s3-endpoint", "", "endpoint URL of an S3-compatible store for -f s3://… (default: $AWS_ENDPOINT_URL_S3, $AWS_ENDPOINT_URL, else AWS)")
		}
		if !remoteCommands[c.Name()] {
			continue
		}
		fl := c.Flags()
		fl.String("s3-endpoint", "", "endpoint URL of an S3-compatible store for s3:// archives (default: $AWS_ENDPOINT_URL_S3, $AWS_ENDPOINT_URL, else AWS)")
		fl.String("latest", "", "the archive is an s3://bucket/prefix/: read the newest object under it, by modification time (--latest) or by key name (--latest=name)")
		fl.Lookup("latest").NoOptDefVal = "modified"
		fl.Bool("remote-stats", false, "print the requests sent and bytes fetched for a remote archive on standard error")
	}
}

// flagString is a flag's value, "" when the command does not have it.
func flagString(cmd *cobra.Command, name string) string {
	if cmd == nil {
		return ""
	}
	if f := cmd.Flags().Lookup(name); f != nil {
		return f.Value.String()
	}
	return ""
}

// wantsRemote reports whether openSource must hand name to openRemote: a
// URL, or --latest, which only openRemote can refuse with a reason.
func wantsRemote(cmd *cobra.Command, name string) bool {
	return remote.IsURL(name) || flagString(cmd, "latest") != ""
}

// openRemote opens the archive at a URL. Errors are usage errors (exit 2)
// that carry the server's answer (wrong credentials, no such key).
func openRemote(ctx context.Context, cmd *cobra.Command, name string, o sourceOptions) (*archiveSource, error) {
	opts := remote.Options{S3Endpoint: flagString(cmd, "s3-endpoint")}
	switch l := flagString(cmd, "latest"); l {
	case "":
	case "modified":
		opts.Latest = remote.LatestModified
	case "name":
		opts.Latest = remote.LatestName
	default:
		return nil, usageError(fmt.Errorf("--latest=%s: want --latest (newest modification time) or --latest=name", l))
	}
	if !remote.IsURL(name) {
		return nil, usageError(fmt.Errorf("--latest needs an s3://bucket/prefix/ archive, not %s", displayName(name)))
	}
	obj, err := remote.Open(ctx, name, opts)
	if err != nil {
		return nil, usageError(err)
	}
	stderr := cmd.ErrOrStderr()
	if opts.Latest != remote.LatestNone {
		fmt.Fprintf(stderr, "pgdrill: latest under %s: %s (modified %s)\n", name, obj.Name(), obj.Modified().UTC().Format(time.RFC3339))
	}
	c := &remoteCloser{obj: obj}
	if flagString(cmd, "remote-stats") == "true" {
		c.stats = stderr
	}
	src, err := newRandomSource(obj.Name(), countAt(obj, o.count), obj.Size())
	if err != nil {
		c.Close()
		return nil, err
	}
	if o.access == oneStream && !hasOffsets(src.entries) {
		// Written to a pipe: each block's place is found only by reading
		// through the ones before it, so read the object once, in order.
		c.rd = obj.NewReader(0)
		s, err := pgarchive.NewStream(count(c.rd, o.count))
		if err != nil {
			c.Close()
			return nil, usageError(fmt.Errorf("%s: %w", obj.Name(), err))
		}
		src.reader, src.stream = nil, s
		src.header, src.entries = s.Header, s.Entries // the stream's own, which its blocks point to
	}
	src.closer = c
	src.modified = obj.Modified()
	return src, nil
}

// hasOffsets reports whether the TOC says where every data block starts.
func hasOffsets(entries []*pgarchive.Entry) bool {
	for _, e := range entries {
		if e.DataState == pgarchive.DataPosNotSet {
			return false
		}
	}
	return true
}

// remoteCloser closes a remote archive and, with --remote-stats, reports
// what reading it cost.
type remoteCloser struct {
	obj   *remote.Object
	rd    io.ReadCloser
	stats io.Writer
}

func (c *remoteCloser) Close() error {
	if c.rd != nil {
		c.rd.Close()
	}
	if c.stats != nil {
		st := c.obj.Stats()
		fmt.Fprintf(c.stats, "pgdrill: %s: %d requests, %d bytes fetched of %d\n", c.obj.Name(), st.Requests, st.Bytes, c.obj.Size())
	}
	return c.obj.Close()
}

// dumpRemote runs a dump into an S3 object (dump -f s3://…) as a multipart
// upload streamed while the dump runs. The TOC is rewritten with the blocks'
// offsets in the first part, which the upload holds back and sends last, so
// the object is what a file would hold and pg_restore reads its blocks
// directly (pg_dump's pipe form, TOC without offsets, would make every
// reader walk the data). The object appears only when the upload completes:
// a dump that fails leaves the previous backup under the key untouched.
func dumpRemote(ctx context.Context, cmd *cobra.Command, connStr, url string, opts dump.Options) (dump.Summary, error) {
	up, err := remote.Create(ctx, url, remote.Options{S3Endpoint: flagString(cmd, "s3-endpoint")})
	if err != nil {
		return dump.Summary{}, usageError(fmt.Errorf("dump: %w", err))
	}
	sum, err := dump.Run(ctx, connStr, up, opts)
	if err != nil {
		up.Abort()
		return sum, err
	}
	if err := up.Close(); err != nil {
		return sum, usageError(fmt.Errorf("dump: %w", err))
	}
	return sum, nil
}
