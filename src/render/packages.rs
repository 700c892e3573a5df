//! The learning-platform packages of one version: a SCORM 1.2 package per module and per output
//! in every language, each page written from the same prepared text as the web page, for
//! [`crate::package`] to zip.
//!
//! A package sits beside its page's PDF (`2.0/el/io3-x/indicators/innotrain-…-scorm-el-2.0.zip`)
//! and is named in ASCII whatever the module's name. Inside, each module is one page (`index.html`
//! for a module, `m1.html`… for an output) with the content's media under `media/`; links to
//! other pages lead to the web site (with a base URL) or are left as text.

use std::collections::{BTreeMap, BTreeSet};

use pulldown_cmark::{Event, Tag};
use serde::Serialize;
use tera::Context;

use crate::config::Config;
use crate::content::{PageKind, Site};
use crate::diag::Diagnostics;
use crate::key::Lang;
use crate::markdown::links::{LinkContext, PACKAGE_MEDIA_DIR, Place, Target, resolve_target};
use crate::markdown::{self, View};
use crate::output::OutputFile;
use crate::package::scorm::{self, Package, Sco};
use crate::package::zip::Entry;
use crate::package::{Finished, PackageCache, PackageFile};
use crate::slug::ascii_name;

use super::common::{DownloadLink, absolute_url, ascii_prefix, ascii_version, legal_view, module_meta, notices};
use super::views::{LegalView, ModuleMetaView};
use super::{RenderContext, Sink};

/// Which pages get a package: modules and outputs, as for PDFs.
pub fn has_package(site: &Site, index: usize) -> bool {
    matches!(site.pages[index].kind, PageKind::Module | PageKind::Output)
}

/// `innotrain-io3-quality-monitoring-indicators-scorm-el-2.0.zip`: ASCII only (see
/// [`ascii_prefix`]).
pub fn package_file_name(config: &Config, site: &Site, index: usize, lang: &Lang) -> String {
    let page_part = ascii_name(site.pages[index].path.trim_end_matches('/'), "module");
    format!(
        "{}-{page_part}-scorm-{}-{}.zip",
        ascii_prefix(config),
        ascii_name(lang.as_str(), "lang"),
        ascii_version(site)
    )
}

/// A download made per page and language from the prepared documents and zipped: the SCORM
/// packages ([`SCORM`]) and the e-books ([`super::epubs::EPUB`]). Each sits in its page's
/// folder, beside the page's PDF.
pub struct PerPage {
    /// Whether page `index` has one.
    pub has: fn(&RenderContext<'_>, usize) -> bool,
    /// Its file name in `lang`.
    pub file_name: fn(&RenderContext<'_>, usize, &Lang) -> String,
    /// Its files in `lang`, in the order of its zip.
    pub entries: fn(&RenderContext<'_>, usize, &Lang) -> anyhow::Result<Vec<Entry<'static>>>,
}

/// The SCORM 1.2 package of every module and output.
pub const SCORM: PerPage = PerPage {
    has: |ctx, index| has_package(ctx.site, index),
    file_name: |ctx, index, lang| package_file_name(ctx.config, ctx.site, index, lang),
    entries: |ctx, index, lang| Ok(scorm::entries(package(ctx, index, lang)?)),
};

impl PerPage {
    /// The output path of page `index`'s file in `lang`.
    pub fn path(&self, ctx: &RenderContext<'_>, index: usize, lang: &Lang) -> String {
        let page = &ctx.site.pages[index];
        format!("{}/{lang}/{}{}", ctx.site.version, page.path, (self.file_name)(ctx, index, lang))
    }

    /// The pages that have one, in every language of `langs`.
    fn pages<'l>(&self, ctx: &RenderContext<'_>, langs: &[&'l Lang]) -> Vec<(usize, &'l Lang)> {
        (0..ctx.site.pages.len())
            .filter(|&index| (self.has)(ctx, index))
            .flat_map(|index| langs.iter().map(move |&lang| (index, lang)))
            .collect()
    }

    /// Makes the zip of every page in `langs` in parallel, or takes it unchanged from `cache`,
    /// and hands each to `sink` as soon as it is there; returns their links (with sizes).
    pub fn write(
        &self,
        ctx: &RenderContext<'_>,
        langs: &[&Lang],
        cache: &PackageCache,
        sink: &dyn Sink,
    ) -> anyhow::Result<BTreeMap<(usize, Lang), DownloadLink>> {
        use rayon::prelude::*;
        let links = self
            .pages(ctx, langs)
            .par_iter()
            .map(|&(index, lang)| {
                let path = self.path(ctx, index, lang);
                let size = deliver(&path, &(self.entries)(ctx, index, lang)?, cache, sink)?;
                let file_name = (self.file_name)(ctx, index, lang);
                Ok(((index, lang.clone()), DownloadLink { path, file_name, bytes: Some(size) }))
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        Ok(links.into_iter().collect())
    }

    /// The links of the pages in `langs` whose files this render does not make (the preview
    /// makes them on request; other languages' come from the previous output or another part):
    /// without sizes.
    pub fn links_later(&self, ctx: &RenderContext<'_>, langs: &[&Lang]) -> BTreeMap<(usize, Lang), DownloadLink> {
        let link = |index, lang| {
            let (path, file_name) = (self.path(ctx, index, lang), (self.file_name)(ctx, index, lang));
            ((index, lang.clone()), DownloadLink { path, file_name, bytes: None })
        };
        self.pages(ctx, langs).into_iter().map(|(index, lang)| link(index, lang)).collect()
    }

    /// The zip at output path `path`, made now (the preview's request); `None` when `path` is
    /// not one of these.
    pub fn make_at(&self, ctx: &RenderContext<'_>, path: &str) -> Option<anyhow::Result<Vec<u8>>> {
        let langs: Vec<&Lang> = ctx.config.langs().collect();
        let (index, lang) =
            self.pages(ctx, &langs).into_iter().find(|&(index, lang)| self.path(ctx, index, lang) == path)?;
        Some((self.entries)(ctx, index, lang).and_then(|entries| crate::package::zip::write(&entries)))
    }
}

/// Writes the zip of `entries` to `sink` as the output file `path`, copied from `cache` (where
/// it is made when no earlier build made it); returns its size.
pub(super) fn deliver(
    path: &str,
    entries: &[Entry<'_>],
    cache: &PackageCache,
    sink: &dyn Sink,
) -> anyhow::Result<usize> {
    match cache.finish(entries)? {
        Finished::InCache { path: from, size } => {
            sink.copy(path, &from)?;
            Ok(usize::try_from(size)?)
        }
        Finished::InMemory(bytes) => {
            let size = bytes.len();
            sink.write(OutputFile { path: path.to_string(), bytes })?;
            Ok(size)
        }
    }
}

/// The package of page `index` in `lang`: a module as one SCO, an output as one SCO per module.
fn package(ctx: &RenderContext<'_>, index: usize, lang: &Lang) -> anyhow::Result<Package> {
    let site = ctx.site;
    let page = &site.pages[index];
    let prefix = ctx.config.project.acronym.as_str();
    let prefix = if prefix.trim().is_empty() { "innotrain" } else { prefix };
    let sco_id =
        |module: usize| scorm::identifier(&[prefix, site.pages[module].path.trim_end_matches('/'), lang.as_str()]);
    let modules: Vec<usize> = match (page.kind, page.output) {
        (PageKind::Output, Some(output)) => site.outputs[output].modules.clone(),
        _ => vec![index],
    };
    let mut media = BTreeSet::new();
    let mut scos = Vec::new();
    for (number, &module) in modules.iter().enumerate() {
        let file =
            if page.kind == PageKind::Output { format!("m{}.html", number + 1) } else { "index.html".to_string() };
        let (html, used) = sco_page(ctx, module, index, lang)?;
        media.extend(used);
        scos.push(Sco {
            identifier: sco_id(module),
            title: site.pages[module].text(lang).title.clone(),
            page: PackageFile { path: file, bytes: html.into_bytes() },
        });
    }
    let mut shared = vec![
        PackageFile {
            path: "style.css".into(),
            bytes: ctx.theme.static_files.get("style.css").cloned().unwrap_or_default(),
        },
        PackageFile { path: "highlight.css".into(), bytes: markdown::highlight::stylesheet().as_bytes().to_vec() },
        PackageFile { path: scorm::RUNTIME_FILE.into(), bytes: scorm::RUNTIME.as_bytes().to_vec() },
        PackageFile {
            path: "eu-emblem.svg".into(),
            bytes: ctx.theme.static_files.get("eu-emblem.svg").cloned().unwrap_or_default(),
        },
    ];
    for path in media {
        if let Some(asset) = site.assets.get(&path) {
            shared.push(PackageFile { path: format!("{PACKAGE_MEDIA_DIR}{path}"), bytes: asset.bytes.clone() });
        }
    }
    Ok(Package {
        identifier: if page.kind == PageKind::Output { sco_id(index) } else { format!("{}-package", sco_id(index)) },
        title: page.text(lang).title.clone(),
        version: ctx.site.version.as_str().to_string(),
        scos,
        shared,
    })
}

/// What a package page shows.
#[derive(Serialize)]
struct PackagePageView<'a> {
    lang: &'a str,
    dir: &'static str,
    text_lang: &'a str,
    text_dir: &'static str,
    is_fallback: bool,
    site_title: &'a str,
    title: String,
    /// The output's title (on a module's page).
    subtitle: Option<String>,
    summary: Option<String>,
    fallback_notice: Option<String>,
    outdated_notice: Option<String>,
    unreviewed_notice: Option<String>,
    meta: Option<ModuleMetaView>,
    content: String,
    legal: LegalView,
    /// The module's page on the web site (with a base URL).
    web_url: Option<String>,
    t: &'a BTreeMap<String, String>,
}

/// The page of module `module` in a package of page `package_of`, for readers of `lang`, and the
/// content media it shows or links.
fn sco_page(
    ctx: &RenderContext<'_>,
    module: usize,
    package_of: usize,
    lang: &Lang,
) -> anyhow::Result<(String, BTreeSet<String>)> {
    let site = ctx.site;
    let config = ctx.config;
    let page = &site.pages[module];
    let doc = page.text(lang);
    let web = (!config.base_url.is_empty())
        .then(|| format!("{}{}{}/{lang}/", config.base_url, config.base_path, site.version));
    let anchors = |i: usize, l: &Lang| ctx.prepared_for(i, l).map(|p| &p.anchors);
    let link_ctx = LinkContext {
        site,
        page,
        doc,
        reader: lang,
        urls: ctx.urls,
        anchors: &anchors,
        place: Place::Package { web: web.as_deref() },
    };
    let prepared = ctx.prepared_for(module, lang);
    // The web page reported the text's mistakes already.
    let quiet = Diagnostics::new();
    let content =
        prepared.map(|p| markdown::body_html(p, &link_ctx, View::Learner, config.raw_html, &quiet)).unwrap_or_default();
    let mut media = BTreeSet::new();
    if let Some(prepared) = prepared {
        for (index, event) in prepared.events.iter().enumerate() {
            let (dest, is_image) = match event {
                Event::Start(Tag::Link { dest_url, .. }) => (dest_url, false),
                Event::Start(Tag::Image { dest_url, .. }) => (dest_url, true),
                _ => continue,
            };
            if prepared.marks.hidden(index, View::Learner) {
                continue;
            }
            if let Ok(Target::Asset { path, .. }) = resolve_target(dest, is_image, prepared, &link_ctx) {
                media.insert(path);
            }
        }
    }
    let is_fallback = &doc.lang != lang;
    let notices = notices(ctx, page, lang);
    let output_title = page
        .output
        .filter(|_| page.kind == PageKind::Module && package_of == module)
        .map(|o| site.pages[site.outputs[o].landing].text(lang).title.clone());
    let view = PackagePageView {
        lang: lang.as_str(),
        dir: config.dir(lang),
        text_lang: doc.lang.as_str(),
        text_dir: config.dir(&doc.lang),
        is_fallback,
        site_title: &config.title,
        title: doc.title.clone(),
        subtitle: output_title,
        summary: doc.summary.clone(),
        fallback_notice: notices.fallback,
        outdated_notice: notices.outdated,
        unreviewed_notice: notices.unreviewed,
        meta: (page.kind == PageKind::Module).then(|| module_meta(ctx, page, lang)),
        content,
        legal: legal_view(ctx, lang, page.licence),
        web_url: web.as_ref().map(|_| absolute_url(ctx, lang, &page.path)),
        t: &ctx.strings[lang],
    };
    let mut context = Context::new();
    context.insert("page", &view);
    let html =
        ctx.theme.tera.render("package.html", &context).map_err(|e| anyhow::anyhow!("template `package.html`: {e}"))?;
    Ok((html, media))
}
