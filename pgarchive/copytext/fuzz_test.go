package copytext

import (
	"bytes"
	"io"
	"testing"
)

// canonical reports whether line (without its LF) is in the form COPY TO
// writes: backslashes only in \\ \b \f \n \r \t \v or as a whole \N field,
// and none of the bytes those escapes stand for (except TAB as separator)
// raw. It is written independently of the encoder on purpose.
func canonical(line []byte) bool {
	for _, fld := range bytes.Split(line, []byte{'\t'}) {
		if string(fld) == `\N` {
			continue
		}
		for i := 0; i < len(fld); i++ {
			switch fld[i] {
			case '\b', '\f', '\n', '\r', '\v':
				return false
			case '\\':
				i++
				if i == len(fld) || bytes.IndexByte([]byte(`\bfnrtv`), fld[i]) < 0 {
					return false
				}
			}
		}
	}
	return true
}

// FuzzCopyText checks both directions of the codec:
//
//   - for any fields (data split at sep, field i NULL if bit i of nulls is
//     set), Decode(AppendRow(fields)) == fields, and the Reader agrees;
//   - for any line, Decode either fails or gives fields whose encoding is
//     canonical and decodes back to them; for a canonical line that
//     encoding is the line itself.
func FuzzCopyText(f *testing.F) {
	f.Add([]byte("1\x00abc\x00\x00\\N"), byte(0), uint64(0))
	f.Add([]byte("\\.|\\N|\x01\x7f|\t\n\r|é"), byte('|'), uint64(1<<5))
	f.Fuzz(func(t *testing.T, data []byte, sep byte, nulls uint64) {
		// Direction 1: fields → line → fields.
		fields := bytes.Split(data, []byte{sep})
		for i := range fields {
			if i < 64 && nulls&(1<<i) != 0 {
				fields[i] = nil
			}
		}
		line := AppendRow(nil, fields)
		body := line[:len(line)-1]
		if bytes.IndexByte(body, '\n') >= 0 || bytes.IndexByte(body, '\r') >= 0 {
			t.Fatalf("AppendRow(%s) = %q holds a raw line end", showFields(fields), line)
		}
		if !canonical(body) {
			t.Fatalf("AppendRow(%s) = %q is not canonical", showFields(fields), line)
		}
		got, err := Decode(body, nil)
		if err != nil || !sameFields(got, fields) {
			t.Fatalf("Decode(AppendRow(%s) = %q) = %s, %v", showFields(fields), line, showFields(got), err)
		}
		r := NewReader(bytes.NewReader(append(line, EndMarker...)))
		got, err = r.Next()
		if err != nil || !sameFields(got, fields) {
			t.Fatalf("Reader on %q = %s, %v", line, showFields(got), err)
		}
		if _, err := r.Next(); err != io.EOF || !r.Terminated() {
			t.Fatalf("Reader after the row: %v, terminated %v", err, r.Terminated())
		}

		// Direction 2: line → fields → line.
		dec, err := Decode(data, nil)
		if err != nil {
			if canonical(data) && bytes.IndexByte(data, '\n') < 0 && bytes.IndexByte(data, '\r') < 0 {
				t.Fatalf("canonical line %q rejected: %v", data, err)
			}
			return
		}
		enc := AppendRow(nil, dec)
		if canonical(data) && !bytes.Equal(enc[:len(enc)-1], data) {
			t.Fatalf("canonical line %q re-encodes as %q", data, enc)
		}
		again, err := Decode(enc[:len(enc)-1], nil)
		if err != nil || !sameFields(again, dec) {
			t.Fatalf("line %q: fields %s re-encode as %q, which decodes to %s, %v", data, showFields(dec), enc, showFields(again), err)
		}

		// The Reader never panics on arbitrary streams, and every row it
		// returns is what Decode makes of its raw line.
		r = NewReader(bytes.NewReader(data))
		for {
			fs, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				if _, err2 := r.Next(); err2 == err { // final error
					break
				}
				continue
			}
			want, derr := Decode(bytes.Clone(r.RawLine()), nil)
			if derr != nil || !sameFields(fs, want) {
				t.Fatalf("stream %q line %d: Reader %s, Decode %s (%v)", data, r.Line(), showFields(fs), showFields(want), derr)
			}
		}
	})
}
