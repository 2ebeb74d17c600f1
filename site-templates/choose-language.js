// Sends a reader from the site root to the language their browser prefers (the meta refresh is the
// fallback without JavaScript). Reads only navigator.languages; no storage, no network.
(function () {
  var script = document.currentScript;
  var available = JSON.parse(script.getAttribute("data-languages") || "[]");
  var pretty = script.getAttribute("data-pretty") === "1";
  if (!available.length) return;
  var wanted = (navigator.languages || [navigator.language || ""]).map(function (l) { return l.toLowerCase(); });
  function exact(t) {
    for (var i = 0; i < available.length; i++) if (available[i].toLowerCase() === t) return available[i];
    return null;
  }
  function match(tag) {
    var t = tag.toLowerCase();
    var found = exact(t);
    if (found) return found;
    // Chinese by script first: zh-Hant-TW and zh-TW read Traditional, zh-Hans-CN and zh-CN Simplified.
    if (/^zh-(hant|tw|hk|mo)(-|$)/.test(t)) t = "zh-hant";
    else if (t === "zh" || /^zh-(hans|cn|sg|my)(-|$)/.test(t)) t = "zh-hans";
    // Then ever shorter prefixes (pt-BR-x → pt-BR → pt), then any variant of the base language.
    for (var cut = t; cut; cut = cut.lastIndexOf("-") > 0 ? cut.slice(0, cut.lastIndexOf("-")) : "") {
      found = exact(cut);
      if (found) return found;
    }
    var base = t.split("-")[0];
    for (var k = 0; k < available.length; k++) if (available[k].toLowerCase().split("-")[0] === base) return available[k];
    return null;
  }
  var chosen = null;
  for (var n = 0; n < wanted.length && !chosen; n++) chosen = match(wanted[n]);
  location.replace((chosen || available[0]) + (pretty ? "/" : "/index.html"));
})();
