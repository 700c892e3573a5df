//! Commands that edit the content for authors and translators (not part of a build).
//!
//! `innotrain translation done <page> <lang>` records that a translation has caught up with its
//! source: it sets the translation's `source_hash` to the hash of the current source text.

use anyhow::{Context, bail};

use crate::content::freshness;
use crate::diag::Diagnostics;
use crate::key::PageId;

/// What `translation done` changed.
#[derive(Debug)]
pub struct Stamped {
    /// Project-relative path of the translation file.
    pub path: String,
    pub hash: String,
    /// The hash the file had before, if any.
    pub previous: Option<String>,
}

/// Sets the `source_hash` of the translation of `page` (an id such as
/// `io3-quality-monitoring/indicators`, or the path of the source file) into `lang`.
pub fn mark_translation_done(
    root: &std::path::Path,
    page: &str,
    lang: &str,
) -> anyhow::Result<Result<Stamped, Diagnostics>> {
    let project = match crate::load_project(root)? {
        Ok(project) => project,
        Err(diags) => return Ok(Err(diags)),
    };
    let (config, site) = (&project.config, &project.site);
    let Some(lang) = config.lang(lang).cloned() else {
        let known: Vec<&str> = config.langs().map(|l| l.as_str()).collect();
        bail!("unknown language `{lang}`\n  hint: book.toml lists {}", known.join(", "));
    };
    let by_path = page.strip_prefix("content/").unwrap_or(page);
    let index = site.by_id.get(&PageId::new(page)).or_else(|| site.by_source_path.get(by_path));
    let Some(&index) = index else {
        let hint = crate::diag::did_you_mean(page, site.by_id.keys().map(PageId::as_str)).map_or_else(
            || "pass a page id such as `io3-quality-monitoring/indicators`".to_string(),
            |id| format!("did you mean `{id}`?"),
        );
        bail!("no page `{page}`\n  hint: {hint}");
    };
    let page = &site.pages[index];
    if lang == config.default_lang {
        bail!("`{lang}` is the default language: its pages are sources, not translations");
    }
    let Some(translation) = page.translations.get(&lang) else {
        bail!("`{}` has no `{lang}` translation yet\n  hint: create it beside `{}` first", page.id, page.source.path);
    };
    let hash = freshness::source_hash(&page.source);
    let path = root.join(&translation.path);
    let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read `{}`", path.display()))?;
    let updated = freshness::set_source_hash(&text, &hash).context("the translation has no front matter")?;
    if updated != text {
        std::fs::write(&path, updated).with_context(|| format!("cannot write `{}`", path.display()))?;
    }
    Ok(Ok(Stamped { path: translation.path.clone(), hash, previous: translation.source_hash.clone() }))
}
