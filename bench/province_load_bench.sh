#!/usr/bin/env bash
# Times `lingyan load-province` (issue 15) into a fresh database on a running PostgreSQL and
# reports, beside each phase's wall time, the CPU time PostgreSQL spent (the postmaster and all its
# processes, reaped ones included) and the load average, so that figures taken on a shared machine
# can be read. usage: province_load_bench.sh LINGYAN_BINARY "host=… port=… user=…" PGDATA SCALE [DBNAME]
set -euo pipefail
bin=$1 conn=$2 pgdata=$3 scale=$4 name=${5:-lingyan_province}
tick=$(getconf CLK_TCK)
pg_cpu() {  # seconds of CPU used so far by the cluster
  local pm; pm=$(head -1 "$pgdata/postmaster.pid")
  local total=0
  for stat in /proc/[0-9]*/stat; do
    read -r -a f 2>/dev/null <"$stat" || continue
    if [ "${f[0]}" = "$pm" ]; then total=$((total + f[13] + f[14] + f[15] + f[16]))
    elif [ "${f[3]}" = "$pm" ]; then total=$((total + f[13] + f[14])); fi
  done
  echo "scale=1; $total / $tick" | bc
}
psql "$conn dbname=postgres" -qc "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
cpu0=$(pg_cpu)
/usr/bin/time -f "lingyan: %e s wall, %U s user, %S s sys, %M KiB peak RSS" "$bin" load-province --db "$conn dbname=$name" --scale "$scale"
cpu1=$(pg_cpu)
echo "PostgreSQL CPU during the load: $(echo "$cpu1 - $cpu0" | bc) s"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
psql "$conn dbname=$name" -Atc "SELECT 'database size: ' || pg_size_pretty(pg_database_size(current_database()))"
