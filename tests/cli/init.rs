//! `innotrain init` and the built-in theme and strings: a host starts from an empty folder, the
//! project holds only what it changes, and `theme eject` copies the built-in files out.

use std::path::Path;

use crate::support::{Fixture, repo, tree};

/// Every file a project holds, with its bytes as text (for comparing before and after).
fn project_files(root: &Path) -> Vec<String> {
    tree(root).into_keys().collect()
}

/// A new project in three languages builds, passes `check`, and holds no theme or strings: the
/// binary brings them. Mutations checked: leaving the built-in locales out of `load_strings`
/// (the German and Greek pages' legal texts are missing: the build fails), and building
/// templates only from the project's `themes/` (the build fails: no template `home.html`).
#[test]
fn init_makes_a_project_that_builds_and_passes_check_at_once() {
    let site = Fixture::empty();
    let run = site.run(&["init", "--title", "WBL Toolkit", "--languages", "en,de,el"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(
        project_files(&site.root),
        [
            ".gitignore",
            "book.toml",
            "content/_index.de.md",
            "content/_index.el.md",
            "content/_index.md",
            "content/io1-first-output/01-getting-started.de.md",
            "content/io1-first-output/01-getting-started.el.md",
            "content/io1-first-output/01-getting-started.md",
            "content/io1-first-output/_index.de.md",
            "content/io1-first-output/_index.el.md",
            "content/io1-first-output/_index.md"
        ]
    );
    // The starter translations are current (their `source_hash` was recorded) and, like every
    // translation no partner has checked yet, unreviewed.
    let status = site.run(&["status", "--format", "json"]);
    assert_eq!(status.code, 0, "{}", status.stderr);
    assert!(!status.stdout.contains("\"missing\"") && !status.stdout.contains("\"outdated\""), "{}", status.stdout);
    assert_eq!(status.stdout.matches("\"state\": \"unreviewed\"").count(), 6, "{}", status.stdout);
    insta::assert_snapshot!("init_book_toml", std::fs::read_to_string(site.root.join("book.toml")).unwrap());
    insta::assert_snapshot!("init_stdout", run.stdout);

    let check = site.run(&["check"]);
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
    assert!(check.stdout.contains(": 0 error(s)"), "{}", check.stdout);

    let build = site.build(&[]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    let home = site.read("1.0/en/index.html");
    assert!(home.contains("<html lang=\"en\""), "{home}");
    assert!(home.contains("WBL Toolkit") && home.contains("Replace this text"), "{home}");
    // The 2021-2027 funding statement, in the reader's language, from the built-in strings.
    assert!(home.contains("Co-funded by the European Union"), "{home}");
    let greek = site.read("1.0/el/io1-first-output/getting-started/index.html");
    assert!(greek.contains("Συγχρηματοδοτείται από την Ευρωπαϊκή Ένωση"), "{greek}");
    assert!(greek.contains("<html lang=\"el\"") && greek.contains("Πρώτα βήματα"), "the Greek starter module: {greek}");
    // The built-in theme's files and the module's PDF, named after the title (no acronym yet).
    let out = tree(&site.out());
    assert!(out.contains_key("static/style.css") && out.contains_key("static/eu-emblem.svg"));
    let pdf = site
        .out()
        .join("1.0/en/io1-first-output/getting-started/wbl-toolkit-io1-first-output-getting-started-en-1.0.pdf");
    let text = crate::pdf::text(&pdf);
    assert!(text.contains("Getting started") && text.contains("Co-funded by the European Union"), "{text}");
}

/// The starter pages are written in the default language, so that `lang` tells the truth.
/// Mutation checked: always writing the English starter (the German home page then says
/// "Replace this text" under `lang="de"`).
#[test]
fn init_writes_the_starter_pages_in_the_default_language() {
    let site = Fixture::empty();
    let run = site.run(&["init", "toolkit", "--languages", "de,en", "--funding-period", "2014-2020"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let project = site.root.join("toolkit");
    let config = std::fs::read_to_string(project.join("book.toml")).unwrap();
    assert!(config.contains("title = \"Toolkit\""), "the title comes from the folder: {config}");
    assert!(config.contains("default-language = \"de\"") && config.contains("funding-period = \"2014-2020\""));
    let build = site.run(&["build", "--root", project.to_str().unwrap(), "--no-pdf"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    let home = std::fs::read_to_string(project.join("public/1.0/de/index.html")).unwrap();
    assert!(home.contains("<html lang=\"de\"") && home.contains("Ersetzen Sie diesen Text"), "{home}");
    assert!(home.contains("Kofinanziert durch das Programm Erasmus+ der Europäischen Union"), "{home}");
}

/// init never overwrites: with any of its files present it writes nothing at all.
#[test]
fn init_never_overwrites_a_file() {
    let site = Fixture::empty();
    site.write("book.toml", "# mine\n");
    let run = site.run(&["init"]);
    assert_eq!(run.code, 2);
    insta::assert_snapshot!("init_refuses_existing", run.stderr);
    assert_eq!(project_files(&site.root), ["book.toml"]);
    assert_eq!(std::fs::read_to_string(site.root.join("book.toml")).unwrap(), "# mine\n");
}

/// A language for which no legal text ships is refused, naming the messages to write.
#[test]
fn init_refuses_a_language_without_legal_texts() {
    let site = Fixture::empty();
    let run = site.run(&["init", "--languages", "en,fr,pl"]);
    assert_eq!(run.code, 2);
    insta::assert_snapshot!("init_unknown_language", run.stderr);
    assert!(project_files(&site.root).is_empty(), "nothing was written");
}

/// A project file replaces the built-in file of the same path, and only that one: a 404 page
/// of the project's own, a changed German UI string in an ejected `ui.ftl`.
#[test]
fn a_project_file_replaces_one_built_in_file() {
    let site = Fixture::empty();
    assert_eq!(site.run(&["init", "--languages", "en,de"]).code, 0);
    let base = std::fs::read_to_string(repo().join("themes/default/templates/404.html")).unwrap();
    site.write("themes/default/templates/404.html", &base.replace("<main", "<p>Our own 404</p><main"));
    let eject = site.run(&["theme", "eject", "--strings", "de"]);
    assert_eq!(eject.code, 0, "{}", eject.stderr);
    assert_eq!(project_files(&site.root.join("locales")), ["de/accessibility.ftl", "de/legal.ftl", "de/ui.ftl"]);
    let ui = std::fs::read_to_string(site.root.join("locales/de/ui.ftl")).unwrap();
    let line = ui.lines().find(|l| l.starts_with("home =")).expect("ui.ftl has home").to_string();
    site.write("locales/de/ui.ftl", &ui.replace(&line, "home = Unsere Startseite"));
    let build = site.build(&["--no-pdf"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    assert!(site.read("404.html").contains("<p>Our own 404</p>"));
    assert!(site.read("1.0/de/io1-first-output/index.html").contains("Unsere Startseite"));
    assert!(!site.read("1.0/en/io1-first-output/index.html").contains("Unsere Startseite"));
    // The other templates are still the built-in ones.
    assert!(site.read("1.0/en/index.html").contains("class=\"skip-link\""));
}

/// `theme eject` copies exactly the built-in theme, the site built with the copy is byte for byte
/// the site built without it, and a second eject refuses. Mutation checked: leaving `static/`
/// out of the embedded theme (the copy then differs from the repository's theme).
#[test]
fn theme_eject_copies_the_built_in_theme_and_changes_nothing() {
    let site = Fixture::empty();
    assert_eq!(site.run(&["init"]).code, 0);
    let before = site.build(&[]);
    assert_eq!(before.code, 0, "{}", before.stderr);
    let built_in = tree(&site.out());
    let eject = site.run(&["theme", "eject"]);
    assert_eq!(eject.code, 0, "{}", eject.stderr);
    assert_eq!(tree(&site.root.join("themes/default")), tree(&repo().join("themes/default")));
    let after = site.build(&[]);
    assert_eq!(after.code, 0, "{}", after.stderr);
    assert!(
        after.stderr.contains("0 typeset") || after.stdout.contains("0 typeset"),
        "the PDFs stay cached: {}{}",
        after.stdout,
        after.stderr
    );
    assert!(tree(&site.out()) == built_in, "the ejected theme builds the same site");
    let again = site.run(&["theme", "eject"]);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("already exist") && again.stderr.contains("nothing was written"), "{}", again.stderr);
}

/// A theme other than the built-in one must exist as a folder.
#[test]
fn an_unknown_theme_is_an_error_at_its_line() {
    let site = Fixture::empty();
    assert_eq!(site.run(&["init"]).code, 0);
    let config = std::fs::read_to_string(site.root.join("book.toml")).unwrap();
    site.write("book.toml", &config.replace("# theme = \"default\"", "theme = \"fancy\""));
    let run = site.build(&["--no-pdf"]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("init_unknown_theme", run.stderr);
}
