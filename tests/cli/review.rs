//! Review state and work in progress: a translation is `in-progress` until `translation done`,
//! `unreviewed` until a partner runs `translation reviewed`, and readers are told so on the page
//! and in the PDF; a translation keeps its source's structure (heading ids, links, figures,
//! outcomes), and a difference is reported at the translation's line.

use crate::support::{Fixture, Run};

/// The state `status --format json` reports for one page in one language, and its review.
fn cell(site: &Fixture, id: &str, lang: &str) -> (String, serde_json::Value) {
    let run = site.run(&["status", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    assert_eq!(json["schema"], 2);
    let page = json["pages"].as_array().unwrap().iter().find(|p| p["id"] == id).expect("page in the report").clone();
    let cell = &page["languages"][lang];
    (cell["state"].as_str().expect("a state").to_string(), cell["review"].clone())
}

fn state(site: &Fixture, id: &str, lang: &str) -> String {
    cell(site, id, lang).0
}

fn ok(run: Run) -> Run {
    assert_eq!(run.code, 0, "stdout:\n{}\nstderr:\n{}", run.stdout, run.stderr);
    run
}

/// The first mistake: a scaffolded file counted as up to date as soon as `draft: true`
/// was removed. Now it is `in-progress` (not `missing`, so nobody else starts it) until
/// `translation done`, which records the hash and publishes it.
#[test]
fn a_new_translation_is_in_progress_until_it_is_marked_done() {
    let site = Fixture::new("status");
    ok(site.run(&["new", "translation", "io1-quality/indicators", "el"]));
    let path = "content/io1-quality/02-indicators.el.md";
    let created = site.read_source(path);
    assert!(!created.contains("source_hash"), "{created}");
    assert!(created.contains("run `innotrain translation done io1-quality/indicators el`"), "{created}");
    assert_eq!(state(&site, "io1-quality/indicators", "el"), "in-progress");
    let table = ok(site.run(&["status", "--lang", "el"])).stdout;
    let row = table.lines().find(|l| l.starts_with("  io1-quality/indicators")).expect("a row for the page");
    assert_eq!(row.split_whitespace().collect::<Vec<_>>(), ["io1-quality/indicators", "src", ".."], "{table}");

    // Removing `draft: true` by hand publishes it, but it is still not done.
    site.write(path, &created.replace("draft: true\n", ""));
    assert_eq!(state(&site, "io1-quality/indicators", "el"), "in-progress");
    ok(site.build(&["--no-pdf"]));
    assert!(site.read("1.0/el/io1-quality/indicators/index.html").contains("class=\"unreviewed-notice\""));

    // `translation done` on the draft: hash recorded, `draft: true` removed.
    site.write(path, &created);
    let done = ok(site.run(&["translation", "done", "io1-quality/indicators", "el"]));
    insta::assert_snapshot!(done.stdout, @"content/io1-quality/02-indicators.el.md: source_hash set to c428ed645a9d; `draft: true` removed, so the page is published");
    let text = site.read_source(path);
    assert!(text.contains("source_hash: ") && !text.contains("draft: true"), "{text}");
    assert_eq!(state(&site, "io1-quality/indicators", "el"), "unreviewed");
}

#[test]
fn a_review_is_recorded_shown_and_kept_when_the_source_changes() {
    let site = Fixture::new("status");
    ok(site.run(&["translation", "done", "io1-quality/cycle", "de"]));
    assert_eq!(state(&site, "io1-quality/cycle", "de"), "unreviewed");
    ok(site.build(&["--no-pdf"]));
    let page = site.read("1.0/de/io1-quality/cycle/index.html");
    insta::assert_snapshot!(crate::support::element(&page, "<p class=\"unreviewed-notice\"", "</p>"));
    let status_page = site.read("1.0/de/status/index.html");
    assert!(
        status_page
            .contains("<td class=\"state-unreviewed\"><a href=\"../../de/io1-quality/cycle/\">nicht geprüft</a></td>"),
        "{status_page}"
    );

    let run = ok(site.run(&[
        "translation",
        "reviewed",
        "io1-quality/cycle",
        "de",
        "--by",
        "Maria \"Mia\" Muster",
        "--date",
        "2026-12-01",
    ]));
    assert_eq!(run.stdout.trim(), "content/io1-quality/01-cycle.de.md: reviewed by Maria \"Mia\" Muster on 2026-12-01");
    let text = site.read_source("content/io1-quality/01-cycle.de.md");
    assert!(text.contains("review: {by: \"Maria \\\"Mia\\\" Muster\", date: 2026-12-01}\n"), "{text}");
    let (state_now, review) = cell(&site, "io1-quality/cycle", "de");
    assert_eq!(state_now, "up-to-date");
    assert_eq!(review, serde_json::json!({"by": "Maria \"Mia\" Muster", "date": "2026-12-01"}));
    // A second review replaces the first.
    ok(site.run(&[
        "translation",
        "reviewed",
        "io1-quality/cycle",
        "de",
        "--by",
        "Maria Muster",
        "--date",
        "2026-12-02",
    ]));
    let text = site.read_source("content/io1-quality/01-cycle.de.md");
    assert_eq!(text.matches("review:").count(), 1, "{text}");

    ok(site.build(&["--no-pdf"]));
    let page = site.read("1.0/de/io1-quality/cycle/index.html");
    assert!(!page.contains("unreviewed-notice"), "a reviewed translation has no notice");
    assert!(
        page.contains(
            "<p class=\"translated-by\">Übersetzt von Anna Beispiel, Jonas Muster · Übersetzung geprüft von Maria Muster am 2. Dezember 2026</p>"
        ),
        "{page}"
    );

    // The source changes: the review stays in the file, the page says the text is outdated.
    let source = site.read_source("content/io1-quality/01-cycle.md");
    site.write(
        "content/io1-quality/01-cycle.md",
        &source.replace("Planning comes first.", "Planning always comes first."),
    );
    let (state_now, review) = cell(&site, "io1-quality/cycle", "de");
    assert_eq!(state_now, "outdated");
    assert_eq!(review["by"], "Maria Muster");
    ok(site.build(&["--no-pdf"]));
    let page = site.read("1.0/de/io1-quality/cycle/index.html");
    assert!(page.contains("class=\"outdated-notice\"") && !page.contains("unreviewed-notice"), "{page}");
}

/// What cannot be reviewed, and a review written wrongly by hand.
#[test]
fn reviews_of_texts_that_are_not_ready_are_refused() {
    let site = Fixture::new("status");
    let mut messages = Vec::new();
    for args in [
        // el records an old source_hash: outdated.
        &["io1-quality/cycle", "el", "--by", "A"][..],
        // No Greek translation at all.
        &["io1-quality/indicators", "el", "--by", "A"][..],
        &["io1-quality/cycle", "de", "--by", "A", "--date", "2026-02-30"][..],
        &["io1-quality/cycle", "de", "--by", " "][..],
    ] {
        let mut all = vec!["translation", "reviewed"];
        all.extend_from_slice(args);
        let run = site.run(&all);
        assert_eq!(run.code, 2, "{}", run.stdout);
        messages.push(run.stderr);
    }
    // de has no source_hash: never marked done.
    let run = site.run(&["translation", "reviewed", "io1-quality/cycle", "de", "--by", "A"]);
    messages.push(run.stderr);
    insta::assert_snapshot!(messages.join("---\n"));
    assert!(!site.read_source("content/io1-quality/01-cycle.de.md").contains("review"));

    // By hand: in the English source, and with a date that is not one.
    let source = site.read_source("content/io1-quality/01-cycle.md");
    site.write(
        "content/io1-quality/01-cycle.md",
        &source.replace("duration_minutes: 60\n", "duration_minutes: 60\nreview: {by: A, date: 2026-12-01}\n"),
    );
    let translation = site.read_source("content/io1-quality/01-cycle.de.md");
    site.write(
        "content/io1-quality/01-cycle.de.md",
        &translation.replace("translators:", "review:\n  by: Anna\n  date: 1.12.2026\ntranslators:"),
    );
    let run = site.build(&["--no-pdf"]);
    assert_eq!(run.code, 1);
    let lines: Vec<&str> = run.stderr.lines().collect();
    let errors: Vec<&str> = lines
        .iter()
        .enumerate()
        .filter(|(i, l)| l.contains(": error: ") || (*i > 0 && lines[i - 1].contains(": error: ")))
        .map(|(_, l)| *l)
        .collect();
    insta::assert_snapshot!(errors.join("\n"));
}

/// The second mistake: a heading id changed in a translation passed silently, and a link
/// into the translation was reported in an English file the translator never opened.
#[test]
fn a_changed_heading_id_is_reported_at_the_translation() {
    let site = Fixture::new("multilingual");
    let path = "content/io1-quality/01-cycle.el.md";
    site.write(path, &site.read_source(path).replace("{#phases}", "{#fases}"));
    let run = site.build(&["--no-pdf"]);
    let relevant: Vec<&str> =
        run.stderr.lines().filter(|l| l.contains("01-cycle.el.md") || l.starts_with("  hint")).collect();
    insta::assert_snapshot!(relevant.join("\n"));
    assert!(
        !run.stderr.lines().any(|l| l.contains("02-indicators") && l.contains("phases")),
        "the link in the English (or German) file is not blamed:\n{}",
        run.stderr
    );
}

/// Links, figures and learning outcomes lost or added in a translation.
#[test]
fn a_translation_that_loses_a_link_a_figure_or_an_outcome_is_reported() {
    let site = Fixture::new("multilingual");
    let path = "content/io1-quality/01-cycle.el.md";
    let text = site.read_source(path);
    let changed = text
        .replace("](images/cycle.svg)", "](images/cycle-old.svg)")
        .replace("[ενότητα χαρτογράφησης](../io2-cooperation/01-mapping.md)", "ενότητα χαρτογράφησης");
    // One skills outcome more than the source has.
    let changed = changed.replace(
        "    - Αντιστοιχίζει δραστηριότητες στις φάσεις.\n",
        "    - Αντιστοιχίζει δραστηριότητες στις φάσεις.\n    - Ένα αποτέλεσμα που δεν υπάρχει στο πρωτότυπο.\n",
    );
    site.write(path, &changed);
    site.write("content/io1-quality/images/cycle-old.svg", &site.read_source("content/io1-quality/images/cycle.svg"));
    let run = site.build(&["--no-pdf"]);
    let relevant: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains("01-cycle.el.md") && (l.contains("source") || l.contains("outcome")))
        .collect();
    insta::assert_snapshot!(relevant.join("\n"));
}
