#!/usr/bin/env bash
# Read throughput of one server on PostgreSQL by the size of its connection pool (issue 15):
# `lingyan serve --demo --db-pool N --threads 4` on a fresh database, then wrk (2 threads,
# 16 connections, 10 s) on two reads that go to the database under the shared store lock:
# the audit log (admin, 500 entries a page) and the ticket list (county, 50 a page).
# Prints wrk's figures per pool size; never fails on time.
#   usage: scripts/with-postgres.sh bench/db_pool_bench.sh BIN [POOL SIZES…]   (default: 1 4)
set -euo pipefail
BIN=$(realpath "${1:?usage: db_pool_bench.sh BIN [POOL SIZES…]}")
shift
SIZES=("$@")
[ $# -eq 0 ] && SIZES=(1 4)
[ -n "${LINGYAN_TEST_PG:-}" ] || { echo "run under scripts/with-postgres.sh"; exit 1; }
command -v wrk >/dev/null || { echo "wrk missing (apt-get install wrk)"; exit 1; }
DIR=$(mktemp -d /tmp/lingyan-poolbench.XXXXXX)
PID=""
cleanup() { [ -n "$PID" ] && { kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; }; rm -rf "$DIR"; }
trap cleanup EXIT
echo "bench-metrics-token-0123456789" >"$DIR/token"
psql -q "$LINGYAN_TEST_PG" -c "DROP DATABASE IF EXISTS poolbench WITH (FORCE)" -c "CREATE DATABASE poolbench"
DB="${LINGYAN_TEST_PG/dbname=postgres/dbname=poolbench}"
login() {  # login USER → "cookie"
  curl -fsS -D - -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"username\": \"$1\", \"password\": \"lingyan-demo\"}" "$URL/api/v1/session" |
    sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' | head -1
}
for n in "${SIZES[@]}"; do
  "$BIN" serve --db "$DB" --audit-key "$DIR/k.audit-key" --port 0 --quiet --demo --threads 4 --db-pool "$n" \
    --metrics-token-file "$DIR/token" \
    >"$DIR/serve.log" 2>&1 & PID=$!
  for _ in $(seq 600); do grep -q "listening on port" "$DIR/serve.log" && break; sleep 0.5; done
  PORT=$(sed -n 's/.*listening on port \([0-9]*\).*/\1/p' "$DIR/serve.log" | head -1)
  [ -n "$PORT" ] || { cat "$DIR/serve.log" >&2; exit 1; }
  URL="http://127.0.0.1:$PORT"
  ADMIN=$(login admin)
  COUNTY=$(login county)
  curl -fsS -H "Cookie: $COUNTY" "$URL/api/v1/tickets?per_page=50" -o /dev/null  # the day's recolouring first
  for target in "admin /api/v1/audit?size=500" "county /api/v1/tickets?per_page=50"; do
    who=${target%% *}; path=${target#* }
    cookie=$ADMIN; [ "$who" = county ] && cookie=$COUNTY
    echo "== pool $n: GET $path ($who), load $(cut -d' ' -f1 /proc/loadavg)"
    wrk -t2 -c16 -d10s --latency -H "Cookie: $cookie" "$URL$path" | grep -E '50%|99%|Requests/sec|Non-2xx'
  done
  curl -fsS -H "Authorization: Bearer $(cat "$DIR/token")" "$URL/metrics" | grep -E '^lingyan_db_pool_(size|waits_total|timeouts_total)' || true
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
done
