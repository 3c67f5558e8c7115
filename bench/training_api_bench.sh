#!/usr/bin/env bash
# HTTP figures of the training pages that scan people: a page of pool candidates
# (GET /api/v1/pools/{id}/candidates?limit=50 — every person of the pool's unit is checked
# against the rules on each request, then one page is cut) and the ladder list
# (GET /api/v1/ladder?unit=…&graded=1, everyone graded once), for a county and for the whole
# province, on SQLite with the province-scale roster of bench/gen_roster_sql.py. Prints wrk's figures; never fails on time.
#   usage: bench/training_api_bench.sh BIN [UNITS PEOPLE]
set -euo pipefail
bin=${1:?usage: training_api_bench.sh BIN}
units=${2:-20000}; people=${3:-200000}
command -v wrk >/dev/null || { echo "wrk missing (apt-get install wrk)"; exit 1; }
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d); trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$tmp"' EXIT
"$bin" migrate --db "sqlite:$tmp/h.db" >/dev/null
LINGYAN_PASSWORD=bench-password "$bin" user add h --role admin --db "sqlite:$tmp/h.db" >/dev/null
hash=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select password_hash from users').fetchone()[0])" "$tmp/h.db")
python3 "$root/bench/gen_roster_sql.py" "$units" "$people" "$hash" >"$tmp/roster.sql"
"$bin" migrate --db "sqlite:$tmp/bench.db" >/dev/null
python3 - "$tmp/bench.db" "$tmp/roster.sql" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1]); con.isolation_level = None
con.executescript(open(sys.argv[2]).read())
# Everyone graded once (2024-01-01), as a county that runs the ladder for all its cadres.
con.execute("INSERT INTO ladder_steps (person_id, post, level, effective_date, reason, recorded_by, recorded_at) "
            "SELECT id, '两委委员', 1 + id % 15, '2024-01-01', '初定', 'bench', '' FROM people")
PY

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$bin" serve --db "sqlite:$tmp/bench.db" --port "$port" --quiet --threads 2 >"$tmp/serve.log" 2>&1 &
pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.1; done
login=$(curl -si -X POST "http://127.0.0.1:$port/api/v1/session" -d '{"username":"bench","password":"bench-password"}' | tr -d '\r')
cookie=$(sed -n 's/^Set-Cookie: \(lingyan_session=[^;]*\).*/\1/p' <<<"$login")
csrf=$(sed -n '/^{/p' <<<"$login" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d.get("csrf_token") or d["user"]["csrf_token"])')
unit_id() {  # code
  curl -s -H "Cookie: $cookie" "http://127.0.0.1:$port/api/v1/units?q=$1&size=1" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])'
}
county=$(unit_id 320101000000)
province=$(unit_id 320000000000)
pool() {  # scope name
  curl -s -X POST -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" "http://127.0.0.1:$port/api/v1/pools" \
    -d "{\"name\":\"$2\",\"scope_unit_id\":$1,\"quota\":40,\"rules\":{\"max_age\":35,\"min_education\":\"junior_college\"}}" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}
county_pool=$(pool "$county" 县兴村特岗)
province_pool=$(pool "$province" 省兴村特岗)
# 8 connections for the county, 2 for the province (slow requests left running after one wrk
# run would otherwise queue into the next).
for spec in "county:$county_pool:$county:8" "province:$province_pool:$province:2"; do
  IFS=: read -r name pool_id unit conns <<<"$spec"
  total=$(curl -s -H "Cookie: $cookie" "http://127.0.0.1:$port/api/v1/pools/$pool_id/candidates?limit=1" |
    python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["total"], "candidates,", d["eligible"], "eligible")')
  echo "== $name pool ($total): GET /api/v1/pools/$pool_id/candidates?limit=50&offset=100"
  wrk -t2 -c"$conns" -d10s --latency -H "Cookie: $cookie" "http://127.0.0.1:$port/api/v1/pools/$pool_id/candidates?limit=50&offset=100" |
    grep -E "Requests/sec|50%|99%|Non-2xx"
  echo "== $name: GET /api/v1/ladder?unit=$unit&graded=1"
  wrk -t2 -c"$conns" -d10s --latency -H "Cookie: $cookie" "http://127.0.0.1:$port/api/v1/ladder?unit=$unit&graded=1" |
    grep -E "Requests/sec|50%|99%|Non-2xx"
done
kill "$pid"; wait "$pid" 2>/dev/null || true
