// Sends a reader from the site root to the language their browser prefers (the meta refresh is the
// fallback without JavaScript). Reads only navigator.languages; no storage, no network.
(function () {
  var script = document.currentScript;
  var available = JSON.parse(script.getAttribute("data-languages") || "[]");
  var pretty = script.getAttribute("data-pretty") === "1";
  if (!available.length) return;
  var wanted = (navigator.languages || [navigator.language || ""]).map(function (l) { return l.toLowerCase(); });
  function match(tag) {
    var t = tag.toLowerCase();
    for (var i = 0; i < available.length; i++) if (available[i].toLowerCase() === t) return available[i];
    if (t === "zh-cn" || t === "zh-sg" || t === "zh") t = "zh-hans";
    if (t === "zh-tw" || t === "zh-hk" || t === "zh-mo") t = "zh-hant";
    for (var j = 0; j < available.length; j++) if (available[j].toLowerCase() === t) return available[j];
    var base = t.split("-")[0];
    for (var k = 0; k < available.length; k++) if (available[k].toLowerCase().split("-")[0] === base) return available[k];
    return null;
  }
  var chosen = null;
  for (var n = 0; n < wanted.length && !chosen; n++) chosen = match(wanted[n]);
  location.replace((chosen || available[0]) + (pretty ? "/" : "/index.html"));
})();
