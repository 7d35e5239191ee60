#!/usr/bin/env bash
# Near me of two builds in one session, interleaved, so that a machine shared with other work treats both alike: both
# published Release builds run side by side (own port and data, demo force), each is warmed up with 30 s of the load
# below, then measured runs of 30 s alternate first, second, first, second … ROUNDS times. The load is near-me.sh's:
# wrk -t2 -c100 on 127.0.0.1, the demo officer signed in, random positions around the demo town. Each measured run
# holds /tmp/hotspots-bench.lock, so that other benchmarks on the machine wait. On SQLite unless BENCH_POSTGRES names
# a server where the user may create databases (e.g. tools/postgres.sh start's line): then each build gets a fresh
# database there.
# usage: bench/tasking/near-me-compare.sh FIRST_APP SECOND_APP [ROUNDS]   (APP: the folder of a `dotnet publish -c Release`)
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
first=$(cd "$1" && pwd); second=$(cd "$2" && pwd); rounds=${3:-3}
lua="$(cd "$(dirname "$0")" && pwd)/near-me.lua"
work=$(mktemp -d /tmp/hotspots-bench-compare-XXXX)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }; }

start() { # NAME APP PORT
  local extra=()
  if [ -n "${BENCH_POSTGRES:-}" ]; then
    local db="hotspots_bench_$1_$$"
    psql "$(sed 's/;/ /g; s/Host=/host=/; s/Port=/port=/; s/Username=/user=/; s/Database=/dbname=/' <<<"$BENCH_POSTGRES")" -q -c "CREATE DATABASE $db"
    extra=(--Database:Provider=Postgres "--Database:ConnectionString=$BENCH_POSTGRES;Database=$db;Maximum Pool Size=100")
  fi
  start_app "$2" "$3" "$work/$1" --Demo:Enabled=true --Logging:LogLevel:HotSpots.Web.Hosting.DashboardWarmUp=Information "${extra[@]}"
  pids+=("$APP_PID"); APP_PID=
  until grep -q "pages drawn once" "$work/$1/app.log"; do sleep 1; done
  sign_in "$3" officer@demo.hotspots "$work/$1.jar"
}
load() { # NAME PORT [wrk options]
  local name=$1 port=$2; shift 2
  wrk -t2 -c100 -d30s --timeout 5s "$@" -s "$lua" -H "Cookie: $(cookie_header "$work/$name.jar")" "http://127.0.0.1:$port"
}
start first "$first" 5301
start second "$second" 5302
load first 5301 >/dev/null
load second 5302 >/dev/null
echo "near-me compared: wrk -t2 -c100 -d30s --latency, $(nproc) cores, ${BENCH_POSTGRES:+PostgreSQL}${BENCH_POSTGRES:-SQLite}"
echo "first: $first"
echo "second: $second"
for round in $(seq 1 "$rounds"); do
  for name in first second; do
    port=5301; [ $name = second ] && port=5302
    exec 9>/tmp/hotspots-bench.lock; flock 9
    echo "== round $round, $name, $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
    load $name $port --latency | grep -E "Requests/sec|50%|90%|99%|requests in|Non-2xx|Socket errors"
    flock -u 9
  done
done
