// In-page inspection of keyboard focus, evaluated in the browser by Playwright.
//
// `inspectFocus` describes `document.activeElement`: where it is (skip link, header, sidebar,
// TOC, pager …), whether it is visible, and its focus indicator: the computed outline and
// box-shadow, and the contrast of the outline against what is around it (sampled with
// `elementsFromPoint` just outside the element, where the outline is drawn). Each focused
// element is tagged with `data-focus-walk` so its unfocused style can be compared afterwards.

/** Runs in the page. Returns null when nothing (or only the body) has focus. */
export function inspectFocus(index) {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) {
    return null;
  }
  const parse = (color) => {
    const m = /^rgba?\(([\d.]+),?\s*([\d.]+),?\s*([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\)$/.exec(color.trim());
    if (!m) return null;
    const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
    return { r: +m[1], g: +m[2], b: +m[3], a: alpha };
  };
  const luminance = ({ r, g, b }) => {
    const channel = (v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const contrast = (a, b) => {
    const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (l1 + 0.05) / (l2 + 0.05);
  };
  const backgroundOf = (node) => {
    for (let n = node; n && n.nodeType === 1; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c && c.a > 0.5) return c;
    }
    return { r: 255, g: 255, b: 255, a: 1 };
  };
  const region = (() => {
    const regions = [
      ['.skip-link', 'skip link'],
      ['.language-switcher', 'language switcher'],
      ['.version-switcher', 'version switcher'],
      ['.site-header', 'header'],
      ['.sidebar', 'sidebar'],
      ['.toc', 'toc'],
      ['.pager', 'pager'],
      ['.breadcrumbs', 'breadcrumbs'],
      ['main', 'main'],
      ['.site-footer', 'footer'],
    ];
    return regions.find(([selector]) => el.closest(selector))?.[1] ?? 'other';
  })();
  el.setAttribute('data-focus-walk', String(index));
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  const outlineWidth = parseFloat(style.outlineWidth) || 0;
  const hasOutline = style.outlineStyle !== 'none' && outlineWidth > 0;
  let outlineContrast = null;
  const outlineColor = parse(style.outlineColor);
  if (hasOutline && outlineColor && style.outlineStyle !== 'auto') {
    const d = (parseFloat(style.outlineOffset) || 0) + outlineWidth / 2;
    const midX = rect.left + rect.width / 2;
    const midY = rect.top + rect.height / 2;
    const points = [
      [rect.left - d, midY],
      [rect.right + d, midY],
      [midX, rect.top - d],
      [midX, rect.bottom + d],
    ];
    const ratios = [];
    for (const [x, y] of points) {
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
      const behind = document.elementsFromPoint(x, y).find((n) => n !== el && !el.contains(n));
      ratios.push(contrast(outlineColor, backgroundOf(behind ?? document.body)));
    }
    outlineContrast = ratios.length ? Math.min(...ratios) : null;
  }
  return {
    index,
    region,
    tag: el.tagName.toLowerCase(),
    text: (el.textContent || el.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim().slice(0, 50),
    href: el.getAttribute('href'),
    rel: el.getAttribute('rel'),
    visible: rect.width > 0 && rect.height > 0 && style.visibility === 'visible',
    inViewport: rect.bottom > 0 && rect.top < innerHeight && rect.right > 0 && rect.left < innerWidth,
    indicator: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor} | ${style.boxShadow}`,
    hasIndicator: hasOutline || style.boxShadow !== 'none',
    outlineContrast,
  };
}

/** Runs in the page: the unfocused indicator of each element tagged by `inspectFocus`. */
export function unfocusedIndicators() {
  if (document.activeElement) document.activeElement.blur();
  const out = {};
  for (const el of document.querySelectorAll('[data-focus-walk]')) {
    const style = getComputedStyle(el);
    out[el.getAttribute('data-focus-walk')] =
      `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor} | ${style.boxShadow}`;
  }
  return out;
}

/** Presses Tab until `accept(info)` holds for the focused element (or `limit` presses). */
export async function tabUntil(page, accept, limit = 300) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(inspectFocus, i);
    if (info === null && i > 0) {
      return null;
    }
    if (info && accept(info)) {
      return info;
    }
  }
  return null;
}

/** Tabs through the whole page from the top; every element that got focus, in order. */
export async function walkFocus(page, limit = 400) {
  const seen = [];
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(inspectFocus, i);
    if (info === null) {
      break;
    }
    if (seen.length > 0 && info.text === seen[0].text && info.href === seen[0].href && info.region === seen[0].region) {
      break;
    }
    seen.push(info);
  }
  return seen;
}
