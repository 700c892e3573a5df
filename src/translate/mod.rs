//! The translators' room: where each translation stands against its source, and the commands
//! that edit translations for them.
//!
//! - [`freshness`]: the state of one page in one language (up to date, outdated …);
//! - [`status`]: the matrix of pages × languages that `innotrain status` and the site's status
//!   pages show;
//! - [`diff`]: how a source changed since its translation was made (`status --diff`);
//! - [`authoring`]: `translation done`, `translation reviewed`, `new translation` and
//!   `new module`;
//! - [`structure`]: a translation keeps its source's anchors, link targets, figures and
//!   outcomes;
//! - [`terminology`]: a translation uses the agreed terms (`locales/<lang>/terms.toml`, read
//!   by [`crate::content::terms`]) where its source uses the terms.
//!
//! It reads the loaded [`crate::content::Site`] and is read by the render stage.

pub mod authoring;
pub mod diff;
pub mod freshness;
pub mod status;
pub mod structure;
pub mod terminology;

use std::collections::BTreeMap;

use crate::config::Config;
use crate::content::Site;
use crate::diag::Diagnostics;
use crate::key::Lang;

/// What a build checks of every translation of a version it renders, against its source.
pub fn check_translations(
    site: &Site,
    config: &Config,
    glossaries: &BTreeMap<Lang, crate::content::terms::Glossary>,
    diags: &Diagnostics,
) {
    let langs: Vec<&str> = config.langs().map(Lang::as_str).collect();
    structure::check_structure(site, &langs, diags);
    terminology::check_terminology(site, &config.default_lang, glossaries, diags);
}
