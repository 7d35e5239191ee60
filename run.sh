#!/usr/bin/env bash
# Runs HotSpots on this machine.
#   ./run.sh                 the web app on http://127.0.0.1:5080 (--urls URL to change), demo force on first start
#   ./run.sh VERB …          the app's command line: import, refresh, backtest, backup, restore, … (./run.sh --help)
# HOTSPOTS_DATA_DIR moves the data (default: .data in this folder).
# The environment is the caller's ASPNETCORE_ENVIRONMENT (or DOTNET_ENVIRONMENT); when neither is set, this is taken to be
# a developer's machine and the app runs in Development. The demo force (whose sign-ins are published in the README) is
# seeded only in Development, or when HOTSPOTS_DEMO=true says so; HOTSPOTS_DEMO=false starts without it. Outside
# Development the app itself refuses demo mode unless started with --allow-demo-in-production (docs/security.md).
set -euo pipefail
# The command line resolves relative paths (import PATH) against the folder you ran ./run.sh from.
export HOTSPOTS_CALLER_DIR="${HOTSPOTS_CALLER_DIR:-$PWD}"
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

if [ -z "${ASPNETCORE_ENVIRONMENT:-}" ] && [ -z "${DOTNET_ENVIRONMENT:-}" ]; then export ASPNETCORE_ENVIRONMENT=Development; fi
environment="${ASPNETCORE_ENVIRONMENT:-${DOTNET_ENVIRONMENT:-}}"
case "${HOTSPOTS_DEMO:-}" in
  "") if [ "${environment,,}" = development ]; then demo=(--Demo:Enabled=true); else demo=(); fi ;;
  *)  demo=("--Demo:Enabled=$HOTSPOTS_DEMO") ;;
esac

[ -n "${HOTSPOTS_DATA_DIR:-}" ] || export HOTSPOTS_DATA_DIR_DEFAULTED=1  # the command line says which folder it used
export HOTSPOTS_DATA_DIR="${HOTSPOTS_DATA_DIR:-$root/.data}"
mkdir -p "$HOTSPOTS_DATA_DIR"
export HOTSPOTS_DATA_DIR="$(cd "$HOTSPOTS_DATA_DIR" && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# A Release build, made again only when its sources changed: the stamp is a hash of the path, size and modification
# time of every file the build reads (a changed, added or deleted file, or another branch checked out, changes it)
# and of the SDKs installed ('dotnet --version' would cost a second). It is taken before the build and kept beside the
# build only when the build succeeded.
app=src/HotSpots.Web/bin/Release/net10.0/HotSpots.Web.dll
stamp_file=src/HotSpots.Web/bin/Release/run-sh.stamp
stamp=$({ ls "$(dirname "$(readlink -f "$(command -v dotnet)")")/sdk" 2>/dev/null
          find src data Directory.Build.props Directory.Packages.props global.json \
            \( -name bin -o -name obj -o -name node_modules -o -path src/HotSpots.Web/wwwroot/lib \) -prune \
            -o -type f -printf '%p %s %T@\n' | LC_ALL=C sort; } | sha256sum | cut -d' ' -f1)
if [ ! -f "$app" ] || [ "$(cat "$stamp_file" 2>/dev/null)" != "$stamp" ]; then
  echo "Building HotSpots (Release) …" >&2
  rm -f "$stamp_file"
  dotnet build src/HotSpots.Web -c Release -nologo -v quiet -clp:ErrorsOnly >&2
  echo "$stamp" >"$stamp_file"
fi

# Run as 'dotnet run' would (the project's folder is the content root, for settings and static files), without
# asking MSBuild for the command each time (about 1.3 s).
cd src/HotSpots.Web
app=bin/Release/net10.0/HotSpots.Web.dll
case "${1:-}" in
  -h|--help)  # what the command line offers
    exec dotnet "$app" "$@" ;;
  ""|-*)      # no verb: the web app (options such as --urls are passed on)
    exec dotnet "$app" ${demo[@]+"${demo[@]}"} "$@" ;;
  *)          # a verb of the app's command line: one short process, which the runtime's profile-guided
              # recompilation costs more than it gains (an import is about 10 % faster without; docs/benchmarks.md)
    DOTNET_TieredPGO=0 exec dotnet "$app" "$@" ;;
esac
