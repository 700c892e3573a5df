//! A small, strict reader of the HTML a page body is made of: every element closed in order,
//! every attribute value in double quotes, no bare `<` or `&` in text; and what it may not
//! hold: script-capable elements, event handler and `style` attributes, and URLs whose scheme
//! is not one the project allows (`http`, `https`, `mailto`, `tel`; README, "Raw HTML").

/// Elements that never have content or an end tag.
const VOID: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];

/// Elements that can run script, load other documents, submit data or restyle the page.
const FORBIDDEN_ELEMENTS: &[&str] = &[
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "form",
    "input",
    "button",
    "textarea",
    "select",
    "option",
    "svg",
    "math",
    "base",
    "meta",
    "link",
    "template",
    "noscript",
    "area",
    "map",
    "portal",
    "xmp",
    "plaintext",
    "noembed",
    "noframes",
    "title",
    "dialog",
];

/// Every element Markdown and innotrain's own rewriters write, when raw HTML is dropped.
const MARKDOWN_ELEMENTS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "code",
    "em",
    "strong",
    "del",
    "a",
    "img",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
    "br",
    "sup",
    "div",
    "span",
    "aside",
];

/// Elements a paragraph cannot hold: a browser would close the paragraph before them, and the
/// page would not be the tree written.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "aside",
    "table",
    "pre",
    "ul",
    "ol",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "section",
    "figure",
    "dl",
    "details",
    "nav",
    "header",
    "footer",
    "article",
];

/// Attributes whose value is a URL (or, for `srcset`, a list of them).
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "srcset",
    "action",
    "formaction",
    "poster",
    "background",
    "cite",
    "data",
    "xlink:href",
    "longdesc",
    "ping",
    "manifest",
];

const ALLOWED_SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// Checks `html`; `only_markdown`: raw HTML was dropped, so only Markdown's elements may appear.
pub fn check(html: &str, only_markdown: bool) -> Result<(), String> {
    if html.to_ascii_lowercase().contains("<script") {
        return Err("`<script` in the output".into());
    }
    let mut open: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(['<', '&']) {
        let (before, from) = rest.split_at(at);
        let _ = before;
        if from.starts_with('&') {
            let length = entity_length(from).ok_or_else(|| format!("bare `&` before {:?}", excerpt(from)))?;
            rest = &from[length..];
        } else if let Some(comment) = from.strip_prefix("<!--") {
            let end = comment.find("-->").ok_or("unclosed comment")?;
            rest = &comment[end + 3..];
        } else if let Some(end_tag) = from.strip_prefix("</") {
            let (name, after) = tag_name(end_tag).ok_or_else(|| format!("bad end tag {:?}", excerpt(from)))?;
            let after = after.trim_start();
            let after = after.strip_prefix('>').ok_or_else(|| format!("end tag not closed: {:?}", excerpt(from)))?;
            match open.pop() {
                Some(top) if top == name => {}
                top => return Err(format!("`</{name}>` closes {top:?}, at {:?}", excerpt(from))),
            }
            rest = after;
        } else {
            let (name, after) = tag_name(&from[1..]).ok_or_else(|| format!("bare `<` in text: {:?}", excerpt(from)))?;
            let (attributes, self_closing, after) =
                attributes(after).map_err(|e| format!("{e} in {:?}", excerpt(from)))?;
            check_element(&name, &attributes, only_markdown, &open)?;
            if !VOID.contains(&name.as_str()) {
                if self_closing {
                    return Err(format!("`<{name} />` is not a void element"));
                }
                open.push(name);
            }
            rest = after;
        }
    }
    match open.last() {
        Some(name) => Err(format!("`<{name}>` is never closed (open: {open:?})")),
        None => Ok(()),
    }
}

fn check_element(
    name: &str,
    attributes: &[(String, String)],
    only_markdown: bool,
    open: &[String],
) -> Result<(), String> {
    if FORBIDDEN_ELEMENTS.contains(&name) {
        return Err(format!("forbidden element `<{name}>`"));
    }
    if only_markdown && !MARKDOWN_ELEMENTS.contains(&name) {
        return Err(format!("element `<{name}>` with raw HTML dropped"));
    }
    // Only for Markdown's own HTML: ammonia keeps the children of an element it removes, and
    // html5ever had put a `<p>` there for a `</p>` inside `<object>` (a scope boundary), so a
    // sanitised body can hold `<p>` in `<p>` (cosmetic: the browser closes the outer one).
    if only_markdown && BLOCKS.contains(&name) && open.iter().any(|o| o == "p") {
        return Err(format!("`<{name}>` inside `<p>` (open: {open:?})"));
    }
    for (attribute, value) in attributes {
        if attribute.starts_with("on") || attribute == "style" || attribute == "srcdoc" {
            return Err(format!("attribute `{attribute}` on `<{name}>`"));
        }
        if URL_ATTRIBUTES.contains(&attribute.as_str()) {
            let value = html_escape::decode_html_entities(value);
            let urls: Vec<&str> = if attribute == "srcset" {
                value.split(',').map(|candidate| candidate.split_whitespace().next().unwrap_or("")).collect()
            } else {
                vec![&value]
            };
            for url in urls {
                if let Some(scheme) = scheme(url)
                    && !ALLOWED_SCHEMES.contains(&scheme.as_str())
                {
                    return Err(format!("`{attribute}` with the `{scheme}:` scheme on `<{name}>`: {url:?}"));
                }
            }
        }
    }
    Ok(())
}

/// The scheme a browser reads in `url`: leading and trailing spaces and controls removed, tabs
/// and newlines removed anywhere, then letters up to a `:` (`None`: a relative URL).
fn scheme(url: &str) -> Option<String> {
    let url = url.trim_matches(|c: char| c <= ' ');
    let url: String = url.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let colon = url.find(':')?;
    let scheme = &url[..colon];
    let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    is_scheme.then(|| scheme.to_ascii_lowercase())
}

/// `&amp;`, `&#60;`, `&#x3C;`: the length of the entity at the start of `text`.
fn entity_length(text: &str) -> Option<usize> {
    let end = text.find(';')?;
    let body = &text[1..end];
    let valid = match body.strip_prefix('#') {
        Some(number) => match number.strip_prefix(['x', 'X']) {
            Some(hex) => !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit()),
            None => !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()),
        },
        None => !body.is_empty() && body.chars().all(|c| c.is_ascii_alphanumeric()),
    };
    (valid && body.len() <= 32).then_some(end + 1)
}

/// A lowercase tag name at the start of `text`, and what follows it.
fn tag_name(text: &str) -> Option<(String, &str)> {
    let end = text.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(text.len());
    let name = &text[..end];
    if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    if name != name.to_ascii_lowercase() {
        return None;
    }
    Some((name.to_string(), &text[end..]))
}

type Attributes = Vec<(String, String)>;

/// The attributes of a start tag, whether it ends in `/>`, and what follows the tag.
fn attributes(mut text: &str) -> Result<(Attributes, bool, &str), String> {
    let mut found = Vec::new();
    loop {
        text = text.trim_start_matches([' ', '\n', '\t']);
        if let Some(after) = text.strip_prefix("/>") {
            return Ok((found, true, after));
        }
        if let Some(after) = text.strip_prefix('>') {
            return Ok((found, false, after));
        }
        let end =
            text.find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '>' | '/' | '=')).unwrap_or(text.len());
        let name = &text[..end];
        if name.is_empty() || name != name.to_ascii_lowercase() {
            return Err(format!("bad attribute name {:?}", excerpt(text)));
        }
        let value = text[end..].strip_prefix("=\"").ok_or_else(|| format!("attribute `{name}` not quoted"))?;
        let close = value.find('"').ok_or_else(|| format!("attribute `{name}` never closed"))?;
        if found.iter().any(|(n, _)| n == name) {
            return Err(format!("attribute `{name}` twice"));
        }
        found.push((name.to_string(), value[..close].to_string()));
        text = &value[close + 1..];
        if !text.starts_with([' ', '>', '/']) {
            return Err(format!("no space after attribute `{name}`"));
        }
    }
}

fn excerpt(text: &str) -> String {
    text.chars().take(60).collect()
}

#[cfg(test)]
mod tests {
    use super::check;

    /// The checker itself refuses what it is meant to refuse.
    #[test]
    fn html_checker_refuses_what_it_should() {
        assert!(check("<p>a <em>b</em></p>\n<img src=\"x.png\" alt=\"a\" />", true).is_ok());
        for bad in [
            "<p>a",
            "<p><em>a</p></em>",
            "<p>a < b</p>",
            "<p>&</p>",
            "<a href=x>y</a>",
            "<a href=\"javascript:x\">y</a>",
            "<a href=\"&#106;avascript:x\">y</a>",
            "<a href=\" java\tscript:x\">y</a>",
            "<img src=\"data:image/png,x\">",
            "<p onclick=\"x\">a</p>",
            "<p style=\"x\">a</p>",
            "<iframe src=\"https://x\"></iframe>",
            "<p><div>x</div></p>",
            "<SCRIPT>x</SCRIPT>",
            "<video src=\"x\"></video>",
        ] {
            assert!(check(bad, true).is_err(), "{bad}");
        }
        assert!(check("<video src=\"x\"></video>", false).is_ok());
    }
}
