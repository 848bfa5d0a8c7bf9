#!/usr/bin/env bash
# remote.sh — archives read from S3 (internal/remote) beside the same file
# read locally, on loopback: Versity's S3 gateway (versitygw) serves
# $BENCH_OUT/s3, where the ~1M-row audit archives that `bash bench/run.sh
# archives` builds are linked. Reports into $BENCH_OUT/remote.md and stdout:
#
#   list        requests and bytes `pgdrill list` fetches (--remote-stats)
#   cat --all   every block decompressed to /dev/null: S3 vs file
#   restore     -j1 and -j2 into a throwaway PostgreSQL 15: S3 vs file
#
#   bash bench/remote.sh
#   BENCH_REMOTE_ARCHIVES="pg17-lz4" BENCH_RUNS=1 bash bench/remote.sh
#
# Times are the best wall time of BENCH_RUNS runs, S3 and file alternating
# which goes first; "download" is one signed GET of the whole object by curl,
# the floor for anything read from the store. Needs versitygw on PATH or in $(go env GOPATH)/bin
# (go install github.com/versity/versitygw/cmd/versitygw@v1.8.0).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
PG15_BIN=${PG15_BIN:-/usr/lib/postgresql/15/bin}
BENCH_RUNS=${BENCH_RUNS:-3}
BENCH_OUT=${BENCH_OUT:-$here/out}
BENCH_REMOTE_ARCHIVES=${BENCH_REMOTE_ARCHIVES:-"pg17-zstd pg15-gzip"}
TIME=/usr/bin/time

unset PGDATABASE PGOPTIONS PGCLIENTENCODING PGSERVICE PGSERVICEFILE PGPASSWORD \
      PGPASSFILE PGSSLMODE PGTZ PGDATESTYLE PGAPPNAME
export LC_ALL=C LANG=C TZ=UTC

. "$here/lib.sh"
[ -x "$TIME" ] || die "$TIME missing (apt-get install time)"

vgw=$(command -v versitygw || true)
[ -n "$vgw" ] || vgw=$(go env GOPATH)/bin/versitygw
[ -x "$vgw" ] || die "no versitygw (go install github.com/versity/versitygw/cmd/versitygw@v1.8.0)"

mkdir -p "$BENCH_OUT"
(cd "$repo" && go build -o "$BENCH_OUT/pgdrill" ./cmd/pgdrill) || die "cannot build pgdrill"
pgdrill=$BENCH_OUT/pgdrill

# The gateway serves $BENCH_OUT/s3/bench/ as bucket "bench"; the archives are
# hard links (copies across file systems), so nothing is uploaded.
s3dir=$BENCH_OUT/s3
mkdir -p "$s3dir/bench"
for a in $BENCH_REMOTE_ARCHIVES; do
  f=$BENCH_OUT/audit-$a.dump
  [ -s "$f" ] || die "missing $f: run 'bash bench/run.sh archives' first"
  ln -f "$f" "$s3dir/bench/" 2>/dev/null || cp "$f" "$s3dir/bench/"
done
vgw_pid=
stop_all() {
  [ -z "$vgw_pid" ] || kill "$vgw_pid" 2>/dev/null || true
  server_stop
}
trap stop_all EXIT
for _ in 1 2 3 4 5 6 7 8 9 10; do
  port=$((20000 + RANDOM % 40000))
  ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || continue
  "$vgw" --access bench --secret bench-secret --port "127.0.0.1:$port" posix "$s3dir" >"$BENCH_OUT/versitygw.log" 2>&1 &
  vgw_pid=$!
  for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break 2
    kill -0 "$vgw_pid" 2>/dev/null || break
    sleep 0.1
  done
  kill "$vgw_pid" 2>/dev/null || true
  vgw_pid=
done
[ -n "$vgw_pid" ] || { cat "$BENCH_OUT/versitygw.log" >&2; die "versitygw did not start"; }
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench-secret AWS_REGION=us-east-1 \
  AWS_ENDPOINT_URL=http://127.0.0.1:$port AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null \
  AWS_EC2_METADATA_DISABLED=true
unset AWS_PROFILE AWS_SESSION_TOKEN AWS_ENDPOINT_URL_S3
log "versitygw on 127.0.0.1:$port serving $s3dir"

# timed CMD...: one run, output discarded; prints "wall cpu".
timed() {
  "$TIME" -f '%e %U %S' -o "$BENCH_OUT/remote-time.txt" "$@" >/dev/null 2>"$BENCH_OUT/remote-err.txt" ||
    { cat "$BENCH_OUT/remote-err.txt" >&2; die "failed: $*"; }
  tail -n 1 "$BENCH_OUT/remote-time.txt" | awk '{ printf "%s %.2f\n", $1, $2 + $3 }'
}

# best CUR NEW: the "wall cpu" with the lesser wall time.
best() { if [ -z "$1" ] || awk -v a="${2%% *}" -v b="${1%% *}" 'BEGIN { exit !(a < b) }'; then echo "$2"; else echo "$1"; fi; }

# fresh_db: an empty database bench_remote, checkpointed (not timed).
fresh_db() {
  psql15 -d postgres -c "DROP DATABASE IF EXISTS bench_remote WITH (FORCE)" \
    -c "CREATE DATABASE bench_remote TEMPLATE template0" -c "CHECKPOINT" >/dev/null 2>&1 ||
    die "cannot recreate database bench_remote"
}

# download: the whole object by one signed GET (curl), the floor for
# reading it from the store.
download=(curl -sSf --aws-sigv4 "aws:amz:us-east-1:s3" --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY"
  -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" -o /dev/null)

# compare LABEL CMD-BEFORE-ARCHIVE...: BENCH_RUNS runs of CMD on the file and
# on the S3 object, alternating, and of a plain download of the object; a
# restore gets a fresh database each run. Appends a table row.
compare() {
  local label=$1 a=$2 i l= r= d= x; shift 2
  local file=$BENCH_OUT/audit-$a.dump url=s3://bench/audit-$a.dump
  for ((i = 0; i < BENCH_RUNS; i++)); do
    for side in $( ((i % 2)) && echo "s3 file" || echo "file s3"); do
      [[ " $* " != *" restore "* ]] || fresh_db
      if [ "$side" = file ]; then x=$(timed "$@" "$file"); l=$(best "$l" "$x"); else x=$(timed "$@" "$url"); r=$(best "$r" "$x"); fi
    done
    x=$(timed "${download[@]}" "$AWS_ENDPOINT_URL/bench/audit-$a.dump"); d=$(best "$d" "$x")
    log "  $label $a run $((i + 1)): file ${l%% *} s, s3 ${r%% *} s, download ${d%% *} s (best so far)"
  done
  awk -v lab="$label" -v a="$a" -v l="$l" -v r="$r" -v d="$d" -v sz="$(stat -c %s "$file")" 'BEGIN {
    split(l, x, " "); split(r, y, " "); split(d, z, " ")
    printf "| %s | %s | %.1f | %.2f / %.2f | %.2f / %.2f | %.2f | %.2fx |\n", lab, a, sz / 1e6, x[1], x[2], y[1], y[2], z[1], (x[1] > 0 ? y[1] / x[1] : 0)
  }' >>"$results"
}

results=$BENCH_OUT/remote.md
{
  echo "| archive | MB | pgdrill list: requests | bytes fetched |"
  echo "|---|---:|---:|---:|"
} >"$results"
for a in $BENCH_REMOTE_ARCHIVES; do
  stats=$("$pgdrill" list --remote-stats "s3://bench/audit-$a.dump" 2>&1 >/dev/null | grep 'requests, ')
  awk -v a="$a" -v s="$stats" -v sz="$(stat -c %s "$BENCH_OUT/audit-$a.dump")" 'BEGIN {
    n = split(s, w, " "); printf "| %s | %.1f | %s | %s |\n", a, sz / 1e6, w[n-6], w[n-4] }' >>"$results"
done
{
  echo
  echo "| command | archive | MB | file wall / cpu s | S3 wall / cpu s | download wall s | S3 / file |"
  echo "|---|---|---:|---:|---:|---:|---:|"
} >>"$results"
for a in $BENCH_REMOTE_ARCHIVES; do
  compare "cat --all" "$a" "$pgdrill" cat --all
done
server_start bench-remote tcp
for a in $BENCH_REMOTE_ARCHIVES; do
  for j in 1 2; do
    compare "restore -j$j" "$a" "$pgdrill" restore -j "$j" -d bench_remote
  done
done
echo
echo "S3 (versitygw on loopback) vs file: best wall time of $BENCH_RUNS runs; cpu = user + system of pgdrill; load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$results"
