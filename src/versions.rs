//! Every version of the site, loaded: for each `[[versions]]` entry and the working tree, its
//! source (a git ref, a snapshot folder or the working tree), its configuration, strings and
//! content. Later stages render them with one theme and link them by page id.

use std::collections::BTreeMap;
use std::path::Path;

use crate::config::{self, Config, VersionSource, VersionSpec};
use crate::content::terms::{self, Glossary};
use crate::content::{self, Site};
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::{self, I18n};
use crate::key::{Lang, Version};
use crate::source::{GitProblem, GitTree, Source, WorkingTree};

/// One version, ready to render.
pub struct LoadedVersion {
    pub spec: VersionSpec,
    pub config: Config,
    pub i18n: I18n,
    pub site: Site,
    /// The agreed terms of each translation language (`locales/<lang>/terms.toml`) of this
    /// version's own locales: a version without its own has none, since its texts were written
    /// before today's terms were agreed.
    pub glossaries: BTreeMap<Lang, Glossary>,
}

/// Loads every version of `config`, or with `only` that one. A version whose source cannot be
/// read is an error, or, with `skip_missing`, a warning and left out (never the one asked for
/// with `only`). Diagnostics about a version's files name them the way git does
/// (`v1.0:content/x.md`) or by their snapshot folder.
pub fn load_versions(
    root: &Path,
    config: &Config,
    only: Option<&Version>,
    skip_missing: bool,
    diags: &Diagnostics,
) -> anyhow::Result<Vec<LoadedVersion>> {
    let mut loaded = Vec::new();
    let skip_missing = skip_missing && only.is_none();
    for spec in config.versions.iter().filter(|spec| only.is_none_or(|only| &spec.version == only)) {
        let version_diags = diags.child();
        let prefix = location_prefix(spec);
        let source: Box<dyn Source> = match &spec.source {
            VersionSource::WorkingTree => Box::new(WorkingTree::new(root)),
            VersionSource::Snapshot(folder) => {
                if !root.join(folder).join("content").is_dir() {
                    missing(
                        diags,
                        spec,
                        skip_missing,
                        format!("snapshot folder `{folder}` has no `content/` folder"),
                        "a snapshot holds a copy of that version's `content/` (and optionally `locales/` and `book.toml`)",
                    );
                    continue;
                }
                Box::new(WorkingTree::new(&root.join(folder)))
            }
            VersionSource::Git(reference) => match GitTree::open(root, reference)? {
                Ok(tree) => Box::new(tree),
                Err(GitProblem::NoRepository) => {
                    missing(
                        diags,
                        spec,
                        skip_missing,
                        format!(
                            "version `{}` is read from git ref `{reference}`, but the project is not in a git repository",
                            spec.version
                        ),
                        "build from a `git clone` of the project (a source archive has no history), or pass `--skip-missing-versions`",
                    );
                    continue;
                }
                Err(GitProblem::UnknownRef { shallow }) => {
                    let hint = if shallow {
                        "this is a shallow clone without that history: run `git fetch --unshallow --tags`, or pass `--skip-missing-versions`"
                    } else {
                        "check the tag, branch or commit; tags may need `git fetch --tags`; or pass `--skip-missing-versions`"
                    };
                    missing(
                        diags,
                        spec,
                        skip_missing,
                        format!("git ref `{reference}` of version `{}` was not found", spec.version),
                        hint,
                    );
                    continue;
                }
            },
        };
        let version_config = match spec.source {
            VersionSource::WorkingTree => config.clone(),
            _ => {
                let own = source.read(config::CONFIG_FILE).ok().map(|b| String::from_utf8_lossy(&b).into_owned());
                config::version_config(config, spec, own.as_deref(), &version_diags)
            }
        };
        // A snapshot without its own strings uses the working tree's.
        let has_locales = !source.files("locales", &Diagnostics::new())?.is_empty();
        let working_tree = WorkingTree::new(root);
        let locales: &dyn Source = if has_locales { source.as_ref() } else { &working_tree };
        let i18n = match spec.source {
            VersionSource::WorkingTree => i18n::load_i18n(&version_config, locales, &version_diags)?,
            _ => {
                let current = i18n::load_i18n(config, &working_tree, &Diagnostics::new())?;
                i18n::load_version_i18n(&version_config, locales, current, &version_diags)?
            }
        };
        let site = content::load_site(&version_config, source.as_ref(), &version_diags)?;
        let glossaries = match has_locales {
            true => terms::load_glossaries(source.as_ref(), &version_config, &version_diags)?,
            false => BTreeMap::new(),
        };
        extend_prefixed(diags, version_diags, &prefix);
        if let Some(site) = site {
            loaded.push(LoadedVersion { spec: spec.clone(), config: version_config, i18n, site, glossaries });
        }
    }
    Ok(loaded)
}

/// How diagnostics name the files of a version: git's `ref:path`, the snapshot folder, or
/// nothing for the working tree.
pub fn location_prefix(spec: &VersionSpec) -> String {
    match &spec.source {
        VersionSource::WorkingTree => String::new(),
        VersionSource::Git(reference) => format!("{reference}:"),
        VersionSource::Snapshot(folder) => format!("{folder}/"),
    }
}

/// Moves a version's diagnostics into the build's, naming its files with its prefix.
pub fn extend_prefixed(diags: &Diagnostics, version_diags: Diagnostics, prefix: &str) {
    diags.extend(version_diags.into_sorted().into_iter().map(|mut d| {
        if d.file != config::CONFIG_FILE {
            d.file = format!("{prefix}{}", d.file);
        }
        d
    }));
}

/// Reports a version that cannot be built: an error, or with `skip` a warning that it is left out.
pub fn missing(diags: &Diagnostics, spec: &VersionSpec, skip: bool, message: String, hint: &str) {
    let diagnostic = if skip {
        Diagnostic::warning(config::CONFIG_FILE, format!("{message}; the version is left out")).in_category("versions")
    } else {
        Diagnostic::error(config::CONFIG_FILE, message).in_category("versions")
    };
    diags.push(diagnostic.at(spec.line, if spec.line > 0 { 1 } else { 0 }).with_hint(hint));
}
