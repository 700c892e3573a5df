//! Heading anchors, made the way GitHub makes them, so that an anchor written for a README or a
//! lesson on GitHub keeps working here (`## Δείκτες εισροών` → `#δείκτες-εισροών`).
//!
//! The heading's text is lower-cased; letters, combining marks, decimal and letter numbers and
//! connector punctuation (`_`) of every script are kept, so Hindi and Tamil headings keep their
//! vowel signs and viramas; each space becomes a hyphen (`A & B` → `a--b`, as on GitHub); every
//! other character is dropped. Repeats get `-1`, `-2` ([`IdAllocator`]). Browsers
//! percent-encode the ids in the address bar, but match them exactly.

use std::collections::BTreeSet;

use unicode_properties::{GeneralCategory as Category, UnicodeGeneralCategory};

/// `Ελληνικά: io3/δείκτες 2.0` → `io3-2-0`: lower-case ASCII letters, digits and hyphens,
/// for names that travel through LMS upload forms, e-mail and USB sticks; `fallback` when
/// nothing is left.
pub fn ascii_name(text: &str, fallback: &str) -> String {
    let folded: String =
        text.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    let name = folded.split('-').filter(|part| !part.is_empty()).collect::<Vec<_>>().join("-");
    if name.is_empty() { fallback.to_string() } else { name }
}

/// The id for a heading's text.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // The whole text at once, so that a word-final Σ becomes ς, as in JavaScript and Ruby.
    for c in text.trim().to_lowercase().chars() {
        if c == ' ' {
            out.push('-');
        } else if c == '-' || is_word_character(c) {
            out.push(c);
        }
    }
    if out.is_empty() { "section".into() } else { out }
}

/// GitHub's `\p{Word}`: letters, marks, decimal and letter numbers, connector punctuation.
fn is_word_character(c: char) -> bool {
    matches!(
        c.general_category(),
        Category::UppercaseLetter
            | Category::LowercaseLetter
            | Category::TitlecaseLetter
            | Category::ModifierLetter
            | Category::OtherLetter
            | Category::NonspacingMark
            | Category::SpacingMark
            | Category::EnclosingMark
            | Category::DecimalNumber
            | Category::LetterNumber
            | Category::ConnectorPunctuation
    )
}

/// Hands out ids that are unique within one page: `x`, `x-1`, `x-2` …
#[derive(Debug, Default)]
pub struct IdAllocator {
    taken: BTreeSet<String>,
}

impl IdAllocator {
    /// Ids the theme uses on every page, which a heading must not take.
    pub fn with_reserved(reserved: &[&str]) -> Self {
        Self { taken: reserved.iter().map(|s| s.to_string()).collect() }
    }

    /// Claims an explicit `{#id}`; `false` when it is already taken.
    pub fn claim(&mut self, id: &str) -> bool {
        self.taken.insert(id.to_string())
    }

    /// A unique id derived from `base`.
    pub fn unique(&mut self, base: &str) -> String {
        if self.taken.insert(base.to_string()) {
            return base.to_string();
        }
        (1..)
            .map(|n| format!("{base}-{n}"))
            .find(|candidate| !self.taken.contains(candidate))
            .inspect(|candidate| {
                self.taken.insert(candidate.clone());
            })
            .expect("an unused suffix exists")
    }
}

/// Whether a hand-written `{#id}` is safe and usable in a URL fragment.
pub fn is_valid_custom_id(id: &str) -> bool {
    !id.is_empty() && id.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each expected id is the one GitHub gives the same heading.
    #[test]
    fn makes_the_ids_github_makes() {
        for (heading, id) in [
            ("Δείκτες εισροών και εκροών", "δείκτες-εισροών-και-εκροών"),
            ("Qualitätssicherung: Überblick!", "qualitätssicherung-überblick"),
            ("  The EQAVET cycle (2020)  ", "the-eqavet-cycle-2020"),
            ("Plan & do", "plan--do"),
            ("Step 1 - Plan", "step-1---plan"),
            ("snake_case and kebab-case", "snake_case-and-kebab-case"),
            ("Why? Because.", "why-because"),
            // Tamil: the virama (்) and vowel signs are marks, and stay.
            ("பங்களிப்பதின் அர்த்தம் என்ன", "பங்களிப்பதின்-அர்த்தம்-என்ன"),
            // Hindi: the nukta, vowel signs and virama stay.
            ("योगदान क्यों करें?", "योगदान-क्यों-करें"),
            ("مرحبا بالعالم", "مرحبا-بالعالم"),
            ("はじめに：概要", "はじめに概要"),
            ("Ünïcödé ½ ²", "ünïcödé--"),
            ("ΣΚΟΠΟΣ", "σκοπος"),
        ] {
            assert_eq!(slugify(heading), id, "{heading}");
        }
    }

    #[test]
    fn deduplicates_ids_stably() {
        let mut ids = IdAllocator::with_reserved(&["main-content"]);
        assert_eq!(ids.unique("main-content"), "main-content-1");
        assert_eq!(ids.unique("activity"), "activity");
        assert_eq!(ids.unique("activity"), "activity-1");
        assert_eq!(ids.unique("activity"), "activity-2");
    }

    #[test]
    fn empty_headings_get_a_fallback_id() {
        assert_eq!(slugify("!!!"), "section");
    }
}

#[cfg(test)]
mod ascii_tests {
    use super::ascii_name;

    #[test]
    fn names_are_ascii() {
        assert_eq!(ascii_name("io3-quality/Δείκτες_2.0", "x"), "io3-quality-2-0");
        assert_eq!(ascii_name("Δείκτες", "module"), "module");
    }
}
