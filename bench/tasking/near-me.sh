#!/usr/bin/env bash
# Load test of "near me": wrk on 127.0.0.1, 100 connections, 30 s, signed in as the demo officer, from random
# positions around the demo town, taking the renewed sign-in cookie as a browser does. Prints wrk's latency distribution (p99) and requests per second. It measures the
# app as it runs in service: after the demo's first-start work (import, hot spots, dashboard warm-up) has finished,
# and after a 30 s warm-up run whose figures are not kept: the JIT compiles and then re-optimises the hot path
# (tiered compilation with profile-guided optimisation) over the first half minute of load.
# usage: bench/tasking/near-me.sh [SECONDS] [CONNECTIONS]
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
seconds=${1:-30}
connections=${2:-100}
port=5095
work=$(mktemp -d /tmp/hotspots-bench-XXXX)
trap 'stop_app; rm -rf "$work"' EXIT
command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }; }

publish_app "$work/app"
start_app "$work/app" $port "$work/data" --Demo:Enabled=true --Logging:LogLevel:HotSpots.Web.Hosting.DashboardWarmUp=Information
until grep -q "pages drawn once" "$work/data/app.log"; do sleep 1; done
sign_in $port officer@demo.hotspots "$work/jar"
export HOTSPOTS_COOKIE="$(cookie_header "$work/jar")"
curl -s -f -H "Cookie: $HOTSPOTS_COOKIE" "http://127.0.0.1:$port/api/hotspots/near?lat=51.4545&lon=-0.973&count=10" >/dev/null
wrk -t2 -c"$connections" -d30s --timeout 5s -s "$(dirname "$0")/near-me.lua" "http://127.0.0.1:$port" >/dev/null
echo "near-me: wrk -t2 -c$connections -d${seconds}s --latency, $(nproc) cores, $(date -u +%FT%TZ)"
wrk -t2 -c"$connections" -d"${seconds}s" --timeout 5s --latency -s "$(dirname "$0")/near-me.lua" "http://127.0.0.1:$port"
