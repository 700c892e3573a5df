//! A translator's mistakes in a translator's words: YAML errors with a hint a non-developer can
//! act on, a link copied from the browser's address bar, and the project's own warnings kept
//! apart from the translator's.

use crate::support::Fixture;

/// The error lines (with their hints) of building the multilingual fixture after replacing
/// `from` by `to` in the Greek translation's front matter.
fn greek_front_matter_error(from: &str, to: &str) -> String {
    let site = Fixture::new("multilingual");
    let path = "content/io1-quality/01-cycle.el.md";
    let text = site.read_source(path);
    assert!(text.contains(from), "{from}");
    site.write(path, &text.replacen(from, to, 1));
    let run = site.build(&["--no-pdf"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    run.stderr.lines().filter(|l| l.starts_with("content/") || l.starts_with("  hint:")).collect::<Vec<_>>().join("\n")
}

#[test]
fn yaml_errors_say_what_to_do_in_plain_words() {
    let tab = greek_front_matter_error("  knowledge:\n", "\tknowledge:\n");
    let colon = greek_front_matter_error("title: Ο κύκλος ποιότητας\n", "title: Ο κύκλος: τέσσερις φάσεις\n");
    let quotes = greek_front_matter_error("title: Ο κύκλος ποιότητας\n", "title: \"Ο κύκλος \"ποιότητας\" σήμερα\"\n");
    insta::assert_snapshot!("yaml_errors_in_plain_words", format!("{tab}\n\n{colon}\n\n{quotes}"));
    assert!(tab.contains("hint: replace the tab with spaces"), "{tab}");
    assert!(colon.contains("hint: put the whole text in double quotes"), "{colon}");
    assert!(quotes.contains("use « » or „ “ inside the text"), "{quotes}");
}

#[test]
fn a_link_to_a_pages_web_address_is_told_to_link_its_file() {
    let site = Fixture::new("multilingual");
    // A page without translations, so that only the link is reported.
    let path = "content/io2-cooperation/01-mapping.md";
    let text = site.read_source(path);
    site.write(path, &format!("{text}\nSee [the quality cycle](../io1-quality/cycle/).\n"));
    let run = site.build(&["--no-pdf"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    insta::assert_snapshot!(
        "link_to_a_web_address",
        run.stderr
            .lines()
            .filter(|l| l.starts_with("content/") || l.starts_with("  hint:"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(run.stderr.contains("hint: link the page's file instead: `../io1-quality/01-cycle.md`"), "{}", run.stderr);
}

/// The accessibility statement's missing contact concerns whoever maintains the site: it comes
/// once, after the translator's own problems, under a line that says so.
#[test]
fn project_wide_warnings_come_once_after_the_authors_own_problems() {
    let site = Fixture::new("multilingual");
    let config = site.read_source("book.toml");
    site.write("book.toml", &config.replace("contact = \"https://example.org/accessibility-feedback\"\n", ""));
    let path = "content/io1-quality/01-cycle.el.md";
    site.write(path, &site.read_source(path).replace("(images/cycle.svg)", "(images/cycles.svg)"));
    let run = site.build(&["--no-pdf"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let own = run.stderr.find("content/io1-quality/01-cycle.el.md").expect("the translator's error");
    let heading = run
        .stderr
        .find("for whoever maintains the project (book.toml), not about the files you edit:")
        .expect("the project's warnings are set apart");
    let contact = run.stderr.find("names no contact for feedback").expect("the contact warning");
    assert!(own < heading && heading < contact, "{}", run.stderr);
    assert_eq!(run.stderr.matches("names no contact for feedback").count(), 1, "{}", run.stderr);
}
