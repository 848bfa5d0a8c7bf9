package dump

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// RunFile is Run into the file path, written so that a failed or
// interrupted dump never destroys a previous backup there nor leaves a
// partial archive under its name: the archive is written to a temporary
// file in the same directory, flushed to disk, and renamed over path only
// once complete (and the directory flushed, so the rename survives a
// crash). On failure the temporary file is removed and path is untouched.
// A process killed outright (SIGKILL, power loss) can leave the temporary
// file, named .NAME.*.pgdrill-tmp beside path, never path itself.
func RunFile(ctx context.Context, connString, path string, opts Options) (Summary, error) {
	return ToFile(path, func(f *os.File) (Summary, error) { return Run(ctx, connString, f, opts) })
}

// ToFile calls write with a temporary file beside path and, if it
// succeeds, flushes the file and renames it over path, as RunFile does; on
// failure the temporary file is removed and path is untouched. RunTar into
// a file goes through it too.
func ToFile(path string, write func(f *os.File) (Summary, error)) (Summary, error) {
	f, err := createTemp(path)
	if err != nil {
		return Summary{}, fmt.Errorf("dump: %w", err)
	}
	tmp := f.Name()
	sum, err := write(f)
	if err == nil {
		if err = f.Sync(); err != nil {
			err = fmt.Errorf("dump: %s: %w", tmp, err)
		}
	}
	if cerr := f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("dump: %s: %w", tmp, cerr)
	}
	if err == nil {
		if err = os.Rename(tmp, path); err != nil {
			err = fmt.Errorf("dump: %w", err)
		}
	}
	if err != nil {
		os.Remove(tmp)
		return Summary{}, err
	}
	if err := syncDir(filepath.Dir(path)); err != nil {
		return sum, fmt.Errorf("dump: %s written, but its directory could not be flushed: %w", path, err)
	}
	return sum, nil
}

// createTemp makes a new file beside path, with the permissions os.Create
// would give path (0666 less the umask).
func createTemp(path string) (*os.File, error) {
	dir, base := filepath.Split(path)
	if fi, err := os.Stat(path); base == "" || (err == nil && fi.IsDir()) {
		return nil, &fs.PathError{Op: "create", Path: path, Err: syscall.EISDIR}
	}
	for range 100 {
		var rnd [6]byte
		if _, err := rand.Read(rnd[:]); err != nil {
			return nil, err
		}
		name := filepath.Join(dir, "."+base+"."+hex.EncodeToString(rnd[:])+".pgdrill-tmp")
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, fmt.Errorf("%s: no free temporary name beside it", path)
}

// syncDir flushes a directory's entries, so a rename in it is on disk.
func syncDir(dir string) error {
	if dir == "" {
		dir = "."
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
