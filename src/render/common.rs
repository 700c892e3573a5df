//! What the pages, the PDFs, the packages and the site's files share, below all of them: the
//! site's own folders, the downloads as pages link them, absolute addresses, the legal block,
//! a module's facts and dates in the reader's language.

use serde::Serialize;

use crate::config::Config;
use crate::content::{Page, Site};
use crate::i18n;
use crate::key::Lang;
use crate::slug::ascii_name;
use crate::translate::freshness::{Notice, notice};

use super::RenderContext;
use super::views::{LegalView, LinkView, ModuleMetaView};

/// Where each language's translation status page lives (a folder name no output may take).
pub const STATUS_PATH: &str = "status/";

/// Where each language's accessibility statement lives (a folder name no output may take).
pub const ACCESSIBILITY_PATH: &str = "accessibility/";

/// Where each language's catalogue of modules lives (a folder name no output may take).
pub const CATALOGUE_PATH: &str = "catalogue/";

/// Where each language's glossary of agreed terms lives, in a version that has terms files (a
/// folder name no output may take).
pub const GLOSSARY_PATH: &str = "glossary/";

/// The site's own pages, which every version has in every language.
pub const SITE_PAGES: [&str; 3] = [STATUS_PATH, ACCESSIBILITY_PATH, CATALOGUE_PATH];

/// Where a module's or an output's trainer view lives, below its own address.
pub const TRAINER_PATH: &str = "trainer/";

/// Where an offline copy's search index sits, in its language's folder.
pub const SEARCH_INDEX: &str = "search-index.js";

/// The start of every package, e-book and offline copy's file name: the project's acronym, else
/// the site's title, in ASCII (LMS upload forms and unzip tools have broken on other names).
pub fn ascii_prefix(config: &Config) -> String {
    let name = [&config.project.acronym, &config.title].into_iter().find(|name| !name.trim().is_empty());
    ascii_name(name.map_or("", |name| name.as_str()), "document")
}

/// The version label in ASCII for those file names, its dots kept (`2.0` is the version
/// everyone knows).
pub fn ascii_version(site: &Site) -> String {
    ascii_name(&site.version.as_str().replace('.', "-dot-"), "version").replace("-dot-", ".")
}

/// A download as pages link to it: a PDF, a package, an e-book, an offline copy.
#[derive(Debug, Clone, Serialize)]
pub struct DownloadLink {
    /// Output path of the file.
    pub path: String,
    /// File name (for `download` attributes).
    pub file_name: String,
    /// Size in bytes; `None` when the file is made later (the preview makes it on request) or by
    /// another build (of other languages or another part).
    pub bytes: Option<usize>,
}

/// Which of a page's PDFs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Edition {
    /// The participants' text: a module's PDF, an output's book.
    Reader,
    /// The trainer's: the session plan (or the programme) first, then the text with the
    /// trainer notes set apart.
    Trainer,
    /// The sheet for participants of the source text's activity with this index (marked
    /// `handout`).
    Handout(usize),
}

/// The folder of page `index`'s PDFs of `edition`, as a page path: the page's own, or its
/// trainer view's for the trainer's PDFs and the handouts.
pub fn pdf_folder(page: &Page, edition: Edition) -> String {
    match edition {
        Edition::Reader => page.path.clone(),
        Edition::Trainer | Edition::Handout(_) => format!("{}{TRAINER_PATH}", page.path),
    }
}

/// The address of a PDF of page `target` from the page at `from`, with the PDF; `None` when
/// it was not made.
pub fn pdf_href<'a>(
    ctx: &'a RenderContext<'_>,
    from: &str,
    target: usize,
    lang: &Lang,
    edition: Edition,
) -> Option<(String, &'a DownloadLink)> {
    let link = ctx.pdfs.get(&(target, lang.clone(), edition))?;
    // From the page's folder to the folder of the PDF, then the file.
    let folder = ctx.urls.page(from, &pdf_folder(&ctx.site.pages[target], edition));
    let folder = folder.trim_end_matches("index.html").trim_start_matches("./");
    Some((format!("{folder}{}", crate::urls::encode_path(&link.file_name)), link))
}

/// A page's title in `lang`, and the language it is really in when that differs.
pub fn title_in(page: &Page, lang: &Lang) -> (String, Option<String>) {
    let doc = page.text(lang);
    (doc.title.clone(), (&doc.lang != lang).then(|| doc.lang.to_string()))
}

/// A module's facts and learning outcomes in `lang`, on its page, in its PDF and in its packages.
pub fn module_meta(ctx: &RenderContext<'_>, page: &Page, lang: &Lang) -> ModuleMetaView {
    let doc = page.text(lang);
    // Outcomes come from the translation when it has them, else from the source.
    let outcomes_doc = if doc.learning_outcomes.is_empty() { &page.source } else { doc };
    let facts = &page.facts;
    ModuleMetaView {
        duration: facts.duration_minutes.map(|m| format_duration(ctx, lang, m)),
        audience: facts.audience.iter().map(|a| ctx.i18n.message(lang, &format!("audience-{}", a.id()))).collect(),
        eqf_level: facts.eqf_level,
        knowledge: outcomes_doc.learning_outcomes.knowledge.clone(),
        skills: outcomes_doc.learning_outcomes.skills.clone(),
        responsibility_autonomy: outcomes_doc.learning_outcomes.responsibility_autonomy.clone(),
        outcomes_lang: (&outcomes_doc.lang != lang).then(|| outcomes_doc.lang.to_string()),
        outcomes_dir: ctx.config.dir(&outcomes_doc.lang),
        keywords: if doc.keywords.is_empty() { page.source.keywords.clone() } else { doc.keywords.clone() },
        prerequisites: facts
            .prerequisites
            .iter()
            .filter_map(|id| ctx.site.by_id.get(id))
            .map(|&i| {
                let target = &ctx.site.pages[i];
                let (title, title_lang) = title_in(target, lang);
                LinkView { title, href: ctx.urls.page(&page.path, &target.path), lang: title_lang }
            })
            .collect(),
    }
}

/// `180 kB`, `1.2 MB`; a decimal comma in every site language but English.
pub fn file_size(bytes: usize, lang: &Lang) -> String {
    let (number, unit) = if bytes < 1_000_000 {
        (format!("{}", bytes.div_ceil(1000)), "kB")
    } else {
        (format!("{:.1}", bytes as f64 / 1_000_000.0), "MB")
    };
    let number = if lang.as_str() == "en" { number } else { number.replace('.', ",") };
    format!("{number}\u{a0}{unit}")
}

/// `90 minutes`, in `lang`.
pub fn format_duration(ctx: &RenderContext<'_>, lang: &Lang, minutes: u32) -> String {
    ctx.i18n.format(lang, "duration-minutes", &[("minutes", i18n::number(minutes))])
}

/// The legal block of every page, in `lang`.
pub fn legal_view(ctx: &RenderContext<'_>, lang: &Lang, licence: crate::licence::Licence) -> LegalView {
    let suffix = ctx.config.funding_period.message_suffix();
    LegalView {
        emblem_alt: ctx.i18n.message(lang, "legal-emblem-alt"),
        funding: ctx.i18n.message(lang, &format!("legal-funding-{suffix}")),
        disclaimer: ctx.i18n.message(lang, &format!("legal-disclaimer-{suffix}")),
        licence_notice: ctx.i18n.format(lang, "legal-licence-notice", &[("licence", i18n::text(licence.name))]),
        licence_name: licence.name.to_string(),
        licence_url: licence.url.to_string(),
    }
}

/// `https://host/base/2.0/el/io3/x/` (or `/base/2.0/el/io3/x/` without a base URL).
pub fn absolute_url(ctx: &RenderContext<'_>, lang: &Lang, path: &str) -> String {
    format!("{}{}{}/{lang}/{path}", ctx.config.base_url, ctx.config.base_path, ctx.site.version)
}

/// "Translation reviewed by Name on 1 December 2026", in `lang`.
pub fn reviewed_by(ctx: &RenderContext<'_>, lang: &Lang, review: &crate::content::front_matter::Review) -> String {
    let date = format_date(ctx, lang, &review.date);
    ctx.i18n.format(lang, "reviewed-by", &[("name", i18n::text(&review.by)), ("date", i18n::text(&date))])
}

/// `2026-11-28` in the reader's language ("28 November 2026", "28. November 2026" …), through
/// the `accessibility-date` message. The date was validated as `YYYY-MM-DD` with the config.
pub fn format_date(ctx: &RenderContext<'_>, lang: &Lang, date: &str) -> String {
    let mut parts = date.split('-');
    let (Some(year), Some(month), Some(day)) = (parts.next(), parts.next(), parts.next()) else {
        return date.to_string();
    };
    let number = |s: &str| s.parse::<u32>().unwrap_or(0);
    ctx.i18n.format(
        lang,
        "accessibility-date",
        &[("day", i18n::number(number(day))), ("month", i18n::number(number(month))), ("year", i18n::text(year))],
    )
}

/// The notices above a text read in `lang`: not translated yet (the reader gets the original),
/// its translation behind the source, or not reviewed.
pub struct Notices {
    pub fallback: Option<String>,
    pub outdated: Option<String>,
    pub unreviewed: Option<String>,
}

/// The [`Notices`] of `page` for readers of `lang`, in `lang`.
pub fn notices(ctx: &RenderContext<'_>, page: &Page, lang: &Lang) -> Notices {
    let doc = page.text(lang);
    let name = |l: &Lang| ctx.config.language_name(l.as_str());
    let (reader, text, source) = (name(lang), name(&doc.lang), name(&page.source.lang));
    let notice = notice(page, lang);
    Notices {
        fallback: (&doc.lang != lang).then(|| {
            ctx.i18n.format(
                lang,
                "fallback-notice",
                &[("language", i18n::text(&reader)), ("original", i18n::text(&text))],
            )
        }),
        outdated: (notice == Some(Notice::Outdated))
            .then(|| ctx.i18n.format(lang, "outdated-notice", &[("original", i18n::text(&source))])),
        unreviewed: (notice == Some(Notice::Unreviewed)).then(|| ctx.i18n.message(lang, "unreviewed-notice")),
    }
}
