#!/usr/bin/env bash
# Load test of the ping path (issue 6): wrk on 127.0.0.1 posts batches of 50 pings to PATROLS running patrols of the
# demo force (64 by default: demo officers officer001 …, one patrol each, each sending one batch at a time as a phone
# does), on SQLite: 20 s of warm-up, not measured, then the measured run; the rows stored during the measured run are
# counted. Run by hand, never by ./test.sh.
#   [PATROLS=64] bench/patrols/run.sh [SECONDS] [CONNECTIONS] [THREADS]
# Needs wrk (apt-get install -y wrk) and python3. Takes the shared benchmark lock so that no two benchmarks overlap.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-30}; connections=${2:-16}; threads=${3:-2}; patrols=${PATROLS:-64}
port=${BENCH_PORT:-5186}
work=$(mktemp -d /tmp/hotspots-bench-pings.XXXXXX)
app="$work/app"; data="$work/data"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

if [ -n "${BENCH_APP:-}" ]; then cp -r "$BENCH_APP" "$app"   # a Release build published earlier
else
  echo "Publishing a Release build …" >&2
  dotnet publish "$root/src/HotSpots.Web" -c Release -o "$app" -nologo -v quiet >&2
fi

pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
mkdir -p "$data"
(cd "$app" && HOTSPOTS_DATA_DIR="$data" Demo__Enabled=true Demo__CrimesPerYear=4000 Demo__PatrolHistoryDays=0 Demo__ExtraOfficers="$patrols" Security__SignInPerMinute=100000 Logging__LogLevel__Default=Warning \
  ASPNETCORE_ENVIRONMENT=Production exec ./HotSpots.Web --urls "http://127.0.0.1:$port" --allow-demo-in-production >"$work/app.log" 2>&1) &
pid=$!
for _ in $(seq 1 240); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/Account/SignIn" && break
  sleep 0.5
done
curl -fs -o /dev/null "http://127.0.0.1:$port/Account/SignIn" || { cat "$work/app.log" >&2; exit 1; }

# Signs in, starts a patrol at the nearest spot, prints "id|started-ms|lat|lon|cookie|csrf".
patrol() {
  local email=$1 jar="$work/$1.jar" base="http://127.0.0.1:$port"
  local token
  token=$(curl -fs -c "$jar" -b "$jar" "$base/Account/SignIn" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1)
  curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Email=$email" --data-urlencode "Password=Demo-Patrol-2026" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/Account/SignIn"
  local spot
  spot=$(curl -fs -b "$jar" "$base/api/hotspots/near?lat=51.4545&lon=-0.9730&count=1")
  local id lat lon
  id=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])[0]["id"])' "$spot")
  lat=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])[0]["lat"])' "$spot")
  lon=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])[0]["lon"])' "$spot")
  token=$(curl -fs -c "$jar" -b "$jar" "$base/Officer" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1)
  local location
  location=$(curl -fs -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" --data-urlencode "hotspotId=$id" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/Officer/Direct?handler=Start")
  local page csrf started cookie
  page=$(curl -fs -c "$jar" -b "$jar" "$location")
  csrf=$(sed -n 's/.*<meta name="csrf-token" content="\([^"]*\)".*/\1/p' <<<"$page" | head -1)
  started=$(sed -n 's/.*data-started="\([0-9]*\)".*/\1/p' <<<"$page" | head -1)
  cookie=$(awk -F'\t' '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$jar")
  echo "${location##*/}|$started|$lat|$lon|$cookie|$csrf"
}
specs=()
for i in $(seq 1 "$patrols"); do specs+=("$(patrol "$(printf 'officer%03d@demo.hotspots' "$i")")"); done
ids=$(printf '%s\n' "${specs[@]}" | cut -d'|' -f1 | paste -sd,)

count_stored() {
  python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute("select count(*) from patrols_pings where PatrolId in (%s)" % sys.argv[2]).fetchone()[0])' "$data/hotspots.db" "$ids"
}
# Warm-up, not measured: the JIT compiles and re-optimises the ping path over the first seconds of load.
flock /tmp/hotspots-bench.lock wrk -t"$threads" -c"$connections" -d20s --timeout 10s -s "$root/bench/patrols/pings.lua" \
  "http://127.0.0.1:$port" -- "$threads" "${specs[@]}" >/dev/null
before=$(count_stored)
# The app's CPU time (user + system, in clock ticks) around the measured run: CPU per ping is steadier than the rate
# when something else shares the machine.
app_ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
ticks_before=$(app_ticks)
echo "wrk: $threads threads, $connections connections, ${seconds}s, 50 pings a batch, $patrols patrols ($ids)" >&2
out=$(PINGS_ROUND=1 flock /tmp/hotspots-bench.lock wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s -s "$root/bench/patrols/pings.lua" \
  "http://127.0.0.1:$port" -- "$threads" "${specs[@]}")
echo "$out"
ticks=$(( $(app_ticks) - ticks_before ))
stored=$(( $(count_stored) - before ))
duration_us=$(sed -n 's/.*duration_us=\([0-9]*\).*/\1/p' <<<"$out")
requests=$(sed -n 's/^requests=\([0-9]*\).*/\1/p' <<<"$out")
python3 - "$stored" "$duration_us" "$requests" "$ticks" "$(getconf CLK_TCK)" <<'PY'
import sys
stored, us, requests, ticks, hz = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
print(f"pings stored: {stored} of {requests * 50} sent; {stored / (us / 1e6):,.0f} pings/s stored over {us / 1e6:.1f} s")
print(f"app CPU: {ticks / hz:.1f} s ({ticks / hz / (us / 1e6):.2f} cores), {ticks / hz * 1e6 / max(stored, 1):.1f} µs per ping stored")
PY
