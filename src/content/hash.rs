//! The fingerprint of a default-language text that its translations record.
//!
//! A translation's `source_hash` is a short hash of the source text it was made from: title,
//! summary, learning outcomes, keywords and body, normalised so that line endings, trailing
//! spaces and front matter keys that carry no text (duration, audience …) do not count.

use sha2::{Digest, Sha256};

use super::Document;

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
            review: None,
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
}
