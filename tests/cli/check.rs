//! `innotrain check`: every problem of a build plus built-page links, UI strings and external
//! links, grouped, with severities from book.toml; nothing is written.

use std::io::{Read, Write};
use std::net::TcpListener;

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
    let ui = std::fs::read_to_string(site.root.join("locales/en/ui.ftl")).unwrap();
    site.write("locales/en/ui.ftl", &ui);
    let template = std::fs::read_to_string(site.root.join("themes/default/templates/base.html")).unwrap();
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
    assert_eq!(report["counts"]["links"], 5);
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
        &format!("{config}\n[check]\nlinks = \"ignore\"\nimages = \"ignore\"\nalt-text = \"warn\"\noutput-links = \"ignore\"\nraw-html = \"error\"\n"),
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

/// A tiny web server on loopback: `/ok` answers 200, anything else 404.
fn local_web_server() -> (String, std::thread::JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap().to_string();
    let handle = std::thread::spawn(move || {
        listener.set_nonblocking(false).unwrap();
        for stream in listener.incoming().take(8) {
            let Ok(mut stream) = stream else { continue };
            let mut buffer = [0u8; 2048];
            let read = stream.read(&mut buffer).unwrap_or(0);
            let request = String::from_utf8_lossy(&buffer[..read]);
            let status = if request.split(' ').nth(1) == Some("/ok") { "200 OK" } else { "404 Not Found" };
            let _ = stream
                .write_all(format!("HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").as_bytes());
        }
    });
    (address, handle)
}

#[test]
fn external_links_are_checked_and_cached() {
    let site = Fixture::new("minimal");
    let (address, _server) = local_web_server();
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
    // From the cache: the same answer without asking the server again.
    let again = site.run(&["check", "--external"]);
    assert!(again.stdout.contains("failed: HTTP 404"), "{}", again.stdout);
}
