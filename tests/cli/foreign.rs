//! Content written for other tools builds as it is: file names with `_` and capitals, licence
//! ids written the common way, and heading anchors as GitHub makes them.

use crate::support::{Fixture, assert_links_resolve};

/// A module named the way lesson repositories name files, linked by its file name, with
/// headings in several scripts linked by the anchors GitHub gives them.
/// Mutation checked: the old slug rules (underscores refused, combining marks dropped from ids)
/// fail the build here.
#[test]
fn lesson_repository_names_and_github_anchors_build() {
    let site = Fixture::new("minimal");
    site.write(
        "content/io1-basics/02-Chromebook_setup.md",
        "---\ntitle: Chromebook setup\nlicense: CC BY-SA 4.0\n---\n\
         ## पाठ का उद्देश्य\n\nText.\n\n## பங்களிப்பதின் அர்த்தம் என்ன\n\nText.\n\n## Plan & do\n\nText.\n",
    );
    site.write(
        "content/io1-basics/03-links.md",
        "---\ntitle: Links\n---\n[Setup](02-Chromebook_setup.md), [goal](02-Chromebook_setup.md#पाठ-का-उद्देश्य), \
         [meaning](02-Chromebook_setup.md#பங்களிப்பதின்-அர்த்தம்-என்ன), [plan](02-Chromebook_setup.md#plan--do).\n",
    );
    let run = site.build(&["--no-pdf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = site.read("1.0/en/io1-basics/chromebook-setup/index.html");
    assert!(page.contains("<h2 id=\"பங்களிப்பதின்-அர்த்தம்-என்ன\">"), "{page}");
    assert!(page.contains("<h2 id=\"plan--do\">"), "{page}");
    let links = site.read("1.0/en/io1-basics/links/index.html");
    assert!(links.contains("href=\"../chromebook-setup/#plan--do\""), "{links}");
    // The licence written the common way is read as its SPDX id, with a warning that says so.
    assert!(
        run.stderr.contains(
            "content/io1-basics/02-Chromebook_setup.md:3:10: warning: licence `CC BY-SA 4.0` is read as `CC-BY-SA-4.0`"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("hint: write the SPDX id: `license: CC-BY-SA-4.0`"), "{}", run.stderr);
    assert!(page.contains("rel=\"license\" href=\"https://creativecommons.org/licenses/by-sa/4.0/\""));
    assert_links_resolve(&site.out());
}

/// Two files whose names give the same address are an error that names both.
#[test]
fn names_that_give_the_same_address_are_refused_together() {
    let site = Fixture::new("minimal");
    site.write("content/IO2_Practice/_index.md", "---\ntitle: Practice\n---\nText.\n");
    site.write("content/io2-practice/_index.md", "---\ntitle: Practice again\n---\nText.\n");
    site.write("content/io1-basics/02-setup_guide.md", "---\ntitle: A\n---\nText.\n");
    site.write("content/io1-basics/03-setup-guide.md", "---\ntitle: B\n---\nText.\n");
    let run = site.build(&["--no-pdf"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    insta::assert_snapshot!(run.stderr);
}

/// kramdown attribute lines and Pandoc spans, as lesson repositories write them: ids become
/// anchors that links can reach, classes are dropped, and no brace reaches the page; code
/// blocks are left alone. Mutation checked: without `dialect_attributes` the links to
/// `#setup-steps` and `#key-term` are broken and the braces show.
#[test]
fn kramdown_and_pandoc_attributes_give_anchors() {
    let site = Fixture::new("minimal");
    site.write(
        "content/io1-basics/02-lesson.md",
        "---\ntitle: Lesson\n---\n## Setting up\n{: #setup-steps}\n\n\
         > ## Challenge\n>\n> Try it.\n{: .challenge}\n\n\
         A [key term]{#key-term .glossary} and [plain]{.smallcaps} text.\n\n\
         ```\n[x]{#not-an-anchor}\n```\n\n[Back](#setup-steps) and [term](#key-term).\n",
    );
    let run = site.build(&["--no-pdf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = site.read("1.0/en/io1-basics/lesson/index.html");
    let content = crate::support::element(&page, "<div class=\"content\"", "</div><!-- .content -->");
    insta::assert_snapshot!(content);
    assert!(content.contains("<h2 id=\"setup-steps\">Setting up</h2>"), "{content}");
    assert!(content.contains("A <span id=\"key-term\"></span>key term and plain text."), "{content}");
    assert!(!content.contains("{:") && !content.contains("]{#key"), "{content}");
    assert!(content.contains("[x]{#not-an-anchor}"), "code blocks keep their text: {content}");
}

/// A lesson set as other projects bring it (`tests/fixtures/lesson-set` over the three-language
/// fixture): a folder and files named with capitals and `_`, kramdown lines, Pandoc spans, a raw
/// HTML figure, headings in Hindi, Tamil, Arabic, Greek and Japanese linked by GitHub's anchors,
/// and genuine faults (an anchor that does not exist, an image without alt text).
fn lesson_set(check: &str) -> Fixture {
    let site = Fixture::new("multilingual");
    site.overlay(&crate::support::repo().join("tests/fixtures/lesson-set"));
    site.append_config(&format!("[markdown]\nraw-html = \"sanitize\"\n\n{check}"));
    site
}

/// Its faults fail the build by default and with `--strict`; with a lenient `[check]` it is
/// published, with every GitHub anchor working and no link or image that leads nowhere.
/// Mutation checked: the old heading ids (marks dropped) break the Hindi and Tamil links, which
/// then show as plain text and fail the `href` assertions.
#[test]
fn a_lesson_set_from_elsewhere_builds_under_a_lenient_policy() {
    let strict = lesson_set("");
    let run = strict.build(&["--no-pdf"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "content/03-IO3_Lessons/01-Getting_Started.md:42:5: error: anchor `#nowhere` does not exist on this page"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("content/03-IO3_Lessons/01-Getting_Started.md:20:1: error: image has no alt text"),
        "{}",
        run.stderr
    );

    let check = "[check]\nanchors = \"warn\"\nalt-text = \"warn\"\n";
    let site = lesson_set(check);
    assert_eq!(site.build(&["--no-pdf", "--strict"]).code, 1);
    let run = site.build(&["--no-pdf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("warning(s) (alt-text 1, anchors "), "{}", run.stdout);
    let setup = site.read("2.0/en/io3-lessons/chromebook-setup/index.html");
    for anchor in [
        "योगदान-क्यों-करें",
        "பங்களிப்பதின்-அர்த்தம்-என்ன",
        "لماذا-نساهم",
        "αξιολόγηση--ανατροφοδότηση",
        "はじめに概要",
        "glossary-entry",
    ] {
        let href = format!("href=\"../getting-started/#{}\"", innotrain::urls::encode_path(anchor));
        assert!(setup.contains(&href), "{anchor}: {setup}");
    }
    // The renamed section's link still leads to the page.
    assert!(setup.contains("<a href=\"../getting-started/\">a section that was renamed</a>"), "{setup}");
    let lesson = site.read("2.0/en/io3-lessons/getting-started/index.html");
    assert!(lesson.contains("<h2 id=\"setup\">Before you begin</h2>"), "{lesson}");
    assert!(lesson.contains("src=\"../../../media/03-IO3_Lessons/images/diagram.svg\""), "{lesson}");
    assert!(!lesson.contains("{:") && !lesson.contains("]{#"), "{lesson}");
    let greek = site.read("2.0/el/io3-lessons/getting-started/index.html");
    assert!(greek.contains("alt=\"Ο κύκλος της πρακτικής άσκησης σε τέσσερα βήματα\""), "{greek}");
    assert_links_resolve(&site.out());
}
