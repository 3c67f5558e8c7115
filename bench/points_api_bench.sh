#!/usr/bin/env bash
# Approving 10,000 points events through the HTTP API with SQLite, each durable (committed, WAL +
# synchronous=FULL) before it is acknowledged; then a leaderboard page (top 50 of 溧阳市) via wrk.
# Usage: bench/points_api_bench.sh BIN [EVENTS]   (BIN = build/…/lingyan)
set -euo pipefail
BIN=${1:?usage: points_api_bench.sh BIN [EVENTS]}
EVENTS=${2:-10000}
DIR=$(mktemp -d)
trap 'kill $PID 2>/dev/null || true; rm -rf "$DIR"' EXIT
"$BIN" serve --db "sqlite:$DIR/bench.db" --port 0 --quiet --demo --threads 2 >"$DIR/out" 2>&1 &
PID=$!
for _ in $(seq 300); do grep -q "listening on port" "$DIR/out" && break; sleep 0.1; done
PORT=$(sed -n 's/.*listening on port \([0-9]*\).*/\1/p' "$DIR/out")
echo "server pid $PID port $PORT"
python3 - "$PORT" "$EVENTS" "$DIR" <<'PY'
import http.client, json, sys, time, datetime
port, events, tmp = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
conn = http.client.HTTPConnection("127.0.0.1", port)
def call(method, path, body=None, headers={}):
    global conn
    for attempt in range(2):
        try:
            conn.request(method, path, body=body, headers=headers)
            r = conn.getresponse()
            return r.status, r.read(), r.getheader("Set-Cookie")
        except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
            conn = http.client.HTTPConnection("127.0.0.1", port)
    raise RuntimeError("connection failed")
st, body, cookie = call("POST", "/api/v1/session", json.dumps({"username": "admin", "password": "lingyan-demo"}),
                        {"Content-Type": "application/json"})
assert st == 200, body
csrf = json.loads(body)["csrf_token"]
h = {"Cookie": cookie.split(";")[0], "X-CSRF-Token": csrf, "Content-Type": "application/json"}
st, body, _ = call("GET", "/api/v1/units?q=%E6%BA%A7%E9%98%B3%E5%B8%82", headers=h)
city = json.loads(body)["items"][0]["id"]
st, body, _ = call("GET", f"/api/v1/points/leaderboard?unit={city}&top=1000", headers=h)
members = [e["id"] for e in json.loads(body)["items"]]
today = (datetime.datetime.utcnow() + datetime.timedelta(hours=8)).strftime("%Y-%m-%d")
ids = []
t0 = time.time()
for k in range(events):
    st, body, _ = call("POST", "/api/v1/points/events", json.dumps({"member_id": members[k % len(members)], "rule": "ZY01", "date": today}), h)
    assert st == 201, body
    ids.append(json.loads(body)["id"])
t1 = time.time()
print(f"submitted {events} events in {t1 - t0:.2f} s")
t0 = time.time()
for i in ids:
    st, body, _ = call("POST", f"/api/v1/points/events/{i}/approve", "", h)
    assert st == 200, body
t1 = time.time()
print(f"approved {events} events in {t1 - t0:.2f} s ({events / (t1 - t0):.0f}/s, each committed before its answer)")
open(f"{tmp}/wrk_headers", "w").write(h["Cookie"] + "\n" + str(city) + "\n")
PY
if command -v wrk >/dev/null; then
  COOKIE=$(sed -n 1p "$DIR/wrk_headers"); CITY=$(sed -n 2p "$DIR/wrk_headers")
  echo "wrk: GET /api/v1/points/leaderboard?unit=$CITY&top=50"
  wrk -t2 -c32 -d10s --latency -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT/api/v1/points/leaderboard?unit=$CITY&top=50"
else
  echo "wrk not installed: leaderboard page skipped"
fi
