//! The preview server, over real HTTP on loopback.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::Fixture;

/// A running `innotrain serve`, stopped when dropped.
struct Preview {
    child: Child,
    address: String,
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(site: &Fixture, args: &[&str]) -> Preview {
    start_with_env(site, args, &[])
}

/// [`start`] with environment variables set (`BROWSER`, `PATH`); `BROWSER` is unset otherwise.
fn start_with_env(site: &Fixture, args: &[&str], env: &[(&str, &std::ffi::OsStr)]) -> Preview {
    let mut child = Command::new(env!("CARGO_BIN_EXE_innotrain"))
        .args(["serve", "--root", site.root.to_str().unwrap(), "--port", "0"])
        .args(args)
        .env_remove("BROWSER")
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("serve starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let address =
        line.trim().strip_prefix("serving http://").and_then(|l| l.split('/').next()).unwrap_or_default().to_string();
    assert!(!address.is_empty(), "unexpected first line: {line:?}");
    Preview { child, address }
}

/// Sends a raw request; returns the whole response as text.
fn raw(preview: &Preview, request: &str) -> String {
    String::from_utf8_lossy(&raw_bytes(preview, request, Duration::from_secs(5))).into_owned()
}

/// Sends a raw request; returns the whole response, waiting at most `timeout` for each read.
fn raw_bytes(preview: &Preview, request: &str, timeout: Duration) -> Vec<u8> {
    let mut stream = TcpStream::connect(&preview.address).unwrap();
    stream.set_read_timeout(Some(timeout)).unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    response
}

fn get(preview: &Preview, path: &str) -> String {
    raw(preview, &format!("GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n"))
}

/// Reads server-sent events until one satisfies `wanted`, or fails after 10 s.
fn wait_for_event(
    preview: &Preview,
    wanted: impl Fn(&serde_json::Value) -> bool,
    action: impl FnOnce(),
) -> serde_json::Value {
    let mut stream = TcpStream::connect(&preview.address).unwrap();
    stream.write_all(b"GET /__innotrain/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
    stream.set_read_timeout(Some(Duration::from_millis(200))).unwrap();
    let mut reader = BufReader::new(stream);
    let mut action = Some(action);
    let started = Instant::now();
    let mut line = String::new();
    while started.elapsed() < Duration::from_secs(10) {
        line.clear();
        match reader.read_line(&mut line) {
            Ok(_) => {
                if let Some(data) = line.strip_prefix("data: ") {
                    let event: serde_json::Value = serde_json::from_str(data).unwrap();
                    if wanted(&event) {
                        return event;
                    }
                    // The first event is the current state: act only once connected.
                    if let Some(action) = action.take() {
                        action();
                    }
                }
            }
            Err(_) => continue,
        }
    }
    panic!("no matching event within 10 s");
}

#[test]
fn serves_pages_with_the_live_reload_script_and_no_wildcard_cors() {
    let site = Fixture::new("multilingual");
    let preview = start(&site, &[]);
    let response = get(&preview, "/2.0/el/io1-quality/cycle/");
    assert!(response.starts_with("HTTP/1.1 200 OK\r\n"), "{response}");
    assert!(response.contains("Ο κύκλος ποιότητας"));
    assert!(response.contains("<script src=\"/__innotrain/live.js\"></script>\n</body>"));
    assert!(!response.to_ascii_lowercase().contains("access-control-allow-origin"));
    assert!(get(&preview, "/2.0/el/io1-quality/cycle").starts_with("HTTP/1.1 301"));
    assert!(get(&preview, "/static/style.css").contains("Content-Type: text/css"));
    assert!(get(&preview, "/no/such/page/").starts_with("HTTP/1.1 404"));
    assert!(get(&preview, "/__innotrain/live.js").contains("EventSource"));
    // Nothing was written to disk.
    assert!(!site.out().exists());
}

#[test]
fn an_edit_rebuilds_and_reloads_a_broken_edit_keeps_the_last_good_build() {
    let site = Fixture::new("multilingual");
    let preview = start(&site, &[]);
    let path = site.root.join("content/io1-quality/02-indicators.md");
    let original = std::fs::read_to_string(&path).unwrap();
    let event = wait_for_event(
        &preview,
        |e| e["ok"] == true && e["generation"].as_u64() > Some(1),
        || {
            std::fs::write(&path, original.replace("Back to", "Straight back to")).unwrap();
        },
    );
    assert_eq!(event["diagnostics"], serde_json::json!([]));
    assert_eq!(event["rendered"], 6, "a text edit renders only that page in 3 languages and the 3 status pages");
    assert!(get(&preview, "/2.0/en/io1-quality/indicators/").contains("Straight back to"));
    assert!(
        get(&preview, "/2.0/el/io1-quality/indicators/").contains("Straight back to"),
        "the Greek fallback page too"
    );

    let event = wait_for_event(
        &preview,
        |e| e["ok"] == false,
        || {
            std::fs::write(&path, original.replace("title: Indicators", "titel: Indicators")).unwrap();
        },
    );
    let message = event["diagnostics"][0].as_str().unwrap();
    assert!(
        message.starts_with("content/io1-quality/02-indicators.md:2:1: error: unknown front matter key `titel`"),
        "{message}"
    );
    assert!(get(&preview, "/2.0/en/io1-quality/indicators/").contains("Straight back to"), "the last good build stays");

    let event = wait_for_event(&preview, |e| e["ok"] == true, || std::fs::write(&path, &original).unwrap());
    assert_eq!(event["diagnostics"], serde_json::json!([]));
    assert!(get(&preview, "/2.0/en/io1-quality/indicators/").contains("Back to"));
}

/// The box over the page shows the author's own problems, not the project's (a statement
/// without a contact is the maintainer's business), and says in plain words that the page shown
/// is the last good build.
#[test]
fn the_problem_box_shows_only_the_authors_problems_and_says_the_page_is_the_last_good_build() {
    let site = Fixture::new("multilingual");
    let config = site.read_source("book.toml");
    site.write("book.toml", &config.replace("contact = \"https://example.org/accessibility-feedback\"\n", ""));
    let preview = start(&site, &[]);
    let path = site.root.join("content/io1-quality/01-cycle.el.md");
    let original = std::fs::read_to_string(&path).unwrap();
    let event = wait_for_event(
        &preview,
        |e| e["ok"] == false,
        || std::fs::write(&path, original.replace("title: Ο κύκλος ποιότητας", "title: Ο κύκλος: ποιότητα")).unwrap(),
    );
    let messages: Vec<&str> = event["diagnostics"].as_array().unwrap().iter().map(|m| m.as_str().unwrap()).collect();
    assert_eq!(messages.len(), 1, "only the translator's own error: {messages:?}");
    assert!(messages[0].starts_with("content/io1-quality/01-cycle.el.md:2:"), "{messages:?}");
    let script = get(&preview, "/__innotrain/live.js");
    assert!(script.contains("this page still shows the last good build"), "{script}");
}

/// An edit of a translation's text (rendered incrementally) is checked against the agreed terms
/// again: a forbidden variant typed into the preview's file is reported at once.
#[test]
fn an_edited_translation_is_checked_against_the_agreed_terms() {
    let site = Fixture::new("terminology");
    let preview = start(&site, &[]);
    let path = site.root.join("content/io1-quality/01-cycle.de.md");
    let original = std::fs::read_to_string(&path).unwrap();
    let event = wait_for_event(
        &preview,
        |e| e["ok"] == true && e["generation"].as_u64() > Some(1),
        || std::fs::write(&path, original.replace("eine Lernvereinbarung.", "einen Lernvertrag.")).unwrap(),
    );
    let messages: Vec<&str> = event["diagnostics"].as_array().unwrap().iter().map(|m| m.as_str().unwrap()).collect();
    assert!(
        messages.iter().any(|m| m.starts_with("content/io1-quality/01-cycle.de.md:16:")
            && m.contains("`Lernvertrag` is not the agreed term for \"learning agreement\"")),
        "{messages:?}"
    );
    assert!(messages.iter().any(|m| m.contains("`Work-based Learning`")), "the other warnings stay: {messages:?}");
}

#[test]
fn requests_cannot_leave_the_site() {
    let site = Fixture::new("minimal");
    // A canary beside the project, and one in it outside the site (reliability.md T24).
    site.write("../canary.txt", "canary-beside-the-project");
    site.write("canary.txt", "canary-in-the-project");
    let preview = start(&site, &[]);
    for target in [
        "/../canary.txt",
        "/../../canary.txt",
        "/%2e%2e/%2e%2e/canary.txt",
        "/..%2f..%2fcanary.txt",
        "/static/..\\..\\canary.txt",
        "/canary.txt",
        "/canary.txt#",
        "/canary.txt?raw??",
        "/1.0/en/%23/../../../canary.txt",
        "http://evil.example/canary.txt",
    ] {
        let response = raw(&preview, &format!("GET {target} HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        assert!(!response.contains("canary-"), "{target} leaked a file: {response}");
        assert!(response.starts_with("HTTP/1.1 4"), "{target}: {response}");
    }
    for target in [
        "/../book.toml",
        "/%2e%2e/book.toml",
        "/1.0/%2E%2E/%2e%2e/book.toml",
        "/..%2fbook.toml",
        "/..\\book.toml",
        "//etc/passwd",
        "http://localhost/book.toml",
        "/%00",
    ] {
        let response = raw(&preview, &format!("GET {target} HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        assert!(response.starts_with("HTTP/1.1 404") || response.starts_with("HTTP/1.1 400"), "{target}: {response}");
        assert!(!response.contains("funding-period"), "{target} leaked book.toml");
    }
}

#[test]
fn foreign_hosts_and_malformed_requests_are_refused() {
    let site = Fixture::new("minimal");
    let preview = start(&site, &[]);
    let rebinding = raw(&preview, "GET /1.0/en/ HTTP/1.1\r\nHost: attacker.example\r\n\r\n");
    assert!(rebinding.starts_with("HTTP/1.1 403"), "{rebinding}");
    assert!(raw(&preview, "GET /1.0/en/ HTTP/1.1\r\n\r\n").starts_with("HTTP/1.1 403"), "no Host header");
    for garbage in [
        "GARBAGE\r\n\r\n",
        "GET\r\n\r\n",
        "GET / FTP/9\r\nHost: localhost\r\n\r\n",
        "GET / HTTP/1.1\r\nno colon here\r\n\r\n",
    ] {
        assert!(raw(&preview, garbage).starts_with("HTTP/1.1 400"), "{garbage:?}");
    }
    let huge = format!("GET / HTTP/1.1\r\nHost: localhost\r\nX: {}\r\n\r\n", "a".repeat(40_000));
    assert!(raw(&preview, &huge).starts_with("HTTP/1.1 400"));
    assert!(raw(&preview, "POST / HTTP/1.1\r\nHost: localhost\r\n\r\n").starts_with("HTTP/1.1 405"));
    // Still alive.
    assert!(get(&preview, "/1.0/en/").starts_with("HTTP/1.1 200"));
}

/// `--bind` listens on the address given, and only there, and answers requests that name that
/// address (README: a Host header of `localhost` or an IP address; any other name is refused).
/// Mutations: `--bind` ignored (listening on 127.0.0.1): no connection to 127.0.0.2; Host
/// allowed only for `localhost`/`127.0.0.1`/`[::1]` (as before): 403 for the address the
/// preview itself printed.
#[test]
fn bind_listens_on_the_address_given_and_answers_to_it() {
    let site = Fixture::new("minimal");
    let preview = start(&site, &["--bind", "127.0.0.2"]);
    let (ip, port) = preview.address.rsplit_once(':').unwrap();
    assert_eq!(ip, "127.0.0.2", "the printed address is the one bound");
    let page = raw(&preview, &format!("GET / HTTP/1.1\r\nHost: {}\r\n\r\n", preview.address));
    assert!(page.starts_with("HTTP/1.1 200 OK\r\n"), "{page}");
    assert!(raw(&preview, "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n").starts_with("HTTP/1.1 200"));
    let rebinding = raw(&preview, &format!("GET / HTTP/1.1\r\nHost: attacker.example:{port}\r\n\r\n"));
    assert!(rebinding.starts_with("HTTP/1.1 403"), "{rebinding}");
    // Only there: nothing listens at the same port of 127.0.0.1 (the port was free on
    // 127.0.0.2; another program on 127.0.0.1 at exactly that port is not to be expected).
    let elsewhere = TcpStream::connect(("127.0.0.1", port.parse::<u16>().unwrap()));
    assert!(elsewhere.is_err(), "the preview also listens on 127.0.0.1");
}

/// `--open` starts the browser that `$BROWSER` names, else `xdg-open`, on the address served.
/// Both are scripts here that write down their arguments, and the fake `xdg-open` comes first
/// in `PATH` in both cases (Debian's own honours `$BROWSER` too, which would hide innotrain
/// ignoring it). Mutations: `$BROWSER` ignored (the fake `xdg-open` runs in the first case);
/// `--open` doing nothing (no record); the URL opened without its port (the records differ).
#[cfg(unix)]
#[test]
fn open_starts_the_browser_from_browser_or_xdg_open_on_the_served_address() {
    use std::os::unix::fs::PermissionsExt as _;
    let bin = tempfile::tempdir().unwrap();
    let fake = |name: &str| {
        let script = bin.path().join(name);
        std::fs::write(
            &script,
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$0.opened.tmp\" && mv \"$0.opened.tmp\" \"$0.opened\"\n",
        )
        .unwrap();
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        script.with_extension("opened")
    };
    let opened = |record: &std::path::Path| {
        let started = Instant::now();
        while !record.exists() && started.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_millis(50));
        }
        std::fs::read_to_string(record).unwrap_or_else(|_| panic!("{} was not written", record.display()))
    };
    let browser = fake("my-browser");
    let xdg_open = fake("xdg-open");
    let path = std::env::join_paths(
        std::iter::once(bin.path().to_path_buf()).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
    )
    .unwrap();
    let site = Fixture::new("minimal");

    let value = format!("{} --new-tab %s", bin.path().join("my-browser").display());
    let preview = start_with_env(&site, &["--open"], &[("BROWSER", value.as_ref()), ("PATH", path.as_os_str())]);
    assert_eq!(opened(&browser), format!("--new-tab\nhttp://{}/\n", preview.address));
    assert!(!xdg_open.exists(), "xdg-open was started although BROWSER names a browser");
    drop(preview);

    let preview = start_with_env(&site, &["--open"], &[("PATH", path.as_os_str())]);
    assert_eq!(opened(&xdg_open), format!("http://{}/\n", preview.address));
}

#[test]
fn a_port_in_use_is_a_clear_error() {
    let site = Fixture::new("minimal");
    let preview = start(&site, &[]);
    let port = preview.address.rsplit(':').next().unwrap();
    let run = site.run(&["serve", "--port", port]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains(&format!("error: port {port} is already in use")), "{}", run.stderr);
    assert!(run.stderr.contains("choose another port"), "{}", run.stderr);
}

#[test]
fn a_title_edit_renders_every_page_that_shows_it() {
    let site = Fixture::new("multilingual");
    let preview = start(&site, &[]);
    let path = site.root.join("content/io1-quality/02-indicators.md");
    let original = std::fs::read_to_string(&path).unwrap();
    let event = wait_for_event(
        &preview,
        |e| e["generation"].as_u64() > Some(1),
        || {
            std::fs::write(&path, original.replace("title: Indicators", "title: Quality indicators")).unwrap();
        },
    );
    assert!(event["rendered"].as_u64().unwrap() > 30, "{event}");
    assert!(get(&preview, "/2.0/en/io1-quality/cycle/").contains("Quality indicators"), "the sidebar of another page");
}

#[test]
fn pdfs_are_typeset_when_opened() {
    let site = Fixture::new("pdf");
    let preview = start(&site, &[]);
    let page = get(&preview, "/3.1/el/io1-practice/feedback/");
    assert!(page.contains("href=\"pdfix-io1-practice-feedback-el-3.1.pdf\""), "the page links its PDF:\n{page}");
    // Typesetting on request takes a while on a busy CI machine.
    let response = raw_bytes(
        &preview,
        "GET /3.1/el/io1-practice/feedback/pdfix-io1-practice-feedback-el-3.1.pdf HTTP/1.1\r\nHost: localhost\r\n\r\n",
        Duration::from_secs(60),
    );
    let head_end = response.windows(4).position(|w| w == b"\r\n\r\n").expect("a response head") + 4;
    let head = String::from_utf8_lossy(&response[..head_end]);
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert!(head.contains("application/pdf"), "{head}");
    assert!(response[head_end..].starts_with(b"%PDF-"), "the body is a PDF");
    assert!(!site.root.join("public").exists(), "the preview writes no output folder");
}

/// A package is made when it is downloaded, from the text as it is then: an edit shows in the
/// next download.
#[test]
fn packages_are_made_when_downloaded_from_the_text_as_it_is() {
    let site = Fixture::new("multilingual");
    let preview = start(&site, &[]);
    let page = get(&preview, "/2.0/en/io1-quality/indicators/");
    let name = "fixture-io1-quality-indicators-scorm-en-2.0.zip";
    assert!(page.contains(&format!("href=\"{name}\" type=\"application/zip\"")), "the page links its package:\n{page}");
    let download = || {
        let response = raw_bytes(
            &preview,
            &format!("GET /2.0/en/io1-quality/indicators/{name} HTTP/1.1\r\nHost: localhost\r\n\r\n"),
            Duration::from_secs(30),
        );
        let head_end = response.windows(4).position(|w| w == b"\r\n\r\n").expect("a response head") + 4;
        let head = String::from_utf8_lossy(&response[..head_end]).into_owned();
        assert!(head.starts_with("HTTP/1.1 200") && head.contains("application/zip"), "{head}");
        response[head_end..].to_vec()
    };
    let before = download();
    assert!(before.starts_with(b"PK\x03\x04"), "the body is a zip");
    let path = site.root.join("content/io1-quality/02-indicators.md");
    let original = std::fs::read_to_string(&path).unwrap();
    wait_for_event(
        &preview,
        |e| e["generation"].as_u64() > Some(1),
        || std::fs::write(&path, format!("{original}\nA sentence added in the preview.\n")).unwrap(),
    );
    assert_ne!(download(), before, "the package follows the edit");

    // The offline copy too, linked from the home page and made when downloaded.
    let home = get(&preview, "/2.0/en/");
    let copy = "fixture-offline-en-2.0.zip";
    assert!(home.contains(&format!("href=\"{copy}\" type=\"application/zip\"")), "the home page links it:\n{home}");
    let response = raw_bytes(
        &preview,
        &format!("GET /2.0/en/{copy} HTTP/1.1\r\nHost: localhost\r\n\r\n"),
        Duration::from_secs(30),
    );
    let head_end = response.windows(4).position(|w| w == b"\r\n\r\n").expect("a response head") + 4;
    assert!(String::from_utf8_lossy(&response[..head_end]).starts_with("HTTP/1.1 200"));
    let body = &response[head_end..];
    assert!(body.starts_with(b"PK\x03\x04"), "the body is a zip");
    let added = b"A sentence added in the preview.";
    let entries = crate::scorm::unzip_bytes(body);
    let page = &entries["fixture-en-2.0/2.0/en/io1-quality/indicators/index.html"];
    assert!(page.windows(added.len()).any(|w| w == added), "the copy has the edited text");
    assert!(!site.root.join("public").exists(), "the preview writes no output folder");
}

/// `GET path` until the response satisfies `wanted`, or fails after 20 s.
fn wait_for_page(preview: &Preview, path: &str, wanted: impl Fn(&str) -> bool) -> String {
    let started = Instant::now();
    loop {
        let response = get(preview, path);
        if wanted(&response) {
            return response;
        }
        assert!(started.elapsed() < Duration::from_secs(20), "{path} never became as wanted: {response}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// reliability.md T26: editors' leftovers, a burst of 500 saves, a renamed page and a folder
/// added and deleted while the preview runs: it stays up, never serves a leftover, and ends
/// showing the files as they are.
#[test]
fn leftovers_bursts_renames_and_deleted_folders_keep_the_preview_whole() {
    let site = Fixture::new("minimal");
    let preview = start(&site, &[]);
    for leftover in ["01-first-steps.md~", "#01-first-steps.md#", "4913", ".01-first-steps.md.swp"] {
        site.write(&format!("content/io1-basics/{leftover}"), "left by an editor");
    }
    let page = site.root.join("content/io1-basics/01-first-steps.md");
    for save in 0..500 {
        std::fs::write(&page, format!("---\ntitle: First steps\n---\nSave {save}.\n")).unwrap();
    }
    wait_for_page(&preview, "/1.0/en/io1-basics/first-steps/", |page| page.contains("Save 499."));
    for leftover in ["01-first-steps.md~", "%2301-first-steps.md%23", "4913"] {
        let response = get(&preview, &format!("/1.0/media/io1-basics/{leftover}"));
        assert!(response.starts_with("HTTP/1.1 404"), "{leftover} was published: {response}");
    }

    std::fs::rename(&page, site.root.join("content/io1-basics/02-renamed.md")).unwrap();
    site.write("content/io1-basics/_index.md", "---\ntitle: Basics\n---\nSee [the module](02-renamed.md).\n");
    wait_for_page(&preview, "/1.0/en/io1-basics/renamed/", |page| page.starts_with("HTTP/1.1 200"));
    wait_for_page(&preview, "/1.0/en/io1-basics/first-steps/", |page| page.starts_with("HTTP/1.1 404"));

    site.write("content/io2-extra/_index.md", "---\ntitle: Extra\n---\nAn extra output.\n");
    site.write("content/io2-extra/01-more.md", "---\ntitle: More\n---\nMore text.\n");
    wait_for_page(&preview, "/1.0/en/io2-extra/more/", |page| page.contains("More text."));
    std::fs::remove_dir_all(site.root.join("content/io2-extra")).unwrap();
    wait_for_page(&preview, "/1.0/en/io2-extra/more/", |page| page.starts_with("HTTP/1.1 404"));
    assert!(get(&preview, "/1.0/en/io1-basics/renamed/").contains("Save 499."));
}
