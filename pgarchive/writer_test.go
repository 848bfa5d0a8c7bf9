package pgarchive

import (
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"github.com/pgdrill/pgdrill/internal/pgtools"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var updateWriterGolden = flag.Bool("update-writer", false, "rewrite golden files")

// wtPayload is one data block's content, given to the writer in these pieces.
type wtPayload struct {
	entry  *Entry
	pieces [][]byte        // TABLE DATA
	blobs  []wtBlobPayload // BLOBS
}

type wtBlobPayload struct {
	oid    uint32
	pieces [][]byte
}

func (p wtPayload) bytes() []byte { return bytes.Join(p.pieces, nil) }

// wtSampleArchive builds the entries and data of a small archive shaped like
// pg_dump's: the special entries, a schema, a table with data, a sequence,
// a large-object group and an index.
func wtSampleArchive(v Version) ([]*Entry, []wtPayload) {
	ent := func(id int, desc, tag string, sec Section) *Entry {
		return &Entry{DumpID: id, Desc: desc, Tag: tag, Section: sec, Owner: Str("postgres"), WithOIDs: "false"}
	}
	enc := ent(3400, "ENCODING", "ENCODING", SectionPreData)
	enc.Defn, enc.Owner = Str("SET client_encoding = 'UTF8';\n"), NullString{}
	std := ent(3401, "STDSTRINGS", "STDSTRINGS", SectionPreData)
	std.Defn, std.Owner = Str("SET standard_conforming_strings = 'on';\n"), NullString{}
	sp := ent(3402, "SEARCHPATH", "SEARCHPATH", SectionPreData)
	sp.Defn, sp.Owner = Str("SELECT pg_catalog.set_config('search_path', '', false);\n"), NullString{}

	tbl := ent(214, "TABLE", "a", SectionPreData)
	tbl.TableOID, tbl.OID = 1259, 16385
	tbl.Defn = Str("CREATE TABLE public.a (\n    id integer NOT NULL,\n    v text\n);\n")
	tbl.DropStmt = Str("DROP TABLE public.a;\n")
	tbl.Namespace, tbl.Tablespace, tbl.TableAM = Str("public"), Str(""), Str("heap")
	if v.AtLeast(V1_16) {
		tbl.Relkind = 'r'
	}
	big := ent(215, "TABLE", "big", SectionPreData)
	big.TableOID, big.OID = 1259, 16390
	big.Defn = Str("CREATE TABLE public.big (\n    id integer,\n    s text\n);\n")
	big.DropStmt = Str("DROP TABLE public.big;\n")
	big.Namespace, big.Tablespace, big.TableAM = Str("public"), Str(""), Str("heap")

	data := ent(3340, "TABLE DATA", "a", SectionData)
	data.HadDumper, data.OID = true, 16385
	data.CopyStmt = Str("COPY public.a (id, v) FROM stdin;\n")
	data.Namespace, data.Dependencies = Str("public"), []int{214}
	bigData := ent(3341, "TABLE DATA", "big", SectionData)
	bigData.HadDumper, bigData.OID = true, 16390
	bigData.CopyStmt = Str("COPY public.big (id, s) FROM stdin;\n")
	bigData.Namespace, bigData.Dependencies = Str("public"), []int{215}
	empty := ent(3342, "TABLE DATA", "e", SectionData)
	empty.HadDumper, empty.OID = true, 16395
	empty.CopyStmt = Str("COPY public.e (id) FROM stdin;\n")
	empty.Namespace, empty.Dependencies = Str("public"), []int{214}

	seq := ent(3343, "SEQUENCE SET", "s", SectionData)
	seq.Defn = Str("SELECT pg_catalog.setval('public.s', 105, true);\n")
	seq.Namespace = Str("public")

	var blobMeta *Entry
	blobs := ent(3345, "BLOBS", "BLOBS", SectionData)
	blobs.HadDumper = true
	if v.AtLeast(V1_16) {
		blobMeta = ent(3344, "BLOB METADATA", "90001..3000000000", SectionData)
		blobMeta.TableOID, blobMeta.OID = 2613, 90001
		blobMeta.Defn, blobMeta.DropStmt = Str("90001\n90002\n3000000000\n"), Str("-- dummy")
		blobs.Tag, blobs.Dependencies = "90001..3000000000", []int{3344, 3399}
	} else {
		blobMeta = ent(3344, "BLOB", "90001", SectionPreData)
		blobMeta.TableOID, blobMeta.OID = 2613, 90001
		blobMeta.Defn = Str("SELECT pg_catalog.lo_create('90001');\n")
		blobMeta.DropStmt = Str("SELECT pg_catalog.lo_unlink('90001');\n")
		blobs.Owner = NullString{}
	}
	idx := ent(3200, "INDEX", "a_v_idx", SectionPostData)
	idx.TableOID, idx.OID = 1259, 16400
	idx.Defn = Str("CREATE INDEX a_v_idx ON public.a USING btree (v);\n")
	idx.DropStmt = Str("DROP INDEX public.a_v_idx;\n")
	idx.Namespace, idx.Tablespace, idx.Dependencies = Str("public"), Str(""), []int{214, 214}
	cmt := ent(3401+100, "COMMENT", "TABLE a", SectionNone)
	cmt.Defn = Str("COMMENT ON TABLE public.a IS 'it''s a';\n")
	cmt.Namespace, cmt.Dependencies = Str("public"), []int{214}

	var bigRows [][]byte
	for i := range 3000 {
		bigRows = append(bigRows, fmt.Appendf(nil, "%d\trow %d with some text that repeats %x\n", i, i, i*7919))
	}
	bigRows = append(bigRows, []byte("\\.\n\n\n"))
	lo := bytes.Repeat([]byte("0123456789abcdef"), 1250) // 20000 bytes
	payloads := []wtPayload{
		{entry: data, pieces: [][]byte{[]byte("1\tone\n"), []byte("2\t\\N\n"), {}, []byte("3\ttab\\there\n"), []byte("\\.\n\n\n")}},
		{entry: bigData, pieces: bigRows},
		{entry: empty, pieces: [][]byte{[]byte("\\.\n\n\n")}},
		{entry: blobs, blobs: []wtBlobPayload{
			{oid: 90001},
			{oid: 90002, pieces: [][]byte{lo[:16384], lo[16384:]}},
			{oid: 3000000000, pieces: [][]byte{[]byte("xyz")}},
		}},
	}
	entries := []*Entry{enc, std, sp, tbl, big, cmt, blobMeta, data, bigData, empty, seq, blobs, idx}
	return entries, payloads
}

// wtWriteSample writes the sample archive to w and returns its entries and
// payloads.
func wtWriteSample(t *testing.T, w io.Writer, h Header) ([]*Entry, []wtPayload) {
	t.Helper()
	entries, payloads := wtSampleArchive(h.Version)
	aw := NewWriter(w, h)
	for _, e := range entries {
		if err := aw.Add(e); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range payloads {
		if p.entry.Desc == "BLOBS" {
			bw, err := aw.Blobs(p.entry)
			if err != nil {
				t.Fatal(err)
			}
			for _, b := range p.blobs {
				lw, err := bw.Create(b.oid)
				if err != nil {
					t.Fatal(err)
				}
				for _, piece := range b.pieces {
					if _, err := lw.Write(piece); err != nil {
						t.Fatal(err)
					}
				}
			}
			if err := bw.Close(); err != nil {
				t.Fatal(err)
			}
			continue
		}
		dw, err := aw.Data(p.entry)
		if err != nil {
			t.Fatal(err)
		}
		for _, piece := range p.pieces {
			if _, err := dw.Write(piece); err != nil {
				t.Fatal(err)
			}
		}
		if err := dw.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if err := aw.Close(); err != nil {
		t.Fatal(err)
	}
	return entries, payloads
}

var wtTestCreated = CreateTime{Sec: 29, Min: 47, Hour: 16, Day: 26, Month: 10, Year: 126, IsDST: 0}

func wtTestHeader(v Version, c Compression) Header {
	return Header{Version: v, Compression: c, Created: wtTestCreated, DBName: "t1",
		ServerVersion: Str("15.18 (Debian 15.18-0+deb12u1)"), DumpVersion: Str("pgdrill test")}
}

// wtWriterCases are the version and compression pairs the writer must produce.
var wtWriterCases = []struct {
	v Version
	c Compression
}{
	{V1_14, CompressionNone}, {V1_14, CompressionGzip},
	{V1_16, CompressionNone}, {V1_16, CompressionGzip}, {V1_16, CompressionLZ4}, {V1_16, CompressionZstd},
}

// wtNonSeeker hides a writer's Seek, as a pipe would.
type wtNonSeeker struct{ io.Writer }

func TestWriterRoundTrip(t *testing.T) {
	for _, tc := range wtWriterCases {
		for _, seekable := range []bool{true, false} {
			name := fmt.Sprintf("%s/%s/seekable=%v", tc.v, tc.c, seekable)
			t.Run(name, func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "a.dump")
				f, err := os.Create(path)
				if err != nil {
					t.Fatal(err)
				}
				var out io.Writer = f
				if !seekable {
					out = wtNonSeeker{f}
				}
				entries, payloads := wtWriteSample(t, out, wtTestHeader(tc.v, tc.c))
				if err := f.Close(); err != nil {
					t.Fatal(err)
				}
				rc, err := Open(path)
				if err != nil {
					t.Fatal(err)
				}
				defer rc.Close()
				wtCheckHeader(t, rc.Header, tc.v, tc.c, len(entries))
				wtCheckEntries(t, rc.Entries, entries, seekable)
				for _, p := range payloads {
					b, err := rc.Open(rc.Entry(p.entry.DumpID))
					if err != nil {
						t.Fatal(err)
					}
					wtCheckBlock(t, b, p)
					b.Close()
				}

				// The same file read as a stream, the way a pipe is read.
				f2, err := os.Open(path)
				if err != nil {
					t.Fatal(err)
				}
				defer f2.Close()
				s, err := NewStream(f2)
				if err != nil {
					t.Fatal(err)
				}
				wtCheckEntries(t, s.Entries, entries, seekable)
				for _, p := range payloads {
					b, err := s.Next()
					if err != nil {
						t.Fatalf("stream block for %s: %v", p.entry, err)
					}
					if b.Entry.DumpID != p.entry.DumpID {
						t.Fatalf("stream block is %s, want %s", b.Entry, p.entry)
					}
					wtCheckBlock(t, b, p)
				}
				if _, err := s.Next(); err != io.EOF {
					t.Fatalf("after the last block: %v, want io.EOF", err)
				}
			})
		}
	}
}

func wtCheckHeader(t *testing.T, h Header, v Version, c Compression, n int) {
	t.Helper()
	want := wtTestHeader(v, c)
	if h.Version != v || h.Compression != c || h.IntSize != 4 || h.OffSize != 8 || h.Format != FormatCustom {
		t.Errorf("header %+v, want version %s compression %s", h, v, c)
	}
	wantLevel := 0
	if v.Less(V1_15) && c == CompressionGzip {
		wantLevel = -1
	}
	if h.Level != wantLevel {
		t.Errorf("level %d, want %d", h.Level, wantLevel)
	}
	if h.Created != want.Created || h.DBName != want.DBName || h.ServerVersion != want.ServerVersion || h.DumpVersion != want.DumpVersion {
		t.Errorf("header %+v, want %+v", h, want)
	}
	if h.TOCCount != n {
		t.Errorf("TOC count %d, want %d", h.TOCCount, n)
	}
}

func wtCheckEntries(t *testing.T, got, want []*Entry, seekable bool) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d entries, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := *got[i]
		g.tocOffset = 0
		e := *w
		if e.HadDumper {
			if seekable {
				if g.DataState != DataPosSet || g.Offset <= 0 {
					t.Errorf("%s: data state %s offset %d, want a set position", w, g.DataState, g.Offset)
				}
				e.DataState, e.Offset = DataPosSet, g.Offset
			} else {
				e.DataState = DataPosNotSet
				e.Offset = g.Offset // found by scanning, if at all
			}
		} else {
			e.DataState, e.Offset = DataNone, 0
		}
		if fmt.Sprintf("%#v", g) != fmt.Sprintf("%#v", e) {
			t.Errorf("entry %d:\n got %#v\nwant %#v", i, g, e)
		}
	}
}

func wtCheckBlock(t *testing.T, b *Block, p wtPayload) {
	t.Helper()
	if p.entry.Desc != "BLOBS" {
		got, err := io.ReadAll(b)
		if err != nil {
			t.Fatalf("%s: %v", p.entry, err)
		}
		if !bytes.Equal(got, p.bytes()) {
			t.Errorf("%s: read %d bytes, want %d", p.entry, len(got), len(p.bytes()))
		}
		return
	}
	if !b.IsBlobs() {
		t.Fatalf("%s: not a BLOBS block", p.entry)
	}
	for _, lo := range p.blobs {
		oid, err := b.NextBlob()
		if err != nil {
			t.Fatalf("%s: large object %d: %v", p.entry, lo.oid, err)
		}
		if oid != lo.oid {
			t.Fatalf("%s: large object %d, want %d", p.entry, oid, lo.oid)
		}
		got, err := io.ReadAll(b)
		if err != nil {
			t.Fatalf("%s: large object %d: %v", p.entry, oid, err)
		}
		if want := bytes.Join(lo.pieces, nil); !bytes.Equal(got, want) {
			t.Errorf("%s: large object %d: %d bytes, want %d", p.entry, oid, len(got), len(want))
		}
	}
	if _, err := b.NextBlob(); err != io.EOF {
		t.Errorf("%s: after the last large object: %v, want io.EOF", p.entry, err)
	}
}

// chunks reads the raw chunk lengths of the chunk stream at r's position.
func wtRawChunks(t *testing.T, r io.Reader) [][]byte {
	t.Helper()
	var out [][]byte
	for {
		n := wtReadTestInt(t, r)
		if n == 0 {
			return out
		}
		if n < 0 {
			t.Fatalf("chunk length %d", n)
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(r, b); err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
	}
}

func wtReadTestInt(t *testing.T, r io.Reader) int64 {
	t.Helper()
	var b [5]byte
	if _, err := io.ReadFull(r, b[:]); err != nil {
		t.Fatal(err)
	}
	v := int64(int32(binary.LittleEndian.Uint32(b[1:])))
	if b[0] != 0 {
		v = -v
	}
	return v
}

// TestWriterChunking checks that blocks are cut as pg_dump cuts them.
func TestWriterChunking(t *testing.T) {
	for _, c := range []Compression{CompressionNone, CompressionGzip, CompressionLZ4, CompressionZstd} {
		t.Run(c.String(), func(t *testing.T) {
			var buf bytes.Buffer
			_, payloads := wtWriteSample(t, &buf, wtTestHeader(V1_16, c))
			rd, err := NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range payloads[:3] {
				e := rd.Entry(p.entry.DumpID)
				b, err := rd.Open(e)
				if err != nil {
					t.Fatal(err)
				}
				off := b.Offset
				b.Close()
				r := bytes.NewReader(buf.Bytes()[off:])
				if typ, _ := r.ReadByte(); typ != blockData {
					t.Fatalf("%s: block type %d", e, typ)
				}
				if id := wtReadTestInt(t, r); id != int64(e.DumpID) {
					t.Fatalf("%s: block dump ID %d", e, id)
				}
				cs := wtRawChunks(t, r)
				switch c {
				case CompressionNone:
					var nonEmpty [][]byte
					for _, piece := range p.pieces {
						if len(piece) > 0 {
							nonEmpty = append(nonEmpty, piece)
						}
					}
					if fmt.Sprint(cs) != fmt.Sprint(nonEmpty) {
						t.Errorf("%s: chunks are not one per write", e)
					}
				case CompressionGzip:
					for i, ch := range cs {
						if i < len(cs)-1 && len(ch) != 4096 || len(ch) == 0 || len(ch) > 4096 {
							t.Errorf("%s: chunk %d of %d has %d bytes", e, i, len(cs), len(ch))
						}
					}
					if cs[0][0] != 0x78 || cs[0][1] != 0x9c {
						t.Errorf("%s: zlib stream starts % x", e, cs[0][:2])
					}
				case CompressionLZ4:
					// The frame header alone (magic, FLG, BD 64 KiB, HC),
					// then blocks.
					if len(cs[0]) != 7 || !bytes.HasPrefix(cs[0], []byte{0x04, 0x22, 0x4d, 0x18}) || cs[0][5] != 0x40 || cs[0][4]&0x14 != 0 {
						t.Errorf("%s: first chunk % x, want a 7-byte frame header with 64 KiB blocks and no checksums", e, cs[0])
					}
				case CompressionZstd:
					if !bytes.HasPrefix(cs[0], []byte{0x28, 0xb5, 0x2f, 0xfd}) || cs[0][4]&0x04 != 0 {
						t.Errorf("%s: first chunk starts % x, want a zstd frame without checksum", e, cs[0][:6])
					}
				}
			}
		})
	}
}

// TestWriterGolden pins the bytes of a tiny uncompressed 1.14 archive.
func TestWriterGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		v    Version
		c    Compression
	}{{"writer-tiny-1.14-none.dump", V1_14, CompressionNone}, {"writer-tiny-1.16-none.dump", V1_16, CompressionNone}} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "a.dump")
			f, err := os.Create(path)
			if err != nil {
				t.Fatal(err)
			}
			aw := NewWriter(f, wtTestHeader(tc.v, tc.c))
			tbl := &Entry{DumpID: 2, TableOID: 1259, OID: 16385, Tag: "t", Desc: "TABLE", Section: SectionPreData,
				Defn: Str("CREATE TABLE public.t (\n    id integer\n);\n"), DropStmt: Str("DROP TABLE public.t;\n"),
				Namespace: Str("public"), Tablespace: Str(""), TableAM: Str("heap"), Owner: Str("postgres")}
			data := &Entry{DumpID: 3, HadDumper: true, OID: 16385, Tag: "t", Desc: "TABLE DATA", Section: SectionData,
				CopyStmt: Str("COPY public.t (id) FROM stdin;\n"), Namespace: Str("public"), Owner: Str("postgres"), Dependencies: []int{2}}
			if tc.v.AtLeast(V1_16) {
				tbl.Relkind = 'r'
			}
			for _, e := range []*Entry{tbl, data} {
				if err := aw.Add(e); err != nil {
					t.Fatal(err)
				}
			}
			dw, err := aw.Data(data)
			if err != nil {
				t.Fatal(err)
			}
			io.WriteString(dw, "1\n")
			io.WriteString(dw, "\\.\n\n\n")
			if err := dw.Close(); err != nil {
				t.Fatal(err)
			}
			if err := aw.Close(); err != nil {
				t.Fatal(err)
			}
			f.Close()
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("..", "testdata", "dump", tc.name)
			if *updateWriterGolden {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("archive differs from %s:\n got % x\nwant % x", golden, got, want)
			}
		})
	}
}

// TestWriterRewritesPgDumpArchive reads real uncompressed pg_dump archives
// and writes them again, feeding each original chunk as one Write: the result
// must be the same file, byte for byte, TOC offsets included.
func TestWriterRewritesPgDumpArchive(t *testing.T) {
	for _, name := range []string{"pg15/full-none.dump", "pg17/full-none.dump"} {
		t.Run(name, func(t *testing.T) {
			src := filepath.Join("..", "testdata", name)
			orig, err := os.ReadFile(src)
			if err != nil {
				t.Fatal(err)
			}
			rd, err := NewReader(bytes.NewReader(orig), int64(len(orig)))
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "copy.dump")
			f, err := os.Create(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			h := rd.Header
			aw := NewWriter(f, h)
			var entries []*Entry
			for _, e := range rd.Entries {
				c := *e
				entries = append(entries, &c)
				if err := aw.Add(&c); err != nil {
					t.Fatal(err)
				}
			}
			for i, e := range rd.Entries {
				if !e.HadDumper {
					continue
				}
				r := bytes.NewReader(orig[e.Offset:])
				typ, _ := r.ReadByte()
				wtReadTestInt(t, r)
				switch typ {
				case blockData:
					dw, err := aw.Data(entries[i])
					if err != nil {
						t.Fatal(err)
					}
					for _, ch := range wtRawChunks(t, r) {
						dw.Write(ch)
					}
					if err := dw.Close(); err != nil {
						t.Fatal(err)
					}
				case blockBlobs:
					bw, err := aw.Blobs(entries[i])
					if err != nil {
						t.Fatal(err)
					}
					for {
						oid := wtReadTestInt(t, r)
						if oid == 0 {
							break
						}
						lw, err := bw.Create(uint32(int32(oid)))
						if err != nil {
							t.Fatal(err)
						}
						for _, ch := range wtRawChunks(t, r) {
							lw.Write(ch)
						}
					}
					if err := bw.Close(); err != nil {
						t.Fatal(err)
					}
				default:
					t.Fatalf("%s: block type %d", e, typ)
				}
			}
			if err := aw.Close(); err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, orig) {
				i := 0
				for i < len(got) && i < len(orig) && got[i] == orig[i] {
					i++
				}
				t.Fatalf("rewritten archive differs from %s at byte %d (sizes %d, %d)", src, i, len(got), len(orig))
			}
		})
	}
}

func TestWriterErrors(t *testing.T) {
	mk := func(id int, data bool) *Entry {
		return &Entry{DumpID: id, HadDumper: data, Desc: "TABLE DATA", Tag: fmt.Sprint("t", id), Section: SectionData}
	}
	tests := []struct {
		name string
		h    Header
		run  func(w *Writer) error
		want string
	}{
		{"lz4 in 1.14", wtTestHeader(V1_14, CompressionLZ4), func(w *Writer) error { return w.Close() }, "needs format 1.15"},
		{"version 1.11", wtTestHeader(Version{1, 11, 0}, CompressionNone), func(w *Writer) error { return w.Close() }, "unsupported archive version"},
		{"duplicate id", wtTestHeader(V1_14, CompressionNone), func(w *Writer) error {
			w.Add(mk(1, false))
			return w.Add(mk(1, false))
		}, "duplicate dump ID"},
		{"zero id", wtTestHeader(V1_14, CompressionNone), func(w *Writer) error { return w.Add(mk(0, false)) }, "must be positive"},
		{"out of order", wtTestHeader(V1_14, CompressionNone), func(w *Writer) error {
			a, b := mk(1, true), mk(2, true)
			w.Add(a)
			w.Add(b)
			_, err := w.Data(b)
			return err
		}, "out of TOC order, entry 1 TABLE DATA t1 comes first"},
		{"missing data", wtTestHeader(V1_14, CompressionNone), func(w *Writer) error {
			w.Add(mk(1, true))
			return w.Close()
		}, "no data block written"},
		{"entry without data", wtTestHeader(V1_14, CompressionNone), func(w *Writer) error {
			a := mk(1, false)
			w.Add(a)
			_, err := w.Data(a)
			return err
		}, "no data block expected"},
		{"add after start", wtTestHeader(V1_14, CompressionNone), func(w *Writer) error {
			a := mk(1, true)
			w.Add(a)
			if _, err := w.Data(a); err != nil {
				return err
			}
			return w.Add(mk(2, false))
		}, "added after writing began"},
		{"block still open", wtTestHeader(V1_14, CompressionNone), func(w *Writer) error {
			a := mk(1, true)
			w.Add(a)
			if _, err := w.Data(a); err != nil {
				return err
			}
			return w.Close()
		}, "block still open"},
		{"write error", wtTestHeader(V1_14, CompressionNone), func(w *Writer) error {
			return w.Close()
		}, "disk full"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out io.Writer = io.Discard
			if tc.name == "write error" {
				out = wtFailWriter{}
			}
			err := tc.run(NewWriter(out, tc.h))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

type wtFailWriter struct{}

func (wtFailWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// TestWriterPgRestore has the real pg_restore list and print our archives:
// pg_restore 15 for 1.14, pg_restore 17 for 1.16.
func TestWriterPgRestore(t *testing.T) {
	for _, tc := range wtWriterCases {
		bin := wtPgRestoreFor(t, tc.v)
		for _, seekable := range []bool{true, false} {
			t.Run(fmt.Sprintf("%s/%s/seekable=%v", tc.v, tc.c, seekable), func(t *testing.T) {
				if len(bin) == 0 {
					t.Skip("pg_restore for this version is not installed")
				}
				path := filepath.Join(t.TempDir(), "a.dump")
				f, err := os.Create(path)
				if err != nil {
					t.Fatal(err)
				}
				var out io.Writer = f
				if !seekable {
					out = wtNonSeeker{f}
				}
				entries, payloads := wtWriteSample(t, out, wtTestHeader(tc.v, tc.c))
				f.Close()

				list := wtRunPgRestore(t, bin, "-l", path)
				for _, e := range entries {
					if e.Desc == "ENCODING" || e.Desc == "STDSTRINGS" || e.Desc == "SEARCHPATH" {
						continue
					}
					ns := "-"
					if e.Namespace.Valid {
						ns = e.Namespace.String
					}
					line := fmt.Sprintf("%d; %d %d %s %s %s %s\n", e.DumpID, e.TableOID, e.OID, e.Desc, ns, e.Tag, e.Owner.String)
					if !strings.Contains(list, line) {
						t.Errorf("pg_restore -l lacks %q:\n%s", line, list)
					}
				}
				script := wtRunPgRestore(t, bin, "-f", "-", path)
				for _, p := range payloads {
					if p.entry.Desc == "BLOBS" {
						// lowrite gets the contents in hex.
						for _, lo := range p.blobs {
							if len(lo.pieces) > 0 && !strings.Contains(script, fmt.Sprintf("lo_open('%d'", lo.oid)) {
								t.Errorf("script lacks large object %d", lo.oid)
							}
						}
						if !strings.Contains(script, `lowrite(0, '\x78797a')`) {
							t.Errorf("script lacks the contents of large object 3000000000")
						}
						continue
					}
					want := p.entry.CopyStmt.String + string(p.bytes())
					if !strings.Contains(script, want) {
						t.Errorf("script lacks the data of %s", p.entry)
					}
				}
			})
		}
	}
}

// wtPgRestoreFor finds a pg_restore that reads version v: 15 for 1.14, the
// PostgreSQL 17 wrapper for 1.16. It returns nil when none is installed.
func wtPgRestoreFor(t *testing.T, v Version) []string {
	t.Helper()
	major := 17
	if v.Less(V1_15) {
		major = 15
	}
	cmd, err := pgtools.Find(major, "pg_restore")
	if err != nil {
		return nil
	}
	return cmd
}

func wtRunPgRestore(t *testing.T, bin []string, args ...string) string {
	t.Helper()
	cmd := exec.Command(bin[0], append(append([]string{}, bin[1:]...), args...)...)
	cmd.Env = append(os.Environ(), "TZ=UTC", "LC_ALL=C")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", strings.Join(bin, " "), strings.Join(args, " "), err, stderr.String())
	}
	return string(out)
}

// TestWriterEmptyStreams: an empty wtPayload (an empty large object) is still
// one well-formed stream, cut as pg_dump cuts it.
func TestWriterEmptyStreams(t *testing.T) {
	tests := []struct {
		c      Compression
		chunks []int // lengths
		first  []byte
	}{
		{CompressionNone, nil, nil},
		{CompressionGzip, []int{8}, []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01}},
		{CompressionLZ4, []int{7, 4}, []byte{0x04, 0x22, 0x4d, 0x18}},
		{CompressionZstd, []int{9}, []byte{0x28, 0xb5, 0x2f, 0xfd}},
	}
	for _, tc := range tests {
		t.Run(tc.c.String(), func(t *testing.T) {
			var buf bytes.Buffer
			aw := NewWriter(&buf, wtTestHeader(V1_16, tc.c))
			e := &Entry{DumpID: 1, HadDumper: true, Desc: "BLOBS", Tag: "90001", Section: SectionData}
			if err := aw.Add(e); err != nil {
				t.Fatal(err)
			}
			bw, err := aw.Blobs(e)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := bw.Create(90001); err != nil {
				t.Fatal(err)
			}
			if err := bw.Close(); err != nil {
				t.Fatal(err)
			}
			if err := aw.Close(); err != nil {
				t.Fatal(err)
			}
			rd, err := NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
			if err != nil {
				t.Fatal(err)
			}
			b, err := rd.Open(rd.Entries[0])
			if err != nil {
				t.Fatal(err)
			}
			r := bytes.NewReader(buf.Bytes()[b.Offset:])
			b.Close()
			r.ReadByte()
			wtReadTestInt(t, r)
			if oid := wtReadTestInt(t, r); oid != 90001 {
				t.Fatalf("oid %d", oid)
			}
			cs := wtRawChunks(t, r)
			var lens []int
			for _, c := range cs {
				lens = append(lens, len(c))
			}
			if fmt.Sprint(lens) != fmt.Sprint(tc.chunks) {
				t.Errorf("chunk lengths %v, want %v", lens, tc.chunks)
			}
			if tc.first != nil && !bytes.HasPrefix(cs[0], tc.first) {
				t.Errorf("first chunk % x, want it to start % x", cs[0], tc.first)
			}
			if tc.c == CompressionGzip && !bytes.Equal(cs[0], tc.first) {
				t.Errorf("empty zlib stream % x, want pg_dump's % x", cs[0], tc.first)
			}
		})
	}
}
