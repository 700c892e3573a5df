//! The catalogue of a version, in every language's UI: every module with its facts (output,
//! summary, duration, audience, EQF level, languages, and its PDF once PDFs exist), and filters.
//!
//! The page is complete without JavaScript: the whole list is in the HTML and the filters are a
//! GET form, so a filtered address can be shared. The theme's script reads the same address
//! parameters, filters the list in place and keeps the address up to date.

use tera::Context;

use crate::content::PageKind;
use crate::content::front_matter::Audience;
use crate::i18n;
use crate::key::Lang;
use crate::output::OutputFile;

use super::RenderContext;
use super::common::{CATALOGUE_PATH, format_duration, title_in};
use super::page::Sidebars;
use super::site_page::site_page_view;
use super::views::{CatalogueEntryView, CatalogueView, ChoiceView, LanguageLinkView};

/// `<version>/<lang>/catalogue/index.html` for `lang`.
pub fn render_catalogue_page(ctx: &RenderContext<'_>, lang: &Lang, sidebars: &Sidebars) -> anyhow::Result<OutputFile> {
    let title = ctx.i18n.message(lang, "catalogue-title");
    let intro = ctx.i18n.message(lang, "catalogue-intro");
    let mut view = site_page_view(ctx, lang, "catalogue", CATALOGUE_PATH, title, intro, sidebars);
    view.catalogue = Some(catalogue_view(ctx, lang));
    let mut context = Context::new();
    context.insert("page", &view);
    let html = ctx
        .theme
        .tera
        .render("catalogue.html", &context)
        .map_err(|e| anyhow::anyhow!("template `catalogue.html`: {e}"))?;
    Ok(OutputFile { path: format!("{}/{lang}/{CATALOGUE_PATH}index.html", ctx.site.version), bytes: html.into_bytes() })
}

fn catalogue_view(ctx: &RenderContext<'_>, lang: &Lang) -> CatalogueView {
    let site = ctx.site;
    let config = ctx.config;
    let from = CATALOGUE_PATH;
    let entries: Vec<CatalogueEntryView> = site
        .pages
        .iter()
        .enumerate()
        .filter(|(_, page)| page.kind == PageKind::Module)
        .map(|(index, page)| {
            let doc = page.text(lang);
            let output = &site.outputs[page.output.expect("a module belongs to an output")];
            let (output_title, output_lang) = title_in(&site.pages[output.landing], lang);
            let facts = &page.facts;
            let keywords_doc = if doc.keywords.is_empty() { &page.source } else { doc };
            CatalogueEntryView {
                id: page.id.to_string(),
                title: doc.title.clone(),
                href: ctx.urls.page(from, &page.path),
                lang: (&doc.lang != lang).then(|| doc.lang.to_string()),
                translated: page.is_translated(lang),
                summary: doc.summary.clone(),
                keywords: keywords_doc.keywords.clone(),
                keywords_lang: (&keywords_doc.lang != lang).then(|| keywords_doc.lang.to_string()),
                output: output.slug.clone(),
                output_title,
                output_lang,
                duration_minutes: facts.duration_minutes,
                duration: facts.duration_minutes.map(|m| format_duration(ctx, lang, m)),
                audience_ids: facts.audience.iter().map(|a| a.id()).collect::<Vec<_>>().join(" "),
                audience: facts.audience.iter().map(|a| audience_label(ctx, lang, *a)).collect(),
                eqf_level: facts.eqf_level,
                activity_time: (facts.trainer.activities > 0)
                    .then(|| format_duration(ctx, lang, facts.trainer.activity_minutes)),
                handouts: facts.trainer.handouts,
                trainer_href: facts
                    .trainer
                    .has_view
                    .then(|| ctx.urls.page(from, &format!("{}{}", page.path, super::common::TRAINER_PATH))),
                languages: config
                    .langs()
                    .filter(|l| page.is_translated(l))
                    .map(|l| LanguageLinkView {
                        code: l.to_string(),
                        name: config.language_name(l.as_str()),
                        href: ctx.urls.page_in_lang(from, l.as_str(), &page.path),
                    })
                    .collect(),
                // The module's PDF in the reader's language, with its size ("PDF, 180 kB").
                pdf: ctx.pdfs.get(&(index, lang.clone(), super::common::Edition::Reader)).map(|pdf| {
                    super::views::LinkView {
                        title: match pdf.bytes {
                            Some(bytes) => format!("{}, {}", pdf.file_name, super::common::file_size(bytes, lang)),
                            None => pdf.file_name.clone(),
                        },
                        href: format!(
                            "{}{}",
                            ctx.urls.page(from, &page.path).trim_end_matches("index.html"),
                            crate::urls::encode_path(&pdf.file_name)
                        ),
                        lang: None,
                    }
                }),
            }
        })
        .collect();

    let outputs = site
        .outputs
        .iter()
        .filter(|output| !output.modules.is_empty())
        .map(|output| {
            let (label, lang) = title_in(&site.pages[output.landing], lang);
            ChoiceView { value: output.slug.clone(), label, lang }
        })
        .collect();
    let modules = || site.pages.iter().filter(|p| p.kind == PageKind::Module);
    let audiences = Audience::ALL
        .iter()
        .filter(|a| modules().any(|p| p.facts.audience.contains(a)))
        .map(|a| ChoiceView { value: a.id().to_string(), label: audience_label(ctx, lang, *a), lang: None })
        .collect();
    let mut levels: Vec<u8> = modules().filter_map(|p| p.facts.eqf_level).collect();
    levels.sort_unstable();
    levels.dedup();
    let eqf_levels =
        levels.iter().map(|l| ChoiceView { value: l.to_string(), label: l.to_string(), lang: None }).collect();

    let (count_one, count_other) = ctx.i18n.count_templates(lang, "catalogue-count", &[]);
    CatalogueView {
        count: ctx.i18n.format(lang, "catalogue-count", &[("count", i18n::number(entries.len() as u32))]),
        entries,
        outputs,
        audiences,
        eqf_levels,
        any_handouts: modules().any(|p| p.facts.trainer.handouts > 0),
        my_language: (lang != &config.default_lang).then(|| {
            ctx.i18n.format(
                lang,
                "catalogue-my-language",
                &[("language", i18n::text(&config.language_name(lang.as_str())))],
            )
        }),
        count_one,
        count_other,
        href: ctx.urls.page(from, from),
    }
}

fn audience_label(ctx: &RenderContext<'_>, lang: &Lang, audience: Audience) -> String {
    ctx.i18n.message(lang, &format!("audience-{}", audience.id()))
}
