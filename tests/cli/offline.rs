//! Offline copies (issue 17): every version in every language as a zip with one top folder
//! that a trainer unzips onto a USB stick and opens from the file system. On the `multilingual`
//! fixture (an image with a Greek variant, a module translated into Greek, German readers of
//! English texts, PDFs). The copy is read back entry by entry; `tests/packages/offline.mjs`
//! opens it from `file://` in Chromium.

use std::collections::BTreeMap;
use std::process::Command;

use crate::scorm::unzip;
use crate::support::{Fixture, element, tree};

fn copy_of(site: &Fixture, lang: &str) -> BTreeMap<String, Vec<u8>> {
    unzip(&site.out().join(format!("2.0/{lang}/fixture-offline-{lang}-2.0.zip")))
}

fn text(entries: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(entries.get(name).unwrap_or_else(|| panic!("no {name}")).clone()).unwrap()
}

/// Each language's copy holds, below one top folder, that language's pages with `index.html`
/// links, the version's media, the language's PDFs (the bytes of the site's), the theme's files
/// and the search index; nothing of the other languages, no Pagefind, no translation status;
/// links that leave the copy lead to the web site. The home page links it with its size, and
/// versions.json and the results export list it.
#[test]
fn every_language_gets_an_offline_copy_in_one_folder() {
    let site = Fixture::new("multilingual");
    let run = site.build(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for lang in ["en", "de", "el"] {
        let top = format!("fixture-{lang}-2.0/");
        let entries = copy_of(&site, lang);
        for name in entries.keys() {
            assert!(name.starts_with(&top), "{lang}: {name} is outside the top folder");
            assert!(!name.split('/').any(|part| part == ".." || part.is_empty()), "{lang}: {name}");
            let inside = &name[top.len()..];
            assert!(
                inside == "index.html"
                    || inside.starts_with("static/")
                    || inside.starts_with("2.0/media/")
                    || inside.starts_with(&format!("2.0/{lang}/")),
                "{lang}: {name} is not of this language"
            );
            assert!(!inside.contains("pagefind") && !inside.contains("/status/"), "{lang}: {name}");
        }
        let has = |path: &str| entries.contains_key(&format!("{top}{path}"));
        for path in [
            "index.html".to_string(),
            "static/style.css".to_string(),
            "static/search.js".to_string(),
            "2.0/media/io1-quality/images/cycle.svg".to_string(),
            format!("2.0/{lang}/index.html"),
            format!("2.0/{lang}/io1-quality/cycle/index.html"),
            format!("2.0/{lang}/catalogue/index.html"),
            format!("2.0/{lang}/accessibility/index.html"),
            format!("2.0/{lang}/search-index.js"),
        ] {
            assert!(has(&path), "{lang}: no {path}");
        }
        let pdf = format!("2.0/{lang}/io1-quality/cycle/fixture-io1-quality-cycle-{lang}-2.0.pdf");
        assert_eq!(entries[&format!("{top}{pdf}")], std::fs::read(site.out().join(&pdf)).unwrap(), "{lang}: {pdf}");
        let start = text(&entries, &format!("{top}index.html"));
        assert!(start.contains(&format!("<html lang=\"{lang}\"")), "{start}");
        assert!(start.contains(&format!("url=2.0/{lang}/index.html")), "{start}");

        let page = text(&entries, &format!("{top}2.0/{lang}/io1-quality/cycle/index.html"));
        // A link to a folder (`../cycle/`) opens a listing from the file system, not its page.
        let directory_links: Vec<&str> = page
            .split(" href=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .filter(|href| !href.contains(':') && href.split('#').next().is_some_and(|path| path.ends_with('/')))
            .collect();
        assert!(directory_links.is_empty(), "{lang}: links that need a web server: {directory_links:?}");
        assert!(
            page.contains(&format!("data-offline-index=\"../../../{lang}/search-index.js\"")),
            "{lang}: the search"
        );
        assert!(!page.contains("data-bundle="), "{lang}: Pagefind's bundle is not in the copy");
        let other = if lang == "de" { "el" } else { "de" };
        assert!(
            page.contains(&format!("href=\"https://example.org/2.0/{other}/io1-quality/cycle/\"")),
            "{lang}: another language's page is on the web site"
        );
        assert!(page.contains("href=\"https://example.org/2.0/"), "{lang}");

        // The web site's home page offers the copy, with its size.
        let name = format!("fixture-offline-{lang}-2.0.zip");
        let home = site.read(&format!("2.0/{lang}/index.html"));
        let downloads = element(&home, "<ul class=\"downloads\">", "</ul>");
        assert!(
            downloads.contains(&format!("href=\"{name}\" type=\"application/zip\" download=\"{name}\"")),
            "{lang}: {downloads}"
        );
        assert!(downloads.contains("(ZIP, "), "{lang}: {downloads}");
        // The copy's own home page does not offer itself.
        assert!(!text(&entries, &format!("{top}2.0/{lang}/index.html")).contains(&name), "{lang}");
    }
    // The Greek copy's search index files the Greek words as the site's search does.
    let greek = copy_of(&site, "el");
    let index = text(&greek, "fixture-el-2.0/2.0/el/search-index.js");
    assert!(index.starts_with("window.innotrainOfflineIndex = {"), "{index}");
    assert!(index.contains("\"αξιολογηση\":\"αξιολογησ\""), "the form and its stem: {index}");

    let versions: serde_json::Value = serde_json::from_str(&site.read("versions.json")).unwrap();
    let offline: Vec<&serde_json::Value> = versions["versions"][0]["packages"]["el"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["format"] == "offline")
        .collect();
    assert_eq!(offline.len(), 1, "{offline:?}");
    assert_eq!(offline[0]["url"], "2.0/el/fixture-offline-el-2.0.zip");
    let results: serde_json::Value = serde_json::from_str(&site.read("2.0/results.json")).unwrap();
    let row = results.as_array().unwrap().iter().find(|r| r["language"] == "el").unwrap();
    assert_eq!(row["offline_url"], "https://example.org/2.0/el/fixture-offline-el-2.0.zip");
}

/// The same input gives the same copy; `--no-packages` makes none; without a base URL, links
/// that leave the copy are left as text.
#[test]
fn offline_copies_are_reproducible_and_can_be_switched_off() {
    let site = Fixture::new("multilingual");
    let zips = |site: &Fixture| -> BTreeMap<String, Vec<u8>> {
        tree(&site.out()).into_iter().filter(|(p, _)| p.contains("-offline-")).collect()
    };
    assert_eq!(site.build(&["--no-pdf"]).code, 0);
    let first = zips(&site);
    assert_eq!(first.len(), 3, "{:?}", first.keys());
    assert_eq!(site.build(&["--no-pdf"]).code, 0);
    assert_eq!(zips(&site), first, "a rebuild changed a copy");

    let run = site.build(&["--no-pdf", "--no-packages"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(zips(&site).is_empty());
    assert!(!site.read("2.0/el/index.html").contains("offline"));

    let config = site.read_source("book.toml").replace("base-url = \"https://example.org\"\n", "");
    site.write("book.toml", &config);
    let run = site.build(&["--no-pdf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = text(&copy_of(&site, "el"), "fixture-el-2.0/2.0/el/io1-quality/cycle/index.html");
    assert!(page.contains(">Deutsch<") && !page.contains("/de/io1-quality"), "the German page is not linked");
}

/// The Greek copy opened from `file://` in Chromium (`tests/packages/offline.mjs`): its start
/// page opens the Greek home page, every page reached by links loads with its images, styles
/// and scripts from the copy, an inflected Greek query ("αξιολογήσεις", a form the text does
/// not use) finds the module that says "αξιολόγηση", and no request leaves the file system.
#[test]
fn the_offline_copy_works_from_the_file_system_in_chromium() {
    let site = Fixture::new("multilingual");
    let run = site.build(&["--no-pdf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let stdout =
        open_from_file_system(&copy_of(&site, "el"), "fixture-el-2.0", "αξιολογήσεις", "io1-quality/cycle/index.html");
    for check in ["ok   index.html opens", "ok   every page reached", "ok   the search finds", "ok   nothing leaves"] {
        assert!(stdout.contains(check), "{stdout}");
    }
}

/// Unpacks a copy's `entries` and runs `tests/packages/offline.mjs` on its top folder `top` with
/// a search for `query` that must find `expected`; its report, after asserting that every check
/// passed.
pub fn open_from_file_system(entries: &BTreeMap<String, Vec<u8>>, top: &str, query: &str, expected: &str) -> String {
    let folder = tempfile::tempdir().unwrap();
    crate::scorm::unpack(entries, folder.path());
    let output = Command::new("node")
        .arg(crate::scorm::package_checks().join("offline.mjs"))
        .arg(folder.path().join(top))
        .args([query, expected])
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "the offline check failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}
