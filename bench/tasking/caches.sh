#!/usr/bin/env bash
# Near me with and without each of the security caches (issue 23). The caches and the build flag that leaves each out
# exist up to commit 0e812ba, where this script was run; the caches were taken out after it (docs/benchmarks.md), so
# run it from a checkout of that commit. The same app built four ways — with every cache,
# and without the sign-in ticket cache, without the stamp-check cache, without any (-p:BenchWithoutCache=…, a build
# flag: no setting turns a check on or off) — each started on its own fresh data directory with the demo force, the
# demo officer signed in through the real form. Then, in rounds that take the builds in turn (so that a shared
# machine's load falls on all of them alike):
#   saturation: wrk -t2 -c100, as fast as the app answers;
#   fixed rate: wrk -t2 -c300 with each connection waiting 1 s after each answer — about 300 requests/s, ten times a
#               large force's shift (3,000 officers asking every 10 s would be 300 a second).
# wrk takes the renewed sign-in cookie as a browser does (near-me.lua). For each run it prints requests/s, p50 and p99,
# and the app's CPU time per request (from /proc), which a shared machine disturbs least. The antiforgery cache is not
# on this path (near me is a GET): bench/patrols/run.sh measures the posts it serves.
# With OFFICERS=N (e.g. 300) the fixed-rate runs are N officers instead, each signed in with a session of their own and
# asking once a second on their own connection (officers.py): the shape of a force's phones, whose sessions each cross
# the stamp-check interval on their own, rather than one session on 300 connections.
# BENCH_APPS=DIR takes the four builds from DIR/app-with, DIR/app-tickets, … instead of publishing them.
# usage: [OFFICERS=N] [BENCH_APPS=DIR] bench/tasking/caches.sh [ROUNDS] [SECONDS]      (run by hand; about 15 minutes with the defaults)
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
rounds=${1:-3}
seconds=${2:-20}
variants=(with tickets stamps all)
work=$(mktemp -d /tmp/hotspots-bench-XXXX)
declare -A pid port
cleanup() { for v in "${variants[@]}"; do [ -n "${pid[$v]:-}" ] && kill "${pid[$v]}" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }; }
ulimit -n 4096

# The publishes below share obj/ and bin/ with ./run.sh's build: make ./run.sh build again next time.
rm -f "$bench_root/src/HotSpots.Web/bin/Release/run-sh.stamp"
n=0
for v in "${variants[@]}"; do
  flag=(); [ "$v" = with ] || flag=(-p:BenchWithoutCache="$v")
  if [ -n "${BENCH_APPS:-}" ]; then cp -r "$BENCH_APPS/app-$v" "$work/app-$v" # builds published earlier (app-with, app-tickets, …)
  else dotnet publish "$bench_root/src/HotSpots.Web" -c Release "${flag[@]}" -o "$work/app-$v" -nologo -v quiet -clp:ErrorsOnly >&2; fi
  port[$v]=$((5101 + n)); n=$((n + 1))
done
# The first build seeds the demo force (with OFFICERS extra officers, whose password hashing takes minutes on a busy
# machine) and is stopped; every build then starts on its own copy of that data.
launch() { # VARIANT DATA_DIR
  (cd "$work/app-$1" && HOTSPOTS_DATA_DIR="$2" exec dotnet HotSpots.Web.dll --urls "http://127.0.0.1:${port[$1]}" \
    --Logging:LogLevel:Default=Warning --Demo:Enabled=true --allow-demo-in-production --Demo:ExtraOfficers="${OFFICERS:-0}" --Security:SignInPerMinute=100000 \
    --Logging:LogLevel:HotSpots.Web.Hosting.DashboardWarmUp=Information >>"$2/app.log" 2>&1) &
  pid[$1]=$!
}
ready() { # VARIANT — waits for the first-start work (demo seed, dashboard warm-up)
  until grep -q "pages drawn once" "$work/data-$1/app.log"; do
    kill -0 "${pid[$1]}" 2>/dev/null || { echo "The app ($1) stopped; see its log:" >&2; tail -20 "$work/data-$1/app.log" >&2; exit 1; }
    sleep 2
  done
}
mkdir -p "$work/seed"
launch "${variants[0]}" "$work/seed"
until grep -q "pages drawn once" "$work/seed/app.log"; do sleep 2; done
kill "${pid[${variants[0]}]}"; wait "${pid[${variants[0]}]}" 2>/dev/null || true
rm -f "$work/seed/hotspots.lock" "$work/seed/app.log"
for v in "${variants[@]}"; do
  cp -r "$work/seed" "$work/data-$v"
  launch "$v" "$work/data-$v"
done
for v in "${variants[@]}"; do ready "$v"; done
for v in "${variants[@]}"; do
  sign_in "${port[$v]}" officer@demo.hotspots "$work/jar-$v"
  [ -z "${OFFICERS:-}" ] || python3 "$(dirname "$0")/officers.py" sign-in "http://127.0.0.1:${port[$v]}" "$OFFICERS" "$work/officers-$v"
done

cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat"; } # user + system, in clock ticks
measure() { # VARIANT KIND — one wrk run; prints one line
  local v=$1 kind=$2 args
  if [ "$kind" = saturation ]; then args=(-t2 -c100); unset HOTSPOTS_DELAY_MS; else args=(-t2 -c300); export HOTSPOTS_DELAY_MS=1000; fi
  export HOTSPOTS_COOKIE="$(cookie_header "$work/jar-$v")"
  local before after
  before=$(cpu "${pid[$v]}")
  if [ "$kind" = officers ]; then
    python3 "$(dirname "$0")/officers.py" ask "http://127.0.0.1:${port[$v]}" "$work/officers-$v" "$seconds" 1 >"$work/wrk"
  else
    wrk "${args[@]}" -d"${seconds}s" --timeout 5s --latency -s "$(dirname "$0")/near-me.lua" "http://127.0.0.1:${port[$v]}" >"$work/wrk"
  fi
  after=$(cpu "${pid[$v]}")
  local requests rate p50 p99 errors
  requests=$(awk '/requests in/ { print $1 }' "$work/wrk")
  rate=$(awk '/Requests\/sec/ { print $2 }' "$work/wrk")
  p50=$(awk '$1 == "50%" { print $2 }' "$work/wrk")
  p99=$(awk '$1 == "99%" { print $2 }' "$work/wrk")
  errors=$(awk '/Non-2xx/ { print $NF }' "$work/wrk")
  if [ "$kind" = officers ]; then
    read -r _ requests rate _ p50 _ _ _ p99 _ _ _ errors <"$work/wrk"
    rate=${rate%/s}
  fi
  printf '%-8s %-10s requests %7s  %8s/s  p50 %8s  p99 %8s  non-2xx %s  app CPU %6.1f µs/request (%.2f cores)  load %s\n' \
    "$v" "$kind" "$requests" "$rate" "$p50" "$p99" "${errors:-0}" \
    "$(echo "($after - $before) * 10000 / $requests" | bc -l)" "$(echo "($after - $before) / 100 / $seconds" | bc -l)" "$(cut -d' ' -f1 /proc/loadavg)"
}

exec 9>/tmp/hotspots-bench.lock
flock 9
echo "near me with and without the security caches: $(nproc) cores, $(date -u +%FT%TZ), $rounds rounds of ${seconds} s runs"
echo "without: with = every cache; tickets = no sign-in ticket cache; stamps = no stamp-check cache; all = none of the three"
for v in "${variants[@]}"; do measure "$v" saturation >/dev/null; done # the JIT's warm-up, not kept
for round in $(seq 1 "$rounds"); do
  for kind in saturation $([ -n "${OFFICERS:-}" ] && echo officers || echo fixed-300); do
    for v in "${variants[@]}"; do measure "$v" "$kind"; done
  done
done
