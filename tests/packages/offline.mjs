// Browser check of an unpacked offline copy (built and unpacked by tests/cli/offline.rs), opened
// from file:// in Debian's Chromium with every request that is not a file refused and recorded:
// the top index.html opens the language's home page; every page reached by following links
// from there loads, and every link, image, style sheet and script on it leads to a file of the
// copy (or, for a link, to the web site); images are shown; the search finds a page by a word
// form its text does not use (an inflected Greek query); no request leaves the file system.
//
//   node tests/packages/offline.mjs <top folder> <query> <expected result path>
//
// Prints one line per check; exits 1 with the failed check's message.

import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const [top, query, expected] = process.argv.slice(2).map((arg, i) => (i === 0 ? path.resolve(arg) : arg));
if (!top || !query || !expected || !existsSync(path.join(top, "index.html"))) {
  console.error("usage: node offline.mjs <top folder> <query> <expected result path>");
  process.exit(2);
}
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
if (!existsSync(executablePath)) {
  console.error(`Chromium not found at ${executablePath}: install it (apt-get install chromium) or set CHROMIUM`);
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  chromiumSandbox: false,
  args: ["--disable-gpu", "--no-first-run", "--allow-file-access-from-files"],
});
let failed = false;
async function check(name, body) {
  try {
    const detail = await body();
    console.log(`ok   ${name}${detail ? `: ${detail}` : ""}`);
  } catch (error) {
    failed = true;
    console.log(`FAIL ${name}: ${error.message}`);
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message);
}
const isFile = (url) => url.startsWith("file://");
const inCopy = (url) => isFile(url) && fileURLToPath(url.split("#")[0].split("?")[0]).startsWith(top + path.sep);

try {
  const context = await browser.newContext();
  const outside = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (isFile(url) || url.startsWith("data:")) return route.continue();
    outside.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const failedLoads = [];
  // A load cut short by the next navigation (the icon) fails too: only a missing file counts.
  page.on("requestfailed", (request) => {
    const url = request.url();
    if (isFile(url) && !existsSync(fileURLToPath(url.split("#")[0].split("?")[0]))) failedLoads.push(url);
  });

  let home;
  await check("index.html opens the language's home page", async () => {
    await page.goto(pathToFileURL(path.join(top, "index.html")).href);
    await page.waitForURL(/\/index\.html$/, { timeout: 10000 });
    await page.waitForFunction(() => document.querySelector("main h1") !== null, null, { timeout: 10000 });
    home = page.url();
    assert(home !== pathToFileURL(path.join(top, "index.html")).href, `stayed on ${home}`);
    const lang = await page.evaluate(() => document.documentElement.lang);
    return `${path.relative(top, fileURLToPath(home))} (lang ${lang})`;
  });

  const visited = new Set();
  const broken = [];
  let images = 0;
  await check("every page reached by links loads; its links, images, styles and scripts are in the copy", async () => {
    const queue = [home];
    while (queue.length > 0) {
      const url = queue.shift().split("#")[0];
      if (visited.has(url)) continue;
      visited.add(url);
      await page.goto(url);
      const found = await page.evaluate(() => ({
        links: Array.from(document.querySelectorAll("a[href]"), (a) => a.href),
        loads: Array.from(document.querySelectorAll("img[src], script[src], link[rel=stylesheet]"), (e) => e.src || e.href),
        images: Array.from(document.images, (img) => [img.currentSrc, img.complete && img.naturalWidth > 0]),
      }));
      for (const target of found.loads) {
        if (!inCopy(target) || !existsSync(fileURLToPath(target))) broken.push(`${url} loads ${target}`);
      }
      for (const [src, shown] of found.images) {
        images += 1;
        if (!shown) broken.push(`${url} shows no ${src}`);
      }
      for (const link of found.links) {
        if (/^(https?|mailto):/.test(link)) continue;
        const file = link.split("#")[0];
        if (!inCopy(file) || !existsSync(fileURLToPath(file)) || statSync(fileURLToPath(file)).isDirectory()) {
          broken.push(`${url} links ${link}`);
        } else if (file.endsWith(".html")) {
          queue.push(file);
        }
      }
    }
    assert(broken.length === 0, broken.slice(0, 10).join("; "));
    assert(visited.size >= 5, `only ${visited.size} pages reached`);
    assert(images > 0, "no image was shown");
    return `${visited.size} pages, ${images} images`;
  });

  await check("the search finds an inflected form", async () => {
    await page.goto(home);
    await page.fill("#search-input", query);
    await page.waitForSelector(".search-list li a", { timeout: 10000 });
    const results = await page.$$eval(".search-list li a", (links) => links.map((a) => a.href));
    const summary = await page.textContent(".search-summary");
    assert(results.some((href) => inCopy(href) && href.endsWith(expected)), `results ${JSON.stringify(results)}`);
    return `${summary.trim()}`;
  });

  await check("nothing leaves the file system", async () => {
    assert(outside.length === 0, `requests ${JSON.stringify(outside)}`);
    assert(failedLoads.length === 0, `failed ${JSON.stringify(failedLoads)}`);
    assert(errors.length === 0, `script errors: ${errors.join("; ")}`);
  });
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
