//! The e-books of one version: an EPUB 3 book per output in every language, written from the
//! same prepared text as the web pages, for [`crate::package::epub`] to assemble.
//!
//! A book sits beside its output's PDF (`2.0/el/io3-x/innotrain-io3-x-el-2.0.epub`) and is named
//! in ASCII whatever the output's name. It opens with a title page (the project, the version and
//! its date, the funding statement and the licence), then the output's introduction, then one
//! chapter per module. Links between the output's modules stay inside the book; links to other
//! pages and to files lead to the web site (with a base URL) or are left as text.
//!
//! EPUB requires a modification date and innotrain never reads the clock: a version without a
//! `date` in book.toml gets no books.

use std::collections::{BTreeMap, BTreeSet};

use pulldown_cmark::{Event, Tag};
use serde::Serialize;
use tera::Context;

use crate::config::{Config, VersionSpec};
use crate::content::{PageKind, Site};
use crate::diag::Diagnostics;
use crate::key::Lang;
use crate::markdown::links::{LinkContext, PACKAGE_MEDIA_DIR, Place, Target, resolve_target};
use crate::markdown::{self, View};
use crate::package::PackageFile;
use crate::package::epub::{self, Book, Chapter, Labels};
use crate::slug::ascii_name;

use super::RenderContext;
use super::common::{absolute_url, ascii_prefix, ascii_version, legal_view, module_meta, notices};
use super::packages::PerPage;
use super::views::{LegalView, ModuleMetaView};

/// The chapter file of the title page, and of the output's introduction.
const TITLE_PAGE: &str = "title.xhtml";
const INTRODUCTION: &str = "intro.xhtml";

/// Whether page `index` gets a book: outputs do, when the version has a date.
pub fn has_epub(ctx: &RenderContext<'_>, index: usize) -> bool {
    is_book(ctx.site, ctx.spec, index)
}

/// [`has_epub`] where no render context is at hand.
pub fn is_book(site: &Site, spec: &VersionSpec, index: usize) -> bool {
    site.pages[index].kind == PageKind::Output && date(spec).is_some()
}

/// The version's date, the book's modification date.
fn date(spec: &VersionSpec) -> Option<&str> {
    spec.date.as_deref().filter(|date| !date.trim().is_empty())
}

/// `innotrain-io3-quality-monitoring-el-2.0.epub`: ASCII only, like the packages.
pub fn epub_file_name(config: &Config, site: &Site, index: usize, lang: &Lang) -> String {
    let page_part = ascii_name(site.pages[index].path.trim_end_matches('/'), "output");
    format!("{}-{page_part}-{}-{}.epub", ascii_prefix(config), ascii_name(lang.as_str(), "lang"), ascii_version(site))
}

/// The EPUB book of every output of a dated version.
pub const EPUB: PerPage = PerPage {
    has: has_epub,
    file_name: |ctx, index, lang| epub_file_name(ctx.config, ctx.site, index, lang),
    entries: |ctx, index, lang| epub::entries(book(ctx, index, lang)?),
};

/// The book of output page `index` in `lang`.
fn book(ctx: &RenderContext<'_>, index: usize, lang: &Lang) -> anyhow::Result<Book> {
    let site = ctx.site;
    let config = ctx.config;
    let landing = &site.pages[index];
    let date = date(ctx.spec).ok_or_else(|| anyhow::anyhow!("version {} has no date for its EPUB", site.version))?;
    let modules: Vec<usize> = landing.output.map(|output| site.outputs[output].modules.clone()).unwrap_or_default();
    let has_introduction = ctx.prepared_for(index, lang).is_some_and(|prepared| {
        prepared.events.iter().any(|event| !matches!(event, Event::SoftBreak | Event::HardBreak))
    });
    // Every page of the book by its chapter file, for the links between them.
    let mut chapter_files =
        BTreeMap::from([(index, if has_introduction { INTRODUCTION } else { TITLE_PAGE }.to_string())]);
    for (number, &module) in modules.iter().enumerate() {
        chapter_files.insert(module, format!("m{}.xhtml", number + 1));
    }
    let web = (!config.base_url.is_empty())
        .then(|| format!("{}{}{}/{lang}/", config.base_url, config.base_path, site.version));
    let web_media = (!config.base_url.is_empty())
        .then(|| format!("{}{}{}/media/", config.base_url, config.base_path, site.version));
    let place = Place::Book { web: web.as_deref(), web_media: web_media.as_deref(), chapters: &chapter_files };

    let legal = legal_view(ctx, lang, landing.licence);
    let mut images = BTreeSet::new();
    let mut chapters = vec![title_page(ctx, index, lang, date, &legal)?];
    if has_introduction {
        let label = ctx.i18n.message(lang, "pdf-introduction");
        chapters.push(chapter(ctx, index, lang, place, INTRODUCTION, Some(label), &mut images)?);
    }
    for &module in &modules {
        chapters.push(chapter(ctx, module, lang, place, &chapter_files[&module], None, &mut images)?);
    }

    // The site's style sheet with the code colours, and the emblem of the title page.
    let mut style = ctx.theme.static_files.get("style.css").cloned().unwrap_or_default();
    style.extend_from_slice(b"\n");
    style.extend_from_slice(markdown::highlight::stylesheet().as_bytes());
    let mut resources = vec![
        PackageFile { path: "style.css".into(), bytes: style },
        PackageFile {
            path: "eu-emblem.svg".into(),
            bytes: ctx.theme.static_files.get("eu-emblem.svg").cloned().unwrap_or_default(),
        },
    ];
    let has_images = !images.is_empty();
    for path in images {
        if let Some(asset) = site.assets.get(&path) {
            resources.push(PackageFile { path: format!("{PACKAGE_MEDIA_DIR}{path}"), bytes: asset.bytes.clone() });
        }
    }
    let acronym = if config.project.acronym.trim().is_empty() { "innotrain" } else { config.project.acronym.as_str() };
    Ok(Book {
        identifier: format!(
            "urn:{}:{}:{}",
            ascii_name(acronym, "innotrain"),
            ascii_name(landing.path.trim_end_matches('/'), "output"),
            ascii_name(lang.as_str(), "lang")
        ),
        title: landing.text(lang).title.clone(),
        lang: lang.to_string(),
        dir: config.dir(lang),
        date: date.to_string(),
        version: site.version.as_str().to_string(),
        publisher: [&config.project.name, &config.title]
            .into_iter()
            .find(|name| !name.trim().is_empty())
            .cloned()
            .unwrap_or_default(),
        rights: legal.licence_notice.clone(),
        licence_url: legal.licence_url.clone(),
        accessibility_summary: ctx.i18n.message(lang, "epub-accessibility-summary"),
        has_images,
        labels: Labels {
            contents: ctx.i18n.message(lang, "epub-contents"),
            landmarks: ctx.i18n.message(lang, "epub-landmarks"),
            title_page: ctx.i18n.message(lang, "epub-title-page"),
            start: ctx.i18n.message(lang, "epub-start"),
        },
        chapters,
        resources,
    })
}

/// What the book's template (`epub.html`) shows: the title page or a chapter.
#[derive(Serialize)]
struct EpubView<'a> {
    is_title_page: bool,
    /// The language of the document (its `<html>`): the reader's, or a module's text's.
    html_lang: &'a str,
    /// The reader's language; the chapter's text may be in another (`text_lang`).
    lang: &'a str,
    dir: &'static str,
    text_lang: &'a str,
    text_dir: &'static str,
    is_fallback: bool,
    title: String,
    /// On the title page: the site's title.
    subtitle: Option<String>,
    summary: Option<String>,
    fallback_notice: Option<String>,
    outdated_notice: Option<String>,
    unreviewed_notice: Option<String>,
    meta: Option<ModuleMetaView>,
    content: String,
    /// On the title page: what the PDFs call "about this publication".
    about: Vec<Fact>,
    legal: Option<&'a LegalView>,
    t: &'a BTreeMap<String, String>,
}

/// A fact of the title page ("Version: 2.0").
#[derive(Serialize)]
struct Fact {
    label: String,
    value: String,
}

/// The title page: the output's title and summary, the publication's facts, the funding
/// statement and the licence.
fn title_page(
    ctx: &RenderContext<'_>,
    index: usize,
    lang: &Lang,
    date: &str,
    legal: &LegalView,
) -> anyhow::Result<Chapter> {
    let config = ctx.config;
    let doc = ctx.site.pages[index].text(lang);
    let project = &config.project;
    let mut about: Vec<Fact> = [
        ("pdf-project", project.name.clone()),
        ("pdf-programme", project.programme.clone()),
        ("pdf-project-number", project.number.clone()),
        ("version", ctx.site.version.as_str().to_string()),
        ("pdf-date", super::common::format_date(ctx, lang, date)),
        ("language", config.language_name(lang.as_str())),
    ]
    .into_iter()
    .filter(|(_, value)| !value.trim().is_empty())
    .map(|(label, value)| Fact { label: ctx.i18n.message(lang, label), value })
    .collect();
    if !config.base_url.is_empty() {
        let value = absolute_url(ctx, lang, &ctx.site.pages[index].path);
        about.push(Fact { label: ctx.i18n.message(lang, "pdf-web-version"), value });
    }
    let view = EpubView {
        is_title_page: true,
        html_lang: lang.as_str(),
        lang: lang.as_str(),
        dir: config.dir(lang),
        text_lang: doc.lang.as_str(),
        text_dir: config.dir(&doc.lang),
        is_fallback: &doc.lang != lang,
        title: doc.title.clone(),
        subtitle: Some(config.title.clone()).filter(|title| !title.trim().is_empty()),
        summary: doc.summary.clone(),
        fallback_notice: None,
        outdated_notice: None,
        unreviewed_notice: None,
        meta: None,
        content: String::new(),
        about,
        legal: Some(legal),
        t: &ctx.strings[lang],
    };
    Ok(Chapter {
        file: TITLE_PAGE.to_string(),
        title: doc.title.clone(),
        lang: lang.to_string(),
        dir: config.dir(lang),
        body: epub::xhtml(&render(ctx, &view)?),
        headings: Vec::new(),
        is_title_page: true,
    })
}

/// The chapter of page `index` (a module, or the output's introduction titled `title`) in
/// `lang`, written to `file`; the images it shows are added to `images`.
fn chapter(
    ctx: &RenderContext<'_>,
    index: usize,
    lang: &Lang,
    place: Place<'_>,
    file: &str,
    title: Option<String>,
    images: &mut BTreeSet<String>,
) -> anyhow::Result<Chapter> {
    let site = ctx.site;
    let config = ctx.config;
    let page = &site.pages[index];
    let doc = page.text(lang);
    let anchors = |i: usize, l: &Lang| ctx.prepared_for(i, l).map(|p| &p.anchors);
    let link_ctx = LinkContext { site, page, doc, reader: lang, urls: ctx.urls, anchors: &anchors, place };
    let prepared = ctx.prepared_for(index, lang);
    // The web page reported the text's mistakes already.
    let quiet = Diagnostics::new();
    let content =
        prepared.map(|p| markdown::body_html(p, &link_ctx, View::Learner, config.raw_html, &quiet)).unwrap_or_default();
    if let Some(prepared) = prepared {
        for (number, event) in prepared.events.iter().enumerate() {
            let Event::Start(Tag::Image { dest_url, .. }) = event else { continue };
            if prepared.marks.hidden(number, View::Learner) {
                continue;
            }
            if let Ok(Target::Asset { path, .. }) = resolve_target(dest_url, true, prepared, &link_ctx) {
                images.insert(path);
            }
        }
    }
    let is_module = page.kind == PageKind::Module;
    let is_fallback = &doc.lang != lang;
    let notices = notices(ctx, page, lang);
    // The introduction is titled in the reader's language ("Introduction"), a module by its text.
    let (title, title_lang) = match title {
        Some(title) => (title, lang),
        None => (doc.title.clone(), &doc.lang),
    };
    let view = EpubView {
        is_title_page: false,
        html_lang: title_lang.as_str(),
        lang: lang.as_str(),
        dir: config.dir(lang),
        text_lang: doc.lang.as_str(),
        text_dir: config.dir(&doc.lang),
        is_fallback,
        title: title.clone(),
        subtitle: None,
        summary: if is_module { doc.summary.clone() } else { None },
        fallback_notice: notices.fallback,
        outdated_notice: notices.outdated,
        unreviewed_notice: notices.unreviewed,
        meta: is_module.then(|| module_meta(ctx, page, lang)),
        content,
        about: Vec::new(),
        legal: None,
        t: &ctx.strings[lang],
    };
    let headings = prepared
        .map(|p| p.toc.iter().filter(|entry| (2..=3).contains(&entry.level)))
        .into_iter()
        .flatten()
        .map(|entry| (entry.level, entry.id.clone(), entry.text.clone()))
        .collect();
    Ok(Chapter {
        file: file.to_string(),
        title,
        lang: title_lang.to_string(),
        dir: config.dir(title_lang),
        body: epub::xhtml(&render(ctx, &view)?),
        headings,
        is_title_page: false,
    })
}

/// The body of a book's document from the theme's `epub.html`.
fn render(ctx: &RenderContext<'_>, view: &EpubView<'_>) -> anyhow::Result<String> {
    let mut context = Context::new();
    context.insert("page", view);
    ctx.theme.tera.render("epub.html", &context).map_err(|e| anyhow::anyhow!("template `epub.html`: {e}"))
}
