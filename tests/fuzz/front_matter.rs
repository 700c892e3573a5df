//! Front matter (`content::front_matter`): whatever a partner types between the `---` lines,
//! splitting and parsing into the real schema never panic, and every error (and every position
//! kept for later errors) names a line that exists and a column within it.

use innotrain::content::front_matter::{IndexFront, ModuleFront, parse, position, split};
use innotrain::content::normalise_text;
use innotrain::diag::Diagnostic;
use proptest::prelude::*;

use crate::fuzz;

const PATH: &str = "content/io1-x/01-a.md";

/// Whether (line, col), 1-based with the column in characters, lies in `text`: a line that
/// exists (the empty line after a final newline counts, an editor shows it) and a column from
/// the first character to just after the last.
fn is_inside(text: &str, line: usize, col: usize) -> bool {
    let Some(line_text) = text.split('\n').nth(line.wrapping_sub(1)) else { return false };
    line >= 1 && col >= 1 && col <= line_text.chars().count() + 1
}

fn check_located(text: &str, diagnostic: &Diagnostic) -> Result<(), TestCaseError> {
    prop_assert!(
        is_inside(text, diagnostic.line, diagnostic.col),
        "{}:{}: outside the file: {}\n{text:?}",
        diagnostic.line,
        diagnostic.col,
        diagnostic.message
    );
    prop_assert!(!diagnostic.message.is_empty() && diagnostic.hint.is_some(), "{diagnostic:?}");
    Ok(())
}

fn check_position(text: &str, what: &str, (line, col): (usize, usize)) -> Result<(), TestCaseError> {
    prop_assert!(is_inside(text, line, col), "position {line}:{col} of `{what}` outside the file\n{text:?}");
    Ok(())
}

/// The whole path a file takes (`content::parse_file`): normalised, split, parsed as a module
/// and as an index page.
fn check_file(raw: &str) -> Result<(), TestCaseError> {
    let text = normalise_text(raw.to_string());
    let yaml = match split(PATH, &text) {
        Ok(split) => {
            prop_assert!(split.body_start <= text.len() && text.is_char_boundary(split.body_start));
            split.yaml
        }
        Err(diagnostic) => return check_located(&text, &diagnostic),
    };
    match parse::<ModuleFront>(PATH, yaml) {
        Ok(front) => {
            let spanned = [
                front.duration_minutes.as_ref().map(|s| ("duration_minutes", position(s))),
                front.eqf_level.as_ref().map(|s| ("eqf_level", position(s))),
                front.license.as_ref().map(|s| ("license", position(s))),
                front.id.as_ref().map(|s| ("id", position(s))),
                front.review.as_ref().map(|s| ("review", position(s))),
            ];
            for (what, at) in spanned.into_iter().flatten() {
                check_position(&text, what, at)?;
            }
            for prerequisite in front.prerequisites.iter().flatten() {
                check_position(&text, "prerequisites", position(prerequisite))?;
            }
        }
        Err(diagnostic) => check_located(&text, &diagnostic)?,
    }
    match parse::<IndexFront>(PATH, yaml) {
        Ok(front) => {
            if let Some(review) = &front.review {
                check_position(&text, "review", position(review))?;
            }
        }
        Err(diagnostic) => check_located(&text, &diagnostic)?,
    }
    Ok(())
}

// Generators: YAML-ish text built from the schema's keys and YAML's sharp edges.

const KEYS: &[&str] = &[
    "title",
    "summary",
    "duration_minutes",
    "audience",
    "eqf_level",
    "learning_outcomes",
    "keywords",
    "authors",
    "license",
    "prerequisites",
    "draft",
    "id",
    "source_hash",
    "translators",
    "review",
    "knowledge",
    "skills",
    "responsibility_autonomy",
    "by",
    "date",
    "titel",
    "Title",
    "<<",
    "? title",
    "\"title\"",
    "'summary'",
    "tïtle",
    "",
];

fn scalar() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[A-Za-z][a-z ]{0,12}",
        4 => prop::sample::select(vec![
            "A", "Roles: who does what", "\"quoted\"", "'single'", "\"unterminated", "'it''s'", "\"a\" b",
            "\"\\u00e9\\x41\\q\"", "45", "-1", "4294967296", "99999999999999999999", "3.5", "0x10", "0o7", "1e9",
            ".inf", "true", "no", "null", "~", "2026-12-01", "2026-02-30", "vet-teacher", "policy-maker",
            "CC-BY-4.0", "CC-BY-ND-4.0", "io1-x/01-a", "&a value", "*a", "&a", "*", "&", "!!str 5", "!!int x",
            "!<tag:x> y", "!custom", "|", ">-", "|+2", "[a, b", "{by: A, date: 2026-12-01}", "{a: 1", "[]",
            "{}", "[[[[[[[[[[]]]]]]]]]]", "# comment", "a # comment", "a#b", "%YAML 1.2", "@x", "`x`", "Ωμέγα",
            "中文", "\u{200b}", "\u{0}", "\u{1b}[31m", "\u{feff}", "a\tb", "\ttab", "- item", "? key", ": x",
            "--- x", "... end", "key: value: other", "\"\\\n\"",
        ])
        .prop_map(str::to_string),
        2 => "[ -~\t]{0,20}",
        1 => any::<String>().prop_map(|s| s.chars().take(20).collect()),
    ]
}

/// A value: a scalar, a flow or block list, a nested mapping, with anchors and aliases.
fn value() -> impl Strategy<Value = String> {
    scalar().prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            3 => inner.clone(),
            1 => prop::collection::vec(inner.clone(), 0..4).prop_map(|items| format!("[{}]", items.join(", "))),
            1 => prop::collection::vec(inner.clone(), 1..4)
                .prop_map(|items| items.iter().map(|i| format!("\n  - {i}")).collect::<String>()),
            1 => (prop::sample::select(KEYS), inner.clone()).prop_map(|(key, value)| format!("\n  {key}: {value}")),
            1 => (prop::sample::select(vec!["&a ", "&b ", "*a", "*b", "!!seq ", "!!map "]), inner)
                .prop_map(|(tag, value)| format!("{tag}{value}")),
        ]
    })
}

fn line() -> impl Strategy<Value = String> {
    let indent = prop_oneof![6 => Just(""), 1 => prop::sample::select(vec![" ", "  ", "\t", " \t", "    "])];
    let colon = prop_oneof![6 => Just(": "), 1 => prop::sample::select(vec![":", " : ", ":\t", "::"])];
    let key = prop_oneof![4 => prop::sample::select(&KEYS[..15]), 1 => prop::sample::select(KEYS)];
    prop_oneof![
        12 => (indent, key, colon, value()).prop_map(|(indent, key, colon, value)| format!("{indent}{key}{colon}{value}")),
        1 => prop::sample::select(vec![
            "---", "...", "# comment", "", "- x", "%TAG ! tag:x,2024:", "<<: *a", "? [a]", "\t", "  ", "{", "]",
        ])
        .prop_map(str::to_string),
        1 => any::<String>().prop_map(|s| s.replace('\n', " ")),
    ]
}

/// A whole file: front matter lines between `---` lines (sometimes unclosed, sometimes with a
/// BOM or CRLF line ends), then a body.
fn file() -> impl Strategy<Value = String> {
    (
        (prop::option::weighted(0.7, "[A-Za-z ]{1,10}"), prop::collection::vec(line(), 0..10)),
        prop_oneof![8 => Just("---\n"), 1 => prop::sample::select(vec!["--- \n", "---", "", "...\n", "----\n"])],
        prop_oneof![8 => Just(""), 1 => Just("\u{feff}"), 1 => prop::sample::select(vec![" ", "\n"])],
        any::<bool>(),
        "[ -~\n]{0,20}",
    )
        .prop_map(|((title, lines), close, before, crlf, body)| {
            let mut text = format!("{before}---\n");
            if let Some(title) = title {
                text.push_str(&format!("title: {title}\n"));
            }
            for line in lines {
                text.push_str(&line);
                text.push('\n');
            }
            text.push_str(close);
            text.push_str(&body);
            if crlf { text.replace('\n', "\r\n") } else { text }
        })
}

fn any_file() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => file(),
        1 => any::<String>(),
        1 => any::<String>().prop_map(|s| format!("---\n{s}\n---\n")),
    ]
}

#[test]
fn front_matter() {
    fuzz("front_matter", 3000, any_file(), |text| check_file(&text));
}
