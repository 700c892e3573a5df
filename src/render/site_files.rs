//! Files of the whole site rather than of a page: the root language picker, the 404 page,
//! sitemap.xml, robots.txt, the theme's static files and the content's assets.

use tera::Context;

use crate::markdown::{escape, highlight};
use crate::output::OutputFile;

use super::RenderContext;
use super::page::{absolute_url, legal_view};
use super::views::{RootLanguageView, RootView};

pub fn render_site_files(ctx: &RenderContext<'_>) -> anyhow::Result<Vec<OutputFile>> {
    let mut files = vec![
        render_root(ctx, "root.html", "", "index.html")?,
        render_root(ctx, "404.html", &ctx.config.base_path, "404.html")?,
        OutputFile { path: "sitemap.xml".into(), bytes: sitemap(ctx).into_bytes() },
        OutputFile { path: "robots.txt".into(), bytes: robots(ctx).into_bytes() },
        OutputFile { path: "static/highlight.css".into(), bytes: highlight::stylesheet().into_bytes() },
    ];
    for (name, bytes) in &ctx.theme.static_files {
        files.push(OutputFile { path: format!("static/{name}"), bytes: bytes.clone() });
    }
    for asset in ctx.site.assets.values() {
        files.push(OutputFile {
            path: format!("{}/media/{}", ctx.site.version, asset.path),
            bytes: asset.bytes.clone(),
        });
    }
    Ok(files)
}

/// The root index (relative links) and the 404 page (links from the base path).
fn render_root(ctx: &RenderContext<'_>, template: &str, root: &str, path: &str) -> anyhow::Result<OutputFile> {
    let config = ctx.config;
    let version = ctx.site.version.as_str();
    let languages = config
        .languages
        .iter()
        .map(|l| RootLanguageView {
            code: l.lang.to_string(),
            name: l.name.clone(),
            href: match config.link_style {
                crate::config::LinkStyle::Directory => format!("{root}{version}/{}/", l.lang),
                crate::config::LinkStyle::IndexHtml => {
                    format!("{root}{version}/{}/index.html", l.lang)
                }
            },
            title: ctx.i18n.message(&l.lang, "choose-language"),
        })
        .collect();
    let default = &config.default_lang;
    let view = RootView {
        root,
        site_title: &config.title,
        default_lang: default.as_str(),
        version,
        languages,
        legal: legal_view(ctx, default, config.licence),
        t: &ctx.strings[default],
    };
    let mut context = Context::new();
    context.insert("root", &view);
    let html = ctx.theme.tera.render(template, &context).map_err(|e| anyhow::anyhow!("template `{template}`: {e}"))?;
    Ok(OutputFile { path: path.into(), bytes: html.into_bytes() })
}

/// Every real text (fallback pages are left out: their canonical is the original), with its
/// translations as hreflang alternates.
fn sitemap(ctx: &RenderContext<'_>) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for page in &ctx.site.pages {
        let langs: Vec<_> = ctx.config.langs().filter(|l| page.is_translated(l)).collect();
        for lang in &langs {
            xml.push_str(&format!("  <url>\n    <loc>{}</loc>\n", escape(&absolute_url(ctx, lang, &page.path))));
            if langs.len() > 1 {
                for alternate in &langs {
                    xml.push_str(&format!(
                        "    <xhtml:link rel=\"alternate\" hreflang=\"{alternate}\" href=\"{}\"/>\n",
                        escape(&absolute_url(ctx, alternate, &page.path))
                    ));
                }
            }
            xml.push_str("  </url>\n");
        }
    }
    xml.push_str("</urlset>\n");
    xml
}

fn robots(ctx: &RenderContext<'_>) -> String {
    let mut text = String::from("User-agent: *\nAllow: /\n");
    if !ctx.config.base_url.is_empty() {
        text.push_str(&format!("Sitemap: {}{}sitemap.xml\n", ctx.config.base_url, ctx.config.base_path));
    }
    text
}
