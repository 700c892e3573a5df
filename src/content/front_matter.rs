//! Front matter: the YAML block at the top of every Markdown file, split off and parsed into a
//! typed schema. Unknown keys are errors with a "did you mean"; lines are counted from the start
//! of the file (the opening `---` is line 1).

use serde::Deserialize;
use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::options::MergeKeyPolicy;
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

/// Splits `---\n<yaml>\n---\n<body>`. `text` has had its BOM removed and its line ends turned
/// into LF.
pub fn split<'t>(path: &str, text: &'t str) -> Result<Split<'t>, Diagnostic> {
    let Some(after_open) = text.strip_prefix("---\n") else {
        let message = if text.trim().is_empty() { "file is empty" } else { "missing front matter" };
        return Err(Diagnostic::error(path, message)
            .in_category("front-matter")
            .at(1, 1)
            .with_hint("start the file with a `---` line, then `title: …`, then another `---` line"));
    };
    let mut offset = 4;
    // YAML's own end marker `...`: remembered, so that a block closed with it (as some YAML
    // tools write) is told exactly that, at its line, instead of "not closed".
    let mut dots_line = None;
    for (index, line) in after_open.split_inclusive('\n').enumerate() {
        if line.trim_end() == "---" {
            let yaml = &text[4..offset];
            let body_start = offset + line.len();
            if yaml.len() > MAX_FRONT_MATTER_BYTES {
                let (size, limit) = crate::diag::sizes(yaml.len() as u64, MAX_FRONT_MATTER_BYTES as u64);
                return Err(Diagnostic::error(path, format!("front matter is {size}; the limit is {limit}"))
                    .in_category("front-matter")
                    .at(2, 1)
                    .with_hint("keep long text in the body of the page"));
            }
            return Ok(Split { yaml, body_start });
        }
        if line.trim_end() == "..." && dots_line.is_none() {
            dots_line = Some(index + 2);
        }
        offset += line.len();
    }
    if let Some(line) = dots_line {
        return Err(Diagnostic::error(path, "front matter ends with `...` instead of `---`")
            .in_category("front-matter")
            .at(line, 1)
            .with_hint("replace the `...` line with a `---` line"));
    }
    Err(Diagnostic::error(path, "front matter is not closed")
        .in_category("front-matter")
        .at(1, 1)
        .with_hint("add a line with `---` after the last front matter key"))
}

/// Parses front matter YAML into `T`, turning YAML and schema errors into a located diagnostic.
/// `yaml` starts on line 2 of the file.
pub fn parse<T: for<'de> Deserialize<'de>>(path: &str, yaml: &str) -> Result<T, Diagnostic> {
    serde_saphyr::from_str_with_options(yaml, yaml_options()).map_err(|error| yaml_diagnostic(path, yaml, &error))
}

/// Lists and groups front matter may nest (`learning_outcomes: {skills: [...]}` needs 2).
const MAX_DEPTH: usize = 16;

fn yaml_options() -> Options {
    let mut budget = Budget::default();
    budget.max_depth = MAX_DEPTH;
    // The parser's own limit for `[[[…]]]`, one above ours, so that our budget (and its
    // message) comes first instead of the parser's "recursion limit exceeded" 255 levels in.
    budget.flow_nesting_limit = MAX_DEPTH + 1;
    budget.max_nodes = 5_000;
    budget.max_aliases = MAX_ALIASES;
    budget.max_anchors = 100;
    // Its ratio check (over 10 aliases an anchor, from the 100th alias on) would refuse the
    // 100th alias of one anchor: with `MAX_ALIASES` the limit is exact, and the scalar-byte
    // budget bounds what aliases expand to.
    budget.enforce_alias_anchor_ratio = false;
    budget.max_events = 20_000;
    budget.max_total_scalar_bytes = MAX_FRONT_MATTER_BYTES;
    let mut options = Options::default();
    options.budget = Some(budget);
    options.with_snippet = false;
    // Front matter is plain keys and texts. A tag would otherwise be dropped silently
    // (`title: !Important news` → "news") or, with the `include` feature, read another file
    // (`!include /etc/passwd`); merge keys (`<<: *x`) pull keys in from elsewhere in the block.
    options.reject_unsupported_tags = true;
    options.merge_keys = MergeKeyPolicy::Error;
    // `!!binary` is a standard tag, so the line above lets it through: keep its text as
    // written instead of decoding base64 into a title nobody can read in the source.
    options.ignore_binary_tag_for_string = true;
    options
}

fn yaml_diagnostic(path: &str, yaml: &str, error: &YamlError) -> Diagnostic {
    let (message, hint) = in_plain_words(yaml, innermost(error));
    let diagnostic = Diagnostic::error(path, message).in_category("front-matter").with_hint(hint);
    // For an error inside an alias's value, where the alias is used (the outer error's
    // primary location), which is where the budget ran out.
    match error.location() {
        // The YAML starts on line 2: line 1 is the opening `---`.
        Some(location) if location.line() > 0 => {
            diagnostic.at(location.line() as usize + 1, location.column().max(1) as usize)
        }
        _ => diagnostic.at(2, 1),
    }
}

/// The error itself, without the wrappers that say it happened while replaying an alias.
fn innermost(mut error: &YamlError) -> &YamlError {
    while let YamlError::AliasError { error: inner, .. } | YamlError::WithSnippet { error: inner, .. } = error {
        error = inner;
    }
    error
}

/// A YAML or schema error said the way a translator who has never heard of YAML can act on
/// (message and hint), keeping the parser's words in brackets where they add a search term.
fn in_plain_words(yaml: &str, error: &YamlError) -> (String, String) {
    let expected_one_of = |found: &str, expected: &[&'static str]| match did_you_mean(found, expected.iter().copied()) {
        Some(close) => format!("did you mean `{close}`?"),
        None => format!("expected one of {}", crate::diag::backticked(expected.iter().copied())),
    };
    match error {
        YamlError::SerdeUnknownField { field, expected, .. } => {
            (format!("unknown front matter key `{field}`"), expected_one_of(field, expected))
        }
        YamlError::SerdeUnknownVariant { variant, expected, .. } => {
            (format!("unknown value `{variant}`"), expected_one_of(variant, expected))
        }
        YamlError::SerdeMissingField { field, .. } => {
            (format!("missing front matter key `{field}`"), format!("add `{field}: …` between the `---` lines"))
        }
        YamlError::DuplicateMappingKey { key, .. } => {
            let key = key.as_deref().unwrap_or("this key");
            (format!("`{key}` is written twice"), format!("keep one `{key}:` line and remove the other"))
        }
        YamlError::NullIntoString { .. } => (
            "a text is missing here".into(),
            "write the text after the colon, or remove the line; `~` and `null` mean \"nothing\" in front matter, so put them in quotes if you mean the word".into(),
        ),
        YamlError::InvalidScalar { ty, location } => {
            let found = found_at(yaml, location).map(|text| format!(", found `{text}`")).unwrap_or_default();
            match *ty {
                ty if ty.starts_with("bool") => (
                    format!("expected `true` or `false`{found}"),
                    "write `true` or `false`, or remove the line".into(),
                ),
                "u8" => (format!("expected a whole number from 0 to 255{found}"), NUMBER_HINT.into()),
                _ => (format!("expected a whole number{found}"), NUMBER_HINT.into()),
            }
        }
        YamlError::Unexpected { expected, .. } => match *expected {
            "sequence start" => (
                "expected a list".into(),
                "write a list as `[a, b]`, or as `- item` lines below the key".into(),
            ),
            "mapping start" => (
                "expected `key: value` lines".into(),
                "front matter is a list of `key: value` lines, e.g. `title: My module`".into(),
            ),
            "string scalar" => (
                "expected a text, found a list or a group of keys".into(),
                "put the text in double quotes if it starts with `[`, `{`, `-` or `&`".into(),
            ),
            other => (format!("expected {other}"), SYNTAX_HINT.into()),
        },
        YamlError::UnsupportedTag { tag, .. } | YamlError::TaggedStructFieldName { tag, .. } => (
            format!("`{tag}` is a YAML tag, which front matter does not use"),
            "remove it; a text that starts with `!` goes in double quotes: `title: \"!Important\"`".into(),
        ),
        YamlError::UnsupportedIncludeForm { .. } => (
            "`!include` is a YAML tag, which front matter does not use".into(),
            "write the text itself; front matter cannot take text from other files".into(),
        ),
        YamlError::MergeKeyNotAllowed { .. } | YamlError::MergeValueNotMapOrSeqOfMaps { .. } => (
            "merge keys (`<<`) are not allowed in front matter".into(),
            "write the keys out one by one".into(),
        ),
        YamlError::UnknownAnchor { .. } => (
            "an alias (`*name`) refers to no anchor (`&name`)".into(),
            "write the value out; front matter needs no aliases".into(),
        ),
        YamlError::Eof { .. } if yaml.trim().is_empty() => {
            ("front matter is empty".into(), "add `title: …` between the `---` lines".into())
        }
        YamlError::Budget { breach, .. } => budget_message(breach),
        other => parser_message_in_plain_words(&plain_message(other)),
    }
}

const NUMBER_HINT: &str = "write digits only, without quotes, units or decimals, e.g. `duration_minutes: 90`";

/// The value written at `location` of `yaml` (up to the end of its line or flow item), to say
/// what was found.
fn found_at(yaml: &str, location: &serde_saphyr::Location) -> Option<String> {
    let line = yaml.lines().nth((location.line() as usize).checked_sub(1)?)?;
    let rest: String = line.chars().skip((location.column() as usize).saturating_sub(1)).collect();
    let value = rest.split([',', ']', '}', '#']).next()?.trim();
    (!value.is_empty() && value.chars().count() <= 40).then(|| value.to_string())
}

const SYNTAX_HINT: &str = "check the YAML syntax: `key: value`, lists as `[a, b]` or `- item` lines";

/// A breached YAML budget in plain words: front matter that repeats aliases, nests deeply or
/// holds thousands of values is a mistake or an attack, never a real page.
fn budget_message(breach: &BudgetBreach) -> (String, String) {
    let too_large = "front matter holds a title, a summary and short lists; keep long text in the body";
    match breach {
        BudgetBreach::Aliases { .. } | BudgetBreach::AliasAnchorRatio { .. } => (
            format!("front matter repeats YAML aliases (`*name`) more than {MAX_ALIASES} times"),
            "write the values out; front matter needs no aliases".into(),
        ),
        BudgetBreach::Depth { .. } => (
            format!("front matter nests lists or keys more than {MAX_DEPTH} levels deep"),
            "a list holds texts (`[a, b]`); close each `[` and `{` where its list ends".into(),
        ),
        // Counted after aliases are expanded: a 10 kB text repeated by aliases is as large as
        // the text written out.
        BudgetBreach::ScalarBytes { .. } => {
            ("front matter texts add up to more than 64 KiB (aliases included)".into(), too_large.into())
        }
        other => (format!("front matter is too large for a page ({other:?})"), too_large.into()),
    }
}

/// A YAML parser's message ("mapping values are not allowed in this context") in plain words.
fn parser_message_in_plain_words(parser_message: &str) -> (String, String) {
    let says = |words: &str| parser_message.contains(words);
    // Whole words only: "acceptable" contains "tab".
    let says_word = |word: &str| parser_message.split(|c: char| !c.is_alphanumeric()).any(|w| w == word);
    if says_word("tab") || says_word("tabs") {
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
    } else if says("recursion limit exceeded") {
        (
            format!("front matter nests lists or keys more than {MAX_DEPTH} levels deep"),
            "a list holds texts (`[a, b]`); close each `[` and `{` where its list ends".into(),
        )
    } else {
        (parser_message.to_string(), SYNTAX_HINT.into())
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
