//! `innotrain merge`: the parts of a site that parallel jobs built (`build --part`, one per
//! version × group of languages, each into a folder of its own) → one output, as a full build
//! writes it, without rendering or typesetting anything again.
//!
//! Every part knows the whole site (a part loads every version and language; it renders only
//! its own), so the parts agree on everything that spans versions or languages and differ only
//! where they rendered different things:
//! - the files of a version in a language (`<version>/<lang>/…`, that language's search index
//!   files, `latest/<lang>/…` when `latest/` holds copies) are in the part that rendered them;
//! - the files every part writes (versions.json, sitemap.xml, robots.txt, 404.html, the root
//!   index, `static/`, `latest/` redirects, and per version: results.json and .csv, media, the
//!   status pages, the search script) are the same in every part. The merge checks that they
//!   are byte for byte, so the order of the parts does not matter;
//! - each part's search entry file (`<version>/pagefind/pagefind-entry.json`) lists its own
//!   languages: the merge writes one that lists them all.
//!
//! Then it checks that the parts together hold every version in every language that
//! versions.json lists, and swaps the result in like a build ([`crate::output::Staging`]).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use crate::manifest;
use crate::output::{self, OutputFile, Staging};
use crate::render::search;

/// What a merge did.
#[derive(Debug)]
pub struct MergeReport {
    pub out: PathBuf,
    /// Files in the merged output.
    pub files: usize,
    pub parts: usize,
}

/// What to do when two parts differ.
const SAME_SOURCES: &str =
    "build every part from the same commit with the same options (only `--version` and `--lang` differ)";

/// Merges the output folders `parts` into `out` (replaced as a build replaces it); `root` is the
/// project folder, which `out` must not be or contain.
pub fn merge_parts(parts: &[PathBuf], out: &Path, root: &Path) -> anyhow::Result<MergeReport> {
    if parts.is_empty() {
        bail!("no parts to merge\n  hint: pass the output folders of `innotrain build --part`");
    }
    output::check_output_dir(out, root)?;
    for part in parts {
        if !part.join(output::MARKER).is_file() || !part.join(manifest::FILE).is_file() {
            bail!(
                "`{}` is not the output of an innotrain build (it has no `{}` or no `{}`)\n  hint: pass the `--out` folders of `innotrain build --part`",
                part.display(),
                output::MARKER,
                manifest::FILE
            );
        }
        if same_folder(part, out) {
            bail!(
                "`{}` is both a part and the output folder\n  hint: merge into a folder of its own, such as `public/`",
                out.display()
            );
        }
    }
    let staging = Staging::create(out)?;
    // Which part each file came from, and the entry files of the search bundles, per path.
    let mut first: BTreeMap<String, &Path> = BTreeMap::new();
    let mut entries: BTreeMap<String, Vec<Vec<u8>>> = BTreeMap::new();
    for part in parts {
        for path in part_files(part)? {
            let bytes = read(&part.join(&path))?;
            if search::is_entry_file(&path) {
                entries.entry(path.clone()).or_default().push(bytes.clone());
            }
            match first.get(&path) {
                None => {
                    staging.write(&OutputFile { path: path.clone(), bytes })?;
                    first.insert(path, part);
                }
                Some(other) => {
                    let theirs = read(&other.join(&path))?;
                    if theirs != bytes && !search::is_entry_file(&path) {
                        bail!(
                            "the parts `{}` and `{}` hold different files `{path}`, which every part builds alike\n  hint: {SAME_SOURCES}",
                            other.display(),
                            part.display()
                        );
                    }
                }
            }
        }
    }
    for (path, versions) in &entries {
        let versions: Vec<&[u8]> = versions.iter().map(Vec::as_slice).collect();
        let bytes = search::merge_entries(&versions).map_err(|problem| {
            anyhow::anyhow!("cannot merge the parts' search entry files `{path}`: {problem}\n  hint: {SAME_SOURCES}")
        })?;
        staging.write(&OutputFile { path: path.clone(), bytes })?;
    }
    check_complete(&first, &entries, &read(&parts[0].join(manifest::FILE))?)?;
    let files = first.len();
    let out = staging.commit()?;
    Ok(MergeReport { out, files, parts: parts.len() })
}

/// Every file of a part (but its marker), by `/`-separated path, in a fixed order.
fn part_files(part: &Path) -> anyhow::Result<Vec<String>> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(part).sort_by_file_name() {
        let entry = entry.with_context(|| format!("cannot list `{}`", part.display()))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path().strip_prefix(part).expect("below the part").to_string_lossy().replace('\\', "/");
        if path != output::MARKER {
            files.push(path);
        }
    }
    Ok(files)
}

/// That the parts hold every version in every language versions.json lists, and (where the
/// versions have search) an index of each.
fn check_complete(
    files: &BTreeMap<String, &Path>,
    entries: &BTreeMap<String, Vec<Vec<u8>>>,
    manifest: &[u8],
) -> anyhow::Result<()> {
    let manifest = manifest::from_json(manifest)
        .map_err(|problem| anyhow::anyhow!("cannot read the parts' `{}`: {problem}", manifest::FILE))?;
    // (version folder, language) of every search index file.
    let indexed: std::collections::BTreeSet<(&str, &str)> = files
        .keys()
        .filter_map(|path| {
            let (version, name) = path.split_once('/')?;
            Some((version, search::file_language(name.strip_prefix(search::BUNDLE_DIR)?)?))
        })
        .collect();
    for version in &manifest.versions {
        let label = version.label.as_str();
        let has_search = entries.keys().any(|path| path.starts_with(&format!("{label}/{}", search::BUNDLE_DIR)));
        for lang in &version.languages {
            let home = format!("{label}/{lang}/index.html");
            if !files.contains_key(&home) || (has_search && !indexed.contains(&(label, lang.as_str()))) {
                bail!(
                    "no part holds version `{}` in `{lang}`\n  hint: add a part built with `--version {} --lang {lang}`",
                    version.label,
                    version.label
                );
            }
        }
    }
    Ok(())
}

fn read(path: &Path) -> anyhow::Result<Vec<u8>> {
    std::fs::read(path).with_context(|| format!("cannot read `{}`", path.display()))
}

/// Whether two paths name the same existing folder.
fn same_folder(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
