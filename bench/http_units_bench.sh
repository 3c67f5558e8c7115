#!/usr/bin/env bash
# HTTP throughput of GET /api/v1/units?parent=… (a page of 50) with a logged-in session,
# 20,000 units and 200,000 people, SQLite and (when LINGYAN_TEST_PG is set, e.g. under
# scripts/with-postgres.sh) PostgreSQL. Prints wrk's figures; never fails on time.
#   usage: bench/http_units_bench.sh BIN [UNITS PEOPLE]
set -euo pipefail
bin=${1:?usage: http_units_bench.sh BIN}
units=${2:-20000}; people=${3:-200000}
command -v wrk >/dev/null || { echo "wrk missing (apt-get install wrk)"; exit 1; }
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d); trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$tmp"' EXIT
# Argon2id hash of "bench-password" (m=19456,t=2,p=1), made by a throwaway database.
"$bin" migrate --db "sqlite:$tmp/h.db" >/dev/null
LINGYAN_PASSWORD=bench-password "$bin" user add h --role admin --db "sqlite:$tmp/h.db" >/dev/null
hash=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select password_hash from users').fetchone()[0])" "$tmp/h.db")
python3 "$root/bench/gen_roster_sql.py" "$units" "$people" "$hash" >"$tmp/roster.sql"

run_one() {  # name db_url
  local name=$1 db=$2 port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  "$bin" serve --db "$db" --port "$port" --quiet --threads 2 >"$tmp/serve-$name.log" 2>&1 &
  local pid=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.1; done
  local cookie
  cookie=$(curl -si -X POST "http://127.0.0.1:$port/api/v1/session" -d '{"username":"bench","password":"bench-password"}' |
    tr -d '\r' | sed -n 's/^Set-Cookie: \(lingyan_session=[^;]*\).*/\1/p')
  local parent
  parent=$(curl -s -H "Cookie: $cookie" "http://127.0.0.1:$port/api/v1/units?q=320101001000&size=1" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
  echo "== $name: GET /api/v1/units?parent=$parent&size=50 ($units units, $people people)"
  wrk -t2 -c64 -d10s --latency -H "Cookie: $cookie" "http://127.0.0.1:$port/api/v1/units?parent=$parent&size=50" |
    grep -E "Requests/sec|Latency|99%|50%|Non-2xx"
  echo "== $name: GET /api/v1/people?unit=…&size=50"
  wrk -t2 -c64 -d10s --latency -H "Cookie: $cookie" "http://127.0.0.1:$port/api/v1/people?unit=$parent&size=50" |
    grep -E "Requests/sec|99%|50%|Non-2xx"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

"$bin" migrate --db "sqlite:$tmp/bench.db" >/dev/null
python3 - "$tmp/bench.db" "$tmp/roster.sql" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1]); con.isolation_level = None
con.executescript(open(sys.argv[2]).read())
PY
run_one sqlite "sqlite:$tmp/bench.db"

if [ -n "${LINGYAN_TEST_PG:-}" ]; then
  psql "$LINGYAN_TEST_PG" -qc "CREATE DATABASE lingyan_bench" >/dev/null
  pg="${LINGYAN_TEST_PG/dbname=postgres/dbname=lingyan_bench}"
  "$bin" migrate --db "$pg" >/dev/null
  psql "$pg" -q -f "$tmp/roster.sql" >/dev/null
  psql "$pg" -qc "SELECT setval('units_id_seq', (SELECT max(id) FROM units)); SELECT setval('people_id_seq', (SELECT max(id) FROM people)); SELECT setval('positions_id_seq', (SELECT max(id) FROM positions));" >/dev/null
  run_one postgres "$pg"
else
  echo "(PostgreSQL skipped: run under scripts/with-postgres.sh to include it)"
fi
