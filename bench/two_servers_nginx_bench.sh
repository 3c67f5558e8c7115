#!/usr/bin/env bash
# Scale-out throughput (issue 15): two `lingyan serve` on one PostgreSQL behind nginx, each pinned
# to one core (taskset), against one server pinned to one core — behind the same nginx and
# directly. A read-heavy mix through wrk (2 threads, 32 connections, DURATION s each):
#   county (姜堰区): units, a town's people, the points leaderboard, the workbench, campaigns;
#   with WRITES=1 also one write in twenty (a person added to 灵湖村 as `town`).
# Beside requests/s it prints the CPU seconds each part used (lingyan, nginx, PostgreSQL from /proc —
# this run's processes only —, wrk from /usr/bin/time) and per request, so that the figure can be
# read per lingyan core when the load generator and the database share the machine's cores (on 2
# cores they must). Never fails on time.
# Under LINGYAN_PG_OPTS="-c shared_preload_libraries=pg_stat_statements" it first prints, for each
# path of the mix, the statements PostgreSQL ran per request (pg_stat_statements over a short run).
# After the two-server line it prints each server's change-feed counters: whole view reloads and
# rows applied one by one (lingyan_feed_applied_total, lingyan_feed_rows_applied_total).
# ROSTER_FEED=whole puts back the roster's triggers of before migration 94 (a `roster` entry without
# keys): every roster write makes the other server reload its whole roster — the comparison figure.
#   usage: scripts/with-postgres.sh bench/two_servers_nginx_bench.sh BIN [DURATION]
set -euo pipefail
BIN=$(realpath "${1:?usage: two_servers_nginx_bench.sh BIN [DURATION]}")
SECS=${2:-15}
WRITES=${WRITES:-0}
ROSTER_FEED=${ROSTER_FEED:-rows}
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
# CPU ticks (user + system) used so far by the given processes and their children still running
# (nginx's workers, PostgreSQL's backends: only this run's servers, not other PostgreSQL or nginx
# on the machine).
ticks_of() {
  local t=0 p
  for p in "$@" $(for q in "$@"; do pgrep -P "$q" || true; done); do
    [ -r "/proc/$p/stat" ] || continue
    t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo "$t"
}
HZ=$(getconf CLK_TCK)

psql -q "$LINGYAN_TEST_PG" -c "DROP DATABASE IF EXISTS scaleout WITH (FORCE)" -c "CREATE DATABASE scaleout"
DB="${LINGYAN_TEST_PG/dbname=postgres/dbname=scaleout}"
PG_MAIN=$(head -1 "$(psql -qAt "$DB" -c "SHOW data_directory")/postmaster.pid")
serve() {  # serve CORE LOG [--demo]: one server pinned to CORE; its port in PORT (not in a $(…)
           # subshell: PIDS must reach stop_servers)
  taskset -c "$1" "$BIN" serve --db "$DB" --audit-key "$DIR/k.audit-key" --data-dir "$DIR/data" --port 0 --quiet \
    --threads 2 --metrics-token-file "$DIR/metrics.token" "${@:3}" >"$DIR/$2" 2>&1 &
  PIDS+=($!)
  PORT=$(wait_port "$DIR/$2")
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

echo "bench-metrics-token-0123456789" >"$DIR/metrics.token"
feed_counters() {  # feed_counters PORT → "reloads N, rows N"
  curl -fsS -H "Authorization: Bearer $(cat "$DIR/metrics.token")" "http://127.0.0.1:$1/metrics" |
    awk '/^lingyan_feed_applied_total/ {r = $2} /^lingyan_feed_rows_applied_total/ {w = $2} END {printf "whole reloads %s, rows applied %s", r, w}'
}

# The demo once (first server), then the paths of the mix.
serve 0 first.log --demo; P0=$PORT
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
if [ "$ROSTER_FEED" = whole ]; then
  psql -q "$DB" -c "DO \$\$ DECLARE t TEXT; BEGIN
    FOREACH t IN ARRAY ARRAY['units', 'people', 'positions', 'party_orgs', 'unit_incomes'] LOOP
      EXECUTE format('DROP TRIGGER %I ON %I', t || '_feed_insert', t);
      EXECUTE format('DROP TRIGGER %I ON %I', t || '_feed_update', t);
      EXECUTE format('DROP TRIGGER %I ON %I', t || '_feed_delete', t);
      EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I '
                     'FOR EACH STATEMENT EXECUTE FUNCTION change_feed_note(''roster'')', t || '_feed', t);
    END LOOP; END \$\$"
fi

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

run() {  # run LABEL URL: wrk on the mix, with the CPU each part used (seconds, and ms per request)
  local l0 n0 p0 l1 n1 p1 out rps n nginx_pid=""
  [ -f "$DIR/nginx.pid" ] && nginx_pid=$(cat "$DIR/nginx.pid")
  l0=$(ticks_of "${PIDS[@]}"); n0=$(ticks_of $nginx_pid); p0=$(ticks_of "$PG_MAIN")
  out=$(/usr/bin/time -f '%U %S' -o "$DIR/wrk.time" wrk -t2 -c32 -d"${SECS}s" --latency -s "$DIR/mix.lua" "$2")
  l1=$(ticks_of "${PIDS[@]}"); n1=$(ticks_of $nginx_pid); p1=$(ticks_of "$PG_MAIN")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  n=$(awk '/requests in/ {print $1}' <<<"$out")
  local w l ng pg
  w=$(awk '{print $1 + $2}' "$DIR/wrk.time")
  l=$(echo "($l1 - $l0) / $HZ" | bc -l); ng=$(echo "($n1 - $n0) / $HZ" | bc -l); pg=$(echo "($p1 - $p0) / $HZ" | bc -l)
  printf '%-40s %9s req/s  p50 %-7s p99 %-8s non-2xx %s  load %s\n' \
    "$1" "$rps" "$(awk '/ 50%/ {print $2}' <<<"$out")" "$(awk '/ 99%/ {print $2}' <<<"$out")" \
    "$(awk '/Non-2xx/ {print $NF}' <<<"$out" | grep . || echo 0)" "$(cut -d' ' -f1 /proc/loadavg)"
  printf '    cpu s: lingyan %.2f  nginx %.2f  postgres %.2f  wrk %.2f  |  cpu ms per request: lingyan %.4f  nginx %.4f  postgres %.4f  wrk %.4f\n' \
    "$l" "$ng" "$pg" "$w" "$(echo "$l * 1000 / $n" | bc -l)" "$(echo "$ng * 1000 / $n" | bc -l)" \
    "$(echo "$pg * 1000 / $n" | bc -l)" "$(echo "$w * 1000 / $n" | bc -l)"
}

# The statements per request of each path (one server), when pg_stat_statements is loaded.
if psql -qAt "$DB" -c "SHOW shared_preload_libraries" | grep -q pg_stat_statements; then
  psql -q "$DB" -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null
  serve 0 a.log; PA=$PORT
  for p in "${PATHS[@]}"; do
    curl -fsS -o /dev/null -H "Cookie: $COUNTY" "http://127.0.0.1:$PA$p"  # warm: first reads, kept results
    psql -qAt "$DB" -c "SELECT pg_stat_statements_reset()" >/dev/null
    out=$(wrk -t1 -c4 -d3s -H "Cookie: $COUNTY" "http://127.0.0.1:$PA$p")
    n=$(awk '/requests in/ {print $1}' <<<"$out")
    echo "== statements per request: GET $p ($n requests in 3 s, 4 connections)"
    psql -qAt -F ' | ' "$DB" -c "SELECT round(calls::numeric / $n, 3), round((total_exec_time / $n)::numeric, 4) || ' ms',
        left(regexp_replace(query, '\\s+', ' ', 'g'), 110) FROM pg_stat_statements
        WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY calls DESC, total_exec_time DESC LIMIT 12" | sed 's/^/  /'
  done
  stop_servers
fi

echo "== read-heavy mix (writes: $WRITES, roster feed: $ROSTER_FEED), ${SECS}s each, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
serve 0 a.log; PA=$PORT
run "one server (core 0), direct" "http://127.0.0.1:$PA"
NG=$(nginx_for "$PA")
run "one server (core 0) behind nginx" "http://127.0.0.1:$NG"
stop_servers
serve 0 a.log; PA=$PORT
serve 1 b.log; PB=$PORT
NG=$(nginx_for "$PA" "$PB")
run "two servers (cores 0 and 1) behind nginx" "http://127.0.0.1:$NG"
echo "    change feed: server A $(feed_counters "$PA"); server B $(feed_counters "$PB")"
