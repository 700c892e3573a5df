//! Every class of author mistake: the exact `path:line:col: error:` text (snapshots), exit code 1,
//! and the previous output left byte-for-byte untouched.

use crate::support::{Fixture, tree};

/// Builds the minimal site, lays the invalid case over it, builds again and returns stderr.
fn fails_and_keeps_previous_output(case: &str) -> String {
    let (site, overlay) = Fixture::invalid(case);
    let first = site.build(&[]);
    assert_eq!(first.code, 0, "the minimal site builds: {}", first.stderr);
    let before = tree(&site.out());
    site.overlay(&overlay);
    let run = site.build(&[]);
    assert_eq!(run.code, 1, "{case} must fail with exit code 1:\n{}{}", run.stdout, run.stderr);
    assert_eq!(tree(&site.out()), before, "{case}: the previous output changed");
    assert!(run.stderr.contains("was left unchanged"), "{}", run.stderr);
    run.stderr
}

macro_rules! invalid_case {
    ($name:ident) => {
        #[test]
        fn $name() {
            let case = stringify!($name).replace('_', "-");
            insta::assert_snapshot!(fails_and_keeps_previous_output(&case));
        }
    };
}

invalid_case!(config_unknown_key);
invalid_case!(config_bad_values);
invalid_case!(accessibility_bad_values);
invalid_case!(front_matter_unknown_key);
invalid_case!(front_matter_bad_values);
invalid_case!(yaml_syntax);
invalid_case!(missing_front_matter);
invalid_case!(unknown_language_suffix);
invalid_case!(duplicate_url);
invalid_case!(broken_links);
invalid_case!(image_without_alt);
invalid_case!(unsafe_url);
invalid_case!(missing_legal_string);
/// A partner's edit of the built-in strings gone wrong: a line without `=` in a copy of
/// `ui.ftl` (built from the shipped file, so that it has every other message the theme uses).
#[test]
fn bad_ftl() {
    let overlay = tempfile::tempdir().unwrap();
    let strings = crate::support::builtin_text("locales/en/ui.ftl");
    let broken = format!("{strings}\nbroken message without equals sign\n");
    let line = broken.lines().count();
    std::fs::create_dir_all(overlay.path().join("locales/en")).unwrap();
    std::fs::write(overlay.path().join("locales/en/ui.ftl"), broken).unwrap();
    let (site, _) = Fixture::invalid("bad-ftl");
    let first = site.build(&[]);
    assert_eq!(first.code, 0, "the minimal site builds: {}", first.stderr);
    let before = tree(&site.out());
    site.overlay(overlay.path());
    let run = site.build(&[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(tree(&site.out()), before, "the previous output changed");
    let stderr = run.stderr.replace(&format!("ui.ftl:{line}:"), "ui.ftl:LAST-LINE:");
    insta::assert_snapshot!(stderr);
}
invalid_case!(duplicate_heading_id);

#[test]
fn all_problems_of_a_build_are_reported_together() {
    let (site, _) = Fixture::invalid("broken-links");
    for case in ["broken-links", "front-matter-unknown-key", "unsafe-url", "image-without-alt"] {
        site.overlay(&crate::support::repo().join("tests/fixtures/invalid").join(case));
    }
    let run = site.build(&[]);
    assert_eq!(run.code, 1);
    for expected in ["01-first-steps.md:3:1", "02-links.md:4:3", "02-unsafe.md:4:1", "02-figure.md:6:1"] {
        assert!(run.stderr.contains(expected), "missing `{expected}` in:\n{}", run.stderr);
    }
}

#[test]
fn a_missing_ui_string_falls_back_with_a_warning() {
    let site = Fixture::new("multilingual");
    let ui = crate::support::builtin_text("locales/de/ui.ftl");
    let without: String = ui.lines().filter(|l| !l.starts_with("on-this-page")).map(|l| format!("{l}\n")).collect();
    site.write("locales/de/ui.ftl", &without);
    let run = site.build(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!(run.stderr);
    assert!(site.read("2.0/de/io1-quality/cycle/index.html").contains(">On this page</h2>"));
}

#[test]
fn outside_a_project_the_cli_says_where_to_run() {
    let dir = tempfile::tempdir().unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_innotrain"))
        .arg("build")
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no book.toml found"));
}
