#!/usr/bin/env bash
# Hot spot benchmarks, run by hand (never by ./test.sh). Each run holds /tmp/hotspots-bench.lock so that two
# benchmarks never share the machine. Figures go to docs/benchmarks.md.
#   bench/hotspots/run.sh engine     BenchmarkDotNet: a refresh's computation on 1,000,000 crimes of the demo force generator
#   bench/hotspots/run.sh refresh    end to end: 1,000,000 crimes imported into SQLite (kept in /tmp/hotspots-bench-1m), a cold refresh, three warm ones
#   bench/hotspots/run.sh backtest   end to end: ./run.sh backtest on Avon and Somerset (../shared/data), three timed runs
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
lock=/tmp/hotspots-bench.lock
case "${1:-}" in
  engine)
    dotnet build bench/hotspots -c Release -nologo -v q -clp:ErrorsOnly
    flock "$lock" dotnet run -c Release --no-build --project bench/hotspots -- engine ;;
  refresh)
    dotnet build bench/hotspots -c Release -nologo -v q -clp:ErrorsOnly
    flock "$lock" dotnet run -c Release --no-build --project bench/hotspots -- refresh 1000000 --keep /tmp/hotspots-bench-1m ;;
  backtest)
    data="$root/../shared/data/uk-police/avon-and-somerset"
    [ -d "$data" ] || { echo "The Avon and Somerset files are not at $data." >&2; exit 1; }
    dotnet build src/HotSpots.Web -nologo -v q -clp:ErrorsOnly
    export HOTSPOTS_DATA_DIR=$(mktemp -d)
    for run in 1 2 3; do
      flock "$lock" bash -c "time ./run.sh backtest --data '$data' --json 2>/dev/null | tail -n 1 | cut -c1-120"
    done
    rm -rf "$HOTSPOTS_DATA_DIR" ;;
  *)
    sed -n '2,7p' "$0"; exit 2 ;;
esac
