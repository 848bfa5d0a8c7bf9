package restore

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/pgdrill/pgdrill/internal/pgtest"
	"github.com/pgdrill/pgdrill/pgarchive"
)

// twoTables writes a gzip archive of tables t1 and t2, rows rows each, and
// returns its bytes.
func twoTables(t *testing.T, rows int) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "two.dump")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := pgarchive.NewWriter(f, pgarchive.Header{Version: pgarchive.V1_14, Compression: pgarchive.CompressionGzip, DBName: "two"})
	var data []*pgarchive.Entry
	for i, name := range []string{"t1", "t2"} {
		table := &pgarchive.Entry{DumpID: 1 + 2*i, Tag: name, Desc: "TABLE", Section: pgarchive.SectionPreData,
			Namespace: pgarchive.Str("public"), Owner: pgarchive.Str("postgres"), WithOIDs: "false",
			Defn:     pgarchive.Str("CREATE TABLE public." + name + " (n integer, s text);\n"),
			DropStmt: pgarchive.Str("DROP TABLE public." + name + ";\n")}
		td := &pgarchive.Entry{DumpID: 2 + 2*i, HadDumper: true, Tag: name, Desc: "TABLE DATA", Section: pgarchive.SectionData,
			Namespace: pgarchive.Str("public"), Owner: pgarchive.Str("postgres"), WithOIDs: "false",
			CopyStmt: pgarchive.Str("COPY public." + name + " (n, s) FROM stdin;\n"), Dependencies: []int{table.DumpID}}
		for _, e := range []*pgarchive.Entry{table, td} {
			if err := w.Add(e); err != nil {
				t.Fatal(err)
			}
		}
		data = append(data, td)
	}
	for _, e := range data {
		dw, err := w.Data(e)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		for n := range rows {
			fmt.Fprintf(&b, "%d\trow %d of %s, some text to make it longer\n", n, n*7919%rows, e.Tag)
			if b.Len() > 64<<10 {
				dw.Write(b.Bytes())
				b.Reset()
			}
		}
		b.WriteString("\\.\n\n\n")
		dw.Write(b.Bytes())
		if err := dw.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// stallingReaderAt blocks reads that reach offset at until release is
// closed: a slow disk under a COPY that is still being sent.
type stallingReaderAt struct {
	r       *bytes.Reader
	at      int64
	once    sync.Once
	reached chan struct{}
	release chan struct{}
}

func (s *stallingReaderAt) ReadAt(p []byte, off int64) (int, error) {
	if off+int64(len(p)) >= s.at && off < s.at {
		s.once.Do(func() { close(s.reached) })
		<-s.release
	}
	return s.r.ReadAt(p, off)
}

// TestCopyFromAbandoned is issue 16's panic: pgconn.CopyFrom returns on a
// dead connection or a cancelled context while its goroutine is still in
// our Read, and the block's buffer went back to a pool under it
// (bufio.(*Reader).Read(nil) in the cursor's readFull). Here the Read is
// held on the file while the COPY's backend is terminated or the context
// cancelled; the restore must end with an error that says so, and the Read,
// let go afterwards, must end without touching freed buffers (the race
// detector and a panic would both fail the test) and leave no goroutine.
func TestCopyFromAbandoned(t *testing.T) {
	raw := twoTables(t, 200000)
	probe, err := pgarchive.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	var t1 *pgarchive.Entry
	for _, e := range probe.Entries {
		if e.Desc == "TABLE DATA" && e.Tag == "t1" {
			t1 = e
		}
	}
	for _, jobs := range []int{1, 2} {
		for _, fault := range []string{"terminate", "cancel"} {
			t.Run(fmt.Sprintf("j%d/%s", jobs, fault), func(t *testing.T) {
				url := pgtest.NewDB(t)
				admin := pgtest.Conn(t, url)
				defer goleak.VerifyNone(t, goleak.IgnoreCurrent())

				// Halfway into t1's block, which ends where t2's starts.
				st := &stallingReaderAt{r: bytes.NewReader(raw), reached: make(chan struct{}), release: make(chan struct{})}
				st.at = t1.Offset + 200<<10
				a, err := pgarchive.NewReader(st, int64(len(raw)))
				if err != nil {
					t.Fatal(err)
				}
				ctx, cancel := context.WithCancel(context.Background())
				defer cancel()
				type result struct {
					sum Summary
					err error
				}
				done := make(chan result, 1)
				go func() {
					var warn bytes.Buffer
					sum, err := Run(ctx, a, url, Options{Jobs: jobs, Warnings: &warn})
					done <- result{sum, err}
				}()
				select {
				case <-st.reached:
				case r := <-done:
					t.Fatalf("restore ended before reaching the stall: %v", r.err)
				case <-time.After(time.Minute):
					t.Fatal("the restore never reached the stall")
				}
				switch fault {
				case "terminate":
					var pid int
					deadline := time.Now().Add(30 * time.Second)
					for pid == 0 && time.Now().Before(deadline) {
						err := admin.QueryRow(context.Background(), `SELECT coalesce(max(pid), 0) FROM pg_stat_activity
							WHERE datname = current_database() AND query LIKE 'COPY public.t1 %'`).Scan(&pid)
						if err != nil {
							t.Fatal(err)
						}
					}
					if pid == 0 {
						t.Fatal("no backend is running t1's COPY")
					}
					if _, err := admin.Exec(context.Background(), "SELECT pg_terminate_backend($1)", pid); err != nil {
						t.Fatal(err)
					}
				case "cancel":
					cancel()
				}
				var r result
				select {
				case r = <-done:
				case <-time.After(time.Minute):
					close(st.release)
					t.Fatal("the restore did not end after the fault while a read of the archive was held")
				}
				close(st.release)
				want := "terminating connection due to administrator command"
				if fault == "cancel" {
					if !errors.Is(r.err, context.Canceled) {
						t.Errorf("restore ended with %v, want context.Canceled", r.err)
					}
				} else if r.err == nil || !strings.Contains(r.err.Error(), want) {
					t.Errorf("restore ended with %v, want an error saying %q", r.err, want)
				}
				for _, tr := range r.sum.Tables {
					if tr.Name == "public.t1" {
						t.Errorf("t1 reported loaded: %+v", tr)
					}
				}
			})
		}
	}
}
