#!/usr/bin/env node
// innotrain's browser suite: serves built sites on 127.0.0.1 and drives Debian's Chromium
// (playwright-core, no browser download) through them.
//
//   node tests/browser/run.mjs --site /innotrain/=public [--site /other/=dir …]
//        [--checks a11y,keyboard,languages,versions,root,search,layout,print,pdf,not-found]
//        [--require home,output,module,fallback,outdated,unreviewed,status,accessibility,catalogue,glossary,not-found,root]
//        [--csp "default-src 'self'; …"]
//        [--screenshots DIR] [--concurrency N] [--chromium /usr/bin/chromium]
//   node tests/browser/run.mjs --origin http://127.0.0.1:8080 --site /innotrain/ [--checks …]
//
// The first `--site` is the site under test: every check runs on it. Further sites only add
// pages for accessibility checks of templates (× languages) the first one lacks, such as an
// outdated translation. `--require` makes a missing template × language a failure. `--csp`
// serves every response with that Content-Security-Policy, and fails the suite on anything the
// policy blocked on any page a check visited (lib/csp.mjs).
//
// `--origin` drives the browser against sites a web server already serves there (nginx with
// deploy/nginx.conf, or a deployed site): no server is started, `--site` gives only the base
// path, and `--csp` checks that the server sends that policy (instead of sending it).
//
// Exit code: 0 every check passed, 1 some check failed (the report says which), 2 the suite
// could not run (no Chromium, no site …).

import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { chromium } from 'playwright-core';

import { checkAccessibility, label } from './checks/a11y.mjs';
import { checkPdfLinks } from './checks/downloads.mjs';
import { checkKeyboard } from './checks/keyboard.mjs';
import { checkLayout, checkPrint } from './checks/layout.mjs';
import { checkLanguageSwitcher, checkNotFound, checkRootLanguage, checkVersionSwitcher } from './checks/navigation.mjs';
import { checkSearch } from './checks/search.mjs';
import { ViolationLog } from './lib/csp.mjs';
import { Report } from './lib/report.mjs';
import { serve } from './server.mjs';
import { KINDS, discover } from './lib/site.mjs';

const CHECKS = ['a11y', 'keyboard', 'languages', 'versions', 'root', 'search', 'layout', 'print', 'pdf', 'not-found'];

// Flags that work as root on a machine without network access or a display.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function usage(message) {
  process.stderr.write(`error: ${message}\n  hint: node tests/browser/run.mjs --site /innotrain/=public [--checks ${CHECKS.join(',')}]\n`);
  process.exit(2);
}

function options() {
  const { values } = parseArgs({
    options: {
      site: { type: 'string', multiple: true },
      checks: { type: 'string', default: CHECKS.join(',') },
      require: { type: 'string', default: '' },
      screenshots: { type: 'string' },
      concurrency: { type: 'string', default: '3' },
      chromium: { type: 'string', default: '/usr/bin/chromium' },
      csp: { type: 'string' },
      origin: { type: 'string' },
    },
  });
  const origin = values.origin?.replace(/\/+$/, '');
  if (origin !== undefined && !/^https?:\/\/[^/]+$/.test(origin)) {
    usage(`--origin takes http(s)://host[:port], found \`${values.origin}\``);
  }
  const mounts = (values.site ?? []).map((spec) => {
    const [prefix, ...rest] = spec.split('=');
    if (!prefix.startsWith('/') || !prefix.endsWith('/') || (rest.length === 0 && !origin)) {
      usage(`--site takes /base-path/=folder${origin ? ' or, with --origin, /base-path/' : ''}, found \`${spec}\``);
    }
    if (origin) return { prefix, dir: null };
    const dir = path.resolve(rest.join('='));
    if (!existsSync(path.join(dir, 'index.html'))) {
      usage(`\`${dir}\` is not a built site (no index.html): run \`innotrain build\` first`);
    }
    return { prefix, dir };
  });
  if (mounts.length === 0) usage('no site given');
  const checks = values.checks.split(',').filter(Boolean);
  for (const check of checks) {
    if (!CHECKS.includes(check)) usage(`unknown check \`${check}\`, expected one of ${CHECKS.join(', ')}`);
  }
  const required = values.require.split(',').filter(Boolean);
  for (const kind of required) {
    if (!KINDS[kind]) usage(`unknown page kind \`${kind}\`, expected one of ${Object.keys(KINDS).join(', ')}`);
  }
  if (!existsSync(values.chromium)) {
    usage(`Chromium not found at ${values.chromium}\n  hint: install it: apt-get install chromium`);
  }
  const screenshots = values.screenshots ?? mkdtempSync(path.join(os.tmpdir(), 'innotrain-screenshots-'));
  if (values.csp !== undefined && !values.csp.trim()) usage('--csp takes a policy, found an empty one');
  return {
    mounts,
    checks,
    required,
    screenshots,
    concurrency: Number(values.concurrency) || 3,
    chromium: values.chromium,
    csp: values.csp,
    origin,
  };
}

/** Pages for axe: all of the first site's, then what the other sites add (kind × language). */
function axePages(sites) {
  const seen = new Set();
  const pages = [];
  for (const site of sites) {
    for (const page of site.pages) {
      const key = `${page.kind}/${page.lang}`;
      if (!seen.has(key)) {
        seen.add(key);
        pages.push(page);
      }
    }
  }
  return pages;
}

function coverage(report, sites, pages, required) {
  if (required.length === 0) return;
  const languages = sites[0].latest.languages;
  const missing = [];
  for (const kind of required) {
    const { perLanguage, translation } = KINDS[kind];
    const defaultLang = sites[0].defaultLang;
    const langs = !perLanguage ? [defaultLang] : languages.filter((l) => !translation || l !== defaultLang);
    for (const lang of langs) {
      if (!pages.some((p) => p.kind === kind && p.lang === lang)) missing.push(`${kind} [${lang}] (${KINDS[kind].about})`);
    }
  }
  report.check(
    `every page template in every language was checked`,
    missing.map((m) => `no page found for ${m}`),
    `${required.length} templates × ${languages.length} languages`,
  );
}

async function main() {
  const opts = options();
  const report = new Report();
  // With --origin, a web server of the host's serves the sites: it must send the policy itself.
  const server = opts.origin
    ? { origin: opts.origin, close: async () => {} }
    : await serve(opts.mounts, { headers: opts.csp ? { 'content-security-policy': opts.csp } : {} });
  const violations = opts.csp ? new ViolationLog() : null;
  let launched;
  try {
    launched = await chromium.launch({ executablePath: opts.chromium, args: CHROMIUM_ARGS });
    const browser = violations ? violations.watching(launched) : launched;
    report.line(`browser suite: Chromium ${browser.version()} on ${server.origin}${opts.origin ? ' (an external server)' : ''}`);
    if (opts.csp) report.line(`${opts.origin ? 'expected on' : 'sent with'} every response: Content-Security-Policy: ${opts.csp}`);
    const sites = [];
    for (const mount of opts.mounts) {
      const site = await discover(`${server.origin}${mount.prefix}`);
      sites.push(site);
      report.line(`site ${site.siteUrl} (${mount.dir ?? 'served by the external server'}): versions ${site.versions.map((v) => v.label).join(', ')}, languages ${site.latest.languages.join(', ')}`);
    }
    const [site] = sites;
    const pdfLinks = new Set();
    const context = { browser, report, site, pdfLinks, screenshots: opts.screenshots, concurrency: opts.concurrency };
    if (opts.checks.includes('a11y')) {
      report.section('accessibility (axe-core, WCAG 2.1 A and AA)');
      const pages = axePages(sites);
      for (const page of pages.filter((p) => !sites[0].pages.includes(p))) {
        report.info(`from another site: ${label(page)}`);
      }
      await checkAccessibility({ ...context, pages });
      coverage(report, sites, pages, opts.required);
    }
    if (opts.checks.includes('keyboard')) {
      report.section('keyboard');
      await checkKeyboard(context);
    }
    if (opts.checks.includes('languages')) {
      report.section('language switcher');
      await checkLanguageSwitcher(context);
    }
    if (opts.checks.includes('versions')) {
      report.section('version switcher');
      await checkVersionSwitcher(context);
    }
    if (opts.checks.includes('root')) {
      report.section('root page');
      await checkRootLanguage(context);
    }
    if (opts.checks.includes('search')) {
      report.section('search');
      await checkSearch(context);
    }
    if (opts.checks.includes('layout')) {
      report.section(`layout (screenshots in ${opts.screenshots})`);
      await checkLayout(context);
    }
    if (opts.checks.includes('print')) {
      report.section('print');
      await checkPrint(context);
    }
    if (opts.checks.includes('pdf')) {
      report.section('downloads');
      await checkPdfLinks(context);
    }
    if (opts.checks.includes('not-found')) {
      report.section('missing pages');
      await checkNotFound(context);
    }
    if (violations) {
      report.section('Content-Security-Policy');
      const sent = (await fetch(site.siteUrl)).headers.get('content-security-policy');
      report.check('the server sends the policy', sent === opts.csp ? [] : [`it sends ${sent}`]);
      report.check(
        'nothing was blocked by the policy on any page visited',
        violations.problems(),
        `${violations.violations.length} violations`,
      );
    }
  } finally {
    await launched?.close();
    await server.close();
  }
  process.exitCode = report.finish();
}

main().catch((error) => {
  process.stderr.write(`error: the browser suite could not run: ${error?.stack ?? error}\n`);
  process.exitCode = 2;
});
