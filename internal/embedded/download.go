package embedded

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	embeddedpostgres "github.com/fergusstrange/embedded-postgres"
	"github.com/xi2/xz"
)

// downloadVersion is the PostgreSQL release fetched when no server is
// installed locally: the zonky build embedded-postgres names.
const downloadVersion = embeddedpostgres.V17

// downloadRepository is the Maven repository the zonky binaries come from;
// "" is Maven Central. Tests point it at a local server.
var downloadRepository = ""

// Download limits: a repository that does not answer fails within
// connectTimeout instead of hanging; the whole download (about 30 MB)
// within totalTimeout. Variables so tests can shorten them.
var (
	connectTimeout = 15 * time.Second
	totalTimeout   = 10 * time.Minute
)

// maxJarBytes bounds what the download accepts, so a wrong URL serving
// endless data cannot fill the disk; the zonky jars are about 30 MB.
const maxJarBytes = 1 << 30

// downloadBinaries fetches and unpacks a PostgreSQL server into the cache
// and returns its bin directory; a cached one is used as is. Everything is
// written inside a scratch directory of the cache that is removed however
// the download ends (error, timeout, cancelled context), so a failed or
// interrupted download leaves nothing; a complete tree is renamed into
// place, so two processes downloading at once never see half of one.
// progress, if not nil, is called with the bytes received and the total
// (-1 when the server does not say).
func downloadBinaries(ctx context.Context, progress func(done, total int64)) (string, error) {
	root, err := cacheDir()
	if err != nil {
		return "", fmt.Errorf("cache dir: %w", err)
	}
	final := filepath.Join(root, "embedded-postgres-"+string(downloadVersion))
	if missingPrograms(filepath.Join(final, "bin")) == "" {
		return filepath.Join(final, "bin"), nil
	}
	if err := os.MkdirAll(root, 0o755); err != nil {
		return "", fmt.Errorf("cache dir: %w", err)
	}
	sweepDownloads(root)
	work, err := os.MkdirTemp(root, downloadPrefix)
	if err != nil {
		return "", fmt.Errorf("cache dir: %w", err)
	}
	defer os.RemoveAll(work)

	ctx, cancel := context.WithTimeout(ctx, totalTimeout)
	defer cancel()
	url, err := jarURL()
	if err != nil {
		return "", err
	}
	jar := filepath.Join(work, "postgres.jar")
	if err := fetch(ctx, url, jar, progress); err != nil {
		return "", fmt.Errorf("PostgreSQL %s from %s: %w", downloadVersion, repositoryName(), err)
	}
	unpacked := filepath.Join(work, "pg")
	if err := unpackJar(jar, unpacked); err != nil {
		return "", fmt.Errorf("PostgreSQL %s from %s: %w", downloadVersion, url, err)
	}
	if why := missingPrograms(filepath.Join(unpacked, "bin")); why != "" {
		return "", fmt.Errorf("PostgreSQL %s from %s: unpacked tree has %s", downloadVersion, url, why)
	}
	// The unpacked tree is shared by every later server: make it readable
	// and runnable by all, for the nobody account.
	if err := os.Chmod(unpacked, 0o755); err != nil {
		return "", err
	}
	if err := os.Rename(unpacked, final); err != nil && missingPrograms(filepath.Join(final, "bin")) != "" {
		return "", fmt.Errorf("install %s: %w", final, err)
	}
	return filepath.Join(final, "bin"), nil
}

func repositoryName() string {
	if downloadRepository == "" {
		return "Maven Central"
	}
	return downloadRepository
}

// jarURL is where the zonky build for this machine lives, as
// embedded-postgres names it.
func jarURL() (string, error) {
	arch := map[string]string{"amd64": "amd64", "arm64": "arm64v8", "386": "i386", "ppc64le": "ppc64le"}[runtime.GOARCH]
	if arch == "" || (runtime.GOOS != "linux" && runtime.GOOS != "darwin") {
		return "", fmt.Errorf("no PostgreSQL download for %s/%s", runtime.GOOS, runtime.GOARCH)
	}
	if _, err := os.Stat("/etc/alpine-release"); err == nil && runtime.GOOS == "linux" {
		arch += "-alpine" // musl builds
	}
	repo := downloadRepository
	if repo == "" {
		repo = "https://repo1.maven.org/maven2"
	}
	name := fmt.Sprintf("embedded-postgres-binaries-%s-%s", runtime.GOOS, arch)
	return fmt.Sprintf("%s/io/zonky/test/postgres/%s/%s/%s-%s.jar", strings.TrimSuffix(repo, "/"), name, downloadVersion, name, downloadVersion), nil
}

// httpClient connects within connectTimeout and waits as long for the
// response headers; the body is bounded by the caller's context.
func httpClient() *http.Client {
	return &http.Client{Transport: &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: connectTimeout}).DialContext,
		TLSHandshakeTimeout:   connectTimeout,
		ResponseHeaderTimeout: connectTimeout,
	}}
}

// fetch downloads url into path, then checks it against the repository's
// .sha256 when there is one.
func fetch(ctx context.Context, url, path string, progress func(done, total int64)) error {
	client := httpClient()
	defer client.CloseIdleConnections()
	body, total, err := get(ctx, client, url)
	if err != nil {
		return err
	}
	defer body.Close()
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	h := sha256.New()
	var done int64
	buf := make([]byte, 256<<10)
	for {
		n, rerr := body.Read(buf)
		if n > 0 {
			if done += int64(n); done > maxJarBytes {
				return fmt.Errorf("%s: more than %d bytes", url, maxJarBytes)
			}
			h.Write(buf[:n])
			if _, err := f.Write(buf[:n]); err != nil {
				return err
			}
			if progress != nil {
				progress(done, total)
			}
		}
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			return fmt.Errorf("%s: after %d bytes: %w", url, done, timeoutCause(ctx, rerr))
		}
	}
	if total >= 0 && done != total {
		return fmt.Errorf("%s: got %d of %d bytes", url, done, total)
	}
	if err := f.Close(); err != nil {
		return err
	}
	// The checksum is optional, as for embedded-postgres: mirrors may lack it.
	sumBody, _, err := get(ctx, client, url+".sha256")
	if err != nil {
		return nil
	}
	defer sumBody.Close()
	want, err := io.ReadAll(io.LimitReader(sumBody, 128))
	if err != nil {
		return nil
	}
	if got := hex.EncodeToString(h.Sum(nil)); !bytes.Equal(bytes.TrimSpace(want), []byte(got)) {
		return fmt.Errorf("%s: sha256 %s, the repository says %s", url, got, bytes.TrimSpace(want))
	}
	return nil
}

// get starts a GET and returns the body and its length (-1 if unknown).
func get(ctx context.Context, client *http.Client, url string) (io.ReadCloser, int64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, 0, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, 0, timeoutCause(ctx, err)
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, 0, fmt.Errorf("%s: %s", url, resp.Status)
	}
	return resp.Body, resp.ContentLength, nil
}

// timeoutCause names the limit that ended a request, if one did.
func timeoutCause(ctx context.Context, err error) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("no complete download within %s: %w", totalTimeout, err)
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return fmt.Errorf("no answer within %s: %w", connectTimeout, err)
	}
	return err
}

// unpackJar extracts the .txz inside the jar into dir.
func unpackJar(jar, dir string) error {
	zr, err := zip.OpenReader(jar)
	if err != nil {
		return err
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.FileInfo().IsDir() || !strings.HasSuffix(f.Name, ".txz") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return err
		}
		defer rc.Close()
		xr, err := xz.NewReader(rc, 0)
		if err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		return untar(tar.NewReader(xr), dir)
	}
	return errors.New("no .txz inside the jar")
}

// untar writes the archive's directories, files and symbolic links under
// dir, refusing any name or link that would lead outside it.
func untar(tr *tar.Reader, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		name := filepath.Clean(h.Name)
		if filepath.IsAbs(name) || name == ".." || strings.HasPrefix(name, "../") {
			return fmt.Errorf("tar entry %q leads outside the tree", h.Name)
		}
		target := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(target, 0o755); err != nil {
				return err
			}
		case tar.TypeReg:
			f, err := os.OpenFile(target, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, os.FileMode(h.Mode)&0o755|0o644)
			if err != nil {
				return err
			}
			_, err = io.Copy(f, io.LimitReader(tr, maxJarBytes))
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return err
			}
		case tar.TypeSymlink:
			resolved := filepath.Join(filepath.Dir(name), h.Linkname)
			if filepath.IsAbs(h.Linkname) || resolved == ".." || strings.HasPrefix(resolved, "../") {
				return fmt.Errorf("tar link %q -> %q leads outside the tree", h.Name, h.Linkname)
			}
			os.Remove(target)
			if err := os.Symlink(h.Linkname, target); err != nil {
				return err
			}
		}
	}
}

// downloadPrefix names the scratch directories of downloads in the cache.
const downloadPrefix = "download-"

// sweepDownloads removes scratch directories that a killed download left
// in the cache: older than any download may take, so a running one is
// never touched.
func sweepDownloads(root string) {
	entries, err := os.ReadDir(root)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), downloadPrefix) {
			continue
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > totalTimeout+staleAfter {
			_ = os.RemoveAll(filepath.Join(root, e.Name()))
		}
	}
}
