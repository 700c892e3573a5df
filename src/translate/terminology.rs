//! The agreed terms in translations: a translation uses the approved form of every glossary
//! term its source uses, and never a forbidden variant. Partner reviewers of Erasmus+ outputs
//! check the terms first; a translator who writes "Work-based Learning" in a German module, or
//! paraphrases "learning agreement" away, hears it at the line where it happens.
//!
//! Words are compared by their stems (lowercased, without diacritics, through the language's
//! Snowball stemmer, as the search does), so inflected forms count: "αξιολόγησης" is a form of
//! "αξιολόγηση", "Lernvereinbarungen" of "Lernvereinbarung". A one-word form also counts inside
//! a compound ("Qualitätssicherungsrahmen" uses "Qualitätssicherung").
//!
//! Which translation text corresponds to which source text: the front matter field by field
//! (title, summary, each learning outcome); the body section by section (a heading starts a
//! section) and, where a section has as many blocks (paragraphs, list items, table cells,
//! headings) as the source's, block by block; else the section as a whole.

use std::collections::BTreeMap;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::content::terms::{Glossary, Term};
use crate::content::{Document, Site};
use crate::diag::{Diagnostic, Diagnostics, line_col};
use crate::key::Lang;
use crate::words::Analyzer;

/// A one-word form counts inside a longer word (a compound) when its stem has this many
/// characters at least: shorter stems ("rat", "ziel") are parts of too many unrelated words.
const MIN_COMPOUND_STEM_CHARS: usize = 5;

/// Checks every translation of the site whose language has a glossary.
pub fn check_terminology(site: &Site, default_lang: &Lang, glossaries: &BTreeMap<Lang, Glossary>, diags: &Diagnostics) {
    if glossaries.is_empty() {
        return;
    }
    let mut source_words = Words::new(default_lang);
    let mut translated_words: BTreeMap<&Lang, Words> = BTreeMap::new();
    for page in &site.pages {
        let source = units(&page.source);
        for (lang, translation) in &page.translations {
            let Some(glossary) = glossaries.get(lang) else { continue };
            let words = translated_words.entry(lang).or_insert_with(|| Words::new(lang));
            let translated = units(translation);
            let checker = Checker { glossary, source: &page.source, translation, diags };
            checker.forbidden_variants(&translated);
            for (source_part, translated_part) in corresponding(&source, &translated) {
                checker.missing_terms(&source_part, &translated_part, &mut source_words, words);
            }
        }
    }
}

/// A piece of text of a document that a reader sees as one: a paragraph, list item, heading,
/// table cell, title, summary or learning outcome.
#[derive(Debug, Clone)]
struct Unit {
    /// The text's pieces (text between emphasis, links …) with their byte offsets in the file.
    pieces: Vec<(String, usize)>,
    /// Which section it belongs to: 0 for the front matter, then 1 before the first heading, 2
    /// from the first heading, …
    section: usize,
    /// For front matter units: which field (`title`, `knowledge 2` …), so that fields pair up.
    field: Option<String>,
}

impl Unit {
    fn text(&self) -> String {
        self.pieces.iter().map(|(text, _)| text.as_str()).collect::<Vec<_>>().join(" ")
    }

    fn offset(&self) -> usize {
        self.pieces.first().map_or(0, |(_, offset)| *offset)
    }
}

/// The units of a document, in order.
fn units(doc: &Document) -> Vec<Unit> {
    let mut units = front_matter_units(doc);
    let mut section = 1;
    // Blocks open inside each other (a paragraph inside a list item): text goes to the
    // innermost one.
    let mut open: Vec<Unit> = Vec::new();
    for (event, range) in Parser::new_ext(doc.body(), crate::content::MARKDOWN_OPTIONS).into_offset_iter() {
        let offset = doc.body_start + range.start;
        match event {
            Event::Start(Tag::Heading { .. }) => {
                section += 1;
                open.push(Unit { pieces: Vec::new(), section, field: None });
            }
            Event::Start(Tag::Paragraph | Tag::Item | Tag::TableCell) => {
                open.push(Unit { pieces: Vec::new(), section, field: None });
            }
            Event::End(TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell) => {
                if let Some(unit) = open.pop().filter(|unit| !unit.pieces.is_empty()) {
                    units.push(unit);
                }
            }
            // Code is written as it is in every language: not text to translate.
            Event::Text(text) => {
                if let Some(unit) = open.last_mut() {
                    unit.pieces.push((text.to_string(), offset));
                }
            }
            _ => {}
        }
    }
    units
}

/// The front matter's texts, each found in the file for its position.
fn front_matter_units(doc: &Document) -> Vec<Unit> {
    let front_matter = &doc.text[..doc.body_start.min(doc.text.len())];
    let outcomes = &doc.learning_outcomes;
    let mut fields: Vec<(String, &str)> = vec![("title".into(), doc.title.as_str())];
    if let Some(summary) = &doc.summary {
        fields.push(("summary".into(), summary));
    }
    for (group, items) in [
        ("knowledge", &outcomes.knowledge),
        ("skills", &outcomes.skills),
        ("autonomy", &outcomes.responsibility_autonomy),
    ] {
        fields.extend(items.iter().enumerate().map(|(i, text)| (format!("{group} {i}"), text.as_str())));
    }
    fields
        .into_iter()
        .filter(|(_, text)| !text.trim().is_empty())
        .map(|(field, text)| {
            // The value as written may be quoted or folded; its first words find it.
            let probe: String = text.chars().take(24).collect();
            let offset = front_matter.find(&probe).unwrap_or(0);
            Unit { pieces: vec![(text.to_string(), offset)], section: 0, field: Some(field) }
        })
        .collect()
}

/// Pairs of source and translation text that say the same thing: front matter fields by name,
/// then sections by position (block by block when they have as many blocks). When the
/// translation has other sections than the source, its whole body answers for the source's.
fn corresponding(source: &[Unit], translated: &[Unit]) -> Vec<(Vec<Unit>, Vec<Unit>)> {
    let mut pairs = Vec::new();
    for unit in source.iter().filter(|u| u.field.is_some()) {
        if let Some(counterpart) = translated.iter().find(|t| t.field == unit.field) {
            pairs.push((vec![unit.clone()], vec![counterpart.clone()]));
        }
    }
    let sections = |units: &[Unit]| {
        let mut sections: BTreeMap<usize, Vec<Unit>> = BTreeMap::new();
        for unit in units.iter().filter(|u| u.field.is_none()) {
            sections.entry(unit.section).or_default().push(unit.clone());
        }
        sections
    };
    let (source_sections, translated_sections) = (sections(source), sections(translated));
    if source_sections.keys().ne(translated_sections.keys()) {
        let whole = |sections: BTreeMap<usize, Vec<Unit>>| sections.into_values().flatten().collect::<Vec<_>>();
        pairs.push((whole(source_sections), whole(translated_sections)));
        return pairs;
    }
    for (section, source_units) in source_sections {
        let translated_units = translated_sections[&section].clone();
        if source_units.len() == translated_units.len() {
            pairs.extend(source_units.into_iter().zip(translated_units).map(|(s, t)| (vec![s], vec![t])));
        } else {
            pairs.push((source_units, translated_units));
        }
    }
    pairs
}

/// A word of a text: its stem, the word itself (lowercase, without diacritics) and where it is.
struct Stem {
    stem: String,
    word: String,
    range: std::ops::Range<usize>,
}

/// Stems of words in one language, remembered.
struct Words {
    analyzer: Analyzer,
}

impl Words {
    fn new(lang: &Lang) -> Self {
        Self { analyzer: Analyzer::new(lang.as_str()) }
    }

    /// The stems of the words of `text`, each with its byte range in `text`.
    fn stems(&mut self, text: &str) -> Vec<Stem> {
        let mut stems = Vec::new();
        let mut start = None;
        for (index, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(index),
                (false, Some(from)) => {
                    let word = &text[from..index];
                    if let Some(term) = self.analyzer.terms(word).first() {
                        stems.push(Stem { stem: term.stem.clone(), word: fold(word), range: from..index });
                    }
                    start = None;
                }
                _ => {}
            }
        }
        stems
    }

    /// Where in `text` a form of `phrase` is (its byte range), if anywhere.
    #[cfg(test)]
    fn find(&mut self, text: &str, phrase: &str, matching: Matching) -> Option<std::ops::Range<usize>> {
        let have = self.stems(text);
        self.find_in(&have, phrase, matching)
    }

    /// Where in a text whose stems are `have` a form of `phrase` is (its byte range), if anywhere.
    fn find_in(&mut self, have: &[Stem], phrase: &str, matching: Matching) -> Option<std::ops::Range<usize>> {
        let wanted = self.stems(phrase);
        if wanted.is_empty() {
            return None;
        }
        let same_word = |have: &Stem, want: &Stem| match matching {
            Matching::Exact => have.stem == want.stem && one_starts_the_other(&have.word, &want.word),
            Matching::Lenient => have.stem == want.stem || stems_match(&have.stem, &want.stem),
        };
        let in_compound = matching == Matching::Lenient
            && wanted.len() == 1
            && wanted[0].stem.chars().count() >= MIN_COMPOUND_STEM_CHARS;
        have.windows(wanted.len())
            .find(|window| {
                window.iter().zip(&wanted).all(|(have, want)| same_word(have, want))
                    || (in_compound && window[0].stem.contains(wanted[0].stem.as_str()))
            })
            .map(|window| window[0].range.start..window[window.len() - 1].range.end)
    }
}

/// How closely words must match. A term is looked for in the source exactly: the same stem, and
/// one word the start of the other ("competences" is a form of "competence", but "competes",
/// which the English stemmer also makes "compet", is not). Its agreed translation is looked for
/// leniently (a stem that starts the other, a word inside a compound), so that a translation is
/// not blamed for the stemmer's gaps.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Matching {
    Exact,
    Lenient,
}

/// Two stems of the same word: equal, or one the start of the other when that one is long
/// enough to be a word of its own. A stemmer leaves some endings on some forms (the Greek one
/// stems "συμφωνία" and "συμφωνίας" differently); the shorter stem still starts the longer.
fn stems_match(have: &str, want: &str) -> bool {
    let (shorter, longer) = if have.len() <= want.len() { (have, want) } else { (want, have) };
    shorter == longer || (shorter.chars().count() >= MIN_COMPOUND_STEM_CHARS && longer.starts_with(shorter))
}

fn one_starts_the_other(a: &str, b: &str) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

struct Checker<'a> {
    glossary: &'a Glossary,
    source: &'a Document,
    translation: &'a Document,
    diags: &'a Diagnostics,
}

impl Checker<'_> {
    fn term_at(&self, term: &Term) -> String {
        format!("{}:{}", self.glossary.path, term.line)
    }

    /// A forbidden variant anywhere in the translation's text, at the variant.
    fn forbidden_variants(&self, units: &[Unit]) {
        for unit in units {
            for (text, offset) in &unit.pieces {
                for term in &self.glossary.terms {
                    for variant in &term.forbidden {
                        let Some(found) = find_variant(text, variant) else { continue };
                        let (line, col) = line_col(&self.translation.text, offset + found.start);
                        self.diags.push(
                            Diagnostic::warning(
                                &self.translation.path,
                                format!("`{}` is not the agreed term for \"{}\"", &text[found], term.source),
                            )
                            .in_category("terminology")
                            .at(line, col)
                            .with_hint(format!(
                                "write \"{}\" (the project's term, agreed in {})",
                                term.approved,
                                self.term_at(term)
                            )),
                        );
                    }
                }
            }
        }
    }

    /// A glossary term the source text uses whose approved form the corresponding translation
    /// text lacks: reported once per term and text, at the translation's text.
    fn missing_terms(&self, source: &[Unit], translated: &[Unit], source_words: &mut Words, words: &mut Words) {
        let source_text: String = source.iter().map(Unit::text).collect::<Vec<_>>().join("\n");
        let translated_text: String = translated.iter().map(Unit::text).collect::<Vec<_>>().join("\n");
        let source_stems = source_words.stems(&source_text);
        let translated_stems = words.stems(&translated_text);
        for term in &self.glossary.terms {
            let Some(used) =
                term.source_forms().find(|form| source_words.find_in(&source_stems, form, Matching::Exact).is_some())
            else {
                continue;
            };
            if term.accepted_forms().any(|form| words.find_in(&translated_stems, form, Matching::Lenient).is_some()) {
                continue;
            }
            let at = translated.first().map_or(self.translation.body_start, Unit::offset);
            let (line, col) = line_col(&self.translation.text, at);
            let source_line = line_col(&self.source.text, source.first().map_or(0, Unit::offset)).0;
            let also: Vec<String> = term.also.iter().map(|form| format!("\"{form}\"")).collect();
            let also = if also.is_empty() { String::new() } else { format!(" (or {})", also.join(", ")) };
            self.diags.push(
                Diagnostic::warning(
                    &self.translation.path,
                    format!("\"{used}\" is translated without the agreed term \"{}\"{also}", term.approved),
                )
                .in_category("terminology")
                .at(line, col)
                .with_hint(format!(
                    "the source says \"{used}\" at {}:{source_line}; the term is agreed in {}: use it here, or add the form you use to the term's `also` list",
                    self.source.path,
                    self.term_at(term)
                )),
            );
        }
    }
}

/// A forbidden variant in a text: as a phrase of whole words, in any case; an acronym
/// (all capitals, "VET") only in capitals, so that "vet" in an ordinary word is not one.
fn find_variant(text: &str, variant: &str) -> Option<std::ops::Range<usize>> {
    let is_acronym = variant.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    if is_acronym {
        return text.match_indices(variant).map(|(start, _)| start..start + variant.len()).find(|range| {
            let before = text[..range.start].chars().next_back();
            let after = text[range.end..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        });
    }
    // Whole words, compared without case and diacritics but not stemmed: a forbidden variant
    // is a wording, and its stem may be the approved form's too.
    let wanted: Vec<String> = words_of(variant).map(|(word, _)| fold(word)).collect();
    let have: Vec<(String, std::ops::Range<usize>)> = words_of(text).map(|(word, range)| (fold(word), range)).collect();
    if wanted.is_empty() {
        return None;
    }
    have.windows(wanted.len())
        .find(|window| window.iter().zip(&wanted).all(|((have, _), want)| have == want))
        .map(|window| window[0].1.start..window[window.len() - 1].1.end)
}

/// The words of a text (letters and digits), with their byte ranges.
fn words_of(text: &str) -> impl Iterator<Item = (&str, std::ops::Range<usize>)> {
    let mut start = None;
    text.char_indices().chain(std::iter::once((text.len(), ' '))).filter_map(move |(index, c)| {
        match (c.is_alphanumeric(), start) {
            (true, None) => {
                start = Some(index);
                None
            }
            (false, Some(from)) => {
                start = None;
                Some((&text[from..index], from..index))
            }
            _ => None,
        }
    })
}

/// Lowercase, without diacritics.
fn fold(word: &str) -> String {
    crate::words::strip_diacritics(&word.to_lowercase()).unwrap_or_else(|| word.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_inflected_forms_and_compounds() {
        let mut de = Words::new(&Lang::parse("de").unwrap());
        assert!(
            de.find("Die Lernvereinbarungen werden unterschrieben.", "Lernvereinbarung", Matching::Lenient).is_some()
        );
        assert!(de.find("Der Qualitätssicherungsrahmen", "Qualitätssicherung", Matching::Lenient).is_some());
        assert!(de.find("Im arbeitsbasierten Lernen", "arbeitsbasiertes Lernen", Matching::Lenient).is_some());
        assert!(de.find("Lernen, arbeitsbasiert", "arbeitsbasiertes Lernen", Matching::Lenient).is_none());
        let mut en = Words::new(&Lang::parse("en").unwrap());
        assert!(en.find("Their competences grow.", "competence", Matching::Exact).is_some());
        assert!(en.find("Who competes with whom?", "competence", Matching::Exact).is_none());
        let mut el = Words::new(&Lang::parse("el").unwrap());
        assert!(el.find("της αξιολόγησης των μαθητών", "αξιολόγηση", Matching::Lenient).is_some());
    }

    #[test]
    fn forbidden_acronyms_only_in_capitals() {
        assert_eq!(find_variant("Die VET-Schulen", "VET"), Some(4..7));
        assert_eq!(find_variant("Vetorecht und vet", "VET"), None);
        assert_eq!(find_variant("Das Work-based learning", "Work-based Learning"), Some(4..23));
    }
}
