// Keyboard alone: the skip link comes first and moves focus to the main content; every link of
// the sidebar, the table of contents and previous/next is reached with Tab, shows a visible
// focus indicator (different from its unfocused look, 3:1 against its surroundings) and works
// with Enter; a table of contents link scrolls to its heading; on a phone, "Menu" leads to the
// navigation.

import { inspectFocus, tabUntil, unfocusedIndicators, walkFocus } from '../lib/focus.mjs';

const MIN_INDICATOR_CONTRAST = 3;

export async function checkKeyboard({ browser, report, site }) {
  const modules = site.pages.filter((p) => p.kind === 'module');
  const english = modules.find((p) => p.lang === site.defaultLang);
  const greek = modules.find((p) => p.lang === 'el');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    for (const target of [english, greek].filter(Boolean)) {
      const where = `[${target.lang}] ${new URL(target.url).pathname}`;
      await report.guard(`keyboard: focus order and visible focus ${where}`, () =>
        focusWalk(context, report, target, where),
      );
      await report.guard(`keyboard: skip link ${where}`, () => skipLink(context, report, target, where));
      await report.guard(`keyboard: table of contents ${where}`, () => tocLink(context, report, target, where));
    }
    if (english) {
      const where = `[${english.lang}] ${new URL(english.url).pathname}`;
      const links = {
        sidebar: (i) => i.region === 'sidebar' && !isSelf(i),
        previous: (i) => i.region === 'pager' && i.rel === 'prev',
        next: (i) => i.region === 'pager' && i.rel === 'next',
      };
      for (const [which, accept] of Object.entries(links)) {
        const name = `keyboard: ${which} link ${where}`;
        await report.guard(name, () => follows(context, report, english, name, accept));
      }
    }
  } finally {
    await context.close();
  }
  if (english) {
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    try {
      const where = `[${english.lang}] ${new URL(english.url).pathname} at 360 px`;
      await report.guard(`keyboard: menu link ${where}`, () => menuLink(phone, report, english, where));
    } finally {
      await phone.close();
    }
  }
}

const isSelf = (info) => info.href === './' || info.href === '' || info.href === 'index.html';

async function focusWalk(context, report, target, where) {
  const page = await context.newPage();
  try {
    await page.goto(target.url);
    const walk = await walkFocus(page);
    const unfocused = await page.evaluate(unfocusedIndicators);
    const problems = [];
    if (walk[0]?.region !== 'skip link') {
      problems.push(`the first Tab focuses ${describe(walk[0])}, expected the skip link`);
    }
    for (const info of walk) {
      if (!info.visible || !info.inViewport) {
        problems.push(`focused but not visible on screen: ${describe(info)}`);
      }
      if (!info.hasIndicator || unfocused[info.index] === info.indicator) {
        problems.push(`no visible focus indicator on ${describe(info)} (${info.indicator})`);
      } else if (info.outlineContrast !== null && info.outlineContrast < MIN_INDICATOR_CONTRAST) {
        problems.push(
          `focus outline contrast ${info.outlineContrast.toFixed(2)}:1 against its surroundings on ${describe(info)}, expected at least ${MIN_INDICATOR_CONTRAST}:1`,
        );
      }
    }
    const expected = await page.evaluate(() => {
      const hrefs = (selector) => [...document.querySelectorAll(selector)].map((a) => a.getAttribute('href'));
      return {
        sidebar: hrefs('.sidebar a'),
        toc: hrefs('.toc a'),
        pager: hrefs('.pager a'),
      };
    });
    for (const [region, hrefs] of Object.entries(expected)) {
      const reached = new Set(walk.filter((i) => i.region === region).map((i) => i.href));
      const missing = hrefs.filter((href) => !reached.has(href));
      if (hrefs.length === 0) {
        problems.push(`the page has no ${region} links to test`);
      } else if (missing.length > 0) {
        problems.push(`${region} links never reached with Tab: ${missing.join(', ')}`);
      }
    }
    report.check(`keyboard: focus order and visible focus ${where}`, problems, `${walk.length} focus stops`);
  } finally {
    await page.close();
  }
}

async function skipLink(context, report, target, where) {
  const page = await context.newPage();
  try {
    await page.goto(target.url);
    await page.keyboard.press('Tab');
    const problems = [];
    const first = await page.evaluate(inspectFocus, 0);
    if (first?.region !== 'skip link' || !first.inViewport) {
      problems.push(`the first Tab focuses ${describe(first)}, expected a visible skip link`);
    }
    await page.keyboard.press('Enter');
    const focused = await page.evaluate(() => document.activeElement?.id);
    if (focused !== 'main-content') {
      problems.push(`after Enter on the skip link the focus is on #${focused}, expected #main-content`);
    }
    await page.keyboard.press('Tab');
    const next = await page.evaluate(inspectFocus, 1);
    if (!next || !['main', 'breadcrumbs', 'toc', 'pager'].includes(next.region)) {
      problems.push(`the Tab after the skip link focuses ${describe(next)}, expected the first link of the main content`);
    }
    report.check(`keyboard: skip link ${where}`, problems);
  } finally {
    await page.close();
  }
}

async function tocLink(context, report, target, where) {
  const page = await context.newPage();
  try {
    await page.goto(target.url);
    const count = await page.locator('.toc a').count();
    const name = `keyboard: table of contents ${where}`;
    if (count === 0) {
      report.fail(name, ['the page has no table of contents']);
      return;
    }
    // A link well down the list, so that following it has to scroll.
    const wanted = await page.locator('.toc a').nth(Math.min(2, count - 1)).getAttribute('href');
    const info = await tabUntil(page, (i) => i.region === 'toc' && i.href === wanted);
    const problems = [];
    if (!info) {
      report.fail(name, [`Tab never reaches the table of contents link ${wanted}`]);
      return;
    }
    await page.keyboard.press('Enter');
    await page.waitForFunction((hash) => decodeURIComponent(location.hash) === decodeURIComponent(hash), wanted);
    const position = await page.evaluate((hash) => {
      const heading = document.getElementById(decodeURIComponent(hash.slice(1)));
      if (!heading) return null;
      const rect = heading.getBoundingClientRect();
      return { top: rect.top, bottom: rect.bottom, height: innerHeight, scrollY };
    }, wanted);
    if (!position) {
      problems.push(`no element with the id of ${wanted}`);
    } else if (position.scrollY === 0 || position.top < -1 || position.bottom > position.height) {
      problems.push(`the heading of ${wanted} is not scrolled into view (top ${position.top}, scrollY ${position.scrollY})`);
    }
    // Reading goes on from the heading: the next Tab focuses a link after it, not the TOC again.
    await page.keyboard.press('Tab');
    const after = await page.evaluate((hash) => {
      const heading = document.getElementById(decodeURIComponent(hash.slice(1)));
      const focused = document.activeElement;
      return Boolean(heading && focused && heading.compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_FOLLOWING);
    }, wanted);
    if (!after) {
      problems.push(`after following ${wanted}, Tab does not continue from the heading`);
    }
    report.check(name, problems);
  } finally {
    await page.close();
  }
}

/** Tabs to the first link that `accept`s, presses Enter, and expects to land on its target. */
async function follows(context, report, target, name, accept) {
  const page = await context.newPage();
  try {
    await page.goto(target.url);
    const info = await tabUntil(page, accept);
    if (!info) {
      report.fail(name, ['Tab never reaches such a link']);
      return;
    }
    const expected = await page.evaluate(() => document.activeElement.href);
    await Promise.all([page.waitForURL(expected), page.keyboard.press('Enter')]);
    const title = await page.title();
    report.check(name, [], `Enter on “${info.text}” opened “${title}”`);
  } finally {
    await page.close();
  }
}

async function menuLink(context, report, target, where) {
  const page = await context.newPage();
  try {
    await page.goto(target.url);
    const name = `keyboard: menu link ${where}`;
    const info = await tabUntil(page, (i) => i.href === '#site-nav', 10);
    if (!info) {
      report.fail(name, ['Tab never reaches the “Menu” link among the first ten stops']);
      return;
    }
    const problems = [];
    if (!info.visible || !info.inViewport) {
      problems.push(`the menu link is focused but not visible: ${describe(info)}`);
    }
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const next = await page.evaluate(inspectFocus, 99);
    if (next?.region !== 'sidebar') {
      problems.push(`after Enter on “Menu”, Tab focuses ${describe(next)}, expected the first navigation link`);
    }
    report.check(name, problems);
  } finally {
    await page.close();
  }
}

function describe(info) {
  if (!info) return 'nothing';
  return `${info.region} <${info.tag}${info.href ? ` href="${info.href}"` : ''}> “${info.text}”`;
}
