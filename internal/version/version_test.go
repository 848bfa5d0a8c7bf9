package version

import (
	"runtime"
	"strings"
	"testing"
)

func TestInfoText(t *testing.T) {
	tests := []struct {
		info         Info
		line, dumper string
	}{
		{Info{Version: "v0.3.0", Revision: "1a2b3c4d5e6f7a8b", Time: "2026-12-03T08:00:00Z", Go: "go1.26.0"},
			"pgdrill v0.3.0 (revision 1a2b3c4d5e6f, 2026-12-03T08:00:00Z) go1.26.0", "pgdrill v0.3.0 1a2b3c4d5e6f"},
		{Info{Version: "v0.0.0-20261203082100-21ecc3473a3b", Revision: "21ecc3473a3b64a9", Time: "2026-12-03T08:21:00Z", Go: "go1.26.8"},
			"pgdrill v0.0.0-20261203082100-21ecc3473a3b (revision 21ecc3473a3b, 2026-12-03T08:21:00Z) go1.26.8", "pgdrill v0.0.0-20261203082100-21ecc3473a3b"},
		{Info{Version: "v0.0.0-20261203082100-21ecc3473a3b+dirty", Revision: "21ecc3473a3b64a9", Modified: true, Go: "go1.26.8"},
			"pgdrill v0.0.0-20261203082100-21ecc3473a3b+dirty (revision 21ecc3473a3b, modified) go1.26.8", "pgdrill v0.0.0-20261203082100-21ecc3473a3b+dirty"},
		{Info{Version: "(devel)", Revision: "abc", Modified: true, Go: "go1.26.8"},
			"pgdrill (devel) (revision abc, modified) go1.26.8", "pgdrill (devel) abc+modified"},
		{Info{Version: "(devel)", Go: "go1.26.8"}, "pgdrill (devel) go1.26.8", "pgdrill (devel)"},
	}
	for _, tt := range tests {
		if got := tt.info.String(); got != tt.line {
			t.Errorf("String() = %q, want %q", got, tt.line)
		}
		if got := tt.info.Dumper(); got != tt.dumper {
			t.Errorf("Dumper() = %q, want %q", got, tt.dumper)
		}
	}
}

// TestGet: the test binary's own build information gives at least the Go
// version and a module version.
func TestGet(t *testing.T) {
	i := Get()
	if i.Go != runtime.Version() || i.Version == "" || !strings.HasPrefix(i.String(), "pgdrill ") {
		t.Errorf("Get() = %+v", i)
	}
}
