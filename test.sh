#!/usr/bin/env bash
# Runs every test of HotSpots and ends with one line: "N passed, N failed".
# Installs what the tests need when it is missing (Chromium, fonts, PostgreSQL 15) and starts a private
# PostgreSQL on 127.0.0.1 for the database tests. Tests on the real police data in ../shared/data run
# when that folder is there; otherwise they are reported as not run.
set -uo pipefail
root=$(cd "$(dirname "$0")" && pwd)
cd "$root"

need_apt() { # package, command-or-file that shows it is there
  if ! command -v "$2" >/dev/null 2>&1 && [ ! -e "$2" ]; then
    echo "Installing $1 …" >&2
    if [ "$(id -u)" = 0 ]; then apt-get update -qq >&2 && apt-get install -y -qq "$1" >&2
    elif command -v sudo >/dev/null; then sudo apt-get update -qq >&2 && sudo apt-get install -y -qq "$1" >&2
    else echo "Please install the Debian package $1." >&2; exit 1; fi
  fi
}
need_apt chromium /usr/bin/chromium
need_apt nodejs node
need_apt npm npm
need_apt fonts-dejavu-core /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The tests start hundreds of app hosts; none needs its settings files watched for changes, and each watch takes one of
# the user's inotify instances (128 on a default Linux), which run out when test projects run side by side.
export DOTNET_hostBuilder__reloadConfigOnChange=false

HOTSPOTS_TEST_POSTGRES=$(tools/postgres.sh start | tail -n 1) || { echo "Could not start PostgreSQL for the tests." >&2; exit 1; }
export HOTSPOTS_TEST_POSTGRES
trap 'tools/postgres.sh stop' EXIT

filter=()
not_run=""
if [ ! -d "$root/../shared/data" ]; then
  filter=(--filter "Data!=Shared")
  not_run=$(grep -rl 'Trait("Data", "Shared")' tests --include='*.cs' | xargs grep -ho '\[Fact\]\|\[Theory\]' | wc -l)
fi

results="$root/TestResults/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$results"
dotnet build HotSpots.sln -nologo -v quiet -clp:ErrorsOnly
build=$?
if [ $build -ne 0 ]; then
  echo "The build failed."
  echo "0 passed, 1 failed"
  exit 1
fi
dotnet test HotSpots.sln --no-build -nologo "${filter[@]}" --logger "trx" --results-directory "$results" --logger "console;verbosity=minimal"
status=$?

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0}))
done
projects=$(ls tests/*/*.Tests.csproj | wc -l)
reports=$(ls "$results"/*.trx 2>/dev/null | wc -l)
if [ "$reports" -lt "$projects" ]; then
  echo "Only $reports of $projects test projects reported results: counting the missing ones as failed."
  failed=$((failed + projects - reports))
fi
if [ $status -ne 0 ] && [ $failed -eq 0 ]; then failed=1; echo "dotnet test failed without a failing test: see the output above."; fi
[ -n "$not_run" ] && echo "Not run: $not_run tests on the real police data (../shared/data is not beside this clone)."
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
