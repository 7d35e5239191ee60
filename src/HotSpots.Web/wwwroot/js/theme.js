// Light or dark, and larger text: the system's setting until the user chooses, then the user's choice on this device.
// Loaded in the head (before the page is drawn) so that a chosen theme shows from the first paint.
(function () {
  "use strict";
  var root = document.documentElement;
  var store = { get: function (k) { try { return localStorage.getItem(k); } catch (e) { return null; } },
                set: function (k, v) { try { localStorage.setItem(k, v); } catch (e) { /* private mode: for this page only */ } } };
  var system = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  function theme() { return store.get("hotspots.theme") || (system && system.matches ? "dark" : "light"); }
  function apply() {
    var chosen = store.get("hotspots.theme");
    if (chosen) root.setAttribute("data-theme", chosen); else root.removeAttribute("data-theme");
    if (store.get("hotspots.text") === "large") root.setAttribute("data-text", "large"); else root.removeAttribute("data-text");
    var themeButton = document.getElementById("theme-toggle");
    if (themeButton) themeButton.setAttribute("aria-pressed", String(theme() === "dark"));
    var textButton = document.getElementById("text-toggle");
    if (textButton) textButton.setAttribute("aria-pressed", String(store.get("hotspots.text") === "large"));
  }
  apply();
  if (system && system.addEventListener) system.addEventListener("change", apply);
  document.addEventListener("DOMContentLoaded", function () {
    apply();
    var themeButton = document.getElementById("theme-toggle");
    if (themeButton) themeButton.addEventListener("click", function () {
      store.set("hotspots.theme", theme() === "dark" ? "light" : "dark");
      apply();
    });
    var textButton = document.getElementById("text-toggle");
    if (textButton) textButton.addEventListener("click", function () {
      store.set("hotspots.text", store.get("hotspots.text") === "large" ? "normal" : "large");
      apply();
    });
  });
})();
