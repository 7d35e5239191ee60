// Installs the service worker (the officer pages open offline) and sends any patrol updates left waiting on this
// phone by an earlier page or a closed tab. On the sign-in page it forgets the pages kept for the last user.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) return;
  if (location.pathname.indexOf("/Account/SignIn") === 0) {
    if (window.caches) caches.delete("hotspots-pages");
    return;
  }
  navigator.serviceWorker.register("/sw.js").catch(function () {});
  if (window.HotSpotsOutbox && !document.getElementById("patrol")) {
    var send = function () {
      HotSpotsOutbox.flush({}).then(function (result) {
        if (result.left > 0 && navigator.serviceWorker.ready && window.SyncManager) {
          navigator.serviceWorker.ready.then(function (r) { return r.sync.register("hotspots-outbox"); }).catch(function () {});
        }
      });
    };
    send();
    window.addEventListener("online", send);
  }
})();
