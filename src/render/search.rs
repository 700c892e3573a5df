//! Stage 4: the search index of one version, built in process by Pagefind (its Rust API; no
//! `pagefind` program, nothing downloaded).
//!
//! Input: the rendered HTML of the version's home, output and module pages in every language,
//! in the order they are rendered. Pagefind numbers pages in the order they are added, so a fixed
//! order keeps the index byte-identical from build to build. Output: `<version>/pagefind/`, with
//! Pagefind's search script, its WebAssembly per language, and one index per language.
//!
//! Invariants:
//! - each version has its own bundle, and a bundle only knows the pages added to it: a search in
//!   version A never returns a page of version B;
//! - Pagefind splits a bundle by the page's `<html lang>`, which is always the reader's language.
//!   A fallback page (an untranslated module shown in English in the Greek tree) is therefore in
//!   the Greek index, where Greek readers search, and its result links to the Greek tree. Its
//!   English words are stemmed by the Greek stemmer, which leaves Latin script as it is: they are
//!   found as written and by prefix, not by English inflection;
//! - what is indexed is the theme's `data-pagefind-body` element (the text, not the navigation).

use std::collections::BTreeMap;

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use crate::config::LinkStyle;
use crate::key::{Lang, Version};
use crate::output::OutputFile;

/// Where a version's bundle lives, below `<version>/`.
pub const BUNDLE_DIR: &str = "pagefind/";

/// The search index of one version, filled page by page.
pub struct SearchIndex {
    runtime: tokio::runtime::Runtime,
    index: PagefindIndex,
    version: Version,
}

impl SearchIndex {
    pub fn new(version: &Version) -> anyhow::Result<Self> {
        let runtime = tokio::runtime::Builder::new_current_thread().build()?;
        // URLs are given as they are (see `page_url`); Pagefind must not rewrite them.
        let options = PagefindServiceConfig::builder().keep_index_url(true).build();
        let index = PagefindIndex::new(Some(options))?;
        Ok(Self { runtime, index, version: version.clone() })
    }

    /// Adds a rendered page; `url` is its address below the version folder (see [`page_url`]).
    pub fn add(&mut self, url: String, html: String) -> anyhow::Result<()> {
        self.runtime
            .block_on(self.index.add_html_file(None, Some(url.clone()), html))
            .map_err(|e| anyhow::anyhow!("search index: cannot index `{url}`: {e}"))?;
        Ok(())
    }

    /// Builds the index and returns the files a browser needs, sorted by path.
    pub fn finish(mut self) -> anyhow::Result<Vec<OutputFile>> {
        let files = self.runtime.block_on(self.index.get_files()).map_err(|e| anyhow::anyhow!("search index: {e}"))?;
        let files: BTreeMap<String, Vec<u8>> = files
            .into_iter()
            .map(|file| (file.filename.to_string_lossy().replace('\\', "/"), file.contents))
            .filter(|(name, _)| is_needed(name))
            .collect();
        Ok(files
            .into_iter()
            .map(|(name, bytes)| OutputFile { path: format!("{}/{BUNDLE_DIR}{name}", self.version), bytes })
            .collect())
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

    #[test]
    fn indexes_a_greek_page_in_the_greek_index_and_finds_it_deterministically() {
        let build = || {
            let mut index = SearchIndex::new(&Version::parse("2.0").unwrap()).unwrap();
            let html = "<html lang=\"el\"><body><main data-pagefind-body><h1>Αξιολόγηση</h1><p>Η αξιολόγηση της μάθησης.</p></main><nav>Μενού</nav></body></html>";
            index.add("/el/io1/x/".into(), html.into()).unwrap();
            index.finish().unwrap()
        };
        let files = build();
        let names: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert!(names.contains(&"2.0/pagefind/pagefind.js"), "{names:?}");
        assert!(names.contains(&"2.0/pagefind/wasm.el.pagefind"), "{names:?}");
        let entry = files.iter().find(|f| f.path == "2.0/pagefind/pagefind-entry.json").unwrap();
        assert!(String::from_utf8_lossy(&entry.bytes).contains("\"el\""));
        let again = build();
        assert!(files.iter().zip(&again).all(|(a, b)| a.path == b.path && a.bytes == b.bytes), "deterministic");
    }

    #[test]
    fn addresses_follow_the_link_style() {
        let el = Lang::parse("el").unwrap();
        assert_eq!(page_url(&el, "io1/x/", LinkStyle::Directory), "/el/io1/x/");
        assert_eq!(page_url(&el, "", LinkStyle::IndexHtml), "/el/index.html");
    }
}
