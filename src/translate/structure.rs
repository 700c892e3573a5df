//! A translation keeps its source's structure: the same heading ids, link targets, figures and
//! learning outcomes. Other pages and languages link to a module's anchors, and a figure or an
//! outcome lost in translation is lost to every reader of that language; a translator changes
//! these by mistake (`{#roles}` → `{#rolos}`), so every difference is reported at the
//! translation's line, in category `translations`.
//!
//! Links to other sites are not compared: a translation may link to the reader's language's
//! version of a page.

use std::collections::BTreeMap;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag};

use crate::content::{Document, Page, Site, activities};
use crate::diag::{Diagnostic, Diagnostics, line_col};
use crate::slug::{IdAllocator, slugify};

/// A heading of a document: its anchor and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: HeadingLevel,
    /// The `{#id}` written, or the id made from the heading's text.
    pub id: String,
    /// Whether the id is written (`{#id}`) rather than made from the text.
    pub explicit: bool,
    /// Byte offset in the whole file.
    pub offset: usize,
}

/// What a document's structure is made of.
#[derive(Debug, Default)]
struct Structure {
    headings: Vec<Heading>,
    /// Targets of links inside the site (`02-x.md#roles`, `#top`), with their offsets.
    links: Vec<(String, usize)>,
    /// Image paths (language variants `x.de.svg` read as `x.svg`), with their offsets.
    images: Vec<(String, usize)>,
}

/// The headings of `doc`, with the ids the pages give them (GitHub's, made unique).
pub fn headings(doc: &Document) -> Vec<Heading> {
    structure(doc, &[]).headings
}

fn structure(doc: &Document, langs: &[&str]) -> Structure {
    let mut out = Structure::default();
    let mut ids = IdAllocator::default();
    let mut open: Option<(HeadingLevel, Option<String>, usize, String)> = None;
    let base = doc.body_start;
    for (event, range) in Parser::new_ext(doc.body(), crate::content::MARKDOWN_OPTIONS).into_offset_iter() {
        let offset = base + range.start;
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                open = Some((level, id.map(|id| id.to_string()), offset, String::new()));
            }
            Event::Text(text) | Event::Code(text) if open.is_some() => {
                if let Some((_, _, _, heading_text)) = open.as_mut() {
                    heading_text.push_str(&text);
                }
            }
            Event::End(pulldown_cmark::TagEnd::Heading(_)) => {
                if let Some((level, id, offset, text)) = open.take() {
                    let heading = match id {
                        Some(id) => {
                            ids.claim(&id);
                            Heading { level, id, explicit: true, offset }
                        }
                        None => Heading { level, id: ids.unique(&slugify(&text)), explicit: false, offset },
                    };
                    out.headings.push(heading);
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) if is_internal(&dest_url) => {
                out.links.push((dest_url.to_string(), offset));
            }
            Event::Start(Tag::Image { dest_url, .. }) if is_internal(&dest_url) => {
                out.images.push((without_language(&dest_url, langs), offset));
            }
            _ => {}
        }
    }
    out
}

/// A link to another file of the site: no scheme, no `//host`, no `mailto:`. Links to an
/// anchor of the same page (`#x`) are left out: a heading's id without `{#id}` is made from its
/// text, so it differs between languages by nature.
fn is_internal(dest: &str) -> bool {
    !dest.is_empty()
        && !dest.starts_with('#')
        && !dest.starts_with("//")
        && !dest.split(['/', '#', '?']).next().unwrap_or("").contains(':')
}

/// `images/cycle.de.svg` → `images/cycle.svg` (a translation may name its language's figure).
fn without_language(path: &str, langs: &[&str]) -> String {
    for lang in langs {
        if let Some((stem, ext)) = path.rsplit_once('.')
            && let Some(stem) = stem.strip_suffix(&format!(".{lang}"))
        {
            return format!("{stem}.{ext}");
        }
    }
    path.to_string()
}

/// Where in `translation` the heading that corresponds to the source's heading `id` is: the
/// translation's heading with that id, else the heading at the same place in the order, else
/// the start of the body. `None` when the source has no heading `id`.
pub fn corresponding_heading(source: &Document, translation: &Document, id: &str) -> Option<(usize, usize)> {
    let source_headings = headings(source);
    let index = source_headings.iter().position(|h| h.id == id)?;
    let translated = headings(translation);
    let offset = translated
        .iter()
        .find(|h| h.id == id)
        .or_else(|| translated.get(index).filter(|_| translated.len() == source_headings.len()))
        .map_or(translation.body_start, |h| h.offset);
    Some(line_col(&translation.text, offset))
}

/// Compares every translation of every page with its source.
pub fn check_structure(site: &Site, langs: &[&str], diags: &Diagnostics) {
    for page in &site.pages {
        for translation in page.translations.values() {
            compare(page, translation, langs, diags);
        }
    }
}

fn compare(page: &Page, translation: &Document, langs: &[&str], diags: &Diagnostics) {
    let source = &page.source;
    let original = structure(source, langs);
    let translated = structure(translation, langs);
    let at = |offset: usize| line_col(&translation.text, offset);
    let source_line = |offset: usize| line_col(&source.text, offset).0;
    let warn = |message: String, (line, col): (usize, usize), hint: String| {
        diags.push(
            Diagnostic::warning(&translation.path, message).in_category("translations").at(line, col).with_hint(hint),
        );
    };

    // Heading ids: every `{#id}` of the source, at the heading that corresponds to its heading.
    let parallel = original.headings.len() == translated.headings.len();
    for (index, heading) in original.headings.iter().enumerate().filter(|(_, h)| h.explicit) {
        if translated.headings.iter().any(|h| h.explicit && h.id == heading.id) {
            continue;
        }
        let counterpart = translated.headings.get(index).filter(|_| parallel);
        let hint = format!(
            "the heading at {}:{} has `{{#{}}}`: keep that id here (links from other pages and languages point to it)",
            source.path,
            source_line(heading.offset),
            heading.id
        );
        match counterpart {
            Some(h) if h.explicit => warn(
                format!("heading id `{{#{}}}` is not the source's `{{#{}}}`", h.id, heading.id),
                at(h.offset),
                hint,
            ),
            Some(h) => warn(format!("this heading lacks the source's id `{{#{}}}`", heading.id), at(h.offset), hint),
            None => warn(
                format!("the source's heading id `{{#{}}}` is missing", heading.id),
                at(translation.body_start),
                hint,
            ),
        }
    }
    // An id of the translation's own that is not the counterpart of a source id (those are
    // reported above): it leads nowhere from the other languages.
    for (index, heading) in translated.headings.iter().enumerate().filter(|(_, h)| h.explicit) {
        let in_source = original.headings.iter().any(|h| h.explicit && h.id == heading.id);
        let reported = parallel && original.headings.get(index).is_some_and(|h| h.explicit);
        if !in_source && !reported {
            warn(
                format!("heading id `{{#{}}}` is not in the source", heading.id),
                at(heading.offset),
                format!("use only the ids of `{}`: links from other languages would not find this one", source.path),
            );
        }
    }

    compare_activities(source, translation, &at, &warn);

    compare_targets("links to", &original.links, &translated.links, source, translation, &warn);
    compare_targets("shows the figure", &original.images, &translated.images, source, translation, &warn);

    // Learning outcomes: the same number in each group, so that none is lost.
    let groups = [
        ("knowledge", &source.learning_outcomes.knowledge, &translation.learning_outcomes.knowledge),
        ("skills", &source.learning_outcomes.skills, &translation.learning_outcomes.skills),
        (
            "responsibility_autonomy",
            &source.learning_outcomes.responsibility_autonomy,
            &translation.learning_outcomes.responsibility_autonomy,
        ),
    ];
    for (group, original, translated) in groups {
        if original.len() != translated.len() {
            let offset = translation.text.find(&format!("{group}:")).unwrap_or(0);
            warn(
                format!("`{group}` has {} learning outcome(s), the source {}", translated.len(), original.len()),
                if offset == 0 { (1, 1) } else { at(offset) },
                format!("translate each outcome of `{}` as one item, in the same order", source.path),
            );
        }
    }
}

/// Activities: the same ones, in the same order, with the same minutes, format and handout
/// mark; the session plan of every language is the source's.
fn compare_activities(
    source: &Document,
    translation: &Document,
    at: &dyn Fn(usize) -> (usize, usize),
    warn: &dyn Fn(String, (usize, usize), String),
) {
    let original = activities::read(source).activities;
    let translated = activities::read(translation).activities;
    let source_line = |activity: &activities::Activity| line_col(&source.text, activity.heading.start).0;
    if original.len() != translated.len() {
        let hint = match original.first() {
            Some(first) => format!(
                "give each activity heading of `{}` (the first at line {}) its counterpart here, with the same `{{duration=… format=…}}`",
                source.path,
                source_line(first)
            ),
            None => format!("`{}` has no activities: remove the `duration=` attributes here", source.path),
        };
        warn(
            format!("this translation has {} activity(ies), the source {}", translated.len(), original.len()),
            at(translated.first().map_or(translation.body_start, |a| a.heading.start)),
            hint,
        );
        return;
    }
    for (theirs, ours) in original.iter().zip(&translated) {
        let name = |format: Option<activities::Format>| format.map_or("none", activities::Format::name);
        let mut differences = Vec::new();
        if theirs.minutes != ours.minutes {
            differences.push(format!("{} minutes here, {} in the source", ours.minutes, theirs.minutes));
        }
        if theirs.format != ours.format {
            differences.push(format!("format `{}` here, `{}` in the source", name(ours.format), name(theirs.format)));
        }
        if theirs.handout != ours.handout {
            let marked = |handout: bool| if handout { "a handout" } else { "no handout" };
            differences.push(format!("{} here, {} in the source", marked(ours.handout), marked(theirs.handout)));
        }
        if !differences.is_empty() {
            warn(
                format!("this activity differs from the source's: {}", differences.join("; ")),
                at(ours.heading.start),
                format!("copy the attribute block of the heading at {}:{}", source.path, source_line(theirs)),
            );
        }
    }
}

/// Link targets or figures: each one the source has, as often as it has it.
fn compare_targets(
    verb: &str,
    original: &[(String, usize)],
    translated: &[(String, usize)],
    source: &Document,
    translation: &Document,
    warn: &dyn Fn(String, (usize, usize), String),
) {
    let count = |items: &[(String, usize)]| {
        let mut counts: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (target, offset) in items {
            counts.entry(target.clone()).or_default().push(*offset);
        }
        counts
    };
    let (original, translated) = (count(original), count(translated));
    for (target, offsets) in &original {
        let have = translated.get(target).map_or(0, Vec::len);
        if have < offsets.len() {
            let line = line_col(&source.text, offsets[have]).0;
            warn(
                format!("the source {verb} `{target}` (at {}:{line}), this translation does not", source.path),
                line_col(&translation.text, translation.body_start),
                "keep every link target and figure of the source: translate the text around them only".into(),
            );
        }
    }
    for (target, offsets) in &translated {
        let expected = original.get(target).map_or(0, Vec::len);
        for &offset in offsets.iter().skip(expected) {
            warn(
                format!("this translation {verb} `{target}`, which the source does not"),
                line_col(&translation.text, offset),
                format!("use the link targets and figures of `{}`", source.path),
            );
        }
    }
}
