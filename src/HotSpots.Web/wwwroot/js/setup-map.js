// The set-up page's map: the force boundary's outline, over the force's tiles or on a plain background when it has none.
(function () {
  "use strict";
  var element = document.getElementById("setup-map");
  if (!element || typeof L === "undefined") return;
  var map = L.map(element);
  if (element.dataset.tileUrl) L.tileLayer(element.dataset.tileUrl, { maxZoom: 19, attribution: (element.dataset.tileAttribution || "").replace(/&/g, "&amp;").replace(/</g, "&lt;") }).addTo(map);
  var rings = JSON.parse(element.dataset.rings || "[]");
  var shapes = rings.map(function (ring) { return L.polygon(ring, { color: "#1f6feb", weight: 2, fillOpacity: 0.08 }).addTo(map); });
  if (shapes.length) map.fitBounds(L.featureGroup(shapes).getBounds(), { padding: [10, 10] });
  else map.setView([52.5, -1.5], 6);
  element.dataset.ready = String(shapes.length);
})();
