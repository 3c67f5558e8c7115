#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 server on a free loopback port, exports
# LINGYAN_TEST_PG (a libpq connection string) and runs the given command, then stops the server.
# Beside it a streaming replica (pg_basebackup -R from the primary, hot standby on a second port):
# LINGYAN_TEST_PG_REPLICA is its connection string and LINGYAN_TEST_PG_REPLICA_CTL a command that
# takes `stop` or `start` (the read-replica tests stop it to see reads fall back to the primary).
# LINGYAN_PG_OPTS adds server settings to the primary, e.g.
#   LINGYAN_PG_OPTS="-c shared_preload_libraries=pg_stat_statements" (bench/two_servers_nginx_bench.sh
#   then prints the statements each request runs).
# LINGYAN_PG_TMPDIR is the folder the servers' data folders are made in (default /tmp; make test
# gives /dev/shm: many databases made and dropped cost far less CPU on tmpfs than on ext4).
set -euo pipefail
PGBIN=/usr/lib/postgresql/15/bin
PGTMP=$(mktemp -d "${LINGYAN_PG_TMPDIR:-/tmp}/lingyan-pg.XXXXXX")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PGTMP"
as_pg "$PGBIN/initdb" -D "$PGTMP/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$PGTMP/initdb.log" 2>&1
as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/log" \
  -o "-p $port -k $PGTMP -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200 ${LINGYAN_PG_OPTS:-}" -w start >/dev/null
stop() {
  as_pg "$PGBIN/pg_ctl" -D "$PGTMP/replica" -m immediate -w stop >/dev/null 2>&1 || true
  as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PGTMP"
}
trap stop EXIT
export LINGYAN_TEST_PG="host=127.0.0.1 port=$port dbname=postgres user=postgres"
rport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
if as_pg "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$port" -U postgres -D "$PGTMP/replica" -R -X stream \
     >"$PGTMP/basebackup.log" 2>&1; then
  cat >"$PGTMP/replica-ctl" <<EOS
#!/usr/bin/env bash
# replica-ctl stop|start: the throwaway streaming replica of with-postgres.sh
set -e
cmd=("$PGBIN/pg_ctl" -D "$PGTMP/replica" -l "$PGTMP/replica.log" -w)
if [ "\$1" = start ]; then cmd+=(-o "-p $rport -k $PGTMP -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200 -c hot_standby_feedback=on"); else cmd+=(-m fast); fi
if [ "\$(id -u)" -eq 0 ]; then runuser -u postgres -- "\${cmd[@]}" "\$1" >/dev/null; else "\${cmd[@]}" "\$1" >/dev/null; fi
EOS
  chmod 755 "$PGTMP/replica-ctl"
  [ "$(id -u)" -eq 0 ] && chmod 755 "$PGTMP"
  if "$PGTMP/replica-ctl" start; then
    export LINGYAN_TEST_PG_REPLICA="host=127.0.0.1 port=$rport dbname=postgres user=postgres"
    export LINGYAN_TEST_PG_REPLICA_CTL="$PGTMP/replica-ctl"
    echo "PostgreSQL streaming replica on port $rport"
  else
    echo "with-postgres: the replica did not start (see $PGTMP/replica.log)" >&2
  fi
else
  echo "with-postgres: pg_basebackup failed, no replica:" >&2; cat "$PGTMP/basebackup.log" >&2
fi
echo "PostgreSQL test server on port $port"
"$@"
