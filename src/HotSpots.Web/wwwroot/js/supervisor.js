// Supervisor: who is on patrol where, refreshed every 10 seconds without reloading the page.
(function () {
  "use strict";
  var body = document.querySelector("#live tbody");
  if (!body) return;

  function cell(text) {
    var td = document.createElement("td");
    td.textContent = text;
    return td;
  }

  function render(patrols) {
    body.replaceChildren();
    if (patrols.length === 0) {
      var empty = document.createElement("tr");
      var td = cell("No one is on patrol.");
      td.colSpan = 8;
      empty.append(td);
      body.append(empty);
      return;
    }
    patrols.forEach(function (p) {
      var row = document.createElement("tr");
      row.append(cell(p.officer), cell(p.team || "–"), cell(p.spot), cell(p.minutesOnPatrol + " min"),
        cell(p.minutesInside.toFixed(1) + " min"), cell(p.inside ? "Inside" : "Outside"),
        cell((p.lastSeenSecondsAgo == null ? "Nothing yet" : p.lastSeenSecondsAgo + " s ago") + (p.quiet ? ". Gone quiet" : "")),
        cell(p.observedShare == null ? "–" : Math.round(p.observedShare * 100) + " %"));
      if (p.quiet) row.className = "quiet";
      body.append(row);
    });
  }

  function refresh() {
    fetch("/api/supervisor/live", { credentials: "same-origin" })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(render)
      .catch(function () { /* keep the last figures; try again on the next tick */ });
  }

  refresh();
  setInterval(refresh, 10000);
})();
