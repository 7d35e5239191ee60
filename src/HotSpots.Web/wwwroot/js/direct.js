// The chosen spot on a small map.
(function () {
  "use strict";
  var element = document.getElementById("map");
  var map = window.HotSpotsMap.create(element);
  if (map && element) map.showOutline(JSON.parse(element.dataset.outline || "[]"));
})();
