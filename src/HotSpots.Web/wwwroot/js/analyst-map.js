// The analyst's map: a set's spots coloured by how they compare with the set they would replace, dropped spots,
// the density surface and the exclusions. On the exclusions page, clicks place a point or an area's corners.
// Tooltips are text nodes: Leaflet puts a string in as HTML, and spot names come from the force's records.
(function () {
  "use strict";
  var element = document.getElementById("analyst-map");
  if (!element || typeof L === "undefined") return;
  var data = JSON.parse(element.dataset.map || "{}");
  var map = L.map(element);
  if (element.dataset.tileUrl) {
    L.tileLayer(element.dataset.tileUrl, { maxZoom: 19, attribution: (element.dataset.tileAttribution || "").replace(/&/g, "&amp;").replace(/</g, "&lt;") }).addTo(map);
  }
  var colours = { "new": "#d97706", persisting: "#c0392b", dropped: "#6b7280", exclusion: "#1f6feb" };
  var layers = {};
  var bounds = L.latLngBounds([]);

  if (data.density && data.density.length) {
    // Thousands of cells: drawn on one canvas; the spots stay SVG paths that can be hovered.
    var canvas = L.canvas();
    var density = L.layerGroup();
    data.density.forEach(function (d) {
      L.rectangle([[d[0], d[1]], [d[2], d[3]]], { renderer: canvas, stroke: false, interactive: false, fillColor: "#7c3aed", fillOpacity: 0.08 + 0.6 * d[4] }).addTo(density);
    });
    layers["Density surface"] = density.addTo(map);
  }
  function outlines(list, style, label) {
    var group = L.layerGroup();
    (list || []).forEach(function (s) {
      var shape = L.polygon(s.outline, style(s)).bindTooltip(document.createTextNode(label(s))).addTo(group);
      bounds.extend(shape.getBounds());
    });
    return group.addTo(map);
  }
  layers["Spots"] = outlines(data.spots, function (s) {
    return { color: colours[s.change] || colours.persisting, weight: 2, fillOpacity: 0.3 };
  }, function (s) { return "#" + s.rank + " " + s.name + " (" + s.change + ")"; });
  layers["Dropped spots"] = outlines(data.dropped, function () {
    return { color: colours.dropped, weight: 2, dashArray: "6 4", fillOpacity: 0.05 };
  }, function (s) { return s.name + " (dropped)"; });
  layers["Exclusions"] = outlines(data.exclusions, function () {
    return { color: colours.exclusion, weight: 2, fillOpacity: 0.15 };
  }, function (s) { return "Exclusion: " + s.name; });
  L.control.layers(null, layers, { collapsed: false }).addTo(map);
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [20, 20], maxZoom: 16 });
  else map.setView([51.4545, -0.973], 13);

  var form = element.dataset.draw ? document.getElementById(element.dataset.draw) : null;
  if (!form) return;
  var drawn = L.layerGroup().addTo(map);
  function kind() { return form.querySelector("input[name=Kind]:checked").value; }
  function redraw() {
    drawn.clearLayers();
    if (kind() === "point") {
      var lat = parseFloat(form.Latitude.value), lon = parseFloat(form.Longitude.value), r = parseFloat(form.RadiusMetres.value);
      if (!isNaN(lat) && !isNaN(lon)) L.circle([lat, lon], { radius: isNaN(r) ? 0 : r, color: colours.exclusion }).addTo(drawn);
    } else {
      var corners = form.Corners.value.split("\n").map(function (line) { return line.split(",").map(parseFloat); })
        .filter(function (p) { return p.length === 2 && !isNaN(p[0]) && !isNaN(p[1]); });
      if (corners.length) L.polygon(corners, { color: colours.exclusion, dashArray: "4 4" }).addTo(drawn);
    }
  }
  map.on("click", function (e) {
    var lat = e.latlng.lat.toFixed(6), lon = e.latlng.lng.toFixed(6);
    if (kind() === "point") {
      form.Latitude.value = lat;
      form.Longitude.value = lon;
    } else {
      form.Corners.value = (form.Corners.value.trim() ? form.Corners.value.trim() + "\n" : "") + lat + ", " + lon;
    }
    redraw();
  });
  form.addEventListener("input", redraw);
  form.addEventListener("change", redraw);
  redraw();
})();
