// innotrain preview: reload after a rebuild; show build problems over the page until fixed.
(function () {
  "use strict";
  var seen = null;
  var overlay = null;
  function show(lines) {
    if (!lines.length) {
      if (overlay) { overlay.remove(); overlay = null; }
      return;
    }
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.setAttribute("role", "alert");
      overlay.id = "innotrain-build-problems";
      overlay.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
        "background:#1b1f24;color:#fff;font:14px/1.5 ui-monospace,monospace;padding:1rem;border-top:4px solid #c2410c";
      document.body.appendChild(overlay);
    }
    var said = document.createElement("p");
    said.style.cssText = "margin:0 0 .75rem;font:bold 16px/1.4 system-ui,sans-serif";
    said.textContent = "Your last change has a problem, so this page still shows the last good build. " +
      "Fix what is listed below and save: the page updates by itself.";
    var pre = document.createElement("pre");
    pre.style.cssText = "margin:0;white-space:pre-wrap";
    pre.textContent = lines.join("\n");
    overlay.replaceChildren(said, pre);
  }
  var events = new EventSource("/__innotrain/events");
  events.addEventListener("build", function (event) {
    var build = JSON.parse(event.data);
    if (seen !== null && build.generation !== seen && build.ok) {
      location.reload();
      return;
    }
    seen = build.generation;
    show(build.ok ? [] : build.diagnostics);
  });
})();
