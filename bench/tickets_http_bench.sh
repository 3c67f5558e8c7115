#!/usr/bin/env bash
# "My tasks" and the supervision board over HTTP with 10,000 open and 100,000 closed tickets
# (issue 12: p99 under 50 ms under load with wrk). The data are seeded by bench/tickets_bench
# (TICKETS_BENCH_DB keeps its SQLite file); the server runs on that file with 2 threads; wrk
# (2 threads, 8 connections, 10 s) reads page 1 of the demo secretary's tasks and page 1 of the
# supervision board of 张家港市 as a county officer scoped there. Prints wrk's latency figures.
# Usage: bench/tickets_http_bench.sh BIN [SCALE]   (BIN = build/release/lingyan; SCALE as TICKETS_BENCH_SCALE)
set -euo pipefail
BIN=${1:?usage: tickets_http_bench.sh BIN [SCALE]}
SCALE=${2:-1}
BENCH=$(dirname "$BIN")/bench/tickets_bench
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
DIR=$(mktemp -d)
PID=
trap '[ -n "$PID" ] && kill $PID 2>/dev/null; rm -rf "$DIR"' EXIT
export TICKETS_BENCH_DB="$DIR/tickets.db" TICKETS_BENCH_SCALE="$SCALE"
# Seeding happens before the first benchmark; one quick benchmark is enough.
LINGYAN_TEST_PG= "$BENCH" --benchmark_filter='BM_MyTasksSecretary$' --benchmark_min_time=0.01 | grep -E '^seeded|BM_'
LINGYAN_PASSWORD=bench-password-1 "$BIN" user add zjg-office --role county --scope 张家港市 --name 张家港市委组织部 \
  --db "sqlite:$DIR/tickets.db" >/dev/null
"$BIN" serve --db "sqlite:$DIR/tickets.db" --audit-key "$DIR/tickets.db.key" --port 0 --quiet --threads 2 \
  >"$DIR/out" 2>&1 &
PID=$!
for _ in $(seq 300); do grep -q "listening on port" "$DIR/out" && break; sleep 0.1; done
PORT=$(sed -n 's/.*listening on port \([0-9]*\).*/\1/p' "$DIR/out")
[ -n "$PORT" ] || { cat "$DIR/out" >&2; exit 1; }
cookie() {  # cookie USER PASSWORD → the session cookie
  curl -fsS -D - -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"username\": \"$1\", \"password\": \"$2\"}" "http://127.0.0.1:$PORT/api/v1/session" |
    sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' | head -1
}
SECRETARY=$(cookie secretary lingyan-demo)
OFFICE=$(cookie zjg-office bench-password-1)
# The first read of a day recolours every running ticket: do it before timing.
curl -fsS -H "Cookie: $OFFICE" "http://127.0.0.1:$PORT/api/v1/tickets/board" -o /dev/null
run() {  # run LABEL COOKIE PATH
  curl -fsS -H "Cookie: $2" "http://127.0.0.1:$PORT$3" | python3 -c 'import json,sys; d = json.load(sys.stdin); print("  in view:", d.get("total", len(d.get("units", []))))'
  echo "== $1: GET $3"
  wrk -t2 -c8 -d10s --latency -H "Cookie: $2" "http://127.0.0.1:$PORT$3" | grep -E 'Latency|50%|90%|99%|Requests/sec|Non-2xx'
}
run "my tasks, village secretary, page 1" "$SECRETARY" "/api/v1/tickets/mine"
run "supervision board, 张家港市 office, page 1" "$OFFICE" "/api/v1/tickets/board"
run "statistics of 张家港市 for the year" "$OFFICE" "/api/v1/tickets/stats"
