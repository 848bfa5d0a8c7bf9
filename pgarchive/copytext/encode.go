package copytext

// escapes maps each byte the server's COPY TO escapes to the letter that
// follows the backslash; 0 means the byte goes out raw. Other control bytes,
// DEL and non-ASCII bytes are not escaped (CopyAttributeOutText in copyto.c).
var escapes = [256]byte{
	'\\': '\\',
	'\b': 'b',
	'\f': 'f',
	'\n': 'n',
	'\r': 'r',
	'\t': 't',
	'\v': 'v',
}

// AppendField appends one field as COPY TO writes it: nil as \N, anything
// else escaped.
func AppendField(dst, f []byte) []byte {
	if f == nil {
		return append(dst, '\\', 'N')
	}
	start := 0
	for i, c := range f {
		if e := escapes[c]; e != 0 {
			dst = append(dst, f[start:i]...)
			dst = append(dst, '\\', e)
			start = i + 1
		}
	}
	return append(dst, f[start:]...)
}

// AppendRow appends fields as one COPY text row, TAB-separated and ended by
// LF, byte for byte what the server's COPY TO (and so pg_dump) writes.
func AppendRow(dst []byte, fields [][]byte) []byte {
	for i, f := range fields {
		if i > 0 {
			dst = append(dst, '\t')
		}
		dst = AppendField(dst, f)
	}
	return append(dst, '\n')
}
