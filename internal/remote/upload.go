package remote

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
)

// Upload writes an S3 object as a multipart upload streamed while it is
// written. It is an io.WriteSeeker so that pgarchive.Writer rewrites the TOC
// with the blocks' offsets, as pg_dump does in a file: the first part (the
// header, the TOC and data up to HoldSize) is kept in memory and sent last,
// when the TOC has been rewritten in it; later parts go as they fill. The
// archive in the store is then the one a file would hold, with offsets, so
// pg_restore and pgdrill read its blocks directly.
//
// Nothing appears under the key until Close completes the upload: a dump
// that fails (Abort) leaves the previous object, if any, as it was.
type Upload struct {
	b        *s3Backend
	ctx      context.Context
	name     string
	hold     []byte // bytes [0, len(hold)): the first part, rewritable
	holdSize int
	cur      []byte // the part being filled after hold
	partSize int
	pos      int64 // where the next Write goes
	size     int64
	id       string // the multipart upload's, once begun
	parts    []types.CompletedPart
	err      error
}

// HoldSize is how much of the start of an upload stays in memory to be
// rewritten (and at least S3's 5 MiB minimum part): a TOC larger than this
// cannot be rewritten with offsets, and the dump fails rather than write
// an archive without them.
const HoldSize = 16 << 20

// partSize is the size of the parts after the first; it grows so that the
// 10,000 parts S3 allows reach far beyond any archive.
const partSize = 16 << 20

// Create starts an upload to the s3:// URL name.
func Create(ctx context.Context, name string, opts Options) (*Upload, error) {
	if !hasPrefixFold(name, "s3://") {
		return nil, fmt.Errorf("%s: only s3:// URLs can be written", name)
	}
	opts.defaults()
	opts.Latest = LatestNone
	b, err := newS3Backend(ctx, name, &opts)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &Upload{b: b, ctx: ctx, name: name, holdSize: HoldSize, partSize: partSize}, nil
}

// Write appends p, or overwrites bytes within the held first part after a
// Seek back.
func (u *Upload) Write(p []byte) (int, error) {
	if u.err != nil {
		return 0, u.err
	}
	n := len(p)
	if u.pos < u.size {
		if u.pos+int64(len(p)) > int64(len(u.hold)) {
			u.err = fmt.Errorf("%s: rewriting bytes %d to %d, beyond the first %d bytes held back", u.name, u.pos, u.pos+int64(len(p)), len(u.hold))
			return 0, u.err
		}
		copy(u.hold[u.pos:], p)
		u.pos += int64(len(p))
		return n, nil
	}
	for len(p) > 0 {
		if len(u.hold) < u.holdSize {
			k := min(len(p), u.holdSize-len(u.hold))
			u.hold = append(u.hold, p[:k]...)
			p = p[k:]
			u.pos += int64(k)
			continue
		}
		if u.cur == nil {
			u.cur = make([]byte, 0, u.partSize)
		}
		k := min(len(p), u.partSize-len(u.cur))
		u.cur = append(u.cur, p[:k]...)
		p = p[k:]
		u.pos += int64(k)
		if len(u.cur) == u.partSize {
			if err := u.sendPart(len(u.parts)+2, u.cur); err != nil {
				return n - len(p), err
			}
			u.cur = u.cur[:0]
		}
	}
	u.size = u.pos
	return n, nil
}

// Seek moves where the next Write goes: back into the held first part, or
// to the end.
func (u *Upload) Seek(off int64, whence int) (int64, error) {
	switch whence {
	case io.SeekCurrent:
		off += u.pos
	case io.SeekEnd:
		off += u.size
	}
	if off < 0 || off > u.size || off < u.size && off >= int64(len(u.hold)) {
		return u.pos, fmt.Errorf("%s: cannot seek to %d: only the first %d bytes can be rewritten", u.name, off, len(u.hold))
	}
	u.pos = off
	return off, nil
}

// sendPart uploads part number n (parts 2… go first; 1 is the held part).
func (u *Upload) sendPart(n int, data []byte) error {
	if u.id == "" {
		out, err := u.b.client.CreateMultipartUpload(u.ctx, &s3.CreateMultipartUploadInput{
			Bucket: aws.String(u.b.bucket), Key: aws.String(u.b.key)})
		if err != nil {
			u.err = fmt.Errorf("%s: starting the upload: %w", u.name, s3Error(err))
			return u.err
		}
		u.id = aws.ToString(out.UploadId)
	}
	out, err := u.b.client.UploadPart(u.ctx, &s3.UploadPartInput{
		Bucket: aws.String(u.b.bucket), Key: aws.String(u.b.key), UploadId: aws.String(u.id),
		PartNumber: aws.Int32(int32(n)), Body: bytes.NewReader(data)})
	if err != nil {
		u.err = fmt.Errorf("%s: part %d: %w", u.name, n, s3Error(err))
		return u.err
	}
	u.parts = append(u.parts, types.CompletedPart{ETag: out.ETag, PartNumber: aws.Int32(int32(n))})
	if len(u.parts)%1000 == 0 {
		u.partSize *= 2 // 10,000 parts at most: keep room
	}
	return nil
}

// Close sends what is held and completes the upload: the object appears.
func (u *Upload) Close() error {
	if u.err != nil {
		u.Abort()
		return u.err
	}
	if u.id == "" {
		// Small enough for one request.
		_, err := u.b.client.PutObject(u.ctx, &s3.PutObjectInput{Bucket: aws.String(u.b.bucket), Key: aws.String(u.b.key),
			Body: bytes.NewReader(slices.Concat(u.hold, u.cur))})
		if err != nil {
			u.err = fmt.Errorf("%s: %w", u.name, s3Error(err))
		}
		return u.err
	}
	if len(u.cur) > 0 {
		if err := u.sendPart(len(u.parts)+2, u.cur); err != nil {
			u.Abort()
			return err
		}
	}
	if err := u.sendPart(1, u.hold); err != nil {
		u.Abort()
		return err
	}
	slices.SortFunc(u.parts, func(a, b types.CompletedPart) int { return int(*a.PartNumber - *b.PartNumber) })
	_, err := u.b.client.CompleteMultipartUpload(u.ctx, &s3.CompleteMultipartUploadInput{
		Bucket: aws.String(u.b.bucket), Key: aws.String(u.b.key), UploadId: aws.String(u.id),
		MultipartUpload: &types.CompletedMultipartUpload{Parts: u.parts}})
	if err != nil {
		u.err = fmt.Errorf("%s: completing the upload: %w", u.name, s3Error(err))
		u.Abort()
		return u.err
	}
	u.err = errors.New("upload closed")
	return nil
}

// Abort gives up: the parts sent are deleted and the key is untouched.
func (u *Upload) Abort() {
	if u.err == nil {
		u.err = errors.New("upload aborted")
	}
	if u.id != "" {
		// A fresh context: aborting matters most when the dump's was cancelled.
		u.b.client.AbortMultipartUpload(context.WithoutCancel(u.ctx), &s3.AbortMultipartUploadInput{
			Bucket: aws.String(u.b.bucket), Key: aws.String(u.b.key), UploadId: aws.String(u.id)})
		u.id = ""
	}
}
