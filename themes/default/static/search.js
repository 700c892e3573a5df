/* innotrain search: the header's search form lists results from this version's Pagefind index
   (in the page's language) while the reader types. In an offline copy (`data-offline-index`)
   the index is a classic script read by a <script> element, which works from the file system
   where Pagefind's modules cannot load; its words are filed as the site's are, and a query word
   is looked up the same way (lowercased, without diacritics, then by its form or, for a form
   the text never uses, by the longest stem it begins with). Without JavaScript, opened from
   the file system without an offline index, or in a build without search, the form opens the
   catalogue with the words in `q`.
   Keyboard: Down moves from the field into the results, Up and Down between them, Escape closes
   them and returns to the field. Result texts are inserted as text, never as HTML. */
(function () {
  "use strict";

  var MAX_RESULTS = 10;
  var form = document.querySelector("form.site-search[data-bundle], form.site-search[data-offline-index]");
  if (!form || typeof Intl === "undefined") return;
  var offline = form.getAttribute("data-offline-index");
  if (!offline && !/^https?:$/.test(location.protocol)) return;
  var input = form.querySelector(".search-input");
  var panel = form.querySelector(".search-results");
  var summary = form.querySelector(".search-summary");
  var list = form.querySelector(".search-list");
  var more = form.querySelector(".search-catalogue");
  var status = form.querySelector("#search-status");
  if (!input || !panel || !summary || !list || !more || !status) return;
  var lang = document.documentElement.lang;
  var plural = new Intl.PluralRules(lang);
  var source = new URL(offline || form.getAttribute("data-bundle"), document.baseURI).href;
  var loading = null;
  var latest = 0;
  var timer = null;

  /* The engine: `search(query)` gives [number of results, the first results as Pagefind's
     `data()` gives them]. */
  function load() {
    if (!loading) loading = offline ? loadOffline() : loadPagefind();
    return loading;
  }

  function loadPagefind() {
    return import(source + "pagefind.js").then(function (pagefind) {
      return pagefind.options({ excerptLength: 24 }).then(function () {
        pagefind.init();
        return {
          search: function (query) {
            return pagefind.search(query).then(function (search) {
              var shown = search.results.slice(0, MAX_RESULTS).map(function (result) { return result.data(); });
              return Promise.all(shown).then(function (results) { return [search.results.length, results]; });
            });
          }
        };
      });
    });
  }

  function loadOffline() {
    return new Promise(function (resolve, reject) {
      if (window.innotrainOfflineIndex) return resolve(offlineEngine(window.innotrainOfflineIndex));
      var script = document.createElement("script");
      script.src = source;
      script.onload = function () {
        if (window.innotrainOfflineIndex) resolve(offlineEngine(window.innotrainOfflineIndex));
        else reject(new Error("no offline index"));
      };
      script.onerror = function () { reject(new Error("no offline index")); };
      document.head.appendChild(script);
    });
  }

  /* A word as the index files its forms: lowercased letter by letter (as the indexer does, so a
     final Σ is σ), letters, digits and marks only, then without its diacritics (the Japanese
     voicing marks stay). */
  function searchForm(word) {
    var lower = Array.from(word.replace(/[^\p{L}\p{N}\p{M}_]/gu, ""), function (c) { return c.toLowerCase(); }).join("");
    var plain = lower.normalize("NFD").replace(/(?![\u3099\u309A])\p{M}/gu, "");
    return /[\u3099\u309A]/.test(plain) ? plain.normalize("NFC") : plain;
  }

  function offlineEngine(index) {
    var stems = Object.keys(index.terms);
    var has = function (object, key) { return Object.prototype.hasOwnProperty.call(object, key); };
    /* The stems a query word stands for: its form's, or the longest stem (at least half the
       word) it begins with, and the stems that begin with it (a word still being typed). */
    function stemsFor(key) {
      if (has(index.forms, key)) return [index.forms[key]];
      if (has(index.terms, key)) return [key];
      var found = [];
      var chars = Array.from(key);
      for (var n = chars.length - 1; n >= Math.max(3, Math.ceil(chars.length / 2)); n--) {
        var prefix = chars.slice(0, n).join("");
        if (has(index.terms, prefix)) {
          found.push(prefix);
          break;
        }
      }
      if (chars.length >= 3) {
        stems.forEach(function (stem) {
          if (stem.lastIndexOf(key, 0) === 0 && found.indexOf(stem) < 0) found.push(stem);
        });
      }
      return found;
    }
    function escapeText(text) {
      return String(text).replace(/</g, "&lt;").replace(/>/g, "&gt;");
    }
    return {
      search: function (query) {
        var keys = query.split(/\s+/).map(searchForm).filter(function (key) { return key; });
        var scores = null;
        keys.forEach(function (key) {
          var weights = {};
          stemsFor(key).forEach(function (stem) {
            var postings = index.terms[stem];
            for (var i = 0; i + 1 < postings.length; i += 2) {
              weights[postings[i]] = Math.max(weights[postings[i]] || 0, postings[i + 1]);
            }
          });
          var next = {};
          Object.keys(weights).forEach(function (page) {
            if (scores === null || has(scores, page)) next[page] = (scores ? scores[page] : 0) + weights[page];
          });
          scores = next;
        });
        var pages = Object.keys(scores || {}).map(Number).sort(function (a, b) {
          return scores[b] - scores[a] || a - b;
        });
        var results = pages.slice(0, MAX_RESULTS).map(function (number) {
          var page = index.pages[number];
          return { url: new URL(page[0], source).href, meta: { title: page[1] }, excerpt: escapeText(page[2]) };
        });
        return Promise.resolve([pages.length, results]);
      }
    };
  }

  /* Fills `{count}` and `{query}` of a template from the page (replacement functions, so that a
     `$` in the query stays a `$`). */
  function fill(template, count, query) {
    return template
      .replace("{count}", function () { return String(count); })
      .replace("{query}", function () { return query; });
  }

  /* Pagefind's excerpt is text with `<`, `>` escaped and the matches in `<mark>`: rebuilt as
     nodes. */
  function appendExcerpt(parent, excerpt) {
    var target = parent;
    String(excerpt || "").split(/(<mark>|<\/mark>)/).forEach(function (part) {
      if (part === "<mark>") {
        target = parent.appendChild(document.createElement("mark"));
      } else if (part === "</mark>") {
        target = parent;
      } else if (part) {
        target.appendChild(document.createTextNode(part.replace(/&lt;/g, "<").replace(/&gt;/g, ">")));
      }
    });
  }

  function render(query, total, results) {
    list.textContent = "";
    results.forEach(function (result) {
      var item = document.createElement("li");
      var textLang = result.filters && result.filters.text_lang && result.filters.text_lang[0];
      if (textLang && textLang !== lang) item.lang = textLang;
      var link = item.appendChild(document.createElement("a"));
      link.href = result.url;
      link.textContent = (result.meta && result.meta.title) || result.url;
      appendExcerpt(item.appendChild(document.createElement("p")), result.excerpt);
      list.appendChild(item);
    });
    var template = total === 0
      ? form.getAttribute("data-no-results")
      : plural.select(total) === "one" ? form.getAttribute("data-results-one") : form.getAttribute("data-results-other");
    var text = fill(template, total, query);
    summary.textContent = text;
    status.textContent = text;
    var catalogue = new URL(form.getAttribute("action"), document.baseURI);
    catalogue.searchParams.set("q", query);
    more.href = catalogue.href;
    panel.hidden = false;
  }

  function close() {
    panel.hidden = true;
  }

  /* Searches for the field's words; `submitted`: the reader pressed Enter, so if the index cannot
     be loaded the form goes on to the catalogue. */
  function run(submitted) {
    var query = input.value.trim();
    var id = ++latest;
    if (!query) {
      close();
      status.textContent = "";
      return;
    }
    load()
      .then(function (engine) { return engine.search(query); })
      .then(function (found) {
        if (id === latest) render(query, found[0], found[1]);
      })
      .catch(function () {
        form.removeAttribute("data-bundle");
        form.removeAttribute("data-offline-index");
        if (submitted && id === latest) form.submit();
      });
  }

  function links() {
    return Array.prototype.slice.call(panel.querySelectorAll("a"));
  }

  input.addEventListener("focus", function () { load().catch(function () {}); });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(false); }, 200);
  });
  form.addEventListener("submit", function (event) {
    if (!form.hasAttribute("data-bundle") && !form.hasAttribute("data-offline-index")) return; /* no index: the catalogue */
    event.preventDefault();
    clearTimeout(timer);
    run(true);
  });
  form.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !panel.hidden) {
      event.preventDefault();
      close();
      input.focus();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    if (panel.hidden) return;
    var all = links();
    var at = all.indexOf(document.activeElement);
    var next = event.target === input
      ? (event.key === "ArrowDown" ? 0 : -1)
      : at + (event.key === "ArrowDown" ? 1 : -1);
    if (at < 0 && event.target !== input) return;
    event.preventDefault();
    if (next < 0) input.focus();
    else if (all[Math.min(next, all.length - 1)]) all[Math.min(next, all.length - 1)].focus();
  });
  form.addEventListener("focusout", function (event) {
    if (event.relatedTarget && !form.contains(event.relatedTarget)) close();
  });
  document.addEventListener("pointerdown", function (event) {
    if (!form.contains(event.target)) close();
  });
})();
