//! The trainer's side of a text among its events ([`crate::content::activities`] finds it in
//! the source): `[!TRAINER]` quotes are hidden from learners and set apart for trainers,
//! `[!MATERIALS]` quotes are boxes for both, and an activity's heading is followed by its
//! duration and format.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use crate::content::activities::{Activity, BlockKind, Facilitation, Format};

use super::{Prepared, Spanned, escape};

/// Whom a page is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Participants: no trainer notes.
    Learner,
    /// The trainer's page: the notes set apart, and the session plan.
    Trainer,
}

/// Where the trainer's markup is among a document's prepared events.
#[derive(Debug, Clone, Default)]
pub struct Marks {
    pub facilitation: Facilitation,
    /// The `[!TRAINER]` and `[!MATERIALS]` quotes: their kind and the indexes of their events,
    /// from the quote's start to its end.
    pub blocks: Vec<(BlockKind, Range<usize>)>,
    /// The index of each activity heading's end event, with the activity's index and the
    /// heading's id on the page.
    pub activity_ends: Vec<(usize, usize, Option<String>)>,
}

impl Marks {
    /// Whether the event at `index` is hidden from readers of `view`.
    pub fn hidden(&self, index: usize, view: View) -> bool {
        view == View::Learner && self.blocks.iter().any(|(kind, r)| *kind == BlockKind::Trainer && r.contains(&index))
    }
}

/// Drops the `[!TRAINER]` and `[!MATERIALS]` markers from the events (with the line break after
/// them, and their paragraph when nothing else is in it): the box's title says what it is.
pub fn drop_markers<'a>(events: Vec<Spanned<'a>>, facilitation: &Facilitation) -> Vec<Spanned<'a>> {
    if facilitation.blocks.is_empty() {
        return events;
    }
    let in_marker = |offset: usize| facilitation.blocks.iter().any(|b| b.marker.contains(&offset));
    let mut out: Vec<Spanned<'a>> = Vec::with_capacity(events.len());
    let mut after_marker = false;
    for (event, range) in events {
        match &event {
            Event::Text(_) if in_marker(range.start) => {
                after_marker = true;
                continue;
            }
            Event::SoftBreak | Event::HardBreak if after_marker => {
                after_marker = false;
                continue;
            }
            Event::End(TagEnd::Paragraph) if matches!(out.last(), Some((Event::Start(Tag::Paragraph), _))) => {
                out.pop();
                after_marker = false;
                continue;
            }
            _ => after_marker = false,
        }
        out.push((event, range));
    }
    out
}

/// The prepared events of activity `activity` (its index among the text's activities): from
/// its heading to the next heading of its level or higher, or to the end of the container the
/// heading is in (a heading in a list item), so that every container opened in the range closes
/// in it.
pub fn activity_events(prepared: &Prepared, activity: usize) -> Option<Range<usize>> {
    let events = &prepared.events;
    let &(end, ..) = prepared.marks.activity_ends.iter().find(|(_, a, _)| *a == activity)?;
    let level = prepared.marks.facilitation.activities[activity].level;
    let start = events[..end].iter().rposition(|e| matches!(e, Event::Start(Tag::Heading { .. })))?;
    let mut depth = 0usize;
    let mut stop = events.len();
    for (index, event) in events.iter().enumerate().skip(end + 1) {
        match event {
            Event::Start(Tag::Heading { level: next, .. }) if depth == 0 && *next <= level => {
                stop = index;
                break;
            }
            Event::Start(_) => depth += 1,
            Event::End(_) if depth == 0 => {
                stop = index;
                break;
            }
            Event::End(_) => depth -= 1,
            _ => {}
        }
    }
    Some(start..stop)
}

/// Finds the marked quotes and activity headings among the final events of a document.
pub fn mark(events: &[Spanned<'_>], facilitation: Facilitation) -> Marks {
    let mut blocks = Vec::new();
    let mut activity_ends = Vec::new();
    for (index, (event, range)) in events.iter().enumerate() {
        match event {
            Event::Start(Tag::BlockQuote(None)) => {
                if let Some(block) = facilitation.blocks.iter().find(|b| b.range.start == range.start)
                    && let Some(end) = matching_end(events, index)
                {
                    blocks.push((block.kind, index..end + 1));
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(activity) = facilitation.activities.iter().position(|a| a.heading.start == range.start) {
                    let id = events[..index].iter().rev().find_map(|(event, _)| match event {
                        Event::Start(Tag::Heading { id, .. }) => Some(id.as_ref().map(|id| id.to_string())),
                        _ => None,
                    });
                    activity_ends.push((index, activity, id.flatten()));
                }
            }
            _ => {}
        }
    }
    Marks { facilitation, blocks, activity_ends }
}

/// The index of the end event of the container started at `start`.
fn matching_end(events: &[Spanned<'_>], start: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (index, (event, _)) in events.iter().enumerate().skip(start) {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(index);
                }
            }
            _ => {}
        }
    }
    None
}

/// The events `view`'s readers get, each with its index among the prepared events (`None` for
/// the HTML added here): trainer notes left out for learners and set apart for trainers,
/// materials boxed, and each activity's duration and format under its heading.
pub fn view_events(prepared: &Prepared, view: View) -> Vec<(Event<'_>, Option<usize>)> {
    let marks = &prepared.marks;
    let labels = &prepared.labels;
    let mut out = Vec::with_capacity(prepared.events.len());
    for (index, event) in prepared.events.iter().enumerate() {
        if marks.hidden(index, view) {
            continue;
        }
        if let Some((kind, range)) = marks.blocks.iter().find(|(_, r)| r.start == index || r.end - 1 == index) {
            let html = if range.start == index {
                let (class, title) = match kind {
                    BlockKind::Trainer => ("trainer", &labels.trainer_note),
                    BlockKind::Materials => ("materials", &labels.materials),
                };
                format!("<aside class=\"alert alert-{class}\"><p class=\"alert-title\">{}</p>\n", escape(title))
            } else {
                "</aside>\n".to_string()
            };
            out.push((Event::Html(CowStr::from(html)), None));
            continue;
        }
        out.push((event.clone(), Some(index)));
        if let Some((_, activity, _)) = marks.activity_ends.iter().find(|(end, ..)| *end == index) {
            let activity = &marks.facilitation.activities[*activity];
            out.push((Event::Html(CowStr::from(activity_meta(activity, labels))), None));
        }
    }
    out
}

/// `<p class="activity-meta">30 min · Group work · Handout</p>`.
fn activity_meta(activity: &Activity, labels: &super::AlertLabels) -> String {
    format!("<p class=\"activity-meta\">{}</p>\n", escape(&activity_summary(activity, labels)))
}

/// `30 min · Group work · Handout`: what the page and the PDFs say under an activity's heading.
pub fn activity_summary(activity: &Activity, labels: &super::AlertLabels) -> String {
    let mut parts = vec![format!("{} {}", activity.minutes, labels.minutes)];
    if let Some(format) = activity.format {
        parts.push(labels.format(format).to_string());
    }
    if activity.handout {
        parts.push(labels.handout.clone());
    }
    parts.join(" · ")
}

impl super::AlertLabels {
    /// The name of an activity format in the document's language.
    pub fn format(&self, format: Format) -> &str {
        let index = Format::ALL.iter().position(|f| *f == format).unwrap_or(0);
        self.formats.get(index).map_or(format.name(), String::as_str)
    }
}
