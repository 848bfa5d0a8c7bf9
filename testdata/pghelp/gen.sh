#!/bin/sh
# Writes the --help text of pg_dump and pg_restore 15, 17 and 18 that
# cmd/pgdrill's TestFlagsMatchPgTools checks pgdrill's flags against, so the
# test needs no PostgreSQL binaries. Run from the repository root:
#   sh testdata/pghelp/gen.sh
set -eu
PG15_BIN=${PG15_BIN:-/usr/lib/postgresql/15/bin}
PG17=${PG17:-$(cd "$(dirname "$0")/../../.." && pwd)/shared/tools/pg17}
# shared/tools/pgbin 18 installs PostgreSQL 18 and prints its bin directory.
PG18_BIN=${PG18_BIN:-$("$(cd "$(dirname "$0")/../../.." && pwd)/shared/tools/pgbin" 18)}
out=$(dirname "$0")
for p in pg_dump pg_restore; do
  "$PG15_BIN/$p" --version > "$out/$p-15.txt"
  "$PG15_BIN/$p" --help >> "$out/$p-15.txt"
  "$PG17" "$p" --version > "$out/$p-17.txt"
  "$PG17" "$p" --help >> "$out/$p-17.txt"
  "$PG18_BIN/$p" --version > "$out/$p-18.txt"
  "$PG18_BIN/$p" --help >> "$out/$p-18.txt"
done
