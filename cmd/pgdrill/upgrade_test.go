package main

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/pgdrill/pgdrill/drill"
	"github.com/pgdrill/pgdrill/internal/pgtest"
)

// TestUpgradeDrill runs the upgrade drill over every PostgreSQL version
// installed here (CI installs 15 to 18): the oldest builds the audit chain,
// dumps and restores it; each newer restores that dump and passes; an archive
// whose chain was tampered with fails on every version, blaming the archive.
func TestUpgradeDrill(t *testing.T) {
	majors := installedMajors()
	if len(majors) < 2 {
		t.Skipf("only PostgreSQL %v installed: an upgrade drill needs two versions (CI installs 15-18)", majors)
	}
	t.Logf("versions: %v", majors)
	list := strings.Join(majors, ",")
	code, out, errOut := runArchiveCmd(t, nil, "drill", "--json", "--pg-version", list)
	var rep drill.UpgradeReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != exitOK || !rep.OK || len(rep.Versions) != len(majors) {
		t.Fatalf("exit %d, %v, %+v\n%s", code, err, rep, errOut)
	}
	for i, v := range rep.Versions {
		wantRole := "restore"
		if i == 0 {
			wantRole = "source"
		}
		if want := majors[i]; v.Role != wantRole || !v.Report.OK || want != strconv.Itoa(v.Major) || v.Report.Rows != 24 {
			t.Errorf("version %d: %+v", i, v)
		}
		// Every version holds the same chain as the source.
		if v.Report.After == nil || rep.Versions[0].Report.After == nil || str(v.Report.After.HeadHash) != str(rep.Versions[0].Report.After.HeadHash) {
			t.Errorf("PostgreSQL %d: chain head differs from the source's", v.Major)
		}
	}

	code, out, _ = runArchiveCmd(t, nil, "drill", "--pg-version", list, "--archive", chainArchive("tampered24-pg15-gzip-Pacific_Chatham.dump"))
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != exitFailed || len(lines) != len(majors)+1 || !strings.HasPrefix(lines[len(lines)-1], "FAIL upgrade ") {
		t.Fatalf("tampered archive: exit %d\n%s", code, out)
	}
	for _, l := range lines[:len(majors)] {
		if !strings.Contains(l, "(restore): FAIL archive:") {
			t.Errorf("tampered archive: %q does not blame the archive", l)
		}
	}
}

// TestUpgradeDrillUsage: what the upgrade drill cannot do is bad usage.
func TestUpgradeDrillUsage(t *testing.T) {
	for _, args := range [][]string{
		{"drill", "--pg-version", "abc"},
		{"drill", "--pg-version", "7"},
		{"drill", "--pg-version", "15,15"},
		{"drill", "--pg-version", "15,18", "-d", pgtest.NewDB(t)},
	} {
		if code, _, errOut := runArchiveCmd(t, nil, args...); code != exitUsage {
			t.Errorf("%q: exit %d, want 2: %s", args, code, errOut)
		}
	}
}

func str(p *string) string {
	if p == nil {
		return "<nil>"
	}
	return *p
}
