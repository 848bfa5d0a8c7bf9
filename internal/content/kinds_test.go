package content

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"testing"
)

// TestEqualByValue: texts that differ as bytes but hold the same value
// under the column's type, and texts that do not.
func TestEqualByValue(t *testing.T) {
	cases := []struct {
		kind kind
		a, b string
		same bool
	}{
		{kindTimestamptz, "2024-03-10 01:59:59.999999-05", "2024-03-10 06:59:59.999999+00", true},
		{kindTimestamptz, "2024-03-10 01:59:59.999999-05", "2024-03-10 07:00:00+00", false},
		{kindTimestamptz, "0001-01-01 00:09:20.999999+00:09:21", "0001-12-31 23:59:59.999999+00 BC", true},
		{kindTimestamptz, "infinity", "infinity", true},
		{kindTimestamptz, "infinity", "-infinity", false},
		{kindTimestamptz, "not a time", "not a time!", false},
		// pg_dump before 12 wrote 17 significant digits.
		{kindFloat8, "0.100000000000000006", "0.1", true},
		{kindFloat8, "0.10000000000000002", "0.1", false},
		{kindFloat4, "0.100000001", "0.1", true},
		{kindFloat4, "0.100000009", "0.1", false},
		{kindFloat8, "NaN", "NaN", true},
		{kindFloat8, "-0", "0", false},
		{kindFloat8, "Infinity", "1e+309", false}, // ParseFloat's range error: not a value
		{kindFloat8, "-Infinity", "-Infinity", true},
		// bytea_output escape against hex.
		{kindBytea, `\x00ff5c41`, `\000\377\\A`, true},
		{kindBytea, `\x00ff5c41`, `\000\377\\B`, false},
		{kindBytea, `\x`, ``, true},
		{kindBytea, `\x0`, `\x0`, false}, // odd hex: equal bytes are caught before, so this is a parse failure
		{kindZoned, `{"2024-11-03 01:30:00-04","1899-12-31 19:00:00-05"}`, `{"2024-11-03 05:30:00+00","1900-01-01 00:00:00+00"}`, true},
		{kindZoned, `["2000-01-01 05:30:00+05:30",)`, `["2000-01-01 00:00:00+00",)`, true},
		{kindZoned, `["2000-01-01 05:30:00+05:30",)`, `["2000-01-01 00:00:00+00",]`, false},
		{kindZoned, `("2000-01-01 05:30:00+05:30",1)`, `("2000-01-01 00:00:00+00",2)`, false},
		{kindZoned, `{"2000-01-01 00:00:00.5+00"}`, `{"2000-01-01 00:00:00.500001+00"}`, false},
		{kindText, "a", "b", false},
	}
	var c comparer
	for _, tc := range cases {
		if got := c.equal(tc.kind, []byte(tc.a), []byte(tc.b)); got != tc.same {
			t.Errorf("%s %q = %q: %v, want %v", tc.kind, tc.a, tc.b, got, tc.same)
		}
		ca, cb := appendCanon(nil, tc.kind, []byte(tc.a)), appendCanon(nil, tc.kind, []byte(tc.b))
		if got := bytes.Equal(ca, cb); got != (tc.same || tc.a == tc.b) {
			t.Errorf("%s canonical %q = %q: %v, want %v", tc.kind, tc.a, tc.b, got, tc.same)
		}
	}
}

func TestTstzLen(t *testing.T) {
	cases := map[string]int{
		"2024-01-01 00:00:00+00":              22,
		"2024-01-01 00:00:00.123456+05:30\",": 32,
		"294277-01-01 00:59:59.999999+01":     31,
		"0044-03-15 12:00:00+00 BC":           25,
		"1850-06-01 12:09:21+00:09:21 rest":   28,
		"2024-01-01 00:00:00":                 0, // a timestamp without zone
		"2024-01-01":                          0,
		"202-01-01 00:00:00+00":               0,
		"2024-01-01 00:00:00.+00":             0,
		"2024-01-01 00:00:00.1234567+00":      0,
	}
	for s, want := range cases {
		if got := tstzLen([]byte(s)); got != want {
			t.Errorf("tstzLen(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestMultiset(t *testing.T) {
	d := func(b byte) [32]byte { return sha256.Sum256([]byte{b}) }
	var m multiset
	for _, b := range []byte{1, 1, 2, 255} {
		m.add(d(b))
	}
	for _, b := range []byte{255, 2, 1} {
		m.sub(d(b))
	}
	if m.zero() {
		t.Fatal("one row short, multiset zero")
	}
	m.sub(d(1))
	if !m.zero() {
		t.Fatal("same rows in another order, multiset not zero")
	}
	m.add(d(1))
	m.add(d(1))
	m.sub(d(2))
	m.sub(d(0))
	if m.zero() {
		t.Fatal("a duplicate swapped for another row, multiset zero")
	}
}

// TestRowStreams drives the row loop without a server: the archive's COPY
// text against the rows the server would send (one CopyData message each,
// or split anywhere), through the raw byte path and the row path.
func TestRowStreams(t *testing.T) {
	cases := []struct {
		name    string
		archive string
		server  []string
		status  Status
		row     int64
		column  string
	}{
		{"same", "1\ta\n2\tb\n\\.\n\n\n", []string{"1\ta\n", "2\tb\n"}, Match, 0, ""},
		{"no end marker", "1\ta\n2\tb\n", []string{"1\ta\n", "2\tb\n"}, Match, 0, ""},
		{"no final newline", "1\ta\n2\tb", []string{"1\ta\n", "2\tb\n"}, Match, 0, ""},
		{"other escapes", "1\t\\101\n2\t\\x62\n\\.\n", []string{"1\tA\n", "2\tb\n"}, Match, 0, ""},
		{"CRLF", "1\ta\r\n2\tb\r\n\\.\r\n", []string{"1\ta\n", "2\tb\n"}, Match, 0, ""},
		{"split messages", "1\ta\n2\tb\n\\.\n", []string{"1\t", "a\n2", "\tb\n"}, Match, 0, ""},
		{"zero rows", "\\.\n\n\n", nil, Match, 0, ""},
		{"archive row more", "1\ta\n2\tb\n3\tc\n\\.\n", []string{"1\ta\n", "2\tb\n"}, Differs, 3, ""},
		{"archive row more, no end", "1\ta\n2\tb\n3\tc", []string{"1\ta\n", "2\tb\n"}, Differs, 3, ""},
		{"server row more", "1\ta\n\\.\n", []string{"1\ta\n", "2\tb\n"}, Differs, 2, ""},
		{"field differs", "1\ta\n2\tb\n\\.\n", []string{"1\ta\n", "2\tc\n"}, Differs, 2, "v"},
		{"NULL differs", "1\ta\n2\t\\N\n\\.\n", []string{"1\ta\n", "2\t\n"}, Differs, 2, "v"},
		{"fields more", "1\ta\n\\.\n", []string{"1\ta\tx\n"}, Differs, 1, ""},
		{"swapped", "1\ta\n2\tb\n\\.\n", []string{"2\tb\n", "1\ta\n"}, Reordered, 0, ""},
		{"swapped, no end", "1\ta\n2\tb", []string{"2\tb\n", "1\ta\n"}, Reordered, 0, ""},
		{"duplicate swapped", "1\ta\n1\ta\n2\tb\n", []string{"1\ta\n", "2\tb\n", "2\tb\n"}, Differs, 2, "id"},
		{"after end marker", "1\ta\n\\.\n2\tb\n", []string{"1\ta\n"}, Match, 0, ""},
		{"bad archive row", "1\ta\n2\tb\\.\n", []string{"1\ta\n", "2\tb\n"}, ArchiveError, 0, ""},
	}
	c := &comparer{opts: Options{MaxValueBytes: 80}, rowHash: sha256.New(), sum: sha256.New()}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tb := Table{Columns: []Column{{Name: "id"}, {Name: "v"}}}
			c.start(&tb, []kind{kindText, kindText}, bytes.NewReader([]byte(tc.archive)))
			all := sha256.New()
			for _, m := range tc.server {
				c.Write([]byte(m))
				all.Write([]byte(m))
			}
			c.finish()
			if tb.Status != tc.status {
				t.Fatalf("status %s (%s), want %s; diff %s", tb.Status, tb.Error, tc.status, diffText(tb.Diff))
			}
			if tc.status == Differs && (tb.Diff.Row != tc.row || tb.Diff.Column != tc.column) {
				t.Errorf("diff %s, want row %d column %q", diffText(tb.Diff), tc.row, tc.column)
			}
			if want := hex.EncodeToString(all.Sum(nil)); tb.SHA256 != want {
				t.Errorf("sha256 %s, want %s", tb.SHA256, want)
			}
		})
	}
}
