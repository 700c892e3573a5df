//! Stage 4: the Site model → every output file of one version, in memory.
//!
//! 1. every document is parsed once ([`markdown::prepare`], in parallel);
//! 2. each language's sidebar is rendered once per output and page depth;
//! 3. every page × language is rendered in parallel over the immutable site, and (unless the
//!    build has no search) added batch by batch, in a fixed order, to the version's search index;
//! 4. the site's own pages in every language (translation status, accessibility statement,
//!    catalogue), the version's results export and assets;
//! 5. the site-wide files follow: root language picker, 404, sitemap, robots.txt, versions.json,
//!    theme files. Those that describe every version are made from a
//!    [`VersionIndex`](crate::manifest::VersionIndex), not from the loaded versions, so that a
//!    build of one version can take the others from the previous output's versions.json.
//!
//! Before the pages (which link them with their sizes), the PDFs ([`pdfs`], typeset by
//! [`crate::pdf`]), the SCORM packages ([`packages`]), the e-books ([`epubs`]) and the offline
//! copies ([`offline`]) are made from the same parsed documents; the zips are kept in the
//! [`PackageCache`]. [`common`] holds what all of them share, below every other module here.
//!
//! Rendering writes no output itself: it hands [`OutputFile`]s (and finished zips, to be copied
//! from the cache) to a [`Sink`] of the output stage.

mod catalogue;
pub mod common;
pub mod epubs;
mod glossary;
mod metadata;
pub mod offline;
pub mod packages;
mod page;
pub mod pdfs;
mod plans;
mod results;
pub mod search;
mod site_files;
mod site_page;
mod statement;
mod status_page;
pub mod theme;
mod version_switcher;
pub mod views;

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::config::{Config, VersionSpec};
use crate::content::terms::Glossary;
use crate::content::{Page, Site};
use crate::diag::Diagnostics;
use crate::i18n::I18n;
use crate::key::Lang;
use crate::manifest::VersionIndex;
use crate::markdown::{self, AlertLabels, PrepareOptions, Prepared};
use crate::output::OutputFile;
use crate::package::{PackageCache, zip};
use crate::pdf::{self, PdfBuild};
use crate::urls::Urls;
use crate::versions::LoadedVersion;

pub use site_files::summarise;
pub use theme::{Theme, load_theme};

/// Everything rendering reads, shared by all threads.
pub struct RenderContext<'a> {
    /// Every version of the site (for the version switcher and the banner), and the position
    /// of the one rendered.
    pub versions: &'a VersionIndex,
    pub current: usize,
    /// The position of the newest released version.
    pub latest: usize,
    /// The rendered version's entry in book.toml.
    pub spec: &'a VersionSpec,
    pub config: &'a Config,
    pub site: &'a Site,
    pub i18n: &'a I18n,
    pub theme: &'a Theme,
    pub urls: Urls,
    /// UI strings per language.
    pub strings: BTreeMap<Lang, BTreeMap<String, String>>,
    /// Parsed documents by (page index, language of the text).
    pub prepared: BTreeMap<(usize, Lang), Prepared>,
    /// The PDFs of each module and output page, by (page index, reader's language, edition).
    pub pdfs: BTreeMap<(usize, Lang, common::Edition), common::DownloadLink>,
    /// The SCORM package of each module and output page, by (page index, reader's language).
    pub packages: BTreeMap<(usize, Lang), common::DownloadLink>,
    /// The offline copy of the version in each language (linked from the home page).
    pub bundles: BTreeMap<Lang, common::DownloadLink>,
    /// The EPUB book of each output in each language (dated versions only).
    pub epubs: BTreeMap<(usize, Lang), common::DownloadLink>,
    /// Pages are rendered for an offline copy: `index.html` links, the offline search.
    pub offline: bool,
    /// The agreed terms of each translation language (the glossary pages).
    pub glossaries: &'a BTreeMap<Lang, Glossary>,
}

/// What the render stage does about PDFs.
#[derive(Clone, Copy)]
pub enum PdfMode<'a> {
    /// `--no-pdf` or `[pdf] enabled = false`: no PDFs and no links to them.
    Off,
    /// Pages link to PDFs that are typeset later, when asked for (the preview server, `check`).
    Deferred,
    /// PDFs are typeset with the pages.
    Compile(&'a PdfBuild),
}

/// What the render stage does about packages, e-books and offline copies (where book.toml has
/// them).
#[derive(Clone, Copy)]
pub enum PackageMode<'a> {
    /// Pages link to them; they are made when asked for (the preview server, `check`).
    OnRequest,
    /// They are made with the pages, or taken unchanged from the cache.
    Make(&'a PackageCache),
}

/// What the render stage makes beside the pages.
#[derive(Clone, Copy)]
pub struct Downloads<'a> {
    pub pdf: PdfMode<'a>,
    pub packages: PackageMode<'a>,
}

impl<'a> RenderContext<'a> {
    /// The context for rendering `version`, one of `versions`, from its parsed documents (PDF
    /// links are added by the caller).
    pub fn new(
        version: &'a LoadedVersion,
        versions: &'a VersionIndex,
        theme: &'a Theme,
        prepared: BTreeMap<(usize, Lang), Prepared>,
    ) -> Self {
        let LoadedVersion { spec, config, site, i18n, glossaries } = version;
        RenderContext {
            versions,
            current: versions.position(&site.version).expect("the index lists every rendered version"),
            latest: versions.latest(),
            spec,
            config,
            site,
            i18n,
            theme,
            urls: Urls { style: config.link_style },
            strings: config.langs().map(|lang| (lang.clone(), i18n.ui_strings(lang))).collect(),
            prepared,
            pdfs: BTreeMap::new(),
            packages: BTreeMap::new(),
            bundles: BTreeMap::new(),
            epubs: BTreeMap::new(),
            offline: false,
            glossaries,
        }
    }

    /// The prepared text a reader of `lang` gets for page `index`.
    pub fn prepared_for(&self, index: usize, lang: &Lang) -> Option<&Prepared> {
        let text_lang = &self.site.pages[index].text(lang).lang;
        self.prepared.get(&(index, text_lang.clone()))
    }
}

/// Receives each output file as soon as it is rendered (from any thread).
pub trait Sink: Sync {
    fn write(&self, file: OutputFile) -> anyhow::Result<()>;
    /// Writes the finished file `from` (a zip in the cache folder) as `path`, without reading
    /// it into memory.
    fn copy(&self, path: &str, from: &std::path::Path) -> anyhow::Result<()>;
}

/// Renders `version`, one of `versions`, handing every file to `sink`.
pub fn render_version(
    version: &LoadedVersion,
    versions: &VersionIndex,
    theme: &Theme,
    diags: &Diagnostics,
    sink: &dyn Sink,
    downloads: Downloads<'_>,
) -> anyhow::Result<BTreeMap<(usize, Lang), Prepared>> {
    let rendered = render_version_reusing(version, versions, theme, diags, sink, None, downloads)?;
    Ok(rendered.expect("a full render always renders"))
}

/// Some of a version's languages, for a build of some languages (`--lang`, or one part of a
/// site built in parallel jobs). Only their pages, PDFs and search indexes are made; what
/// describes every language of the version (its status pages, results export, media and search
/// entry file) is made whole, from the loaded site, which always holds every language.
pub struct Languages {
    /// The languages whose pages are rendered.
    pub rendered: std::collections::BTreeSet<Lang>,
    /// The previous output's search entry file of this version, whose other languages' indexes
    /// the build keeps (`None` for a part, which starts from nothing).
    pub kept_search: Option<Vec<u8>>,
}

/// Renders the languages `languages` of `version`, one of `versions`, handing every file to
/// `sink`.
pub fn render_version_languages(
    version: &LoadedVersion,
    versions: &VersionIndex,
    theme: &Theme,
    diags: &Diagnostics,
    sink: &dyn Sink,
    downloads: Downloads<'_>,
    languages: &Languages,
) -> anyhow::Result<BTreeMap<(usize, Lang), Prepared>> {
    let rendered = render(version, versions, theme, diags, sink, None, downloads, Some(languages))?;
    Ok(rendered.expect("a full render always renders"))
}

/// What an incremental render (the preview) may take from the previous render of a version
/// whose pages, titles and navigation did not change.
pub struct Reuse {
    /// The previous render's parsed documents.
    pub prepared: BTreeMap<(usize, Lang), Prepared>,
    /// Pages whose texts changed: only these (in every language) and the status pages are
    /// rendered again.
    pub changed: std::collections::BTreeSet<usize>,
}

/// Renders all of `version`, or with `reuse` only the pages whose texts changed.
/// Returns the parsed documents (for the next incremental render), or `None` without writing
/// anything when a changed text's headings changed, so that other pages' anchors must be
/// checked again: then a full render is needed.
pub fn render_version_reusing(
    version: &LoadedVersion,
    versions: &VersionIndex,
    theme: &Theme,
    diags: &Diagnostics,
    sink: &dyn Sink,
    reuse: Option<Reuse>,
    downloads: Downloads<'_>,
) -> anyhow::Result<Option<BTreeMap<(usize, Lang), Prepared>>> {
    render(version, versions, theme, diags, sink, reuse, downloads, None)
}

/// Renders `version` (see [`render_version_reusing`]); with `languages`, only those languages'
/// pages, PDFs and search indexes.
#[allow(clippy::too_many_arguments)]
fn render(
    version: &LoadedVersion,
    versions: &VersionIndex,
    theme: &Theme,
    diags: &Diagnostics,
    sink: &dyn Sink,
    reuse: Option<Reuse>,
    downloads: Downloads<'_>,
    languages: Option<&Languages>,
) -> anyhow::Result<Option<BTreeMap<(usize, Lang), Prepared>>> {
    let LoadedVersion { config, site, i18n, .. } = version;
    let pdf = downloads.pdf;
    let only = reuse.as_ref().map(|r| r.changed.clone());
    // The languages whose pages this render makes, in book.toml order.
    let rendered: Vec<&Lang> =
        config.langs().filter(|lang| languages.is_none_or(|l| l.rendered.contains(*lang))).collect();
    let prepared = match reuse {
        None => prepare_documents(config, site, i18n, diags, None, &rendered),
        Some(Reuse { mut prepared, changed }) => {
            let fresh = prepare_documents(config, site, i18n, diags, Some(&changed), &rendered);
            let same_anchors =
                fresh.iter().all(|(key, new)| prepared.get(key).is_some_and(|old| old.anchors == new.anchors));
            if !same_anchors {
                return Ok(None);
            }
            prepared.extend(fresh);
            prepared
        }
    };
    let mut ctx = RenderContext::new(version, versions, theme, prepared);
    ctx.pdfs = match pdf {
        PdfMode::Off => BTreeMap::new(),
        PdfMode::Deferred => pdfs::links(&ctx, None),
        // The preview re-renders changed texts only: their PDFs are typeset when asked for.
        PdfMode::Compile(_) if only.is_some() => pdfs::links(&ctx, None),
        PdfMode::Compile(build) => {
            let mut jobs = pdfs::plan_languages(&ctx, &rendered);
            // Typeset for their size only, not written (see `plan_described`).
            let described: std::collections::BTreeSet<String> = match languages {
                Some(_) => {
                    let described = pdfs::plan_described(&ctx, &rendered);
                    let paths = described.iter().map(|job| job.path.clone()).collect();
                    jobs.extend(described);
                    paths
                }
                None => Default::default(),
            };
            if build.emit_typst {
                for job in jobs.iter().filter(|job| !described.contains(&job.path)) {
                    sink.write(OutputFile {
                        path: format!("{}.typ", job.path),
                        bytes: job.main.text.clone().into_bytes(),
                    })?;
                }
            }
            pdf::check_glyphs(&jobs, &build.typesetter, diags);
            if diags.has_errors() {
                // The build fails anyway: do not spend minutes typesetting.
                BTreeMap::new()
            } else {
                let media = pdf::media(site.assets.iter().map(|(path, asset)| (path, &asset.bytes)));
                // Each PDF goes to the output as soon as it is made: a site's PDFs are never
                // held in memory together.
                let write = |file: pdf::PdfFile| match described.contains(&file.path) {
                    true => Ok(()),
                    false => sink.write(OutputFile { path: file.path, bytes: file.bytes }),
                };
                let sizes = build.compile(&jobs, &media, diags, site.version.as_str(), &write)?;
                // The results export lists the PDFs of every language; those of languages not
                // rendered here are kept from the previous output or made by another part.
                let mut links = pdfs::links(&ctx, None);
                links.retain(|(_, lang, _), _| !rendered.contains(&lang));
                links.extend(pdfs::links(&ctx, Some(&sizes)));
                links
            }
        }
    };

    // The packages for learning platforms, the e-books and the offline copies: made with every
    // build (or taken unchanged from the cache); where they are made on request (the preview,
    // `check`), and in an incremental render, pages link them without sizes.
    if config.packages {
        let make = match downloads.packages {
            PackageMode::Make(cache) if only.is_none() => Some(cache),
            _ => None,
        };
        // Those of languages not rendered here are kept from the previous output or made by
        // another part; the results export lists them all.
        let unmade: Vec<&Lang> = config.langs().filter(|lang| make.is_none() || !rendered.contains(lang)).collect();
        let links = |kind: &packages::PerPage, ctx: &RenderContext<'_>| -> anyhow::Result<_> {
            let mut links = match make {
                Some(cache) => kind.write(ctx, &rendered, cache, sink)?,
                None => BTreeMap::new(),
            };
            links.extend(kind.links_later(ctx, &unmade));
            Ok(links)
        };
        ctx.packages = links(&packages::SCORM, &ctx)?;
        ctx.epubs = links(&epubs::EPUB, &ctx)?;

        // The offline copies come last, made before the web pages: the home pages link them
        // with their sizes (the copies' own home pages do not link themselves).
        let made = |path: &str| match pdf {
            PdfMode::Compile(build) => build.made(path),
            _ => None,
        };
        let mut links = match make {
            Some(cache) => offline::write_bundles(&mut ctx, &rendered, &made, cache, sink)?,
            None => BTreeMap::new(),
        };
        for &lang in &unmade {
            let path = offline::bundle_path(config, site, lang);
            let file_name = offline::bundle_file_name(config, site, lang);
            links.insert(lang.clone(), common::DownloadLink { path, file_name, bytes: None });
        }
        ctx.bundles = links;
    }

    let sidebars = page::render_sidebars(&ctx)?;
    let keys: Vec<(usize, &Lang)> = (0..site.pages.len())
        .filter(|index| only.as_ref().is_none_or(|only| only.contains(index)))
        .flat_map(|index| rendered.iter().map(move |&lang| (index, lang)))
        .collect();
    // An incremental render keeps the previous index (the preview's search may lag behind an
    // edited paragraph until the next full build).
    if config.search && only.is_none() {
        let kept_search = languages.and_then(|l| l.kept_search.as_deref());
        render_pages_and_index(&ctx, &keys, &rendered, kept_search, &sidebars, diags, sink)?;
    } else {
        keys.par_iter().try_for_each(|&(index, lang)| {
            sink.write(page::render_page(&ctx, index, lang, markdown::View::Learner, &sidebars, diags)?)
        })?;
    }
    // Trainer views: not in the search index (they repeat their modules, with notes).
    keys.par_iter().filter(|&&(index, _)| ctx.site.has_trainer_view(index)).try_for_each(|&(index, lang)| {
        sink.write(page::render_page(&ctx, index, lang, markdown::View::Trainer, &sidebars, diags)?)
    })?;
    // Every language's status page shows every language's translations: a build of some
    // languages makes them all, so that they show the translations as they are now.
    for lang in config.langs() {
        sink.write(status_page::render_status_page(&ctx, lang, &sidebars)?)?;
    }
    // An incremental render only happens when titles, summaries and facts stayed the same, so
    // the catalogue does too.
    if only.is_none() {
        // The statement depends on book.toml and the strings, never on the texts.
        for &lang in &rendered {
            sink.write(statement::render_accessibility_page(&ctx, lang, &sidebars)?)?;
            sink.write(catalogue::render_catalogue_page(&ctx, lang, &sidebars)?)?;
            if !ctx.glossaries.is_empty() {
                sink.write(glossary::render_glossary_page(&ctx, lang, &sidebars)?)?;
            }
        }
        for file in results::results_files(&ctx)? {
            sink.write(file)?;
        }
        for asset in site.assets.values() {
            sink.write(OutputFile {
                path: format!("{}/media/{}", site.version, asset.path),
                bytes: asset.bytes.clone(),
            })?;
        }
    }
    Ok(Some(ctx.prepared))
}

/// Renders the pages `keys` into `sink`, reading each one for search on the thread that
/// rendered it, and writes the version's search bundle. Language by language: a language's
/// index is built while the next one's pages render, and written when it is built, so at most
/// two languages' pages and one language's index are held in memory.
#[allow(clippy::too_many_arguments)]
fn render_pages_and_index(
    ctx: &RenderContext<'_>,
    keys: &[(usize, &Lang)],
    rendered: &[&Lang],
    kept_search: Option<&[u8]>,
    sidebars: &page::Sidebars,
    diags: &Diagnostics,
    sink: &dyn Sink,
) -> anyhow::Result<()> {
    let site = ctx.site;
    std::thread::scope(|scope| {
        let langs: Vec<&str> = ctx.config.langs().map(Lang::as_str).collect();
        let assets = std::thread::Builder::new()
            .spawn_scoped(scope, move || search::prepare_script_assets(&langs))
            .map_err(no_thread)?;
        let mut bundle = search::Bundle::default();
        if let Some(previous) = kept_search {
            bundle
                .keep_languages(previous, |code| !rendered.iter().any(|lang| lang.as_str() == code))
                .map_err(|problem| anyhow::anyhow!("cannot read the previous output's search index: {problem}"))?;
        }
        let mut building: Option<std::thread::ScopedJoinHandle<'_, _>> = None;
        for &lang in rendered {
            let lang_keys: Vec<(usize, &Lang)> = keys.iter().filter(|(_, l)| *l == lang).copied().collect();
            let pages: Vec<search::IndexedPage> = lang_keys
                .par_iter()
                .map(|&(index, lang)| {
                    let (path, html) =
                        page::render_page_html(ctx, index, lang, markdown::View::Learner, sidebars, diags)?;
                    let url = search::page_url(lang, &site.pages[index].path, ctx.config.link_style);
                    let page = search::IndexedPage::new(lang.as_str(), &url, &html);
                    sink.write(OutputFile { path, bytes: html.into_bytes() })?;
                    Ok(page)
                })
                .collect::<anyhow::Result<_>>()?;
            let indexer = std::thread::Builder::new()
                .spawn_scoped(scope, move || search::index_language(lang, pages))
                .map_err(no_thread)?;
            if let Some(previous) = building.replace(indexer) {
                bundle.add(join(previous)?, &site.version).into_iter().try_for_each(|file| sink.write(file))?;
            }
        }
        if let Some(last) = building {
            bundle.add(join(last)?, &site.version).into_iter().try_for_each(|file| sink.write(file))?;
        }
        assets.join().map_err(|_| anyhow::anyhow!("the search indexer panicked"))??;
        sink.write(bundle.into_entry(&site.version)?)
    })
}

/// A thread the system refused (it does when memory is short): an error, not a panic.
fn no_thread(error: std::io::Error) -> anyhow::Error {
    anyhow::anyhow!("cannot start a thread: {error}\n  hint: the system is short of memory or threads")
}

fn join(
    indexer: std::thread::ScopedJoinHandle<'_, anyhow::Result<search::LanguagePart>>,
) -> anyhow::Result<search::LanguagePart> {
    indexer.join().map_err(|_| anyhow::anyhow!("the search indexer panicked"))?
}

/// Renders the files shared by all versions that depend on the index and the working tree's
/// `config` only: sitemap.xml, robots.txt, versions.json and the theme's static files.
pub fn render_shared(versions: &VersionIndex, config: &Config, theme: &Theme, sink: &dyn Sink) -> anyhow::Result<()> {
    site_files::render_shared_files(versions, config, theme, sink)
}

/// Renders the files that lead to the latest version, which is `latest`: the root language
/// picker, the 404 page and (unless `latest/` holds copies) the `latest/` redirects.
pub fn render_latest_files(
    latest: &LoadedVersion,
    versions: &VersionIndex,
    theme: &Theme,
    sink: &dyn Sink,
) -> anyhow::Result<()> {
    site_files::render_latest_files(&RenderContext::new(latest, versions, theme, BTreeMap::new()), sink)
}

/// Makes one package, e-book or offline copy of `version` on request (the preview server makes them
/// when they are downloaded, from the text as it is then; a copy holds the PDFs `pdf` gives, those
/// typeset so far). `None` when `path` is not a package of that version.
pub fn render_package(
    version: &LoadedVersion,
    versions: &VersionIndex,
    theme: &Theme,
    path: &str,
    pdf: &(dyn Fn(&str) -> Option<Vec<u8>> + Sync),
) -> Option<Vec<u8>> {
    let LoadedVersion { config, site, i18n, .. } = version;
    if !config.packages {
        return None;
    }
    let langs: Vec<&Lang> = config.langs().collect();
    let prepared = prepare_documents(config, site, i18n, &Diagnostics::new(), None, &langs);
    let mut ctx = RenderContext::new(version, versions, theme, prepared);
    if let Some(lang) = config.langs().find(|lang| offline::bundle_path(config, site, lang) == path) {
        ctx.pdfs = pdfs::links(&ctx, None);
        // A fresh context: no package links to leave out.
        ctx.urls.style = crate::config::LinkStyle::IndexHtml;
        ctx.offline = true;
        return offline::bundle_entries(&ctx, lang, pdf).and_then(|entries| zip::write(&entries)).ok();
    }
    [&packages::SCORM, &epubs::EPUB].into_iter().find_map(|kind| kind.make_at(&ctx, path))?.ok()
}

/// Typesets one PDF of `version` on request (the preview server makes PDFs when they are
/// opened, not with every edit). `None` when `path` is not a PDF of that version or it failed
/// (its errors are in `diags`).
pub fn render_pdf(
    version: &LoadedVersion,
    versions: &VersionIndex,
    theme: &Theme,
    build: &PdfBuild,
    path: &str,
    diags: &Diagnostics,
) -> Option<Vec<u8>> {
    let LoadedVersion { config, site, i18n, .. } = version;
    let langs: Vec<&Lang> = config.langs().collect();
    let prepared = prepare_documents(config, site, i18n, &Diagnostics::new(), None, &langs);
    let ctx = RenderContext::new(version, versions, theme, prepared);
    let jobs: Vec<_> = pdfs::plan(&ctx).into_iter().filter(|job| job.path == path).collect();
    if jobs.is_empty() {
        return None;
    }
    pdf::check_glyphs(&jobs, &build.typesetter, diags);
    if diags.has_errors() {
        return None;
    }
    let media = pdf::media(site.assets.iter().map(|(path, asset)| (path, &asset.bytes)));
    let made = std::sync::Mutex::new(None);
    let keep = |file: pdf::PdfFile| {
        *made.lock().unwrap_or_else(|e| e.into_inner()) = Some(file.bytes);
        Ok(())
    };
    if let Err(error) = build.compile(&jobs, &media, diags, site.version.as_str(), &keep) {
        diags.push(crate::diag::Diagnostic::error(path, format!("{error:#}")).in_category("pdf"));
        return None;
    }
    made.into_inner().unwrap_or_else(|e| e.into_inner())
}

/// Parses every document (source and translations) once, in parallel.
fn prepare_documents(
    config: &Config,
    site: &Site,
    i18n: &I18n,
    diags: &Diagnostics,
    only: Option<&std::collections::BTreeSet<usize>>,
    rendered: &[&Lang],
) -> BTreeMap<(usize, Lang), Prepared> {
    let labels: BTreeMap<Lang, AlertLabels> = config
        .langs()
        .map(|lang| {
            let m = |id: &str| i18n.message(lang, id);
            (
                lang.clone(),
                AlertLabels {
                    note: m("alert-note"),
                    tip: m("alert-tip"),
                    important: m("alert-important"),
                    warning: m("alert-warning"),
                    caution: m("alert-caution"),
                    task_done: m("task-done"),
                    trainer_note: m("trainer-note"),
                    materials: m("activity-materials"),
                    handout: m("activity-handout"),
                    minutes: m("activity-minutes-unit"),
                    formats: crate::content::activities::Format::ALL
                        .iter()
                        .map(|f| m(&format!("activity-format-{}", f.name())))
                        .collect(),
                },
            )
        })
        .collect();
    let documents: Vec<(usize, &Page, &crate::content::Document)> = site
        .pages
        .iter()
        .enumerate()
        .filter(|(index, _)| only.is_none_or(|only| only.contains(index)))
        .flat_map(|(index, page)| {
            std::iter::once(&page.source).chain(page.translations.values()).map(move |doc| (index, page, doc))
        })
        // The texts the rendered languages' readers get (a fallback page needs the source).
        .filter(|(_, page, doc)| rendered.iter().any(|lang| page.text(lang).lang == doc.lang))
        .collect();
    documents
        .par_iter()
        .map(|&(index, _, doc)| {
            let options = PrepareOptions {
                raw_html: config.raw_html,
                remote_images: config.remote_images,
                alert_labels: &labels[&doc.lang],
            };
            ((index, doc.lang.clone()), markdown::prepare(doc, &options, diags))
        })
        .collect()
}
