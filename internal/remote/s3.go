package remote

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// s3Backend reads one object through the AWS SDK: its default credential
// chain (environment, shared config and profile, web identity as on a
// Kubernetes service account, instance role) signs every request.
type s3Backend struct {
	client      *s3.Client
	bucket, key string
	chosen      string    // the key Latest picked, if it ran
	modified    time.Time // its LastModified
	listed      int64     // list requests Latest sent
}

// splitS3 splits s3://bucket/key.
func splitS3(name string) (bucket, key string, err error) {
	rest := name[len("s3://"):]
	bucket, key, _ = strings.Cut(rest, "/")
	if bucket == "" {
		return "", "", errors.New("no bucket in the URL (s3://bucket/key)")
	}
	return bucket, key, nil
}

func newS3Backend(ctx context.Context, name string, opts *Options) (*s3Backend, error) {
	bucket, key, err := splitS3(name)
	if err != nil {
		return nil, err
	}
	if opts.Latest == LatestNone && (key == "" || strings.HasSuffix(key, "/")) {
		return nil, errors.New("names a prefix, not an object: name the object, or add --latest for the newest under it")
	}
	var load []func(*config.LoadOptions) error
	if opts.HTTPClient != nil {
		load = append(load, config.WithHTTPClient(opts.HTTPClient))
	}
	cfg, err := config.LoadDefaultConfig(ctx, load...)
	if err != nil {
		return nil, fmt.Errorf("AWS configuration: %w", err)
	}
	custom := opts.S3Endpoint != "" || cfg.BaseEndpoint != nil || os.Getenv("AWS_ENDPOINT_URL_S3") != ""
	region := cfg.Region
	if region == "" {
		if custom {
			region = "us-east-1" // what S3-compatible stores take when they ignore regions
		} else if region, err = bucketRegion(ctx, opts.HTTPClient, bucket); err != nil {
			return nil, err
		}
	}
	b := &s3Backend{bucket: bucket, key: key}
	b.client = s3.NewFromConfig(cfg, func(o *s3.Options) {
		if opts.S3Endpoint != "" {
			o.BaseEndpoint = aws.String(opts.S3Endpoint)
		}
		// Stores other than AWS serve buckets under the endpoint's path;
		// virtual hosts (bucket.endpoint) need DNS they seldom have.
		o.UsePathStyle = custom
		o.Region = region
		// A range has no whole-object checksum to check.
		o.ResponseChecksumValidation = aws.ResponseChecksumValidationWhenRequired
		// Parts with checksums need them repeated when the upload completes,
		// which not every S3-compatible store accepts; S3 checks Content-MD5-less
		// parts by their ETags anyway.
		o.RequestChecksumCalculation = aws.RequestChecksumCalculationWhenRequired
	})
	if opts.Latest != LatestNone {
		if err := b.pickLatest(ctx, opts.Latest); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// bucketRegion asks S3 where a bucket lives: any answer to an anonymous
// HEAD, a refusal included, carries x-amz-bucket-region.
func bucketRegion(ctx context.Context, client *http.Client, bucket string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, "https://s3.amazonaws.com/"+bucket, nil)
	if err != nil {
		return "", err
	}
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return "", fmt.Errorf("no AWS region configured (AWS_REGION) and the bucket's could not be asked: %w", err)
	}
	resp.Body.Close()
	if r := resp.Header.Get("X-Amz-Bucket-Region"); r != "" {
		return r, nil
	}
	return "", fmt.Errorf("no AWS region configured (AWS_REGION) and S3 did not say the bucket's (%s)", resp.Status)
}

// pickLatest replaces the key, a prefix, by the newest object under it.
func (b *s3Backend) pickLatest(ctx context.Context, by Latest) error {
	p := s3.NewListObjectsV2Paginator(b.client, &s3.ListObjectsV2Input{Bucket: aws.String(b.bucket), Prefix: aws.String(b.key)})
	var best string
	var bestTime time.Time
	for p.HasMorePages() {
		b.listed++
		page, err := p.NextPage(ctx)
		if err != nil {
			return fmt.Errorf("listing s3://%s/%s: %w", b.bucket, b.key, s3Error(err))
		}
		for _, obj := range page.Contents {
			k, t := aws.ToString(obj.Key), aws.ToTime(obj.LastModified)
			if strings.HasSuffix(k, "/") {
				continue // a folder marker
			}
			newer := k > best
			if by == LatestModified && !t.Equal(bestTime) {
				newer = t.After(bestTime)
			}
			if best == "" || newer {
				best, bestTime = k, t
			}
		}
	}
	if best == "" {
		return fmt.Errorf("no object under s3://%s/%s", b.bucket, b.key)
	}
	b.key, b.chosen, b.modified = best, best, bestTime
	return nil
}

func (b *s3Backend) get(ctx context.Context, off, end int64, etag string) (*response, error) {
	in := &s3.GetObjectInput{Bucket: aws.String(b.bucket), Key: aws.String(b.key)}
	if end < 0 {
		in.Range = aws.String(fmt.Sprintf("bytes=%d-", off))
	} else {
		in.Range = aws.String(fmt.Sprintf("bytes=%d-%d", off, end-1))
	}
	if etag != "" {
		in.IfMatch = aws.String(etag)
	}
	// Retries are ours (Object.retry), so that they resume mid-body too and
	// every request is counted.
	out, err := b.client.GetObject(ctx, in, func(o *s3.Options) { o.Retryer = aws.NopRetryer{} })
	if err != nil {
		err = s3Error(err)
		var se *StatusError
		if errors.As(err, &se) && se.Status == http.StatusRequestedRangeNotSatisfiable && off == 0 {
			return nil, errEmpty
		}
		return nil, err
	}
	r := &response{body: out.Body, etag: aws.ToString(out.ETag)}
	if out.ContentRange != nil {
		size, err := rangeSize(*out.ContentRange, off)
		if err != nil {
			out.Body.Close()
			return nil, err
		}
		r.size = size
	} else if off == 0 && out.ContentLength != nil {
		r.size = *out.ContentLength
	} else {
		out.Body.Close()
		return nil, notRetryable{errors.New("the store ignored the range asked for")}
	}
	if out.LastModified != nil {
		r.modified = *out.LastModified
		if r.etag == "" {
			r.version = out.LastModified.UTC().Format(time.RFC3339)
		}
	}
	return r, nil
}

// s3Error turns the SDK's refusal into a StatusError carrying the store's
// code and message (what an operator needs for wrong credentials); 412 is
// ErrChanged. Failures without a response (connection) pass as they are.
func s3Error(err error) error {
	var re *smithyhttp.ResponseError
	if !errors.As(err, &re) {
		return err
	}
	se := &StatusError{Status: re.HTTPStatusCode()}
	if se.Status == http.StatusPreconditionFailed {
		return ErrChanged
	}
	var ae smithy.APIError
	if errors.As(err, &ae) {
		se.Code, se.Message = ae.ErrorCode(), ae.ErrorMessage()
	}
	if se.Status == http.StatusMovedPermanently {
		if r := re.Response.Header.Get("X-Amz-Bucket-Region"); r != "" {
			se.Message = strings.TrimSpace(se.Message + " (the bucket is in " + r + ": set AWS_REGION=" + r + ")")
		}
	}
	return se
}
