//! The translation status page of a version, in every language's UI: the matrix of
//! `innotrain status` for readers and partners, linked from every page's footer.

use tera::Context;

use crate::key::Lang;
use crate::output::OutputFile;
use crate::translate::freshness::Freshness;
use crate::translate::status::{StatusFilter, status_report};

use super::RenderContext;
use super::common::STATUS_PATH;
use super::page::Sidebars;
use super::site_page::site_page_view;
use super::views::{LinkView, StatusCellView, StatusRowView, StatusView};

/// `<version>/<lang>/status/index.html` for `lang`.
pub fn render_status_page(ctx: &RenderContext<'_>, lang: &Lang, sidebars: &Sidebars) -> anyhow::Result<OutputFile> {
    let config = ctx.config;
    let site = ctx.site;
    let report = status_report(config, site, &StatusFilter::default());
    let from = STATUS_PATH;
    let language_name = |l: &str| config.language_name(l);
    let state_label = |state: Freshness| ctx.i18n.message(lang, &format!("state-{}", state.name()));

    let rows = report
        .pages
        .iter()
        .zip(&site.pages)
        .map(|(status, page)| {
            let doc = page.text(lang);
            StatusRowView {
                page: LinkView {
                    title: doc.title.clone(),
                    href: ctx.urls.page(from, &page.path),
                    lang: (&doc.lang != lang).then(|| doc.lang.to_string()),
                },
                is_module: status.kind == "module",
                cells: report
                    .languages
                    .iter()
                    .map(|code| {
                        let state = status.languages[code].state;
                        StatusCellView {
                            state: state.name(),
                            label: state_label(state),
                            href: ctx.urls.page_in_lang(from, code, &page.path),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    let totals = report
        .languages
        .iter()
        .filter(|code| **code != report.default_language)
        .map(|code| {
            let summary: Vec<String> = Freshness::ALL
                .iter()
                .filter_map(|state| {
                    report.totals[code].get(state.name()).map(|n| format!("{n} {}", state_label(*state)))
                })
                .collect();
            LinkView { title: language_name(code), href: summary.join(", "), lang: None }
        })
        .collect();
    let status = StatusView {
        languages: report
            .languages
            .iter()
            .map(|code| LinkView { title: language_name(code), href: code.clone(), lang: Some(code.clone()) })
            .collect(),
        rows,
        totals,
    };

    let title = ctx.i18n.message(lang, "translation-status");
    let summary = ctx.i18n.message(lang, "status-intro");
    let mut view = site_page_view(ctx, lang, "status", STATUS_PATH, title, summary, sidebars);
    view.status = Some(status);
    let mut context = Context::new();
    context.insert("page", &view);
    let html =
        ctx.theme.tera.render("status.html", &context).map_err(|e| anyhow::anyhow!("template `status.html`: {e}"))?;
    Ok(OutputFile { path: format!("{}/{lang}/{STATUS_PATH}index.html", site.version), bytes: html.into_bytes() })
}
