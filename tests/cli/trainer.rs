//! The trainer edition (issue 18): activities, trainer notes and materials in Markdown, the
//! trainer view of a module with its session plan, and what participants never see. On the
//! `trainer` fixture: one module with three activities, two trainer notes, a materials list
//! and a handout, in English and Greek (German readers get the English text).

use crate::support::{Fixture, assert_links_resolve, element, tree};

/// The trainer notes of the fixture, in the language of each text.
const NOTES: [&str; 4] = [
    "Count the hands before you start",
    "Walk round after ten minutes",
    "Μετρήστε τα χέρια πριν ξεκινήσετε",
    "Μετά από δέκα λεπτά ρωτήστε",
];

fn built(args: &[&str]) -> Fixture {
    let site = Fixture::new("trainer");
    let run = site.build(args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("warning"), "the fixture builds clean:\n{}", run.stderr);
    site
}

/// Learners' pages never hold a trainer note, in any language; each trainer view holds its
/// text's notes, set apart with their title, is kept from search engines and the sitemap, and
/// links back; every link of the site resolves.
#[test]
fn trainer_notes_are_on_the_trainer_view_only() {
    let site = built(&["--no-pdf"]);
    let files = tree(&site.out());
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html") && !p.contains("/trainer/")) {
        let html = String::from_utf8_lossy(bytes);
        for note in NOTES {
            assert!(!html.contains(note), "{path} shows the trainer note `{note}`");
        }
        assert!(!html.contains("[!TRAINER]") && !html.contains("[!MATERIALS]"), "{path} shows a marker");
    }
    for (lang, notes, title) in [
        ("en", &NOTES[..2], "Trainer note"),
        ("el", &NOTES[2..], "Σημείωση για εκπαιδευτές"),
        // The notes are in the text's language, titled in it (the text is marked `lang="en"`).
        ("de", &NOTES[..2], "Trainer note"),
    ] {
        let module = site.read(&format!("1.0/{lang}/io1-sessions/stakeholders/index.html"));
        assert!(
            module.contains("<p class=\"view-switch\"><a href=\"trainer/\">"),
            "{lang}: no link to the trainer view"
        );
        let trainer = site.read(&format!("1.0/{lang}/io1-sessions/stakeholders/trainer/index.html"));
        for note in notes {
            assert!(trainer.contains(note), "{lang}: the trainer view lacks `{note}`");
        }
        assert!(
            trainer.contains(&format!("<aside class=\"alert alert-trainer\"><p class=\"alert-title\">{title}</p>")),
            "{lang}: the note is not set apart:\n{trainer}"
        );
        assert!(trainer.contains("<meta name=\"robots\" content=\"noindex\">"), "{lang}");
        assert!(trainer.contains("<a href=\"../\">"), "{lang}: no link back to the participants' page");
        assert!(!module.contains("noindex"), "{lang}: the module page is for search engines");
    }
    // A module without activities or notes has no trainer view.
    assert!(!site.out().join("1.0/en/io1-sessions/reading/trainer").exists());
    assert!(!site.read("1.0/en/io1-sessions/reading/index.html").contains("view-switch"));
    assert!(!site.read("sitemap.xml").contains("/trainer/"));
    assert_links_resolve(&site.out());
}

/// The session plan: each activity from 0:00 with its minutes, format, materials and handout
/// mark, linked to its heading; the total against the module's duration; the Greek plan in
/// Greek, the German reader's plan in English (marked so) with German column names.
#[test]
fn the_session_plan_adds_up_in_every_language() {
    let site = built(&["--no-pdf"]);
    let plan = |lang: &str| {
        element(
            &site.read(&format!("1.0/{lang}/io1-sessions/stakeholders/trainer/index.html")),
            "<section class=\"session-plan\"",
            "</section>",
        )
    };
    insta::assert_snapshot!("plan_en", plan("en"));
    insta::assert_snapshot!("plan_el", plan("el"));
    let de = plan("de");
    assert!(de.contains("<table lang=\"en\">") && de.contains("<th scope=\"col\">Beginn</th>"), "{de}");
    assert!(de.contains("Aktivitäten: 75 von 90 Minuten"), "{de}");
    // The starts are the sums of the minutes before them.
    let en = plan("en");
    let cells: Vec<&str> = en.split("<tr><td>").skip(1).map(|row| row.split("</td>").next().unwrap()).collect();
    assert_eq!(cells, ["0:00", "0:15", "0:55"]);
}

/// Participants' pages show each activity's minutes and format under its heading, and the
/// materials box; the trainer notes' absence does not shift a later link's errors (checked
/// by the fixture's link after a note building clean).
#[test]
fn learners_see_each_activity_s_time_format_and_materials() {
    let site = built(&["--no-pdf"]);
    let en = site.read("1.0/en/io1-sessions/stakeholders/index.html");
    assert!(en.contains("<h2 id=\"mapping\">Activity: Mapping the stakeholders</h2>\n<p class=\"activity-meta\">40 min · Group work · Handout</p>"), "{en}");
    assert!(en.contains("<aside class=\"alert alert-materials\"><p class=\"alert-title\">Materials</p>"), "{en}");
    let el = site.read("1.0/el/io1-sessions/stakeholders/index.html");
    assert!(
        el.contains("<p class=\"activity-meta\">40 λεπ. · Ομαδική εργασία · Φυλλάδιο για συμμετέχοντες</p>"),
        "{el}"
    );
}

/// The PDFs are the participants' text: no trainer note, the materials box with its title.
#[test]
fn the_pdfs_hold_no_trainer_notes() {
    let site = built(&[]);
    for (lang, notes, materials) in [("en", &NOTES[..2], "Materials"), ("el", &NOTES[2..], "Υλικά")] {
        let pdf = site
            .out()
            .join(format!("1.0/{lang}/io1-sessions/stakeholders/fixture-io1-sessions-stakeholders-{lang}-1.0.pdf"));
        let text = crate::pdf::poppler("pdftotext", &[], &pdf).replace('\n', " ");
        for note in notes {
            assert!(!text.contains(note), "{lang}: the PDF shows `{note}`");
        }
        assert!(text.contains(materials), "{lang}: no materials box:\n{text}");
        assert!(!text.contains("[!MATERIALS]") && !text.contains("[!TRAINER]"), "{lang}: a marker:\n{text}");
    }
}

/// The trainer's PDFs: the session plan (or the programme) as a table on the first page after
/// the cover and imprint, then the text with the trainer notes set apart under their title; in
/// each language; the trainer view links them with their sizes.
#[test]
fn the_trainer_pdfs_open_with_the_plan_and_set_the_notes_apart() {
    let site = built(&[]);
    let folder = |lang: &str| site.out().join(format!("1.0/{lang}/io1-sessions/stakeholders/trainer"));
    for (lang, notes, edition, plan, note_title) in [
        ("en", &NOTES[..2], "Trainer edition", "Session plan", "Trainer note"),
        ("el", &NOTES[2..], "Έκδοση για εκπαιδευτές", "Πρόγραμμα συνεδρίας", "Σημείωση για εκπαιδευτές"),
    ] {
        let pdf = folder(lang).join(format!("fixture-io1-sessions-stakeholders-trainer-{lang}-1.0.pdf"));
        let cover = crate::pdf::poppler("pdftotext", &["-l", "1"], &pdf);
        assert!(cover.contains(edition), "{lang}: the cover does not say `{edition}`:\n{cover}");
        let first = crate::pdf::poppler("pdftotext", &["-layout", "-f", "3", "-l", "3"], &pdf);
        assert!(first.contains(plan), "{lang}: page 3 is not the plan:\n{first}");
        let rows: Vec<&str> = first.lines().filter(|l| l.trim_start().starts_with("0:")).collect();
        let starts: Vec<&str> = rows.iter().map(|r| r.split_whitespace().next().unwrap()).collect();
        assert_eq!(starts, ["0:00", "0:15", "0:55"], "{lang}: the plan's rows:\n{first}");
        let text = crate::pdf::poppler("pdftotext", &[], &pdf).replace('\n', " ");
        for note in notes {
            let at = text.find(note).unwrap_or_else(|| panic!("{lang}: the trainer PDF lacks `{note}`:\n{text}"));
            let title = text[..at].rfind(note_title);
            assert!(title.is_some_and(|t| at - t < 200), "{lang}: `{note}` is not under `{note_title}`");
        }
        let page = site.read(&format!("1.0/{lang}/io1-sessions/stakeholders/trainer/index.html"));
        let downloads = element(&page, "<ul class=\"downloads\">", "</ul>");
        assert!(
            downloads.contains(&format!(
                "<a class=\"download\" href=\"fixture-io1-sessions-stakeholders-trainer-{lang}-1.0.pdf\""
            )),
            "{lang}: {downloads}"
        );
        assert!(downloads.contains(&format!("href=\"../../trainer/fixture-io1-sessions-trainer-{lang}-1.0.pdf\"")));
        assert_eq!(downloads.matches("(PDF, ").count(), 3, "{lang}: every download has its size:\n{downloads}");
    }
    // The output's trainer book opens with the programme, chapters with their plans.
    let book = site.out().join("1.0/el/io1-sessions/trainer/fixture-io1-sessions-trainer-el-1.0.pdf");
    let first = crate::pdf::poppler("pdftotext", &["-f", "3", "-l", "3"], &book);
    assert!(first.contains("Πρόγραμμα") && first.contains("Διάλειμμα"), "{first}");
    let text = crate::pdf::poppler("pdftotext", &[], &book).replace('\n', " ");
    // Two chapters have activities: each plan is in the contents and in its chapter.
    assert_eq!(text.matches("Πρόγραμμα συνεδρίας").count(), 4, "each chapter with activities has its plan:\n{text}");
    assert!(text.contains(NOTES[2]), "{text}");
    // The participants' PDFs have none of it.
    let reader = site.out().join("1.0/el/io1-sessions/fixture-io1-sessions-el-1.0.pdf");
    let text = crate::pdf::poppler("pdftotext", &[], &reader);
    assert!(!text.contains("Σημείωση για εκπαιδευτές") && !text.contains("Πρόγραμμα συνεδρίας"), "{text}");
    assert_links_resolve(&site.out());
}

/// A handout is the activity alone, for participants: a page or two with the module's name, the
/// task and its subsections, the funding statement and the licence; no trainer note, no
/// materials list. Readers of a language without the translation get the original text's.
#[test]
fn each_handout_is_a_sheet_for_participants() {
    let site = built(&[]);
    for (lang, module, task, funding) in [
        ("en", "Mapping the stakeholders", "Draw the parties.", "Co-funded by the European Union"),
        ("el", "Χαρτογράφηση των εμπλεκομένων", "Σχεδιάστε τα μέρη.", "Συγχρηματοδοτείται από την Ευρωπαϊκή Ένωση"),
        ("de", "Mapping the stakeholders", "Draw the parties.", "Kofinanziert von der Europäischen Union"),
    ] {
        let pdf = site.out().join(format!(
            "1.0/{lang}/io1-sessions/stakeholders/trainer/fixture-io1-sessions-stakeholders-handout-mapping-{lang}-1.0.pdf"
        ));
        let info = crate::pdf::poppler("pdfinfo", &[], &pdf);
        let pages: usize = info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
        assert!((1..=2).contains(&pages), "{lang}: {pages} pages");
        let text = crate::pdf::poppler("pdftotext", &[], &pdf).replace('\n', " ");
        for expected in [module, task, funding] {
            assert!(text.contains(expected), "{lang}: the handout lacks `{expected}`:\n{text}");
        }
        for absent in [NOTES[0], NOTES[1], NOTES[2], NOTES[3], "A3 posters", "Why map stakeholders", "Every task needs"]
        {
            assert!(!text.contains(absent), "{lang}: the handout shows `{absent}`:\n{text}");
        }
        let trainer = site.read(&format!("1.0/{lang}/io1-sessions/stakeholders/trainer/index.html"));
        let href = format!("fixture-io1-sessions-stakeholders-handout-mapping-{lang}-1.0.pdf");
        assert!(trainer.contains(&format!("<a href=\"{href}\" type=\"application/pdf\">")), "{lang}: the plan's link");
        assert!(trainer.contains(&format!("<a class=\"download\" href=\"{href}\"")), "{lang}: the download");
    }
    // The debrief is a part of the mapping activity's sheet (a heading below it).
    let text = crate::pdf::poppler(
        "pdftotext",
        &[],
        &site.out().join(
            "1.0/en/io1-sessions/stakeholders/trainer/fixture-io1-sessions-stakeholders-handout-mapping-en-1.0.pdf",
        ),
    );
    assert!(text.contains("Debrief") && text.contains("Each group names one task"), "{text}");
    // A module without handouts has none.
    assert!(!tree(&site.out()).keys().any(|p| p.contains("agreement") && p.contains("handout")));
}

/// A handout longer than two pages is a warning at its heading (the sheet is still made).
#[test]
fn a_handout_too_long_for_a_sheet_is_reported() {
    let site = Fixture::new("trainer");
    let path = "content/io1-sessions/01-stakeholders.md";
    let long = "Each group discusses the placement in detail and writes down what it finds. ".repeat(40);
    let text = site.read_source(path).replace(
        "1. Draw the parties.",
        &format!("{long}\n\n{long}\n\n{long}\n\n{long}\n\n{long}\n\n1. Draw the parties."),
    );
    site.write(path, &text);
    let run = site.build(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Each language's sheet of the English text (German readers get it too), with its hint.
    let warnings: Vec<&str> = run.stderr.lines().skip_while(|l| !l.contains("the handout of")).take(4).collect();
    insta::assert_snapshot!("handout_too_long", warnings.join("\n"));
    assert!(
        site.out()
            .join(
                "1.0/en/io1-sessions/stakeholders/trainer/fixture-io1-sessions-stakeholders-handout-mapping-en-1.0.pdf"
            )
            .exists()
    );
}

/// Mistakes in the trainer's markup, each at its line and column with a hint; a module whose
/// activities take longer than it lasts is an error, one far shorter a warning; all reported
/// together, and the previous output is left alone.
#[test]
fn bad_activity_markup_is_reported_at_its_position() {
    let site = built(&["--no-pdf"]);
    let before = tree(&site.out());
    site.write(
        "content/io1-sessions/03-mistakes.md",
        "---\ntitle: Mistakes\nduration_minutes: 60\n---\n\
         ## Warm-up {duration=10min format=groups}\n\n\
         ## Role play {durations=5 format=role-play}\n\n\
         ## Pairs {format=pair}\n\n\
         ## Sheet {duration=10 handout=yes}\n\n\
         > [!TRAINR]\n> Mind the time.\n\n\
         > [!MATERIALS]\n> - Cards\n\n\
         ## Long talk {duration=45 format=presentation}\n\n\
         ## Longer talk {duration=30 format=presentation}\n",
    );
    site.write(
        "content/io1-sessions/04-short.md",
        "---\ntitle: Short\nduration_minutes: 120\n---\n## Only this {duration=20 format=individual}\n\nText.\n",
    );
    let run = site.build(&["--no-pdf"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(tree(&site.out()), before, "the previous output changed");
    insta::assert_snapshot!(run.stderr);
}

/// A translation whose activities differ from its source's (minutes, format, a handout mark,
/// one left out) is reported at the translation's heading, as a `translations` warning.
#[test]
fn a_translation_whose_activities_differ_is_reported() {
    let site = Fixture::new("trainer");
    let path = "content/io1-sessions/01-stakeholders.el.md";
    let greek = site
        .read_source(path)
        .replace("{#mapping duration=40 format=group handout}", "{#mapping duration=30 format=pair}");
    site.write(path, &greek);
    let run = site.build(&["--no-pdf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("changed_activity", run.stderr);
    site.write(path, &greek.replace(" {#debrief duration=20 format=plenary}", " {#debrief}"));
    let run = site.build(&["--no-pdf"]);
    assert!(
        run.stderr.contains("01-stakeholders.el.md:13:1: warning: this translation has 2 activity(ies), the source 3"),
        "{}",
        run.stderr
    );
}

/// The catalogue shows each module's activity time, its handouts and its trainer view, and
/// offers the "with handouts" filter (the entries the script filters carry `data-handouts`).
#[test]
fn the_catalogue_shows_activity_time_and_filters_by_handouts() {
    let site = built(&["--no-pdf"]);
    let catalogue = site.read("1.0/el/catalogue/index.html");
    assert!(
        catalogue.contains(
            "<input type=\"checkbox\" name=\"handouts\" value=\"1\"> Μόνο ενότητες με φυλλάδια για συμμετέχοντες"
        ),
        "{catalogue}"
    );
    let stakeholders =
        element(&catalogue, "<li class=\"card catalogue-entry\" data-id=\"io1-sessions/stakeholders\"", "</li>");
    assert!(stakeholders.contains(" data-handouts=\"1\""), "{stakeholders}");
    assert!(
        stakeholders.contains("<dt>Δραστηριότητες</dt> <dd>75 λεπτά, Φυλλάδιο για συμμετέχοντες (<a href=\"../io1-sessions/stakeholders/trainer/\">Προβολή για εκπαιδευτές</a>)</dd>"),
        "{stakeholders}"
    );
    let reading = element(&catalogue, "<li class=\"card catalogue-entry\" data-id=\"io1-sessions/reading\"", "</li>");
    assert!(!reading.contains("data-handouts") && !reading.contains("Δραστηριότητες"), "{reading}");
}

/// The module's JSON-LD lists its activities as parts with their own `timeRequired`, in the
/// text's language; the trainer view, kept from search engines, has no structured data.
#[test]
fn json_ld_lists_the_activities_with_their_time() {
    let site = built(&["--no-pdf"]);
    let page = site.read("1.0/el/io1-sessions/stakeholders/index.html");
    let json = element(&page, "<script type=\"application/ld+json\">", "</script>");
    let json = json.trim_start_matches("<script type=\"application/ld+json\">").trim_end_matches("</script>");
    let data: serde_json::Value = serde_json::from_str(json).unwrap();
    let parts: Vec<(String, String)> = data["hasPart"]
        .as_array()
        .expect("hasPart")
        .iter()
        .map(|p| (p["name"].as_str().unwrap().to_string(), p["timeRequired"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(
        parts,
        [
            ("Εισήγηση: τα τέσσερα μέρη".to_string(), "PT15M".to_string()),
            ("Δραστηριότητα: Χαρτογράφηση των εμπλεκομένων".to_string(), "PT40M".to_string()),
            ("Συζήτηση".to_string(), "PT20M".to_string()),
        ]
    );
    assert_eq!(data["hasPart"][1]["url"], "https://example.org/1.0/el/io1-sessions/stakeholders/#mapping");
    let trainer = site.read("1.0/el/io1-sessions/stakeholders/trainer/index.html");
    assert!(!trainer.contains("application/ld+json"), "{trainer}");
}

/// An output's trainer view: the programme of its modules' activities in reading order, times
/// running on, a 15-minute break before the activity that would pass 90 minutes without one
/// (before its module's row, never between the row and its first activity), every link to the
/// modules' trainer views; modules without activities left out; the output's page links it.
#[test]
fn an_output_has_a_programme_with_breaks() {
    let site = built(&["--no-pdf"]);
    assert!(site.read("1.0/en/io1-sessions/index.html").contains("<p class=\"view-switch\"><a href=\"trainer/\">"));
    let programme =
        element(&site.read("1.0/el/io1-sessions/trainer/index.html"), "<section class=\"session-plan\"", "</section>");
    insta::assert_snapshot!("programme_el", programme);
    assert!(!programme.contains("reading/"), "a module without activities is left out");
}
