//! Stage 3: content files → the [`Site`] model.
//!
//! Walks `content/` through a [`Source`], applies the naming rules ([`naming`]), parses front
//! matter ([`front_matter`]) and assembles outputs, modules and translations. Every problem is a
//! diagnostic; loading goes on after one so that a build reports all of them together.

pub mod activities;
pub mod assets;
pub mod front_matter;
pub mod hash;
pub mod naming;
pub mod site;
pub mod terms;

use std::collections::{BTreeMap, BTreeSet};

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics};
use crate::key::{Lang, PageId};
use crate::licence;
use crate::source::Source;

use front_matter::{IndexFront, ModuleFront};
use naming::{NameProblem, PageName};
pub use site::{Asset, Document, ModuleFacts, Output, Page, PageKind, Site, TrainerFacts};

/// The Markdown extensions every stage reads a document body with (GitHub's: tables,
/// footnotes, task lists, alerts; `{#id}` after headings), so that what the translate stage
/// compares is what the markdown stage renders.
pub const MARKDOWN_OPTIONS: pulldown_cmark::Options = pulldown_cmark::Options::ENABLE_TABLES
    .union(pulldown_cmark::Options::ENABLE_FOOTNOTES)
    .union(pulldown_cmark::Options::ENABLE_STRIKETHROUGH)
    .union(pulldown_cmark::Options::ENABLE_TASKLISTS)
    .union(pulldown_cmark::Options::ENABLE_HEADING_ATTRIBUTES)
    .union(pulldown_cmark::Options::ENABLE_GFM);

const CONTENT: &str = "content";

/// The largest Markdown file a build reads. Measured: a 1 MB module makes a PDF of 240 pages
/// in 5 s and 690 MB of memory, a 2 MB one 480 pages in 25 s; a 4 MB one takes a minute and
/// over 1 GB, and the time grows faster than the size. A real module is 20–100 kB; 2 MB leaves
/// room for scripts that take two bytes a letter (a Greek translation of a 1 MB English page).
pub const MAX_PAGE_BYTES: u64 = 2_000_000;

/// Addresses below `<version>/<lang>/` that the site's own pages use (the translation status
/// page, the accessibility statement and the catalogue; `media/` and `pagefind/` beside the
/// language folders are safe already).
const RESERVED_SLUGS: [&str; 5] = ["status", "accessibility", "static", "catalogue", "glossary"];

/// A Markdown file that parsed, before it is placed in the site.
struct Parsed {
    folder: Option<String>,
    name: PageName,
    doc: Document,
    front: Front,
}

enum Front {
    Index(IndexFront),
    Module(Box<ModuleFront>),
}

/// Loads the content tree of one version. Returns `None` when the content has errors that make a
/// site model impossible (the diagnostics say which).
pub fn load_site(config: &Config, source: &dyn Source, diags: &Diagnostics) -> anyhow::Result<Option<Site>> {
    let files = source.files(CONTENT, diags)?;
    if files.is_empty() {
        diags.push(
            Diagnostic::error("content", "the content folder is missing or empty")
                .in_category("files")
                .with_hint("create `content/_index.md` with a `title` in its front matter"),
        );
        return Ok(None);
    }
    let mut parsed = Vec::new();
    let mut assets = BTreeMap::new();
    let mut unloaded = BTreeSet::new();
    for file in files {
        let relative = file.path.strip_prefix("content/").unwrap_or(&file.path).to_string();
        let parts: Vec<&str> = relative.split('/').collect();
        let is_markdown = relative.ends_with(".md");
        if !is_markdown || parts.len() > 2 {
            let bytes = source.read(&file.path)?;
            assets.insert(relative.clone(), Asset { path: relative, bytes });
            continue;
        }
        let folder = (parts.len() == 2).then(|| parts[0].to_string());
        if file.size > MAX_PAGE_BYTES {
            // Told before reading: a file of gigabytes must not be read into memory first.
            let (size, limit) = crate::diag::sizes(file.size, MAX_PAGE_BYTES);
            diags.push(
                Diagnostic::error(&file.path, format!("file is {size}; the limit for a page is {limit}"))
                    .in_category("files")
                    .at(1, 1)
                    .with_hint(
                        "split the text into several modules (`NN-slug.md` files); 2 MB is about 500 printed pages",
                    ),
            );
            unloaded.insert(relative);
            continue;
        }
        let bytes = source.read(&file.path)?;
        match parse_file(config, &file.path, folder, parts[parts.len() - 1], bytes, diags) {
            Some(p) => parsed.push(p),
            None => {
                unloaded.insert(relative);
            }
        }
    }
    assets::check_assets(assets.values(), diags);
    let mut site = assemble(config, parsed, assets, unloaded, diags);
    for page in site.iter_mut().flat_map(|site| site.pages.iter_mut()) {
        page.facts.trainer = activities::check_page(page, diags);
    }
    Ok(site)
}

/// Parses one Markdown file's text as `path` (project-relative) would be parsed in a build,
/// e.g. an earlier version from the repository's history. `None` if it does not parse.
pub fn parse_document(config: &Config, path: &str, text: &str) -> Option<Document> {
    let relative = path.strip_prefix("content/").unwrap_or(path);
    let (folder, file_name) = match relative.rsplit_once('/') {
        Some((folder, name)) => (Some(folder.to_string()), name),
        None => (None, relative),
    };
    parse_file(config, path, folder, file_name, text.as_bytes().to_vec(), &Diagnostics::new()).map(|p| p.doc)
}

fn parse_file(
    config: &Config,
    path: &str,
    folder: Option<String>,
    file_name: &str,
    bytes: Vec<u8>,
    diags: &Diagnostics,
) -> Option<Parsed> {
    let name = match naming::parse_page_name(file_name) {
        Ok(name) => name,
        Err(NameProblem::MissingOrder) => {
            let hint = if folder.is_some() {
                format!("name modules `NN-slug.md`, e.g. `01-{}`", file_name)
            } else {
                "only `_index.md` and its translations belong directly in `content/`; put modules in an output folder"
                    .into()
            };
            diags.push(
                Diagnostic::error(path, "file name has no two-digit order prefix")
                    .in_category("files")
                    .at(1, 1)
                    .with_hint(hint),
            );
            return None;
        }
        Err(NameProblem::InvalidSlug { suggestion, reason }) => {
            let message = match reason {
                naming::SlugProblem::Characters => "file name is not a valid URL slug".to_string(),
                naming::SlugProblem::Hidden(hidden) => format!(
                    "file name holds invisible or direction-changing characters ({})",
                    hidden.iter().map(|c| format!("U+{:04X}", *c as u32)).collect::<Vec<_>>().join(", ")
                ),
                naming::SlugProblem::LookAlikes(pairs) => format!(
                    "file name mixes Latin letters with look-alikes from another script: {}",
                    pairs
                        .iter()
                        .map(|(c, latin)| format!("`{c}` (U+{:04X}) is not the Latin `{latin}`", *c as u32))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            diags.push(
                Diagnostic::error(path, message)
                    .in_category("files")
                    .at(1, 1)
                    .with_hint(format!("use letters, digits, hyphens and underscores, e.g. `…-{suggestion}.md`")),
            );
            return None;
        }
        Err(NameProblem::WindowsDeviceName { slug }) => {
            diags.push(windows_device_name(path, &slug).at(1, 1));
            return None;
        }
    };
    if folder.is_none() && name.order.is_some() {
        diags.push(
            Diagnostic::error(path, "modules must be inside an output folder")
                .in_category("files")
                .at(1, 1)
                .with_hint("move the file into a folder such as `content/io1-my-output/`"),
        );
        return None;
    }
    let lang = match &name.lang_suffix {
        None => config.default_lang.clone(),
        Some(code) => match config.lang(code) {
            Some(lang) => lang.clone(),
            None => {
                let known: Vec<&str> = config.langs().map(Lang::as_str).collect();
                // `01-x.EL.md`: the file is meant for `el`, but accepting it would let
                // `01-x.el.md` and `01-x.EL.md` be two Greek texts of one page.
                let hint = match config.lang(&code.to_ascii_lowercase()) {
                    Some(lang) => format!("language suffixes are lowercase: rename the file to `{}`", {
                        let stem = file_name.strip_suffix(&format!(".{code}.md")).unwrap_or(file_name);
                        format!("{stem}.{lang}.md")
                    }),
                    None => format!(
                        "book.toml lists {}; add `{code}` to `[[languages]]` or rename the file",
                        known.join(", ")
                    ),
                };
                diags.push(
                    Diagnostic::error(path, format!("language suffix `{code}` is not configured"))
                        .in_category("files")
                        .at(1, 1)
                        .with_hint(hint),
                );
                return None;
            }
        },
    };
    let text = match decode(path, bytes) {
        Ok(text) => text,
        Err(diagnostic) => {
            diags.push(diagnostic);
            return None;
        }
    };
    let text = normalise_text(text);
    let split = match front_matter::split(path, &text) {
        Ok(split) => split,
        Err(diagnostic) => {
            diags.push(diagnostic);
            return None;
        }
    };
    let body_start = split.body_start;
    let front = if name.order.is_some() {
        front_matter::parse::<ModuleFront>(path, split.yaml).map(|f| Front::Module(Box::new(f)))
    } else {
        front_matter::parse::<IndexFront>(path, split.yaml).map(Front::Index)
    };
    let front = match front {
        Ok(front) => front,
        Err(diagnostic) => {
            diags.push(diagnostic);
            return None;
        }
    };
    let doc = match &front {
        Front::Index(f) => Document {
            path: path.to_string(),
            lang,
            title: bidi_confined(&f.title),
            summary: f.summary.as_deref().map(bidi_confined),
            learning_outcomes: Default::default(),
            keywords: Vec::new(),
            translators: f.translators.clone().unwrap_or_default(),
            source_hash: f.source_hash.clone(),
            review: f.review.as_ref().map(|r| r.value.clone()),
            text: String::new(),
            body_start,
        },
        Front::Module(f) => Document {
            path: path.to_string(),
            lang,
            title: bidi_confined(&f.title),
            summary: f.summary.as_deref().map(bidi_confined),
            learning_outcomes: f.learning_outcomes.clone().unwrap_or_default(),
            keywords: f.keywords.iter().flatten().map(|k| bidi_confined(k)).collect(),
            translators: f.translators.clone().unwrap_or_default(),
            source_hash: f.source_hash.clone(),
            review: f.review.as_ref().map(|r| r.value.clone()),
            text: String::new(),
            body_start,
        },
    };
    let review = match &front {
        Front::Index(f) => f.review.as_ref(),
        Front::Module(f) => f.review.as_ref(),
    };
    if let Some(review) = review {
        let (line, col) = front_matter::position(review);
        if doc.lang == config.default_lang {
            diags.push(
                Diagnostic::error(path, "`review` belongs in a translation")
                    .in_category("front-matter")
                    .at(line, col)
                    .with_hint("the default-language text is the source; remove `review` here and record reviews in its translations"),
            );
        } else if let Some((message, hint)) = review.value.problem() {
            // A wrong date is shown where it is written, below the `review` key.
            let date = &review.value.date;
            let review_offset = text.find("review:").unwrap_or(0);
            let (line, col) = match text[review_offset..split.body_start].find(date.as_str()) {
                Some(at) if !date.is_empty() && review.value.by.trim() != "" => {
                    crate::diag::line_col(&text, review_offset + at)
                }
                _ => (line, col),
            };
            diags.push(Diagnostic::error(path, message).in_category("front-matter").at(line, col).with_hint(hint));
        }
    }
    if doc.title.trim().is_empty() {
        diags.push(
            Diagnostic::error(path, "`title` is empty")
                .in_category("front-matter")
                .at(2, 1)
                .with_hint("give the page a title"),
        );
    }
    Some(Parsed { folder, name, doc: Document { text, ..doc }, front })
}

/// A Markdown file's bytes as text, or why they are not UTF-8 text, at the first byte that is
/// not: UTF-16 (what Windows calls "Unicode"), a NUL byte (a binary file, or UTF-16 without a
/// byte order mark), or a byte that is not UTF-8 (Latin-1, a cut multi-byte letter).
fn decode(path: &str, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    let utf16 = || {
        Diagnostic::error(path, "file is saved as UTF-16, not UTF-8")
            .in_category("files")
            .at(1, 1)
            .with_hint("save the file with UTF-8 encoding (in Notepad: Save as… → Encoding: UTF-8)")
    };
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(utf16());
    }
    let valid_up_to = match std::str::from_utf8(&bytes) {
        Ok(_) => bytes.len(),
        Err(error) => error.valid_up_to(),
    };
    // A NUL before the first invalid byte is the first sign the file is not text. Text files
    // never contain one; pulldown-cmark would turn it into U+FFFD without a word.
    if let Some(nul) = bytes[..valid_up_to].iter().position(|&b| b == 0) {
        // ASCII text in UTF-16 has a NUL beside every letter, starting with the first two bytes.
        if nul < 2 {
            return Err(utf16());
        }
        let before = String::from_utf8_lossy(&bytes[..nul]);
        return Err(Diagnostic::error(path, format!("file contains a NUL byte (byte offset {nul})"))
            .in_category("files")
            .at_offset(&before, nul)
            .with_hint("this is not a text file, or it is damaged: save the text again as UTF-8, or remove the file"));
    }
    String::from_utf8(bytes).map_err(|error| {
        let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
        Diagnostic::error(path, format!("file is not valid UTF-8 (byte offset {valid_up_to})"))
            .in_category("files")
            .at_offset(&text, valid_up_to)
            .with_hint("save the file with UTF-8 encoding")
    })
}

/// Removes a UTF-8 BOM and turns CRLF and lone CR (classic Mac OS) into LF, so that files edited
/// anywhere give the same output and the same line numbers.
pub fn normalise_text(text: String) -> String {
    let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
    if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n") } else { text }
}

/// `CON`, `aux` … as the name of a page or output: its address would be a folder Windows
/// cannot create.
fn windows_device_name(path: &str, slug: &str) -> Diagnostic {
    Diagnostic::error(path, format!("`{slug}` cannot be a page's address: Windows reserves the name"))
        .in_category("files")
        .with_hint(format!("the site could not be copied to or built on Windows; rename it, e.g. to `{slug}-module`"))
}

/// A page's files while they are being grouped.
#[derive(Default)]
struct Group {
    order: Option<u32>,
    source: Option<Parsed>,
    translations: BTreeMap<Lang, Parsed>,
}

fn assemble(
    config: &Config,
    parsed: Vec<Parsed>,
    assets: BTreeMap<String, Asset>,
    unloaded: BTreeSet<String>,
    diags: &Diagnostics,
) -> Option<Site> {
    // (folder, slug) → group; the home page is ("", "").
    let mut groups: BTreeMap<(String, String), Group> = BTreeMap::new();
    for p in parsed {
        let folder = p.folder.clone().unwrap_or_default();
        let key = (folder, p.name.slug.clone());
        let group = groups.entry(key).or_default();
        if p.name.order.is_some() && group.order.is_some() && group.order != p.name.order {
            let other = group.source.as_ref().or(group.translations.values().next()).expect("group has a file");
            diags.push(
                Diagnostic::error(&p.doc.path, format!("two files map to the same page `{}`", p.name.slug))
                    .in_category("files")
                    .at(1, 1)
                    .with_hint(format!("`{}` has the same slug; rename one of them", other.doc.path)),
            );
            continue;
        }
        group.order = group.order.or(p.name.order);
        let is_source = p.doc.lang == config.default_lang;
        let slot = if is_source { group.source.as_ref() } else { group.translations.get(&p.doc.lang) };
        if let Some(existing) = slot {
            diags.push(
                Diagnostic::error(&p.doc.path, "two files map to the same page and language")
                    .in_category("files")
                    .at(1, 1)
                    .with_hint(format!(
                        "`{}` is the same page in `{}`; remove one of them",
                        existing.doc.path, p.doc.lang
                    )),
            );
            continue;
        }
        if is_source {
            group.source = Some(p);
        } else {
            group.translations.insert(p.doc.lang.clone(), p);
        }
    }

    let mut builder = SiteBuilder {
        unloaded: &unloaded,
        config,
        diags,
        pages: Vec::new(),
        by_id: BTreeMap::new(),
        by_source_path: BTreeMap::new(),
        orphans: Vec::new(),
    };
    let home = groups.remove(&(String::new(), String::new()));
    let mut folders: BTreeMap<String, BTreeMap<(u32, String), Group>> = BTreeMap::new();
    for ((folder, slug), group) in groups {
        folders.entry(folder).or_default().insert((group.order.unwrap_or(0), slug), group);
    }
    match home {
        Some(group) => {
            builder.add_page(group, PageKind::Home, None, PageId::home(), String::new(), "_index.md".into());
        }
        None => {
            diags.push(
                Diagnostic::error("content/_index.md", "the home page is missing")
                    .in_category("files")
                    .with_hint("create `content/_index.md` with a `title` in its front matter"),
            );
        }
    };

    let mut ordered_folders = Vec::new();
    for (folder, groups) in folders {
        match naming::parse_output_folder(&folder) {
            Ok((_, slug)) if RESERVED_SLUGS.contains(&slug.as_str()) => {
                diags.push(
                    Diagnostic::error(format!("content/{folder}"), format!("the folder name `{slug}` is reserved"))
                        .in_category("files")
                        .with_hint("the site uses this address for its own pages; rename the folder"),
                );
            }
            Ok((order, slug)) => ordered_folders.push((order.unwrap_or(0), slug, folder, groups)),
            Err(NameProblem::WindowsDeviceName { slug }) => {
                diags.push(windows_device_name(&format!("content/{folder}"), &slug));
            }
            Err(problem) => {
                let suggestion = match problem {
                    NameProblem::InvalidSlug { suggestion, .. } => suggestion,
                    NameProblem::MissingOrder | NameProblem::WindowsDeviceName { .. } => folder.to_lowercase(),
                };
                diags.push(
                    Diagnostic::error(format!("content/{folder}"), "folder name is not a valid URL slug")
                        .in_category("files")
                        .with_hint(format!("use letters, digits, hyphens and underscores, e.g. `{suggestion}`")),
                );
            }
        }
    }
    ordered_folders.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    // `IO1_Basics` and `io1-basics` would share every address.
    let mut by_slug: BTreeMap<&str, &str> = BTreeMap::new();
    let mut clashes = BTreeSet::new();
    for (_, slug, folder, _) in &ordered_folders {
        if let Some(other) = by_slug.insert(slug, folder) {
            let (first, second) =
                if other < folder.as_str() { (other, folder.as_str()) } else { (folder.as_str(), other) };
            diags.push(
                Diagnostic::error(
                    format!("content/{second}"),
                    format!("two output folders map to the address `{slug}`"),
                )
                .in_category("files")
                .with_hint(format!("`content/{first}` has the same slug; rename one of them")),
            );
            clashes.insert(slug.clone());
        }
    }
    ordered_folders.retain(|(_, slug, _, _)| !clashes.contains(slug));

    let mut outputs = Vec::new();
    for (_, slug, folder, mut groups) in ordered_folders {
        let output_index = outputs.len();
        let Some(landing_group) = groups.remove(&(0, String::new())) else {
            diags.push(
                Diagnostic::error(format!("content/{folder}"), "output folder has no `_index.md`")
                    .in_category("files")
                    .with_hint("add `_index.md` with the output's `title` and a short introduction"),
            );
            continue;
        };
        let Some(landing) = builder.add_page(
            landing_group,
            PageKind::Output,
            Some(output_index),
            PageId::new(&slug),
            format!("{slug}/"),
            format!("{folder}/_index.md"),
        ) else {
            continue;
        };
        let mut modules = Vec::new();
        for ((_, module_slug), group) in groups {
            let file_name = group
                .source
                .as_ref()
                .map(|p| p.doc.path.rsplit('/').next().unwrap_or_default().to_string())
                .unwrap_or_default();
            let id = PageId::new(format!("{slug}/{module_slug}"));
            if let Some(index) = builder.add_page(
                group,
                PageKind::Module,
                Some(output_index),
                id,
                format!("{slug}/{module_slug}/"),
                format!("{folder}/{file_name}"),
            ) {
                modules.push(index);
            }
        }
        outputs.push(Output { slug, landing, modules });
    }

    builder.check_prerequisites();
    let SiteBuilder { pages, by_id, by_source_path, orphans, .. } = builder;
    if pages.first().map(|p| p.kind) != Some(PageKind::Home) {
        return None;
    }
    Some(Site {
        version: config.version.clone(),
        pages,
        outputs,
        assets,
        by_source_path,
        by_id,
        unloaded,
        orphans,
        languages: config.langs().cloned().collect(),
    })
}

struct SiteBuilder<'a> {
    config: &'a Config,
    diags: &'a Diagnostics,
    pages: Vec<Page>,
    by_id: BTreeMap<PageId, usize>,
    by_source_path: BTreeMap<String, usize>,
    orphans: Vec<Document>,
    /// Sources that exist but did not load (their errors are reported).
    unloaded: &'a BTreeSet<String>,
}

impl SiteBuilder<'_> {
    /// Turns a group of files into a page; returns its index, or `None` when it is skipped
    /// (a draft, or no source text).
    fn add_page(
        &mut self,
        group: Group,
        kind: PageKind,
        output: Option<usize>,
        default_id: PageId,
        path: String,
        source_path: String,
    ) -> Option<usize> {
        let Some(source) = group.source else {
            for t in group.translations.values() {
                let expected = t.doc.path.replace(&format!(".{}.md", t.doc.lang), ".md");
                if self.unloaded.contains(expected.strip_prefix("content/").unwrap_or(&expected)) {
                    continue; // the source exists but has errors of its own, reported already
                }
                self.diags.push(
                    Diagnostic::warning(&t.doc.path, "translation has no source text, so it is not published").in_category("translations")
                        .at(1, 1)
                        .with_hint(format!(
                            "expected `{expected}` in the default language `{}`; restore it, or rename or delete the translation",
                            self.config.default_lang
                        )),
                );
            }
            self.orphans.extend(group.translations.into_values().map(|t| t.doc));
            return None;
        };
        let mut facts = ModuleFacts::default();
        let mut licence = self.config.licence;
        let mut id = default_id;
        let draft = match &source.front {
            Front::Index(f) => f.draft,
            Front::Module(f) => {
                facts = self.module_facts(&source.doc, f);
                if let Some(spdx) = &f.license {
                    match licence::licence(&spdx.value) {
                        Ok(l) => licence = l,
                        Err(licence::LicenceProblem::Unknown) if let Some(l) = licence::respelled(&spdx.value) => {
                            let (line, col) = front_matter::position(spdx);
                            self.diags.push(
                                Diagnostic::warning(
                                    &source.doc.path,
                                    format!("licence `{}` is read as `{}`", spdx.value, l.spdx),
                                )
                                .in_category("licence")
                                .at(line, col)
                                .with_hint(format!("write the SPDX id: `license: {}`", l.spdx)),
                            );
                            licence = l;
                        }
                        Err(problem) => {
                            let (message, hint) = licence::explain(&spdx.value, problem);
                            let (line, col) = front_matter::position(spdx);
                            self.diags.push(
                                Diagnostic::error(&source.doc.path, message)
                                    .in_category("front-matter")
                                    .at(line, col)
                                    .with_hint(hint),
                            );
                        }
                    }
                }
                if let Some(custom) = &f.id {
                    let (line, col) = front_matter::position(custom);
                    if is_valid_id(&custom.value) {
                        id = PageId::new(custom.value.clone());
                    } else {
                        self.diags.push(
                            Diagnostic::error(&source.doc.path, format!("invalid page id `{}`", custom.value))
                                .in_category("front-matter")
                                .at(line, col)
                                .with_hint("use lowercase letters, digits, hyphens and `/`, like `io1-output/module`"),
                        );
                    }
                }
                f.draft
            }
        };
        if draft {
            return None;
        }
        let mut translations = BTreeMap::new();
        let mut drafts = BTreeMap::new();
        for (lang, t) in group.translations {
            if let Front::Module(f) = &t.front {
                self.refuse_inherited_keys(&t.doc.path, f);
            }
            let draft = match &t.front {
                Front::Module(f) => f.draft,
                Front::Index(f) => f.draft,
            };
            if draft {
                drafts.insert(lang, t.doc);
            } else {
                translations.insert(lang, t.doc);
            }
        }
        if let Some(&other) = self.by_id.get(&id) {
            self.diags.push(
                Diagnostic::error(&source.doc.path, format!("page id `{id}` is used twice"))
                    .in_category("front-matter")
                    .with_hint(format!(
                        "`{}` has the same id; give one of them another `id`",
                        self.pages[other].source.path
                    )),
            );
            return None;
        }
        let index = self.pages.len();
        self.by_id.insert(id.clone(), index);
        self.by_source_path.insert(source_path, index);
        let source_hash = hash::source_hash(&source.doc);
        self.pages.push(Page {
            id,
            kind,
            output,
            path,
            source: source.doc,
            translations,
            drafts,
            facts,
            licence,
            source_hash,
        });
        Some(index)
    }

    fn module_facts(&self, doc: &Document, f: &ModuleFront) -> ModuleFacts {
        let mut facts = ModuleFacts {
            audience: f.audience.clone().unwrap_or_default(),
            authors: f.authors.clone().unwrap_or_default(),
            ..Default::default()
        };
        if let Some(level) = &f.eqf_level {
            if (1..=8).contains(&level.value) {
                facts.eqf_level = Some(level.value);
            } else {
                let (line, col) = front_matter::position(level);
                self.diags.push(
                    Diagnostic::error(&doc.path, format!("EQF level must be between 1 and 8, found {}", level.value))
                        .in_category("front-matter")
                        .at(line, col)
                        .with_hint("the European Qualifications Framework has eight levels"),
                );
            }
        }
        if let Some(minutes) = &f.duration_minutes {
            if minutes.value == 0 {
                let (line, col) = front_matter::position(minutes);
                self.diags.push(
                    Diagnostic::error(&doc.path, "duration must be more than 0 minutes")
                        .in_category("front-matter")
                        .at(line, col)
                        .with_hint("give the session length in minutes, e.g. `duration_minutes: 90`"),
                );
            } else {
                facts.duration_minutes = Some(minutes.value);
            }
        }
        facts.prerequisites = f.prerequisites.iter().flatten().map(|p| PageId::new(p.value.clone())).collect();
        facts
    }

    /// A translation carries only texts; facts such as duration come from the source so that
    /// languages cannot disagree about them.
    fn refuse_inherited_keys(&self, path: &str, f: &ModuleFront) {
        let inherited = [
            ("duration_minutes", f.duration_minutes.as_ref().map(front_matter::position)),
            ("eqf_level", f.eqf_level.as_ref().map(front_matter::position)),
            ("license", f.license.as_ref().map(front_matter::position)),
            ("id", f.id.as_ref().map(front_matter::position)),
        ];
        for (key, position) in inherited {
            if let Some((line, col)) = position {
                self.diags.push(
                    Diagnostic::error(path, format!("a translation cannot set `{key}`"))
                        .in_category("front-matter")
                        .at(line, col)
                        .with_hint("remove the key: translations take it from the default-language source"),
                );
            }
        }
    }

    fn check_prerequisites(&self) {
        for page in &self.pages {
            for prerequisite in &page.facts.prerequisites {
                if !self.by_id.contains_key(prerequisite) {
                    let hint = match crate::diag::did_you_mean(
                        prerequisite.as_str(),
                        self.by_id.keys().map(PageId::as_str).filter(|id| id.contains('/')),
                    ) {
                        Some(close) => format!("did you mean `{close}`?"),
                        None => "prerequisites are page ids such as `io1-output/module`".into(),
                    };
                    let (line, col) = locate_text(&page.source.text, prerequisite.as_str());
                    self.diags.push(
                        Diagnostic::error(&page.source.path, format!("unknown prerequisite `{prerequisite}`"))
                            .in_category("front-matter")
                            .at(line, col)
                            .with_hint(hint),
                    );
                }
            }
        }
    }
}

fn locate_text(text: &str, needle: &str) -> (usize, usize) {
    text.find(needle).map_or((0, 0), |offset| crate::diag::line_col(text, offset))
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty() && id.split('/').all(naming::is_valid_slug)
}

/// `text` with every direction override, embedding or isolate it opens closed at its end. A
/// title is the author's text and keeps its characters, but an unclosed right-to-left override
/// would reverse whatever follows it on the same line: the site name after it in `<title>`, the
/// next title in a list of modules.
fn bidi_confined(text: &str) -> String {
    const EMBEDDINGS: [char; 4] = ['\u{202a}', '\u{202b}', '\u{202d}', '\u{202e}'];
    const ISOLATES: [char; 3] = ['\u{2066}', '\u{2067}', '\u{2068}'];
    let mut open: Vec<char> = Vec::new(); // the closer each open one needs
    for c in text.chars() {
        match c {
            c if EMBEDDINGS.contains(&c) => open.push('\u{202c}'),
            c if ISOLATES.contains(&c) => open.push('\u{2069}'),
            // A PDF closes an embedding only inside the innermost isolate.
            '\u{202c}' if open.last() == Some(&'\u{202c}') => {
                open.pop();
            }
            // A PDI closes its isolate and everything opened inside it.
            '\u{2069}' if open.contains(&'\u{2069}') => while open.pop() != Some('\u{2069}') {},
            _ => {}
        }
    }
    if open.is_empty() {
        return text.to_string();
    }
    let mut confined = text.to_string();
    confined.extend(open.iter().rev());
    confined
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unclosed_direction_changes_are_closed_at_the_end_of_a_title() {
        assert_eq!(bidi_confined("Group work"), "Group work");
        assert_eq!(bidi_confined("a \u{202e}live"), "a \u{202e}live\u{202c}");
        assert_eq!(bidi_confined("a \u{202e}live\u{202c} b"), "a \u{202e}live\u{202c} b");
        assert_eq!(bidi_confined("\u{2067}x\u{202b}y"), "\u{2067}x\u{202b}y\u{202c}\u{2069}");
        assert_eq!(bidi_confined("\u{2067}x\u{202b}y\u{2069}z"), "\u{2067}x\u{202b}y\u{2069}z");
        assert_eq!(bidi_confined("\u{202c}\u{2069}stray closers"), "\u{202c}\u{2069}stray closers");
    }
}
