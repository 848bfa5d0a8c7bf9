#!/usr/bin/env bash
# run.sh — pgdrill's end-to-end benchmarks against the real PostgreSQL tools.
# `make bench` runs it after the Go micro-benchmarks; see BENCHMARKS.md.
#
#   bash bench/run.sh [SECTION...]      # default: every section
#
# Sections (each a function `section_NAME` below, or a script bench/NAME.sh):
#   archives  build the large audit-like archives into bench/out/ (cached)
#   read      read every data block: pgdrill vs pg_restore -f /dev/null
#   restore, dump, drill, ...: bench/restore.sh etc., run as they are
#   remote    the same archives read from S3 (versitygw on loopback) vs the file
#   (they use the archives the archives section builds)
#
# Environment:
#   PG15_BIN       PostgreSQL 15 binaries (default /usr/lib/postgresql/15/bin)
#   PG17           PostgreSQL 17 wrapper (default ../shared/tools/pg17)
#   BENCH_ROWS     rows in the large table (default 1000000, ~300 MB of COPY text)
#   BENCH_RUNS     timed runs per command; the best is reported (default 3)
#   BENCH_REBUILD  set to 1 to rebuild cached archives
#   BENCH_OUT      cache and result directory (default bench/out, gitignored)
#   BENCH_READER   command that reads every block of one archive to stdout;
#                  default `pgdrill cat --all` when the built binary has it,
#                  else bench/readall (same pgarchive code, output discarded)
#
# The read section times three programs on each archive: bench/readall (the
# pgarchive reader alone, decompressed bytes to io.Discard), the pgdrill side
# (BENCH_READER) and pg_restore -f /dev/null.
#
# It starts a throwaway PostgreSQL 15 server (temp dir, free port, always
# stopped) only when an archive has to be built. As root the server runs as the
# postgres OS user.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
PG15_BIN=${PG15_BIN:-/usr/lib/postgresql/15/bin}
PG17=${PG17:-$(cd "$repo/.." && pwd)/shared/tools/pg17}
BENCH_ROWS=${BENCH_ROWS:-1000000}
BENCH_RUNS=${BENCH_RUNS:-3}
BENCH_OUT=${BENCH_OUT:-$here/out}
TIME=/usr/bin/time

unset PGDATABASE PGOPTIONS PGCLIENTENCODING PGSERVICE PGSERVICEFILE PGPASSWORD \
      PGPASSFILE PGSSLMODE PGTZ PGDATESTYLE PGAPPNAME
export LC_ALL=C LANG=C TZ=UTC

mkdir -p "$BENCH_OUT"
. "$here/lib.sh"

# ---------------------------------------------------------------------------
# Timing. On a shared machine wall time swings with the load, so both the
# best wall time and the best CPU time (user + sys) of BENCH_RUNS runs are
# kept, with the highest peak RSS seen.

# measure OUTVAR CMD...: runs CMD with stdout to /dev/null; sets OUTVAR to
# "wall_s cpu_s peak_rss_kib".
measure() {
  local __out=$1; shift
    local i t=$BENCH_OUT/run-sh.$$
  : >"$t.times"
  for ((i = 0; i < BENCH_RUNS; i++)); do
    if ! "$TIME" -f '%e %U %S %M' -o "$t.time" "$@" >/dev/null 2>"$t.stderr"; then
      cat "$t.stderr" >&2
      die "failed: $*"
    fi
    tail -n 1 "$t.time" >>"$t.times"
  done
  printf -v "$__out" '%s' "$(awk '
    NR == 1 || $1 < w { w = $1 }
    NR == 1 || $2 + $3 < c { c = $2 + $3 }
    $4 > r { r = $4 }
        END { printf "%.2f %.2f %d", w, c, r }' "$t.times")"
  rm -f "$t.time" "$t.times" "$t.stderr"
}

# ---------------------------------------------------------------------------
# Section: archives. One table like an audit log: id, actor, action, details
# (jsonb), ts (timestamptz with microseconds), row_hash; BENCH_ROWS rows.

archive_names="pg15-gzip pg17-gzip pg17-lz4 pg17-zstd"

archive_path() { printf '%s/audit-%s.dump' "$BENCH_OUT" "$1"; }

section_archives() {
  local missing= a
  for a in $archive_names; do
    [ -s "$(archive_path "$a")" ] && [ "${BENCH_REBUILD:-}" != 1 ] || missing+=" $a"
  done
  if [ -z "$missing" ]; then
    log "archives: cached in $BENCH_OUT (BENCH_REBUILD=1 rebuilds)"
    return
  fi
  [ -x "$PG17" ] || die "no pg17 wrapper at $PG17"
  server_start bench
  log "archives: loading $BENCH_ROWS rows"
  load_audit "$BENCH_ROWS"
  psql15 -d audit -At -c "SELECT 'archives: ' || count(*) || ' rows, table ' || pg_size_pretty(pg_table_size('public.audit_events')) FROM public.audit_events" >&2
  for a in $missing; do
    local f tmpf
    f=$(archive_path "$a")
    tmpf=$f.tmp
    log "archives: dumping $a"
    case $a in
      pg15-gzip) PGTZ=UTC "$PG15_BIN/pg_dump" -Fc -d audit -f "$tmpf" ;;
      pg17-gzip) PGTZ=UTC "$PG17" pg_dump -Fc -Z gzip -d audit -f "$tmpf" ;;
      pg17-lz4) PGTZ=UTC "$PG17" pg_dump -Fc -Z lz4 -d audit -f "$tmpf" ;;
      pg17-zstd) PGTZ=UTC "$PG17" pg_dump -Fc -Z zstd -d audit -f "$tmpf" ;;
      *) die "unknown archive $a" ;;
    esac
    mv "$tmpf" "$f"
  done
  server_stop
}

# ---------------------------------------------------------------------------
# Section: read. Every data block, decompressed, to /dev/null, by pgdrill and
# by pg_restore (15 for the 1.14 archive, 17 for 1.16 ones, each the newest
# that pg_dump's users would run on the file).

# reader_cmd: the pgdrill side of the read benchmark, as an array;
# readall_cmd: the bare reader.
reader_cmd=()
readall_cmd=()
pick_reader() {
  (cd "$repo" && go build -o "$BENCH_OUT/readall" ./bench/readall) || die "cannot build bench/readall"
  readall_cmd=("$BENCH_OUT/readall" -q)
  if [ -n "${BENCH_READER:-}" ]; then
    read -r -a reader_cmd <<<"$BENCH_READER"
    return
  fi
  if (cd "$repo" && go build -o "$BENCH_OUT/pgdrill" ./cmd/pgdrill) &&
    "$BENCH_OUT/pgdrill" cat --help 2>/dev/null | grep -q -- '--all'; then
    reader_cmd=("$BENCH_OUT/pgdrill" cat --all)
  else
    log "read: no pgdrill with 'cat --all'; timing bench/readall in its place"
    reader_cmd=("${readall_cmd[@]}")
  fi
}

section_read() {
  [ -x "$TIME" ] || die "$TIME missing (apt-get install time)"
  pick_reader
  local results=$BENCH_OUT/read.md a f fmtv bare ours theirs restore raw
  {
        echo "| archive | format | file MB | COPY MB | pgarchive wall / cpu s | pgdrill wall / cpu s | pg_restore wall / cpu s | ratio wall | ratio cpu | peak RSS MiB pgarchive / pgdrill / pg_restore |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  } >"$results"
  for a in $archive_names; do
    f=$(archive_path "$a")
    [ -s "$f" ] || die "missing $f: run the archives section"
    case $a in
      pg15-*) restore=("$PG15_BIN/pg_restore") fmtv=1.14 ;;
      *) restore=("$PG17" pg_restore) fmtv=1.16 ;;
    esac
        raw=$("${readall_cmd[0]}" "$f" | awk '{ print $(NF-2) }')
    log "read: $a: readall"
    measure bare "${readall_cmd[@]}" "$f"
    log "read: $a: ${reader_cmd[*]##*/}"
    measure ours "${reader_cmd[@]}" "$f"
    log "read: $a: pg_restore -f /dev/null"
    measure theirs "${restore[@]}" -f /dev/null "$f"
    awk -v a="$a" -v v="$fmtv" -v sz="$(stat -c %s "$f")" -v raw="$raw" -v b="$bare" -v o="$ours" -v t="$theirs" 'BEGIN {
            split(b, w, " "); split(o, x, " "); split(t, y, " ")
      printf "| %s | %s | %.1f | %.1f | %.2f / %.2f | %.2f / %.2f | %.2f / %.2f | %.2fx | %.2fx | %.1f / %.1f / %.1f |\n",
        a, v, sz / 1e6, raw / 1e6, w[1], w[2], x[1], x[2], y[1], y[2],
        (y[1] > 0 ? x[1] / y[1] : 0), (y[2] > 0 ? x[2] / y[2] : 0), w[3] / 1024, x[3] / 1024, y[3] / 1024
    }' >>"$results"
  done
  echo
    echo "read every data block: best of $BENCH_RUNS runs; ratio = pgdrill / pg_restore; pgdrill = ${reader_cmd[*]##*/}; load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
  cat "$results"
}

# ---------------------------------------------------------------------------

# A section is a function here or a script bench/NAME.sh (restore, dump,
# drill, ...), which is run as it is.
sections=("$@")
[ ${#sections[@]} -gt 0 ] || sections=(archives read)
for s in "${sections[@]}"; do
  if declare -F "section_$s" >/dev/null; then
    "section_$s"
  elif [ "$s" != run ] && [ -f "$here/$s.sh" ]; then
    bash "$here/$s.sh"
  else
    die "unknown section $s (have: archives read, or a bench/NAME.sh)"
  fi
done
