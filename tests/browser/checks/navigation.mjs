// Navigation between languages and versions, as a reader clicks through it: the language
// switcher and the version switcher keep the page (by id), or open its parent with the
// "not in this version" notice; the root page picks the browser's preferred language.

/** The page's id: the sidebar entry marked as current (`""` for home, null when none is). */
function pageId() {
  const current = document.querySelector('.sidebar [aria-current="page"]');
  return current ? current.getAttribute('data-page') : null;
}

/** The path below `/<version>/<lang>/`, e.g. `io3-quality-monitoring/indicators/`. */
function pathBelow(url, version, lang) {
  const path = new URL(url).pathname;
  const marker = `/${version}/${lang}/`;
  return path.includes(marker) ? path.slice(path.indexOf(marker) + marker.length) : null;
}

export async function checkLanguageSwitcher({ browser, report, site }) {
  const version = site.latest.label;
  const starts = ['module', 'fallback', 'output', 'status', 'accessibility']
    .map((kind) => site.pages.find((p) => p.kind === kind && p.lang === site.defaultLang))
    .concat(site.pages.find((p) => p.kind === 'fallback'))
    .filter(Boolean);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    for (const start of starts) {
      const name = `language switcher from ${start.kind} [${start.lang}] ${new URL(start.url).pathname}`;
      await report.guard(name, async () => {
        const page = await context.newPage();
        try {
          await page.goto(start.url);
          const id = await page.evaluate(pageId);
          const below = pathBelow(page.url(), version, start.lang);
          const problems = [];
          for (const lang of site.latest.languages.filter((l) => l !== start.lang)) {
            await page.goto(start.url);
            // Beyond six languages the links sit in a closed <details>: open it as a keyboard
            // user would (Tab to the summary, Enter), which also proves it works that way.
            const summary = page.locator('.language-switcher details.language-menu > summary');
            if ((await summary.count()) === 1) {
              await summary.focus();
              await page.keyboard.press('Enter');
            }
            const link = page.locator(`.language-switcher a[hreflang="${lang}"]`);
            if ((await link.count()) !== 1) {
              problems.push(`no switcher link to ${lang}`);
              continue;
            }
            const [response] = await Promise.all([page.waitForNavigation(), link.click()]);
            const landed = {
              status: response?.status(),
              lang: await page.evaluate(() => document.documentElement.lang),
              id: await page.evaluate(pageId),
              below: pathBelow(page.url(), version, lang),
            };
            if (landed.status !== 200 || landed.lang !== lang || landed.id !== id || landed.below !== below) {
              problems.push(
                `→ ${lang}: landed on ${new URL(page.url()).pathname} (HTTP ${landed.status}, lang ${landed.lang}, page id ${landed.id}), expected ${below} (id ${id}) in ${lang}`,
              );
            }
          }
          report.check(name, problems, `${site.latest.languages.length - 1} languages`);
        } finally {
          await page.close();
        }
      });
    }
  } finally {
    await context.close();
  }
}

export async function checkVersionSwitcher({ browser, report, site }) {
  const older = site.versions.find((v) => !v.latest);
  if (!older) {
    report.ok('version switcher', 'the site has one version: nothing to switch');
    return;
  }
  const latest = site.latest;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    for (const lang of [site.defaultLang, 'el'].filter((l) => latest.languages.includes(l))) {
      const inOlder = new Set((older.pages[lang] ?? []).map((p) => p.id));
      const modules = (latest.pages[lang] ?? []).filter((p) => p.id.includes('/'));
      const kept = modules.find((p) => inOlder.has(p.id));
      const gone = modules.find((p) => !inOlder.has(p.id));
      if (kept) {
        const name = `version switcher ${latest.label} → ${older.label} → ${latest.label} [${lang}] ${kept.id}`;
        await report.guard(name, async () => {
          const page = await context.newPage();
          try {
            const problems = [];
            const start = new URL(kept.url, site.siteUrl).href;
            const below = pathBelow(start, latest.label, lang);
            await page.goto(start);
            await switchTo(page, older.label);
            if (pathBelow(page.url(), older.label, lang) !== below) {
              problems.push(`landed on ${new URL(page.url()).pathname}, expected ${older.label}/${lang}/${below}`);
            }
            if ((await page.evaluate(pageId)) !== kept.id) {
              problems.push(`the page there is ${await page.evaluate(pageId)}, expected ${kept.id}`);
            }
            if (!(await page.locator('.old-version').isVisible())) {
              problems.push(`version ${older.label} shows no "not the latest version" banner`);
            }
            if (await page.locator('#missing-in-version').isVisible()) {
              problems.push('the "page not in this version" notice shows although the page exists');
            }
            await switchTo(page, latest.label);
            if ((await page.evaluate(pageId)) !== kept.id || !page.url().includes(`/${latest.label}/${lang}/`)) {
              problems.push(`switching back landed on ${new URL(page.url()).pathname}`);
            }
            report.check(name, problems);
          } finally {
            await page.close();
          }
        });
      }
      if (gone) {
        const name = `version switcher ${latest.label} → ${older.label} for a page ${older.label} lacks [${lang}] ${gone.id}`;
        await report.guard(name, async () => {
          const page = await context.newPage();
          try {
            const problems = [];
            await page.goto(new URL(gone.url, site.siteUrl).href);
            await switchTo(page, older.label);
            const url = new URL(page.url());
            const parent = gone.id.split('/')[0];
            const landedOn = await page.evaluate(pageId);
            if (!url.pathname.includes(`/${older.label}/${lang}/`) || (landedOn !== parent && landedOn !== '')) {
              problems.push(`landed on ${url.pathname} (page ${landedOn}), expected the parent ${parent} in ${older.label}`);
            }
            if (url.hash !== '#missing-in-version' || !(await page.locator('#missing-in-version').isVisible())) {
              problems.push(`the "page not in this version" notice is not shown (${url.hash || 'no fragment'})`);
            }
            report.check(name, problems);
          } finally {
            await page.close();
          }
        });
      }
    }
  } finally {
    await context.close();
  }
}

async function switchTo(page, label) {
  const link = page.locator('.version-switcher a').filter({ hasText: label }).first();
  const [response] = await Promise.all([page.waitForNavigation(), link.click()]);
  if (response && response.status() !== 200) {
    throw new Error(`the ${label} link of the version switcher answered HTTP ${response.status()}`);
  }
}

/** The root page sends each browser to its preferred language, and lists languages without JS. */
export async function checkRootLanguage({ browser, report, site }) {
  const languages = site.latest.languages;
  const cases = [
    ['el-GR', 'el'],
    ['de-DE', 'de'],
    ['de-AT', 'de'],
    ['fr-FR', site.defaultLang],
  ].filter(([, lang]) => languages.includes(lang));
  for (const [locale, lang] of cases) {
    const name = `root page with browser language ${locale} opens ${lang}`;
    await report.guard(name, async () => {
      const context = await browser.newContext({ locale });
      try {
        const page = await context.newPage();
        await page.goto(site.siteUrl);
        const expected = new URL(`${site.latest.label}/${lang}/`, site.siteUrl).href;
        await page.waitForURL(expected, { timeout: 5000 });
        const htmlLang = await page.evaluate(() => document.documentElement.lang);
        report.check(name, htmlLang === lang ? [] : [`landed on a page in ${htmlLang}`]);
      } finally {
        await context.close();
      }
    });
  }
  const name = 'root page without JavaScript lists every language';
  await report.guard(name, async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(site.siteUrl);
      const links = await page.$$eval('main a[hreflang]', (as) => as.map((a) => [a.hreflang, a.href]));
      const problems = [];
      for (const lang of languages) {
        const link = links.find(([code]) => code === lang);
        if (!link) {
          problems.push(`no link to ${lang}`);
          continue;
        }
        const response = await fetch(link[1]);
        if (response.status !== 200) {
          problems.push(`${lang}: ${link[1]} answers HTTP ${response.status}`);
        }
      }
      report.check(name, problems);
    } finally {
      await context.close();
    }
  });
}

/**
 * A missing address, at any depth under the base path, answers with the site's 404 page and
 * status 404; the page is styled (its style sheet and emblem load from the base path) and its
 * language links lead to existing pages.
 */
export async function checkNotFound({ browser, report, site }) {
  const at = (relative) => new URL(relative, site.siteUrl).href;
  const missing = [
    at('no-such-page/'),
    at(`${site.latest.label}/${site.defaultLang}/no-such-output/no-such-module/`),
    at(`${site.latest.label}/no-such-file.pdf`),
  ];
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    for (const url of missing) {
      const name = `missing page ${new URL(url).pathname} gets the 404 page`;
      await report.guard(name, async () => {
        const page = await context.newPage();
        try {
          const loaded = [];
          page.on('response', (response) => loaded.push([new URL(response.url()).pathname, response.status()]));
          const response = await page.goto(url);
          const problems = [];
          if (response?.status() !== 404) problems.push(`HTTP ${response?.status()}, expected 404`);
          if (!(await page.locator('body.kind-not-found').count())) problems.push('the answer is not the site\'s 404 page');
          for (const file of ['static/style.css', 'static/eu-emblem.svg']) {
            const expected = new URL(at(file)).pathname;
            const status = loaded.find(([path]) => path === expected)?.[1];
            if (status !== 200) problems.push(`${expected}: ${status ? `HTTP ${status}` : 'not loaded'}`);
          }
          const links = await page.$$eval('main a[hreflang]', (as) => as.map((a) => [a.hreflang, a.href]));
          if (links.length !== site.latest.languages.length) {
            problems.push(`${links.length} language links, expected ${site.latest.languages.length}`);
          }
          for (const [lang, href] of links) {
            const answer = await fetch(href);
            if (answer.status !== 200 || !href.startsWith(site.siteUrl)) {
              problems.push(`the ${lang} link ${href} answers HTTP ${answer.status}`);
            }
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
