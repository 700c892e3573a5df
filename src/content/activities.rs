//! The trainer's side of a module, written in Markdown that stays readable on GitHub:
//!
//! - an **activity** is a heading with a duration (and a format, and `handout` when it is a
//!   sheet for participants) in its attribute block:
//!   `## Activity: Mapping the stakeholders {#stakeholders duration=30 format=group handout}`;
//!   it runs to the next heading of its level or higher;
//! - a **trainer note** is a quote that starts with `[!TRAINER]`: what to say, what to watch
//!   for. Learners never see it;
//! - a **materials** list is a quote that starts with `[!MATERIALS]` inside an activity.
//!
//! [`read`] finds them in a text; [`check_page`] reports what is wrong with them (a duration
//! that is no number, an unknown format, activities that take longer than the module). The
//! markdown stage hides or shows the notes by the offsets found here.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use crate::diag::{Diagnostic, Diagnostics, did_you_mean};

use super::{Document, Page, TrainerFacts};

/// The longest activity: a whole training day.
pub const MAX_ACTIVITY_MINUTES: u32 = 480;

/// How participants work in an activity. The names are the values authors write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    Individual,
    Pair,
    Group,
    Plenary,
    Presentation,
    RolePlay,
}

impl Format {
    pub const ALL: [Format; 6] =
        [Format::Individual, Format::Pair, Format::Group, Format::Plenary, Format::Presentation, Format::RolePlay];

    /// The value authors write (`format=role-play`), also the key of its label
    /// (`activity-format-role-play`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Individual => "individual",
            Format::Pair => "pair",
            Format::Group => "group",
            Format::Plenary => "plenary",
            Format::Presentation => "presentation",
            Format::RolePlay => "role-play",
        }
    }

    fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name() == value)
    }
}

/// One timed activity of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    /// The heading's text, as written (without its attribute block).
    pub title: String,
    /// The heading's `{#id}`, if written.
    pub id: Option<String>,
    pub level: HeadingLevel,
    /// The heading, in bytes of the whole file.
    pub heading: Range<usize>,
    pub minutes: u32,
    pub format: Option<Format>,
    /// A sheet for participants (`handout` in the attribute block).
    pub handout: bool,
    /// The items of its `[!MATERIALS]` quote.
    pub materials: Vec<String>,
}

/// What kind of quote a marked quote is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Trainer,
    Materials,
}

/// A quote marked `[!TRAINER]` or `[!MATERIALS]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkedBlock {
    pub kind: BlockKind,
    /// The whole quote, in bytes of the whole file.
    pub range: Range<usize>,
    /// The `[!TRAINER]` marker.
    pub marker: Range<usize>,
}

/// A mistake in the trainer's markup, at a byte offset of the whole file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub offset: usize,
    pub message: String,
    pub hint: String,
}

/// The trainer's side of one text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facilitation {
    pub activities: Vec<Activity>,
    pub blocks: Vec<MarkedBlock>,
    pub problems: Vec<Problem>,
}

impl Facilitation {
    pub fn total_minutes(&self) -> u32 {
        self.activities.iter().map(|a| a.minutes).sum()
    }

    /// Whether there is anything for a trainer's view of the page.
    pub fn is_empty(&self) -> bool {
        self.activities.is_empty() && self.blocks.is_empty()
    }
}

/// The keys an activity heading's attribute block may hold.
const KEYS: [&str; 3] = ["duration", "format", "handout"];

/// Finds the activities, trainer notes and materials of `doc`.
pub fn read(doc: &Document) -> Facilitation {
    let mut out = Facilitation::default();
    // Every stage that needs a text's trainer side reads it here, several times a build: a text
    // without an attribute block or a `[!…]` quote has none, and is not parsed for it.
    if !doc.body().contains('{') && !doc.body().contains("[!") {
        return out;
    }
    let base = doc.body_start;
    // The heading being read: (level, id, attributes, range, text).
    type OpenHeading = (HeadingLevel, Option<String>, Vec<(String, Option<String>)>, Range<usize>, String);
    let mut heading: Option<OpenHeading> = None;
    // Quotes open around the current event: (start, whether the first text was seen).
    let mut quotes: Vec<(usize, bool)> = Vec::new();
    // The materials quote being read, with the items so far.
    let mut materials: Option<(usize, Vec<String>)> = None;
    // The section being read: an activity's (its index; `None` when its heading had a
    // mistake, so that its materials are not reported again), or another one.
    let mut section: Option<(HeadingLevel, Option<usize>)> = None;
    let mut item_text = String::new();
    let mut in_item = 0usize;
    for (event, range) in Parser::new_ext(doc.body(), super::MARKDOWN_OPTIONS).into_offset_iter() {
        let range = (range.start + base)..(range.end + base);
        match event {
            Event::Start(Tag::Heading { level, id, attrs, .. }) => {
                let attrs = attrs.iter().map(|(k, v)| (k.to_string(), v.as_ref().map(|v| v.to_string()))).collect();
                heading = Some((level, id.map(|id| id.to_string()), attrs, range, String::new()));
            }
            Event::Text(text) | Event::Code(text) if heading.is_some() => {
                if let Some((.., title)) = heading.as_mut() {
                    title.push_str(&text);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, id, attrs, range, title)) = heading.take() {
                    if section.is_some_and(|(open, _)| level <= open) {
                        section = None;
                    }
                    let (count, problems) = (out.activities.len(), out.problems.len());
                    if read_heading(doc, level, id, &attrs, range, title, &mut out) {
                        let planned = (out.activities.len() > count && out.problems.len() == problems)
                            .then_some(out.activities.len() - 1);
                        section = Some((level, planned));
                    }
                }
            }
            Event::Start(Tag::BlockQuote(None)) => quotes.push((range.start, false)),
            Event::End(TagEnd::BlockQuote(_)) => {
                quotes.pop();
                if let Some((start, items)) = materials.take_if(|(start, _)| *start == range.start) {
                    match section {
                        Some((_, Some(index))) => out.activities[index].materials.extend(items),
                        Some((_, None)) => {}
                        None => out.problems.push(Problem {
                            offset: start,
                            message: "`[!MATERIALS]` outside an activity".into(),
                            hint: "put the materials list under the heading of the activity that needs them".into(),
                        }),
                    }
                }
            }
            Event::Text(_) if quotes.last().is_some_and(|(_, seen)| !seen) => {
                let (start, seen) = quotes.last_mut().expect("checked above");
                *seen = true;
                // Read from the source: the parser splits `[!TRAINER]` into `[`, `!TRAINER`, `]`.
                let Some(word) = quote_marker(&doc.text[range.start..]) else { continue };
                let marker = range.start..range.start + word.len() + 3;
                let kind = match word {
                    "TRAINER" => BlockKind::Trainer,
                    "MATERIALS" => BlockKind::Materials,
                    "NOTE" | "TIP" | "IMPORTANT" | "WARNING" | "CAUTION" => continue,
                    _ => {
                        let known = ["TRAINER", "MATERIALS", "NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION"];
                        let hint = match did_you_mean(&word.to_ascii_uppercase(), known) {
                            Some(close) => format!("did you mean `[!{close}]`?"),
                            None => format!("known kinds: {}", known.map(|k| format!("`[!{k}]`")).join(", ")),
                        };
                        out.problems.push(Problem {
                            offset: range.start,
                            message: format!("unknown quote kind `[!{word}]`"),
                            hint,
                        });
                        continue;
                    }
                };
                out.blocks.push(MarkedBlock { kind, range: *start..quote_end(doc, *start), marker });
                if kind == BlockKind::Materials {
                    materials = Some((*start, Vec::new()));
                }
            }
            Event::Start(Tag::Item) if materials.is_some() => {
                in_item += 1;
                item_text.clear();
            }
            Event::End(TagEnd::Item) if materials.is_some() => {
                in_item = in_item.saturating_sub(1);
                if let Some((_, items)) = materials.as_mut() {
                    items.push(std::mem::take(&mut item_text).trim().to_string());
                }
            }
            Event::Text(text) | Event::Code(text) if in_item > 0 => item_text.push_str(&text),
            Event::SoftBreak if in_item > 0 => item_text.push(' '),
            _ => {}
        }
    }
    out
}

/// `TRAINER` of a quote's first line `[!TRAINER]` (letters only, alone on its line).
fn quote_marker(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("[!")?;
    let end = rest.find(']')?;
    let word = &rest[..end];
    let alone = rest[end + 1..].split('\n').next().is_some_and(|after| after.trim().is_empty());
    (!word.is_empty() && word.bytes().all(|b| b.is_ascii_alphabetic()) && alone).then_some(word)
}

/// Where the quote starting at `start` ends: pulldown-cmark gives the quote's range at its end
/// event, which [`read`] has not reached when it meets the marker; the quote's lines are the
/// ones that start with `>`.
fn quote_end(doc: &Document, start: usize) -> usize {
    let mut end = start;
    for line in doc.text[start..].split_inclusive('\n') {
        if !line.trim_start().starts_with('>') {
            break;
        }
        end += line.len();
    }
    end
}

/// Reads one heading's attribute block: an activity when it has a duration. Whether the
/// heading is meant as an activity (it has an activity's keys, right or wrong).
fn read_heading(
    doc: &Document,
    level: HeadingLevel,
    id: Option<String>,
    attrs: &[(String, Option<String>)],
    range: Range<usize>,
    title: String,
    out: &mut Facilitation,
) -> bool {
    let line = &doc.text[range.clone()];
    // Where `key` is written in the heading's attribute block (its last `{`), for the column.
    let block = line.rfind('{').unwrap_or(0);
    let at = |key: &str| range.start + line[block..].find(key).map_or(0, |p| block + p);
    let mut problems = Vec::new();
    for (key, _) in attrs {
        if !KEYS.contains(&key.as_str())
            && let Some(close) = did_you_mean(key, KEYS)
        {
            problems.push(Problem {
                offset: at(key),
                message: format!("unknown heading attribute `{key}`"),
                hint: format!("did you mean `{close}`?"),
            });
        }
    }
    let value = |key: &str| attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
    let (duration, format, handout) = (value("duration"), value("format"), value("handout"));
    if duration.is_none() && format.is_none() && handout.is_none() {
        out.problems.extend(problems);
        return false;
    }
    let minutes = match duration.flatten() {
        None => {
            problems.push(Problem {
                offset: range.start,
                message: "activity heading has no duration".into(),
                hint: "give it the minutes it takes: `{duration=30 format=group}`".into(),
            });
            None
        }
        Some(text) => match text.parse::<u32>() {
            Ok(minutes) if (1..=MAX_ACTIVITY_MINUTES).contains(&minutes) => Some(minutes),
            _ => {
                problems.push(Problem {
                    offset: at("duration"),
                    message: format!(
                        "activity duration `{text}` is not a number of minutes from 1 to {MAX_ACTIVITY_MINUTES}"
                    ),
                    hint: "write whole minutes without a unit: `duration=45`".into(),
                });
                None
            }
        },
    };
    let format = match format {
        None => None,
        Some(value) => {
            let value = value.unwrap_or_default();
            match Format::parse(&value) {
                Some(format) => Some(format),
                None => {
                    let names = Format::ALL.map(Format::name);
                    problems.push(Problem {
                        offset: at("format"),
                        message: format!("unknown activity format `{value}`"),
                        hint: match did_you_mean(&value, names) {
                            Some(close) => format!("did you mean `{close}`?"),
                            None => format!("use one of {}", crate::diag::backticked(names)),
                        },
                    });
                    None
                }
            }
        }
    };
    if let Some(Some(value)) = &handout {
        problems.push(Problem {
            offset: at("handout"),
            message: format!("`handout` takes no value, found `handout={value}`"),
            hint: "write `handout` alone to mark the activity as a sheet for participants".into(),
        });
    }
    let failed = !problems.is_empty();
    out.problems.extend(problems);
    if let (Some(minutes), false) = (minutes, failed) {
        out.activities.push(Activity {
            title: title.trim().to_string(),
            id,
            level,
            heading: range,
            minutes,
            format,
            handout: handout.is_some(),
            materials: Vec::new(),
        });
    }
    true
}

/// Reports the trainer's markup problems of every text of `page`, and activities that take
/// longer than the module (an error) or much less (a warning: the plan is not finished).
/// Returns what the source text offers a trainer.
pub fn check_page(page: &Page, diags: &Diagnostics) -> TrainerFacts {
    let mut facts = TrainerFacts::default();
    for doc in std::iter::once(&page.source).chain(page.translations.values()) {
        let facilitation = read(doc);
        if std::ptr::eq(doc, &page.source) {
            facts = TrainerFacts {
                activities: facilitation.activities.len(),
                activity_minutes: facilitation.total_minutes(),
                handouts: facilitation.activities.iter().filter(|a| a.handout).count(),
                has_view: !facilitation.is_empty(),
            };
        }
        for problem in &facilitation.problems {
            diags.push(
                Diagnostic::error(&doc.path, problem.message.clone())
                    .in_category("activities")
                    .at_offset(&doc.text, problem.offset)
                    .with_hint(problem.hint.clone()),
            );
        }
        let Some(duration) = page.facts.duration_minutes else { continue };
        let mut running = 0;
        for activity in &facilitation.activities {
            running += activity.minutes;
            if running > duration {
                diags.push(
                    Diagnostic::error(
                        &doc.path,
                        format!("the activities take {running} minutes up to here; the module's `duration_minutes` is {duration}"),
                    )
                    .in_category("activities")
                    .at_offset(&doc.text, activity.heading.start)
                    .with_hint("shorten the activities, or raise `duration_minutes` in the front matter"),
                );
                break;
            }
        }
        let total = facilitation.total_minutes();
        if let Some(first) = facilitation.activities.first()
            && total * 2 < duration
        {
            diags.push(
                Diagnostic::warning(
                    &doc.path,
                    format!("the activities take {total} of the module's {duration} minutes"),
                )
                .in_category("activities")
                .at_offset(&doc.text, first.heading.start)
                .with_hint("plan the rest of the time as activities (an input talk is one: `format=presentation`), or lower `duration_minutes`"),
            );
        }
    }
    facts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::key::Lang;

    fn doc(body: &str) -> Document {
        let front = "---\ntitle: T\n---\n";
        Document {
            path: "content/io1/01-a.md".into(),
            lang: Lang::parse("en").expect("a language code"),
            text: format!("{front}{body}"),
            body_start: front.len(),
            title: "T".into(),
            summary: None,
            learning_outcomes: Default::default(),
            keywords: Vec::new(),
            translators: Vec::new(),
            source_hash: None,
            review: None,
        }
    }

    #[test]
    fn reads_activities_notes_and_materials() {
        let d = doc("## Intro\n\nText.\n\n## Activity: Map it {#map duration=30 format=group handout}\n\n\
                     > [!TRAINER]\n> Watch the time.\n\n> [!MATERIALS]\n> - A3 posters\n> - Sticky *notes*\n\n\
                     ### Debrief {duration=15 format=plenary}\n");
        let f = read(&d);
        assert_eq!(f.problems, []);
        assert_eq!(f.activities.len(), 2);
        let map = &f.activities[0];
        assert_eq!((map.title.as_str(), map.id.as_deref(), map.minutes), ("Activity: Map it", Some("map"), 30));
        assert_eq!((map.format, map.handout), (Some(Format::Group), true));
        assert_eq!(map.materials, ["A3 posters", "Sticky notes"]);
        assert_eq!(f.activities[1].format, Some(Format::Plenary));
        assert_eq!(f.total_minutes(), 45);
        assert_eq!(f.blocks.iter().map(|b| b.kind).collect::<Vec<_>>(), [BlockKind::Trainer, BlockKind::Materials]);
        let note = &f.blocks[0];
        assert_eq!(&d.text[note.range.clone()], "> [!TRAINER]\n> Watch the time.\n");
        assert_eq!(&d.text[note.marker.clone()], "[!TRAINER]");
    }

    #[test]
    fn names_each_mistake_at_its_attribute() {
        let d = doc("## A {duration=30min format=groups}\n\n## B {durations=5}\n\n## C {format=pair}\n\n\
                     ## D {duration=10 handout=yes}\n\n> [!TRAINR]\n> x\n\n> [!MATERIALS]\n> - y\n");
        let f = read(&d);
        let found: Vec<(usize, &str, &str)> = f
            .problems
            .iter()
            .map(|p| {
                let (line, col) = crate::diag::line_col(&d.text, p.offset);
                (line * 100 + col, p.message.as_str(), p.hint.as_str())
            })
            .collect();
        assert_eq!(
            found,
            [
                (
                    407,
                    "activity duration `30min` is not a number of minutes from 1 to 480",
                    "write whole minutes without a unit: `duration=45`"
                ),
                (422, "unknown activity format `groups`", "did you mean `group`?"),
                (607, "unknown heading attribute `durations`", "did you mean `duration`?"),
                (801, "activity heading has no duration", "give it the minutes it takes: `{duration=30 format=group}`"),
                (
                    1019,
                    "`handout` takes no value, found `handout=yes`",
                    "write `handout` alone to mark the activity as a sheet for participants"
                ),
                (1203, "unknown quote kind `[!TRAINR]`", "did you mean `[!TRAINER]`?"),
            ]
        );
        assert!(f.activities.is_empty(), "no activity with a mistake is planned");
    }
}
