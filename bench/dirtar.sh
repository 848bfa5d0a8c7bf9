#!/usr/bin/env bash
# dirtar.sh — directory (-Fd) and tar (-Ft) benchmark, pgdrill vs the real
# PostgreSQL 15 tools, in one run on one throwaway server:
#   dump     pgdrill dump -Fd -j 2      vs pg_dump -Fd -j 2     (gzip)
#   restore  pgdrill restore -j 2       vs pg_restore -j 2      (of pg_dump's -Fd archive)
#   read     pgdrill cat --all          vs pg_restore -a -f -   (custom, directory and tar
#            archives of the same database, to /dev/null)
# The database is the audit table of bench/lib.sh (BENCH_ROWS rows, default
# 1M) plus three tables of BENCH_ROWS/10 rows each (copies of its first rows
# with their own primary keys), so -j has several tables to share out.
# Reports the best wall and CPU time of BENCH_RUNS runs of each side, after
# an untimed warm-up, the two sides alternating which goes first, and the
# ratio pgdrill / PostgreSQL. Results go to $BENCH_OUT/dirtar.md and stdout.
#
#   bash bench/dirtar.sh
#   BENCH_ROWS=200000 BENCH_RUNS=1 bash bench/dirtar.sh
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
PG15_BIN=${PG15_BIN:-/usr/lib/postgresql/15/bin}
BENCH_ROWS=${BENCH_ROWS:-1000000}
BENCH_RUNS=${BENCH_RUNS:-3}
BENCH_OUT=${BENCH_OUT:-$here/out}
TIME=/usr/bin/time

unset PGDATABASE PGOPTIONS PGCLIENTENCODING PGSERVICE PGSERVICEFILE PGPASSWORD \
      PGPASSFILE PGSSLMODE PGTZ PGDATESTYLE PGAPPNAME
export LC_ALL=C LANG=C TZ=UTC

. "$here/lib.sh"
[ -x "$TIME" ] || die "$TIME missing (apt-get install time)"
mkdir -p "$BENCH_OUT"
work=$BENCH_OUT/dirtar
rm -rf "$work"
mkdir -p "$work"

# timed FILE [PREP] -- CMD...: runs PREP (untimed) then CMD once, appending
# "wall cpu rss_kib" to FILE.
timed() {
  local file=$1; shift
  local prep=()
  while [ "$1" != -- ]; do prep+=("$1"); shift; done
  shift
  [ ${#prep[@]} -eq 0 ] || "${prep[@]}"
  if ! "$TIME" -f '%e %U %S %M' -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt"; then
    # pg_restore 15 of its own archive has no errors to tolerate.
    cat "$work/stderr.txt" >&2
    die "failed: $*"
  fi
  tail -n 1 "$work/time.txt" | awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' >>"$file"
}

# compare NAME PREP -- OURS... --- THEIRS...: warm-up, then BENCH_RUNS
# alternating runs of each; appends a table row.
compare() {
  local name=$1; shift
  local prep=() ours=() theirs=() i
  while [ "$1" != -- ]; do prep+=("$1"); shift; done
  shift
  while [ "$1" != --- ]; do ours+=("$1"); shift; done
  shift
  theirs=("$@")
  : >"$work/ours.txt"
  : >"$work/theirs.txt"
  log "$name: warm-up"
  timed /dev/null "${prep[@]}" -- "${ours[@]}"
  timed /dev/null "${prep[@]}" -- "${theirs[@]}"
  for ((i = 0; i < BENCH_RUNS; i++)); do
    log "$name: run $((i + 1)) of $BENCH_RUNS"
    if ((i % 2 == 0)); then
      timed "$work/ours.txt" "${prep[@]}" -- "${ours[@]}"
      timed "$work/theirs.txt" "${prep[@]}" -- "${theirs[@]}"
    else
      timed "$work/theirs.txt" "${prep[@]}" -- "${theirs[@]}"
      timed "$work/ours.txt" "${prep[@]}" -- "${ours[@]}"
    fi
  done
  awk -v n="$name" '
    FNR == 1 { f++ }
    f == 1 && (FNR == 1 || $1 < ow) { ow = $1 } f == 1 && (FNR == 1 || $2 < oc) { oc = $2 } f == 1 && $3 > or { or = $3 }
    f == 2 && (FNR == 1 || $1 < tw) { tw = $1 } f == 2 && (FNR == 1 || $2 < tc) { tc = $2 } f == 2 && $3 > tr { tr = $3 }
    END { printf "| %s | %.2f / %.2f | %.2f / %.2f | %.2fx | %.1f / %.1f |\n", n, ow, oc, tw, tc, (tw > 0 ? ow / tw : 0), or / 1024, tr / 1024 }
  ' "$work/ours.txt" "$work/theirs.txt" >>"$results"
}

fresh_dirs() { rm -rf "$work/ours.dir" "$work/theirs.dir"; }
fresh_db() {
  psql15 -d postgres -c "DROP DATABASE IF EXISTS bench_restore WITH (FORCE)" \
    -c "CREATE DATABASE bench_restore TEMPLATE template0" -c CHECKPOINT >/dev/null 2>&1 ||
    die "cannot recreate database bench_restore"
}

(cd "$repo" && go build -o "$BENCH_OUT/pgdrill" ./cmd/pgdrill) || die "cannot build pgdrill"
pgdrill=$BENCH_OUT/pgdrill
server_start bench-dirtar
log "loading $BENCH_ROWS rows and three tables of $((BENCH_ROWS / 10))"
load_audit "$BENCH_ROWS"
for n in 1 2 3; do
  psql15 -d audit -c "CREATE TABLE public.audit_part_$n AS SELECT * FROM public.audit_events ORDER BY id LIMIT $((BENCH_ROWS / 10))" \
    -c "ALTER TABLE public.audit_part_$n ADD PRIMARY KEY (id)" -c "VACUUM ANALYZE public.audit_part_$n" >/dev/null
done

results=$work/results.md
{
  echo "| what | pgdrill wall / cpu s | PostgreSQL wall / cpu s | ratio wall | peak RSS MiB pgdrill / PostgreSQL |"
  echo "|---|---:|---:|---:|---:|"
} >"$results"

compare "dump -Fd -j 2 (gzip) vs pg_dump 15" fresh_dirs -- \
  "$pgdrill" dump -Fd -j 2 -d audit -f "$work/ours.dir" --- \
  "$PG15_BIN/pg_dump" -Fd -j 2 -d audit -f "$work/theirs.dir"

# The archives the restore and read rows use, all made by pg_dump 15.
rm -rf "$work/pg.dir"
"$PG15_BIN/pg_dump" -Fd -d audit -f "$work/pg.dir"
"$PG15_BIN/pg_dump" -Fc -d audit -f "$work/pg.dump"
"$PG15_BIN/pg_dump" -Ft -d audit -f "$work/pg.tar"

compare "restore -j 2 of a -Fd archive vs pg_restore 15" fresh_db -- \
  "$pgdrill" restore -j 2 -d bench_restore "$work/pg.dir" --- \
  "$PG15_BIN/pg_restore" -j 2 -d bench_restore "$work/pg.dir"

for a in pg.dump pg.dir pg.tar; do
  compare "read (cat --all) of -F${a#pg.} vs pg_restore -a -f -" -- \
    "$pgdrill" cat --all "$work/$a" --- \
    "$PG15_BIN/pg_restore" -a -f - "$work/$a"
done
sed -i 's/-Fdump/-Fc/; s/-Fdir/-Fd/; s/-Ftar/-Ft/' "$results"
server_stop
cp "$results" "$BENCH_OUT/dirtar.md"
echo
echo "dirtar: $BENCH_ROWS + 3 x $((BENCH_ROWS / 10)) rows, best of $BENCH_RUNS runs; ratio = pgdrill / PostgreSQL 15; load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$results"
rm -rf "$work"
