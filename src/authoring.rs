//! Commands that edit the content for authors and translators (not part of a build).
//!
//! - `innotrain translation done <page> <lang>` records that a translation has caught up with its
//!   source: it sets the translation's `source_hash` to the hash of the current source text;
//! - `innotrain new translation <page> <lang>` and `innotrain new module <output> <slug>` create
//!   files to start from. Nothing here ever overwrites a file.

use anyhow::{Context, bail};

use crate::content::freshness;
use crate::diag::Diagnostics;

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
    let lang = project.translation_lang(lang)?;
    let page = project.page(page)?;
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
/// the text keys of its front matter, `source_hash` set, and `draft: true` until it is translated.
pub fn new_translation(root: &std::path::Path, page: &str, lang: &str) -> anyhow::Result<Result<Created, Diagnostics>> {
    let project = match crate::load_project(root)? {
        Ok(project) => project,
        Err(diags) => return Ok(Err(diags)),
    };
    let lang = project.translation_lang(lang)?;
    let page = project.page(page)?;
    let source = &page.source;
    let target =
        source.path.strip_suffix(".md").map(|stem| format!("{stem}.{lang}.md")).context("source is not a .md file")?;
    let mut front = format!(
        "---\n# Translation into `{lang}`: translate the texts below and the body, keep every {{#id}} and link target,\n# then remove `draft: true` so that the page is published.\ntitle: {}\n",
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
    front.push_str(&format!("source_hash: {}\ndraft: true\n---\n", page.source_hash));
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
