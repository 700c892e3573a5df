//! Raw HTML kept with `raw-html = "sanitize"` is content: its images and links are resolved,
//! checked and rewritten per reader exactly as Markdown ones are; remote images are refused
//! unless book.toml allows them.

use crate::support::{Fixture, assert_links_resolve, element, repo};

/// The multilingual fixture with a module written partly in raw HTML (`tests/fixtures/raw-html`:
/// figures in English and Greek, the Greek one with a language variant of its image) and
/// `[markdown]` settings appended to book.toml.
fn raw_html_site(markdown: &str) -> Fixture {
    let site = Fixture::new("multilingual");
    site.overlay(&repo().join("tests/fixtures/raw-html"));
    site.append_config(&format!("[markdown]\nraw-html = \"sanitize\"\n{markdown}"));
    site
}

const FRONT_MATTER: &str = "---\ntitle: Faults\nsummary: Raw HTML with faults.\nduration_minutes: 10\naudience: [vet-teacher]\neqf_level: 5\nlearning_outcomes:\n  knowledge:\n    - Spot the faults.\nlicense: CC-BY-SA-4.0\n---\n";

/// A raw `<img>` takes the reader's language variant and is copied to media, a raw `<a href>`
/// to another module and its anchor leads to that page in the reader's language, `alt=""`
/// stays decorative. Mutation checked: not calling `raw_html::lift_links` in `prepare` leaves
/// `src="images/cycle.svg"` on every page (the snapshot and the link check fail).
#[test]
fn raw_html_images_and_links_resolve_per_reader() {
    let site = raw_html_site("");
    let run = site.build(&["--no-pdf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains("warning"), "{}", run.stdout);
    let en = site.read("2.0/en/io1-quality/figures/index.html");
    let content = element(&en, "<div class=\"content\"", "</div>");
    insta::assert_snapshot!(content);
    let el = site.read("2.0/el/io1-quality/figures/index.html");
    assert!(
        el.contains("<img src=\"../../../media/io1-quality/images/cycle.el.svg\" alt=\"Τέσσερα πλαίσια σε κύκλο\">"),
        "{el}"
    );
    assert!(el.contains("<a href=\"../indicators/#inputs\">δείκτες εισροών</a>"), "{el}");
    // German readers get the English text (no translation) with the image that has no German variant.
    let de = site.read("2.0/de/io1-quality/figures/index.html");
    assert!(de.contains("src=\"../../../media/io1-quality/images/cycle.svg\""), "{de}");
    assert!(site.out().join("2.0/media/io1-quality/images/cycle.el.svg").exists());
    assert_links_resolve(&site.out());
}

/// A raw `<img>` that points at nothing is the same `images` error as a Markdown one, at the
/// line and column of its `src`; under `warn` it is written as its alt text. `javascript:`
/// links lose their link, form controls and scripts are removed. Mutations checked: reporting
/// at the start of the HTML line instead of the attribute (`at` returning `range.start`) fails
/// the `12:16` position; putting `input` back on the sanitiser's allowlist fails `<input`.
#[test]
fn broken_raw_html_is_reported_at_its_attribute_and_never_published() {
    let faults = "<p>Chart: <img src=\"images/missing.png\" alt=\"A missing chart\"></p>\n\n\
                  <p><a href=\"javascript:alert(1)\">Run me</a> <input type=\"text\" value=\"typed\"><script>alert(2)</script></p>\n";
    let strict = raw_html_site("");
    strict.write("content/io1-quality/04-faults.md", &format!("{FRONT_MATTER}{faults}"));
    let run = strict.build(&["--no-pdf"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("content/io1-quality/04-faults.md:12:16: error: `images/missing.png` does not exist"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "content/io1-quality/04-faults.md:14:7: error: links with the `javascript:` scheme are not allowed"
        ),
        "{}",
        run.stderr
    );

    let lenient = raw_html_site("\n[check]\nlinks = \"warn\"\nimages = \"warn\"\n");
    lenient.write("content/io1-quality/04-faults.md", &format!("{FRONT_MATTER}{faults}"));
    let run = lenient.build(&["--no-pdf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = lenient.read("2.0/en/io1-quality/faults/index.html");
    let content = element(&page, "<div class=\"content\"", "</div>");
    assert!(content.contains("<p>Chart: A missing chart</p>"), "{content}");
    assert!(content.contains("<p>Run me </p>"), "{content}");
    for gone in ["javascript", "<input", "<script", "alert(2)", "missing.png"] {
        assert!(!content.contains(gone), "{gone} in {content}");
    }
    assert_links_resolve(&lenient.out());
}

/// Remote images (Markdown and raw HTML) are refused by default and kept, without a warning,
/// with `remote-images = "allow"`. Mutation checked: ignoring the setting in `check_images`
/// makes the allowed build fail.
#[test]
fn remote_images_are_refused_unless_allowed() {
    let page = "![Logo of the partner](https://example.org/logo.png)\n\n<img src=\"https://example.org/chart.png\" alt=\"Chart of the results\">\n";
    let refused = raw_html_site("");
    refused.write("content/io1-quality/04-remote.md", &format!("{FRONT_MATTER}{page}"));
    let run = refused.build(&["--no-pdf"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("04-remote.md:12:1: error: image `https://example.org/logo.png` is on another site"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("04-remote.md:14:6: error: image `https://example.org/chart.png` is on another site"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("remote-images = \"allow\""), "the hint names the setting: {}", run.stderr);

    let allowed = raw_html_site("remote-images = \"allow\"\n");
    allowed.write("content/io1-quality/04-remote.md", &format!("{FRONT_MATTER}{page}"));
    let run = allowed.build(&["--no-pdf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains("warning"), "{}", run.stdout);
    let html = allowed.read("2.0/en/io1-quality/remote/index.html");
    assert!(html.contains("<img src=\"https://example.org/logo.png\" alt=\"Logo of the partner\">"), "{html}");
    assert!(html.contains("<img src=\"https://example.org/chart.png\" alt=\"Chart of the results\">"), "{html}");
}

/// An unknown value is a config error with the choices as hint. Mutation checked: dropping the
/// `remote-images` choice (reading the value as "refuse" always) lets the build pass.
#[test]
fn unknown_remote_images_value_is_a_config_error() {
    let site = raw_html_site("remote-images = \"sometimes\"\n");
    let run = site.build(&["--no-pdf"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("book.toml:") && run.stderr.contains("error: unknown remote image policy `sometimes`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("hint: expected one of `refuse`, `allow`"), "{}", run.stderr);
}
