//! The theme: Tera templates and static files, built in or from the project's `themes/<name>/`
//! (see [`crate::builtin`]).
//!
//! Templates are the team's code, not partner content: they are loaded from the theme folder
//! and only ever rendered with views. Partner text never reaches Tera as a template.

use std::collections::BTreeMap;

use anyhow::bail;
use tera::Tera;

use crate::builtin::ThemeFiles;

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

/// Compiles the theme's templates (`templates/**/*.html`) and takes its static files.
pub fn load_theme(files: &ThemeFiles) -> anyhow::Result<Theme> {
    let mut tera = Tera::new();
    let mut templates = Vec::new();
    for (name, file) in files.under("templates") {
        let text = String::from_utf8(file.bytes.clone())
            .map_err(|_| anyhow::anyhow!("`{}` is not UTF-8\n  hint: save it with UTF-8 encoding", file.origin))?;
        templates.push((name.to_string(), text));
    }
    tera.add_raw_templates(templates).map_err(|error| anyhow::anyhow!("theme template error: {error}"))?;
    for name in TEMPLATES {
        if !tera.contains_template(name) {
            bail!("the theme has no template `{name}`");
        }
    }
    let static_files = files.under("static").map(|(name, file)| (name.to_string(), file.bytes.clone())).collect();
    Ok(Theme { tera, static_files })
}
