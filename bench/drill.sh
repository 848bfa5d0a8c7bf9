#!/usr/bin/env bash
# drill.sh — the restore drill, pgdrill's way against the old way, measured in
# one run. `make bench` calls it after run.sh; see BENCHMARKS.md.
#
#   bash bench/drill.sh            # cold drill comparison, then the 1M-row drill
#
# The old way is what teams script today: initdb, pg_ctl start, psql (chain
# schema + the same 24 rows through the same triggers), pg_dump -Fc, psql
# (drop schema public), pg_restore, psql (row count, head hash, SQL verifier),
# pg_ctl stop. pgdrill's way is one command: `pgdrill drill`. Then the same
# for the migration set in testdata/migrations: `pgdrill drill --migrations`
# against old_migrations below.
#
# Environment:
#   PG15_BIN        PostgreSQL 15 binaries (default /usr/lib/postgresql/15/bin)
#   BENCH_RUNS      timed runs of each drill; the median is reported (default 5)
#   BENCH_BIG_ROWS  rows of the large drill (default 1000000; 0 skips it)
#   BENCH_OUT       scratch and result directory (default bench/out, gitignored)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
PG15_BIN=${PG15_BIN:-/usr/lib/postgresql/15/bin}
BENCH_RUNS=${BENCH_RUNS:-5}
BENCH_BIG_ROWS=${BENCH_BIG_ROWS:-1000000}
BENCH_OUT=${BENCH_OUT:-$here/out}
TIME=/usr/bin/time
unset PGDATABASE PGOPTIONS PGHOST PGPORT PGUSER PGPASSWORD PGTZ
export LC_ALL=C LANG=C TZ=UTC

mkdir -p "$BENCH_OUT"
log() { printf '%s\n' "bench: $*" >&2; }
die() { log "$*"; exit 1; }
[ -x "$TIME" ] || die "needs /usr/bin/time (apt-get install time)"
[ -x "$PG15_BIN/pg_ctl" ] || die "no PostgreSQL 15 in $PG15_BIN"

pgdrill="$BENCH_OUT/pgdrill"
(cd "$repo" && go build -o "$pgdrill" ./cmd/pgdrill)

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# old_drill: the same drill with the PostgreSQL binaries and shell glue.
old_drill() {
  local dir port ok=1
  dir=$(mktemp -d "${TMPDIR:-/tmp}/pgdrill-olddrill.XXXXXX")
  [ "$(id -u)" != 0 ] || chown postgres: "$dir"
  chmod 755 "$dir"
  as_pg mkdir "$dir/sock"
  as_pg "$PG15_BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >/dev/null
  port=$((20000 + RANDOM % 40000))
  as_pg "$PG15_BIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir/sock -c timezone=UTC" start >/dev/null
  local P=("-h" "$dir/sock" "-p" "$port" "-U" "postgres")
  local psql=("$PG15_BIN/psql" -X -q -v ON_ERROR_STOP=1 "${P[@]}")
  "${psql[@]}" -d postgres -c "CREATE DATABASE drill" &&
  "${psql[@]}" -d drill -f "$repo/chain/schema.sql" >/dev/null &&
  "${psql[@]}" -d drill -c "INSERT INTO audit_events (id, actor, actor_type, action, resource_type, resource_id, details, \"timestamp\", event_category)
      SELECT 'evt-' || lpad(i::text, 6, '0'), 'acme-client', 'service', (ARRAY['certificate.issue','certificate.renew','certificate.revoke','auth.login'])[1 + i % 4],
             'certificate', 'res-' || i, jsonb_build_object('n', i), timestamptz '2024-01-01 00:00:00+00' + i * interval '1 second', 'cert_lifecycle'
      FROM generate_series(0, 23) i ORDER BY i" &&
  pre=$("${psql[@]}" -d drill -At -c "SELECT count(*) || ' ' || (SELECT row_hash FROM audit_chain_head) FROM audit_events") &&
  "$PG15_BIN/pg_dump" "${P[@]}" -Fc -f "$dir/drill.dump" drill &&
  "${psql[@]}" -d drill -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public" &&
  "$PG15_BIN/pg_restore" "${P[@]}" -d drill "$dir/drill.dump" &&
  post=$("${psql[@]}" -d drill -At -c "SELECT count(*) || ' ' || (SELECT row_hash FROM audit_chain_head) FROM audit_events") &&
  verify=$("${psql[@]}" -d drill -At -c "SELECT coalesce(first_break_id, 'clean') || ' ' || row_count FROM audit_events_verify_chain()") &&
  [ "$pre" = "$post" ] && [ "$verify" = "clean 24" ] || ok=0
  as_pg "$PG15_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
  rm -rf "$dir"
  [ $ok = 1 ] || die "old-way drill failed: pre=$pre post=$post verify=$verify"
}

# old_migrations: the migrations drill the old way, as certctl's CI gate does
# it: initdb, psql -f every testdata/migrations/*.up.sql, 24 audit events
# through the schema's own trigger, pg_dump -Fc, a fresh database,
# pg_restore, psql (row count, head hash, the schema's own verifier).
old_migrations() {
  local dir port ok=1 f
  dir=$(mktemp -d "${TMPDIR:-/tmp}/pgdrill-oldmig.XXXXXX")
  [ "$(id -u)" != 0 ] || chown postgres: "$dir"
  chmod 755 "$dir"
  as_pg mkdir "$dir/sock"
  as_pg "$PG15_BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >/dev/null
  port=$((20000 + RANDOM % 40000))
  as_pg "$PG15_BIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir/sock -c timezone=UTC" start >/dev/null
  local P=("-h" "$dir/sock" "-p" "$port" "-U" "postgres")
  local psql=("$PG15_BIN/psql" -X -q -v ON_ERROR_STOP=1 "${P[@]}")
  "${psql[@]}" -d postgres -c "CREATE DATABASE drill" || ok=0
  for f in "$repo"/testdata/migrations/*.up.sql; do
    [ $ok = 1 ] && PGOPTIONS="-c client_min_messages=warning" "${psql[@]}" -d drill -f "$f" >/dev/null || ok=0
  done
  [ $ok = 1 ] &&
  "${psql[@]}" -d drill -c "INSERT INTO audit_events (id, actor, actor_type, action, resource_type, resource_id, details, \"timestamp\", event_category, request_id)
      SELECT 'evt-' || lpad(i::text, 6, '0'), 'acme-client', 'service', 'certificate.issue', 'certificate', 'res-' || i,
             jsonb_build_object('n', i), timestamptz '2024-01-01 00:00:00+00' + i * interval '1 second', 'cert_lifecycle', gen_random_uuid()
      FROM generate_series(0, 23) i ORDER BY i" &&
  pre=$("${psql[@]}" -d drill -At -c "SELECT count(*) || ' ' || (SELECT row_hash FROM audit_chain_head) FROM audit_events") &&
  "$PG15_BIN/pg_dump" "${P[@]}" -Fc -f "$dir/drill.dump" drill &&
  "${psql[@]}" -d postgres -c "CREATE DATABASE restored" &&
  "$PG15_BIN/pg_restore" "${P[@]}" -d restored "$dir/drill.dump" &&
  post=$("${psql[@]}" -d restored -At -c "SELECT count(*) || ' ' || (SELECT row_hash FROM audit_chain_head) FROM audit_events") &&
  verify=$("${psql[@]}" -d restored -At -c "SELECT first_break_pos || ' ' || row_count FROM audit_events_verify_chain()") &&
  [ "$pre" = "$post" ] && [ "$verify" = "-1 24" ] || ok=0
  as_pg "$PG15_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
  rm -rf "$dir"
  [ $ok = 1 ] || die "old-way migrations drill failed: pre=$pre post=$post verify=$verify"
}

# median_time CMD...: runs CMD BENCH_RUNS times; prints the median wall seconds
# and the peak RSS (KiB) of the run that took it.
median_time() {
  local i line
  : >"$BENCH_OUT/drill-times.txt"
  for ((i = 0; i < BENCH_RUNS; i++)); do
    "$TIME" -f '%e %M' -o "$BENCH_OUT/drill-time.txt" "$@" >/dev/null 2>"$BENCH_OUT/stderr.txt" ||
      { cat "$BENCH_OUT/stderr.txt" >&2; die "failed: $*"; }
    tail -n 1 "$BENCH_OUT/drill-time.txt" >>"$BENCH_OUT/drill-times.txt"
  done
  sort -n "$BENCH_OUT/drill-times.txt" | sed -n "$(((BENCH_RUNS + 1) / 2))p"
}

export -f old_drill old_migrations as_pg log die
export PG15_BIN pgdrill repo
log "cold drill: pgdrill drill vs initdb + psql + pg_dump + pg_restore + psql ($BENCH_RUNS runs each, median)"
read -r new_s new_rss < <(median_time "$pgdrill" drill)
read -r old_s old_rss < <(median_time bash -c old_drill)
# A first-ever run also builds the embedded server's cluster template.
cache=/var/cache/pgdrill; [ "$(id -u)" = 0 ] || cache=${XDG_CACHE_HOME:-$HOME/.cache}/pgdrill
first=$("$TIME" -f '%e' bash -c "rm -rf '$cache/templates'; '$pgdrill' drill >/dev/null" 2>&1 | tail -n 1)

printf '\n%-44s %10s %12s\n' "drill (24 rows, cold server)" "seconds" "peak RSS"
printf '%-44s %10s %9s MiB\n' "pgdrill drill" "$new_s" "$((new_rss / 1024))"
printf '%-44s %10s %12s\n' "pgdrill drill, first run (no template cache)" "$first" "-"
printf '%-44s %10s %9s MiB\n' "old way (initdb, psql, pg_dump, pg_restore)" "$old_s" "$((old_rss / 1024))"
awk -v a="$new_s" -v b="$old_s" 'BEGIN { printf "%-44s %10.2f\n", "ratio pgdrill / old way", a / b }'

log "cold migrations drill: pgdrill drill --migrations testdata/migrations vs psql -f + pg_dump + pg_restore + psql ($BENCH_RUNS runs each, median)"
read -r mnew_s mnew_rss < <(median_time "$pgdrill" drill --migrations "$repo/testdata/migrations")
read -r mold_s mold_rss < <(median_time bash -c old_migrations)
printf '\n%-44s %10s %12s\n' "migrations drill (13 files, 24 rows, cold)" "seconds" "peak RSS"
printf '%-44s %10s %9s MiB\n' "pgdrill drill --migrations" "$mnew_s" "$((mnew_rss / 1024))"
printf '%-44s %10s %9s MiB\n' "old way (initdb, psql -f, pg_dump, pg_restore)" "$mold_s" "$((mold_rss / 1024))"
awk -v a="$mnew_s" -v b="$mold_s" 'BEGIN { printf "%-44s %10.2f\n", "ratio pgdrill / old way", a / b }'

if [ "$BENCH_BIG_ROWS" != 0 ]; then
  log "large drill: $BENCH_BIG_ROWS rows"
  "$TIME" -f '%e %M' -o "$BENCH_OUT/drill-time.txt" "$pgdrill" drill --rows "$BENCH_BIG_ROWS" --json >"$BENCH_OUT/drill-big.json"
  read -r big_s big_rss < <(tail -n 1 "$BENCH_OUT/drill-time.txt")
  printf '\n%s-row drill: %s s wall, peak RSS %s MiB with the embedded server (a child); phases:\n' "$BENCH_BIG_ROWS" "$big_s" "$((big_rss / 1024))"
  python3 - "$BENCH_OUT/drill-big.json" <<'PY'
import json, sys
rep = json.load(open(sys.argv[1]))
for p in rep["phases"]:
    print(f"  {p['name']:<16} {p['seconds']:8.2f} s")
print(f"  verdict: {'PASS' if rep['ok'] else 'FAIL'}, rows {rep['rows']}, pgdrill's own peak RSS {rep['peak_rss_bytes'] / 2**20:.1f} MiB")
PY
fi
