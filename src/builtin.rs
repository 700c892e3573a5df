//! What ships inside the binary: the default theme and the UI, legal and accessibility strings
//! of the languages innotrain ships (see `build.rs`).
//!
//! A project holds only what it changes. Its `themes/<name>/` and `locales/<lang>/` folders are
//! laid over the built-in files *file by file*: a project file replaces the built-in file of the
//! same path, every other built-in file stays. So a host who wants another footer writes one
//! template, and a project with no `themes/` or `locales/` folder at all builds as it is.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Context;
use walkdir::WalkDir;

include!(concat!(env!("OUT_DIR"), "/builtin.rs"));

/// The theme a project uses when book.toml names none; the built-in files are this theme's.
pub const DEFAULT_THEME: &str = "default";

/// How error messages name a built-in file (it has no path in the project).
const BUILTIN_PREFIX: &str = "builtin:";

/// The languages whose strings ship with innotrain, in code order.
pub fn shipped_languages() -> Vec<&'static str> {
    let mut langs: Vec<&str> = LOCALES.iter().filter_map(|(path, _)| path.split_once('/').map(|(l, _)| l)).collect();
    langs.dedup();
    langs
}

/// The built-in string files of `lang` (`ui.ftl`, `legal.ftl`, …), by file name.
pub fn locale_files(lang: &str) -> impl Iterator<Item = (&'static str, &'static [u8])> + '_ {
    LOCALES.iter().filter_map(move |(path, bytes)| {
        let (file_lang, name) = path.split_once('/')?;
        (file_lang == lang && !name.contains('/')).then_some((name, *bytes))
    })
}

/// How an error message names the built-in string file `name` of `lang`.
pub fn locale_origin(lang: &str, name: &str) -> String {
    format!("{BUILTIN_PREFIX}locales/{lang}/{name}")
}

/// One file of the theme in use.
#[derive(Debug, Clone)]
pub struct ThemeFile {
    pub bytes: Vec<u8>,
    /// How error messages name it: the project-relative path of a project file
    /// (`themes/default/templates/base.html`), `builtin:themes/default/…` for a built-in one.
    pub origin: String,
}

impl ThemeFile {
    /// Whether the project provides this file (rather than the binary).
    pub fn is_project_file(&self) -> bool {
        !self.origin.starts_with(BUILTIN_PREFIX)
    }
}

/// The theme in use: the built-in default theme with the project's theme folder laid over it.
#[derive(Debug, Clone)]
pub struct ThemeFiles {
    /// By path relative to the theme folder (`templates/base.html`, `pdf/innotrain.typ`).
    files: BTreeMap<String, ThemeFile>,
}

impl ThemeFiles {
    /// The built-in default theme with `<root>/themes/<name>/`, when it exists, laid over it.
    /// Whether the folder must exist is book.toml's business (config checks the name).
    pub fn load(root: &Path, name: &str) -> anyhow::Result<Self> {
        let mut files = Self::builtin().files;
        let dir = root.join("themes").join(name);
        if dir.is_dir() {
            for entry in WalkDir::new(&dir).sort_by_file_name() {
                let entry = entry.with_context(|| format!("cannot list `{}`", dir.display()))?;
                if !entry.file_type().is_file() || is_hidden(entry.path()) {
                    continue;
                }
                let relative = slashed(entry.path().strip_prefix(&dir)?);
                let bytes =
                    std::fs::read(entry.path()).with_context(|| format!("cannot read `{}`", entry.path().display()))?;
                let origin = slashed(entry.path().strip_prefix(root).unwrap_or(entry.path()));
                files.insert(relative, ThemeFile { bytes, origin });
            }
        }
        Ok(Self { files })
    }

    /// The built-in default theme alone.
    pub fn builtin() -> Self {
        let files = THEME
            .iter()
            .map(|(path, bytes)| {
                let origin = format!("{BUILTIN_PREFIX}themes/{DEFAULT_THEME}/{path}");
                (path.to_string(), ThemeFile { bytes: bytes.to_vec(), origin })
            })
            .collect();
        Self { files }
    }

    /// The files under `folder` (`templates`, `static`, `pdf`), by path relative to it, sorted.
    pub fn under<'a>(&'a self, folder: &str) -> impl Iterator<Item = (&'a str, &'a ThemeFile)> + 'a {
        let prefix = format!("{folder}/");
        self.files.iter().filter_map(move |(path, file)| Some((path.strip_prefix(&prefix)?, file)))
    }

    /// Every file, by path relative to the theme folder.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &ThemeFile)> {
        self.files.iter().map(|(path, file)| (path.as_str(), file))
    }
}

/// Where each built-in file of the default theme goes when copied into `dir`
/// (`themes/default/`) for editing.
pub fn theme_copies(dir: &Path) -> Vec<(PathBuf, &'static [u8])> {
    THEME.iter().map(|(path, bytes)| (dir.join(path), *bytes)).collect()
}

/// Where each built-in string file of `lang` goes when copied into `dir` (`locales/<lang>/`);
/// empty when no strings ship for `lang`.
pub fn locale_copies(lang: &str, dir: &Path) -> Vec<(PathBuf, &'static [u8])> {
    locale_files(lang).map(|(name, bytes)| (dir.join(name), bytes)).collect()
}

/// Writes each file, after checking that none exists: never overwrites a user's file.
pub fn write_new_files(targets: &[(PathBuf, &[u8])]) -> anyhow::Result<Vec<PathBuf>> {
    let existing: Vec<String> =
        targets.iter().filter(|(path, _)| path.exists()).map(|(path, _)| format!("`{}`", shown(path))).collect();
    if !existing.is_empty() {
        anyhow::bail!(
            "{} already exist{}: nothing was written\n  hint: move {} aside first; innotrain never overwrites your files",
            existing.join(", "),
            if existing.len() == 1 { "s" } else { "" },
            if existing.len() == 1 { "it" } else { "them" },
        );
    }
    for (path, bytes) in targets {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).with_context(|| format!("cannot create `{}`", parent.display()))?;
        }
        std::fs::write(path, bytes).with_context(|| format!("cannot write `{}`", path.display()))?;
    }
    Ok(targets.iter().map(|(path, _)| path.clone()).collect())
}

/// A path as the user typed it, without a leading `./`.
fn shown(path: &Path) -> String {
    path.strip_prefix(".").unwrap_or(path).display().to_string()
}

fn slashed(path: &Path) -> String {
    path.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

fn is_hidden(path: &Path) -> bool {
    path.file_name().is_some_and(|name| name.to_string_lossy().starts_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_binary_carries_the_default_theme_and_five_languages() {
        let theme = ThemeFiles::builtin();
        assert!(theme.under("templates").any(|(path, _)| path == "base.html"));
        assert!(theme.under("pdf").any(|(path, _)| path == "innotrain.typ"));
        assert_eq!(shipped_languages(), ["de", "el", "en", "es", "it"]);
        let greek: Vec<&str> = locale_files("el").map(|(name, _)| name).collect();
        assert_eq!(greek, ["accessibility.ftl", "legal.ftl", "ui.ftl"]);
    }

    #[test]
    fn a_project_file_replaces_only_the_built_in_file_of_the_same_path() {
        let dir = tempfile::tempdir().unwrap();
        let template = dir.path().join("themes/default/templates/404.html");
        std::fs::create_dir_all(template.parent().unwrap()).unwrap();
        std::fs::write(&template, "mine").unwrap();
        let theme = ThemeFiles::load(dir.path(), DEFAULT_THEME).unwrap();
        let (_, replaced) = theme.under("templates").find(|(path, _)| *path == "404.html").unwrap();
        assert_eq!(replaced.bytes, b"mine");
        assert_eq!(replaced.origin, "themes/default/templates/404.html");
        assert!(replaced.is_project_file());
        let (_, kept) = theme.under("templates").find(|(path, _)| *path == "base.html").unwrap();
        assert_eq!(kept.origin, "builtin:themes/default/templates/base.html");
        assert_eq!(theme.iter().count(), ThemeFiles::builtin().iter().count());
    }
}
