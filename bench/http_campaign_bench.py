#!/usr/bin/env python3
"""Ranking board API of an evaluation campaign with many subjects (issue 4: "the ranking board
API for 2,000 subjects under 20 ms"). Starts `lingyan serve --demo` over a temporary SQLite
database, creates a campaign from the built-in sanhao-team template (14 leaves, 7 judges on two
of them) over N labelled subjects, enters their facts through the API, then times
GET /campaigns/{id}/ranking (cold: first read after a change, which evaluates; warm: cached), with three tracks,
three bands and a negative list set
and GET …/explain. Prints figures; never fails on time.
    usage: bench/http_campaign_bench.py BIN [SUBJECTS]"""
import http.client, json, os, random, socket, statistics, subprocess, sys, tempfile, time

bin_path = sys.argv[1]
n_subjects = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
tmp = tempfile.mkdtemp()
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
server = subprocess.Popen([bin_path, "serve", "--demo", "--quiet", "--db", f"sqlite:{tmp}/b.db", "--port", str(port)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    conn = None
    for _ in range(200):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port)
            conn.request("GET", "/api/v1/health")
            if conn.getresponse().read():
                break
        except OSError:
            time.sleep(0.1)
    headers = {"Content-Type": "application/json"}

    def call(method, path, body=None):
        conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
        r = conn.getresponse()
        data = r.read()
        if r.status >= 300:
            raise SystemExit(f"{method} {path}: {r.status} {data[:300]!r}")
        return r, data

    r, data = call("POST", "/api/v1/session", {"username": "county", "password": "lingyan-demo"})
    headers["Cookie"] = r.getheader("Set-Cookie").split(";")[0]
    headers["X-CSRF-Token"] = json.loads(data)["csrf_token"]
    county = [u for u in json.loads(call("GET", "/api/v1/units?q=%E5%A7%9C%E5%A0%B0%E5%8C%BA")[1])["items"]
              if u["name"] == "姜堰区"][0]["id"]
    towns = [u["id"] for u in json.loads(call("GET", f"/api/v1/units?parent={county}")[1])["items"]]
    subjects = [{"unit_id": towns[i % len(towns)], "label": f"项目{i:05d}"} for i in range(n_subjects)]
    detail = json.loads(call("POST", "/api/v1/campaigns", {"name": "bench", "scope_unit_id": county,
                                                          "template": "sanhao-team", "cycle_kind": "year",
                                                          "cycle_label": "2021", "subjects": subjects})[1])
    cid = detail["id"]
    rng = random.Random(7)
    facts = []
    for s in detail["subjects"]:
        sid = s["id"]
        facts.append({"subject_id": sid, "criterion": "yl_study", "key": "count", "value": rng.randint(6, 12)})
        for crit in ("yl_judges", "nj_unity"):
            for j in range(7):
                facts.append({"subject_id": sid, "criterion": crit, "key": "judge", "judge": f"评委{j}",
                              "value": round(rng.uniform(80, 99), 1)})
        for grade, count in (("优秀", rng.randint(20, 40)), ("称职", rng.randint(0, 10)), ("基本称职", 0), ("不称职", 0)):
            facts.append({"subject_id": sid, "criterion": "nj_rating", "key": grade, "value": count})
        for crit in ("zd_sales", "zd_invest", "zd_fdi"):
            target = rng.randint(50, 100)
            facts.append({"subject_id": sid, "criterion": crit, "key": "target", "value": target})
            facts.append({"subject_id": sid, "criterion": crit, "key": "actual", "value": round(target * rng.uniform(0.8, 1.2), 2)})
        facts.append({"subject_id": sid, "criterion": "zd_rank", "key": "value", "value": round(rng.uniform(80, 99), 2)})
        facts.append({"subject_id": sid, "criterion": "gx_satisfaction", "key": "value", "value": round(rng.uniform(85, 99), 1)})
        facts.append({"subject_id": sid, "criterion": "gx_petitions", "key": "count", "value": rng.randint(0, 4)})
    # Tracks, bands and a negative list, as published county schemes use them (the board then also
    # ranks within tracks and hands out bands).
    tracks = [{"name": n, "coefficient": c} for n, c in (("工业", 1.0), ("农业", 1.1), ("城郊", 1.05))]
    call("PUT", f"/api/v1/campaigns/{cid}/settings", {
        "tracks": tracks,
        "subject_tracks": [{"subject_id": s["id"], "track": tracks[i % 3]["name"]} for i, s in enumerate(detail["subjects"])],
        "bands": [{"name": "前20%", "share": 0.2}, {"name": "中间60%", "share": 0.6},
                  {"name": "后20%", "share": 0.2, "follow_up": True}],
        "negative": {"name": "躺平奖", "criterion": "zd_rank", "count": 10}})
    t0 = time.perf_counter()
    for start in range(0, len(facts), 5000):
        call("POST", f"/api/v1/campaigns/{cid}/facts", {"facts": facts[start:start + 5000]})
    enter_s = time.perf_counter() - t0

    def timed(path, n):
        out = []
        for _ in range(n):
            t = time.perf_counter()
            _, body = call("GET", path)
            out.append((time.perf_counter() - t) * 1000)
        return out, len(body)

    cold = []
    for i in range(5):  # a one-fact change, then the first read re-evaluates
        call("POST", f"/api/v1/campaigns/{cid}/facts",
             {"facts": [{"subject_id": detail["subjects"][0]["id"], "criterion": "zd_rank", "key": "value", "value": 90 + i}]})
        cold += timed(f"/api/v1/campaigns/{cid}/ranking", 1)[0]
    warm, size = timed(f"/api/v1/campaigns/{cid}/ranking", 200)
    filtered, _ = timed(f"/api/v1/campaigns/{cid}/ranking?town={towns[0]}", 200)
    explain, _ = timed(f"/api/v1/campaigns/{cid}/subjects/{detail['subjects'][5]['id']}/explain", 200)
    q = lambda xs, p: sorted(xs)[min(len(xs) - 1, int(len(xs) * p))]
    print(f"subjects {n_subjects}, facts {len(facts)} entered in {enter_s:.1f} s ({len(facts)/enter_s:,.0f} facts/s)")
    print(f"ranking cold (after a change)  median {statistics.median(cold):.1f} ms  max {max(cold):.1f} ms")
    print(f"ranking warm ({size/1024:.0f} KiB)      median {statistics.median(warm):.1f} ms  p99 {q(warm, .99):.1f} ms")
    print(f"ranking ?town= (1/13)         median {statistics.median(filtered):.1f} ms  p99 {q(filtered, .99):.1f} ms")
    print(f"explain                       median {statistics.median(explain):.1f} ms  p99 {q(explain, .99):.1f} ms")
finally:
    server.terminate()
    server.wait()
