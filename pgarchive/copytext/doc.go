// Package copytext reads and writes PostgreSQL's COPY text format, the row
// syntax inside pg_dump's table-data blocks.
//
// A row is one line of fields separated by TAB and ended by LF. The two
// bytes \N stand for NULL; an empty field is the empty string. The writer
// side ([AppendRow], [Writer]) produces exactly what the server's COPY TO
// writes in text format: backslash, BS, FF, LF, CR, TAB and VT are escaped
// as \\ \b \f \n \r \t \v and every other byte goes out raw. The reader
// side ([Decode], [Decoder], [Reader]) accepts everything COPY FROM accepts:
// those escapes, \ddd octal (1–3 digits), \xhh hex (1–2 digits), and a
// backslash before any other byte, which stands for that byte.
//
// The end-of-data marker is the line \. alone. Like PostgreSQL 18 (and
// unlike 15–17, which over the protocol silently end the COPY there, keep
// the bytes before it as the last row and drop everything after) an
// unescaped \. anywhere else in a line is an error here: such data would
// restore differently depending on the server version. Every other rule of
// the line structure is the server's, checked against PostgreSQL 15.18 by
// the goldens in testdata/server.
//
// The codec works on bytes and does not validate the character encoding.
// That is exact for every server encoding, since their multibyte characters
// never contain ASCII bytes. It is not exact for the client-only encodings
// (SJIS, BIG5, GBK, UHC, GB18030), whose second bytes can look like a
// backslash; the server parses those only after converting them.
// The server also rejects NUL bytes and invalid encoding sequences, whether
// raw or produced by \000 or \x00 escapes; this package passes them through.
package copytext
