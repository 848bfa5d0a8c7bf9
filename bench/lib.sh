# lib.sh — what the bench scripts share: messages, and a throwaway
# PostgreSQL 15 server (temp dir, free port, always stopped on exit).
# Source it after setting PG15_BIN.
#
#   server_start [NAME] [tcp]   # initdb + start; exports PGHOST, PGPORT, PGUSER
#                               # (PGHOST is the Unix socket, or 127.0.0.1 with tcp)
#   server_stop                 # also run on exit
#   as_pg CMD...                # as the postgres OS user when root
#   psql15 ARGS...              # psql without .psqlrc, stopping on the first error
#   load_audit ROWS             # database "audit": one audit-log-like table of ROWS rows

log() { printf '%s\n' "bench: $*" >&2; }
die() { log "$*"; exit 1; }

srv_dir= srv_up=

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

server_stop() {
  if [ -n "$srv_up" ]; then
    as_pg "$PG15_BIN/pg_ctl" -D "$srv_dir/data" -m fast -w stop >/dev/null 2>&1 || true
    srv_up=
  fi
  if [ -n "$srv_dir" ]; then rm -rf "$srv_dir"; srv_dir=; fi
}
trap server_stop EXIT
trap 'exit 130' INT TERM

server_start() {
  [ -z "$srv_up" ] || return 0
  local name=${1:-bench} mode=${2:-socket} port
  [ -x "$PG15_BIN/pg_ctl" ] || die "no PostgreSQL 15 in $PG15_BIN"
  srv_dir=$(mktemp -d "${TMPDIR:-/tmp}/pgdrill-$name.XXXXXX")
  [ "$(id -u)" != 0 ] || chown postgres: "$srv_dir"
  as_pg mkdir "$srv_dir/sock"
  as_pg "$PG15_BIN/initdb" -D "$srv_dir/data" -U postgres -A trust -E UTF8 --locale=C \
    --no-sync >"$srv_dir/initdb.log" 2>&1 || { cat "$srv_dir/initdb.log" >&2; die "initdb failed"; }
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    port=$((20000 + RANDOM % 40000))
    ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || continue
    if as_pg "$PG15_BIN/pg_ctl" -D "$srv_dir/data" -l "$srv_dir/server.log" -w -t 60 \
        -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$srv_dir/sock -c timezone=UTC -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_wal_size=4GB" \
        start >/dev/null; then
      srv_up=1
      break
    fi
  done
  [ -n "$srv_up" ] || { cat "$srv_dir/server.log" >&2; die "could not start the server"; }
  if [ "$mode" = tcp ]; then
    export PGHOST=127.0.0.1
  else
    export PGHOST="$srv_dir/sock"
  fi
  export PGPORT="$port" PGUSER=postgres
  log "server up on port $port ($srv_dir)"
}

psql15() { "$PG15_BIN/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }

# load_audit ROWS: creates database "audit" holding public.audit_events, ROWS
# deterministic rows shaped like an audit log (~354 bytes of COPY text each).
# The archives of run.sh and the database of dump.sh are this table.
load_audit() {
  psql15 -d postgres -c 'CREATE DATABASE audit TEMPLATE template0'
  psql15 -d audit <<SQL
CREATE TABLE public.audit_events (
  id       text PRIMARY KEY,
  actor    text NOT NULL,
  action   text NOT NULL,
  details  jsonb NOT NULL,
  ts       timestamptz NOT NULL,
  row_hash text NOT NULL
);
INSERT INTO public.audit_events
SELECT md5(i::text)::uuid::text,
       'user_' || (i % 5003) || '@example.com',
       (ARRAY['insert', 'update', 'delete', 'login', 'logout', 'grant'])[1 + i % 6],
       jsonb_build_object(
         'ip', '10.' || (i % 251) || '.' || (i / 251 % 256) || '.' || (i % 7 + 1),
         'session', md5((i::bigint * 7919)::text),
         'table', 'orders_' || (i % 37),
         'row', i::bigint * 13 % 1000003,
         'changed', jsonb_build_array('status', 'amount', 'note_' || (i % 11)),
         'note', repeat('ok ', i % 23)),
       timestamptz '2024-01-01 00:00:00+00' + i * interval '1.234567 second',
       encode(sha256(convert_to(i::text, 'UTF8')), 'hex')
FROM generate_series(1, $1) AS i;
VACUUM ANALYZE public.audit_events;
SQL
}
