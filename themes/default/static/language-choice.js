/* The root page sends the reader on to the first of the browser's languages that the site has
   (a regional variant such as de-AT finds de), else to the site's default language (the page's
   own `lang`). The targets are the page's language links, so this file is the same for every
   site and works wherever the links work: under a sub-path, and opened from the file system.
   It is a file, not an inline script, so that a Content-Security-Policy without
   'unsafe-inline' lets it run. Without JavaScript the reader chooses from the list. */
(function () {
  "use strict";

  var pages = {};
  var links = document.querySelectorAll(".language-picker a[hreflang]");
  for (var i = 0; i < links.length; i++) {
    pages[links[i].getAttribute("hreflang").toLowerCase()] = links[i].href;
  }
  var preferred = navigator.languages || [navigator.language || ""];
  for (var j = 0; j < preferred.length; j++) {
    var code = String(preferred[j]).toLowerCase();
    var page = pages[code] || pages[code.split("-")[0]];
    if (page) {
      location.replace(page);
      return;
    }
  }
  var fallback = pages[document.documentElement.lang.toLowerCase()];
  if (fallback) location.replace(fallback);
})();
