#!/usr/bin/env bash
# Mixed soak: wrk against `lingyan serve --demo` (SQLite, or PostgreSQL when LINGYAN_TEST_PG is set
# and BACKEND=postgres) for MINUTES, 90 % reads (units, people, points leaderboard, a person) and
# 10 % writes (a new person), 2 threads × 32 connections; the server's RSS sampled every 30 s.
# Prints wrk's totals and the RSS series; fails on any non-2xx answer or socket error, never on time.
#   usage: bench/soak_wrk.sh BIN [MINUTES] [sqlite|postgres]
set -euo pipefail
BIN=$(realpath "${1:?usage: soak_wrk.sh BIN [MINUTES] [BACKEND]}")
MIN=${2:-30}; BACKEND=${3:-sqlite}
command -v wrk >/dev/null || { echo "wrk missing (apt-get install wrk)"; exit 1; }
DIR=$(mktemp -d /tmp/lingyan-soak.XXXXXX)
PID=""
cleanup() { [ -n "$PID" ] && { kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; }; rm -rf "$DIR"; }
trap cleanup EXIT
if [ "$BACKEND" = postgres ]; then
  psql -q "$LINGYAN_TEST_PG" -c "DROP DATABASE IF EXISTS soak WITH (FORCE)" -c "CREATE DATABASE soak"
  DB="${LINGYAN_TEST_PG/dbname=postgres/dbname=soak}"
else
  DB="sqlite:$DIR/soak.db"
fi
"$BIN" serve --db "$DB" --audit-key "$DIR/k.audit-key" --data-dir "$DIR/data" --port 0 --quiet --demo >"$DIR/serve.log" 2>&1 & PID=$!
for _ in $(seq 1200); do grep -q "listening on port" "$DIR/serve.log" && break; sleep 0.05; done
PORT=$(sed -n 's/.*listening on port \([0-9]*\).*/\1/p' "$DIR/serve.log" | head -1)
URL="http://127.0.0.1:$PORT"
login=$(curl -si -X POST "$URL/api/v1/session" -H 'Content-Type: application/json' -d '{"username":"town","password":"lingyan-demo"}' | tr -d '\r')
COOKIE=$(sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' <<<"$login" | head -1)
CSRF=$(sed -n '/^{/p' <<<"$login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
UNIT=$(curl -s -H "Cookie: $COOKIE" "$URL/api/v1/units?q=%E7%81%B5%E6%B9%96%E6%9D%91" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
PERSON=$(curl -s -H "Cookie: $COOKIE" "$URL/api/v1/people?unit=$UNIT&size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
cat >"$DIR/mix.lua" <<LUA
local n = 0
local digits = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" }
local reads = { "/api/v1/units?parent=$UNIT&size=50", "/api/v1/people?unit=$UNIT&size=50",
                "/api/v1/points/leaderboard?top=50", "/api/v1/people/$PERSON", "/api/v1/units/$UNIT" }
wrk.headers["Cookie"] = "$COOKIE"
request = function()
  n = n + 1
  if n % 10 == 0 then
    -- names take no digits (the roster refuses them): n spelt in Chinese numerals
    local name = tostring(n):gsub("%d", function(c) return digits[tonumber(c) + 1] end)
    local body = '{"unit_id":$UNIT,"name":"压测' .. name .. '","gender":"male","birth_date":"1990-01-01","education":"high"}'
    return wrk.format("POST", "/api/v1/people", { ["Content-Type"] = "application/json", ["X-CSRF-Token"] = "$CSRF",
                      ["Cookie"] = "$COOKIE" }, body)
  end
  return wrk.format("GET", reads[n % #reads + 1])
end
LUA
echo "== soak $MIN min on $BACKEND (pid $PID): 90 % reads, 10 % writes, wrk -t2 -c32"
( for _ in $(seq $((MIN * 2 + 1))); do
    echo "  rss $(date -u +%H:%M:%S) $(awk '/VmRSS/ {print $2, $3}' /proc/$PID/status)"; sleep 30
  done ) & SAMPLER=$!
wrk -t2 -c32 -d"${MIN}m" --latency -s "$DIR/mix.lua" "$URL" >"$DIR/wrk.out"
grep -E "requests in|Requests/sec|Latency|50%|99%|Non-2xx|Socket errors" "$DIR/wrk.out"
kill $SAMPLER 2>/dev/null || true; wait $SAMPLER 2>/dev/null || true
echo "  rss $(date -u +%H:%M:%S) $(awk '/VmRSS/ {print $2, $3}' /proc/$PID/status) (end)"
# An answer other than 2xx (or a socket error) fails the soak: the mix sends only valid requests.
if grep -qE "Non-2xx|Socket errors" "$DIR/wrk.out"; then echo "soak: errors (above)"; exit 1; fi
