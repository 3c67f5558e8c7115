#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 server on a free loopback port, exports
# LINGYAN_TEST_PG (a libpq connection string) and runs the given command, then stops the server.
set -euo pipefail
PGBIN=/usr/lib/postgresql/15/bin
PGTMP=$(mktemp -d /tmp/lingyan-pg.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PGTMP"
as_pg "$PGBIN/initdb" -D "$PGTMP/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$PGTMP/initdb.log" 2>&1
as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/log" \
  -o "-p $port -k $PGTMP -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" -w start >/dev/null
stop() {
  as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PGTMP"
}
trap stop EXIT
export LINGYAN_TEST_PG="host=127.0.0.1 port=$port dbname=postgres user=postgres"
echo "PostgreSQL test server on port $port"
"$@"
