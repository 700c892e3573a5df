//! How translations remember what they were translated from.
//!
//! A translation's `source_hash` is a short hash of the default-language text it was made from:
//! title, summary, learning outcomes, keywords and body, normalised so that line endings,
//! trailing spaces and front matter keys that carry no text (duration, audience …) do not count.
//! When the source changes, its hash no longer matches and the translation is outdated.

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::{Document, Page};
use crate::key::Lang;

/// Where a page stands in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Freshness {
    /// The page is written in this language (the default language).
    Source,
    /// Translated from the current source text.
    UpToDate,
    /// Translated from an earlier source text: the source changed since.
    Outdated,
    /// Translated, but the translation records no `source_hash`.
    Unknown,
    /// Not translated: readers get the source text under a notice.
    Missing,
    /// A translation whose source no longer exists (not published).
    Orphaned,
}

impl Freshness {
    /// All states, in report order.
    pub const ALL: [Freshness; 6] =
        [Self::Source, Self::UpToDate, Self::Outdated, Self::Unknown, Self::Missing, Self::Orphaned];

    /// The name used in reports, JSON and `--fail-on` (`up-to-date`, `outdated` …).
    pub fn name(self) -> &'static str {
        match self {
            Self::Source => "source",
            Self::UpToDate => "up-to-date",
            Self::Outdated => "outdated",
            Self::Unknown => "unknown",
            Self::Missing => "missing",
            Self::Orphaned => "orphaned",
        }
    }
}

/// The state of `page` in `lang`.
pub fn freshness(page: &Page, lang: &Lang) -> Freshness {
    if &page.source.lang == lang {
        return Freshness::Source;
    }
    match page.translations.get(lang) {
        None => Freshness::Missing,
        Some(translation) => match &translation.source_hash {
            None => Freshness::Unknown,
            Some(hash) if *hash == page.source_hash => Freshness::UpToDate,
            Some(_) => Freshness::Outdated,
        },
    }
}

/// Length of the recorded hash, in hex digits.
const HASH_LENGTH: usize = 12;

/// The hash a translation of `source` records.
pub fn source_hash(source: &Document) -> String {
    let mut text = String::new();
    let mut field = |name: &str, values: &[String]| {
        text.push_str(name);
        text.push('\n');
        for value in values {
            text.push_str(value.trim());
            text.push('\n');
        }
    };
    field("title", std::slice::from_ref(&source.title));
    field("summary", source.summary.as_slice());
    field("knowledge", &source.learning_outcomes.knowledge);
    field("skills", &source.learning_outcomes.skills);
    field("responsibility_autonomy", &source.learning_outcomes.responsibility_autonomy);
    field("keywords", &source.keywords);
    text.push_str("body\n");
    for line in source.body().trim_end().lines() {
        text.push_str(line.trim_end());
        text.push('\n');
    }
    let digest = Sha256::digest(text.trim_start_matches('\n').as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect::<String>()[..HASH_LENGTH].to_string()
}

/// Sets `source_hash: <hash>` in the front matter of `text` (a whole Markdown file), replacing
/// an existing value or adding the key before the closing `---`. Everything else is kept as is.
pub fn set_source_hash(text: &str, hash: &str) -> Option<String> {
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let bom = if text.starts_with('\u{feff}') { "\u{feff}" } else { "" };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return None;
    }
    let close = lines.iter().skip(1).position(|l| l.trim_end() == "---")? + 1;
    let entry = format!("source_hash: {hash}{newline}");
    match lines[1..close].iter().position(|l| l.starts_with("source_hash:")) {
        Some(i) => lines[i + 1] = &entry,
        None => lines.insert(close, &entry),
    }
    Some(format!("{bom}{}", lines.concat()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::key::Lang;

    fn doc(text: &str) -> Document {
        let body_start = text.find("\n---\n").map_or(0, |i| i + 5);
        Document {
            path: "content/a.md".into(),
            lang: Lang::parse("en").unwrap(),
            text: text.into(),
            body_start,
            title: "A".into(),
            summary: None,
            learning_outcomes: Default::default(),
            keywords: Vec::new(),
            translators: Vec::new(),
            source_hash: None,
        }
    }

    #[test]
    fn ignores_trailing_spaces_and_trailing_blank_lines() {
        let a = doc("---\ntitle: A\n---\nText.\n");
        let b = doc("---\ntitle: A\nduration_minutes: 90\n---\nText.   \n\n\n");
        assert_eq!(source_hash(&a), source_hash(&b));
        assert_eq!(source_hash(&a).len(), 12);
    }

    #[test]
    fn changes_when_the_text_changes() {
        assert_ne!(source_hash(&doc("---\ntitle: A\n---\nText.\n")), source_hash(&doc("---\ntitle: A\n---\nText!\n")));
    }

    #[test]
    fn sets_or_replaces_the_hash_line_only() {
        let text = "---\ntitle: B\n---\nBody\n";
        assert_eq!(set_source_hash(text, "abc").unwrap(), "---\ntitle: B\nsource_hash: abc\n---\nBody\n");
        let again = set_source_hash("---\ntitle: B\nsource_hash: old\n---\nBody\n", "new").unwrap();
        assert_eq!(again, "---\ntitle: B\nsource_hash: new\n---\nBody\n");
        assert_eq!(
            set_source_hash("---\r\ntitle: B\r\n---\r\n", "x").unwrap(),
            "---\r\ntitle: B\r\nsource_hash: x\r\n---\r\n"
        );
    }
}
