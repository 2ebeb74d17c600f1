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
  // Chinese is read by script: zh-Hant-TW and zh-TW are Traditional, zh-Hans-CN, zh-CN and zh Simplified.
  function scriptOf(t) {
    if (/^zh-(hant|tw|hk|mo)(-|$)/.test(t)) return "zh-hant";
    if (t === "zh" || /^zh-(hans|cn|sg|my)(-|$)/.test(t)) return "zh-hans";
    return null;
  }
  function match(tag) {
    var t = tag.toLowerCase();
    var found = exact(t);
    if (found) return found;
    var s = scriptOf(t);
    if (s) {
      // A site language of the same script, whatever its name (zh-TW finds zh-Hant-TW, not zh-Hans); one of
      // the reader's region first (zh-HK finds zh-Hant-HK before zh-Hant-TW).
      var region = t.split("-").pop();
      var sameScript = available.filter(function (a) { return scriptOf(a.toLowerCase()) === s; });
      for (var r = 0; r < sameScript.length; r++) if (sameScript[r].toLowerCase().split("-").pop() === region) return sameScript[r];
      if (sameScript.length) return sameScript[0];
      t = s;
    }
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
