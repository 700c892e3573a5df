//! Search (a Pagefind index per version, queried in a real browser) and the catalogue page.

use std::path::Path;
use std::process::Command;

use crate::support::{Fixture, element, repo, tree};

/// The multilingual fixture with an earlier version 1.0 (a snapshot folder) whose Greek text has
/// a word the current version does not have, and in the current version a module with a
/// handout (for the catalogue's "only modules with handouts" filter).
fn two_versions() -> Fixture {
    let site = Fixture::new("multilingual");
    let mapping = "content/io2-cooperation/01-mapping.md";
    let text = site.read_source(mapping);
    site.write(mapping, &format!("{text}\n## Activity: Draw the map {{#draw duration=45 format=group handout}}\n\nEach group draws its map.\n"));
    let snapshot = site.root.join("snapshots/1.0");
    crate::support::copy_dir(&site.root.join("content"), &snapshot.join("content"));
    let module = snapshot.join("content/io1-quality/01-cycle.el.md");
    let text = std::fs::read_to_string(&module).unwrap();
    std::fs::write(&module, text.replace("## Εισαγωγή\n", "## Εισαγωγή\n\nΗ πιλοτική εφαρμογή του κύκλου.\n")).unwrap();
    site.append_config("[[versions]]\nlabel = \"1.0\"\nsnapshot = \"snapshots/1.0\"\n");
    site
}

/// Runs `tests/search/check.mjs` (Node and Chromium) on a built site; installs its locked
/// dependencies first when they are missing.
fn run_browser_check(out: &Path) {
    let dir = repo().join("tests/search");
    let node = Command::new("node").arg("--version").output();
    assert!(
        node.is_ok_and(|o| o.status.success()),
        "the search test needs Node.js 18 or newer (`node`): install it (Debian: apt-get install nodejs npm)"
    );
    if !dir.join("node_modules/playwright-core").exists() {
        let npm =
            Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(&dir).output().expect(
                "the search test needs `npm` to install tests/search's dependencies (Debian: apt-get install npm)",
            );
        assert!(npm.status.success(), "npm ci in tests/search failed:\n{}", String::from_utf8_lossy(&npm.stderr));
    }
    let output = Command::new("node").arg(dir.join("check.mjs")).arg(out).output().expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "browser check failed:\n{stdout}\n{}", String::from_utf8_lossy(&output.stderr));
    assert!(!stdout.contains("FAILED"), "{stdout}");
}

#[test]
fn search_finds_inflected_words_in_the_readers_version_and_language_and_the_catalogue_filters_by_address() {
    let site = two_versions();
    let run = site.build(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for version in ["1.0", "2.0"] {
        let entry = site.read(&format!("{version}/pagefind/pagefind-entry.json"));
        for lang in ["\"en\"", "\"de\"", "\"el\""] {
            assert!(entry.contains(lang), "{version}: one index per language: {entry}");
        }
    }
    run_browser_check(&site.out());
}

#[test]
fn search_index_is_deterministic_and_holds_only_what_a_browser_needs() {
    let site = Fixture::new("multilingual");
    assert_eq!(site.build(&["--out", "one"]).code, 0);
    assert_eq!(site.build(&["--out", "two"]).code, 0);
    let one = tree(&site.root.join("one"));
    assert_eq!(one, tree(&site.root.join("two")));
    let bundle: Vec<&str> = one.keys().filter_map(|p| p.strip_prefix("2.0/pagefind/")).collect();
    assert!(bundle.contains(&"pagefind.js") && bundle.contains(&"wasm.el.pagefind"), "{bundle:?}");
    assert!(!bundle.iter().any(|f| f.contains("-ui") || f.contains("playground")), "{bundle:?}");
}

#[test]
fn search_box_is_a_form_to_the_catalogue_without_javascript() {
    let site = Fixture::new("multilingual");
    site.build(&[]);
    let page = site.read("2.0/el/io1-quality/cycle/index.html");
    let form = element(&page, "<form class=\"site-search\"", "</form>");
    insta::assert_snapshot!(form);
    assert!(page.contains("<script src=\"../../../../static/search.js\" defer></script>"));
    for (path, bytes) in tree(&site.out()).iter().filter(|(p, _)| p.ends_with(".html") && *p != "index.html") {
        let html = String::from_utf8_lossy(bytes);
        let handler = html.split(" on").skip(1).any(|rest| {
            let name: String = rest.chars().take_while(char::is_ascii_lowercase).collect();
            !name.is_empty() && rest[name.len()..].starts_with("=\"")
        });
        assert!(!handler, "{path}: no inline event handlers");
    }
    // The text is indexed, the navigation is not.
    assert!(page.contains("<main id=\"main-content\" tabindex=\"-1\" data-pagefind-body"));
    assert!(page.contains("<nav class=\"breadcrumbs\" data-pagefind-ignore"));
    let sidebar = element(&page, "<nav class=\"sidebar\"", "</nav>");
    assert!(
        sidebar.contains("<a href=\"../../catalogue/\" data-page=\"catalogue\">Κατάλογος ενοτήτων</a>"),
        "{sidebar}"
    );
}

#[test]
fn no_search_builds_no_index_and_the_form_still_leads_to_the_catalogue() {
    let site = Fixture::new("multilingual");
    let run = site.build(&["--no-search", "--links", "index-html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!site.out().join("2.0/pagefind").exists());
    let page = site.read("2.0/de/index.html");
    assert!(page.contains(
        "<form class=\"site-search\" role=\"search\" action=\"catalogue/index.html\" method=\"get\" data-results-one"
    ));
    crate::support::assert_links_resolve(&site.out());
}

#[test]
fn book_toml_can_switch_search_off() {
    let site = Fixture::new("multilingual");
    site.append_config("[output]\nsearch = false\n");
    assert_eq!(site.build(&[]).code, 0);
    assert!(!site.out().join("2.0/pagefind").exists());
    assert!(!site.read("2.0/en/index.html").contains("data-bundle"));
}

#[test]
fn catalogue_lists_every_module_with_its_facts_in_the_readers_language() {
    let site = Fixture::new("multilingual");
    site.build(&[]);
    let page = site.read("2.0/el/catalogue/index.html");
    insta::assert_snapshot!(element(&page, "<main", "</main>"));
    assert!(page.contains("<script src=\"../../../static/catalogue.js\" defer></script>"));
    assert!(page.contains("<title>Κατάλογος ενοτήτων – Multilingual</title>"));
    // The default language has no "available in my language" filter: every module is.
    assert!(!site.read("2.0/en/catalogue/index.html").contains("name=\"translated\""));
    let sitemap = site.read("sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.org/2.0/el/catalogue/</loc>"), "{sitemap}");
    assert!(site.read("latest/de/catalogue/index.html").contains("url=../../../2.0/de/catalogue/"));
}

#[test]
fn catalogue_is_a_reserved_folder_name() {
    let site = Fixture::new("minimal");
    site.write("content/catalogue/_index.md", "---\ntitle: Catalogue\n---\nText.\n");
    let run = site.build(&[]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("content/catalogue: error: the folder name `catalogue` is reserved"), "{}", run.stderr);
}
