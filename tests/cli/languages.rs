//! Many languages, both directions: `tests/fixtures/many-languages` (25 languages, Arabic and
//! Hebrew right to left, Hindi, Tamil, Japanese, Greek …) and empty sections left out.
//!
//! The fixture builds with `--no-pdf`: the theme's PDF fonts have no Tamil, Japanese, Chinese or
//! Korean glyphs (the build says so, naming each character and the `pdf/fonts/` folder).

use crate::support::{Fixture, element};

const LANGUAGES: usize = 25;

fn many_languages() -> Fixture {
    let site = Fixture::new("many-languages");
    let run = site.build(&["--no-pdf"]);
    assert_eq!(run.code, 0, "the 25-language fixture builds:\n{}", run.stderr);
    site
}

/// Mutation: the menu's threshold in base.html raised (`length > 30`): the switcher is a row
/// of 25 links again and there is no `<details>`.
#[test]
fn twenty_five_languages_build_and_share_one_language_menu() {
    let site = many_languages();
    let languages: Vec<_> = std::fs::read_dir(site.out().join("1.0"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("index.html").is_file())
        .collect();
    assert_eq!(languages.len(), LANGUAGES, "a home page per language");
    let html = site.read("1.0/he/io1-basics/no-outcomes/index.html");
    let switcher = element(&html, "<nav class=\"language-switcher\"", "</nav>");
    assert_eq!(switcher.matches("<details").count(), 1, "{switcher}");
    assert_eq!(switcher.matches("<summary>").count(), 1, "{switcher}");
    assert_eq!(switcher.matches("<li><a ").count(), LANGUAGES, "{switcher}");
    assert_eq!(switcher.matches(" hreflang=\"").count(), LANGUAGES, "{switcher}");
    assert_eq!(switcher.matches("aria-current=\"page\"").count(), 1, "{switcher}");
    insta::assert_snapshot!(switcher);
}

/// Up to six languages the switcher stays a row of links; the seventh folds it into the menu.
/// Mutations: `length > 6` → `length >= 6` (six languages get the menu), `length > 7` (seven
/// do not).
#[test]
fn the_language_menu_starts_at_seven_languages() {
    for (count, menu) in [(6, false), (7, true)] {
        let site = Fixture::new("multilingual");
        let mut toml = std::fs::read_to_string(site.root.join("book.toml")).unwrap();
        // The fixture has en, de, el; add languages up to `count` (legal texts are required).
        for code in ["fr", "it", "es", "pt"].iter().take(count - 3) {
            toml = toml.replacen(
                "[project]",
                &format!("[[languages]]\ncode = \"{code}\"\nname = \"{code}\"\n\n[project]"),
                1,
            );
            let legal = crate::support::builtin_text("locales/de/legal.ftl");
            site.write(&format!("locales/{code}/legal.ftl"), &legal);
        }
        site.write("book.toml", &toml);
        let run = site.build(&["--no-pdf"]);
        assert_eq!(run.code, 0, "{count} languages build:\n{}", run.stderr);
        let html = site.read("2.0/en/index.html");
        let switcher = element(&html, "<nav class=\"language-switcher\"", "</nav>");
        assert_eq!(switcher.matches("<li><a ").count(), count, "{switcher}");
        assert_eq!(switcher.contains("<details"), menu, "{count} languages:\n{switcher}");
    }
}

/// Arabic and Hebrew are right to left without a `direction` line in book.toml; the others
/// (Hindi, Japanese, Greek, English) left to right.
/// Mutation: `default_rtl` returning false (every page `dir="ltr"`).
#[test]
fn right_to_left_languages_get_dir_rtl_from_their_code() {
    let site = many_languages();
    for (lang, dir) in [("ar", "rtl"), ("he", "rtl"), ("hi", "ltr"), ("ja", "ltr"), ("el", "ltr"), ("en", "ltr")] {
        for page in ["index.html", "io1-basics/no-outcomes/index.html", "status/index.html"] {
            let html = site.read(&format!("1.0/{lang}/{page}"));
            assert!(html.contains(&format!("<html lang=\"{lang}\" dir=\"{dir}\">")), "{lang}/{page} is {dir}");
        }
    }
    // The root page lists each language in its own direction.
    let root = std::fs::read_to_string(site.out().join("index.html")).unwrap();
    assert!(root.contains("<li lang=\"ar\" dir=\"rtl\">"), "{root}");
    assert!(root.contains("<li lang=\"hi\">"), "{root}");
}

/// English fallback text inside an Arabic page keeps its own direction, as `lang` already
/// tells its language; a translated Arabic page has no such override.
/// Mutation: `dir` removed from the content element in module.html (and the title in
/// page_header.html).
#[test]
fn fallback_text_in_a_right_to_left_page_stays_left_to_right() {
    let site = many_languages();
    let fallback = site.read("1.0/ar/io1-basics/with-outcomes/index.html");
    assert!(fallback.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(fallback.contains("<h1 id=\"page-title\" lang=\"en\" dir=\"ltr\">Farewells</h1>"), "{fallback}");
    assert!(fallback.contains("<div class=\"content\" lang=\"en\" dir=\"ltr\" data-pagefind-ignore>"), "{fallback}");
    assert!(fallback.contains("<div class=\"outcomes\" lang=\"en\" dir=\"ltr\">"), "{fallback}");
    // In the switcher of an Arabic page, the English name is marked left to right.
    assert!(fallback.contains("hreflang=\"en\" lang=\"en\" dir=\"ltr\">English</a>"), "{fallback}");
    let translated = site.read("1.0/ar/io1-basics/no-outcomes/index.html");
    assert!(!translated.contains("dir=\"ltr\" data-pagefind-ignore"), "{translated}");
    assert!(translated.contains("<h1 id=\"page-title\">التحيات</h1>"), "{translated}");
}

/// A module without learning outcomes has no "Learning outcomes" heading (nor a section
/// labelled by it); one with outcomes keeps it.
/// Mutation: `{% if has_outcomes %}` before the heading in module.html made `{% if true %}`.
#[test]
fn a_module_without_outcomes_shows_no_outcomes_heading() {
    let site = many_languages();
    for lang in ["en", "ar", "de"] {
        let without = site.read(&format!("1.0/{lang}/io1-basics/no-outcomes/index.html"));
        assert!(!without.contains("outcomes-title"), "{lang}: {without}");
        assert!(!without.contains("Learning outcomes"), "{lang}: {without}");
        assert!(!without.contains("class=\"outcomes\""), "{lang}: {without}");
    }
    let with = site.read("1.0/en/io1-basics/with-outcomes/index.html");
    assert!(with.contains("<h2 id=\"outcomes-title\">Learning outcomes</h2>"), "{with}");
    assert!(with.contains("aria-labelledby=\"outcomes-title\""), "{with}");
}
