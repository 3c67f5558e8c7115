#!/usr/bin/env python3
"""Writes SQL that fills a migrated lingyan database with a province-scale roster:
UNITS units (1 province, 13 cities, ~100 counties, towns, villages) and PEOPLE people with
positions, plus an admin account whose password hash is given. Portable SQL (SQLite and PostgreSQL).

usage: gen_roster_sql.py UNITS PEOPLE ARGON2_HASH > roster.sql
"""
import random
import sys

units_target, people_target, pw_hash = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rng = random.Random(7)
out = sys.stdout
out.write("BEGIN;\n")
units = []  # (id, parent, code, name, kind)
uid = 0


def add(parent, code, name, kind):
    global uid
    uid += 1
    units.append((uid, parent, code, name, kind))
    return uid


prov = add(None, "320000000000", "江苏省", "province")
villages = []
cities = [add(prov, f"32{c:02d}00000000", f"市{c}", "city") for c in range(1, 14)]
counties = []
for c_idx, city in enumerate(cities, 1):
    for k in range(1, 9):
        counties.append((add(city, f"32{c_idx:02d}{k:02d}000000", f"县{c_idx}-{k}", "county"), f"32{c_idx:02d}{k:02d}"))
per_county = max(1, (units_target - len(units)) // len(counties))
towns_per_county = max(1, per_county // 60)
for county, prefix in counties:
    for t in range(1, towns_per_county + 1):
        town = add(county, f"{prefix}{t:03d}000", f"镇{prefix}-{t}", "town")
        for v in range(1, 61):
            if len(units) >= units_target:
                break
            villages.append(add(town, f"{prefix}{t:03d}{200 + v:03d}", f"村{prefix}-{t}-{v}", "village"))

for i in range(0, len(units), 500):
    rows = []
    for (id_, parent, code, name, kind) in units[i:i + 500]:
        p = "NULL" if parent is None else str(parent)
        rows.append(f"({id_},{p},'{code}','{name}','{kind}')")
    out.write("INSERT INTO units (id, parent_id, code, name, kind) VALUES " + ",".join(rows) + ";\n")

surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
given = ["建国", "志强", "秀英", "丽华", "海涛", "晓燕", "国平", "红梅", "永明", "桂兰"]
titles = ["书记", "副书记", "委员", "委员", "委员", "主任", "", ""]
edus = ["middle", "high", "junior_college", "bachelor", "postgraduate"]
pid = 0
pos_id = 0
batch_people, batch_pos = [], []


def flush():
    if batch_people:
        out.write("INSERT INTO people (id, unit_id, name, gender, birth_date, education) VALUES " + ",".join(batch_people) + ";\n")
        batch_people.clear()
    if batch_pos:
        out.write("INSERT INTO positions (id, person_id, unit_id, title, start_date) VALUES " + ",".join(batch_pos) + ";\n")
        batch_pos.clear()


for n in range(people_target):
    pid += 1
    unit = villages[n % len(villages)]
    name = rng.choice(surnames) + rng.choice(given)
    gender = rng.choice(["male", "female"])
    birth = f"{rng.randint(1960, 2000)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    batch_people.append(f"({pid},{unit},'{name}','{gender}','{birth}','{rng.choice(edus)}')")
    title = titles[n % len(titles)]
    if title:
        pos_id += 1
        batch_pos.append(f"({pos_id},{pid},{unit},'{title}','2021-0{rng.randint(1, 9)}-01')")
    if len(batch_people) >= 500:
        flush()
flush()
out.write(f"INSERT INTO users (username, display_name, role, scope_unit_id, password_hash) VALUES "
          f"('bench','bench','admin',NULL,'{pw_hash}');\n")
out.write("COMMIT;\n")
print(f"-- units={len(units)} villages={len(villages)} people={pid}", file=sys.stderr)
