//! Where a translation stands against its source.
//!
//! A translation's `source_hash` records the [`crate::content::hash::source_hash`] of the
//! default-language text it was made from; when the source changes, its hash no longer matches
//! and the translation is outdated.

use serde::Serialize;

use crate::content::Page;
use crate::key::Lang;

/// Where a page stands in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Freshness {
    /// The page is written in this language (the default language).
    Source,
    /// Translated from the current source text, and reviewed by a project partner.
    UpToDate,
    /// Translated from the current source text, not yet reviewed.
    Unreviewed,
    /// Translated from an earlier source text: the source changed since (reviewed or not).
    Outdated,
    /// Being translated: a draft, or a translation never marked done (`translation done`
    /// records the `source_hash`). A translation without `draft: true` is published meanwhile.
    InProgress,
    /// Not translated: readers get the source text under a notice.
    Missing,
    /// A translation whose source no longer exists (not published).
    Orphaned,
}

impl Freshness {
    /// All states, in report order.
    pub const ALL: [Freshness; 7] = [
        Self::Source,
        Self::UpToDate,
        Self::Unreviewed,
        Self::Outdated,
        Self::InProgress,
        Self::Missing,
        Self::Orphaned,
    ];

    /// The name used in reports, JSON and `--fail-on` (`up-to-date`, `outdated` …).
    pub fn name(self) -> &'static str {
        match self {
            Self::Source => "source",
            Self::UpToDate => "up-to-date",
            Self::Unreviewed => "unreviewed",
            Self::Outdated => "outdated",
            Self::InProgress => "in-progress",
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
    let Some(translation) = page.translations.get(lang) else {
        return if page.drafts.contains_key(lang) { Freshness::InProgress } else { Freshness::Missing };
    };
    match &translation.source_hash {
        None => Freshness::InProgress,
        Some(hash) if *hash != page.source_hash => Freshness::Outdated,
        Some(_) if translation.review.is_none() => Freshness::Unreviewed,
        Some(_) => Freshness::UpToDate,
    }
}

/// What a reader of a page in one language is told about the text above it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// No translation: the source text is shown.
    Fallback,
    /// The source changed since the translation was made (whether it was reviewed or not).
    Outdated,
    /// No project partner has reviewed the translation yet.
    Unreviewed,
}

/// The notice a page in `lang` carries, if any.
pub fn notice(page: &Page, lang: &Lang) -> Option<Notice> {
    if &page.source.lang == lang {
        return None;
    }
    let translation = match page.translations.get(lang) {
        None => return Some(Notice::Fallback),
        Some(translation) => translation,
    };
    if freshness(page, lang) == Freshness::Outdated {
        Some(Notice::Outdated)
    } else if translation.review.is_none() {
        Some(Notice::Unreviewed)
    } else {
        None
    }
}
