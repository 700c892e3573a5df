/* innotrain catalogue: filters the list of modules in place.
   The filters live in the address (q, output, audience, eqf, min, max, handouts, translated), the same
   parameters the form sends without this script, so a filtered list can be shared; opening such
   an address restores the filters. Without JavaScript the page lists every module. */
(function () {
  "use strict";

  var MULTIPLE = ["output", "audience", "eqf"];

  /* Lowercase, without accents, final sigma as sigma: "Αξιολόγηση" finds "αξιολογηση". */
  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/ς/g, "σ");
  }

  function whole(value) {
    var n = parseInt(value, 10);
    return isNaN(n) || n < 0 ? null : n;
  }

  /* The filters of a query string ("?audience=tutor&eqf=4"). */
  function parseState(search) {
    var params = new URLSearchParams(search);
    var state = {
      q: (params.get("q") || "").trim(),
      min: whole(params.get("min")),
      max: whole(params.get("max")),
      handouts: params.get("handouts") === "1",
      translated: params.get("translated") === "1"
    };
    MULTIPLE.forEach(function (name) {
      state[name] = params.getAll(name).filter(Boolean);
    });
    return state;
  }

  /* The query string of the filters, parameters in a fixed order ("" without filters). */
  function queryString(state) {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    MULTIPLE.forEach(function (name) {
      state[name].forEach(function (value) { params.append(name, value); });
    });
    if (state.min !== null) params.set("min", String(state.min));
    if (state.max !== null) params.set("max", String(state.max));
    if (state.handouts) params.set("handouts", "1");
    if (state.translated) params.set("translated", "1");
    var text = params.toString();
    return text ? "?" + text : "";
  }

  /* Whether a module passes: any chosen value within a filter, every filter together. */
  function matches(entry, state) {
    var has = function (list, value) { return list.indexOf(value) >= 0; };
    if (state.output.length && !has(state.output, entry.output)) return false;
    if (state.audience.length && !state.audience.some(function (a) { return has(entry.audience, a); })) return false;
    if (state.eqf.length && !has(state.eqf, entry.eqf)) return false;
    if (state.min !== null && (entry.duration === null || entry.duration < state.min)) return false;
    if (state.max !== null && (entry.duration === null || entry.duration > state.max)) return false;
    if (state.handouts && !entry.handouts) return false;
    if (state.translated && !entry.translated) return false;
    return fold(state.q).split(/\s+/).every(function (word) { return entry.text.indexOf(word) >= 0; });
  }

  function init() {
    var form = document.getElementById("catalogue-filters");
    var list = document.getElementById("catalogue-list");
    var count = document.getElementById("catalogue-count");
    var none = document.getElementById("catalogue-none");
    if (!form || !list || !count || !none) return;
    var plural = new Intl.PluralRules(document.documentElement.lang);
    var entries = Array.prototype.map.call(list.children, function (item) {
      return {
        item: item,
        output: item.getAttribute("data-output") || "",
        audience: (item.getAttribute("data-audience") || "").split(" ").filter(Boolean),
        eqf: item.getAttribute("data-eqf") || "",
        duration: whole(item.getAttribute("data-duration")),
        handouts: item.hasAttribute("data-handouts"),
        translated: item.getAttribute("data-translated") === "true",
        text: fold(item.textContent)
      };
    });
    var field = function (name) { return form.elements.namedItem(name); };

    function readForm() {
      return parseState(new URLSearchParams(new FormData(form)).toString());
    }

    function writeForm(state) {
      if (field("q")) field("q").value = state.q;
      if (field("min")) field("min").value = state.min === null ? "" : String(state.min);
      if (field("max")) field("max").value = state.max === null ? "" : String(state.max);
      Array.prototype.forEach.call(form.querySelectorAll("input[type=checkbox]"), function (box) {
        var single = box.name === "translated" || box.name === "handouts";
        box.checked = single ? state[box.name] : (state[box.name] || []).indexOf(box.value) >= 0;
      });
    }

    function show(state) {
      var shown = 0;
      entries.forEach(function (entry) {
        var visible = matches(entry, state);
        entry.item.hidden = !visible;
        if (visible) shown += 1;
      });
      var template = plural.select(shown) === "one" ? count.getAttribute("data-one") : count.getAttribute("data-other");
      count.textContent = template.replace("{count}", function () { return String(shown); });
      none.hidden = shown > 0;
    }

    function update() {
      var state = readForm();
      show(state);
      try {
        history.replaceState(null, "", location.pathname + queryString(state));
      } catch (error) {
        /* Some browsers refuse to change addresses of pages opened from the file system. */
      }
    }

    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      update();
    });
    var reset = form.querySelector(".filter-reset");
    if (reset) {
      reset.addEventListener("click", function (event) {
        event.preventDefault();
        writeForm(parseState(""));
        update();
      });
    }
    var initial = parseState(location.search);
    writeForm(initial);
    show(initial);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
