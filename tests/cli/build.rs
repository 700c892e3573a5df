//! Building fixture sites: layout, languages, fallbacks, navigation, determinism, sub-paths.

use crate::support::{Fixture, assert_links_resolve, assert_links_resolve_from_disk, element, listing, tree};

#[test]
fn minimal_site_builds_every_page() {
    let site = Fixture::new("minimal");
    let run = site.build(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    assert!(run.stdout.starts_with("built 3 pages (1 languages,"), "{}", run.stdout);
    insta::assert_snapshot!(listing(&site.out()));
}

#[test]
fn multilingual_output_layout() {
    let site = Fixture::new("multilingual");
    let run = site.build(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!(listing(&site.out()));
}

#[test]
fn module_page_html() {
    let site = Fixture::new("multilingual");
    site.build(&[]);
    insta::assert_snapshot!(site.read("2.0/en/io1-quality/cycle/index.html"));
}

#[test]
fn translated_module_keeps_greek_ids_and_language_variant_images() {
    let site = Fixture::new("multilingual");
    site.build(&[]);
    let html = site.read("2.0/el/io1-quality/cycle/index.html");
    assert!(html.contains("<html lang=\"el\""));
    assert!(html.contains("<h2 id=\"δείκτες-εισροών\">Δείκτες εισροών</h2>"), "Greek heading keeps a Greek id");
    assert!(html.contains("href=\"#δείκτες-εισροών\""), "same-page link to a Greek id");
    assert!(html.contains("<h2 id=\"phases\">Οι τέσσερις φάσεις</h2>"), "explicit ids survive translation");
    assert!(html.contains("src=\"../../../media/io1-quality/images/cycle.el.svg\""), "Greek figure variant");
    assert!(!html.contains("fallback-notice"));
    let english = site.read("2.0/en/io1-quality/cycle/index.html");
    assert!(english.contains("src=\"../../../media/io1-quality/images/cycle.svg\""));
}

#[test]
fn untranslated_module_falls_back_with_a_notice_and_truthful_lang() {
    let site = Fixture::new("multilingual");
    site.build(&[]);
    let html = site.read("2.0/el/io1-quality/indicators/index.html");
    insta::assert_snapshot!(html);
    assert!(html.contains("<html lang=\"el\""));
    // The English text is not indexed for Greek search (title, summary, outcomes are).
    assert!(html.contains("<div class=\"content\" lang=\"en\" data-pagefind-ignore>"));
    assert!(html.contains("<h1 id=\"page-title\" lang=\"en\">Indicators</h1>"));
    assert!(html.contains("class=\"fallback-notice\""));
    // hreflang lists real translations only; canonical points to the original.
    assert!(html.contains("<link rel=\"canonical\" href=\"https://example.org/2.0/en/io1-quality/indicators/\">"));
    assert!(html.contains("hreflang=\"de\" href=\"https://example.org/2.0/de/io1-quality/indicators/\""));
    assert!(!html.contains("hreflang=\"el\" href="));
    let sitemap = site.read("sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.org/2.0/de/io1-quality/indicators/</loc>"));
    assert!(!sitemap.contains("<loc>https://example.org/2.0/el/io1-quality/indicators/</loc>"));
    // Its JSON-LD describes the text it shows: the English page's, word for word (same `@id`,
    // language and PDF), so the two pages never contradict each other about one `@id`.
    // Mutation checked: describing the fallback in the reader's language (its Greek PDF) fails.
    let json_ld = |html: &str| element(html, "<script type=\"application/ld+json\">", "</script>");
    assert_eq!(json_ld(&html), json_ld(&site.read("2.0/en/io1-quality/indicators/index.html")));
}

#[test]
fn language_switcher_links_to_the_same_page_and_marks_translations() {
    let site = Fixture::new("multilingual");
    site.build(&[]);
    let html = site.read("2.0/de/io1-quality/indicators/index.html");
    let switcher = element(&html, "<nav class=\"language-switcher\"", "</nav>");
    insta::assert_snapshot!(switcher);
    assert!(switcher.contains("href=\"../../../el/io1-quality/indicators/\""));
}

#[test]
fn sidebar_lists_outputs_and_the_current_outputs_modules_per_language() {
    let site = Fixture::new("multilingual");
    site.build(&[]);
    let mut navs = String::new();
    for lang in ["en", "de", "el"] {
        let html = site.read(&format!("2.0/{lang}/io1-quality/cycle/index.html"));
        navs.push_str(&format!("--- {lang}\n{}\n", element(&html, "<nav class=\"sidebar\"", "</nav>")));
    }
    insta::assert_snapshot!(navs);
    let other_output = site.read("2.0/en/io2-cooperation/mapping/index.html");
    let sidebar = element(&other_output, "<nav class=\"sidebar\"", "</nav>");
    assert!(
        sidebar.contains("Mapping stakeholders") && !sidebar.contains(">Indicators<"),
        "only the current output is expanded"
    );
}

#[test]
fn previous_and_next_cross_outputs() {
    let site = Fixture::new("multilingual");
    site.build(&[]);
    let html = site.read("2.0/en/io1-quality/indicators/index.html");
    let pager = element(&html, "<nav class=\"pager\"", "</nav>");
    assert!(pager.contains("rel=\"prev\" href=\"../cycle/\""), "{pager}");
    assert!(pager.contains("rel=\"next\" href=\"../../io2-cooperation/\""), "{pager}");
}

#[test]
fn links_resolve_in_the_readers_language() {
    let site = Fixture::new("multilingual");
    site.build(&[]);
    let html = site.read("2.0/el/io2-cooperation/mapping/index.html");
    // The English fallback text links to the Greek translation of the cycle module.
    assert!(html.contains("href=\"../../io1-quality/cycle/#phases\""));
    assert_links_resolve(&site.out());
}

#[test]
fn every_page_has_the_erasmus_footer_in_its_language() {
    let site = Fixture::new("multilingual");
    site.build(&[]);
    let de = site.read("2.0/de/io1-quality/cycle/index.html");
    assert!(de.contains("eu-emblem.svg\" alt=\""));
    assert!(de.contains("Kofinanziert durch das Programm Erasmus+ der Europäischen Union"));
    assert!(de.contains("rel=\"license\" href=\"https://creativecommons.org/licenses/by-sa/4.0/\""));
    // The Greek statement, disclaimer and emblem text: every language's statement says
    // `Erasmus+`, so only the Greek words show the footer is in the page's language.
    // Mutation checked: the footer taking the default language's strings fails here.
    let el = site.read("2.0/el/index.html");
    let footer = element(&el, "<footer", "</footer>");
    assert!(footer.contains("Με τη συγχρηματοδότηση του προγράμματος Erasmus+ της Ευρωπαϊκής Ένωσης"), "{footer}");
    assert!(footer.contains("Η υποστήριξη της Ευρωπαϊκής Επιτροπής για την παραγωγή της παρούσας έκδοσης"), "{footer}");
    assert!(footer.contains("alt=\"Έμβλημα της Ευρωπαϊκής Ένωσης\""), "{footer}");
    assert!(!footer.contains("Co-funded by"), "{footer}");
    assert!(el.contains("<link rel=\"license\""));
}

#[test]
fn two_builds_are_byte_identical() {
    let site = Fixture::new("multilingual");
    assert_eq!(site.build(&["--out", "one"]).code, 0);
    assert_eq!(site.build(&["--out", "two"]).code, 0);
    assert_eq!(tree(&site.root.join("one")), tree(&site.root.join("two")));
}

/// The same input gives the same bytes (pages, PDFs, search index) whatever the machine: the
/// number of threads, the time zone, the locale, the umask, and the order in which the files
/// were created (and so, on most file systems, listed).
#[test]
fn the_same_input_gives_the_same_bytes_in_any_environment() {
    let site = Fixture::new("multilingual");
    let build = |out: &str, env: &[(&str, &str)], umask: &str| {
        let root = site.root.to_str().unwrap();
        let output = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("umask {umask} && exec \"$0\" build --root \"$1\" --out \"$1/{out}\""))
            .arg(env!("CARGO_BIN_EXE_innotrain"))
            .arg(root)
            .env_remove("RAYON_NUM_THREADS")
            .envs(env.iter().copied())
            .output()
            .unwrap();
        assert!(output.status.success(), "{out}: {}", String::from_utf8_lossy(&output.stderr));
        tree(&site.root.join(out))
    };
    let baseline = build("baseline", &[], "022");
    assert!(baseline.keys().any(|p| p.ends_with(".pdf")), "PDFs are compared too");
    let one_thread_in_kiribati_in_greek = build(
        "other",
        &[("RAYON_NUM_THREADS", "1"), ("TZ", "Pacific/Kiritimati"), ("LANG", "el_GR.UTF-8"), ("LC_ALL", "el_GR.UTF-8")],
        "077",
    );
    assert_eq!(baseline, one_thread_in_kiribati_in_greek);
    let many_threads_in_c =
        build("third", &[("RAYON_NUM_THREADS", "7"), ("TZ", "America/Los_Angeles"), ("LC_ALL", "C")], "002");
    assert_eq!(baseline, many_threads_in_c);

    // The project's files created in reverse order.
    let reversed = Fixture::empty();
    let files = tree(&site.root.join("content"));
    for (path, bytes) in files.iter().rev() {
        let target = reversed.root.join("content").join(path);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(target, bytes).unwrap();
    }
    std::fs::copy(site.root.join("book.toml"), reversed.root.join("book.toml")).unwrap();
    let run = reversed.build(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(baseline, tree(&reversed.out()));
}

#[test]
fn crlf_and_bom_give_the_same_output_as_lf() {
    let lf = Fixture::new("multilingual");
    assert_eq!(lf.build(&[]).code, 0);
    let crlf = Fixture::new("multilingual");
    for (path, bytes) in tree(&crlf.root.join("content")) {
        if path.ends_with(".md") {
            let text = String::from_utf8(bytes).unwrap().replace('\n', "\r\n");
            crlf.write(&format!("content/{path}"), &format!("\u{feff}{text}"));
        }
    }
    let run = crlf.build(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(tree(&lf.out()), tree(&crlf.out()));
}

#[test]
fn sub_path_build_keeps_relative_links_and_absolute_404() {
    let site = Fixture::new("multilingual");
    assert_eq!(site.build(&["--base-path", "/innotrain/"]).code, 0);
    let page = site.read("2.0/en/io1-quality/cycle/index.html");
    assert!(page.contains("<link rel=\"canonical\" href=\"https://example.org/innotrain/2.0/en/io1-quality/cycle/\">"));
    assert!(page.contains("href=\"../../../../static/style.css\""));
    let not_found = site.read("404.html");
    assert!(not_found.contains("href=\"/innotrain/static/style.css\""));
    assert!(not_found.contains("href=\"/innotrain/2.0/el/\""));
    assert_links_resolve(&site.out());
}

#[test]
fn file_system_links_name_index_html() {
    let site = Fixture::new("multilingual");
    assert_eq!(site.build(&["--links", "index-html"]).code, 0);
    let page = site.read("2.0/en/io1-quality/cycle/index.html");
    assert!(
        page.contains("href=\"../indicators/index.html#inputs\""),
        "{}",
        element(&page, "<div class=\"content\"", "</div>")
    );
    assert!(site.read("index.html").contains("href=\"2.0/en/index.html\""));
    // Opened from disk a folder link shows a file listing, not the page: no link may name one.
    // Mutation checked: `index-html` links written as `…/` (the directory style) fail here,
    // although `assert_links_resolve` alone would pass them.
    assert_links_resolve_from_disk(&site.out());
}

#[test]
fn root_index_picks_the_browser_language_and_works_without_script() {
    let site = Fixture::new("multilingual");
    site.build(&[]);
    let root = site.read("index.html");
    // A file relative to the root page (under a sub-path and from the file system alike), so a
    // Content-Security-Policy without 'unsafe-inline' lets it run (tests/cli/browser.rs runs it).
    assert!(root.contains("<script src=\"static/language-choice.js\" defer></script>"), "{root}");
    assert!(site.read("static/language-choice.js").contains("navigator.languages"));
    for lang in ["en", "de", "el"] {
        assert!(root.contains(&format!("<a href=\"2.0/{lang}/\" hreflang=\"{lang}\">")), "{root}");
    }
}

/// README ("For hosts") promises that a Content-Security-Policy without `'unsafe-inline'` is
/// enough: no page may carry a script, style or event handler in its HTML (JSON-LD is data, not
/// a script). The fixture gets a table with aligned columns, which pulldown-cmark would write as
/// `style` attributes. Mutations: the language choice back inline in `root.html`, or the
/// alignment written as pulldown-cmark does (`Tag::Table(columns)` passed on in
/// `wrap_tables`): both fail here.
#[test]
fn pages_have_no_inline_script_style_or_event_handler() {
    let site = Fixture::new("multilingual");
    site.write(
        "content/io1-quality/03-aligned.md",
        "---\ntitle: Aligned\n---\n| Left | Centre | Right |\n|:---|:---:|---:|\n| a | b | c |\n",
    );
    let run = site.build(&["--no-pdf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let aligned = site.read("2.0/en/io1-quality/aligned/index.html");
    assert!(aligned.contains("<th class=\"align-left\">Left</th><th class=\"align-center\">Centre</th><th class=\"align-right\">Right</th>"), "{aligned}");
    assert!(
        aligned.contains(
            "<td class=\"align-left\">a</td><td class=\"align-center\">b</td><td class=\"align-right\">c</td>"
        ),
        "{aligned}"
    );
    let mut pages = 0;
    for (path, bytes) in tree(&site.out()).iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        pages += 1;
        for script in html.split("<script").skip(1) {
            let tag = &script[..script.find('>').unwrap()];
            assert!(
                tag.contains(" src=\"") || tag == " type=\"application/ld+json\"",
                "{path}: inline script <script{tag}>"
            );
        }
        assert!(!html.contains("<style"), "{path}: a <style> element");
        assert!(!html.contains(" style=\""), "{path}: a style attribute");
        assert_eq!(event_handler(&html), None, "{path}: an event handler");
    }
    assert!(pages > 20, "{pages} pages");
}

/// The first ` on…=` attribute of `html`, as `onclick=`.
fn event_handler(html: &str) -> Option<String> {
    html.match_indices(" on").find_map(|(at, _)| {
        let name: String = html[at + 1..].chars().take_while(char::is_ascii_alphabetic).collect();
        (name.len() > 2 && html[at + 1 + name.len()..].starts_with("=\"")).then(|| format!("{name}="))
    })
}

#[test]
fn refuses_to_write_over_the_project() {
    let site = Fixture::new("minimal");
    for out in [".", "content", "locales"] {
        let run = site.build(&["--out", site.root.join(out).to_str().unwrap()]);
        assert_eq!(run.code, 2, "{out}: {}", run.stderr);
        assert!(run.stderr.contains("refusing to write the site"), "{}", run.stderr);
    }
    assert!(site.root.join("content/_index.md").exists());
}

/// The reader's home folder is never the output, even while it is empty (an empty folder is
/// otherwise fine to build into). Mutation checked: without the home-folder rule the build
/// succeeds and turns the (empty) home folder into a site.
#[test]
fn refuses_to_write_over_the_home_folder() {
    let site = Fixture::new("minimal");
    let home = site.root.parent().unwrap().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let root = site.root.to_str().unwrap();
    let run = site.run_with_env(&["build", "--root", root, "--out", home.to_str().unwrap()], &[("HOME", &home)]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("it is or contains your home folder"), "{}", run.stderr);
    assert_eq!(std::fs::read_dir(&home).unwrap().count(), 0, "the home folder was written to");
    // The same empty folder is a fine output when it is not the home folder.
    let elsewhere = site.root.parent().unwrap();
    let run = site.run_with_env(
        &["build", "--root", root, "--out", home.to_str().unwrap()],
        &[("HOME", elsewhere.join("other").as_path())],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// The site's own addresses below `<version>/<lang>/` cannot be taken by an output folder; all
/// clashes are reported in one build. Mutation checked: dropping a name from `RESERVED_SLUGS`
/// lets its folder through and this test fails.
#[test]
fn reserved_folder_names_are_refused_together() {
    let site = Fixture::new("minimal");
    let names = ["status", "accessibility", "static", "catalogue"];
    for (i, name) in names.iter().enumerate() {
        site.write(&format!("content/{name}/_index.md"), &format!("---\ntitle: Clash {i}\n---\nText.\n"));
    }
    site.write("content/io2-statistics/_index.md", "---\ntitle: Not a clash\n---\nText.\n");
    let run = site.build(&[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for name in names {
        assert!(
            run.stderr.contains(&format!("content/{name}: error: the folder name `{name}` is reserved")),
            "{name}: {}",
            run.stderr
        );
    }
    assert!(!run.stderr.contains("io2-statistics"), "{}", run.stderr);
    assert!(!site.out().exists());
}

/// `--base-url` replaces `site.base-url` wherever an absolute address is written: canonical
/// links, hreflang, JSON-LD, the sitemap and robots.txt (a trailing `/` is dropped).
/// Mutation checked: ignoring the option leaves `https://example.org` in all of them.
#[test]
fn base_url_option_sets_every_absolute_address() {
    let site = Fixture::new("multilingual");
    let run = site.build(&["--base-url", "https://training.example.eu/"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = site.read("2.0/en/io1-quality/cycle/index.html");
    assert!(
        page.contains("<link rel=\"canonical\" href=\"https://training.example.eu/2.0/en/io1-quality/cycle/\">"),
        "{page}"
    );
    assert!(page.contains("hreflang=\"el\" href=\"https://training.example.eu/2.0/el/io1-quality/cycle/\""));
    assert!(page.contains("\"@id\":\"https://training.example.eu/2.0/en/io1-quality/cycle/\""));
    assert!(site.read("sitemap.xml").contains("<loc>https://training.example.eu/2.0/en/io1-quality/cycle/</loc>"));
    assert!(site.read("robots.txt").contains("Sitemap: https://training.example.eu/sitemap.xml"));
    for (path, bytes) in tree(&site.out()).iter().filter(|(p, _)| p.ends_with(".html") || p.ends_with(".xml")) {
        let text = String::from_utf8_lossy(bytes);
        // (book.toml's accessibility contact stays on example.org: only site addresses move.)
        assert!(!text.contains("https://example.org/2.0/"), "{path} still names site.base-url");
    }
}

#[test]
fn refuses_to_replace_a_folder_it_did_not_write() {
    let site = Fixture::new("minimal");
    site.write("elsewhere/notes.txt", "mine");
    let run = site.build(&["--out", "elsewhere"]);
    assert_eq!(run.code, 2);
    insta::assert_snapshot!(run.stderr);
    assert_eq!(std::fs::read_to_string(site.root.join("elsewhere/notes.txt")).unwrap(), "mine");
}

#[test]
fn rebuild_replaces_the_previous_output_atomically() {
    let site = Fixture::new("minimal");
    assert_eq!(site.build(&[]).code, 0);
    site.write("content/io1-basics/02-second.md", "---\ntitle: Second\n---\nMore.\n");
    assert_eq!(site.build(&[]).code, 0);
    assert!(site.out().join("1.0/en/io1-basics/second/index.html").exists());
    let leftovers: Vec<_> = std::fs::read_dir(&site.root)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".public") && e.file_name() != ".public.lock")
        .collect();
    assert!(leftovers.is_empty(), "staging folders left behind");
}

#[test]
fn symbolic_links_in_content_are_refused() {
    let site = Fixture::new("minimal");
    std::os::unix::fs::symlink("/etc/passwd", site.root.join("content/io1-basics/passwd.txt")).unwrap();
    let run = site.build(&[]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("content/io1-basics/passwd.txt: error: symbolic links are not allowed in the content"),
        "{}",
        run.stderr
    );
    assert!(!site.out().exists());
}

#[test]
fn drafts_are_not_published() {
    let site = Fixture::new("minimal");
    site.write("content/io1-basics/02-wip.md", "---\ntitle: Work in progress\ndraft: true\n---\nNot yet.\n");
    assert_eq!(site.build(&[]).code, 0);
    assert!(!site.out().join("1.0/en/io1-basics/wip").exists());
    assert!(!site.read("1.0/en/io1-basics/index.html").contains("Work in progress"));
}

/// schema.org property names (and JSON-LD keywords) a module's JSON-LD may use.
const SCHEMA_ORG: &[&str] = &[
    "@context",
    "@type",
    "@id",
    "url",
    "name",
    "description",
    "inLanguage",
    "learningResourceType",
    "license",
    "isAccessibleForFree",
    "version",
    "teaches",
    "keywords",
    "timeRequired",
    "educationalLevel",
    "inDefinedTermSet",
    "audience",
    "educationalRole",
    "isPartOf",
    "workTranslation",
    "translationOfWork",
    "translator",
    "author",
    "funding",
    "identifier",
    "funder",
    "encoding",
    "contentUrl",
    "encodingFormat",
    "contentSize",
    "encoding",
];

fn json_ld(html: &str) -> serde_json::Value {
    let script = element(html, "<script type=\"application/ld+json\">", "</script>");
    let json = script.trim_start_matches("<script type=\"application/ld+json\">").trim_end_matches("</script>");
    serde_json::from_str(json).expect("JSON-LD is valid JSON")
}

fn assert_schema_org_names(value: &serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, inner) in map {
                assert!(SCHEMA_ORG.contains(&key.as_str()), "`{key}` is not a schema.org property");
                assert_schema_org_names(inner);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(assert_schema_org_names),
        _ => {}
    }
}

#[test]
fn module_pages_carry_learning_resource_metadata() {
    let site = Fixture::new("multilingual");
    site.build(&[]);
    let translated = site.read("2.0/el/io1-quality/cycle/index.html");
    let fallback = site.read("2.0/el/io1-quality/indicators/index.html");
    let (translated_ld, fallback_ld) = (json_ld(&translated), json_ld(&fallback));
    for ld in [&translated_ld, &fallback_ld] {
        assert_schema_org_names(ld);
    }
    insta::assert_snapshot!(format!(
        "{}\n{}",
        serde_json::to_string_pretty(&translated_ld).unwrap(),
        serde_json::to_string_pretty(&fallback_ld).unwrap()
    ));
    assert_eq!(translated_ld["inLanguage"], "el");
    assert_eq!(translated_ld["timeRequired"], "PT2H");
    assert_eq!(translated_ld["translationOfWork"]["inLanguage"], "en");
    assert_eq!(fallback_ld["inLanguage"], "en", "a fallback page describes the English text it shows");
    let english = json_ld(&site.read("2.0/en/io1-quality/cycle/index.html"));
    assert_eq!(english["workTranslation"][0]["inLanguage"], "el");
    assert!(
        translated.contains("<meta name=\"DC.rights\" content=\"https://creativecommons.org/licenses/by-sa/4.0/\">")
    );
    assert!(translated.contains("<meta property=\"og:title\" content=\"Ο κύκλος ποιότητας\">"));
    assert!(!site.read("2.0/en/index.html").contains("application/ld+json"), "only modules are learning resources");
}

#[test]
fn json_ld_cannot_be_closed_by_partner_text() {
    let site = Fixture::new("minimal");
    site.write(
        "content/io1-basics/02-script.md",
        "---\ntitle: \"</script><script>alert(1)</script>\"\nsummary: x\n---\nBody.\n",
    );
    assert_eq!(site.build(&[]).code, 0);
    let html = site.read("1.0/en/io1-basics/script/index.html");
    assert!(!html.contains("</script><script>alert(1)"), "{}", element(&html, "<script type=", "</head>"));
    assert!(json_ld(&html)["name"] == "</script><script>alert(1)</script>");
}

#[test]
fn results_export_for_the_erasmus_results_platform() {
    let site = Fixture::new("multilingual");
    site.build(&[]);
    let csv = site.read("2.0/results.csv");
    insta::assert_snapshot!(csv);
    assert_eq!(csv.lines().count(), 1 + 2 * 3, "a header and one row per output and language");
    let json: serde_json::Value = serde_json::from_str(&site.read("2.0/results.json")).unwrap();
    assert_eq!(json[0]["web_url"], "https://example.org/2.0/en/io1-quality/");
    assert_eq!(json[0]["languages_available"], serde_json::json!(["en", "de"]));
    assert_eq!(json[0]["licence"], "CC BY-SA 4.0");
}
