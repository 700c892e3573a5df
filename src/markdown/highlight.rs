//! Code blocks highlighted with syntect, as CSS classes (`hl-…`) rather than inline colours, so
//! the theme's stylesheet decides the colours (and the print stylesheet can drop them).

use std::sync::OnceLock;

use syntect::highlighting::ThemeSet;
use syntect::html::{ClassStyle, ClassedHTMLGenerator, css_for_theme_with_class_style};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

/// Blocks longer than this are shown plain: grammars can backtrack badly on huge input.
pub const MAX_HIGHLIGHTED_BYTES: usize = 64 * 1024;

fn syntaxes() -> &'static SyntaxSet {
    static SYNTAXES: OnceLock<SyntaxSet> = OnceLock::new();
    SYNTAXES.get_or_init(SyntaxSet::load_defaults_newlines)
}

/// The inner HTML of `<code>` for `code` in language `lang`; `None` when the language is unknown
/// (the caller then escapes the text plainly).
pub fn highlight(code: &str, lang: &str) -> Option<String> {
    if code.len() > MAX_HIGHLIGHTED_BYTES {
        return None;
    }
    let syntaxes = syntaxes();
    let syntax = syntaxes.find_syntax_by_token(lang)?;
    let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, syntaxes, CLASS_STYLE);
    for line in LinesWithEndings::from(code) {
        generator.parse_html_for_line_which_includes_newline(line).ok()?;
    }
    Some(generator.finalize())
}

/// The stylesheet for the highlighting classes (written to `static/highlight.css`, and into
/// every package): made once, since loading syntect's themes is slow.
pub fn stylesheet() -> &'static str {
    static STYLESHEET: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        let themes = ThemeSet::load_defaults();
        let theme = &themes.themes["InspiredGitHub"];
        css_for_theme_with_class_style(theme, CLASS_STYLE).unwrap_or_default()
    });
    &STYLESHEET
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_known_languages_with_classes() {
        let html = highlight("key: value\n", "yaml").unwrap();
        assert!(html.contains("class=\"hl-"), "{html}");
        assert!(!html.contains("style="));
    }

    #[test]
    fn declines_unknown_languages() {
        assert!(highlight("x", "no-such-language").is_none());
    }
}
