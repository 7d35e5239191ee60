#!/usr/bin/env bash
# End-to-end import benchmark: all 45 months of Avon and Somerset (637,090 rows) into a fresh SQLite database
# through the app's own command line (./run.sh import), then the same again (nothing new: every row unchanged),
# then 12 months and one month alone, to compare peak memory (it should not grow with the size of the input).
# The fresh 45-month import runs RUNS times (5 by default), each into a new database, and their median is printed: on a
# shared 2-core machine one run can be a second faster or slower than the next.
# usage: [RUNS=5] bench/ingestion/end-to-end.sh [DATA_FOLDER]     (run by hand, never by ./test.sh)
# Wraps the runs in a lock so that two benchmarks never run at once on a shared machine.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
data=${1:-$root/../shared/data/uk-police/avon-and-somerset}
[ -d "$data" ] || { echo "No data folder at $data" >&2; exit 1; }
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >&2
cd "$root"
dotnet build src/HotSpots.Web -c Release -nologo -v q -clp:ErrorsOnly >&2
# With the runtime settings ./run.sh gives its verbs.
app="env DOTNET_TieredPGO=0 dotnet $root/src/HotSpots.Web/bin/Release/net10.0/HotSpots.Web.dll"
work=$(mktemp -d /tmp/hotspots-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
month=$(ls "$data" | head -1)

run() { # label, data dir, path
  local label=$1 dir=$2 path=$3
  HOTSPOTS_DATA_DIR=$dir /usr/bin/time -f "%e %M %U %S" -o "$work/time" $app import "$path" --json >"$work/out" 2>"$work/err" \
    || { cat "$work/err" "$work/out" >&2; exit 1; }
  read -r seconds kb user system <"$work/time"
  local json; json=$(tail -n 1 "$work/out")
  echo "$label: $json; process: wall ${seconds} s, CPU ${user} s user + ${system} s system (start-up and migrations included); peak memory $((kb / 1024)) MiB"
}

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ)"
flock /tmp/hotspots-bench.lock bash -c "true"
exec 9>/tmp/hotspots-bench.lock
flock 9
runs=${RUNS:-5}
for i in $(seq 1 "$runs"); do
  rm -rf "$work/all"
  run "45 months, fresh database (run $i of $runs)" "$work/all" "$data"
  grep -o '"seconds":[0-9.]*' "$work/out" | cut -d: -f2 >>"$work/fresh"
done
sort -n "$work/fresh" | awk -v rows=637090 '{ s[NR] = $1 } END {
  m = (NR % 2) ? s[(NR + 1) / 2] : (s[NR / 2] + s[NR / 2 + 1]) / 2
  printf "45 months, fresh database, %d runs: median %.2f s (%.0f rows/s), fastest %.2f s, slowest %.2f s\n", NR, m, rows / m, s[1], s[NR] }'
run "45 months again (all unchanged)" "$work/all" "$data"
mkdir -p "$work/twelve-months"
for f in $(ls "$data" | head -12); do ln -s "$data/$f" "$work/twelve-months/$f"; done
run "12 months, fresh database" "$work/twelve" "$work/twelve-months"
run "1 month ($month), fresh database" "$work/one" "$data/$month"
