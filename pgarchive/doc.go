// Package pgarchive reads and writes PostgreSQL's custom archive format, the
// files written by pg_dump -Fc, in format versions 1.12 through 1.16 with
// none, gzip, lz4 or zstd compression.
//
// An archive is a header, a table of contents (TOC) of entries, and a data
// area holding one block per entry that has data (TABLE DATA and BLOBS
// entries). A Reader gives random access to the blocks of an archive held in
// an io.ReaderAt; a Stream reads an archive from a plain io.Reader, one block
// after another in file order, the way pg_restore reads a pipe. Either way a
// block's data is an io.Reader that decompresses as it is read, so memory does
// not grow with the archive.
//
// Every length and count read from a file is checked against what remains of
// the file and against fixed limits before it is used, so a hostile or
// truncated archive yields an error that names the byte offset (and the entry,
// once one is known), never a panic or a huge allocation.
package pgarchive
