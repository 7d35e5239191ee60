#!/usr/bin/env bash
# Server time of each dashboard page with the 45 months of Avon and Somerset (637,090 crimes) imported (issue 7).
# Publishes a Release build, starts it on a fresh data directory with a small demo force (for the sign-ins, spots and
# patrol history), imports ../shared/data/uk-police/avon-and-somerset through the app's own command line, restarts it
# and waits until the dashboard has read the crimes into memory, then asks each page REPEAT times with a signed-in
# client and prints the first and the median and worst of the rest (curl's time to first byte, on 127.0.0.1). Pages
# with {d} in their address get another day each time, so that no answer is served from the crimes page's store of
# answers already drawn: those figures are the full work of a new filter. Run by hand, never by ./test.sh:
#   bench/dashboard/run.sh [REPEAT]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
source "$root/bench/lib.sh"
repeat=${1:-11}
port=${BENCH_PORT:-5187}
data_source="$root/../shared/data/uk-police/avon-and-somerset"
[ -d "$data_source" ] || { echo "Needs the shared data beside the clone: $data_source" >&2; exit 1; }
work=$(mktemp -d /tmp/hotspots-bench-dashboard.XXXXXX)
trap 'stop_app; rm -rf "$work"' EXIT

echo "Publishing a Release build …" >&2
publish_app "$work/app"
settings=(--Demo:Enabled=true --Demo:CrimesPerYear=2000 --Demo:PatrolHistoryDays=28 --Logging:LogLevel:HotSpots.Web.Hosting.DashboardWarmUp=Information)
start_app "$work/app" "$port" "$work/data" "${settings[@]}"
stop_app
echo "Importing Avon and Somerset …" >&2
started=$(date +%s)
(cd "$work/app" && HOTSPOTS_DATA_DIR="$work/data" dotnet HotSpots.Web.dll import "$data_source" >&2)
echo "Imported in $(( $(date +%s) - started )) s" >&2
start_app "$work/app" "$port" "$work/data" "${settings[@]}"
started=$(date +%s)
until grep -q "pages drawn once" "$work/data/app.log"; do sleep 1; done
echo "Crimes read into memory $(( $(date +%s) - started )) s after the start: $(grep -o 'held in memory in [0-9.]* s' "$work/data/app.log")" >&2
sign_in "$port" manager@demo.hotspots "$work/manager.jar"
sign_in "$port" analyst@demo.hotspots "$work/analyst.jar"

pages=(
  "/Manager"
  "/Dashboard/Crimes"
  "/Dashboard/Crimes?from=2018-01-01&to=2021-09-{d}"
  "/Dashboard/Crimes?from=2018-01-01&to=2021-09-{d}&category=Robbery"
  "/Dashboard/Crimes?from=2019-01-01&to=2019-12-{d}&category=Violence+and+sexual+offences"
  "/Dashboard/Crimes?from=2020-01-01&to=2020-12-{d}&area=E01014540"
  "/Dashboard/People"
  "/Dashboard/Compliance"
  "/Dashboard/Impact"
  "/Dashboard/Impact?day=2020-04-01&window=90&outcome=all"
  "/Dashboard/Leaderboards?period=month"
)
printf '%-78s %8s %8s %8s\n' page cold_ms median_ms max_ms
flock /tmp/hotspots-bench.lock bash -c '
  port=$1; work=$2; repeat=$3; shift 3
  for page in "$@"; do
    jar="$work/manager.jar"; [[ $page == /Dashboard/People* ]] && jar="$work/analyst.jar"
    times=()
    for k in $(seq 1 "$repeat"); do
      address=${page//\{d\}/$(printf "%02d" $((31 - k)))}
      t=$(curl -s -o /dev/null -w "%{http_code} %{time_starttransfer}" -b "$jar" "http://127.0.0.1:$port$address")
      [ "${t%% *}" = 200 ] || { echo "$page answered ${t%% *}" >&2; exit 1; }
      times+=("$(awk "BEGIN { printf \"%.0f\", ${t##* } * 1000 }")")
    done
    cold=${times[0]}
    sorted=$(printf "%s\n" "${times[@]:1}" | sort -n)
    median=$(sed -n "$(( (repeat - 1 + 1) / 2 ))p" <<<"$sorted")
    worst=$(tail -n 1 <<<"$sorted")
    printf "%-78s %8s %8s %8s\n" "$page" "$cold" "$median" "$worst"
  done
' _ "$port" "$work" "$repeat" "${pages[@]}"
