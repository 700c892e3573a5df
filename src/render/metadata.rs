//! Machine-readable metadata of a module page: schema.org JSON-LD (`LearningResource`), Dublin
//! Core `<meta>` and OpenGraph, so that search engines and OER repositories find the licence,
//! the audience, the time needed and the learning outcomes.

use serde_json::{Value, json};

use crate::content::front_matter::Audience;
use crate::content::{Page, PageKind};
use crate::key::Lang;

use super::RenderContext;
use super::common::absolute_url;

/// The LRMI educational role (http://purl.org/dcx/lrmi-vocabs/educationalAudienceRole/) closest
/// to each audience.
fn lrmi_role(audience: Audience) -> &'static str {
    match audience {
        Audience::VetTeacher => "teacher",
        Audience::InCompanyTrainer | Audience::Tutor | Audience::WblCoordinator => "professional",
        Audience::Mentor => "mentor",
        Audience::SchoolLeader | Audience::CompanyManager => "administrator",
        Audience::SocialPartner | Audience::PolicyMaker => "professional",
    }
}

/// ISO 8601 duration: 90 → `PT1H30M`.
pub fn iso_duration(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("PT{m}M"),
        (h, 0) => format!("PT{h}H"),
        (h, m) => format!("PT{h}H{m}M"),
    }
}

/// The JSON-LD of a module page read in `lang`, ready to sit inside `<script>`.
///
/// It describes the text the page shows. A fallback page (the default-language text in another
/// language's tree) is not a resource of its own: its canonical link names the original, so its
/// JSON-LD is the original page's, word for word (same `@id`, language, PDF and translations),
/// and the two never make contradicting claims about one `@id`.
pub fn json_ld(ctx: &RenderContext<'_>, page: &Page, lang: &Lang) -> Option<String> {
    if page.kind != PageKind::Module {
        return None;
    }
    let lang = &page.text(lang).lang;
    let doc = page.text(lang);
    let url = absolute_url(ctx, &doc.lang, &page.path);
    let outcomes =
        if doc.learning_outcomes.is_empty() { &page.source.learning_outcomes } else { &doc.learning_outcomes };
    let teaches: Vec<&String> =
        outcomes.knowledge.iter().chain(&outcomes.skills).chain(&outcomes.responsibility_autonomy).collect();
    let mut roles: Vec<&str> = page.facts.audience.iter().map(|a| lrmi_role(*a)).collect();
    roles.dedup();
    let mut data = json!({
        "@context": "https://schema.org",
        "@type": "LearningResource",
        "@id": url,
        "url": url,
        "name": doc.title,
        "inLanguage": doc.lang.as_str(),
        "learningResourceType": "training module",
        "license": page.licence.url,
        "isAccessibleForFree": true,
        "version": ctx.site.version.as_str(),
        "teaches": teaches,
        "keywords": if doc.keywords.is_empty() { &page.source.keywords } else { &doc.keywords },
    });
    let object = data.as_object_mut().expect("an object");
    if let Some(summary) = &doc.summary {
        object.insert("description".into(), json!(summary));
    }
    if let Some(minutes) = page.facts.duration_minutes {
        object.insert("timeRequired".into(), json!(iso_duration(minutes)));
    }
    // The timed activities, as parts with their own `timeRequired` (schema.org's `hasPart` of a
    // learning resource), in the text's language.
    if page.facts.trainer.activities > 0 {
        let parts: Vec<_> = crate::content::activities::read(doc)
            .activities
            .iter()
            .map(|activity| {
                let mut part = json!({
                    "@type": "LearningResource",
                    "name": activity.title,
                    "learningResourceType": "activity",
                    "timeRequired": iso_duration(activity.minutes),
                });
                if let Some(id) = &activity.id {
                    part.as_object_mut().expect("an object").insert("url".into(), json!(format!("{url}#{id}")));
                }
                part
            })
            .collect();
        if !parts.is_empty() {
            object.insert("hasPart".into(), json!(parts));
        }
    }
    if let Some(level) = page.facts.eqf_level {
        object.insert(
            "educationalLevel".into(),
            json!({ "@type": "DefinedTerm", "name": format!("EQF level {level}"), "inDefinedTermSet": "https://europa.eu/europass/en/description-eight-eqf-levels" }),
        );
    }
    if !roles.is_empty() {
        object.insert(
            "audience".into(),
            json!(
                roles
                    .iter()
                    .map(|r| json!({ "@type": "EducationalAudience", "educationalRole": r }))
                    .collect::<Vec<_>>()
            ),
        );
    }
    if let Some(o) = page.output {
        let landing = &ctx.site.pages[ctx.site.outputs[o].landing];
        let output_doc = landing.text(lang);
        object.insert(
            "isPartOf".into(),
            json!({ "@type": "CreativeWork", "name": output_doc.title, "url": absolute_url(ctx, &output_doc.lang, &landing.path) }),
        );
    }
    if doc.lang == page.source.lang {
        let translations: Vec<Value> = page
            .translations
            .keys()
            .map(|l| json!({ "@type": "LearningResource", "@id": absolute_url(ctx, l, &page.path), "inLanguage": l.as_str() }))
            .collect();
        if !translations.is_empty() {
            object.insert("workTranslation".into(), json!(translations));
        }
    } else {
        object.insert(
            "translationOfWork".into(),
            json!({ "@id": absolute_url(ctx, &page.source.lang, &page.path), "inLanguage": page.source.lang.as_str() }),
        );
        if !doc.translators.is_empty() {
            object.insert(
                "translator".into(),
                json!(doc.translators.iter().map(|t| json!({ "@type": "Person", "name": t })).collect::<Vec<_>>()),
            );
        }
    }
    if !page.facts.authors.is_empty() {
        object.insert(
            "author".into(),
            json!(page.facts.authors.iter().map(|a| json!({ "@type": "Person", "name": a })).collect::<Vec<_>>()),
        );
    }
    // The PDF of this page for this reader (in the reader's language, with fallback chapters).
    let index = ctx.site.by_id.get(&page.id).copied();
    if let Some(index) = index
        && let Some(pdf) = ctx.pdfs.get(&(index, lang.clone(), super::common::Edition::Reader))
    {
        let mut encoding = json!({
            "@type": "MediaObject",
            "contentUrl": super::pdfs::absolute_pdf_url(ctx, index, lang),
            "encodingFormat": "application/pdf",
            "inLanguage": lang.as_str(),
            "name": pdf.file_name,
        });
        if let Some(bytes) = pdf.bytes {
            encoding.as_object_mut().expect("an object").insert("contentSize".into(), json!(format!("{bytes} B")));
        }
        object.insert("encoding".into(), encoding);
    }
    let project = &ctx.config.project;
    if !project.number.is_empty() {
        object.insert(
            "funding".into(),
            json!({
                "@type": "Grant",
                "identifier": project.number,
                "name": if project.name.is_empty() { &project.acronym } else { &project.name },
                "funder": { "@type": "Organization", "name": "European Union (Erasmus+)" },
            }),
        );
    }
    let text = serde_json::to_string(&data).ok()?;
    // Nothing in partner text may close the script element or look like markup to a parser.
    Some(text.replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026"))
}

#[cfg(test)]
mod tests {
    use super::iso_duration;

    #[test]
    fn writes_iso_8601_durations() {
        assert_eq!(iso_duration(45), "PT45M");
        assert_eq!(iso_duration(180), "PT3H");
        assert_eq!(iso_duration(90), "PT1H30M");
    }
}
