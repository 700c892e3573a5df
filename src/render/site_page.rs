//! The site's own pages, as opposed to its content: the translation status page and the
//! accessibility statement. Every version has them in every language, at a reserved folder
//! below `<version>/<lang>/` ([`SITE_PAGES`]), in the frame of content pages (header,
//! switchers, sidebar, footer).

use crate::key::{Lang, PageId};

use super::RenderContext;
use super::common::{ACCESSIBILITY_PATH, GLOSSARY_PATH, SITE_PAGES, STATUS_PATH, absolute_url, legal_view};
use super::page::{Sidebars, glossary_href};
use super::views::{AlternateView, LanguageView, LinkView, PageView};

/// The view of the site page at `path` (one of [`SITE_PAGES`]) for readers of `lang`; the
/// caller fills in the page's own part (`status`, `accessibility`).
pub fn site_page_view<'a>(
    ctx: &'a RenderContext<'a>,
    lang: &'a Lang,
    kind: &'static str,
    path: &'static str,
    title: String,
    summary: String,
    sidebars: &Sidebars,
) -> PageView<'a> {
    debug_assert!(SITE_PAGES.contains(&path) || path == GLOSSARY_PATH);
    let config = ctx.config;
    let ids = [PageId::new(path.trim_end_matches('/')), PageId::home()];
    let (versions, old_version) = super::version_switcher::version_links(ctx, &ids, path, lang);
    // The sidebar marks this page as the current one when it lists it (the catalogue).
    let current = format!("data-page=\"{}\"", path.trim_end_matches('/'));
    let sidebar = sidebars
        .get(&(lang.clone(), None, 1))
        .map(|html| html.replace(&current, &format!("{current} aria-current=\"page\"")))
        .unwrap_or_default();
    PageView {
        versions,
        old_version,
        kind,
        lang: lang.as_str(),
        dir: config.dir(lang),
        text_lang: lang.as_str(),
        text_dir: config.dir(lang),
        is_fallback: false,
        fallback_notice: None,
        outdated_notice: None,
        original_href: String::new(),
        translated_by: None,
        reviewed_by: None,
        unreviewed_notice: None,
        status_href: ctx.urls.page(path, STATUS_PATH),
        glossary_href: glossary_href(ctx, path),
        accessibility_href: ctx.urls.page(path, ACCESSIBILITY_PATH),
        site_title: &config.title,
        description: summary.clone(),
        summary: Some(summary),
        title,
        view_label: None,
        noindex: false,
        trainer_href: None,
        learner_href: None,
        plan: None,
        version: ctx.site.version.as_str(),
        root: ctx.urls.to_root(path),
        home_href: ctx.urls.page(path, ""),
        content: String::new(),
        toc: &[],
        breadcrumbs: vec![LinkView {
            title: ctx.i18n.message(lang, "home"),
            href: ctx.urls.page(path, ""),
            lang: None,
        }],
        previous: None,
        next: None,
        languages: config
            .langs()
            .map(|l| LanguageView {
                code: l.to_string(),
                name: config.language_name(l.as_str()),
                dir: config.dir(l),
                href: ctx.urls.page_in_lang(path, l.as_str(), path),
                current: l == lang,
                translated: true,
            })
            .collect(),
        sidebar,
        meta: None,
        children: Vec::new(),
        downloads: Vec::new(),
        canonical: absolute_url(ctx, lang, path),
        alternates: config
            .langs()
            .map(|l| AlternateView { hreflang: l.to_string(), href: absolute_url(ctx, l, path) })
            .collect(),
        legal: legal_view(ctx, lang, config.licence),
        json_ld: None,
        status: None,
        accessibility: None,
        catalogue: None,
        glossary: None,
        search: super::page::search_view(ctx, lang, path),
        t: &ctx.strings[lang],
    }
}
