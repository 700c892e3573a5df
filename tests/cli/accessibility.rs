//! The accessibility statement: a page per version and language after the EU model statement,
//! configured in book.toml's `[accessibility]`, linked from every page's footer and listed in
//! the sitemap.

use std::path::Path;

use crate::support::{Fixture, element, tree};

#[test]
fn statement_page_html() {
    let site = Fixture::new("multilingual");
    assert_eq!(site.build(&[]).code, 0);
    let html = site.read("2.0/de/accessibility/index.html");
    assert!(html.contains("<html lang=\"de\""));
    assert!(html.contains("<title>Erklärung zur Barrierefreiheit – Multilingual</title>"));
    insta::assert_snapshot!(element(&html, "<main", "</main>"));
}

/// The footer link's text in the multilingual fixture's languages.
const LINK_TEXTS: [&str; 3] = ["Accessibility statement", "Erklärung zur Barrierefreiheit", "Δήλωση προσβασιμότητας"];

#[test]
fn every_page_links_to_the_statement_in_its_language_from_the_footer() {
    let site = Fixture::new("multilingual");
    assert_eq!(site.build(&["--base-path", "/innotrain/"]).code, 0);
    let files = tree(&site.out());
    let mut kinds = std::collections::BTreeSet::new();
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html") && !p.starts_with("latest/")) {
        let html = String::from_utf8_lossy(bytes);
        let footer = element(&html, "<footer class=\"site-footer\">", "</footer>");
        let href = footer
            .split("<a href=\"")
            .skip(1)
            .filter_map(|part| part.split_once("\">").map(|(href, rest)| (href, rest.split("</a>").next().unwrap())))
            .find(|(_, text)| LINK_TEXTS.contains(text))
            .map(|(href, _)| href)
            .unwrap_or_else(|| panic!("{path}: no link to the accessibility statement in\n{footer}"));
        let lang = html.split("<html lang=\"").nth(1).and_then(|rest| rest.split('"').next()).unwrap();
        let target = match href.strip_prefix("/innotrain/") {
            Some(absolute) => absolute.to_string(),
            None => resolve(path, href),
        };
        assert_eq!(target, format!("2.0/{lang}/accessibility/"), "{path}: footer link `{href}`");
        assert!(files.contains_key(&format!("{target}index.html")), "{path}: `{href}` leads nowhere");
        kinds.insert(html.split("<body class=\"").nth(1).and_then(|rest| rest.split('"').next()).unwrap().to_string());
    }
    let kinds: Vec<&str> = kinds.iter().map(String::as_str).collect();
    assert_eq!(
        kinds,
        [
            "kind-accessibility",
            "kind-catalogue",
            "kind-home",
            "kind-module",
            "kind-not-found",
            "kind-output",
            "kind-root",
            "kind-status"
        ]
    );
}

/// `href` from the page at `path` (both in the output folder), as a folder path.
fn resolve(path: &str, href: &str) -> String {
    let mut parts: Vec<&str> = Path::new(path).parent().unwrap().to_str().unwrap().split('/').collect();
    parts.retain(|p| !p.is_empty());
    for segment in href.split('/').filter(|s| !s.is_empty() && *s != "." && *s != "index.html") {
        if segment == ".." {
            parts.pop();
        } else {
            parts.push(segment);
        }
    }
    format!("{}/", parts.join("/"))
}

#[test]
fn statement_follows_book_toml() {
    // Fully compliant, contact from `[project]`: no list of non-accessible content.
    let site = Fixture::new("minimal");
    let config = std::fs::read_to_string(site.root.join("book.toml")).unwrap();
    let config = config.replace("status = \"partial\"", "status = \"full\"").replace(
        "contact = \"accessibility@example.org\"\n",
        "enforcement-url = \"https://example.org/enforcement\"\n",
    );
    site.write("book.toml", &format!("[project]\ncontact = \"mailto:web@example.org\"\n\n{config}"));
    let run = site.build(&[]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let html = site.read("1.0/en/accessibility/index.html");
    assert!(html.contains("This website is fully compliant with the harmonised European standard EN 301 549"));
    assert!(html.contains("We do not know of any content on this website that is not accessible."));
    assert!(!html.contains("class=\"limitations\""));
    assert!(html.contains("This statement was prepared on 28 November 2026."));
    assert!(html.contains("<a class=\"contact\" href=\"mailto:web@example.org\">web@example.org</a>"));
    assert!(html.contains("<a href=\"https://example.org/enforcement\">Contact details of the enforcement body</a>"));

    // No contact anywhere: a warning, and the statement says how else to reach the project.
    let site = Fixture::new("minimal");
    let config = std::fs::read_to_string(site.root.join("book.toml")).unwrap();
    let config = config.replace("contact = \"accessibility@example.org\"\n", "limitations = [\"pdf\"]\n");
    site.write("book.toml", &format!("{config}\n[project]\npartners = [\"Schule A (AT)\", \"Firma B (DE)\"]\n"));
    let run = site.build(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("no_contact_warning", run.stderr);
    let html = site.read("1.0/en/accessibility/index.html");
    assert!(html.contains("This website does not yet publish its own address for accessibility feedback."));
    assert!(html.contains("<li>Schule A (AT)</li>\n<li>Firma B (DE)</li>"));
    assert!(html.contains("PDF documents: the downloadable PDF versions"));
    assert!(!html.contains("Figures: some diagrams"), "only the listed limitation");
    assert!(!html.contains("class=\"contact\""));
}

#[test]
fn a_missing_contact_can_be_made_an_error_for_check() {
    let site = Fixture::new("minimal");
    let config = std::fs::read_to_string(site.root.join("book.toml")).unwrap();
    let config = config.replace("contact = \"accessibility@example.org\"\n", "");
    site.write("book.toml", &format!("{config}\n[check]\naccessibility = \"error\"\n"));
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stdout.contains("accessibility (1)\n  book.toml: error: the accessibility statement names no contact"));
}

#[test]
fn dates_are_written_in_each_language() {
    let site = Fixture::new("multilingual");
    assert_eq!(site.build(&[]).code, 0);
    for (lang, sentence) in [
        ("en", "This statement was prepared on 1 March 2026."),
        ("de", "Diese Erklärung wurde am 1. März 2026 erstellt."),
        ("el", "Η παρούσα δήλωση καταρτίστηκε στις 1 Μαρτίου 2026."),
    ] {
        let html = site.read(&format!("2.0/{lang}/accessibility/index.html"));
        assert!(html.contains(sentence), "{lang}: {}", element(&html, "<h2 id=\"preparation\">", "</p>"));
    }
}

#[test]
fn a_limitation_without_its_message_is_an_error() {
    let site = Fixture::new("minimal");
    let config = std::fs::read_to_string(site.root.join("book.toml")).unwrap();
    site.write(
        "book.toml",
        &config.replace("status = \"partial\"", "status = \"partial\"\nlimitations = [\"pfd\", \"captions\"]"),
    );
    let run = site.build(&[]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!(run.stderr);
}

#[test]
fn the_statement_is_in_the_sitemap_and_latest() {
    let site = Fixture::new("multilingual");
    assert_eq!(site.build(&[]).code, 0);
    let sitemap = site.read("sitemap.xml");
    for lang in ["en", "de", "el"] {
        assert!(sitemap.contains(&format!("<loc>https://example.org/2.0/{lang}/accessibility/</loc>")));
        assert!(sitemap.contains(&format!(
            "<xhtml:link rel=\"alternate\" hreflang=\"{lang}\" href=\"https://example.org/2.0/{lang}/accessibility/\"/>"
        )));
        assert!(site.read(&format!("latest/{lang}/accessibility/index.html")).contains("url=../../../2.0/"));
    }
}

#[test]
fn accessibility_is_a_reserved_folder_name() {
    let site = Fixture::new("minimal");
    site.write("content/accessibility/_index.md", "---\ntitle: Clash\n---\nText.\n");
    let run = site.build(&[]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("content/accessibility: error: the folder name `accessibility` is reserved"),
        "{}",
        run.stderr
    );
}
