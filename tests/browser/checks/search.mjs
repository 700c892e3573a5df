// The header's search box, on the site as served (under its base path, e.g. `/innotrain/`):
// on a language's home page, a module's title finds that module, every result links
// to a page of the site under the base path that exists, and following the module's result
// opens it. (tests/search/check.mjs checks what the index finds; this checks that it works
// where hosts put the site.)

export async function checkSearch({ browser, report, site }) {
  const languages = [...new Set(['de', site.defaultLang])].filter((l) => site.latest.languages.includes(l));
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    for (const lang of languages) {
      const home = site.pages.find((p) => p.kind === 'home' && p.lang === lang);
      const module = (site.latest.pages[lang] ?? []).find((p) => p.id.includes('/') && p.translated);
      if (!home || !module) {
        report.fail(`search [${lang}]`, [`no home page or translated module in ${lang} to search from and for`]);
        continue;
      }
      // The whole title: each of its words must match, so the module is among the first results
      // whatever the words (one word of a title may be on every page).
      const query = module.title;
      const expected = new URL(module.url, site.siteUrl).href;
      const name = `search [${lang}] "${query}" finds ${new URL(expected).pathname}`;
      await report.guard(name, async () => {
        const page = await context.newPage();
        try {
          await page.goto(home.url);
          await page.fill('#search-input', query);
          await page.waitForFunction(
            (q) => {
              const panel = document.querySelector('#search-results');
              return !panel.hidden && panel.querySelector('.search-summary').textContent.includes(q);
            },
            query,
            { timeout: 15000 },
          );
          const links = await page.$$eval('#search-results .search-list a', (as) => as.map((a) => a.href));
          const problems = [];
          if (!links.includes(expected)) {
            problems.push(`the results do not include ${expected}: ${links.join(', ') || 'none'}`);
          }
          for (const link of links) {
            if (!link.startsWith(site.siteUrl)) {
              problems.push(`result ${link} is outside the site ${site.siteUrl}`);
              continue;
            }
            const response = await fetch(link);
            if (response.status !== 200) {
              problems.push(`result ${link} answers HTTP ${response.status}`);
            }
          }
          if (links.includes(expected)) {
            const [response] = await Promise.all([
              page.waitForNavigation(),
              page.locator('#search-results .search-list a').nth(links.indexOf(expected)).click(),
            ]);
            if (response?.status() !== 200 || page.url() !== expected) {
              problems.push(`following the result landed on ${page.url()} (HTTP ${response?.status()})`);
            }
          }
          report.check(name, problems, `${links.length} results`);
        } finally {
          await page.close();
        }
      });
    }
  } finally {
    await context.close();
  }
}
