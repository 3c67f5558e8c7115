#!/usr/bin/env bash
# Province-scale recount: `lingyan points tally` against DuckDB (2 threads) on the same CSVs.
# Usage: bench/points_tally_vs_duckdb.sh BIN [SCALE]   (SCALE 1.0 = 20,000 units, 4,000,000
# members, 80,000,000 events; default from $POINTS_SCALE or 0.1). Data goes to bench/out/points-SCALE/
# and is reused when present. Prints wall time and peak RSS of both and checks they agree.
set -euo pipefail
bin=$(realpath "${1:?usage: points_tally_vs_duckdb.sh LINGYAN_BIN [SCALE]}")
scale=${2:-${POINTS_SCALE:-0.1}}
here=$(cd "$(dirname "$0")" && pwd)
data="$here/out/points-$scale"
if [ ! -f "$data/events.csv" ]; then
  echo "generating scale $scale into $data …"
  mkdir -p "$here/out" "$data.tmp"
  g++ -O2 -std=c++20 -I "$here/../src" -o "$here/out/points_gen" "$here/points_gen.cpp"
  "$here/out/points_gen" "$data.tmp" "$scale" && rm -rf "$data" && mv "$data.tmp" "$data"
fi
if [ ! -d "$here/duckdb/node_modules/@duckdb/node-api" ]; then
  (cd "$here/duckdb" && npm ci --silent --no-audit --no-fund)
fi
du -h "$data/events.csv" | sed 's/^/events.csv: /'
measure() {  # label, command… → prints "label: wall s, peak MiB"
  local label=$1; shift
  /usr/bin/time -v "$@" 2>"$data/$label.time" >/dev/null || { cat "$data/$label.time"; exit 1; }
  local wall rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$data/$label.time")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$data/$label.time")
  printf '%-8s wall %s  peak %d MiB\n' "$label:" "$wall" $((rss / 1024))
}
cat "$data/events.csv" "$data/members.csv" >/dev/null  # warm the page cache for both runs
measure lingyan bash -c "'$bin' points tally '$data/rules.json' '$data/units.csv' '$data/members.csv' '$data/events.csv' > '$data/lingyan.csv'"
measure duckdb node "$here/duckdb/tally.mjs" "$data" "$data/duckdb.csv" 2
if cmp -s "$data/lingyan.csv" "$data/duckdb.csv"; then
  echo "agree: $(($(wc -l <"$data/lingyan.csv") - 1)) members, identical totals, stars and ranks"
else
  echo "DISAGREE:"; diff "$data/lingyan.csv" "$data/duckdb.csv" | head -n 10; exit 1
fi
