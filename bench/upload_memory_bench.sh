#!/usr/bin/env bash
# Memory after uploads (issue 11, findings 1 and 9): a 200,000-row roster CSV previewed several times
# (POST /api/v1/import/roster?dry_run=1) by admin on `lingyan serve --demo`; prints the server's
# anonymous RSS before, after each preview and a few seconds later.
#   usage: bench/upload_memory_bench.sh BIN [ROWS] [REPEATS]
#   MAX_GROWTH_MIB=N: exit 1 when the RSS a few seconds after the last preview is more than N MiB above
#   the RSS at start, or a preview fails (ctest security.upload_memory_returned; a bench run sets none).
set -euo pipefail
bin=${1:?usage: upload_memory_bench.sh BIN [ROWS] [REPEATS]}
rows=${2:-200000}; repeats=${3:-3}
tmp=$(mktemp -d); trap 'kill $(jobs -p) 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"' EXIT
"$bin" serve --db "sqlite:$tmp/m.db" --port 0 --quiet --demo --threads 2 >"$tmp/serve.log" 2>&1 &
pid=$!
for _ in $(seq 600); do grep -q "listening on port" "$tmp/serve.log" 2>/dev/null && break; sleep 0.1; done
port=$(sed -n 's/.*listening on port \([0-9]*\).*/\1/p' "$tmp/serve.log" | head -1)
base="http://127.0.0.1:$port/api/v1"
login=$(curl -si -X POST "$base/session" -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"lingyan-demo"}' | tr -d '\r')
cookie=$(sed -n 's/^Set-Cookie: \(lingyan_session=[^;]*\).*/\1/p' <<<"$login")
csrf=$(sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p' <<<"$login")
code=$(curl -s -H "Cookie: $cookie" "$base/units?size=1&parent=1" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["code"])')
python3 - "$rows" "$code" >"$tmp/roster.csv" <<'PY'
import random, sys
rows, code = int(sys.argv[1]), sys.argv[2]
random.seed(7)
family = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"
print("\ufeff姓名,性别,出生日期,学历,入党日期,身份证号,手机号,单位代码,职务,任职日期,后备干部")
for i in range(rows):
    g = len(given)
    name = family[i % 20] + given[i // 20 % g] + given[i // 20 // g % g] + given[i // 20 // g // g % g]  # distinct
    y, m, d = random.randint(1965, 2000), random.randint(1, 12), random.randint(1, 28)
    print(f"{name},{'男' if i % 2 else '女'},{y}-{m:02d}-{d:02d},大学本科,,,,{code},委员,2023-01-01,否")
PY
rss() { awk '/RssAnon/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status"; }
start=$(rss); failed=0
echo "file: $rows rows, $(( $(stat -c %s "$tmp/roster.csv") / 1024 )) KiB; anon RSS at start $start MiB"
for i in $(seq "$repeats"); do
  status=$(curl -s -o "$tmp/answer.json" -w '%{http_code}' -X POST "$base/import/roster?dry_run=1" -H "Cookie: $cookie" \
    -H "X-CSRF-Token: $csrf" -H 'Content-Type: text/csv' -H 'X-Filename: roster.csv' --data-binary @"$tmp/roster.csv")
  [ "$status" = 200 ] || failed=1
  echo "preview $i: HTTP $status ($(head -c 160 "$tmp/answer.json")…), anon RSS $(rss) MiB"
done
sleep 3
echo "3 s later: anon RSS $(rss) MiB"
if [ -n "${MAX_GROWTH_MIB:-}" ]; then
  end=$(rss)
  [ "$failed" = 0 ] || { echo "FAIL: a preview did not answer 200"; exit 1; }
  [ "$end" -le $((start + MAX_GROWTH_MIB)) ] || { echo "FAIL: RSS $start → $end MiB (at most +$MAX_GROWTH_MIB)"; exit 1; }
  echo "ok: RSS $start → $end MiB (at most +$MAX_GROWTH_MIB)"
fi
