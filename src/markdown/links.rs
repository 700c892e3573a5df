//! Stage 4b: prepared events → HTML for one reader.
//!
//! Relative links to `.md` files become links to the target page **in the reader's language**
//! (its fallback page when it is not translated); links to other content files become links to
//! the copied asset; images take the reader's language variant (`x.el.svg`) when there is one.
//! Broken links and missing anchors are diagnostics (errors unless book.toml's `[check]` makes
//! them warnings); either way the page never carries a dead link: a link that leads nowhere is
//! written as its text, an image that does not exist as its alt text, and a link to a missing
//! anchor of another page leads to that page. The PDF back end resolves links with the same
//! rules through [`resolve_target`].

use std::collections::{BTreeMap, BTreeSet};

use pulldown_cmark::{CowStr, Event, Tag, TagEnd, html};

use crate::content::{Document, Page, Site};
use crate::diag::{Diagnostic, Diagnostics, did_you_mean};
use crate::key::Lang;
use crate::urls::{self, Urls};

use super::safety::{self, UrlKind};
use super::{Prepared, View};

/// Looks up the anchors of page `index` as read in `lang`.
pub type AnchorLookup<'a> = dyn Fn(usize, &Lang) -> Option<&'a BTreeSet<String>> + Sync + 'a;

/// Everything link resolution needs to know about where a text is shown.
pub struct LinkContext<'a> {
    pub site: &'a Site,
    /// The page being written (its URL is the base of every relative link).
    pub page: &'a Page,
    /// The text being rendered (a translation, or the source as a fallback).
    pub doc: &'a Document,
    pub reader: &'a Lang,
    pub urls: Urls,
    pub anchors: &'a AnchorLookup<'a>,
    /// Where the HTML is read: on the site, or inside a package.
    pub place: Place<'a>,
}

/// The folder of a package that holds the content's media (`media/io3-x/images/cycle.svg`).
pub const PACKAGE_MEDIA_DIR: &str = "media/";

/// Where a page's HTML is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place<'a> {
    /// On the site: links to pages and media are relative to the page.
    Site,
    /// Inside a package (a SCORM package) that holds the content's media under `media/` beside
    /// the page and no other page: links to pages lead to the web site at `web` (the reader's
    /// language folder of the version, `https://example.org/2.0/el/`), or nowhere without a
    /// base URL (their text stays).
    Package { web: Option<&'a str> },
    /// Inside an EPUB book: pages that are chapters of the book (page index → chapter file) are
    /// linked inside it, other pages lead to the web site at `web` as in a package; images are
    /// under `media/`, other files and images from elsewhere are not in a book (readers need
    /// not open them): links to files lead to `web_media` (the version's media folder on the
    /// web site) or nowhere, and outside images leave their alt text.
    Book { web: Option<&'a str>, web_media: Option<&'a str>, chapters: &'a BTreeMap<usize, String> },
}

/// Writes the HTML of `prepared` for the reader in `ctx`, as `view` shows it.
pub fn render_html(prepared: &Prepared, ctx: &LinkContext<'_>, view: View, diags: &Diagnostics) -> String {
    // The number of each link and image among the prepared events (the view may leave some
    // out), for the offsets their errors are reported at.
    let mut numbers = Vec::with_capacity(prepared.events.len());
    let mut count = 0;
    for event in &prepared.events {
        numbers.push(count);
        if matches!(event, Event::Start(Tag::Link { .. } | Tag::Image { .. })) {
            count += 1;
        }
    }
    // A link or image that leads nowhere loses its tags and keeps its text. One flag per open
    // link or image finds the matching end: they nest (an autolink inside a link's text, an
    // image in another's alt text), and dropping the inner end instead of the outer one left
    // `<em><a …>x</em></a>`.
    let (mut links_dropped, mut images_dropped): (Vec<bool>, Vec<bool>) = (Vec::new(), Vec::new());
    let events = super::facilitation::view_events(prepared, view).into_iter().filter_map(|(event, index)| {
        let link_number = index.map_or(0, |i| numbers[i]);
        match event {
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                let offset = prepared.link_offsets.get(link_number).copied().unwrap_or(0);
                if !super::is_resolvable(link_type) {
                    links_dropped.push(false);
                    return Some(Event::Start(Tag::Link { link_type, dest_url, title, id }));
                }
                let href = resolve(&dest_url, false, prepared, ctx, offset, diags);
                links_dropped.push(matches!(href, Href::Nowhere));
                match href {
                    Href::AsWritten => Some(Event::Start(Tag::Link { link_type, dest_url, title, id })),
                    Href::To(href) => Some(Event::Start(Tag::Link { link_type, dest_url: href.into(), title, id })),
                    Href::Nowhere => None,
                }
            }
            Event::End(TagEnd::Link) if links_dropped.pop() == Some(true) => None,
            Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
                let offset = prepared.link_offsets.get(link_number).copied().unwrap_or(0);
                let href = resolve(&dest_url, true, prepared, ctx, offset, diags);
                images_dropped.push(matches!(href, Href::Nowhere));
                match href {
                    Href::AsWritten => Some(Event::Start(Tag::Image { link_type, dest_url, title, id })),
                    Href::To(href) => Some(Event::Start(Tag::Image { link_type, dest_url: href.into(), title, id })),
                    Href::Nowhere => {
                        // An image without alt text is named by its file.
                        let name = dest_url.rsplit('/').next().unwrap_or_default().to_string();
                        Some(Event::Text(CowStr::from(format!("[{name}]"))))
                            .filter(|_| image_has_no_alt(prepared, link_number))
                    }
                }
            }
            Event::End(TagEnd::Image) if images_dropped.pop() == Some(true) => None,
            other => Some(other),
        }
    });
    let mut out = String::new();
    html::push_html(&mut out, super::html_events(events, prepared).into_iter());
    out
}

/// Whether the `n`th link or image of the document is an image without alt text.
fn image_has_no_alt(prepared: &Prepared, n: usize) -> bool {
    let mut seen = 0;
    let mut events = prepared.events.iter();
    while let Some(event) = events.next() {
        match event {
            Event::Start(Tag::Link { .. }) => seen += 1,
            Event::Start(Tag::Image { .. }) => {
                if seen == n {
                    return matches!(events.next(), Some(Event::End(TagEnd::Image)));
                }
                seen += 1;
            }
            _ => {}
        }
    }
    false
}

/// What a relative link or image in a document points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Not a relative link: an external URL, `mailto:`, or a fragment-less empty link; kept as
    /// written.
    AsWritten,
    /// An anchor on the same page.
    Anchor(String),
    /// A page that exists but could not be loaded (its errors are reported elsewhere).
    Nowhere,
    /// Another page (by index), with an optional fragment.
    Page { index: usize, fragment: Option<String> },
    /// A content asset (the reader's language variant when there is one), by content path.
    Asset { path: String, fragment: Option<String> },
}

/// An author's mistake found while resolving, and what the page shows instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broken {
    pub message: String,
    pub hint: String,
    /// `links`, `anchors` or `images`: book.toml's `[check]` sets how severe each is.
    pub category: &'static str,
    /// Where the link still leads: the target page when only its anchor is missing.
    pub fallback: Option<Target>,
    /// The mistake is in another file than the link: (path, line, col) of where to report it.
    pub elsewhere: Option<Box<(String, usize, usize)>>,
}

impl Broken {
    fn new(category: &'static str, message: String, hint: impl Into<String>) -> Self {
        Self { message, hint: hint.into(), category, fallback: None, elsewhere: None }
    }

    /// The diagnostic, at the link (`offset` in `doc`) unless the mistake is elsewhere.
    pub fn diagnostic(&self, doc: &Document, offset: usize) -> Diagnostic {
        let diagnostic = match &self.elsewhere {
            Some(place) => Diagnostic::error(&place.0, &self.message).at(place.1, place.2),
            None => Diagnostic::error(&doc.path, &self.message).at_offset(&doc.text, offset),
        };
        diagnostic.in_category(self.category).with_hint(&self.hint)
    }
}

/// What a link or image becomes on the page.
enum Href {
    /// Kept as written (external links, same-page anchors).
    AsWritten,
    To(String),
    /// Leads nowhere: written as its text.
    Nowhere,
}

/// The href for `dest` as written in the document; a mistake is reported here, at the link.
fn resolve(
    dest: &str,
    is_image: bool,
    prepared: &Prepared,
    ctx: &LinkContext<'_>,
    offset: usize,
    diags: &Diagnostics,
) -> Href {
    let target = match resolve_target(dest, is_image, prepared, ctx) {
        Ok(target) => target,
        Err(broken) => {
            diags.push(broken.diagnostic(ctx.doc, offset));
            broken.fallback.unwrap_or(Target::Nowhere)
        }
    };
    match target {
        // A book holds every image it shows (readers need not load any from the network).
        Target::AsWritten if is_image && matches!(ctx.place, Place::Book { .. }) => Href::Nowhere,
        Target::AsWritten | Target::Anchor(_) => Href::AsWritten,
        Target::Nowhere => Href::Nowhere,
        Target::Page { index, fragment } => {
            let target = &ctx.site.pages[index].path;
            let mut href = match ctx.place {
                Place::Site => ctx.urls.page(&ctx.page.path, target),
                Place::Package { web: Some(web) } => format!("{web}{}", urls::encode_path(target)),
                Place::Package { web: None } => return Href::Nowhere,
                Place::Book { chapters, .. } if chapters.contains_key(&index) => chapters[&index].clone(),
                Place::Book { web: Some(web), .. } => format!("{web}{}", urls::encode_path(target)),
                Place::Book { web: None, .. } => return Href::Nowhere,
            };
            if let Some(fragment) = fragment {
                href.push('#');
                href.push_str(&urls::encode_path(&fragment));
            }
            Href::To(href)
        }
        Target::Asset { path, fragment } => {
            let mut href = match ctx.place {
                Place::Site => ctx.urls.media(&ctx.page.path, &path),
                Place::Package { .. } => format!("{PACKAGE_MEDIA_DIR}{}", urls::encode_path(&path)),
                Place::Book { .. } if is_image => format!("{PACKAGE_MEDIA_DIR}{}", urls::encode_path(&path)),
                Place::Book { web_media: Some(web_media), .. } => format!("{web_media}{}", urls::encode_path(&path)),
                Place::Book { web_media: None, .. } => return Href::Nowhere,
            };
            if let Some(fragment) = fragment {
                href.push('#');
                href.push_str(&fragment);
            }
            Href::To(href)
        }
    }
}

/// Resolves a link or image destination of the document in `ctx` for its reader; an `Err` is
/// the author's mistake.
pub fn resolve_target(
    dest: &str,
    is_image: bool,
    prepared: &Prepared,
    ctx: &LinkContext<'_>,
) -> Result<Target, Broken> {
    if safety::classify_url(dest) != UrlKind::Relative {
        return Ok(Target::AsWritten);
    }
    let (path, fragment) = match dest.split_once('#') {
        Some((path, fragment)) => (path, Some(fragment)),
        None => (dest, None),
    };
    let path = path.split('?').next().unwrap_or("");
    if path.is_empty() {
        let fragment = fragment.unwrap_or("");
        if fragment.is_empty() {
            return Ok(Target::AsWritten);
        }
        if !prepared.anchors.contains(fragment) {
            return Err(Broken::new(
                "anchors",
                format!("anchor `#{fragment}` does not exist on this page"),
                anchor_hint(fragment, &prepared.anchors),
            ));
        }
        return Ok(Target::Anchor(fragment.to_string()));
    }
    let doc_dir = ctx.doc.path.strip_prefix("content/").unwrap_or(&ctx.doc.path);
    let doc_dir = doc_dir.rsplit_once('/').map_or("", |(dir, _)| dir);
    let Some(target) = urls::join_content_path(doc_dir, &urls::decode_path(path)) else {
        return Err(Broken::new(
            if is_image { "images" } else { "links" },
            format!("link `{dest}` points outside the content folder"),
            "link only to files inside `content/`",
        ));
    };

    if target.ends_with(".md") {
        if is_image {
            return Err(Broken::new(
                "images",
                format!("image `{dest}` is a Markdown file"),
                "images must be SVG, PNG, JPEG or WebP files",
            ));
        }
        return resolve_page_link(dest, &target, fragment, ctx);
    }
    let category = if is_image { "images" } else { "links" };
    if let Some(file) = (!is_image).then(|| file_at_address(&target, doc_dir, ctx.site)).flatten() {
        return Err(Broken::new(
            category,
            format!("link `{dest}` is the web address of a page, not its file"),
            format!(
                "link the page's file instead: `{file}` (the address changes with the language and version; the file does not)"
            ),
        ));
    }
    if target.is_empty() || path.ends_with('/') {
        return Err(Broken::new(
            category,
            format!("link `{dest}` points to a folder"),
            "link to the folder's `_index.md` to reach an output's landing page",
        ));
    }
    let mut asset = language_variant(&target, ctx.reader, ctx.site).unwrap_or(target.clone());
    if !ctx.site.assets.contains_key(&asset)
        && let Some(same) = same_name_composed(&asset, ctx.site)
    {
        // `résumé.png` saved by macOS (decomposed) and typed elsewhere (composed) is one name.
        asset = same;
    }
    if !ctx.site.assets.contains_key(&asset) {
        let hint = match did_you_mean(&target, ctx.site.assets.keys().map(String::as_str)) {
            Some(close) => format!("did you mean `{}`?", relative_from(doc_dir, close)),
            None => "check the file name and folder; paths are relative to the Markdown file".into(),
        };
        return Err(Broken::new(category, format!("`{dest}` does not exist"), hint));
    }
    Ok(Target::Asset { path: asset, fragment: fragment.map(str::to_string) })
}

/// The asset whose name is `path` once both are in Unicode's composed form (NFC), if any.
fn same_name_composed(path: &str, site: &Site) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    let composed: String = path.nfc().collect();
    site.assets.keys().find(|key| key.nfc().eq(composed.chars())).cloned()
}

/// The file to link for a link written as a page's web address (`../io2-wbl-design/learning-
/// agreement/`, as copied from the browser): the page's source file relative to `doc_dir`.
fn file_at_address(target: &str, doc_dir: &str, site: &Site) -> Option<String> {
    let id = target.trim_end_matches('/').trim_end_matches("/index.html");
    let &index = site.by_id.get(&crate::key::PageId::new(id))?;
    let file = site.pages[index].source.path.strip_prefix("content/")?;
    Some(relative_from(doc_dir, file))
}

fn resolve_page_link(
    dest: &str,
    target: &str,
    fragment: Option<&str>,
    ctx: &LinkContext<'_>,
) -> Result<Target, Broken> {
    let source_path = strip_lang_suffix(target, ctx.site);
    if ctx.site.unloaded.contains(&source_path) {
        // The target exists but has errors of its own, already reported: no second error here.
        return Ok(Target::Nowhere);
    }
    let Some(&index) = ctx.site.by_source_path.get(&source_path) else {
        let doc_dir = ctx.doc.path.strip_prefix("content/").unwrap_or(&ctx.doc.path);
        let doc_dir = doc_dir.rsplit_once('/').map_or("", |(dir, _)| dir);
        let own_path = ctx.page.source.path.strip_prefix("content/").unwrap_or_default();
        // Compare with the link as written, so a shared folder prefix does not make every
        // file look alike.
        let written = dest.split('#').next().unwrap_or(dest);
        let candidates: Vec<String> = ctx
            .site
            .by_source_path
            .keys()
            .filter(|p| p.as_str() != own_path)
            .map(|p| relative_from(doc_dir, p))
            .collect();
        let hint = match did_you_mean(written, candidates.iter().map(String::as_str)) {
            Some(close) => format!("did you mean `{close}`?"),
            None => "link to the default-language `.md` file of an existing page, relative to this file".into(),
        };
        return Err(Broken::new("links", format!("link target `{dest}` does not exist"), hint));
    };
    let target_page = &ctx.site.pages[index];
    let fragment = fragment.filter(|f| !f.is_empty());
    if let Some(fragment) = fragment
        && let Some(anchors) = (ctx.anchors)(index, ctx.reader)
        && !anchors.contains(fragment)
    {
        let target_doc = target_page.text(ctx.reader);
        let source = &target_page.source;
        let in_source = target_doc.lang != source.lang
            && (ctx.anchors)(index, &source.lang).is_some_and(|anchors| anchors.contains(fragment));
        let mut broken = match in_source {
            // The translation lost an anchor of its source: the translator's mistake, told at
            // the translation's heading, not in a file of another language they never opened.
            true => {
                let mut broken = Broken::new(
                    "anchors",
                    format!("this translation has no anchor `#{fragment}`, which links to this page use"),
                    format!(
                        "give this heading the id of the source's heading in `{}`: `## … {{#{fragment}}}`",
                        source.path
                    ),
                );
                let (line, col) =
                    crate::translate::structure::corresponding_heading(source, target_doc, fragment).unwrap_or((1, 1));
                broken.elsewhere = Some(Box::new((target_doc.path.clone(), line, col)));
                broken
            }
            false => Broken::new(
                "anchors",
                format!("anchor `#{fragment}` does not exist in `{}`", target_doc.path),
                anchor_hint(fragment, anchors),
            ),
        };
        // The page is there: the link still leads to it, at its top.
        broken.fallback = Some(Target::Page { index, fragment: None });
        return Err(broken);
    }
    Ok(Target::Page { index, fragment: fragment.map(str::to_string) })
}

/// `io1/01-a.el.md` → `io1/01-a.md` when `el` is a configured language.
fn strip_lang_suffix(path: &str, site: &Site) -> String {
    let Some(stem) = path.strip_suffix(".md") else {
        return path.to_string();
    };
    if let Some((rest, suffix)) = stem.rsplit_once('.')
        && site.languages.iter().any(|lang| lang.as_str() == suffix)
    {
        return format!("{rest}.md");
    }
    path.to_string()
}

/// The reader's language variant of an asset (`x.el.svg` for `x.svg`), if the content has one.
fn language_variant(asset: &str, lang: &Lang, site: &Site) -> Option<String> {
    let variant = crate::content::naming::language_variant(asset, lang.as_str())?;
    site.assets.contains_key(&variant).then_some(variant)
}

fn anchor_hint(fragment: &str, anchors: &BTreeSet<String>) -> String {
    match did_you_mean(fragment, anchors.iter().map(String::as_str)) {
        Some(close) => format!("did you mean `#{close}`?"),
        None => "give the target heading an id, e.g. `## Title {#my-id}`".into(),
    }
}

/// `target` (content-relative) as a link written in a file in `dir`.
fn relative_from(dir: &str, target: &str) -> String {
    if dir.is_empty() {
        return target.to_string();
    }
    match target.strip_prefix(&format!("{dir}/")) {
        Some(rest) => rest.to_string(),
        None => format!("{}{target}", "../".repeat(dir.split('/').count())),
    }
}
