//! The PDFs of one version: a module PDF per module and an output book per output, in every
//! language, described as typst main files for [`crate::pdf`] to compile.
//!
//! A PDF sits in the folder of its web page (`2.0/el/io3-x/indicators/innotrain-…-el-2.0.pdf`),
//! so relative links from it work when it is opened from the site. With a base URL, links are
//! absolute and keep working in a downloaded copy.

use std::collections::{BTreeMap, BTreeSet};

use crate::config::Config;
use crate::content::activities;
use crate::content::{Document, Page, PageKind, Site};
use crate::i18n;
use crate::key::Lang;
use crate::markdown::links::{LinkContext, Place, Target, resolve_target};
use crate::markdown::{Prepared, View, facilitation};
use crate::pdf::markup::{self, LinkTarget, Markup, MarkupOptions, string, string_array};
use crate::pdf::{MEDIA_DIR, PageLimit, PdfJob, TEMPLATE};
use crate::slug::slugify;

use super::RenderContext;
use super::common::{DownloadLink, Edition, legal_view, module_meta, pdf_folder};
use super::views::PlanView;

/// Every PDF of page `index`: none for the home page; a module's or output's own, its trainer
/// edition when it has a trainer view, and a module's handouts.
pub fn editions(site: &Site, index: usize) -> Vec<Edition> {
    let page = &site.pages[index];
    if !has_pdf(page) {
        return Vec::new();
    }
    let mut editions = vec![Edition::Reader];
    if site.has_trainer_view(index) {
        editions.push(Edition::Trainer);
    }
    if page.kind == PageKind::Module && page.facts.trainer.handouts > 0 {
        editions.extend(handout_names(page).into_iter().map(|(activity, _)| Edition::Handout(activity)));
    }
    editions
}

/// Whether page `index` has the PDF of `edition` in `lang`: a handout only where the text a
/// reader of `lang` gets has that activity as a handout too (a translation carries the same
/// activities; one that does not is reported).
pub fn has_edition(site: &Site, index: usize, lang: &Lang, edition: Edition) -> bool {
    match edition {
        Edition::Handout(activity) => {
            activities::read(site.pages[index].text(lang)).activities.get(activity).is_some_and(|a| a.handout)
        }
        Edition::Reader | Edition::Trainer => true,
    }
}

/// The PDF links of every page; with `sizes` (the PDFs just typeset) only those that were
/// made.
pub fn links(
    ctx: &RenderContext<'_>,
    sizes: Option<&BTreeMap<String, usize>>,
) -> BTreeMap<(usize, Lang, Edition), DownloadLink> {
    let mut links = BTreeMap::new();
    for index in 0..ctx.site.pages.len() {
        for edition in editions(ctx.site, index) {
            for lang in ctx.config.langs().filter(|lang| has_edition(ctx.site, index, lang, edition)) {
                let path = pdf_path(ctx, index, lang, edition);
                let bytes = match sizes {
                    Some(sizes) => match sizes.get(&path) {
                        Some(&size) => Some(size),
                        None => continue,
                    },
                    None => None,
                };
                let file_name = pdf_file_name(ctx.config, ctx.site, &ctx.site.pages[index], lang, edition);
                links.insert((index, lang.clone(), edition), DownloadLink { path, file_name, bytes });
            }
        }
    }
    links
}

/// The PDF of page `index` (a module's own, or an output's book) in `lang`.
pub fn pdf_path(ctx: &RenderContext<'_>, index: usize, lang: &Lang, edition: Edition) -> String {
    let page = &ctx.site.pages[index];
    format!(
        "{}/{lang}/{}{}",
        ctx.site.version,
        pdf_folder(page, edition),
        pdf_file_name(ctx.config, ctx.site, page, lang, edition)
    )
}

/// `innotrain-io3-quality-monitoring-indicators-el-2.0.pdf` (and `…-indicators-trainer-el-…`,
/// `…-indicators-handout-mapping-el-…`): stable, and descriptive once downloaded next to
/// others.
pub fn pdf_file_name(config: &Config, site: &Site, page: &Page, lang: &Lang, edition: Edition) -> String {
    // The acronym, else the title (a new project has no acronym yet). `slugify` never returns
    // an empty slug, so empty names are skipped before it.
    let prefix = [&config.project.acronym, &config.title]
        .into_iter()
        .find(|name| !name.trim().is_empty())
        .map_or_else(|| "document".to_string(), |name| slugify(name));
    let page_part = page.path.trim_end_matches('/').replace('/', "-");
    let edition_part = match edition {
        Edition::Reader => String::new(),
        Edition::Trainer => "-trainer".to_string(),
        Edition::Handout(activity) => {
            let names = handout_names(page);
            let name = names.iter().find(|(a, _)| *a == activity).map_or("sheet", |(_, name)| name.as_str());
            format!("-handout-{name}")
        }
    };
    format!("{prefix}-{page_part}{edition_part}-{lang}-{}.pdf", site.version)
}

/// The handouts of a module's source text: (activity index, a name for its file). The name is
/// the activity's `{#id}` or title in ASCII letters, digits and hyphens (file names travel by
/// e-mail and USB sticks), made unique; its number when nothing is left.
fn handout_names(page: &Page) -> Vec<(usize, String)> {
    let mut names: Vec<(usize, String)> = Vec::new();
    for (index, activity) in activities::read(&page.source).activities.iter().enumerate().filter(|(_, a)| a.handout) {
        let base = activity.id.clone().unwrap_or_else(|| slugify(&activity.title));
        let mut name = crate::slug::ascii_name(&base, "");
        if name.is_empty() || names.iter().any(|(_, used)| *used == name) {
            name = if name.is_empty() { format!("{}", index + 1) } else { format!("{name}-{}", index + 1) };
        }
        names.push((index, name));
    }
    names
}

/// The stable URL of the PDF of page `index` in `lang` (from the base path without a base
/// URL); `None` when the page has no PDF in this build.
pub fn absolute_pdf_url(ctx: &RenderContext<'_>, index: usize, lang: &Lang) -> Option<String> {
    let link = ctx.pdfs.get(&(index, lang.clone(), Edition::Reader))?;
    Some(format!("{}{}{}", ctx.config.base_url, ctx.config.base_path, crate::urls::encode_path(&link.path)))
}

/// Every PDF of the version: pages that have one are modules and output landing pages.
pub fn plan<'a>(ctx: &'a RenderContext<'a>) -> Vec<PdfJob<'a>> {
    let langs: Vec<&Lang> = ctx.config.langs().collect();
    plan_languages(ctx, &langs)
}

/// The version's PDFs in `langs`: each output's book, then each of its modules, each with its
/// trainer edition and handouts.
pub fn plan_languages<'a>(ctx: &'a RenderContext<'a>, langs: &[&Lang]) -> Vec<PdfJob<'a>> {
    let mut jobs = Vec::new();
    for &lang in langs {
        for output in &ctx.site.outputs {
            for index in std::iter::once(output.landing).chain(output.modules.iter().copied()) {
                for edition in editions(ctx.site, index).into_iter().filter(|&e| has_edition(ctx.site, index, lang, e))
                {
                    jobs.extend(job(ctx, index, lang, edition));
                }
            }
        }
    }
    jobs
}

/// The PDF of `edition` of page `index` in `lang`.
fn job<'a>(ctx: &'a RenderContext<'a>, index: usize, lang: &Lang, edition: Edition) -> Option<PdfJob<'a>> {
    let page = &ctx.site.pages[index];
    let view = if edition == Edition::Trainer { View::Trainer } else { View::Learner };
    match (page.kind, edition) {
        (_, Edition::Handout(activity)) => handout_job(ctx, index, lang, activity),
        (PageKind::Output, _) => {
            let output = &ctx.site.outputs[page.output?];
            Some(book_job(ctx, output.landing, &output.modules, lang, view))
        }
        _ => Some(module_job(ctx, index, lang, view)),
    }
}

/// The module PDFs in a language not in `langs` that pages in `langs` describe: a module page
/// that falls back to the original text carries the original's JSON-LD word for word, with its
/// PDF's size. A build of some languages typesets them for their size only (they are the files
/// of another language; the cache makes them cheap the next time).
pub fn plan_described<'a>(ctx: &'a RenderContext<'a>, langs: &[&Lang]) -> Vec<PdfJob<'a>> {
    let site = ctx.site;
    site.pages
        .iter()
        .enumerate()
        .filter(|(_, page)| page.kind == PageKind::Module && !langs.contains(&&page.source.lang))
        .filter(|(_, page)| langs.iter().any(|lang| !page.is_translated(lang)))
        .map(|(index, page)| module_job(ctx, index, &page.source.lang, View::Learner))
        .collect()
}

/// Which pages get a PDF.
pub fn has_pdf(page: &Page) -> bool {
    matches!(page.kind, PageKind::Module | PageKind::Output)
}

/// A module's own PDF: cover, imprint, contents, facts, outcomes and text. The trainer's
/// edition has its session plan before the contents, and the trainer notes in the text.
fn module_job<'a>(ctx: &'a RenderContext<'a>, index: usize, lang: &Lang, view: View) -> PdfJob<'a> {
    let page = &ctx.site.pages[index];
    let doc = page.text(lang);
    let edition = if view == View::Trainer { Edition::Trainer } else { Edition::Reader };
    let path = pdf_path(ctx, index, lang, edition);
    let output_title = page.output.map(|o| ctx.site.pages[ctx.site.outputs[o].landing].text(lang).title.clone());
    let labels = heading_labels(ctx, index, lang, "");
    let plan = (view == View::Trainer)
        .then(|| ctx.prepared_for(index, lang))
        .flatten()
        .map(|prepared| super::plans::plan_view(ctx, index, page, lang, prepared))
        .map(|plan| plan_value(ctx, lang, &plan, &|_, id| id.and_then(|id| labels.get(id).cloned())));
    let mut main = Markup::default();
    let folder = pdf_folder(page, edition);
    let meta = Meta {
        edition: (view == View::Trainer).then(|| ctx.i18n.message(lang, "pdf-trainer-edition")),
        plan,
        subtitle: output_title.as_deref(),
        ..module_text_meta(ctx, page, lang, &folder)
    };
    main.text.push_str(&preamble(ctx, lang, &path, &meta));
    main.text.push_str(&facts_and_outcomes(ctx, page, lang, 1));
    let mut images = BTreeSet::new();
    let mut documents = Vec::new();
    let body = Body { heading_shift: -1, label_prefix: "", view, only: None };
    let body = body_markup(ctx, index, lang, &path, &body, &mut images, &BTreeMap::new());
    documents.push((main.text.len(), doc));
    main.push_markup(in_language(body, doc, lang));
    PdfJob { path, main, documents, images, dated: is_dated(ctx), page_limit: None }
}

/// An output's book: cover, imprint, contents, the landing text and every module as a chapter.
/// The trainer's edition has the programme before the contents, and each chapter its session
/// plan and trainer notes.
fn book_job<'a>(ctx: &'a RenderContext<'a>, landing: usize, modules: &[usize], lang: &Lang, view: View) -> PdfJob<'a> {
    let page = &ctx.site.pages[landing];
    let doc = page.text(lang);
    let edition = if view == View::Trainer { Edition::Trainer } else { Edition::Reader };
    let path = pdf_path(ctx, landing, lang, edition);
    // Translators of every chapter shown in this language, in reading order, once each.
    let mut translators: Vec<String> = Vec::new();
    for text in std::iter::once(landing).chain(modules.iter().copied()).map(|i| ctx.site.pages[i].text(lang)) {
        if text.lang == *lang {
            for name in &text.translators {
                if !translators.contains(name) {
                    translators.push(name.clone());
                }
            }
        }
    }
    let mut authors: Vec<String> = Vec::new();
    for &module in modules {
        for name in &ctx.site.pages[module].facts.authors {
            if !authors.contains(name) {
                authors.push(name.clone());
            }
        }
    }
    // Links between chapters of the book stay inside the PDF.
    let chapters: BTreeMap<usize, String> =
        modules.iter().enumerate().map(|(n, &module)| (module, format!("m{}", n + 1))).collect();
    let chapter_labels: BTreeMap<usize, BTreeMap<String, String>> = match view {
        View::Trainer => chapters
            .iter()
            .map(|(&module, label)| (module, heading_labels(ctx, module, lang, &format!("{label}-"))))
            .collect(),
        View::Learner => BTreeMap::new(),
    };
    // A programme row leads to its module's chapter, or to the activity's heading in it.
    let target = |module: usize, id: Option<&str>| match id {
        Some(id) => chapter_labels.get(&module).and_then(|labels| labels.get(id)).cloned(),
        None => chapters.get(&module).cloned(),
    };
    let plan = (view == View::Trainer)
        .then(|| super::plans::programme_view(ctx, page, lang))
        .map(|plan| plan_value(ctx, lang, &plan, &target));
    let meta = Meta {
        kind: "output",
        edition: (view == View::Trainer).then(|| ctx.i18n.message(lang, "pdf-trainer-edition")),
        plan,
        title: &doc.title,
        subtitle: None,
        description: doc.summary.as_deref(),
        keywords: if doc.keywords.is_empty() { &page.source.keywords } else { &doc.keywords },
        authors: &authors,
        translators,
        review: review_line(
            ctx,
            &std::iter::once(landing).chain(modules.iter().copied()).map(|i| &ctx.site.pages[i]).collect::<Vec<_>>(),
            lang,
        ),
        notice: notices(ctx, page, lang),
        licence: page.licence,
        web_path: &pdf_folder(page, edition),
    };
    let mut main = Markup::default();
    main.text.push_str(&preamble(ctx, lang, &path, &meta));
    let mut images = BTreeSet::new();
    let mut documents = Vec::new();

    let introduction = ctx.i18n.message(lang, "pdf-introduction");
    main.text.push_str(&format!("#chapter({});\n", string(&introduction)));
    let body = Body { heading_shift: 0, label_prefix: "intro-", view, only: None };
    let body = body_markup(ctx, landing, lang, &path, &body, &mut images, &chapters);
    documents.push((main.text.len(), doc));
    main.push_markup(in_language(body, doc, lang));

    for &module in modules {
        let module_page = &ctx.site.pages[module];
        let module_doc = module_page.text(lang);
        let label = &chapters[&module];
        let notice = notices(ctx, module_page, lang).map_or("none".to_string(), |n| string(&n));
        let mut chapter =
            format!("\n#chapter({}, label-name: {}, notice: {notice});\n", string(&module_doc.title), string(label),);
        if view == View::Trainer
            && let Some(prepared) = ctx.prepared_for(module, lang)
            && !prepared.marks.activity_ends.is_empty()
        {
            let plan = super::plans::plan_view(ctx, module, module_page, lang, prepared);
            let plan = plan_value(ctx, lang, &plan, &|_, id| target(module, id));
            chapter.push_str(&format!("#session-plan({plan}, level: 2);\n"));
        }
        chapter.push_str(&facts_and_outcomes(ctx, module_page, lang, 2));
        main.text.push_str(&chapter);
        let prefix = format!("{label}-");
        let body = Body { heading_shift: 0, label_prefix: &prefix, view, only: None };
        let body = body_markup(ctx, module, lang, &path, &body, &mut images, &chapters);
        documents.push((main.text.len(), module_doc));
        main.push_markup(in_language(body, module_doc, lang));
    }
    PdfJob { path, main, documents, images, dated: is_dated(ctx), page_limit: None }
}

/// A handout: the sheet for participants of one activity (its `activity` index in the text a
/// reader of `lang` gets), with the module's title above it and the funding statement and
/// licence under it. No trainer notes, no materials list.
fn handout_job<'a>(ctx: &'a RenderContext<'a>, index: usize, lang: &Lang, activity: usize) -> Option<PdfJob<'a>> {
    let page = &ctx.site.pages[index];
    let doc = page.text(lang);
    let prepared = ctx.prepared_for(index, lang)?;
    let events = facilitation::activity_events(prepared, activity)?;
    let the_activity = &prepared.marks.facilitation.activities[activity];
    let path = pdf_path(ctx, index, lang, Edition::Handout(activity));
    let meta = Meta {
        kind: "handout",
        edition: Some(ctx.i18n.message(lang, "activity-handout")),
        title: &the_activity.title,
        subtitle: Some(&doc.title),
        ..module_text_meta(ctx, page, lang, &page.path)
    };
    let mut main = Markup::default();
    main.text.push_str(&preamble(ctx, lang, &path, &meta));
    let mut images = BTreeSet::new();
    // The activity's heading is the sheet's title.
    let heading_shift = 1 - the_activity.level as i8;
    let body = Body { heading_shift, label_prefix: "", view: View::Learner, only: Some(events) };
    let body = body_markup(ctx, index, lang, &path, &body, &mut images, &BTreeMap::new());
    let documents = vec![(main.text.len(), doc)];
    main.push_markup(in_language(body, doc, lang));
    let page_limit = Some(PageLimit {
        pages: HANDOUT_PAGES,
        document: doc,
        offset: the_activity.heading.start,
        problem: format!("the handout of `{}` takes {{pages}} pages", the_activity.title),
        hint: "a handout is one or two pages for participants: shorten the activity's text, or move background \
               reading to a section of its own"
            .to_string(),
    });
    Some(PdfJob { path, main, documents, images, dated: is_dated(ctx), page_limit })
}

/// What a module's PDFs say about its text in `lang`: its title, summary, keywords, authors,
/// translators, review, notices and licence; its web page at `web_path`.
fn module_text_meta<'a>(ctx: &RenderContext<'_>, page: &'a Page, lang: &Lang, web_path: &'a str) -> Meta<'a> {
    let doc = page.text(lang);
    Meta {
        kind: "module",
        edition: None,
        plan: None,
        title: &doc.title,
        subtitle: None,
        description: doc.summary.as_deref(),
        keywords: if doc.keywords.is_empty() { &page.source.keywords } else { &doc.keywords },
        authors: &page.facts.authors,
        translators: if doc.lang == *lang { doc.translators.clone() } else { Vec::new() },
        review: review_line(ctx, &[page], lang),
        notice: notices(ctx, page, lang),
        licence: page.licence,
        web_path,
    }
}

/// The most pages a handout should take: a sheet, printed on both sides.
const HANDOUT_PAGES: usize = 2;

/// The labels the trainer's PDF gives the headings of page `index` as read in `lang` (as the
/// body's writer does), by heading id.
fn heading_labels(ctx: &RenderContext<'_>, index: usize, lang: &Lang, prefix: &str) -> BTreeMap<String, String> {
    ctx.prepared_for(index, lang)
        .map(|prepared| markup::heading_labels(prepared, View::Trainer, None, prefix))
        .unwrap_or_default()
}

/// A session plan or programme as a typst value for the theme's `session-plan`: its heading,
/// column titles, rows (with the label each row leads to, from `target(module, heading id)`)
/// and total.
fn plan_value(
    ctx: &RenderContext<'_>,
    lang: &Lang,
    plan: &PlanView,
    target: &dyn Fn(usize, Option<&str>) -> Option<String>,
) -> String {
    let t = |id: &str| string(&ctx.i18n.message(lang, id));
    let opt = |value: Option<&str>| value.map_or("none".to_string(), string);
    let rows: Vec<String> = plan
        .rows
        .iter()
        .map(|row| {
            let label = row.anchor.as_ref().and_then(|(module, id)| target(*module, id.as_deref()));
            format!(
                "(kind: {}, start: {}, minutes: {}, title: {}, lang: {}, target: {}, format: {}, materials: {}, handout: {})",
                string(row.kind),
                string(&row.start),
                string(&row.minutes.to_string()),
                string(&row.title),
                opt(row.lang.as_deref()),
                opt(label.as_deref()),
                opt(row.format.as_deref()),
                string(&row.materials),
                row.handout,
            )
        })
        .collect();
    format!(
        "(heading: {}, lang: {}, columns: (start: {}, minutes: {}, activity: {}, format: {}, materials: {}), \
         handout: {}, rows: ({}), total: {})",
        string(&plan.heading),
        opt(plan.lang.as_deref()),
        t("session-plan-start"),
        t("session-plan-duration"),
        t("session-plan-activity"),
        t("session-plan-format"),
        t("session-plan-materials"),
        t("activity-handout"),
        rows.iter().map(|row| format!("{row},")).collect::<String>(),
        string(&plan.total),
    )
}

/// What the cover, the imprint and the PDF's metadata say about a document.
struct Meta<'a> {
    kind: &'static str,
    /// "Trainer edition", "Handout": said on the cover or the sheet's header.
    edition: Option<String>,
    /// The trainer's edition's session plan or programme, as a typst value (`plan_value`).
    plan: Option<String>,
    title: &'a str,
    subtitle: Option<&'a str>,
    description: Option<&'a str>,
    keywords: &'a [String],
    authors: &'a [String],
    translators: Vec<String>,
    /// The imprint's line on review: who reviewed the translation, or that nobody has yet.
    review: Option<String>,
    notice: Option<String>,
    licence: crate::licence::Licence,
    web_path: &'a str,
}

/// The import of the theme and the `publication` call with every metadata value as a string
/// literal.
fn preamble(ctx: &RenderContext<'_>, lang: &Lang, path: &str, meta: &Meta<'_>) -> String {
    let config = ctx.config;
    let t = |id: &str| string(&ctx.i18n.message(lang, id));
    let legal = legal_view(ctx, lang, meta.licence);
    let opt = |value: Option<&str>| value.filter(|v| !v.is_empty()).map_or("none".to_string(), string);
    let date = ctx.spec.date.as_deref().and_then(parse_date);
    let date_value = date.map_or("none".to_string(), |(y, m, d)| format!("datetime(year: {y}, month: {m}, day: {d})"));
    let web_url = (!config.base_url.is_empty())
        .then(|| format!("{}{}{}/{lang}/{}", config.base_url, config.base_path, ctx.site.version, meta.web_path));
    let translated_by = (!meta.translators.is_empty())
        .then(|| ctx.i18n.format(lang, "translated-by", &[("names", i18n::text(&meta.translators.join(", ")))]));
    let licence_url = (!legal.licence_url.is_empty()).then_some(legal.licence_url.as_str());
    let mut description = meta.description.unwrap_or(&config.description).to_string();
    // The licence goes into the document's metadata too (typst has no rights field).
    if !legal.licence_notice.is_empty() {
        description = format!("{description} {}", legal.licence_notice).trim().to_string();
    }
    format!(
        r#"// Generated by innotrain for {path}. Edit the Markdown, not this file.
#import "/theme/{TEMPLATE}": *

#let meta = (
  kind: {kind},
  edition: {edition},
  plan: {plan},
  lang: {lang_code},
  title: {title},
  running-title: {running_title},
  subtitle: {subtitle},
  description: {summary},
  document-description: {description},
  keywords: {keywords},
  authors: {authors},
  translated-by: {translated_by},
  review: {review},
  site-title: {site_title},
  project: {project},
  programme: {programme},
  project-number: {number},
  version: {version_label},
  date: {date_value},
  date-text: {date_text},
  language-name: {language_name},
  web-url: {web_url},
  licence: (name: {licence_name}, url: {licence_url}),
  paper: {paper},
  emblem: "/static/eu-emblem.svg",
  notice: {notice},
  legal: (
    emblem-alt: {emblem_alt},
    funding: {funding},
    disclaimer: {disclaimer},
    licence-notice: {licence_notice},
  ),
  strings: (
    contents: {contents},
    page: {page},
    version: {version_word},
    date: {date_word},
    language: {language_word},
    licence: {licence_word},
    about: {about},
    project: {project_word},
    programme: {programme_word},
    project-number: {number_word},
    authors: {authors_word},
    web-version: {web_word},
    duration: {duration_word},
    audience: {audience_word},
    eqf-level: {eqf_word},
    keywords: {keywords_word},
  ),
)
#show: publication.with(meta)

"#,
        kind = string(meta.kind),
        edition = opt(meta.edition.as_deref()),
        plan = meta.plan.as_deref().unwrap_or("none"),
        lang_code = string(lang.as_str()),
        title = string(meta.title),
        running_title = string(&match &meta.edition {
            Some(edition) => format!("{} · {edition}", meta.title),
            None => meta.title.to_string(),
        }),
        subtitle = opt(meta.subtitle),
        summary = opt(meta.description),
        description = string(&description),
        keywords = string_array(meta.keywords),
        authors = string_array(meta.authors),
        translated_by = opt(translated_by.as_deref()),
        review = opt(meta.review.as_deref()),
        site_title = string(if config.project.acronym.is_empty() { &config.title } else { &config.project.acronym }),
        project = opt(Some(&config.project.name)),
        programme = opt(Some(&config.project.programme)),
        number = opt(Some(&config.project.number)),
        version_label = string(ctx.site.version.as_str()),
        date_text = opt(ctx.spec.date.as_deref()),
        language_name = string(&config.language_name(lang.as_str())),
        web_url = opt(web_url.as_deref()),
        licence_name = string(&legal.licence_name),
        licence_url = opt(licence_url),
        paper = string(config.pdf.paper.typst_name()),
        notice = opt(meta.notice.as_deref()),
        emblem_alt = string(&legal.emblem_alt),
        funding = string(&legal.funding),
        disclaimer = string(&legal.disclaimer),
        licence_notice = string(&legal.licence_notice),
        contents = t("pdf-contents"),
        page = t("pdf-page"),
        version_word = t("version"),
        date_word = t("pdf-date"),
        language_word = t("language"),
        licence_word = t("licence"),
        about = t("pdf-about"),
        project_word = t("pdf-project"),
        programme_word = t("pdf-programme"),
        number_word = t("pdf-project-number"),
        authors_word = t("pdf-authors"),
        web_word = t("pdf-web-version"),
        duration_word = t("duration"),
        audience_word = t("audience"),
        eqf_word = t("eqf-level"),
        keywords_word = t("keywords"),
    )
}

fn is_dated(ctx: &RenderContext<'_>) -> bool {
    ctx.spec.date.as_deref().and_then(parse_date).is_some()
}

/// `2020-06-30` → (2020, 6, 30); book.toml dates are validated when loaded.
fn parse_date(date: &str) -> Option<(i32, u8, u8)> {
    let mut parts = date.splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    Some((year, month, day))
}

/// What the imprint says about the review of the translated texts of `pages` in `lang`: that a
/// text has not been reviewed yet (if any has not), or who reviewed them; nothing for texts in
/// the default language.
fn review_line(ctx: &RenderContext<'_>, pages: &[&Page], lang: &Lang) -> Option<String> {
    let translations: Vec<&Document> =
        pages.iter().filter_map(|page| page.translations.get(lang).filter(|_| page.source.lang != *lang)).collect();
    if translations.iter().any(|t| t.review.is_none()) {
        return Some(ctx.i18n.message(lang, "unreviewed-notice"));
    }
    let mut lines: Vec<String> = Vec::new();
    for review in translations.iter().filter_map(|t| t.review.as_ref()) {
        let line = super::common::reviewed_by(ctx, lang, review);
        if !lines.contains(&line) {
            lines.push(line);
        }
    }
    (!lines.is_empty()).then(|| lines.join("; "))
}

/// The fallback and outdated notices of a page in `lang`, as the web page shows them.
fn notices(ctx: &RenderContext<'_>, page: &Page, lang: &Lang) -> Option<String> {
    let doc = page.text(lang);
    let name = |l: &Lang| ctx.config.language_name(l.as_str());
    if &doc.lang != lang {
        return Some(ctx.i18n.format(
            lang,
            "fallback-notice",
            &[("language", i18n::text(&name(lang))), ("original", i18n::text(&name(&doc.lang)))],
        ));
    }
    (crate::translate::freshness::freshness(page, lang) == crate::translate::freshness::Freshness::Outdated)
        .then(|| ctx.i18n.format(lang, "outdated-notice", &[("original", i18n::text(&name(&page.source.lang)))]))
}

/// The module's facts block and learning outcomes, in `lang` (outcomes in the language they
/// are written in).
fn facts_and_outcomes(ctx: &RenderContext<'_>, page: &Page, lang: &Lang, heading_level: u8) -> String {
    if page.kind != PageKind::Module {
        return String::new();
    }
    let meta = module_meta(ctx, page, lang);
    // A module with no facts gets no facts box: an empty frame would say nothing.
    let has_facts =
        meta.duration.is_some() || !meta.audience.is_empty() || meta.eqf_level.is_some() || !meta.keywords.is_empty();
    let mut out = String::new();
    if has_facts {
        out.push_str(&format!(
            "#module-facts(meta.strings, duration: {}, audience: {}, eqf: {}, keywords: {});\n",
            meta.duration.as_deref().map_or("none".to_string(), string),
            string_array(&meta.audience),
            meta.eqf_level.map_or("none".to_string(), |level| level.to_string()),
            string_array(&meta.keywords),
        ));
    }
    let groups: Vec<(String, &Vec<String>)> = [
        ("outcomes-knowledge", &meta.knowledge),
        ("outcomes-skills", &meta.skills),
        ("outcomes-responsibility-autonomy", &meta.responsibility_autonomy),
    ]
    .into_iter()
    .filter(|(_, items)| !items.is_empty())
    .map(|(id, items)| (ctx.i18n.message(lang, id), items))
    .collect();
    if !groups.is_empty() {
        let groups: Vec<String> =
            groups.iter().map(|(title, items)| format!("({}, {})", string(title), string_array(items))).collect();
        let lang_arg = meta.outcomes_lang.as_deref().map_or("auto".to_string(), string);
        out.push_str(&format!(
            "#learning-outcomes({}, level: {heading_level}, ({},), lang: {lang_arg});\n\n",
            string(&ctx.i18n.message(lang, "learning-outcomes")),
            groups.join(", "),
        ));
    }
    out
}

/// Text in another language than the reader's (a fallback) is marked with its language, so
/// the PDF's tags tell screen readers the truth.
fn in_language(body: Markup, doc: &Document, reader: &Lang) -> Markup {
    if &doc.lang == reader {
        return body;
    }
    let mut wrapped =
        Markup { text: format!("#[#set text(lang: {})\n", string(doc.lang.as_str())), ..Markup::default() };
    wrapped.push_markup(body);
    wrapped.text.push_str("]\n");
    wrapped
}

/// How a text is written into a PDF.
struct Body<'a> {
    /// Added to the Markdown heading levels (see [`MarkupOptions`]).
    heading_shift: i8,
    label_prefix: &'a str,
    view: View,
    /// Only these prepared events (a handout).
    only: Option<std::ops::Range<usize>>,
}

/// The body of page `index` as read in `lang`, as typst markup.
fn body_markup(
    ctx: &RenderContext<'_>,
    index: usize,
    lang: &Lang,
    pdf_path: &str,
    body: &Body<'_>,
    images: &mut BTreeSet<String>,
    chapters: &BTreeMap<usize, String>,
) -> Markup {
    let Some(prepared) = ctx.prepared_for(index, lang) else { return Markup::default() };
    let page = &ctx.site.pages[index];
    let doc = page.text(lang);
    // Where the PDF sits, as a page path (`io3-x/indicators/`), to link relatively from there.
    let pdf_dir = pdf_path
        .strip_prefix(&format!("{}/{lang}/", ctx.site.version))
        .and_then(|rest| rest.rsplit_once('/'))
        .map_or(String::new(), |(dir, _)| format!("{dir}/"));
    let anchors = |i: usize, l: &Lang| ctx.prepared_for(i, l).map(|p| &p.anchors);
    let link_ctx =
        LinkContext { site: ctx.site, page, doc, reader: lang, urls: ctx.urls, anchors: &anchors, place: Place::Site };
    let found_images = std::cell::RefCell::new(BTreeSet::new());
    let resolve = |dest: &str, is_image: bool, _number: usize| -> LinkTarget {
        resolve_for_pdf(ctx, prepared, &link_ctx, dest, is_image, lang, &pdf_dir, chapters, &found_images)
    };
    // A handout links to the rest of its module on the web page.
    let web_url = body.only.as_ref().map(|_| page_url(ctx, lang, &pdf_dir, &page.path));
    let options = MarkupOptions {
        heading_shift: body.heading_shift,
        label_prefix: body.label_prefix,
        resolve: &resolve,
        view: body.view,
        only: body.only.clone(),
        materials: body.only.is_none(),
        web_url: web_url.as_deref(),
    };
    let written = markup::write_body(prepared, &options);
    images.extend(found_images.into_inner());
    written
}

/// The address of the web page at `path` from a PDF in the folder `pdf_dir`: absolute with a
/// base URL (it keeps working in a downloaded copy), else relative.
fn page_url(ctx: &RenderContext<'_>, lang: &Lang, pdf_dir: &str, path: &str) -> String {
    let config = ctx.config;
    if config.base_url.is_empty() {
        ctx.urls.page(pdf_dir, path)
    } else {
        format!("{}{}{}/{lang}/{path}", config.base_url, config.base_path, ctx.site.version)
    }
}

#[allow(clippy::too_many_arguments)]
fn resolve_for_pdf(
    ctx: &RenderContext<'_>,
    prepared: &Prepared,
    link_ctx: &LinkContext<'_>,
    dest: &str,
    is_image: bool,
    lang: &Lang,
    pdf_dir: &str,
    chapters: &BTreeMap<usize, String>,
    images: &std::cell::RefCell<BTreeSet<String>>,
) -> LinkTarget {
    let config = ctx.config;
    let web = |path: &str| page_url(ctx, lang, pdf_dir, path);
    match resolve_target(dest, is_image, prepared, link_ctx) {
        Ok(Target::AsWritten) if is_image => LinkTarget::None,
        Ok(Target::AsWritten) => LinkTarget::Url(dest.to_string()),
        Ok(Target::Anchor(fragment)) => LinkTarget::Fragment(fragment),
        Ok(Target::Page { index, fragment }) => match chapters.get(&index) {
            Some(label) if fragment.is_none() => LinkTarget::Label(label.clone()),
            _ => {
                let mut url = web(&ctx.site.pages[index].path);
                if let Some(fragment) = fragment {
                    url.push('#');
                    url.push_str(&crate::urls::encode_path(&fragment));
                }
                LinkTarget::Url(url)
            }
        },
        Ok(Target::Asset { path, .. }) if is_image => {
            images.borrow_mut().insert(path.clone());
            LinkTarget::Image(format!("{MEDIA_DIR}{path}"))
        }
        Ok(Target::Asset { path, fragment }) => {
            let mut url = if config.base_url.is_empty() {
                ctx.urls.media(pdf_dir, &path)
            } else {
                format!("{}{}{}/media/{}", config.base_url, config.base_path, ctx.site.version, path)
            };
            if let Some(fragment) = fragment {
                url.push('#');
                url.push_str(&fragment);
            }
            LinkTarget::Url(url)
        }
        Ok(Target::Nowhere) | Err(_) => LinkTarget::None,
    }
}
