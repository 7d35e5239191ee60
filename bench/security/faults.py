#!/usr/bin/env python3
"""Fault run (issue 9): officers send pings and activity entries and a feed sends imports while the server is
killed with SIGKILL three times at random moments and started again on the same data. Clients behave like the
phone's outbox: a request that got no answer is sent again, unchanged. Afterwards every acknowledged ping, activity
and import row must be in the database exactly once. Run through faults.sh, never by ./test.sh."""
import json, os, random, signal, sqlite3, subprocess, sys, threading, time, urllib.parse, urllib.request
from officer_client import Client, start_patrol

app_dir, data_dir, port, secret = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
kills = int(os.environ.get("KILLS", "3"))
base = f"http://127.0.0.1:{port}"
rng = random.Random(int(os.environ.get("SEED", "9")))
stop = threading.Event()
lock = threading.Lock()
acked = {"pings": set(), "activities": set(), "imports": {}}
counts = {"requests": 0, "failed": 0, "5xx": 0}
server = None


def start_server():
    global server
    env = dict(os.environ, HOTSPOTS_DATA_DIR=data_dir, ASPNETCORE_ENVIRONMENT="Production", Demo__Enabled="true",
               Demo__CrimesPerYear="4000", Api__AllowHttp="true", Security__SignInPerMinute="100000",
               Jobs__PollSeconds="1", Logging__LogLevel__Default="Warning")
    log = open(os.path.join(data_dir, "app.log"), "a")
    server = subprocess.Popen(["dotnet", "HotSpots.Web.dll", "--urls", base, "--allow-demo-in-production"], cwd=app_dir, env=env, stdout=log, stderr=log)
    for _ in range(600):
        try:
            urllib.request.urlopen(base + "/Account/SignIn", timeout=2)
            return
        except Exception:
            time.sleep(0.2)
    raise SystemExit("the server did not start")


def patrol(email):
    c, patrol_id = start_patrol(base, email)
    spot = json.loads(c.send("GET", "/api/hotspots/near?lat=51.4545&lon=-0.9730&count=1")[1])[0]
    return c, patrol_id, spot


def until_answered(send):
    """Sends again, unchanged, until the server answers (as the phone's outbox does)."""
    while True:
        try:
            status, body, headers = send()
            with lock:
                counts["requests"] += 1
                counts["5xx"] += status >= 500
            if status < 500:
                return status, body, headers
        except Exception:
            with lock:
                counts["failed"] += 1
        time.sleep(0.3)


def officer(c, patrol_id, spot):
    seq = 0
    while not stop.is_set():
        now = int(time.time() * 1000)
        pings = [{"seq": seq + i + 1, "t": now - (9 - i) * 100, "lat": spot["lat"], "lon": spot["lon"], "acc": 8} for i in range(10)]
        body = json.dumps({"pings": pings}).encode()
        headers = {"Content-Type": "application/json", "X-CSRF-TOKEN": c.csrf}
        status, answer, _ = until_answered(lambda: c.send("POST", f"/api/patrols/{patrol_id}/pings", body, headers))
        if status == 200:
            rejected = {r["sequence"] for r in json.loads(answer)["rejected"]}
            with lock:
                acked["pings"].update((patrol_id, p["seq"]) for p in pings if p["seq"] not in rejected)
        seq += 10
        entry = json.dumps({"seq": seq // 10, "t": now, "kind": "Engagement", "text": f"fault run {seq // 10}"}).encode()
        status, _, _ = until_answered(lambda: c.send("POST", f"/api/patrols/{patrol_id}/activities", entry, headers))
        if status == 200:
            with lock:
                acked["activities"].add((patrol_id, seq // 10))
        time.sleep(0.05)


def feed():
    c = Client(base)
    status, body, _ = until_answered(lambda: c.send("POST", "/connect/token", urllib.parse.urlencode(
        {"grant_type": "client_credentials", "client_id": "fault-feed", "client_secret": secret, "scope": "imports"}).encode(),
        {"Content-Type": "application/x-www-form-urlencoded"}))
    token = json.loads(body)["access_token"]
    n = 0
    while not stop.is_set():
        n += 1
        refs = [f"FAULT/{n}/{k}" for k in range(50)]
        csv = "reference,category,occurred_from,latitude,longitude\n" + "".join(
            f"{r},Robbery,2026-05-01 22:{k % 60:02d},51.45{k % 10},-0.97{k % 7}\n" for k, r in enumerate(refs))
        status, body, _ = until_answered(lambda: c.send("POST", f"/api/v1/imports?name=fault-{n}.csv&format=force-csv", csv.encode(),
                                                        {"Content-Type": "text/csv", "Authorization": "Bearer " + token}))
        if status == 202:
            with lock:
                acked["imports"][json.loads(body)["importId"]] = refs
        time.sleep(1)


start_server()
try:
    officers = [patrol("officer@demo.hotspots"), patrol("supervisor@demo.hotspots")]
except Exception:
    server.kill()
    raise
threads = [threading.Thread(target=officer, args=o, daemon=True) for o in officers] + [threading.Thread(target=feed, daemon=True)]
for t in threads:
    t.start()
downtimes = []
for k in range(kills):
    time.sleep(rng.uniform(10, 30))
    server.send_signal(signal.SIGKILL)
    server.wait()
    down = time.time()
    start_server()
    downtimes.append(round(time.time() - down, 1))
    print(f"kill {k + 1}: killed with SIGKILL and started again in {downtimes[-1]} s", file=sys.stderr)
time.sleep(15)
stop.set()
for t in threads:
    t.join(timeout=60)

# Imports acknowledged just before a kill run again when Hangfire hands their job out again.
deadline = time.time() + int(os.environ.get("IMPORT_WAIT_SECONDS", "360"))
db = sqlite3.connect(os.path.join(data_dir, "hotspots.db"))
wanted = {r for refs in acked["imports"].values() for r in refs}
while time.time() < deadline:
    held = {r for (r,) in db.execute("select Reference from ingestion_crimes where Reference like 'FAULT/%'")}
    if wanted <= held:
        break
    time.sleep(2)
pings = dict(((p, s), n) for p, s, n in db.execute('select PatrolId, Sequence, count(*) from patrols_pings group by PatrolId, Sequence'))
activities = dict(((p, s), n) for p, s, n in db.execute('select PatrolId, Sequence, count(*) from patrols_activities group by PatrolId, Sequence'))
crimes = dict(db.execute("select Reference, count(*) from ingestion_crimes where Reference like 'FAULT/%' group by Reference"))
statuses = dict(db.execute("select Status, count(*) from ingestion_imports where DisplayName like 'fault-%' group by Status"))
result = {
    "kills": kills, "restart_seconds": downtimes, "requests_answered": counts["requests"], "requests_without_answer": counts["failed"], "answers_5xx": counts["5xx"],
    "pings_acknowledged": len(acked["pings"]), "pings_missing": sum(1 for k in acked["pings"] if k not in pings),
    "pings_doubled": sum(1 for n in pings.values() if n > 1),
    "activities_acknowledged": len(acked["activities"]), "activities_missing": sum(1 for k in acked["activities"] if k not in activities),
    "activities_doubled": sum(1 for n in activities.values() if n > 1),
    "imports_acknowledged": len(acked["imports"]), "import_rows_acknowledged": len(wanted),
    "import_rows_missing": sum(1 for r in wanted if r not in crimes), "import_rows_doubled": sum(1 for n in crimes.values() if n > 1),
    "import_statuses": statuses,
}
print(json.dumps(result))
server.send_signal(signal.SIGTERM)
server.wait()
ok = result["pings_missing"] + result["pings_doubled"] + result["activities_missing"] + result["activities_doubled"] + \
    result["import_rows_missing"] + result["import_rows_doubled"] + result["answers_5xx"] == 0
sys.exit(0 if ok else 1)
