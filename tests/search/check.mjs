// Browser check of a built fixture site (tests/fixtures/multilingual with an extra version 1.0,
// built by tests/cli/search.rs): the search box queries the version's Pagefind index in Debian's
// Chromium, and the catalogue filters by the state in its address.
//
//   node tests/search/check.mjs <built site folder>
//
// The folder is served on 127.0.0.1 (Pagefind loads its index with fetch, which needs http).
// Prints one line per check; exits 1 with the failed check's message.

import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const root = path.resolve(process.argv[2] ?? "");
if (!process.argv[2] || !existsSync(root)) {
  console.error("usage: node check.mjs <built site folder>");
  process.exit(2);
}
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
if (!existsSync(executablePath)) {
  console.error(`Chromium not found at ${executablePath}: install it (apt-get install chromium) or set CHROMIUM`);
  process.exit(2);
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
};

// A static file server for the built folder, like any web host (folders serve index.html).
const server = createServer(async (request, response) => {
  try {
    const url = new URL(request.url, "http://127.0.0.1");
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) throw new Error("outside the site");
    if ((await stat(file)).isDirectory()) file = path.join(file, "index.html");
    const body = await readFile(file);
    response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    response.end(body);
  } catch {
    response.writeHead(404, { "content-type": "text/plain" });
    response.end("not found");
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath,
  headless: true,
  chromiumSandbox: false,
  args: [
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});

let failed = false;
async function check(name, body) {
  try {
    await body();
    console.log(`ok: ${name}`);
  } catch (error) {
    failed = true;
    console.log(`FAILED: ${name}\n  ${String(error?.stack ?? error).split("\n").join("\n  ")}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

const context = await browser.newContext();
// Nothing may leave the loopback server (no CDN, no fonts, no telemetry).
await context.route("**/*", (route) =>
  route.request().url().startsWith(origin) ? route.continue() : route.abort(),
);
const errors = [];

/** Types `query` into the header's search box of `page` and returns the results shown. */
async function search(page, query) {
  await page.fill("#search-input", "");
  await page.fill("#search-input", query);
  await page.waitForFunction(
    (q) => {
      const panel = document.querySelector("#search-results");
      return !panel.hidden && panel.querySelector(".search-summary").textContent.includes(q);
    },
    query,
    { timeout: 15000 },
  );
  return page.$$eval("#search-results .search-list li", (items) =>
    items.map((item) => {
      const link = item.querySelector("a");
      const excerpt = item.querySelector("p").textContent;
      return { path: new URL(link.href).pathname, title: link.textContent, lang: item.lang, excerpt };
    }),
  );
}

async function open(address) {
  const page = await context.newPage();
  page.on("pageerror", (error) => errors.push(`${address}: ${error.message}`));
  await page.goto(origin + address);
  return page;
}

await check("Greek: a word in another inflection finds the module, in the reader's version and language", async () => {
  const page = await open("/2.0/el/");
  // The text says "αξιολόγηση" (nominative); the reader types the genitive.
  const results = await search(page, "αξιολόγησης");
  assert(results.some((r) => r.path === "/2.0/el/io1-quality/cycle/"), JSON.stringify(results));
  assert(results.every((r) => r.path.startsWith("/2.0/el/")), JSON.stringify(results));
  const summary = await page.textContent("#search-results .search-summary");
  assert(summary.includes("αποτέλεσμα"), `Greek summary expected, found: ${summary}`);
  await page.close();
});

await check("German: a plural finds the singular", async () => {
  const page = await open("/2.0/de/io1-quality/");
  const results = await search(page, "Ausbildungen");
  assert(results.some((r) => r.path === "/2.0/de/io1-quality/indicators/"), JSON.stringify(results));
  assert(results.every((r) => r.path.startsWith("/2.0/de/")), JSON.stringify(results));
  await page.close();
});

await check("an untranslated module is found through its fallback page in the reader's tree", async () => {
  const page = await open("/2.0/el/");
  const results = await search(page, "stakeholder");
  const mapping = results.find((r) => r.path === "/2.0/el/io2-cooperation/mapping/");
  assert(mapping, JSON.stringify(results));
  assert(mapping.lang === "en", `the English result is marked lang="en": ${JSON.stringify(mapping)}`);
  await page.close();
});

await check("a version's index never returns another version's pages", async () => {
  const current = await open("/2.0/el/");
  // "πιλοτική" is only in version 1.0's text. (Pagefind answers a word it does not have with
  // the words sharing its longest known prefix, here "π…": results, but not 1.0's page.)
  const other = await search(current, "πιλοτική");
  assert(
    other.every((r) => r.path.startsWith("/2.0/el/") && !r.excerpt.includes("πιλοτική")),
    `2.0 found 1.0's text: ${JSON.stringify(other)}`,
  );
  const none = await search(current, "zzyzx");
  assert(none.length === 0, JSON.stringify(none));
  const summary = await current.textContent("#search-results .search-summary");
  assert(summary === "Κανένα αποτέλεσμα για «zzyzx»", summary);
  const common = await search(current, "κύκλος");
  assert(common.length > 0 && common.every((r) => r.path.startsWith("/2.0/el/")), JSON.stringify(common));
  await current.close();
  const old = await open("/1.0/el/");
  const found = await search(old, "πιλοτική");
  assert(found.some((r) => r.path === "/1.0/el/io1-quality/cycle/" && r.excerpt.includes("πιλοτική")), JSON.stringify(found));
  assert(found.every((r) => r.path.startsWith("/1.0/el/")), JSON.stringify(found));
  const oldCommon = await search(old, "κύκλος");
  assert(oldCommon.length > 0 && oldCommon.every((r) => r.path.startsWith("/1.0/el/")), JSON.stringify(oldCommon));
  await old.close();
});

await check("the search box is usable with the keyboard", async () => {
  const page = await open("/2.0/en/");
  await page.keyboard.press("Tab"); // skip link
  await page.keyboard.press("Tab"); // site title
  await page.keyboard.press("Tab"); // search field
  assert(await page.evaluate(() => document.activeElement.id === "search-input"), "Tab reaches the search field");
  await page.keyboard.type("phases");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#search-results:not([hidden]) .search-list a");
  assert(new URL(page.url()).pathname === "/2.0/en/", "Enter searches in place");
  const status = await page.textContent("#search-status");
  assert(/result/.test(status), `the live region announces the count: ${status}`);
  await page.keyboard.press("ArrowDown");
  const first = await page.evaluate(() => document.activeElement.closest(".search-list") !== null);
  assert(first, "Down moves into the results");
  await page.keyboard.press("Escape");
  assert(await page.evaluate(() => document.querySelector("#search-results").hidden), "Escape closes the results");
  assert(await page.evaluate(() => document.activeElement.id === "search-input"), "Escape returns to the field");
  await page.keyboard.press("ArrowDown"); // closed: nothing happens
  await page.keyboard.press("Enter");
  await page.waitForSelector("#search-results:not([hidden]) .search-list a");
  await page.keyboard.press("ArrowDown");
  const target = await page.evaluate(() => document.activeElement.getAttribute("href"));
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.pathname === target);
  await page.close();
});

await check("without JavaScript the search box opens the catalogue with the words", async () => {
  const plain = await browser.newContext({ javaScriptEnabled: false });
  const page = await plain.newPage();
  await page.goto(`${origin}/2.0/de/io1-quality/cycle/`);
  await page.fill("#search-input", "Indikatoren");
  await page.press("#search-input", "Enter");
  await page.waitForURL((url) => url.pathname === "/2.0/de/catalogue/");
  assert(new URL(page.url()).searchParams.get("q") === "Indikatoren", page.url());
  const entries = await page.$$eval(".catalogue-entry", (items) => items.filter((i) => !i.hidden).length);
  assert(entries === 3, `every module is listed without JavaScript, found ${entries}`);
  await plain.close();
});

/** The ids of the catalogue entries shown, and the count text. */
async function shown(page) {
  return page.evaluate(() => ({
    ids: [...document.querySelectorAll(".catalogue-entry")].filter((e) => !e.hidden).map((e) => e.dataset.id),
    count: document.querySelector("#catalogue-count").textContent,
    none: !document.querySelector("#catalogue-none").hidden,
  }));
}

await check("the catalogue filters by the state in its address", async () => {
  const cases = [
    ["/2.0/en/catalogue/", ["io1-quality/cycle", "io1-quality/indicators", "io2-cooperation/mapping"], "3 modules"],
    ["/2.0/en/catalogue/?audience=social-partner", ["io2-cooperation/mapping"], "One module"],
    ["/2.0/en/catalogue/?audience=social-partner&audience=vet-teacher", ["io1-quality/cycle", "io2-cooperation/mapping"], "2 modules"],
    ["/2.0/en/catalogue/?eqf=5&min=100", ["io1-quality/cycle"], "One module"],
    ["/2.0/en/catalogue/?max=90&output=io1-quality", ["io1-quality/indicators"], "One module"],
    ["/2.0/en/catalogue/?q=INDICATOR", ["io1-quality/indicators"], "One module"],
    ["/2.0/el/catalogue/?translated=1", ["io1-quality/cycle"], "Μία ενότητα"],
    ["/2.0/el/catalogue/?q=%CE%B1%CE%BE%CE%B9%CE%BF%CE%BB%CE%BF%CE%B3%CE%B7%CF%83%CE%B7", [], "0 ενότητες"],
    ["/2.0/el/catalogue/?q=κυκλος", ["io1-quality/cycle"], "Μία ενότητα"],
    ["/2.0/de/catalogue/?output=io2-cooperation&translated=1", [], "0 Module"],
    // Only the mapping module has a handout (tests/cli/search.rs adds its activity).
    ["/2.0/en/catalogue/?handouts=1", ["io2-cooperation/mapping"], "One module"],
    ["/2.0/el/catalogue/?handouts=1&audience=vet-teacher", [], "0 ενότητες"],
  ];
  for (const [address, ids, count] of cases) {
    const page = await open(address);
    const state = await shown(page);
    assert(JSON.stringify(state.ids) === JSON.stringify(ids), `${address}: ${JSON.stringify(state)}`);
    assert(state.count === count, `${address}: count ${state.count}, expected ${count}`);
    assert(state.none === (ids.length === 0), `${address}: the "no match" notice`);
    await page.close();
  }
  const page = await open("/2.0/en/catalogue/?eqf=6");
  assert(await page.isChecked("input[name=eqf][value='6']"), "the address's filters show in the form");
});

await check("changing a filter filters without reload and updates the address", async () => {
  const page = await open("/2.0/en/catalogue/");
  await page.evaluate(() => { window.__sameDocument = true; });
  await page.check("input[name=audience][value='wbl-coordinator']");
  assert(JSON.stringify((await shown(page)).ids) === '["io1-quality/cycle","io1-quality/indicators"]', "audience filter");
  await page.fill("#filter-max", "100");
  assert(JSON.stringify((await shown(page)).ids) === '["io1-quality/indicators"]', "duration filter");
  const address = new URL(page.url());
  assert(address.search === "?audience=wbl-coordinator&max=100", `address: ${address.search}`);
  assert(await page.evaluate(() => window.__sameDocument === true), "no reload");
  // The address can be shared: opened fresh it gives the same list.
  const shared = await open(address.pathname + address.search);
  assert(JSON.stringify((await shown(shared)).ids) === '["io1-quality/indicators"]', "shared address");
  await page.click(".filter-reset");
  assert((await shown(page)).ids.length === 3 && new URL(page.url()).search === "", "reset");
});

await check("no script error on any page used", async () => {
  assert(errors.length === 0, errors.join("\n"));
});

await browser.close();
server.close();
process.exit(failed ? 1 : 0);
