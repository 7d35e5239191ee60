#!/usr/bin/env bash
# Runs HotSpots on this machine.
#   ./run.sh                 the web app on http://127.0.0.1:5080 (--urls URL to change), demo force on first start
#   ./run.sh VERB …          the app's command line: import, refresh, backtest, backup, restore, … (./run.sh --help)
# HOTSPOTS_DATA_DIR moves the data (default: .data in this folder); HOTSPOTS_DEMO=false starts without the demo force.
set -euo pipefail
root=$(cd "$(dirname "$0")" && pwd)
cd "$root"

need_apt() { # package, command-or-file that shows it is there
  if ! command -v "$2" >/dev/null 2>&1 && [ ! -e "$2" ]; then
    echo "Installing $1 …" >&2
    if [ "$(id -u)" = 0 ]; then apt-get update -qq >&2 && apt-get install -y -qq "$1" >&2
    elif command -v sudo >/dev/null; then sudo apt-get update -qq >&2 && sudo apt-get install -y -qq "$1" >&2
    else echo "Please install the Debian package $1 (apt-get install $1)." >&2; exit 1; fi
  fi
}

if ! command -v dotnet >/dev/null 2>&1; then
  echo "HotSpots needs the .NET 10 SDK (https://dotnet.microsoft.com/download); 'dotnet' is not on the PATH." >&2
  exit 1
fi
need_apt nodejs node
need_apt npm npm
need_apt fonts-dejavu-core /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf

export HOTSPOTS_DATA_DIR="${HOTSPOTS_DATA_DIR:-$root/.data}"
mkdir -p "$HOTSPOTS_DATA_DIR"
export HOTSPOTS_DATA_DIR="$(cd "$HOTSPOTS_DATA_DIR" && pwd)"
# The command line resolves relative paths (import PATH) against the folder you ran ./run.sh from.
export HOTSPOTS_CALLER_DIR="${HOTSPOTS_CALLER_DIR:-$PWD}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "Building HotSpots …" >&2
dotnet build src/HotSpots.Web -nologo -v quiet -clp:ErrorsOnly >&2

case "${1:-}" in
  -h|--help)  # what the command line offers
    exec dotnet run --no-build --project src/HotSpots.Web -- "$@" ;;
  ""|-*)      # no verb: the web app (options such as --urls are passed on)
    exec dotnet run --no-build --project src/HotSpots.Web -- --Demo:Enabled="${HOTSPOTS_DEMO:-true}" "$@" ;;
  *)          # a verb of the app's command line: one short process, which the runtime's profile-guided
              # recompilation costs more than it gains (an import is about 10 % faster without; docs/benchmarks.md)
    DOTNET_TieredPGO=0 exec dotnet run --no-build --project src/HotSpots.Web -- "$@" ;;
esac
