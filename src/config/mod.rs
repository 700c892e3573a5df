//! Stage 1: `book.toml` → [`Config`].
//!
//! The file is deserialised into [`RawConfig`] (unknown keys refused with a "did you mean"), then
//! validated into a [`Config`] that can no longer be wrong: languages parsed, the default language
//! listed, the base path normalised, the licence known and open.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::Deserialize;

use crate::diag::{self, Diagnostic, Diagnostics, did_you_mean, unknown_field};
use crate::key::{Lang, Version};
use crate::licence::{self, Licence};

mod accessibility;
mod versions;
pub use accessibility::{
    Accessibility, Compliance, Contact, DEFAULT_LIMITATIONS, RawAccessibility, statement_warnings,
};
use versions::validate_versions;

/// The configuration file's name, at the project root.
pub const CONFIG_FILE: &str = "book.toml";

/// A warning about the project as a whole (book.toml's, such as the accessibility statement's
/// missing contact), not about a file an author is working on: the CLI prints these once, after
/// the author's own problems, and the preview does not show them over the page.
pub fn is_project_wide(diagnostic: &Diagnostic) -> bool {
    diagnostic.file == CONFIG_FILE && !diagnostic.is_error()
}

/// book.toml as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawConfig {
    /// The site: title, languages, URLs, licence.
    pub site: RawSite,
    /// The languages, the default one first or named by `site.default-language`.
    #[serde(default)]
    pub languages: Vec<RawLanguage>,
    /// Who made the content and under which grant; fields left empty show nothing.
    #[serde(default)]
    pub project: RawProject,
    /// What the accessibility statement says.
    #[serde(default)]
    pub accessibility: RawAccessibility,
    /// How Markdown is treated.
    #[serde(default)]
    pub markdown: RawMarkdown,
    /// How output is written.
    #[serde(default)]
    pub output: RawOutput,
    /// The downloadable PDFs.
    #[serde(default)]
    pub pdf: RawPdf,
    /// Packages for learning platforms (SCORM 1.2).
    #[serde(default)]
    pub packages: RawPackages,
    /// Earlier versions, oldest first; the working tree is the newest.
    #[serde(default)]
    pub versions: Vec<RawVersion>,
    /// `innotrain check`: severity per category (`links = "warn"`, `raw-html = "error"` …).
    #[serde(default)]
    pub check: BTreeMap<String, String>,
}

/// An earlier version of the content.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawVersion {
    /// The label in URLs (`1.0`).
    pub label: String,
    /// A git tag, branch or commit of this repository holding that version.
    pub git: Option<String>,
    /// Or a folder (relative to book.toml) holding that version's `content/` (and optionally
    /// `locales/` and `book.toml`).
    pub snapshot: Option<String>,
    /// Release date, `YYYY-MM-DD` (shown on the site, the date of its PDFs).
    pub date: Option<String>,
    /// `pilot`, `final`, `archived` … (shown beside the label).
    pub status: Option<String>,
    /// A sentence about the version.
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawSite {
    /// Site title, shown in every page's header and `<title>`.
    pub title: String,
    /// One-sentence description for metadata.
    #[serde(default)]
    pub description: String,
    /// Code of the language the sources are written in (`en`).
    pub default_language: String,
    /// Absolute URL of the deployed site (`https://example.org/innotrain/`); may be empty.
    #[serde(default)]
    pub base_url: String,
    /// Path prefix under which the site is served (`/` or `/innotrain/`).
    #[serde(default = "default_base_path")]
    pub base_path: String,
    /// Erasmus+ programme period, choosing the funding statement and disclaimer.
    pub funding_period: String,
    /// SPDX id of the content licence when a page names none.
    pub license: String,
    /// Label of the version built from the working tree (`2.0`).
    pub version: String,
    /// Release date of the working tree's version, `YYYY-MM-DD`.
    #[serde(default)]
    pub date: Option<String>,
    /// Status of the working tree's version (`current`, `draft` …).
    #[serde(default)]
    pub status: Option<String>,
    /// A sentence about the working tree's version.
    #[serde(default)]
    pub note: Option<String>,
    /// Theme: its folder under `themes/`, laid over the built-in default theme.
    #[serde(default = "default_theme")]
    pub theme: String,
}

fn default_base_path() -> String {
    "/".into()
}

fn default_theme() -> String {
    crate::builtin::DEFAULT_THEME.into()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawLanguage {
    /// Language code, also the file-name suffix of translations (`el` in `01-x.el.md`).
    pub code: String,
    /// The language's name in itself (`Ελληνικά`), shown in the language switcher.
    pub name: String,
    /// `ltr` or `rtl`; when absent, [`default_rtl`] decides from the code.
    pub direction: Option<String>,
}

/// Whether a language is written right to left when book.toml does not say: the
/// right-to-left languages with an ISO 639-1 code (Arabic, Hebrew, Persian, Urdu, Pashto,
/// Sindhi, Yiddish, Divehi, Uyghur), so a site never shows Arabic laid out left to right just
/// because a line was forgotten. A region or script subtag does not change it (`ar-EG`), but
/// `direction` in book.toml always wins (Sindhi or Uyghur in a Latin or Cyrillic script).
pub fn default_rtl(lang: &Lang) -> bool {
    let primary = lang.as_str().split('-').next().unwrap_or_default();
    matches!(primary, "ar" | "he" | "fa" | "ur" | "ps" | "sd" | "yi" | "dv" | "ug")
}

#[derive(Debug, Default, Deserialize, Clone)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawProject {
    /// Full project title.
    pub name: String,
    /// Short name (`InnoTrain`).
    pub acronym: String,
    /// Funding programme and action.
    pub programme: String,
    /// Grant agreement number; empty when not known.
    pub number: String,
    /// Coordinating organisation; empty when not known.
    pub coordinator: String,
    /// Partner organisations; empty when not known.
    pub partners: Vec<String>,
    /// Contact address for feedback (e-mail or URL); empty when not known.
    pub contact: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawMarkdown {
    /// `drop` (default): raw HTML is removed with a warning; `sanitize`: a safe subset is kept.
    pub raw_html: Option<String>,
    /// `refuse` (default): images from other sites are errors and never shown; `allow`: kept.
    pub remote_images: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawOutput {
    /// `directory` (default, `../page/`) or `index-html` (`../page/index.html`, for opening the
    /// site from the file system).
    pub links: Option<String>,
    /// `redirect` (default): `latest/` holds redirect pages to the newest version; `copy`: real copies.
    pub latest: Option<String>,
    /// Build the search index of every version (default `true`).
    pub search: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawPackages {
    /// `true` (default): every module and output gets a SCORM 1.2 package in every language and
    /// version.
    pub enabled: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawPdf {
    /// `true` (default): every module and output gets a PDF in every language and version.
    pub enabled: Option<bool>,
    /// `a4` (default) or `us-letter`.
    pub paper: Option<String>,
}

/// Paper sizes of the PDFs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    #[default]
    A4,
    UsLetter,
}

impl Paper {
    /// The name typst's `page(paper: …)` takes.
    pub fn typst_name(self) -> &'static str {
        match self {
            Self::A4 => "a4",
            Self::UsLetter => "us-letter",
        }
    }
}

/// How PDFs are made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PdfSettings {
    pub enabled: bool,
    pub paper: Paper,
}

/// Which Erasmus+ period's legal wording applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FundingPeriod {
    P2014To2020,
    P2021To2027,
}

impl FundingPeriod {
    /// `2014-2020` or `2021-2027`, as book.toml writes it.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "2014-2020" => Some(Self::P2014To2020),
            "2021-2027" => Some(Self::P2021To2027),
            _ => None,
        }
    }

    /// The suffix of the legal message ids in `legal.ftl`.
    pub fn message_suffix(self) -> &'static str {
        match self {
            Self::P2014To2020 => "2014-2020",
            Self::P2021To2027 => "2021-2027",
        }
    }
}

/// What happens to raw HTML in Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RawHtml {
    Drop,
    Sanitize,
}

/// Whether images may load from other sites.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemoteImages {
    /// Pages load nothing from third parties (readers' privacy; offline use).
    Refuse,
    /// The host accepts that readers' browsers contact the other sites.
    Allow,
}

/// How internal links are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkStyle {
    Directory,
    IndexHtml,
}

/// Where a version's content comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VersionSource {
    WorkingTree,
    /// A git ref (tag, branch or commit) of the project's repository.
    Git(String),
    /// A folder, relative to the project root.
    Snapshot(String),
}

/// One version of the site.
#[derive(Debug, Clone)]
pub struct VersionSpec {
    pub version: Version,
    pub source: VersionSource,
    pub date: Option<String>,
    pub status: Option<String>,
    pub note: Option<String>,
    /// Line of its `[[versions]]` entry in book.toml (0 for the working tree), for diagnostics.
    pub line: usize,
}

/// What `latest/` holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LatestStyle {
    Redirect,
    Copy,
}

/// A language of the site.
#[derive(Debug, Clone)]
pub struct Language {
    pub lang: Lang,
    pub name: String,
    pub rtl: bool,
}

/// The validated configuration.
#[derive(Debug, Clone)]
pub struct Config {
    pub root: PathBuf,
    pub title: String,
    pub description: String,
    /// Languages in book.toml order; the default language is one of them.
    pub languages: Vec<Language>,
    pub default_lang: Lang,
    /// Absolute site URL without trailing slash, or empty.
    pub base_url: String,
    /// Path prefix, always starting and ending with `/`.
    pub base_path: String,
    pub funding_period: FundingPeriod,
    pub licence: Licence,
    pub version: Version,
    /// The theme's name: the built-in default theme with the project's `themes/<name>/` (if any)
    /// laid over it.
    pub theme: String,
    pub project: RawProject,
    /// The accessibility statement's settings (the whole site's: every version uses the current
    /// book.toml's).
    pub accessibility: Accessibility,
    pub raw_html: RawHtml,
    pub remote_images: RemoteImages,
    pub link_style: LinkStyle,
    pub latest_style: LatestStyle,
    /// Whether each version gets a search index (`<version>/pagefind/`).
    pub search: bool,
    /// Whether each module and output gets a SCORM 1.2 package (`[packages] enabled`).
    pub packages: bool,
    /// Every version, oldest first; the last is the working tree.
    pub versions: Vec<VersionSpec>,
    /// Severity per problem category for `innotrain check`: `error`, `warn` or `ignore`.
    pub check: BTreeMap<String, String>,
    pub pdf: PdfSettings,
}

impl Config {
    pub fn language(&self, lang: &Lang) -> Option<&Language> {
        self.languages.iter().find(|l| &l.lang == lang)
    }

    /// `rtl` or `ltr`: the `dir` of text in `lang` (a language that is not configured is
    /// taken as `ltr` unless its code says otherwise).
    pub fn dir(&self, lang: &Lang) -> &'static str {
        let rtl = self.language(lang).map_or_else(|| default_rtl(lang), |l| l.rtl);
        if rtl { "rtl" } else { "ltr" }
    }

    /// A language's name in itself (`Ελληνικά`), or its code when it is not configured.
    pub fn language_name(&self, code: &str) -> String {
        self.languages.iter().find(|l| l.lang.as_str() == code).map_or_else(|| code.to_string(), |l| l.name.clone())
    }

    /// Looks a file-name suffix up among the configured languages.
    pub fn lang(&self, code: &str) -> Option<&Lang> {
        self.languages.iter().map(|l| &l.lang).find(|l| l.as_str() == code)
    }

    pub fn langs(&self) -> impl Iterator<Item = &Lang> {
        self.languages.iter().map(|l| &l.lang)
    }

    pub fn content_dir(&self) -> PathBuf {
        self.root.join("content")
    }

    pub fn locales_dir(&self) -> PathBuf {
        self.root.join("locales")
    }
}

/// Reads and validates `<root>/book.toml`. Problems with its content become diagnostics (and
/// `None`); a file that cannot be read is an operational error.
pub fn load_config(root: &Path, diags: &Diagnostics) -> anyhow::Result<Option<Config>> {
    let path = root.join(CONFIG_FILE);
    let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read `{}`", path.display()))?;
    Ok(config_from_text(root, &text, diags))
}

/// Parses and validates book.toml's text.
fn config_from_text(root: &Path, text: &str, diags: &Diagnostics) -> Option<Config> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text).replace("\r\n", "\n");
    let raw: RawConfig = match toml::from_str(&text) {
        Ok(raw) => raw,
        Err(error) => {
            diags.push(toml_diagnostic(&text, &error));
            return None;
        }
    };
    let before = diags.has_errors();
    let config = validate(root, raw, &text, diags);
    config.filter(|_| before || !diags.has_errors())
}

/// The configuration an earlier version is built with: its own content settings (title,
/// languages, licence, funding period, project) from its own book.toml (`text`, when it has
/// one), and the current build's output settings (URLs, theme, links, the list of versions).
pub fn version_config(current: &Config, spec: &VersionSpec, text: Option<&str>, diags: &Diagnostics) -> Config {
    let own = text.and_then(|text| {
        let own_diags = Diagnostics::new();
        let parsed = config_from_text(&current.root, text, &own_diags);
        if parsed.is_none() {
            diags.push(
                Diagnostic::warning(
                    CONFIG_FILE,
                    format!("the book.toml of version `{}` does not fit the current schema", spec.version),
                )
                .in_category("config")
                .with_hint("its content is built with the current book.toml's title, languages and licence instead"),
            );
        }
        parsed
    });
    let mut config = own.unwrap_or_else(|| current.clone());
    config.root = current.root.clone();
    config.base_url = current.base_url.clone();
    config.base_path = current.base_path.clone();
    config.theme = current.theme.clone();
    config.link_style = current.link_style;
    config.latest_style = current.latest_style;
    config.search = current.search;
    config.raw_html = current.raw_html;
    config.remote_images = current.remote_images;
    config.pdf = current.pdf;
    config.versions = current.versions.clone();
    config.accessibility = current.accessibility.clone();
    config.version = spec.version.clone();
    config
}

fn toml_diagnostic(text: &str, error: &toml::de::Error) -> Diagnostic {
    let message = error.message().trim();
    let mut diagnostic = match unknown_field(message, "key") {
        Some((message, hint)) => Diagnostic::error(CONFIG_FILE, message).in_category("config").with_hint(hint),
        None => Diagnostic::error(CONFIG_FILE, crate::diag::lowercase_first(message)).in_category("config"),
    };
    if let Some(span) = error.span() {
        diagnostic = diagnostic.at_offset(text, span.start);
    }
    diagnostic
}

/// Position of `key = …` inside the table `[section]`, for diagnostics about a key that other
/// tables have too (`contact`); the table's header line when the key is not written.
fn locate_in(text: &str, section: &str, key: &str) -> (usize, usize) {
    let header = format!("[{section}]");
    let Some(start) = text.lines().position(|line| line.trim() == header) else { return (0, 0) };
    let body = text.lines().enumerate().skip(start + 1).take_while(|(_, line)| !line.trim_start().starts_with('['));
    for (i, line) in body {
        let trimmed = line.trim_start();
        if trimmed.strip_prefix(key).is_some_and(|rest| rest.trim_start().starts_with('=')) {
            return (i + 1, line.len() - trimmed.len() + 1);
        }
    }
    (start + 1, 1)
}

/// Position of `key = …` in the text, for diagnostics about a valid-but-wrong value.
fn locate(text: &str, key: &str) -> (usize, usize) {
    text.lines()
        .enumerate()
        .find(|(_, line)| {
            let line = line.trim_start();
            line.strip_prefix(key).is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map_or((0, 0), |(i, line)| (i + 1, line.len() - line.trim_start().len() + 1))
}

fn validate(root: &Path, raw: RawConfig, text: &str, diags: &Diagnostics) -> Option<Config> {
    let error_at = |key: &str, message: String, hint: String| {
        let (line, col) = locate(text, key);
        diags.push(Diagnostic::error(CONFIG_FILE, message).in_category("config").at(line, col).with_hint(hint));
    };

    let mut languages = Vec::new();
    for raw_lang in &raw.languages {
        let Some(lang) = Lang::parse(&raw_lang.code) else {
            error_at(
                "code",
                format!("invalid language code `{}`", raw_lang.code),
                "use a lowercase ISO 639-1 code such as `en`, `de` or `el`".into(),
            );
            continue;
        };
        if languages.iter().any(|l: &Language| l.lang == lang) {
            error_at("code", format!("language `{lang}` is listed twice"), "remove one of the entries".into());
            continue;
        }
        let rtl = match raw_lang.direction.as_deref() {
            None => default_rtl(&lang),
            Some("ltr") => false,
            Some("rtl") => true,
            Some(other) => {
                error_at("direction", format!("invalid text direction `{other}`"), "expected `ltr` or `rtl`".into());
                false
            }
        };
        languages.push(Language { lang, name: raw_lang.name.clone(), rtl });
    }
    if languages.is_empty() {
        diags.push(
            Diagnostic::error(CONFIG_FILE, "no languages are configured")
                .in_category("config")
                .with_hint("add a `[[languages]]` table with `code` and `name` for each language"),
        );
    }

    let codes = || languages.iter().map(|l| l.lang.as_str());
    let default_lang = languages.iter().map(|l| l.lang.clone()).find(|l| l.as_str() == raw.site.default_language);
    if default_lang.is_none() && !languages.is_empty() {
        let hint = match did_you_mean(&raw.site.default_language, codes()) {
            Some(code) => format!("did you mean `{code}`?"),
            None => format!("add it to `[[languages]]` or use one of {}", crate::diag::backticked(codes())),
        };
        error_at(
            "default-language",
            format!("default language `{}` is not among the configured languages", raw.site.default_language),
            hint,
        );
    }

    let funding_period = match FundingPeriod::parse(&raw.site.funding_period) {
        Some(period) => Some(period),
        None => {
            let other = &raw.site.funding_period;
            error_at(
                "funding-period",
                format!("unknown funding period `{other}`"),
                "expected `2014-2020` or `2021-2027`".into(),
            );
            None
        }
    };

    let licence = match licence::licence(&raw.site.license) {
        Ok(licence) => Some(licence),
        Err(licence::LicenceProblem::Unknown) if let Some(licence) = licence::respelled(&raw.site.license) => {
            let (line, col) = locate(text, "license");
            diags.push(
                Diagnostic::warning(
                    CONFIG_FILE,
                    format!("licence `{}` is read as `{}`", raw.site.license, licence.spdx),
                )
                .in_category("licence")
                .at(line, col)
                .with_hint(format!("write the SPDX id: `license = \"{}\"`", licence.spdx)),
            );
            Some(licence)
        }
        Err(problem) => {
            let (message, hint) = licence::explain(&raw.site.license, problem);
            error_at("license", message, hint);
            None
        }
    };

    let version = Version::parse(&raw.site.version);
    if version.is_none() {
        error_at(
            "version",
            format!("invalid version label `{}`", raw.site.version),
            "use letters, digits, `.`, `-` or `_`, such as `2.0` or `1.0-pilot` (`latest` is reserved)".into(),
        );
    }

    let base_url = raw.site.base_url.trim_end_matches('/').to_string();
    let is_web_url = base_url.starts_with("https://") || base_url.starts_with("http://");
    if !base_url.is_empty() && !is_web_url {
        error_at(
            "base-url",
            format!("base URL `{base_url}` is not an absolute http(s) URL"),
            "write it as `https://example.org/innotrain`, or leave it empty".into(),
        );
    }
    let base_path = normalise_base_path(&raw.site.base_path);
    if base_path.is_none() {
        error_at(
            "base-path",
            format!("invalid base path `{}`", raw.site.base_path),
            "use `/` or a path such as `/innotrain/` (letters, digits, `-`, `_`, `.`)".into(),
        );
    }

    let choose = |key: &str, value: Option<&str>, what: &str, choices: &[&str]| -> usize {
        let value = value.unwrap_or(choices[0]);
        choices.iter().position(|c| *c == value).unwrap_or_else(|| {
            error_at(
                key,
                format!("unknown {what} `{value}`"),
                format!("expected one of {}", crate::diag::backticked(choices.iter().copied())),
            );
            0
        })
    };
    let raw_html = [RawHtml::Drop, RawHtml::Sanitize]
        [choose("raw-html", raw.markdown.raw_html.as_deref(), "raw HTML policy", &["drop", "sanitize"])];
    let remote_images = [RemoteImages::Refuse, RemoteImages::Allow]
        [choose("remote-images", raw.markdown.remote_images.as_deref(), "remote image policy", &["refuse", "allow"])];
    let link_style = [LinkStyle::Directory, LinkStyle::IndexHtml]
        [choose("links", raw.output.links.as_deref(), "link style", &["directory", "index-html"])];
    let latest_style = [LatestStyle::Redirect, LatestStyle::Copy]
        [choose("latest", raw.output.latest.as_deref(), "`latest` style", &["redirect", "copy"])];
    let paper =
        [Paper::A4, Paper::UsLetter][choose("paper", raw.pdf.paper.as_deref(), "paper size", &["a4", "us-letter"])];
    let pdf = PdfSettings { enabled: raw.pdf.enabled.unwrap_or(true), paper };
    let versions = validate_versions(&raw, version.as_ref(), text, diags);
    let accessibility = accessibility::validate_accessibility(&raw.accessibility, &raw.project, text, diags);

    for (category, severity) in &raw.check {
        let (line, col) = locate(text, category);
        let problem = |message: String, hint: String| {
            diags.push(Diagnostic::error(CONFIG_FILE, message).at(line, col).with_hint(hint).in_category("config"));
        };
        let lenient = diag::LENIENT_CATEGORIES.contains(&category.as_str());
        let known = || diag::LENIENT_CATEGORIES.iter().chain(&diag::STRICT_CATEGORIES).copied();
        match diag::Level::parse(severity) {
            None => problem(
                format!("unknown severity `{severity}` for `{category}`"),
                "expected `error`, `warn` or `ignore`".into(),
            ),
            Some(_) if !lenient && !diag::STRICT_CATEGORIES.contains(&category.as_str()) => problem(
                format!("unknown problem category `{category}`"),
                match diag::did_you_mean(category, known()) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None => format!("the categories are {}", diag::backticked(known())),
                },
            ),
            Some(diag::Level::Warn | diag::Level::Ignore) if !lenient => problem(
                format!("`{category}` problems are always errors"),
                format!(
                    "the build has nothing correct to write in their place; only {} can be made warnings",
                    diag::backticked(diag::LENIENT_CATEGORIES)
                ),
            ),
            Some(_) => {}
        }
    }

    // The default theme is built in; another name must be a folder of the project (laid over it).
    let theme = raw.site.theme;
    let theme_dir = root.join("themes").join(&theme);
    let builtin = theme == crate::builtin::DEFAULT_THEME;
    if theme.contains(['/', '\\']) || theme.starts_with('.') || (!builtin && !theme_dir.is_dir()) {
        error_at(
            "theme",
            format!("theme `{theme}` not found"),
            format!(
                "expected a folder `themes/{theme}/` next to book.toml holding the files that differ from the built-in theme, \
                 or leave `theme` out for the built-in one"
            ),
        );
    }

    Some(Config {
        root: root.to_path_buf(),
        title: raw.site.title,
        description: raw.site.description,
        default_lang: default_lang?,
        languages,
        base_url,
        base_path: base_path?,
        funding_period: funding_period?,
        licence: licence?,
        version: version?,
        theme,
        project: raw.project,
        accessibility,
        raw_html,
        remote_images,
        link_style,
        latest_style,
        search: raw.output.search.unwrap_or(true),
        packages: raw.packages.enabled.unwrap_or(true),
        versions: versions?,
        check: raw.check,
        pdf,
    })
}

/// `innotrain` → `/innotrain/`; `/` stays `/`; `..` and odd characters are refused.
pub fn normalise_base_path(path: &str) -> Option<String> {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let valid = segments.iter().all(|s| {
        *s != "."
            && *s != ".."
            && s.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~'))
    });
    valid.then(|| if segments.is_empty() { "/".to_string() } else { format!("/{}/", segments.join("/")) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_keys_inside_their_table() {
        let text = "[project]\ncontact = \"x\"\n\n[accessibility]\nstatus = \"y\"\n  contact = \"z\"\n";
        assert_eq!(locate_in(text, "project", "contact"), (2, 1));
        assert_eq!(locate_in(text, "accessibility", "contact"), (6, 3));
        assert_eq!(locate_in(text, "accessibility", "date"), (4, 1));
        assert_eq!(locate_in(text, "output", "links"), (0, 0));
    }

    #[test]
    fn normalises_base_paths() {
        assert_eq!(normalise_base_path("innotrain").as_deref(), Some("/innotrain/"));
        assert_eq!(normalise_base_path("/a/b/").as_deref(), Some("/a/b/"));
        assert_eq!(normalise_base_path("").as_deref(), Some("/"));
        assert_eq!(normalise_base_path("/../etc"), None);
    }
}
