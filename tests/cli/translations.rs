//! The translators' workflow: status matrix, freshness, diffs from history, scaffolding,
//! notices on the site and UI string coverage.

use std::process::Command;

use crate::support::{Fixture, Run};

/// The status fixture with two translations stamped as up to date: every state is present.
fn status_site() -> Fixture {
    let site = Fixture::new("status");
    for (page, lang) in [("content/_index.md", "de"), ("io1-quality/cycle", "de")] {
        let run = site.run(&["translation", "done", page, lang]);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    site
}

/// The state `status --format json` reports for one page in one language.
fn state_of(site: &Fixture, id: &str, lang: &str) -> String {
    let run = status(site, &["--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    let page = json["pages"].as_array().unwrap().iter().find(|p| p["id"] == id).expect("page in the report");
    page["languages"][lang]["state"].as_str().expect("a state").to_string()
}

fn status(site: &Fixture, args: &[&str]) -> Run {
    let mut all = vec!["status"];
    all.extend_from_slice(args);
    site.run(&all)
}

#[test]
fn status_table_shows_every_state() {
    let site = status_site();
    let run = status(&site, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!(run.stdout);
    assert!(run.stderr.contains("03-gone.de.md:1:1: warning: translation has no source text"), "{}", run.stderr);
}

#[test]
fn status_json_schema() {
    let site = status_site();
    let run = status(&site, &["--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    assert_eq!(json["schema"], 2);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn status_markdown_and_filters() {
    let site = status_site();
    let run = status(&site, &["--format", "md", "--lang", "el", "--output", "io1-quality"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!(run.stdout);
    assert!(!run.stdout.contains("| de |") && !run.stdout.contains("(home)"));
}

#[test]
fn fail_on_gates_ci() {
    let site = status_site();
    assert_eq!(status(&site, &["--fail-on", "outdated"]).code, 1);
    assert_eq!(status(&site, &["--fail-on", "missing,orphaned"]).code, 1);
    assert_eq!(status(&site, &["--lang", "de", "--output", "io1-quality", "--fail-on", "in-progress"]).code, 0);
    assert_eq!(status(&site, &["--lang", "de", "--output", "io1-quality", "--fail-on", "unreviewed"]).code, 1);
    let bad = status(&site, &["--fail-on", "stale"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("unknown state `stale`"), "{}", bad.stderr);
}

#[test]
fn editing_a_source_outdates_exactly_its_translations_until_done() {
    let site = Fixture::new("multilingual");
    for (page, lang) in [
        ("content/_index.md", "de"),
        ("content/_index.md", "el"),
        ("io1-quality", "de"),
        ("io1-quality/cycle", "el"),
        ("io1-quality/indicators", "de"),
    ] {
        assert_eq!(site.run(&["translation", "done", page, lang]).code, 0);
    }
    assert_eq!(status(&site, &["--fail-on", "outdated,in-progress"]).code, 0);
    let path = site.root.join("content/io1-quality/01-cycle.md");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("The cycle has four phases.", "The cycle has four phases, always.");
    std::fs::write(&path, text).unwrap();
    // Only whitespace: still up to date.
    let other = site.root.join("content/io1-quality/02-indicators.md");
    let text = std::fs::read_to_string(&other)
        .unwrap()
        .replace("Back to [the phases](01-cycle.md#phases).", "Back to [the phases](01-cycle.md#phases).   \r");
    std::fs::write(&other, text).unwrap();

    let json: serde_json::Value = serde_json::from_str(&status(&site, &["--format", "json"]).stdout).unwrap();
    let mut outdated = Vec::new();
    for page in json["pages"].as_array().unwrap() {
        for (lang, cell) in page["languages"].as_object().unwrap() {
            if cell["state"] == "outdated" {
                outdated.push(format!("{}:{lang}", page["id"].as_str().unwrap()));
            }
        }
    }
    assert_eq!(outdated, ["io1-quality/cycle:el"]);
    site.build(&[]);
    assert!(site.read("2.0/el/io1-quality/cycle/index.html").contains("class=\"outdated-notice\""));
    assert!(!site.read("2.0/de/io1-quality/indicators/index.html").contains("class=\"outdated-notice\""));

    let done = site.run(&["translation", "done", "io1-quality/cycle", "el"]);
    assert!(done.stdout.contains("source_hash set to"), "{}", done.stdout);
    assert_eq!(status(&site, &["--fail-on", "outdated"]).code, 0);
}

#[test]
fn outdated_notice_links_to_the_original_on_outdated_pages_only() {
    let site = status_site();
    assert_eq!(site.build(&[]).code, 0);
    let outdated = site.read("1.0/el/io1-quality/cycle/index.html");
    insta::assert_snapshot!(crate::support::element(&outdated, "<p class=\"outdated-notice\"", "</p>"));
    assert!(outdated.contains("href=\"../../../en/io1-quality/cycle/\">Ανάγνωση του πρωτοτύπου</a>"));
    for page in [
        "1.0/de/io1-quality/cycle/index.html",
        "1.0/de/index.html",
        "1.0/el/index.html",
        "1.0/en/io1-quality/cycle/index.html",
    ] {
        assert!(!site.read(page).contains("class=\"outdated-notice\""), "{page}");
    }
}

#[test]
fn translators_are_credited_on_their_translation() {
    let site = status_site();
    site.build(&[]);
    assert!(
        site.read("1.0/de/io1-quality/cycle/index.html")
            .contains("<p class=\"translated-by\">Übersetzt von Anna Beispiel, Jonas Muster</p>")
    );
    assert!(!site.read("1.0/en/io1-quality/cycle/index.html").contains("translated-by"));
}

#[test]
fn status_page_in_every_language_is_linked_from_the_footer() {
    let site = status_site();
    site.build(&[]);
    for lang in ["en", "de", "el"] {
        let page = site.read(&format!("1.0/{lang}/status/index.html"));
        assert!(page.contains("class=\"status-matrix\""));
    }
    let de = site.read("1.0/de/status/index.html");
    assert!(de.contains("<h1 id=\"page-title\">Stand der Übersetzungen</h1>"));
    assert!(
        de.contains("<td class=\"state-outdated\"><a href=\"../../el/io1-quality/cycle/\">veraltet</a></td>"),
        "{de}"
    );
    assert!(
        site.read("1.0/el/io1-quality/cycle/index.html")
            .contains("<a href=\"../../status/\">Κατάσταση μεταφράσεων</a>")
    );
    crate::support::assert_links_resolve(&site.out());
}

#[test]
fn new_translation_starts_a_draft_and_never_overwrites() {
    let site = status_site();
    let run = site.run(&["new", "translation", "io1-quality/indicators", "el"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let created = std::fs::read_to_string(site.root.join("content/io1-quality/02-indicators.el.md")).unwrap();
    insta::assert_snapshot!(created);
    // A draft is not published, and shows as being translated (review.rs follows it on).
    assert_eq!(state_of(&site, "io1-quality/indicators", "el"), "in-progress");
    assert_eq!(state_of(&site, "io1-quality/indicators", "de"), "missing");
    let again = site.run(&["new", "translation", "io1-quality/indicators", "el"]);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("already exists; innotrain never overwrites a file"), "{}", again.stderr);
    assert_eq!(std::fs::read_to_string(site.root.join("content/io1-quality/02-indicators.el.md")).unwrap(), created);
    let existing = site.run(&["new", "translation", "io1-quality/cycle", "de"]);
    assert_eq!(existing.code, 2);
}

#[test]
fn new_module_takes_the_next_number_and_builds_as_a_draft() {
    let site = status_site();
    let run = site.run(&["new", "module", "io1-quality", "final-evaluation"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("created content/io1-quality/03-final-evaluation.md"), "{}", run.stdout);
    assert_eq!(site.build(&[]).code, 0);
    assert_eq!(site.run(&["new", "module", "io1-quality", "final-evaluation"]).code, 2);
    let bad = site.run(&["new", "module", "io1-quality", "Final Evaluation"]);
    assert!(bad.stderr.contains("is not a valid module name"), "{}", bad.stderr);
    // Once the author removes `draft: true`, the template itself builds.
    let path = site.root.join("content/io1-quality/03-final-evaluation.md");
    let text = std::fs::read_to_string(&path).unwrap().replace("draft: true\n", "");
    std::fs::write(&path, text).unwrap();
    let run = site.build(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn diff_shows_what_changed_since_the_translation() {
    let site = status_site();
    let git = |args: &[&str]| {
        let output = Command::new("git")
            .args(["-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"])
            .args(args)
            .current_dir(&site.root)
            .output()
            .expect("git runs");
        assert!(output.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&output.stderr));
    };
    // Without a repository there is no history to compare with.
    let run = status(&site, &["--diff", "io1-quality/cycle", "--lang", "el"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("not in a git repository"), "{}", run.stderr);

    git(&["init", "-q"]);
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "first"]);
    let path = site.root.join("content/io1-quality/01-cycle.md");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("Then implementation.", "Then implementation, with the companies.");
    std::fs::write(&path, text).unwrap();
    git(&["commit", "-q", "-am", "second"]);

    let run = status(&site, &["--diff", "io1-quality/cycle", "--lang", "de"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("-Then implementation.\n+Then implementation, with the companies.\n"),
        "{}",
        run.stdout
    );
    let run = status(&site, &["--diff", "io1-quality/cycle", "--lang", "el"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("which is not in the repository's history"), "{}", run.stderr);
    let run = status(&site, &["--diff", "content/_index.md", "--lang", "el"]);
    assert!(run.stderr.contains("records no `source_hash`"), "{}", run.stderr);
}

#[test]
fn ui_string_coverage_report() {
    let site = status_site();
    let ui = crate::support::builtin_text("locales/de/ui.ftl");
    let ui: String = ui
        .lines()
        .filter(|l| !l.starts_with("read-original"))
        .map(|l| {
            if l.starts_with("translated-by") {
                "translated-by = Übersetzt von { $name }".to_string()
            } else {
                l.to_string()
            }
        })
        .map(|l| l + "\n")
        .collect::<String>()
        + "unused-message = Nie gezeigt\n";
    site.write("locales/de/ui.ftl", &ui);
    let run = status(&site, &["--strings"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!(run.stdout);
    let json = status(&site, &["--strings", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(json["de"]["missing"][0], "read-original");
    let legal = crate::support::builtin_text("locales/el/legal.ftl");
    site.write("locales/el/legal.ftl", &legal.replace("legal-emblem-alt", "legal-emblem-alt-old"));
    assert_eq!(status(&site, &["--strings"]).code, 1, "missing legal strings fail the report");
}
