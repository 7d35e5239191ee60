#!/usr/bin/env bash
# Fault run (issue 9): pings, activity entries and imports while the server is killed (SIGKILL) three times and
# started again; then every acknowledged row must be present exactly once. Run by hand, never by ./test.sh.
#   bench/security/faults.sh        (KILLS=3, SEED=9, IMPORT_WAIT_SECONDS=360, BENCH_PORT=5189 may be set)
# Prints one JSON line with the figures; exits non-zero when anything acknowledged is missing or doubled.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
port=${BENCH_PORT:-5189}
work=$(mktemp -d /tmp/hotspots-faults.XXXXXX)
trap 'rm -rf "$work"' EXIT
echo "Publishing a Release build …" >&2
dotnet publish "$root/src/HotSpots.Web" -c Release -o "$work/app" -nologo -v quiet -clp:ErrorsOnly >&2
mkdir -p "$work/data"
secret=$(cd "$work/app" && HOTSPOTS_DATA_DIR="$work/data" dotnet HotSpots.Web.dll create-client fault-feed --scope imports | sed -n 's/^client_secret=//p')
flock /tmp/hotspots-bench.lock python3 "$root/bench/security/faults.py" "$work/app" "$work/data" "$port" "$secret"
