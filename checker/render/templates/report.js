(function () {
  "use strict";
  var bar = document.getElementById("bar");
  var form = document.getElementById("filters");
  if (!bar || !form) { return; }
  bar.hidden = false;
  var root = document.documentElement;
  var toggle = document.getElementById("filter-toggle");
  var count = document.getElementById("filter-count");
  var names = ["severity", "type", "slot", "status"];
  function all(selector) { return Array.prototype.slice.call(document.querySelectorAll(selector)); }
  var cards, rows, slots, groups;
  function collect() {
    cards = all(".finding[data-severity]");
    rows = all(".triage-table tr[data-severity]");
    slots = all(".slot[data-slot]");
    groups = all(".findings, .triage");
  }
  collect();

  // Linked targets land below the sticky bar whatever its real height.
  function fitBar() { root.style.setProperty("--bar-h", bar.offsetHeight + "px"); }
  if (window.ResizeObserver) { new ResizeObserver(fitBar).observe(bar); }
  fitBar();

  function field(name) { return form.elements.namedItem(name); }
  function value(name) {
    var el = field(name);
    return el && "value" in el ? el.value : "";
  }
  function matches(d, f) {
    return (!f.severity || d.severity === f.severity) && (!f.type || d.type === f.type) &&
      (!f.slot || d.slot === f.slot) && (!f.status || d.status === f.status);
  }

  function apply(keepHash) {
    var f = {};
    names.forEach(function (n) { f[n] = value(n); });
    var shown = 0;
    cards.forEach(function (card) { card.classList.toggle("is-filtered-out", !matches(card.dataset, f)); });
    // Counted on the triage table, which lists every finding (packed parts included).
    rows.forEach(function (row) {
      var ok = matches(row.dataset, f);
      row.classList.toggle("is-filtered-out", !ok);
      if (ok) { shown += 1; }
    });
    slots.forEach(function (section) {
      section.classList.toggle("is-filtered-out", !!f.slot && section.dataset.slot !== f.slot);
    });
    groups.forEach(function (group) {
      var items = group.querySelectorAll(".finding, tr[data-severity]");
      var visible = group.querySelectorAll(".finding:not(.is-filtered-out), tr[data-severity]:not(.is-filtered-out)");
      var note = group.querySelector(".no-match");
      if (note) { note.hidden = !(items.length > 0 && visible.length === 0); }
    });
    var active = names.filter(function (n) { return f[n]; });
    var total = rows.length + packedRows;
    count.textContent = active.length ? shown + " of " + total + " findings shown" : total + " findings";
    toggle.textContent = active.length ? "Filters (" + active.length + ")" : "Filters";
    if (!keepHash) {
      var state = active.map(function (n) { return n + "=" + encodeURIComponent(f[n]); }).join("&");
      if (state || location.hash.indexOf("=") >= 0) {
        history.replaceState(null, "", state ? "#" + state : location.pathname + location.search);
      }
    }
  }

  function fromHash(hash) {
    // "#severity=error&slot=..." is a filter state; anchors never hold "=".
    form.reset();
    hash.split("&").forEach(function (pair) {
      var kv = pair.split("=");
      var el = field(kv[0]);
      if (names.indexOf(kv[0]) < 0 || !el) { return; }
      try { el.value = decodeURIComponent(kv[1] || ""); } catch (e) { el.value = ""; }
    });
    apply(true);
  }

  // Large corpora: packed sections (deflate + base64), inflated one per task as
  // they near the viewport, when a link points into one, or for a filter.
  var packed = all("[data-z]");
  var packedRows = 0;
  packed.forEach(function (el) { packedRows += Number(el.dataset.rows || 0); });
  var queue = [];
  var running = false;
  function inflate(el) {
    var raw = atob(el.dataset.z);
    el.removeAttribute("data-z");
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i += 1) { bytes[i] = raw.charCodeAt(i); }
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    return new Response(stream).text().then(function (html) {
      if (el.tagName === "TBODY") { el.insertAdjacentHTML("beforeend", html); } else { el.outerHTML = html; }
      packedRows -= Number(el.dataset.rows || 0);
      collect();
      apply(true);
    });
  }
  function drain() {
    if (running) { return; }
    var el = queue.shift();
    while (el && !el.dataset.z) { el = queue.shift(); }
    if (!el) { return; }
    running = true;
    inflate(el).then(function () {
      running = false;
      window.setTimeout(drain, 0);
    });
  }
  function want(elements, first) {
    elements = elements.filter(function (el) { return !!el.dataset.z; });
    queue = first ? elements.concat(queue) : queue.concat(elements);
    drain();
  }
  if (packed.length && window.IntersectionObserver) {
    var seen = new IntersectionObserver(function (entries) {
      want(entries.filter(function (e) { return e.isIntersecting; }).map(function (e) {
        seen.unobserve(e.target); return e.target;
      }), false);
    }, {rootMargin: "1200px 0px"});
    packed.forEach(function (el) { seen.observe(el); });
  }
  function revealPacked(id) {
    // Look first where such an id lives: findings, timelines or reports.
    var where = id.indexOf("finding-") === 0 ? ".findings" : id.indexOf("slot-") === 0 ? ".timelines" : ".reports";
    var order = all(where + " [data-z]").concat(all("[data-z]"));
    (function next() {
      if (document.getElementById(id)) { reveal(); return; }
      var el = order.shift();
      while (el && !el.dataset.z) { el = order.shift(); }
      if (el) { inflate(el).then(function () { window.setTimeout(next, 0); }); }
    })();
  }

  function reveal() {
    var id = "";
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    if (!id) { return; }
    if (id.indexOf("=") >= 0) { fromHash(id); return; }
    var el = document.getElementById(id);
    if (!el) { if (all("[data-z]").length) { revealPacked(id); } return; }
    if (el.closest(".is-filtered-out")) { form.reset(); apply(true); }
    for (var node = el; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") { node.open = true; }
    }
    el.scrollIntoView();
  }

  toggle.addEventListener("click", function () {
    var open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    bar.classList.toggle("is-open", open);
  });

  // Print: findings first, with every finding listed; the rest stays as folded as on screen.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll(".triage details:not([open])").forEach(function (d) {
      d.open = true; opened.push(d);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
  form.addEventListener("change", function () {
    apply(false);
    want(all(".triage [data-z]"), true);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { window.setTimeout(function () { apply(false); }, 0); });
  window.addEventListener("hashchange", reveal);
  apply(true);
  reveal();
})();
