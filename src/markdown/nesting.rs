//! A limit on how deeply Markdown may nest (lists in lists, quotes in quotes, emphasis in
//! emphasis, footnotes whose text refers to further footnotes).
//!
//! pulldown-cmark and the HTML writer handle any depth, but the PDF does not: each level becomes
//! a typst call inside the previous one, and typst stops at its parser's and show rules' depth
//! limits (a quote nested 16 deep already fails) with messages about typst, not about the page;
//! a chain of 100 000 footnotes each citing the next overflowed the stack of the PDF writer.
//! Real lessons nest a few levels, so a partner who goes past [`MAX_NESTING`] is told where,
//! and the offending block is left out of the (refused) build so that no later stage sees it.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use crate::diag::Diagnostic;

type Spanned<'a> = (Event<'a>, Range<usize>);

/// Levels of nesting a document may use: below what the PDF can typeset with the default theme
/// (block quotes, the costliest level, fail at 16).
pub const MAX_NESTING: usize = 12;

/// What one level of nesting is called in an error, `None` for tags that only come with their
/// parent (a list's items, a table's rows, a paragraph).
fn level_name(tag: &Tag<'_>) -> Option<&'static str> {
    match tag {
        Tag::List(_) => Some("lists"),
        Tag::BlockQuote(_) => Some("block quotes"),
        Tag::Emphasis | Tag::Strong => Some("emphasis"),
        Tag::Strikethrough => Some("strikethrough"),
        Tag::Link { .. } => Some("links"),
        Tag::Image { .. } => Some("images"),
        Tag::FootnoteDefinition(_) => Some("footnotes"),
        Tag::Table(_) => Some("tables"),
        Tag::Heading { .. } => Some("headings"),
        Tag::CodeBlock(_) => Some("code blocks"),
        Tag::Superscript | Tag::Subscript => Some("superscripts"),
        Tag::DefinitionList => Some("definition lists"),
        Tag::Paragraph
        | Tag::Item
        | Tag::TableHead
        | Tag::TableRow
        | Tag::TableCell
        | Tag::HtmlBlock
        | Tag::MetadataBlock(_)
        | Tag::DefinitionListTitle
        | Tag::DefinitionListDefinition => None,
    }
}

/// A document whose top-level block nests too deeply, found by [`limit_nesting`].
struct TooDeep {
    /// Byte offset of the first level past the limit.
    offset: usize,
    /// The deepest nesting of the block.
    depth: usize,
    /// What nests, in the order the levels open.
    names: Vec<&'static str>,
}

/// Reports every top-level block nested deeper than [`MAX_NESTING`] (counting a footnote's text
/// where the PDF writes it: inside the first reference to it) and drops those blocks.
pub fn limit_nesting<'a>(events: Vec<Spanned<'a>>, report: &super::Report<'_>) -> Vec<Spanned<'a>> {
    let footnotes = footnote_ranges(&events);
    let mut entered: BTreeSet<&str> = BTreeSet::new();
    // The main flow, and the footnote texts being followed: (next event, end of the range).
    let mut frames: Vec<(usize, usize)> = vec![(0, events.len())];
    // One entry per open tag (and per footnote followed): its level's name, if it is a level.
    let mut open: Vec<Option<&'static str>> = Vec::new();
    let mut levels = 0usize;
    let mut block_start = 0; // the main flow's current top-level block
    let mut too_deep: Option<TooDeep> = None;
    let mut dropped: Vec<(Range<usize>, TooDeep)> = Vec::new();
    while let Some(frame) = frames.last_mut() {
        if frame.0 >= frame.1 {
            frames.pop();
            if !frames.is_empty() && open.pop().flatten().is_some() {
                levels -= 1;
            }
            continue;
        }
        let index = frame.0;
        frame.0 += 1;
        let in_main_flow = frames.len() == 1;
        let (event, range) = &events[index];
        if in_main_flow && open.is_empty() {
            if let Some(found) = too_deep.take() {
                dropped.push((block_start..index, found));
            }
            block_start = index;
        }
        let opened = match event {
            Event::Start(tag) => {
                open.push(level_name(tag));
                level_name(tag)
            }
            Event::End(_) => {
                if open.pop().flatten().is_some() {
                    levels -= 1;
                }
                None
            }
            Event::FootnoteReference(label) => match footnotes.get(label.as_ref()) {
                Some(&(start, end)) if entered.insert(label.as_ref()) => {
                    open.push(Some("footnotes"));
                    frames.push((start + 1, end));
                    Some("footnotes")
                }
                _ => None,
            },
            _ => None,
        };
        if opened.is_some() {
            levels += 1;
            if levels > MAX_NESTING {
                let found =
                    too_deep.get_or_insert_with(|| TooDeep { offset: range.start, depth: 0, names: Vec::new() });
                if levels > found.depth {
                    found.depth = levels;
                    found.names = open.iter().flatten().copied().collect();
                }
            }
        }
    }
    if let Some(found) = too_deep.take() {
        dropped.push((block_start..events.len(), found));
    }
    if dropped.is_empty() {
        return events;
    }
    for (_, found) in &dropped {
        let mut names: Vec<&str> = Vec::new();
        for name in &found.names {
            if !names.contains(name) {
                names.push(name);
            }
        }
        let names = match names.split_last() {
            Some((last, [])) => last.to_string(),
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
            None => "blocks".to_string(),
        };
        let message = format!("{names} nested {} deep; the limit is {MAX_NESTING}", found.depth);
        report(found.offset, &|path| {
            Diagnostic::error(path, message.clone()).with_hint(
                "split the text into shorter lists, quotes or footnotes: deeper nesting cannot be typeset in the PDF and is hard to follow",
            )
        });
    }
    events
        .into_iter()
        .enumerate()
        .filter(|(index, _)| !dropped.iter().any(|(range, _)| range.contains(index)))
        .map(|(_, event)| event)
        .collect()
}

/// Footnote definitions by label: (index of their start event, index of their end event).
fn footnote_ranges<'e>(events: &'e [Spanned<'_>]) -> BTreeMap<&'e str, (usize, usize)> {
    let mut ranges = BTreeMap::new();
    let mut open: Option<(&str, usize)> = None;
    let mut depth = 0usize;
    for (index, (event, _)) in events.iter().enumerate() {
        match event {
            Event::Start(Tag::FootnoteDefinition(label)) if depth == 0 => {
                open = Some((label.as_ref(), index));
                depth = 1;
            }
            Event::Start(_) if depth > 0 => depth += 1,
            Event::End(TagEnd::FootnoteDefinition) if depth == 1 => {
                if let Some((label, start)) = open.take() {
                    ranges.entry(label).or_insert((start, index));
                }
                depth = 0;
            }
            Event::End(_) if depth > 0 => depth -= 1,
            _ => {}
        }
    }
    ranges
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use pulldown_cmark::Parser;

    use super::*;

    /// The messages reported for `markdown`, and the number of events left.
    fn limited(markdown: &str) -> (Vec<String>, usize) {
        let events: Vec<Spanned<'_>> =
            Parser::new_ext(markdown, crate::content::MARKDOWN_OPTIONS).into_offset_iter().collect();
        let messages = RefCell::new(Vec::new());
        let left =
            limit_nesting(events, &|offset, d| messages.borrow_mut().push(format!("{offset}: {}", d("x.md").message)));
        (messages.into_inner(), left.len())
    }

    #[test]
    fn refuses_deep_lists_and_quotes_and_keeps_other_blocks() {
        let (messages, left) = limited(&format!("Intro.\n\n{}a\n", "- ".repeat(40)));
        assert_eq!(messages, ["32: lists nested 40 deep; the limit is 12"]);
        assert_eq!(left, 3, "the intro paragraph stays");
        let (messages, _) = limited(&format!("{}a\n", "> - ".repeat(10)));
        assert_eq!(messages, ["24: block quotes and lists nested 20 deep; the limit is 12"]);
    }

    #[test]
    fn counts_footnotes_where_they_are_written() {
        let chain: String = (0..20).map(|i| format!("[^{i}]: Note[^{}].\n\n", i + 1)).collect();
        let (messages, _) = limited(&format!("Text[^0].\n\n{chain}"));
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(messages[0].ends_with("footnotes nested 20 deep; the limit is 12"), "{messages:?}");
    }

    #[test]
    fn allows_the_limit() {
        let (messages, _) = limited(&format!("{}a\n", "> ".repeat(MAX_NESTING)));
        assert!(messages.is_empty(), "{messages:?}");
    }
}
