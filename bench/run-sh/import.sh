#!/usr/bin/env bash
# The import as a user runs it: `./run.sh import FOLDER --json` of all 45 months of Avon and Somerset (637,090 rows)
# into a fresh data directory, timed from the shell (wall time of the whole command: the build check, the process's
# start, migrations, the import, the exit) beside the import's own report ("seconds").
# Several launchers can be compared in the same session, their runs interleaved (A B A B …), e.g. the run.sh of an
# older checkout:  bench/run-sh/import.sh ./run.sh /tmp/old-checkout/run.sh
# usage: [RUNS=5] bench/run-sh/import.sh [LAUNCHER …]     (run by hand, never by ./test.sh; DATA=folder to import)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
data=${DATA:-$root/../shared/data/uk-police/avon-and-somerset}
[ -d "$data" ] || [ -f "$data" ] || { echo "No data at $data" >&2; exit 1; }
launchers=("$@")
[ ${#launchers[@]} -gt 0 ] || launchers=("$root/run.sh")
runs=${RUNS:-5}
work=$(mktemp -d /tmp/hotspots-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
for launcher in "${launchers[@]}"; do # one untimed call first, so that a build a launcher needs is not counted
  HOTSPOTS_DATA_DIR="$work/warm" "$launcher" --help >/dev/null 2>&1
done
echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ); $runs runs of each, interleaved"
exec 9>/tmp/hotspots-bench.lock
flock 9
for i in $(seq 1 "$runs"); do
  for n in "${!launchers[@]}"; do
    rm -rf "$work/data"
    start=$(date +%s.%N)
    HOTSPOTS_DATA_DIR="$work/data" "${launchers[$n]}" import "$data" --json >"$work/out" 2>"$work/err" || { cat "$work/err" "$work/out" >&2; exit 1; }
    wall=$(echo "$(date +%s.%N) - $start" | bc)
    seconds=$(grep -o '"seconds":[0-9.]*' "$work/out" | cut -d: -f2)
    printf '%s run %d: wall %.2f s, import %.2f s (load %s)\n' "${launchers[$n]}" "$i" "$wall" "$seconds" "$(cut -d' ' -f1 /proc/loadavg)"
    echo "$wall $seconds" >>"$work/times.$n"
  done
done
for n in "${!launchers[@]}"; do
  python3 - "${launchers[$n]}" "$work/times.$n" <<'PY'
import statistics, sys
rows = [tuple(map(float, line.split())) for line in open(sys.argv[2])]
wall = [w for w, _ in rows]; imp = [s for _, s in rows]; rest = [w - s for w, s in rows]
print(f"{sys.argv[1]}: median wall {statistics.median(wall):.2f} s (fastest {min(wall):.2f}, slowest {max(wall):.2f}); "
      f"median import {statistics.median(imp):.2f} s; median outside the import {statistics.median(rest):.2f} s")
PY
done
