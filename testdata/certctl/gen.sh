#!/usr/bin/env bash
# gen.sh — real pg_dump 15 and 17 backups of the certctl-shaped schema in
# ../migrations (see README.md here). Run from anywhere; tests never run it.
#
# Needs PostgreSQL 15 (server and client) in $PG15_BIN and the PostgreSQL 17
# client wrapper $PG17. It starts a throwaway PostgreSQL 15 server (bench/lib.sh),
# applies every *.up.sql with psql -v ON_ERROR_STOP=1 -f in name order, inserts
# 24 audit events through the schema's own chain trigger, and dumps. It also
# builds the roles fixtures: a database whose owners, grants, default
# privileges and policies name roles, and `pg_dumpall --roles-only` of them.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
PG15_BIN=${PG15_BIN:-/usr/lib/postgresql/15/bin}
PG17=${PG17:-$(cd "$repo/.." && pwd)/shared/tools/pg17}
[ -x "$PG17" ] || { echo "gen.sh: no pg17 wrapper at $PG17" >&2; exit 1; }

unset PGDATABASE PGOPTIONS PGCLIENTENCODING PGSERVICE PGSERVICEFILE PGPASSWORD \
      PGPASSFILE PGSSLMODE PGTZ PGDATESTYLE PGAPPNAME PGCONNECT_TIMEOUT
export LC_ALL=C LANG=C TZ=UTC

# shellcheck source=../../bench/lib.sh
. "$repo/bench/lib.sh"
server_start certctl-gen

# certctl_db NAME: a database built by the migrations plus 24 chained events.
certctl_db() {
  psql15 -d postgres -c "CREATE DATABASE $1 TEMPLATE template0"
  for f in "$repo"/testdata/migrations/*.up.sql; do
    PGOPTIONS="-c client_min_messages=warning" psql15 -d "$1" -f "$f" >/dev/null
  done
  # One row at a time, in chain order: the trigger links each to the last.
  # Details hold unicode, quotes, a backslash and '|'; some are NULL, as are
  # some categories; timestamps carry microseconds and cross a DST change.
  psql15 -d "$1" <<'SQL' >/dev/null
DO $$
DECLARE
    g int;
    actions text[] := ARRAY['certificate.issue', 'certificate.renew', 'certificate.revoke', 'auth.login'];
BEGIN
    FOR g IN 1..24 LOOP
        INSERT INTO audit_events (id, actor, actor_type, action, resource_type, resource_id, details,
                                  "timestamp", event_category, request_id, source_ip)
        VALUES (
            'evt-' || lpad(g::text, 6, '0'),
            (ARRAY['alice@example.com', 'cert-manager', 'Zoë Ünal', 'acme|client'])[1 + g % 4],
            CASE WHEN g % 2 = 0 THEN 'user' ELSE 'service' END,
            actions[1 + (g - 1) % 4],
            CASE WHEN g % 4 = 0 THEN 'session' ELSE 'certificate' END,
            'res-' || (g / 4),
            CASE WHEN g % 5 = 0 THEN NULL
                 ELSE jsonb_build_object('n', g, 'note', E'quote" back\\slash pipe| 日本', 'ok', g % 3 = 0) END,
            timestamptz '2024-03-31 00:59:58.000001+00' + g * interval '1 minute 0.250001 second',
            CASE WHEN g % 6 = 0 THEN NULL ELSE 'cert_lifecycle' END,
            ('00000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid,
            CASE WHEN g % 3 = 0 THEN NULL ELSE ('192.0.2.' || g)::inet END);
    END LOOP;
END
$$;
SQL
  test "$(psql15 -d "$1" -At -c 'SELECT first_break_pos, row_count FROM audit_events_verify_chain()')" = "-1|24"
}

certctl_db certctl
# The tampered copy: one row's actor rewritten behind the WORM trigger's back.
certctl_db tampered
psql15 -d tampered -c 'ALTER TABLE audit_events DISABLE TRIGGER audit_events_worm_trigger' \
  -c "UPDATE audit_events SET actor = 'mallory' WHERE id = 'evt-000010'" \
  -c 'ALTER TABLE audit_events ENABLE TRIGGER audit_events_worm_trigger' >/dev/null
test "$(psql15 -d tampered -At -c 'SELECT first_break_id, first_break_pos, row_count FROM audit_events_verify_chain()')" = "evt-000010|9|10"

out=$here
rm -f "$out"/*.dump "$out"/roles.sql

d15() { PGTZ=${TZONE:-UTC} "$PG15_BIN/pg_dump" "$@"; }
d17() { PGTZ=${TZONE:-UTC} "$PG17" pg_dump "$@"; }

d15 -Fc -Z0 -d certctl -f "$out/pg15-none.dump"
d15 -Fc -d certctl -f "$out/pg15-gzip.dump"
d15 -Fc -d certctl | cat >"$out/pg15-gzip-pipe.dump"
d15 -Fc --no-owner --no-acl -d certctl -f "$out/pg15-noowner.dump"
TZONE=America/St_Johns d15 -Fc -d certctl -f "$out/pg15-tz-stjohns.dump"

d17 -Fc -Z none -d certctl -f "$out/pg17-none.dump"
d17 -Fc -d certctl -f "$out/pg17-gzip.dump"
d17 -Fc -Z lz4 -d certctl -f "$out/pg17-lz4.dump"
d17 -Fc -Z zstd -d certctl -f "$out/pg17-zstd.dump"
d17 -Fc -Z zstd -d certctl | cat >"$out/pg17-zstd-pipe.dump"
d17 -Fc -Z lz4 -d certctl | cat >"$out/pg17-lz4-pipe.dump"
d17 -Fc --no-owner --no-acl -d certctl -f "$out/pg17-noowner.dump"
TZONE=Asia/Kolkata d17 -Fc -d certctl -f "$out/pg17-tz-kolkata.dump"
TZONE=Pacific/Chatham d17 -Fc -Z zstd -d certctl -f "$out/pg17-tz-chatham.dump"
d17 -Fc --no-owner --no-acl -d tampered -f "$out/pg17-tampered.dump"

# Roles: owners, grants (table, column, schema, function, sequence),
# default privileges and policies that name roles the drill's server lacks.
psql15 -d postgres >/dev/null <<'SQL'
CREATE ROLE app_owner NOLOGIN;
CREATE ROLE app_reader NOLOGIN;
CREATE ROLE app_writer LOGIN CONNECTION LIMIT 5 VALID UNTIL '2030-01-01 00:00:00+00';
CREATE ROLE "Audit Team" NOLOGIN;
CREATE ROLE auditors NOLOGIN IN ROLE "Audit Team";
GRANT app_reader TO app_writer;
CREATE DATABASE roles TEMPLATE template0;
SQL
psql15 -d roles >/dev/null <<'SQL'
CREATE SCHEMA ledger AUTHORIZATION app_owner;
SET ROLE app_owner;
CREATE TABLE ledger.entries (id bigserial PRIMARY KEY, team text NOT NULL, amount numeric(12, 2) NOT NULL, memo text);
CREATE TABLE ledger.notes (id int PRIMARY KEY, body text);
CREATE FUNCTION ledger.total(t text) RETURNS numeric LANGUAGE sql STABLE SECURITY DEFINER
    AS $$ SELECT coalesce(sum(amount), 0) FROM ledger.entries WHERE team = t $$;
CREATE VIEW ledger.by_team AS SELECT team, sum(amount) AS total FROM ledger.entries GROUP BY team;
ALTER DEFAULT PRIVILEGES IN SCHEMA ledger GRANT SELECT ON TABLES TO app_reader;
ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON FUNCTIONS TO "Audit Team";
GRANT USAGE ON SCHEMA ledger TO app_reader, app_writer, "Audit Team";
GRANT SELECT ON ALL TABLES IN SCHEMA ledger TO app_reader;
GRANT INSERT, UPDATE ON ledger.entries TO app_writer;
GRANT USAGE ON SEQUENCE ledger.entries_id_seq TO app_writer;
GRANT SELECT (id) ON ledger.notes TO "Audit Team";
GRANT EXECUTE ON FUNCTION ledger.total(text) TO auditors;
REVOKE EXECUTE ON FUNCTION ledger.total(text) FROM PUBLIC;
ALTER TABLE ledger.entries ENABLE ROW LEVEL SECURITY;
CREATE POLICY reader_sees_own ON ledger.entries FOR SELECT TO app_reader USING (team = current_user);
CREATE POLICY writer_all ON ledger.entries TO app_writer, "Audit Team" USING (true) WITH CHECK (amount > 0);
INSERT INTO ledger.entries (team, amount, memo) VALUES ('a', 10.50, 'first'), ('b', 99.99, NULL), ('a', 0.01, 'tab	in memo');
INSERT INTO ledger.notes VALUES (1, 'owner-only text'), (2, 'x');
RESET ROLE;
CREATE TABLE public.plain (id int PRIMARY KEY);
ALTER TABLE public.plain OWNER TO app_writer;
GRANT ALL ON public.plain TO "Audit Team" WITH GRANT OPTION;
INSERT INTO public.plain VALUES (1), (2), (3);
SQL
d15 -Fc -d roles -f "$out/pg15-roles.dump"
d17 -Fc -Z zstd -d roles -f "$out/pg17-roles.dump"
"$PG15_BIN/pg_dumpall" --roles-only >"$out/roles.sql"

ls -l "$out"/*.dump "$out"/roles.sql >&2
