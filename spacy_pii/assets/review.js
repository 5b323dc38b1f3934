(function () {
  var docs = Array.prototype.slice.call(document.querySelectorAll("article.doc"));
  var boxes = function (name) {
    return Array.prototype.slice.call(document.querySelectorAll('#filters input[name="' + name + '"]'));
  };
  var kinds = boxes("kind"), labels = boxes("label");
  var shown = document.getElementById("shown");
  var checked = function (list) {
    var on = {};
    list.forEach(function (b) { if (b.checked) { on[b.value] = true; } });
    return on;
  };
  function writeHash(k, l) {
    var parts = [];
    if (!kinds.every(function (b) { return b.checked; })) { parts.push("kinds=" + Object.keys(k).join(",")); }
    if (!labels.every(function (b) { return b.checked; })) { parts.push("labels=" + Object.keys(l).join(",")); }
    var hash = parts.length ? "#" + parts.join("&") : "";
    if (location.hash !== hash && !/^#doc-/.test(location.hash)) {
      history.replaceState(null, "", location.pathname + location.search + hash);
    }
  }
  function readHash() {
    location.hash.replace(/^#/, "").split("&").forEach(function (part) {
      var kv = part.split("="), list = kv[0] === "kinds" ? kinds : kv[0] === "labels" ? labels : null;
      if (!list || kv.length !== 2) { return; }
      var want = decodeURIComponent(kv[1]).split(",");
      list.forEach(function (b) { b.checked = want.indexOf(b.value) >= 0; });
    });
  }
  function apply() {
    var k = checked(kinds), l = checked(labels), n = 0;
    var allLabels = labels.every(function (b) { return b.checked; });
    docs.forEach(function (d) {
      var dk = d.getAttribute("data-kinds").split(" ");
      var dl = d.getAttribute("data-labels").split(" ").filter(Boolean);
      var show = dk.some(function (x) { return k[x]; }) &&
        (dl.length ? dl.some(function (x) { return l[x]; }) : allLabels);
      d.hidden = !show;
      if (show) { n += 1; }
      d.querySelectorAll("mark[data-label]").forEach(function (m) {
        m.classList.toggle("dim", !l[m.getAttribute("data-label")]);
      });
    });
    shown.textContent = n + " of " + docs.length + " documents shown";
    document.body.setAttribute("data-shown", String(n));
    writeHash(k, l);
  }
  document.getElementById("filters").addEventListener("change", apply);
  document.querySelectorAll("#filter-label button[data-all]").forEach(function (btn) {
    btn.addEventListener("click", function () {
      labels.forEach(function (b) { b.checked = btn.getAttribute("data-all") === "1"; });
      apply();
    });
  });
  readHash();
  apply();
  document.body.setAttribute("data-ready", "1");
})();
