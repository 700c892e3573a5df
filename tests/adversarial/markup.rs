//! Hostile markup in partner text (reliability.md T08–T13): raw HTML, URLs that run code,
//! heading attributes, code-fence info strings, template syntax, and HTML in every front matter
//! field. Pages without PDFs: the PDF side of the same text is in `pdf_and_images.rs`.

use crate::common::{Built, assert_no_crash, built_minimal, harm_in};
use crate::support::Run;

/// [`Built::published`], except that the theme's own `latest/` redirects (a `<meta
/// http-equiv="refresh">` to a relative address) are not counted as harm: the harness's lint
/// flags every `http-equiv` (reported to the lead).
pub(crate) fn publish(site: &Built, args: &[&str]) -> Run {
    let run = site.site.build(args);
    assert_published(site, &run);
    run
}

/// The checks of [`publish`] on a build already run.
pub(crate) fn assert_published(site: &Built, run: &Run) {
    assert_eq!(run.code, 0, "the build must succeed:\n{}", run.stderr);
    assert_no_crash(run);
    for (path, bytes) in crate::support::tree(&site.site.out()).iter().filter(|(p, _)| p.ends_with(".html")) {
        let html =
            String::from_utf8_lossy(bytes).replace("<meta http-equiv=\"refresh\" content=\"0; url=../", "<meta x=\"");
        if let Some(problem) = harm_in(&html) {
            panic!("{path}: {problem}");
        }
    }
}

/// T08, default policy: every raw HTML element is removed with a warning at its line, the
/// Markdown text around it stays. An HTML *block* is removed whole, its text with it, and the
/// warning says how many lines went.
#[test]
fn t08_raw_html_is_removed_with_a_warning_at_its_line() {
    let site = built_minimal(false);
    site.overlay("raw-html");
    let run = publish(&site, &["--no-pdf"]);
    insta::assert_snapshot!(run.stderr);
    let page = site.site.read("1.0/en/io1-basics/raw/index.html");
    for kept in ["Before the script.", "Kept bold and web text.", "After the mXSS shape.", "Closing words."] {
        assert!(page.contains(kept), "`{kept}` is gone:\n{page}");
    }
    assert!(!page.contains("inside a raw HTML block"), "{page}");
}

/// T08 under `raw-html = "sanitize"`: the safe subset stays, handlers, scripts, frames, styles,
/// SVG and MathML go, each named in a warning at its line and column. The mXSS shape opens a
/// `<style>` that is never closed: it goes with the rest of its HTML block, and the text after
/// the block is still published.
#[test]
fn t08_sanitised_raw_html_keeps_only_safe_markup() {
    let site = built_minimal(false);
    site.overlay("raw-html");
    site.site.append_config("[markdown]\nraw-html = \"sanitize\"\n\n[check]\nimages = \"warn\"\nalt-text = \"warn\"\n");
    let run = publish(&site, &["--no-pdf"]);
    insta::assert_snapshot!(run.stderr);
    let page = site.site.read("1.0/en/io1-basics/raw/index.html");
    assert!(page.contains("Kept <b>bold</b> and <a href=\"https://example.org/\">web</a> text."), "{page}");
    for kept in
        ["Before the script.", "After the mXSS shape.", "Text written inside a raw HTML block.", "Closing words."]
    {
        assert!(page.contains(kept), "`{kept}` is gone:\n{page}");
    }
    for gone in ["alert(", "evil.example", "<svg", "<animate"] {
        assert!(!page.contains(gone), "`{gone}` was published:\n{page}");
    }
}

/// T09: every disguise of a code-running or local URL, in links, images, autolinks and
/// reference definitions, is an error at its line; web, mail, phone and relative links pass.
/// Made warnings, the links lose their target and keep their text.
#[test]
fn t09_dangerous_urls_are_refused_at_their_line() {
    let site = built_minimal(false);
    site.overlay("dangerous-urls");
    let run = site.refused(&["--no-pdf"]);
    insta::assert_snapshot!(run.stderr);

    site.site.append_config("[check]\nlinks = \"warn\"\nimages = \"warn\"\n");
    publish(&site, &["--no-pdf"]);
    let page = site.site.read("1.0/en/io1-basics/urls/index.html");
    for kept in ["plain", "mixed case", "tab entity", "leading space", "local file", "javascript:alert(9)", "reference"]
    {
        assert!(page.contains(kept), "the text `{kept}` is gone:\n{page}");
    }
    for link in [
        "href=\"https://example.org/a?b=c#d\"",
        "href=\"http://example.org/\"",
        "href=\"mailto:office@example.org\"",
        "href=\"tel:+302101234567\"",
        "href=\"../first-steps/#intro\"",
        "href=\"https://example.org/auto\"",
    ] {
        assert!(page.contains(link), "the safe link {link} is missing:\n{page}");
    }
    assert!(!page.contains("alert(10)") && !page.contains("/etc/passwd\""), "{page}");
}

/// T10: attributes from `{…}` never reach the page (only the id); an id the theme uses, or one
/// used twice, is an error.
#[test]
fn t10_heading_attributes_never_reach_the_page() {
    let site = built_minimal(false);
    site.overlay("heading-attributes");
    let run = site.refused(&["--no-pdf"]);
    insta::assert_snapshot!(run.stderr);

    site.site.append_config("[check]\nanchors = \"warn\"\n");
    publish(&site, &["--no-pdf"]);
    let page = site.site.read("1.0/en/io1-basics/headings/index.html");
    assert!(page.contains("<h1 id=\"main\">Τίτλος</h1>"), "{page}");
    assert!(page.contains("<h2 id=\"styled\">Styled</h2>"), "{page}");
    assert_eq!(page.matches("id=\"main-content\"").count(), 1, "the theme's id is unique:\n{page}");
    assert_eq!(page.matches("id=\"twice\"").count(), 1, "{page}");
    assert!(page.contains("<h2 id=\"main-content-1\">The theme's own</h2>"), "{page}");
    assert!(!page.contains("color:red") && !page.contains("data-x"), "{page}");
}

/// T11: a code-fence info string cannot leave its attribute; the unknown "language" is a
/// warning at the fence.
#[test]
fn t11_code_fence_info_string_cannot_break_out() {
    let site = built_minimal(false);
    site.site.write(
        "content/io1-basics/02-fence.md",
        "---\ntitle: Fence\n---\n```\"><script>alert(1)</script>\nx < y\n```\n\n```js' onmouseover='alert(2)\nz\n```\n",
    );
    let run = publish(&site, &["--no-pdf"]);
    insta::assert_snapshot!(run.stderr);
    let page = site.site.read("1.0/en/io1-basics/fence/index.html");
    assert!(
        page.contains("data-lang=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\" tabindex=\"0\"><code>x &lt; y"),
        "{page}"
    );
    assert!(page.contains("data-lang=\"js&#39;\""), "{page}");
}

/// T12: template syntax in the body and in front matter is text: content never passes through
/// Tera (no `config`, no include, no environment variable).
#[test]
fn t12_template_syntax_comes_out_literally() {
    let site = built_minimal(false);
    site.overlay("template-syntax");
    publish(&site, &["--no-pdf"]);
    let page = site.site.read("1.0/en/io1-basics/template/index.html");
    for literal in [
        "<h1 id=\"page-title\">Tera {{ config.extra }} in the title</h1>",
        "{% include &quot;secrets.html&quot; %} and {{ get_env(name=&quot;HOME&quot;) }}",
        "Body: {{ config.extra }}, {% include \"secrets.html\" %}, {{ get_env(name=\"HOME\") }},",
        "{# a comment #} and {% raw %}x{% endraw %}.",
    ] {
        assert!(page.contains(literal), "`{literal}` is not on the page as written:\n{page}");
    }
    let home = std::env::var("HOME").unwrap_or_default();
    assert!(home.len() < 2 || !page.contains(&format!(">{home}<")), "an environment variable reached the page");
}

/// T13: a translator's `ui.ftl` with markup, in text and in an attribute, and a string-literal
/// placeable holding `<b>`: escaped wherever the theme puts it; no isolation marks anywhere
/// (they would land inside `href`, `alt` and `<title>`). The syntax error at `file:line:col`
/// is `cli::errors::bad_ftl`.
#[test]
fn t13_translated_strings_are_escaped() {
    let site = built_minimal(false);
    let strings = crate::support::builtin_text("locales/en/ui.ftl")
        .replace("\nhome = Home\n", "\nhome = <script>alert(1)</script>{ \"<b>\" }Home\n")
        .replace("\nsearch-placeholder = Search modules\n", "\nsearch-placeholder = \"><svg/onload=alert(2)>\n");
    site.site.write("locales/en/ui.ftl", &strings);
    publish(&site, &["--no-pdf"]);
    let page = site.site.read("1.0/en/io1-basics/first-steps/index.html");
    assert!(page.contains(">&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;Home</a>"), "{page}");
    assert!(page.contains("placeholder=\"&quot;&gt;&lt;svg/onload=alert(2)&gt;\""), "{page}");
    for (path, bytes) in crate::support::tree(&site.site.out()) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains(['\u{2068}', '\u{2069}']), "{path} has isolation marks");
    }
}

/// HTML in every front matter field (title, summary, keywords, authors, the three outcome
/// columns; a translation's translators and reviewer) stays text in `<title>`, `<meta>`, the
/// JSON-LD, the output page, the catalogue and the status page.
#[test]
fn front_matter_fields_cannot_break_out() {
    let site = built_minimal(false);
    site.site.append_config("[[languages]]\ncode = \"de\"\nname = \"Deutsch\"\n");
    site.overlay("hostile-front-matter");
    publish(&site, &["--no-pdf"]);
    let out = site.site.out();
    for (path, bytes) in crate::support::tree(&out).iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        assert!(!html.contains("<svg/onload") && !html.contains("<script>alert"), "{path} has unescaped markup");
        if let Some(start) = html.find("<script type=\"application/ld+json\">") {
            let json = &html[start..][..html[start..].find("</script>").unwrap()];
            assert!(!json[8..].contains('<'), "{path}: the JSON-LD holds a `<`: {json}");
        }
    }
    let page = site.site.read("1.0/en/io1-basics/hostile/index.html");
    for field in ["Title", "Summary", "keyword", "Knowledge", "Skill", "Autonomy"] {
        let escaped = format!("{field} &lt;&#x2F;script&gt;&lt;script&gt;alert(1)&lt;&#x2F;script&gt;");
        let plain = format!("{field} &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
        assert!(page.contains(&escaped) || page.contains(&plain), "{field} is not on the page escaped:\n{page}");
    }
    assert!(page.contains("\"name\":\"Author \\u003c/script\\u003e"), "the author in the JSON-LD:\n{page}");
    let translation = site.site.read("1.0/de/io1-basics/hostile/index.html");
    for field in ["Titel", "Translator", "Reviewer"] {
        assert!(translation.contains(&format!("{field} &lt;")), "{field}:\n{translation}");
    }
    for listing in ["1.0/en/catalogue/index.html", "1.0/en/io1-basics/index.html", "1.0/en/status/index.html"] {
        assert!(site.site.read(listing).contains("Title &lt;"), "{listing}");
    }
    let versions = site.site.read("versions.json");
    assert!(serde_json::from_str::<serde_json::Value>(&versions).is_ok(), "versions.json is still JSON");
}
