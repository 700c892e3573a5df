//! One severity policy for `build` and `check`: book.toml's `[check]` table decides which
//! problems fail a build, `--strict` makes every warning an error, and whatever the policy, a
//! built page never links to nothing.

use crate::support::{Fixture, assert_links_resolve, element, repo};

/// The minimal site with a broken link of every kind, an image without alt text, a remote image
/// and a missing image; `check` is the `[check]` table appended to book.toml.
fn faulty_site(check: &str) -> Fixture {
    let site = Fixture::new("minimal");
    for case in ["broken-links", "image-without-alt"] {
        site.overlay(&repo().join("tests/fixtures/invalid").join(case));
    }
    site.append_config(check);
    site
}

const LENIENT: &str = "[check]\nlinks = \"warn\"\nanchors = \"warn\"\nimages = \"warn\"\nalt-text = \"warn\"\n";

#[test]
fn by_default_every_broken_link_fails_the_build() {
    let site = faulty_site("");
    let run = site.build(&[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("content/io1-basics/02-links.md:4:3: error: link target `03-missing.md` does not exist")
    );
    assert!(run.stderr.contains("build failed: 7 error(s)"), "{}", run.stderr);
    assert!(!site.out().exists());
}

/// Under `warn` the site is published, and still never holds a dead link: a link to a missing
/// page is its text, a missing or remote image its alt text, a missing anchor of another page
/// leads to that page. Mutation checked: writing broken links as `href="#"` (as before) or
/// keeping the remote `<img>` fails the assertions on the page.
#[test]
fn warn_publishes_with_broken_links_written_as_text() {
    let site = faulty_site(LENIENT);
    let run = site.build(&["--no-pdf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("content/io1-basics/02-links.md:4:3: warning: link target `03-missing.md` does not exist"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("content/io1-basics/02-figure.md:6:1: warning: image has no alt text"));
    assert!(
        run.stdout.contains("7 warning(s) (alt-text 1, anchors 2, images 2, links 2)"),
        "the summary counts warnings by category: {}",
        run.stdout
    );
    let links = site.read("1.0/en/io1-basics/links/index.html");
    let content = element(&links, "<div class=\"content\"", "</div>");
    insta::assert_snapshot!(content);
    assert!(content.contains("A missing page, a <a href=\"../first-steps/\">missing anchor</a>"), "{content}");
    assert!(content.contains("a local anchor and an escape."), "{content}");
    assert!(content.contains("<p>A figure that is not there</p>"), "{content}");
    assert!(!content.contains("href=\"#\""), "{content}");
    let figure = site.read("1.0/en/io1-basics/figure/index.html");
    assert!(!figure.contains("https://example.org/logo.png"), "a remote image is never loaded");
    assert!(element(&figure, "<div class=\"content\"", "</div>").contains("<p>Logo</p>"));
    assert_links_resolve(&site.out());
}

/// `--strict` turns the warnings of a lenient book.toml back into errors, for `build` and
/// `check` alike. Mutation checked: ignoring `strict` in `Policy::apply` lets both succeed.
#[test]
fn strict_makes_every_warning_an_error() {
    let site = faulty_site(LENIENT);
    let run = site.build(&["--strict", "--no-pdf"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("content/io1-basics/02-links.md:4:3: error: link target `03-missing.md` does not exist")
    );
    assert!(!site.out().exists());
    assert_eq!(site.run(&["check"]).code, 0);
    let check = site.run(&["check", "--strict"]);
    assert_eq!(check.code, 1, "{}", check.stdout);
    assert!(check.stdout.contains("links (2)\n  content/io1-basics/02-links.md:4:3: error:"), "{}", check.stdout);
}

/// Only problems the build can render around may be downgraded; a wrong category name is
/// caught with a suggestion.
#[test]
fn only_renderable_problems_can_be_warnings() {
    let site = faulty_site("[check]\nfront-matter = \"warn\"\nlnks = \"warn\"\n");
    let run = site.build(&[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    insta::assert_snapshot!(run.stderr);
}
