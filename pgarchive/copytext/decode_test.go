package copytext

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// null marks a NULL field in test tables.
const null = "\x00NULL\x00"

func toFields(ss ...string) [][]byte {
	out := make([][]byte, len(ss))
	for i, s := range ss {
		if s != null {
			out[i] = []byte(s)
		}
	}
	return out
}

func showFields(fs [][]byte) string {
	var b strings.Builder
	for i, f := range fs {
		if i > 0 {
			b.WriteString(", ")
		}
		if f == nil {
			b.WriteString("NULL")
		} else {
			fmt.Fprintf(&b, "%q", f)
		}
	}
	return "[" + b.String() + "]"
}

func sameFields(a, b [][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if (a[i] == nil) != (b[i] == nil) || !bytes.Equal(a[i], b[i]) {
			return false
		}
	}
	return true
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name string
		line string
		want []string
	}{
		{"plain", "1\tabc\tdef", []string{"1", "abc", "def"}},
		{"empty line is one empty field", "", []string{""}},
		{"empty fields", "\t\t", []string{"", "", ""}},
		{"null", `\N`, []string{null}},
		{"null among others", "1\t\\N\t\tx", []string{"1", null, "", "x"}},
		{"escaped backslash N is text", `\\N`, []string{`\N`}},
		{"backslash N with more is text", `\Nx`, []string{"Nx"}},
		{"escaped marker is text", `\\.`, []string{`\.`}},
		{"backslash", `back\\slash`, []string{`back\slash`}},
		{"named escapes", `\b\f\n\r\t\v`, []string{"\b\f\n\r\t\v"}},
		{"escaped tab does not split", "a\\tb\tc", []string{"a\tb", "c"}},
		{"backslash before raw tab", "a\\\tb", []string{"a\tb"}},
		{"backslash before raw LF", "a\\\nb", []string{"a\nb"}},
		{"backslash before raw CR", "a\\\rb", []string{"a\rb"}},
		{"other escaped chars", `\a\q\"\'\z\8\9\ \\`, []string{`aq"'z89 \`}},
		{"octal one digit", `\1x`, []string{"\x01x"}},
		{"octal two digits", `\12x`, []string{"\nx"}},
		{"octal three digits", `\101\102`, []string{"AB"}},
		{"octal stops after three", `\1011`, []string{"A1"}},
		{"octal stops at non-octal", `\18`, []string{"\x018"}},
		{"octal wraps at 8 bits", `\777\400`, []string{"\xff\x00"}},
		{"octal zero", `\0`, []string{"\x00"}},
		{"octal high byte", `\303\251`, []string{"é"}},
		{"hex one digit", `\x9g`, []string{"\x09g"}},
		{"hex two digits", `\x41\x7e\xFF`, []string{"A~\xff"}},
		{"hex stops after two", `\x414`, []string{"A4"}},
		{"hex without digits is x", `\xg\x`, []string{"xgx"}},
		{"hex mixed case", `\xaB`, []string{"\xab"}},
		{"raw control bytes", "\x01\x7f\x1b\x00", []string{"\x01\x7f\x1b\x00"}},
		{"utf8", "日本\tcafé\t🙂", []string{"日本", "café", "🙂"}},
		{"invalid utf8 passes", "\xff\xfe", []string{"\xff\xfe"}},
		{"escape at field end", "a\\n\tb\\\\", []string{"a\n", `b\`}},
		{"bytea", `\\x00ff`, []string{`\x00ff`}},
		{"array with escaped quote", `{"q\\"r"}`, []string{`{"q\"r"}`}},
		{"null then escape", "\\N\t\\\\N\t\\N", []string{null, `\N`, null}},
	}
	var d Decoder
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want := toFields(tc.want...)
			got, err := Decode([]byte(tc.line), nil)
			if err != nil {
				t.Fatalf("Decode(%q): %v", tc.line, err)
			}
			if !sameFields(got, want) {
				t.Fatalf("Decode(%q) = %s, want %s", tc.line, showFields(got), showFields(want))
			}
			// The reusing Decoder agrees and empty fields are never nil.
			got, err = d.Decode([]byte(tc.line), got)
			if err != nil || !sameFields(got, want) {
				t.Fatalf("Decoder.Decode(%q) = %s, %v", tc.line, showFields(got), err)
			}
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		line   string
		err    error
		offset int64
	}{
		{`abc\`, ErrTrailingBackslash, 3},
		{"a\tb\\", ErrTrailingBackslash, 3},
		{`\\\`, ErrTrailingBackslash, 2},
		{`\`, ErrTrailingBackslash, 0},
		{`\.`, ErrMarkerNotAlone, 0},
		{"1\tx\\.", ErrMarkerNotAlone, 3},
		{`a\.b`, ErrMarkerNotAlone, 1},
		{"a\nb", ErrLiteralNewline, 1},
		{"ab\r", ErrLiteralNewline, 2},
		{"a\\\\\n", ErrLiteralNewline, 3},
	}
	for _, tc := range tests {
		_, err := Decode([]byte(tc.line), nil)
		var se *SyntaxError
		if !errors.Is(err, tc.err) || !errors.As(err, &se) || se.Offset != tc.offset || se.Line != 0 {
			t.Errorf("Decode(%q) error = %v, want %v at byte %d", tc.line, err, tc.err, tc.offset)
			continue
		}
		if !strings.HasPrefix(err.Error(), "copytext: byte ") {
			t.Errorf("Decode(%q) error %q lacks the package prefix", tc.line, err)
		}
	}
}

func TestDecodeAliasing(t *testing.T) {
	line := []byte("abc\t\\N\tx\\ty\t")
	fs, err := Decode(line, nil)
	if err != nil {
		t.Fatal(err)
	}
	// A field without escapes aliases the line; its capacity is clipped so
	// appending cannot overwrite the next field.
	if &fs[0][0] != &line[0] {
		t.Error("plain field does not alias the line")
	}
	if cap(fs[0]) != 3 || cap(fs[3]) != 0 || fs[3] == nil {
		t.Errorf("caps %d, %d (nil=%v); want 3 and 0, non-nil", cap(fs[0]), cap(fs[3]), fs[3] == nil)
	}
	_ = append(fs[0], 'Z')
	if string(line) != "abc\t\\N\tx\\ty\t" {
		t.Errorf("appending to a field changed the line: %q", line)
	}
}

func TestDecoderAllocs(t *testing.T) {
	lines := [][]byte{
		[]byte("1\t2024-01-02 03:04:05+00\tplain text\t1.5"),
		[]byte("2\t\\N\tnew\\nline\t\\\\x00ff"),
	}
	var d Decoder
	dst := make([][]byte, 0, 8)
	for _, l := range lines { // warm up the buffer
		dst, _ = d.Decode(l, dst)
	}
	n := testing.AllocsPerRun(100, func() {
		for _, l := range lines {
			dst, _ = d.Decode(l, dst)
		}
	})
	if n != 0 {
		t.Errorf("Decoder.Decode allocates %v times per run, want 0", n)
	}
}
