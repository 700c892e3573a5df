//! What a search reads of a rendered page: the text of the theme's `data-pagefind-body`
//! element, word by word with its weight, the elements with an `id` (anchors) and the page's
//! filters and title.
//!
//! The HTML is innotrain's own output (well-formed, escaped), so a forward scan over its tags is
//! enough: no DOM is built. The rules are Pagefind's, so that excerpts and ranking behave as
//! its search script expects:
//! - block elements separate words, and one that ends in a word gets a full stop (so an excerpt
//!   reads "Duration. 2 hours." rather than "Duration 2 hours");
//! - words in headings weigh more (`h1` 7 times a paragraph's, down to `h6` twice);
//! - navigation, forms, scripts, SVG and elements marked `data-pagefind-ignore` are left out;
//! - the first `h1` is the result's title; `data-pagefind-filter="name:value"` files the page
//!   under a filter value.

use std::borrow::Cow;
use std::collections::BTreeMap;

/// The weight of a paragraph's word; headings multiply it.
pub const BODY_WEIGHT: u8 = 24;

/// Elements whose text is never indexed.
fn is_left_out(name: &str) -> bool {
    matches!(
        name,
        "head" | "style" | "script" | "noscript" | "label" | "form" | "svg" | "footer" | "nav" | "iframe" | "template"
    )
}

/// Elements inside a line of text: they neither separate words nor end sentences.
fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "abbr"
            | "acronym"
            | "b"
            | "bdi"
            | "bdo"
            | "big"
            | "button"
            | "cite"
            | "code"
            | "data"
            | "dfn"
            | "del"
            | "em"
            | "i"
            | "img"
            | "input"
            | "ins"
            | "kbd"
            | "map"
            | "mark"
            | "object"
            | "output"
            | "q"
            | "s"
            | "samp"
            | "select"
            | "small"
            | "span"
            | "strong"
            | "sub"
            | "sup"
            | "textarea"
            | "time"
            | "tt"
            | "u"
            | "var"
    )
}

/// Elements without an end tag.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
    )
}

/// The indexable text of a page.
#[derive(Debug, Default, PartialEq)]
pub struct PageText {
    /// The words, space-separated, in reading order.
    pub content: String,
    /// Each word's byte range in `content` and its weight.
    pub words: Vec<(std::ops::Range<usize>, u8)>,
    /// Elements with an `id`, at the index of the first word after their start.
    pub anchors: Vec<Anchor>,
    /// The text of the first `h1`.
    pub title: Option<String>,
    /// Filter name → values.
    pub filters: BTreeMap<String, Vec<String>>,
}

/// An element with an `id`: a place a result can link to. Its text is the text directly in it
/// and in its inline elements (a section's anchor is not the whole section).
#[derive(Debug, PartialEq, serde::Serialize)]
pub struct Anchor {
    pub element: String,
    pub id: String,
    pub text: String,
    pub location: u32,
}

/// An element open at the scan's position.
struct Open<'a> {
    name: Cow<'a, str>,
    /// Where its text starts in the scan's text.
    text_start: usize,
    is_block: bool,
    is_heading: bool,
    /// Its anchor, when it has an `id`.
    anchor: Option<usize>,
}

/// The text of the page's `data-pagefind-body` element (of the whole page when it has none).
pub fn page_text(html: &str) -> PageText {
    let start = html.find(" data-pagefind-body").and_then(|marker| html[..marker].rfind('<')).unwrap_or(0);
    Scan::default().run(&html[start..])
}

#[derive(Default)]
struct Scan {
    text: String,
    /// (byte offset in `text`, weight from there on).
    weights: Vec<(usize, u8)>,
    /// (byte offset in `text`, anchor) for each anchor.
    anchors: Vec<(usize, Anchor)>,
    title: Option<String>,
    filters: BTreeMap<String, Vec<String>>,
}

impl Scan {
    fn run(mut self, html: &str) -> PageText {
        let mut open: Vec<Open> = Vec::new();
        // Depth of `open` at which a left-out element starts; its text is skipped until it ends.
        let mut skipping: Option<usize> = None;
        let mut at = 0;
        while at < html.len() {
            let Some(lt) = html[at..].find('<').map(|i| at + i) else {
                self.add_text(&html[at..], skipping, &open);
                break;
            };
            self.add_text(&html[at..lt], skipping, &open);
            let rest = &html[lt..];
            if rest.starts_with("<!--") {
                at = rest.find("-->").map_or(html.len(), |end| lt + end + 3);
                continue;
            }
            let Some(tag_len) = tag_length(rest) else {
                self.add_text("<", skipping, &open);
                at = lt + 1;
                continue;
            };
            let tag = &rest[1..tag_len - 1];
            at = lt + tag_len;
            if let Some(name) = tag.strip_prefix('/') {
                let name = name.trim();
                if let Some(depth) = open.iter().rposition(|element| element.name.eq_ignore_ascii_case(name)) {
                    while open.len() > depth {
                        let element = open.pop().expect("depth is within the stack");
                        if skipping == Some(open.len()) {
                            skipping = None;
                        } else if skipping.is_none() {
                            self.close(element, &open);
                        }
                    }
                }
                if open.is_empty() {
                    break; // the end of the body element
                }
                continue;
            }
            if tag.starts_with('!') || tag.starts_with('?') {
                continue; // doctype, processing instruction
            }
            let (name, attributes) = split_tag(tag);
            let name: Cow<str> = if name.bytes().any(|b| b.is_ascii_uppercase()) {
                name.to_ascii_lowercase().into()
            } else {
                name.into()
            };
            if matches!(&*name, "script" | "style") {
                // Raw text: may hold `<`; skipped to its end tag.
                let end = format!("</{name}");
                at = html[at..].find(&end).map_or(html.len(), |i| at + i);
                continue;
            }
            let self_closing = tag.ends_with('/') || is_void(&name);
            if skipping.is_some() {
                if !self_closing {
                    open.push(Open { name, text_start: 0, is_block: false, is_heading: false, anchor: None });
                }
                continue;
            }
            if name == "br" {
                self.text.push(' ');
            }
            let mut element = Open {
                is_block: !is_inline(&name),
                is_heading: heading_level(&name).is_some(),
                name,
                text_start: 0,
                anchor: None,
            };
            let mut left_out = is_left_out(&element.name);
            for (attribute, value) in attributes {
                match attribute {
                    "data-pagefind-ignore" => left_out = true,
                    "data-pagefind-filter" => self.add_filters(&value),
                    "id" if !left_out && !value.is_empty() => {
                        // An anchor separates words, as Pagefind's does.
                        self.text.push(' ');
                        element.anchor = Some(self.anchors.len());
                        let anchor = Anchor {
                            element: element.name.to_string(),
                            id: value.into_owned(),
                            text: String::new(),
                            location: 0,
                        };
                        self.anchors.push((self.text.len(), anchor));
                    }
                    _ => {}
                }
            }
            if self_closing {
                continue;
            }
            if left_out {
                skipping = Some(open.len());
            } else {
                if element.is_block {
                    self.text.push(' ');
                }
                if let Some(level) = heading_level(&element.name).filter(|_| !open.iter().any(|e| e.is_heading)) {
                    self.weights.push((self.text.len(), BODY_WEIGHT * (8 - level)));
                }
                element.text_start = self.text.len();
            }
            open.push(element);
        }
        self.finish()
    }

    fn add_text(&mut self, text: &str, skipping: Option<usize>, open: &[Open]) {
        if skipping.is_some() || text.is_empty() {
            return;
        }
        let mut text = html_escape::decode_html_entities(text);
        if text.contains('\u{200B}') {
            // Zero-width spaces are not word boundaries: "a\u{200B}b" is the word "ab".
            text = text.replace('\u{200B}', "").into();
        }
        self.text.push_str(&text);
        for element in open.iter().rev() {
            if let Some(anchor) = element.anchor {
                self.anchors[anchor].1.text.push_str(&text);
            }
            if element.is_block {
                break;
            }
        }
    }

    fn add_filters(&mut self, attribute: &str) {
        for pair in attribute.split(',') {
            if let Some((name, value)) = pair.split_once(':') {
                let value = collapse_spaces(value);
                if !name.trim().is_empty() && !value.is_empty() {
                    self.filters.entry(name.trim().to_string()).or_default().push(value);
                }
            }
        }
    }

    fn close(&mut self, element: Open, still_open: &[Open]) {
        let own_text = &self.text[element.text_start.min(self.text.len())..];
        if element.name == "h1" && self.title.is_none() && !own_text.trim().is_empty() {
            self.title = Some(collapse_spaces(own_text));
        }
        if let Some(anchor) = element.anchor {
            let text = &mut self.anchors[anchor].1.text;
            *text = collapse_spaces(text);
        }
        if element.is_block {
            let ends_a_sentence = own_text
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || matches!(c, '\'' | '"' | ')' | '$' | '*'));
            if ends_a_sentence {
                self.text.push('.');
            }
            self.text.push(' ');
        }
        if element.is_heading && !still_open.iter().any(|e| e.is_heading) {
            self.weights.push((self.text.len(), BODY_WEIGHT));
        }
    }

    /// Splits the text into words and places weights and anchors on them.
    fn finish(self) -> PageText {
        let mut content = String::with_capacity(self.text.len());
        let mut words = Vec::new();
        let mut weights = self.weights.iter().peekable();
        let mut weight = BODY_WEIGHT;
        let mut anchors = self.anchors.into_iter().peekable();
        let mut placed = Vec::new();
        for (offset, word) in words_with_offsets(&self.text) {
            while let Some(&&(from, next)) = weights.peek() {
                if from > offset {
                    break;
                }
                weight = next;
                weights.next();
            }
            while let Some((_, mut anchor)) = anchors.next_if(|(from, _)| *from <= offset) {
                anchor.location = words.len() as u32;
                placed.push(anchor);
            }
            if !content.is_empty() {
                content.push(' ');
            }
            content.push_str(word);
            words.push((content.len() - word.len()..content.len(), weight));
        }
        for (_, mut anchor) in anchors {
            anchor.location = words.len() as u32;
            placed.push(anchor);
        }
        PageText { content, words, anchors: placed, title: self.title, filters: self.filters }
    }
}

/// The length of the tag starting at `<` (through its `>`), quotes respected; `None` when this
/// `<` does not start a tag.
fn tag_length(rest: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    let first = *bytes.get(1)?;
    if !(first.is_ascii_alphabetic() || matches!(first, b'/' | b'!' | b'?')) {
        return None;
    }
    // Bytes, not characters: every delimiter is ASCII, and UTF-8 never uses ASCII bytes inside
    // a multi-byte character.
    let mut quote = None;
    for (i, &b) in bytes.iter().enumerate().skip(1) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), b) if b == q => quote = None,
            (None, b'>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// A start tag's name and attributes (values decoded, lazily).
fn split_tag(tag: &str) -> (&str, Attributes<'_>) {
    let tag = tag.strip_suffix('/').unwrap_or(tag);
    let name_end = tag.find(|c: char| c.is_ascii_whitespace()).unwrap_or(tag.len());
    (&tag[..name_end], Attributes(tag[name_end..].trim_start()))
}

/// The attributes of a start tag, as (name, decoded value).
struct Attributes<'a>(&'a str);

impl<'a> Iterator for Attributes<'a> {
    type Item = (&'a str, Cow<'a, str>);

    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.0;
        let name_len = rest.find(|c: char| c.is_ascii_whitespace() || c == '=').unwrap_or(rest.len());
        if name_len == 0 {
            return None;
        }
        let name = &rest[..name_len];
        let rest = rest[name_len..].trim_start();
        let (value, remaining) = match rest.strip_prefix('=').map(str::trim_start) {
            Some(after) => match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let end = after[1..].find(q).map_or(after.len(), |i| i + 1);
                    (&after[1..end], after.get(end + 1..).unwrap_or(""))
                }
                _ => {
                    let end = after.find(|c: char| c.is_ascii_whitespace()).unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            },
            None => ("", rest),
        };
        self.0 = remaining.trim_start();
        Some((name, html_escape::decode_html_entities(value)))
    }
}

fn heading_level(name: &str) -> Option<u8> {
    match name.as_bytes() {
        [b'h', level @ b'1'..=b'6'] => Some(level - b'0'),
        _ => None,
    }
}

/// Trimmed, with each run of whitespace one space.
fn collapse_spaces(text: &str) -> String {
    let mut collapsed = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !collapsed.is_empty() {
            collapsed.push(' ');
        }
        collapsed.push_str(word);
    }
    collapsed
}

/// The whitespace-separated words of `text` with their byte offsets.
fn words_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace().map(move |word| (word.as_ptr() as usize - text.as_ptr() as usize, word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &PageText) -> Vec<(&str, u8)> {
        text.words.iter().map(|(range, weight)| (&text.content[range.clone()], *weight)).collect()
    }

    #[test]
    fn reads_the_body_element_with_weights_and_sentences() {
        let html = "<!DOCTYPE html><html lang=\"en\"><head><title>T</title></head><body><nav>Menu</nav>\
            <main data-pagefind-body data-pagefind-filter=\"text_lang:en\"><h1>Work-based <em>learning</em></h1>\
            <p>Plan &amp; review<br>together</p><dl><dt>Duration</dt><dd>2&nbsp;hours</dd></dl>\
            <h2 id=\"tasks\">Tasks</h2><ul><li>One</li></ul></main><footer>Imprint</footer></body></html>";
        let text = page_text(html);
        assert_eq!(
            words(&text),
            [
                ("Work-based", 168),
                ("learning.", 168),
                ("Plan", 24),
                ("&", 24),
                ("review", 24),
                ("together.", 24),
                ("Duration.", 24),
                ("2", 24),
                ("hours.", 24),
                ("Tasks.", 144),
                ("One.", 24),
            ]
        );
        assert_eq!(text.title.as_deref(), Some("Work-based learning"));
        assert_eq!(text.filters["text_lang"], ["en"]);
        assert_eq!(
            text.anchors,
            [Anchor { element: "h2".into(), id: "tasks".into(), text: "Tasks".into(), location: 9 }]
        );
    }

    #[test]
    fn leaves_out_ignored_and_navigation_elements() {
        let html = "<main data-pagefind-body><p>kept</p><div data-pagefind-ignore><div>gone <p>too</p></div></div>\
            <nav><ul><li>menu</li></ul></nav><svg><path d=\"M0\"/><text>no</text></svg><script>if (a<b) x()</script>\
            <p>also <!-- not --> kept</p></main><p>outside</p>";
        let text = page_text(html);
        assert_eq!(words(&text), [("kept.", 24), ("also", 24), ("kept.", 24)]);
    }

    #[test]
    fn reads_a_page_without_a_body_marker_whole() {
        let text = page_text("<html><body><h1 class='x'>Title</h1>text &lt;b&gt;</body></html>");
        assert_eq!(words(&text), [("Title.", 168), ("text", 24), ("<b>", 24)]);
    }
}
