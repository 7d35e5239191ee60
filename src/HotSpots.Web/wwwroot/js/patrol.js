// A running patrol. The position is watched only while the patrol runs: precisely and often in or near the spot,
// coarsely and rarely further away (battery). Every ping and activity entry goes into the offline queue first
// (outbox.js) and is sent from there, so nothing is lost without signal, after a reload or with the tab closed.
(function () {
  "use strict";
  var root = document.getElementById("patrol");
  var outbox = window.HotSpotsOutbox;
  if (!root || !outbox) return;

  var patrolId = Number(root.dataset.patrolId);
  var started = Number(root.dataset.started);
  var outline = JSON.parse(root.dataset.outline || "[]");
  var nearMs = Math.max(1, Number(root.dataset.pingSeconds || "10")) * 1000;
  var farMs = Math.max(1, Number(root.dataset.farPingSeconds || "60")) * 1000;
  var nearMetres = Number(root.dataset.nearMetres || "200");
  var maxMs = Number(root.dataset.maxMinutes || "240") * 60000;
  var token = (document.querySelector("meta[name=csrf-token]") || {}).content;
  var tokens = {};
  tokens[patrolId] = token;
  var el = function (id) { return document.getElementById(id); };
  var maxFixAgeMs = 60000;
  var watchId = null, zone = null, timer = null, poller = null, retry = null, wakeLock = null;
  var ended = false, lastFix = null, lastPingAt = 0, recording = Promise.resolve();

  // Metres on a local plane around the spot: fine at the scale of a hot spot.
  var lat0 = outline.length ? outline[0][0] : 0, lon0 = outline.length ? outline[0][1] : 0;
  var kx = 111320 * Math.cos(lat0 * Math.PI / 180), ky = 110540;
  function plane(lat, lon) { return [(lon - lon0) * kx, (lat - lat0) * ky]; }
  var ring = outline.map(function (p) { return plane(p[0], p[1]); });

  function inside(x, y) {
    var hit = false;
    for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      var xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
      if ((yi > y) !== (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) hit = !hit;
    }
    return hit;
  }

  // The way to the spot: metres to the nearest point of its outline (0 inside) and the bearing to it, clockwise from north.
  function wayToSpot(x, y) {
    if (inside(x, y)) return { metres: 0, bearing: null };
    var best = Infinity, bx = 0, by = 0;
    for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      var ax = ring[j][0], ay = ring[j][1], dx = ring[i][0] - ax, dy = ring[i][1] - ay;
      var t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
      var d = Math.hypot(x - ax - t * dx, y - ay - t * dy);
      if (d < best) { best = d; bx = ax + t * dx; by = ay + t * dy; }
    }
    var bearing = (Math.atan2(bx - x, by - y) * 180 / Math.PI + 360) % 360;
    return { metres: best, bearing: bearing };
  }

  var compass = ["north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west"];
  function distanceText(metres) {
    if (metres >= 1000) return (metres / 1000).toFixed(1) + " km";
    if (metres >= 100) return Math.round(metres / 10) * 10 + " m";
    return Math.max(5, Math.round(metres / 5) * 5) + " m";
  }

  // Inside or outside as the server counts it (with the edge buffer and the exit rule of docs/measurement.md) whenever
  // it answers; this page's own test (the outline alone) only while the updates cannot be sent.
  var map = window.HotSpotsMap ? window.HotSpotsMap.create(el("patrol-map")) : null;
  if (map && outline.length) map.showOutline(outline);
  var serverInside = null, unsent = !navigator.onLine, here = null;

  function showState() {
    if (!here) return;
    var own = unsent || serverInside === null;
    var isInside = own ? here.metres === 0 : serverInside;
    var state = el("inside-state");
    if (!own || unsent) {
      state.textContent = isInside ? "Inside hot spot" : "Outside hot spot";
      state.className = "inside-state " + (isInside ? "in" : "out");
    } else {
      state.textContent = "Checking your position…";
      state.className = "inside-state";
    }
    el("inside-source").textContent = !own ? "As counted by the server, which allows for the phone's error at the edge." :
      unsent ? "No signal: this is the phone's own estimate from the outline alone. The server counts again when the updates are sent." : "";
    el("way").textContent = isInside || here.metres === 0 || (own && !unsent) ? "" :
      "The spot is " + distanceText(here.metres) + " " + compass[Math.round(here.bearing / 45) % 8] + " of you.";
  }

  function showQueue(problem) {
    return outbox.count(patrolId).then(function (n) {
      var text = n === 0 ? "" : n + (n === 1 ? " update" : " updates") + " waiting to send";
      if (n > 0 && problem && problem !== "offline") text += ". " + problem;
      el("queue").textContent = text;
      if (el("summary-queue")) el("summary-queue").textContent = text;
      return n;
    });
  }

  function answered(id, kind, answer, count, item) {
    if (id !== patrolId) return;
    if (kind === "ping") {
      serverInside = answer.inside === true;
      unsent = false;
      showState();
      el("minutes-inside").textContent = Math.floor(answer.minutesInside);
      el("pings-sent").textContent = Number(el("pings-sent").textContent) + answer.accepted;
      if (answer.running === false && !ended) stopTracking("This patrol was ended automatically: it ran longer than allowed.");
    } else if (kind === "activity") {
      el("activity-status").textContent = "Sent.";
    } else if (kind === "undo") {
      undone(item.body.activity, "Undone.");
    } else if (kind === "end") {
      showSummary(answer);
    }
  }

  // The server refused for good (an undo after its two minutes): say why, in its words.
  function refused(id, kind, detail, item) {
    if (id !== patrolId || kind !== "undo") return;
    var entry = logged[item.body.activity];
    if (entry) { entry.until = 0; entry.note.textContent = detail; entry.button.remove(); }
    el("activity-status").textContent = detail;
  }

  function send() {
    return outbox.flush({ tokens: tokens, onAnswer: answered, onRefused: refused }).then(function (result) {
      var couldNotSend = result.problem === "offline" || (result.left > 0 && result.sent === 0 && result.problem != null);
      if (couldNotSend !== unsent) { unsent = couldNotSend; showState(); }
      return showQueue(result.problem).then(function (left) {
        clearTimeout(retry);
        if (left > 0 && !result.problem && result.sent > 0) return send(); // more arrived while this batch was on its way
        if (left > 0) retry = setTimeout(send, 5000);
        return result;
      });
    });
  }

  function watch(newZone) {
    if (zone === newZone && watchId !== null) return;
    zone = newZone;
    if (watchId !== null) navigator.geolocation.clearWatch(watchId);
    var precise = zone !== "far";
    watchId = navigator.geolocation.watchPosition(located, failed, precise
      ? { enableHighAccuracy: true, maximumAge: 0, timeout: 20000 }
      : { enableHighAccuracy: false, maximumAge: 30000, timeout: 60000 });
    el("tracking").textContent = "Recording your position every " + Math.round((precise ? nearMs : farMs) / 1000) +
      " s while this patrol runs" + (precise ? " (precisely, near the spot)." : " (coarsely, away from the spot, to save battery).");
  }

  function located(position) {
    if (ended || hiddenSince !== null) return; // not measured while hidden: neither inside nor outside
    var c = position.coords;
    var xy = plane(c.latitude, c.longitude);
    here = wayToSpot(xy[0], xy[1]);
    var distance = here.metres;
    var newZone = distance === 0 ? "in" : distance <= nearMetres ? "near" : "far";
    var changed = newZone !== zone;
    checkFix(Date.now(), true);
    var first = lastFix === null;
    lastFix = { at: Date.now(), coords: c };
    showState();
    if (map) { map.setYou(c.latitude, c.longitude, false); map.fitBoth(first); }
    watch(newZone);
    if (changed || Date.now() - lastPingAt >= interval()) record(Math.round(position.timestamp || Date.now()), c);
  }

  function interval() { return zone === "far" ? farMs : nearMs; }

  // A phone standing still may report no new fix for a while; the last fix, if recent, still says where it is.
  function heartbeat() {
    if (ended || hiddenSince !== null) return;
    var now = Date.now();
    checkFix(now, false);
    if (!lastFix) return;
    if (now - started > maxMs) return stopTracking("This patrol has run for the longest time allowed and has ended.");
    if (now - lastPingAt >= interval() && now - lastFix.at <= maxFixAgeMs) record(now, lastFix.coords);
  }

  function record(time, c) {
    lastPingAt = Date.now();
    var ping = {
      t: time, lat: c.latitude, lon: c.longitude,
      acc: c.accuracy == null ? null : c.accuracy, speed: c.speed == null || isNaN(c.speed) ? null : c.speed
    };
    recording = recording.then(function () { return outbox.enqueue(patrolId, "ping", ping, token); })
      .then(showQueue).then(send).catch(function () { el("queue").textContent = "This phone cannot store updates: keep the page open."; });
  }

  function failed(error) {
    el("inside-state").textContent = error && error.code === 1
      ? "Location is off for HotSpots. Allow location to measure this patrol."
      : "Your location is not available. Check that location is on.";
  }

  function tick() {
    var s = Math.max(0, Math.floor((Date.now() - started) / 1000));
    var h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60, sec = s % 60;
    el("elapsed").textContent = (h > 0 ? h + ":" + String(m).padStart(2, "0") : m) + ":" + String(sec).padStart(2, "0");
  }

  function stopTracking(message, title) {
    ended = true;
    el("summary-title").textContent = title || "Patrol ended";
    if (watchId !== null) navigator.geolocation.clearWatch(watchId);
    watchId = null;
    clearInterval(timer);
    clearInterval(poller);
    if (wakeLock) wakeLock.release().catch(function () {});
    wakeLock = null;
    noFixSince = null;
    el("running").hidden = true;
    el("summary").hidden = false;
    if (message != null) el("summary-note").textContent = message;
  }

  function showSummary(summary) {
    stopTracking(null);
    el("summary-minutes").textContent = summary.minutesInside.toFixed(1);
    el("summary-pings").textContent = summary.pings;
    el("summary-activities").textContent = summary.activities;
    el("summary-visits").textContent = summary.visits;
    var measured = summary.observedSeconds + summary.unobservedSeconds;
    el("summary-observed").textContent = (summary.observedSeconds / 60).toFixed(1);
    el("summary-unobserved").textContent = (summary.unobservedSeconds / 60).toFixed(1);
    el("summary-share").textContent = measured > 0 ? Math.round(100 * summary.observedSeconds / measured) + " %" : "–";
    el("summary-note").textContent = "";
  }

  var waitingToEnd = "The patrol has ended on this phone and your position is no longer recorded. The summary appears when everything has been sent.";

  el("end-patrol").addEventListener("click", function () {
    el("end-patrol").disabled = true;
    stopTracking("", "Ending the patrol…");
    recording.then(function () { return outbox.enqueue(patrolId, "end", { t: Date.now() }, token); }).then(send)
      .then(function () { return outbox.count(patrolId); })
      .then(function (left) { if (left > 0) stopTracking(waitingToEnd, "Waiting for signal to end the patrol"); });
  });

  // Activities logged on this phone, by sequence number: each can be undone for undoMs after the tap (the server counts its
  // two minutes from when it stores the entry, so the phone's countdown never outlasts the server's). An entry still in the
  // queue is simply taken out of it; one already sent is undone by asking the server, through the queue like the rest.
  var undoMs = Number(root.dataset.undoSeconds || "120") * 1000;
  var logged = {}, undoTimer = null;

  function changeCount(by) {
    var counter = el("activities-logged");
    counter.textContent = Math.max(0, Number(counter.textContent) + by);
  }

  function undone(seq, message) {
    var entry = logged[seq];
    if (!entry || entry.done) return;
    entry.done = true;
    entry.until = 0;
    entry.item.classList.add("undone");
    entry.note.textContent = message;
    entry.button.remove();
    changeCount(-1);
    el("activity-status").textContent = entry.kind + ": " + message;
  }

  function countDown() {
    var now = Date.now(), open = 0;
    Object.keys(logged).forEach(function (seq) {
      var entry = logged[seq];
      if (!entry.until || entry.done) return;
      var left = Math.ceil((entry.until - now) / 1000);
      if (left <= 0) {
        entry.until = 0;
        entry.button.remove();
        if (!entry.asked) entry.note.textContent = "Logged. The time to undo it has passed.";
        return;
      }
      open++;
      entry.left.textContent = Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0") + " left";
    });
    if (open === 0) { clearInterval(undoTimer); undoTimer = null; }
  }

  function showLogged(seq, kind, at) {
    var item = document.createElement("li");
    var what = document.createElement("span");
    what.textContent = kind + ", " + new Date(at).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
    var note = document.createElement("span");
    note.className = "caption";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "undo";
    button.textContent = "Undo ";
    var left = document.createElement("span");
    left.className = "time-left";
    button.appendChild(left);
    item.append(what, " ", button, " ", note);
    el("activity-log").prepend(item);
    var entry = { kind: kind, item: item, note: note, button: button, left: left, until: at + undoMs, done: false, asked: false };
    logged[seq] = entry;
    button.addEventListener("click", function () {
      button.disabled = true;
      entry.asked = true;
      recording = recording.then(function () { return outbox.cancel(patrolId, seq); }).then(function (cancelled) {
        if (cancelled) {
          undone(seq, "Undone. It had not been sent yet.");
          return showQueue();
        }
        entry.note.textContent = "Undoing… (sent when there is signal)";
        return outbox.enqueue(patrolId, "undo", { activity: seq }, token).then(showQueue).then(send);
      }).catch(function () { button.disabled = false; entry.asked = false; });
    });
    countDown();
    if (undoTimer === null) undoTimer = setInterval(countDown, 1000);
  }

  document.querySelectorAll("#activity .kind").forEach(function (kindButton) {
    kindButton.addEventListener("click", function () {
      var text = el("activity-text").value.trim();
      var entry = { t: Date.now(), kind: kindButton.dataset.kind, text: text || null };
      recording = recording.then(function () { return outbox.enqueue(patrolId, "activity", entry, token); }).then(function (item) {
        el("activity-status").textContent = "Logged: " + entry.kind + " (sent when there is signal). You can undo it for two minutes.";
        el("activity-text").value = "";
        changeCount(1);
        showLogged(item.seq, entry.kind, entry.t);
        return send();
      });
    });
  });

  // The screen is kept on from the start of the patrol, without a tap, where the browser can (Screen Wake Lock). The
  // browser lets the lock go whenever the page is hidden; it is taken again as soon as the page is shown.
  var locking = false;
  function lockScreen() {
    var status = el("wake-lock");
    if (ended || document.visibilityState !== "visible") return;
    if (!("wakeLock" in navigator)) {
      status.textContent = "This phone's browser cannot keep the screen on by itself. Set the screen to stay on longer, " +
        "and touch it now and then, so that it does not lock.";
      return;
    }
    if (locking || (wakeLock && !wakeLock.released)) return;
    locking = true;
    navigator.wakeLock.request("screen").then(function (lock) {
      locking = false;
      if (ended) { lock.release().catch(function () {}); return; }
      wakeLock = lock;
      status.textContent = "The screen stays on while this patrol runs.";
      lock.addEventListener("release", function () {
        if (!ended) status.textContent = "The screen is no longer kept on. It will be again when this page is shown.";
      });
    }).catch(function () {
      locking = false;
      status.textContent = "The screen could not be kept on (the phone may be saving battery). Touch it now and then so that it does not lock.";
    });
  }

  // What the page could not measure: while hidden or frozen (or closed), and while it had no position fix for longer
  // than noFixMs. Each such stretch goes into the offline queue like a ping, and counts as neither inside nor outside.
  var noFixMs = 60000, shortestMs = 5000, hiddenKey = "hotspots-hidden-" + patrolId;
  var hiddenSince = null, noFixSince = null, shownAt = Date.now();

  function report(from, to, reason) {
    if (to - from < shortestMs) return;
    var stretch = { from: Math.round(from), to: Math.round(to), reason: reason };
    recording = recording.then(function () { return outbox.enqueue(patrolId, "unobserved", stretch, token); })
      .then(showQueue).then(send).catch(function () {});
    var lost = el("unobserved-note");
    lost.textContent = "Not measured for " + Math.round((to - from) / 1000) + " s while this page was " +
      (reason === "no-fix" ? "without your location" : "not on screen") + ". That time does not count as in or out of the spot.";
  }

  function hide(reason) {
    if (ended || hiddenSince !== null) return;
    hiddenSince = { at: Date.now(), reason: reason };
    try { localStorage.setItem(hiddenKey, JSON.stringify(hiddenSince)); } catch (e) { /* private mode: the server sees the silence */ }
  }

  function show() {
    shownAt = Date.now();
    if (hiddenSince !== null) {
      if (!ended) report(hiddenSince.at, shownAt, hiddenSince.reason);
      hiddenSince = null;
      try { localStorage.removeItem(hiddenKey); } catch (e) { /* nothing to clear */ }
    }
    lockScreen();
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") hide("hidden"); else show();
  });
  document.addEventListener("freeze", function () { hide("frozen"); });
  document.addEventListener("resume", function () { if (document.visibilityState === "visible") show(); });
  window.addEventListener("pagehide", function () { hide("closed"); });

  // Called by the heartbeat and on each fix: a stretch without a fix starts at the last fix (or when the page was shown).
  function checkFix(now, hadFix) {
    if (ended || hiddenSince !== null) return;
    var since = Math.max(lastFix ? lastFix.at : started, shownAt);
    if (hadFix) {
      if (noFixSince !== null) report(noFixSince, now, "no-fix");
      noFixSince = null;
    } else if (noFixSince === null && now - since > noFixMs) {
      noFixSince = since;
    }
  }

  window.addEventListener("online", send);
  window.addEventListener("offline", function () { unsent = true; showState(); });

  // An end waiting in the queue (ended offline, then reloaded) means the patrol is over on this phone.
  outbox.items(patrolId).then(function (waiting) {
    var running = root.dataset.running === "true" && !waiting.some(function (i) { return i.kind === "end"; });
    if (!running) {
      if (waiting.length > 0) stopTracking(waitingToEnd, "Waiting for signal to end the patrol");
      else stopTracking(null);
    } else {
      timer = setInterval(tick, 1000);
      tick();
      // The page was hidden and then closed or discarded during the patrol: the time since it was last seen is not measured.
      try {
        var closed = JSON.parse(localStorage.getItem(hiddenKey) || "null");
        if (closed) { hiddenSince = closed; }
      } catch (e) { /* unreadable: the server sees the silence */ }
      if (document.visibilityState === "visible") show(); else hide("hidden");
      if ("geolocation" in navigator) {
        watch("near");
        poller = setInterval(heartbeat, 1000);
      } else {
        failed(null);
      }
    }
    return send();
  });
})();
