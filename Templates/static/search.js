/* 站内搜索: loads only the parts of the build-time index a query needs (see SearchIndex.swift),
   cuts the query into terms exactly as the index was cut (SearchTokenizer.swift), and shows
   the best matches with the match highlighted. No server, no outside service. */
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
  var siteRoot = base.replace(/search\/$/, "");
  var cache = {};
  var LIMIT = 20;

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

  function isChinese(code) {
    return (code >= 0x3400 && code <= 0x4DBF) || (code >= 0x4E00 && code <= 0x9FFF) || (code >= 0xF900 && code <= 0xFAFF) ||
      (code >= 0x20000 && code <= 0x3FFFF) || (code >= 0x3040 && code <= 0x30FF);
  }

  // Zero-width characters and marks that reorder text: skipped, as the index skips them.
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

  function queryTerms(text) {
    var terms = [];
    runs(text).forEach(function (run) {
      if (run.word) { terms.push(run.word); return; }
      var c = run.chinese;
      if (c.length === 1) { terms.push(c[0]); return; }
      for (var i = 0; i + 1 < c.length; i++) { terms.push(c[i] + c[i + 1]); }
    });
    return terms.filter(function (term, index) { return terms.indexOf(term) === index; });
  }

  function shard(term, count) {
    var hash = 0x811C9DC5;
    var bytes = new TextEncoder().encode(term);
    for (var i = 0; i < bytes.length; i++) {
      hash ^= bytes[i];
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash % count;
  }

  function escapeHTML(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c];
    });
  }

  /* The stretch of text around the first match, with every query run marked. */
  function snippet(text, pieces) {
    var lower = text.toLowerCase();
    var first = -1;
    pieces.forEach(function (piece) {
      var at = lower.indexOf(piece);
      if (at >= 0 && (first < 0 || at < first)) { first = at; }
    });
    var start = Math.max(0, first - 30);
    var part = text.slice(start, start + 110);
    var html = escapeHTML(part);
    pieces.slice().sort(function (a, b) { return b.length - a.length; }).forEach(function (piece) {
      if (!piece) { return; }
      var pattern = new RegExp(escapeHTML(piece).replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi");
      html = html.replace(pattern, function (match) { return "<mark>" + match + "</mark>"; });
    });
    return (start > 0 ? "…" : "") + html + (start + 110 < text.length ? "…" : "");
  }

  function search(query, kind, district) {
    var terms = queryTerms(query);
    if (!terms.length) { return Promise.resolve({ terms: terms, hits: [], total: 0 }); }
    return load("meta.json").then(function (meta) {
      var shards = terms.map(function (term) { return shard(term, meta.shards); });
      return Promise.all(shards.map(function (n) { return load("terms-" + n + ".json"); })).then(function (files) {
        var scores = null;
        terms.forEach(function (term, index) {
          var flat = files[index][term] || [];
          var idf = Math.log(1 + meta.documents / Math.max(1, flat.length / 2));
          var next = {};
          var doc = 0;
          for (var i = 0; i < flat.length; i += 2) {
            doc += flat[i];
            if (scores === null || scores[doc] !== undefined) {
              next[doc] = (scores === null ? 0 : scores[doc]) + flat[i + 1] * idf;
            }
          }
          scores = next;
        });
        var kindIndex = kind ? meta.kinds.indexOf(kind) : -1;
        var districtIndex = district ? meta.districts.indexOf(district) : -1;
        var ranked = Object.keys(scores || {}).map(Number).filter(function (doc) {
          return (!kind || meta.kind[doc] === kindIndex) && (!district || meta.district[doc] === districtIndex);
        }).sort(function (a, b) { return scores[b] - scores[a] || a - b; });
        var shown = ranked.slice(0, LIMIT);
        var names = {};
        shown.forEach(function (doc) {
          names["docs-" + Math.floor(doc / meta.block) + ".json"] = true;
          names["text-" + Math.floor(doc / meta.textBlock) + ".json"] = true;
        });
        var wanted = Object.keys(names);
        return Promise.all(wanted.map(load)).then(function (loaded) {
          var files = {};
          wanted.forEach(function (name, i) { files[name] = loaded[i]; });
          var hits = shown.map(function (doc) {
            var row = files["docs-" + Math.floor(doc / meta.block) + ".json"][doc % meta.block];
            var text = files["text-" + Math.floor(doc / meta.textBlock) + ".json"][doc % meta.textBlock];
            return { title: row[0], path: row[1], kind: row[2], base: row[3], district: row[4], date: row[5], text: text };
          });
          return { terms: terms, hits: hits, total: ranked.length };
        });
      });
    });
  }

  function pieces(query) {
    return runs(query).map(function (run) { return run.word || run.chinese.join(""); });
  }

  function show(query, result, started) {
    list.textContent = "";
    result.hits.forEach(function (hit) {
      var item = document.createElement("li");
      var meta = [hit.kind, hit.base, hit.district, hit.date].filter(Boolean).map(escapeHTML).join(" · ");
      item.innerHTML = "<a class=\"entry-title\" href=\"" + escapeHTML(siteRoot + hit.path) + "\">" +
        snippet(hit.title, pieces(query)).replace(/^…|…$/g, "") + "</a>" +
        "<p class=\"entry-meta\">" + meta + "</p>" +
        "<p class=\"entry-summary\">" + snippet(hit.text, pieces(query)) + "</p>";
      list.appendChild(item);
    });
    var elapsed = Math.round(performance.now() - started);
    status.textContent = result.total ?
      "找到 " + result.total + " 条结果" + (result.total > LIMIT ? "，显示前 " + LIMIT + " 条" : "") + "（" + elapsed + " 毫秒）" :
      "没有找到与“" + query + "”相关的内容。";
    status.setAttribute("data-elapsed", String(elapsed));
  }

  var pending = 0;
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
    if (!query) {
      list.textContent = "";
      status.textContent = "";
      return;
    }
    var started = performance.now();
    status.textContent = "正在搜索…";
    search(query, kindSelect.value, districtSelect.value).then(function (result) {
      if (ticket === pending) { show(query, result, started); }
    }).catch(function (error) {
      status.textContent = "搜索索引未能载入：" + error.message;
    });
  }

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
