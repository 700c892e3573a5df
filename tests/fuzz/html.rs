//! Markdown → HTML (`markdown::body_html`, what a page render writes): whatever the Markdown,
//! nothing panics and the body is well-formed HTML without scripts, event handlers or URLs
//! with a scheme other than `http`, `https`, `mailto` and `tel`, with raw HTML dropped (the
//! default) or sanitised (`raw-html = "sanitize"`), remote images refused or allowed.

use innotrain::config::{LinkStyle, RawHtml, RemoteImages};
use innotrain::diag::Diagnostics;
use innotrain::key::Lang;
use innotrain::markdown::links::{LinkContext, Place};
use innotrain::markdown::{View, body_html};
use innotrain::urls::Urls;
use proptest::prelude::*;

use crate::hostile_markdown::{body, prepare_all, raw_html_policy, site_with};
use crate::{fuzz, html_check};

/// The body of the home page holding `markdown`, as its page would show it to `view`'s readers.
pub fn render(markdown: &str, raw_html: RawHtml, remote_images: RemoteImages, view: View) -> String {
    let site = site_with(markdown);
    let prepared = prepare_all(&site, raw_html, remote_images);
    let reader = Lang::parse("en").expect("a language code");
    let anchors = |index: usize, _: &Lang| prepared.get(index).map(|p| &p.anchors);
    let page = &site.pages[0];
    let ctx = LinkContext {
        site: &site,
        page,
        doc: &page.source,
        reader: &reader,
        urls: Urls { style: LinkStyle::Directory },
        anchors: &anchors,
        place: Place::Site,
    };
    body_html(&prepared[0], &ctx, view, raw_html, &Diagnostics::new())
}

fn remote_images() -> impl Strategy<Value = RemoteImages> {
    prop_oneof![Just(RemoteImages::Refuse), Just(RemoteImages::Allow)]
}

#[test]
fn markdown_html() {
    fuzz("markdown_html", 3000, (body(), raw_html_policy(), remote_images()), |(markdown, raw_html, remote)| {
        // Both views: the participants' (trainer notes left out) and the trainer's (set apart).
        for view in [View::Learner, View::Trainer] {
            let html = render(&markdown, raw_html, remote, view);
            if let Err(problem) = html_check::check(&html, raw_html == RawHtml::Drop) {
                return Err(TestCaseError::fail(format!("{problem}\n--- {view:?} HTML:\n{html}")));
            }
        }
        Ok(())
    });
}

// Defects the fuzzer found, kept with their minimal input.

/// A link leading nowhere around an autolink dropped the autolink's end tag instead of its
/// own: `<em><a href="mailto:…">…</em></a>`.
#[test]
fn a_dropped_link_around_an_autolink_keeps_the_html_nested() {
    let html = render("[*<a@example.org>*](#x)", RawHtml::Drop, RemoteImages::Refuse, View::Learner);
    assert_eq!(html, "<p><em><a href=\"mailto:a@example.org\">a@example.org</a></em></p>\n");
}

/// A `%` followed by a character of several bytes in a link made the build panic (a slice
/// inside a character in `urls::decode_path`).
#[test]
fn a_percent_sign_before_a_multibyte_character_does_not_panic() {
    let html = render("[a](%0ᴀ) [b](x%ᴀ.md) ![c](%é.png)", RawHtml::Drop, RemoteImages::Refuse, View::Learner);
    assert_eq!(html, "<p>a b c</p>\n");
}
