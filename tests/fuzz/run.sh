#!/usr/bin/env bash
# Builds the roster importer fuzz target with libFuzzer + ASan/UBSan and runs it briefly.
# Usage: tests/fuzz/run.sh [seconds]   (default 20). Exits non-zero on a crash; the crashing
# input is left in build/fuzz/ (crash-*), to be added to tests/fuzz/corpus once fixed.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/build/fuzz"
seconds="${1:-20}"
mkdir -p "$out/corpus"

cxx="${CXX_FUZZ:-clang++-14}"
srcs=(
  "$root/tests/fuzz/roster_import_fuzz.cpp"
  "$root"/src/exchange/xlsx/*.cpp
  "$root"/src/exchange/roster/*.cpp
  "$root"/src/exchange/common/*.cpp
  "$root"/src/core/text/*.cpp
  "$root/src/core/common/date.cpp"
  "$root/src/core/roster/tree.cpp"
  "$root/src/core/roster/roster_index.cpp"
  "$root/src/core/roster/person_rules.cpp"
)
bin="$out/roster_import_fuzz"
# Rebuild only when a source is newer than the binary.
rebuild=0
[[ -x "$bin" ]] || rebuild=1
for src in "${srcs[@]}" "$root"/src/exchange/xlsx/*.hpp "$root"/src/exchange/roster/*.hpp "$root"/src/exchange/common/*.hpp; do
  [[ "$src" -nt "$bin" ]] && rebuild=1
done
if (( rebuild )); then
  echo "fuzz: building $bin"
  # shellcheck disable=SC2046
  "$cxx" -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -I"$root/src" $(pkg-config --cflags libzip pugixml xlsxwriter) \
    "${srcs[@]}" -o "$bin" $(pkg-config --libs libzip pugixml xlsxwriter)
fi

echo "fuzz: running roster_import_fuzz for ${seconds}s"
"$bin" "$out/corpus" "$root/tests/fuzz/corpus" \
  -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$out/" -print_final_stats=1 2>"$out/fuzz.log" || {
  status=$?
  tail -n 60 "$out/fuzz.log" >&2
  echo "fuzz: roster_import_fuzz FAILED (exit $status); see $out/fuzz.log and $out/crash-*" >&2
  exit "$status"
}
grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$out/fuzz.log" || true
echo "fuzz: roster_import_fuzz OK"
