//! The offline copy of one version in one language: a zip with one top folder that holds the
//! language's pages (learner and trainer views, the catalogue, the accessibility statement, the
//! glossary), the version's media, the language's PDFs, the theme's files and a search that
//! works from `file://`. A trainer unzips it onto a USB stick or a laptop and opens
//! `index.html`: nothing loads from the network.
//!
//! The pages are the web pages rendered again from the same prepared documents with
//! `index.html` links (a browser opening a folder from the file system shows a listing, not its
//! page). Links that lead out of the copy (other languages, other versions, the translation
//! status, the SCORM packages and e-books) lead to the web site when book.toml gives its address, and are
//! left as text (an `<a>` without `href`) when it does not. The search is a classic script
//! (`search-index.js`, read by a `<script>` element: `fetch` and modules are refused on
//! `file://`) holding the language's words as the site's search files them (see
//! [`super::search::offline_index`]).

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use crate::config::{Config, LinkStyle};
use crate::content::Site;
use crate::diag::Diagnostics;
use crate::key::Lang;
use crate::markdown::View;
use crate::package::PackageCache;
use crate::package::is_compressible;
use crate::package::zip::{Entry, Method};
use crate::slug::ascii_name;

use super::common::{DownloadLink, SEARCH_INDEX, ascii_prefix, ascii_version};
use super::{RenderContext, Sink, catalogue, glossary, page, search, statement};

/// `innotrain-offline-el-2.0.zip`: ASCII only, like the packages.
pub fn bundle_file_name(config: &Config, site: &Site, lang: &Lang) -> String {
    format!("{}-offline-{}-{}.zip", ascii_prefix(config), ascii_name(lang.as_str(), "lang"), ascii_version(site))
}

/// The copy's one top folder (`innotrain-el-2.0/`): unzipping never scatters files.
fn top_folder(config: &Config, site: &Site, lang: &Lang) -> String {
    format!("{}-{}-{}", ascii_prefix(config), ascii_name(lang.as_str(), "lang"), ascii_version(site))
}

/// The output path of the copy in `lang`: in the language's folder, beside its home page.
pub fn bundle_path(config: &Config, site: &Site, lang: &Lang) -> String {
    format!("{}/{lang}/{}", site.version, bundle_file_name(config, site, lang))
}

/// Makes the copies of `langs` (or takes them unchanged from `cache`), one after the other,
/// handing each to `sink` when it is there; `pdf` gives back a PDF this build made, by output
/// path. Returns their links (with sizes) for the home pages.
///
/// `ctx` is switched to `index.html` links and offline search while the copies render, and
/// switched back before returning.
pub fn write_bundles(
    ctx: &mut RenderContext<'_>,
    langs: &[&Lang],
    pdf: &(dyn Fn(&str) -> Option<Vec<u8>> + Sync),
    cache: &PackageCache,
    sink: &dyn Sink,
) -> anyhow::Result<BTreeMap<Lang, DownloadLink>> {
    let style = ctx.urls.style;
    let packages = std::mem::take(&mut ctx.packages);
    let epubs = std::mem::take(&mut ctx.epubs);
    ctx.urls.style = LinkStyle::IndexHtml;
    ctx.offline = true;
    let made = langs
        .iter()
        .map(|&lang| {
            let path = bundle_path(ctx.config, ctx.site, lang);
            let file_name = bundle_file_name(ctx.config, ctx.site, lang);
            let size = super::packages::deliver(&path, &bundle_entries(ctx, lang, pdf)?, cache, sink)?;
            Ok((lang.clone(), DownloadLink { path, file_name, bytes: Some(size) }))
        })
        .collect::<anyhow::Result<BTreeMap<_, _>>>();
    ctx.urls.style = style;
    ctx.offline = false;
    ctx.packages = packages;
    ctx.epubs = epubs;
    made
}

/// The files of the copy in `lang` (with `ctx` in offline mode), in the order of its zip: its
/// PDFs are read when the zip is made, one at a time.
pub fn bundle_entries<'a>(
    ctx: &'a RenderContext<'_>,
    lang: &Lang,
    pdf: &'a (dyn Fn(&str) -> Option<Vec<u8>> + Sync),
) -> anyhow::Result<Vec<Entry<'a>>> {
    let top = top_folder(ctx.config, ctx.site, lang);
    let version = ctx.site.version.as_str();
    // The web pages' mistakes were reported already.
    let quiet = Diagnostics::new();
    let sidebars = page::render_sidebars(ctx)?;
    let site = ctx.site;
    let mut pages: Vec<(String, String, bool)> = (0..site.pages.len())
        .into_par_iter()
        .flat_map_iter(|index| {
            let trainer = site.has_trainer_view(index).then_some(View::Trainer);
            std::iter::once(View::Learner).chain(trainer).map(move |view| (index, view))
        })
        .map(|(index, view)| {
            let (path, html) = page::render_page_html(ctx, index, lang, view, &sidebars, &quiet)?;
            Ok((path, html, view == View::Learner))
        })
        .collect::<anyhow::Result<_>>()?;
    let mut site_pages = vec![
        statement::render_accessibility_page(ctx, lang, &sidebars)?,
        catalogue::render_catalogue_page(ctx, lang, &sidebars)?,
    ];
    if !ctx.glossaries.is_empty() {
        site_pages.push(glossary::render_glossary_page(ctx, lang, &sidebars)?);
    }
    for file in site_pages {
        pages.push((file.path, String::from_utf8(file.bytes)?, false));
    }

    let mut copy = CopyZip { top, entries: Vec::new(), files: BTreeSet::new() };
    let start = format!("{version}/{lang}/index.html");
    copy.add("index.html", start_page(ctx, lang, &start).into_bytes());
    for (name, bytes) in &ctx.theme.static_files {
        copy.add(&format!("static/{name}"), &bytes[..]);
    }
    copy.add("static/highlight.css", crate::markdown::highlight::stylesheet().as_bytes());
    for asset in site.assets.values() {
        copy.add(&format!("{version}/media/{}", asset.path), &asset.bytes[..]);
    }
    // The PDFs this build made, each read back from where the build left it when the zip is
    // made (a copy never holds its PDFs together).
    for link in ctx.pdfs.iter().filter(|((_, l, _), _)| l == lang).map(|(_, link)| link) {
        if pdf(&link.path).is_some() {
            let path = link.path.clone();
            copy.add_later(&link.path, move || {
                pdf(&path).ok_or_else(|| anyhow::anyhow!("the PDF `{path}` is gone from the cache"))
            });
        }
    }
    let index_path = format!("{version}/{lang}/{SEARCH_INDEX}");
    let mut files = copy.files.clone();
    files.insert(index_path.clone());
    files.extend(pages.iter().map(|(path, _, _)| path.clone()));
    let web = web_root(ctx);
    // Searched as on the web: the learner pages (not the trainer views, not the site's own
    // pages), in the order of the site.
    let pages: Vec<(String, String, bool)> = pages
        .into_iter()
        .map(|(path, html, learner)| {
            let html = keep_links_inside(&html, &path, &files, web.as_deref());
            (path, html, learner)
        })
        .collect();
    let home = format!("{version}/{lang}/");
    let searched: Vec<(String, &str)> = pages
        .iter()
        .filter(|(_, _, learner)| *learner)
        .map(|(path, html, _)| (path.strip_prefix(&home).unwrap_or(path).to_string(), html.as_str()))
        .collect();
    let index = search::offline_index(lang, &searched);
    for (path, html, _) in pages {
        copy.add(&path, html.into_bytes());
    }
    copy.add(&index_path, index.into_bytes());
    Ok(copy.entries)
}

/// A copy's files, in the order of its zip: its top folder and the paths (below it) of the
/// files added.
struct CopyZip<'a> {
    top: String,
    entries: Vec<Entry<'a>>,
    files: BTreeSet<String>,
}

impl<'a> CopyZip<'a> {
    fn add(&mut self, path: &str, bytes: impl Into<Cow<'a, [u8]>>) {
        self.entries.push(Entry::new(format!("{}/{path}", self.top), bytes, method(path)));
        self.files.insert(path.to_string());
    }

    fn add_later(&mut self, path: &str, read: impl Fn() -> anyhow::Result<Vec<u8>> + Sync + 'a) {
        self.entries.push(Entry::later(format!("{}/{path}", self.top), method(path), read));
        self.files.insert(path.to_string());
    }
}

/// Deflated, unless compressed already.
fn method(path: &str) -> Method {
    if is_compressible(path) { Method::Deflated } else { Method::Stored }
}

/// `https://example.org/innotrain/`: where links that leave the copy lead; `None` without a
/// base URL (they are then left as text).
fn web_root(ctx: &RenderContext<'_>) -> Option<String> {
    (!ctx.config.base_url.is_empty()).then(|| format!("{}{}", ctx.config.base_url, ctx.config.base_path))
}

/// The copy's top `index.html`: it opens the language's home page.
fn start_page(ctx: &RenderContext<'_>, lang: &Lang, home: &str) -> String {
    let escape = crate::markdown::escape;
    let title = escape(&ctx.config.title);
    let open = escape(&ctx.i18n.message(lang, "offline-open"));
    let home = escape(home);
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"refresh\" content=\"0; url={home}\">\n<title>{title}</title>\n\
         <link rel=\"stylesheet\" href=\"static/style.css\">\n</head>\n<body>\n\
         <main id=\"main-content\">\n<h1>{title}</h1>\n<p><a href=\"{home}\">{open}</a></p>\n</main>\n</body>\n</html>\n",
        dir = ctx.config.dir(lang),
    )
}

/// The page at output path `path` with every link and source that leads out of the copy
/// (`files`: the copy's paths) sent to the web site below `web`, or without `href` when there
/// is none. Only innotrain's own attribute syntax occurs (`name="value"`, values escaped): a
/// quote inside a text is `&quot;`.
fn keep_links_inside(html: &str, path: &str, files: &BTreeSet<String>, web: Option<&str>) -> String {
    let folder = path.rsplit_once('/').map_or("", |(folder, _)| folder);
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    // One pass over the page: each `="` is looked at once (searching for each attribute on its
    // own searched the rest of the page again for every link).
    while let Some(equals) = rest.find("=\"") {
        let value_start = equals + 2;
        let attr = match &rest[..equals] {
            before if before.ends_with(" href") => " href=\"",
            before if before.ends_with(" src") => " src=\"",
            _ => {
                out.push_str(&rest[..value_start]);
                rest = &rest[value_start..];
                continue;
            }
        };
        let at = value_start - attr.len();
        let Some(value_len) = rest[value_start..].find('"') else { break };
        let value = &rest[value_start..value_start + value_len];
        out.push_str(&rest[..at]);
        let is_href = attr == " href=\"";
        match (leaves_copy(value, folder, files), web) {
            (Link::Inside, _) => {
                out.push_str(attr);
                out.push_str(value);
                out.push('"');
            }
            // An address elsewhere may be followed; a remote image would load from the network.
            (Link::Elsewhere, _) if is_href => {
                out.push_str(attr);
                out.push_str(value);
                out.push('"');
            }
            (Link::Site(target), Some(web)) if is_href => {
                let target = target.strip_suffix("index.html").unwrap_or(&target);
                out.push_str(attr);
                out.push_str(&crate::markdown::escape(&format!("{web}{}", crate::urls::encode_path(target))));
                out.push('"');
            }
            _ => {}
        }
        rest = &rest[value_start + value_len + 1..];
    }
    out.push_str(rest);
    out
}

/// Where a link leads from the copy.
enum Link {
    /// A fragment, or a file of the copy.
    Inside,
    /// An address with a scheme (`https:`, `mailto:`).
    Elsewhere,
    /// A file of the web site that the copy does not hold (its output path; empty for the
    /// site's root).
    Site(String),
}

/// Where the link `value` on a page in `folder` leads, given the copy's `files`.
fn leaves_copy(value: &str, folder: &str, files: &BTreeSet<String>) -> Link {
    let decoded = html_escape::decode_html_entities(value);
    let link = decoded.split(['#', '?']).next().unwrap_or("");
    if link.is_empty() {
        return Link::Inside;
    }
    let has_scheme = link.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.contains('/') && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    if has_scheme || link.starts_with("//") {
        return Link::Elsewhere;
    }
    if link.starts_with('/') {
        return Link::Site(String::new());
    }
    let mut parts: Vec<&str> = folder.split('/').filter(|part| !part.is_empty()).collect();
    for segment in link.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Link::Site(String::new());
                }
            }
            segment => parts.push(segment),
        }
    }
    let mut target = crate::urls::decode_path(&parts.join("/"));
    if link.ends_with('/') || target.is_empty() {
        target.push_str(if target.is_empty() { "index.html" } else { "/index.html" });
    }
    if files.contains(&target) { Link::Inside } else { Link::Site(target) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_out_of_the_copy_lead_to_the_web_or_become_text() {
        let files: BTreeSet<String> =
            ["2.0/el/index.html", "2.0/el/io1/index.html", "2.0/media/a b.png"].into_iter().map(String::from).collect();
        let html = r##"<a href="../index.html">home</a> <a href="../../de/io1/index.html">de</a> <img src="../../media/a%20b.png"> <a href="#x">x</a> <a href="https://ec.europa.eu/">eu</a> <a href="/2.0/el/">abs</a> <a href="pdf%20x.pdf">pdf</a> <img src="https://example.com/x.png">"##;
        let page = "2.0/el/io1/index.html";
        let with_web = keep_links_inside(html, page, &files, Some("https://example.org/t/"));
        assert!(with_web.contains(r#"<a href="../index.html">home</a>"#), "{with_web}");
        assert!(with_web.contains(r#"<a href="https://example.org/t/2.0/de/io1/">de</a>"#), "{with_web}");
        assert!(with_web.contains(r#"<img src="../../media/a%20b.png">"#), "{with_web}");
        assert!(with_web.contains(r##"<a href="#x">x</a>"##), "{with_web}");
        assert!(with_web.contains(r#"<a href="https://ec.europa.eu/">eu</a>"#), "{with_web}");
        assert!(with_web.contains(r#"<a href="https://example.org/t/">abs</a>"#), "{with_web}");
        assert!(with_web.contains(r#"<a href="https://example.org/t/2.0/el/io1/pdf%20x.pdf">pdf</a>"#), "{with_web}");
        assert!(with_web.contains("<img>"), "{with_web}");
        let without = keep_links_inside(html, page, &files, None);
        assert!(without.contains("<a>de</a>"), "{without}");
        assert!(without.contains("<a>pdf</a>"), "{without}");
        assert!(without.contains(r#"<a href="../index.html">home</a>"#), "{without}");
    }
}
