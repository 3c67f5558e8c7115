#!/usr/bin/env bash
# Runs one golden CLI case. Format of a .test file (see README.md in this folder):
#   # name: …            (required)
#   # description: …     (required)
#   # args: …            arguments to `lingyan`, run in the .test file's folder; word-split, no globbing
#   # exit: N            expected exit status (default 0)
#   ---- stdout          the exact expected standard output follows (optional section)
#   ---- stderr          a line that standard error must contain follows (optional section)
set -u
bin=${1:?binary}; case_file=${2:?case}
dir=$(dirname "$case_file")
args=$(sed -n 's/^# args: //p' "$case_file" | head -n1)
want_exit=$(sed -n 's/^# exit: //p' "$case_file" | head -n1); want_exit=${want_exit:-0}
grep -q '^# name: ' "$case_file" || { echo "missing '# name:' header"; exit 1; }
grep -q '^# description: ' "$case_file" || { echo "missing '# description:' header"; exit 1; }
want_out=$(awk '/^---- /{sec=$2; next} sec=="stdout"{print}' "$case_file")
want_err=$(awk '/^---- /{sec=$2; next} sec=="stderr"{print}' "$case_file")
has_out=$(grep -c '^---- stdout' "$case_file")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
set -f
(cd "$dir" && "$bin" $args >"$tmp/out" 2>"$tmp/err"); got_exit=$?
set +f
fail=0
if [ "$got_exit" != "$want_exit" ]; then echo "exit status $got_exit, expected $want_exit"; fail=1; fi
if [ "$has_out" -gt 0 ] && [ "$(cat "$tmp/out")" != "$want_out" ]; then
  echo "stdout differs:"; diff <(echo "$want_out") "$tmp/out" | head -n 40; fail=1
fi
if [ -n "$want_err" ] && ! grep -qF -- "$want_err" "$tmp/err"; then
  echo "stderr lacks: $want_err"; echo "stderr was:"; head -n 5 "$tmp/err"; fail=1
fi
[ $fail -eq 0 ] && echo "ok" || { echo "stderr:"; head -n 5 "$tmp/err"; }
exit $fail
