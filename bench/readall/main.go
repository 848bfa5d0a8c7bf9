// Command readall reads every data block of pg_dump custom archives through
// pgarchive and throws the decompressed bytes away. It is the benchmark
// harness's stand-in for `pgdrill cat --all`, and the place to profile the
// reader on large archives (-cpuprofile, -memprofile).
//
//	go run ./bench/readall [-stream] [-cpuprofile f] ARCHIVE...
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"

	"github.com/pgdrill/pgdrill/pgarchive"
)

func main() {
	stream := flag.Bool("stream", false, "read with NewStream from standard input style (one pass) instead of random access")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile to `file`")
	memprofile := flag.String("memprofile", "", "write an allocation profile to `file` at exit")
	quiet := flag.Bool("q", false, "do not print byte counts")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: readall [-stream] [-cpuprofile file] ARCHIVE...")
		os.Exit(2)
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fatal(err)
		}
		defer pprof.StopCPUProfile()
	}
	for _, name := range flag.Args() {
		read := readRandom
		if *stream {
			read = readStream
		}
		raw, err := read(name)
		if err != nil {
			pprof.StopCPUProfile()
			fatal(err)
		}
		if !*quiet {
			fmt.Printf("%s: %d decompressed bytes\n", name, raw)
		}
	}
	if *memprofile != "" {
		f, err := os.Create(*memprofile)
		if err != nil {
			fatal(err)
		}
		runtime.GC()
		if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
			fatal(err)
		}
		f.Close()
	}
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "readall:", err)
	os.Exit(1)
}

// readRandom reads each entry's block through Reader.Open, in TOC order.
func readRandom(name string) (int64, error) {
	rc, err := pgarchive.Open(name)
	if err != nil {
		return 0, err
	}
	defer rc.Close()
	var total int64
	for _, e := range rc.Entries {
		if e.DataState == pgarchive.DataNone {
			continue
		}
		b, err := rc.Open(e)
		if err != nil {
			return total, err
		}
		n, err := drain(b)
		b.Close()
		total += n
		if err != nil {
			return total, err
		}
	}
	return total, nil
}

// readStream reads the file in one pass through NewStream, as from a pipe.
func readStream(name string) (int64, error) {
	f, err := os.Open(name)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	s, err := pgarchive.NewStream(f)
	if err != nil {
		return 0, err
	}
	var total int64
	for {
		b, err := s.Next()
		if err == io.EOF {
			return total, nil
		}
		if err != nil {
			return total, err
		}
		n, err := drain(b)
		total += n
		if err != nil {
			return total, err
		}
	}
}

// drain reads a block to its end: the table data, or every large object.
func drain(b *pgarchive.Block) (int64, error) {
	if !b.IsBlobs() {
		return io.Copy(io.Discard, b)
	}
	var total int64
	for {
		_, err := b.NextBlob()
		if err == io.EOF {
			return total, nil
		}
		if err != nil {
			return total, err
		}
		n, err := io.Copy(io.Discard, b)
		total += n
		if err != nil {
			return total, err
		}
	}
}
