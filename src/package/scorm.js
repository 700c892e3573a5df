/* innotrain SCORM 1.2 runtime: tells the learning platform that the learner started the
   module and when they reached its end. It looks for the platform's API in the frames above
   this page (at most seven levels), then in the window that opened it; without one (the page
   opened on its own) it does nothing and the page is an ordinary page. */
(function () {
  "use strict";

  function apiIn(start) {
    var win = start;
    for (var level = 0; win && level <= 7; level++) {
      try {
        if (win.API) return win.API;
      } catch (e) {
        /* A frame of another origin: not the platform's. */
      }
      if (!win.parent || win.parent === win) break;
      win = win.parent;
    }
    return null;
  }

  var api = null;
  try {
    api = (window.parent !== window ? apiIn(window.parent) : null) || (window.opener ? apiIn(window.opener) : null);
  } catch (e) {
    api = null;
  }
  if (!api) return;

  var started = Date.now();
  var finished = false;
  if (String(api.LMSInitialize("")) !== "true") return;

  /* HH:MM:SS, as SCORM 1.2 writes a time span. */
  function sessionTime() {
    var seconds = Math.floor((Date.now() - started) / 1000);
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return pad(Math.min(9999, Math.floor(seconds / 3600))) + ":" + pad(Math.floor(seconds / 60) % 60) + ":" + pad(seconds % 60);
  }

  function finish(status) {
    if (finished) return;
    finished = true;
    if (status) api.LMSSetValue("cmi.core.lesson_status", status);
    api.LMSSetValue("cmi.core.session_time", sessionTime());
    api.LMSCommit("");
    api.LMSFinish("");
  }

  var status = String(api.LMSGetValue("cmi.core.lesson_status"));
  var done = status === "completed" || status === "passed";
  if (!done) {
    api.LMSSetValue("cmi.core.lesson_status", "incomplete");
    api.LMSCommit("");
  }

  /* The end of the module: the element after its text. */
  function watchEnd() {
    var end = document.getElementById("scorm-end");
    if (!end || done) return;
    var reached = function () { finish("completed"); };
    if ("IntersectionObserver" in window) {
      var observer = new IntersectionObserver(function (entries) {
        if (entries.some(function (entry) { return entry.isIntersecting; })) {
          observer.disconnect();
          reached();
        }
      });
      observer.observe(end);
    } else {
      window.addEventListener("scroll", function check() {
        if (end.getBoundingClientRect().top <= window.innerHeight) {
          window.removeEventListener("scroll", check);
          reached();
        }
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watchEnd);
  } else {
    watchEnd();
  }
  /* Leaving before the end: the time spent still counts (browsers may cut requests made while
     a page unloads, so this is only the fallback). */
  window.addEventListener("pagehide", function () { finish(null); });
})();
