//! Stage 4b: prepared events → HTML for one reader.
//!
//! Relative links to `.md` files become links to the target page **in the reader's language**
//! (its fallback page when it is not translated); links to other content files become links to
//! the copied asset; images take the reader's language variant (`x.el.svg`) when there is one.
//! Broken links and missing anchors are errors. The PDF back end resolves links with the same
//! rules through [`resolve`].

use std::collections::BTreeSet;

use pulldown_cmark::{CowStr, Event, Tag, html};

use crate::content::{Document, Page, Site};
use crate::diag::{Diagnostic, Diagnostics, did_you_mean};
use crate::key::Lang;
use crate::urls::{self, Urls};

use super::Prepared;
use super::safety::{self, UrlKind};

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
}

/// Writes the HTML of `prepared` for the reader in `ctx`.
pub fn render_html(prepared: &Prepared, ctx: &LinkContext<'_>, diags: &Diagnostics) -> String {
    let mut link_number = 0;
    let events = prepared.events.iter().cloned().map(|event| match event {
        Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
            let offset = prepared.link_offsets.get(link_number).copied().unwrap_or(0);
            link_number += 1;
            let dest_url = if super::is_resolvable(link_type) {
                resolve(&dest_url, false, prepared, ctx, offset, diags).map_or(dest_url, CowStr::from)
            } else {
                dest_url
            };
            Event::Start(Tag::Link { link_type, dest_url, title, id })
        }
        Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
            let offset = prepared.link_offsets.get(link_number).copied().unwrap_or(0);
            link_number += 1;
            let dest_url = resolve(&dest_url, true, prepared, ctx, offset, diags).map_or(dest_url, CowStr::from);
            Event::Start(Tag::Image { link_type, dest_url, title, id })
        }
        other => other,
    });
    let mut out = String::new();
    html::push_html(&mut out, super::html_events(events, prepared).into_iter());
    out
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

/// An author's mistake found while resolving: (message, hint).
type Broken = (String, String);

/// The href for `dest` as written in the document, or `None` to keep it as written (external
/// links, and links whose error has been reported).
fn resolve(
    dest: &str,
    is_image: bool,
    prepared: &Prepared,
    ctx: &LinkContext<'_>,
    offset: usize,
    diags: &Diagnostics,
) -> Option<String> {
    match resolve_target(dest, is_image, prepared, ctx) {
        Ok(Target::AsWritten | Target::Anchor(_)) => None,
        Ok(Target::Nowhere) => Some("#".to_string()),
        Ok(Target::Page { index, fragment }) => {
            let mut href = ctx.urls.page(&ctx.page.path, &ctx.site.pages[index].path);
            if let Some(fragment) = fragment {
                href.push('#');
                href.push_str(&urls::encode_path(&fragment));
            }
            Some(href)
        }
        Ok(Target::Asset { path, fragment }) => {
            let mut href = ctx.urls.media(&ctx.page.path, &path);
            if let Some(fragment) = fragment {
                href.push('#');
                href.push_str(&fragment);
            }
            Some(href)
        }
        Err((message, hint)) => {
            diags.push(
                Diagnostic::error(&ctx.doc.path, message)
                    .in_category("links")
                    .at_offset(&ctx.doc.text, offset)
                    .with_hint(hint),
            );
            Some("#".to_string())
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
            return Err((
                format!("anchor `#{fragment}` does not exist on this page"),
                anchor_hint(fragment, &prepared.anchors),
            ));
        }
        return Ok(Target::Anchor(fragment.to_string()));
    }
    let doc_dir = ctx.doc.path.strip_prefix("content/").unwrap_or(&ctx.doc.path);
    let doc_dir = doc_dir.rsplit_once('/').map_or("", |(dir, _)| dir);
    let Some(target) = urls::join_content_path(doc_dir, &urls::decode_path(path)) else {
        return Err((
            format!("link `{dest}` points outside the content folder"),
            "link only to files inside `content/`".into(),
        ));
    };

    if target.ends_with(".md") {
        if is_image {
            return Err((
                format!("image `{dest}` is a Markdown file"),
                "images must be SVG, PNG, JPEG or WebP files".into(),
            ));
        }
        return resolve_page_link(dest, &target, fragment, ctx);
    }
    if target.is_empty() || path.ends_with('/') {
        return Err((
            format!("link `{dest}` points to a folder"),
            "link to the folder's `_index.md` to reach an output's landing page".into(),
        ));
    }
    let asset = language_variant(&target, ctx.reader, ctx.site).unwrap_or(target.clone());
    if !ctx.site.assets.contains_key(&asset) {
        let hint = match did_you_mean(&target, ctx.site.assets.keys().map(String::as_str)) {
            Some(close) => format!("did you mean `{}`?", relative_from(doc_dir, close)),
            None => "check the file name and folder; paths are relative to the Markdown file".into(),
        };
        return Err((format!("`{dest}` does not exist"), hint));
    }
    Ok(Target::Asset { path: asset, fragment: fragment.map(str::to_string) })
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
        return Err((format!("link target `{dest}` does not exist"), hint));
    };
    let target_page = &ctx.site.pages[index];
    let fragment = fragment.filter(|f| !f.is_empty());
    if let Some(fragment) = fragment
        && let Some(anchors) = (ctx.anchors)(index, ctx.reader)
        && !anchors.contains(fragment)
    {
        let target_doc = target_page.text(ctx.reader);
        return Err((
            format!("anchor `#{fragment}` does not exist in `{}`", target_doc.path),
            if target_doc.lang == target_page.source.lang {
                anchor_hint(fragment, anchors)
            } else {
                format!("keep the heading id of the original in the translation: `## … {{#{fragment}}}`")
            },
        ));
    }
    Ok(Target::Page { index, fragment: fragment.map(str::to_string) })
}

/// `io1/01-a.el.md` → `io1/01-a.md` when `el` is a configured language.
fn strip_lang_suffix(path: &str, site: &Site) -> String {
    let Some(stem) = path.strip_suffix(".md") else {
        return path.to_string();
    };
    if let Some((rest, suffix)) = stem.rsplit_once('.')
        && site
            .pages
            .iter()
            .any(|p| p.source.lang.as_str() == suffix || p.translations.keys().any(|l| l.as_str() == suffix))
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
