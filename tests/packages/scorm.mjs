// Browser check of an unpacked SCORM 1.2 package (built and unpacked by tests/cli/scorm.rs): a
// parent page plays the learning platform with scorm-again's `Scorm12API` (as Moodle provides
// `window.API`) and loads the package's first SCO (the organization's first item: `index.html`
// of a module's package, `m1.html` of an output's) in an iframe, both served on 127.0.0.1,
// in Debian's Chromium. The platform must see: LMSInitialize, lesson_status `incomplete`,
// LMSCommit when the module opens; nothing more until the learner reaches the end; then
// lesson_status `completed`, a session time, LMSCommit, LMSFinish. Opened on its own, the page
// is an ordinary page.
//
//   node tests/packages/scorm.mjs <unpacked package folder>
//
// Prints one line per check; exits 1 with the failed check's message.

import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(process.argv[2] ?? "");
if (!process.argv[2] || !existsSync(path.join(root, "imsmanifest.xml"))) {
  console.error("usage: node check.mjs <unpacked package folder>");
  process.exit(2);
}
// The page of the organization's first item, as a platform launches it.
const manifest = readFileSync(path.join(root, "imsmanifest.xml"), "utf8");
const firstItem = /<item\b[^>]*\bidentifierref="([^"]+)"/.exec(manifest)?.[1];
const resources = Array.from(manifest.matchAll(/<resource\b[^>]*>/g), (match) => match[0]);
const launched = resources.find((tag) => tag.includes(`identifier="${firstItem}"`));
const sco = launched && /\bhref="([^"]+)"/.exec(launched)?.[1];
if (!sco || !launched.includes('adlcp:scormtype="sco"')) {
  console.error("the manifest's first item leads to no SCO");
  process.exit(1);
}
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
if (!existsSync(executablePath)) {
  console.error(`Chromium not found at ${executablePath}: install it (apt-get install chromium) or set CHROMIUM`);
  process.exit(2);
}

// The platform's page: the API before the package is loaded, every call recorded.
const PLATFORM = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Platform</title>
<script src="/scorm-again/scorm12.js"></script>
<script>
  window.calls = [];
  window.API = new Scorm12API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
  for (const name of ["LMSInitialize", "LMSCommit", "LMSFinish"]) {
    window.API.on(name, () => window.calls.push(name));
  }
  window.API.on("LMSSetValue.cmi.*", (element, value) => window.calls.push(element + "=" + value));
</script></head>
<body><iframe id="sco" title="Module" src="/package/${sco}" style="width: 760px; height: 320px"></iframe></body></html>`;

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

const server = createServer(async (request, response) => {
  try {
    const url = new URL(request.url, "http://127.0.0.1");
    let file;
    if (url.pathname === "/") {
      response.writeHead(200, { "content-type": TYPES[".html"] });
      response.end(PLATFORM);
      return;
    } else if (url.pathname === "/scorm-again/scorm12.js") {
      file = path.join(here, "node_modules/scorm-again/dist/scorm12.js");
    } else if (url.pathname.startsWith("/package/")) {
      file = path.join(root, decodeURIComponent(url.pathname.slice("/package/".length)));
      if (!file.startsWith(root)) throw new Error("outside the package");
    } else {
      throw new Error("unknown");
    }
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
  args: ["--disable-gpu", "--no-first-run"],
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

try {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${origin}/`);
  const frame = page.frame({ url: (url) => String(url).endsWith(`/package/${sco}`) }) ?? (await (await page.$("#sco")).contentFrame());
  await frame.waitForLoadState("load");
  await page.waitForFunction(() => window.calls.includes("LMSCommit"), null, { timeout: 10000 });
  // Time for a wrong early completion to show.
  await page.waitForTimeout(300);

  await check("calls when the module opens", async () => {
    const calls = await page.evaluate(() => window.calls.slice());
    const expected = ["LMSInitialize", "cmi.core.lesson_status=incomplete", "LMSCommit"];
    assert(JSON.stringify(calls) === JSON.stringify(expected), `calls ${JSON.stringify(calls)}`);
  });

  await check("the page in the platform is in Greek", async () => {
    const lang = await frame.evaluate(() => document.documentElement.lang);
    const title = await frame.evaluate(() => document.querySelector("h1").textContent);
    assert(lang === "el" && /[\u0370-\u03ff]/.test(title), `lang ${lang}, title ${title}`);
    return title;
  });

  await frame.evaluate(() => document.getElementById("scorm-end").scrollIntoView());
  await page.waitForFunction(() => window.calls.includes("LMSFinish"), null, { timeout: 10000 });

  await check("calls in order, the final status completed", async () => {
    const calls = await page.evaluate(() => window.calls.slice());
    const rest = calls.slice(3);
    assert(rest.length === 4, `calls ${JSON.stringify(calls)}`);
    assert(rest[0] === "cmi.core.lesson_status=completed", `then ${rest[0]}`);
    assert(/^cmi\.core\.session_time=\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/.test(rest[1]), `then ${rest[1]}`);
    assert(rest[2] === "LMSCommit" && rest[3] === "LMSFinish", `then ${rest.slice(2)}`);
    const status = await page.evaluate(() => window.API.cmi.core.lesson_status);
    assert(status === "completed", `lesson_status ${status}`);
    assert(errors.length === 0, `script errors: ${errors.join("; ")}`);
    return `calls ${JSON.stringify(calls)}`;
  });

  await check("the page meets WCAG 2.1 AA (axe)", async () => {
    const alone = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await alone.goto(`${origin}/package/${sco}`);
    await alone.addScriptTag({ path: path.join(here, "node_modules/axe-core/axe.min.js") });
    const violations = await alone.evaluate(async () => {
      const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
      const result = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    });
    assert(violations.length === 0, violations.join("; "));
    const overflow = await alone.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert(!overflow, "the page is wider than 320 px");
  });

  await check("opened on its own, an ordinary page", async () => {
    const alone = await browser.newPage();
    const pageErrors = [];
    alone.on("pageerror", (error) => pageErrors.push(error.message));
    const response = await alone.goto(`${origin}/package/${sco}`);
    await alone.evaluate(() => document.getElementById("scorm-end").scrollIntoView());
    await alone.waitForTimeout(200);
    const heading = await alone.textContent("h1");
    assert(response.status() === 200 && heading.length > 0, `HTTP ${response.status()}`);
    assert(pageErrors.length === 0, `script errors: ${pageErrors.join("; ")}`);
  });
} finally {
  await browser.close();
  server.close();
}
process.exit(failed ? 1 : 0);
