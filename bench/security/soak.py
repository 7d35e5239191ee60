#!/usr/bin/env python3
"""Soak run (issue 9): simulated officers, each on a patrol of their own, send ping batches (1 Hz positions, sent every
5 s, as the phone's outbox does) and ask "near me" every 30 s, for a bounded time, while a feed sends a large
import through the import API and a hot spot refresh runs from the command line on the same data. Afterwards every
acknowledged ping must be in the database. Prints one JSON line with the figures. Run through soak.sh, never by ./test.sh."""
import json, os, random, sqlite3, subprocess, sys, threading, time, urllib.parse
from officer_client import Client, start_patrol

app_dir, data_dir, port, secret = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
officers_wanted = int(os.environ.get("OFFICERS", "300"))
seconds = int(os.environ.get("SECONDS_TO_RUN", "600"))
import_rows = int(os.environ.get("IMPORT_ROWS", "600000"))
base = f"http://127.0.0.1:{port}"
stop = threading.Event()
lock = threading.Lock()
latencies = {"pings": [], "near": []}
statuses = {}
acked = set()
errors = {"no_answer": 0}
events = []


def note(text):
    events.append({"t": round(time.time() - started, 1) if "started" in globals() else 0, "event": text})
    print(text, file=sys.stderr, flush=True)


def timed(kind, send):
    t0 = time.perf_counter()
    try:
        status, body, _ = send()
    except Exception:
        with lock:
            errors["no_answer"] += 1
        return None, None
    elapsed = (time.perf_counter() - t0) * 1000
    with lock:
        latencies[kind].append(elapsed)
        statuses[f"{kind} {status}"] = statuses.get(f"{kind} {status}", 0) + 1
    return status, body


def officer(c, patrol_id, rng):
    seq = 0
    lat, lon = 51.4545 + rng.uniform(-0.01, 0.01), -0.9730 + rng.uniform(-0.015, 0.015)
    next_near = time.time() + rng.uniform(0, 30)
    time.sleep(rng.uniform(0, 5))
    while not stop.is_set():
        now = int(time.time() * 1000)
        pings = [{"seq": seq + i + 1, "t": now - (4 - i) * 1000, "lat": round(lat + rng.uniform(-3e-5, 3e-5), 6),
                  "lon": round(lon + rng.uniform(-3e-5, 3e-5), 6), "acc": 8} for i in range(5)]
        seq += 5
        body = json.dumps({"pings": pings}).encode()
        status, answer = timed("pings", lambda: c.send("POST", f"/api/patrols/{patrol_id}/pings", body,
                                                       {"Content-Type": "application/json", "X-CSRF-TOKEN": c.csrf}))
        if status == 200:
            rejected = {r["sequence"] for r in json.loads(answer)["rejected"]}
            with lock:
                acked.update((patrol_id, p["seq"]) for p in pings if p["seq"] not in rejected)
        if time.time() >= next_near:
            q = f"lat={lat + rng.uniform(-0.005, 0.005):.6f}&lon={lon + rng.uniform(-0.008, 0.008):.6f}&count=10"
            timed("near", lambda: c.send("GET", "/api/hotspots/near?" + q))
            next_near += 30
        stop.wait(5)


def big_import():
    """A force-records file of IMPORT_ROWS rows written here, sent through the import API, followed to its end."""
    path = os.path.join(data_dir, "soak-import.csv")
    rng = random.Random(7)
    categories = ["Violence and sexual offences", "Robbery", "Public order", "Possession of weapons", "Criminal damage and arson"]
    with open(path, "w") as f:
        f.write("reference,category,occurred_from,latitude,longitude\n")
        for k in range(import_rows):
            day = rng.randrange(1, 365)
            f.write(f"SOAK/{k},{categories[k % 5]},{time.strftime('%Y-%m-%d', time.gmtime(time.time() - day * 86400))} "
                    f"{rng.randrange(24):02d}:{rng.randrange(60):02d},{51.4545 + rng.gauss(0, 0.008):.6f},{-0.9730 + rng.gauss(0, 0.012):.6f}\n")
    c = Client(base)
    _, body, _ = c.send("POST", "/connect/token", urllib.parse.urlencode(
        {"grant_type": "client_credentials", "client_id": "soak-feed", "client_secret": secret, "scope": "imports"}).encode(),
        {"Content-Type": "application/x-www-form-urlencoded"})
    token = json.loads(body)["access_token"]
    with open(path, "rb") as f:
        status, body, _ = c.send("POST", "/api/v1/imports?name=soak-import.csv&format=force-csv", f.read(),
                                 {"Content-Type": "text/csv", "Authorization": "Bearer " + token}, timeout=300)
    note(f"import of {import_rows} rows sent: {status}")
    if status != 202:
        return {"status": status}
    import_id = json.loads(body)["importId"]
    while True:
        _, body, _ = c.send("GET", f"/api/v1/imports/{import_id}", headers={"Authorization": "Bearer " + token})
        state = json.loads(body)
        if state["status"] not in ("queued", "running", "Queued", "Running"):
            note(f"import {import_id} ended: {state['status']}, {state['imported']} imported, {state['quarantined']} quarantined")
            return {"id": import_id, "status": state["status"], "imported": state["imported"], "quarantined": state["quarantined"],
                    "started": state["startedUtc"], "finished": state["finishedUtc"]}
        time.sleep(5)


def refresh():
    env = dict(os.environ, HOTSPOTS_DATA_DIR=data_dir)
    t0 = time.time()
    done = subprocess.run(["dotnet", "HotSpots.Web.dll", "refresh", "--json"], cwd=app_dir, env=env, capture_output=True, text=True)
    note(f"refresh ended ({done.returncode}) in {time.time() - t0:.0f} s")
    return {"exit": done.returncode, "seconds": round(time.time() - t0, 1), "last_line": (done.stdout.strip().splitlines() or [""])[-1][:200]}


def percentile(values, p):
    values = sorted(values)
    return round(values[min(len(values) - 1, int(len(values) * p / 100))], 1) if values else None


started = time.time()
emails = [f"officer{i:03d}@demo.hotspots" for i in range(1, officers_wanted + 1)]
patrols = []
setup_lock = threading.Lock()


def setup(chunk):
    for email in chunk:
        p = start_patrol(base, email)
        with setup_lock:
            patrols.append(p)


workers = [threading.Thread(target=setup, args=(emails[k::6],)) for k in range(6)]
for w in workers:
    w.start()
for w in workers:
    w.join()
note(f"{len(patrols)} officers signed in, each on a patrol")
started = time.time()
threads = [threading.Thread(target=officer, args=(c, pid, random.Random(pid)), daemon=True) for c, pid in patrols]
for t in threads:
    t.start()
results = {}
side = [threading.Thread(target=lambda: results.update(imported=big_import()), daemon=True)]
side[0].start()
time.sleep(min(90, seconds / 4))
side.append(threading.Thread(target=lambda: results.update(refreshed=refresh()), daemon=True))
side[1].start()
time.sleep(max(0, seconds - (time.time() - started)))
stop.set()
for t in threads:
    t.join(timeout=60)
ran = time.time() - started
for t in side:
    t.join(timeout=900)

db = sqlite3.connect(os.path.join(data_dir, "hotspots.db"))
stored = {(p, s) for p, s in db.execute("select PatrolId, Sequence from patrols_pings")}
result = {
    "officers": len(patrols), "seconds": round(ran), "ping_batches": len(latencies["pings"]), "near_me": len(latencies["near"]),
    "pings_p50_ms": percentile(latencies["pings"], 50), "pings_p99_ms": percentile(latencies["pings"], 99),
    "near_p50_ms": percentile(latencies["near"], 50), "near_p99_ms": percentile(latencies["near"], 99),
    "statuses": statuses, "answers_5xx": sum(n for k, n in statuses.items() if k.split()[1].startswith("5")), "no_answer": errors["no_answer"],
    "pings_acknowledged": len(acked), "pings_missing": len(acked - stored),
    "import": results.get("imported"), "refresh": results.get("refreshed"), "events": events,
}
print(json.dumps(result))
ok = result["answers_5xx"] == 0 and result["pings_missing"] == 0 and result["no_answer"] == 0
sys.exit(0 if ok else 1)
