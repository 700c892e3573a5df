//! Diagnostics: an author's mistakes, as data.
//!
//! Every stage pushes [`Diagnostic`]s into a shared [`Diagnostics`] list instead of returning at
//! the first problem, so one build reports everything that is wrong. Operational failures (I/O,
//! CLI misuse) are not diagnostics: they travel as `anyhow` errors.
//!
//! Wording rules (the text is interface and is snapshot-tested): lowercase, no final period,
//! paths and keys in backticks, "expected X, found Y", an optional hint.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, Mutex};

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The build fails (exit code 1) and the previous output is left untouched.
    Error,
    /// Reported, but the build still succeeds.
    Warning,
}

/// One problem with the content, located in a file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// Path relative to the project root, with `/` separators (e.g. `content/io1/01-x.md`).
    pub file: String,
    /// 1-based line, counted from the start of the file; 0 when the whole file is meant.
    pub line: usize,
    /// 1-based column in characters; 0 when the whole line or file is meant.
    pub col: usize,
    pub severity: Severity,
    pub message: String,
    pub hint: Option<String>,
    /// What kind of problem (`links`, `front-matter` …): `innotrain check` groups by it and
    /// book.toml's `[check]` table can change its severity.
    pub category: &'static str,
}

impl Diagnostic {
    pub fn error(file: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            line: 0,
            col: 0,
            severity: Severity::Error,
            message: shorten_quoted(message.into()),
            hint: None,
            category: "content",
        }
    }

    pub fn warning(file: impl Into<String>, message: impl Into<String>) -> Self {
        Self { severity: Severity::Warning, ..Self::error(file, message) }
    }

    /// Places the diagnostic at a 1-based line and column.
    pub fn at(mut self, line: usize, col: usize) -> Self {
        self.line = line;
        self.col = col;
        self
    }

    /// Places the diagnostic at a byte offset of `text`, the whole file's text.
    pub fn at_offset(self, text: &str, offset: usize) -> Self {
        let (line, col) = line_col(text, offset);
        self.at(line, col)
    }

    pub fn in_category(mut self, category: &'static str) -> Self {
        self.category = category;
        self
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(shorten_quoted(hint.into()));
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}", visible(&self.file))?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
            if self.col > 0 {
                write!(f, ":{}", self.col)?;
            }
        }
        write!(f, ": {label}: {}", visible(&self.message))?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {}", visible(hint))?;
        }
        Ok(())
    }
}

/// `text` with every character that a terminal would not show as itself written as `<U+202E>`:
/// controls, and the invisible and direction-changing characters a partner's file name or text
/// can hold (an unclosed right-to-left override would reverse the rest of the terminal line).
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
    let hidden =
        |c: char| (c.is_control() && c != '\n' && c != '\t') || c.general_category() == GeneralCategory::Format;
    if !text.chars().any(hidden) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if hidden(c) {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The longest value a message quotes whole (in backticks); a longer one (a 10 kB address) is
/// cut, with its length said.
const MAX_QUOTED_CHARS: usize = 120;

/// `message` with every backticked value longer than [`MAX_QUOTED_CHARS`] cut to its start.
fn shorten_quoted(message: String) -> String {
    if message.len() <= MAX_QUOTED_CHARS {
        return message;
    }
    let parts: Vec<&str> = message.split('`').collect();
    // Odd parts are quoted (an unpaired last backtick leaves its tail unquoted).
    let too_long = |i: usize, part: &str| i % 2 == 1 && i + 1 < parts.len() && part.chars().count() > MAX_QUOTED_CHARS;
    if !parts.iter().enumerate().any(|(i, part)| too_long(i, part)) {
        return message;
    }
    let mut out = String::with_capacity(MAX_QUOTED_CHARS * 4);
    let mut note = String::new(); // said after the closing backtick of a cut value
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push('`');
            out.push_str(&std::mem::take(&mut note));
        }
        if too_long(i, part) {
            out.extend(part.chars().take(MAX_QUOTED_CHARS - 40));
            out.push('…');
            note = format!(" ({} characters)", group_thousands(part.chars().count() as u64));
        } else {
            out.push_str(part);
        }
    }
    out
}

/// 1-based line and column (in characters) of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// A size for messages, in the decimal units file managers show: `812 bytes`, `65.5 kB`,
/// `52.4 MB`.
pub fn size(bytes: u64) -> String {
    match bytes {
        0..1_000 => format!("{bytes} bytes"),
        1_000..1_000_000 => format!("{:.1} kB", bytes as f64 / 1e3),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}

/// `found` and `limit` for "… is X; the limit is Y": in exact bytes when the rounded sizes would
/// read the same (`2,000,001 bytes` against `2,000,000 bytes`, not `2.0 MB` against `2.0 MB`).
pub fn sizes(found: u64, limit: u64) -> (String, String) {
    let (rounded_found, rounded_limit) = (size(found), size(limit));
    if rounded_found != rounded_limit {
        return (rounded_found, rounded_limit);
    }
    let exact = |bytes: u64| format!("{} bytes", group_thousands(bytes));
    (exact(found), exact(limit))
}

/// `12345` → `12,345`.
fn group_thousands(number: u64) -> String {
    let digits = number.to_string();
    let mut grouped = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Problem categories whose errors the build can render around, so book.toml's `[check]` may
/// make them warnings (or ignore them): a link that leads nowhere is written as its text, a
/// missing or remote image as its alt text, a missing anchor leads to the top of its page.
/// Every other category (front matter, files, legal texts, PDFs …) stays an error: the build
/// has nothing correct to write in its place.
pub const LENIENT_CATEGORIES: [&str; 14] = [
    "links",
    "anchors",
    "images",
    "alt-text",
    "raw-html",
    "code",
    "strings",
    "output-links",
    "external-links",
    "accessibility",
    "translations",
    "terminology",
    "licence",
    "activities",
];

/// Categories that are always errors (a `[check]` entry may only confirm `error`).
pub const STRICT_CATEGORIES: [&str; 7] = ["front-matter", "files", "config", "legal", "pdf", "versions", "content"];

/// How severe each category of problem is, for `build` and `check` alike: book.toml's `[check]`
/// table, and `--strict`, which makes every remaining warning an error (for CI).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Policy {
    levels: BTreeMap<String, Level>,
    strict: bool,
}

/// A severity a category can be given in book.toml.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Error,
    Warn,
    Ignore,
}

impl Level {
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "error" => Some(Self::Error),
            "warn" => Some(Self::Warn),
            "ignore" => Some(Self::Ignore),
            _ => None,
        }
    }
}

impl Policy {
    /// `levels`: category → `error`/`warn`/`ignore`, as validated by the config stage (a level
    /// that does not parse is left at the default).
    pub fn new(levels: &BTreeMap<String, String>, strict: bool) -> Self {
        let levels = levels.iter().filter_map(|(c, l)| Some((c.clone(), Level::parse(l)?))).collect();
        Self { levels, strict }
    }

    /// The diagnostic at the severity the policy gives it; `None` when its category is ignored.
    pub fn apply(&self, mut diagnostic: Diagnostic) -> Option<Diagnostic> {
        let lenient = LENIENT_CATEGORIES.contains(&diagnostic.category);
        match self.levels.get(diagnostic.category) {
            Some(Level::Ignore) if lenient => return None,
            Some(Level::Warn) if lenient => diagnostic.severity = Severity::Warning,
            Some(Level::Error) => diagnostic.severity = Severity::Error,
            _ => {}
        }
        if self.strict {
            diagnostic.severity = Severity::Error;
        }
        Some(diagnostic)
    }
}

/// A list of diagnostics that any stage (and any rayon thread) can push to. Each diagnostic
/// takes the severity the [`Policy`] gives its category as it is pushed.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Mutex<Vec<Diagnostic>>,
    policy: Mutex<Arc<Policy>>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty list with the same policy (for one version's or one stage's problems).
    pub fn child(&self) -> Self {
        Self { items: Mutex::default(), policy: Mutex::new(self.policy()) }
    }

    /// Sets the policy, once the configuration that holds it is read; diagnostics pushed before
    /// take it too.
    pub fn set_policy(&self, policy: Policy) {
        let policy = Arc::new(policy);
        *self.policy.lock().expect("diagnostics lock") = policy.clone();
        let mut items = self.items.lock().expect("diagnostics lock");
        *items = std::mem::take(&mut *items).into_iter().filter_map(|d| policy.apply(d)).collect();
    }

    fn policy(&self) -> Arc<Policy> {
        self.policy.lock().expect("diagnostics lock").clone()
    }

    pub fn push(&self, diagnostic: Diagnostic) {
        if let Some(diagnostic) = self.policy().apply(diagnostic) {
            self.items.lock().expect("diagnostics lock").push(diagnostic);
        }
    }

    pub fn extend(&self, diagnostics: impl IntoIterator<Item = Diagnostic>) {
        let policy = self.policy();
        self.items.lock().expect("diagnostics lock").extend(diagnostics.into_iter().filter_map(|d| policy.apply(d)));
    }

    pub fn has_errors(&self) -> bool {
        self.items.lock().expect("diagnostics lock").iter().any(Diagnostic::is_error)
    }

    /// All diagnostics, errors first, then by file and position: the same order on every run,
    /// whatever order the threads found them in.
    pub fn into_sorted(self) -> Vec<Diagnostic> {
        let mut items = self.items.into_inner().expect("diagnostics lock");
        items.sort_by(|a, b| {
            (a.severity, &a.file, a.line, a.col, &a.message).cmp(&(b.severity, &b.file, b.line, b.col, &b.message))
        });
        items.dedup();
        items
    }
}

/// `a`, `b`, `c`: names in backticks for hints.
pub fn backticked<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    items.into_iter().map(|i| format!("`{i}`")).collect::<Vec<_>>().join(", ")
}

/// `Expected x` → `expected x`: other libraries' messages in our wording.
pub fn lowercase_first(message: &str) -> String {
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "did you mean" for a misspelt key or name: the closest candidate, if close enough.
pub fn did_you_mean<'a>(found: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(found, candidate), candidate))
        .filter(|(score, _)| *score > 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// Turns serde's "unknown field `x`, expected one of `a`, `b`" into a message naming the key and
/// a hint with the closest expected key. `what` names the kind of key ("front matter key").
pub fn unknown_field(serde_message: &str, what: &str) -> Option<(String, String)> {
    let rest = serde_message.split("unknown field `").nth(1)?;
    let (found, rest) = rest.split_once('`')?;
    let expected: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
    let message = format!("unknown {what} `{found}`");
    let hint = match did_you_mean(found, expected.iter().copied()) {
        Some(close) => format!("did you mean `{close}`?"),
        None if expected.is_empty() => format!("this table takes no {what}s"),
        None => format!("expected one of {}", backticked(expected.iter().copied())),
    };
    Some((message, hint))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_lines_and_columns_in_characters() {
        let text = "---\ntitle: Ώρα\nκλειδί: x\n";
        let offset = text.find("κλειδί").unwrap();
        assert_eq!(line_col(text, offset), (3, 1));
        let offset = text.find(": x").unwrap();
        assert_eq!(line_col(text, offset), (3, 7));
    }

    #[test]
    fn suggests_close_keys_only() {
        assert_eq!(did_you_mean("titel", ["title", "summary"]), Some("title"));
        assert_eq!(did_you_mean("zzz", ["title", "summary"]), None);
    }

    #[test]
    fn explains_unknown_serde_fields() {
        let (message, hint) =
            unknown_field("unknown field `titel`, expected one of `title`, `summary`", "key").unwrap();
        assert_eq!(message, "unknown key `titel`");
        assert_eq!(hint, "did you mean `title`?");
        let (_, hint) = unknown_field("unknown field `zz`, expected `title` or `summary`", "key").unwrap();
        assert_eq!(hint, "expected one of `title`, `summary`");
    }

    #[test]
    fn long_quoted_values_are_cut_and_hidden_characters_shown() {
        let url = format!("https://example.org/{}", "a".repeat(10_000));
        let d = Diagnostic::error("content/a\u{202e}b.md", format!("link `{url}` does not exist"))
            .with_hint("write `x\u{200b}y` instead");
        assert_eq!(
            d.to_string(),
            format!(
                "content/a<U+202E>b.md: error: link `https://example.org/{}…` (10,020 characters) does not exist\n  \
                 hint: write `x<U+200B>y` instead",
                "a".repeat(60)
            )
        );
        let short = Diagnostic::error("a.md", format!("`{}` and `b`", "x".repeat(120)));
        assert_eq!(short.message, format!("`{}` and `b`", "x".repeat(120)), "at the limit: whole");
        let unpaired = format!("a ` {}", "y".repeat(500));
        assert_eq!(Diagnostic::error("a.md", unpaired.clone()).message, unpaired);
    }

    #[test]
    fn formats_like_a_compiler() {
        let d = Diagnostic::error("content/a.md", "unknown front matter key `titel`")
            .at(4, 1)
            .with_hint("did you mean `title`?");
        assert_eq!(
            d.to_string(),
            "content/a.md:4:1: error: unknown front matter key `titel`\n  hint: did you mean `title`?"
        );
    }
}
