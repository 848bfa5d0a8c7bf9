#!/usr/bin/env bash
# gen.sh — regenerate the server goldens of package copytext. Tests never run
# it; they only read its outputs:
#
#   bytes.copy  COPY bytes TO STDOUT after bytes.sql (every byte 0x01..0xff);
#               also checked equal to the rows pg_dump 15 writes for the table.
#   input.out   input.copy loaded with the server's own parser (COPY FROM a
#               file) and written back with COPY TO STDOUT: the canonical form
#               of every escape in input.copy.
#
# Needs PostgreSQL 15 in $PG15_BIN. Runs as root (hands the server to the
# postgres OS user) or as a normal user. Starts a throwaway server on a free
# port in a temp dir and always stops and deletes it.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
PG15_BIN=${PG15_BIN:-/usr/lib/postgresql/15/bin}
unset PGDATABASE PGOPTIONS PGCLIENTENCODING PGSERVICE PGTZ PGDATESTYLE
export LC_ALL=C LANG=C TZ=UTC

tmp=$(mktemp -d "${TMPDIR:-/tmp}/copytext-gen.XXXXXX")
started=
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
cleanup() {
  if [ -n "$started" ]; then
    as_pg "$PG15_BIN/pg_ctl" -D "$tmp/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
[ "$(id -u)" = 0 ] && chown postgres: "$tmp"
chmod 755 "$tmp"

as_pg mkdir "$tmp/sock"
as_pg "$PG15_BIN/initdb" -D "$tmp/data" -U postgres -A trust -E SQL_ASCII --locale=C \
  --no-sync >"$tmp/initdb.log" 2>&1 || { cat "$tmp/initdb.log" >&2; exit 1; }

for _ in 1 2 3 4 5 6 7 8 9 10; do
  port=$((20000 + RANDOM % 40000))
  ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || continue
  if as_pg "$PG15_BIN/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w -t 60 \
      -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$tmp/sock -c fsync=off" \
      start >/dev/null; then
    started=1
    break
  fi
done
[ -n "$started" ] || { echo "gen.sh: could not start the server" >&2; cat "$tmp/server.log" >&2; exit 1; }

export PGHOST="$tmp/sock" PGPORT="$port" PGUSER=postgres PGDATABASE=postgres
psql() { "$PG15_BIN/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }

psql -f "$here/bytes.sql"
psql -c 'COPY bytes TO STDOUT' >"$here/bytes.copy"

# pg_dump's rows for the table must be the very same bytes.
"$PG15_BIN/pg_dump" -a -t bytes >"$tmp/plain.sql"
awk 'copy && /^\\\.$/ { exit } copy { print } /^COPY public\.bytes / { copy = 1 }' \
  "$tmp/plain.sql" >"$tmp/dumped.copy"
cmp "$here/bytes.copy" "$tmp/dumped.copy"

# COPY FROM a server-side file: the server's parser sees input.copy unaltered.
cp "$here/input.copy" "$tmp/input.copy"
chmod 644 "$tmp/input.copy"
psql -c 'CREATE TABLE input (id int PRIMARY KEY, a text, b text)' \
  -c "COPY input FROM '$tmp/input.copy'"
psql -c 'COPY (SELECT * FROM input ORDER BY id) TO STDOUT' >"$here/input.out"
echo "gen.sh: wrote bytes.copy ($(wc -l <"$here/bytes.copy") rows) and input.out ($(wc -l <"$here/input.out") rows)"
