// Command contentcheck runs the drill's content check (internal/content) on
// a database restored from an archive and prints one line: the verdict,
// rows, seconds and the Go heap's high-water mark. It is the benchmark
// harness's way to time the check apart from the restore (bench/content.sh),
// and the place to profile it (-cpuprofile).
//
//	go run ./bench/contentcheck -d CONNSTRING [-cpuprofile f] ARCHIVE
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/pgdrill/pgdrill/internal/content"
	"github.com/pgdrill/pgdrill/pgarchive"
)

func main() {
	db := flag.String("d", "", "connection string of the restored database")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile to `file`")
	asJSON := flag.Bool("json", false, "print the whole content report as JSON")
	flag.Parse()
	if flag.NArg() != 1 || *db == "" {
		fmt.Fprintln(os.Stderr, "usage: contentcheck -d CONNSTRING [-cpuprofile file] ARCHIVE")
		os.Exit(2)
	}
	a, err := pgarchive.Open(flag.Arg(0))
	if err != nil {
		fatal(err)
	}
	defer a.Close()
	ctx := context.Background()
	conn, err := pgconn.Connect(ctx, *db)
	if err != nil {
		fatal(err)
	}
	defer conn.Close(ctx)
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fatal(err)
		}
	}
	rep, err := content.Compare(ctx, conn, a.Reader, content.Options{})
	pprof.StopCPUProfile()
	if err != nil {
		fatal(err)
	}
	if *asJSON {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		enc.Encode(rep)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	verdict := "PASS"
	if !rep.OK() {
		verdict = "FAIL"
	}
	fmt.Fprintf(os.Stderr, "contentcheck: %s rows=%d tables=%d seconds=%.3f heap_sys_mib=%.1f\n",
		verdict, rep.Rows(), len(rep.Tables), rep.Seconds, float64(ms.HeapSys)/(1<<20))
	if !rep.OK() {
		os.Exit(1)
	}
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "contentcheck:", err)
	os.Exit(2)
}
