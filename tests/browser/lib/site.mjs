// What a built site has, read the way a client would: `versions.json` (versions, languages,
// pages with ids), the root page (the default language) and the translation status page
// (which translations are outdated or unreviewed). From that, one page per template and language.

/**
 * Page templates; `perLanguage` ones exist once per language, except in the default language
 * for those marked `translation` (a fallback or outdated page is always in another language).
 */
export const KINDS = {
  root: { perLanguage: false, about: 'root language picker' },
  'not-found': { perLanguage: false, about: '404 page' },
  home: { perLanguage: true, about: 'home page' },
  output: { perLanguage: true, about: 'output landing page' },
  module: { perLanguage: true, about: 'module in its own language' },
  fallback: { perLanguage: true, translation: true, about: 'untranslated module (fallback text)' },
  outdated: { perLanguage: true, translation: true, about: 'outdated translation', notice: '.outdated-notice' },
  unreviewed: { perLanguage: true, translation: true, about: 'unreviewed translation', notice: '.unreviewed-notice' },
  status: { perLanguage: true, about: 'translation status page' },
  accessibility: { perLanguage: true, about: 'accessibility statement' },
  catalogue: { perLanguage: true, about: 'catalogue of modules with filters' },
  glossary: { perLanguage: true, about: 'glossary of agreed terms (sites with terms files)' },
  trainer: { perLanguage: true, about: "a module's trainer view (sites with activities or trainer notes)" },
  'old-version': { perLanguage: true, about: 'home page of an earlier version' },
};

export async function fetchText(url) {
  const response = await fetch(url, { redirect: 'follow' });
  if (!response.ok) {
    throw new Error(`GET ${url}: HTTP ${response.status}`);
  }
  return response.text();
}

/**
 * Reads the site served at `siteUrl` (ending in `/`). Returns its versions, default language
 * and `pages`: `{ kind, lang, url, id }` for one page per template and language.
 */
export async function discover(siteUrl) {
  const versionsJson = JSON.parse(await fetchText(new URL('versions.json', siteUrl)));
  const rootHtml = await fetchText(siteUrl);
  const defaultLang = /<html lang="([^"]+)"/.exec(rootHtml)?.[1];
  if (!defaultLang) {
    throw new Error(`the root page ${siteUrl} has no <html lang>`);
  }
  const latest = versionsJson.versions.find((v) => v.latest) ?? versionsJson.versions.at(-1);
  const at = (relative) => new URL(relative, siteUrl).href;
  const pages = [
    { kind: 'root', lang: defaultLang, url: siteUrl, id: null },
    { kind: 'not-found', lang: defaultLang, url: at('no-such-page/anywhere/'), id: null, status: 404 },
  ];
  const statusUrl = at(`${latest.label}/${defaultLang}/status/`);
  const statusHtml = await fetchText(statusUrl);
  const outdated = pagesInState(statusHtml, statusUrl, 'outdated', latest.label);
  const unreviewed = pagesInState(statusHtml, statusUrl, 'unreviewed', latest.label);
  // The footer links the glossary when the site has terms files.
  const hasGlossary = /<a href="[^"]*glossary\/[^"]*">/.test(statusHtml);
  // The first module with a trainer view (its page links `trainer/`): every language has one.
  let trainerId = null;
  for (const entry of (latest.pages[defaultLang] ?? []).filter((p) => p.id.includes('/'))) {
    if ((await fetchText(at(entry.url))).includes('<p class="view-switch"><a href="trainer/')) {
      trainerId = entry.id;
      break;
    }
  }
  for (const lang of latest.languages) {
    const list = latest.pages[lang] ?? [];
    const withTrainer = trainerId && list.find((p) => p.id === trainerId);
    if (withTrainer) {
      pages.push({ kind: 'trainer', lang, url: new URL('trainer/', at(withTrainer.url)).href, id: null });
    }
    const page = (kind, entry) => entry && pages.push({ kind, lang, url: at(entry.url), id: entry.id });
    const modules = list.filter((p) => p.id.includes('/'));
    page('home', list.find((p) => p.id === ''));
    page('output', list.find((p) => p.id !== '' && !p.id.includes('/')));
    page('module', modules.find((p) => p.translated));
    if (lang !== defaultLang) {
      page('fallback', modules.find((p) => !p.translated));
    }
    const stale = outdated.find((o) => o.lang === lang);
    if (stale) {
      pages.push({ kind: 'outdated', lang, url: stale.url, id: null });
    }
    const unchecked = unreviewed.find((o) => o.lang === lang);
    if (unchecked) {
      pages.push({ kind: 'unreviewed', lang, url: unchecked.url, id: null });
    }
    pages.push({ kind: 'status', lang, url: at(`${latest.label}/${lang}/status/`), id: null });
    pages.push({ kind: 'accessibility', lang, url: at(`${latest.label}/${lang}/accessibility/`), id: null });
    pages.push({ kind: 'catalogue', lang, url: at(`${latest.label}/${lang}/catalogue/`), id: null });
    if (hasGlossary) {
      pages.push({ kind: 'glossary', lang, url: at(`${latest.label}/${lang}/glossary/`), id: null });
    }
    const older = versionsJson.versions.find((v) => !v.latest && v.languages.includes(lang));
    if (older) {
      pages.push({ kind: 'old-version', lang, url: at(`${older.label}/${lang}/`), id: '' });
    }
  }
  return { siteUrl, defaultLang, latest, versions: versionsJson.versions, pages };
}

/** Translations in `state` (`outdated`, `unreviewed`), from the cells of a status page's matrix. */
function pagesInState(html, statusUrl, state, version) {
  const found = [];
  for (const match of html.matchAll(new RegExp(`<td class="state-${state}"><a href="([^"]+)"`, 'g'))) {
    const url = new URL(match[1].replaceAll('&amp;', '&'), statusUrl);
    const lang = url.pathname.split(`/${version}/`)[1]?.split('/')[0];
    found.push({ lang, url: url.href });
  }
  return found;
}
