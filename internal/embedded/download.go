package embedded

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	embeddedpostgres "github.com/fergusstrange/embedded-postgres"
)

// downloadVersion is the PostgreSQL release fetched when no server is
// installed locally.
const downloadVersion = embeddedpostgres.V17

// downloadRepository is the Maven repository embedded-postgres fetches
// from; "" keeps the library's default (Maven Central). Tests point it at
// a local server.
var downloadRepository = ""

// downloadBinaries has embedded-postgres download and unpack a server and
// returns its bin directory. The library has no download-only call: its
// Start downloads into BinariesPath and then runs initdb as the current user
// (which as root cannot work). So we give it a data directory below a
// regular file: Start fails on clearing that directory, after the unpack
// and before running anything, and the unpacked tree is what we keep.
func downloadBinaries(ctx context.Context) (string, error) {
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
	// Unpacked privately, then renamed into place, so that two processes
	// downloading at once never see each other's half-written tree.
	work, err := os.MkdirTemp(root, "download-")
	if err != nil {
		return "", fmt.Errorf("cache dir: %w", err)
	}
	defer os.RemoveAll(work)
	blocker := filepath.Join(work, "stop-before-initdb")
	if err := os.WriteFile(blocker, nil, 0o600); err != nil {
		return "", err
	}
	port, err := pickPort() // the library insists on checking one
	if err != nil {
		return "", err
	}
	unpacked := filepath.Join(work, "pg")
	cfg := embeddedpostgres.DefaultConfig().
		Version(downloadVersion).
		Port(port).
		CachePath(root).
		BinariesPath(unpacked).
		RuntimePath(filepath.Join(work, "runtime")).
		DataPath(filepath.Join(blocker, "data")).
		Logger(nil)
	if downloadRepository != "" {
		cfg = cfg.BinaryRepositoryURL(downloadRepository)
	}
	done := make(chan error, 1)
	go func() { done <- embeddedpostgres.NewDatabase(cfg).Start() }()
	var startErr error
	select {
	case startErr = <-done:
	case <-ctx.Done():
		return "", ctx.Err()
	}
	if why := missingPrograms(filepath.Join(unpacked, "bin")); why != "" {
		if startErr == nil {
			startErr = errors.New("no error, yet nothing unpacked")
		}
		return "", fmt.Errorf("embedded-postgres %s from %s: %v (unpacked tree: %s)",
			downloadVersion, repositoryName(), startErr, why)
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
