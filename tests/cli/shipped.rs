//! The shipped InnoTrain site: it builds cleanly in every language, its content cannot
//! silently shrink (modules, words, front matter, translations, figures), and its Greek quality
//! output goes into a learning platform, onto a USB stick and onto a tablet.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use crate::support::{Run, assert_links_resolve, assert_links_resolve_from_disk, repo, tree};

const LANGS: [&str; 5] = ["en", "de", "it", "es", "el"];

#[test]
fn shipped_site_builds_with_only_the_missing_contact_warning_and_every_link_resolves() {
    let out = tempfile::tempdir().unwrap();
    let out = out.path().join("public");
    let run = build_repo(&["--out", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // One warning is deliberate: the project's accessibility feedback address is not public, so
    // book.toml names none (nothing is invented) and the statement says how else to write.
    assert_eq!(
        run.stderr,
        "\nfor whoever maintains the project (book.toml), not about the files you edit:\nbook.toml: warning: the accessibility statement names no contact for feedback\n  hint: set `contact` under `[accessibility]` (or `[project]`) to an e-mail or web address; until then the statement asks readers to write to the project's partner organisations\n",
        "the shipped site must build with no other warning"
    );
    let files = tree(&out);
    for lang in LANGS {
        assert!(files.contains_key(&format!("2.0/{lang}/accessibility/index.html")), "statement in {lang}");
        assert!(files.contains_key(&format!("1.0/{lang}/accessibility/index.html")), "1.0 statement in {lang}");
    }
    for module in english_modules() {
        let (output, slug) = module.page_path();
        for lang in LANGS {
            let page = format!("2.0/{lang}/{output}/{slug}/index.html");
            assert!(files.contains_key(&page), "missing {page}");
        }
    }
    assert_links_resolve(&out);
    // The pilot edition (1.0) is built from this repository's history, with real differences.
    assert!(files.contains_key("1.0/el/io3-quality-monitoring/eqavet-cycle/index.html"));
    assert!(!files.contains_key("1.0/en/io1-professional-development/multiplier-workshop/index.html"));
    assert!(files.contains_key("2.0/en/io1-professional-development/multiplier-workshop/index.html"));
    let versions: serde_json::Value = serde_json::from_slice(&files["versions.json"]).unwrap();
    assert_eq!(versions["latest"], "2.0");
    assert_eq!(versions["versions"][0]["status"], "pilot");
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        assert!(!html.contains(['\u{2068}', '\u{2069}']), "{path}: Fluent isolation marks leaked into the page");
        // Participants' pages never show a trainer note.
        assert!(path.contains("/trainer/") || !html.contains("alert-trainer"), "{path} shows a trainer note");
    }
    for module in english_modules() {
        let (output, slug) = module.page_path();
        for lang in LANGS {
            let folder = format!("2.0/{lang}/{output}/{slug}/trainer/");
            let page = String::from_utf8_lossy(&files[&format!("{folder}index.html")]).into_owned();
            assert!(page.contains("alert-trainer"), "{folder}: no trainer note");
            // "Activities: 150 of 150 minutes", in the page's language.
            let duration = module.front_matter().lines().find_map(|l| l.strip_prefix("duration_minutes: ")).unwrap();
            let total = crate::support::element(&page, "<p class=\"plan-total\">", "</p>");
            assert_eq!(total.matches(duration.trim()).count(), 2, "{folder}: the plan's total: {total}");
            assert!(files.keys().any(|p| p.starts_with(&folder) && p.contains("-trainer-") && p.ends_with(".pdf")));
            assert!(files.keys().any(|p| p.starts_with(&folder) && p.contains("-handout-") && p.ends_with(".pdf")));
        }
    }
}

#[test]
fn shipped_site_works_under_a_sub_path_and_from_the_file_system() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let run = build_repo(&["--out", out.to_str().unwrap(), "--base-path", "/innotrain/", "--links", "index-html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_links_resolve_from_disk(&out);
    let not_found = std::fs::read_to_string(out.join("404.html")).unwrap();
    assert!(not_found.contains("href=\"/innotrain/2.0/el/index.html\""));
}

/// Issue 17's "done when", on the shipped content: a trainer takes the Greek quality output
/// (`2.0/el/io3-quality-monitoring/`) into a learning platform as its SCORM package (a manifest
/// the ADL schemas accept, five SCOs, tracked to `completed` inside scorm-again's platform in
/// Chromium), onto a USB stick as the Greek offline copy (opened from `file://`: every page
/// reached loads, the output's PDF is there, an inflected Greek query finds the self-assessment
/// module, nothing leaves the file system) and onto a tablet as its EPUB (EPUBCheck: no error
/// or warning).
#[test]
fn the_greek_quality_output_goes_into_moodle_onto_a_usb_stick_and_onto_a_tablet() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let run = build_repo(&["--out", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let output = out.join("2.0/el/io3-quality-monitoring");
    let page = std::fs::read_to_string(output.join("index.html")).unwrap();

    let package = "innotrain-io3-quality-monitoring-scorm-el-2.0.zip";
    assert!(page.contains(&format!("href=\"{package}\"")), "the output's page links its package");
    let entries = crate::scorm::unzip(&output.join(package));
    let scos = crate::scorm::check_manifest(package, &entries);
    assert_eq!(
        scos.iter().map(|(page, _)| page.as_str()).collect::<Vec<_>>(),
        ["m1.html", "m2.html", "m3.html", "m4.html", "m5.html"]
    );
    let schemas = crate::scorm::scorm_schemas();
    crate::scorm::validate_manifest(&schemas, &entries["imsmanifest.xml"]).unwrap_or_else(|e| panic!("{package}: {e}"));
    let report = crate::scorm::run_in_platform(&entries);
    assert!(report.contains("ok   calls in order, the final status completed"), "{report}");

    let copy = "innotrain-offline-el-2.0.zip";
    let home = std::fs::read_to_string(out.join("2.0/el/index.html")).unwrap();
    assert!(home.contains(&format!("href=\"{copy}\"")), "the Greek home page links its offline copy");
    let entries = crate::scorm::unzip(&out.join("2.0/el").join(copy));
    let pdf = "innotrain-el-2.0/2.0/el/io3-quality-monitoring/innotrain-io3-quality-monitoring-el-2.0.pdf";
    assert!(entries[pdf].starts_with(b"%PDF-"), "the copy holds the output's PDF");
    let query = ["αυτοαξιολογήσεις", "io3-quality-monitoring/efqea-self-assessment/index.html"];
    let report = crate::offline::open_from_file_system(&entries, "innotrain-el-2.0", query[0], query[1]);
    assert!(report.contains("ok   the search finds an inflected form"), "{report}");

    let book = "innotrain-io3-quality-monitoring-el-2.0.epub";
    assert!(page.contains(&format!("href=\"{book}\"")), "the output's page links its e-book");
    let (ok, report) = crate::epub::epubcheck(&output.join(book));
    assert!(ok, "EPUBCheck on {book}:\n{report}");
}

/// Builds the repository's own site (read-only: the output goes where `args` say).
fn build_repo(args: &[&str]) -> Run {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_innotrain"))
        .args(["build", "--root", repo().to_str().unwrap()])
        .args(args)
        .output()
        .expect("run innotrain");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// An English module file of the shipped content.
struct Module {
    path: String,
    text: String,
}

impl Module {
    fn front_matter(&self) -> &str {
        let rest = self.text.strip_prefix("---\n").expect("front matter");
        &rest[..rest.find("\n---\n").expect("closed front matter")]
    }

    fn body(&self) -> &str {
        let rest = self.text.strip_prefix("---\n").unwrap();
        &rest[rest.find("\n---\n").unwrap() + 5..]
    }

    fn page_path(&self) -> (String, String) {
        let mut parts = self.path.split('/');
        let output = parts.next().unwrap().to_string();
        let file = parts.next().unwrap();
        let slug = file.trim_end_matches(".md").split_once('-').unwrap().1.to_string();
        (output, slug)
    }
}

fn content_files() -> BTreeMap<String, String> {
    tree(&repo().join("content"))
        .into_iter()
        .filter(|(p, _)| p.ends_with(".md"))
        .map(|(p, b)| (p, String::from_utf8(b).unwrap()))
        .collect()
}

fn is_module(path: &str) -> bool {
    path.split('/').nth(1).is_some_and(|f| f.as_bytes()[0].is_ascii_digit())
}

fn english_modules() -> Vec<Module> {
    content_files()
        .into_iter()
        .filter(|(p, _)| is_module(p) && p.matches('.').count() == 1)
        .map(|(path, text)| Module { path, text })
        .collect()
}

/// A module's text without its `[!TRAINER]` and `[!MATERIALS]` quotes.
fn participants_text(body: &str) -> String {
    let mut out = String::new();
    let mut skipping = false;
    let mut previous_quoted = false;
    for line in body.lines() {
        let quoted = line.starts_with('>');
        if quoted && !previous_quoted {
            skipping = line.starts_with("> [!TRAINER]") || line.starts_with("> [!MATERIALS]");
        }
        previous_quoted = quoted;
        if !(quoted && skipping) {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// Words with a letter or digit in them (table pipes and list markers do not count).
fn words(text: &str) -> usize {
    text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

#[test]
fn four_outputs_with_four_or_five_modules_each() {
    let modules = english_modules();
    assert!(modules.len() >= 17, "at least 17 modules, found {}", modules.len());
    let mut per_output: BTreeMap<String, usize> = BTreeMap::new();
    for module in &modules {
        *per_output.entry(module.page_path().0).or_default() += 1;
    }
    assert_eq!(per_output.len(), 4, "{per_output:?}");
    assert!(per_output.values().all(|n| (4..=5).contains(n)), "{per_output:?}");
}

#[test]
fn every_english_module_is_a_complete_training_unit() {
    for module in english_modules() {
        let front = module.front_matter();
        for key in [
            "title:",
            "summary:",
            "duration_minutes:",
            "audience:",
            "eqf_level:",
            "learning_outcomes:",
            "knowledge:",
            "skills:",
            "responsibility_autonomy:",
            "keywords:",
            "license: CC-BY-SA-4.0",
        ] {
            assert!(front.contains(key), "{}: front matter lacks `{key}`", module.path);
        }
        let body = module.body();
        // The participants' text: the trainer's notes and materials lists come on top.
        let count = words(&participants_text(body));
        assert!((1200..=2500).contains(&count), "{}: {count} words, expected 1,200–2,500", module.path);
        for section in ["## Introduction", "## Worked example", "## Activity", "## Key points", "## References"] {
            assert!(body.contains(section), "{}: no `{section}` section", module.path);
        }
        assert!(
            body.contains("## Checklist") || body.contains("## Self-assessment"),
            "{}: no checklist or self-assessment",
            module.path
        );
        assert!(body.contains(".md"), "{}: no cross-link to another module", module.path);
    }
}

#[test]
fn translations_cover_every_language_and_the_whole_quality_output_in_greek() {
    let files = content_files();
    for lang in ["de", "it", "es", "el"] {
        let suffix = format!(".{lang}.md");
        let modules = files.keys().filter(|p| is_module(p) && p.ends_with(&suffix)).count();
        assert!(modules >= 3, "{lang}: {modules} translated modules, expected at least 3");
        assert!(files.contains_key(&format!("_index{suffix}")), "{lang}: no home page");
        for output in
            ["io1-professional-development", "io2-wbl-design", "io3-quality-monitoring", "io4-cooperation-structures"]
        {
            assert!(files.contains_key(&format!("{output}/_index{suffix}")), "{lang}: no landing page for {output}");
        }
    }
    for module in english_modules().iter().filter(|m| m.path.starts_with("io3-")) {
        let greek = module.path.replace(".md", ".el.md");
        assert!(files.contains_key(&greek), "Greek translation missing: {greek}");
    }
    for (path, text) in &files {
        if path.matches('.').count() == 2 {
            assert!(text.contains("\nsource_hash: "), "{path}: a translation records the source_hash of its original");
        }
    }
}

/// Every translation language has the project's agreed terms: at least 30, each saying where it
/// comes from (a key of the file's [sources]), the unchecked ones marked; the build above
/// proves that the translations use them (no terminology warning).
#[test]
fn every_translation_language_has_at_least_30_agreed_terms_with_their_sources() {
    let run = Command::new(env!("CARGO_BIN_EXE_innotrain"))
        .args(["status", "--terms", "--format", "json"])
        .current_dir(repo())
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let glossaries: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    for lang in &LANGS[1..] {
        let glossary = &glossaries[lang];
        let terms = glossary["terms"].as_array().unwrap_or_else(|| panic!("no terms for {lang}"));
        assert!(terms.len() >= 30, "{lang}: {} terms", terms.len());
        let sources = glossary["sources"].as_object().unwrap();
        for key in ["C", "Q", "F", "A", "P"] {
            assert!(sources.contains_key(key), "{lang}: source {key} is not described");
        }
        for term in terms {
            let from = term["from"].as_str().unwrap_or_else(|| panic!("{lang}: {term} has no source"));
            assert!(sources.contains_key(from), "{lang}: {term}");
            assert!(!term["approved"].as_str().unwrap().contains([';', '(']), "{lang}: one form per term: {term}");
        }
        assert!(
            terms.iter().any(|t| t["unsure"] == true),
            "{lang}: terms not checked against official texts are marked"
        );
    }
    let agreed = |lang: &str| glossaries[lang]["terms"][0]["approved"].as_str().unwrap().to_string();
    assert_eq!(
        ["de", "it", "es", "el"].map(agreed),
        [
            "arbeitsbasiertes Lernen",
            "apprendimento basato sul lavoro",
            "aprendizaje en el trabajo",
            "μάθηση με βάση την εργασία"
        ],
        "the issue's terms, first in each file"
    );
}

/// Issue 18: every module can be run as a session. Its activities add up to its duration,
/// each carries a trainer note, at least one is a handout, and every translation carries the
/// same activities (the same attribute blocks, in the same order) and is up to date with them.
#[test]
fn every_module_has_timed_activities_notes_and_a_handout_in_every_language() {
    let files = content_files();
    let attribute_blocks = |body: &str| -> Vec<String> {
        body.lines()
            .filter(|l| l.starts_with('#') && l.contains(" duration="))
            .map(|l| l[l.rfind('{').expect("an attribute block")..].to_string())
            .collect()
    };
    for module in english_modules() {
        let path = &module.path;
        let duration: u32 = module
            .front_matter()
            .lines()
            .find_map(|l| l.strip_prefix("duration_minutes: "))
            .and_then(|d| d.trim().parse().ok())
            .unwrap_or_else(|| panic!("{path}: duration_minutes"));
        let blocks = attribute_blocks(module.body());
        let minutes: u32 = blocks
            .iter()
            .map(|b| {
                let value = &b[b.find("duration=").unwrap() + 9..];
                value[..value.find([' ', '}']).unwrap()].parse::<u32>().unwrap()
            })
            .sum();
        assert_eq!(minutes, duration, "{path}: the activities take {minutes} of {duration} minutes");
        assert!(blocks.iter().any(|b| b.contains(" handout")), "{path}: no handout");
        // Every activity section holds a trainer note.
        let sections: Vec<&str> = module.body().split("\n## ").skip(1).collect();
        for section in sections.iter().filter(|s| s.lines().next().is_some_and(|h| h.contains(" duration="))) {
            assert!(
                section.contains("> [!TRAINER]"),
                "{path}: an activity without a trainer note: {}",
                section.lines().next().unwrap()
            );
        }
        for lang in ["de", "it", "es", "el"] {
            let translation = path.replace(".md", &format!(".{lang}.md"));
            let text = &files[&translation];
            assert_eq!(attribute_blocks(text), blocks, "{translation}: other activities than its source");
            assert_eq!(
                text.matches("> [!TRAINER]").count(),
                module.body().matches("> [!TRAINER]").count(),
                "{translation}: trainer notes"
            );
        }
    }
}

#[test]
fn greek_translations_are_in_greek_script() {
    for (path, text) in content_files().iter().filter(|(p, _)| p.ends_with(".el.md")) {
        let greek = text
            .chars()
            .filter(|c| ('\u{0370}'..='\u{03ff}').contains(c) || ('\u{1f00}'..='\u{1fff}').contains(c))
            .count();
        let latin = text.chars().filter(char::is_ascii_alphabetic).count();
        assert!(greek > latin, "{path}: {greek} Greek letters, {latin} Latin letters");
    }
}

#[test]
fn figures_are_our_own_svgs_with_titles() {
    let content = repo().join("content");
    for figure in [
        "io3-quality-monitoring/images/eqavet-cycle.svg",
        "io2-wbl-design/images/wbl-cycle.svg",
        "io3-quality-monitoring/images/monitoring-model.svg",
    ] {
        let svg = std::fs::read_to_string(content.join(figure)).unwrap();
        assert!(svg.contains("<title") && svg.contains("<desc"), "{figure}");
        assert!(!svg.contains("<script") && !svg.contains("href=\"http"), "{figure}");
    }
    assert!(Path::new(&content.join("io3-quality-monitoring/images/eqavet-cycle.el.svg")).exists());
}

#[test]
fn legal_strings_exist_for_both_funding_periods_in_every_language() {
    for lang in LANGS {
        let legal = std::fs::read_to_string(repo().join(format!("locales/{lang}/legal.ftl"))).unwrap();
        for id in [
            "legal-funding-2014-2020",
            "legal-disclaimer-2014-2020",
            "legal-funding-2021-2027",
            "legal-disclaimer-2021-2027",
            "legal-emblem-alt",
            "legal-licence-notice",
        ] {
            assert!(legal.contains(&format!("\n{id} = ")), "{lang}: {id}");
        }
        if lang != "en" {
            assert!(
                legal.to_lowercase().contains("unofficial") || legal.contains("ανεπίσημ"),
                "{lang}: unofficial wording must be marked"
            );
        }
    }
}
