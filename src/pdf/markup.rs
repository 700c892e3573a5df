//! Prepared Markdown events → typst markup, for one document in one reader's PDF.
//!
//! Everything a partner wrote reaches typst as *text*: prose is backslash-escaped character by
//! character ([`escape_text`]), and every other value (URLs, alt text, code, titles) is a typst
//! string literal ([`string`]). Structure (emphasis, lists, tables, alerts…) is written as
//! function calls with content blocks, never as markup shorthands, so that no combination of
//! characters in the text can open or close a construct. Each embedded call ends with `;`,
//! which stops typst from reading the text after it as more of the expression (`#emph[a].b`).
//!
//! The writer also records a source map (typst offset → Markdown offset), so that an error
//! typst finds in the generated file can name the author's file and line.

use std::collections::BTreeMap;
use std::ops::Range;

use pulldown_cmark::{Alignment, Event, HeadingLevel, Tag, TagEnd};

use crate::content::activities::BlockKind;
use crate::markdown::{Prepared, View, alert_class_and_title, code_language};

/// The longest URL typst links (`typst::model::Url`).
const MAX_PDF_URL_BYTES: usize = 8000;

/// Where a link or image of the document leads in the PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// A URL (a web page of the site, an asset, an external site).
    Url(String),
    /// A heading or footnote of the same document (`#fragment` links).
    Fragment(String),
    /// A typst label of the same PDF (a chapter of an output's book).
    Label(String),
    /// An image file mounted in the typst world (`/media/…`).
    Image(String),
    /// No link: the text stays, the link goes (broken links are reported by the HTML pass).
    None,
}

/// How one document is written into a PDF.
pub struct MarkupOptions<'a> {
    /// Added to Markdown heading levels: `-1` in a module's own PDF (its `##` sections are the
    /// PDF's top level), `0` in an output's book (the module title is the chapter heading).
    pub heading_shift: i8,
    /// Prefix of the labels of this document's headings and footnotes, unique within the PDF.
    pub label_prefix: &'a str,
    /// Resolves the n-th link or image (`dest`, whether it is an image, its number).
    pub resolve: &'a dyn Fn(&str, bool, usize) -> LinkTarget,
    /// Whom the PDF is for: participants get no trainer notes; a trainer gets them set apart.
    pub view: View,
    /// Only these prepared events (a handout: one activity); `None`: the whole text.
    pub only: Option<Range<usize>>,
    /// Whether `[!MATERIALS]` boxes are written (a handout for participants leaves them out).
    pub materials: bool,
    /// The web address of the text, for `#fragment` links to headings this PDF does not hold
    /// (a handout's links to the rest of its module).
    pub web_url: Option<&'a str>,
}

/// Typst markup with a map back to the Markdown it came from.
#[derive(Debug, Default, Clone)]
pub struct Markup {
    pub text: String,
    /// (offset in `text`, offset in the Markdown file), ascending.
    pub source_map: Vec<(usize, usize)>,
}

impl Markup {
    /// The Markdown offset the typst offset `at` was written from.
    pub fn source_offset(&self, at: usize) -> Option<usize> {
        let index = self.source_map.partition_point(|&(typst, _)| typst <= at);
        index.checked_sub(1).map(|i| self.source_map[i].1)
    }

    /// Appends `other` (written for the same Markdown file, or any other: the caller keeps
    /// track of which), shifting its source map.
    pub fn push_markup(&mut self, other: Markup) {
        let base = self.text.len();
        self.source_map.extend(other.source_map.into_iter().map(|(t, m)| (t + base, m)));
        self.text.push_str(&other.text);
    }
}

/// Writes the body of `prepared` as typst markup.
pub fn write_body(prepared: &Prepared, options: &MarkupOptions<'_>) -> Markup {
    let events = &prepared.events;
    let written = options.only.clone().unwrap_or(0..events.len());
    let labels = heading_labels(prepared, options.view, options.only.clone(), options.label_prefix);
    let footnotes = collect_footnotes(events);
    let mut writer = Writer {
        prepared,
        options,
        labels: &labels,
        footnotes: &footnotes,
        written_footnotes: BTreeMap::new(),
        out: Markup::default(),
        link_number: 0,
        image: None,
        code: None,
        heading_label: None,
        index: 0,
    };
    let mut skip_until = None;
    for (index, event) in events.iter().enumerate() {
        if let Some(end) = skip_until {
            if index <= end {
                continue;
            }
            skip_until = None;
        }
        if let Event::Start(Tag::FootnoteDefinition(label)) = event {
            // Definitions are written where they are referenced.
            skip_until = footnotes.get(label.as_ref()).map(|&(_, end)| end);
            continue;
        }
        // What this reader does not get: trainer notes for participants, materials on a
        // handout, the rest of the module around a handout. Its links still count, so that
        // later links keep their numbers.
        let materials =
            || prepared.marks.blocks.iter().any(|(kind, r)| *kind == BlockKind::Materials && r.contains(&index));
        if prepared.marks.hidden(index, options.view)
            || !written.contains(&index)
            || (!options.materials && materials())
        {
            if matches!(event, Event::Start(Tag::Link { .. } | Tag::Image { .. })) {
                writer.link_number += 1;
            }
            continue;
        }
        writer.event(index, event);
    }
    writer.out
}

/// Labels for the id of every heading a PDF written for `view` holds (`<m3-h2>`: ids may hold
/// characters typst labels do not allow), of the events `only` or all; a link to any other
/// heading has no label to lead to.
pub fn heading_labels(
    prepared: &Prepared,
    view: View,
    only: Option<Range<usize>>,
    prefix: &str,
) -> BTreeMap<String, String> {
    let written = only.unwrap_or(0..prepared.events.len());
    let mut labels = BTreeMap::new();
    for (index, event) in prepared.events.iter().enumerate() {
        if let Event::Start(Tag::Heading { id: Some(id), .. }) = event
            && written.contains(&index)
            && !prepared.marks.hidden(index, view)
        {
            let label = format!("{prefix}h{}", labels.len() + 1);
            labels.entry(id.to_string()).or_insert(label);
        }
    }
    labels
}

/// Footnote definitions by label: (index of their start event, index of their end event).
fn collect_footnotes(events: &[Event<'_>]) -> BTreeMap<String, (usize, usize)> {
    let mut footnotes = BTreeMap::new();
    let mut open: Option<(String, usize)> = None;
    for (index, event) in events.iter().enumerate() {
        match event {
            Event::Start(Tag::FootnoteDefinition(label)) if open.is_none() => open = Some((label.to_string(), index)),
            Event::End(TagEnd::FootnoteDefinition) => {
                if let Some((label, start)) = open.take() {
                    footnotes.entry(label).or_insert((start, index));
                }
            }
            _ => {}
        }
    }
    footnotes
}

struct Writer<'a> {
    prepared: &'a Prepared,
    options: &'a MarkupOptions<'a>,
    labels: &'a BTreeMap<String, String>,
    footnotes: &'a BTreeMap<String, (usize, usize)>,
    /// Footnotes already written, by Markdown label → typst label.
    written_footnotes: BTreeMap<String, String>,
    out: Markup,
    link_number: usize,
    /// Inside an image: its target, and the alt text being collected.
    image: Option<(LinkTarget, String)>,
    /// Inside a fenced or indented code block: its language and the code so far.
    code: Option<(String, String)>,
    /// The label of the heading being written.
    heading_label: Option<String>,
    /// The index of the event being written.
    index: usize,
}

impl Writer<'_> {
    fn push(&mut self, text: &str) {
        self.out.text.push_str(text);
    }

    fn event(&mut self, index: usize, event: &Event<'_>) {
        self.index = index;
        if let Some(&offset) = self.prepared.offsets.get(index) {
            let at = self.out.text.len();
            if self.out.source_map.last().is_none_or(|&(_, m)| m != offset) {
                self.out.source_map.push((at, offset));
            }
        }
        if let Some((_, code)) = &mut self.code {
            // The code is in the Text events up to the end of the block.
            match event {
                Event::Text(text) => code.push_str(text),
                Event::End(TagEnd::CodeBlock) => self.end(TagEnd::CodeBlock),
                _ => {}
            }
            return;
        }
        if let Some((_, alt)) = &mut self.image {
            // Inside `![alt](…)`, text is the alternative text, not content.
            match event {
                Event::Text(text) | Event::Code(text) => alt.push_str(text),
                Event::SoftBreak | Event::HardBreak => alt.push(' '),
                Event::End(TagEnd::Image) => self.end_image(),
                _ => {}
            }
            return;
        }
        let marked = self.prepared.marks.blocks.iter().find(|(_, r)| r.start == index).map(|(kind, _)| *kind);
        match event {
            // A `[!MATERIALS]` quote is a box with its title, as on the page; so is a
            // `[!TRAINER]` quote in the trainer's PDF (participants never get one).
            Event::Start(Tag::BlockQuote(None)) if marked.is_some() => {
                let labels = &self.prepared.labels;
                let (kind, title) = match marked {
                    Some(BlockKind::Trainer) => ("trainer", &labels.trainer_note),
                    _ => ("materials", &labels.materials),
                };
                let call = format!("\n#alert({}, {})[", string(kind), string(title));
                self.push(&call);
            }
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(*tag),
            Event::Text(text) => {
                let escaped = escape_text(text);
                self.push(&escaped);
            }
            Event::Code(code) => {
                let call = format!("#raw({});", string(code));
                self.push(&call);
            }
            Event::SoftBreak => self.push(" "),
            Event::HardBreak => self.push("#linebreak();"),
            Event::Rule => self.push("\n#line(length: 100%, stroke: 0.5pt + luma(60%));\n\n"),
            Event::TaskListMarker(done) => self.push(if *done { "#task-box(true);" } else { "#task-box(false);" }),
            Event::FootnoteReference(label) => self.footnote_reference(label),
            // Raw HTML (only kept with `raw-html = "sanitize"`) has no meaning in a PDF; math
            // is not enabled.
            Event::Html(_) | Event::InlineHtml(_) | Event::InlineMath(_) | Event::DisplayMath(_) => {}
        }
    }

    fn start(&mut self, tag: &Tag<'_>) {
        match tag {
            Tag::Paragraph => {}
            Tag::Heading { level, id, .. } => {
                self.heading_label = id.as_ref().and_then(|id| self.labels.get(id.as_ref())).cloned();
                let level = (heading_number(*level) + self.options.heading_shift).clamp(1, 6);
                let call = format!("\n#heading(level: {level})[");
                self.push(&call);
            }
            Tag::BlockQuote(Some(kind)) => {
                let (class, title) = alert_class_and_title(*kind, &self.prepared.labels);
                let call = format!("\n#alert({}, {})[", string(class), string(title));
                self.push(&call);
            }
            Tag::BlockQuote(None) => self.push("\n#quote(block: true)["),
            Tag::CodeBlock(kind) => self.code = Some((code_language(kind), String::new())),
            Tag::List(None) => self.push("\n#list("),
            Tag::List(Some(start)) => {
                let call = format!("\n#enum(start: {start}, ");
                self.push(&call);
            }
            Tag::Item => self.push("["),
            Tag::Table(alignments) => self.start_table(alignments),
            Tag::TableHead => self.push("table.header("),
            Tag::TableRow => {}
            Tag::TableCell => self.push("["),
            Tag::Emphasis => self.push("#emph["),
            Tag::Strong => self.push("#strong["),
            Tag::Strikethrough => self.push("#strike["),
            Tag::Link { dest_url, .. } => {
                let target = self.next_target(dest_url, false);
                let call = match target {
                    // Typst refuses URLs longer than 8000 bytes (PDF readers cut them too):
                    // the text stays, unlinked, as for a link that cannot be resolved.
                    LinkTarget::Url(url) if url.len() > MAX_PDF_URL_BYTES => "#[".to_string(),
                    LinkTarget::Url(url) => format!("#link({})[", string(&url)),
                    LinkTarget::Fragment(fragment) => match (self.label_for(&fragment), self.options.web_url) {
                        (Some(label), _) => format!("#link(label({}))[", string(&label)),
                        // A part of the text this PDF leaves out: on the web page.
                        (None, Some(url)) => {
                            format!("#link({})[", string(&format!("{url}#{}", crate::urls::encode_path(&fragment))))
                        }
                        (None, None) => "#[".to_string(),
                    },
                    LinkTarget::Label(label) => format!("#link(label({}))[", string(&label)),
                    LinkTarget::Image(_) | LinkTarget::None => "#[".to_string(),
                };
                self.push(&call);
            }
            Tag::Image { dest_url, .. } => {
                let target = self.next_target(dest_url, true);
                self.image = Some((target, String::new()));
            }
            Tag::FootnoteDefinition(_) => {}
            Tag::HtmlBlock
            | Tag::MetadataBlock(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::Superscript
            | Tag::Subscript => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => self.push("\n\n"),
            TagEnd::Heading(_) => {
                let close = match self.heading_label.take() {
                    Some(label) => format!("] #label({});\n\n", string(&label)),
                    None => "];\n\n".to_string(),
                };
                self.push(&close);
                // An activity's minutes and format, under its heading as on the page.
                let marks = &self.prepared.marks;
                if let Some((_, activity, _)) = marks.activity_ends.iter().find(|(end, ..)| *end == self.index) {
                    let activity = &marks.facilitation.activities[*activity];
                    let call = format!(
                        "#activity-meta({});\n\n",
                        string(&crate::markdown::activity_summary(activity, &self.prepared.labels))
                    );
                    self.push(&call);
                }
            }
            TagEnd::BlockQuote(_) => self.push("];\n\n"),
            TagEnd::CodeBlock => {
                let (lang, code) = self.code.take().unwrap_or_default();
                // As on the web page, a block too long to highlight quickly is shown plain: typst
                // took minutes to highlight a 1 MB line of JSON.
                let plain = lang.is_empty() || code.len() > crate::markdown::highlight::MAX_HIGHLIGHTED_BYTES;
                let lang = if plain { "none".to_string() } else { string(&lang) };
                let call = format!("\n#code-block(lang: {lang}, {});\n\n", string(code.trim_end_matches('\n')));
                self.push(&call);
            }
            TagEnd::List(_) => self.push(");\n\n"),
            TagEnd::Item => self.push("], "),
            TagEnd::Table => self.push(");\n\n"),
            TagEnd::TableHead => self.push("),\n  "),
            TagEnd::TableRow => self.push("\n  "),
            TagEnd::TableCell => self.push("], "),
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link => self.push("];"),
            TagEnd::Image => self.end_image(),
            TagEnd::FootnoteDefinition
            | TagEnd::HtmlBlock
            | TagEnd::MetadataBlock(_)
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::Superscript
            | TagEnd::Subscript => {}
        }
    }

    /// The target of the next link or image, in document order (the resolver counts them).
    fn next_target(&mut self, dest: &str, is_image: bool) -> LinkTarget {
        let number = self.link_number;
        self.link_number += 1;
        (self.options.resolve)(dest, is_image, number)
    }

    fn label_for(&self, fragment: &str) -> Option<String> {
        self.labels.get(fragment).cloned().or_else(|| {
            self.written_footnotes
                .get(fragment)
                .cloned()
                .or_else(|| self.footnotes.contains_key(fragment).then(|| self.footnote_label(fragment)))
        })
    }

    fn footnote_label(&self, label: &str) -> String {
        let number = self.footnotes.keys().position(|l| l == label).unwrap_or(0) + 1;
        format!("{}fn{number}", self.options.label_prefix)
    }

    fn end_image(&mut self) {
        let Some((target, alt)) = self.image.take() else { return };
        let LinkTarget::Image(path) = target else {
            // An image that could not be resolved (reported by the HTML pass): its alt text.
            let escaped = escape_text(&alt);
            self.push(&escaped);
            return;
        };
        let alt = alt.trim();
        // The `image` call is written here, not in the theme, so that typst's errors about the
        // file (a broken PNG) point at this line and so at the Markdown. A decorative image (no
        // alt text by the author's choice) is an artifact: PDF/UA wants alt text on every image
        // a reader is told about, and nothing on an ornament.
        let call = if alt.is_empty() {
            format!("#pdf.artifact(figure-image(image({})));", string(&path))
        } else {
            format!("#figure-image(image({}, alt: {}));", string(&path), string(alt))
        };
        self.push(&call);
    }

    fn start_table(&mut self, alignments: &[Alignment]) {
        let align: Vec<&str> = alignments
            .iter()
            .map(|a| match a {
                Alignment::None | Alignment::Left => "left",
                Alignment::Center => "center",
                Alignment::Right => "right",
            })
            .collect();
        let call = format!("\n#data-table(columns: {}, align: ({},),\n  ", alignments.len(), align.join(", "));
        self.push(&call);
    }

    fn footnote_reference(&mut self, label: &str) {
        if let Some(typst_label) = self.written_footnotes.get(label) {
            let call = format!("#footnote(label({}));", string(typst_label));
            self.push(&call);
            return;
        }
        let Some(&(start, end)) = self.footnotes.get(label) else {
            return;
        };
        let typst_label = self.footnote_label(label);
        self.written_footnotes.insert(label.to_string(), typst_label.clone());
        self.push("#footnote[");
        for index in start + 1..end {
            let event = &self.prepared.events[index];
            self.event(index, event);
        }
        // A footnote's single paragraph must not leave a blank line inside the note.
        while self.out.text.ends_with('\n') {
            self.out.text.pop();
        }
        let close = format!("] #label({});", string(&typst_label));
        self.push(&close);
    }
}

fn heading_number(level: HeadingLevel) -> i8 {
    level as i8
}

/// Text as typst markup: every character typst markup could read as syntax is escaped with a
/// backslash (which typst accepts before any non-space character), so the text is shown
/// exactly as written. Line breaks become spaces (the Markdown's soft breaks).
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut previous = ' ';
    for c in text.chars() {
        match c {
            '\\' | '#' | '$' | '*' | '_' | '`' | '<' | '>' | '@' | '[' | ']' | '{' | '}' | '~' | '/' | '-' | '+'
            | '=' | ':' | '\'' | '"' | ';' => {
                out.push('\\');
                out.push(c);
            }
            // `1.` would start a numbered list at the beginning of a line; `...` is typst's
            // shorthand for an ellipsis.
            '.' if previous.is_ascii_digit() || previous == '.' => out.push_str("\\."),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
        previous = c;
    }
    out
}

/// A typst string literal holding `text` exactly.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A typst array of string literals: `("a", "b",)`.
pub fn string_array<S: AsRef<str>>(items: &[S]) -> String {
    let mut out = String::from("(");
    for item in items {
        out.push_str(&string(item.as_ref()));
        out.push_str(", ");
    }
    out.push(')');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything_typst_markup_could_read_as_syntax() {
        assert_eq!(escape_text("#read(\"x\") $a$ @b <c>"), "\\#read(\\\"x\\\") \\$a\\$ \\@b \\<c\\>");
        assert_eq!(escape_text("1. a... // b"), "1\\. a.\\.\\. \\/\\/ b");
        assert_eq!(escape_text("- = + * _ ` [ ] { } ~ \\"), "\\- \\= \\+ \\* \\_ \\` \\[ \\] \\{ \\} \\~ \\\\");
        assert_eq!(escape_text("line\nbreak\u{7}"), "line break");
    }

    #[test]
    fn strings_are_typst_string_literals() {
        assert_eq!(string("a \"b\" \\ c\n"), "\"a \\\"b\\\" \\\\ c\\n\"");
        assert_eq!(string("\u{1}"), "\"\\u{1}\"");
        assert_eq!(string_array(&["x", "y"]), "(\"x\", \"y\", )");
    }
}
