// A Leaflet map of hot spots. Tiles come from a settable URL; the overlays draw on a plain background
// when no tile server can be reached. Tooltips are text nodes: Leaflet puts a string in as HTML, and spot names come
// from the force's records.
(function () {
  "use strict";

  function create(element) {
    if (!element || typeof L === "undefined") return null;
    var map = L.map(element, { zoomControl: true, attributionControl: true });
    var url = element.dataset.tileUrl;
    if (url) {
      L.tileLayer(url, { maxZoom: 19, attribution: (element.dataset.tileAttribution || "").replace(/&/g, "&amp;").replace(/</g, "&lt;") }).addTo(map);
    }
    map.setView([51.4545, -0.973], 14);
    var spots = L.layerGroup().addTo(map);
    var you = null, shape = null;

    function outline(points, options) {
      return L.polygon(points, Object.assign({ color: "#c0392b", weight: 2, fillOpacity: 0.25, className: "spot" }, options || {}));
    }

    return {
      showSpots: function (list) {
        spots.clearLayers();
        list.forEach(function (s) {
          outline(s.outline).bindTooltip(document.createTextNode("#" + s.rank + " " + s.name)).addTo(spots);
        });
      },
      showOutline: function (points) {
        spots.clearLayers();
        shape = outline(points).addTo(spots);
        map.fitBounds(shape.getBounds(), { padding: [24, 24], maxZoom: 17, animate: false });
      },
      setYou: function (lat, lon, fit) {
        if (!you) {
          you = L.circleMarker([lat, lon], { radius: 7, color: "#1f6feb", fillColor: "#1f6feb", fillOpacity: 0.9, className: "you" })
            .bindTooltip(document.createTextNode("You")).addTo(map);
        } else {
          you.setLatLng([lat, lon]);
        }
        if (fit) map.setView([lat, lon], 15);
      },
      // The spot's outline and the position together in view (the patrol screen).
      fitBoth: function (always) {
        if (!shape || !you) return;
        var bounds = L.latLngBounds(shape.getLatLngs()[0]).extend(you.getLatLng());
        map.invalidateSize({ pan: false });
        // Fitted again when the two leave the view, or when they would fill it at a closer zoom (back at the spot).
        var zoom = Math.min(17, map.getBoundsZoom(bounds, false, L.point(72, 72)));
        if (always || zoom > map.getZoom() + 1 || !map.getBounds().pad(-0.05).contains(bounds)) {
          // A reset, not an animation: an animated zoom that ends after a later fit would put the old view back.
          map.setView(bounds.getCenter(), zoom, { reset: true });
        }
        // A marker moved while out of view is not drawn again by a pan alone.
        you.redraw();
        shape.redraw();
      }
    };
  }

  window.HotSpotsMap = { create: create };
})();
