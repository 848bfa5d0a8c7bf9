#!/usr/bin/env bash
# restore.sh — restore benchmark: pgdrill restore vs pg_restore into the same
# throwaway PostgreSQL 15 server, serial (-j1) and parallel (-j2), in one run.
# Uses the ~1M-row audit archives that `bash bench/run.sh archives` builds
# (cached in bench/out). Reports the best wall time of BENCH_RUNS runs, the
# ratio pgdrill / pg_restore and each side's peak RSS, into
# $BENCH_OUT/restore.md and on stdout.
#
#   bash bench/restore.sh                 # archives pg15-gzip pg17-zstd
#   BENCH_RESTORE_ARCHIVES="pg17-lz4" BENCH_RUNS=1 bash bench/restore.sh
#
# Every run restores into a freshly created, checkpointed database; creating
# it is not timed. An untimed warm-up restore comes first, then the two tools
# alternate which runs first. pg_restore 17 sends SET transaction_timeout, which a 15 server
# rejects: that one ignored error (exit status 1) is accepted, any other
# error fails the benchmark. pgdrill sends that SET only to servers >= 17.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
PG15_BIN=${PG15_BIN:-/usr/lib/postgresql/15/bin}
PG17=${PG17:-$(cd "$repo/.." && pwd)/shared/tools/pg17}
BENCH_RUNS=${BENCH_RUNS:-3}
BENCH_OUT=${BENCH_OUT:-$here/out}
BENCH_RESTORE_ARCHIVES=${BENCH_RESTORE_ARCHIVES:-"pg15-gzip pg17-zstd"}
TIME=/usr/bin/time

unset PGDATABASE PGOPTIONS PGCLIENTENCODING PGSERVICE PGSERVICEFILE PGPASSWORD \
      PGPASSFILE PGSSLMODE PGTZ PGDATESTYLE PGAPPNAME
export LC_ALL=C LANG=C TZ=UTC

. "$here/lib.sh"
[ -x "$TIME" ] || die "$TIME missing (apt-get install time)"

fresh_db() {
  # WITH (FORCE): a backend of the previous run may still be exiting.
  "$PG15_BIN/psql" -X -q -v ON_ERROR_STOP=1 -d postgres \
    -c "DROP DATABASE IF EXISTS bench_restore WITH (FORCE)" \
    -c "CREATE DATABASE bench_restore TEMPLATE template0" \
    -c "CHECKPOINT" >/dev/null 2>&1 || die "cannot recreate database bench_restore"
}

# run_pg_restore ARCHIVE-NAME FILE JOBS: pg_restore, tolerating only the
# transaction_timeout error pg_restore 17 always gets from a 15 server.
run_pg_restore() {
  local name=$1 file=$2 jobs=$3 rc=0 err
  err=$(mktemp)
  case $name in
    pg15-*) "$PG15_BIN/pg_restore" -j "$jobs" -d bench_restore "$file" 2>"$err" || rc=$? ;;
    *) "$PG17" pg_restore -j "$jobs" -d bench_restore "$file" 2>"$err" || rc=$? ;;
  esac
  if [ "$rc" != 0 ]; then
    if [ "$rc" = 1 ] && grep -q 'transaction_timeout' "$err" &&
       [ "$(grep -c '^pg_restore: error:' "$err")" -le "$((jobs + 2))" ]; then
      rc=0
    else
      cat "$err" >&2
    fi
  fi
  rm -f "$err"
  return "$rc"
}

# once CMD...: one run on a fresh database; prints "seconds kib cpu-seconds"
# (cpu = user + system time of the client process).
once() {
  fresh_db
  "$TIME" -f '%e %M %U %S' -o "$BENCH_OUT/time.txt" "$@" >/dev/null || die "failed: $*"
  tail -n 1 "$BENCH_OUT/time.txt" | awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }'
}

# pair OURS THEIRS ARCHIVE-NAME FILE JOBS: BENCH_RUNS runs of each tool after
# an untimed warm-up run, alternating which goes first (the first restore
# after another pays for its WAL and cold caches); sets OURS and THEIRS to
# the best "seconds kib cpu" of each (by wall time; cpu is the least seen).
pair() {
  local __ours=$1 __theirs=$2 name=$3 file=$4 jobs=$5 i o t bo= bt= co= ct=
  once "$BENCH_OUT/pgdrill" restore -j "$jobs" -d bench_restore "$file" >/dev/null
  for ((i = 0; i < BENCH_RUNS; i++)); do
    if ((i % 2 == 1)); then t=$(once bash -c 'run_pg_restore "$@"' _ "$name" "$file" "$jobs") || exit 1; fi
    o=$(once "$BENCH_OUT/pgdrill" restore -j "$jobs" -d bench_restore "$file") || exit 1
    ours_rows=$("$PG15_BIN/psql" -X -At -d bench_restore -c 'SELECT count(*) FROM public.audit_events')
    if ((i % 2 == 0)); then t=$(once bash -c 'run_pg_restore "$@"' _ "$name" "$file" "$jobs") || exit 1; fi
    theirs_rows=$("$PG15_BIN/psql" -X -At -d bench_restore -c 'SELECT count(*) FROM public.audit_events')
    [ "$ours_rows" = "$theirs_rows" ] || die "row counts differ: pgdrill $ours_rows, pg_restore $theirs_rows"
    log "  run $((i + 1)): pgdrill ${o%% *} s (cpu ${o##* } s), pg_restore ${t%% *} s (cpu ${t##* } s)"
    if [ -z "$bo" ] || awk -v a="${o%% *}" -v b="${bo%% *}" 'BEGIN { exit !(a < b) }'; then bo=$o; fi
    if [ -z "$bt" ] || awk -v a="${t%% *}" -v b="${bt%% *}" 'BEGIN { exit !(a < b) }'; then bt=$t; fi
    if [ -z "$co" ] || awk -v a="${o##* }" -v b="$co" 'BEGIN { exit !(a < b) }'; then co=${o##* }; fi
    if [ -z "$ct" ] || awk -v a="${t##* }" -v b="$ct" 'BEGIN { exit !(a < b) }'; then ct=${t##* }; fi
  done
  printf -v "$__ours" '%s %s' "${bo% *}" "$co"
  printf -v "$__theirs" '%s %s' "${bt% *}" "$ct"
}

mkdir -p "$BENCH_OUT"
(cd "$repo" && go build -o "$BENCH_OUT/pgdrill" ./cmd/pgdrill) || die "cannot build pgdrill"
server_start bench-restore tcp
export -f run_pg_restore
export PG15_BIN PG17

results=$BENCH_OUT/restore.md
{
  echo "| archive | jobs | pgdrill s | pg_restore s | ratio | pgdrill CPU s | pg_restore CPU s | pgdrill peak RSS MiB | pg_restore peak RSS MiB | rows |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} >"$results"
for a in $BENCH_RESTORE_ARCHIVES; do
  f=$BENCH_OUT/audit-$a.dump
  [ -s "$f" ] || die "missing $f: run 'bash bench/run.sh archives' first"
  for j in 1 2; do
    log "restore: $a -j$j"
    pair ours theirs "$a" "$f" "$j"
    awk -v a="$a" -v j="$j" -v o="$ours" -v t="$theirs" -v r="$ours_rows" 'BEGIN {
      split(o, x, " "); split(t, y, " ")
      printf "| %s | %d | %.2f | %.2f | %.2fx | %.2f | %.2f | %.1f | %.1f | %d |\n",
        a, j, x[1], y[1], (y[1] > 0 ? x[1] / y[1] : 0), x[3], y[3], x[2] / 1024, y[2] / 1024, r
    }' >>"$results"
  done
done
echo
echo "restore into PostgreSQL 15 (best wall time of $BENCH_RUNS; ratio = pgdrill / pg_restore; CPU = least user+system time of the client process; RSS of the client process; load average at the end $(cut -d' ' -f1-3 /proc/loadavg))"
cat "$results"
