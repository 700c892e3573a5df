//! Stage 4: the search index of one version, in the format of Pagefind, whose search script
//! and WebAssembly (taken from the `pagefind` crate, nothing downloaded) run in the reader's
//! browser.
//!
//! innotrain writes the index itself ([`index`]) instead of handing pages to Pagefind's indexer:
//! Pagefind parses every page's HTML again and stems every word anew, one page at a time behind
//! a lock, and that made a large site's build three times as long as without search (issue 9
//! allows twice). Here each page is read as it is rendered, on the render's threads
//! ([`IndexedPage::new`]: a scan of innotrain's own HTML, [`extract`]; stems cached per word,
//! [`words`]), and the languages' files are built side by side. The words are filed as Pagefind
//! files them (same normalisation, same Snowball stemmers), so its script finds them; the tests
//! search the built index with that script in a browser.
//!
//! Input: the rendered HTML of the version's home, output and module pages, language by
//! language, in the order they are rendered (a fixed order: the pages' numbers, and so the index
//! files, are the same from build to build). Output: one bundle per version,
//! `<version>/pagefind/`, with the search script, its WebAssembly per language and one index per
//! language.
//!
//! Invariants:
//! - each version has its own bundle, and a bundle only knows the pages added to it: a search in
//!   version A never returns a page of version B;
//! - a page is filed under the reader's language (the tree it is in). A fallback page (an
//!   untranslated module shown in English in the Greek tree) is therefore in the Greek index,
//!   where Greek readers search, and its result leads to the Greek tree. The theme marks its
//!   English body `data-pagefind-ignore`: it is found by its title, summary, learning outcomes
//!   and keywords (its English words would not match a Greek query anyway, and the Greek stemmer
//!   does nothing for English), which also keeps the index of a partly translated site small;
//! - what is indexed is the theme's `data-pagefind-body` element (the text, not the navigation).

mod extract;
mod index;
mod offline;

use crate::words;

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex, OnceLock};

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;
use serde_json::{Value, json};

pub use index::IndexedPage;
pub use offline::offline_index;

use crate::config::LinkStyle;
use crate::key::{Lang, Version};
use crate::output::OutputFile;

/// Where a version's bundle lives, below `<version>/`.
pub const BUNDLE_DIR: &str = "pagefind/";

/// The file that lists a bundle's languages and their indexes.
pub const ENTRY: &str = "pagefind-entry.json";

/// A version's search bundle, built language by language. Each language's files are handed
/// back to be written as soon as its index is built (a large site's fragments would otherwise
/// wait in memory for the last language); the entry file that lists them all comes last.
#[derive(Default)]
pub struct Bundle {
    /// The script's files already handed back (they are shared by the languages).
    written: BTreeSet<String>,
    /// The entry file's `languages`.
    languages: serde_json::Map<String, Value>,
    /// The version of Pagefind's script, as its assets say.
    script_version: Option<String>,
}

/// One language's part of a bundle.
pub struct LanguagePart {
    lang: String,
    index: index::LanguageIndex,
    assets: Arc<ScriptAssets>,
}

/// Builds the index of one language from its pages, in reading order.
pub fn index_language(lang: &Lang, pages: Vec<IndexedPage>) -> anyhow::Result<LanguagePart> {
    let assets = script_assets(lang.as_str())?;
    let index = index::build_language(lang.as_str(), &assets.version, pages);
    Ok(LanguagePart { lang: lang.to_string(), index, assets })
}

impl Bundle {
    /// Adds a language and returns its files under `<version>/pagefind/`: its index and the
    /// script's files not returned for an earlier language.
    pub fn add(&mut self, part: LanguagePart, version: &Version) -> Vec<OutputFile> {
        let LanguagePart { lang, index, assets } = part;
        self.languages.insert(lang, json!({ "hash": index.hash, "wasm": assets.wasm, "page_count": index.page_count }));
        self.script_version.get_or_insert_with(|| assets.version.clone());
        let script = assets.files.iter().filter(|(name, _)| self.written.insert((*name).clone()));
        let script: Vec<(String, Vec<u8>)> = script.map(|(name, bytes)| (name.clone(), bytes.clone())).collect();
        index
            .files
            .into_iter()
            .chain(script)
            .map(|(name, bytes)| OutputFile { path: format!("{version}/{BUNDLE_DIR}{name}"), bytes })
            .collect()
    }

    /// Takes into the entry the languages of a previous build's entry file for which `keep`
    /// holds: a build of some languages keeps the others' indexes as they are.
    pub fn keep_languages(&mut self, previous: &[u8], keep: impl Fn(&str) -> bool) -> Result<(), String> {
        let previous = read_entry(previous)?;
        for (lang, index) in previous.languages {
            if keep(&lang) {
                self.languages.insert(lang, index);
            }
        }
        Ok(())
    }

    /// The entry file, `<version>/pagefind/pagefind-entry.json`, once every language is added.
    pub fn into_entry(self, version: &Version) -> anyhow::Result<OutputFile> {
        let entry = Entry { version: self.script_version.unwrap_or_else(pagefind_version), languages: self.languages };
        Ok(OutputFile { path: format!("{version}/{BUNDLE_DIR}{ENTRY}"), bytes: entry.to_bytes()? })
    }
}

/// A bundle's entry file: Pagefind's script reads it first, to find each language's index.
struct Entry {
    version: String,
    /// Per language code: its index's `hash`, `wasm` and `page_count`. (A `serde_json` map is
    /// ordered by key, so the file does not depend on the order languages were added in.)
    languages: serde_json::Map<String, Value>,
}

impl Entry {
    fn to_bytes(&self) -> serde_json::Result<Vec<u8>> {
        serde_json::to_vec(&json!({
            "version": self.version,
            "languages": Value::Object(self.languages.clone()),
            "include_characters": words::WORD_SYMBOLS,
        }))
    }
}

fn read_entry(bytes: &[u8]) -> Result<Entry, String> {
    let mut value: Value = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    let version = value["version"].as_str().ok_or("it has no `version`")?.to_string();
    let Some(Value::Object(languages)) = value.get_mut("languages").map(Value::take) else {
        return Err("it has no `languages`".to_string());
    };
    Ok(Entry { version, languages })
}

/// Whether `path` (below the output folder) is a bundle's entry file, which lists the bundle's
/// languages.
pub fn is_entry_file(path: &str) -> bool {
    path.strip_suffix(ENTRY).is_some_and(|dir| dir.ends_with(&format!("/{BUNDLE_DIR}")))
}

/// The language a file of a bundle belongs to (`name` below `pagefind/`): the index files are
/// named `<lang>_<hash>`, so the files of different languages never share a name. `None` for
/// the files every language uses (the script, its WebAssembly, the entry file).
pub fn file_language(name: &str) -> Option<&str> {
    let stem = ["fragment/", "index/", "filter/"]
        .iter()
        .find_map(|dir| name.strip_prefix(dir))
        .or_else(|| name.strip_prefix("pagefind.").filter(|rest| rest.ends_with(".pf_meta")))?;
    stem.split_once('_').map(|(lang, _)| lang)
}

/// One entry file from the entry files of the same bundle built in parts, each with some of its
/// languages (parallel jobs of one site): the languages of all of them. Parts that list the
/// same language must agree on its index.
pub fn merge_entries(entries: &[&[u8]]) -> Result<Vec<u8>, String> {
    let mut merged: Option<Entry> = None;
    for bytes in entries {
        let entry = read_entry(bytes)?;
        let Some(merged) = merged.as_mut() else {
            merged = Some(entry);
            continue;
        };
        if entry.version != merged.version {
            return Err(format!("one part has Pagefind {}, another {}", merged.version, entry.version));
        }
        for (lang, index) in entry.languages {
            match merged.languages.get(&lang) {
                Some(other) if *other != index => return Err(format!("the parts have different indexes of `{lang}`")),
                _ => {
                    merged.languages.insert(lang, index);
                }
            }
        }
    }
    merged.ok_or("no entry file")?.to_bytes().map_err(|e| e.to_string())
}

/// What the browser needs besides the index: Pagefind's search script, its worker and the
/// WebAssembly for a language (with its stemmer), and the version they belong to.
struct ScriptAssets {
    version: String,
    /// The language's WebAssembly, `None` when Pagefind has no stemmer for it.
    wasm: Option<String>,
    files: Vec<(String, Vec<u8>)>,
}

/// The script assets for `lang` (see [`prepare_script_assets`]).
fn script_assets(lang: &str) -> anyhow::Result<Arc<ScriptAssets>> {
    prepare_script_assets(&[lang])?;
    Ok(Arc::clone(&made_assets().lock().expect("no panic while holding it")[lang]))
}

fn made_assets() -> &'static Mutex<HashMap<String, Arc<ScriptAssets>>> {
    static MADE: OnceLock<Mutex<HashMap<String, Arc<ScriptAssets>>>> = OnceLock::new();
    MADE.get_or_init(Default::default)
}

/// Takes the script assets of `langs` from one index Pagefind builds of a placeholder record per
/// language (its API hands out its bundled files no other way), once per process and language.
/// The render calls it on a thread of its own while the first pages render. The lock is held
/// while the assets are made, so a second caller waits for them instead of making them again.
pub fn prepare_script_assets(langs: &[&str]) -> anyhow::Result<()> {
    let mut made = made_assets().lock().expect("no panic while holding it");
    let missing: Vec<&str> = langs.iter().copied().filter(|lang| !made.contains_key(*lang)).collect();
    if missing.is_empty() {
        return Ok(());
    }
    let failed = |e: anyhow::Error| anyhow::anyhow!("search index: Pagefind's script files: {e}");
    let runtime = tokio::runtime::Builder::new_current_thread().build()?;
    let options = PagefindServiceConfig::builder().keep_index_url(true).build();
    let mut pagefind = PagefindIndex::new(Some(options)).map_err(failed)?;
    let files = runtime
        .block_on(async {
            for lang in &missing {
                let url = format!("/{lang}/");
                pagefind.add_custom_record(url, "innotrain".into(), lang.to_string(), None, None, None).await?;
            }
            pagefind.get_files().await
        })
        .map_err(failed)?;
    let (mut entry, mut shared, mut wasm_files) = (Value::Null, Vec::new(), Vec::new());
    for file in files {
        let name = file.filename.to_string_lossy().replace('\\', "/");
        if name == ENTRY {
            entry = serde_json::from_slice(&file.contents)?;
        } else if matches!(name.as_str(), "pagefind.js" | "pagefind-worker.js") {
            shared.push((name, file.contents));
        } else if name.starts_with("wasm.") {
            wasm_files.push((name, file.contents));
        }
    }
    let version = entry["version"].as_str().map_or_else(pagefind_version, str::to_string);
    for lang in missing {
        let wasm = entry["languages"][lang]["wasm"].as_str().map(str::to_string);
        let own = |name: &str| wasm_owner(name, &entry).is_none_or(|owner| Some(owner) == wasm.as_deref());
        let files = shared.iter().chain(wasm_files.iter().filter(|(name, _)| own(name))).cloned().collect();
        made.insert(lang.to_string(), Arc::new(ScriptAssets { version: version.clone(), wasm, files }));
    }
    Ok(())
}

/// The language whose WebAssembly `wasm.<code>.pagefind` is, when some language of the entry
/// uses it (the others, such as the generic one, go with every language).
fn wasm_owner<'a>(name: &'a str, entry: &Value) -> Option<&'a str> {
    let code = name.strip_prefix("wasm.")?.strip_suffix(".pagefind")?;
    let languages = entry["languages"].as_object()?;
    languages.values().any(|language| language["wasm"].as_str() == Some(code)).then_some(code)
}

/// The version of Pagefind's format the index is written in (its search script checks it).
fn pagefind_version() -> String {
    "1.6.0".to_string()
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

    fn page(lang: &str, html: &str) -> IndexedPage {
        IndexedPage::new(lang, &format!("/{lang}/io1/x/"), html)
    }

    #[test]
    fn bundles_languages_with_their_script_files_deterministically() {
        let build = || {
            let (el, de) = (Lang::parse("el").unwrap(), Lang::parse("de").unwrap());
            let version = Version::parse("2.0").unwrap();
            let mut bundle = Bundle::default();
            let mut files = bundle.add(index_language(&el, vec![page("el", "<html lang=\"el\"><body><main data-pagefind-body><h1>Αξιολόγηση</h1><p>Η αξιολόγηση της μάθησης.</p></main><nav>Μενού</nav></body></html>")]).unwrap(), &version);
            files.extend(
                bundle.add(
                    index_language(
                        &de,
                        vec![page(
                            "de",
                            "<html lang=\"de\"><body><main data-pagefind-body><h1>Ausbildung</h1></main></body></html>",
                        )],
                    )
                    .unwrap(),
                    &version,
                ),
            );
            files.push(bundle.into_entry(&version).unwrap());
            files
        };
        let files = build();
        let names: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        for name in [
            "2.0/pagefind/pagefind.js",
            "2.0/pagefind/pagefind-worker.js",
            "2.0/pagefind/wasm.el.pagefind",
            "2.0/pagefind/wasm.de.pagefind",
        ] {
            assert!(names.contains(&name), "{names:?}");
        }
        assert!(!names.iter().any(|n| n.contains("pagefind-ui") || n.contains("playground")), "{names:?}");
        let entry = files.iter().find(|f| f.path == "2.0/pagefind/pagefind-entry.json").unwrap();
        let entry: Value = serde_json::from_slice(&entry.bytes).unwrap();
        assert_eq!(entry["languages"]["el"]["page_count"], 1, "{entry}");
        assert_eq!(entry["languages"]["de"]["wasm"], "de", "{entry}");
        assert_eq!(entry["version"], "1.6.0");
        let meta = format!("2.0/pagefind/pagefind.{}.pf_meta", entry["languages"]["el"]["hash"].as_str().unwrap());
        assert!(names.contains(&meta.as_str()), "{meta} in {names:?}");
        let again = build();
        assert!(files.iter().zip(&again).all(|(a, b)| a.path == b.path && a.bytes == b.bytes), "deterministic");
        // The script's files shared by the languages are handed back once.
        assert_eq!(names.iter().filter(|n| **n == "2.0/pagefind/pagefind.js").count(), 1, "{names:?}");
    }

    /// Pages shaped like the theme's, with what partners write: accents, umlauts, compounds,
    /// abbreviations, entities, numbers, a fallback notice left out of the index.
    const PAGES: &[(&str, &str, &str)] = &[
        (
            "en",
            "/en/io1/plan/",
            "<h1 id=\"page-title\">Planning work-based learning</h1><dl class=\"facts\"><div><dt>Duration</dt> <dd>2 hours</dd></div></dl><h2 id=\"outcomes\">Learning outcomes</h2><ul><li>Plan a learner&#x27;s placement, e.g. with a <strong>company</strong> tutor.</li><li>Use the EQF level 4 descriptors (see <a href=\"x\">ECVET</a>).</li></ul><p>VET–business cooperation &amp; quality assurance: the eQuality cycle.</p>",
        ),
        (
            "en",
            "/en/io1/review/",
            "<h1>Reviewing placements</h1><p data-pagefind-ignore>Not indexed at all.</p><p>Tutors review learners’ progress weekly; reviewing is planned.</p>",
        ),
        (
            "el",
            "/el/io1/plan/",
            "<h1>Σχεδιασμός της μάθησης στον χώρο εργασίας</h1><p>Η αξιολόγηση της μάθησης γίνεται από τον μέντορα της επιχείρησης.</p><h2 id=\"a\">Αξιολόγηση</h2><p>Οι μαθητευόμενοι αξιολογούνται κάθε εβδομάδα (ΕΠΑΣ, ΙΕΚ).</p>",
        ),
        (
            "el",
            "/el/io1/review/",
            "<h1>Ανασκόπηση</h1><div class=\"content\" lang=\"en\" data-pagefind-ignore><p>English fallback text.</p></div><p>Πιλοτική εφαρμογή του κύκλου ποιότητας.</p>",
        ),
        (
            "de",
            "/de/io1/plan/",
            "<h1>Betriebliche Ausbildung planen</h1><p>Die Ausbilderin prüft die Lernergebnisse; Prüfungen und Qualitätssicherung gehören dazu.</p><ul><li>Ausbildungsbetriebe, Berufsschulen &amp; Kammern</li></ul>",
        ),
    ];

    fn html_page(lang: &str, body: &str) -> String {
        format!(
            "<!DOCTYPE html><html lang=\"{lang}\"><head><title>x</title></head><body><nav>Menu</nav><main data-pagefind-body data-pagefind-filter=\"text_lang:{lang}\">{body}</main><footer>Imprint</footer></body></html>"
        )
    }

    /// A CBOR item as JSON (enough of CBOR for Pagefind's files: arrays, maps, strings, integers).
    fn cbor(decoder: &mut minicbor::Decoder<'_>) -> Value {
        use minicbor::data::Type;
        match decoder.datatype().unwrap() {
            Type::Array => {
                let len = decoder.array().unwrap().unwrap();
                Value::Array((0..len).map(|_| cbor(decoder)).collect())
            }
            Type::String => Value::from(decoder.str().unwrap()),
            Type::U8 | Type::U16 | Type::U32 | Type::U64 | Type::I8 | Type::I16 | Type::I32 | Type::I64 => {
                Value::from(i64::try_from(decoder.int().unwrap()).unwrap())
            }
            other => panic!("unexpected CBOR item {other:?}"),
        }
    }

    fn unpack(bytes: &[u8]) -> Vec<u8> {
        use std::io::Read;
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(bytes).read_to_end(&mut out).unwrap();
        out.strip_prefix(b"pagefind_dcd".as_slice()).expect("the marker").to_vec()
    }

    /// Every (word, diacritic form, page URL, positions in the text, metadata positions) an index
    /// holds, from its files.
    fn entries(
        files: &[(String, Vec<u8>)],
        lang: &str,
    ) -> std::collections::BTreeSet<(String, String, String, String, String)> {
        let file = |name: &str| unpack(&files.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("{name}")).1);
        let entry: Value = serde_json::from_slice(&files.iter().find(|(n, _)| n == ENTRY).unwrap().1).unwrap();
        let meta = file(&format!("pagefind.{}.pf_meta", entry["languages"][lang]["hash"].as_str().unwrap()));
        let meta = cbor(&mut minicbor::Decoder::new(&meta));
        let urls: Vec<String> = meta[1]
            .as_array()
            .unwrap()
            .iter()
            .map(|page| {
                let fragment = file(&format!("fragment/{}.pf_fragment", page[0].as_str().unwrap()));
                serde_json::from_slice::<Value>(&fragment).unwrap()["url"].as_str().unwrap().to_string()
            })
            .collect();
        let mut found = std::collections::BTreeSet::new();
        for chunk in meta[2].as_array().unwrap() {
            let index = file(&format!("index/{}.pf_index", chunk[2].as_str().unwrap()));
            for word in cbor(&mut minicbor::Decoder::new(&index))[0].as_array().unwrap() {
                let stem = word[0].as_str().unwrap();
                let forms = std::iter::once(("", &word[1]))
                    .chain(word[2].as_array().unwrap().iter().map(|v| (v[0].as_str().unwrap(), &v[1])));
                for (form, pages) in forms {
                    let mut page_number = 0;
                    for page in pages.as_array().unwrap() {
                        page_number += page[0].as_u64().unwrap() as usize;
                        found.insert((
                            stem.into(),
                            form.into(),
                            urls[page_number].clone(),
                            page[1].to_string(),
                            page[2].to_string(),
                        ));
                    }
                }
            }
        }
        found
    }

    /// The index innotrain writes holds the same words, forms, pages and positions as the one
    /// Pagefind's own indexer makes of the same pages: its search script reads both alike.
    #[test]
    fn files_words_as_pagefinds_own_indexer_does() {
        for lang in ["en", "el", "de"] {
            let pages: Vec<(&str, String)> =
                PAGES.iter().filter(|p| p.0 == lang).map(|(_, url, body)| (*url, html_page(lang, body))).collect();
            let ours = index_language(
                &Lang::parse(lang).unwrap(),
                pages.iter().map(|(url, html)| IndexedPage::new(lang, url, html)).collect(),
            )
            .unwrap();
            let version = Version::parse("1.0").unwrap();
            let mut bundle = Bundle::default();
            let mut files = bundle.add(ours, &version);
            files.push(bundle.into_entry(&version).unwrap());
            let ours: Vec<(String, Vec<u8>)> =
                files.into_iter().map(|f| (f.path.trim_start_matches("1.0/pagefind/").to_string(), f.bytes)).collect();

            let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
            let options = PagefindServiceConfig::builder().keep_index_url(true).build();
            let mut pagefind = PagefindIndex::new(Some(options)).unwrap();
            let theirs = runtime.block_on(async {
                for (url, html) in &pages {
                    pagefind.add_html_file(None, Some(url.to_string()), html.clone()).await.unwrap();
                }
                pagefind.get_files().await.unwrap()
            });
            let theirs: Vec<(String, Vec<u8>)> =
                theirs.into_iter().map(|f| (f.filename.to_string_lossy().into_owned(), f.contents)).collect();

            let (ours, theirs) = (entries(&ours, lang), entries(&theirs, lang));
            assert!(ours.len() > 10, "{ours:?}");
            let missing: Vec<_> = theirs.difference(&ours).collect();
            let extra: Vec<_> = ours.difference(&theirs).collect();
            assert!(missing.is_empty() && extra.is_empty(), "{lang}: missing {missing:#?}\nextra {extra:#?}");
        }
    }

    #[test]
    fn names_the_language_of_each_bundle_file() {
        assert_eq!(file_language("fragment/el_1a2b3c4.pf_fragment"), Some("el"));
        assert_eq!(file_language("index/de-at_9f8e.pf_index"), Some("de-at"));
        assert_eq!(file_language("filter/en_77.pf_filter"), Some("en"));
        assert_eq!(file_language("pagefind.it_0123456789.pf_meta"), Some("it"));
        for shared in ["pagefind.js", "pagefind-worker.js", "wasm.el.pagefind", "wasm.unknown.pagefind", ENTRY] {
            assert_eq!(file_language(shared), None, "{shared}");
        }
        assert!(is_entry_file("2.0/pagefind/pagefind-entry.json"));
        assert!(is_entry_file("latest/pagefind/pagefind-entry.json"));
        assert!(!is_entry_file("2.0/el/pagefind-entry.json"));
    }

    /// The entry of a bundle built in one go equals the merged entries of its languages built
    /// apart, and the kept languages of a previous entry.
    #[test]
    fn entries_of_parts_merge_into_the_whole_one() {
        let version = Version::parse("2.0").unwrap();
        let part = |langs: &[(&str, &str)]| {
            let mut bundle = Bundle::default();
            for (lang, body) in langs {
                let html = html_page(lang, body);
                let pages = vec![IndexedPage::new(lang, &format!("/{lang}/x/"), &html)];
                bundle.add(index_language(&Lang::parse(lang).unwrap(), pages).unwrap(), &version);
            }
            bundle.into_entry(&version).unwrap().bytes
        };
        let (en, de, el) = (("en", "<h1>Quality</h1>"), ("de", "<h1>Qualität</h1>"), ("el", "<h1>Ποιότητα</h1>"));
        let whole = part(&[en, de, el]);
        assert_eq!(merge_entries(&[&part(&[el]), &part(&[en, de])]).unwrap(), whole);
        assert_eq!(merge_entries(&[&part(&[en, de]), &part(&[el]), &part(&[de])]).unwrap(), whole);
        let other_de = part(&[("de", "<h1>Anders</h1>")]);
        assert_eq!(merge_entries(&[&whole, &other_de]).unwrap_err(), "the parts have different indexes of `de`");

        let mut bundle = Bundle::default();
        bundle.keep_languages(&whole, |lang| lang != "el").unwrap();
        let html = html_page("el", el.1);
        let pages = vec![IndexedPage::new("el", "/el/x/", &html)];
        bundle.add(index_language(&Lang::parse("el").unwrap(), pages).unwrap(), &version);
        assert_eq!(bundle.into_entry(&version).unwrap().bytes, whole);
    }

    #[test]
    fn addresses_follow_the_link_style() {
        let el = Lang::parse("el").unwrap();
        assert_eq!(page_url(&el, "io1/x/", LinkStyle::Directory), "/el/io1/x/");
        assert_eq!(page_url(&el, "", LinkStyle::IndexHtml), "/el/index.html");
    }
}
