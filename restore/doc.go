// Package restore replays a PostgreSQL custom-format archive (pg_dump -Fc)
// into a live server through pgx's pgconn, reaching the same end state as
// pg_restore for the same archive and options.
//
// It follows pg_restore's plan: the session prelude, the entries in archive
// (or -L list) order in three passes (main, ACL, post-ACL), each entry's SQL
// as its own statement batch, owner changes and large-object fan-out the way
// pg_restore writes them, and table data streamed from the archive straight
// into COPY FROM STDIN. With Options.Jobs > 1 a dependency-aware scheduler
// runs data loads and post-data builds on several connections, as pg_restore
// -j does.
//
// Deliberate differences from pg_restore: identifiers in generated statements
// are always double-quoted (the same objects, different spelling), and
// SET transaction_timeout is sent only to servers that know it (pg_restore 17
// sends it to every server, and on a 15 server that alone counts one error).
package restore
