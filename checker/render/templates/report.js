(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  form.hidden = false;
  var count = document.getElementById("filter-count");
  var cards = Array.prototype.slice.call(document.querySelectorAll(".finding[data-severity]"));
  var slots = Array.prototype.slice.call(document.querySelectorAll(".slot[data-slot]"));
  var groups = Array.prototype.slice.call(document.querySelectorAll(".findings"));

  function value(name) {
    var el = form.elements.namedItem(name);
    return el && "value" in el ? el.value : "";
  }

  function apply() {
    var sev = value("severity"), type = value("type"), slot = value("slot"), status = value("status");
    var shown = 0;
    cards.forEach(function (card) {
      var d = card.dataset;
      var ok = (!sev || d.severity === sev) && (!type || d.type === type) &&
        (!slot || d.slot === slot) && (!status || d.status === status);
      card.classList.toggle("is-filtered-out", !ok);
      if (ok) { shown += 1; }
    });
    slots.forEach(function (section) {
      section.classList.toggle("is-filtered-out", !!slot && section.dataset.slot !== slot);
    });
    groups.forEach(function (group) {
      var visible = group.querySelectorAll(".finding:not(.is-filtered-out)").length;
      var total = group.querySelectorAll(".finding").length;
      var note = group.querySelector(".no-match");
      if (note) { note.hidden = !(total > 0 && visible === 0); }
    });
    var active = sev || type || slot || status;
    count.textContent = active ? shown + " of " + cards.length + " findings shown" : cards.length + " findings";
  }

  function reveal() {
    var id = "";
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    if (!id) { return; }
    var el = document.getElementById(id);
    if (!el) { return; }
    if (el.closest(".is-filtered-out")) { form.reset(); apply(); }
    for (var node = el; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") { node.open = true; }
    }
    el.scrollIntoView();
  }

  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (d) { d.open = true; opened.push(d); });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  window.addEventListener("hashchange", reveal);
  apply();
  reveal();
})();
