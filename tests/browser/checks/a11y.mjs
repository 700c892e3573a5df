// Accessibility: axe-core on one page per template and language, WCAG 2.1 A and AA rules.
// Every violation is printed with its rule id, the elements and axe's explanation.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

import { mapLimit } from '../lib/report.mjs';
import { KINDS } from '../lib/site.mjs';

const require = createRequire(import.meta.url);
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const NODES_SHOWN = 6;

/**
 * Runs axe on `pages` (`{ kind, lang, url, status? }`), `concurrency` at a time. Also records
 * every PDF link the pages carry into `pdfLinks`.
 */
export async function checkAccessibility({ browser, report, pages, concurrency, pdfLinks }) {
  const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await mapLimit(pages, concurrency, async (target) => {
      const name = `axe ${label(target)}`;
      await report.guard(name, async () => {
        const page = await context.newPage();
        if (target.kind === 'root') {
          await withoutRedirect(page, target.url);
        }
        try {
          const response = await page.goto(target.url, { waitUntil: 'load' });
          const expected = target.status ?? 200;
          const problems = [];
          if (response?.status() !== expected) {
            problems.push(`HTTP ${response?.status()} for ${target.url}, expected ${expected}`);
          }
          const lang = await page.evaluate(() => document.documentElement.lang);
          if (lang !== target.lang) {
            problems.push(`<html lang="${lang}">, expected "${target.lang}"`);
          }
          for (const href of await pdfHrefs(page)) {
            pdfLinks.add(href);
          }
          // A page shown for its notice (outdated, unreviewed) must show it, as a note in the
          // page's language.
          const notice = KINDS[target.kind]?.notice;
          if (notice) {
            const shown = await page.$eval(notice, (el) => ({ role: el.getAttribute('role'), visible: el.offsetHeight > 0 })).catch(() => null);
            if (!shown?.visible || shown.role !== 'note') problems.push(`no visible ${notice} (role="note") on ${target.url}`);
          }
          await page.evaluate(`${axeSource}\n;0`);
          const result = await page.evaluate(
            (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
            AXE_TAGS,
          );
          problems.push(...result.violations.flatMap(describeViolation));
          const note = `${result.violations.length} violations`;
          report.check(name, problems, note);
        } finally {
          await page.close();
        }
      });
    });
  } finally {
    await context.close();
  }
}

/**
 * The root page sends readers on to their language with a script; readers without scripts stay
 * and use its links. axe needs scripts (timers) to run, so the page it reads is the root page as
 * served with that script (`static/language-choice.js`) answered empty.
 */
async function withoutRedirect(page, url) {
  await page.route(new URL('static/language-choice.js', url).href, (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: '' }),
  );
}

/** The absolute URLs of a page's links that end in `.pdf`. */
export async function pdfHrefs(page) {
  return page.$$eval('a[href]', (links) =>
    links.map((a) => a.href).filter((href) => new URL(href).pathname.toLowerCase().endsWith('.pdf')),
  );
}

function describeViolation(violation) {
  const lines = [`${violation.id} (${violation.impact}): ${violation.help} — ${violation.helpUrl}`];
  for (const node of violation.nodes.slice(0, NODES_SHOWN)) {
    const summary = (node.failureSummary ?? '').split('\n').slice(1, 2).join(' ').trim();
    lines.push(`  at ${node.target.join(' ')}: ${summary}`);
    lines.push(`     ${node.html.replace(/\s+/g, ' ').slice(0, 160)}`);
  }
  if (violation.nodes.length > NODES_SHOWN) {
    lines.push(`  … and ${violation.nodes.length - NODES_SHOWN} more elements`);
  }
  return lines;
}

export function label(target) {
  const path = new URL(target.url).pathname;
  return `${target.kind} [${target.lang}] ${path}`;
}
