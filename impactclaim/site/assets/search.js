/* The directory's search, in plain JavaScript without any network: catalogue.js holds one row per
   enterprise and the filters' values; the words of the full-text search come in small files by their
   first two letters (../search/fi.js), added as <script> elements when a query needs them, which also
   works when the site is opened from disk. Text from statements only ever goes into textContent. */
(function () {
  "use strict";
  var catalogue = window.IMPACTCLAIM_CATALOGUE;
  var panel = document.getElementById("search");
  if (!catalogue || !panel) { return; }
  var FIRST_FACET = 3; // a row: folder, name, year, then per facet a value number (-1: none) or a list of them
  var PAGE = 50;
  var facets = catalogue.facets;
  var rows = catalogue.rows;
  var messages = document.getElementById("search-messages").dataset;
  var query = document.getElementById("query");
  var results = document.getElementById("results");
  var count = document.getElementById("result-count");
  var more = document.getElementById("more-results");
  var selects = Array.prototype.slice.call(panel.querySelectorAll("select[data-facet]"));
  var shards = {};
  var waiting = {};
  var shown = PAGE;
  var generation = 0;

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function wordsOf(text) {
    return fold(text).split(/[^a-z0-9]+/).filter(function (word) { return word.length >= 2; });
  }
  function valuesOf(row, facet) {
    var value = row[FIRST_FACET + facet];
    return Array.isArray(value) ? value : (value < 0 ? [] : [value]);
  }
  function labelOf(row, facet) {
    var values = valuesOf(row, facet);
    return values.length ? facets[facet][1][values[0]][1] : "";
  }
  var placeFacet = facets.findIndex(function (facet) { return facet[0] === "municipality"; });
  var names = rows.map(function (row) { return fold(row[1] + " " + labelOf(row, placeFacet)); });

  window.impactclaimShard = function (prefix, words) { arrived(prefix, words); };
  function arrived(prefix, words) {
    shards[prefix] = words;
    var callbacks = waiting[prefix] || [];
    delete waiting[prefix];
    callbacks.forEach(function (callback) { callback(); });
  }
  var existing = {};
  (catalogue.shards || []).forEach(function (prefix) { existing[prefix] = true; });
  function withShard(prefix, callback) {
    if (!existing[prefix]) { shards[prefix] = {}; }
    if (Object.prototype.hasOwnProperty.call(shards, prefix)) { callback(); return; }
    if (waiting[prefix]) { waiting[prefix].push(callback); return; }
    waiting[prefix] = [callback];
    var script = document.createElement("script");
    script.src = "../search/" + prefix + ".js"; // prefix is two of a-z0-9, from wordsOf
    script.onerror = function () { arrived(prefix, {}); }; // a file removed since the catalogue was made
    document.head.appendChild(script);
  }

  facets.forEach(function (facet, index) {
    var select = panel.querySelector('select[data-facet="' + facet[0] + '"]');
    if (!select) { return; }
    select.dataset.index = String(index);
    facet[1].forEach(function (pair, number) {
      var option = document.createElement("option");
      option.value = pair[0];
      option.textContent = pair[1];
      option.dataset.number = String(number);
      select.appendChild(option);
    });
    if (facet[1].length === 0) { select.disabled = true; }
  });

  // Only the municipalities of the chosen province are offered; a chosen one elsewhere is let go.
  var provinceSelect = panel.querySelector('select[data-facet="province"]');
  var municipalitySelect = panel.querySelector('select[data-facet="municipality"]');
  function narrowMunicipalities() {
    if (!provinceSelect || !municipalitySelect) { return; }
    var province = provinceSelect.value;
    var facet = facets[Number(municipalitySelect.dataset.index)][1];
    Array.prototype.forEach.call(municipalitySelect.options, function (option) {
      if (!option.dataset.number) { return; }
      var inProvince = !province || facet[Number(option.dataset.number)][2] === province;
      option.hidden = !inProvince;
      option.disabled = !inProvince;
      if (!inProvince && option.selected) { municipalitySelect.value = ""; }
    });
  }

  function matchesWord(word) {
    var found = {};
    names.forEach(function (name, number) { if (name.indexOf(word) !== -1) { found[number] = true; } });
    var shard = shards[word.slice(0, 2)] || {};
    Object.keys(shard).forEach(function (key) {
      if (key.lastIndexOf(word, 0) === 0) { shard[key].forEach(function (number) { found[number] = true; }); }
    });
    return found;
  }

  function chosenFilters() {
    return selects.filter(function (select) { return select.value !== ""; }).map(function (select) {
      var option = select.options[select.selectedIndex];
      return [Number(select.dataset.index), Number(option.dataset.number)];
    });
  }

  function search() {
    var words = wordsOf(query.value);
    var mine = ++generation;
    var prefixes = words.map(function (word) { return word.slice(0, 2); });
    var pending = prefixes.length;
    if (pending === 0) { show([]); return; }
    prefixes.forEach(function (prefix) {
      withShard(prefix, function () { if (--pending === 0 && mine === generation) { show(words); } });
    });
  }

  function show(words) {
    var perWord = words.map(matchesWord);
    var filters = chosenFilters();
    var found = [];
    rows.forEach(function (row, number) {
      for (var w = 0; w < perWord.length; w++) { if (!perWord[w][number]) { return; } }
      for (var f = 0; f < filters.length; f++) {
        if (valuesOf(row, filters[f][0]).indexOf(filters[f][1]) === -1) { return; }
      }
      found.push(row);
    });
    results.textContent = "";
    found.slice(0, shown).forEach(function (row) { results.appendChild(item(row)); });
    var text = found.length === 0 ? messages.resultsNone
      : found.length === 1 ? messages.resultsOne : messages.resultsMany.replace("{count}", found.length);
    if (found.length > shown) { text += " (" + messages.shown.replace("{count}", shown) + ")"; }
    count.textContent = text;
    more.hidden = found.length <= shown;
    remember();
  }

  var statusFacet = facets.findIndex(function (facet) { return facet[0] === "status"; });
  var areaFacet = facets.findIndex(function (facet) { return facet[0] === "area"; });
  function item(row) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = "e/" + encodeURIComponent(row[0]) + "/index.html";
    link.textContent = row[1];
    li.appendChild(link);
    var meta = document.createElement("span");
    meta.className = "meta";
    meta.textContent = [labelOf(row, placeFacet), row[2] || ""].filter(Boolean).join(" · ");
    li.appendChild(meta);
    var status = facets[statusFacet][1][valuesOf(row, statusFacet)[0]];
    if (status && status[0] !== "valid") {
      var badge = document.createElement("span");
      badge.className = "status-badge status-" + status[0].replace(/[^a-z]/g, "");
      badge.textContent = status[1];
      li.appendChild(badge);
    }
    var areas = valuesOf(row, areaFacet).map(function (number) { return facets[areaFacet][1][number][1]; });
    if (areas.length) {
      var tags = document.createElement("span");
      tags.className = "tags";
      tags.textContent = areas.join(" · ");
      li.appendChild(tags);
    }
    return li;
  }

  // The search lives in the address (#q=...&province=PV26), so it survives a reload, a bookmark and
  // the language switch.
  function remember() {
    var params = new URLSearchParams();
    if (query.value) { params.set("q", query.value); }
    selects.forEach(function (select) { if (select.value) { params.set(select.dataset.facet, select.value); } });
    var hash = params.toString();
    try { history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search); } catch (e) { /* file:// in some browsers */ }
    document.querySelectorAll("[data-language-link]").forEach(function (link) {
      link.href = link.getAttribute("href").split("#")[0] + (hash ? "#" + hash : "");
    });
  }
  function restore() {
    var params = new URLSearchParams(location.hash.slice(1));
    query.value = params.get("q") || "";
    selects.forEach(function (select) {
      var wanted = params.get(select.dataset.facet);
      if (wanted && Array.prototype.some.call(select.options, function (o) { return o.value === wanted; })) {
        select.value = wanted;
      }
    });
  }

  var timer = null;
  query.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { shown = PAGE; search(); }, 120);
  });
  selects.forEach(function (select) {
    select.addEventListener("change", function () {
      if (select === provinceSelect) { narrowMunicipalities(); }
      shown = PAGE;
      search();
    });
  });
  more.addEventListener("click", function () {
    shown += PAGE;
    var next = results.children.length;
    search();
    var focus = results.children[next] && results.children[next].querySelector("a");
    if (focus) { focus.focus(); }
  });
  document.getElementById("clear-filters").addEventListener("click", function () {
    query.value = "";
    selects.forEach(function (select) { select.value = ""; });
    narrowMunicipalities();
    shown = PAGE;
    search();
    query.focus();
  });
  panel.hidden = false;
  restore();
  narrowMunicipalities();
  // On a small screen the filters start folded, unless the address already chose some.
  var filtersPanel = document.getElementById("filters-panel");
  if (filtersPanel && window.matchMedia("(max-width: 700px)").matches && chosenFilters().length === 0) {
    filtersPanel.open = false;
  }
  search();
}());
