//! `innotrain check`: every problem of a build plus built-page links, UI strings and external
//! links, grouped, with severities from book.toml; nothing is written.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::support::{Fixture, repo};

#[test]
fn a_clean_site_passes_and_nothing_is_written() {
    let site = Fixture::new("multilingual");
    let run = site.run(&["check"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(run.stdout, "checked 57 pages and 0 external links: 0 error(s), 0 warning(s)\n");
    assert!(!site.out().exists());
}

/// A site with one problem of several kinds.
fn troubled_site() -> Fixture {
    let site = Fixture::new("minimal");
    for case in ["broken-links", "image-without-alt"] {
        site.overlay(&repo().join("tests/fixtures/invalid").join(case));
    }
    site.write("content/io1-basics/03-raw.md", "---\ntitle: Raw\n---\nText <b>bold</b>.\n");
    let template = std::fs::read_to_string(repo().join("themes/default/templates/base.html")).unwrap();
    site.write(
        "themes/default/templates/base.html",
        &template.replace("</footer>", "<a href=\"../nowhere/\">x</a></footer>"),
    );
    site
}

#[test]
fn problems_are_grouped_by_category() {
    let site = troubled_site();
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!(run.stdout);
    let json = site.run(&["check", "--format", "json"]);
    insta::assert_snapshot!("problems_json", json.stdout);
    let report: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(report["counts"]["links"], 2);
    assert_eq!(report["counts"]["anchors"], 2);
    assert_eq!(report["counts"]["images"], 2);
    assert_eq!(report["counts"]["raw-html"], 2);
    assert!(report["counts"]["output-links"].as_u64().unwrap() > 0, "the theme's broken link is found");
    assert!(!site.out().exists());
}

#[test]
fn severities_come_from_book_toml() {
    let site = troubled_site();
    let config = std::fs::read_to_string(site.root.join("book.toml")).unwrap();
    site.write(
        "book.toml",
        &format!("{config}\n[check]\nlinks = \"ignore\"\nanchors = \"warn\"\nimages = \"ignore\"\nalt-text = \"warn\"\noutput-links = \"ignore\"\nraw-html = \"error\"\n"),
    );
    let json = site.run(&["check", "--format", "json"]);
    assert_eq!(json.code, 1, "raw HTML is now an error");
    let report: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert!(report["counts"].get("links").is_none());
    for problem in report["problems"].as_array().unwrap() {
        let expected = if problem["category"] == "raw-html" { "error" } else { "warning" };
        assert_eq!(problem["severity"], expected, "{problem}");
    }
    site.write("book.toml", &format!("{config}\n[check]\nlinks = \"loud\"\n"));
    let run = site.run(&["check"]);
    assert!(run.stdout.contains("unknown severity `loud` for `links`"), "{}", run.stdout);
}

/// A translation's UI strings checked against the default language's: a message only the
/// translation has, and one whose variables differ, are `strings` warnings at the `.ftl` file.
/// Mutation checked: with `string_coverage()` returning nothing, both assertions fail.
#[test]
fn ui_strings_are_checked_against_the_default_language() {
    let site = Fixture::new("multilingual");
    let path = "locales/de/ui.ftl";
    let ui = crate::support::builtin_text(path);
    let changed = ui.replace("Sie lesen Version { $version }", "Sie lesen Version { $versoin }")
        + "extra-message = Nur auf Deutsch\n";
    assert!(ui.contains("Sie lesen Version { $version }"), "the fixture has the message to change");
    site.write(path, &changed);
    let json = site.run(&["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let strings: Vec<String> = report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["category"] == "strings")
        .map(|p| {
            format!(
                "{}: {}: {} ({})",
                p["file"].as_str().unwrap(),
                p["severity"].as_str().unwrap(),
                p["message"].as_str().unwrap(),
                p["hint"].as_str().unwrap_or("")
            )
        })
        .collect();
    assert_eq!(
        strings,
        [
            "locales/de/ui.ftl: warning: message `extra-message` is not in the default language (it is never shown; remove it or add it to the default language)",
            "locales/de/ui.ftl: warning: message `old-version` uses other variables than the default language (expected {version}, found {versoin})",
        ],
        "{}",
        json.stdout
    );
    // book.toml can make them errors, as any category.
    site.append_config("[check]\nstrings = \"error\"\n");
    let strict = site.run(&["check"]);
    assert_eq!(strict.code, 1, "{}", strict.stdout);
    assert!(strict.stdout.contains("strings (2)"), "{}", strict.stdout);
}

/// A tiny web server on loopback: `/ok` answers 200, anything else 404. Returns its address
/// and the number of requests it has answered so far.
fn local_web_server() -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap().to_string();
    let requests = Arc::new(AtomicUsize::new(0));
    let counter = requests.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(8) {
            let Ok(mut stream) = stream else { continue };
            let mut buffer = [0u8; 2048];
            let read = stream.read(&mut buffer).unwrap_or(0);
            let request = String::from_utf8_lossy(&buffer[..read]);
            // Counted before answering, so the count is complete when the client has its answer.
            counter.fetch_add(1, Ordering::SeqCst);
            let status = if request.split(' ').nth(1) == Some("/ok") { "200 OK" } else { "404 Not Found" };
            let _ = stream
                .write_all(format!("HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").as_bytes());
        }
    });
    (address, requests)
}

#[test]
fn external_links_are_checked_and_cached() {
    let site = Fixture::new("minimal");
    let (address, requests) = local_web_server();
    site.write(
        "content/io1-basics/02-links.md",
        &format!("---\ntitle: Links\n---\n[Fine](http://{address}/ok) and [gone](http://{address}/missing).\n"),
    );
    let run = site.run(&["check", "--external"]);
    assert_eq!(run.code, 0, "external links are warnings: {}", run.stdout);
    assert!(
        run.stdout.contains(&format!("external link `http://{address}/missing` failed: HTTP 404")),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains(&format!("`http://{address}/ok`")));
    assert!(run.stdout.contains("and 2 external links"));
    let cache = std::fs::read_to_string(site.root.join(".innotrain-link-cache.json")).unwrap();
    assert!(cache.contains("/missing") && cache.contains("HTTP 404"));
    let asked = requests.load(Ordering::SeqCst);
    assert!(asked >= 2, "both links were fetched: {asked} requests");
    // From the cache: the same answer without asking the server again.
    // Mutation checked: a cache that is written but never read makes the server count grow.
    let again = site.run(&["check", "--external"]);
    assert!(again.stdout.contains("failed: HTTP 404"), "{}", again.stdout);
    assert_eq!(requests.load(Ordering::SeqCst), asked, "the second check asked the server again");
}
