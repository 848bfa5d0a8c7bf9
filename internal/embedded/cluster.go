package embedded

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// initdbArgs are the cluster settings (beside the superuser's name);
// templateLayout names them, so that a cached template made with other
// settings is never reused.
var initdbArgs = []string{
	"-A", "password", // cleartext over loopback only; works on every version
	"-E", "UTF8",
	"--locale=C",
	"-N", // no fsync: the cluster is thrown away
}

const templateLayout = "layout 1"

// cacheDir is where downloaded binaries and cluster templates are kept
// between runs. As root it is a root-owned, world-readable system
// directory, because the server runs as nobody, who can neither read
// root's home nor be trusted with a directory in /tmp that anyone could
// have created first. A variable so tests can use a fresh one.
var cacheDir = func() (string, error) {
	if os.Geteuid() == 0 {
		return "/var/cache/pgdrill", nil
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "pgdrill"), nil
}

// initCluster fills dataDir with a new cluster and returns the superuser's
// password. initdb is most of a cold start (on a loaded 2-core machine it
// took 2.5 s where copying a template took 0.4 s), so the first server made
// with a given postgres binary initialises a template in the cache and every
// later one copies it. Without a usable cache it runs initdb in place.
func (s *Server) initCluster(ctx context.Context, binDir, dataDir string, acct account, env []string, output io.Writer) (string, error) {
	tmpl, password, err := s.template(ctx, binDir, acct, env, output)
	if err != nil {
		return "", err
	}
	if tmpl == "" {
		if password, err = randomPassword(); err != nil {
			return "", err
		}
		return password, s.initdb(ctx, binDir, s.runtimeDir, dataDir, password, acct, env, output)
	}
	if err := copyTree(tmpl, dataDir, acct); err != nil {
		return "", err
	}
	fmt.Fprintf(output, "embedded: data directory copied from template %s\n", tmpl)
	return password, nil
}

// template returns a cached, initialised data directory for binDir and its
// superuser password, making it first if needed. It returns "" and no error
// when there is no usable cache directory.
func (s *Server) template(ctx context.Context, binDir string, acct account, env []string, output io.Writer) (dir, password string, err error) {
	key, err := templateKey(binDir, s.superuser)
	if err != nil {
		return "", "", err
	}
	root, err := cacheDir()
	if err == nil {
		root = filepath.Join(root, "templates")
		err = os.MkdirAll(root, 0o755)
	}
	if err != nil {
		fmt.Fprintf(output, "embedded: no template cache (%v); running initdb in place\n", err)
		return "", "", nil
	}
	final := filepath.Join(root, key)
	if pw, err := os.ReadFile(filepath.Join(final, "password")); err == nil {
		return filepath.Join(final, "data"), string(pw), nil
	}

	removeStaleWork(root)
	// Made privately, then renamed into place: a template that exists is
	// complete, and processes racing to make it each use a whole one.
	work, err := os.MkdirTemp(root, "tmp-")
	if err != nil {
		fmt.Fprintf(output, "embedded: template cache %s not writable (%v); running initdb in place\n", root, err)
		return "", "", nil
	}
	defer os.RemoveAll(work) // a no-op once renamed
	if err := acct.checkReachable(work); err != nil {
		fmt.Fprintf(output, "%v; running initdb in place\n", err)
		return "", "", nil
	}
	if err := acct.own(work); err != nil {
		return "", "", err
	}
	if password, err = randomPassword(); err != nil {
		return "", "", err
	}
	// A template serves every Config.TimeZone; the server's -c TimeZone
	// overrides what initdb writes.
	env = append(env[:len(env):len(env)], "TZ=UTC")
	if err := s.initdb(ctx, binDir, work, filepath.Join(work, "data"), password, acct, env, output); err != nil {
		return "", "", err
	}
	if acct.drop {
		// Back to root: nobody must not be able to alter what root
		// copies into every later server.
		if err := chownTree(work, os.Geteuid(), os.Getegid()); err != nil {
			return "", "", err
		}
	}
	if err := os.WriteFile(filepath.Join(work, "password"), []byte(password), 0o600); err != nil {
		return "", "", fmt.Errorf("embedded: template password: %w", err)
	}
	if err := os.Rename(work, final); err != nil {
		// Another process got there first; use its template.
		pw, readErr := os.ReadFile(filepath.Join(final, "password"))
		if readErr != nil {
			return "", "", fmt.Errorf("embedded: install template %s: %w", final, err)
		}
		password = string(pw)
	}
	return filepath.Join(final, "data"), password, nil
}

// removeStaleWork removes template work dirs left by processes killed
// while making one; an hour is far beyond any initdb.
func removeStaleWork(root string) {
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), "tmp-") {
			continue
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > time.Hour {
			os.RemoveAll(filepath.Join(root, e.Name()))
		}
	}
}

// templateKey identifies the postgres binary by path, size and mtime, so an
// upgraded or different server gets a template of its own, and the
// superuser's name, which initdb fixes.
func templateKey(binDir, superuser string) (string, error) {
	real, err := filepath.EvalSymlinks(filepath.Join(binDir, "postgres"))
	if err != nil {
		return "", fmt.Errorf("embedded: %w", err)
	}
	fi, err := os.Stat(real)
	if err != nil {
		return "", fmt.Errorf("embedded: %w", err)
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%s\n%d\n%d\n%s\n", templateLayout, real, fi.Size(), fi.ModTime().UnixNano(), strings.Join(initdbArgs, " "))
	if superuser != Superuser {
		// Templates of the default superuser keep the key they always had.
		fmt.Fprintf(h, "-U %s\n", superuser)
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

// initdb makes a cluster in dataDir; workDir holds the transient password
// file and must be writable by the account.
func (s *Server) initdb(ctx context.Context, binDir, workDir, dataDir, password string, acct account, env []string, output io.Writer) error {
	pwfile := filepath.Join(workDir, "pwfile")
	if err := os.WriteFile(pwfile, []byte(password+"\n"), 0o600); err != nil {
		return fmt.Errorf("embedded: write password file: %w", err)
	}
	defer os.Remove(pwfile)
	if err := acct.own(pwfile); err != nil {
		return err
	}
	args := append([]string{"-D", dataDir, "--pwfile=" + pwfile, "-U", s.superuser}, initdbArgs...)
	cmd := exec.Command(filepath.Join(binDir, "initdb"), args...)
	cmd.Dir = workDir
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = output, output
	cmd.SysProcAttr = acct.sysProcAttr(syscall.SIGKILL)
	cmd.WaitDelay = stopTimeout
	proc, err := startProcess(cmd)
	if err != nil {
		return fmt.Errorf("embedded: run %s: %w", cmd.Path, err)
	}
	select {
	case <-proc.done:
	case <-ctx.Done():
		proc.killGroup()
		<-proc.done
		return fmt.Errorf("embedded: initdb: %w", ctx.Err())
	}
	if proc.err != nil {
		return fmt.Errorf("embedded: %s: %v\n%s", cmd, proc.err, s.logTail())
	}
	return nil
}

// copyTree copies the directory src to dst (which must not exist), keeping
// permissions, and gives every copy to the account.
func copyTree(src, dst string, acct account) error {
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		info, err := d.Info()
		if err != nil {
			return err
		}
		switch {
		case d.IsDir():
			err = os.Mkdir(target, info.Mode().Perm())
		case d.Type()&fs.ModeSymlink != 0:
			var link string
			if link, err = os.Readlink(path); err == nil {
				err = os.Symlink(link, target)
			}
		case d.Type().IsRegular():
			err = copyFile(path, target, info.Mode().Perm())
		default:
			err = fmt.Errorf("unexpected file type %v", d.Type())
		}
		if err == nil && acct.drop {
			err = os.Lchown(target, int(acct.uid), int(acct.gid))
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("embedded: copy template %s: %w", src, err)
	}
	return nil
}

func copyFile(src, dst string, perm os.FileMode) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, perm)
	if err != nil {
		return err
	}
	// io.Copy between files uses copy_file_range: no bytes through us.
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// chownTree gives dir and everything below it to uid:gid.
func chownTree(dir string, uid, gid int) error {
	err := filepath.WalkDir(dir, func(path string, _ fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(path, uid, gid)
	})
	if err != nil {
		return fmt.Errorf("embedded: chown %s: %w", dir, err)
	}
	return nil
}
