package pgarchive

import (
	"archive/tar"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFileFormatsMatchCustom: every directory and tar fixture holds the
// same TOC (but for where the data is) and the same data, large objects
// included, as the uncompressed custom archive pg_dump of the same version
// made of the same database.
func TestFileFormatsMatchCustom(t *testing.T) {
	for _, name := range append(globFixtures(t, "*.tar"), dirFixtures(t)...) {
		t.Run(filepath.Base(filepath.Dir(name))+"/"+filepath.Base(name), func(t *testing.T) {
			custom, err := Open(filepath.Join(filepath.Dir(name), "full-none.dump"))
			if err != nil {
				t.Fatal(err)
			}
			defer custom.Close()
			rc, err := Open(name)
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			wantFormat := FormatTar
			if strings.HasSuffix(name, ".dir") {
				wantFormat = FormatDirectory
			}
			if rc.Header.Format != wantFormat || rc.Header.Version != custom.Header.Version {
				t.Errorf("format %d version %v, want %d %v", rc.Header.Format, rc.Header.Version, wantFormat, custom.Header.Version)
			}
			if len(rc.Entries) != len(custom.Entries) {
				t.Fatalf("%d entries, custom archive %d", len(rc.Entries), len(custom.Entries))
			}
			blocks := 0
			for i, e := range rc.Entries {
				ce := custom.Entries[i]
				if e.DumpID != ce.DumpID || e.Desc != ce.Desc || e.Defn != ce.Defn || (e.DataState == DataNone) != (ce.DataState == DataNone) {
					t.Fatalf("%s differs from the custom archive's %s", e, ce)
				}
				if e.DataState == DataNone {
					if e.File != "" {
						t.Errorf("%s: no data but file %q", e, e.File)
					}
					continue
				}
				blocks++
				if n := rc.DataSize(e); (n <= 0) != (e.Desc == "BLOBS") {
					t.Errorf("%s: DataSize %d", e, n)
				}
				if n := custom.DataSize(ce); n != -1 {
					t.Errorf("custom %s: DataSize %d, want -1", ce, n)
				}
				got, want := openAndRead(t, rc.Reader, e), openAndRead(t, custom.Reader, ce)
				if got != want {
					t.Errorf("%s (file %s): data differs from the custom archive's", e, e.File)
				}
			}
			if blocks == 0 {
				t.Fatal("no data entries")
			}
		})
	}
}

func openAndRead(t *testing.T, r *Reader, e *Entry) string {
	t.Helper()
	b, err := r.Open(e)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	return readBlock(t, b)
}

// copyDir copies a fixture directory into a temporary one.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), filepath.Base(src))
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	return dst
}

// readArchive opens an archive and reads every block.
func readArchive(name string) error {
	rc, err := Open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	return readBlocks(rc.Reader)
}

// TestDirectoryHostile: names in toc.dat and in the large object lists
// never reach a file outside the directory, symbolic links included, and
// damaged or missing files give errors naming the entry and the file.
func TestDirectoryHostile(t *testing.T) {
	src := filepath.Join("..", "testdata", "pg17", "full-gzip.dir")
	outside := filepath.Join(t.TempDir(), "secret.dat")
	if err := os.WriteFile(outside, []byte("1\tsecret\n\\.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		change func(t *testing.T, dir string)
		is     error
		want   []string
	}{
		{"TOC names a parent path", func(t *testing.T, dir string) {
			patchFile(t, filepath.Join(dir, "toc.dat"), "3469.dat", "../9.dat")
		}, ErrCorrupt, []string{"toc.dat", `"../9.dat" is not a plain file name`}},
		{"TOC names an absolute path", func(t *testing.T, dir string) {
			patchFile(t, filepath.Join(dir, "toc.dat"), "3469.dat", "/tmp/x.d")
		}, ErrCorrupt, []string{"not a plain file name"}},
		{"blobs list names a parent path", func(t *testing.T, dir string) {
			patchFile(t, filepath.Join(dir, "blobs_3489.toc"), "blob_3000000000.dat", "../../../secret.dat")
		}, ErrCorrupt, []string{"BLOBS", "blobs_3489.toc line 1", "not a plain file name"}},
		{"blobs list line without a file", func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "blobs_3489.toc"), "3000000000\n")
		}, ErrCorrupt, []string{"blobs_3489.toc line 1", "OID FILE"}},
		{"blobs list with a bad OID", func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "blobs_3489.toc"), "99999999999 blob_3000000000.dat\n")
		}, ErrCorrupt, []string{"large object OID"}},
		{"blobs list line over 4 KiB", func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "blobs_3489.toc"), "1 "+strings.Repeat("x", 5000)+"\n")
		}, ErrCorrupt, []string{"longer than"}},
		{"data file links outside", func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, "3469.dat.gz"))
			if err := os.Symlink(outside, filepath.Join(dir, "3469.dat")); err != nil {
				t.Fatal(err)
			}
		}, nil, []string{"3469.dat", "escapes"}},
		{"data file missing", func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, "3469.dat.gz"))
		}, os.ErrNotExist, []string{"entry 3469 TABLE DATA", "no file 3469.dat"}},
		{"data file is a directory", func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, "3469.dat.gz"))
			os.Mkdir(filepath.Join(dir, "3469.dat"), 0o755)
		}, ErrCorrupt, []string{"not a regular file"}},
		{"data file cut short", func(t *testing.T, dir string) {
			p := filepath.Join(dir, "3470.dat.gz")
			raw, _ := os.ReadFile(p)
			writeFile(t, p, string(raw[:len(raw)/2]))
		}, io.ErrUnexpectedEOF, []string{"entry 3470 TABLE DATA", "3470.dat.gz"}},
		{"data file not gzip", func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "3470.dat.gz"), "plain text\n")
		}, ErrCorrupt, []string{"3470.dat.gz", "gzip"}},
		{"toc.dat missing", func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, "toc.dat"))
		}, os.ErrNotExist, []string{"no file toc.dat"}},
		{"toc.dat of a custom archive", func(t *testing.T, dir string) {
			raw, _ := os.ReadFile(filepath.Join("..", "testdata", "pg17", "full-gzip.dump"))
			writeFile(t, filepath.Join(dir, "toc.dat"), string(raw))
		}, ErrNotArchive, []string{"toc.dat", "format 1, not tar (3)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyDir(t, src)
			tt.change(t, dir)
			err := readArchive(dir)
			if err == nil {
				t.Fatal("read without an error")
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %v is not %v", err, tt.is)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
			if strings.Contains(err.Error(), "secret") && !strings.Contains(err.Error(), "secret.dat") {
				t.Errorf("error shows the outside file's content: %v", err)
			}
		})
	}
}

func patchFile(t *testing.T, name, old, new string) {
	t.Helper()
	raw, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(raw, []byte(old)) || len(old) != len(new) && strings.HasSuffix(name, "toc.dat") {
		t.Fatalf("%s: cannot patch %q", name, old)
	}
	writeFile(t, name, strings.Replace(string(raw), old, new, 1))
}

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// tarMember is one member of a hand-made tar archive.
type tarMember struct {
	name string
	data []byte
	typ  byte
}

// buildTar writes members as pg_dump does (ustar headers, end blocks).
func buildTar(t testing.TB, members []tarMember) []byte {
	t.Helper()
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, m := range members {
		typ := m.typ
		if typ == 0 {
			typ = tar.TypeReg
		}
		h := &tar.Header{Name: m.name, Mode: 0o600, Size: int64(len(m.data)), Typeflag: typ, Format: tar.FormatUSTAR}
		if typ != tar.TypeReg {
			h.Size, h.Linkname = 0, "/etc/passwd"
		}
		if err := tw.WriteHeader(h); err != nil {
			t.Fatal(err)
		}
		tw.Write(m.data)
	}
	tw.Close()
	return buf.Bytes()
}

// fixtureTarMembers are the members of the pg17 tar fixture.
func fixtureTarMembers(t testing.TB) []tarMember {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", "pg17", "full.tar"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var ms []tarMember
	tr := tar.NewReader(f)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return ms
		}
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		ms = append(ms, tarMember{name: h.Name, data: data})
	}
}

type tarCase struct {
	name string
	raw  []byte
	is   error
	want []string
}

// tarHostileCases are damaged tar archives, each read both ways; they are
// seeds of FuzzReader too.
func tarHostileCases(t testing.TB) []tarCase {
	t.Helper()
	// The first members only, to keep these small as fuzz seeds: the
	// cases fail before the missing ones matter.
	var ms []tarMember
	for _, m := range fixtureTarMembers(t) {
		switch m.name {
		case "toc.dat", "3469.dat", "3480.dat", "blob_3000000000.dat", "blobs_3489.toc":
			ms = append(ms, m)
		}
	}
	with := func(change func([]tarMember) []tarMember) []byte {
		c := append([]tarMember(nil), ms...)
		return buildTar(t, change(c))
	}
	rename := func(from, to string) []byte {
		return with(func(c []tarMember) []tarMember {
			for i := range c {
				if c[i].name == from {
					c[i].name = to
				}
			}
			return c
		})
	}
	good := buildTar(t, ms)
	patch := func(off int, b ...byte) []byte {
		raw := append([]byte(nil), good...)
		copy(raw[off:], b)
		return raw
	}
	// patchSum patches a header field and recomputes the header's checksum.
	patchSum := func(hdr, field int, b ...byte) []byte {
		raw := patch(hdr+field, b...)
		h := raw[hdr : hdr+512]
		copy(h[148:156], "        ")
		sum := 0
		for _, c := range h {
			sum += int(c)
		}
		copy(h[148:156], fmt.Sprintf("%06o\x00 ", sum))
		return raw
	}
	tocSize := (len(ms[0].data) + 511) / 512 * 512
	second := 512 + tocSize // the header of the first data member
	var cases []tarCase
	cases = append(cases,
		tarCase{"member named ../x", rename("3469.dat", "../3469.dat"), ErrCorrupt, []string{`"../3469.dat" is not a plain file name`}},
		tarCase{"member with an absolute name", rename("3480.dat", "/etc/3480.dat"), ErrCorrupt, []string{"not a plain file name"}},
		tarCase{"toc.dat not first", with(func(c []tarMember) []tarMember { c[0], c[1] = c[1], c[0]; return c }), ErrCorrupt, []string{"first tar member is \"3469.dat\", not toc.dat"}},
		tarCase{"data member missing", with(func(c []tarMember) []tarMember { return append(c[:1], c[2:]...) }), io.ErrUnexpectedEOF, []string{"3469.dat"}},
		tarCase{"symbolic link member", with(func(c []tarMember) []tarMember {
			c[1] = tarMember{name: "3469.dat", typ: tar.TypeSymlink}
			return c
		}), ErrCorrupt, []string{"regular files"}},
		tarCase{"bad checksum", patch(second+100, '7'), ErrCorrupt, []string{"checksum"}},
		tarCase{"size past the end", patchSum(second, 124, []byte("77777777777\x00")...), nil, []string{"unexpected EOF"}},
		tarCase{"base-256 size of 2^88", patchSum(second, 124, 0x80, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), ErrCorrupt, []string{"size field"}},
		tarCase{"cut in a member", good[:second+700], io.ErrUnexpectedEOF, nil},
		tarCase{"cut in the TOC", good[:1000], io.ErrUnexpectedEOF, nil},
		tarCase{"large objects end with another list", rename("blobs_3489.toc", "blobs_1.toc"), nil, nil},
	)
	return cases
}

// TestTarHostile: damaged tar archives give errors through NewReader and
// through NewStream, never a panic, and member names never act as paths.
func TestTarHostile(t *testing.T) {
	for _, c := range tarHostileCases(t) {
		t.Run(c.name, func(t *testing.T) {
			errs := map[string]error{"reader": readAll(c.raw), "stream": streamAll(c.raw)}
			for way, err := range errs {
				if err == nil {
					t.Errorf("%s: read without an error", way)
					continue
				}
				var ae *Error
				if !errors.As(err, &ae) {
					t.Errorf("%s: %v is not a *pgarchive.Error", way, err)
				}
				if c.is != nil && !errors.Is(err, c.is) {
					t.Errorf("%s: error %v is not %v", way, err, c.is)
				}
				for _, w := range c.want {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("%s: error %q lacks %q", way, err, w)
					}
				}
			}
		})
	}
}

// streamAll reads an archive in one pass, every block and large object.
func streamAll(raw []byte) error {
	s, err := NewStream(struct{ io.Reader }{bytes.NewReader(raw)})
	if err != nil {
		return err
	}
	for {
		b, err := s.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if err := drain(b); err != nil {
			return err
		}
	}
}

// TestTarStreamSkipsLargeObjects: Next passes over a BLOBS block left part
// read, up to its list, and the blocks after it read as in the file.
func TestTarStreamSkipsLargeObjects(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "testdata", "pg17", "full.tar"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := NewStream(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	var order []int
	for {
		b, err := s.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		order = append(order, b.Entry.DumpID)
		if b.IsBlobs() {
			if _, err := b.NextBlob(); err != nil {
				t.Fatal(err)
			}
			io.CopyN(io.Discard, b, 3) // and leave the rest
		}
	}
	var want []int
	for _, e := range s.Entries {
		if e.DataState != DataNone {
			want = append(want, e.DumpID)
		}
	}
	if len(order) != len(want) {
		t.Fatalf("blocks %v, want %v", order, want)
	}
	for i := range order {
		if order[i] != want[i] {
			t.Fatalf("blocks %v, want %v", order, want)
		}
	}
}
