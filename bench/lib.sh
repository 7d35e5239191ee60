# Shared by the bench scripts: publish a Release build, start it on a port with its own data, sign a user in.
# Source it; it defines publish_app, start_app, stop_app and sign_in.

bench_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

publish_app() { # OUT — or copies BENCH_APP, a Release build published earlier, so that several benchmarks share one
  if [ -n "${BENCH_APP:-}" ]; then cp -r "$BENCH_APP" "$1"; return; fi
  dotnet publish "$bench_root/src/HotSpots.Web" -c Release -o "$1" -nologo -v quiet -clp:ErrorsOnly >&2
}

start_app() { # OUT PORT DATA_DIR [settings…] — sets APP_PID
  local out=$1 port=$2 data=$3
  shift 3
  mkdir -p "$data"
  # The published build runs in Production: the benchmarks' demo force needs --allow-demo-in-production (docs/security.md).
  (cd "$out" && HOTSPOTS_DATA_DIR="$data" exec dotnet HotSpots.Web.dll --urls "http://127.0.0.1:$port" \
      --allow-demo-in-production --Logging:LogLevel:Default=Warning "$@" >"$data/app.log" 2>&1) &
  APP_PID=$!
  for _ in $(seq 1 180); do
    if curl -s -o /dev/null "http://127.0.0.1:$port/Account/SignIn"; then return 0; fi
    sleep 1
  done
  echo "The app did not start; see $data/app.log" >&2
  return 1
}

stop_app() {
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  APP_PID=
}

sign_in() { # PORT EMAIL JAR — signs in through the real form; the cookie lands in JAR
  local port=$1 email=$2 jar=$3
  local token
  token=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/Account/SignIn" \
    | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Email=$email" --data-urlencode "Password=Demo-Patrol-2026" \
    --data-urlencode "__RequestVerificationToken=$token" "http://127.0.0.1:$port/Account/SignIn"
  if ! grep -q hotspots.auth "$jar"; then # the role needs a second factor: the demo accounts' authenticator key
    token=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/Account/TwoFactor" \
      | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p')
    curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Code=$(demo_code)" --data-urlencode "__RequestVerificationToken=$token" \
      "http://127.0.0.1:$port/Account/TwoFactor"
  fi
  grep -q hotspots.auth "$jar" || { echo "Sign-in of $email failed" >&2; return 1; }
}

demo_code() { # the current authenticator code of the demo key (RFC 6238: 30 s steps, 6 digits, HMAC-SHA1)
  python3 -c 'import base64,hmac,struct,time; k=base64.b32decode("DEMOHOTSPOTSDEMOHOTSPOTSDEMOKEY2"); h=hmac.digest(k, struct.pack(">Q", int(time.time())//30), "sha1"); o=h[-1]&15; print("%06d" % ((struct.unpack(">I", h[o:o+4])[0]&0x7fffffff)%1000000))'
}

cookie_header() { # JAR — the Cookie header wrk should send
  awk '$0 !~ /^#/ || $0 ~ /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$1"
}
