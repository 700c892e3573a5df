//! The project's agreed terms: `locales/<lang>/terms.toml`, one glossary per language, from the
//! default language's terms (`source`) to the form translations use (`approved`).
//!
//! ```toml
//! [sources]                      # what the `from` letters stand for (optional)
//! C = "Cedefop, Terminology of European education and training policy (2014)"
//!
//! [[term]]
//! source = "work-based learning"         # the default-language term
//! source_also = ["WBL"]                  # other default-language forms (optional)
//! approved = "arbeitsbasiertes Lernen"   # the form translations use
//! also = ["WBL"]                         # other accepted forms: abbreviations (optional)
//! forbidden = ["arbeitsplatzbasiertes Lernen"]  # variants not to use (optional)
//! note = "First mention: …"              # guidance for translators (optional)
//! from = "C"                             # where the term comes from: a key of [sources]
//! unsure = true                          # not yet checked against the official text
//! ```
//!
//! The files are the partners' work, like the content: every mistake is reported at
//! `locales/<lang>/terms.toml:line:col`, all of them together.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics};
use crate::key::Lang;
use crate::source::Source;

/// The file name inside `locales/<lang>/`.
pub const TERMS_FILE: &str = "terms.toml";

/// The glossary of one language.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Glossary {
    /// Project-relative path of the file (`locales/de/terms.toml`).
    pub path: String,
    /// What the `from` keys stand for.
    pub sources: BTreeMap<String, String>,
    pub terms: Vec<Term>,
}

/// One agreed term.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub source: String,
    #[serde(default)]
    pub source_also: Vec<String>,
    pub approved: String,
    #[serde(default)]
    pub also: Vec<String>,
    #[serde(default)]
    pub forbidden: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub unsure: bool,
    /// Line of the term's `[[term]]` header in the file (1-based), for diagnostics.
    #[serde(skip)]
    pub line: usize,
}

impl Term {
    /// Every form of the default-language term.
    pub fn source_forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.source.as_str()).chain(self.source_also.iter().map(String::as_str))
    }

    /// Every form a translation may use.
    pub fn accepted_forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.approved.as_str()).chain(self.also.iter().map(String::as_str))
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    sources: BTreeMap<String, String>,
    #[serde(default)]
    term: Vec<toml::Spanned<toml::Table>>,
}

/// Reads the glossary of every translation language that has a terms file in `source`. A file
/// with mistakes is reported (every mistake) and left out.
pub fn load_glossaries(
    source: &dyn Source,
    config: &Config,
    diags: &Diagnostics,
) -> anyhow::Result<BTreeMap<Lang, Glossary>> {
    let mut glossaries = BTreeMap::new();
    let files = source.files("locales", &Diagnostics::new())?;
    for lang in config.langs().filter(|l| **l != config.default_lang) {
        let relative = format!("locales/{lang}/{TERMS_FILE}");
        if !files.iter().any(|file| file.path == relative) {
            continue;
        }
        let bytes = source.read(&relative)?;
        let Ok(text) = String::from_utf8(bytes) else {
            diags.push(
                Diagnostic::error(&relative, "the terms file is not UTF-8 text")
                    .in_category("terminology")
                    .with_hint("save it as UTF-8 (every editor can)"),
            );
            continue;
        };
        if let Some(glossary) = parse_glossary(&relative, &text, diags) {
            glossaries.insert(lang.clone(), glossary);
        }
    }
    Ok(glossaries)
}

/// Parses one terms file; `None` (with every problem reported) when it has mistakes.
pub fn parse_glossary(path: &str, text: &str, diags: &Diagnostics) -> Option<Glossary> {
    let raw: RawFile = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(error) => {
            let mut diagnostic = Diagnostic::error(path, crate::diag::lowercase_first(error.message().trim()))
                .in_category("terminology")
                .with_hint("see the example at the top of README.md's section on terms files");
            if let Some(span) = error.span() {
                diagnostic = diagnostic.at_offset(text, span.start);
            }
            diags.push(diagnostic);
            return None;
        }
    };
    let mut ok = true;
    let mut terms: Vec<Term> = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for entry in raw.term {
        let (line, col) = crate::diag::line_col(text, entry.span().start);
        let table = entry.into_inner();
        let mut term = match toml::Value::Table(table).try_into::<Term>() {
            Ok(term) => term,
            Err(error) => {
                diags.push(
                    Diagnostic::error(path, format!("in this term: {}", crate::diag::lowercase_first(error.message().trim())))
                        .in_category("terminology")
                        .at(line, col)
                        .with_hint("a term has `source` and `approved`, and may have `source_also`, `also`, `forbidden`, `note`, `from` and `unsure`"),
                );
                ok = false;
                continue;
            }
        };
        term.line = line;
        let mut problem = |message: String, hint: &str| {
            diags.push(Diagnostic::error(path, message).in_category("terminology").at(line, col).with_hint(hint));
            ok = false;
        };
        if term.source.trim().is_empty() || term.approved.trim().is_empty() {
            problem(
                "a term needs both `source` and `approved`".into(),
                "write the default-language term and the form translations use",
            );
        }
        if let Some(from) = &term.from
            && !raw.sources.is_empty()
            && !raw.sources.contains_key(from)
        {
            problem(
                format!("`from = \"{from}\"` is not one of the [sources]"),
                &format!("the sources are {}", crate::diag::backticked(raw.sources.keys().map(String::as_str))),
            );
        }
        if let Some(&first) = seen.get(&term.source.to_lowercase()) {
            problem(format!("`{}` is listed twice (first at line {first})", term.source), "merge the two entries");
        }
        for forbidden in &term.forbidden {
            if term.accepted_forms().any(|a| a.eq_ignore_ascii_case(forbidden)) {
                problem(format!("`{forbidden}` is both accepted and forbidden"), "remove it from one of the lists");
            }
        }
        seen.insert(term.source.to_lowercase(), line);
        terms.push(term);
    }
    ok.then(|| Glossary { path: path.to_string(), sources: raw.sources, terms })
}

/// The glossaries as `status --terms` prints them: per language, each term with its accepted
/// and forbidden forms, its note and where it comes from; as a Markdown table per language with
/// `markdown`.
pub fn glossary_text(glossaries: &BTreeMap<Lang, Glossary>, markdown: bool) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    if glossaries.is_empty() {
        out.push_str("no language has a terms file (locales/<lang>/terms.toml)\n");
    }
    for (lang, glossary) in glossaries {
        let source_of = |term: &Term| {
            let from = term.from.as_deref().map(|key| match glossary.sources.get(key) {
                Some(title) => format!("{key}: {title}"),
                None => key.to_string(),
            });
            let unsure = term.unsure.then_some("unsure".to_string());
            from.into_iter().chain(unsure).collect::<Vec<_>>().join("; ")
        };
        if markdown {
            let _ = writeln!(out, "## {lang} ({}, {} terms)\n", glossary.path, glossary.terms.len());
            out.push_str("| Term | Agreed | Also | Not | Source | Note |\n|---|---|---|---|---|---|\n");
            let cell = |text: &str| text.replace('|', "\\|").replace('\n', " ");
            for term in &glossary.terms {
                let source: Vec<&str> = term.source_forms().collect();
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} | {} | {} |",
                    cell(&source.join(", ")),
                    cell(&term.approved),
                    cell(&term.also.join(", ")),
                    cell(&term.forbidden.join(", ")),
                    cell(&source_of(term)),
                    cell(term.note.as_deref().unwrap_or("")),
                );
            }
            out.push('\n');
        } else {
            let _ = writeln!(out, "{lang}  {}  ({} terms)", glossary.path, glossary.terms.len());
            for term in &glossary.terms {
                let source: Vec<&str> = term.source_forms().collect();
                let accepted: Vec<&str> = term.accepted_forms().collect();
                let _ = writeln!(out, "  {}  →  {}", source.join(" / "), accepted.join(" / "));
                if !term.forbidden.is_empty() {
                    let _ = writeln!(out, "      not: {}", term.forbidden.join(", "));
                }
                let from = source_of(term);
                if !from.is_empty() {
                    let _ = writeln!(out, "      from: {from}");
                }
                if let Some(note) = &term.note {
                    let _ = writeln!(out, "      note: {note}");
                }
            }
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_glossary_with_its_sources() {
        let diags = Diagnostics::new();
        let text = "[sources]\nC = \"Cedefop\"\n\n[[term]]\nsource = \"work-based learning\"\nsource_also = [\"WBL\"]\napproved = \"arbeitsbasiertes Lernen\"\nfrom = \"C\"\n";
        let glossary = parse_glossary("locales/de/terms.toml", text, &diags).unwrap();
        assert!(diags.into_sorted().is_empty());
        assert_eq!(glossary.terms.len(), 1);
        assert_eq!(glossary.terms[0].line, 4);
        assert_eq!(glossary.terms[0].source_forms().collect::<Vec<_>>(), ["work-based learning", "WBL"]);
    }

    #[test]
    fn reports_every_mistake_at_its_term() {
        let diags = Diagnostics::new();
        let text = "[sources]\nC = \"Cedefop\"\n\n[[term]]\nsource = \"mentor\"\napproved = \"Mentor\"\nfrom = \"X\"\n\n[[term]]\nsource = \"tutor\"\naproved = \"Tutor\"\n";
        assert!(parse_glossary("t.toml", text, &diags).is_none());
        let problems: Vec<String> =
            diags.into_sorted().iter().map(|d| format!("{}:{} {}", d.line, d.col, d.message)).collect();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("4:1 `from = \"X\"`"), "{problems:?}");
        assert!(problems[1].starts_with("9:1 in this term: unknown field `aproved`"), "{problems:?}");
    }
}
