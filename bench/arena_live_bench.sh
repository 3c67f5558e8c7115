#!/usr/bin/env bash
# Live contests under load: N watchers of the demo's Keqiao contest (lingyan serve --demo, SQLite),
# host actions pushed to all of them, judges' scores acknowledged meanwhile; the send → receive
# latency distribution measured by the clients (bench/arena_load.cpp), beside a Node `ws` broadcast
# server sending the same message in the same run (ws installed into a temporary folder).
# Usage: bench/arena_live_bench.sh BIN [SIZES]      (default sizes: 1000 5000 10000)
#   SAMPLES=30 host actions per size; NO_NODE=1 skips the Node peer (make test runs a small size so).
# Prints one line per server and size; never fails on time, only on lost messages or a failed step.
set -euo pipefail
BIN=${1:?usage: arena_live_bench.sh BIN [SIZES]}
SIZES=${2:-"1000 5000 10000"}
SAMPLES=${SAMPLES:-30}
LOAD=$(dirname "$BIN")/bench/arena_load
[ -x "$LOAD" ] || { echo "missing $LOAD (cmake --build the bench targets)"; exit 1; }
ulimit -n 20000 2>/dev/null || ulimit -n "$(ulimit -Hn)"
DIR=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$DIR"; }
trap cleanup EXIT

wait_port() {  # FILE → the port printed as "listening on port N"
  for _ in $(seq 600); do grep -q "listening on port" "$1" 2>/dev/null && break; sleep 0.1; done
  sed -n 's/.*listening on port \([0-9]*\).*/\1/p' "$1" | head -1
}

"$BIN" serve --db "sqlite:$DIR/bench.db" --port 0 --quiet --demo --threads 2 >"$DIR/lingyan.out" 2>&1 &
PIDS+=($!)
PORT=$(wait_port "$DIR/lingyan.out")
[ -n "$PORT" ] || { cat "$DIR/lingyan.out"; exit 1; }
echo "lingyan pid ${PIDS[0]} port $PORT ($(nproc) cores)"

if [ -z "${NO_NODE:-}" ]; then
  (cd "$DIR" && npm install --prefix "$DIR/node" --no-audit --no-fund --loglevel=error ws@8 >/dev/null)
  echo "node $(node --version), ws $(node -p "require('$DIR/node/node_modules/ws/package.json').version")"
fi

status=0
for N in $SIZES; do
  "$LOAD" --port "$PORT" --contest 1 --watchers "$N" --samples "$SAMPLES" --judges --label lingyan \
    --json "$DIR/results.jsonl" --sample-out "$DIR/sample.json" || status=1
  if [ -z "${NO_NODE:-}" ]; then
    WS_MODULE="$DIR/node/node_modules/ws" node "$(dirname "$0")/arena/ws_peer.cjs" 0 "$DIR/sample.json" >"$DIR/node.out" 2>&1 &
    NODE_PID=$!
    NODE_PORT=$(wait_port "$DIR/node.out")
    "$LOAD" --port "$NODE_PORT" --watchers "$N" --samples "$SAMPLES" --node --label node-ws --json "$DIR/results.jsonl" || status=1
    kill "$NODE_PID" 2>/dev/null || true
    wait "$NODE_PID" 2>/dev/null || true
  fi
done
exit $status
