//! Session plans: a module's activities on its trainer view and in its trainer PDF, and an
//! output's programme with breaks.

use crate::content::Page;
use crate::i18n;
use crate::key::Lang;
use crate::markdown::Prepared;

use super::RenderContext;
use super::common::{Edition, TRAINER_PATH, format_duration, pdf_href, title_in};
use super::views::{PlanRowView, PlanView};

/// The session plan of a module's trainer view: its activities from 0:00, in the order of the
/// text.
///
/// `page` is the page the plan is shown on (the trainer view), `index` the module's.
pub fn plan_view(ctx: &RenderContext<'_>, index: usize, page: &Page, lang: &Lang, prepared: &Prepared) -> PlanView {
    let labels = &prepared.labels;
    let marks = &prepared.marks;
    let mut start = 0;
    let rows = marks
        .activity_ends
        .iter()
        .map(|(_, activity_index, id)| {
            let activity = &marks.facilitation.activities[*activity_index];
            let row = PlanRowView {
                kind: "activity",
                lang: None,
                start: clock(start),
                minutes: activity.minutes,
                title: activity.title.clone(),
                href: id.as_ref().map(|id| format!("#{id}")),
                format: activity.format.map(|f| labels.format(f).to_string()),
                handout: activity.handout,
                materials: activity.materials.join(", "),
                handout_href: pdf_href(ctx, &page.path, index, lang, Edition::Handout(*activity_index))
                    .map(|(href, _)| href),
                anchor: Some((index, id.clone())),
            };
            start += activity.minutes;
            row
        })
        .collect();
    let total = marks.facilitation.total_minutes();
    let total = match page.facts.duration_minutes {
        Some(duration) => ctx.i18n.format(
            lang,
            "session-plan-total",
            &[("minutes", i18n::number(total)), ("duration", i18n::number(duration))],
        ),
        None => format_duration(ctx, lang, total),
    };
    let text_lang = &page.text(lang).lang;
    PlanView {
        heading: ctx.i18n.message(lang, "session-plan"),
        rows,
        total,
        lang: (text_lang != lang).then(|| text_lang.to_string()),
    }
}

/// How long participants work before an output's programme gives them a break, and how long
/// the break is.
const BREAK_AFTER_MINUTES: u32 = 90;

const BREAK_MINUTES: u32 = 15;

/// The programme of an output's trainer view: its modules in order, each with its activities,
/// times running on from 0:00, and a break before any activity that would take the group past
/// 90 minutes without one.
pub fn programme_view(ctx: &RenderContext<'_>, page: &Page, lang: &Lang) -> PlanView {
    let site = ctx.site;
    let mut rows = Vec::new();
    let (mut start, mut since_break) = (0, 0);
    let modules = page.output.map(|o| site.outputs[o].modules.as_slice()).unwrap_or_default();
    for &index in modules {
        let module = &site.pages[index];
        let Some(prepared) = ctx.prepared_for(index, lang) else { continue };
        let marks = &prepared.marks;
        if marks.activity_ends.is_empty() {
            continue;
        }
        let trainer_href = ctx.urls.page(&page.path, &format!("{}{TRAINER_PATH}", module.path));
        let (title, title_lang) = title_in(module, lang);
        let text_lang = (&module.text(lang).lang != lang).then(|| module.text(lang).lang.to_string());
        let mut break_before = |minutes: u32, rows: &mut Vec<PlanRowView>, start: &mut u32| {
            if since_break > 0 && since_break + minutes > BREAK_AFTER_MINUTES {
                rows.push(PlanRowView {
                    kind: "break",
                    lang: None,
                    start: clock(*start),
                    minutes: BREAK_MINUTES,
                    title: ctx.i18n.message(lang, "session-plan-break"),
                    href: None,
                    format: None,
                    handout: false,
                    materials: String::new(),
                    handout_href: None,
                    anchor: None,
                });
                *start += BREAK_MINUTES;
                since_break = 0;
            }
            since_break += minutes;
        };
        let activities: Vec<_> = marks
            .activity_ends
            .iter()
            .map(|(_, activity_index, id)| (*activity_index, &marks.facilitation.activities[*activity_index], id))
            .collect();
        for (number, (activity_index, activity, id)) in activities.iter().enumerate() {
            // A break goes before the module's heading row, not between it and its first activity.
            break_before(activity.minutes, &mut rows, &mut start);
            if number == 0 {
                rows.push(PlanRowView {
                    kind: "module",
                    lang: title_lang.clone(),
                    start: clock(start),
                    minutes: marks.facilitation.total_minutes(),
                    title: title.clone(),
                    href: Some(trainer_href.clone()),
                    format: None,
                    handout: false,
                    materials: String::new(),
                    handout_href: None,
                    anchor: Some((index, None)),
                });
            }
            rows.push(PlanRowView {
                kind: "activity",
                lang: text_lang.clone(),
                start: clock(start),
                minutes: activity.minutes,
                title: activity.title.clone(),
                href: Some(match id {
                    Some(id) => format!("{trainer_href}#{id}"),
                    None => trainer_href.clone(),
                }),
                // In the reader's language, as the column's heading (the title may not be).
                format: activity.format.map(|f| ctx.i18n.message(lang, &format!("activity-format-{}", f.name()))),
                handout: activity.handout,
                materials: activity.materials.join(", "),
                handout_href: pdf_href(ctx, &page.path, index, lang, Edition::Handout(*activity_index))
                    .map(|(href, _)| href),
                anchor: Some((index, id.as_ref().map(|id| id.to_string()))),
            });
            start += activity.minutes;
        }
    }
    PlanView {
        heading: ctx.i18n.message(lang, "session-plan-programme"),
        rows,
        total: ctx.i18n.format(lang, "session-plan-programme-total", &[("minutes", i18n::number(start))]),
        lang: None,
    }
}

/// `75` minutes → `1:15`.
fn clock(minutes: u32) -> String {
    format!("{}:{:02}", minutes / 60, minutes % 60)
}
