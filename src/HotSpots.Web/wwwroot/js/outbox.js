// The offline queue of patrol updates (pings, activity entries and their undoing, the end), in IndexedDB: it survives
// reloads and a closed tab, and is sent, oldest first, when the signal returns. Each update carries the patrol's next client
// sequence number, so the server stores it once however often it is sent. Used by the pages and the service worker.
(function (scope) {
  "use strict";
  var DB = "hotspots", VERSION = 1, BATCH = 50;
  var opening = null, flushing = null, holding = null;

  function open() {
    if (opening) return opening;
    opening = new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB, VERSION);
      request.onupgradeneeded = function () {
        var db = request.result;
        db.createObjectStore("outbox", { keyPath: "id", autoIncrement: true }).createIndex("patrol", "patrolId");
        db.createObjectStore("counters", { keyPath: "patrolId" });
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { opening = null; reject(request.error); };
    });
    return opening;
  }

  function done(tx) {
    return new Promise(function (resolve, reject) {
      tx.oncomplete = function () { resolve(); };
      tx.onerror = tx.onabort = function () { reject(tx.error); };
    });
  }

  // Adds an update with the patrol's next sequence number, both in one transaction; resolves to the stored item.
  function enqueue(patrolId, kind, body, token) {
    return open().then(function (db) {
      var tx = db.transaction(["outbox", "counters"], "readwrite");
      var item = null;
      var counters = tx.objectStore("counters");
      counters.get(patrolId).onsuccess = function (e) {
        var seq = ((e.target.result && e.target.result.seq) || 0) + 1;
        counters.put({ patrolId: patrolId, seq: seq });
        body.seq = seq;
        item = { patrolId: patrolId, kind: kind, seq: seq, body: body, token: token };
        tx.objectStore("outbox").add(item);
      };
      return done(tx).then(function () { return item; });
    });
  }

  function items(patrolId) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var store = db.transaction("outbox").objectStore("outbox");
        var request = patrolId == null ? store.getAll() : store.index("patrol").getAll(patrolId);
        request.onsuccess = function () { resolve(request.result.sort(function (a, b) { return a.id - b.id; })); };
        request.onerror = function () { reject(request.error); };
      });
    });
  }

  function remove(list) {
    return open().then(function (db) {
      var tx = db.transaction("outbox", "readwrite");
      list.forEach(function (item) { tx.objectStore("outbox").delete(item.id); });
      return done(tx);
    });
  }

  function lastSeq(patrolId) {
    return open().then(function (db) {
      return new Promise(function (resolve) {
        db.transaction("counters").objectStore("counters").get(patrolId).onsuccess = function (e) {
          resolve((e.target.result && e.target.result.seq) || 0);
        };
      });
    });
  }

  function send(item, list, token) {
    var path = item.kind === "ping" ? "/pings" : item.kind === "activity" ? "/activities" : item.kind === "unobserved" ? "/unobserved"
      : item.kind === "undo" ? "/activities/" + item.body.activity + "/undo" : "/end";
    var body = item.kind === "ping" ? { pings: list.map(function (i) { return i.body; }) } : item.kind === "undo" ? {} : item.body;
    return fetch("/api/patrols/" + item.patrolId + path, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-TOKEN": token || item.token },
      body: JSON.stringify(body)
    });
  }

  // Sends everything waiting, patrol by patrol and oldest first. Stops at the first network failure (offline) or an
  // answer that a later try may change (signed out, server trouble). Resolves to { sent, left, problem }.
  function flush(options) {
    if (holding) return holding.then(function () { return flush(options); });
    if (flushing) return flushing;
    options = options || {};
    var sent = 0, problem = null;
    flushing = items(null).then(function (all) {
      var stopped = {};
      function next() {
        var pending = all.filter(function (i) { return !i.gone && !stopped[i.patrolId]; });
        if (pending.length === 0) return null;
        var head = pending[0];
        var group = head.kind !== "ping" ? [head] : pending.filter(function (i) {
          return i.patrolId === head.patrolId && i.kind === "ping";
        }).slice(0, BATCH);
        return send(head, group, options.tokens && options.tokens[head.patrolId]).then(function (response) {
          if (response.ok) {
            return response.json().then(function (answer) {
              sent += group.length;
              group.forEach(function (i) { i.gone = true; });
              if (options.onAnswer) options.onAnswer(head.patrolId, head.kind, answer, group.length, head);
              return remove(group).then(next);
            });
          }
          return response.text().then(function (text) {
            if (response.status === 409) {
              // Refused for good, with the reason in words (an undo after its window): the record stays as it was.
              var detail = text;
              try { detail = JSON.parse(text).detail || text; } catch (e) { /* plain text */ }
              if (options.onRefused) options.onRefused(head.patrolId, head.kind, detail, head);
              group.forEach(function (i) { i.gone = true; });
              return remove(group).then(next);
            }
            if (response.status === 404 || (response.status === 400 && text.indexOf("antiforgery") < 0)) {
              // It can never be stored (no such patrol for this officer, or invalid): keep the queue moving.
              problem = "Some updates were refused by the server and dropped (" + response.status + ").";
              group.forEach(function (i) { i.gone = true; });
              return remove(group).then(next);
            }
            problem = response.status === 401 || response.status === 400
              ? "Sign in again to send the updates waiting on this phone."
              : "The server could not take the updates just now (" + response.status + "); they will be sent again.";
            stopped[head.patrolId] = true;
            return next();
          });
        });
      }
      return next();
    }).catch(function () {
      problem = problem || "offline";
    }).then(function () {
      flushing = null;
      return items(null).then(function (left) { return { sent: sent, left: left.length, problem: problem }; });
    });
    return flushing;
  }

  // Takes an activity entry back out of the queue if it has not been sent: resolves to true then (nothing reaches the
  // server), false when it was sent already (the server must be asked to undo it). Sending waits meanwhile, so the entry
  // cannot leave between the look and the removal.
  function cancel(patrolId, seq) {
    var release;
    var hold = new Promise(function (resolve) { release = resolve; });
    var before = holding || Promise.resolve();
    holding = hold;
    return before.then(function () { return flushing || null; }).catch(function () { return null; }).then(function () {
      return open().then(function (db) {
        var tx = db.transaction("outbox", "readwrite");
        var found = false;
        tx.objectStore("outbox").index("patrol").getAll(patrolId).onsuccess = function (e) {
          e.target.result.forEach(function (item) {
            if (item.kind === "activity" && item.seq === seq) { found = true; tx.objectStore("outbox").delete(item.id); }
          });
        };
        return done(tx).then(function () { return found; });
      });
    }).then(function (found) {
      if (holding === hold) holding = null;
      release();
      return found;
    }, function (error) {
      if (holding === hold) holding = null;
      release();
      throw error;
    });
  }

  scope.HotSpotsOutbox = {
    cancel: cancel,
    enqueue: enqueue,
    items: items,
    lastSeq: lastSeq,
    flush: flush,
    count: function (patrolId) { return items(patrolId).then(function (list) { return list.length; }); }
  };
})(self);
