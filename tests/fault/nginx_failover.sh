#!/usr/bin/env bash
# make soak (needs nginx and LINGYAN_TEST_PG): two `lingyan serve` on one PostgreSQL behind nginx on
# loopback; one of them killed with -9 under a read/write load through nginx. nginx must keep
# serving through the survivor (reads retried there; a write in flight on the killed server may fail,
# nothing else), and the survivor's views must show what was written through the other before it died.
#   usage: tests/fault/nginx_failover.sh BIN [SECONDS]
set -euo pipefail
BIN=$(realpath "${1:?usage: nginx_failover.sh BIN [SECONDS]}")
SECS=${2:-5}
command -v nginx >/dev/null || { echo "nginx_failover: nginx not installed (apt-get install nginx-light)"; exit 1; }
[ -n "${LINGYAN_TEST_PG:-}" ] || { echo "nginx_failover: run under scripts/with-postgres.sh"; exit 1; }
DIR=$(mktemp -d /tmp/lingyan-failover.XXXXXX)
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  [ -f "$DIR/nginx.pid" ] && kill "$(cat "$DIR/nginx.pid")" 2>/dev/null || true
  psql -q "$LINGYAN_TEST_PG" -c "DROP DATABASE IF EXISTS failover WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap cleanup EXIT
source "$(dirname "$0")/../../scripts/serve-helpers.sh"  # free_port, wait_port

psql -q "$LINGYAN_TEST_PG" -c "CREATE DATABASE failover"
DB="${LINGYAN_TEST_PG/dbname=postgres/dbname=failover}"
"$BIN" serve --db "$DB" --audit-key "$DIR/k.audit-key" --port 0 --quiet --demo >"$DIR/a.log" 2>&1 & PIDS+=($!)
PA=$(wait_port "$DIR/a.log")
"$BIN" serve --db "$DB" --audit-key "$DIR/k.audit-key" --port 0 --quiet >"$DIR/b.log" 2>&1 & PIDS+=($!)
PB=$(wait_port "$DIR/b.log")
NG=$(free_port)
cat >"$DIR/nginx.conf" <<CONF
pid $DIR/nginx.pid;
error_log $DIR/nginx-error.log;
events {}
http {
  access_log off;
  upstream lingyan { server 127.0.0.1:$PA max_fails=1 fail_timeout=10s; server 127.0.0.1:$PB max_fails=1 fail_timeout=10s; keepalive 16; }
  server {
    listen 127.0.0.1:$NG;
    location / { proxy_pass http://lingyan; proxy_http_version 1.1; proxy_set_header Connection "";
                 proxy_connect_timeout 1s; proxy_next_upstream error timeout http_502 http_503; }
  }
}
CONF
nginx -c "$DIR/nginx.conf" -p "$DIR"
URL="http://127.0.0.1:$NG"
login=$(curl -si -X POST "$URL/api/v1/session" -H 'Content-Type: application/json' -d '{"username":"town","password":"lingyan-demo"}' | tr -d '\r')
COOKIE=$(sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' <<<"$login" | head -1)
CSRF=$(sed -n '/^{/p' <<<"$login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
UNIT=$(curl -s -H "Cookie: $COOKIE" "$URL/api/v1/units?q=%E7%81%B5%E6%B9%96%E6%9D%91" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')

load() {  # writer: alternating reads and writes through nginx, one line per answer
  local i=0
  while [ ! -f "$DIR/stop" ]; do
    i=$((i + 1))
    if [ $((i % 2)) -eq 0 ]; then
      name="双机$1之$i"  # names refuse digits: the counter in Chinese numerals
      for d in 0:〇 1:一 2:二 3:三 4:四 5:五 6:六 7:七 8:八 9:九; do name=${name//${d%%:*}/${d#*:}}; done
      curl -s -o "$DIR/body" -w "W %{http_code}\n" -X POST "$URL/api/v1/people" -H "Cookie: $COOKIE" -H "X-CSRF-Token: $CSRF" \
        -H 'Content-Type: application/json' \
        -d "{\"unit_id\":$UNIT,\"name\":\"$name\",\"gender\":\"male\",\"birth_date\":\"1990-01-01\",\"education\":\"high\"}"
      grep -o '"id":[0-9]*' "$DIR/body" | head -1 | cut -d: -f2 >>"$DIR/acked-$1" || true
    else
      curl -s -o /dev/null -w "R %{http_code}\n" -H "Cookie: $COOKIE" "$URL/api/v1/people?unit=$UNIT&size=20"
    fi
  done >"$DIR/load-$1.log"
}
load 1 & L1=$!
load 2 & L2=$!
sleep 1
kill -9 "${PIDS[0]}"; wait "${PIDS[0]}" 2>/dev/null || true
killed_at=$(date +%s.%N)
sleep "$SECS"
touch "$DIR/stop"; wait $L1 $L2
cat "$DIR"/load-*.log | sort | uniq -c | sed 's/^/  /'
bad_reads=$(cat "$DIR"/load-*.log | grep -c '^R [^2]' || true)
bad_writes=$(cat "$DIR"/load-*.log | grep -c '^W [^2]' || true)
# The survivor shows every acknowledged write, including those made through the killed server.
missing=0
for id in $(cat "$DIR"/acked-* 2>/dev/null); do
  code=$(curl -s -o /dev/null -w "%{http_code}" -H "Cookie: $COOKIE" "http://127.0.0.1:$PB/api/v1/people/$id")
  [ "$code" = 200 ] || missing=$((missing + 1))
done
acked=$(cat "$DIR"/acked-* 2>/dev/null | wc -l)
echo "[fault] nginx failover: one of two servers killed; failed reads $bad_reads, failed writes $bad_writes (in flight on the killed server), $acked writes acknowledged, $missing missing on the survivor"
[ "$bad_reads" -eq 0 ] && [ "$bad_writes" -le 2 ] && [ "$missing" -eq 0 ]
