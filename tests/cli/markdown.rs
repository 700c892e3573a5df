//! Markdown features and the trust boundary, through the CLI.

use crate::support::{Fixture, element};

#[test]
fn gfm_features_render() {
    let site = Fixture::new("multilingual");
    site.build(&[]);
    let html = site.read("2.0/en/io1-quality/cycle/index.html");
    let content = element(&html, "<div class=\"content\"", "</div><!-- .content -->");
    assert!(content.contains("<aside class=\"alert alert-note\"><p class=\"alert-title\">Note</p>"));
    assert!(content.contains("<div class=\"table-wrap\" tabindex=\"0\">\n<table>"));
    assert!(content.contains("<li><span class=\"task-box\" aria-hidden=\"true\">☑</span><span class=\"visually-hidden\">done </span> Goals agreed</li>"), "{content}");
    assert!(content.contains("<li><span class=\"task-box\" aria-hidden=\"true\">☐</span> Indicators chosen</li>"));
    assert!(!content.contains("<input"), "no unlabelled form controls");
    assert!(content.contains("<del>Old wording</del>"));
    assert!(content.contains("class=\"footnote-reference\""));
    assert!(content.contains("<pre class=\"code\" data-lang=\"yaml\" tabindex=\"0\"><code><span class=\"hl-"));
    assert!(content.contains("<h2 id=\"the-four-phases\">The four phases</h2>"), "second heading with the same text");
    let toc = element(&html, "<nav class=\"toc\"", "</nav>");
    assert!(toc.contains("href=\"#phases\"") && toc.contains("href=\"#the-four-phases\""));
}

#[test]
fn template_syntax_in_content_comes_out_literally() {
    let site = Fixture::new("multilingual");
    site.build(&[]);
    let html = site.read("2.0/en/io1-quality/cycle/index.html");
    assert!(html.contains("Template syntax stays text: {{ page.title }} and {% if x %}."));
}

#[test]
fn raw_html_is_dropped_with_a_warning() {
    let site = Fixture::new("minimal");
    site.write(
        "content/io1-basics/02-raw.md",
        "---\ntitle: Raw\n---\nText <b onclick=\"steal()\">bold</b>.\n\n<script>alert(1)</script>\n\n<!-- an author's note -->\n\n## Heading {onclick=x .big}\n",
    );
    let run = site.build(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!(run.stderr);
    let html = site.read("1.0/en/io1-basics/raw/index.html");
    let content = element(&html, "<div class=\"content\"", "</div><!-- .content -->");
    assert!(!content.contains("<script") && !content.contains("onclick") && !content.contains("<b"), "{content}");
    assert!(content.contains("<h2 id=\"heading\">Heading</h2>"), "{content}");
}

#[test]
fn sanitise_mode_keeps_safe_html_only() {
    let site = Fixture::new("minimal");
    let config = std::fs::read_to_string(site.root.join("book.toml")).unwrap();
    // A `javascript:` link in raw HTML is the same `links` error as in Markdown: made a warning
    // here so that the page is written and its content can be inspected.
    site.write("book.toml", &format!("{config}\n[markdown]\nraw-html = \"sanitize\"\n\n[check]\nlinks = \"warn\"\n"));
    site.write(
        "content/io1-basics/02-raw.md",
        "---\ntitle: Raw\n---\nText <b onclick=\"steal()\">bold</b> <a href=\"javascript:x\">x</a>.\n\n<script>alert(1)</script>\n<iframe src=\"https://example.org\"></iframe>\n",
    );
    let run = site.build(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = site.read("1.0/en/io1-basics/raw/index.html");
    let content = element(&html, "<div class=\"content\"", "</div><!-- .content -->");
    assert!(content.contains("<b>bold</b>"), "{content}");
    assert!(
        !content.contains("onclick")
            && !content.contains("<script")
            && !content.contains("javascript")
            && !content.contains("iframe"),
        "{content}"
    );
}

#[test]
fn front_matter_text_is_escaped() {
    let site = Fixture::new("minimal");
    site.write(
        "content/io1-basics/02-escape.md",
        "---\ntitle: \"<script>alert(1)</script> & {{ x }}\"\nsummary: \"\\\"><img src=x onerror=alert(1)>\"\n---\nBody.\n",
    );
    assert_eq!(site.build(&[]).code, 0);
    let html = site.read("1.0/en/io1-basics/escape/index.html");
    assert!(!html.contains("<script>alert") && !html.contains("<img src=x"));
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt; &amp; {{ x }}")
            || html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; {{ x }}"),
        "{}",
        element(&html, "<h1", "</h1>")
    );
}
