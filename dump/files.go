package dump

import (
	"archive/tar"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/pgdrill/pgdrill/pgarchive"
)

// Directory (-Fd) and tar (-Ft) archives: the same TOC as a custom archive
// in toc.dat, and each data entry's data in a file of its own. A directory
// dump may run on several connections sharing the leader's snapshot, as
// pg_dump -j does; a tar dump is written by one, as pg_dump writes it.

// dataFileNames gives each data entry its file name, as pg_dump names them:
// "ID.dat" for table data, the large object list for BLOBS.
func dataFileNames(entries []tocEntry, v pgarchive.Version) {
	for _, e := range entries {
		switch {
		case !e.e.HadDumper:
			e.e.File = ""
		case e.obj.table == nil && v.AtLeast(pgarchive.V1_16):
			e.e.File = "blobs_" + strconv.Itoa(e.e.DumpID) + ".toc"
		case e.obj.table == nil:
			e.e.File = "blobs.toc"
		default:
			e.e.File = strconv.Itoa(e.e.DumpID) + ".dat"
		}
	}
}

// RunDir dumps the database into the directory dir as a directory archive
// (pg_dump -Fd): dir must not exist or be empty. Table data is copied by
// jobs connections (at least one) that share the first connection's
// snapshot, largest tables first, each file compressed on its own
// goroutine; large objects are written by the first connection.
//
// As with RunFile, a failed dump is never left looking like an archive:
// every file is flushed to disk, toc.dat (what makes the directory an
// archive to pg_restore) is written last, under a temporary name renamed
// into place, and on failure everything the dump wrote is removed, with dir
// itself when RunDir created it.
func RunDir(ctx context.Context, connString, dir string, jobs int, opts Options) (sum Summary, err error) {
	start := time.Now()
	created, err := makeDir(dir)
	if err != nil {
		return Summary{}, err
	}
	defer func() {
		if err != nil {
			removeDump(dir, created)
		}
	}()
	d, entries, h, err := prepare(ctx, connString, &opts, start)
	if err != nil {
		return Summary{}, err
	}
	defer d.close()
	dataFileNames(entries, h.Version)
	sum = Summary{Database: d.dbname, ServerVersion: d.serverVersion, Format: opts.Format.String(),
		Compression: opts.Compression.String(), Entries: len(entries)}
	toc, err := tocBytes(h, entries)
	if err != nil {
		return Summary{}, err
	}
	if err := d.writeDirData(dir, entries, max(jobs, 1), &sum); err != nil {
		return Summary{}, err
	}
	tmp := filepath.Join(dir, ".toc.dat.pgdrill-tmp")
	if err := writeFile(tmp, toc); err != nil {
		return Summary{}, err
	}
	if err := os.Rename(tmp, filepath.Join(dir, "toc.dat")); err != nil {
		return Summary{}, fmt.Errorf("dump: %w", err)
	}
	if err := syncDir(dir); err != nil {
		return Summary{}, fmt.Errorf("dump: %s: %w", dir, err)
	}
	if created {
		if err := syncDir(filepath.Dir(filepath.Clean(dir))); err != nil {
			return Summary{}, fmt.Errorf("dump: %s: %w", dir, err)
		}
	}
	sum.ArchiveBytes += int64(len(toc))
	sum.Seconds = time.Since(start).Seconds()
	return sum, nil
}

// makeDir creates dir, or accepts it when it exists and is empty, as
// pg_dump does; created says which.
func makeDir(dir string) (created bool, err error) {
	err = os.Mkdir(dir, 0o700)
	if errors.Is(err, os.ErrExist) {
		names, rerr := os.ReadDir(dir)
		if rerr != nil {
			return false, fmt.Errorf("dump: %w", rerr)
		}
		if len(names) > 0 {
			return false, fmt.Errorf("dump: directory %q exists and is not empty", dir)
		}
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("dump: %w", err)
	}
	return true, nil
}

// removeDump undoes a failed RunDir: dir was empty or new, so all it holds
// is the dump's.
func removeDump(dir string, created bool) {
	if created {
		os.RemoveAll(dir)
		return
	}
	names, _ := os.ReadDir(dir)
	for _, n := range names {
		os.RemoveAll(filepath.Join(dir, n.Name()))
	}
}

func tocBytes(h pgarchive.Header, entries []tocEntry) ([]byte, error) {
	es := make([]*pgarchive.Entry, len(entries))
	for i, e := range entries {
		es[i] = e.e
	}
	var buf bytes.Buffer
	if err := pgarchive.WriteTOCFile(&buf, h, es); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// writeFile writes a new file and flushes it to disk.
func writeFile(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("dump: %w", err)
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("dump: %w", err)
	}
	return nil
}

// dataJob is one table's data to copy into a file.
type dataJob struct {
	e     tocEntry
	pages int64
}

// writeDirData copies every table's data into its file on jobs worker
// connections, and the large objects on the leader's.
func (d *dumper) writeDirData(dir string, entries []tocEntry, jobs int, sum *Summary) error {
	var tables []dataJob
	var blobs []tocEntry
	for _, e := range entries {
		switch {
		case !e.e.HadDumper:
		case e.obj.table == nil:
			blobs = append(blobs, e)
		default:
			tables = append(tables, dataJob{e: e})
		}
	}
	if err := d.tablePages(tables); err != nil {
		return err
	}
	// Largest first, so that the longest copy starts at once.
	sort.SliceStable(tables, func(i, j int) bool { return tables[i].pages > tables[j].pages })
	d.tablesTotal = len(tables) + len(blobs)

	var snapshot string
	if len(tables) > 0 {
		if err := d.tx.QueryRow(d.ctx, "SELECT pg_catalog.pg_export_snapshot()").Scan(&snapshot); err != nil {
			return fmt.Errorf("dump: export snapshot: %w", err)
		}
	}
	ctx, cancel := context.WithCancel(d.ctx)
	defer cancel()
	work := make(chan dataJob)
	var mu sync.Mutex // guards sum and the progress counters
	var wg sync.WaitGroup
	errs := make(chan error, jobs+1)
	for range min(jobs, max(len(tables), 1)) {
		if len(tables) == 0 {
			break
		}
		wc, err := d.worker(ctx, snapshot)
		if err != nil {
			cancel()
			close(work)
			wg.Wait()
			return err
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer wc.Close(context.WithoutCancel(ctx))
			for j := range work {
				if ctx.Err() != nil {
					continue // another worker failed: drain the queue
				}
				var one Summary
				err := copyToFile(ctx, wc, j.e, filepath.Join(dir, j.e.e.File+pgarchive.FileSuffix(d.opts.Compression)), d.opts, &one)
				if err != nil {
					select {
					case errs <- err:
					default: // the first errors are enough
					}
					cancel()
					continue
				}
				mu.Lock()
				sum.Tables++
				sum.Rows += one.Rows
				sum.DataBytes += one.DataBytes
				sum.ArchiveBytes += one.ArchiveBytes
				d.tablesDone++
				if d.opts.Progress != nil {
					d.opts.Progress(Progress{Table: j.e.obj.table.qual, TablesDone: d.tablesDone, TablesTotal: d.tablesTotal, Rows: sum.Rows, Bytes: sum.DataBytes})
				}
				mu.Unlock()
			}
		}()
	}
	go func() {
		defer close(work)
		for _, j := range tables {
			select {
			case work <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	// The leader writes the large objects meanwhile.
	var blobErr error
	for _, e := range blobs {
		var one Summary
		if blobErr = d.blobFiles(dir, e, &one); blobErr != nil {
			cancel()
			break
		}
		mu.Lock()
		sum.LargeObjects += one.LargeObjects
		sum.DataBytes += one.DataBytes
		sum.ArchiveBytes += one.ArchiveBytes
		d.tablesDone++
		mu.Unlock()
	}
	wg.Wait()
	close(errs)
	if blobErr != nil {
		return blobErr
	}
	for err := range errs {
		return err
	}
	return d.ctx.Err()
}

// tablePages reads each table's size in pages, by which pg_dump -j orders
// the work.
func (d *dumper) tablePages(tables []dataJob) error {
	if len(tables) < 2 {
		return nil
	}
	oids := make([]uint32, len(tables))
	for i, t := range tables {
		oids[i] = t.e.obj.table.oid
	}
	rows, err := d.tx.Query(d.ctx, "SELECT oid, relpages FROM pg_catalog.pg_class WHERE oid = ANY($1)", oids)
	if err != nil {
		return fmt.Errorf("dump: table sizes: %w", err)
	}
	pages := map[uint32]int64{}
	for rows.Next() {
		var oid uint32
		var n int64
		if err := rows.Scan(&oid, &n); err != nil {
			return fmt.Errorf("dump: table sizes: %w", err)
		}
		pages[oid] = n
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("dump: table sizes: %w", err)
	}
	for i := range tables {
		tables[i].pages = pages[tables[i].e.obj.table.oid]
	}
	return nil
}

// worker connects a data worker: the leader's session settings, and a
// transaction on the leader's exported snapshot.
func (d *dumper) worker(ctx context.Context, snapshot string) (*pgx.Conn, error) {
	c, err := pgx.ConnectConfig(ctx, d.cfg)
	if err != nil {
		return nil, fmt.Errorf("dump: worker connect: %w", err)
	}
	stmts := append(append([]string(nil), d.settings...),
		"BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY",
		"SET TRANSACTION SNAPSHOT "+literal(snapshot))
	for _, s := range stmts {
		if _, err := c.Exec(ctx, s); err != nil {
			c.Close(context.WithoutCancel(ctx))
			return nil, fmt.Errorf("dump: worker: %q: %w", s, err)
		}
	}
	return c, nil
}

// copyStatement turns a TOC entry's COPY ... FROM stdin into COPY ... TO stdout.
func copyStatement(e *pgarchive.Entry) string {
	return strings.TrimSuffix(e.CopyStmt.String, " FROM stdin;\n") + " TO stdout;"
}

// copyToFile copies one table into the file name, compressed on a
// goroutine of its own while the server's COPY stream is read.
func copyToFile(ctx context.Context, conn *pgx.Conn, e tocEntry, name string, opts Options, sum *Summary) (err error) {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("dump: %w", err)
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("dump: %w", cerr)
		}
	}()
	fw := &countingWriter{w: f}
	zw, err := pgarchive.NewFileCompressor(fw, opts.Compression, opts.Level)
	if err != nil {
		return err
	}
	var sink io.WriteCloser = zw
	if opts.Compression != pgarchive.CompressionNone {
		sink = newPipe(zw)
	}
	cw := &countingWriter{w: sink}
	tag, err := conn.PgConn().CopyTo(ctx, cw, copyStatement(e.e))
	if err == nil {
		_, err = io.WriteString(cw, copyTerminator)
	}
	if cerr := sink.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if sink != zw {
		if cerr := zw.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}
	if err == nil {
		err = f.Sync()
	}
	if err != nil {
		return fmt.Errorf("dump: TABLE DATA %s: %w", e.obj.table.qual, err)
	}
	sum.Rows += tag.RowsAffected()
	sum.DataBytes += cw.n
	sum.ArchiveBytes += fw.n
	return nil
}

// blobFiles writes the large objects of BLOBS entry e, one file each, and
// their list.
func (d *dumper) blobFiles(dir string, e tocEntry, sum *Summary) error {
	var list strings.Builder
	suffix := pgarchive.FileSuffix(d.opts.Compression)
	err := d.eachBlob(e, func(oid uint32, lo io.Reader) error {
		name := "blob_" + strconv.FormatUint(uint64(oid), 10) + ".dat"
		fmt.Fprintf(&list, "%d %s\n", oid, name)
		f, err := os.OpenFile(filepath.Join(dir, name+suffix), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return fmt.Errorf("dump: %w", err)
		}
		fw := &countingWriter{w: f}
		zw, err := pgarchive.NewFileCompressor(fw, d.opts.Compression, d.opts.Level)
		if err == nil {
			var n int64
			n, err = io.Copy(zw, lo)
			sum.DataBytes += n
			sum.LargeObjects++
			if cerr := zw.Close(); err == nil {
				err = cerr
			}
		}
		if err == nil {
			err = f.Sync()
		}
		if cerr := f.Close(); err == nil && cerr != nil {
			err = cerr
		}
		sum.ArchiveBytes += fw.n
		return err
	})
	if err != nil {
		return err
	}
	sum.ArchiveBytes += int64(list.Len())
	return writeFile(filepath.Join(dir, e.e.File), []byte(list.String()))
}

// eachBlob calls fn with each large object of BLOBS entry e, open for
// reading in the leader's snapshot.
func (d *dumper) eachBlob(e tocEntry, fn func(oid uint32, lo io.Reader) error) error {
	los := d.tx.LargeObjects()
	for _, b := range e.obj.blobs {
		lo, err := los.Open(d.ctx, b.oid, pgx.LargeObjectModeRead)
		if err != nil {
			return fmt.Errorf("dump: large object %d: %w", b.oid, err)
		}
		err = fn(b.oid, lo)
		if cerr := lo.Close(); err == nil && cerr != nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("dump: large object %d: %w", b.oid, err)
		}
	}
	return nil
}

// RunTar dumps the database to w as a tar archive (pg_dump -Ft): toc.dat,
// then each data entry's member in TOC order, each BLOBS entry's large
// objects followed by their list. Members are not compressed, as pg_dump
// refuses compression for tar. Each table is first copied into a
// temporary file in tmpDir ("" for the system's), since a tar member's
// header holds its size.
func RunTar(ctx context.Context, connString string, w io.Writer, tmpDir string, opts Options) (Summary, error) {
	start := time.Now()
	opts.Compression, opts.Level = pgarchive.CompressionNone, 0
	d, entries, h, err := prepare(ctx, connString, &opts, start)
	if err != nil {
		return Summary{}, err
	}
	defer d.close()
	dataFileNames(entries, h.Version)
	// pg_restore reads a tar TOC's data file names as the members' names,
	// and finds large objects by walking the members.
	for _, e := range entries {
		if e.e.HadDumper && e.obj.table == nil {
			e.e.File = strconv.Itoa(e.e.DumpID) + ".dat"
		}
	}
	sum := Summary{Database: d.dbname, ServerVersion: d.serverVersion, Format: opts.Format.String(),
		Compression: opts.Compression.String(), Entries: len(entries)}
	toc, err := tocBytes(h, entries)
	if err != nil {
		return Summary{}, err
	}
	cw := &countingWriter{w: w}
	tw := tar.NewWriter(cw)
	member := func(name string, size int64, r io.Reader) error {
		hd := &tar.Header{Name: name, Mode: 0o600, Size: size, ModTime: start, Format: tar.FormatUSTAR, Typeflag: tar.TypeReg}
		if err := tw.WriteHeader(hd); err != nil {
			return fmt.Errorf("dump: tar member %s: %w", name, err)
		}
		if _, err := io.Copy(tw, r); err != nil {
			return fmt.Errorf("dump: tar member %s: %w", name, err)
		}
		return nil
	}
	if err := member("toc.dat", int64(len(toc)), bytes.NewReader(toc)); err != nil {
		return Summary{}, err
	}
	for _, e := range entries {
		if !e.e.HadDumper {
			continue
		}
		if e.obj.table == nil {
			if err := d.blobMembers(e, h.Version, member, &sum); err != nil {
				return Summary{}, err
			}
			continue
		}
		if err := d.tableMember(e, tmpDir, member, &sum); err != nil {
			return Summary{}, err
		}
	}
	if err := tw.Close(); err != nil {
		return Summary{}, fmt.Errorf("dump: %w", err)
	}
	sum.ArchiveBytes = cw.n
	sum.Seconds = time.Since(start).Seconds()
	return sum, nil
}

// tableMember copies a table into a temporary file and adds it as a member.
func (d *dumper) tableMember(e tocEntry, tmpDir string, member func(string, int64, io.Reader) error, sum *Summary) error {
	dir, err := os.MkdirTemp(tmpDir, "pgdrill-dump-")
	if err != nil {
		return fmt.Errorf("dump: %w", err)
	}
	defer os.RemoveAll(dir)
	name := filepath.Join(dir, e.e.File)
	if err := copyToFile(d.ctx, d.conn, e, name, d.opts, sum); err != nil {
		return err
	}
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("dump: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return fmt.Errorf("dump: %w", err)
	}
	sum.Tables++
	d.tablesDone++
	if d.opts.Progress != nil {
		d.opts.Progress(Progress{Table: e.obj.table.qual, TablesDone: d.tablesDone, Rows: sum.Rows, Bytes: sum.DataBytes})
	}
	return member(e.e.File, fi.Size(), f)
}

// blobMembers adds a BLOBS entry's large objects and then their list.
func (d *dumper) blobMembers(e tocEntry, v pgarchive.Version, member func(string, int64, io.Reader) error, sum *Summary) error {
	var list strings.Builder
	err := d.eachBlob(e, func(oid uint32, lo io.Reader) error {
		size, err := lo.(io.Seeker).Seek(0, io.SeekEnd)
		if err != nil {
			return err
		}
		if _, err := lo.(io.Seeker).Seek(0, io.SeekStart); err != nil {
			return err
		}
		name := "blob_" + strconv.FormatUint(uint64(oid), 10) + ".dat"
		fmt.Fprintf(&list, "%d %s\n", oid, name)
		sum.DataBytes += size
		sum.LargeObjects++
		return member(name, size, io.LimitReader(lo, size))
	})
	if err != nil {
		return err
	}
	listName := "blobs.toc"
	if v.AtLeast(pgarchive.V1_16) {
		listName = "blobs_" + strconv.Itoa(e.e.DumpID) + ".toc"
	}
	return member(listName, int64(list.Len()), strings.NewReader(list.String()))
}
