package embedded

import (
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"syscall"
)

// account is the identity the server programs run as. initdb and postgres
// refuse to run as root, so as root Start hands them to an unprivileged
// account through exec's SysProcAttr.Credential (no shell, no setpriv); as
// any other user they simply run as that user.
type account struct {
	uid, gid uint32
	drop     bool // whether the programs run under uid/gid instead of as us
}

// nobodyID is used when the system has no "nobody" entry; 65534 is
// nobody/nogroup on Debian, Ubuntu, Fedora and Alpine.
const nobodyID = 65534

func currentAccount() account {
	if os.Geteuid() != 0 {
		return account{uid: uint32(os.Geteuid()), gid: uint32(os.Getegid())}
	}
	a := account{uid: nobodyID, gid: nobodyID, drop: true}
	if u, err := user.Lookup("nobody"); err == nil {
		if uid, err := strconv.ParseUint(u.Uid, 10, 32); err == nil {
			a.uid = uint32(uid)
		}
		if gid, err := strconv.ParseUint(u.Gid, 10, 32); err == nil {
			a.gid = uint32(gid)
		}
	}
	return a
}

// sysProcAttr returns the attributes for a server program. Pdeathsig asks
// the kernel to signal the child when the thread that started it dies, so
// an interrupted test or CLI does not leave a server behind; Start runs the
// fork on a thread of its own that lives exactly as long as the child. A
// process group of its own lets us kill the program together with what it
// spawned (initdb's bootstrap backend, the postmaster's backends), and keeps
// a terminal's Ctrl-C for us rather than the server.
func (a account) sysProcAttr(deathSignal syscall.Signal) *syscall.SysProcAttr {
	attr := &syscall.SysProcAttr{Pdeathsig: deathSignal, Setpgid: true}
	if a.drop {
		// Groups is empty, so the root's supplementary groups are cleared.
		attr.Credential = &syscall.Credential{Uid: a.uid, Gid: a.gid, Groups: []uint32{}}
	}
	return attr
}

// own gives path to the account, so that the server programs can write in
// it. Without a drop there is nothing to do.
func (a account) own(path string) error {
	if !a.drop {
		return nil
	}
	if err := os.Chown(path, int(a.uid), int(a.gid)); err != nil {
		return fmt.Errorf("embedded: hand %s to uid %d: %w", path, a.uid, err)
	}
	return nil
}

// checkReachable fails when the account could not walk down to path, for
// example because a parent directory is a root-only 0700 directory. Without
// this check initdb fails later with a far less telling message.
func (a account) checkReachable(path string) error {
	if !a.drop {
		return nil
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("embedded: %s: %w", path, err)
	}
	for dir := filepath.Dir(abs); ; dir = filepath.Dir(dir) {
		fi, err := os.Stat(dir)
		if err != nil {
			return fmt.Errorf("embedded: %s: %w", dir, err)
		}
		if !a.may(fi, 0o1) {
			return fmt.Errorf("embedded: uid %d (which runs the server because we are root) cannot enter %s (mode %v); put the server under a world-searchable directory such as /tmp (Config.Dir or TMPDIR)", a.uid, dir, fi.Mode().Perm())
		}
		if dir == filepath.Dir(dir) {
			return nil
		}
	}
}

// checkExecutable fails when the account cannot run the server programs in
// binDir (for example binaries downloaded into root's home).
func (a account) checkExecutable(binDir string) error {
	if !a.drop {
		return nil
	}
	for _, p := range serverPrograms {
		path := filepath.Join(binDir, p)
		if err := a.checkReachable(path); err != nil {
			return err
		}
		fi, err := os.Stat(path)
		if err != nil {
			return fmt.Errorf("embedded: %s: %w", path, err)
		}
		if !a.may(fi, 0o1) {
			return fmt.Errorf("embedded: uid %d cannot execute %s (mode %v)", a.uid, path, fi.Mode().Perm())
		}
	}
	return nil
}

// may reports whether the account has permission bit (1=x, 2=w, 4=r) on fi,
// picking the owner, group or other triplet as the kernel would.
func (a account) may(fi os.FileInfo, bit os.FileMode) bool {
	perm := fi.Mode().Perm()
	st, ok := fi.Sys().(*syscall.Stat_t)
	switch {
	case ok && st.Uid == a.uid:
		return perm&(bit<<6) != 0
	case ok && st.Gid == a.gid:
		return perm&(bit<<3) != 0
	default:
		return perm&bit != 0
	}
}
