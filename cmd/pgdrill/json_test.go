package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/pgdrill/pgdrill/drill"
	"github.com/pgdrill/pgdrill/dump"
	"github.com/pgdrill/pgdrill/internal/embedded"
	"github.com/pgdrill/pgdrill/internal/inspect"
	"github.com/pgdrill/pgdrill/internal/pgtest"
	"github.com/pgdrill/pgdrill/restore"
)

// docField is one row of a schema table in docs/json.md.
type docField struct {
	typ      string
	optional bool
}

var docRow = regexp.MustCompile("^\\| `([a-z0-9_.\\[\\]]+)` \\| ([^|]+) \\|")

// jsonDocs reads docs/json.md: for each "## pgdrill COMMAND --json"
// section, its fields by path (entries[].dump_id), type and whether they
// may be absent.
func jsonDocs(t *testing.T) map[string]map[string]docField {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "docs", "json.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs := map[string]map[string]docField{}
	var cur map[string]docField
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if cmd, ok := strings.CutPrefix(line, "## pgdrill "); ok {
			cur = map[string]docField{}
			docs[strings.TrimSuffix(cmd, " --json")] = cur
			continue
		}
		if m := docRow.FindStringSubmatch(line); m != nil && cur != nil {
			typ := strings.TrimSpace(m[2])
			cur[m[1]] = docField{typ: strings.TrimSuffix(typ, ", optional"), optional: strings.HasSuffix(typ, ", optional")}
		}
	}
	return docs
}

// jsonPaths lists every field of v by path with its JSON type; array
// elements are path[].
func jsonPaths(v any, path string, out map[string]map[string]bool) {
	add := func(typ string) {
		if out[path] == nil {
			out[path] = map[string]bool{}
		}
		out[path][typ] = true
	}
	switch x := v.(type) {
	case map[string]any:
		if path != "" {
			add("object")
		}
		for k, v := range x {
			p := k
			if path != "" {
				p = path + "." + k
			}
			jsonPaths(v, p, out)
		}
	case []any:
		add("array")
		for _, e := range x {
			jsonPaths(e, path+"[]", out)
		}
	case string:
		add("string")
	case float64:
		if x == float64(int64(x)) {
			add("integer")
		} else {
			add("number")
		}
	case bool:
		add("boolean")
	case nil:
		add("null")
	}
}

var snakeCase = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// checkAgainstDocs compares a command's JSON output with its schema in
// docs/json.md: every field documented with a matching type, every key
// snake_case, every documented field that is not optional present; and it
// decodes the output into the command's Go type with unknown fields
// disallowed.
func checkAgainstDocs(t *testing.T, docs map[string]docField, name string, out []byte, into any, seen map[string]bool) {
	t.Helper()
	var v any
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("%s: output is not JSON: %v\n%s", name, err, out)
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(into); err != nil {
		t.Errorf("%s: decoding into %T: %v", name, into, err)
	}
	paths := map[string]map[string]bool{}
	jsonPaths(v, "", paths)
	for p, types := range paths {
		if strings.HasPrefix(p, "versions[].report.") && docs["versions[].report"].typ == "object" {
			continue // a drill report: checked against its own section (TestJSONSchemas)
		}
		seen[p] = true
		for _, part := range strings.Split(strings.ReplaceAll(p, "[]", ""), ".") {
			if !snakeCase.MatchString(part) {
				t.Errorf("%s: field %s is not snake_case", name, p)
			}
		}
		d, ok := docs[p]
		if !ok {
			t.Errorf("%s: field %s (%v) is not in docs/json.md", name, p, keys(types))
			continue
		}
		for typ := range types {
			if !typeMatches(d.typ, typ) {
				t.Errorf("%s: field %s is %s, docs/json.md says %s", name, p, typ, d.typ)
			}
		}
	}
}

// typeMatches reads a documented type such as "string or null" or
// "number (seconds)".
func typeMatches(doc, got string) bool {
	for _, alt := range strings.Split(doc, " or ") {
		alt = strings.TrimSpace(alt)
		if i := strings.IndexByte(alt, ' '); i > 0 {
			alt = alt[:i] // "number (seconds)"
		}
		if alt == got || (alt == "number" && got == "integer") {
			return true
		}
	}
	return false
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestJSONSchemas runs every command that has --json and checks its output
// against docs/json.md.
func TestJSONSchemas(t *testing.T) {
	docs := jsonDocs(t)
	db := pgtest.NewDB(t)
	full := filepath.Join("..", "..", "testdata", "pg17", "full-gzip.dump")
	chainDump := chainArchive("tampered24-pg15-gzip-Pacific_Chatham.dump")
	dir := t.TempDir()
	type run struct {
		args []string
		into func() any
	}
	runs := map[string][]run{
		"list":         {{[]string{"list", "--json", full}, func() any { return new(listJSON) }}},
		"inspect":      {{[]string{"inspect", "--json", full}, func() any { return new(inspect.Report) }}},
		"verify-chain": {{[]string{"verify-chain", "--json", chainDump}, func() any { return new(verifyChainReport) }}, {[]string{"verify-chain", "--json", chainArchive("cycle24-pg15-gzip-UTC.dump")}, func() any { return new(verifyChainReport) }}},
		"restore":      {{[]string{"restore", "--json", "-d", db, full}, func() any { return new(restore.Summary) }}},
		"dump":         {{[]string{"dump", "--json", "-d", db, "-f", filepath.Join(dir, "x.dump")}, func() any { return new(dump.Summary) }}},
		"drill": {
			{[]string{"drill", "--json"}, func() any { return new(drill.Report) }},
			{[]string{"drill", "--json", "--archive", chainDump}, func() any { return new(drill.Report) }},
			{[]string{"drill", "--json", "--migrations", "../../testdata/migrations"}, func() any { return new(drill.Report) }},
		},
	}
	// The upgrade drill needs two server versions.
	if v := installedMajors(); len(v) >= 2 {
		runs["drill --pg-version"] = []run{{[]string{"drill", "--json", "--pg-version", v[0] + "," + v[len(v)-1]}, func() any { return new(drill.UpgradeReport) }}}
	} else {
		t.Logf("one PostgreSQL version installed (%v): the upgrade drill's JSON is not checked", v)
		delete(docs, "drill --pg-version")
	}
	for cmd, rs := range runs {
		doc := docs[cmd]
		if len(doc) == 0 {
			t.Errorf("docs/json.md has no schema for pgdrill %s --json", cmd)
			continue
		}
		seen := map[string]bool{}
		for _, r := range rs {
			code, out, errOut := runArchiveCmd(t, nil, r.args...)
			if code > 1 {
				t.Errorf("pgdrill %s: exit %d: %s", strings.Join(r.args, " "), code, errOut)
				continue
			}
			checkAgainstDocs(t, doc, strings.Join(r.args, " "), []byte(out), r.into(), seen)
			if cmd == "drill --pg-version" {
				// Each version's report is the drill's own report.
				var up struct {
					Versions []struct {
						Report json.RawMessage `json:"report"`
					} `json:"versions"`
				}
				if err := json.Unmarshal([]byte(out), &up); err != nil || len(up.Versions) < 2 {
					t.Errorf("upgrade drill JSON: %v, %d versions", err, len(up.Versions))
				}
				for _, v := range up.Versions {
					checkAgainstDocs(t, docs["drill"], "upgrade drill report", v.Report, new(drill.Report), map[string]bool{})
				}
			}
		}
		for p, d := range doc {
			// A field is required where its parent object appeared; an
			// array's elements only where they did.
			parent := ""
			if i := strings.LastIndexByte(p, '.'); i >= 0 {
				parent = p[:i]
			}
			if !d.optional && !seen[p] && !strings.HasSuffix(p, "[]") && (parent == "" || seen[parent]) {
				t.Errorf("pgdrill %s --json: documented field %s never appeared", cmd, p)
			}
		}
	}
	for cmd := range docs {
		if runs[cmd] == nil {
			t.Errorf("docs/json.md documents pgdrill %s --json, which this test does not run", cmd)
		}
	}
}

// installedMajors lists the PostgreSQL major versions whose servers are
// installed here, oldest first.
func installedMajors() []string {
	var out []string
	for m := 12; m <= 20; m++ {
		if _, err := embedded.FindVersion(m); err == nil {
			out = append(out, strconv.Itoa(m))
		}
	}
	return out
}
