"""Many officers asking "near me", each signed in with their own session and asking on their own schedule, as phones
do: N officers each ask once every PERIOD seconds (their first requests spread over the period) for SECONDS, each on
its own keep-alive connection, taking the renewed sign-in cookie when the app sends one. Prints the count of requests,
non-2xx answers and the latency distribution.
usage: python3 officers.py sign-in BASE N COOKIES_FILE     signs officer001 … officerN in through the form
       python3 officers.py ask BASE COOKIES_FILE SECONDS PERIOD"""
import concurrent.futures, http.client, random, re, sys, threading, time, urllib.parse

sys.path.insert(0, __import__("os").path.join(__import__("os").path.dirname(__file__), "..", "security"))
from officer_client import Client  # noqa: E402


def sign_in(base, n, cookies_file):
    def one(i):
        c = Client(base)
        c.form("/Account/SignIn", {"Email": f"officer{i:03d}@demo.hotspots", "Password": "Demo-Patrol-2026"})
        jar = next(h for h in c.opener.handlers if hasattr(h, "cookiejar")).cookiejar
        cookie = "; ".join(f"{k.name}={k.value}" for k in jar)
        if "hotspots.auth=" not in cookie:
            raise SystemExit(f"sign-in of officer{i:03d} failed")
        return cookie
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        cookies = list(pool.map(one, range(1, n + 1)))
    with open(cookies_file, "w") as f:
        f.write("\n".join(cookies) + "\n")


def ask(base, cookies_file, seconds, period):
    host, port = urllib.parse.urlparse(base).hostname, urllib.parse.urlparse(base).port
    cookies = [line.strip() for line in open(cookies_file) if line.strip()]
    latencies, failures, lock = [], [0], threading.Lock()
    start = time.monotonic() + 1
    end = start + seconds

    def officer(index, cookie):
        rng = random.Random(index)
        connection = http.client.HTTPConnection(host, port, timeout=10)
        due = start + rng.random() * period
        mine = []
        while due < end:
            pause = due - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            lat, lon = 51.4545 + (rng.random() - 0.5) * 0.036, -0.9730 + (rng.random() - 0.5) * 0.058
            sent = time.monotonic()
            try:
                connection.request("GET", f"/api/hotspots/near?lat={lat:.6f}&lon={lon:.6f}&count=10", headers={"Cookie": cookie})
                response = connection.getresponse()
                response.read()
                renewed = re.match(r"(hotspots\.auth=[^;]*)", response.getheader("Set-Cookie") or "")
                if renewed:
                    cookie = re.sub(r"hotspots\.auth=[^;]*", lambda _: renewed.group(1), cookie)
                ok = 200 <= response.status < 300
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection(host, port, timeout=10)
                ok = False
            # Latency from the time the request was due, so that a slow answer also counts against the requests behind it.
            mine.append((time.monotonic() - due) * 1000)
            if not ok:
                with lock:
                    failures[0] += 1
            due += period
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=officer, args=(i, c)) for i, c in enumerate(cookies)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    latencies.sort()
    q = lambda p: latencies[min(len(latencies) - 1, int(p * len(latencies)))]
    print(f"requests {len(latencies)}  {len(latencies) / seconds:.1f}/s  p50 {q(0.5):.1f}ms  p90 {q(0.9):.1f}ms  "
          f"p99 {q(0.99):.1f}ms  max {latencies[-1]:.1f}ms  non-2xx {failures[0]}")


if __name__ == "__main__":
    if sys.argv[1] == "sign-in":
        sign_in(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    else:
        ask(sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5]))
