#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer + ASan/UBSan and runs each briefly.
# Usage: tests/fuzz/run.sh [seconds]   (default 20, for the roster importer; the JSON-body and CSV
# targets get half of it each). Exits non-zero on a crash; the crashing input is left in
# build/fuzz/<target>/ (crash-*), to be added to tests/fuzz/corpus/ once fixed.
#   roster_import_fuzz  the roster and units importers (xlsx, csv, worksheet XML)
#   json_body_fuzz      JSON request bodies (CheckJsonBody, ParseObject, typed fields)
#   csv_fuzz            encoding detection and the RFC 4180 reader
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
seconds="${1:-20}"
cxx="${CXX_FUZZ:-clang++-14}"

# fuzz NAME SECONDS "PKG-CONFIG PACKAGES" "EXTRA LIBS" SOURCE...
fuzz() {
  local name=$1 secs=$2 pkgs=$3 libs=$4
  shift 4
  local srcs=("$@") out="$root/build/fuzz/$name" bin="$root/build/fuzz/$name/$name"
  [[ -e "$out" && ! -d "$out" ]] && rm -f "$out"  # a binary of the old layout (build/fuzz/NAME)
  mkdir -p "$out/corpus"
  local rebuild=0
  [[ -x "$bin" ]] || rebuild=1
  for src in "${srcs[@]}" "$root"/src/exchange/*/*.hpp "$root"/src/core/*/*.hpp "$root"/src/http/server/*.hpp; do
    [[ "$src" -nt "$bin" ]] && rebuild=1
  done
  if (( rebuild )); then
    echo "fuzz: building $bin"
    # shellcheck disable=SC2046,SC2086
    "$cxx" -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
      -I"$root/src" $( [[ -n "$pkgs" ]] && pkg-config --cflags $pkgs ) \
      "${srcs[@]}" -o "$bin" $( [[ -n "$pkgs" ]] && pkg-config --libs $pkgs ) $libs
  fi
  echo "fuzz: running $name for ${secs}s"
  "$bin" "$out/corpus" "$root/tests/fuzz/corpus" \
    -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$out/" -print_final_stats=1 2>"$out/fuzz.log" || {
    status=$?
    tail -n 60 "$out/fuzz.log" >&2
    echo "fuzz: $name FAILED (exit $status); see $out/fuzz.log and $out/crash-*" >&2
    exit "$status"
  }
  grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$out/fuzz.log" || true
  echo "fuzz: $name OK"
}

half=$(( (seconds + 1) / 2 ))
# Two at a time (libFuzzer runs on one core): the roster importer (the longest build and run) beside
# the two small targets one after the other. Each job's output is printed whole when it ends.
jobs_dir=$(mktemp -d)
trap 'rm -rf "$jobs_dir"' EXIT
(
  fuzz roster_import_fuzz "$seconds" "libzip pugixml xlsxwriter" "" \
    "$root/tests/fuzz/roster_import_fuzz.cpp" \
    "$root"/src/exchange/xlsx/*.cpp "$root"/src/exchange/roster/*.cpp "$root"/src/exchange/common/*.cpp \
    "$root"/src/core/text/*.cpp "$root/src/core/common/date.cpp" "$root/src/core/roster/tree.cpp" \
    "$root/src/core/roster/roster_index.cpp" "$root/src/core/roster/person_rules.cpp" \
    "$root/src/core/roster/party_org_rules.cpp"
) >"$jobs_dir/roster.out" 2>&1 &
roster_pid=$!
small_status=0
(
  fuzz json_body_fuzz "$half" "" "-lboost_json" \
    "$root/tests/fuzz/json_body_fuzz.cpp" "$root/src/http/server/json_io.cpp" "$root"/src/core/text/*.cpp
  fuzz csv_fuzz "$half" "" "" \
    "$root/tests/fuzz/csv_fuzz.cpp" "$root"/src/exchange/common/*.cpp "$root"/src/core/text/*.cpp
) >"$jobs_dir/small.out" 2>&1 || small_status=$?
roster_status=0
wait "$roster_pid" || roster_status=$?
cat "$jobs_dir/roster.out" "$jobs_dir/small.out"
(( roster_status == 0 )) || exit "$roster_status"
exit "$small_status"
