// Package dump turns a live PostgreSQL database into a custom-format archive
// that pg_restore (12 and later for format 1.14, 17 and later for 1.16) and
// pgdrill restore accept, the way pg_dump -Fc does: one REPEATABLE READ, READ
// ONLY snapshot under pg_dump's session settings; definitions built from the
// catalogs (with the server's pg_get_*def functions where pg_dump uses them);
// one TOC entry per object with pg_dump's desc, tag, section and dependencies,
// sorted by pg_dump's type priorities and then topologically; and table data
// streamed from COPY TO straight into the archive writer, so no table is
// held in memory.
//
// An object the package does not know how to dump is an error that names it,
// never a silent omission.
package dump
