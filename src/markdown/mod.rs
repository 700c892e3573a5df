//! Stage 4a: Markdown → events, as small rewriters.
//!
//! [`prepare`] parses a document once and runs the language-independent rewriters over its
//! events (raw HTML, unsafe URLs, heading ids, image checks, code highlighting). The result is
//! cached per document and stays *semantic* (alerts are still block quotes, code blocks still
//! code blocks), because two back ends read it: [`links::render_html`] resolves links for each
//! reader's language and applies the HTML-only rewriters ([`html_events`]), and the PDF back end
//! (`crate::pdf`) writes typst markup from the same events.

pub mod facilitation;
pub mod highlight;
pub mod links;
mod nesting;
mod raw_html;
pub mod safety;

use std::collections::BTreeSet;
use std::ops::Range;

use pulldown_cmark::{
    Alignment, BlockQuoteKind, CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Parser, Tag, TagEnd,
};
use serde::Serialize;

use crate::config::{RawHtml, RemoteImages};
use crate::content::Document;
use crate::diag::{Diagnostic, Diagnostics};
use crate::slug::{self, IdAllocator};

use safety::UrlKind;

pub use facilitation::{View, activity_summary};

/// Ids the theme puts on every page; headings get other ids.
pub const RESERVED_IDS: &[&str] = &[
    "main-content",
    "site-nav",
    "page-title",
    "language-switcher",
    "toc-title",
    "outcomes-title",
    "modules-title",
    "plan-title",
];

/// A heading in the page's table of contents.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// A document's events after the language-independent rewriters.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// Markdown events: no HTML of ours in them yet (raw HTML only with `raw-html = "sanitize"`).
    pub events: Vec<Event<'static>>,
    /// Byte offset (in the whole file) of every event, for errors found by later stages.
    pub offsets: Vec<usize>,
    /// The highlighted inner HTML of each fenced code block with a known language, in order
    /// (`None`: shown plain).
    pub highlighted: Vec<Option<String>>,
    /// Alert titles and the task-list wording, in the document's language.
    pub labels: AlertLabels,
    /// Byte offset (in the whole file) of each link and image start event, in order, so that
    /// link errors found later can name the line.
    pub link_offsets: Vec<usize>,
    pub toc: Vec<TocEntry>,
    /// Every id a `#fragment` may point at.
    pub anchors: BTreeSet<String>,
    /// The trainer's side of the text: its activities, and where its trainer notes and
    /// materials are among the events.
    pub marks: facilitation::Marks,
}

/// Alert titles in the document's language (`> [!NOTE]` → "Note").
#[derive(Debug, Clone, Default)]
pub struct AlertLabels {
    pub note: String,
    pub tip: String,
    pub important: String,
    pub warning: String,
    pub caution: String,
    /// Said by screen readers for a ticked task-list item (`- [x] …`).
    pub task_done: String,
    /// The titles of `[!TRAINER]` and `[!MATERIALS]` boxes.
    pub trainer_note: String,
    pub materials: String,
    /// Said of an activity that is a sheet for participants.
    pub handout: String,
    /// The unit after an activity's minutes (`30 min`).
    pub minutes: String,
    /// The names of the activity formats, in the order of `Format::ALL`.
    pub formats: Vec<String>,
}

/// Everything [`prepare`] needs besides the document.
pub struct PrepareOptions<'a> {
    pub raw_html: RawHtml,
    pub remote_images: RemoteImages,
    pub alert_labels: &'a AlertLabels,
}

type Spanned<'a> = (Event<'a>, Range<usize>);

/// Parses a document and applies the rewriters that do not depend on the reader's language.
pub fn prepare(doc: &Document, options: &PrepareOptions<'_>, diags: &Diagnostics) -> Prepared {
    let body = doc.body();
    let base = doc.body_start;
    let events: Vec<Spanned<'_>> = Parser::new_ext(body, crate::content::MARKDOWN_OPTIONS)
        .into_offset_iter()
        .map(|(event, range)| (event, (range.start + base)..(range.end + base)))
        .collect();
    let located = |offset: usize, d: Diagnostic| d.at_offset(&doc.text, offset);

    let events = drop_raw_html(events, options.raw_html, &|offset, message: &str| {
        diags.push(located(offset, Diagnostic::warning(&doc.path, message).in_category("raw-html")
            .with_hint("raw HTML is not allowed in content; use Markdown instead (book.toml `[markdown] raw-html = \"sanitize\"` keeps a safe subset)")));
    });
    // Kept raw HTML is reviewed (what the sanitiser will remove is told), and its images and
    // links go through the same rewriters as Markdown's.
    let events = if options.raw_html == RawHtml::Sanitize {
        let reviewed = raw_html::review_kept_html(events, &doc.text, &safety::SafeSubset::new(), &|offset, message| {
            diags.push(located(offset, Diagnostic::warning(&doc.path, message).in_category("raw-html")
                .with_hint("`raw-html = \"sanitize\"` keeps only HTML that cannot run code, load anything or hide the page; write this part in Markdown")));
        });
        raw_html::lift_links(reviewed, &doc.text)
    } else {
        events
    };
    let events = nesting::limit_nesting(events, &|offset, d| diags.push(located(offset, d(&doc.path))));
    let events = refuse_unsafe_urls(events, &|offset, d| diags.push(located(offset, d(&doc.path))));
    let (events, dialect_anchors) = dialect_attributes(events, &|offset, d| diags.push(located(offset, d(&doc.path))));
    let (events, toc, mut anchors) = assign_heading_ids(events, &|offset, d| diags.push(located(offset, d(&doc.path))));
    anchors.extend(dialect_anchors);
    let events = check_images(events, options.remote_images, &|offset, d| diags.push(located(offset, d(&doc.path))));
    let highlighted = highlight_code(&events, &|offset, d| diags.push(located(offset, d(&doc.path))));
    let facilitation = crate::content::activities::read(doc);
    let events = facilitation::drop_markers(events, &facilitation);
    let marks = facilitation::mark(&events, facilitation);

    let mut link_offsets = Vec::new();
    let mut offsets = Vec::with_capacity(events.len());
    let mut events: Vec<Event<'static>> = events
        .into_iter()
        .map(|(event, range)| {
            if matches!(event, Event::Start(Tag::Link { .. } | Tag::Image { .. })) {
                link_offsets.push(range.start);
            }
            offsets.push(range.start);
            event.into_static()
        })
        .collect();
    // Every page's events stay in memory until its version is rendered: without this, the
    // collect above reuses the larger allocation of the (event, range) pairs.
    events.shrink_to_fit();
    Prepared { events, offsets, highlighted, labels: options.alert_labels.clone(), link_offsets, toc, anchors, marks }
}

/// The HTML-only rewriters, applied when a reader's page is written: alert boxes, task boxes,
/// highlighted code and scrollable tables.
pub fn html_events<'a>(events: impl IntoIterator<Item = Event<'a>>, prepared: &Prepared) -> Vec<Event<'a>> {
    let events = render_alerts(events, &prepared.labels);
    let events = render_task_markers(events, &prepared.labels);
    let events = render_code_blocks(events, &prepared.highlighted);
    wrap_tables(events)
}

/// A page's body as HTML for the reader of `ctx`: links resolved for that reader and the
/// HTML-only rewriters applied ([`links::render_html`]), then raw HTML sanitised when book.toml
/// allows it ([`safety::sanitise_body`]). What a page render writes into its template, and what
/// tests/fuzz checks for any Markdown.
pub fn body_html(
    prepared: &Prepared,
    ctx: &links::LinkContext<'_>,
    view: View,
    raw_html: RawHtml,
    diags: &Diagnostics,
) -> String {
    safety::sanitise_body(&links::render_html(prepared, ctx, view, diags), raw_html)
}

/// The language of a fenced code block (`yaml` of ```` ```yaml title=x ````), empty if none.
pub fn code_language(kind: &CodeBlockKind<'_>) -> String {
    match kind {
        CodeBlockKind::Fenced(info) => info.split([' ', ',', '{']).next().unwrap_or("").to_string(),
        CodeBlockKind::Indented => String::new(),
    }
}

type Report<'r> = dyn Fn(usize, &dyn Fn(&str) -> Diagnostic) + 'r;

/// Raw HTML never reaches a page unless book.toml allows the sanitised subset. An HTML block
/// goes as a whole, with any text in it: the warning says how many lines went.
fn drop_raw_html<'a>(events: Vec<Spanned<'a>>, policy: RawHtml, warn: &dyn Fn(usize, &str)) -> Vec<Spanned<'a>> {
    if policy == RawHtml::Sanitize {
        return events;
    }
    let shown = |html: &str| -> String { html.lines().next().unwrap_or("").trim().chars().take(40).collect() };
    let mut out = Vec::with_capacity(events.len());
    // The HTML block being dropped: where it starts, its first line, and its lines.
    let mut block: Option<(usize, String, usize)> = None;
    for (event, range) in events {
        match &event {
            Event::Start(Tag::HtmlBlock) => block = Some((range.start, String::new(), 0)),
            Event::End(TagEnd::HtmlBlock) => match block.take() {
                Some((start, first, lines)) if !first.is_empty() => {
                    let message = match lines {
                        0 | 1 => format!("raw HTML `{first}` was removed"),
                        _ => format!("raw HTML `{first}` was removed with the {} lines that follow it", lines - 1),
                    };
                    warn(start, &message);
                }
                _ => {}
            },
            Event::Html(html) if block.is_some() => {
                let Some((_, first, lines)) = block.as_mut() else { continue };
                // Comments are authors' notes, dropped silently; a block of comments only is one.
                if first.is_empty() && safety::is_html_comment(html) {
                    continue;
                }
                if first.is_empty() {
                    *first = shown(html);
                }
                *lines += html.lines().count().max(1);
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                if !safety::is_html_comment(html) {
                    warn(range.start, &format!("raw HTML `{}` was removed", shown(html)));
                }
            }
            _ if block.is_some() => {}
            _ => out.push((event, range)),
        }
    }
    out
}

/// Links and images with a refused scheme lose their link; the text stays.
fn refuse_unsafe_urls<'a>(events: Vec<Spanned<'a>>, report: &Report<'_>) -> Vec<Spanned<'a>> {
    let mut out = Vec::with_capacity(events.len());
    let mut open: Vec<bool> = Vec::new(); // per open link/image: was it dropped?
    for (event, range) in events {
        match &event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                if let UrlKind::Refused(scheme) = safety::classify_url(dest_url) {
                    report(range.start, &|path| {
                        Diagnostic::error(path, format!("links with the `{scheme}:` scheme are not allowed"))
                            .in_category("links")
                            .with_hint("link to an `https://` page or to another `.md` file of the site")
                    });
                    open.push(true);
                    continue;
                }
                open.push(false);
            }
            Event::End(TagEnd::Link | TagEnd::Image) if open.pop() == Some(true) => continue,
            _ => {}
        }
        out.push((event, range));
    }
    out
}

/// Attribute syntax of other Markdown dialects, common in lesson repositories: kramdown's
/// `{: #id .class}` lines and Pandoc's `[text]{#id}` spans. An id becomes an anchor: the id of
/// the heading a kramdown line follows, else an empty anchor where the attributes stood; classes
/// and other attributes only styled the text on another site and are dropped, so the page never
/// shows the braces. Returns the events and the anchors made.
fn dialect_attributes<'a>(events: Vec<Spanned<'a>>, report: &Report<'_>) -> (Vec<Spanned<'a>>, BTreeSet<String>) {
    let events = merge_text(events);
    let mut out: Vec<Spanned<'a>> = Vec::with_capacity(events.len());
    let mut anchors = BTreeSet::new();
    let mut ids_of = |attributes: &str, offset: usize| -> Vec<String> {
        let mut ids = Vec::new();
        for id in attributes.split_whitespace().filter_map(|token| token.strip_prefix('#')) {
            if slug::is_valid_custom_id(id) {
                anchors.insert(id.to_string());
                ids.push(id.to_string());
            } else {
                report(offset, &|path| {
                    Diagnostic::error(path, format!("invalid anchor id `{id}`"))
                        .in_category("anchors")
                        .with_hint("ids use letters, digits, `-` and `_`, e.g. `{#written-agreement}`")
                });
            }
        }
        ids
    };
    let anchor = |id: &str| Event::InlineHtml(CowStr::from(format!("<span id=\"{id}\"></span>")));
    let mut i = 0;
    let mut in_code = false;
    while i < events.len() {
        let (event, range) = &events[i];
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            _ => {}
        }
        if in_code {
            out.push((event.clone(), range.clone()));
            i += 1;
            continue;
        }
        // A paragraph that is only a kramdown attribute line.
        if let (Event::Start(Tag::Paragraph), Some((Event::Text(text), _)), Some((Event::End(TagEnd::Paragraph), _))) =
            (event, events.get(i + 1), events.get(i + 2))
            && let Some(attributes) = kramdown_attributes(text)
        {
            let ids = ids_of(attributes, range.start);
            let after_heading = out.iter().rposition(|(e, _)| matches!(e, Event::Start(Tag::Heading { .. })));
            match (ids.first(), out.last(), after_heading) {
                (Some(id), Some((Event::End(TagEnd::Heading(_)), _)), Some(start)) => {
                    if let Event::Start(Tag::Heading { id: heading_id, .. }) = &mut out[start].0 {
                        *heading_id = Some(CowStr::from(id.clone()));
                    }
                }
                _ => out.extend(ids.iter().map(|id| (anchor(id), range.clone()))),
            }
            i += 3;
            continue;
        }
        match event {
            // A kramdown line at the end of a paragraph or quote (a lazy continuation line).
            Event::Text(text)
                if let Some(attributes) = kramdown_attributes(text)
                    && matches!(out.last(), Some((Event::SoftBreak, _)))
                    && matches!(events.get(i + 1), Some((Event::End(_), _))) =>
            {
                out.pop();
                let ids = ids_of(attributes, range.start);
                out.extend(ids.iter().map(|id| (anchor(id), range.clone())));
            }
            Event::Text(text) if text.contains("]{") => {
                let mut rest: &str = text;
                let mut pieces: Vec<Event<'a>> = Vec::new();
                while let Some((before, content, attributes, after)) = pandoc_span(rest) {
                    pieces.push(Event::Text(CowStr::from(before.to_string())));
                    pieces.extend(ids_of(attributes, range.start).iter().map(|id| anchor(id)));
                    pieces.push(Event::Text(CowStr::from(content.to_string())));
                    rest = after;
                }
                if pieces.is_empty() {
                    out.push((event.clone(), range.clone()));
                } else {
                    pieces.push(Event::Text(CowStr::from(rest.to_string())));
                    out.extend(
                        pieces
                            .into_iter()
                            .filter(|e| !matches!(e, Event::Text(t) if t.is_empty()))
                            .map(|e| (e, range.clone())),
                    );
                }
            }
            _ => out.push((event.clone(), range.clone())),
        }
        i += 1;
    }
    (out, anchors)
}

/// `{: #id .class}` → `#id .class`.
fn kramdown_attributes(text: &str) -> Option<&str> {
    text.trim().strip_prefix("{:")?.strip_suffix('}').filter(|inner| !inner.contains(['{', '}']))
}

/// The first Pandoc span `[content]{attributes}` of `text`: (text before, content, attributes,
/// text after). The content holds no brackets.
fn pandoc_span(text: &str) -> Option<(&str, &str, &str, &str)> {
    let mut from = 0;
    while let Some(close) = text[from..].find("]{").map(|i| i + from) {
        let open = text[..close].rfind('[');
        let end = text[close + 2..].find('}').map(|i| i + close + 2);
        if let (Some(open), Some(end)) = (open, end)
            && !text[open + 1..close].contains(']')
            && !text[close + 2..end].contains('{')
        {
            return Some((&text[..open], &text[open + 1..close], &text[close + 2..end], &text[end + 1..]));
        }
        from = close + 2;
    }
    None
}

/// Adjacent text events as one (the parser splits text at characters that might start markup,
/// such as `[`).
fn merge_text(events: Vec<Spanned<'_>>) -> Vec<Spanned<'_>> {
    let mut out: Vec<Spanned<'_>> = Vec::with_capacity(events.len());
    for (event, range) in events {
        if let (Event::Text(text), Some((Event::Text(previous), previous_range))) = (&event, out.last_mut()) {
            *previous = CowStr::from(format!("{previous}{text}"));
            previous_range.end = range.end;
            continue;
        }
        out.push((event, range));
    }
    out
}

/// Gives every heading a unique id (its `{#id}` or one derived from its text) and collects the
/// table of contents. Classes and other attributes from `{…}` are dropped: attribute names
/// written by partners could be event handlers.
fn assign_heading_ids<'a>(
    mut events: Vec<Spanned<'a>>,
    report: &Report<'_>,
) -> (Vec<Spanned<'a>>, Vec<TocEntry>, BTreeSet<String>) {
    let mut ids = IdAllocator::with_reserved(RESERVED_IDS);
    let mut toc = Vec::new();
    let mut anchors = BTreeSet::new();
    let mut i = 0;
    while i < events.len() {
        let (Event::Start(Tag::Heading { level, id, .. }), range) = &events[i] else {
            i += 1;
            continue;
        };
        let (level, custom, offset) = (*level, id.clone(), range.start);
        let text = heading_text(&events[i + 1..]);
        let id = match custom {
            Some(custom) if !slug::is_valid_custom_id(&custom) => {
                report(offset, &|path| {
                    Diagnostic::error(path, format!("invalid heading id `{custom}`"))
                        .in_category("anchors")
                        .with_hint("heading ids use letters, digits, `-` and `_`, e.g. `{#written-agreement}`")
                });
                ids.unique(&slug::slugify(&text))
            }
            Some(custom) if !ids.claim(&custom) => {
                let message = if RESERVED_IDS.contains(&custom.as_ref()) {
                    format!("heading id `{custom}` is used by the theme on every page")
                } else {
                    format!("heading id `{custom}` is used twice on this page")
                };
                report(offset, &|path| {
                    Diagnostic::error(path, message.clone())
                        .in_category("anchors")
                        .with_hint("give each heading its own `{#id}`")
                });
                // Made a warning, the page still has unique ids (`#x` leads to the first).
                ids.unique(&custom)
            }
            Some(custom) => custom.to_string(),
            None => ids.unique(&slug::slugify(&text)),
        };
        if matches!(level, HeadingLevel::H2 | HeadingLevel::H3) {
            toc.push(TocEntry { level: level as u8, id: id.clone(), text: text.clone() });
        }
        anchors.insert(id.clone());
        events[i].0 =
            Event::Start(Tag::Heading { level, id: Some(CowStr::from(id)), classes: Vec::new(), attrs: Vec::new() });
        i += 1;
    }
    // Footnote definitions are link targets too.
    for (event, _) in &events {
        if let Event::Start(Tag::FootnoteDefinition(label)) = event {
            anchors.insert(label.to_string());
        }
    }
    (events, toc, anchors)
}

/// The plain text of a heading whose start event precedes `rest`.
fn heading_text(rest: &[Spanned<'_>]) -> String {
    let mut text = String::new();
    for (event, _) in rest {
        match event {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text.trim().to_string()
}

/// Alt text is mandatory; `![](x.svg "decorative")` marks an image as decorative (empty alt, no
/// title). Images from other sites are refused unless book.toml allows them: pages must work
/// offline and load nothing from third parties, so such an image is written as its alt text
/// even when book.toml makes the problem a warning.
fn check_images<'a>(
    mut events: Vec<Spanned<'a>>,
    remote_images: RemoteImages,
    report: &Report<'_>,
) -> Vec<Spanned<'a>> {
    let mut remote = vec![false; events.len()];
    for i in 0..events.len() {
        let (Event::Start(Tag::Image { link_type, dest_url, title, id }), range) = &events[i] else {
            continue;
        };
        let offset = range.start;
        if remote_images == RemoteImages::Refuse && safety::classify_url(dest_url) == UrlKind::External {
            report(offset, &|path| {
                Diagnostic::error(path, format!("image `{dest_url}` is on another site")).in_category("images").with_hint(
                    "download the image (check its licence) into the output's `images/` folder and link it relatively, or let readers' browsers fetch it with book.toml `[markdown] remote-images = \"allow\"`",
                )
            });
            remote[i] = true;
            if let Some(end) = events[i..].iter().position(|(e, _)| matches!(e, Event::End(TagEnd::Image))) {
                remote[i + end] = true;
            }
        }
        let alt = image_alt(&events[i + 1..]);
        let decorative = title.trim().eq_ignore_ascii_case("decorative");
        if decorative {
            let (link_type, dest_url, id) = (*link_type, dest_url.clone(), id.clone());
            events[i].0 = Event::Start(Tag::Image { link_type, dest_url, title: CowStr::from(""), id });
        } else if alt.trim().is_empty() {
            report(offset, &|path| {
                Diagnostic::error(path, "image has no alt text").in_category("alt-text")
                    .with_hint("describe the image: `![What the figure shows](images/x.svg)`, or mark it `![](images/x.svg \"decorative\")`")
            });
        }
    }
    events.into_iter().zip(remote).filter(|(_, remote)| !remote).map(|(event, _)| event).collect()
}

fn image_alt(rest: &[Spanned<'_>]) -> String {
    let mut alt = String::new();
    for (event, _) in rest {
        match event {
            Event::End(TagEnd::Image) => break,
            Event::Text(t) | Event::Code(t) => alt.push_str(t),
            _ => {}
        }
    }
    alt
}

/// `> [!NOTE]` boxes with a title in the document's language.
fn render_alerts<'a>(events: impl IntoIterator<Item = Event<'a>>, labels: &AlertLabels) -> Vec<Event<'a>> {
    let mut open: Vec<bool> = Vec::new();
    events
        .into_iter()
        .map(|event| match event {
            Event::Start(Tag::BlockQuote(kind)) => {
                open.push(kind.is_some());
                match kind {
                    Some(kind) => {
                        let (class, title) = alert_class_and_title(kind, labels);
                        let html = format!(
                            "<aside class=\"alert alert-{class}\"><p class=\"alert-title\">{}</p>\n",
                            escape(title)
                        );
                        Event::Html(html.into())
                    }
                    None => Event::Start(Tag::BlockQuote(None)),
                }
            }
            Event::End(TagEnd::BlockQuote(kind)) => {
                if open.pop() == Some(true) {
                    Event::Html("</aside>\n".into())
                } else {
                    Event::End(TagEnd::BlockQuote(kind))
                }
            }
            other => other,
        })
        .collect()
}

/// The CSS class suffix and the title in the document's language of an alert kind.
pub fn alert_class_and_title(kind: BlockQuoteKind, labels: &AlertLabels) -> (&'static str, &str) {
    match kind {
        BlockQuoteKind::Note => ("note", &labels.note),
        BlockQuoteKind::Tip => ("tip", &labels.tip),
        BlockQuoteKind::Important => ("important", &labels.important),
        BlockQuoteKind::Warning => ("warning", &labels.warning),
        BlockQuoteKind::Caution => ("caution", &labels.caution),
    }
}

/// Task lists are checklists to work through (often on paper): a box drawn as a character
/// instead of a disabled, unlabelled form control, with the ticked state spelled out for
/// screen readers.
fn render_task_markers<'a>(events: Vec<Event<'a>>, labels: &AlertLabels) -> Vec<Event<'a>> {
    events
        .into_iter()
        .map(|event| match event {
            Event::TaskListMarker(false) => {
                Event::Html("<span class=\"task-box\" aria-hidden=\"true\">☐</span> ".into())
            }
            Event::TaskListMarker(true) => {
                let html = format!(
                    "<span class=\"task-box\" aria-hidden=\"true\">☑</span><span class=\"visually-hidden\">{} </span> ",
                    escape(&labels.task_done)
                );
                Event::Html(html.into())
            }
            other => other,
        })
        .collect()
}

/// Highlights every fenced code block with a language once per document (warning about unknown
/// languages); the HTML writer picks the results up in order.
fn highlight_code(events: &[Spanned<'_>], report: &Report<'_>) -> Vec<Option<String>> {
    let mut highlighted = Vec::new();
    let mut block: Option<(String, String, usize)> = None; // (language, code, offset)
    for (event, range) in events {
        match event {
            Event::Start(Tag::CodeBlock(kind)) => block = Some((code_language(kind), String::new(), range.start)),
            Event::Text(text) if block.is_some() => block.as_mut().expect("inside a block").1.push_str(text),
            Event::End(TagEnd::CodeBlock) => {
                let (lang, code, offset) = block.take().expect("code block was open");
                // `text` and its kin ask for no highlighting.
                let plain = lang.is_empty() || matches!(lang.as_str(), "text" | "txt" | "plain" | "plaintext");
                let html = (!plain).then(|| highlight::highlight(&code, &lang)).flatten();
                if !plain && html.is_none() && code.len() <= highlight::MAX_HIGHLIGHTED_BYTES {
                    report(offset, &|path| {
                        Diagnostic::warning(path, format!("unknown code language `{lang}`")).in_category("code")
                            .with_hint("the block is shown without highlighting; use a common name such as `yaml`, `json`, `toml` or `text`")
                    });
                }
                highlighted.push(html);
            }
            _ => {}
        }
    }
    highlighted
}

/// Code blocks as `<pre>`, with the highlighted HTML from [`highlight_code`] when there is one.
fn render_code_blocks<'a>(events: Vec<Event<'a>>, highlighted: &[Option<String>]) -> Vec<Event<'a>> {
    let mut out = Vec::with_capacity(events.len());
    let mut block: Option<(String, String)> = None; // (language, code)
    let mut number = 0;
    for event in events {
        match event {
            Event::Start(Tag::CodeBlock(kind)) => block = Some((code_language(&kind), String::new())),
            Event::Text(text) if block.is_some() => block.as_mut().expect("inside a block").1.push_str(&text),
            Event::End(TagEnd::CodeBlock) => {
                let (lang, code) = block.take().expect("code block was open");
                let inner = highlighted.get(number).cloned().flatten().unwrap_or_else(|| escape(&code));
                number += 1;
                let class = if lang.is_empty() { String::new() } else { format!(" data-lang=\"{}\"", escape(&lang)) };
                let html = format!("<pre class=\"code\"{class} tabindex=\"0\"><code>{inner}</code></pre>\n");
                out.push(Event::Html(html.into()));
            }
            other => out.push(other),
        }
    }
    out
}

/// Wide tables scroll inside their own box on a phone instead of widening the page. A column's
/// alignment (`:---:`) becomes a class on its cells (`align-center`), not the `style` attribute
/// pulldown-cmark writes: a host's Content-Security-Policy without `'unsafe-inline'` styles
/// (README, "For hosts") would ignore that attribute.
fn wrap_tables(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out = Vec::with_capacity(events.len() + 8);
    let mut alignments: Vec<Alignment> = Vec::new();
    let mut in_head = false;
    let mut column = 0;
    for event in events {
        match event {
            Event::Start(Tag::Table(columns)) => {
                out.push(Event::Html("<div class=\"table-wrap\" tabindex=\"0\">\n".into()));
                // The cells are written below, with classes: pulldown-cmark writes no alignment.
                out.push(Event::Start(Tag::Table(Vec::new())));
                alignments = columns;
            }
            Event::End(TagEnd::Table) => {
                out.push(Event::End(TagEnd::Table));
                out.push(Event::Html("</div>\n".into()));
            }
            Event::Start(Tag::TableHead) => {
                in_head = true;
                column = 0;
                out.push(event);
            }
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                out.push(event);
            }
            Event::Start(Tag::TableRow) => {
                column = 0;
                out.push(event);
            }
            Event::Start(Tag::TableCell) => {
                let cell = if in_head { "th" } else { "td" };
                let class = match alignments.get(column) {
                    Some(Alignment::Left) => " class=\"align-left\"",
                    Some(Alignment::Center) => " class=\"align-center\"",
                    Some(Alignment::Right) => " class=\"align-right\"",
                    Some(Alignment::None) | None => "",
                };
                out.push(Event::Html(format!("<{cell}{class}>").into()));
            }
            Event::End(TagEnd::TableCell) => {
                out.push(Event::Html(if in_head { "</th>" } else { "</td>" }.into()));
                column += 1;
            }
            _ => out.push(event),
        }
    }
    out
}

/// Minimal HTML escaping for text we place into markup ourselves.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Whether an event is a link of a kind that carries a destination we must resolve.
pub fn is_resolvable(link_type: LinkType) -> bool {
    !matches!(link_type, LinkType::Email)
}
