//! The identity of a page: which text, in which language, in which version.
//!
//! Every page of the generated site is addressed by a [`PageKey`]. Languages and versions are
//! types, not strings, so that a language code can never be confused with a slug or a label.

use std::fmt;

use serde::Serialize;

/// A language code listed in book.toml (`en`, `de`, `el` …): lowercase ASCII letters, 2–3 of them,
/// optionally followed by a region (`pt-br`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Lang(String);

impl Lang {
    /// Accepts a syntactically valid code; whether the site lists it is checked by the caller.
    pub fn parse(code: &str) -> Option<Self> {
        let mut parts = code.split('-');
        let primary = parts.next()?;
        let primary_ok = (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_lowercase());
        let rest_ok = parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
        (primary_ok && rest_ok).then(|| Self(code.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A version label (`2.0`, `1.0-pilot`): the first path segment of every page's URL.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Version(String);

impl Version {
    /// Labels become URL segments: letters, digits, `.`, `-` and `_`, not starting with a dot.
    pub fn parse(label: &str) -> Option<Self> {
        let ok = !label.is_empty()
            && label.len() <= 40
            && !label.starts_with('.')
            && label != "latest"
            && label.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'));
        ok.then(|| Self(label.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A page's identity across languages and versions: `""` for the home page, `<output>` for an
/// output's landing page, `<output>/<module>` for a module (or the `id:` of its front matter).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct PageId(String);

impl PageId {
    pub fn home() -> Self {
        Self(String::new())
    }

    pub fn new(id: impl Into<String>) -> Self {
        Self(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The id as stored (`""` for the home page), unlike [`fmt::Display`]'s `(home)`.
    pub fn to_string_raw(&self) -> String {
        self.0.clone()
    }
}

impl fmt::Display for PageId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() { f.write_str("(home)") } else { f.write_str(&self.0) }
    }
}

/// One page of the output: the text with `id`, read in `lang`, in `version`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct PageKey {
    pub version: Version,
    pub lang: Lang,
    pub id: PageId,
}

/// Whether a name that becomes a folder of the output (a version label, a page or output slug)
/// is one Windows keeps for devices (`con`, `nul`, `com1` …, in any case and with any
/// extension): such a folder cannot be created there, so the site could not be built, copied
/// or unzipped on a partner's Windows machine.
pub fn is_windows_device_name(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or_default().to_ascii_lowercase();
    let numbered =
        |prefix: &str| stem.strip_prefix(prefix).is_some_and(|n| n.len() == 1 && n.as_bytes()[0].is_ascii_digit());
    matches!(stem.as_str(), "con" | "prn" | "aux" | "nul") || numbered("com") || numbered("lpt")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_plain_and_regional_language_codes() {
        assert!(Lang::parse("el").is_some());
        assert!(Lang::parse("pt-br").is_some());
        assert!(Lang::parse("EL").is_none());
        assert!(Lang::parse("e").is_none());
        assert!(Lang::parse("../x").is_none());
    }

    #[test]
    fn rejects_version_labels_that_are_not_url_segments() {
        assert!(Version::parse("1.0-pilot").is_some());
        assert!(Version::parse("..").is_none());
        assert!(Version::parse("a/b").is_none());
        assert!(Version::parse("latest").is_none());
        assert!(Version::parse("").is_none());
    }
}
