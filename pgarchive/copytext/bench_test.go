package copytext

import (
	"bytes"
	"fmt"
	"io"
	"testing"
)

// benchRows returns n rows shaped like a typical audit table (ints,
// timestamps, text, NULLs, json, bytea) with escapes in about one row in
// four, as COPY text.
func benchRows(n int) []byte {
	var b []byte
	for i := range n {
		note := fmt.Sprintf("event %d for user %d", i, i%977)
		if i%4 == 0 {
			note += "\nsecond line\twith tab and back\\slash"
		}
		fields := [][]byte{
			[]byte(fmt.Sprint(i)),
			[]byte(fmt.Sprintf("2024-03-%02d %02d:%02d:%02d.%06d+00", i%28+1, i%24, i%60, i%60, i%1000000)),
			[]byte(note),
			nil,
			[]byte(fmt.Sprintf(`{"k": %d, "tags": ["a", "b"], "ok": true}`, i)),
			[]byte(fmt.Sprintf(`\x%064x`, i)),
		}
		b = AppendRow(b, fields)
	}
	return b
}

func BenchmarkDecode(b *testing.B) {
	for _, kind := range []string{"plain", "escaped"} {
		b.Run(kind, func(b *testing.B) {
			data := benchRows(1000)
			if kind == "plain" {
				data = bytes.ReplaceAll(data, []byte(`\`), []byte("/"))
			}
			lines := bytes.Split(bytes.TrimSuffix(data, []byte("\n")), []byte("\n"))
			var d Decoder
			var dst [][]byte
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				for _, l := range lines {
					var err error
					if dst, err = d.Decode(l, dst); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

func BenchmarkReader(b *testing.B) {
	for _, kind := range []string{"plain", "escaped"} {
		b.Run(kind, func(b *testing.B) {
			data := benchRows(20000)
			if kind == "plain" {
				data = bytes.ReplaceAll(data, []byte(`\`), []byte("/"))
			}
			data = append(data, PgDumpTrailer...)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				r := NewReader(bytes.NewReader(data))
				for {
					_, err := r.Next()
					if err == io.EOF {
						break
					}
					if err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

func BenchmarkAppendRow(b *testing.B) {
	data := benchRows(1000)
	rows, _, err := readAll(NewReader(bytes.NewReader(data)))
	if err != nil {
		b.Fatal(err)
	}
	var out []byte
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		out = out[:0]
		for _, r := range rows {
			out = AppendRow(out, r)
		}
	}
}

func BenchmarkParseCopyStmt(b *testing.B) {
	stmt := `COPY public.audit_events (id, "created at", actor, payload, "we ""ird") FROM stdin;` + "\n"
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := ParseCopyStmt(stmt); err != nil {
			b.Fatal(err)
		}
	}
}
