package content

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"testing"

	"github.com/pgdrill/pgdrill/pgtime"
)

// auditRows returns n audit-log-like rows (the bench/ archives' shape) as
// the archive holds them, dumped at UTC offset east seconds, and as the
// restored server prints them in UTC: one COPY line per row.
func auditRows(n, east int) (archive []byte, server [][]byte) {
	for i := range n {
		us := int64(i) * 1234567
		row := func(ts string) []byte {
			return fmt.Appendf(nil, "%032x\tuser_%d@example.com\tlogin\t{\"ip\": \"10.%d.%d.1\", \"row\": %d, \"note\": \"ok ok ok\", \"session\": \"%032x\", \"changed\": [\"status\", \"amount\"]}\t%s\t%064x\n",
				i*7919, i%5003, i%251, i%256, i*13, i*31, ts, i)
		}
		archive = append(archive, row(pgtime.FormatISO(us, east))...)
		server = append(server, row(pgtime.FormatISO(us, 0)))
	}
	archive = append(archive, "\\.\n\n\n"...)
	return archive, server
}

var auditKinds = []kind{kindText, kindText, kindText, kindText, kindTimestamptz, kindText}

// BenchmarkRows times the row loop alone, the server's rows handed over
// one CopyData message each as pgconn does: bytes equal (a dump made in
// UTC), timestamptz text differing on every row (dumped in New York), and
// the multiset fallback (every row out of order).
func BenchmarkRows(b *testing.B) {
	const n = 20000
	utcArchive, server := auditRows(n, 0)
	nyArchive, _ := auditRows(n, -5*3600)
	reversed := make([][]byte, n)
	for i := range server {
		reversed[n-1-i] = server[i]
	}
	cols := make([]Column, len(auditKinds))
	for _, bc := range []struct {
		name    string
		archive []byte
		server  [][]byte
		want    Status
	}{
		{"equal", utcArchive, server, Match},
		{"timestamptz", nyArchive, server, Match},
		{"reordered", utcArchive, reversed, Reordered},
	} {
		b.Run(bc.name, func(b *testing.B) {
			c := &comparer{opts: Options{MaxValueBytes: 80}, rowHash: sha256.New(), sum: sha256.New()}
			b.SetBytes(int64(len(bc.archive)))
			b.ReportAllocs()
			for b.Loop() {
				t := Table{Columns: cols}
				c.start(&t, auditKinds, bytes.NewReader(bc.archive))
				for _, row := range bc.server {
					c.Write(row)
				}
				c.finish()
				if t.Status != bc.want || t.RestoredRows != n {
					b.Fatalf("%s %d rows %s", t.Status, t.RestoredRows, diffText(t.Diff))
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/row")
		})
	}
}
