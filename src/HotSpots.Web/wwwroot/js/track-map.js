// A patrol's track on a map: the spot as it was, the positions as a line, the stops as circles. Tooltips are text
// nodes, never HTML strings.
(function () {
  "use strict";
  var element = document.getElementById("map");
  if (!element || typeof L === "undefined") return;
  var map = L.map(element);
  if (element.dataset.tileUrl) L.tileLayer(element.dataset.tileUrl, { maxZoom: 19, attribution: (element.dataset.tileAttribution || "").replace(/&/g, "&amp;").replace(/</g, "&lt;") }).addTo(map);
  var outline = JSON.parse(element.dataset.outline || "[]");
  var track = JSON.parse(element.dataset.track || "[]");
  var stops = JSON.parse(element.dataset.stops || "[]");
  var layers = [];
  if (outline.length) layers.push(L.polygon(outline, { color: "#c0392b", weight: 2, fillOpacity: 0.2 }).addTo(map));
  if (track.length) layers.push(L.polyline(track, { color: "#1f6feb", weight: 3 }).addTo(map));
  stops.forEach(function (s) {
    layers.push(L.circleMarker([s[0], s[1]], { radius: 8, color: "#12263a", fillOpacity: 0.7 }).bindTooltip(document.createTextNode("Stop, " + s[2] + " min")).addTo(map));
  });
  if (layers.length) map.fitBounds(L.featureGroup(layers).getBounds(), { padding: [20, 20], maxZoom: 18 });
  else map.setView([51.4545, -0.973], 14);
})();
