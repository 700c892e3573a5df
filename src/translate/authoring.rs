//! Commands that edit the content for authors and translators (not part of a build).
//!
//! - `innotrain translation done <page> <lang>` records that a translation has caught up with its
//!   source: it sets the translation's `source_hash` to the hash of the current source text (and
//!   publishes a draft);
//! - `innotrain translation reviewed <page> <lang> --by NAME` records a partner's review;
//! - `innotrain new translation <page> <lang>` and `innotrain new module <output> <slug>` create
//!   files to start from. Nothing here ever overwrites a file.

use anyhow::{Context, bail};

use super::freshness::{Freshness, freshness};
use crate::content::front_matter::{Review, is_calendar_date};
use crate::content::hash;
use crate::diag::Diagnostics;

/// What `translation done` changed.
#[derive(Debug)]
pub struct Stamped {
    /// Project-relative path of the translation file.
    pub path: String,
    pub hash: String,
    /// The hash the file had before, if any.
    pub previous: Option<String>,
    /// The translation was a draft: `draft: true` was removed, so it is published now.
    pub published: bool,
}

/// `translation done`: sets the `source_hash` of the translation of `page` (an id such as
/// `io3-quality-monitoring/indicators`, or the path of the source file) into `lang`, and
/// publishes a draft (removes `draft: true`): the translator says the text is translated.
pub fn mark_translation_done(
    root: &std::path::Path,
    page: &str,
    lang: &str,
) -> anyhow::Result<Result<Stamped, Diagnostics>> {
    let project = match crate::load_project(root)? {
        Ok(project) => project,
        Err(diags) => return Ok(Err(diags)),
    };
    let lang = project.translation_lang(lang)?;
    let page = project.page(page)?;
    let (translation, draft) = match (page.translations.get(&lang), page.drafts.get(&lang)) {
        (Some(translation), _) => (translation, false),
        (None, Some(draft)) => (draft, true),
        (None, None) => bail!(
            "`{}` has no `{lang}` translation yet\n  hint: start one with `innotrain new translation {} {lang}`",
            page.id,
            page.id
        ),
    };
    let hash = hash::source_hash(&page.source);
    let path = root.join(&translation.path);
    let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read `{}`", path.display()))?;
    let mut updated =
        set_front_matter_key(&text, "source_hash", &hash).context("the translation has no front matter")?;
    if draft {
        updated = remove_front_matter_key(&updated, "draft").context("the translation has no front matter")?;
    }
    if updated != text {
        std::fs::write(&path, updated).with_context(|| format!("cannot write `{}`", path.display()))?;
    }
    Ok(Ok(Stamped {
        path: translation.path.clone(),
        hash,
        previous: translation.source_hash.clone(),
        published: draft,
    }))
}

/// What `translation reviewed` recorded.
#[derive(Debug)]
pub struct Reviewed {
    /// Project-relative path of the translation file.
    pub path: String,
    pub review: Review,
}

/// `translation reviewed <page> <lang> --by NAME`: records in the translation's front matter
/// that a project partner has checked it against the current source. Only an up-to-date
/// translation can be reviewed: a review of a text that is behind its source says nothing.
pub fn mark_translation_reviewed(
    root: &std::path::Path,
    page: &str,
    lang: &str,
    review: Review,
) -> anyhow::Result<Result<Reviewed, Diagnostics>> {
    if review.by.trim().is_empty() {
        bail!(
            "`--by` names no reviewer\n  hint: give the reviewer's name as it should appear on the page: `--by \"Name\"`"
        );
    }
    if !is_calendar_date(&review.date) {
        bail!(
            "`{}` is not a date\n  hint: give the date of the review as year-month-day: `--date 2026-12-01`",
            review.date
        );
    }
    let project = match crate::load_project(root)? {
        Ok(project) => project,
        Err(diags) => return Ok(Err(diags)),
    };
    let lang = project.translation_lang(lang)?;
    let page = project.page(page)?;
    let id = &page.id;
    let Some(translation) = page.translations.get(&lang) else {
        if page.drafts.contains_key(&lang) {
            bail!(
                "the `{lang}` translation of `{id}` is still a draft\n  hint: finish it and run `innotrain translation done {id} {lang}` first"
            );
        }
        bail!("`{id}` has no `{lang}` translation to review");
    };
    match freshness(page, &lang) {
        Freshness::Outdated => bail!(
            "the source of `{id}` changed since the `{lang}` translation was made\n  hint: bring `{}` up to date (`innotrain status --diff {id} --lang {lang}` shows what changed), run `innotrain translation done {id} {lang}`, then review it",
            translation.path
        ),
        Freshness::InProgress => bail!(
            "the `{lang}` translation of `{id}` is not marked done\n  hint: when it is translated, run `innotrain translation done {id} {lang}`, then review it"
        ),
        _ => {}
    }
    let path = root.join(&translation.path);
    let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read `{}`", path.display()))?;
    let value = format!("{{by: {}, date: {}}}", quoted(&review.by), review.date);
    let updated = set_front_matter_key(&text, "review", &value).context("the translation has no front matter")?;
    if updated != text {
        std::fs::write(&path, updated).with_context(|| format!("cannot write `{}`", path.display()))?;
    }
    Ok(Ok(Reviewed { path: translation.path.clone(), review }))
}

/// Today's date (UTC) as `YYYY-MM-DD`, the default date of a review.
pub fn today() -> String {
    let days =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() / 86_400) as i64;
    // Days since 1970-01-01 to a civil date (the proleptic Gregorian calendar).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Where a scaffolded file was created.
#[derive(Debug)]
pub struct Created {
    /// Project-relative path of the new file.
    pub path: String,
}

/// Writes a new file; never replaces an existing one.
fn create_new(root: &std::path::Path, relative: &str, text: &str) -> anyhow::Result<Created> {
    use std::io::Write;
    let path = root.join(relative);
    let mut file = match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            bail!(
                "`{relative}` already exists; innotrain never overwrites a file\n  hint: edit the existing file, or delete it first if you really want to start again"
            )
        }
        Err(error) => return Err(error).with_context(|| format!("cannot create `{}`", path.display())),
    };
    file.write_all(text.as_bytes()).with_context(|| format!("cannot write `{}`", path.display()))?;
    Ok(Created { path: relative.to_string() })
}

/// A YAML double-quoted scalar (JSON strings are valid YAML).
fn quoted(text: &str) -> String {
    serde_json::to_string(text).expect("strings serialise")
}

fn yaml_list(items: &[String]) -> String {
    items.iter().map(|i| format!("\n    - {}", quoted(i))).collect()
}

/// `innotrain new translation <page> <lang>`: the source's text in a new file beside it, with
/// the text keys of its front matter and `draft: true` until `translation done`.
pub fn new_translation(root: &std::path::Path, page: &str, lang: &str) -> anyhow::Result<Result<Created, Diagnostics>> {
    let project = match crate::load_project(root)? {
        Ok(project) => project,
        Err(diags) => return Ok(Err(diags)),
    };
    let lang = project.translation_lang(lang)?;
    let page = project.page(page)?;
    let source = &page.source;
    // What to name the page in `translation done`: its id, or its file for the home page.
    let id = if page.id.as_str().is_empty() { source.path.as_str() } else { page.id.as_str() };
    let target =
        source.path.strip_suffix(".md").map(|stem| format!("{stem}.{lang}.md")).context("source is not a .md file")?;
    let mut front = format!(
        "---\n# Translation into `{lang}`: translate the texts below and the body; keep every {{#id}}, link target\n# and figure. When it is translated, run `innotrain translation done {id} {lang}`:\n# it records which source text you translated and publishes the page.\ntitle: {}\n",
        quoted(&source.title)
    );
    if let Some(summary) = &source.summary {
        front.push_str(&format!("summary: {}\n", quoted(summary)));
    }
    let outcomes = &source.learning_outcomes;
    if !outcomes.is_empty() {
        front.push_str("learning_outcomes:\n");
        for (key, items) in [
            ("knowledge", &outcomes.knowledge),
            ("skills", &outcomes.skills),
            ("responsibility_autonomy", &outcomes.responsibility_autonomy),
        ] {
            if !items.is_empty() {
                front.push_str(&format!("  {key}:{}\n", yaml_list(items)));
            }
        }
    }
    if !source.keywords.is_empty() {
        let keywords: Vec<String> = source.keywords.iter().map(|k| quoted(k)).collect();
        front.push_str(&format!("keywords: [{}]\n", keywords.join(", ")));
    }
    if page.kind == crate::content::PageKind::Module {
        front.push_str("translators: []\n");
    }
    // No `source_hash` yet: `translation done` records it when the text is translated, so that
    // a half-translated file never counts as up to date.
    front.push_str("draft: true\n---\n");
    Ok(Ok(create_new(root, &target, &format!("{front}{}", source.body()))?))
}

/// `innotrain new module <output> <slug>`: the next numbered module of an output, with the whole
/// front matter template and the sections every module has, as a draft.
pub fn new_module(root: &std::path::Path, output: &str, slug: &str) -> anyhow::Result<Result<Created, Diagnostics>> {
    let project = match crate::load_project(root)? {
        Ok(project) => project,
        Err(diags) => return Ok(Err(diags)),
    };
    let site = &project.site;
    let out = project.output(output)?;
    if !crate::content::naming::is_valid_slug(slug) {
        bail!(
            "`{slug}` is not a valid module name\n  hint: use lowercase letters, digits and hyphens, e.g. `final-evaluation`"
        );
    }
    if out.modules.iter().any(|&m| site.pages[m].path.ends_with(&format!("/{slug}/"))) {
        bail!("output `{output}` already has a module `{slug}`");
    }
    let landing = &site.pages[out.landing].source.path;
    let folder = landing.rsplit_once('/').map_or("content", |(folder, _)| folder);
    let next = out
        .modules
        .iter()
        .filter_map(|&m| {
            site.pages[m]
                .source
                .path
                .rsplit('/')
                .next()
                .and_then(|f| crate::content::naming::split_order(f))
                .map(|(n, _)| n)
        })
        .max()
        .unwrap_or(0)
        + 1;
    let title = {
        let words = slug.replace('-', " ");
        let mut chars = words.chars();
        chars.next().map(|c| c.to_uppercase().chain(chars).collect::<String>()).unwrap_or_default()
    };
    let text = format!(
        r#"---
# A new module: fill in every key, write the sections below, then remove `draft: true`.
title: {title}
summary: "One or two sentences: what this module does for the trainer."
duration_minutes: 90
# Who it is for: vet-teacher, in-company-trainer, tutor, mentor, school-leader,
# wbl-coordinator, company-manager, social-partner, policy-maker
audience: [vet-teacher, in-company-trainer]
# EQF level (1-8) of the professionals taking the training.
eqf_level: 5
learning_outcomes:
  knowledge:
    - "Describe …"
  skills:
    - "Apply …"
  responsibility_autonomy:
    - "Take responsibility for …"
keywords: []
license: {licence}
# Page ids of modules to do first, e.g. [{example}]
prerequisites: []
draft: true
---
## Introduction

<!-- Why this topic matters for work-based learning, and what the module covers. -->

## Worked example: <region>

<!-- A concrete case from Austria, Germany, Italy, Spain or Greece (fictional organisations). -->

## Activity: <name> (<minutes> minutes)

<!-- Purpose, materials, timed steps, debrief questions. -->

## Checklist

- [ ] …

## Key points

- …

## References

- …
"#,
        title = quoted(&title),
        licence = project.config.licence.spdx,
        example = site.pages[out.modules.first().copied().unwrap_or(out.landing)].id,
    );
    Ok(Ok(create_new(root, &format!("{folder}/{next:02}-{slug}.md"), &text)?))
}

/// Sets `key: value` in the front matter of `text` (a whole Markdown file): replaces the key's
/// line (and the indented lines of a value written as a block under it), or adds the key before
/// the closing `---`. Everything else is kept as it is, byte for byte (BOM and CRLF included).
/// `None` when the file has no front matter.
pub fn set_front_matter_key(text: &str, key: &str, value: &str) -> Option<String> {
    edit_front_matter(text, key, Some(value))
}

/// Removes `key` (and a block value under it) from the front matter of `text`.
pub fn remove_front_matter_key(text: &str, key: &str) -> Option<String> {
    edit_front_matter(text, key, None)
}

fn edit_front_matter(text: &str, key: &str, value: Option<&str>) -> Option<String> {
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let bom = if text.starts_with('\u{feff}') { "\u{feff}" } else { "" };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return None;
    }
    let close = lines.iter().skip(1).position(|l| l.trim_end() == "---")? + 1;
    let entry = value.map(|value| format!("{key}: {value}{newline}"));
    let prefix = format!("{key}:");
    match lines[1..close].iter().position(|l| l.starts_with(&prefix)) {
        Some(i) => {
            let start = i + 1;
            // A block value (`review:` then `  by: …` lines) goes with its key.
            let block = lines[start + 1..close].iter().take_while(|l| l.starts_with([' ', '\t'])).count();
            lines.drain(start..start + 1 + block);
            if let Some(entry) = &entry {
                lines.insert(start, entry);
            }
        }
        None => {
            if let Some(entry) = &entry {
                lines.insert(close, entry);
            }
        }
    }
    Some(format!("{bom}{}", lines.concat()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_or_replaces_one_key_only() {
        let text = "---\ntitle: B\n---\nBody\n";
        assert_eq!(
            set_front_matter_key(text, "source_hash", "abc").unwrap(),
            "---\ntitle: B\nsource_hash: abc\n---\nBody\n"
        );
        let again = set_front_matter_key("---\ntitle: B\nsource_hash: old\n---\nBody\n", "source_hash", "new").unwrap();
        assert_eq!(again, "---\ntitle: B\nsource_hash: new\n---\nBody\n");
        assert_eq!(
            set_front_matter_key("---\r\ntitle: B\r\n---\r\n", "source_hash", "x").unwrap(),
            "---\r\ntitle: B\r\nsource_hash: x\r\n---\r\n"
        );
    }

    #[test]
    fn replaces_a_block_value_and_removes_keys() {
        let text = "---\ntitle: B\nreview:\n  by: A\n  date: 2026-01-01\ndraft: true\n---\nBody\n";
        let reviewed = set_front_matter_key(text, "review", "{by: \"C\", date: 2026-12-01}").unwrap();
        assert_eq!(reviewed, "---\ntitle: B\nreview: {by: \"C\", date: 2026-12-01}\ndraft: true\n---\nBody\n");
        assert_eq!(
            remove_front_matter_key(&reviewed, "draft").unwrap(),
            "---\ntitle: B\nreview: {by: \"C\", date: 2026-12-01}\n---\nBody\n"
        );
        assert_eq!(remove_front_matter_key("no front matter", "draft"), None);
    }
}
