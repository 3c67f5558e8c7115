#!/usr/bin/env python3
"""Workload generator for `lingyan match` benchmarks (standard library only).

usage: match_gen.py TRAINEES HOSTS CAPACITY SEED OUT_DIR
Writes OUT_DIR/trainees.csv and OUT_DIR/hosts.csv. Profiles are plausible villages: economy
drawn from five types, incomes log-uniform (trainees 0.3–5 M yuan, hosts 1–40 M yuan),
populations log-uniform 800–20,000.
"""
import math
import os
import random
import sys

ECONOMIES = ["agriculture", "industry", "tourism", "mixed", "urban"]


def row(rng, name, income_lo, income_hi):
    pop = round(math.exp(rng.uniform(math.log(800), math.log(20000))))
    income = round(math.exp(rng.uniform(math.log(income_lo), math.log(income_hi))))
    return f"{name},{rng.choice(ECONOMIES)},{rng.randint(0, 1)},{rng.randint(0, 1)},{pop},{income}"


def main():
    n_trainees, n_hosts, capacity, seed = (int(x) for x in sys.argv[1:5])
    out = sys.argv[5]
    os.makedirs(out, exist_ok=True)
    rng = random.Random(seed)
    header = "unit,economy,dev_zone,near_highway,population,income"
    with open(os.path.join(out, "trainees.csv"), "w", encoding="utf-8") as f:
        f.write(header + "\n")
        for i in range(n_trainees):
            f.write(row(rng, f"学员村{i:05d}", 3e5, 5e6) + "\n")
    with open(os.path.join(out, "hosts.csv"), "w", encoding="utf-8") as f:
        f.write(header + ",capacity\n")
        for i in range(n_hosts):
            f.write(row(rng, f"接收村{i:05d}", 1e6, 4e7) + f",{capacity}\n")


if __name__ == "__main__":
    main()
