//! The accessibility statement of a version, in every language: the structure of the model
//! statement of Commission Implementing Decision (EU) 2018/1523 (commitment and scope,
//! compliance status, non-accessible content, preparation, feedback and contact, enforcement
//! procedure), its texts from `locales/<lang>/accessibility.ftl`, its facts from book.toml's
//! `[accessibility]`, linked from every page's footer.

use tera::Context;

use crate::i18n::{self, LIMITATION_PREFIX};
use crate::key::Lang;
use crate::output::OutputFile;

use super::RenderContext;
use super::common::{ACCESSIBILITY_PATH, format_date};
use super::page::Sidebars;
use super::site_page::site_page_view;
use super::views::{AccessibilityView, LinkView};

/// `<version>/<lang>/accessibility/index.html` for `lang`.
pub fn render_accessibility_page(
    ctx: &RenderContext<'_>,
    lang: &Lang,
    sidebars: &Sidebars,
) -> anyhow::Result<OutputFile> {
    let config = ctx.config;
    let settings = &config.accessibility;
    let site = i18n::text(&config.title);
    let date = settings.date.as_deref().map(|date| format_date(ctx, lang, date));
    let statement = AccessibilityView {
        commitment: ctx.i18n.format(lang, "accessibility-commitment", &[("site", site.clone())]),
        scope: ctx.i18n.format(
            lang,
            "accessibility-scope",
            &[("site", site), ("version", i18n::text(ctx.site.version.as_str()))],
        ),
        compliance: settings.compliance.name(),
        status: ctx.i18n.message(lang, &format!("accessibility-status-{}", settings.compliance.name())),
        limitations: settings
            .limitations
            .iter()
            .map(|key| ctx.i18n.message(lang, &format!("{LIMITATION_PREFIX}{key}")))
            .collect(),
        prepared: date.map(|date| ctx.i18n.format(lang, "accessibility-prepared", &[("date", i18n::text(&date))])),
        date: settings.date.clone(),
        contact: settings.contact.as_ref().map(|contact| LinkView {
            title: contact.text().to_string(),
            href: contact.href(),
            lang: None,
        }),
        partners: config.project.partners.clone(),
        enforcement_href: settings.enforcement_url.clone(),
    };
    let title = ctx.i18n.message(lang, "accessibility-title");
    let summary = ctx.i18n.message(lang, "accessibility-summary");
    let mut view = site_page_view(ctx, lang, "accessibility", ACCESSIBILITY_PATH, title, summary, sidebars);
    view.accessibility = Some(statement);
    let mut context = Context::new();
    context.insert("page", &view);
    let html = ctx
        .theme
        .tera
        .render("accessibility.html", &context)
        .map_err(|e| anyhow::anyhow!("template `accessibility.html`: {e}"))?;
    Ok(OutputFile {
        path: format!("{}/{lang}/{ACCESSIBILITY_PATH}index.html", ctx.site.version),
        bytes: html.into_bytes(),
    })
}
