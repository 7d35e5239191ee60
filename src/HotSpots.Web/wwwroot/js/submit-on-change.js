// A select marked data-submit-on-change sends its form when changed (no inline handlers: the CSP forbids them).
document.querySelectorAll("select[data-submit-on-change]").forEach(function (select) {
  select.addEventListener("change", function () { select.form.submit(); });
});
