// HotSpots service worker: the officer pages and their scripts open without signal (network first, the last copy
// when offline), and the patrol updates waiting in the offline queue are sent when the phone is back online, even
// with no HotSpots tab open (background sync, where the browser has it).
importScripts("/js/outbox.js");

var PAGES = "hotspots-pages", ASSETS = "hotspots-assets-v1";
var OFFICER_PAGES = ["/Officer", "/Officer/Patrols"];

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(PAGES).then(function (cache) {
    return Promise.all(OFFICER_PAGES.map(function (path) {
      return fetch(path, { credentials: "same-origin" }).then(function (response) {
        if (response.ok && !response.redirected) return cache.put(path, response);
      }).catch(function () {});
    }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== PAGES && k !== ASSETS; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

function isAsset(path) {
  return /^\/(css|js|lib|icons)\//.test(path) || path === "/manifest.webmanifest";
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || url.pathname.indexOf("/api/") === 0) return;
  if (request.mode === "navigate" && url.pathname.indexOf("/Officer") === 0) {
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok && !response.redirected) {
        var copy = response.clone();
        caches.open(PAGES).then(function (cache) { cache.put(url.pathname, copy); });
      }
      return response;
    }).catch(function () {
      return caches.open(PAGES).then(function (cache) { return cache.match(url.pathname); }).then(function (cached) {
        return cached || new Response(
          "<!DOCTYPE html><html lang='en-GB'><meta charset='utf-8'><meta name='viewport' content='width=device-width'>" +
          "<title>Offline · HotSpots</title><body style='font-family:sans-serif;padding:1rem'><h1>No signal</h1>" +
          "<p>This page has not been opened on this phone before, so it cannot be shown offline. " +
          "Your patrol updates are kept and sent when the signal returns.</p><p><a href='/Officer'>Hot spots</a></p></body></html>",
          { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
      });
    }));
    return;
  }
  if (isAsset(url.pathname)) {
    event.respondWith(caches.open(ASSETS).then(function (cache) {
      return cache.match(request).then(function (cached) {
        var fresh = fetch(request).then(function (response) {
          if (response.ok) cache.put(request, response.clone());
          return response;
        });
        return cached || fresh;
      });
    }));
  }
});

self.addEventListener("sync", function (event) {
  if (event.tag === "hotspots-outbox") event.waitUntil(self.HotSpotsOutbox.flush({}).then(function (r) {
    if (r.left > 0 && r.problem === "offline") throw new Error("still offline"); // the browser retries later
  }));
});
