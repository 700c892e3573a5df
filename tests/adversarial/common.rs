//! What every adversarial case checks: a refused build leaves the previous output untouched; a
//! published build contains nothing hostile.

use std::collections::BTreeMap;
use std::path::Path;

use crate::support::{Fixture, Run, tree};

/// A site built once, so that a hostile build has a previous output to leave alone.
pub struct Built {
    pub site: Fixture,
    pub before: BTreeMap<String, Vec<u8>>,
}

/// The `minimal` fixture, built once (without PDFs unless `pdf`).
pub fn built_minimal(pdf: bool) -> Built {
    built(Fixture::new("minimal"), pdf)
}

/// `site`, built once.
pub fn built(site: Fixture, pdf: bool) -> Built {
    let run = site.build(if pdf { &[] } else { &["--no-pdf"] });
    assert_eq!(run.code, 0, "the clean site must build: {}", run.stderr);
    let before = tree(&site.out());
    Built { site, before }
}

impl Built {
    /// Lays `tests/fixtures/adversarial/<case>/` over the site.
    pub fn overlay(&self, case: &str) {
        self.site.overlay(&crate::support::repo().join("tests/fixtures/adversarial").join(case));
    }

    /// Builds again and asserts the build was refused without touching the previous output.
    pub fn refused(&self, args: &[&str]) -> Run {
        let run = self.site.build(args);
        assert_eq!(run.code, 1, "the build must be refused:\n{}", run.stderr);
        assert_no_crash(&run);
        assert!(run.stderr.contains(": error: "), "no positioned error:\n{}", run.stderr);
        assert!(tree(&self.site.out()) == self.before, "the previous output changed");
        assert_no_staging_left(&self.site.root);
        run
    }
}

/// No panic, no abort, no Rust backtrace reached the partner.
pub fn assert_no_crash(run: &Run) {
    for sign in ["panicked", "RUST_BACKTRACE", "stack overflow", "SIGSEGV", "SIGABRT"] {
        assert!(!run.stderr.contains(sign), "the build crashed ({sign}):\n{}", run.stderr);
    }
    assert!(run.code == 0 || run.code == 1, "exit code {} (a signal?):\n{}", run.code, run.stderr);
}

/// No `.public.staging-*` or `.public.old-*` folder beside the output (the lock file stays).
pub fn assert_no_staging_left(root: &Path) {
    let left: Vec<String> = std::fs::read_dir(root)
        .unwrap()
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".public") && name != ".public.lock")
        .collect();
    assert!(left.is_empty(), "staging folders left behind: {left:?}");
}

/// What no page may contain: no script but the theme's own (`src=` files and JSON-LD), no event
/// handler, no `<iframe>`, `<base>`, `<object>`, `<embed>`, `<style>`, `<math>`, `<meta
/// http-equiv>`, and no `href`/`src` with a scheme outside http, https, mailto and tel.
/// The first harmful construct in `html`, described.
pub fn harm_in(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    for script in lower.split("<script").skip(1) {
        let tag = &script[..script.find('>').unwrap_or(script.len())];
        if !(tag.contains(" src=\"") || tag == " type=\"application/ld+json\"") {
            return Some(format!("an inline script <script{tag}>"));
        }
    }
    for element in ["<iframe", "<base", "<object", "<embed", "<style", "<math", "<meta http-equiv", "<frame"] {
        if lower.contains(element) {
            return Some(format!("a {element} element"));
        }
    }
    if let Some(handler) = event_handler(&lower) {
        return Some(format!("an event handler {handler}"));
    }
    for attribute in [" href=\"", " src=\"", " action=\"", " formaction=\"", " xlink:href=\"", " poster=\""] {
        for value in lower.split(attribute).skip(1) {
            let url = &value[..value.find('"').unwrap_or(value.len())];
            let decoded = html_escape::decode_html_entities(url).to_string();
            let compact: String = decoded.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect();
            if let Some(colon) = compact.find(':') {
                let scheme = &compact[..colon];
                let before_path = !compact[..colon].contains(['/', '?', '#']);
                if before_path && !["http", "https", "mailto", "tel"].contains(&scheme) {
                    return Some(format!("an unsafe URL{attribute}{url}\""));
                }
            }
        }
    }
    None
}

/// The first ` on…=` attribute of `html`, as `onclick=`.
fn event_handler(html: &str) -> Option<String> {
    html.match_indices(" on").find_map(|(at, _)| {
        let name: String = html[at + 1..].chars().take_while(char::is_ascii_alphabetic).collect();
        let rest = html[at + 1 + name.len()..].trim_start();
        (name.len() > 2 && rest.starts_with('=')).then(|| format!("{name}="))
    })
}
