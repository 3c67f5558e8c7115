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
[ -x /usr/bin/chromium-headless-shell ] || [ -x /usr/bin/chromium ] || { echo "e2e: no chromium (apt-get install chromium-headless-shell fonts-wqy-microhei)" >&2; exit 1; }

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
tmp=$(mktemp -d)
cleanup() {
  local status=$?
  for pidfile in "$tmp"/*.pid; do
    [ -f "$pidfile" ] || continue
    kill "$(cat "$pidfile")" 2>/dev/null || true
  done
  # Wait for the servers to exit: one still stopping writes into $tmp (its audit anchor) while the
  # folder is removed, and the removal must not turn a green run red.
  for pidfile in "$tmp"/*.pid; do
    [ -f "$pidfile" ] || continue
    for _ in $(seq 1 50); do kill -0 "$(cat "$pidfile")" 2>/dev/null || break; sleep 0.1; done
  done
  # CI shows the end of the output: the failing tests come last, after the server logs.
  [ "$status" -ne 0 ] && report_failing
  rm -rf "$tmp" 2>/dev/null || rm -rf "$tmp" 2>/dev/null || true
  exit "$status"
}
report_failing() {
  for out in "$tmp/specs.out" "$tmp"/sweep-*.out "$tmp"/retry.out; do
    [ -f "$out" ] && grep -q '✖ failing tests' "$out" && { echo "e2e: failing tests ($(basename "$out" .out)):" >&2; sed -n '/✖ failing tests/,$p' "$out" | head -80 >&2; }
  done
  return 0
}
trap cleanup EXIT
# What the specs and their browsers write to temporary files (sheets to upload, downloads, browser
# profiles) goes under $tmp, so that a run leaves nothing behind.
export TMPDIR="$tmp/tmp"
mkdir -p "$TMPDIR"

# Starts a demo server on its own database; prints its port. Specs that change data run against
# one server in order; the accessibility sweep (read-only, the longest) runs beside them on another.
start_server() {
  local name=$1 port
  port=$(free_port)
  "$bin" serve --demo --port "$port" --db "sqlite:$tmp/$name.db" >"$tmp/$name.log" 2>&1 &
  echo $! >"$tmp/$name.pid"  # start_server runs in a subshell: the pid file tells cleanup what to stop
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$(cat "$tmp/$name.pid")" 2>/dev/null; then echo "e2e: server exited:" >&2; cat "$tmp/$name.log" >&2; exit 1; fi
    sleep 0.5
  done
  curl -fsS "http://127.0.0.1:$port/api/v1/health" >/dev/null || { echo "e2e: server not healthy after 60 s" >&2; cat "$tmp/$name.log" >&2; exit 1; }
  echo "$port"
}

mkdir -p test-output/screenshots
export SCREENSHOT_DIR="$root/test-output/screenshots"
specs=("$@")
sweep=()
if [ ${#specs[@]} -eq 0 ]; then
  for spec in tests/e2e/specs/*.spec.mjs; do
    if [ "$(basename "$spec")" = a11y.spec.mjs ]; then sweep=("$spec"); else specs+=("$spec"); fi
  done
fi
# Runs node's test runner on SPEC files against the server at PORT: progress on stdout (spec
# reporter), TAP in $tmp/NAME.tap (to find what failed). Extra node options may precede the files.
run_specs() {
  local name=$1 port=$2
  shift 2
  LINGYAN_URL="http://127.0.0.1:$port" node --test --test-concurrency=1 --test-reporter=spec \
    --test-reporter-destination=stdout --test-reporter=tap --test-reporter-destination="$tmp/$name.tap" "$@"
}
# The spec files with a failure (TAP gives a failing test's location) and the failing tests' names.
failed_files() { grep -o "location: '[^']*\.spec\.mjs" "$1" | sed "s/^location: '//" | sort -u; }
failed_names() { grep -E '^ +not ok [0-9]+ - ' "$1" | sed -E 's/^ +not ok [0-9]+ - //' | sort -u; }

port=$(start_server e2e)
status=0
sweep_status=0
# The sweep is read-only and the longest run: its two widths go side by side (a browser each, one
# server), beside the specs on their own server. Each half writes its own output and TAP file.
sweep_widths=(1440 390)
if [ ${#sweep[@]} -gt 0 ]; then
  sweep_port=$(start_server sweep)
  sweep_pids=()
  for width in "${sweep_widths[@]}"; do
    run_specs "sweep-$width" "$sweep_port" --test-name-pattern "at $width px\$" "${sweep[@]}" >"$tmp/sweep-$width.out" 2>&1 &
    sweep_pids+=($!)
  done
fi
run_specs specs "$port" "${specs[@]}" 2>&1 | tee "$tmp/specs.out" && status=0 || status=${PIPESTATUS[0]}
if [ ${#sweep[@]} -gt 0 ]; then
  for pid in "${sweep_pids[@]}"; do wait "$pid" || sweep_status=$?; done
  for width in "${sweep_widths[@]}"; do cat "$tmp/sweep-$width.out"; done
fi
if [ "$status" -ne 0 ]; then echo "e2e: server log (last 40 lines):" >&2; tail -40 "$tmp/e2e.log" >&2; fi
if [ "$sweep_status" -ne 0 ]; then echo "e2e: sweep server log (last 40 lines):" >&2; tail -40 "$tmp/sweep.log" >&2; fi
report_failing

# A browser test that failed is run once more on a fresh server (a loaded machine can miss a
# timeout); it counts as passed only if it passes then, and is named FLAKY either way. A failure
# that does not say where it is (the runner itself broke) is not retried. LINGYAN_E2E_RETRY=0: no retry.
[ "${LINGYAN_E2E_RETRY:-1}" = 0 ] && { [ "$sweep_status" -ne 0 ] && status=$sweep_status; exit "$status"; }
if [ "$status" -ne 0 ]; then
  mapfile -t again < <(failed_files "$tmp/specs.tap")
  if [ ${#again[@]} -gt 0 ]; then
    echo "e2e: FLAKY? retrying once on a fresh server: ${again[*]}" >&2
    retry_port=$(start_server retry)
    if run_specs retry "$retry_port" "${again[@]}" >"$tmp/retry.out" 2>&1; then
      echo "e2e: FLAKY: ${again[*]} failed, then passed on a fresh server" >&2
      status=0
    else
      cat "$tmp/retry.out"
      echo "e2e: ${again[*]} failed twice" >&2
    fi
  fi
fi
if [ "$sweep_status" -ne 0 ]; then
  mapfile -t names < <(cat "$tmp"/sweep-*.tap | failed_names /dev/stdin)
  if [ ${#names[@]} -gt 0 ]; then
    patterns=()
    for n in "${names[@]}"; do patterns+=(--test-name-pattern "^$n\$"); done
    echo "e2e: FLAKY? retrying once on a fresh server: ${names[*]}" >&2
    retry_port=$(start_server sweep-retry)
    if run_specs sweep-retry "$retry_port" "${patterns[@]}" "${sweep[@]}" >"$tmp/sweep-retry.out" 2>&1; then
      echo "e2e: FLAKY: the sweep's ${names[*]} failed, then passed on a fresh server" >&2
      sweep_status=0
    else
      cat "$tmp/sweep-retry.out"
      echo "e2e: the sweep's ${names[*]} failed twice" >&2
    fi
  fi
fi
[ "$sweep_status" -ne 0 ] && status=$sweep_status
exit "$status"
