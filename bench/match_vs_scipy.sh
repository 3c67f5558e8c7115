#!/usr/bin/env bash
# lingyan match vs SciPy's linear_sum_assignment on the capacity-expanded cost matrix.
# usage: bench/match_vs_scipy.sh path/to/lingyan
# Generates workloads with bench/match_gen.py (standard library only), times `lingyan match` on
# 10,000 trainees × 2,000 hosts (capacity 5) and on 3,000 × 600, and times the reference on
# 3,000 × 600: SciPy when python3 can import scipy and numpy, otherwise the port of SciPy's
# algorithm in the match_bench binary next to lingyan (clearly labelled). Prints figures only.
set -u
bin=${1:?usage: match_vs_scipy.sh path/to/lingyan}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# Wall and CPU seconds of one run (CPU time is what to compare on a machine shared with others).
secs() {
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%e s wall, %U s CPU' -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err"; cat "$tmp/time"
  else
    local start=$EPOCHREALTIME; "$@" >/dev/null 2>"$tmp/err"
    awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f s wall", b - a }'
  fi
}

python3 "$here/match_gen.py" 10000 2000 5 1 "$tmp/big" || exit 1
python3 "$here/match_gen.py" 3000 600 5 1 "$tmp/mid" || exit 1

t_big=$(secs "$bin" match "$tmp/big/trainees.csv" "$tmp/big/hosts.csv")
echo "lingyan match 10000x2000 cap 5: ${t_big}  ($(grep -o 'placed [^)]*' "$tmp/err"))"
t_mid=$(secs "$bin" match "$tmp/mid/trainees.csv" "$tmp/mid/hosts.csv")
echo "lingyan match  3000x600  cap 5: ${t_mid}  ($(grep -o 'placed [^)]*' "$tmp/err"))"

if python3 -c 'import scipy.optimize, numpy' 2>/dev/null; then
  cat >"$tmp/lsa.py" <<'PY'
import csv, math, sys, time
import numpy as np
from scipy.optimize import linear_sum_assignment
def load(p):
    with open(p, encoding="utf-8") as f:
        return list(csv.DictReader(f))
T, H = load(sys.argv[1]), load(sys.argv[2])
cols = [j for j, h in enumerate(H) for _ in range(int(h["capacity"]))]
V = np.full((len(T), len(H)), -1.0)
for i, t in enumerate(T):
    for j, h in enumerate(H):
        sim = 0.4*(t["economy"] == h["economy"]) + 0.2*(t["dev_zone"] == h["dev_zone"]) + \
              0.2*(t["near_highway"] == h["near_highway"]) + \
              0.2*max(0.0, 1 - abs(math.log(float(t["population"])/float(h["population"])))/math.log(10))
        if float(h["income"]) > float(t["income"]) and sim + 1e-9 >= 0.5:
            V[i, j] = sim*math.log(float(h["income"])/float(t["income"]))
big = 1 + V.max()*len(T)
E = V[:, cols]
C = np.where(E >= 0, -(big + E), 0.0)
start = time.time(); r, c = linear_sum_assignment(C); el = time.time() - start
picked = E[r, c]
print(f"scipy linear_sum_assignment 3000x600 expanded ({C.shape[0]}x{C.shape[1]}): {el:.2f} s "
      f"(placed {int((picked >= 0).sum())}, value {picked[picked >= 0].sum():.4f})")
PY
  python3 "$tmp/lsa.py" "$tmp/mid/trainees.csv" "$tmp/mid/hosts.csv"
else
  echo "scipy: not importable here (see docs/performance.md); using the labelled C++ port of its algorithm"
  bench_bin=$(dirname "$bin")/bench/match_bench
  if [ -x "$bench_bin" ]; then
    "$bench_bin" --benchmark_filter='BM_ReferenceLsaExpanded/3000|BM_MatchHosts/3000' --benchmark_format=console
  else
    echo "reference: $bench_bin not built (make build builds it)"
  fi
fi
