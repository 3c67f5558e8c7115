#!/usr/bin/env bash
# Browser tests against a real server: tests/e2e/run.sh BIN [SPEC...]
#   BIN      the lingyan binary; started as `BIN serve --demo --port P --db sqlite:TMP`
#   SPEC...  optional spec files to run instead of all of them (tests/e2e/specs/points.spec.mjs)
# Builds web/dist if missing, waits for /api/v1/health, runs the specs with node's test
# runner, saves screenshots to test-output/screenshots/, and stops the server.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:?usage: tests/e2e/run.sh BIN [SPEC...]}
shift
cd "$root"

[ -x "$bin" ] || { echo "e2e: $bin is not an executable (build it first: make build)" >&2; exit 1; }
help=$("$bin" serve --help 2>&1 || true)
grep -q -- '--demo' <<<"$help" || { echo "e2e: '$bin serve' has no --demo option: nothing to drive" >&2; exit 1; }

if [ ! -d web/node_modules ]; then scripts/npm-ci.sh web; fi
if [ ! -f web/dist/index.html ]; then (cd web && npm run build --silent); fi
[ -x /usr/bin/chromium ] || { echo "e2e: /usr/bin/chromium is missing (apt-get install chromium fonts-wqy-microhei)" >&2; exit 1; }

port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
tmp=$(mktemp -d)
log="$tmp/server.log"
"$bin" serve --demo --port "$port" --db "sqlite:$tmp/e2e.db" >"$log" 2>&1 &
server=$!
cleanup() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server" 2>/dev/null; then echo "e2e: server exited:" >&2; cat "$log" >&2; exit 1; fi
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/api/v1/health" >/dev/null || { echo "e2e: server not healthy after 60 s" >&2; cat "$log" >&2; exit 1; }

mkdir -p test-output/screenshots
export LINGYAN_URL="http://127.0.0.1:$port" SCREENSHOT_DIR="$root/test-output/screenshots"
status=0
specs=("$@")
[ ${#specs[@]} -gt 0 ] || specs=(tests/e2e/specs/*.spec.mjs)
node --test --test-concurrency=1 --test-reporter=spec "${specs[@]}" || status=$?
if [ "$status" -ne 0 ]; then echo "e2e: server log (last 40 lines):" >&2; tail -40 "$log" >&2; fi
exit "$status"
