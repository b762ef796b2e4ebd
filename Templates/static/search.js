/* 站内搜索: loads only the parts of the build-time index a query needs (see SearchIndex.swift),
   cuts the query into terms exactly as the index was cut (SearchTokenizer.swift), ranks pages
   that hold the query as typed above pages that hold its pieces apart, and shows the best
   matches with the match highlighted. No server, no outside service. */
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form) { return; }
  var base = form.getAttribute("data-index");
  var input = document.getElementById("search-query");
  var kindSelect = document.getElementById("search-kind");
  var districtSelect = document.getElementById("search-district");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var siteRoot = base.replace(/search\/$/, "");
  var cache = {};
  /* Results shown at a time; each needs its document file (its text, for the snippet). */
  var LIMIT = 10;
  /* Zero-width characters and marks that reorder text: skipped, as the index skips them. */
  var INVISIBLE = "[\\u200B-\\u200D\\u2060\\uFEFF\\u202A-\\u202E\\u2066-\\u2069]*";

  function load(name) {
    if (!cache[name]) {
      cache[name] = fetch(base + name).then(function (response) {
        if (!response.ok) { throw new Error(name + ": " + response.status); }
        return response.json();
      });
    }
    return cache[name];
  }

  function normalize(code) {
    if (code >= 0xFF01 && code <= 0xFF5E) { code -= 0xFEE0; }
    if (code >= 65 && code <= 90) { code += 32; }
    return code;
  }

  /* The text with full-width forms as ASCII and ASCII in lower case: the same length, so a
     match found in it is at the same place in the text. */
  function fold(text) {
    return text.replace(/[\uFF01-\uFF5EA-Z]/g, function (c) { return String.fromCharCode(normalize(c.charCodeAt(0))); });
  }

  function isChinese(code) {
    return (code >= 0x3400 && code <= 0x4DBF) || (code >= 0x4E00 && code <= 0x9FFF) || (code >= 0xF900 && code <= 0xFAFF) ||
      (code >= 0x20000 && code <= 0x3FFFF) || (code >= 0x3040 && code <= 0x30FF);
  }

  function isInvisible(code) {
    return (code >= 0x200B && code <= 0x200D) || code === 0x2060 || code === 0xFEFF || (code >= 0x202A && code <= 0x202E) ||
      (code >= 0x2066 && code <= 0x2069);
  }

  function isWordCharacter(code) {
    return (code >= 48 && code <= 57) || (code >= 97 && code <= 122);
  }

  function runs(text) {
    var result = [];
    var chinese = [];
    var word = "";
    function flush() {
      if (chinese.length) { result.push({ chinese: chinese }); chinese = []; }
      if (word) { result.push({ word: word }); word = ""; }
    }
    for (var character of text) {
      var code = normalize(character.codePointAt(0));
      if (isInvisible(code)) {
        continue;
      } else if (isChinese(code)) {
        if (word) { flush(); }
        chinese.push(String.fromCodePoint(code));
      } else if (isWordCharacter(code)) {
        if (chinese.length) { flush(); }
        word += String.fromCodePoint(code);
      } else {
        flush();
      }
    }
    flush();
    return result;
  }

  /* The length of the longest glossary word at `start`, or 0. */
  function glossaryWord(characters, start, glossary) {
    var found = 0;
    glossary.forEach(function (word) {
      var letters = Array.from(word);
      if (letters.length > found && characters.slice(start, start + letters.length).join("") === word) { found = letters.length; }
    });
    return found;
  }

  /* Glossary words whole, the pairs of the stretches between them, words; a run of one character alone. */
  function queryTerms(text, glossary) {
    var terms = [];
    runs(text).forEach(function (run) {
      if (run.word) { terms.push(run.word); return; }
      var c = run.chinese;
      var stretch = [];
      var stretchStart = 0;
      function endStretch() {
        /* A lone character beside a glossary word goes with its neighbour: body text has no
           single characters in the index. */
        if (stretch.length === 1) {
          terms.push(c.length === 1 ? stretch[0] : stretchStart + 1 < c.length ? stretch[0] + c[stretchStart + 1] : c[stretchStart - 1] + stretch[0]);
        }
        for (var i = 0; i + 1 < stretch.length; i++) { terms.push(stretch[i] + stretch[i + 1]); }
        stretch = [];
      }
      for (var index = 0; index < c.length;) {
        var length = glossaryWord(c, index, glossary);
        if (length) {
          endStretch();
          terms.push(c.slice(index, index + length).join(""));
          index += length;
        } else {
          if (!stretch.length) { stretchStart = index; }
          stretch.push(c[index]);
          index += 1;
        }
      }
      endStretch();
    });
    return terms.filter(function (term, index) { return terms.indexOf(term) === index; });
  }

  /* What a page must hold to match the query as typed: each Chinese run and each word. */
  function phrases(text) {
    return runs(text).map(function (run) { return run.word || run.chinese.join(""); });
  }

  function hash(term) {
    var value = 0x811C9DC5;
    var bytes = new TextEncoder().encode(term);
    for (var i = 0; i < bytes.length; i++) {
      value ^= bytes[i];
      value = Math.imul(value, 0x01000193) >>> 0;
    }
    return value;
  }

  /* A term's postings, [Δdocument, weight, …]: from its own file when common (meta.json lists
     those), from its shard otherwise. */
  var common = null;
  function postings(meta, term) {
    var code = hash(term);
    if (!common) { common = new Set(meta.common); }
    if (common.has(term)) {
      var digits = code.toString(16);
      return load("t/" + "00000000".slice(digits.length) + digits + ".json").then(function (file) { return file[term] || []; });
    }
    return load("terms-" + (code % meta.shards) + ".json").then(function (shard) {
      var entry = shard[term];
      return Array.isArray(entry) ? entry : [];
    });
  }

  function escapeHTML(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c];
    });
  }

  /* A pattern for each phrase, letting invisible characters sit between its characters. */
  function patterns(query) {
    return phrases(query).map(function (phrase) {
      return new RegExp(Array.from(phrase).map(function (c) { return c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }).join(INVISIBLE), "g");
    });
  }

  /* text[from..<to] as HTML, every match of the patterns marked. */
  function marked(text, found, from, to) {
    var folded = fold(text);
    var marks = [];
    found.forEach(function (pattern) {
      pattern.lastIndex = 0;
      var match;
      while ((match = pattern.exec(folded))) {
        for (var i = match.index; i < match.index + match[0].length; i++) { marks[i] = true; }
        if (!match[0].length) { pattern.lastIndex++; }
      }
    });
    var html = "";
    for (var i = from; i < to; i++) {
      if (marks[i] && !marks[i - 1]) { html += "<mark>"; }
      html += escapeHTML(text.charAt(i));
      if (marks[i] && (i + 1 === to || !marks[i + 1])) { html += "</mark>"; }
    }
    return html;
  }

  /* The stretch of text around the first match, with every match marked. */
  function snippet(text, found) {
    var folded = fold(text);
    var first = -1;
    found.forEach(function (pattern) {
      pattern.lastIndex = 0;
      var match = pattern.exec(folded);
      if (match && (first < 0 || match.index < first)) { first = match.index; }
    });
    var start = Math.max(0, first - 30);
    var end = Math.min(text.length, start + 110);
    return (start > 0 ? "…" : "") + marked(text, found, start, end) + (end < text.length ? "…" : "");
  }

  /* Whether a page holds every phrase of the query. */
  function holds(hit, found) {
    var folded = fold([hit.title, hit.base, hit.district, hit.names, hit.text].join("\n"));
    return found.every(function (pattern) { pattern.lastIndex = 0; return pattern.test(folded); });
  }

  /* The pages holding every term, best first: a weight counts less each time it repeats, and a
     term counts more the fewer pages hold it. */
  function rank(meta, terms, lists, kind, district) {
    var count = meta.documents;
    var matched = new Uint16Array(count);
    var scores = new Float64Array(count);
    var order = lists.map(function (list, index) { return index; }).sort(function (a, b) { return lists[a].length - lists[b].length; });
    order.forEach(function (index, step) {
      var flat = lists[index];
      var idf = Math.log(1 + count / Math.max(1, flat.length / 2));
      var doc = 0;
      for (var i = 0; i < flat.length; i += 2) {
        doc += flat[i];
        if (matched[doc] === step) {
          matched[doc] = step + 1;
          scores[doc] += idf * flat[i + 1] * 2.2 / (flat[i + 1] + 1.2);
        }
      }
    });
    var kindIndex = kind ? meta.kinds.indexOf(kind) : -1;
    var districtIndex = district ? meta.districts.indexOf(district) : -1;
    var ranked = [];
    for (var doc = 0; doc < count; doc++) {
      if (matched[doc] === terms.length && (!kind || meta.kind[doc] === kindIndex) && (!district || meta.district[doc] === districtIndex)) {
        ranked.push(doc);
      }
    }
    return ranked.sort(function (a, b) { return scores[b] - scores[a] || a - b; });
  }

  function search(query, kind, district) {
    return load("meta.json").then(function (meta) {
      var terms = queryTerms(query, meta.glossary);
      if (!terms.length) { return { ranked: [], found: [] }; }
      return Promise.all(terms.map(function (term) { return postings(meta, term); })).then(function (lists) {
        return { ranked: rank(meta, terms, lists, kind, district), found: patterns(query) };
      });
    });
  }

  /* The results of one query, shown LIMIT at a time: the pages fetched so far that hold the
     query as typed come first, then those that hold its terms apart. */
  function Results(ranked, found) {
    this.ranked = ranked;
    this.found = found;
    this.next = 0;
    this.holding = [];
    this.apart = [];
    this.shown = 0;
  }

  Results.prototype.fetch = function () {
    var self = this;
    var docs = self.ranked.slice(self.next, self.next + LIMIT);
    self.next += docs.length;
    return Promise.all(docs.map(function (doc) {
      return load("d/" + doc + ".json").then(function (row) {
        var hit = { title: row[0], path: row[1], kind: row[2], base: row[3], district: row[4], date: row[5], names: row[6],
                    image: row[7], webp: row[10] || "", text: row[8] };
        if (!row[9] || holds(hit, self.found)) { return hit; }
        // The start of a long text does not hold the query: the rest may.
        return load("r/" + doc + ".json").then(function (rest) {
          hit.text += rest[0];
          return hit;
        });
      });
    })).then(function (hits) {
      hits.forEach(function (hit) { (holds(hit, self.found) ? self.holding : self.apart).push(hit); });
    });
  };

  /* The next hits to show: a page of documents is fetched, and a second one when fewer than half
     of a page hold the query as typed. */
  Results.prototype.page = function () {
    var self = this;
    function fill(rounds) {
      var waiting = self.holding.length + self.apart.length;
      if (self.next < self.ranked.length && rounds < 2 && (waiting < LIMIT || self.holding.length < LIMIT / 2)) {
        return self.fetch().then(function () { return fill(rounds + 1); });
      }
      var hits = self.holding.splice(0, LIMIT);
      hits = hits.concat(self.apart.splice(0, LIMIT - hits.length));
      self.shown += hits.length;
      return hits;
    }
    return Promise.resolve(fill(0));
  };

  function item(hit, found) {
    var element = document.createElement("li");
    // The names a page is filed under are shown, marked, when the query matched one of them.
    var names = found.some(function (pattern) { pattern.lastIndex = 0; return pattern.test(fold(hit.names)); }) ? hit.names : "";
    var meta = [hit.kind, hit.base, hit.district, names, hit.date].filter(Boolean).map(function (field) {
      return marked(field, found, 0, field.length);
    }).join(" · ");
    // The cover's narrowest version, in WebP where the browser takes it.
    var cover = hit.image ? "<img class=\"search-cover\" src=\"" + escapeHTML(siteRoot + hit.image) +
        "\" alt=\"\" loading=\"lazy\" decoding=\"async\">" : "";
    if (cover && hit.webp) {
      cover = "<picture><source type=\"image/webp\" srcset=\"" + escapeHTML(siteRoot + hit.webp) + "\">" + cover + "</picture>";
    }
    element.innerHTML = cover +
      "<a class=\"entry-title\" href=\"" + escapeHTML(siteRoot + hit.path) + "\">" + marked(hit.title, found, 0, hit.title.length) + "</a>" +
      "<p class=\"entry-meta\">" + meta + "</p>" +
      "<p class=\"entry-summary\">" + snippet(hit.text, found) + "</p>";
    return element;
  }

  function show(query, results, hits, started) {
    hits.forEach(function (hit) { list.appendChild(item(hit, results.found)); });
    var total = results.ranked.length;
    var elapsed = Math.round(performance.now() - started);
    status.textContent = total ?
      "找到 " + total + " 条结果" + (total > results.shown ? "，显示前 " + results.shown + " 条" : "") + "（" + elapsed + " 毫秒）" :
      "没有找到与“" + query + "”相关的内容。";
    status.setAttribute("data-elapsed", String(elapsed));
    more.hidden = results.shown >= total;
  }

  var pending = 0;
  var current = null;
  function run(updateAddress) {
    var query = input.value.trim();
    var ticket = ++pending;
    if (updateAddress) {
      var params = new URLSearchParams();
      if (query) { params.set("q", query); }
      if (kindSelect.value) { params.set("kind", kindSelect.value); }
      if (districtSelect.value) { params.set("district", districtSelect.value); }
      history.replaceState(null, "", params.toString() ? "?" + params.toString() : location.pathname);
    }
    current = null;
    more.hidden = true;
    if (!query) {
      list.textContent = "";
      status.textContent = "";
      return;
    }
    var started = performance.now();
    status.textContent = "正在搜索…";
    search(query, kindSelect.value, districtSelect.value).then(function (found) {
      var results = new Results(found.ranked, found.found);
      return results.page().then(function (hits) {
        if (ticket !== pending) { return; }
        current = results;
        list.textContent = "";
        show(query, results, hits, started);
      });
    }).catch(function (error) {
      status.textContent = "搜索索引未能载入：" + error.message;
    });
  }

  more.addEventListener("click", function () {
    var results = current;
    var ticket = pending;
    if (!results) { return; }
    var started = performance.now();
    results.page().then(function (hits) {
      if (ticket === pending) { show(input.value.trim(), results, hits, started); }
    }).catch(function (error) {
      status.textContent = "搜索索引未能载入：" + error.message;
    });
  });

  var timer = null;
  form.addEventListener("submit", function (event) { event.preventDefault(); run(true); });
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(function () { run(true); }, 200); });
  kindSelect.addEventListener("change", function () { run(true); });
  districtSelect.addEventListener("change", function () { run(true); });

  var params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  kindSelect.value = params.get("kind") || "";
  districtSelect.value = params.get("district") || "";
  if (input.value) { run(false); }
}());
