#!/usr/bin/env bash
# dump.sh — dump benchmark: pgdrill dump vs pg_dump -Fc on the same ~1M-row
# audit-like database, same compression, in one run:
#   gzip  pgdrill dump -Z gzip   vs pg_dump 15 -Fc          (format 1.14)
#   zstd  pgdrill dump -Z zstd   vs pg_dump 17 -Fc -Z zstd  (format 1.16)
# Both write to a file (offsets rewritten at the end, as pg_dump does).
# Reports the best wall and CPU time of BENCH_RUNS runs, the archive sizes
# and each side's peak RSS, with the targets: time ratio <= 1.0, size within
# 5% of pg_dump's, pgdrill peak RSS under 64 MiB. Results go to
# $BENCH_OUT/dump.md and stdout; the exit status is 1 if a target is missed
# (BENCH_DUMP_STRICT=0 only reports).
#
#   bash bench/dump.sh
#   BENCH_ROWS=200000 BENCH_RUNS=1 bash bench/dump.sh
#
# The table is the one bench/run.sh builds its archives from (same SQL). A
# throwaway PostgreSQL 15 server is started in a temp dir and always
# stopped; as root it runs as the postgres OS user. The two tools alternate
# which goes first, after an untimed warm-up of each, so the server's cache
# is equally warm for both.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
PG15_BIN=${PG15_BIN:-/usr/lib/postgresql/15/bin}
PG17=${PG17:-$(cd "$repo/.." && pwd)/shared/tools/pg17}
BENCH_ROWS=${BENCH_ROWS:-1000000}
BENCH_RUNS=${BENCH_RUNS:-3}
BENCH_OUT=${BENCH_OUT:-$here/out}
BENCH_DUMP_STRICT=${BENCH_DUMP_STRICT:-1}
TIME=/usr/bin/time

unset PGDATABASE PGOPTIONS PGCLIENTENCODING PGSERVICE PGSERVICEFILE PGPASSWORD \
      PGPASSFILE PGSSLMODE PGTZ PGDATESTYLE PGAPPNAME
export LC_ALL=C LANG=C TZ=UTC

. "$here/lib.sh"
[ -x "$TIME" ] || die "$TIME missing (apt-get install time)"
[ -x "$PG15_BIN/pg_dump" ] || die "no PostgreSQL 15 in $PG15_BIN"
mkdir -p "$BENCH_OUT"


# run_timed FILE CMD...: one timed run, "wall cpu rss_kib" appended to FILE.
run_timed() {
  local file=$1; shift
  if ! "$TIME" -f '%e %U %S %M' -o "$BENCH_OUT/dump-time.txt" "$@" >/dev/null 2>"$BENCH_OUT/dump-stderr.txt"; then
    cat "$BENCH_OUT/dump-stderr.txt" >&2
    die "failed: $*"
  fi
  tail -n 1 "$BENCH_OUT/dump-time.txt" | awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' >>"$file"
}

# best FILE: "best_wall best_cpu max_rss_kib" over the runs in FILE.
best() {
  awk 'NR == 1 || $1 < w { w = $1 } NR == 1 || $2 < c { c = $2 } $3 > r { r = $3 }
    END { printf "%.2f %.2f %d", w, c, r }' "$1"
}

(cd "$repo" && go build -o "$BENCH_OUT/pgdrill" ./cmd/pgdrill) || die "cannot build pgdrill"
server_start bench-dump
log "loading $BENCH_ROWS rows"
load_audit "$BENCH_ROWS"

results=$BENCH_OUT/dump.md
{
  echo "| compression | pgdrill wall / cpu s | pg_dump wall / cpu s | ratio wall | ratio cpu | pgdrill MB | pg_dump MB | size vs pg_dump | peak RSS MiB pgdrill / pg_dump |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
} >"$results"
failed=
for c in gzip zstd; do
  ours_f=$BENCH_OUT/dump-ours-$c.dump
  theirs_f=$BENCH_OUT/dump-pg-$c.dump
  ours=("$BENCH_OUT/pgdrill" dump -d audit -Z "$c" -f "$ours_f" --no-progress)
  case $c in
    gzip) theirs=("$PG15_BIN/pg_dump" -Fc -d audit -f "$theirs_f") ;;
    zstd)
      [ -x "$PG17" ] || { log "no pg17 wrapper at $PG17: skipping zstd"; continue; }
      theirs=("$PG17" pg_dump -Fc -Z zstd -d audit -f "$theirs_f") ;;
  esac
  : >"$BENCH_OUT/dump-ours.txt"
  : >"$BENCH_OUT/dump-theirs.txt"
  log "$c: warm-up"
  "${ours[@]}" && "${theirs[@]}"
  for ((i = 0; i < BENCH_RUNS; i++)); do
    log "$c: run $((i + 1)) of $BENCH_RUNS"
    if ((i % 2 == 0)); then
      run_timed "$BENCH_OUT/dump-ours.txt" "${ours[@]}"
      run_timed "$BENCH_OUT/dump-theirs.txt" "${theirs[@]}"
    else
      run_timed "$BENCH_OUT/dump-theirs.txt" "${theirs[@]}"
      run_timed "$BENCH_OUT/dump-ours.txt" "${ours[@]}"
    fi
  done
  line=$(awk -v c="$c" -v o="$(best "$BENCH_OUT/dump-ours.txt")" -v t="$(best "$BENCH_OUT/dump-theirs.txt")" \
    -v os="$(stat -c %s "$ours_f")" -v ts="$(stat -c %s "$theirs_f")" 'BEGIN {
      split(o, x, " "); split(t, y, " ")
      rw = y[1] > 0 ? x[1] / y[1] : 0; rc = y[2] > 0 ? x[2] / y[2] : 0; sz = (os - ts) / ts * 100
      ok = (rw <= 1.0 && sz <= 5 && sz >= -5 && x[3] < 64 * 1024) ? "" : " MISSED"
      printf "| %s | %.2f / %.2f | %.2f / %.2f | %.2fx | %.2fx | %.1f | %.1f | %+.1f%% | %.1f / %.1f |%s\n",
        c, x[1], x[2], y[1], y[2], rw, rc, os / 1e6, ts / 1e6, sz, x[3] / 1024, y[3] / 1024, ok
    }')
  case $line in *MISSED) failed=1 ;; esac
  printf '%s\n' "${line% MISSED}" >>"$results"
  rm -f "$ours_f" "$theirs_f"
done
server_stop
echo
echo "dump $BENCH_ROWS rows: best of $BENCH_RUNS runs; ratio = pgdrill / pg_dump; targets: wall ratio <= 1.0, size within 5%, pgdrill RSS < 64 MiB; load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$results"
if [ -n "$failed" ]; then
  log "a target was missed"
  [ "$BENCH_DUMP_STRICT" = 0 ] || exit 1
fi
