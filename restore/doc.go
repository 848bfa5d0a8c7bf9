// Package restore replays a PostgreSQL custom-format archive (pg_dump -Fc)
// into a live server through pgx's pgconn, reaching the same end state as
// pg_restore for the same archive and options.
//
// It follows pg_restore's plan (pg_backup_archiver.c): the session prelude
// (timeouts, the archive's client_encoding and standard_conforming_strings,
// its SEARCHPATH statement or, for archives without one, a search_path per
// entry, check_function_bodies, xmloption, client_min_messages,
// row_security); the entries in archive (or -L list) order in three passes,
// main, ACL, and post-ACL (materialized view refreshes, event triggers);
// each statement pg_restore would send as its own simple-protocol query, so
// failures count the same; owners (ALTER ... OWNER TO) and large-object
// fan-out (lo_create, ALTER LARGE OBJECT, GRANTs per object of a group)
// written as pg_restore writes them; table data streamed from the
// decompressing archive reader straight into COPY FROM STDIN, with no row
// parsing and no block held in memory. With Options.Jobs > 1 the pre-data
// section runs on one connection, then a dependency-aware scheduler (the
// archive's dependency lists, post-data re-pointed to table data, exclusive
// lock conflicts avoided, largest data first) runs the rest on Jobs
// connections, as pg_restore -j does.
//
// Deliberate differences from pg_restore 17:
//   - identifiers in statements pgdrill composes (ALTER ... OWNER TO, SET
//     search_path, TRUNCATE, DISABLE TRIGGER) are always double-quoted:
//     the same objects, spelled differently;
//   - SET transaction_timeout is sent only to servers of version 17 or
//     later (pg_restore 17 sends it to every server, and on older ones that
//     alone counts one ignored error);
//   - large objects are written with lowrite in 256 KiB pieces rather than
//     16 KiB ones.
//
// Not offered: -C/--create, -f (script output), --role,
// --use-set-session-authorization, --no-data-for-failed-tables,
// --strict-names and --transaction-size.
package restore
