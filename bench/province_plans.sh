#!/usr/bin/env bash
# Runs bench/province_plans.sql on a database filled by `lingyan load-province` (year 2025):
# EXPLAIN (ANALYZE, BUFFERS) of the heaviest pages' queries, each run twice (the second, warm, is
# the one to read). usage: province_plans.sh "host=… port=… user=… dbname=…"
set -euo pipefail
conn=$1
here=$(cd "$(dirname "$0")" && pwd)
county=$(psql "$conn" -Atc "SELECT string_agg(id::text, ',') FROM units WHERE code LIKE '320101%'")
town=$(psql "$conn" -Atc "SELECT string_agg(id::text, ',') FROM units WHERE code LIKE '320101001%'")
member=$(psql "$conn" -Atc "SELECT MAX(id) / 2 FROM points_members")
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for pass in cold warm; do
  echo "######## $pass"
  psql "$conn" -v county_units="$county" -v town_units="$town" -v member="$member" -v day_from=20089 -v day_to=20453 \
    -v since=2025-12-01 -f "$here/province_plans.sql"
done
