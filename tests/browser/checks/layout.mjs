// Layout on phones, tablets and desktops, and in print: module and home pages in Greek and
// German (long words) and, where the site has them, Arabic and Hebrew (right to left), the
// status page and the statement at 320, 360, 768 and 1280 px never scroll sideways and no text
// overlaps other text, also with the language menu (beyond six languages) open; a full-page
// screenshot of each is saved.
// In print, the navigation is hidden and the text and the legal footer are kept.

import path from 'node:path';

// 320 px is where WCAG 2.1 (1.4.10 Reflow) asks for no sideways scrolling; 360 px a common phone.
export const WIDTHS = [320, 360, 768, 1280];

/** Runs in the page: what sticks out to the right, and text boxes that overlap. */
function measureLayout() {
  const root = document.documentElement;
  const width = root.clientWidth;
  const name = (el) =>
    `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
  // What sticks out of the page, not what scrolls inside its own box (a wide table in a
  // scrolling wrapper is fine).
  const clipped = (el) => {
    for (let n = el.parentElement; n && n !== document.body; n = n.parentElement) {
      if (getComputedStyle(n).overflowX !== 'visible') return true;
    }
    return false;
  };
  const wide = [];
  for (const el of document.body.querySelectorAll('*')) {
    const rect = el.getBoundingClientRect();
    // Its box, or its content running out of the box (a long word, `nowrap` text) unless the
    // box scrolls or clips it.
    const spills = getComputedStyle(el).overflowX === 'visible';
    const right = spills ? Math.max(rect.right, rect.left + el.scrollWidth) : rect.right;
    // A right-to-left page spills to the left: past x = 0.
    if (rect.width > 0 && (right > width + 1 || rect.left < -1) && !el.closest('.visually-hidden') && !clipped(el)) {
      wide.push({ el, right: rect.left < -1 ? Math.round(rect.left) : Math.round(right) });
    }
  }
  // The innermost offenders say what to fix; their ancestors only stick out because of them.
  const culprits = wide.filter((w) => !wide.some((other) => other !== w && w.el.contains(other.el)));
  // Every line box of visible text, then every pair of boxes from different text nodes that
  // intersect by more than 2 px in both directions.
  const boxes = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node;
  let index = 0;
  while ((node = walker.nextNode())) {
    const parent = node.parentElement;
    if (!node.textContent.trim() || !parent || parent.closest('script, style, .visually-hidden, .skip-link')) continue;
    const style = getComputedStyle(parent);
    if (style.visibility !== 'visible' || style.opacity === '0') continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    index += 1;
    for (const r of range.getClientRects()) {
      if (r.width >= 2 && r.height >= 2) {
        boxes.push({ node: index, parent, text: node.textContent.trim().slice(0, 30), left: r.left, right: r.right, top: r.top + scrollY, bottom: r.bottom + scrollY });
      }
    }
  }
  boxes.sort((a, b) => a.top - b.top);
  const overlaps = [];
  for (let i = 0; i < boxes.length && overlaps.length < 5; i += 1) {
    const a = boxes[i];
    for (let j = i + 1; j < boxes.length && boxes[j].top < a.bottom - 2; j += 1) {
      const b = boxes[j];
      if (a.node === b.node) continue;
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > 2 && y > 2) {
        overlaps.push(`“${a.text}” (${name(a.parent)}) overlaps “${b.text}” (${name(b.parent)}) by ${Math.round(x)}×${Math.round(y)} px`);
        break;
      }
    }
  }
  return {
    scrollWidth: root.scrollWidth,
    clientWidth: width,
    wide: culprits.slice(0, 5).map((w) => `${name(w.el)} reaches ${w.right} px`),
    // Content pushed left of x = 0 cannot be scrolled to at all (scrollWidth does not show it).
    leftmost: Math.min(0, ...culprits.map((w) => w.right)),
    overlaps,
  };
}

export async function checkLayout({ browser, report, site, screenshots }) {
  const find = (kind, lang) => site.pages.find((p) => p.kind === kind && p.lang === lang);
  const targets = [
    ...['el', 'de', 'ar', 'he'].flatMap((lang) => ['module', 'home', 'trainer'].map((kind) => find(kind, lang))),
    find('status', 'el'),
    find('accessibility', 'de'),
  ].filter(Boolean);
  if (targets.length === 0) {
    report.fail('layout', ['the site has no Greek or German pages to measure']);
    return;
  }
  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: 800 }, deviceScaleFactor: 1 });
    try {
      for (const target of targets) {
        const where = new URL(target.url).pathname;
        const name = `layout ${width} px: ${target.kind} [${target.lang}] ${where}`;
        await report.guard(name, async () => {
          const page = await context.newPage();
          try {
            await page.goto(target.url);
            const problems = [];
            const files = [];
            const measure = async (state, suffix) => {
              const measured = await page.evaluate(measureLayout);
              const file = path.join(screenshots, `${target.kind}-${target.lang}-${width}${suffix}.png`);
              await page.screenshot({ path: file, fullPage: true });
              files.push(file);
              if (measured.scrollWidth > measured.clientWidth || measured.leftmost < -1) {
                problems.push(`${state}scrolls sideways: scrollWidth ${measured.scrollWidth} > clientWidth ${measured.clientWidth}`);
                problems.push(...measured.wide.map((w) => `  ${w}`));
              }
              problems.push(...measured.overlaps.map((o) => `${state}overlapping text: ${o}`));
            };
            await measure('', '');
            const menu = page.locator('.language-switcher details.language-menu > summary');
            if ((await menu.count()) === 1) {
              await menu.click();
              await measure('language menu open: ', '-menu');
            }
            report.check(name, problems, `screenshot ${files.join(', ')}`);
          } finally {
            await page.close();
          }
        });
      }
    } finally {
      await context.close();
    }
  }
}

export async function checkPrint({ browser, report, site }) {
  const targets = ['module', 'output', 'trainer']
    .map((kind) => site.pages.find((p) => p.kind === kind && p.lang === site.defaultLang))
    .filter(Boolean);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    for (const target of targets) {
      const name = `print stylesheet hides navigation: ${target.kind} ${new URL(target.url).pathname}`;
      await report.guard(name, async () => {
        const page = await context.newPage();
        try {
          await page.goto(target.url);
          await page.emulateMedia({ media: 'print' });
          const state = await page.evaluate(() => {
            // Printed: rendered at all (no `display: none` on it or an ancestor).
            const printed = (selector) =>
              [...document.querySelectorAll(selector)].map((el) => ({
                printed: el.checkVisibility(),
                display: getComputedStyle(el).display,
              }));
            const navigation = {};
            for (const selector of ['.skip-link', '.site-header', '.language-switcher', '.version-switcher', '.sidebar', '.breadcrumbs', '.toc', '.pager']) {
              navigation[selector] = printed(selector);
            }
            return {
              navigation,
              kept: { 'the footer': printed('.site-footer'), 'the funding statement': printed('.funding-statement'), 'the main text': printed('main') },
            };
          });
          const problems = [];
          for (const [selector, elements] of Object.entries(state.navigation)) {
            for (const { display } of elements.filter((e) => e.printed)) {
              problems.push(`${selector} is printed (display: ${display})`);
            }
          }
          for (const [what, elements] of Object.entries(state.kept)) {
            if (elements.length === 0 || elements.some((e) => !e.printed)) problems.push(`${what} is not printed`);
          }
          report.check(name, problems);
        } finally {
          await page.close();
        }
      });
    }
  } finally {
    await context.close();
  }
}
