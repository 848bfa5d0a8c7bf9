package workload

import (
	"cmp"
	"slices"
	"strconv"
)

// A small JSON value model whose text is exactly what jsonb prints, so the
// generator knows the stored details text (and so the row hash) in advance:
// object keys sorted by length then bytes, ", " and ": " separators, and
// strings escaped as PostgreSQL's escape_json does.

type jsonValue interface{ appendJSON([]byte) []byte }

type (
	jsonString string
	jsonInt    int64
	// jsonNumber is a numeric literal already in numeric_out form (no
	// exponent, no leading zeros or plus sign); jsonb keeps its scale.
	jsonNumber string
	jsonBool   bool
	jsonNull   struct{}
	jsonArray  []jsonValue
	jsonObject map[string]jsonValue
)

func (s jsonString) appendJSON(b []byte) []byte { return appendJSONString(b, string(s)) }
func (n jsonInt) appendJSON(b []byte) []byte    { return strconv.AppendInt(b, int64(n), 10) }
func (n jsonNumber) appendJSON(b []byte) []byte { return append(b, n...) }
func (v jsonBool) appendJSON(b []byte) []byte   { return strconv.AppendBool(b, bool(v)) }
func (jsonNull) appendJSON(b []byte) []byte     { return append(b, "null"...) }

func (a jsonArray) appendJSON(b []byte) []byte {
	b = append(b, '[')
	for i, v := range a {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = v.appendJSON(b)
	}
	return append(b, ']')
}

func (o jsonObject) appendJSON(b []byte) []byte {
	keys := make([]string, 0, len(o))
	for k := range o {
		keys = append(keys, k)
	}
	// jsonb orders keys by length first, then bytewise
	slices.SortFunc(keys, func(x, y string) int {
		if c := cmp.Compare(len(x), len(y)); c != 0 {
			return c
		}
		return cmp.Compare(x, y)
	})
	b = append(b, '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = appendJSONString(b, k)
		b = append(b, ": "...)
		b = o[k].appendJSON(b)
	}
	return append(b, '}')
}

// appendJSONString mirrors escape_json: the two-character escapes for
// " \ and \b \f \n \r \t, \u00xx (lowercase hex) for other control
// characters, every other character as its UTF-8 bytes.
func appendJSONString(b []byte, s string) []byte {
	const hexDigits = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '"':
			b = append(b, `\"`...)
		case '\\':
			b = append(b, `\\`...)
		case '\b':
			b = append(b, `\b`...)
		case '\f':
			b = append(b, `\f`...)
		case '\n':
			b = append(b, `\n`...)
		case '\r':
			b = append(b, `\r`...)
		case '\t':
			b = append(b, `\t`...)
		default:
			if c < 0x20 {
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&15])
			} else {
				b = append(b, c)
			}
		}
	}
	return append(b, '"')
}

func jsonText(v jsonValue) string { return string(v.appendJSON(nil)) }
