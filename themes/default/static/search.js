/* innotrain search: the header's search form lists results from this version's Pagefind index
   (in the page's language) while the reader types. Without JavaScript, opened from the file
   system, or in a build without search, the form opens the catalogue with the words in `q`.
   Keyboard: Down moves from the field into the results, Up and Down between them, Escape closes
   them and returns to the field. Result texts are inserted as text, never as HTML. */
(function () {
  "use strict";

  var MAX_RESULTS = 10;
  var form = document.querySelector("form.site-search[data-bundle]");
  if (!form || !/^https?:$/.test(location.protocol) || typeof Intl === "undefined") return;
  var input = form.querySelector(".search-input");
  var panel = form.querySelector(".search-results");
  var summary = form.querySelector(".search-summary");
  var list = form.querySelector(".search-list");
  var more = form.querySelector(".search-catalogue");
  var status = form.querySelector("#search-status");
  if (!input || !panel || !summary || !list || !more || !status) return;
  var lang = document.documentElement.lang;
  var plural = new Intl.PluralRules(lang);
  var bundle = new URL(form.getAttribute("data-bundle"), document.baseURI).href;
  var loading = null;
  var latest = 0;
  var timer = null;

  function load() {
    if (!loading) {
      loading = import(bundle + "pagefind.js").then(function (pagefind) {
        return pagefind.options({ excerptLength: 24 }).then(function () {
          pagefind.init();
          return pagefind;
        });
      });
    }
    return loading;
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
      .then(function (pagefind) { return pagefind.search(query); })
      .then(function (search) {
        var shown = search.results.slice(0, MAX_RESULTS).map(function (result) { return result.data(); });
        return Promise.all(shown).then(function (results) { return [search.results.length, results]; });
      })
      .then(function (found) {
        if (id === latest) render(query, found[0], found[1]);
      })
      .catch(function () {
        form.removeAttribute("data-bundle");
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
    if (!form.hasAttribute("data-bundle")) return; /* no index: the catalogue */
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
