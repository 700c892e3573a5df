//! `innotrain status --diff <page> --lang <lang>`: what changed in the source since a
//! translation was made. The earlier source is the newest version in the repository's history
//! whose hash equals the translation's `source_hash`.

use std::path::Path;

use anyhow::bail;
use similar::TextDiff;

use crate::Project;
use crate::content::{hash, parse_document};
use crate::history::{self, Earlier};

/// What `--diff` found.
pub enum SourceDiff {
    /// The translation is up to date: nothing changed.
    UpToDate { translation: String },
    /// A unified diff from the source the translation was made from to the current source.
    Changed { translation: String, commit: String, diff: String },
    /// The translation records no `source_hash`.
    NoHash { translation: String },
    /// The recorded source is not in the history (or there is no repository).
    NotFound { translation: String, hash: String, repository: bool },
}

/// Compares the current source of `page` with the one its `lang` translation was made from.
pub fn source_diff(root: &Path, project: &Project, page: &str, lang: &str) -> anyhow::Result<SourceDiff> {
    let lang = project.translation_lang(lang)?;
    let page = project.page(page)?;
    let Some(translation) = page.translations.get(&lang) else {
        bail!("`{}` has no `{lang}` translation", page.id);
    };
    let name = translation.path.clone();
    let Some(recorded) = translation.source_hash.clone() else { return Ok(SourceDiff::NoHash { translation: name }) };
    if recorded == page.source_hash {
        return Ok(SourceDiff::UpToDate { translation: name });
    }
    let config = &project.config;
    let found = history::find_version(root, &page.source.path, |text| {
        parse_document(config, &page.source.path, text).is_some_and(|doc| hash::source_hash(&doc) == recorded)
    })?;
    match found {
        Earlier::Found { commit, text } => {
            let old = crate::content::normalise_text(text);
            let diff = TextDiff::from_lines(&old, &page.source.text)
                .unified_diff()
                .context_radius(3)
                .header(&format!("{} (translated, {commit})", page.source.path), &format!("{} (now)", page.source.path))
                .to_string();
            Ok(SourceDiff::Changed { translation: name, commit, diff })
        }
        Earlier::NotInHistory => Ok(SourceDiff::NotFound { translation: name, hash: recorded, repository: true }),
        Earlier::NoRepository => Ok(SourceDiff::NotFound { translation: name, hash: recorded, repository: false }),
    }
}
