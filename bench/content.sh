#!/usr/bin/env bash
# content.sh — the cost of the drill's content check (internal/content)
# beside the restore it checks. `make bench` runs it after run.sh; see
# BENCHMARKS.md.
#
#   bash bench/content.sh
#   BENCH_CONTENT_ARCHIVES="pg17-zstd" BENCH_RUNS=1 bash bench/content.sh
#
# For each archive, BENCH_RUNS times: a fresh database, `pgdrill restore`
# into it (timed), then bench/contentcheck on it (timed: every row of the
# restored table streamed by COPY TO beside the archive's block and
# compared). Reports the best wall and CPU time of each and the ratio
# check / restore, the target being at most 1.0x.
#
# Archives: those of `bash bench/run.sh archives` (dumped with PGTZ=UTC, so
# every row's bytes match the check's UTC session), and pg17-zstd-ny, the
# same table dumped by pg_dump 17 with PGTZ=America/New_York, where every
# timestamptz differs as text and is compared as an instant. This script
# builds that one (cached in BENCH_OUT) when it is missing.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
PG15_BIN=${PG15_BIN:-/usr/lib/postgresql/15/bin}
PG17=${PG17:-$(cd "$repo/.." && pwd)/shared/tools/pg17}
BENCH_ROWS=${BENCH_ROWS:-1000000}
BENCH_RUNS=${BENCH_RUNS:-3}
BENCH_OUT=${BENCH_OUT:-$here/out}
BENCH_CONTENT_ARCHIVES=${BENCH_CONTENT_ARCHIVES:-"pg15-gzip pg17-zstd pg17-zstd-ny"}
TIME=/usr/bin/time

unset PGDATABASE PGOPTIONS PGCLIENTENCODING PGSERVICE PGSERVICEFILE PGPASSWORD \
      PGPASSFILE PGSSLMODE PGTZ PGDATESTYLE PGAPPNAME
export LC_ALL=C LANG=C TZ=UTC

. "$here/lib.sh"
[ -x "$TIME" ] || die "$TIME missing (apt-get install time)"
mkdir -p "$BENCH_OUT"
(cd "$repo" && go build -o "$BENCH_OUT/pgdrill" ./cmd/pgdrill && go build -o "$BENCH_OUT/contentcheck" ./bench/contentcheck) ||
  die "cannot build pgdrill and bench/contentcheck"
server_start bench-content tcp

ny=$BENCH_OUT/audit-pg17-zstd-ny.dump
case " $BENCH_CONTENT_ARCHIVES " in *" pg17-zstd-ny "*)
  if [ ! -s "$ny" ] || [ "${BENCH_REBUILD:-}" = 1 ]; then
    [ -x "$PG17" ] || die "no pg17 wrapper at $PG17"
    log "content: loading $BENCH_ROWS rows for the America/New_York archive"
    load_audit "$BENCH_ROWS"
    PGTZ=America/New_York "$PG17" pg_dump -Fc -Z zstd -d audit -f "$ny.tmp"
    mv "$ny.tmp" "$ny"
    psql15 -d postgres -c 'DROP DATABASE audit'
  fi
esac

fresh_db() {
  psql15 -d postgres -c "DROP DATABASE IF EXISTS bench_content WITH (FORCE)" \
    -c "CREATE DATABASE bench_content TEMPLATE template0" -c "CHECKPOINT" >/dev/null 2>&1 ||
    die "cannot recreate database bench_content"
}

# timed OUTVAR CMD...: one run; OUTVAR = "wall_s cpu_s peak_rss_kib".
timed() {
  local __out=$1; shift
  "$TIME" -f '%e %U %S %M' -o "$BENCH_OUT/content-time.txt" "$@" >/dev/null 2>"$BENCH_OUT/content-err.txt" ||
    { cat "$BENCH_OUT/content-err.txt" >&2; die "failed: $*"; }
  printf -v "$__out" '%s' "$(tail -n 1 "$BENCH_OUT/content-time.txt" | awk '{ printf "%s %.2f %s", $1, $2 + $3, $4 }')"
}

# lesser A B: the smaller of two numbers.
lesser() { awk -v a="$1" -v b="$2" 'BEGIN { print (b == "" || a < b) ? a : b }'; }

results=$BENCH_OUT/content.md
{
  echo "| archive | restore wall / CPU s | content check wall / CPU s | ratio wall | check peak RSS MiB | rows |"
  echo "|---|---:|---:|---:|---:|---:|"
} >"$results"
url="host=127.0.0.1 port=$PGPORT user=postgres dbname=bench_content"
for a in $BENCH_CONTENT_ARCHIVES; do
  f=$BENCH_OUT/audit-$a.dump
  [ -s "$f" ] || die "missing $f: run 'bash bench/run.sh archives' first"
  rw= rc= cw= cc= rss=0 line=
  for ((i = 0; i < BENCH_RUNS; i++)); do
    fresh_db
    timed r "$BENCH_OUT/pgdrill" restore -d "$url" "$f"
    timed c "$BENCH_OUT/contentcheck" -d "$url" "$f"
    line=$(cat "$BENCH_OUT/content-err.txt")
    log "content: $a run $((i + 1)): restore ${r%% *} s, check ${c%% *} s; $line"
    read -r w1 c1 _ <<<"$r"
    read -r w2 c2 m2 <<<"$c"
    rw=$(lesser "$w1" "$rw") rc=$(lesser "$c1" "$rc") cw=$(lesser "$w2" "$cw") cc=$(lesser "$c2" "$cc")
    ((m2 > rss)) && rss=$m2
  done
  rows=$(sed -n 's/.* rows=\([0-9]*\).*/\1/p' <<<"$line")
  awk -v a="$a" -v rw="$rw" -v rc="$rc" -v cw="$cw" -v cc="$cc" -v m="$rss" -v n="$rows" 'BEGIN {
    printf "| %s | %.2f / %.2f | %.2f / %.2f | %.2fx | %.1f | %d |\n", a, rw, rc, cw, cc, (rw > 0 ? cw / rw : 0), m / 1024, n
  }' >>"$results"
done
echo
echo "content check beside the restore into PostgreSQL 15: best of $BENCH_RUNS; ratio = check wall / restore wall; CPU = user+system of the client process only; load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$results"
