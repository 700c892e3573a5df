//! A fixture site copied into a temporary folder, built with the real `innotrain` binary.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A file the binary has built in (the repository's `locales/…` or `themes/default/…`): what a
/// fixture without its own copy uses, for a test to change and write into the fixture.
pub fn builtin_text(relative: &str) -> String {
    std::fs::read_to_string(repo().join(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

/// The result of running the CLI.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub struct Fixture {
    _dir: TempDir,
    pub root: PathBuf,
}

impl Fixture {
    /// Copies `tests/fixtures/<name>`. Fixtures hold no theme: they build with the built-in one
    /// (a test that changes a theme file writes just that file into `themes/default/`).
    pub fn new(name: &str) -> Self {
        Self::from_dir(&repo().join("tests/fixtures").join(name))
    }

    /// Copies any project folder.
    pub fn from_dir(source: &Path) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("site");
        copy_dir(source, &root);
        Self { _dir: dir, root }
    }

    /// An empty project folder (for `innotrain init`).
    pub fn empty() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("site");
        std::fs::create_dir_all(&root).unwrap();
        Self { _dir: dir, root }
    }

    /// The minimal fixture with the files of `tests/fixtures/invalid/<case>` laid over it.
    pub fn invalid(case: &str) -> (Self, PathBuf) {
        let fixture = Self::new("minimal");
        (fixture, repo().join("tests/fixtures/invalid").join(case))
    }

    pub fn overlay(&self, dir: &Path) {
        copy_dir(dir, &self.root);
    }

    pub fn out(&self) -> PathBuf {
        self.root.join("public")
    }

    pub fn write(&self, relative: &str, text: &str) {
        let path = self.root.join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// Appends `toml` (tables such as `[check]`) to the site's book.toml.
    pub fn append_config(&self, toml: &str) {
        let config = std::fs::read_to_string(self.root.join("book.toml")).unwrap();
        self.write("book.toml", &format!("{config}\n{toml}"));
    }

    /// `innotrain build --root <root> <args>`.
    pub fn build(&self, args: &[&str]) -> Run {
        let mut all = vec!["build", "--root", self.root.to_str().unwrap()];
        all.extend_from_slice(args);
        self.run(&all)
    }

    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with_env(args, &[])
    }

    /// `innotrain <args>` with extra environment variables.
    pub fn run_with_env(&self, args: &[&str], env: &[(&str, &Path)]) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_innotrain"))
            .args(args)
            .envs(env.iter().copied())
            .env("NO_COLOR", "1")
            .current_dir(&self.root)
            .output()
            .expect("run innotrain");
        let clean = |bytes: &[u8]| String::from_utf8_lossy(bytes).replace(self.root.to_str().unwrap(), "[ROOT]");
        Run { code: output.status.code().unwrap_or(-1), stdout: clean(&output.stdout), stderr: clean(&output.stderr) }
    }

    /// A file of the project (a source file, book.toml …).
    pub fn read_source(&self, relative: &str) -> String {
        std::fs::read_to_string(self.root.join(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
    }

    /// A file of the default output folder.
    pub fn read(&self, relative: &str) -> String {
        let path = self.out().join(relative);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    }
}

/// Every file below `dir`, by relative path.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let relative = entry.path().strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
            files.insert(relative, std::fs::read(entry.path()).unwrap());
        }
    }
    files
}

/// The paths of a built site for a listing snapshot: the search index's content-hashed files
/// (which change with every text) are counted per folder and language instead of listed.
pub fn listing(out: &Path) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut counted: BTreeMap<String, usize> = BTreeMap::new();
    for path in tree(out).into_keys() {
        let hashed = path.ends_with(".pf_fragment")
            || path.ends_with(".pf_index")
            || path.ends_with(".pf_filter")
            || path.ends_with(".pf_meta");
        match path.rsplit_once('/').filter(|_| hashed) {
            Some((dir, name)) => {
                // `el_1a2b3c4.pf_fragment` → `el_*.pf_fragment`
                let (prefix, extension) = (name.split('_').next().unwrap(), name.rsplit('.').next().unwrap());
                *counted.entry(format!("{dir}/{prefix}_*.{extension}")).or_default() += 1;
            }
            None => lines.push(path),
        }
    }
    lines.extend(counted.into_iter().map(|(pattern, n)| format!("{pattern} ({n})")));
    lines.sort();
    lines.join("\n")
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::create_dir_all(target.parent().unwrap()).unwrap();
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The element starting at `start` (e.g. `<nav class="sidebar"`) up to its closing tag.
pub fn element(html: &str, start: &str, end: &str) -> String {
    let from = html.find(start).unwrap_or_else(|| panic!("`{start}` not found"));
    let to = html[from..].find(end).unwrap_or_else(|| panic!("`{end}` not found")) + from + end.len();
    html[from..to].to_string()
}

/// Every `href="…"` and `src="…"` of a page that points inside the site (relative).
pub fn local_links(html: &str) -> Vec<String> {
    let mut links = Vec::new();
    for attribute in ["href=\"", "src=\""] {
        for part in html.split(attribute).skip(1) {
            let value = &part[..part.find('"').unwrap()];
            let is_external = value.starts_with("http:")
                || value.starts_with("https:")
                || value.starts_with("mailto:")
                || value.starts_with('/');
            if !is_external && !value.starts_with('#') {
                links.push(value.replace("&amp;", "&"));
            }
        }
    }
    links
}

/// Checks that every relative link of every HTML file in `out` reaches a file (a link to a
/// folder reaches its `index.html`, as on a web server).
pub fn assert_links_resolve(out: &Path) {
    links_resolve(out, false);
}

/// Checks that every relative link of every HTML file in `out` names a file, as a site opened
/// from the file system needs: a link to a folder (`…/`, `.`, `..`) opens a file listing there.
pub fn assert_links_resolve_from_disk(out: &Path) {
    links_resolve(out, true);
}

fn links_resolve(out: &Path, from_disk: bool) {
    let files = tree(out);
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html") && p.as_str() != "404.html") {
        let html = String::from_utf8_lossy(bytes);
        let dir = Path::new(path).parent().unwrap_or(Path::new(""));
        for link in local_links(&html) {
            let target = link.split('#').next().unwrap();
            let names_folder = target.ends_with('/') || target == "." || target == "..";
            assert!(
                !(from_disk && names_folder),
                "{path}: link `{link}` names a folder, which a file:// reader cannot open"
            );
            let mut resolved = dir.join(innotrain::urls::decode_path(target));
            if target.is_empty() || target.ends_with('/') || target == "." {
                resolved = resolved.join("index.html");
            }
            let normal = normalise(&resolved);
            assert!(files.contains_key(&normal), "{path}: link `{link}` → `{normal}` does not exist");
        }
    }
}

fn normalise(path: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for component in path.components() {
        match component {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    parts.join("/")
}
