//! Raw HTML kept with `raw-html = "sanitize"` is content like the Markdown around it: its
//! `<img src>` and `<a href>` become Markdown image and link events, so that the later rewriters
//! and both back ends treat them exactly as `![alt](src)` and `[text](href)`: refused schemes,
//! remote images, alt text, per-reader resolution (language variants, versions), copying to
//! media, and errors at the line and column of the attribute.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

use super::safety::{SWALLOWING_ELEMENTS, SafeSubset};

type Spanned<'a> = (Event<'a>, Range<usize>);

/// Lifts the images and links out of the raw HTML events of a document whose whole text is
/// `source` (event ranges are offsets into it).
pub fn lift_links<'a>(events: Vec<Spanned<'a>>, source: &str) -> Vec<Spanned<'a>> {
    let mut out = Vec::with_capacity(events.len());
    // Container depth of the document, and the depth at which each lifted `<a>` was opened: a
    // link is closed in the container it was opened in (at its `</a>`, or at the container's
    // end when the author forgot it), so the events stay balanced for both back ends.
    let mut depth = 0usize;
    let mut open_links: Vec<usize> = Vec::new();
    for (event, range) in events {
        match &event {
            Event::Html(html) | Event::InlineHtml(html) => {
                let inline = matches!(event, Event::InlineHtml(_));
                let base = fragment_start(html, &range, source);
                lift_fragment(html, base, range.clone(), depth, &mut open_links, &mut out, inline);
            }
            Event::Start(_) => {
                depth += 1;
                out.push((event, range));
            }
            Event::End(_) => {
                while open_links.last() == Some(&depth) {
                    open_links.pop();
                    out.push((Event::End(TagEnd::Link), range.start..range.start));
                }
                depth = depth.saturating_sub(1);
                out.push((event, range));
            }
            _ => out.push((event, range)),
        }
    }
    while open_links.pop().is_some() {
        out.push((Event::End(TagEnd::Link), source.len()..source.len()));
    }
    out
}

/// Tells the author what the sanitiser will take out of the raw HTML that `raw-html =
/// "sanitize"` keeps (an element, an attribute), at its line and column, and takes out the
/// elements that take their content with them (`<style>`, `<script>`, `<svg>` …) itself,
/// content and all, up to their end tag or the end of their HTML block or paragraph: one left
/// open would hide the rest of the page.
pub fn review_kept_html<'a>(
    events: Vec<Spanned<'a>>,
    source: &str,
    subset: &SafeSubset,
    warn: &dyn Fn(usize, String),
) -> Vec<Spanned<'a>> {
    let mut out = Vec::with_capacity(events.len());
    let mut depth = 0usize;
    let mut open: Option<Swallowing> = None;
    for (event, range) in events {
        let (html, inline) = match &event {
            Event::Html(html) => (html, false),
            Event::InlineHtml(html) => (html, true),
            Event::Start(_) => {
                depth += 1;
                out.push((event, range));
                continue;
            }
            Event::End(_) => {
                // The container the element was opened in ends: so does the element.
                if open.as_ref().is_some_and(|o| depth <= o.depth) {
                    let Swallowing { name, at, .. } = open.take().expect("checked above");
                    let rest = container_name(&event);
                    warn(
                        at,
                        format!("raw HTML `<{name}>` is never closed: it was removed with the rest of its {rest}"),
                    );
                }
                depth = depth.saturating_sub(1);
                out.push((event, range));
                continue;
            }
            _ if open.is_some() => continue,
            _ => {
                out.push((event, range));
                continue;
            }
        };
        let base = fragment_start(html, &range, source);
        let at = |i: usize| base.map_or(range.start, |b| b + i);
        let Some(pieces) = review_fragment(html, &at, depth, &mut open, subset, warn) else {
            out.push((event, range));
            continue;
        };
        // Each kept piece starts where it is in the source, so that the later rewriters find
        // its attributes' positions.
        for (start, piece) in pieces {
            let piece = CowStr::from(piece.to_string());
            let event = if inline { Event::InlineHtml(piece) } else { Event::Html(piece) };
            out.push((event, at(start).min(range.end)..range.end));
        }
    }
    if let Some(Swallowing { name, at, .. }) = open {
        warn(at, format!("raw HTML `<{name}>` is never closed: it was removed with the rest of the page"));
    }
    out
}

/// An element that takes its content with it, opened and not yet closed.
struct Swallowing {
    name: String,
    /// Where its start tag is.
    at: usize,
    /// The container depth it was opened at.
    depth: usize,
}

/// What an author calls the container that `end` closes.
fn container_name(end: &Event<'_>) -> &'static str {
    match end {
        Event::End(TagEnd::HtmlBlock) => "HTML block",
        Event::End(TagEnd::Heading(_)) => "heading",
        Event::End(TagEnd::TableCell) => "table cell",
        Event::End(TagEnd::Item) => "list item",
        _ => "paragraph",
    }
}

/// One raw HTML event's review: the pieces of the fragment left when the elements that take
/// their content with them are taken out, with their offsets in it (`None` when nothing was
/// taken out). `open` is the element such a fragment left open, or an earlier one still open
/// when the fragment starts.
fn review_fragment<'h>(
    html: &'h str,
    at: &dyn Fn(usize) -> usize,
    depth: usize,
    open: &mut Option<Swallowing>,
    subset: &SafeSubset,
    warn: &dyn Fn(usize, String),
) -> Option<Vec<(usize, &'h str)>> {
    let lower = html.to_ascii_lowercase();
    // Just past the end tag of `name` at or after `from`.
    let end_of = |name: &str, from: usize| {
        lower[from..]
            .find(&format!("</{name}"))
            .map(|p| lower[from + p..].find('>').map_or(html.len(), |q| from + p + q + 1))
    };
    let mut kept = Vec::new();
    let mut pending = 0; // start of the HTML not yet kept
    let mut changed = false;
    if let Some(element) = open.as_ref() {
        changed = true;
        match end_of(&element.name, 0) {
            Some(end) => {
                warn(element.at, format!("raw HTML `<{}>` was removed with its content", element.name));
                *open = None;
                pending = end;
            }
            None => return Some(kept),
        }
    }
    let mut i = pending;
    while let Some(lt) = html[i..].find('<').map(|p| p + i) {
        let Some(tag) = parse_tag(html, lt) else {
            i = lt + 1;
            continue;
        };
        i = tag.end;
        if tag.closing {
            continue;
        }
        let name = tag.name.as_str();
        if SWALLOWING_ELEMENTS.contains(&name) {
            changed = true;
            if pending < lt {
                kept.push((pending, &html[pending..lt]));
            }
            match end_of(name, tag.end) {
                Some(end) => {
                    warn(at(lt), format!("raw HTML `<{name}>` was removed with its content"));
                    pending = end;
                    i = end;
                }
                None => {
                    *open = Some(Swallowing { name: name.to_string(), at: at(lt), depth });
                    return Some(kept);
                }
            }
            continue;
        }
        if !subset.keeps_element(name) {
            warn(at(lt), format!("raw HTML `<{name}>` was removed (its text is kept)"));
            continue;
        }
        for (attribute, _, attribute_at) in &tag.attrs {
            if !subset.keeps_attribute(name, attribute) {
                warn(at(*attribute_at), format!("attribute `{attribute}` of raw HTML `<{name}>` was removed"));
            }
        }
    }
    if !changed {
        return None;
    }
    if pending < html.len() {
        kept.push((pending, &html[pending..]));
    }
    Some(kept)
}

/// Where the text of a raw HTML event starts in the source: the event's range, unless a
/// container (a list item, a block quote) took a prefix off each line; `None` when the text
/// cannot be found, and positions fall back to the event's start.
fn fragment_start(html: &str, range: &Range<usize>, source: &str) -> Option<usize> {
    let span = source.get(range.clone())?;
    let needle = html.trim_end_matches('\n');
    span.find(needle).map(|p| range.start + p)
}

/// Splits one raw HTML event into HTML pieces and lifted image and link events.
fn lift_fragment<'a>(
    html: &str,
    base: Option<usize>,
    range: Range<usize>,
    depth: usize,
    open_links: &mut Vec<usize>,
    out: &mut Vec<Spanned<'a>>,
    inline: bool,
) {
    let at = |i: usize| base.map_or(range.start, |b| b + i);
    let raw = |text: &str| -> Event<'a> {
        let text = CowStr::from(text.to_string());
        if inline { Event::InlineHtml(text) } else { Event::Html(text) }
    };
    let mut pending = 0; // start of the HTML not yet pushed
    let mut i = 0;
    while let Some(lt) = html[i..].find('<').map(|p| p + i) {
        let Some(tag) = parse_tag(html, lt) else {
            i = lt + 1;
            continue;
        };
        let lifted: Vec<Spanned<'a>> = match (tag.name.as_str(), tag.closing) {
            ("img", false) => match tag.attr("src") {
                Some((src, src_at)) => {
                    let pos = at(src_at);
                    let alt = tag.attr("alt").map(|(alt, _)| alt);
                    // `alt=""` is HTML's way of marking a decorative image, as `"decorative"`
                    // is Markdown's here.
                    let title = match &alt {
                        Some(alt) if alt.is_empty() => "decorative".to_string(),
                        _ => tag.attr("title").map(|(t, _)| t).unwrap_or_default(),
                    };
                    let mut events = vec![(
                        Event::Start(Tag::Image {
                            link_type: LinkType::Inline,
                            dest_url: src.into(),
                            title: title.into(),
                            id: "".into(),
                        }),
                        pos..pos,
                    )];
                    if let Some(alt) = alt.filter(|a| !a.is_empty()) {
                        events.push((Event::Text(alt.into()), pos..pos));
                    }
                    events.push((Event::End(TagEnd::Image), pos..pos));
                    events
                }
                None => Vec::new(),
            },
            ("a", false) => match tag.attr("href") {
                Some((href, href_at)) => {
                    let pos = at(href_at);
                    let title = tag.attr("title").map(|(t, _)| t).unwrap_or_default();
                    open_links.push(depth);
                    vec![(
                        Event::Start(Tag::Link {
                            link_type: LinkType::Inline,
                            dest_url: href.into(),
                            title: title.into(),
                            id: "".into(),
                        }),
                        pos..pos,
                    )]
                }
                None => Vec::new(),
            },
            ("a", true) if open_links.last() == Some(&depth) => {
                open_links.pop();
                vec![(Event::End(TagEnd::Link), at(lt)..at(lt))]
            }
            _ => Vec::new(),
        };
        if !lifted.is_empty() {
            if pending < lt {
                out.push((raw(&html[pending..lt]), range.clone()));
            }
            out.extend(lifted);
            pending = tag.end;
        }
        i = tag.end;
    }
    if pending < html.len() {
        out.push((raw(&html[pending..]), range));
    }
}

/// An HTML start or end tag.
struct HtmlTag {
    /// Lower-cased.
    name: String,
    closing: bool,
    /// Lower-cased name, decoded value, and the attribute's byte offset in the fragment (where
    /// its errors are reported).
    attrs: Vec<(String, String, usize)>,
    /// Just past the `>`.
    end: usize,
}

impl HtmlTag {
    fn attr(&self, name: &str) -> Option<(String, usize)> {
        self.attrs.iter().find(|(n, _, _)| n == name).map(|(_, v, at)| (v.clone(), *at))
    }
}

/// Parses the tag starting at `html[lt] == '<'`, as browsers read attributes (quoted with `"`
/// or `'`, or unquoted); `None` for comments, declarations and text that only looks like a tag.
fn parse_tag(html: &str, lt: usize) -> Option<HtmlTag> {
    let bytes = html.as_bytes();
    let mut i = lt + 1;
    let closing = bytes.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'-') {
        i += 1;
    }
    if i == name_start || !bytes[name_start].is_ascii_alphabetic() {
        return None;
    }
    let name = html[name_start..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        match bytes.get(i) {
            None => return None,
            Some(b'>') => return Some(HtmlTag { name, closing, attrs, end: i + 1 }),
            Some(_) => {}
        }
        let attr_start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let attr = html[attr_start..i].to_ascii_lowercase();
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if bytes.get(i) != Some(&b'=') {
            attrs.push((attr, String::new(), attr_start));
            continue;
        }
        i += 1;
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let (value_start, value_end) = match bytes.get(i) {
            Some(&quote @ (b'"' | b'\'')) => {
                let end = html[i + 1..].find(quote as char)? + i + 1;
                let span = (i + 1, end);
                i = end + 1;
                span
            }
            _ => {
                let start = i;
                while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                    i += 1;
                }
                (start, i)
            }
        };
        attrs.push((attr, decode_entities(&html[value_start..value_end]), attr_start));
    }
}

/// Decodes the character references that appear in attribute values (`&amp;`, `&#233;` …).
fn decode_entities(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest.find(';').filter(|&semi| semi <= 10).and_then(|semi| {
            let entity = &rest[1..semi];
            let c = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => entity.strip_prefix('#').and_then(|n| {
                    let code = match n.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => n.parse().ok(),
                    };
                    code.and_then(char::from_u32)
                }),
            };
            c.map(|c| (c, semi))
        });
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lift(source: &str) -> Vec<Event<'static>> {
        let events = vec![(Event::Html(source.to_string().into()), 0..source.len())];
        lift_links(events, source).into_iter().map(|(e, _)| e.into_static()).collect()
    }

    #[test]
    fn images_and_links_become_events_at_their_attribute() {
        let source = "<p><a href='b.md#x'>B</a> <IMG alt=\"A &amp; B\" SRC=x.png></p>\n";
        let events = lift_links(vec![(Event::Html(source.into()), 0..source.len())], source);
        let starts: Vec<(String, usize)> = events
            .iter()
            .filter_map(|(e, r)| match e {
                Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                    Some((dest_url.to_string(), r.start))
                }
                _ => None,
            })
            .collect();
        assert_eq!(starts, [("b.md#x".to_string(), 6), ("x.png".to_string(), 47)]);
        assert!(events.iter().any(|(e, _)| *e == Event::Text("A & B".into())));
    }

    #[test]
    fn an_unclosed_link_is_closed_with_its_container() {
        let events = lift("<a href=\"x.md\">x");
        assert_eq!(events.last(), Some(&Event::End(TagEnd::Link)));
    }

    fn review(source: &str) -> (Vec<Event<'static>>, Vec<(usize, String)>) {
        let warnings = std::cell::RefCell::new(Vec::new());
        let events = vec![(Event::Html(source.to_string().into()), 0..source.len())];
        let kept = review_kept_html(events, source, &SafeSubset::new(), &|at, w| warnings.borrow_mut().push((at, w)));
        (kept.into_iter().map(|(e, _)| e.into_static()).collect(), warnings.into_inner())
    }

    #[test]
    fn what_the_sanitiser_removes_is_named_at_its_position() {
        let (events, warnings) = review("<p><b onclick=\"x()\" class=k>B</b><form>F</form></p>");
        assert_eq!(events, [Event::Html("<p><b onclick=\"x()\" class=k>B</b><form>F</form></p>".into())]);
        assert_eq!(
            warnings,
            [
                (6, "attribute `onclick` of raw HTML `<b>` was removed".to_string()),
                (33, "raw HTML `<form>` was removed (its text is kept)".to_string()),
            ]
        );
    }

    #[test]
    fn raw_text_elements_go_with_their_content_closed_or_not() {
        let (events, warnings) = review("<p>a<STYLE>p{}</style>b<script>x</p>");
        assert_eq!(events, [Event::Html("<p>a".into()), Event::Html("b".into())]);
        // The review of a single event: the element is still open at the end of the text.
        assert_eq!(
            warnings,
            [
                (4, "raw HTML `<style>` was removed with its content".to_string()),
                (23, "raw HTML `<script>` is never closed: it was removed with the rest of the page".to_string()),
            ]
        );
    }

    #[test]
    fn an_element_across_events_goes_to_its_end_tag_or_its_container_end() {
        let source = "x";
        let warnings = std::cell::RefCell::new(Vec::new());
        let events: Vec<Spanned<'static>> = vec![
            (Event::Start(Tag::Paragraph), 0..0),
            (Event::InlineHtml("<svg>".into()), 0..0),
            (Event::Text("hidden".into()), 0..0),
            (Event::InlineHtml("</svg>".into()), 0..0),
            (Event::Text("shown".into()), 0..0),
            (Event::InlineHtml("<math>".into()), 0..0),
            (Event::Text("gone".into()), 0..0),
            (Event::End(TagEnd::Paragraph), 0..0),
            (Event::Text("after".into()), 0..0),
        ];
        let kept = review_kept_html(events, source, &SafeSubset::new(), &|at, w| warnings.borrow_mut().push((at, w)));
        let texts: Vec<String> =
            kept.iter().filter_map(|(e, _)| if let Event::Text(t) = e { Some(t.to_string()) } else { None }).collect();
        assert_eq!(texts, ["shown", "after"]);
        assert_eq!(
            warnings.into_inner().into_iter().map(|(_, w)| w).collect::<Vec<_>>(),
            [
                "raw HTML `<svg>` was removed with its content",
                "raw HTML `<math>` is never closed: it was removed with the rest of its paragraph",
            ]
        );
    }

    #[test]
    fn empty_alt_marks_a_decorative_image() {
        let events = lift("<img src=\"x.svg\" alt=\"\">");
        assert!(matches!(&events[0], Event::Start(Tag::Image { title, .. }) if title.as_ref() == "decorative"));
        assert_eq!(events[1], Event::End(TagEnd::Image));
    }
}
