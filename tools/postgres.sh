#!/usr/bin/env bash
# A private PostgreSQL 15 cluster on 127.0.0.1 for the tests (never the system's own cluster).
# usage: tools/postgres.sh start   prints the connection string on its last line
#        tools/postgres.sh stop
# HOTSPOTS_PG_PORT (default 55432) and HOTSPOTS_PG_DIR (default /tmp/hotspots-pg-PORT) move it.
set -euo pipefail
port=${HOTSPOTS_PG_PORT:-55432}
dir=${HOTSPOTS_PG_DIR:-/tmp/hotspots-pg-$port}
bin=/usr/lib/postgresql/15/bin

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    if [ ! -x "$bin/initdb" ]; then
      echo "Installing PostgreSQL 15 (apt-get install postgresql-15)…" >&2
      if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq postgresql-15 >&2
      else sudo apt-get update -qq && sudo apt-get install -y -qq postgresql-15 >&2; fi
    fi
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    if ! as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off" start >&2 \
        || { cat "$dir/server.log" >&2; exit 1; }
    fi
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true; fi
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
