//! `innotrain check`: everything a build validates, without writing anything, plus what is too
//! slow for every build: every link of the built pages of every version and language (the
//! switchers included), UI string coverage and, with `--external`, links to other sites.
//!
//! Problems are grouped by category; book.toml's `[check]` table sets each category's severity
//! (`error`, `warn` or `ignore`), as it does for `build`; `--strict` makes every warning an error.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Mutex;
use std::time::Duration;

use serde::Serialize;

use crate::diag::{Diagnostic, Diagnostics, Policy, Severity};
use crate::{BuildOptions, Project, build_in_memory, load_project};

/// Where external link results are remembered between runs (one day), beside book.toml.
pub const CACHE_FILE: &str = ".innotrain-link-cache.json";
const CACHE_SECONDS: u64 = 24 * 60 * 60;

/// One problem in the report.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub category: String,
    pub severity: String,
    pub file: String,
    pub line: usize,
    pub col: usize,
    pub message: String,
    pub hint: Option<String>,
}

/// The whole report.
#[derive(Debug, Serialize)]
pub struct CheckReport {
    pub problems: Vec<Problem>,
    /// Problems per category after severities (`{"links": 2}`); ignored ones are left out.
    pub counts: BTreeMap<String, usize>,
    pub pages_checked: usize,
    pub external_links_checked: usize,
}

impl CheckReport {
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == "error")
    }

    /// The report for a terminal, grouped by category.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let mut by_category: BTreeMap<&str, Vec<&Problem>> = BTreeMap::new();
        for problem in &self.problems {
            by_category.entry(problem.category.as_str()).or_default().push(problem);
        }
        for (category, problems) in by_category {
            out.push_str(&format!("{category} ({})\n", problems.len()));
            for p in problems {
                let position = if p.line > 0 { format!(":{}:{}", p.line, p.col) } else { String::new() };
                out.push_str(&format!("  {}{position}: {}: {}\n", p.file, p.severity, p.message));
                if let Some(hint) = &p.hint {
                    out.push_str(&format!("    hint: {hint}\n"));
                }
            }
            out.push('\n');
        }
        let errors = self.problems.iter().filter(|p| p.severity == "error").count();
        out.push_str(&format!(
            "checked {} pages and {} external links: {errors} error(s), {} warning(s)\n",
            self.pages_checked,
            self.external_links_checked,
            self.problems.len() - errors
        ));
        out
    }
}

/// Runs every check. `external`: also fetch links to other sites.
pub fn check(options: &BuildOptions, external: bool) -> anyhow::Result<CheckReport> {
    let root = options.root.as_path();
    let memory = build_in_memory(options)?;
    let project = load_project(root)?.ok();
    // The build's own problems come with their severities; the ones found here take theirs from
    // the same policy.
    let levels = project.as_ref().map(|p| p.config.check.clone()).unwrap_or_default();
    let problems = Diagnostics::new();
    problems.set_policy(Policy::new(&levels, options.strict));
    problems.extend(memory.diagnostics);
    if let Some(project) = &project {
        problems.extend(string_coverage(project));
    }
    let pages: Vec<&String> = memory.files.keys().filter(|p| p.ends_with(".html")).collect();
    problems.extend(output_links(&memory.files));
    let mut external_checked = 0;
    if external {
        let urls = external_links(&memory.files);
        external_checked = urls.len();
        problems.extend(check_external(root, &urls));
    }
    let mut report: Vec<Problem> = problems
        .into_sorted()
        .into_iter()
        .map(|d| Problem {
            category: d.category.to_string(),
            severity: if d.severity == Severity::Error { "error" } else { "warning" }.to_string(),
            file: d.file,
            line: d.line,
            col: d.col,
            message: d.message,
            hint: d.hint,
        })
        .collect();
    report.sort();
    report.dedup();
    let mut counts = BTreeMap::new();
    for problem in &report {
        *counts.entry(problem.category.clone()).or_default() += 1;
    }
    Ok(CheckReport { problems: report, counts, pages_checked: pages.len(), external_links_checked: external_checked })
}

/// Fluent messages missing, extra or with other variables than the default language's.
fn string_coverage(project: &Project) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (lang, coverage) in project.i18n.coverage(&project.config) {
        let file = format!("locales/{lang}/ui.ftl");
        for id in &coverage.extra {
            out.push(
                Diagnostic::warning(&file, format!("message `{id}` is not in the default language"))
                    .in_category("strings")
                    .with_hint("it is never shown; remove it or add it to the default language"),
            );
        }
        for mismatch in &coverage.variables {
            out.push(
                Diagnostic::warning(
                    &file,
                    format!("message `{}` uses other variables than the default language", mismatch.id),
                )
                .in_category("strings")
                .with_hint(format!(
                    "expected {{{}}}, found {{{}}}",
                    mismatch.expected.join(", "),
                    mismatch.found.join(", ")
                )),
            );
        }
    }
    out
}

/// Every relative `href`/`src` of every built page must reach a built file: content links,
/// the language and version switchers, navigation, images and downloads.
fn output_links(files: &BTreeMap<String, Vec<u8>>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // `check` does not typeset PDFs: versions.json lists those a build would write.
    let pdfs = listed_pdfs(files);
    let exists = |path: &str| files.contains_key(path) || pdfs.contains(path);
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html") && p.as_str() != "404.html") {
        let html = String::from_utf8_lossy(bytes);
        let dir = path.rsplit_once('/').map_or("", |(dir, _)| dir);
        for link in attribute_values(&html) {
            if link.starts_with('#') || link.contains(':') || link.starts_with('/') {
                continue;
            }
            let target = link.split(['#', '?']).next().unwrap_or("");
            let target = crate::urls::decode_path(&target.replace("&amp;", "&"));
            let Some(mut resolved) = crate::urls::join_content_path(dir, &target) else {
                out.push(broken(path, &link));
                continue;
            };
            if target.is_empty() || target.ends_with('/') {
                resolved = if resolved.is_empty() { "index.html".into() } else { format!("{resolved}/index.html") };
            }
            if !exists(&resolved) {
                out.push(broken(path, &link));
            }
        }
    }
    out
}

/// The PDF and package paths versions.json lists (every version, every language): `check`
/// makes neither.
fn listed_pdfs(files: &BTreeMap<String, Vec<u8>>) -> std::collections::BTreeSet<String> {
    let Some(json) =
        files.get("versions.json").and_then(|bytes| serde_json::from_slice::<serde_json::Value>(bytes).ok())
    else {
        return Default::default();
    };
    let versions = json["versions"].as_array().cloned().unwrap_or_default();
    versions
        .iter()
        .flat_map(|version| [version["pdfs"].as_object(), version["packages"].as_object()])
        .flatten()
        .flat_map(|by_lang| by_lang.values())
        .filter_map(|pdfs| pdfs.as_array())
        .flatten()
        .filter_map(|pdf| pdf["url"].as_str().map(crate::urls::decode_path))
        .collect()
}

fn broken(page: &str, link: &str) -> Diagnostic {
    Diagnostic::error(format!("public/{page}"), format!("link `{link}` leads to no page of the site"))
        .in_category("output-links")
        .with_hint("a theme template or a switcher builds this link; check the page it should lead to")
}

fn attribute_values(html: &str) -> Vec<String> {
    let mut values = Vec::new();
    for attribute in ["href=\"", "src=\""] {
        for part in html.split(attribute).skip(1) {
            if let Some(end) = part.find('"') {
                values.push(part[..end].to_string());
            }
        }
    }
    values
}

/// External links written in the content (http and https; the theme's own, such as the
/// licence, are not fetched), each once, sorted.
fn external_links(files: &BTreeMap<String, Vec<u8>>) -> BTreeMap<String, String> {
    let mut urls = BTreeMap::new();
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html") && !p.starts_with("latest/")) {
        let html = String::from_utf8_lossy(bytes);
        let Some(start) = html.find("<div class=\"content\"") else { continue };
        let end = html[start..].find("</div><!-- .content -->").map_or(html.len(), |e| start + e);
        for value in attribute_values(&html[start..end]) {
            let url = value.replace("&amp;", "&");
            if url.starts_with("http://") || url.starts_with("https://") {
                urls.entry(url).or_insert_with(|| path.clone());
            }
        }
    }
    urls
}

/// Fetches each URL (HEAD, then GET when HEAD is refused) with a timeout and one retry, eight
/// at a time; results of the last day come from the cache file.
fn check_external(root: &Path, urls: &BTreeMap<String, String>) -> Vec<Diagnostic> {
    let cache_path = root.join(CACHE_FILE);
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let cache: BTreeMap<String, (u64, Option<String>)> =
        std::fs::read(&cache_path).ok().and_then(|b| serde_json::from_slice(&b).ok()).unwrap_or_default();
    let fresh = |url: &str| cache.get(url).filter(|(when, _)| now.saturating_sub(*when) < CACHE_SECONDS).cloned();
    let pending: Vec<&String> = urls.keys().filter(|url| fresh(url).is_none()).collect();
    let results: Mutex<BTreeMap<String, (u64, Option<String>)>> = Mutex::new(BTreeMap::new());
    let queue = Mutex::new(pending.into_iter());
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(10)))
        .http_status_as_error(false)
        .build()
        .into();
    std::thread::scope(|scope| {
        for _ in 0..8 {
            scope.spawn(|| {
                while let Some(url) = queue.lock().expect("queue lock").next() {
                    // One retry: a single timeout is often the network, not the link.
                    let failure = fetch(&agent, url).or_else(|_| fetch(&agent, url)).err();
                    results.lock().expect("results lock").insert(url.clone(), (now, failure));
                }
            });
        }
    });
    let mut all = cache;
    all.extend(results.into_inner().expect("results lock"));
    let _ = std::fs::write(&cache_path, serde_json::to_vec_pretty(&all).unwrap_or_default());
    let mut out = Vec::new();
    let seen: BTreeSet<&String> = urls.keys().collect();
    for (url, page) in urls {
        if let Some((_, Some(failure))) = all.get(url).filter(|_| seen.contains(url)) {
            out.push(
                Diagnostic::warning(format!("public/{page}"), format!("external link `{url}` failed: {failure}"))
                    .in_category("external-links")
                    .with_hint("check the address; the site may have moved the page"),
            );
        }
    }
    out
}

fn fetch(agent: &ureq::Agent, url: &str) -> Result<(), String> {
    let status = match agent.head(url).call() {
        Ok(response) if response.status().as_u16() == 405 || response.status().as_u16() == 403 => {
            agent.get(url).call().map_err(|e| e.to_string())?.status()
        }
        Ok(response) => response.status(),
        Err(error) => return Err(error.to_string()),
    };
    if status.is_success() || status.is_redirection() { Ok(()) } else { Err(format!("HTTP {}", status.as_u16())) }
}
