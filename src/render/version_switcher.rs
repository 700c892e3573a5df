//! The version switcher and the old-version banner: the same page (by id) in every version,
//! or its nearest parent there (the output's landing page, then the home page). The other
//! versions are known from the [`VersionIndex`](crate::manifest::VersionIndex) only, so they
//! need not be loaded.

use crate::i18n;
use crate::key::{Lang, PageId};

use super::RenderContext;
use super::views::{OldVersionView, VersionLinkView};

/// The id of the notice every page carries, shown only when a version switcher link lands on
/// the page because the reader's page does not exist in that version.
pub const GAP_ID: &str = "missing-in-version";

/// Where the page `ids` (the page, then its parents) leads in version `target` for `lang`:
/// the href, and the title of the parent opened instead when the page itself is not there.
fn target(ctx: &RenderContext<'_>, target: usize, ids: &[PageId], from: &str, lang: &Lang) -> (String, Option<String>) {
    let version = &ctx.versions.versions()[target];
    // A version without the reader's language opens its default language.
    let lang = version.reader_lang(lang);
    let label = version.label.as_str();
    for (depth, id) in ids.iter().enumerate() {
        // Every version has the site's own pages (status, accessibility, catalogue) in every language.
        if let Some(path) = super::common::SITE_PAGES.iter().find(|p| p.trim_end_matches('/') == id.as_str()) {
            return (ctx.urls.page_in_version(from, label, lang.as_str(), path), None);
        }
        if let Some(index) = ctx.versions.page(target, id) {
            let mut href = ctx.urls.page_in_version(from, label, lang.as_str(), &version.pages[index].path);
            if depth > 0 {
                // The target page explains the detour when opened at this fragment (CSS `:target`).
                href.push_str(&format!("#{GAP_ID}"));
            }
            return (href, (depth > 0).then(|| version.text(index, lang).title.clone()));
        }
    }
    (format!("{}#{GAP_ID}", ctx.urls.page_in_version(from, label, lang.as_str(), "")), Some(String::new()))
}

/// The switcher entries and, on a version that is not the latest, the banner. `ids` is the
/// page's id followed by its parents' ids; `from` is the page's path.
pub fn version_links(
    ctx: &RenderContext<'_>,
    ids: &[PageId],
    from: &str,
    lang: &Lang,
) -> (Vec<VersionLinkView>, Option<OldVersionView>) {
    let links = (0..ctx.versions.versions().len())
        .rev()
        .map(|index| {
            let version = &ctx.versions.versions()[index];
            let (href, parent) = if index == ctx.current {
                (ctx.urls.page(from, from), None)
            } else {
                target(ctx, index, ids, from, lang)
            };
            let label = version.label.to_string();
            VersionLinkView {
                fallback: parent.map(|title| {
                    ctx.i18n.format(
                        lang,
                        "version-fallback",
                        &[("version", i18n::text(&label)), ("page", i18n::text(&title))],
                    )
                }),
                label,
                status: version.status.clone(),
                date: version.date.clone(),
                href,
                current: index == ctx.current,
                latest: index == ctx.latest,
            }
        })
        .collect();
    let banner = (ctx.current != ctx.latest).then(|| {
        let (href, _) = target(ctx, ctx.latest, ids, from, lang);
        let current = ctx.site.version.to_string();
        let latest = ctx.versions.versions()[ctx.latest].label.to_string();
        OldVersionView {
            notice: ctx.i18n.format(lang, "old-version", &[("version", i18n::text(&current))]),
            link_text: ctx.i18n.format(lang, "read-latest", &[("version", i18n::text(&latest))]),
            href,
        }
    });
    (links, banner)
}
