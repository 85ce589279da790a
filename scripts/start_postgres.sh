#!/usr/bin/env bash
# Start a local PostgreSQL for the store tests; print the URL to export as WIRECODER_TEST_PG and
# write it to .cache/postgres.env (read by scripts/test_env.sh).
# Idempotent: starts the Debian cluster only if it is down, creates the role and database only if missing.
#   eval "$(scripts/start_postgres.sh)"   # sets WIRECODER_TEST_PG
set -euo pipefail
VER="${PG_VERSION:-15}"
CLUSTER="${PG_CLUSTER:-main}"
PORT="${PG_PORT:-5432}"
ROLE="${PG_ROLE:-wirecoder}"
PASS="${PG_PASSWORD:-wirecoder}"
DB="${PG_DB:-wirecoder_test}"

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "PostgreSQL is not installed: apt-get update && apt-get install -y postgresql" >&2
  exit 1
fi
if ! pg_lsclusters -h | awk -v v="$VER" -v c="$CLUSTER" '$1==v && $2==c {found=1} END {exit !found}'; then
  pg_createcluster "$VER" "$CLUSTER" --port "$PORT" >&2
fi
if ! pg_lsclusters -h | awk -v v="$VER" -v c="$CLUSTER" '$1==v && $2==c && $4=="online" {found=1} END {exit !found}'; then
  pg_ctlcluster "$VER" "$CLUSTER" start >&2
fi
for _ in $(seq 1 30); do
  pg_isready -h 127.0.0.1 -p "$PORT" -q && break
  sleep 0.5
done
psql_su() { su postgres -c "psql -p $PORT -v ON_ERROR_STOP=1 -qtA $*"; }
if [ "$(psql_su "-c \"SELECT 1 FROM pg_roles WHERE rolname='$ROLE'\"")" != "1" ]; then
  psql_su "-c \"CREATE ROLE $ROLE LOGIN PASSWORD '$PASS'\"" >&2
fi
if [ "$(psql_su "-c \"SELECT 1 FROM pg_database WHERE datname='$DB'\"")" != "1" ]; then
  psql_su "-c \"CREATE DATABASE $DB OWNER $ROLE\"" >&2
fi
URL="postgresql://$ROLE:$PASS@127.0.0.1:$PORT/$DB"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$ROOT/.cache"
echo "WIRECODER_TEST_PG=$URL" > "$ROOT/.cache/postgres.env"
echo "export WIRECODER_TEST_PG=$URL"
