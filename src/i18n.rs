//! Stage 3b: Fluent UI strings, legal texts and the accessibility statement per language.
//!
//! `locales/<lang>/*.ftl` are read through the [`Source`] (they belong to a version like the
//! content): `ui.ftl`, `legal.ftl`, `accessibility.ftl`. A UI or statement message missing in a
//! language falls back to the default language with a warning; a missing legal message is an
//! error, because the Erasmus+ funding statement and disclaimer must appear on every page in the
//! page's language.
//!
//! Isolation marks (U+2068/U+2069) are switched off: every formatted string is HTML-escaped by the
//! template engine anyway, all configured scripts in use are left-to-right, and the marks would
//! otherwise end up inside attributes and URLs.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics};
use crate::key::Lang;
use crate::source::Source;

/// Legal messages every language must define, besides the two of the configured funding period.
const LEGAL_ALWAYS: [&str; 2] = ["legal-emblem-alt", "legal-licence-notice"];

/// A language's messages, and the variables each one uses.
struct LangStrings {
    bundle: FluentBundle<FluentResource>,
    ids: BTreeSet<String>,
    variables: BTreeMap<String, BTreeSet<String>>,
    /// The file each message is defined in (`ui.ftl`, `accessibility.ftl` …), by id.
    files: BTreeMap<String, String>,
}

/// UI strings and legal texts of every language of one version.
pub struct I18n {
    default_lang: Lang,
    langs: BTreeMap<Lang, LangStrings>,
    /// For an earlier version: the working tree's strings, for messages today's theme uses
    /// that did not exist yet when that version was made.
    fallback: Option<Box<I18n>>,
}

impl I18n {
    /// The message `id` in `lang`, falling back to the default language, then to the id itself.
    pub fn message(&self, lang: &Lang, id: &str) -> String {
        self.format(lang, id, &[])
    }

    /// The message `id` with arguments.
    pub fn format(&self, lang: &Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let fluent_args = (!args.is_empty()).then(|| {
            let mut a = FluentArgs::new();
            for (name, value) in args {
                a.set(*name, value.clone());
            }
            a
        });
        for candidate in [lang, &self.default_lang] {
            if let Some(strings) = self.langs.get(candidate)
                && let Some(pattern) = strings.bundle.get_message(id).and_then(|m| m.value())
            {
                let mut errors = Vec::new();
                let text = strings.bundle.format_pattern(pattern, fluent_args.as_ref(), &mut errors);
                return text.into_owned();
            }
        }
        match &self.fallback {
            Some(fallback) => fallback.format(lang, id, args),
            None => id.to_string(),
        }
    }

    /// A message with a `$count` as two templates for a browser script, which picks one with
    /// `Intl.PluralRules`: the text for a count the language calls "one" and the text for any
    /// other count, with `{count}` where the number goes. `args` are passed as they are (a
    /// script fills in placeholders such as `{query}` itself). Languages with more plural forms
    /// than one and other get their "other" form for every count but one.
    pub fn count_templates(&self, lang: &Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> (String, String) {
        // Formats like any number and is neither "one" nor "many" (which some languages use for
        // exact millions).
        const OTHER: u32 = 1_234_567;
        let with_count = |count: u32| {
            let mut all = args.to_vec();
            all.push(("count", number(count)));
            self.format(lang, id, &all)
        };
        (with_count(1).replacen('1', "{count}", 1), with_count(OTHER).replacen(&OTHER.to_string(), "{count}", 1))
    }

    /// Every message of the default language that needs no arguments, resolved in `lang`, keyed
    /// with `_` instead of `-` so templates can write `t.nav_previous`.
    pub fn ui_strings(&self, lang: &Lang) -> BTreeMap<String, String> {
        // The theme's messages are always there (as their id when missing, which the build has
        // reported as an error), so a template never fails on a missing string.
        let default_ids = self.langs.get(&self.default_lang).into_iter().flat_map(|d| d.ids.iter().map(String::as_str));
        default_ids
            .chain(UI_MESSAGES.iter().copied())
            .chain(ACCESSIBILITY_MESSAGES.iter().copied())
            .map(|id| (id.replace('-', "_"), self.message(lang, id)))
            .collect()
    }

    /// Whether `lang` defines `id` itself (not through the fallback).
    pub fn has(&self, lang: &Lang, id: &str) -> bool {
        self.langs.get(lang).is_some_and(|s| s.ids.contains(id))
    }
}

/// Loads `locales/<lang>/*.ftl` for every configured language.
pub fn load_i18n(config: &Config, source: &dyn Source, diags: &Diagnostics) -> anyhow::Result<I18n> {
    let i18n = load_strings(config, source, diags)?;
    check_legal(config, &i18n, diags);
    check_coverage(config, &i18n, diags);
    Ok(i18n)
}

/// The strings of an earlier version: its own, with `fallback` (the working tree's) for
/// messages the current theme needs that it does not have. Its legal texts must be complete;
/// gaps in its other strings are not reported (that version is finished).
pub fn load_version_i18n(
    config: &Config,
    source: &dyn Source,
    fallback: I18n,
    diags: &Diagnostics,
) -> anyhow::Result<I18n> {
    let mut i18n = load_strings(config, source, diags)?;
    check_legal(config, &i18n, diags);
    i18n.fallback = Some(Box::new(fallback));
    Ok(i18n)
}

fn load_strings(config: &Config, source: &dyn Source, diags: &Diagnostics) -> anyhow::Result<I18n> {
    let mut langs = BTreeMap::new();
    for lang in config.langs() {
        let dir = format!("locales/{lang}");
        let mut bundle = FluentBundle::new_concurrent(vec![language_identifier(lang)]);
        bundle.set_use_isolating(false);
        let mut ids = BTreeSet::new();
        let mut variables = BTreeMap::new();
        let mut origins = BTreeMap::new();
        // The project's files, then the built-in ones it does not replace (file by file).
        let mut files: Vec<(String, Vec<u8>)> = Vec::new();
        for file in source.files(&dir, diags)?.iter().filter(|f| f.path.ends_with(".ftl")) {
            files.push((file.path.clone(), source.read(&file.path)?));
        }
        for (name, bytes) in crate::builtin::locale_files(lang.as_str()) {
            if !files.iter().any(|(path, _)| path.rsplit('/').next() == Some(name)) {
                files.push((crate::builtin::locale_origin(lang.as_str(), name), bytes.to_vec()));
            }
        }
        if files.is_empty() {
            diags.push(
                Diagnostic::error(&dir, format!("no UI strings for language `{lang}`"))
                    .in_category("strings")
                    .with_hint(format!(
                        "innotrain ships strings for {}; for `{lang}` create `{dir}/ui.ftl`, `{dir}/legal.ftl` and `{dir}/accessibility.ftl`, \
                         starting from copies of the default language's (`innotrain theme eject --strings {}`)",
                        crate::diag::backticked(crate::builtin::shipped_languages()),
                        config.default_lang
                    )),
            );
        }
        for (path, bytes) in files {
            let Ok(text) = String::from_utf8(bytes) else {
                diags.push(
                    Diagnostic::error(&path, "file is not valid UTF-8")
                        .in_category("strings")
                        .with_hint("save the file with UTF-8 encoding"),
                );
                continue;
            };
            let text = crate::content::normalise_text(text);
            let resource = match FluentResource::try_new(text.clone()) {
                Ok(resource) => resource,
                Err((resource, errors)) => {
                    for error in errors {
                        diags.push(
                            Diagnostic::error(
                                &path,
                                format!(
                                    "invalid Fluent syntax: {}",
                                    crate::diag::lowercase_first(&error.kind.to_string())
                                ),
                            )
                            .in_category("strings")
                            .at_offset(&text, error.pos.start)
                            .with_hint("messages look like `message-id = Text`; continuation lines are indented"),
                        );
                    }
                    resource
                }
            };
            for entry in resource.entries() {
                if let ast::Entry::Message(message) = entry {
                    let id = message.id.name;
                    let mut used = BTreeSet::new();
                    if let Some(pattern) = &message.value {
                        collect_variables(pattern, &mut used);
                    }
                    variables.insert(id.to_string(), used);
                    let name = path.rsplit('/').next().unwrap_or(&path);
                    origins.entry(id.to_string()).or_insert_with(|| name.to_string());
                    if !ids.insert(id.to_string()) {
                        let offset = text.find(&format!("\n{id} ")).map_or(0, |o| o + 1);
                        diags.push(
                            Diagnostic::error(&path, format!("message `{id}` is defined twice for `{lang}`"))
                                .in_category("strings")
                                .at_offset(&text, offset)
                                .with_hint("remove one of the definitions"),
                        );
                    }
                }
            }
            // Duplicates were reported above; the overriding form keeps loading going.
            bundle.add_resource_overriding(resource);
        }
        langs.insert(lang.clone(), LangStrings { bundle, ids, variables, files: origins });
    }
    Ok(I18n { default_lang: config.default_lang.clone(), langs, fallback: None })
}

/// The legal messages the configured funding period requires.
fn required_legal(config: &Config) -> Vec<String> {
    required_legal_messages(config.funding_period)
}

/// The legal messages every language needs under `period`: the funding statement, disclaimer,
/// emblem text and licence notice.
pub fn required_legal_messages(period: crate::config::FundingPeriod) -> Vec<String> {
    let suffix = period.message_suffix();
    LEGAL_ALWAYS
        .iter()
        .map(|id| id.to_string())
        .chain([format!("legal-funding-{suffix}"), format!("legal-disclaimer-{suffix}")])
        .collect()
}

fn check_legal(config: &Config, i18n: &I18n, diags: &Diagnostics) {
    let legal = required_legal(config);
    for lang in config.langs() {
        for id in &legal {
            if !i18n.has(lang, id) {
                diags.push(
                    Diagnostic::error(format!("locales/{lang}/legal.ftl"), format!("legal message `{id}` is missing for `{lang}`")).in_category("legal")
                        .with_hint("the Erasmus+ funding statement, disclaimer and licence notice must appear in every language; add the official wording"),
                );
            }
        }
    }
}

/// The theme's messages in the default language (errors) and the other languages' gaps
/// (warnings).
fn check_coverage(config: &Config, i18n: &I18n, diags: &Diagnostics) {
    let default = &config.default_lang;
    let audience_ids: Vec<String> =
        crate::content::front_matter::Audience::ALL.iter().map(|a| format!("audience-{}", a.id())).collect();
    let required = UI_MESSAGES
        .iter()
        .map(|id| (*id, "ui.ftl"))
        .chain(audience_ids.iter().map(|id| (id.as_str(), "ui.ftl")))
        .chain(ACCESSIBILITY_MESSAGES.iter().map(|id| (*id, ACCESSIBILITY_FILE)));
    for (id, file) in required {
        if !i18n.has(default, id) {
            diags.push(
                Diagnostic::error(format!("locales/{default}/{file}"), format!("message `{id}` is missing"))
                    .in_category("strings")
                    .with_hint("the theme uses this message; add it to the default language's strings"),
            );
        }
    }
    check_limitations(config, i18n, diags);
    let Some(default_strings) = i18n.langs.get(default) else {
        return;
    };
    for lang in config.langs().filter(|l| *l != default) {
        for id in default_strings.ids.iter().filter(|id| !id.starts_with("legal-")) {
            if !i18n.has(lang, id) {
                let file = default_strings.files.get(id).map_or("ui.ftl", String::as_str);
                diags.push(
                    Diagnostic::warning(
                        format!("locales/{lang}/{file}"),
                        format!("message `{id}` is missing for `{lang}`"),
                    )
                    .in_category("strings")
                    .with_hint(format!("the `{default}` text is shown instead; add a translation")),
                );
            }
        }
    }
}

/// Each limitation book.toml lists for the accessibility statement needs its message in the
/// default language.
fn check_limitations(config: &Config, i18n: &I18n, diags: &Diagnostics) {
    let default = &config.default_lang;
    let Some(strings) = i18n.langs.get(default) else { return };
    let known: Vec<&str> = strings.ids.iter().filter_map(|id| id.strip_prefix(LIMITATION_PREFIX)).collect();
    for key in &config.accessibility.limitations {
        let id = format!("{LIMITATION_PREFIX}{key}");
        if !strings.ids.contains(&id) {
            let hint = match crate::diag::did_you_mean(key, known.iter().copied()) {
                Some(close) => format!("did you mean `{close}`? book.toml's `[accessibility] limitations` names it"),
                None => format!(
                    "book.toml's `[accessibility] limitations` names it: add the message describing that limitation, or use one of {}",
                    crate::diag::backticked(known.iter().copied())
                ),
            };
            diags.push(
                Diagnostic::error(
                    format!("locales/{default}/{ACCESSIBILITY_FILE}"),
                    format!("message `{id}` is missing"),
                )
                .in_category("strings")
                .with_hint(hint),
            );
        }
    }
}

/// One language's coverage compared with the default language.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct LanguageCoverage {
    /// Messages of the default language that this language lacks (the default text is shown).
    pub missing: Vec<String>,
    /// Messages this language has that the default language does not (never shown).
    pub extra: Vec<String>,
    /// Messages whose variables differ from the default language's.
    pub variables: Vec<VariableMismatch>,
    /// Legal messages the funding period requires that are missing (these fail the build).
    pub missing_legal: Vec<String>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct VariableMismatch {
    pub id: String,
    pub expected: Vec<String>,
    pub found: Vec<String>,
}

impl I18n {
    /// Coverage of every language against the default language.
    pub fn coverage(&self, config: &Config) -> BTreeMap<String, LanguageCoverage> {
        let legal = required_legal(config);
        let Some(default) = self.langs.get(&self.default_lang) else { return BTreeMap::new() };
        let mut report = BTreeMap::new();
        for (lang, strings) in &self.langs {
            let mut coverage = LanguageCoverage {
                missing_legal: legal.iter().filter(|id| !strings.ids.contains(*id)).cloned().collect(),
                ..Default::default()
            };
            if *lang != self.default_lang {
                coverage.missing =
                    default.ids.difference(&strings.ids).filter(|id| !id.starts_with("legal-")).cloned().collect();
                coverage.extra = strings.ids.difference(&default.ids).cloned().collect();
                for (id, expected) in &default.variables {
                    if let Some(found) = strings.variables.get(id)
                        && found != expected
                    {
                        coverage.variables.push(VariableMismatch {
                            id: id.clone(),
                            expected: expected.iter().cloned().collect(),
                            found: found.iter().cloned().collect(),
                        });
                    }
                }
            }
            report.insert(lang.to_string(), coverage);
        }
        report
    }
}

/// Names of the variables (`{ $name }`) a pattern uses, selectors and variants included.
fn collect_variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            collect_expression(expression, out);
        }
    }
}

fn collect_expression(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            collect_inline(selector, out);
            for variant in variants {
                collect_variables(&variant.value, out);
            }
        }
        ast::Expression::Inline(inline) => collect_inline(inline, out),
    }
}

fn collect_inline(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => collect_expression(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                collect_inline(argument, out);
            }
            for named in &arguments.named {
                collect_inline(&named.value, out);
            }
        }
        _ => {}
    }
}

/// The file with the accessibility statement's texts, in every language's folder.
pub const ACCESSIBILITY_FILE: &str = "accessibility.ftl";

/// Prefix of the messages describing known limitations (`accessibility-limitation-pdf`).
pub const LIMITATION_PREFIX: &str = "accessibility-limitation-";

/// The accessibility statement's messages (besides the limitations book.toml lists).
pub const ACCESSIBILITY_MESSAGES: &[&str] = &[
    "accessibility-title",
    "accessibility-summary",
    "accessibility-commitment",
    "accessibility-scope",
    "accessibility-status-heading",
    "accessibility-status-full",
    "accessibility-status-partial",
    "accessibility-status-none",
    "accessibility-limitations-heading",
    "accessibility-limitations-intro",
    "accessibility-limitations-none",
    "accessibility-preparation-heading",
    "accessibility-prepared",
    "accessibility-method",
    "accessibility-feedback-heading",
    "accessibility-feedback",
    "accessibility-no-contact",
    "accessibility-partners",
    "accessibility-enforcement-heading",
    "accessibility-enforcement",
    "accessibility-enforcement-link",
    "accessibility-date",
];

/// The messages the default theme uses.
pub const UI_MESSAGES: &[&str] = &[
    "skip-to-content",
    "site-navigation",
    "breadcrumbs",
    "home",
    "on-this-page",
    "previous",
    "next",
    "language",
    "not-translated",
    "fallback-notice",
    "duration",
    "duration-minutes",
    "audience",
    "eqf-level",
    "learning-outcomes",
    "outcomes-knowledge",
    "outcomes-skills",
    "outcomes-responsibility-autonomy",
    "prerequisites",
    "modules",
    "licence",
    "not-found-title",
    "not-found-text",
    "choose-language",
    "menu",
    "alert-note",
    "alert-tip",
    "alert-important",
    "alert-warning",
    "alert-caution",
    "task-done",
    "keywords",
    "module-count",
    "outdated-notice",
    "unreviewed-notice",
    "read-original",
    "translation-status",
    "status-intro",
    "status-page",
    "status-totals",
    "state-source",
    "state-up-to-date",
    "state-unreviewed",
    "state-outdated",
    "state-in-progress",
    "state-missing",
    "state-orphaned",
    "translated-by",
    "reviewed-by",
    "glossary",
    "glossary-intro",
    "glossary-also",
    "glossary-avoid",
    "glossary-unsure",
    "glossary-none",
    "glossary-sources",
    "version",
    "version-latest",
    "version-fallback",
    "old-version",
    "version-gap",
    "read-latest",
    "pdf-download",
    "pdf-download-output",
    "pdf-contents",
    "pdf-page",
    "pdf-date",
    "pdf-about",
    "pdf-project",
    "pdf-programme",
    "pdf-project-number",
    "pdf-authors",
    "pdf-web-version",
    "pdf-introduction",
    "accessibility-statement",
    "search-label",
    "search-placeholder",
    "search-button",
    "search-results",
    "search-no-results",
    "search-catalogue-link",
    "catalogue",
    "catalogue-title",
    "catalogue-intro",
    "catalogue-filters",
    "catalogue-text",
    "catalogue-output",
    "catalogue-duration-min",
    "catalogue-duration-max",
    "catalogue-my-language",
    "catalogue-apply",
    "catalogue-reset",
    "catalogue-count",
    "catalogue-no-match",
    "catalogue-available-in",
    "catalogue-noscript",
];

fn language_identifier(lang: &Lang) -> unic_langid::LanguageIdentifier {
    lang.as_str().parse().unwrap_or_default()
}

/// A number argument for [`I18n::format`].
pub fn number(n: u32) -> FluentValue<'static> {
    FluentValue::from(n)
}

/// A string argument for [`I18n::format`].
pub fn text(s: &str) -> FluentValue<'_> {
    FluentValue::String(Cow::Borrowed(s))
}
