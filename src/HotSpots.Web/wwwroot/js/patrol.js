// A running patrol: watches the phone's position only while the patrol runs, shows whether the officer is
// inside the spot, queues pings on the phone and sends them in batches, logs activities and ends the patrol.
(function () {
  "use strict";
  var root = document.getElementById("patrol");
  if (!root || root.dataset.running !== "true") return;

  var patrolId = root.dataset.patrolId;
  var started = Number(root.dataset.started);
  var outline = JSON.parse(root.dataset.outline || "[]");
  var pingMs = Math.max(1, Number(root.dataset.pingSeconds || "10")) * 1000;
  var token = (document.querySelector("meta[name=csrf-token]") || {}).content;
  var queueKey = "hotspots.patrol." + patrolId + ".queue";
  var seqKey = "hotspots.patrol." + patrolId + ".seq";
  var el = function (id) { return document.getElementById(id); };
  var maxFixAgeMs = 60000;
  var watchId = null, timer = null, poller = null, inflight = null, ended = false, lastFix = null, lastPingAt = 0;

  function load(key, fallback) {
    try { return JSON.parse(localStorage.getItem(key)) || fallback; } catch (e) { return fallback; }
  }
  function save(key, value) { localStorage.setItem(key, JSON.stringify(value)); }
  function nextSeq() { var s = load(seqKey, 0) + 1; save(seqKey, s); return s; }

  // Ray casting on [lat, lon] pairs: fine at the scale of a hot spot.
  function inside(lat, lon) {
    var hit = false;
    for (var i = 0, j = outline.length - 1; i < outline.length; j = i++) {
      var yi = outline[i][0], xi = outline[i][1], yj = outline[j][0], xj = outline[j][1];
      if ((yi > lat) !== (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) hit = !hit;
    }
    return hit;
  }

  function showInside(isInside) {
    var state = el("inside-state");
    state.textContent = isInside ? "Inside hot spot" : "Outside hot spot";
    state.className = "inside-state " + (isInside ? "in" : "out");
  }

  function showQueue() {
    var n = load(queueKey, []).length;
    el("queue").textContent = n === 0 ? "" : n + (n === 1 ? " update" : " updates") + " waiting to send";
  }

  function post(path, body) {
    return fetch("/api/patrols/" + patrolId + path, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-TOKEN": token },
      body: JSON.stringify(body || {})
    }).then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); });
  }

  // Sends the oldest queued pings; resolves true when the batch was stored (or there was nothing to send).
  // A batch in flight is shared, so that ending a patrol waits for it.
  function flush() {
    if (inflight) return inflight;
    var batch = load(queueKey, []).slice(0, 50);
    if (batch.length === 0) return Promise.resolve(true);
    inflight = post("/pings", { pings: batch }).then(function (ack) {
      var sent = {};
      batch.forEach(function (p) { sent[p.seq] = true; });
      save(queueKey, load(queueKey, []).filter(function (p) { return !sent[p.seq]; }));
      el("minutes-inside").textContent = Math.floor(ack.minutesInside);
      el("pings-sent").textContent = Number(el("pings-sent").textContent) + ack.accepted;
      if (load(queueKey, []).length === 0) showInside(ack.inside);
      return true;
    }).catch(function () {
      return false; // kept in the queue; sent when the signal returns
    }).finally(function () {
      inflight = null;
      showQueue();
      if (load(queueKey, []).length > 0 && !ended) setTimeout(flush, 3000);
    });
    return inflight;
  }

  function located(position) {
    if (ended) return;
    var c = position.coords;
    lastFix = { at: Date.now(), coords: c };
    record(Math.round(position.timestamp || Date.now()), c);
  }

  // A phone standing still may report no new fix for a while; the last fix, if recent, still says where it is.
  function heartbeat() {
    if (ended || !lastFix) return;
    var now = Date.now();
    if (now - lastPingAt >= pingMs && now - lastFix.at <= maxFixAgeMs) record(now, lastFix.coords);
  }

  function record(time, c) {
    lastPingAt = Date.now();
    var ping = {
      seq: nextSeq(), t: time, lat: c.latitude, lon: c.longitude,
      acc: c.accuracy == null ? null : c.accuracy, speed: c.speed == null || isNaN(c.speed) ? null : c.speed
    };
    var queue = load(queueKey, []);
    queue.push(ping);
    save(queueKey, queue);
    showInside(inside(ping.lat, ping.lon));
    showQueue();
    flush();
  }

  function failed() {
    el("inside-state").textContent = "Your location is not available. Check that location is on.";
  }

  function tick() {
    var s = Math.max(0, Math.floor((Date.now() - started) / 1000));
    var h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60, sec = s % 60;
    el("elapsed").textContent = (h > 0 ? h + ":" + String(m).padStart(2, "0") : m) + ":" + String(sec).padStart(2, "0");
  }

  function sendAll() {
    return flush().then(function (ok) {
      if (!ok) throw new Error("offline");
      return load(queueKey, []).length > 0 ? sendAll() : null;
    });
  }

  el("end-patrol").addEventListener("click", function () {
    var button = el("end-patrol");
    button.disabled = true;
    ended = true;
    if (watchId !== null) navigator.geolocation.clearWatch(watchId);
    clearInterval(timer);
    clearInterval(poller);
    sendAll().then(function () { return post("/end"); }).then(function (summary) {
      el("summary-minutes").textContent = summary.minutesInside.toFixed(1);
      el("summary-pings").textContent = summary.pings;
      el("summary-activities").textContent = summary.activities;
      el("running").hidden = true;
      el("summary").hidden = false;
      localStorage.removeItem(queueKey);
    }).catch(function () {
      ended = false;
      button.disabled = false;
      el("queue").textContent = "Could not end the patrol: no signal. Try again in a moment.";
    });
  });

  document.querySelectorAll("#activity .kind").forEach(function (kindButton) {
    kindButton.addEventListener("click", function () {
      var text = el("activity-text").value.trim();
      var entry = { seq: nextSeq(), t: Date.now(), kind: kindButton.dataset.kind, text: text || null };
      post("/activities", entry).then(function () {
        el("activity-status").textContent = "Logged: " + entry.kind;
        el("activity-text").value = "";
      }).catch(function () {
        el("activity-status").textContent = "Not sent: no signal. Try again.";
      });
    });
  });

  timer = setInterval(tick, 1000);
  tick();
  showQueue();
  if ("geolocation" in navigator) {
    var options = { enableHighAccuracy: true, maximumAge: 0, timeout: 20000 };
    watchId = navigator.geolocation.watchPosition(located, failed, options);
    poller = setInterval(heartbeat, Math.min(pingMs, 1000));
  } else {
    failed();
  }
  flush();
})();
