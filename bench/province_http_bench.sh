#!/usr/bin/env bash
# 200 concurrent users against the points leaderboard and the workbench (dashboard) of a database
# filled by `lingyan load-province` (issue 15 speed targets: p99 < 50 ms; restart serving < 30 s).
# Adds two accounts (admin; county officer of 第1市第1县) on first use, starts `lingyan serve`
# and times it to the first answered leaderboard (the start rebuilds the roster index and the
# boards from the database — from a kept board snapshot when there is one), then runs wrk -t2 -c200 for SECONDS on each page, latencies by wrk.
#   usage: province_http_bench.sh BIN "host=… port=… user=… dbname=…" [SECONDS]
set -euo pipefail
BIN=$(realpath "$1"); DB=$2; SECS=${3:-20}
command -v wrk >/dev/null || { echo "wrk missing (apt-get install wrk)"; exit 1; }
DIR=$(mktemp -d /tmp/lingyan-province-http.XXXXXX)
PID=""
cleanup() { [ -n "$PID" ] && { kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null || true; }; rm -rf "$DIR"; }
trap cleanup EXIT
ulimit -n 20000
# One audit key per database, kept beside the other runs' (the accounts' audit entries are keyed by it).
KEY=/tmp/lingyan-province-bench-$(echo "$DB" | md5sum | cut -c1-8).audit-key
export LINGYAN_PASSWORD=province-bench-pw LINGYAN_AUDIT_KEY=$KEY
if ! "$BIN" user list --db "$DB" 2>/dev/null | grep -q pbench_admin; then
  "$BIN" user add pbench_admin --role admin --db "$DB" >/dev/null
  "$BIN" user add pbench_county --role county --scope 320101000000 --db "$DB" >/dev/null
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
"$BIN" serve --db "$DB" --audit-key "$KEY" --data-dir "$DIR" --port 0 --threads 2 --quiet >"$DIR/serve.log" 2>&1 & PID=$!
for _ in $(seq 6000); do grep -q "listening on port" "$DIR/serve.log" && break; sleep 0.05; done
PORT=$(sed -n 's/.*listening on port \([0-9]*\).*/\1/p' "$DIR/serve.log" | head -1)
URL="http://127.0.0.1:$PORT"
listening=$(date +%s.%N)
login() {
  curl -si -X POST "$URL/api/v1/session" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$LINGYAN_PASSWORD\"}" | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' | head -1
}
ADMIN=$(login pbench_admin); COUNTY=$(login pbench_county)
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COUNTY" "$URL/api/v1/points/leaderboard?top=50")
served=$(date +%s.%N)
echo "start: listening after $(echo "$listening - $start" | bc) s, first leaderboard ($status) after $(echo "$served - $start" | bc) s"
echo "server RSS after the first page: $(ps -o rss= -p "$PID") KiB"
sed -n 's/.*\(启动：.*\)/  \1/p' "$DIR/serve.log"
# Each page as a browser asks for it (Accept-Encoding: gzip; the leaderboard pages are kept
# compressed) and, for the leaderboards, also as plain JSON.
for route in "county /api/v1/points/leaderboard?top=50 gzip" "county /api/v1/points/leaderboard?top=50 plain" \
             "admin /api/v1/points/leaderboard?top=50 gzip" "admin /api/v1/points/leaderboard?top=50 plain" \
             "county /api/v1/workbench gzip" "admin /api/v1/workbench gzip" "county /api/v1/points/approvals?limit=20 gzip"; do
  read -r who path coding <<<"$route"
  cookie=$([ "$who" = admin ] && echo "$ADMIN" || echo "$COUNTY")
  accept=$([ "$coding" = gzip ] && echo "gzip, deflate, br" || echo "identity")
  code=$(curl -s --max-time 60 -o /dev/null -w "%{http_code} %{size_download} bytes" -H "Accept-Encoding: $accept" \
    -H "Cookie: $cookie" "$URL$path" || echo timeout)
  echo "== $who $path, Accept-Encoding: $accept (answers $code)"
  wrk -t2 -c200 -d"${SECS}s" --timeout 10s --latency -H "Cookie: $cookie" -H "Accept-Encoding: $accept" "$URL$path" |
    grep -E "Latency  |50%|99%|Requests/sec|Non-2xx|Socket errors" || true
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
# How the boards were built (from the kept snapshot or the whole ledger) and the snapshot the
# server kept meanwhile (PointsService::KeepBoardSnapshots, every 30 s).
sed -n 's/.*\(积分榜.*\)/  \1/p' "$DIR/serve.log"
