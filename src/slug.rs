//! Heading anchors: Unicode-safe, stable ids (`Δείκτες εισροών` → `δείκτες-εισροών`).
//!
//! Letters and digits of every script are kept (lowercased), so Greek headings keep Greek ids;
//! spaces and hyphens become single hyphens; punctuation is dropped. Browsers percent-encode the
//! ids in the address bar, but match them exactly.

use std::collections::BTreeSet;

/// The id for a heading's text.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if (c.is_whitespace() || c == '-' || c == '_') && !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() { "section".into() } else { out }
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

    #[test]
    fn keeps_greek_letters_in_ids() {
        assert_eq!(slugify("Δείκτες εισροών & εκροών"), "δείκτες-εισροών-εκροών");
    }

    #[test]
    fn keeps_umlauts_and_drops_punctuation() {
        assert_eq!(slugify("Qualitätssicherung: Überblick!"), "qualitätssicherung-überblick");
        assert_eq!(slugify("  The EQAVET cycle (2020)  "), "the-eqavet-cycle-2020");
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
