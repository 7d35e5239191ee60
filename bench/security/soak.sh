#!/usr/bin/env bash
# Soak run (issue 9): OFFICERS simulated officers (300), each on a patrol of their own, send pings and ask "near me"
# for SECONDS_TO_RUN seconds (600) while an IMPORT_ROWS-row import (600,000) goes through the import API and a hot spot
# refresh runs. Prints one JSON line with requests, p50/p99 latencies, status counts and missing pings; exits non-zero
# on any 5xx, unanswered request or missing acknowledged ping. Run by hand, never by ./test.sh.
#   bench/security/soak.sh        (BENCH_APP=a published build, BENCH_PORT=5191 may be set)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
source "$root/bench/lib.sh"
port=${BENCH_PORT:-5191}
work=$(mktemp -d /tmp/hotspots-soak.XXXXXX)
trap 'stop_app; rm -rf "$work"' EXIT
publish_app "$work/app"
mkdir -p "$work/data"
secret=$(cd "$work/app" && HOTSPOTS_DATA_DIR="$work/data" dotnet HotSpots.Web.dll create-client soak-feed --scope imports | sed -n 's/^client_secret=//p')
echo "Starting the app with the demo force and ${OFFICERS:-300} extra officers …" >&2
start_app "$work/app" "$port" "$work/data" --Demo:Enabled=true --Demo:ExtraOfficers="${OFFICERS:-300}" --Demo:PatrolHistoryDays=0 \
  --Api:AllowHttp=true --Security:SignInPerMinute=100000
echo "soak: $(nproc) cores, $(date -u +%FT%TZ)" >&2
flock /tmp/hotspots-bench.lock python3 "$root/bench/security/soak.py" "$work/app" "$work/data" "$port" "$secret"
