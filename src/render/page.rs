//! One page in one language: the [`PageView`] and its template.

use std::collections::BTreeMap;

use tera::Context;

use crate::content::{Page, PageKind};
use crate::diag::Diagnostics;
use crate::i18n;
use crate::key::Lang;
use crate::markdown::links::{LinkContext, Place};
use crate::markdown::{self, View};
use crate::output::OutputFile;

use super::RenderContext;
use super::common::{
    ACCESSIBILITY_PATH, CATALOGUE_PATH, DownloadLink, Edition, GLOSSARY_PATH, Notices, STATUS_PATH, TRAINER_PATH,
    absolute_url, file_size, format_duration, legal_view, module_meta, notices, pdf_href, reviewed_by, title_in,
};
use super::plans::{plan_view, programme_view};
use super::views::*;

/// Sidebars by (language, output, page depth), rendered once each.
pub type Sidebars = BTreeMap<(Lang, Option<usize>, usize), String>;

/// Renders `partials/sidebar.html` once for every language × (home | each output's landing
/// page | each output's modules): pages then only mark themselves as current.
pub fn render_sidebars(ctx: &RenderContext<'_>) -> anyhow::Result<Sidebars> {
    let mut sidebars = BTreeMap::new();
    let site = ctx.site;
    // Home (depth 0), the status and catalogue pages (depth 1, no output open), then each output.
    // Depth 3: the trainer views, a folder below their modules.
    let variants = [(None, 0), (None, 1)]
        .into_iter()
        .chain((0..site.outputs.len()).flat_map(|o| [(Some(o), 1), (Some(o), 2), (Some(o), 3)]));
    let variants: Vec<(Option<usize>, usize)> = variants.collect();
    for lang in ctx.config.langs() {
        for &(open_output, depth) in &variants {
            let from = match (open_output, depth) {
                (Some(o), 1) => site.pages[site.outputs[o].landing].path.clone(),
                (Some(o), depth) => {
                    let module = site.outputs[o]
                        .modules
                        .first()
                        .map_or_else(|| format!("{}/x/", site.outputs[o].slug), |&m| site.pages[m].path.clone());
                    if depth == 3 { format!("{module}{TRAINER_PATH}") } else { module }
                }
                (None, 0) => String::new(),
                (None, _) => STATUS_PATH.to_string(),
            };
            let outputs = site
                .outputs
                .iter()
                .enumerate()
                .map(|(o, output)| {
                    let landing = &site.pages[output.landing];
                    let (title, title_lang) = title_in(landing, lang);
                    let open = open_output == Some(o);
                    SidebarOutputView {
                        id: landing.id.to_string(),
                        title,
                        href: ctx.urls.page(&from, &landing.path),
                        lang: title_lang,
                        open,
                        modules: if open {
                            output
                                .modules
                                .iter()
                                .map(|&m| {
                                    let module = &site.pages[m];
                                    let (title, lang_attr) = title_in(module, lang);
                                    SidebarModuleView {
                                        id: module.id.to_string(),
                                        title,
                                        href: ctx.urls.page(&from, &module.path),
                                        lang: lang_attr,
                                        translated: module.is_translated(lang),
                                    }
                                })
                                .collect()
                        } else {
                            Vec::new()
                        },
                    }
                })
                .collect();
            let view = SidebarView {
                home_href: ctx.urls.page(&from, ""),
                catalogue_href: ctx.urls.page(&from, CATALOGUE_PATH),
                outputs,
                t: &ctx.strings[lang],
            };
            let mut context = Context::new();
            context.insert("nav", &view);
            let html = ctx
                .theme
                .tera
                .render("partials/sidebar.html", &context)
                .map_err(|e| anyhow::anyhow!("template `partials/sidebar.html`: {e}"))?;
            sidebars.insert((lang.clone(), open_output, depth), html);
        }
    }
    Ok(sidebars)
}

fn depth(page: &Page) -> usize {
    page.path.matches('/').count()
}

/// Renders the page at `index` for readers of `lang`, as `view` shows it (a trainer view only
/// where [`crate::content::Site::has_trainer_view`]).
pub fn render_page(
    ctx: &RenderContext<'_>,
    index: usize,
    lang: &Lang,
    view: View,
    sidebars: &Sidebars,
    diags: &Diagnostics,
) -> anyhow::Result<OutputFile> {
    let (path, html) = render_page_html(ctx, index, lang, view, sidebars, diags)?;
    Ok(OutputFile { path, bytes: html.into_bytes() })
}

/// The output path and HTML of the page at `index` for readers of `lang`, as `view` shows it.
pub fn render_page_html(
    ctx: &RenderContext<'_>,
    index: usize,
    lang: &Lang,
    view: View,
    sidebars: &Sidebars,
    diags: &Diagnostics,
) -> anyhow::Result<(String, String)> {
    let page = &ctx.site.pages[index];
    // The trainer's view is a page of its own one folder below the module: every address on it
    // is made from that deeper path.
    let trainer_page;
    let page = match view {
        View::Learner => page,
        View::Trainer => {
            trainer_page = Page { path: format!("{}{TRAINER_PATH}", page.path), ..page.clone() };
            &trainer_page
        }
    };
    let page_view = page_view(ctx, index, page, lang, view, sidebars, diags);
    let template = match page.kind {
        PageKind::Home => "home.html",
        PageKind::Output => "output.html",
        PageKind::Module => "module.html",
    };
    let mut context = Context::new();
    context.insert("page", &page_view);
    let html = ctx.theme.tera.render(template, &context).map_err(|e| anyhow::anyhow!("template `{template}`: {e}"))?;
    Ok((format!("{}/{lang}/{}index.html", ctx.site.version, page.path), html))
}

fn page_view<'a>(
    ctx: &'a RenderContext<'a>,
    index: usize,
    page: &'a Page,
    lang: &'a Lang,
    view: View,
    sidebars: &Sidebars,
    diags: &Diagnostics,
) -> PageView<'a> {
    let site = ctx.site;
    let config = ctx.config;
    let doc = page.text(lang);
    let is_fallback = &doc.lang != lang;
    let language_name = |l: &Lang| config.language_name(l.as_str());

    let anchors = |i: usize, l: &Lang| ctx.prepared_for(i, l).map(|p| &p.anchors);
    let link_ctx = LinkContext { site, page, doc, reader: lang, urls: ctx.urls, anchors: &anchors, place: Place::Site };
    let prepared = ctx.prepared_for(index, lang);
    let content = prepared.map(|p| markdown::body_html(p, &link_ctx, view, config.raw_html, diags)).unwrap_or_default();

    let sidebar_key = (lang.clone(), page.output, depth(page).min(3));
    let current = format!("data-page=\"{}\"", page.id);
    let sidebar = sidebars
        .get(&sidebar_key)
        .map(|html| html.replace(&current, &format!("{current} aria-current=\"page\"")))
        .unwrap_or_default();

    let Notices { fallback: fallback_notice, outdated: outdated_notice, unreviewed: unreviewed_notice } =
        notices(ctx, page, lang);

    let link_to = |i: usize| {
        let target = &site.pages[i];
        let (title, title_lang) = title_in(target, lang);
        LinkView { title, href: ctx.urls.page(&page.path, &target.path), lang: title_lang }
    };
    let mut breadcrumbs =
        vec![LinkView { title: ctx.i18n.message(lang, "home"), href: ctx.urls.page(&page.path, ""), lang: None }];
    if page.kind == PageKind::Module
        && let Some(o) = page.output
    {
        breadcrumbs.push(link_to(site.outputs[o].landing));
    }

    if view == View::Trainer {
        breadcrumbs.push(link_to(index));
    }

    let languages = config
        .langs()
        .map(|l| LanguageView {
            code: l.to_string(),
            name: language_name(l),
            dir: config.dir(l),
            href: ctx.urls.page_in_lang(&page.path, l.as_str(), &page.path),
            current: l == lang,
            translated: page.is_translated(l),
        })
        .collect();
    let alternates = config
        .langs()
        .filter(|l| page.is_translated(l))
        .map(|l| AlternateView { hreflang: l.to_string(), href: absolute_url(ctx, l, &page.path) })
        .collect();

    let translated_by = (!is_fallback && !doc.translators.is_empty())
        .then(|| ctx.i18n.format(lang, "translated-by", &[("names", i18n::text(&doc.translators.join(", ")))]));
    let reviewed_by = doc.review.as_ref().filter(|_| !is_fallback).map(|review| reviewed_by(ctx, lang, review));

    let mut ids = vec![page.id.clone()];
    if page.kind == PageKind::Module
        && let Some(o) = page.output
    {
        ids.push(site.pages[site.outputs[o].landing].id.clone());
    }
    ids.push(crate::key::PageId::home());
    // The trainer view leaves versions to its module's page: another version's module may
    // have no trainer view.
    let (versions, old_version) = match view {
        View::Learner => super::version_switcher::version_links(ctx, &ids, &page.path, lang),
        View::Trainer => Default::default(),
    };
    let is_trainer = view == View::Trainer;
    let learner_path = page.path.strip_suffix(TRAINER_PATH).filter(|_| is_trainer).unwrap_or(&page.path);
    let trainer_href = (!is_trainer && ctx.site.has_trainer_view(index))
        .then(|| ctx.urls.page(&page.path, &format!("{}{TRAINER_PATH}", page.path)));
    let learner_href = is_trainer.then(|| ctx.urls.page(&page.path, learner_path));
    let plan = match (is_trainer, page.kind) {
        (true, PageKind::Module) => prepared.map(|p| plan_view(ctx, index, page, lang, p)),
        (true, PageKind::Output) => Some(programme_view(ctx, page, lang)),
        _ => None,
    };

    let summary = doc.summary.clone();
    PageView {
        versions,
        old_version,
        kind: match page.kind {
            PageKind::Home => "home",
            PageKind::Output => "output",
            PageKind::Module => "module",
        },
        lang: lang.as_str(),
        dir: config.dir(lang),
        text_lang: doc.lang.as_str(),
        text_dir: config.dir(&doc.lang),
        is_fallback,
        fallback_notice,
        outdated_notice,
        unreviewed_notice,
        original_href: ctx.urls.page_in_lang(&page.path, page.source.lang.as_str(), &page.path),
        translated_by,
        reviewed_by,
        status_href: ctx.urls.page(&page.path, STATUS_PATH),
        glossary_href: glossary_href(ctx, &page.path),
        accessibility_href: ctx.urls.page(&page.path, ACCESSIBILITY_PATH),
        site_title: &config.title,
        title: doc.title.clone(),
        view_label: is_trainer.then(|| ctx.i18n.message(lang, "trainer-view")),
        noindex: is_trainer,
        trainer_href,
        learner_href,
        plan,
        description: summary.clone().unwrap_or_else(|| config.description.clone()),
        summary,
        version: site.version.as_str(),
        root: ctx.urls.to_root(&page.path),
        home_href: ctx.urls.page(&page.path, ""),
        content,
        toc: prepared.map_or(&[], |p| p.toc.as_slice()),
        breadcrumbs,
        previous: index.checked_sub(1).filter(|_| !is_trainer).map(link_to),
        next: (index + 1 < site.pages.len() && !is_trainer).then(|| link_to(index + 1)),
        languages,
        sidebar,
        meta: (page.kind == PageKind::Module).then(|| module_meta(ctx, page, lang)),
        children: children(ctx, page, lang),
        downloads: downloads(ctx, index, page, lang, view),
        canonical: absolute_url(ctx, &doc.lang, &page.path),
        alternates,
        legal: legal_view(ctx, lang, page.licence),
        // A trainer view is not for search engines: no structured data of its own.
        json_ld: if is_trainer { None } else { super::metadata::json_ld(ctx, page, lang) },
        status: None,
        accessibility: None,
        catalogue: None,
        glossary: None,
        search: search_view(ctx, lang, &page.path),
        t: &ctx.strings[lang],
    }
}

/// The header's search form on the page at `from`, in `lang`.
pub fn search_view(ctx: &RenderContext<'_>, lang: &Lang, from: &str) -> SearchView {
    let query = [("query", i18n::text("{query}"))];
    let (results_one, results_other) = ctx.i18n.count_templates(lang, "search-results", &query);
    SearchView {
        action: ctx.urls.page(from, CATALOGUE_PATH),
        bundle: (ctx.config.search && !ctx.offline)
            .then(|| format!("{}{}", ctx.urls.to_version(from), super::search::BUNDLE_DIR)),
        offline_index: (ctx.config.search && ctx.offline)
            .then(|| format!("{}{lang}/{}", ctx.urls.to_version(from), super::common::SEARCH_INDEX)),
        results_one,
        results_other,
        no_results: ctx.i18n.format(lang, "search-no-results", &query),
    }
}

/// The page's own PDF and, on a module page, its output's book; on a trainer view, their
/// trainer editions and the module's handouts. `page` is the page they are shown on.
fn downloads(ctx: &RenderContext<'_>, index: usize, page: &Page, lang: &Lang, view: View) -> Vec<DownloadView> {
    let output = ctx.site.pages[index].output.filter(|_| page.kind == PageKind::Module);
    let landing = output.map(|o| ctx.site.outputs[o].landing);
    let mut pdfs: Vec<(usize, Edition, String)> = Vec::new();
    match view {
        View::Learner => {
            pdfs.push((index, Edition::Reader, ctx.i18n.message(lang, "pdf-download")));
            pdfs.extend(landing.map(|l| (l, Edition::Reader, ctx.i18n.message(lang, "pdf-download-output"))));
        }
        View::Trainer => {
            pdfs.push((index, Edition::Trainer, ctx.i18n.message(lang, "pdf-download-trainer")));
            if let Some(prepared) = ctx.prepared_for(index, lang) {
                for (_, activity, _) in &prepared.marks.activity_ends {
                    let title = &prepared.marks.facilitation.activities[*activity].title;
                    let label = ctx.i18n.format(lang, "pdf-download-handout", &[("title", i18n::text(title))]);
                    pdfs.push((index, Edition::Handout(*activity), label));
                }
            }
            pdfs.extend(landing.map(|l| (l, Edition::Trainer, ctx.i18n.message(lang, "pdf-download-output-trainer"))));
        }
    }
    pdfs.into_iter()
        .filter_map(|(target, edition, label)| {
            let (href, link) = pdf_href(ctx, &page.path, target, lang, edition)?;
            Some(DownloadView {
                label,
                href,
                file_name: link.file_name.clone(),
                size: link.bytes.map(|bytes| file_size(bytes, lang)),
                format: "PDF",
                media_type: "application/pdf",
            })
        })
        .chain(epub_download(ctx, index, lang).filter(|_| view == View::Learner))
        .chain(package_download(ctx, index, lang).filter(|_| view == View::Learner))
        .chain(bundle_download(ctx, page, lang).filter(|_| view == View::Learner))
        .collect()
}

/// On a home page: the offline copy of the version in the reader's language, in the same
/// folder.
fn bundle_download(ctx: &RenderContext<'_>, page: &Page, lang: &Lang) -> Option<DownloadView> {
    let link = ctx.bundles.get(lang).filter(|_| page.kind == PageKind::Home)?;
    Some(download_beside(ctx, link, lang, "offline-download", "ZIP", "application/zip"))
}

/// An output's EPUB book, beside its PDF in the output's folder.
fn epub_download(ctx: &RenderContext<'_>, index: usize, lang: &Lang) -> Option<DownloadView> {
    let link = ctx.epubs.get(&(index, lang.clone()))?;
    Some(download_beside(ctx, link, lang, "epub-download", "EPUB", "application/epub+zip"))
}

/// The page's SCORM package for learning platforms, beside its PDF in the page's folder.
fn package_download(ctx: &RenderContext<'_>, index: usize, lang: &Lang) -> Option<DownloadView> {
    let link = ctx.packages.get(&(index, lang.clone()))?;
    Some(download_beside(ctx, link, lang, "package-download-scorm", "ZIP", "application/zip"))
}

/// The download of a file in the page's own folder, labelled by the UI string `label`.
fn download_beside(
    ctx: &RenderContext<'_>,
    link: &DownloadLink,
    lang: &Lang,
    label: &str,
    format: &'static str,
    media_type: &'static str,
) -> DownloadView {
    DownloadView {
        label: ctx.i18n.message(lang, label),
        href: crate::urls::encode_path(&link.file_name),
        file_name: link.file_name.clone(),
        size: link.bytes.map(|bytes| file_size(bytes, lang)),
        format,
        media_type,
    }
}

fn children(ctx: &RenderContext<'_>, page: &Page, lang: &Lang) -> Vec<ChildView> {
    let site = ctx.site;
    let child = |i: usize, module_count: Option<usize>| {
        let target = &site.pages[i];
        let doc = target.text(lang);
        ChildView {
            title: doc.title.clone(),
            summary: doc.summary.clone(),
            href: ctx.urls.page(&page.path, &target.path),
            lang: (&doc.lang != lang).then(|| doc.lang.to_string()),
            duration: target.facts.duration_minutes.map(|m| format_duration(ctx, lang, m)),
            module_count,
            translated: target.is_translated(lang),
        }
    };
    match page.kind {
        PageKind::Home => site.outputs.iter().map(|o| child(o.landing, Some(o.modules.len()))).collect(),
        PageKind::Output => {
            let output = &site.outputs[page.output.expect("an output page has an output")];
            output.modules.iter().map(|&m| child(m, None)).collect()
        }
        PageKind::Module => Vec::new(),
    }
}

/// The link to the glossary page from the page at `from`, when the version has agreed terms.
pub fn glossary_href(ctx: &RenderContext<'_>, from: &str) -> Option<String> {
    (!ctx.glossaries.is_empty()).then(|| ctx.urls.page(from, GLOSSARY_PATH))
}
