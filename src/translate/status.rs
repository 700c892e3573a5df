//! Translation status: the matrix of pages × languages of one version, with the state of each
//! cell ([`Freshness`]) and totals per language and per output.
//!
//! The same report feeds `innotrain status` (table, JSON, Markdown) and the status page of the
//! site. The JSON form is a stable interface for CI (schema version 1, documented in README.md).

use std::collections::BTreeMap;

use serde::Serialize;

use super::freshness::{Freshness, freshness};
use crate::config::Config;
use crate::content::{PageKind, Site};
use crate::key::Lang;

/// The JSON schema version; bump it when a field changes meaning or disappears.
pub const SCHEMA_VERSION: u32 = 2;

/// Counts per state (`{"up-to-date": 3, "outdated": 1}`); states with no pages are left out.
pub type Counts = BTreeMap<&'static str, usize>;

#[derive(Debug, Clone, Serialize)]
pub struct StatusReport {
    pub schema: u32,
    pub version: String,
    pub default_language: String,
    /// The languages in the report (all, or the one `--lang` asked for, after the default).
    pub languages: Vec<String>,
    pub pages: Vec<PageStatus>,
    pub orphans: Vec<OrphanStatus>,
    /// Per language: how many pages are in each state (orphans included).
    pub totals: BTreeMap<String, Counts>,
    /// Per output, per language: how many pages (landing page and modules) are in each state.
    pub outputs: BTreeMap<String, BTreeMap<String, Counts>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PageStatus {
    /// Page id (`""` for the home page).
    pub id: String,
    /// `home`, `output` or `module`.
    pub kind: &'static str,
    pub output: Option<String>,
    pub title: String,
    /// Project-relative path of the default-language source.
    pub source: String,
    /// Hash of the current source text, as `translation done` records it.
    pub source_hash: String,
    /// One cell per language of the report.
    pub languages: BTreeMap<String, Cell>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    pub state: Freshness,
    /// The translation file, when there is one.
    pub path: Option<String>,
    /// The `source_hash` the translation records.
    pub recorded_hash: Option<String>,
    /// Who reviewed the translation, and when (kept when it becomes outdated).
    pub review: Option<crate::content::front_matter::Review>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OrphanStatus {
    pub path: String,
    pub language: String,
}

/// Which part of the matrix to report.
#[derive(Debug, Clone, Default)]
pub struct StatusFilter {
    pub lang: Option<Lang>,
    pub output: Option<String>,
}

/// Builds the report for `site`.
pub fn status_report(config: &Config, site: &Site, filter: &StatusFilter) -> StatusReport {
    let langs: Vec<&Lang> =
        config.langs().filter(|l| filter.lang.as_ref().is_none_or(|f| f == *l || *l == &config.default_lang)).collect();
    let mut totals: BTreeMap<String, Counts> = langs.iter().map(|l| (l.to_string(), Counts::new())).collect();
    let mut outputs: BTreeMap<String, BTreeMap<String, Counts>> = BTreeMap::new();
    let mut pages = Vec::new();
    for page in &site.pages {
        let output = page.output.map(|o| site.outputs[o].slug.clone());
        if filter.output.is_some() && filter.output != output {
            continue;
        }
        let mut cells = BTreeMap::new();
        for lang in &langs {
            let state = freshness(page, lang);
            let translation = page.translations.get(*lang).or_else(|| page.drafts.get(*lang));
            *totals.get_mut(lang.as_str()).expect("language listed").entry(state.name()).or_default() += 1;
            if let Some(slug) = &output {
                *outputs
                    .entry(slug.clone())
                    .or_default()
                    .entry(lang.to_string())
                    .or_default()
                    .entry(state.name())
                    .or_default() += 1;
            }
            cells.insert(
                lang.to_string(),
                Cell {
                    state,
                    path: translation.map(|t| t.path.clone()),
                    recorded_hash: translation.and_then(|t| t.source_hash.clone()),
                    review: translation.and_then(|t| t.review.clone()),
                },
            );
        }
        pages.push(PageStatus {
            id: page.id.as_str().to_string(),
            kind: match page.kind {
                PageKind::Home => "home",
                PageKind::Output => "output",
                PageKind::Module => "module",
            },
            output,
            title: page.source.title.clone(),
            source: page.source.path.clone(),
            source_hash: page.source_hash.clone(),
            languages: cells,
        });
    }
    let mut orphans = Vec::new();
    for orphan in &site.orphans {
        let in_output = filter.output.as_ref().is_none_or(|o| orphan.path.starts_with(&format!("content/{o}/")));
        if langs.contains(&&orphan.lang) && in_output {
            *totals.entry(orphan.lang.to_string()).or_default().entry(Freshness::Orphaned.name()).or_default() += 1;
            orphans.push(OrphanStatus { path: orphan.path.clone(), language: orphan.lang.to_string() });
        }
    }
    StatusReport {
        schema: SCHEMA_VERSION,
        version: site.version.to_string(),
        default_language: config.default_lang.to_string(),
        languages: langs.iter().map(|l| l.to_string()).collect(),
        pages,
        orphans,
        totals,
        outputs,
    }
}

impl StatusReport {
    /// Whether any cell is in one of `states`.
    pub fn has_any(&self, states: &[Freshness]) -> bool {
        let in_pages = self.pages.iter().flat_map(|p| p.languages.values()).any(|c| states.contains(&c.state));
        in_pages || (states.contains(&Freshness::Orphaned) && !self.orphans.is_empty())
    }

    /// A fixed-width table for a terminal.
    pub fn to_table(&self) -> String {
        let width = self.pages.iter().map(|p| display_id(p).chars().count()).max().unwrap_or(10).max(10);
        let mut out = format!("translation status of version {}\n\n", self.version);
        out.push_str(&format!("{:width$}", "page"));
        for lang in &self.languages {
            out.push_str(&format!("  {lang:>4}"));
        }
        out.push('\n');
        for page in &self.pages {
            out.push_str(&format!("{:width$}", display_id(page)));
            for lang in &self.languages {
                out.push_str(&format!("  {:>4}", symbol(page.languages[lang].state)));
            }
            out.push('\n');
        }
        for orphan in &self.orphans {
            out.push_str(&format!("orphaned ({}): {}\n", orphan.language, orphan.path));
        }
        out.push_str("\ntotals\n");
        for lang in self.languages.iter().filter(|l| **l != self.default_language) {
            out.push_str(&format!("  {lang}: {}\n", describe(&self.totals[lang])));
        }
        if !self.outputs.is_empty() {
            out.push_str("\nper output\n");
            for (output, langs) in &self.outputs {
                out.push_str(&format!("  {output}\n"));
                for (lang, counts) in langs.iter().filter(|(l, _)| **l != self.default_language) {
                    out.push_str(&format!("    {lang}: {}\n", describe(counts)));
                }
            }
        }
        out.push_str("\nlegend: ok up to date and reviewed, unr up to date but not reviewed, OLD outdated, .. in progress (a draft, or not yet marked done), -- missing (the default-language text is shown), src source\n");
        out
    }

    /// A Markdown table, e.g. for a CI summary or an issue.
    pub fn to_markdown(&self) -> String {
        let mut out = format!("## Translation status of version {}\n\n| page |", self.version);
        for lang in &self.languages {
            out.push_str(&format!(" {lang} |"));
        }
        out.push_str("\n|---|");
        out.push_str(&"---|".repeat(self.languages.len()));
        out.push('\n');
        for page in &self.pages {
            out.push_str(&format!("| `{}` |", display_id(page).trim()));
            for lang in &self.languages {
                out.push_str(&format!(" {} |", page.languages[lang].state.name()));
            }
            out.push('\n');
        }
        out.push_str("\n| language | totals |\n|---|---|\n");
        for lang in self.languages.iter().filter(|l| **l != self.default_language) {
            out.push_str(&format!("| {lang} | {} |\n", describe(&self.totals[lang])));
        }
        if !self.outputs.is_empty() {
            out.push_str("\n| output | language | totals |\n|---|---|---|\n");
            for (output, langs) in &self.outputs {
                for (lang, counts) in langs.iter().filter(|(l, _)| **l != self.default_language) {
                    out.push_str(&format!("| `{output}` | {lang} | {} |\n", describe(counts)));
                }
            }
        }
        if !self.orphans.is_empty() {
            out.push_str("\nOrphaned translations (their source is gone):\n\n");
            for orphan in &self.orphans {
                out.push_str(&format!("- `{}` ({})\n", orphan.path, orphan.language));
            }
        }
        out
    }
}

fn display_id(page: &PageStatus) -> String {
    match page.kind {
        "home" => "(home)".into(),
        "module" => format!("  {}", page.id),
        _ => page.id.clone(),
    }
}

fn symbol(state: Freshness) -> &'static str {
    match state {
        Freshness::Source => "src",
        Freshness::UpToDate => "ok",
        Freshness::Unreviewed => "unr",
        Freshness::Outdated => "OLD",
        Freshness::InProgress => "..",
        Freshness::Missing => "--",
        Freshness::Orphaned => "!!",
    }
}

/// "10 up-to-date, 2 outdated, 5 missing".
pub fn describe(counts: &Counts) -> String {
    let parts: Vec<String> =
        Freshness::ALL.iter().filter_map(|s| counts.get(s.name()).map(|n| format!("{n} {}", s.name()))).collect();
    if parts.is_empty() { "nothing".into() } else { parts.join(", ") }
}

/// The UI strings report as text (`markdown`: as a Markdown list).
pub fn strings_text(coverage: &BTreeMap<String, crate::i18n::LanguageCoverage>, markdown: bool) -> String {
    let mut out = String::from(if markdown { "## UI strings\n\n" } else { "UI strings (locales/<lang>/*.ftl)\n\n" });
    for (lang, c) in coverage {
        let heading = if markdown { format!("### {lang}\n\n") } else { format!("{lang}:\n") };
        out.push_str(&heading);
        let bullet = if markdown { "- " } else { "  " };
        if c.missing.is_empty() && c.extra.is_empty() && c.variables.is_empty() && c.missing_legal.is_empty() {
            out.push_str(&format!("{bullet}complete\n"));
        }
        for id in &c.missing_legal {
            out.push_str(&format!("{bullet}missing legal message `{id}` (the build fails)\n"));
        }
        for id in &c.missing {
            out.push_str(&format!("{bullet}missing `{id}` (the default language's text is shown)\n"));
        }
        for id in &c.extra {
            out.push_str(&format!("{bullet}extra `{id}` (not in the default language, never shown)\n"));
        }
        for m in &c.variables {
            out.push_str(&format!(
                "{bullet}`{}` uses variables {{{}}} but the default language uses {{{}}}\n",
                m.id,
                m.found.join(", "),
                m.expected.join(", ")
            ));
        }
        out.push('\n');
    }
    out
}
