#!/usr/bin/env bash
# gen.sh — regenerate the server goldens of package copytext. Tests never run
# it; they only read its outputs:
#
#   bytes.copy  COPY bytes TO STDOUT after bytes.sql (every byte 0x01..0xff);
#               also checked equal to the rows pg_dump 15 writes for the table.
#   input.out   input.copy loaded with the server's own parser (COPY FROM a
#               file) and written back with COPY TO STDOUT: the canonical form
#               of every escape in input.copy.
#   edge/*.out  for each edge/*.in (written here from the table below), what
#               the server stored when the file was sent through COPY FROM
#               STDIN (the path pg_restore uses), or the server's ERROR line.
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
# Edge cases of the line structure, sent through the protocol like
# pg_restore does (psql forwards the bytes; it stops only at a \. line).
edge() { # NAME PRINTF-FORMAT
  printf "$2" >"$here/edge/$1.in"
  psql -c 'TRUNCATE input2'
  if err=$(psql -c 'COPY input2 FROM STDIN' <"$here/edge/$1.in" 2>&1); then
    psql -c 'COPY input2 TO STDOUT' >"$here/edge/$1.out"
  else
    printf '%s\n' "$err" | grep -m1 '^ERROR:' >"$here/edge/$1.out"
  fi
}
rm -rf "$here/edge"
mkdir "$here/edge"
psql -c 'CREATE TABLE input2 (a text, b text)'
edge marker-mid-row '1\tx\n2\ty\\.\n3\tz\n'
edge marker-at-eof '1\tx\n\\.'
edge marker-then-data '1\tx\n\\.x\n2\ty\n'
edge marker-crlf-in-lf '1\tx\n\\.\r\n'
edge marker-lf-in-crlf '1\tx\r\n\\.\n'
edge after-marker-ignored '1\tx\n\\.\n2\ty\n'
edge no-marker '1\tx\n2\ty\n'
edge no-final-lf '1\tx\n2\ty'
edge trailing-backslash-at-eof '1\tx\\'
edge escaped-lf '1\tx\\\ny\n'
edge escaped-cr '1\tx\\\ry\n'
edge crlf '1\tx\r\n2\ty\r\n\\.\r\n'
edge cr '1\tx\r2\ty\r\\.\r'
edge cr-in-lf '1\tx\n2\ty\rz\n'
edge lf-in-crlf '1\tx\r\n2\ty\n'
edge empty-lines '\t\n\t\\N\n'
echo "gen.sh: wrote bytes.copy ($(wc -l <"$here/bytes.copy") rows) and input.out ($(wc -l <"$here/input.out") rows)"
