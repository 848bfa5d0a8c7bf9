package pgarchive

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/klauspost/compress/zlib"
	"github.com/klauspost/compress/zstd"
	"github.com/pierrec/lz4/v4"
)

// This file feeds the reader hostile and unusual archives: each must give a
// specific error that names the byte offset (and the entry, when one is
// known), or, for the legal oddities (old versions, 8-byte ints), read
// correctly. The archives are built by testArchive, a small test-only encoder
// that can write every layout from 1.12 to 1.16, so a case can be exact about
// where the bad byte sits.

// enc appends the archive's primitives to a byte slice.
type enc struct {
	b       []byte
	intSize int
	offSize int
}

func (w *enc) byte1(v byte) { w.b = append(w.b, v) }

// int1 writes a sign-and-magnitude int. With an intSize of 4 the magnitude
// wraps to 32 bits, as pg_dump's does.
func (w *enc) int1(v int64) {
	sign := byte(0)
	if v < 0 {
		sign, v = 1, -v
	}
	w.b = append(w.b, sign)
	for i := 0; i < w.intSize; i++ {
		if i < 8 {
			w.b = append(w.b, byte(uint64(v)>>(8*i)))
		} else {
			w.b = append(w.b, 0)
		}
	}
}

func (w *enc) str(s NullString) {
	if !s.Valid {
		w.int1(-1)
		return
	}
	w.int1(int64(len(s.String)))
	w.b = append(w.b, s.String...)
}

func (w *enc) offset(st DataState, v int64) {
	w.b = append(w.b, byte(st))
	for i := 0; i < w.offSize; i++ {
		if i < 8 {
			w.b = append(w.b, byte(uint64(v)>>(8*i)))
		} else {
			w.b = append(w.b, 0)
		}
	}
}

// testArchive is an archive to encode: a header, entries, and the raw bytes
// of each entry's data block (type byte onward), written in TOC order.
type testArchive struct {
	Version          Version
	IntSize, OffSize int
	Format           byte
	Compression      Compression
	Level            int // for versions before 1.15
	DBName           string
	Entries          []*Entry
	Blocks           map[int][]byte // by dump ID
	Pipe             bool           // write offset flag 1 instead of positions
}

// layout records where things landed in an encoded archive.
type layout struct {
	tocCount  int64            // offset of the TOC entry count
	entry     map[int]int64    // dump ID → offset of the entry's first byte
	offField  map[int]int64    // dump ID → offset of the entry's data offset field
	block     map[int]int64    // dump ID → offset of the block's type byte
	dataStart int64            // first byte after the TOC
	str       map[string]int64 // "dumpID/field" → offset of that string's length
}

func (a *testArchive) encode() ([]byte, layout) {
	// Offsets have a fixed width, so the TOC's size does not depend on the
	// positions it holds: encode once to learn where blocks go, then again.
	_, lay := a.encodeWith(nil)
	return a.encodeWith(lay.block)
}

func (a *testArchive) encodeWith(pos map[int]int64) ([]byte, layout) {
	w := &enc{intSize: a.IntSize, offSize: a.OffSize}
	lay := layout{entry: map[int]int64{}, offField: map[int]int64{}, block: map[int]int64{}, str: map[string]int64{}}
	w.b = append(w.b, Magic...)
	w.b = append(w.b, a.Version.Major, a.Version.Minor, a.Version.Rev, byte(a.IntSize), byte(a.OffSize), a.Format)
	if a.Version.AtLeast(V1_15) {
		w.byte1(byte(a.Compression))
	} else {
		w.int1(int64(a.Level))
	}
	for _, v := range []int64{44, 47, 16, 26, 10, 126, 0} {
		w.int1(v)
	}
	w.str(Str(a.DBName))
	w.str(Str("15.18 (Debian 15.18-0+deb12u1)"))
	w.str(Str("17.12 (Debian 17.12-0+deb13u1)"))
	lay.tocCount = int64(len(w.b))
	w.int1(int64(len(a.Entries)))
	for _, e := range a.Entries {
		lay.entry[e.DumpID] = int64(len(w.b))
		w.int1(int64(e.DumpID))
		had := int64(0)
		if e.HadDumper {
			had = 1
		}
		w.int1(had)
		field := func(name string, s NullString) {
			lay.str[strconv.Itoa(e.DumpID)+"/"+name] = int64(len(w.b))
			w.str(s)
		}
		field("tableoid", Str(strconv.FormatUint(uint64(e.TableOID), 10)))
		field("oid", Str(strconv.FormatUint(uint64(e.OID), 10)))
		field("tag", Str(e.Tag))
		field("desc", Str(e.Desc))
		w.int1(int64(e.Section))
		field("defn", e.Defn)
		field("drop", e.DropStmt)
		field("copy", e.CopyStmt)
		field("namespace", e.Namespace)
		field("tablespace", e.Tablespace)
		if a.Version.AtLeast(V1_14) {
			field("tableam", e.TableAM)
		}
		if a.Version.AtLeast(V1_16) {
			w.int1(int64(e.Relkind))
		}
		field("owner", e.Owner)
		field("withoids", Str("false"))
		for _, d := range e.Dependencies {
			w.str(Str(strconv.Itoa(d)))
		}
		w.str(NullString{})
		lay.offField[e.DumpID] = int64(len(w.b))
		switch {
		case a.Blocks[e.DumpID] == nil:
			w.offset(DataNone, 0)
		case a.Pipe || pos == nil:
			w.offset(DataPosNotSet, 0)
		default:
			w.offset(DataPosSet, pos[e.DumpID])
		}
	}
	lay.dataStart = int64(len(w.b))
	for _, e := range a.Entries {
		if blk := a.Blocks[e.DumpID]; blk != nil {
			lay.block[e.DumpID] = int64(len(w.b))
			w.b = append(w.b, blk...)
		}
	}
	return w.b, lay
}

// blockBytes builds a block: type, dump ID, then the chunk streams given,
// each already compressed. For a BLOBS block, streams alternate OID and data
// and the closing OID 0 is added.
func blockBytes(intSize int, typ byte, id int, chunkSize int, streams ...[]byte) []byte {
	w := &enc{intSize: intSize}
	w.byte1(typ)
	w.int1(int64(id))
	chunked := func(p []byte) {
		for len(p) > 0 {
			n := min(len(p), chunkSize)
			w.int1(int64(n))
			w.b = append(w.b, p[:n]...)
			p = p[n:]
		}
		w.int1(0)
	}
	if typ == blockData {
		if len(streams) == 0 {
			w.int1(0)
		}
		for _, s := range streams {
			chunked(s)
		}
		return w.b
	}
	for i := 0; i+1 < len(streams); i += 2 {
		oid, _ := strconv.ParseInt(string(streams[i]), 10, 64)
		w.int1(int64(int32(uint32(oid))))
		chunked(streams[i+1])
	}
	w.int1(0)
	return w.b
}

// compress returns p as one stream of the given algorithm.
func compress(t testing.TB, alg Compression, p []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	var zw io.WriteCloser
	switch alg {
	case CompressionNone:
		return append([]byte(nil), p...)
	case CompressionGzip:
		zw = zlib.NewWriter(&buf)
	case CompressionLZ4:
		// 64 KiB blocks, as pg_dump's LZ4F defaults write (pg_dump's
		// blocks are also linked, which this writer cannot do).
		z := lz4.NewWriter(&buf)
		if err := z.Apply(lz4.BlockSizeOption(lz4.Block64Kb)); err != nil {
			t.Fatal(err)
		}
		zw = z
	case CompressionZstd:
		z, err := zstd.NewWriter(&buf)
		if err != nil {
			t.Fatal(err)
		}
		zw = z
	default:
		t.Fatalf("no compressor for %v", alg)
	}
	if _, err := zw.Write(p); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The small archive most cases start from: ENCODING, a table, its data, and
// a BLOBS block with two large objects (one OID above 2^31).
const (
	idEncoding = 10
	idTable    = 1
	idData     = 2
	idBlobs    = 3
	smallCopy  = "1\thello\n2\t\\N\n\\.\n\n\n"
)

var smallBlobs = [][]byte{[]byte("90001"), []byte("large object one"), []byte("3000000000"), []byte("xyz")}

func smallArchive(t testing.TB, v Version, alg Compression) *testArchive {
	t.Helper()
	a := &testArchive{Version: v, IntSize: 4, OffSize: 8, Format: FormatCustom, Compression: alg, DBName: "small"}
	if alg != CompressionNone {
		a.Level = -1
	}
	a.Entries = []*Entry{
		{DumpID: idEncoding, Tag: "ENCODING", Desc: "ENCODING", Section: SectionPreData,
			Defn: Str("SET client_encoding = 'UTF8';\n"), DropStmt: Str(""), CopyStmt: Str(""), Namespace: Str(""), TableAM: Str("")},
		{DumpID: idTable, TableOID: 1259, OID: 16385, Tag: "t", Desc: "TABLE", Section: SectionPreData,
			Defn: Str("CREATE TABLE public.t (id integer, s text);\n"), DropStmt: Str("DROP TABLE public.t;\n"),
			Namespace: Str("public"), Tablespace: Str(""), TableAM: Str("heap"), Relkind: 'r', Owner: Str("postgres")},
		{DumpID: idData, HadDumper: true, OID: 16385, Tag: "t", Desc: "TABLE DATA", Section: SectionData,
			CopyStmt: Str("COPY public.t (id, s) FROM stdin;\n"), Namespace: Str("public"), Owner: Str("postgres"),
			Dependencies: []int{idTable}},
		{DumpID: idBlobs, HadDumper: true, Tag: "BLOBS", Desc: "BLOBS", Section: SectionData},
	}
	blobs := make([][]byte, len(smallBlobs))
	for i, s := range smallBlobs {
		if i%2 == 0 {
			blobs[i] = s
		} else {
			blobs[i] = compress(t, alg, s)
		}
	}
	a.Blocks = map[int][]byte{
		idData:  blockBytes(4, blockData, idData, 7, compress(t, alg, []byte(smallCopy))),
		idBlobs: blockBytes(4, blockBlobs, idBlobs, 1000, blobs...),
	}
	return a
}

// readAllBoth reads every block of raw through a Reader and, separately,
// a Stream. It returns the Reader's blocks (rendered as renderBlock does, by
// dump ID) and the first error of each API; the Stream must agree with the
// Reader on every block both could read.
func readAllBoth(raw []byte) (blocks map[int]string, random, stream error) {
	blocks = map[int]string{}
	r, err := NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err == nil {
		for _, e := range r.Entries {
			if e.DataState == DataNone {
				continue
			}
			b, oerr := r.Open(e)
			if oerr != nil {
				err = oerr
				break
			}
			s, rerr := renderBlock(b)
			b.Close()
			if rerr != nil {
				err = rerr
				break
			}
			blocks[e.DumpID] = s
		}
	}
	random = err
	s, err := NewStream(struct{ io.Reader }{bytes.NewReader(raw)})
	if err == nil {
		for {
			b, nerr := s.Next()
			if nerr == io.EOF {
				break
			}
			if nerr != nil {
				err = nerr
				break
			}
			got, rerr := renderBlock(b)
			if rerr != nil {
				err = rerr
				break
			}
			if blocks[b.Entry.DumpID] != got && random == nil {
				err = fmt.Errorf("stream and random access differ on %s", b.Entry)
				break
			}
		}
	}
	return blocks, random, err
}

// renderBlock is readBlock returning its error.
func renderBlock(b *Block) (string, error) {
	if !b.IsBlobs() {
		data, err := io.ReadAll(b)
		return string(data), err
	}
	var out strings.Builder
	for {
		oid, err := b.NextBlob()
		if err == io.EOF {
			return out.String(), nil
		}
		if err != nil {
			return out.String(), err
		}
		data, err := io.ReadAll(b)
		if err != nil {
			return out.String(), err
		}
		fmt.Fprintf(&out, "%d:%s\n", oid, data)
	}
}

func wantSmallBlobs() string {
	return "90001:large object one\n3000000000:xyz\n"
}

// TestSmallArchivesRead checks the encoder and the reader against each
// other for every version and compression before the hostile cases build on
// them.
func TestSmallArchivesRead(t *testing.T) {
	for _, v := range []Version{V1_12, V1_13, V1_14, {1, 14, 7}, V1_15, V1_16, {1, 16, 255}} {
		for _, alg := range []Compression{CompressionNone, CompressionGzip, CompressionLZ4, CompressionZstd} {
			if !v.AtLeast(V1_15) && (alg == CompressionLZ4 || alg == CompressionZstd) {
				continue
			}
			for _, pipe := range []bool{false, true} {
				t.Run(fmt.Sprintf("%d.%d.%d/%v/pipe=%v", v.Major, v.Minor, v.Rev, alg, pipe), func(t *testing.T) {
					a := smallArchive(t, v, alg)
					a.Pipe = pipe
					raw, _ := a.encode()
					blocks, random, stream := readAllBoth(raw)
					if random != nil || stream != nil {
						t.Fatalf("random access: %v; stream: %v", random, stream)
					}
					if blocks[idData] != smallCopy || blocks[idBlobs] != wantSmallBlobs() {
						t.Fatalf("blocks read back as %v", blocks)
					}
					r, _ := NewReader(bytes.NewReader(raw), int64(len(raw)))
					if r.Header.Version != v || r.Header.Compression != alg {
						t.Errorf("header %+v", r.Header)
					}
					if got := r.Entry(idTable).TableAM; v.AtLeast(V1_14) != got.Valid {
						t.Errorf("tableam %+v in a %v archive", got, v)
					}
				})
			}
		}
	}
}

// hostileCase is one bad archive and the error it must give.
type hostileCase struct {
	name string
	raw  []byte
	is   error    // errors.Is target, for both Reader and Stream
	want []string // substrings of the Reader's message
	// stream, when set, replaces want for the Stream's message; streamIs
	// replaces is (a pipe cannot know a length runs past the end in advance).
	stream   []string
	streamIs error
}

func hostileCases(t testing.TB) []hostileCase {
	t.Helper()
	base := func(v Version, alg Compression) *testArchive { return smallArchive(t, v, alg) }
	enc16 := func(mod func(a *testArchive)) ([]byte, layout) {
		a := base(V1_16, CompressionNone)
		if mod != nil {
			mod(a)
		}
		return a.encode()
	}
	raw16, lay16 := enc16(nil)
	at := func(off int64) string { return "offset " + strconv.FormatInt(off, 10) + ": " }
	blockAt := func(off int64) string { return "block at offset " + strconv.FormatInt(off, 10) + ": " }
	patch := func(raw []byte, off int64, b ...byte) []byte {
		out := bytes.Clone(raw)
		copy(out[off:], b)
		return out
	}
	const dataEntry = "pgarchive: entry 2 TABLE DATA public.t: "
	const blobsEntry = "pgarchive: entry 3 BLOBS BLOBS: "
	var cases []hostileCase
	add := func(c hostileCase) { cases = append(cases, c) }

	// Header.
	add(hostileCase{name: "empty file", raw: nil, is: io.ErrUnexpectedEOF, want: []string{"pgarchive: offset 0: unexpected EOF"}})
	add(hostileCase{name: "bad magic", raw: patch(raw16, 0, 'P', 'G', 'D', 'M', 'Q'), is: ErrNotArchive, want: []string{"pgarchive: offset 0: "}})
	add(hostileCase{name: "tar archive", raw: append([]byte("toc.dat\x00"), make([]byte, 504)...), is: ErrNotArchive, want: []string{"pgarchive: offset 0: "}})
	for _, v := range [][3]byte{{1, 11, 0}, {1, 17, 0}, {0, 14, 0}, {2, 14, 0}, {1, 11, 255}} {
		add(hostileCase{name: fmt.Sprintf("version %d.%d.%d", v[0], v[1], v[2]), raw: patch(raw16, 5, v[:]...), is: ErrVersion,
			want: []string{"pgarchive: offset 5: ", fmt.Sprintf("(%d.%d)", v[0], v[1])}})
	}
	add(hostileCase{name: "format 3 (tar)", raw: patch(raw16, 10, 3), is: ErrNotArchive, want: []string{"pgarchive: offset 10: ", "archive format 3"}})
	add(hostileCase{name: "format 5 (directory)", raw: patch(raw16, 10, 5), is: ErrNotArchive, want: []string{"pgarchive: offset 10: ", "format 5"}})
	add(hostileCase{name: "int size 0", raw: patch(raw16, 8, 0), is: ErrCorrupt, want: []string{"pgarchive: offset 8: ", "integer size 0"}})
	add(hostileCase{name: "int size 17", raw: patch(raw16, 8, 17), is: ErrCorrupt, want: []string{"pgarchive: offset 8: ", "integer size 17"}})
	add(hostileCase{name: "offset size 0", raw: patch(raw16, 9, 0), is: ErrCorrupt, want: []string{"pgarchive: offset 9: ", "offset size 0"}})
	add(hostileCase{name: "offset size 17", raw: patch(raw16, 9, 17), is: ErrCorrupt, want: []string{"pgarchive: offset 9: ", "offset size 17"}})
	add(hostileCase{name: "compression algorithm 4", raw: patch(raw16, 11, 4), is: ErrCompression, want: []string{"pgarchive: offset 11: ", "algorithm 4"}})
	add(hostileCase{name: "sign byte 2", raw: patch(raw16, 12, 2), is: ErrCorrupt, want: []string{"pgarchive: offset 12: ", "sign byte 2"}})
	add(hostileCase{name: "truncated in header", raw: raw16[:40], is: io.ErrUnexpectedEOF, want: []string{"pgarchive: offset 37: unexpected EOF"}})

	// dbname is the first string, right after the seven time ints.
	const dbnameOff = 12 + 7*5
	add(hostileCase{name: "string length over limit", raw: patch(raw16, dbnameOff, 0, 0xff, 0xff, 0xff, 0x7f), is: ErrCorrupt,
		want: []string{"pgarchive: offset 47: ", "string length 2147483647 over limit"}})
	add(hostileCase{name: "string length past EOF", raw: patch(raw16, dbnameOff, 0, 0, 0, 0, 0x10), is: io.ErrUnexpectedEOF,
		want:   []string{"pgarchive: offset 47: ", "string length 268435456 runs past end of file"},
		stream: []string{"pgarchive: offset 47: unexpected EOF"}})

	// TOC.
	add(hostileCase{name: "TOC count negative", raw: patch(raw16, lay16.tocCount, 1, 1, 0, 0, 0), is: ErrCorrupt,
		want: []string{"pgarchive: " + at(lay16.tocCount), "TOC entry count -1 out of range"}})
	add(hostileCase{name: "TOC count huge", raw: patch(raw16, lay16.tocCount, 0, 0xff, 0xff, 0xff, 0x7f), is: io.ErrUnexpectedEOF,
		want: []string{"pgarchive: " + at(lay16.tocCount), "TOC entry count 2147483647 needs at least"},
		// A pipe cannot bound the count; the entries run out instead.
		// A pipe cannot bound the count: the data area is read as entries.
		streamIs: ErrCorrupt, stream: []string{"pgarchive: " + at(lay16.dataStart) + "TOC entry 5 of 2147483647: ", "dump ID -512 out of range"}})
	add(hostileCase{name: "dump ID 0", raw: patch(raw16, lay16.entry[idTable], 0, 0, 0, 0, 0), is: ErrCorrupt,
		want: []string{"pgarchive: " + at(lay16.entry[idTable]) + "TOC entry 2 of 4: ", "dump ID 0 out of range"}})
	dup, _ := enc16(func(a *testArchive) { a.Entries[3].DumpID = idData; delete(a.Blocks, idBlobs) })
	add(hostileCase{name: "duplicate dump ID", raw: dup, is: ErrCorrupt, want: []string{"pgarchive: entry 2 BLOBS BLOBS: ", "duplicate dump ID 2"}})
	add(hostileCase{name: "catalog OID not a number", raw: patch(raw16, lay16.str["1/oid"]+5, 'x'), is: ErrCorrupt,
		want: []string{"pgarchive: entry 1: " + at(lay16.str["1/oid"]), `catalog OID "x6385" is not a number`}})
	secOff := lay16.str["2/desc"] + 5 + int64(len("TABLE DATA"))
	add(hostileCase{name: "section 7", raw: patch(raw16, secOff, 0, 7), is: ErrCorrupt,
		want: []string{"pgarchive: entry 2 TABLE DATA t: " + at(secOff), "section 7 out of range"}})
	add(hostileCase{name: "tag length past EOF", raw: patch(raw16, lay16.str["2/tag"], 0, 0, 0, 0, 0x01), is: io.ErrUnexpectedEOF,
		want:   []string{"pgarchive: entry 2: " + at(lay16.str["2/tag"]), "string length 16777216 runs past end of file"},
		stream: []string{"pgarchive: entry 2: " + at(lay16.str["2/tag"]) + "unexpected EOF"}})
	add(hostileCase{name: "offset flag 7", raw: patch(raw16, lay16.offField[idData], 7), is: ErrCorrupt,
		want: []string{dataEntry + at(lay16.offField[idData]), "data offset flag 7"}})
	add(hostileCase{name: "truncated in TOC", raw: raw16[:lay16.entry[idData]+3], is: io.ErrUnexpectedEOF,
		want:   []string{"pgarchive: " + at(lay16.tocCount), "TOC entry count 4 needs at least", "unexpected EOF"},
		stream: []string{"pgarchive: " + at(lay16.entry[idData]) + "TOC entry 3 of 4: unexpected EOF"}})
	add(hostileCase{name: "truncated in an entry", raw: raw16[:lay16.offField[idData]+4], is: io.ErrUnexpectedEOF,
		want: []string{dataEntry + at(lay16.offField[idData]) + "unexpected EOF"}})

	// Offsets.
	putOff := func(raw []byte, id int, v int64) []byte {
		w := &enc{offSize: 8}
		w.offset(DataPosSet, v)
		return patch(raw, lay16.offField[id], w.b...)
	}
	add(hostileCase{name: "offset past EOF", raw: putOff(raw16, idData, 1<<40), is: io.ErrUnexpectedEOF,
		want: []string{dataEntry, fmt.Sprintf("data offset 1099511627776 past the end of the file (%d bytes)", len(raw16))},
		// A pipe ignores positions and reads blocks in file order.
		streamIs: errNone})
	add(hostileCase{name: "offset into the TOC", raw: putOff(raw16, idData, lay16.entry[idData]), is: ErrCorrupt,
		want:     []string{dataEntry, fmt.Sprintf("data offset %d outside the data area [%d, %d)", lay16.entry[idData], lay16.dataStart, len(raw16))},
		streamIs: errNone})
	add(hostileCase{name: "offset at the other block", raw: putOff(raw16, idData, lay16.block[idBlobs]), is: ErrCorrupt,
		want: []string{dataEntry + blockAt(lay16.block[idBlobs]), "block belongs to dump ID 3"}, streamIs: errNone})
	add(hostileCase{name: "offset inside a block", raw: putOff(raw16, idData, lay16.block[idData]+1), is: ErrCorrupt,
		want: []string{dataEntry + blockAt(lay16.block[idData]+1), "unknown block type 0"}, streamIs: errNone})

	// Blocks.
	add(hostileCase{name: "unknown block type", raw: patch(raw16, lay16.block[idData], 2), is: ErrCorrupt,
		want:   []string{dataEntry + blockAt(lay16.block[idData]), "unknown block type 2"},
		stream: []string{"pgarchive: " + blockAt(lay16.block[idData]), "unknown block type 2"}})
	add(hostileCase{name: "block dump ID unknown", raw: patch(raw16, lay16.block[idData]+1, 0, 99), is: ErrCorrupt,
		want:   []string{dataEntry + blockAt(lay16.block[idData]), "block belongs to dump ID 99"},
		stream: []string{"pgarchive: " + blockAt(lay16.block[idData]), "dump ID 99, which the TOC does not hold"}})
	add(hostileCase{name: "block dump ID negative", raw: patch(raw16, lay16.block[idData]+1, 1, 2), is: ErrCorrupt,
		want:   []string{dataEntry + blockAt(lay16.block[idData]), "block dump ID -2 out of range"},
		stream: []string{"pgarchive: " + blockAt(lay16.block[idData]), "block dump ID -2 out of range"}})
	chunk0 := lay16.block[idData] + 6
	add(hostileCase{name: "chunk length past EOF", raw: patch(raw16, chunk0, 0, 0, 0, 0, 0x40), is: io.ErrUnexpectedEOF,
		want:   []string{dataEntry + blockAt(lay16.block[idData]) + at(chunk0), "chunk length 1073741824 runs past end of file"},
		stream: []string{dataEntry + blockAt(lay16.block[idData]), "unexpected EOF"}})
	add(hostileCase{name: "chunk length negative", raw: patch(raw16, chunk0, 1, 5), is: ErrCorrupt,
		want: []string{dataEntry + blockAt(lay16.block[idData]) + at(chunk0), "negative chunk length -5"}})
	add(hostileCase{name: "truncated in a block", raw: raw16[:chunk0+8], is: io.ErrUnexpectedEOF,
		want:   []string{blobsEntry, fmt.Sprintf("data offset %d past the end of the file (%d bytes)", lay16.block[idBlobs], chunk0+8), "unexpected EOF"},
		stream: []string{dataEntry + blockAt(lay16.block[idData]) + at(chunk0+8) + "unexpected EOF"}})
	lastOff := int64(len(raw16)) - 5
	add(hostileCase{name: "truncated before the last blob OID", raw: raw16[:lastOff], is: io.ErrUnexpectedEOF,
		want: []string{blobsEntry + blockAt(lay16.block[idBlobs]) + at(lastOff) + "unexpected EOF"}})
	noBlocks, _ := enc16(func(a *testArchive) { a.Pipe = true })
	add(hostileCase{name: "pipe archive without its blocks", raw: noBlocks[:lay16.dataStart], is: io.ErrUnexpectedEOF,
		want: []string{dataEntry + at(lay16.dataStart) + "no data block before the end of the file"}})
	add(hostileCase{name: "cut between blocks", raw: raw16[:lay16.block[idBlobs]], is: io.ErrUnexpectedEOF,
		want:   []string{blobsEntry, "past the end of the file"},
		stream: []string{blobsEntry + at(lay16.block[idBlobs]) + "no data block before the end of the file"}})
	cutPipe, _ := enc16(func(a *testArchive) { a.Pipe = true })
	add(hostileCase{name: "pipe archive cut between blocks", raw: cutPipe[:lay16.block[idBlobs]], is: io.ErrUnexpectedEOF,
		want: []string{blobsEntry + at(lay16.block[idBlobs]) + "no data block before the end of the file"}})

	// Compressed payloads.
	garbage := []byte("this is not a compressed stream at all, not even close")
	for _, alg := range []Compression{CompressionGzip, CompressionLZ4, CompressionZstd} {
		a := base(V1_16, alg)
		a.Blocks[idData] = blockBytes(4, blockData, idData, 1000, garbage)
		raw, lay := a.encode()
		add(hostileCase{name: alg.String() + " garbage", raw: raw, is: ErrCorrupt, want: []string{dataEntry + blockAt(lay.block[idData])}})

		// Bytes after the end of the compressed stream: lz4 and zstd read
		// them as a next frame with a bad magic number. zlib reads ahead
		// (up to 4 KiB) into a buffer of its own, so a short tail after a
		// gzip stream is not seen, as pg_restore does not see it either.
		a = base(V1_16, alg)
		a.Blocks[idData] = blockBytes(4, blockData, idData, 1000, append(compress(t, alg, []byte(smallCopy)), "trailing"...))
		raw, lay = a.encode()
		c := hostileCase{name: alg.String() + " data after the stream", raw: raw, is: ErrCorrupt,
			want: []string{dataEntry + blockAt(lay.block[idData]), "decompressing"}}
		if alg == CompressionGzip {
			c.is, c.want = errNone, nil
		}
		add(c)

		a = base(V1_16, alg)
		z := compress(t, alg, bytes.Repeat([]byte(smallCopy), 100))
		a.Blocks[idData] = blockBytes(4, blockData, idData, 1000, z[:len(z)/2])
		raw, lay = a.encode()
		add(hostileCase{name: alg.String() + " stream cut short", raw: raw, is: ErrCorrupt,
			want: []string{dataEntry + blockAt(lay.block[idData])}})

		a = base(V1_16, alg)
		a.Blocks[idData] = blockBytes(4, blockData, idData, 1000)
		raw, lay = a.encode()
		// No bytes at all: zlib wants its header; an lz4 or zstd reader
		// sees zero frames, which is empty data (pg_dump never writes it).
		c = hostileCase{name: alg.String() + " empty stream", raw: raw, is: ErrCorrupt,
			want: []string{dataEntry + blockAt(lay.block[idData])}}
		if alg != CompressionGzip {
			c.is, c.want = errNone, nil
		}
		add(c)
	}
	// An lz4 stream that stops right after a frame's magic number (found by
	// FuzzLZ4Frames: lz4Frames took it for the end of the data).
	a4 := base(V1_16, CompressionLZ4)
	a4.Blocks[idData] = blockBytes(4, blockData, idData, 1000, []byte{0x04, 0x22, 0x4d, 0x18})
	raw4, lay4 := a4.encode()
	add(hostileCase{name: "lz4 frame cut after the magic", raw: raw4, is: ErrCorrupt,
		want: []string{dataEntry + blockAt(lay4.block[idData]), "unexpected EOF"}})

	// A zstd frame whose header asks for a window over MaxZstdWindow: magic,
	// descriptor 0 (no checksum, not single segment), window log 10+21.
	a := base(V1_16, CompressionZstd)
	a.Blocks[idData] = blockBytes(4, blockData, idData, 1000, []byte{0x28, 0xb5, 0x2f, 0xfd, 0x00, 21 << 3, 0x01, 0x00, 0x00})
	rawWin, layWin := a.encode()
	add(hostileCase{name: "zstd window 2 GiB", raw: rawWin, is: ErrCorrupt, want: []string{dataEntry + blockAt(layWin.block[idData]), "window"}})

	// Integers wider than 4 bytes must have zero high bytes beyond 8.
	wide := base(V1_16, CompressionNone)
	wide.IntSize = 16
	rawWide, layWide := wide.encode()
	hi := layWide.entry[idData] + 1 + 12
	add(hostileCase{name: "int size 16 high byte set", raw: patch(rawWide, hi, 1), is: ErrCorrupt,
		want: []string{"pgarchive: " + at(layWide.entry[idData]) + "TOC entry 3 of 4: ", "integer too large"}})
	wideOff := base(V1_16, CompressionNone)
	wideOff.OffSize = 16
	rawWO, layWO := wideOff.encode()
	add(hostileCase{name: "offset size 16 high byte set", raw: patch(rawWO, layWO.offField[idData]+1+12, 1), is: ErrCorrupt,
		want: []string{dataEntry + at(layWO.offField[idData]), "file offset too large"}})
	return cases
}

// errNone marks a case that one of the two APIs reads without error.
var errNone = errors.New("no error expected")

func TestHostileArchives(t *testing.T) {
	for _, c := range hostileCases(t) {
		t.Run(c.name, func(t *testing.T) {
			_, random, stream := readAllBoth(c.raw)
			check := func(api string, err error, is error, want []string) {
				t.Helper()
				if is == errNone {
					if err != nil {
						t.Errorf("%s: unexpected error: %v", api, err)
					}
					return
				}
				if err == nil {
					t.Errorf("%s: no error, want %v", api, is)
					return
				}
				if !errors.Is(err, is) {
					t.Errorf("%s: error %q is not %v", api, err, is)
				}
				var ae *Error
				if !errors.As(err, &ae) {
					t.Errorf("%s: error %q is not a *pgarchive.Error", api, err)
				}
				msg := err.Error()
				if !strings.HasPrefix(msg, "pgarchive: ") || !strings.Contains(msg, "offset ") {
					t.Errorf("%s: message %q names no offset", api, msg)
				}
				for _, w := range want {
					if !strings.Contains(msg, w) {
						t.Errorf("%s: message %q lacks %q", api, msg, w)
					}
				}
			}
			check("Reader", random, c.is, c.want)
			is, want := c.is, c.want
			if c.streamIs != nil {
				is = c.streamIs
			}
			if c.stream != nil {
				want = c.stream
			}
			check("Stream", stream, is, want)
		})
	}
}

// reencode rebuilds a real archive with another version or integer and
// offset sizes, copying each data block's bytes. Blocks are cut at the next
// block's position, so the source must have its offsets set.
func reencode(t testing.TB, name string, v Version, intSize, offSize int) []byte {
	t.Helper()
	raw, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	if !v.AtLeast(V1_15) && r.Header.Compression > CompressionGzip {
		t.Fatalf("%s: %v cannot be written as %v", name, r.Header.Compression, v)
	}
	a := &testArchive{Version: v, IntSize: intSize, OffSize: offSize, Format: FormatCustom,
		Compression: r.Header.Compression, Level: r.Header.Level, DBName: r.Header.DBName, Blocks: map[int][]byte{}}
	if !r.Header.Version.AtLeast(V1_15) && v.AtLeast(V1_15) && r.Header.Level != 0 {
		a.Compression = CompressionGzip
	}
	if r.Header.Version.AtLeast(V1_15) && !v.AtLeast(V1_15) && r.Header.Compression == CompressionGzip {
		a.Level = -1
	}
	var starts []int64
	for _, e := range r.Entries {
		if e.DataState == DataPosSet {
			starts = append(starts, e.Offset)
		} else if e.DataState == DataPosNotSet {
			t.Fatalf("%s: offsets not set", name)
		}
	}
	for _, e := range r.Entries {
		a.Entries = append(a.Entries, e)
		if e.DataState != DataPosSet {
			continue
		}
		end := int64(len(raw))
		for _, s := range starts {
			if s > e.Offset && s < end {
				end = s
			}
		}
		blk := raw[e.Offset:end]
		if intSize != 4 {
			blk = widenBlock(t, blk, intSize)
		}
		a.Blocks[e.DumpID] = blk
	}
	out, _ := a.encode()
	return out
}

// widenBlock re-encodes a block's ints (type byte, dump ID, chunk lengths,
// blob OIDs) from 4 bytes to intSize bytes, copying payloads.
func widenBlock(t testing.TB, blk []byte, intSize int) []byte {
	t.Helper()
	c := newAtCursor(bytes.NewReader(blk), int64(len(blk)), 0)
	w := &enc{intSize: intSize}
	typ, id, err := readBlockHeader(c)
	if err != nil {
		t.Fatal(err)
	}
	w.byte1(typ)
	w.int1(int64(id))
	copyChunks := func() {
		for {
			n, err := c.readInt()
			if err != nil {
				t.Fatal(err)
			}
			// An OID of 2^31 or more was wrapped on reading; write the
			// unsigned value, as a 64-bit pg_dump would.
			w.int1(n)
			if n == 0 {
				return
			}
			p := make([]byte, n)
			if err := c.readFull(p); err != nil {
				t.Fatal(err)
			}
			w.b = append(w.b, p...)
		}
	}
	if typ == blockData {
		copyChunks()
		return w.b
	}
	for {
		oid, err := c.readInt()
		if err != nil {
			t.Fatal(err)
		}
		w.int1(int64(uint32(int32(oid))))
		if oid == 0 {
			return w.b
		}
		copyChunks()
	}
}

// TestOtherLayoutsReadLikeTheFixture re-encodes real archives as 1.12, 1.13,
// 1.14 (from 1.16), with 8-byte ints and 16-byte offsets, and checks every
// block reads back exactly as from the original.
func TestOtherLayoutsReadLikeTheFixture(t *testing.T) {
	type layoutCase struct {
		src              string
		v                Version
		intSize, offSize int
	}
	cases := []layoutCase{
		{"pg15/full-gzip.dump", V1_12, 4, 8},
		{"pg15/full-gzip.dump", V1_13, 4, 8},
		{"pg15/full-none.dump", V1_13, 4, 8},
		{"pg17/full-gzip.dump", V1_14, 4, 8},
		{"pg17/full-gzip.dump", V1_15, 4, 8},
		{"pg17/full-zstd.dump", V1_16, 8, 8},
		{"pg17/full-lz4.dump", V1_16, 4, 16},
		{"pg15/full-gzip.dump", V1_14, 16, 16},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%s as %d.%d int%d off%d", c.src, c.v.Major, c.v.Minor, c.intSize, c.offSize), func(t *testing.T) {
			src := filepath.Join("..", "testdata", c.src)
			raw := reencode(t, src, c.v, c.intSize, c.offSize)
			orig, err := os.ReadFile(src)
			if err != nil {
				t.Fatal(err)
			}
			want, _, _ := readAllBoth(orig)
			got, random, stream := readAllBoth(raw)
			if random != nil || stream != nil {
				t.Fatalf("random access: %v; stream: %v", random, stream)
			}
			if len(got) != len(want) || len(got) == 0 {
				t.Fatalf("%d blocks, want %d", len(got), len(want))
			}
			for id, w := range want {
				if got[id] != w {
					t.Errorf("dump ID %d: block differs (%d vs %d bytes)", id, len(got[id]), len(w))
				}
			}
			r, err := NewReader(bytes.NewReader(raw), int64(len(raw)))
			if err != nil {
				t.Fatal(err)
			}
			if r.Header.Version != c.v || r.Header.IntSize != c.intSize || r.Header.OffSize != c.offSize {
				t.Errorf("header %+v", r.Header)
			}
			// Large object 3000000000 survives wider ints.
			for _, e := range r.Entries {
				if e.Desc == "BLOB" && e.Tag == "3000000000" && e.OID != 3000000000 {
					t.Errorf("BLOB entry OID %d", e.OID)
				}
			}
			var blobs strings.Builder
			for _, e := range r.Entries {
				if e.Desc == "BLOBS" {
					blobs.WriteString(got[e.DumpID])
				}
			}
			if !strings.Contains(blobs.String(), "\n3000000000:") && !strings.HasPrefix(blobs.String(), "3000000000:") {
				t.Errorf("no BLOBS block holds large object 3000000000")
			}
		})
	}
}

// TestPgRestoreAcceptsReencoded checks that the test encoder writes what
// pg_restore reads: the 1.12 and 1.13 archives above must list like the
// 1.14 original. It needs pg_restore 15 and skips without it.
func TestPgRestoreAcceptsReencoded(t *testing.T) {
	pgRestore := "/usr/lib/postgresql/15/bin/pg_restore"
	if _, err := os.Stat(pgRestore); err != nil {
		if pgRestore, err = exec.LookPath("pg_restore"); err != nil {
			t.Skip("pg_restore not installed: cannot check re-encoded archives against it")
		}
	}
	src := filepath.Join("..", "testdata", "pg15", "full-gzip.dump")
	golden, err := os.ReadFile(filepath.Join("..", "testdata", "pg15", "full-gzip.list"))
	if err != nil {
		t.Fatal(err)
	}
	entryLines := func(listing []byte) string {
		var b strings.Builder
		for _, l := range strings.SplitAfter(string(listing), "\n") {
			if l != "" && !strings.HasPrefix(l, ";") {
				b.WriteString(l)
			}
		}
		return b.String()
	}
	for _, v := range []Version{V1_12, V1_13} {
		t.Run(fmt.Sprintf("%d.%d", v.Major, v.Minor), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "a.dump")
			if err := os.WriteFile(path, reencode(t, src, v, 4, 8), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(pgRestore, "-l", path)
			cmd.Env = append(os.Environ(), "TZ=UTC", "LC_ALL=C")
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("pg_restore -l: %v", err)
			}
			if !bytes.Contains(out, []byte(fmt.Sprintf(";     Dump Version: %d.%d-0\n", v.Major, v.Minor))) {
				t.Errorf("listing shows another version:\n%s", out)
			}
			if got, want := entryLines(out), entryLines(golden); got != want {
				t.Errorf("entries listed differ from the 1.14 golden:\n%s", got)
			}
		})
	}
}
