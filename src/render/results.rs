//! `results.json` and `results.csv` of a version: one row per output and language, with the
//! fields partners paste into the Erasmus+ Project Results Platform and their final report.

use serde::Serialize;

use super::RenderContext;
use super::common::absolute_url;
use crate::output::OutputFile;

#[derive(Debug, Serialize)]
struct ResultRow {
    output: String,
    language: String,
    title: String,
    description: String,
    /// Languages in which the output's landing page is really translated.
    languages_available: Vec<String>,
    web_url: String,
    /// Stable URLs of the output's PDFs in this language (none until PDFs are built).
    pdf_urls: Vec<String>,
    /// Stable URLs of its SCORM packages: the output's, then each module's.
    scorm_urls: Vec<String>,
    /// Stable URL of the output's EPUB book in this language (dated versions).
    epub_url: Option<String>,
    /// Stable URL of the offline copy of the version in this language (for a USB stick).
    offline_url: Option<String>,
    licence: String,
    licence_url: String,
    version: String,
    date: Option<String>,
    project: String,
    project_number: String,
    programme: String,
    coordinator: String,
    partners: Vec<String>,
}

/// The two files for the version being rendered.
pub fn results_files(ctx: &RenderContext<'_>) -> anyhow::Result<Vec<OutputFile>> {
    let site = ctx.site;
    let project = &ctx.config.project;
    let spec = ctx.spec;
    let mut rows = Vec::new();
    for output in &site.outputs {
        let landing = &site.pages[output.landing];
        let available: Vec<String> =
            ctx.config.langs().filter(|l| landing.is_translated(l)).map(|l| l.to_string()).collect();
        for lang in ctx.config.langs() {
            let doc = landing.text(lang);
            rows.push(ResultRow {
                output: output.slug.clone(),
                language: lang.to_string(),
                title: doc.title.clone(),
                description: doc.summary.clone().unwrap_or_default(),
                languages_available: available.clone(),
                web_url: absolute_url(ctx, lang, &landing.path),
                // The output's book first, then each module's PDF.
                pdf_urls: std::iter::once(output.landing)
                    .chain(output.modules.iter().copied())
                    .filter_map(|index| super::pdfs::absolute_pdf_url(ctx, index, lang))
                    .collect(),
                // The output's package, then each module's.
                scorm_urls: std::iter::once(output.landing)
                    .chain(output.modules.iter().copied())
                    .filter_map(|index| ctx.packages.get(&(index, lang.clone())))
                    .map(|link| {
                        format!(
                            "{}{}{}",
                            ctx.config.base_url,
                            ctx.config.base_path,
                            crate::urls::encode_path(&link.path)
                        )
                    })
                    .collect(),
                epub_url: ctx.epubs.get(&(output.landing, lang.clone())).map(|link| {
                    format!("{}{}{}", ctx.config.base_url, ctx.config.base_path, crate::urls::encode_path(&link.path))
                }),
                offline_url: ctx.bundles.get(lang).map(|link| {
                    format!("{}{}{}", ctx.config.base_url, ctx.config.base_path, crate::urls::encode_path(&link.path))
                }),
                licence: landing.licence.name.to_string(),
                licence_url: landing.licence.url.to_string(),
                version: site.version.to_string(),
                date: spec.date.clone(),
                project: if project.name.is_empty() { project.acronym.clone() } else { project.name.clone() },
                project_number: project.number.clone(),
                programme: project.programme.clone(),
                coordinator: project.coordinator.clone(),
                partners: project.partners.clone(),
            });
        }
    }
    let json = serde_json::to_string_pretty(&rows)? + "\n";
    let mut csv = String::from(
        "output,language,title,description,languages_available,web_url,pdf_urls,scorm_urls,epub_url,offline_url,licence,licence_url,version,date,project,project_number,programme,coordinator,partners\n",
    );
    for row in &rows {
        let fields = [
            row.output.clone(),
            row.language.clone(),
            row.title.clone(),
            row.description.clone(),
            row.languages_available.join(";"),
            row.web_url.clone(),
            row.pdf_urls.join(";"),
            row.scorm_urls.join(";"),
            row.epub_url.clone().unwrap_or_default(),
            row.offline_url.clone().unwrap_or_default(),
            row.licence.clone(),
            row.licence_url.clone(),
            row.version.clone(),
            row.date.clone().unwrap_or_default(),
            row.project.clone(),
            row.project_number.clone(),
            row.programme.clone(),
            row.coordinator.clone(),
            row.partners.join(";"),
        ];
        csv.push_str(&fields.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","));
        csv.push_str("\r\n");
    }
    Ok(vec![
        OutputFile { path: format!("{}/results.json", site.version), bytes: json.into_bytes() },
        OutputFile { path: format!("{}/results.csv", site.version), bytes: csv.into_bytes() },
    ])
}

/// RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled. A leading `=`,
/// `+`, `-` or `@` is prefixed with `'` so that spreadsheets never run partner text as a formula.
fn csv_field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) { format!("'{text}") } else { text.to_string() };
    if text.contains([',', '"', '\n', '\r']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text }
}

#[cfg(test)]
mod tests {
    use super::csv_field;

    #[test]
    fn quotes_csv_fields_and_defuses_formulas() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, \"b\""), "\"a, \"\"b\"\"\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    }
}
