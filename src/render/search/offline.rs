//! The search of an offline copy: one classic script per language (`search-index.js`) that a
//! `<script>` element reads from `file://`, where Pagefind's modules, `fetch` and WebAssembly
//! are refused. It sets `window.innotrainOfflineIndex`:
//!
//! - `pages`: `[url, title, description]` per learner page, in the site's order (the URL is
//!   relative to the language's folder, where the script sits);
//! - `terms`: per stem, the pages it is on and its weight there, flat: `[page, weight, …]`;
//! - `forms`: per word form of the text (lowercased, diacritics removed) whose stem differs,
//!   that stem.
//!
//! The words are filed exactly as the site's index files them ([`crate::words`]: same
//! normalisation, same Snowball stemmer, Greek included). The theme's `search.js` looks a query
//! word up as a form first (so "αξιολόγηση" finds the stem every form of it was filed under);
//! a form the text never uses is matched through the longest stem it begins with, so an
//! inflected query ("αξιολογήσεις") still finds "αξιολόγηση".

use std::collections::BTreeMap;

use serde_json::json;

use super::extract;
use crate::key::Lang;
use crate::words::{self, with_analyzer};

/// The script for the pages `pages` (URL below the language's folder, the page's HTML).
pub fn offline_index(lang: &Lang, pages: &[(String, &str)]) -> String {
    let mut listed = Vec::new();
    let mut terms: BTreeMap<String, BTreeMap<usize, u32>> = BTreeMap::new();
    let mut forms: BTreeMap<String, String> = BTreeMap::new();
    for (number, (url, html)) in pages.iter().enumerate() {
        let text = extract::page_text(html);
        let title = text.title.clone().unwrap_or_else(|| url.clone());
        listed.push(json!([url, title, description(html)]));
        with_analyzer(lang.as_str(), |analyzer| {
            let title_words = text.title.as_deref().unwrap_or("").split_whitespace().map(|word| (word, 7u8));
            let words = text.words.iter().map(|(range, weight)| (&text.content[range.clone()], *weight));
            for (word, weight) in words.chain(title_words) {
                let form = words::search_form(word);
                for term in analyzer.terms(word) {
                    *terms.entry(term.stem.clone()).or_default().entry(number).or_default() += u32::from(weight.max(1));
                    if !term.is_part && !form.is_empty() && form != term.stem {
                        forms.entry(form.clone()).or_insert_with(|| term.stem.clone());
                    }
                }
            }
        });
    }
    let terms: serde_json::Map<String, serde_json::Value> = terms
        .into_iter()
        .map(|(stem, pages)| {
            let flat: Vec<u32> = pages.into_iter().flat_map(|(page, weight)| [page as u32, weight]).collect();
            (stem, json!(flat))
        })
        .collect();
    let index = json!({ "lang": lang.as_str(), "pages": listed, "terms": terms, "forms": forms });
    format!("window.innotrainOfflineIndex = {index};\n")
}

/// The page's description (its summary), as its `<meta name="description">` gives it.
fn description(html: &str) -> String {
    const META: &str = "<meta name=\"description\" content=\"";
    let Some(start) = html.find(META).map(|at| at + META.len()) else { return String::new() };
    let end = html[start..].find('"').map_or(start, |len| start + len);
    html_escape::decode_html_entities(&html[start..end]).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn greek_forms_lead_to_their_stems() {
        let html = "<html><head><meta name=\"description\" content=\"Δείκτες &amp; ποιότητα\"></head><body>\
            <main data-pagefind-body><h1>Αξιολόγηση</h1><p>Η αξιολόγηση της μάθησης.</p></main></body></html>";
        let script = offline_index(&Lang::parse("el").unwrap(), &[("io3/index.html".into(), html)]);
        let json = script.strip_prefix("window.innotrainOfflineIndex = ").unwrap().trim_end().trim_end_matches(';');
        let index: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(index["pages"][0], json!(["io3/index.html", "Αξιολόγηση", "Δείκτες & ποιότητα"]));
        let stem = index["forms"]["αξιολογηση"].as_str().expect("the form is listed");
        assert!("αξιολογηση".starts_with(stem), "{stem}");
        assert_eq!(index["terms"][stem][0], 0);
    }
}
