//! Stage 4: the search index of one version, built in process by Pagefind (its Rust API; no
//! `pagefind` program, nothing downloaded).
//!
//! Input: the rendered HTML of the version's home, output and module pages, language by
//! language, in the order they are rendered. Pagefind numbers pages in the order they are added,
//! so a fixed order keeps the index byte-identical from build to build. Output: one bundle per
//! version, `<version>/pagefind/`, with Pagefind's search script, its WebAssembly per language and
//! one index per language (Pagefind splits a bundle by the page's `<html lang>`).
//!
//! Each language is indexed on its own ([`SearchIndex`]) and the parts are merged into the
//! version's bundle ([`Bundle`]): a large site then only holds one or two languages' word lists
//! in memory at a time instead of all of them.
//!
//! Invariants:
//! - each version has its own bundle, and a bundle only knows the pages added to it: a search in
//!   version A never returns a page of version B;
//! - a page's `<html lang>` is always the reader's language. A fallback page (an untranslated
//!   module shown in English in the Greek tree) is therefore in the Greek index, where Greek
//!   readers search, and its result leads to the Greek tree. The theme marks its English body
//!   `data-pagefind-ignore`: it is found by its title, summary, learning outcomes and keywords
//!   (its English words would not match a Greek query anyway, and the Greek stemmer does nothing
//!   for English), which also keeps the index of a partly translated site small;
//! - what is indexed is the theme's `data-pagefind-body` element (the text, not the navigation).

use std::collections::BTreeMap;
use std::ops::Range;

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;
use serde_json::Value;

use crate::config::LinkStyle;
use crate::key::{Lang, Version};
use crate::output::OutputFile;

/// Where a version's bundle lives, below `<version>/`.
pub const BUNDLE_DIR: &str = "pagefind/";

/// The file that lists a bundle's languages and their indexes.
const ENTRY: &str = "pagefind-entry.json";

/// The search index of one language of a version, filled page by page.
pub struct SearchIndex {
    runtime: tokio::runtime::Runtime,
    index: PagefindIndex,
}

impl SearchIndex {
    pub fn new() -> anyhow::Result<Self> {
        let runtime = tokio::runtime::Builder::new_current_thread().build()?;
        // URLs are given as they are (see `page_url`); Pagefind must not rewrite them.
        let options = PagefindServiceConfig::builder().keep_index_url(true).build();
        let index = PagefindIndex::new(Some(options)).map_err(|e| anyhow::anyhow!("search index: {e}"))?;
        Ok(Self { runtime, index })
    }

    /// Adds a page; `url` is its address below the version folder (see [`page_url`]), `html`
    /// what Pagefind should read of it (see [`indexable`]).
    pub fn add(&mut self, url: String, html: String) -> anyhow::Result<()> {
        self.runtime
            .block_on(self.index.add_html_file(None, Some(url.clone()), html))
            .map_err(|e| anyhow::anyhow!("search index: cannot index `{url}`: {e}"))?;
        Ok(())
    }

    /// Builds the index: the files a browser needs.
    pub fn finish(mut self) -> anyhow::Result<Bundle> {
        let files = self.runtime.block_on(self.index.get_files()).map_err(|e| anyhow::anyhow!("search index: {e}"))?;
        let mut bundle = Bundle::default();
        for file in files {
            let name = file.filename.to_string_lossy().replace('\\', "/");
            if name == ENTRY {
                let entry: Value = serde_json::from_slice(&file.contents)?;
                bundle.merge_entry(entry);
            } else if is_needed(&name) {
                bundle.files.insert(name, file.contents);
            }
        }
        Ok(bundle)
    }
}

/// A version's search bundle, merged from its languages' indexes.
#[derive(Debug, Default)]
pub struct Bundle {
    /// Files by name within the bundle. The script, worker and generic WebAssembly are the same
    /// in every part; the index files are named by language and content hash.
    files: BTreeMap<String, Vec<u8>>,
    /// `pagefind-entry.json` with the `languages` of every part.
    entry: Option<Value>,
}

impl Bundle {
    pub fn merge(&mut self, other: Bundle) {
        for (name, bytes) in other.files {
            self.files.entry(name).or_insert(bytes);
        }
        if let Some(entry) = other.entry {
            self.merge_entry(entry);
        }
    }

    /// Pagefind's entry file: `{"version", "languages": {code: {hash, wasm, page_count}},
    /// "include_characters"}`; the languages of both are kept.
    fn merge_entry(&mut self, entry: Value) {
        match (&mut self.entry, entry) {
            (None, entry) => self.entry = Some(entry),
            (Some(Value::Object(mine)), Value::Object(theirs)) => {
                if let (Some(Value::Object(languages)), Some(Value::Object(more))) =
                    (mine.get_mut("languages"), theirs.get("languages"))
                {
                    languages.extend(more.clone());
                }
            }
            _ => {}
        }
    }

    /// The bundle's files under `<version>/pagefind/`, sorted by path.
    pub fn into_files(mut self, version: &Version) -> anyhow::Result<Vec<OutputFile>> {
        if let Some(entry) = self.entry.take() {
            self.files.insert(ENTRY.to_string(), serde_json::to_vec(&entry)?);
        }
        Ok(self
            .files
            .into_iter()
            .map(|(name, bytes)| OutputFile { path: format!("{version}/{BUNDLE_DIR}{name}"), bytes })
            .collect())
    }
}

/// What Pagefind reads of a page: its `data-pagefind-body` element in an `<html lang>`, without
/// the elements marked `data-pagefind-ignore`; or the whole page when the theme marks no element.
/// Pagefind would skip the rest anyway, but parsing the navigation of every page (a long sidebar
/// on every page of a large site) and the ignored English text of fallback pages would cost about
/// as much as indexing the text. (So the theme must not put Pagefind filters or metadata in an
/// ignored element.)
pub fn indexable(lang: &Lang, html: &str) -> String {
    let Some(range) = html.find(" data-pagefind-body").and_then(|marker| element_around(html, marker)) else {
        return html.to_string();
    };
    let mut body = html[range].to_string();
    let mut from = 0;
    while let Some(found) = body[from..].find(" data-pagefind-ignore") {
        let marker = from + found;
        match element_around(&body, marker) {
            Some(ignored) => {
                from = ignored.start;
                body.replace_range(ignored, "");
            }
            None => from = marker + 1,
        }
    }
    format!("<!DOCTYPE html><html lang=\"{lang}\"><body>{body}</body></html>")
}

/// The element whose start tag holds the attribute at byte `marker`: from its start tag to the
/// end of its end tag (elements of the same name inside it are counted). `None` when the marker
/// is not inside a start tag (it is text) or the element is not closed.
fn element_around(html: &str, marker: usize) -> Option<Range<usize>> {
    let start = html[..marker].rfind('<')?;
    if html[start..marker].contains('>') {
        return None;
    }
    let name_end = html[start + 1..].find(|c: char| c.is_ascii_whitespace() || c == '>')? + start + 1;
    let name = &html[start + 1..name_end];
    let (open, close) = (format!("<{name}"), format!("</{name}>"));
    let opens_here = |at: usize| html[at + open.len()..].starts_with(|c: char| c.is_ascii_whitespace() || c == '>');
    let mut depth = 0usize;
    let mut at = start;
    loop {
        let next_open = html[at + 1..].find(&open).map(|i| i + at + 1);
        let next_close = html[at + 1..].find(&close).map(|i| i + at + 1)?;
        match next_open {
            Some(o) if o < next_close => {
                depth += usize::from(opens_here(o));
                at = o;
            }
            _ if depth == 0 => return Some(start..next_close + close.len()),
            _ => {
                depth -= 1;
                at = next_close;
            }
        }
    }
}

/// The search script, its worker, the WebAssembly and the index itself. Pagefind's ready-made
/// interfaces (`pagefind-ui.js` …) and its playground are left out: the theme has its own
/// results list with strings from Fluent.
fn is_needed(name: &str) -> bool {
    matches!(name, "pagefind.js" | "pagefind-worker.js" | "pagefind-entry.json")
        || name.starts_with("wasm.")
        || name.ends_with(".pf_meta")
        || ["index/", "fragment/", "filter/"].iter().any(|dir| name.starts_with(dir))
}

/// A page's address as the index records it: from the version folder, with a leading slash
/// (`/el/io1-x/y/`). The browser script puts the version's own address in front (Pagefind's
/// `baseUrl`, derived from where `pagefind.js` was loaded), so the site can live under any path.
pub fn page_url(lang: &Lang, path: &str, style: LinkStyle) -> String {
    match style {
        LinkStyle::Directory => format!("/{lang}/{path}"),
        LinkStyle::IndexHtml => format!("/{lang}/{path}index.html"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_only_the_files_a_search_needs() {
        for name in ["pagefind.js", "pagefind-worker.js", "pagefind-entry.json", "wasm.el.pagefind"] {
            assert!(is_needed(name), "{name}");
        }
        for name in ["index/el_1.pf_index", "fragment/el_2.pf_fragment", "pagefind.el_3.pf_meta"] {
            assert!(is_needed(name), "{name}");
        }
        for name in ["pagefind-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js", "playground/index.html"] {
            assert!(!is_needed(name), "{name}");
        }
    }

    fn bundle(lang: &str, html: &str) -> Bundle {
        let mut index = SearchIndex::new().unwrap();
        index.add(format!("/{lang}/io1/x/"), indexable(&Lang::parse(lang).unwrap(), html)).unwrap();
        index.finish().unwrap()
    }

    #[test]
    fn merges_languages_into_one_bundle_deterministically() {
        let build = || {
            let mut all = bundle(
                "el",
                "<html lang=\"el\"><body><main data-pagefind-body><h1>Αξιολόγηση</h1><p>Η αξιολόγηση της μάθησης.</p></main><nav>Μενού</nav></body></html>",
            );
            all.merge(bundle(
                "de",
                "<html lang=\"de\"><body><main data-pagefind-body><h1>Ausbildung</h1></main></body></html>",
            ));
            all.into_files(&Version::parse("2.0").unwrap()).unwrap()
        };
        let files = build();
        let names: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        for name in ["2.0/pagefind/pagefind.js", "2.0/pagefind/wasm.el.pagefind", "2.0/pagefind/wasm.de.pagefind"] {
            assert!(names.contains(&name), "{names:?}");
        }
        let entry = files.iter().find(|f| f.path == "2.0/pagefind/pagefind-entry.json").unwrap();
        let entry: Value = serde_json::from_slice(&entry.bytes).unwrap();
        assert_eq!(entry["languages"]["el"]["page_count"], 1, "{entry}");
        assert_eq!(entry["languages"]["de"]["wasm"], "de", "{entry}");
        assert_eq!(entry["version"], "1.6.0");
        let again = build();
        assert!(files.iter().zip(&again).all(|(a, b)| a.path == b.path && a.bytes == b.bytes), "deterministic");
    }

    #[test]
    fn hands_pagefind_only_the_marked_element_without_ignored_parts() {
        let el = Lang::parse("el").unwrap();
        let html = "<html lang=\"el\"><body><nav><div>menu</div></nav><div class=\"x\" data-pagefind-body><div>a</div><divider/><div data-pagefind-ignore><div>no</div></div>b <code>data-pagefind-ignore</code></div><footer>f</footer></body></html>";
        assert_eq!(
            indexable(&el, html),
            "<!DOCTYPE html><html lang=\"el\"><body><div class=\"x\" data-pagefind-body><div>a</div><divider/>b <code>data-pagefind-ignore</code></div></body></html>"
        );
        assert_eq!(indexable(&el, "<html><body>all</body></html>"), "<html><body>all</body></html>");
        assert_eq!(element_around("<main data-pagefind-body>unclosed", 5), None);
        assert_eq!(element_around("<p>text data-pagefind-body</p>", 7), None, "text is not an attribute");
    }

    #[test]
    fn addresses_follow_the_link_style() {
        let el = Lang::parse("el").unwrap();
        assert_eq!(page_url(&el, "io1/x/", LinkStyle::Directory), "/el/io1/x/");
        assert_eq!(page_url(&el, "", LinkStyle::IndexHtml), "/el/index.html");
    }
}
