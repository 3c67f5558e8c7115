#!/usr/bin/env bash
# Times `lingyan backup` and `lingyan restore` (with their verification) on a province-size roster
# (default 20,000 units, 1,000,000 people with positions) plus points events, on SQLite and, when
# LINGYAN_TEST_PG is set (scripts/with-postgres.sh), PostgreSQL. Prints the figures; never fails on time.
#   usage: bench/backup_bench.sh BIN [UNITS PEOPLE EVENTS]
set -euo pipefail
bin=$(realpath "${1:?usage: backup_bench.sh BIN}")
units=${2:-20000}; people=${3:-1000000}; events=${4:-2000000}
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d /tmp/lingyan-backup-bench.XXXXXX); trap 'rm -rf "$tmp"' EXIT
"$bin" migrate --db "sqlite:$tmp/h.db" >/dev/null
LINGYAN_PASSWORD=bench-password "$bin" user add h --role admin --db "sqlite:$tmp/h.db" >/dev/null
hash=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select password_hash from users').fetchone()[0])" "$tmp/h.db")
python3 "$root/bench/gen_roster_sql.py" "$units" "$people" "$hash" >"$tmp/roster.sql"
# Points: one period, one rule, a member per person (up to the first 500,000), events spread over them.
cat >"$tmp/points.sql" <<SQL
INSERT INTO points_periods (id, name, day_from, day_to, stars) VALUES (1, '2026', 20454, 20818, '');
INSERT INTO points_rules (id, code, name, category, points, needs_approval) VALUES (1, 'ZY01', '志愿服务', '志愿服务', 500, 0);
INSERT INTO points_members (id, unit_id, name, person_id) SELECT id, unit_id, name, id FROM people WHERE id <= 500000;
SQL
secs() { python3 -c "import time; print(f'{time.time():.3f}')"; }
report() {  # name start end
  python3 -c "import sys; print(f'  {sys.argv[1]}: {float(sys.argv[3]) - float(sys.argv[2]):.1f} s')" "$@"
}
run_one() {  # name db restored_db audit_key
  local name=$1 db=$2 db2=$3 key=$4
  echo "== $name: $units units, $people people, $events points events"
  local t0 t1 t2 t3 t4
  t0=$(secs); "$bin" backup "$tmp/bk-$name" --db "$db" --audit-key "$key" --data-dir "$tmp" >"$tmp/b.log"; t1=$(secs)
  report "backup" "$t0" "$t1"; grep -E "张表|大小" "$tmp/b.log"
  "$bin" restore "$tmp/bk-$name" --db "$db2" --audit-key "$tmp/$name-2.audit-key" --data-dir "$tmp" >"$tmp/r.log"; t2=$(secs)
  report "restore + verification (row counts, audit head)" "$t1" "$t2"
  "$bin" audit verify --db "$db2" --audit-key "$tmp/$name-2.audit-key" >/dev/null; t3=$(secs)
  report "audit verify of the restored copy" "$t2" "$t3"
  # A server on the restored copy: start → listening (its views are built from the database).
  "$bin" serve --db "$db2" --audit-key "$tmp/$name-2.audit-key" --port 0 --quiet >"$tmp/serve-$name.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1200); do grep -q "listening on port" "$tmp/serve-$name.log" && break; sleep 0.05; done
  t4=$(secs)
  report "serve on the restored copy: start to listening" "$t3" "$t4"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
# SQLite
db="sqlite:$tmp/bench.db"
"$bin" migrate --db "$db" >/dev/null
LINGYAN_PASSWORD=bench-password "$bin" user add bench-admin --role admin --db "$db" >/dev/null
sqlite3 "$tmp/bench.db" < "$tmp/roster.sql"
sqlite3 "$tmp/bench.db" < "$tmp/points.sql"
sqlite3 "$tmp/bench.db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $events)
  INSERT INTO points_events (member_id, rule_id, day, quantity, note, status, submitted_by, submitted_at)
  SELECT 1 + i % 500000, 1, 20500, 100, '', 'approved', 'bench', '2026-03-01T00:00:00Z' FROM n;"
echo "SQLite file: $(du -h "$tmp/bench.db" | cut -f1)"
run_one sqlite "$db" "sqlite:$tmp/restored.db" "$tmp/bench.db.audit-key"
# PostgreSQL
if [ -n "${LINGYAN_TEST_PG:-}" ]; then
  psql -q "$LINGYAN_TEST_PG" -c "CREATE DATABASE backup_bench" -c "CREATE DATABASE backup_bench_restored"
  pg="${LINGYAN_TEST_PG/dbname=postgres/dbname=backup_bench}"
  pg2="${LINGYAN_TEST_PG/dbname=postgres/dbname=backup_bench_restored}"
  LINGYAN_AUDIT_KEY="$tmp/postgres.audit-key" "$bin" migrate --db "$pg" >/dev/null
  LINGYAN_AUDIT_KEY="$tmp/postgres.audit-key" LINGYAN_PASSWORD=bench-password "$bin" user add bench-admin --role admin --db "$pg" >/dev/null
  psql -q "$pg" -f "$tmp/roster.sql" >/dev/null
  psql -q "$pg" -f "$tmp/points.sql" >/dev/null
  psql -q "$pg" -c "INSERT INTO points_events (member_id, rule_id, day, quantity, note, status, submitted_by, submitted_at)
    SELECT 1 + i % 500000, 1, 20500, 100, '', 'approved', 'bench', '2026-03-01T00:00:00Z' FROM generate_series(1, $events) i;
    ANALYZE;"
  echo "PostgreSQL database: $(psql -tA "$pg" -c "SELECT pg_size_pretty(pg_database_size(current_database()))")"
  run_one postgres "$pg" "$pg2" "$tmp/postgres.audit-key"
fi
