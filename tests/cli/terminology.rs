//! The agreed terms (`locales/<lang>/terms.toml`): a translation that uses a forbidden variant,
//! or leaves out the agreed term where its source uses the term, is reported at its line;
//! inflected forms and compounds count; `status --terms` lists the glossaries.

use crate::support::{Fixture, Run};

/// The terminology warnings of a run, one per line, without the hints.
fn terminology_lines(run: &Run) -> String {
    run.stderr
        .lines()
        .filter(|line| line.contains(": warning: ") || line.contains(": error: "))
        .filter(|line| line.contains("agreed term"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn forbidden_variants_and_missing_terms_are_reported_where_the_translator_wrote_them() {
    let site = Fixture::new("terminology");
    let run = site.build(&["--no-pdf"]);
    assert_eq!(run.code, 0, "terminology is a warning by default:\n{}", run.stderr);
    // Only the German text has mistakes: the Greek one uses inflected forms ("αξιολόγησης",
    // "συμφωνίες μάθησης") and the German compounds and plurals ("Lernvereinbarungen",
    // "Ausbilderin") count too.
    insta::assert_snapshot!(terminology_lines(&run), @r#"
    content/io1-quality/01-cycle.de.md:14:1: warning: "work-based learning" is translated without the agreed term "arbeitsbasiertes Lernen" (or "WBL")
    content/io1-quality/01-cycle.de.md:14:1: warning: `Work-based Learning` is not the agreed term for "work-based learning"
    content/io1-quality/01-cycle.de.md:20:1: warning: "assessment" is translated without the agreed term "Bewertung"
    "#);
    let hints: Vec<&str> = run.stderr.lines().filter(|l| l.trim_start().starts_with("hint:")).collect();
    assert!(
        hints.contains(
            &"  hint: write \"arbeitsbasiertes Lernen\" (the project's term, agreed in locales/de/terms.toml:6)"
        ),
        "{hints:?}"
    );
    assert!(
        hints.iter().any(|h| h.contains("the source says \"assessment\" at content/io1-quality/01-cycle.md:24")),
        "the hint names the source paragraph: {hints:?}"
    );
    assert!(run.stdout.contains("3 warning(s) (terminology 3)"), "{}", run.stdout);
}

#[test]
fn the_terminology_category_follows_the_check_settings() {
    let site = Fixture::new("terminology");
    site.append_config("\n[check]\nterminology = \"error\"\n");
    let run = site.build(&["--no-pdf"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("01-cycle.de.md:14:1: error: `Work-based Learning`"), "{}", run.stderr);
    assert!(!site.out().exists(), "a failed build writes nothing");

    let site = Fixture::new("terminology");
    site.append_config("\n[check]\nterminology = \"ignore\"\n");
    let run = site.build(&["--no-pdf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(terminology_lines(&run), "", "ignored");
}

#[test]
fn fixing_the_translation_makes_the_check_clean() {
    let site = Fixture::new("terminology");
    let path = "content/io1-quality/01-cycle.de.md";
    let text = site.read_source(path);
    site.write(
        path,
        &text
            .replace("Work-based Learning verbindet", "Arbeitsbasiertes Lernen (WBL) verbindet")
            .replace("legen die Prüfung gemeinsam fest", "legen die Bewertung gemeinsam fest"),
    );
    let run = site.run(&["check"]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(!run.stdout.contains("agreed term") && !run.stderr.contains("agreed term"), "{}{}", run.stdout, run.stderr);
}

#[test]
fn a_mistake_in_a_terms_file_is_an_error_at_its_line() {
    let site = Fixture::new("terminology");
    let path = "locales/el/terms.toml";
    let text = site.read_source(path);
    site.write(
        path,
        &text.replace("approved = \"συμφωνία μάθησης\"\nfrom = \"C\"", "aproved = \"συμφωνία μάθησης\"\nfrom = \"X\""),
    );
    let run = site.build(&["--no-pdf"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let errors: Vec<&str> = run.stderr.lines().filter(|l| l.starts_with("locales/")).collect();
    insta::assert_snapshot!(errors.join("\n"), @"locales/el/terms.toml:13:1: error: in this term: unknown field `aproved`, expected one of `source`, `source_also`, `approved`, `also`, `forbidden`, `note`, `from`, `unsure`");
}

#[test]
fn status_lists_the_agreed_terms_per_language() {
    let site = Fixture::new("terminology");
    let run = site.run(&["status", "--terms", "--lang", "el"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!(run.stdout, @r"
    el  locales/el/terms.toml  (3 terms)
      work-based learning / WBL  →  μάθηση με βάση την εργασία / WBL
          not: μάθηση στην εργασία
          from: C: Cedefop, Terminology of European education and training policy (2014)
      learning agreement  →  συμφωνία μάθησης
          from: C: Cedefop, Terminology of European education and training policy (2014)
      assessment  →  αξιολόγηση
          from: C: Cedefop, Terminology of European education and training policy (2014)
    ");
    let json = site.run(&["status", "--terms", "--format", "json"]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let json: serde_json::Value = serde_json::from_str(&json.stdout).expect("valid JSON");
    assert_eq!(json["de"]["terms"][0]["forbidden"][0], "Work-based Learning");
    assert_eq!(json["de"]["terms"][2]["unsure"], true);
    assert_eq!(json["el"]["sources"]["C"], "Cedefop, Terminology of European education and training policy (2014)");
    let markdown = site.run(&["status", "--terms", "--format", "md", "--lang", "de"]).stdout;
    assert!(markdown.contains("| assessment | Bewertung |  |  | C: Cedefop, Terminology of European education and training policy (2014); unsure | „Prüfung“ is the final examination only. |"), "{markdown}");
}

/// Every language has a glossary page with the agreed terms side by side, the reader's language
/// first, linked from every page's footer; a site without terms files has neither.
#[test]
fn the_glossary_page_shows_the_agreed_terms_side_by_side() {
    let site = Fixture::new("terminology");
    let run = site.build(&["--no-pdf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let greek = site.read("1.0/el/glossary/index.html");
    assert!(greek.contains("<html lang=\"el\""), "{greek}");
    assert!(greek.contains("<h1>Γλωσσάριο</h1>") || greek.contains(">Γλωσσάριο</h1>"), "{greek}");
    insta::assert_snapshot!(crate::support::element(&greek, "<table class=\"glossary\">", "</table>"));
    let english = site.read("1.0/en/glossary/index.html");
    let header = crate::support::element(&english, "<thead>", "</thead>");
    assert_eq!(
        header,
        "<thead><tr><th scope=\"col\" lang=\"en\">English</th><th scope=\"col\" lang=\"de\">Deutsch</th><th scope=\"col\" lang=\"el\">Ελληνικά</th></tr></thead>",
        "English first, then the languages with terms in book.toml order"
    );
    let module = site.read("1.0/de/io1-quality/cycle/index.html");
    assert!(module.contains("<a href=\"../../glossary/\">Glossar</a>"), "the footer links the glossary");
    crate::support::assert_links_resolve(&site.out());
    assert!(site.read("latest/el/glossary/index.html").contains("1.0/el/glossary/"), "latest/ leads to it too");

    let plain = Fixture::new("multilingual");
    let run = plain.build(&["--no-pdf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!plain.out().join("2.0/en/glossary").exists(), "no terms, no glossary");
    assert!(!plain.read("2.0/en/index.html").contains("glossary/"), "and no link to one");
}
