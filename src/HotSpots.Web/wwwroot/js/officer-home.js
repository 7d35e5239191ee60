// Officer home: watches the phone's position, lists and maps the nearest hot spots, and fills in the
// position that "Direct me to a hot spot" sends.
(function () {
  "use strict";
  var status = document.getElementById("location-status");
  var button = document.getElementById("direct-me");
  var list = document.getElementById("nearby");
  var map = window.HotSpotsMap.create(document.getElementById("map"));
  var last = null;

  function metres(a, b) {
    var r = 6371000, toRad = Math.PI / 180;
    var dLat = (b.lat - a.lat) * toRad, dLon = (b.lon - a.lon) * toRad;
    var h = Math.sin(dLat / 2) * Math.sin(dLat / 2) +
      Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * r * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  function distanceText(m) {
    if (m < 1) return "you are in it";
    return m < 1000 ? Math.round(m) + " m" : (m / 1000).toFixed(1) + " km";
  }

  // A listed spot opens its page (why here, briefing, distance) with "Start patrol here"; the position goes along.
  function spotLink(s) {
    return "/Officer/Direct?spot=" + encodeURIComponent(s.id) + (last ? "&lat=" + last.lat + "&lon=" + last.lon : "");
  }

  function render(spots) {
    list.replaceChildren();
    var inside = spots.length > 0 && spots[0].distanceMetres < 1 ? spots[0] : null;
    var offer = document.getElementById("inside-offer");
    if (offer) {
      offer.hidden = !inside;
      if (inside) {
        document.getElementById("inside-name").textContent = "#" + inside.rank + " " + inside.name;
        document.getElementById("inside-link").href = spotLink(inside);
      }
    }
    spots.forEach(function (s) {
      var item = document.createElement("li");
      var name = document.createElement("a");
      name.className = "spot-link";
      name.href = spotLink(s);
      name.textContent = "#" + s.rank + " " + s.name;
      var distance = document.createElement("span");
      distance.className = "distance";
      distance.textContent = distanceText(s.distanceMetres);
      var why = document.createElement("p");
      why.textContent = s.why;
      var need = document.createElement("p");
      need.className = "need";
      need.textContent = (s.assigned ? "Assigned to your team · " : "") +
        (s.owedMinutes > 0 ? s.owedMinutes + " min owed today" : "dose met today") + (s.peakNow ? " · peak now" : "");
      if (s.assigned) item.className = "assigned";
      item.append(name, distance, need, why);
      list.append(item);
    });
    if (map) map.showSpots(spots);
  }

  function load(here) {
    fetch("/api/hotspots/near?lat=" + here.lat + "&lon=" + here.lon + "&count=10", { credentials: "same-origin" })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(render)
      .catch(function () { status.textContent = "Could not load the hot spots. Check your signal."; });
  }

  function located(position) {
    var here = { lat: position.coords.latitude, lon: position.coords.longitude };
    document.getElementById("direct-lat").value = here.lat;
    document.getElementById("direct-lon").value = here.lon;
    button.disabled = false;
    status.textContent = "Located to within " + Math.round(position.coords.accuracy || 0) + " m.";
    if (map) map.setYou(here.lat, here.lon, last === null);
    if (last === null || metres(last, here) > 50) {
      last = here;
      load(here);
    }
  }

  function failed(error) {
    status.textContent = error && error.code === 1
      ? "Location is off for HotSpots. Allow location in your browser to see spots near you."
      : "Your location is not available yet. Move to open sky or check location settings.";
  }

  if (!("geolocation" in navigator)) {
    failed(null);
  } else {
    navigator.geolocation.watchPosition(located, failed, { enableHighAccuracy: true, maximumAge: 15000, timeout: 20000 });
  }
})();
