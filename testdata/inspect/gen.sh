#!/usr/bin/env bash
# gen.sh — regenerate the archives inspect resolves column types in, the
# server's own figures for them, and inspect's golden reports (see README.md
# beside this file). Run it from anywhere: `bash testdata/inspect/gen.sh`.
#
# Needs PostgreSQL 15 (server and client) in $PG15_BIN, the PostgreSQL 17
# client wrapper in $PG17 (default: ../shared/tools/pg17 beside the repo) and
# go. It starts a throwaway server (bench/lib.sh: temp dir, free port,
# TimeZone UTC, always stopped on exit), loads schema.sql, dumps it, asks the
# server for each date/time column's figures (server.want), writes the golden
# reports with `go run ./cmd/pgdrill inspect`, and stops the server. Every
# file it writes is rewritten from scratch. Tests never run this script.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
PG15_BIN=${PG15_BIN:-/usr/lib/postgresql/15/bin}
PG17=${PG17:-$(cd "$repo/.." && pwd)/shared/tools/pg17}
[ -x "$PG17" ] || { echo "gen.sh: no pg17 wrapper at $PG17" >&2; exit 1; }

# Only what this script sets may reach libpq: a stray PGDATESTYLE or
# PGOPTIONS would change the COPY text and the server's figures alike.
unset PGDATABASE PGOPTIONS PGCLIENTENCODING PGSERVICE PGSERVICEFILE PGPASSWORD \
      PGPASSFILE PGSSLMODE PGTZ PGDATESTYLE PGAPPNAME PGCONNECT_TIMEOUT
export LC_ALL=C LANG=C TZ=UTC

# shellcheck source=../../bench/lib.sh
. "$repo/bench/lib.sh"
server_start inspect-gen

psql15 -d postgres -c 'CREATE DATABASE inspect TEMPLATE template0'
psql15 -d inspect -f "$here/schema.sql" >/dev/null

rm -f "$here"/*.dump "$here"/*.txt "$here"/*.json "$here"/*.want

# The whole database from both pg_dump versions, and only some tables (as
# with -t), whose parents, types and domains are then not in the archive.
PGTZ=UTC "$PG15_BIN/pg_dump" -Fc -d inspect -f "$here/pg15.dump"
PGTZ=UTC "$PG17" pg_dump -Fc -Z zstd -d inspect -f "$here/pg17.dump"
PGTZ=UTC "$PG17" pg_dump -Fc -Z zstd -d inspect -f "$here/pg17-tables.dump" \
  -t public.child -t public.periods -t public.domains -t public.readings_2024 \
  -t '"Odd Schema"."Kid"'

# server.want: the server's own figures, one tab-separated line each.
#   table  SCHEMA  TABLE  ROWS
#   column SCHEMA  TABLE  COLUMN KIND VALUES NULLS INFINITE FRACTIONAL MIN MAX FINITEMIN FINITEMAX
# for every ordinary table and every column whose type, through any domains,
# is timestamptz, timestamp, date or time (KIND array: an array of one, with
# only VALUES and NULLS). Rows are FROM ONLY the table, as its COPY data holds them; an
# empty MIN..FINITEMAX is NULL. Text as COPY prints it (DateStyle ISO, UTC).
psql15 -d inspect -At -F $'\t' >"$here/server.want" <<'SQL'
CREATE FUNCTION pg_temp.base_type(t regtype) RETURNS regtype LANGUAGE sql AS $$
  WITH RECURSIVE d(oid) AS (
    SELECT t::oid
    UNION ALL
    SELECT p.typbasetype FROM pg_type p JOIN d ON p.oid = d.oid WHERE p.typtype = 'd')
  SELECT d.oid::regtype FROM d JOIN pg_type p ON p.oid = d.oid WHERE p.typtype <> 'd' $$;
CREATE TEMP VIEW cols AS
  SELECT n.nspname, c.relname, a.attname, a.attnum,
         format('%I.%I', n.nspname, c.relname) AS qualified,
         CASE pg_temp.base_type(a.atttypid)
           WHEN 'timestamptz'::regtype THEN 'timestamptz'
           WHEN 'timestamp'::regtype THEN 'timestamp'
           WHEN 'date'::regtype THEN 'date'
           WHEN 'time'::regtype THEN 'time'
           ELSE CASE WHEN pg_temp.base_type(e.typelem) IN
                       ('timestamptz'::regtype, 'timestamp'::regtype, 'date'::regtype, 'time'::regtype)
                     THEN 'array' END
         END AS kind
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    JOIN pg_type e ON e.oid = pg_temp.base_type(a.atttypid)
   WHERE c.relkind = 'r' AND n.nspname IN ('public', 'Odd Schema');
SET DateStyle = ISO;
SET TimeZone = UTC;
SELECT format($q$SELECT 'table', %L, %L, count(*) FROM ONLY %s$q$, nspname, relname, qualified)
  FROM (SELECT DISTINCT nspname, relname, qualified FROM cols) t
 ORDER BY nspname, relname
\gexec
SELECT CASE WHEN kind = 'array' THEN
         format($q$SELECT 'column', %L, %L, %L, 'array', count(%I), count(*) - count(%I),
                         '', '', '', '', '', '' FROM ONLY %s$q$,
                nspname, relname, attname, attname, attname, qualified)
       ELSE
         format($q$SELECT 'column', %L, %L, %L, %L, count(v), count(*) - count(v),
                         count(v) FILTER (WHERE NOT %s), count(*) FILTER (WHERE %s),
                         min(v)::text, max(v)::text,
                         min(v) FILTER (WHERE %s)::text, max(v) FILTER (WHERE %s)::text
                    FROM (SELECT %I::%s AS v FROM ONLY %s) t$q$,
                nspname, relname, attname, kind,
                CASE kind WHEN 'time' THEN 'true' ELSE 'isfinite(v)' END,
                CASE kind WHEN 'date' THEN 'false'
                          WHEN 'time' THEN 'date_trunc(''second'', v::interval) <> v::interval'
                          ELSE 'date_trunc(''second'', v) <> v' END,
                CASE kind WHEN 'time' THEN 'true' ELSE 'isfinite(v)' END,
                CASE kind WHEN 'time' THEN 'true' ELSE 'isfinite(v)' END,
                attname, kind, qualified)
       END
  FROM cols WHERE kind IS NOT NULL
 ORDER BY nspname, relname, attnum
\gexec
SQL

# The goldens: inspect's reports, named as from the repository root.
cd "$repo"
for a in pg15 pg17 pg17-tables; do
  go run ./cmd/pgdrill inspect --timezone UTC "testdata/inspect/$a.dump" >"$here/$a.txt"
  go run ./cmd/pgdrill inspect --timezone UTC --json "testdata/inspect/$a.dump" >"$here/$a.json"
done

echo "gen.sh: wrote $(cd "$here" && ls ./*.dump ./*.txt ./*.json ./*.want | tr '\n' ' ')"
