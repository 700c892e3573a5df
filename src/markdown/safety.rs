//! What partner Markdown may not put on a page: raw HTML (dropped, or sanitised when book.toml
//! allows it) and URLs with schemes that run code or smuggle content (`javascript:`, `data:` …).

use crate::config::RawHtml;

/// Schemes a link may use; everything else with a scheme is refused. An allowlist, applied to
/// the decoded URL with control characters and whitespace removed, as browsers do.
const ALLOWED_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// How a link destination is classified.
#[derive(Debug, PartialEq, Eq)]
pub enum UrlKind {
    /// `https://…`, `mailto:…`: left as written.
    External,
    /// A path within the site, maybe with a `#fragment`.
    Relative,
    /// A scheme that is not allowed (`javascript:`, `data:`, `vbscript:`, `file:` …).
    Refused(String),
}

pub fn classify_url(url: &str) -> UrlKind {
    let cleaned: String = url.chars().filter(|c| !c.is_control() && !c.is_whitespace()).collect();
    let scheme_end = cleaned.find(':');
    let path_start = cleaned.find(['/', '?', '#']);
    match scheme_end {
        Some(end) if path_start.is_none_or(|p| end < p) => {
            let scheme = cleaned[..end].to_ascii_lowercase();
            if ALLOWED_SCHEMES.contains(&scheme.as_str()) { UrlKind::External } else { UrlKind::Refused(scheme) }
        }
        _ if cleaned.starts_with("//") => UrlKind::External,
        _ => UrlKind::Relative,
    }
}

/// Runs the sanitiser over a rendered body when raw HTML is allowed. Our own markup (heading
/// ids, alert boxes, highlighting classes) is on the allowlist; scripts, styles, event handlers,
/// forms and their controls, SVG and MathML never are. Image maps are removed too: their
/// `<area href>` would be the one link the Markdown rewriters do not see (raw `<a href>` and
/// `<img src>` were lifted into Markdown links and images before).
pub fn sanitise_body(html: &str, policy: RawHtml) -> String {
    match policy {
        RawHtml::Drop => html.to_string(),
        RawHtml::Sanitize => sanitiser().clean(html).to_string(),
    }
}

/// The one definition of the safe subset: [`sanitise_body`] applies it, [`SafeSubset`] reads it
/// back so that authors are told what it removes.
fn sanitiser() -> ammonia::Builder<'static> {
    let mut builder = ammonia::Builder::default();
    builder
        .add_generic_attributes(["id", "class", "lang", "dir"])
        .rm_tags(["area", "map"])
        .add_tag_attributes("div", ["role", "tabindex"])
        .url_schemes(ALLOWED_SCHEMES.into_iter().collect())
        .link_rel(None);
    builder
}

/// Elements that take their content with them: an HTML parser reads the content of the first
/// ten as text up to their end tag, and the sanitiser removes `<svg>`, `<math>` and `<template>`
/// with everything inside. One left open would take the rest of the page with it, so raw HTML
/// loses them, content and all, before the page is put together (none is in the safe subset).
pub const SWALLOWING_ELEMENTS: [&str; 13] = [
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
    "svg",
    "math",
    "template",
];

/// What `raw-html = "sanitize"` keeps, as the sanitiser is configured.
pub struct SafeSubset {
    elements: std::collections::HashSet<&'static str>,
    attributes: std::collections::HashMap<&'static str, std::collections::HashSet<&'static str>>,
    generic: std::collections::HashSet<&'static str>,
}

impl SafeSubset {
    pub fn new() -> Self {
        let builder = sanitiser();
        Self {
            elements: builder.clone_tags(),
            attributes: builder.clone_tag_attributes(),
            generic: builder.clone_generic_attributes(),
        }
    }

    pub fn keeps_element(&self, element: &str) -> bool {
        self.elements.contains(element)
    }

    pub fn keeps_attribute(&self, element: &str, attribute: &str) -> bool {
        self.generic.contains(attribute) || self.attributes.get(element).is_some_and(|a| a.contains(attribute))
    }
}

impl Default for SafeSubset {
    fn default() -> Self {
        Self::new()
    }
}

/// `<!-- … -->` comments are authors' notes: dropped silently, not warned about.
pub fn is_html_comment(html: &str) -> bool {
    let trimmed = html.trim();
    trimmed.starts_with("<!--") && trimmed.ends_with("-->")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_script_schemes_however_disguised() {
        for url in
            ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " java\tscript:alert(1)", "vbscript:x", "data:text/html,x"]
        {
            assert!(matches!(classify_url(url), UrlKind::Refused(_)), "{url}");
        }
    }

    #[test]
    fn accepts_web_mail_and_relative_urls() {
        assert_eq!(classify_url("https://eur-lex.europa.eu/"), UrlKind::External);
        assert_eq!(classify_url("mailto:a@b.eu"), UrlKind::External);
        assert_eq!(classify_url("../x/01-a.md#b"), UrlKind::Relative);
        assert_eq!(classify_url("a.md#b:c"), UrlKind::Relative);
        assert_eq!(classify_url("#top"), UrlKind::Relative);
    }

    #[test]
    fn sanitiser_removes_scripts_and_handlers() {
        let html = sanitise_body(
            "<p onclick=\"x()\">a<script>b</script><a href=\"javascript:c\">d</a></p>",
            RawHtml::Sanitize,
        );
        assert!(!html.contains("onclick") && !html.contains("script") && !html.contains("javascript"), "{html}");
    }
}
