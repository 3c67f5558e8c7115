#!/usr/bin/env bash
# Scale-out throughput (issue 15): two `lingyan serve` on one PostgreSQL behind nginx, each pinned
# to one core (taskset), against one server pinned to one core — behind the same nginx and
# directly. A read-heavy mix through wrk (2 threads, 32 connections, DURATION s each):
#   county (姜堰区): units, a town's people, the points leaderboard, the workbench, campaigns;
#   with WRITES=1 also one write in twenty (a person added to 灵湖村 as `town`).
# Beside requests/s it prints the CPU seconds each part used (lingyan, nginx, wrk, PostgreSQL)
# from /proc, so the figure can be read per lingyan core when the load generator and the database
# share the machine's cores (on 2 cores they must). Never fails on time.
#   usage: scripts/with-postgres.sh bench/two_servers_nginx_bench.sh BIN [DURATION]
set -euo pipefail
BIN=$(realpath "${1:?usage: two_servers_nginx_bench.sh BIN [DURATION]}")
SECS=${2:-15}
WRITES=${WRITES:-0}
[ -n "${LINGYAN_TEST_PG:-}" ] || { echo "run under scripts/with-postgres.sh"; exit 1; }
for t in nginx wrk taskset; do command -v $t >/dev/null || { echo "$t missing"; exit 1; }; done
DIR=$(mktemp -d /tmp/lingyan-scaleout.XXXXXX)
PIDS=()
stop_servers() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  PIDS=()
  [ -f "$DIR/nginx.pid" ] && { kill "$(cat "$DIR/nginx.pid")" 2>/dev/null || true; sleep 0.3; rm -f "$DIR/nginx.pid"; }
  return 0
}
cleanup() {
  stop_servers
  psql -q "$LINGYAN_TEST_PG" -c "DROP DATABASE IF EXISTS scaleout WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap cleanup EXIT
source "$(dirname "$0")/../scripts/serve-helpers.sh"  # free_port, wait_port
# CPU seconds (user + system) used so far by the processes whose command matches $1.
cpu_of() {
  local ticks=0
  for p in $(pgrep -f "$1" || true); do
    [ -r "/proc/$p/stat" ] || continue
    ticks=$((ticks + $(awk '{print $14 + $15 + $16 + $17}' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo "$ticks"
}
pg_cpu() { local t=0; for p in $(pgrep -x postgres || true); do
             t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done; echo "$t"; }
HZ=$(getconf CLK_TCK)

psql -q "$LINGYAN_TEST_PG" -c "DROP DATABASE IF EXISTS scaleout WITH (FORCE)" -c "CREATE DATABASE scaleout"
DB="${LINGYAN_TEST_PG/dbname=postgres/dbname=scaleout}"
serve() {  # serve CORE LOG [--demo]: one server pinned to CORE
  taskset -c "$1" "$BIN" serve --db "$DB" --audit-key "$DIR/k.audit-key" --data-dir "$DIR/data" --port 0 --quiet \
    --threads 2 "${@:3}" >"$DIR/$2" 2>&1 &
  PIDS+=($!)
  wait_port "$DIR/$2"
}
nginx_for() {  # nginx_for PORT… → nginx's port, round-robin over the given servers
  local ng upstream=""
  ng=$(free_port)
  for p in "$@"; do upstream+="server 127.0.0.1:$p; "; done
  cat >"$DIR/nginx.conf" <<CONF
pid $DIR/nginx.pid;
error_log $DIR/nginx-error.log;
worker_processes 1;
events { worker_connections 1024; }
http {
  access_log off;
  upstream lingyan { $upstream keepalive 64; }
  server {
    listen 127.0.0.1:$ng;
    location / { proxy_pass http://lingyan; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
CONF
  nginx -c "$DIR/nginx.conf" -p "$DIR"
  echo "$ng"
}
login() {  # login URL USER → "cookie csrf"
  local head
  head=$(curl -fsS -D - -H 'Content-Type: application/json' -d "{\"username\": \"$2\", \"password\": \"lingyan-demo\"}" \
    "$1/api/v1/session" | tr -d '\r')
  echo "$(sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' <<<"$head" | head -1) $(sed -n '/^{/p' <<<"$head" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')"
}

# The demo once (first server), then the paths of the mix.
P0=$(serve 0 first.log --demo)
[ -n "$P0" ] || { cat "$DIR/first.log" >&2; exit 1; }
URL="http://127.0.0.1:$P0"
read -r COUNTY _ <<<"$(login "$URL" county)"
read -r TOWN TOWN_CSRF <<<"$(login "$URL" town)"
enc() { python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
first_id() { python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])'; }
unit_id() { curl -fsS -H "Cookie: $1" "$URL/api/v1/units?q=$(enc "$2")" | first_id; }
COUNTY_ID=$(unit_id "$COUNTY" 姜堰区)
COUNTY_TOWN=$(curl -fsS -H "Cookie: $COUNTY" "$URL/api/v1/units?parent=$COUNTY_ID" | first_id)
VILLAGE=$(unit_id "$TOWN" 灵湖村)  # town's (临湖镇) village, for the writes
PATHS=("/api/v1/units?parent=$COUNTY_ID" "/api/v1/people?unit=$COUNTY_TOWN&size=20" "/api/v1/points/leaderboard?top=20"
       "/api/v1/workbench" "/api/v1/campaigns")
for p in "${PATHS[@]}"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COUNTY" "$URL$p")
  [ "$code" = 200 ] || { echo "GET $p as county answered $code" >&2; exit 1; }
done
stop_servers

{
  echo "local paths = {"
  for p in "${PATHS[@]}"; do echo "  \"$p\","; done
  echo "}"
  cat <<LUA
local county, town, csrf, writes = "$COUNTY", "$TOWN", "$TOWN_CSRF", $WRITES
local n, id = 0, 0
function setup(thread) id = id + 1; thread:set("tid", id) end
function request()
  n = n + 1
  if writes == 1 and n % 20 == 0 then
    local name = "压测" .. string.gsub(tid .. "x" .. n, "%d", function(d) return ({"〇","一","二","三","四","五","六","七","八","九"})[d + 1] end)
    local body = '{"unit_id":$VILLAGE,"name":"' .. name .. '","gender":"male","birth_date":"1990-01-01","education":"high"}'
    return wrk.format("POST", "/api/v1/people", {["Cookie"] = town, ["X-CSRF-Token"] = csrf,
                      ["Content-Type"] = "application/json"}, body)
  end
  return wrk.format("GET", paths[n % #paths + 1], {["Cookie"] = county})
end
LUA
} >"$DIR/mix.lua"

run() {  # run LABEL URL: wrk on the mix, with the CPU each part used
  local l0 n0 w0 p0 out rps
  l0=$(cpu_of "$BIN serve"); n0=$(cpu_of "nginx: worker"); p0=$(pg_cpu)
  out=$(wrk -t2 -c32 -d"${SECS}s" --latency -s "$DIR/mix.lua" "$2")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  printf '%-44s %9s req/s  p50 %-8s p99 %-8s non-2xx %-6s cpu s: lingyan %.1f nginx %.1f postgres %.1f  load %s\n' \
    "$1" "$rps" "$(awk '/ 50%/ {print $2}' <<<"$out")" "$(awk '/ 99%/ {print $2}' <<<"$out")" \
    "$(awk '/Non-2xx/ {print $NF}' <<<"$out" | grep . || echo 0)" \
    "$(echo "($(cpu_of "$BIN serve") - $l0) / $HZ" | bc -l)" "$(echo "($(cpu_of "nginx: worker") - $n0) / $HZ" | bc -l)" \
    "$(echo "($(pg_cpu) - $p0) / $HZ" | bc -l)" "$(cut -d' ' -f1 /proc/loadavg)"
}

echo "== read-heavy mix (writes: $WRITES), ${SECS}s each, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
PA=$(serve 0 a.log)
run "one server (core 0), direct" "http://127.0.0.1:$PA"
NG=$(nginx_for "$PA")
run "one server (core 0) behind nginx" "http://127.0.0.1:$NG"
stop_servers
PA=$(serve 0 a.log)
PB=$(serve 1 b.log)
NG=$(nginx_for "$PA" "$PB")
run "two servers (cores 0 and 1) behind nginx" "http://127.0.0.1:$NG"
