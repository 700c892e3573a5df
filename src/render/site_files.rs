//! Files of the whole site rather than of a page: the root language picker, the 404 page,
//! sitemap.xml, robots.txt, versions.json, `latest/` and the theme's static files; and the
//! summary of a loaded version that versions.json and the other versions' pages are made from.

use tera::Context;

use crate::config::{Config, LatestStyle, LinkStyle};
use crate::key::Lang;
use crate::manifest::{self, Addresses, PageJson, PageSummary, PageText, VersionIndex, VersionSummary};
use crate::markdown::{escape, highlight};
use crate::output::OutputFile;
use crate::versions::LoadedVersion;

use super::common::{ACCESSIBILITY_PATH, CATALOGUE_PATH, Edition, GLOSSARY_PATH, SITE_PAGES, absolute_url, legal_view};
use super::pdfs;
use super::views::{RootLanguageView, RootView};
use super::{RenderContext, Sink, Theme};

/// The files that describe every version, made from the index (never from the loaded versions)
/// and the working tree's `config` (whose addresses every version shares).
pub fn render_shared_files(
    versions: &VersionIndex,
    config: &Config,
    theme: &Theme,
    sink: &dyn Sink,
) -> anyhow::Result<()> {
    let addresses =
        Addresses { base_url: config.base_url.clone(), base_path: config.base_path.clone(), links: config.link_style };
    sink.write(OutputFile { path: "sitemap.xml".into(), bytes: sitemap(versions, &addresses).into_bytes() })?;
    sink.write(OutputFile { path: "robots.txt".into(), bytes: robots(&addresses).into_bytes() })?;
    sink.write(OutputFile {
        path: manifest::FILE.into(),
        bytes: manifest::to_json(versions, &addresses)?.into_bytes(),
    })?;
    sink.write(OutputFile { path: "static/highlight.css".into(), bytes: highlight::stylesheet().as_bytes().to_vec() })?;
    for (name, bytes) in &theme.static_files {
        sink.write(OutputFile { path: format!("static/{name}"), bytes: bytes.clone() })?;
    }
    Ok(())
}

/// The files that lead to the latest version (`ctx` renders it): the root language picker, the
/// 404 page and the `latest/` redirects.
pub fn render_latest_files(ctx: &RenderContext<'_>, sink: &dyn Sink) -> anyhow::Result<()> {
    sink.write(render_root(ctx, "root.html", "", "index.html")?)?;
    sink.write(render_root(ctx, "404.html", &ctx.config.base_path, "404.html")?)?;
    if ctx.config.latest_style == LatestStyle::Redirect {
        for file in latest_redirects(ctx) {
            sink.write(file)?;
        }
    }
    Ok(())
}

/// What versions.json and the other versions' pages need to know about a loaded version; its
/// PDFs are listed when the build makes them (`with_pdfs`).
pub fn summarise(version: &LoadedVersion, with_pdfs: bool) -> VersionSummary {
    let LoadedVersion { spec, config, site, .. } = version;
    let label = site.version.as_str();
    let pages = site
        .pages
        .iter()
        .map(|page| PageSummary {
            id: page.id.clone(),
            path: page.path.clone(),
            texts: config
                .langs()
                .map(|lang| PageText { title: page.text(lang).title.clone(), translated: page.is_translated(lang) })
                .collect(),
        })
        .collect();
    let pdfs = config
        .langs()
        .map(|lang| {
            let pdfs = (0..site.pages.len())
                .filter(|_| with_pdfs)
                .flat_map(|index| {
                    let editions = pdfs::editions(site, index);
                    editions
                        .into_iter()
                        .filter(move |&e| pdfs::has_edition(site, index, lang, e))
                        .map(move |e| (index, e))
                })
                .map(|(index, edition)| {
                    let page = &site.pages[index];
                    let text = page.text(lang);
                    let (edition_name, title) = match edition {
                        Edition::Reader => (None, text.title.clone()),
                        Edition::Trainer => (Some("trainer"), text.title.clone()),
                        Edition::Handout(activity) => (
                            Some("handout"),
                            crate::content::activities::read(text)
                                .activities
                                .get(activity)
                                .map_or_else(|| text.title.clone(), |a| a.title.clone()),
                        ),
                    };
                    PageJson {
                        id: page.id.to_string_raw(),
                        title,
                        url: format!(
                            "{label}/{lang}/{}{}",
                            super::common::pdf_folder(page, edition),
                            pdfs::pdf_file_name(config, site, page, lang, edition)
                        ),
                        translated: page.is_translated(lang),
                        edition: edition_name.map(str::to_string),
                        format: None,
                    }
                })
                .collect();
            (lang.to_string(), pdfs)
        })
        .collect();
    let packages = config
        .langs()
        .map(|lang| {
            // A page's package or book, in its page's folder.
            let file = |index: usize, file_name: String, format: &str| {
                let page = &site.pages[index];
                PageJson {
                    id: page.id.to_string_raw(),
                    title: page.text(lang).title.clone(),
                    url: format!("{label}/{lang}/{}{file_name}", page.path),
                    translated: page.is_translated(lang),
                    edition: None,
                    format: Some(format.to_string()),
                }
            };
            let packages = (0..site.pages.len())
                .filter(|&index| config.packages && super::packages::has_package(site, index))
                .map(|index| file(index, super::packages::package_file_name(config, site, index, lang), "scorm"))
                .chain(
                    (0..site.pages.len())
                        .filter(|&index| config.packages && super::epubs::is_book(site, spec, index))
                        .map(|index| file(index, super::epubs::epub_file_name(config, site, index, lang), "epub")),
                )
                .chain(config.packages.then(|| PageJson {
                    id: crate::key::PageId::home().to_string_raw(),
                    title:
                        site.pages.first().map_or_else(|| config.title.clone(), |home| home.text(lang).title.clone()),
                    url: format!("{label}/{lang}/{}", super::offline::bundle_file_name(config, site, lang)),
                    translated: true,
                    edition: None,
                    format: Some("offline".to_string()),
                }))
                .collect();
            (lang.to_string(), packages)
        })
        .filter(|(_, list): &(String, Vec<PageJson>)| !list.is_empty())
        .collect();
    VersionSummary {
        label: site.version.clone(),
        date: spec.date.clone(),
        status: spec.status.clone(),
        note: spec.note.clone(),
        languages: config.langs().cloned().collect(),
        default_lang: config.default_lang.clone(),
        pages,
        pdfs,
        packages,
    }
}

/// The root index (relative links) and the 404 page (links from the base path), both to the
/// latest version.
fn render_root(ctx: &RenderContext<'_>, template: &str, root: &str, path: &str) -> anyhow::Result<OutputFile> {
    let config = ctx.config;
    let version = ctx.site.version.as_str();
    let languages = config
        .languages
        .iter()
        .map(|l| RootLanguageView {
            code: l.lang.to_string(),
            name: l.name.clone(),
            dir: config.dir(&l.lang),
            href: match config.link_style {
                LinkStyle::Directory => format!("{root}{version}/{}/", l.lang),
                LinkStyle::IndexHtml => format!("{root}{version}/{}/index.html", l.lang),
            },
            title: ctx.i18n.message(&l.lang, "choose-language"),
        })
        .collect();
    let default = &config.default_lang;
    let accessibility_href = match config.link_style {
        LinkStyle::Directory => format!("{root}{version}/{default}/{ACCESSIBILITY_PATH}"),
        LinkStyle::IndexHtml => format!("{root}{version}/{default}/{ACCESSIBILITY_PATH}index.html"),
    };
    let view = RootView {
        root,
        site_title: &config.title,
        default_lang: default.as_str(),
        version,
        languages,
        accessibility_href,
        legal: legal_view(ctx, default, config.licence),
        t: &ctx.strings[default],
    };
    let mut context = Context::new();
    context.insert("root", &view);
    let html = ctx.theme.tera.render(template, &context).map_err(|e| anyhow::anyhow!("template `{template}`: {e}"))?;
    Ok(OutputFile { path: path.into(), bytes: html.into_bytes() })
}

/// Every real text of every version (fallback pages are left out: their canonical is the
/// original), each language's catalogue, with their translations as hreflang alternates; then
/// each version's accessibility statement in every language.
fn sitemap(versions: &VersionIndex, addresses: &Addresses) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for version in versions.versions() {
        let base = format!("{}{}{}/", addresses.base_url, addresses.base_path, version.label);
        let mut add = |path: &str, langs: &[&Lang]| {
            for lang in langs {
                xml.push_str(&format!("  <url>\n    <loc>{}</loc>\n", escape(&format!("{base}{lang}/{path}"))));
                if langs.len() > 1 {
                    for alternate in langs {
                        xml.push_str(&format!(
                            "    <xhtml:link rel=\"alternate\" hreflang=\"{alternate}\" href=\"{}\"/>\n",
                            escape(&format!("{base}{alternate}/{path}"))
                        ));
                    }
                }
                xml.push_str("  </url>\n");
            }
        };
        for page in &version.pages {
            let langs: Vec<&Lang> =
                version.languages.iter().zip(&page.texts).filter(|(_, text)| text.translated).map(|(l, _)| l).collect();
            add(&page.path, &langs);
        }
        let langs: Vec<&Lang> = version.languages.iter().collect();
        add(CATALOGUE_PATH, &langs);
        for lang in &langs {
            xml.push_str(&format!(
                "  <url>\n    <loc>{}</loc>\n",
                escape(&format!("{base}{lang}/{ACCESSIBILITY_PATH}"))
            ));
            for alternate in langs.iter().filter(|_| langs.len() > 1) {
                xml.push_str(&format!(
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{alternate}\" href=\"{}\"/>\n",
                    escape(&format!("{base}{alternate}/{ACCESSIBILITY_PATH}"))
                ));
            }
            xml.push_str("  </url>\n");
        }
    }
    xml.push_str("</urlset>\n");
    xml
}

fn robots(addresses: &Addresses) -> String {
    let mut text = String::from("User-agent: *\nAllow: /\nDisallow: /latest/\n");
    if !addresses.base_url.is_empty() {
        text.push_str(&format!("Sitemap: {}{}sitemap.xml\n", addresses.base_url, addresses.base_path));
    }
    text
}

/// `latest/<lang>/<page>/index.html` for every page of the latest version: a redirect to the
/// versioned URL, with a canonical link to it and a plain link for browsers without refresh.
fn latest_redirects(ctx: &RenderContext<'_>) -> Vec<OutputFile> {
    let version = ctx.site.version.as_str();
    let mut paths: Vec<String> = ctx.site.pages.iter().map(|p| p.path.clone()).collect();
    paths.extend(SITE_PAGES.iter().map(|p| p.to_string()));
    if !ctx.glossaries.is_empty() {
        paths.push(GLOSSARY_PATH.to_string());
    }
    let mut files = Vec::new();
    let home = format!("{version}/{}/", ctx.config.default_lang);
    let home = if ctx.config.link_style == LinkStyle::IndexHtml {
        format!("../{home}index.html")
    } else {
        format!("../{home}")
    };
    files.push(OutputFile {
        path: "latest/index.html".into(),
        bytes: format!(
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<meta name=\"robots\" content=\"noindex\">\n<meta http-equiv=\"refresh\" content=\"0; url={home}\">\n</head>\n<body>\n<p><a href=\"{home}\">{title}</a></p>\n</body>\n</html>\n",
            lang = ctx.config.default_lang,
            title = escape(&format!("{} {version}", ctx.config.title)),
        )
        .into_bytes(),
    });
    for lang in ctx.config.langs() {
        for path in &paths {
            let href = ctx.urls.page_in_version(path, version, lang.as_str(), path);
            let canonical = absolute_url(ctx, lang, path);
            let html = format!(
                "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<link rel=\"canonical\" href=\"{canonical}\">\n<meta name=\"robots\" content=\"noindex\">\n<meta http-equiv=\"refresh\" content=\"0; url={href}\">\n</head>\n<body>\n<p><a href=\"{href}\">{title}</a></p>\n</body>\n</html>\n",
                title = escape(&format!("{} {version}", ctx.config.title)),
                canonical = escape(&canonical),
                href = escape(&href),
            );
            files.push(OutputFile { path: format!("latest/{lang}/{path}index.html"), bytes: html.into_bytes() });
        }
    }
    files
}
