//! The theme: Tera templates and static files from `themes/<name>/`.
//!
//! Templates are the team's code, not partner content: they are loaded from the theme folder
//! and only ever rendered with views. Partner text never reaches Tera as a template.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, bail};
use tera::Tera;
use walkdir::WalkDir;

/// Templates every theme must provide.
pub const TEMPLATES: [&str; 9] = [
    "home.html",
    "output.html",
    "module.html",
    "status.html",
    "accessibility.html",
    "catalogue.html",
    "404.html",
    "root.html",
    "partials/sidebar.html",
];

/// A loaded theme.
pub struct Theme {
    pub tera: Tera,
    /// Static files by path relative to `static/` (`style.css`, `eu-emblem.svg`).
    pub static_files: BTreeMap<String, Vec<u8>>,
}

/// Loads `<theme_dir>/templates/**/*.html` and `<theme_dir>/static/**`.
pub fn load_theme(theme_dir: &Path) -> anyhow::Result<Theme> {
    let mut tera = Tera::new();
    let templates_dir = theme_dir.join("templates");
    let mut templates = Vec::new();
    for entry in WalkDir::new(&templates_dir).sort_by_file_name() {
        let entry = entry.with_context(|| format!("cannot list `{}`", templates_dir.display()))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let name = entry.path().strip_prefix(&templates_dir)?.to_string_lossy().replace('\\', "/");
        let text = std::fs::read_to_string(entry.path())
            .with_context(|| format!("cannot read `{}`", entry.path().display()))?;
        templates.push((name, text));
    }
    tera.add_raw_templates(templates)
        .map_err(|error| anyhow::anyhow!("theme template error in `{}`: {error}", templates_dir.display()))?;
    for name in TEMPLATES {
        if !tera.contains_template(name) {
            bail!("the theme at `{}` has no template `{name}`", theme_dir.display());
        }
    }
    let mut static_files = BTreeMap::new();
    let static_dir = theme_dir.join("static");
    for entry in WalkDir::new(&static_dir).sort_by_file_name() {
        let entry = entry.with_context(|| format!("cannot list `{}`", static_dir.display()))?;
        if entry.file_type().is_file() {
            let name = entry.path().strip_prefix(&static_dir)?.to_string_lossy().replace('\\', "/");
            let bytes =
                std::fs::read(entry.path()).with_context(|| format!("cannot read `{}`", entry.path().display()))?;
            static_files.insert(name, bytes);
        }
    }
    Ok(Theme { tera, static_files })
}
