// Package remotetest gives tests what reading archives from remote storage
// needs: a real S3 server on loopback (Versity's S3 gateway, versitygw,
// serving a temporary directory) and a TCP proxy that cuts connections
// after a given number of bytes, to prove reads resume where they stopped.
package remotetest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// Credentials the gateway accepts.
const (
	AccessKey = "pgdrilltest"
	SecretKey = "pgdrill-test-secret"
	Region    = "us-east-1"
)

// Server is a running versitygw.
type Server struct {
	Endpoint string // http://127.0.0.1:PORT
	Dir      string // the directory it serves: one subdirectory per bucket
	Client   *s3.Client
}

var (
	once      sync.Once
	shared    *Server
	sharedErr error
	skipWhy   string
)

// Find returns the versitygw binary: on PATH, else in GOBIN or
// GOPATH/bin (where go install puts it), else "".
func Find() string {
	if p, err := exec.LookPath("versitygw"); err == nil {
		return p
	}
	var dirs []string
	if d := os.Getenv("GOBIN"); d != "" {
		dirs = append(dirs, d)
	}
	if d := os.Getenv("GOPATH"); d != "" {
		dirs = append(dirs, filepath.Join(d, "bin"))
	}
	if h, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(h, "go", "bin"))
	}
	for _, d := range dirs {
		p := filepath.Join(d, "versitygw")
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p
		}
	}
	return ""
}

// Shared returns the test binary's one gateway, starting it on first use,
// or skips the test when versitygw is not installed. The gateway dies with
// the test binary (parent-death signal); its directory is left to the OS's
// temporary-file cleaning only if the binary is killed.
func Shared(t testing.TB) *Server {
	t.Helper()
	once.Do(func() {
		bin := Find()
		if bin == "" {
			skipWhy = "versitygw not installed (go install github.com/versity/versitygw/cmd/versitygw@v1.8.0; .ci/run does)"
			return
		}
		shared, sharedErr = start(bin)
	})
	if skipWhy != "" {
		t.Skip(skipWhy)
	}
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return shared
}

func start(bin string) (*Server, error) {
	dir, err := os.MkdirTemp("", "pgdrill-s3-")
	if err != nil {
		return nil, err
	}
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, "--access", AccessKey, "--secret", SecretKey, "--port", addr, "posix", dir)
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	// Pdeathsig fires when the OS thread that forked the gateway exits, not
	// the process: fork it from a thread locked for the gateway's whole life.
	// (An ordinary thread can later be locked by a goroutine that exits, such
	// as internal/embedded's server starter, and the kernel then killed the
	// gateway in the middle of the tests.)
	started := make(chan error, 1)
	exited := make(chan error, 1)
	go func() {
		runtime.LockOSThread() // never unlocked: the thread ends with the gateway
		if err := cmd.Start(); err != nil {
			started <- err
			return
		}
		started <- nil
		exited <- cmd.Wait()
	}()
	if err := <-started; err != nil {
		return nil, fmt.Errorf("versitygw: %w", err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			c.Close()
			break
		}
		select {
		case err := <-exited:
			return nil, fmt.Errorf("versitygw exited (%v): %s", err, log.String())
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			return nil, fmt.Errorf("versitygw did not listen on %s within 20s: %s", addr, log.String())
		}
	}
	s := &Server{Endpoint: "http://" + addr, Dir: dir}
	s.Client = s.NewClient(AccessKey, SecretKey)
	return s, nil
}

func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

// NewClient returns an S3 client of the gateway with the given credentials.
func (s *Server) NewClient(access, secret string) *s3.Client {
	return s3.New(s3.Options{
		BaseEndpoint: aws.String(s.Endpoint),
		Region:       Region,
		UsePathStyle: true,
		Credentials:  credentials.NewStaticCredentialsProvider(access, secret, ""),
	})
}

// Bucket creates a bucket with a name unique to the test and returns it.
func (s *Server) Bucket(t testing.TB) string {
	t.Helper()
	name := fmt.Sprintf("t%d-%d", time.Now().UnixNano(), bucketSeq.Add(1))
	if _, err := s.Client.CreateBucket(context.Background(), &s3.CreateBucketInput{Bucket: aws.String(name)}); err != nil {
		t.Fatalf("create bucket %s: %v", name, err)
	}
	return name
}

var bucketSeq atomic.Int64

// Put stores data under bucket/key.
func (s *Server) Put(t testing.TB, bucket, key string, data []byte) {
	t.Helper()
	_, err := s.Client.PutObject(context.Background(), &s3.PutObjectInput{
		Bucket: aws.String(bucket), Key: aws.String(key), Body: bytes.NewReader(data),
	})
	if err != nil {
		t.Fatalf("put s3://%s/%s: %v", bucket, key, err)
	}
}

// PutFile stores the file at path under bucket/key.
func (s *Server) PutFile(t testing.TB, bucket, key, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Put(t, bucket, key, data)
}

// Env sets the environment the AWS SDK's default chain reads to reach
// this gateway with its credentials, and keeps the machine's own AWS
// configuration files out of the way. It uses t.Setenv, so the test must
// not be parallel.
func (s *Server) Env(t testing.TB) {
	t.Helper()
	for k, v := range map[string]string{
		"AWS_ACCESS_KEY_ID":           AccessKey,
		"AWS_SECRET_ACCESS_KEY":       SecretKey,
		"AWS_SESSION_TOKEN":           "",
		"AWS_REGION":                  Region,
		"AWS_ENDPOINT_URL":            s.Endpoint,
		"AWS_PROFILE":                 "",
		"AWS_CONFIG_FILE":             os.DevNull,
		"AWS_SHARED_CREDENTIALS_FILE": os.DevNull,
		"AWS_EC2_METADATA_DISABLED":   "true",
	} {
		t.Setenv(k, v)
	}
}

// Proxy forwards TCP connections to a target and, when told, cuts them.
type Proxy struct {
	Addr string // host:port to connect to

	l      net.Listener
	target string
	mu     sync.Mutex
	cuts   []int64 // for the next connections: response bytes after which to cut
	conns  int
	cut    int   // connections cut so far
	sent   int64 // bytes sent since the last cut or CutAfter
}

// NewProxy starts a proxy to target (host:port), stopped at the test's end.
func NewProxy(t testing.TB, target string) *Proxy {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &Proxy{Addr: l.Addr().String(), l: l, target: target}
	go p.serve()
	t.Cleanup(func() { l.Close() })
	return p
}

// CutAfter makes the proxy reset a connection once n[0] more bytes have
// come from the target (on any connection), then again n[1] bytes later,
// and so on.
func (p *Proxy) CutAfter(n ...int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.cuts) == 0 {
		p.sent = 0
	}
	p.cuts = append(p.cuts, n...)
}

// Conns is how many connections the proxy accepted.
func (p *Proxy) Conns() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.conns
}

// Cuts is how many connections the proxy has cut.
func (p *Proxy) Cuts() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.cut
}

func (p *Proxy) serve() {
	for {
		c, err := p.l.Accept()
		if err != nil {
			return
		}
		p.mu.Lock()
		p.conns++
		p.mu.Unlock()
		go p.pipe(c)
	}
}

// account records n bytes about to be sent and says how many of them to
// send before cutting, or -1 to send them all.
func (p *Proxy) account(n int64) int64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.cuts) == 0 {
		return -1
	}
	if p.sent+n <= p.cuts[0] {
		p.sent += n
		return -1
	}
	keep := p.cuts[0] - p.sent
	p.cuts, p.sent = p.cuts[1:], 0
	p.cut++
	return keep
}

// pipe forwards one connection. Cuts count the bytes the target sends on
// every connection, so that they happen whichever connection an HTTP
// client reuses.
func (p *Proxy) pipe(c net.Conn) {
	u, err := net.Dial("tcp", p.target)
	if err != nil {
		c.Close()
		return
	}
	go func() {
		io.Copy(u, c)
		u.Close()
	}()
	buf := make([]byte, 32<<10)
	for {
		n, err := u.Read(buf)
		if keep := p.account(int64(n)); keep >= 0 {
			c.Write(buf[:keep])
			if tc, ok := c.(*net.TCPConn); ok {
				tc.SetLinger(0) // close with RST: a connection reset, not a clean end
			}
			break
		}
		if n > 0 {
			if _, werr := c.Write(buf[:n]); werr != nil {
				break
			}
		}
		if err != nil {
			break
		}
	}
	c.Close()
	u.Close()
}
