#!/usr/bin/env python3
"""Generates province-scale inputs for `lingyan points tally` (issue 5):
   scale 1.0 = 20,000 units, 4,000,000 members, 80,000,000 events (about 3.5 GB of CSV).
Usage: points_gen.py OUT_DIR [SCALE] [SEED]. Writes rules.json, rules.csv (the same rules for
DuckDB), units.csv, members.csv, events.csv. Deterministic for a given scale and seed."""
import json
import os
import random
import sys

out = sys.argv[1]
scale = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 2025)
os.makedirs(out, exist_ok=True)

RULES = [  # code, name, category, points, cap
    ("XX01", "参加三会一课", "学习活动", 2, 40), ("XX02", "参加专题学习", "学习活动", 3, 30),
    ("ZY01", "参加志愿服务", "志愿服务", 5, 60), ("ZY02", "结对帮扶困难群众", "志愿服务", 8, None),
    ("ZF01", "带头致富", "带头致富", 10, 50), ("ZF02", "带动群众就业", "带头致富", 6, None),
    ("HJ01", "参与环境整治", "环境整治", 3, 36), ("HJ02", "垃圾分类督导", "环境整治", 2, None),
    ("JF01", "成功调处纠纷", "纠纷调处", 6, 48), ("JF02", "反映社情民意", "纠纷调处", 2, 20),
    ("FM01", "无故不参加组织生活", "负面清单", -5, 30), ("FM02", "不按时交纳党费", "负面清单", -10, None),
]
WEIGHTS = [20, 10, 18, 4, 5, 4, 12, 8, 6, 8, 3, 2]
with open(os.path.join(out, "rules.json"), "w", encoding="utf-8") as f:
    json.dump({"period": {"from": "2025-01-01", "to": "2025-12-31"}, "stars": [0, 60, 120, 180, 240],
               "rules": [dict({"code": c, "name": n, "category": k, "points": p}, **({"cap": cap} if cap else {}))
                         for c, n, k, p, cap in RULES]}, f, ensure_ascii=False, indent=1)
with open(os.path.join(out, "rules.csv"), "w", encoding="utf-8") as f:
    f.write("code,points,cap\n")
    for c, _, _, p, cap in RULES:
        f.write(f"{c},{p},{'' if cap is None else cap}\n")

# Units: province → cities → counties → towns → villages/communities, ~20,000 at scale 1.
cities, counties_per, towns_per, villages_per = 13, 8, 12, 15
target_units = max(50, int(20000 * scale))
villages_per = max(1, round(target_units / (cities * counties_per * towns_per)) - 1) if scale < 1 else villages_per
units, leaves = [("P", "", "省")], []
for c in range(cities):
    cid = f"C{c:02d}"
    units.append((cid, "P", f"市{c}"))
    for k in range(counties_per):
        kid = f"{cid}K{k}"
        units.append((kid, cid, f"县{k}"))
        for t in range(towns_per):
            tid = f"{kid}T{t:02d}"
            units.append((tid, kid, f"镇{t}"))
            for v in range(villages_per):
                vid = f"{tid}V{v:02d}"
                units.append((vid, tid, f"村{v}"))
                leaves.append(vid)
            if len(units) >= target_units:
                break
        if len(units) >= target_units:
            break
    if len(units) >= target_units:
        break
with open(os.path.join(out, "units.csv"), "w", encoding="utf-8") as f:
    f.write("unit,parent,name\n")
    f.writelines(f"{u},{p},{n}\n" for u, p, n in units)

n_members = int(4_000_000 * scale)
members = [f"m{i:07d}" for i in range(n_members)]
with open(os.path.join(out, "members.csv"), "w", encoding="utf-8") as f:
    f.write("member,unit,name\n")
    batch = []
    for i, m in enumerate(members):
        batch.append(f"{m},{leaves[i % len(leaves)] if i % 7 else rng.choice(leaves)},党员{i}\n")
        if len(batch) == 100_000:
            f.writelines(batch)
            batch = []
    f.writelines(batch)

n_events = int(80_000_000 * scale)
codes = [r[0] for r in RULES]
dates = [f"2025-{m:02d}-{d:02d}" for m in range(1, 13) for d in range(1, 29)] + ["2024-12-31", "2026-01-01"]
date_weights = [1] * (12 * 28) + [3, 3]
statuses = ["approved"] * 17 + ["pending"] * 2 + ["rejected"]
quantities = [""] * 8 + ["2", "3"]
chunk = 200_000
with open(os.path.join(out, "events.csv"), "w", encoding="utf-8") as f:
    f.write("event,member,rule,date,status,quantity\n")
    done = 0
    while done < n_events:
        k = min(chunk, n_events - done)
        ms = rng.choices(members, k=k)
        rs = rng.choices(codes, weights=WEIGHTS, k=k)
        ds = rng.choices(dates, weights=date_weights, k=k)
        ss = rng.choices(statuses, k=k)
        qs = rng.choices(quantities, k=k)
        f.write("".join(f"e{done + i + 1},{ms[i]},{rs[i]},{ds[i]},{ss[i]},{qs[i]}\n" for i in range(k)))
        done += k
print(f"{len(units)} units, {n_members} members, {n_events} events in {out}")
