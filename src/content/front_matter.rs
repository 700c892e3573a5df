//! Front matter: the YAML block at the top of every Markdown file, split off and parsed into a
//! typed schema. Unknown keys are errors with a "did you mean"; lines are counted from the start
//! of the file (the opening `---` is line 1).

use serde::Deserialize;
use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::{Budget, Error as YamlError, Options, Spanned};

use crate::diag::{Diagnostic, did_you_mean};

/// Front matter is small; anything bigger is a mistake or an attack (alias bombs, deep nesting).
const MAX_FRONT_MATTER_BYTES: usize = 64 * 1024;
/// YAML aliases (`*name`) front matter may use; a real page needs none.
const MAX_ALIASES: usize = 100;

/// Who a module is for. Labels come from the UI strings (`audience-<id>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Audience {
    VetTeacher,
    InCompanyTrainer,
    Tutor,
    Mentor,
    SchoolLeader,
    WblCoordinator,
    CompanyManager,
    SocialPartner,
    PolicyMaker,
}

impl Audience {
    /// The id used in front matter and in UI string names.
    pub fn id(self) -> &'static str {
        match self {
            Self::VetTeacher => "vet-teacher",
            Self::InCompanyTrainer => "in-company-trainer",
            Self::Tutor => "tutor",
            Self::Mentor => "mentor",
            Self::SchoolLeader => "school-leader",
            Self::WblCoordinator => "wbl-coordinator",
            Self::CompanyManager => "company-manager",
            Self::SocialPartner => "social-partner",
            Self::PolicyMaker => "policy-maker",
        }
    }

    pub const ALL: [Audience; 9] = [
        Self::VetTeacher,
        Self::InCompanyTrainer,
        Self::Tutor,
        Self::Mentor,
        Self::SchoolLeader,
        Self::WblCoordinator,
        Self::CompanyManager,
        Self::SocialPartner,
        Self::PolicyMaker,
    ];
}

/// Learning outcomes in the three EQF descriptor columns.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LearningOutcomes {
    #[serde(default)]
    pub knowledge: Vec<String>,
    #[serde(default)]
    pub skills: Vec<String>,
    #[serde(default)]
    pub responsibility_autonomy: Vec<String>,
}

impl LearningOutcomes {
    pub fn is_empty(&self) -> bool {
        self.knowledge.is_empty() && self.skills.is_empty() && self.responsibility_autonomy.is_empty()
    }
}

/// Front matter of a module (or its translation: keys it omits are taken from the source).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModuleFront {
    pub title: String,
    pub summary: Option<String>,
    pub duration_minutes: Option<Spanned<u32>>,
    pub audience: Option<Vec<Audience>>,
    pub eqf_level: Option<Spanned<u8>>,
    pub learning_outcomes: Option<LearningOutcomes>,
    pub keywords: Option<Vec<String>>,
    pub authors: Option<Vec<String>>,
    pub license: Option<Spanned<String>>,
    pub prerequisites: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    pub draft: bool,
    pub id: Option<Spanned<String>>,
    pub source_hash: Option<String>,
    /// Who translated the text (in a translation's front matter).
    pub translators: Option<Vec<String>>,
    /// Who checked the translation, and when (in a translation's front matter).
    pub review: Option<Spanned<Review>>,
}

/// Front matter of the home page and of an output's landing page.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndexFront {
    pub title: String,
    pub summary: Option<String>,
    #[serde(default)]
    pub draft: bool,
    pub source_hash: Option<String>,
    pub translators: Option<Vec<String>>,
    pub review: Option<Spanned<Review>>,
}

/// `review: {by: "Name", date: 2026-12-01}`: a project partner has checked a translation.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub by: String,
    /// `YYYY-MM-DD`.
    pub date: String,
}

impl Review {
    /// What is wrong with the review, in a translator's words (and a hint), if anything.
    pub fn problem(&self) -> Option<(String, &'static str)> {
        if self.by.trim().is_empty() {
            return Some((
                "`review` names no reviewer".into(),
                "write who reviewed it: `review: {by: \"Name\", date: 2026-12-01}`",
            ));
        }
        if !is_calendar_date(&self.date) {
            return Some((
                format!("`{}` is not a date", self.date),
                "write the date of the review as year-month-day, e.g. `date: 2026-12-01`",
            ));
        }
        None
    }
}

/// Whether `text` is a real `YYYY-MM-DD` date.
pub fn is_calendar_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [year, month, day] = parts.as_slice() else { return false };
    if year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return false;
    }
    let (Ok(year), Ok(month), Ok(day)) = (year.parse::<u32>(), month.parse::<u32>(), day.parse::<u32>()) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// A file split into its front matter and body.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML text (without the `---` lines).
    pub yaml: &'a str,
    /// Byte offset of the body in the file.
    pub body_start: usize,
}

/// Splits `---\n<yaml>\n---\n<body>`. `text` has had its BOM removed and CRLF turned into LF.
pub fn split<'t>(path: &str, text: &'t str) -> Result<Split<'t>, Diagnostic> {
    let Some(after_open) = text.strip_prefix("---\n") else {
        return Err(Diagnostic::error(path, "missing front matter")
            .in_category("front-matter")
            .at(1, 1)
            .with_hint("start the file with a `---` line, then `title: …`, then another `---` line"));
    };
    let mut offset = 4;
    for line in after_open.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let yaml = &text[4..offset];
            let body_start = offset + line.len();
            if yaml.len() > MAX_FRONT_MATTER_BYTES {
                return Err(Diagnostic::error(path, "front matter is larger than 64 KiB")
                    .in_category("front-matter")
                    .at(2, 1)
                    .with_hint("keep long text in the body of the page"));
            }
            return Ok(Split { yaml, body_start });
        }
        offset += line.len();
    }
    Err(Diagnostic::error(path, "front matter is not closed")
        .in_category("front-matter")
        .at(1, 1)
        .with_hint("add a line with `---` after the last front matter key"))
}

/// Parses front matter YAML into `T`, turning YAML and schema errors into a located diagnostic.
/// `yaml` starts on line 2 of the file.
pub fn parse<T: for<'de> Deserialize<'de>>(path: &str, yaml: &str) -> Result<T, Diagnostic> {
    serde_saphyr::from_str_with_options(yaml, yaml_options()).map_err(|error| yaml_diagnostic(path, &error))
}

fn yaml_options() -> Options {
    let mut budget = Budget::default();
    budget.max_depth = 16;
    budget.max_nodes = 5_000;
    budget.max_aliases = MAX_ALIASES;
    budget.max_anchors = 100;
    budget.max_events = 20_000;
    budget.max_total_scalar_bytes = MAX_FRONT_MATTER_BYTES;
    let mut options = Options::default();
    options.budget = Some(budget);
    options.with_snippet = false;
    options
}

fn yaml_diagnostic(path: &str, error: &YamlError) -> Diagnostic {
    let (message, hint) = match error {
        YamlError::SerdeUnknownField { field, expected, .. } => (
            format!("unknown front matter key `{field}`"),
            match did_you_mean(field, expected.iter().copied()) {
                Some(close) => format!("did you mean `{close}`?"),
                None => format!("expected one of {}", crate::diag::backticked(expected.iter().copied())),
            },
        ),
        YamlError::SerdeUnknownVariant { variant, expected, .. } => (
            format!("unknown value `{variant}`"),
            match did_you_mean(variant, expected.iter().copied()) {
                Some(close) => format!("did you mean `{close}`?"),
                None => format!("expected one of {}", crate::diag::backticked(expected.iter().copied())),
            },
        ),
        YamlError::SerdeMissingField { field, .. } => {
            (format!("missing front matter key `{field}`"), format!("add `{field}: …` between the `---` lines"))
        }
        YamlError::Budget { breach, .. } => budget_message(breach),
        other => in_plain_words(&plain_message(other)),
    };
    let diagnostic = Diagnostic::error(path, message).in_category("front-matter").with_hint(hint);
    match error.location() {
        // The YAML starts on line 2: line 1 is the opening `---`.
        Some(location) if location.line() > 0 => {
            diagnostic.at(location.line() as usize + 1, location.column().max(1) as usize)
        }
        _ => diagnostic.at(2, 1),
    }
}

/// A breached YAML budget in plain words: front matter that repeats aliases, nests deeply or
/// holds thousands of values is a mistake or an attack, never a real page.
fn budget_message(breach: &BudgetBreach) -> (String, String) {
    match breach {
        BudgetBreach::Aliases { .. } | BudgetBreach::AliasAnchorRatio { .. } => (
            format!("front matter repeats YAML aliases (`*name`) more than {MAX_ALIASES} times"),
            "write the values out; front matter needs no aliases".into(),
        ),
        other => (
            format!("front matter is too large for a page ({other:?})"),
            "front matter holds a title, a summary and short lists; keep long text in the body".into(),
        ),
    }
}

/// A YAML parser's message ("mapping values are not allowed in this context") said the way a
/// translator who has never heard of YAML can act on, keeping the parser's words in brackets for
/// whoever searches for them.
fn in_plain_words(parser_message: &str) -> (String, String) {
    let says = |words: &str| parser_message.contains(words);
    if says("tab") {
        (
            format!("a tab character is not allowed here ({parser_message})"),
            "replace the tab with spaces: front matter is indented with spaces only".into(),
        )
    } else if says("mapping values are not allowed") {
        (
            format!("a colon followed by a space inside a value starts a new key ({parser_message})"),
            "put the whole text in double quotes: `title: \"Roles: who does what\"`".into(),
        )
    } else if says("after double-quoted scalar") || says("after single-quoted scalar") {
        (
            format!("the text goes on after its closing quotation mark ({parser_message})"),
            "a quotation mark inside a quoted text ends it: use « » or „ “ inside the text, or write \\\" for each inner \"".into(),
        )
    } else {
        (parser_message.to_string(), "check the YAML syntax: `key: value`, lists as `[a, b]` or `- item` lines".into())
    }
}

/// The error's own words without its position (we print the position ourselves).
fn plain_message(error: &YamlError) -> String {
    let text = error.to_string();
    let first_line = text.lines().next().unwrap_or("invalid front matter").trim();
    let without_position = match first_line.find(" at line ") {
        Some(i) => &first_line[..i],
        None => first_line,
    };
    let without_prefix = without_position.split_once("error: ").map_or(without_position, |(_, m)| m);
    match crate::diag::lowercase_first(without_prefix) {
        text if text.is_empty() => "invalid front matter".into(),
        text => text,
    }
}

/// Where a spanned value sits in the file (1-based line, column).
pub fn position<T>(value: &Spanned<T>) -> (usize, usize) {
    let location = value.referenced;
    (location.line() as usize + 1, location.column() as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body() {
        let text = "---\ntitle: A\n---\nBody\n";
        let split = split("a.md", text).unwrap();
        assert_eq!(split.yaml, "title: A\n");
        assert_eq!(&text[split.body_start..], "Body\n");
    }

    #[test]
    fn reports_unclosed_front_matter() {
        let error = split("a.md", "---\ntitle: A\nBody\n").unwrap_err();
        assert_eq!(error.message, "front matter is not closed");
    }

    #[test]
    fn reports_unknown_keys_at_their_line_with_a_suggestion() {
        let error = parse::<ModuleFront>("a.md", "title: A\ntitel: B\n").unwrap_err();
        assert_eq!(
            error.to_string(),
            "a.md:3:1: error: unknown front matter key `titel`\n  hint: did you mean `title`?"
        );
    }

    /// Only known keys, so nothing but our budget can refuse it: 15 anchors with 8 aliases each
    /// stay within serde-saphyr's own defaults (50,000 aliases, 10 per anchor) but exceed
    /// `MAX_ALIASES`. Mutation checked: without `options.budget = Some(budget)` the text parses
    /// and this test fails.
    #[test]
    fn refuses_alias_bombs() {
        let keywords: Vec<String> =
            (0..15).map(|i| format!("&a{i} w{i}, {}", vec![format!("*a{i}"); 8].join(", "))).collect();
        let yaml = format!("title: A\nkeywords: [{}]\n", keywords.join(", "));
        let error = parse::<ModuleFront>("a.md", &yaml).unwrap_err();
        // At the alias that breaks the budget (the 101st).
        let at = yaml.match_indices("*a").nth(100).unwrap().0 - "title: A\n".len() + 1;
        assert_eq!(
            error.to_string(),
            format!(
                "a.md:3:{at}: error: front matter repeats YAML aliases (`*name`) more than 100 times\n  hint: write the values out; front matter needs no aliases"
            )
        );
        // Fewer aliases of the same shape are fine.
        let few = format!("title: A\nkeywords: [{}]\n", keywords[..10].join(", "));
        assert_eq!(parse::<ModuleFront>("a.md", &few).unwrap().keywords.unwrap().len(), 90);
    }
}
