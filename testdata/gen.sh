#!/usr/bin/env bash
# gen.sh — regenerate pgdrill's pg_dump custom-format fixtures and their golden
# outputs (see testdata/README.md). Run it as `make testdata` from the repo root.
#
# Needs PostgreSQL 15 (server and client) in $PG15_BIN and a PostgreSQL 17
# client wrapper in $PG17 (default: ../shared/tools/pg17 beside the repo). It
# starts a throwaway server on 127.0.0.1, loads schema/full.sql, dumps it with
# both pg_dump versions, writes goldens with pg_restore 17, and removes the
# server again. Everything it generates under pg15/ and pg17/ is rewritten
# from scratch, so running it twice is safe. Tests never run this script.
#
# `gen.sh dirtar` remakes only the directory (-Fd, *.dir/) and tar (-Ft,
# *.tar) archives and their goldens, leaving the custom archives as they are.
set -euo pipefail

only=${1:-all}
case $only in
  all | dirtar) ;;
  *) echo "usage: gen.sh [dirtar]" >&2; exit 2 ;;
esac

here=$(cd "$(dirname "$0")" && pwd)
PG15_BIN=${PG15_BIN:-/usr/lib/postgresql/15/bin}
PG17=${PG17:-$(cd "$here/../.." && pwd)/shared/tools/pg17}

[ -x "$PG15_BIN/pg_ctl" ] || { echo "gen.sh: no PostgreSQL 15 in $PG15_BIN" >&2; exit 1; }
[ -x "$PG17" ] || { echo "gen.sh: no pg17 wrapper at $PG17" >&2; exit 1; }

# Only what this script sets may reach libpq and the C library: a stray
# PGDATABASE, PGOPTIONS or PGCLIENTENCODING would change the archives, and a
# translated locale would change pg_restore's text.
unset PGDATABASE PGOPTIONS PGCLIENTENCODING PGSERVICE PGSERVICEFILE PGPASSWORD \
      PGPASSFILE PGSSLMODE PGTZ PGDATESTYLE PGAPPNAME PGCONNECT_TIMEOUT
export LC_ALL=C LANG=C TZ=UTC

tmp=$(mktemp -d "${TMPDIR:-/tmp}/pgdrill-gen.XXXXXX")
started=

# initdb and postgres refuse to run as root; hand them to the postgres user.
as_pg() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

cleanup() {
  if [ -n "$started" ]; then
    as_pg "$PG15_BIN/pg_ctl" -D "$tmp/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

if [ "$(id -u)" = 0 ]; then
  chown postgres: "$tmp"
fi
as_pg mkdir "$tmp/sock"
as_pg "$PG15_BIN/initdb" -D "$tmp/data" -U postgres -A trust -E UTF8 --locale=C \
  --no-sync >"$tmp/initdb.log" 2>&1 || { cat "$tmp/initdb.log" >&2; exit 1; }

port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

for _ in 1 2 3 4 5 6 7 8 9 10; do
  port=$((20000 + RANDOM % 40000))
  port_free "$port" || continue
  if as_pg "$PG15_BIN/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w -t 60 \
      -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$tmp/sock -c timezone=UTC -c log_timezone=UTC -c fsync=off" \
      start >/dev/null; then
    started=1
    break
  fi
done
[ -n "$started" ] || { echo "gen.sh: could not start the server" >&2; cat "$tmp/server.log" >&2; exit 1; }

export PGHOST="$tmp/sock" PGPORT="$port" PGUSER=postgres

psql15() { "$PG15_BIN/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }

psql15 -d postgres -c 'CREATE DATABASE "full" TEMPLATE template0' \
  -c 'CREATE DATABASE empty TEMPLATE template0'
PGCLIENTENCODING=UTF8 psql15 -d full -f "$here/schema/full.sql" >/dev/null

dump15() { PGTZ=UTC "$PG15_BIN/pg_dump" "$@"; }
dump17() { PGTZ=UTC "$PG17" pg_dump "$@"; }

if [ "$only" = all ]; then
rm -rf "$here/pg15" "$here/pg17"
mkdir -p "$here/pg15" "$here/pg17"

# Format 1.14 from pg_dump 15.
dump15 -Fc -Z0 -d full -f "$here/pg15/full-none.dump"
dump15 -Fc -d full -f "$here/pg15/full-gzip.dump"
dump15 -Fc -d full | cat >"$here/pg15/full-gzip-pipe.dump"   # not seekable: offsets stay unset

# Format 1.16 from pg_dump 17.
dump17 -Fc -Z none -d full -f "$here/pg17/full-none.dump"
dump17 -Fc -d full -f "$here/pg17/full-gzip.dump"
dump17 -Fc -Z lz4 -d full -f "$here/pg17/full-lz4.dump"
dump17 -Fc -Z zstd -d full -f "$here/pg17/full-zstd.dump"
dump17 -Fc -Z zstd -d full | cat >"$here/pg17/full-zstd-pipe.dump"
# The session time zone comes from PGTZ (libpq sends it at startup); pg_dump
# records it nowhere, so only the timestamptz text shows it.
PGTZ=Europe/Paris "$PG17" pg_dump -Fc -d full -t public.events -f "$here/pg17/tz-paris.dump"
PGTZ=Asia/Kolkata "$PG17" pg_dump -Fc -d full -t public.events -f "$here/pg17/tz-kolkata.dump"
dump17 -Fc -d empty -f "$here/pg17/empty.dump"
fi

# Directory (-Fd) and tar (-Ft) archives of the same database. pg_dump 15
# compresses directory files with gzip only; tar members are never
# compressed. A tar written to a pipe is the same bytes as one written to a
# file, so one tar per version is enough; full-j2.dir was written by two
# pg_dump workers.
rm -rf "$here"/pg15/*.dir* "$here"/pg15/*.tar* "$here"/pg17/*.dir* "$here"/pg17/*.tar*
dump15 -Fd -Z0 -d full -f "$here/pg15/full-none.dir"
dump15 -Fd -d full -f "$here/pg15/full-gzip.dir"
dump15 -Ft -d full -f "$here/pg15/full.tar"
dump17 -Fd -Z none -d full -f "$here/pg17/full-none.dir"
dump17 -Fd -d full -f "$here/pg17/full-gzip.dir"
dump17 -Fd -Z lz4 -d full -f "$here/pg17/full-lz4.dir"
dump17 -Fd -Z zstd -d full -f "$here/pg17/full-zstd.dir"
dump17 -Fd -j 2 -Z zstd -d full -f "$here/pg17/full-j2.dir"
dump17 -Ft -d full | cat >"$here/pg17/full.tar"

# pct NAME: the file-name form of a namespace or tag: every byte outside
# [A-Za-z0-9._ -] becomes %XX (upper-case hex).
pct() {
  local s=$1 out= c i
  for ((i = 0; i < ${#s}; i++)); do
    c=${s:i:1}
    case $c in
      [A-Za-z0-9._\ -]) out+=$c ;;
      *) out+=$(printf '%%%02X' "'$c") ;;
    esac
  done
  printf '%s' "$out"
}

# copy_rows: the lines strictly between the `COPY ... FROM stdin;` statement
# and the `\.` line that ends its data. The statement may span lines when a
# quoted name holds a newline. COPY escapes every LF and CR inside values, and
# a value `\.` comes out as `\\.`, so no row can be mistaken for the end.
copy_rows() {
  awk '
    state == 2 && $0 == "\\." { state = 3; next }
    state == 2 { print; next }
    state == 0 && /^COPY / { state = 1 }
    state == 1 && / FROM stdin;$/ { state = 2 }
    END { if (state != 3) { print "gen.sh: no complete COPY block" > "/dev/stderr"; exit 1 } }
  '
}

restore17() { TZ=UTC "$PG17" pg_restore "$@"; }

# TABLE DATA entries of a listing, as "oid" lines. The desc follows the two
# OIDs directly, so this cannot be fooled by a tag or namespace.
table_data_oids() {
  sed -n 's/^[0-9]*; 0 \([0-9]*\) TABLE DATA .*/\1/p' "$1"
}

goldens() {
  local archive=$1 db=$2 base=${1%.dump}
  case $archive in *.dir | *.tar) base=$archive ;; esac
  restore17 -l "$archive" >"$base.list"
  restore17 -l -v "$archive" >"$base.verbose.list"
  local oids
  oids=$(table_data_oids "$base.list")
  [ -n "$oids" ] || return 0
  mkdir -p "$base.copy"
  local oid row ns tag
  for oid in $oids; do
    # Names come from the catalog as hex, so spaces, quotes and newlines in
    # them survive the shell untouched.
    row=$(psql15 -d "$db" -At -F ' ' -c \
      "SELECT encode(convert_to(n.nspname, 'UTF8'), 'hex'), encode(convert_to(c.relname, 'UTF8'), 'hex')
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = $oid")
    [ -n "$row" ] || { echo "gen.sh: $archive: table oid $oid not in database $db" >&2; exit 1; }
    ns=$(printf '%s' "${row% *}" | xxd -r -p; printf x); ns=${ns%x}
    tag=$(printf '%s' "${row#* }" | xxd -r -p; printf x); tag=${tag%x}
    restore17 -a -n "$ns" -t "$tag" -f - "$archive" | copy_rows \
      >"$base.copy/$(pct "$ns").$(pct "$tag").copy" ||
      { echo "gen.sh: $archive: TABLE DATA $(pct "$ns").$(pct "$tag") (oid $oid)" >&2; exit 1; }
  done
}

if [ "$only" = all ]; then
for a in "$here"/pg15/*.dump "$here"/pg17/*.dump; do
  case $(basename "$a") in
    empty.dump) goldens "$a" empty ;;
    *) goldens "$a" full ;;
  esac
done

# Full restore scripts. pg_restore 17.6+ brackets a script with
# `\restrict KEY` / `\unrestrict KEY`, KEY random per run; fix it.
for v in pg15 pg17; do
  restore17 -f - "$here/$v/full-gzip.dump" |
    sed -E 's/^\\(un)?restrict [A-Za-z0-9]+$/\\\1restrict RESTRICT_KEY/' \
      >"$here/$v/full-gzip.sql"
done
fi
for a in "$here"/pg15/*.dir "$here"/pg15/*.tar "$here"/pg17/*.dir "$here"/pg17/*.tar; do
  goldens "$a" full
done

# Self-checks. Every archive must list under pg_restore 17, 1.14 ones also
# under pg_restore 15; the COPY goldens of every UTC archive must agree with
# each other and with the server's own COPY output under pg_dump's settings.
for a in "$here"/pg15/*.dump "$here"/pg17/*.dump; do
  restore17 -l "$a" >/dev/null
done
for a in "$here"/pg15/*.dump "$here"/pg15/*.dir "$here"/pg15/*.tar; do
  TZ=UTC "$PG15_BIN/pg_restore" -l "$a" >/dev/null
done
ref="$here/pg17/full-none.copy"
for d in "$here"/pg15/full*.copy "$here"/pg17/full*.copy; do
  diff -r "$ref" "$d" >/dev/null || { echo "gen.sh: $d differs from $ref" >&2; exit 1; }
done
while read -r oid; do
  row=$(psql15 -d full -At -F ' ' -c \
    "SELECT encode(convert_to(n.nspname, 'UTF8'), 'hex'), encode(convert_to(c.relname, 'UTF8'), 'hex')
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = $oid")
  ns=$(printf '%s' "${row% *}" | xxd -r -p; printf x); ns=${ns%x}
  tag=$(printf '%s' "${row#* }" | xxd -r -p; printf x); tag=${tag%x}
  qualified=$(psql15 -d full -At -c "SELECT format('%I.%I', n.nspname, c.relname)
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = $oid"; printf x)
  qualified=${qualified%?x}
  PGTZ=UTC psql15 -d full -c "SET DateStyle = ISO; SET IntervalStyle = postgres; SET extra_float_digits = 3" \
    -c "COPY $qualified TO STDOUT" |
    cmp -s - "$ref/$(pct "$ns").$(pct "$tag").copy" ||
    { echo "gen.sh: $ref: $qualified differs from the server's COPY" >&2; exit 1; }
done < <(table_data_oids "$here/pg17/full-none.list")

echo "gen.sh: regenerated $(find "$here/pg15" "$here/pg17" -type f | wc -l) files in pg15/ and pg17/"
