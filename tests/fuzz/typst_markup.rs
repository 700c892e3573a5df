//! Markdown → typst (`pdf::markup::write_body`): whatever the Markdown, the typst source parses
//! without errors, and every piece of code in it is one the converter writes itself: calls of
//! a fixed list of functions with fixed argument names, string, number and content arguments.
//! The partner's text can only be text (`Text`, `Escape`, `Space`) or a string literal, never
//! an identifier, a rule, an import, math or markup syntax.

use innotrain::config::{RawHtml, RemoteImages};
use innotrain::markdown::View;
use innotrain::markdown::facilitation::activity_events;
use innotrain::pdf::markup::{LinkTarget, MarkupOptions, write_body};
use proptest::prelude::*;
use typst::syntax::{SyntaxKind, SyntaxNode};

use crate::fuzz;
use crate::hostile_markdown::{body, prepare_all, raw_html_policy, site_with};

/// Functions the converter calls (`markup.rs`), with `table.header` and `pdf.artifact`.
const FUNCTIONS: &[&str] = &[
    "heading",
    "alert",
    "quote",
    "list",
    "enum",
    "data-table",
    "table.header",
    "emph",
    "strong",
    "strike",
    "link",
    "label",
    "raw",
    "linebreak",
    "line",
    "luma",
    "task-box",
    "footnote",
    "code-block",
    "figure-image",
    "image",
    "pdf.artifact",
    "activity-meta",
];

/// Argument names the converter writes.
const ARGUMENT_NAMES: &[&str] = &["level", "block", "start", "lang", "columns", "align", "length", "stroke", "alt"];

/// Identifiers used as values: alignments of table columns.
const VALUES: &[&str] = &["left", "center", "right"];

/// Units the converter writes (`100%`, `0.5pt`, `60%`).
const NUMERICS: &[&str] = &["100%", "0.5pt", "60%"];

/// Node kinds the converter's output consists of; anything else came from the content.
const ALLOWED_KINDS: &[SyntaxKind] = &[
    SyntaxKind::Markup,
    SyntaxKind::Text,
    SyntaxKind::Space,
    SyntaxKind::Parbreak,
    SyntaxKind::Escape,
    SyntaxKind::Hash,
    SyntaxKind::ContentBlock,
    SyntaxKind::LeftBracket,
    SyntaxKind::RightBracket,
    SyntaxKind::Semicolon,
    SyntaxKind::FuncCall,
    SyntaxKind::Args,
    SyntaxKind::LeftParen,
    SyntaxKind::RightParen,
    SyntaxKind::Comma,
    SyntaxKind::Named,
    SyntaxKind::Colon,
    SyntaxKind::Ident,
    SyntaxKind::FieldAccess,
    SyntaxKind::Dot,
    SyntaxKind::Str,
    SyntaxKind::Int,
    SyntaxKind::Numeric,
    SyntaxKind::Bool,
    SyntaxKind::None,
    SyntaxKind::Array,
    SyntaxKind::Binary,
    SyntaxKind::Plus,
];

/// Checks the tree of the generated source; `Err` names the first node the converter would not
/// have written.
fn check_tree(node: &SyntaxNode, parent: Option<SyntaxKind>) -> Result<(), String> {
    let kind = node.kind();
    let text = node.full_text();
    if !ALLOWED_KINDS.contains(&kind) {
        return Err(format!("{kind:?} node {text:?}"));
    }
    match kind {
        SyntaxKind::FuncCall => {
            let callee = node.children().next().map(|c| c.full_text().to_string()).unwrap_or_default();
            if !FUNCTIONS.contains(&callee.as_str()) {
                return Err(format!("call of `{callee}`"));
            }
        }
        SyntaxKind::Named => {
            let name = node.children().next().map(|c| c.full_text().to_string()).unwrap_or_default();
            if !ARGUMENT_NAMES.contains(&name.as_str()) {
                return Err(format!("argument `{name}`"));
            }
        }
        SyntaxKind::Ident => {
            let known = match parent {
                Some(SyntaxKind::FuncCall | SyntaxKind::FieldAccess) => {
                    FUNCTIONS.iter().any(|f| f.split('.').any(|part| part == text.as_str()))
                }
                Some(SyntaxKind::Named) => ARGUMENT_NAMES.contains(&text.as_str()),
                Some(SyntaxKind::Array) => VALUES.contains(&text.as_str()),
                _ => false,
            };
            if !known {
                return Err(format!("identifier `{text}` in {parent:?}"));
            }
        }
        SyntaxKind::FieldAccess if !FUNCTIONS.contains(&text.as_str()) => {
            return Err(format!("field access `{text}`"));
        }
        SyntaxKind::Numeric if !NUMERICS.contains(&text.as_str()) => return Err(format!("number `{text}`")),
        // Whole numbers are heading levels, list starts and column counts, nowhere else.
        SyntaxKind::Int if parent != Some(SyntaxKind::Named) => return Err(format!("number `{text}` in {parent:?}")),
        SyntaxKind::Bool if parent != Some(SyntaxKind::Named) && parent != Some(SyntaxKind::Args) => {
            return Err(format!("`{text}` in {parent:?}"));
        }
        _ => {}
    }
    for child in node.children() {
        check_tree(child, Some(kind))?;
    }
    Ok(())
}

/// Resolves links and images to every kind of target in turn, with the written destination as
/// the URL, label, fragment or path: typst must read all of them as strings.
fn resolve(dest: &str, is_image: bool, number: usize) -> LinkTarget {
    match (is_image, number % 4) {
        (true, 0 | 1) => LinkTarget::Image(dest.to_string()),
        (_, 0) => LinkTarget::Url(dest.to_string()),
        (_, 1) => LinkTarget::Fragment(dest.trim_start_matches('#').to_string()),
        (_, 2) => LinkTarget::Label(dest.to_string()),
        _ => LinkTarget::None,
    }
}

/// The typst source of the home page holding `markdown`.
/// How the fuzzed text is written: for participants, for the trainer (notes set apart), or as
/// the handout of its first activity (with links to the rest of the page).
#[derive(Debug, Clone, Copy)]
pub enum Edition {
    Reader,
    Trainer,
    Handout,
}

/// The typst source of the home page holding `markdown`, in `edition`.
pub fn typst_source(markdown: &str, raw_html: RawHtml, heading_shift: i8, edition: Edition) -> String {
    let site = site_with(markdown);
    let prepared = prepare_all(&site, raw_html, RemoteImages::Allow);
    let prepared = &prepared[0];
    let (view, only) = match edition {
        Edition::Reader => (View::Learner, None),
        Edition::Trainer => (View::Trainer, None),
        Edition::Handout => (View::Learner, activity_events(prepared, 0)),
    };
    let options = MarkupOptions {
        heading_shift,
        label_prefix: "m1-",
        resolve: &resolve,
        view,
        materials: only.is_none(),
        web_url: only.as_ref().map(|_| "https://example.org/a/"),
        only,
    };
    write_body(prepared, &options).text
}

fn check_source(source: &str) -> Result<(), TestCaseError> {
    let tree = typst::syntax::parse(source);
    let (errors, _) = tree.errors_and_warnings();
    if let Some(error) = errors.first() {
        return Err(TestCaseError::fail(format!("typst syntax error: {}\n--- typst:\n{source}", error.message)));
    }
    check_tree(&tree, None).map_err(|problem| TestCaseError::fail(format!("{problem}\n--- typst:\n{source}")))
}

#[test]
fn markdown_typst() {
    let shift = prop_oneof![Just(-1i8), Just(0i8)];
    let edition = prop_oneof![Just(Edition::Reader), Just(Edition::Trainer), Just(Edition::Handout)];
    fuzz(
        "markdown_typst",
        3000,
        (body(), raw_html_policy(), shift, edition),
        |(markdown, raw_html, shift, edition)| check_source(&typst_source(&markdown, raw_html, shift, edition)),
    );
}

/// The checker itself refuses code the converter never writes.
#[test]
fn typst_checker_refuses_what_it_should() {
    let ok = "\n#heading(level: 1)[A \\# b] #label(\"m1-h1\");\n\n#list([#emph[x];], );\n\n#data-table(columns: 1, align: (left,),\n  table.header([a], ),\n  );\n\n#line(length: 100%, stroke: 0.5pt + luma(60%));\n";
    assert!(check_source(ok).is_ok(), "{:?}", check_source(ok));
    for bad in [
        "#read(\"/etc/passwd\")",
        "#import \"x.typ\": *",
        "#include \"x.typ\"",
        "#set text(red)",
        "#show: x => x",
        "#let x = 1",
        "$x^2$",
        "@ref",
        "<label>",
        "= Heading",
        "- item",
        "*strong*",
        "`raw`",
        "#emph(x)[a]",
        "#link(sys.inputs.x)[a]",
        "#heading(level: 1 + 1)[a]",
        "#emph[a] // comment",
        "#{ 1 }",
        "#(1)",
        "#raw(\"x\"",
    ] {
        assert!(check_source(bad).is_err(), "{bad}");
    }
}
