//! The glossary page of a version, in every language's UI: the project's agreed terms
//! (`locales/<lang>/terms.toml`) side by side, one row per default-language term, so that a
//! trainer reading in Greek finds the Greek term for a word of an English handout, and a
//! translator sees what the other languages agreed. Only a version with terms files has it.

use std::collections::BTreeMap;

use tera::Context;

use crate::content::terms::{Glossary, Term};
use crate::key::Lang;
use crate::output::OutputFile;
use crate::slug::IdAllocator;

use super::RenderContext;
use super::common::GLOSSARY_PATH;
use super::page::Sidebars;
use super::site_page::site_page_view;
use super::views::{GlossaryCellView, GlossaryRowView, GlossarySourcesView, GlossaryView, LinkView};

/// `<version>/<lang>/glossary/index.html` for `lang`.
pub fn render_glossary_page(ctx: &RenderContext<'_>, lang: &Lang, sidebars: &Sidebars) -> anyhow::Result<OutputFile> {
    let title = ctx.i18n.message(lang, "glossary");
    let intro = ctx.i18n.message(lang, "glossary-intro");
    let mut view = site_page_view(ctx, lang, "glossary", GLOSSARY_PATH, title, intro, sidebars);
    view.glossary = Some(glossary_view(ctx, lang));
    let mut context = Context::new();
    context.insert("page", &view);
    let html = ctx
        .theme
        .tera
        .render("glossary.html", &context)
        .map_err(|e| anyhow::anyhow!("template `glossary.html`: {e}"))?;
    Ok(OutputFile { path: format!("{}/{lang}/{GLOSSARY_PATH}index.html", ctx.site.version), bytes: html.into_bytes() })
}

fn glossary_view(ctx: &RenderContext<'_>, lang: &Lang) -> GlossaryView {
    let config = ctx.config;
    // The reader's language right after the default language, then the others in book.toml order.
    let mut columns: Vec<(&Lang, &Glossary)> = config
        .langs()
        .filter_map(|l| ctx.glossaries.get_key_value(l))
        .filter(|(l, _)| *l == lang)
        .chain(config.langs().filter(|l| *l != lang).filter_map(|l| ctx.glossaries.get_key_value(l)))
        .collect();
    columns.dedup_by_key(|(l, _)| *l);

    // One row per default-language term, in alphabetical order, whichever files list it.
    let mut rows: BTreeMap<String, (String, Vec<Option<&Term>>)> = BTreeMap::new();
    for (column, (_, glossary)) in columns.iter().enumerate() {
        for term in &glossary.terms {
            let forms: Vec<&str> = term.source_forms().collect();
            let shown = match forms.as_slice() {
                [only] => only.to_string(),
                [first, rest @ ..] => format!("{first} ({})", rest.join(", ")),
                [] => continue,
            };
            let row = rows.entry(term.source.to_lowercase()).or_insert_with(|| (shown, vec![None; columns.len()]));
            row.1[column] = Some(term);
        }
    }
    let mut ids = IdAllocator::default();
    let rows = rows
        .into_values()
        .map(|(term, cells)| GlossaryRowView {
            id: ids.unique(&format!("term-{}", crate::slug::slugify(&term))),
            term,
            cells: cells
                .into_iter()
                .zip(&columns)
                .map(|(term, (code, _))| match term {
                    Some(term) => GlossaryCellView {
                        lang: code.to_string(),
                        approved: term.approved.clone(),
                        also: term.also.join(", "),
                        avoid: term.forbidden.join(", "),
                        from: term.from.clone().unwrap_or_default(),
                        unsure: term.unsure,
                    },
                    None => GlossaryCellView {
                        lang: code.to_string(),
                        approved: String::new(),
                        also: String::new(),
                        avoid: String::new(),
                        from: String::new(),
                        unsure: false,
                    },
                })
                .collect(),
        })
        .collect();

    let languages = std::iter::once(&config.default_lang)
        .chain(columns.iter().map(|(l, _)| *l))
        .map(|l| LinkView { title: config.language_name(l.as_str()), href: l.to_string(), lang: Some(l.to_string()) })
        .collect();
    let sources = columns
        .iter()
        .filter(|(_, glossary)| !glossary.sources.is_empty())
        .map(|(code, glossary)| GlossarySourcesView {
            language: config.language_name(code.as_str()),
            lang: code.to_string(),
            entries: glossary
                .sources
                .iter()
                .map(|(key, title)| LinkView { title: title.clone(), href: key.clone(), lang: None })
                .collect(),
        })
        .collect();
    let any_unsure = columns.iter().any(|(_, glossary)| glossary.terms.iter().any(|t| t.unsure));
    GlossaryView { languages, rows, sources, any_unsure, source_lang: config.default_lang.to_string() }
}
