#!/usr/bin/env python3
"""Generates the `lingyan evaluate` speed workload of issue 4: SUBJECTS subjects × 40 leaf
criteria (8 groups of 5) scored by 7 judges each, plus a few subject-level facts.

Usage: gen_evaluate.py OUT_DIR [SUBJECTS=20000]  → OUT_DIR/bench_framework.json, OUT_DIR/bench_inputs.csv
Then:  /usr/bin/time -v lingyan evaluate OUT_DIR/bench_framework.json OUT_DIR/bench_inputs.csv > /dev/null"""
import json
import random
import sys
from pathlib import Path

GROUPS, LEAVES_PER_GROUP, JUDGES = 8, 5, 7


def main():
    out = Path(sys.argv[1])
    subjects = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
    out.mkdir(parents=True, exist_ok=True)
    criteria = []
    for g in range(GROUPS):
        children = [{"id": f"c{g}_{k}", "name": f"指标{g}.{k}", "weight": 1 + k % 3, "method": "judges",
                     "trim": 1, "max": 100} for k in range(LEAVES_PER_GROUP)]
        criteria.append({"id": f"g{g}", "name": f"一级指标{g}", "weight": 10 + g, "children": children})
    framework = {"name": "bench", "scale": 100, "bonus_cap": 5, "penalty_cap": 10, "tiebreak": ["g0", "g1"],
                 "awards": [{"name": "一等奖", "quota": 200, "min_total": 60},
                            {"name": "二等奖", "quota": 1000, "min_total": 60}],
                 "criteria": criteria}
    (out / "bench_framework.json").write_text(json.dumps(framework, ensure_ascii=False, indent=1), encoding="utf-8")
    rng = random.Random(4)
    # Pre-rendered scores keep generation fast; the engine sees 5.6 M distinct rows all the same.
    scores = [f"{60 + x / 10:.1f}" for x in range(401)]
    leaves = [f"c{g}_{k}" for g in range(GROUPS) for k in range(LEAVES_PER_GROUP)]
    with open(out / "bench_inputs.csv", "w", encoding="utf-8", newline="") as f:
        f.write("subject,criterion,key,value\n")
        for s in range(subjects):
            name = f"村{s:05d}"
            lines = []
            for leaf in leaves:
                prefix = f"{name},{leaf},judge,"
                for _ in range(JUDGES):
                    lines.append(prefix + scores[rng.randrange(401)])
            if s % 50 == 0:
                lines.append(f"{name},-,bonus,2")
            if s % 997 == 0:
                lines.append(f"{name},-,veto,一票否决")
            f.write("\n".join(lines))
            f.write("\n")


if __name__ == "__main__":
    main()
