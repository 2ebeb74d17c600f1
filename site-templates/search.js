// Offline search. The index (<lang>/search-index.js, written by `guidegen build`) is loaded the first time
// the reader uses the box, as a script rather than with fetch so it works from file:// too. Queries match
// substrings, not words: Chinese has no spaces to split words at. No storage, no network beyond the index.
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  if (!form || !String.prototype.normalize) return;
  var input = form.querySelector(".search__input");
  var panel = form.querySelector(".search__panel");
  var status = form.querySelector(".search__status");
  // Announced from outside the panel: a live region inside an element that was hidden until now is not read.
  var live = form.querySelector(".search__live");
  var list = form.querySelector(".search__results");
  var root = form.getAttribute("data-root") || "";
  var shown = 20;
  var entries = null;
  var loading = false;
  var timer = 0;
  form.hidden = false;

  // Full-width letters and digits as ASCII, then lower case: ＴＡＯＢＡＯ finds Taobao.
  function fold(text) { return text.normalize("NFKC").toLowerCase(); }
  function isCJK(text) { return /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]/.test(text); }

  function load() {
    if (entries || loading) return;
    loading = true;
    var script = document.createElement("script");
    script.src = form.getAttribute("data-index");
    script.onload = function () {
      entries = (window.guidegenSearchIndex || []).map(function (e) {
        return { title: e[0], url: e[1], section: e[2], description: e[3], body: e[5],
                 t: fold(e[0]), h: fold(e[4]), d: fold(e[3]), b: fold(e[5]), all: null };
      });
      window.guidegenSearchIndex = undefined;
      update();
    };
    script.onerror = function () { loading = false; };
    document.head.appendChild(script);
  }

  // Each word of the query with the other ways it may be written: 7天 as `7 天` (as rule values are shown)
  // and 七天, 七天 as 7天, and a plural or past tense as its stem. Punctuation and quotes are no part of a word.
  var NUMERALS = "零一二三四五六七八九";
  var CJK = "[\u3400-\u9fff]";
  var UNIT = "(?=[天日个個小周週年元块塊件次])";
  function numeralValue(text) {
    var m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(text.replace(/两/g, "二"));
    if (!m || !text || (!m[2] && m[3])) return null;
    if (!m[2]) return NUMERALS.indexOf(m[1]);
    return (m[1] ? NUMERALS.indexOf(m[1]) : 1) * 10 + (m[3] ? NUMERALS.indexOf(m[3]) : 0);
  }
  function numeralOf(n) {
    if (n < 10) return NUMERALS.charAt(n);
    var tens = Math.floor(n / 10), ones = n % 10;
    return (tens > 1 ? NUMERALS.charAt(tens) : "") + "十" + (ones ? NUMERALS.charAt(ones) : "");
  }
  function spaced(term) {
    return term.replace(new RegExp("(\\d)(?=" + CJK + ")", "g"), "$1 ").replace(new RegExp("(" + CJK + ")(?=\\d)", "g"), "$1 ");
  }
  function variantsOf(term) {
    var out = [term];
    function add(v) { if (v && out.indexOf(v) < 0) out.push(v); }
    var digits = term.replace(new RegExp("[一二两三四五六七八九十]+" + UNIT, "g"), function (n) {
      var v = numeralValue(n);
      return v === null ? n : String(v);
    });
    var numerals = term.replace(new RegExp("\\d{1,2}" + UNIT, "g"), function (n) { return n === "0" ? n : numeralOf(Number(n)); });
    // 2 before a measure word is 两 (两个工作日), elsewhere 二.
    var liang = numerals.replace(/二(?=[个個件次天周週年块塊])/g, "两");
    [term, digits, numerals, liang].forEach(function (v) { add(v); add(spaced(v)); });
    if (/^[a-z]{5,}$/.test(term)) {
      if (/ies$/.test(term)) add(term.slice(0, -3) + "y");
      else if (/[^s]s$/.test(term)) add(term.slice(0, -1));
      else if (/ed$/.test(term)) add(term.slice(0, -2));
    }
    return out;
  }
  function termsOf(query) {
    return fold(query).split(/[\s!-\/:-@\[-`{-~\u3000-\u3003\u3008-\u3011\uff01-\uff0f\uff1a-\uff1f\u2018-\u201f\u2026\u00b7]+/)
      .filter(Boolean).map(variantsOf);
  }
  function allOf(terms) { return [].concat.apply([], terms); }

  // Every pair of neighbouring characters of `term` appears in `text`.
  function pairsIn(term, text) {
    for (var i = 0; i + 2 <= term.length; i++) if (text.indexOf(term.substr(i, 2)) < 0) return false;
    return true;
  }

  // Title over headings over description over text; 0 unless every term is found somewhere.
  function scoreOf(e, term) {
    var s = 0;
    if (e.t.indexOf(term) >= 0) s += e.t === term ? 12 : 8;
    if (e.h.indexOf(term) >= 0) s += 4;
    if (e.d.indexOf(term) >= 0) s += 2;
    if (e.b.indexOf(term) >= 0) s += 1;
    return s;
  }
  function score(e, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var term = terms[i][0];
      var s = 0;
      for (var v = 0; v < terms[i].length; v++) s = Math.max(s, scoreOf(e, terms[i][v]));
      if (!s && term.length >= 3 && isCJK(term)) {
        // A phrase written another way (退货运费 for 退货的运费): weaker, but still a match.
        if (e.all === null) e.all = e.t + "\n" + e.h + "\n" + e.d + "\n" + e.b;
        if (pairsIn(term, e.all)) s = 0.5;
      }
      if (!s) return 0;
      total += s;
    }
    return total;
  }

  // The description when it holds a term, else the text around the first term found in it.
  function snippetOf(e, groups) {
    var i;
    var terms = allOf(groups);
    for (i = 0; i < terms.length; i++) if (e.d.indexOf(terms[i]) >= 0) return e.description;
    if (e.b.length === e.body.length) {
      for (i = 0; i < terms.length; i++) {
        var at = e.b.indexOf(terms[i]);
        if (at < 0) continue;
        var start = Math.max(0, at - 30);
        var end = Math.min(e.body.length, at + terms[i].length + 70);
        // Not in the middle of a word (of letters or digits; CJK text may be cut anywhere).
        var word = /[A-Za-z0-9\u00c0-\u024f]/;
        while (start > 0 && start < at && word.test(e.body.charAt(start - 1)) && word.test(e.body.charAt(start))) start++;
        while (end < e.body.length && end > at && word.test(e.body.charAt(end - 1)) && word.test(e.body.charAt(end))) end--;
        if (/[\udc00-\udfff]/.test(e.body.charAt(start))) start++;
        return (start > 0 ? "…" : "") + e.body.slice(start, end) + (end < e.body.length ? "…" : "");
      }
    }
    return e.description || e.body.slice(0, 100);
  }

  // Appends `text` to `parent` with each term found in it marked (as text nodes: nothing is parsed as HTML).
  function appendMarked(parent, text, terms) {
    var lower = text.toLowerCase();
    var pos = 0;
    if (lower.length === text.length) {
      while (pos < text.length) {
        var best = -1;
        var length = 0;
        for (var i = 0; i < terms.length; i++) {
          var at = lower.indexOf(terms[i], pos);
          if (at >= 0 && (best < 0 || at < best || (at === best && terms[i].length > length))) {
            best = at;
            length = terms[i].length;
          }
        }
        if (best < 0) break;
        if (best > pos) parent.appendChild(document.createTextNode(text.slice(pos, best)));
        var mark = document.createElement("mark");
        mark.textContent = text.slice(best, best + length);
        parent.appendChild(mark);
        pos = best + length;
      }
    }
    if (pos < text.length) parent.appendChild(document.createTextNode(text.slice(pos)));
  }

  function span(className) {
    var element = document.createElement("span");
    element.className = className;
    return element;
  }

  function update() {
    var query = input.value.trim();
    if (!query) {
      panel.hidden = true;
      list.textContent = "";
      return;
    }
    if (!entries) { load(); return; }
    var terms = termsOf(query);
    var hits = [];
    for (var i = 0; i < entries.length; i++) {
      var s = score(entries[i], terms);
      if (s > 0) hits.push({ entry: entries[i], score: s, order: i });
    }
    hits.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    list.textContent = "";
    hits.slice(0, shown).forEach(function (hit) {
      var e = hit.entry;
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + e.url;
      var title = span("search__title");
      appendMarked(title, e.title, allOf(terms));
      link.appendChild(title);
      if (e.section && e.section !== e.title) {
        var section = span("search__section");
        section.textContent = e.section;
        link.appendChild(section);
      }
      var text = snippetOf(e, terms);
      if (text) {
        var snippet = span("search__snippet");
        appendMarked(snippet, text, allOf(terms));
        link.appendChild(snippet);
      }
      item.appendChild(link);
      list.appendChild(item);
    });
    status.textContent = hits.length
      ? (form.getAttribute("data-count") || "{n}").replace("{n}", String(hits.length))
      : form.getAttribute("data-none") || "";
    if (live) live.textContent = status.textContent;
    form.setAttribute("data-searched", query);  // which query the results are for (tests wait on it)
    panel.hidden = false;
  }

  input.addEventListener("focus", function () {
    load();
    if (entries && input.value.trim()) update();
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(update, 60);
  });
  // Enter opens the best match.
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    update();
    var first = list.querySelector("a");
    if (first) location.href = first.href;
  });
  // Arrow keys move between the box and the results; Escape closes them.
  form.addEventListener("keydown", function (event) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (event.key === "Escape") {
      panel.hidden = true;
      input.focus();
      event.preventDefault();
    } else if (event.key === "ArrowDown" && links.length && !panel.hidden) {
      links[Math.min(at + 1, links.length - 1)].focus();
      event.preventDefault();
    } else if (event.key === "ArrowUp" && at >= 0) {
      (at === 0 ? input : links[at - 1]).focus();
      event.preventDefault();
    }
  });
  document.addEventListener("click", function (event) {
    if (!form.contains(event.target)) panel.hidden = true;
  });
})();
