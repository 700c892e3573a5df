//! Stage 2: where files come from.
//!
//! Content is read only through a [`Source`], so that every later stage works the same on the
//! working tree, a git ref or a snapshot folder, and so that the rules about which files may be
//! read at all (no symbolic links, nothing outside `content/`) live in one place.

use std::path::{Path, PathBuf};

use anyhow::Context;
use walkdir::WalkDir;

use crate::diag::{Diagnostic, Diagnostics};

/// A file of the content tree: its path relative to the project root, `/`-separated.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct SourceFile {
    pub path: String,
    /// Its size in bytes as listed, so that a file too large to read can be refused unread.
    pub size: u64,
}

/// A tree of content files.
pub trait Source: Sync {
    /// Every regular file below `dir` (a project-relative folder such as `content`), sorted by
    /// path. Problems with individual entries (symbolic links, non-UTF-8 names) are diagnostics.
    fn files(&self, dir: &str, diags: &Diagnostics) -> anyhow::Result<Vec<SourceFile>>;

    /// The bytes of a file listed by [`Source::files`].
    fn read(&self, path: &str) -> anyhow::Result<Vec<u8>>;
}

/// The project's working tree on disk.
pub struct WorkingTree {
    root: PathBuf,
}

impl WorkingTree {
    pub fn new(root: &Path) -> Self {
        Self { root: root.to_path_buf() }
    }
}

impl Source for WorkingTree {
    fn files(&self, dir: &str, diags: &Diagnostics) -> anyhow::Result<Vec<SourceFile>> {
        let base = self.root.join(dir);
        if !base.is_dir() {
            return Ok(Vec::new());
        }
        let mut files = Vec::new();
        // follow_links(false): a symbolic link is reported, never read, so content cannot pull a
        // file from elsewhere on the machine into the public output.
        let walker = WalkDir::new(&base).follow_links(false).sort_by_file_name();
        for entry in walker.into_iter().filter_entry(|e| !is_hidden(e.file_name())) {
            let entry = entry.with_context(|| format!("cannot list `{}`", base.display()))?;
            let relative = entry.path().strip_prefix(&self.root).expect("walk stays below the root");
            let Some(relative) = relative.to_str().map(|p| p.replace('\\', "/")) else {
                diags.push(
                    Diagnostic::error(relative.to_string_lossy(), "file name is not valid UTF-8")
                        .in_category("files")
                        .with_hint("rename the file using UTF-8 characters only"),
                );
                continue;
            };
            if entry.path_is_symlink() {
                diags.push(
                    Diagnostic::error(relative, "symbolic links are not allowed in the content")
                        .in_category("files")
                        .with_hint("replace the link with a copy of the file or folder it points to"),
                );
                continue;
            }
            if entry.file_type().is_file() {
                let size = entry.metadata().map_or(0, |metadata| metadata.len());
                files.push(SourceFile { path: relative, size });
            }
        }
        files.sort();
        Ok(files)
    }

    fn read(&self, path: &str) -> anyhow::Result<Vec<u8>> {
        let full = self.root.join(path);
        std::fs::read(&full).with_context(|| format!("cannot read `{}`", full.display()))
    }
}

/// Dot-files (`.DS_Store`, `.gitkeep`, editor swap files) are never content.
fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| (n.starts_with('.') && n != "." && n != "..") || is_editor_leftover(n))
}

/// What editors leave beside the file being edited, besides dot-files: backups (`page.md~`),
/// Emacs's auto-saves (`#page.md#`) and the file Vim writes to test a folder (`4913`). Never
/// content: they would be published as media.
pub fn is_editor_leftover(name: &str) -> bool {
    name.ends_with('~') || (name.len() > 1 && name.starts_with('#') && name.ends_with('#')) || name == "4913"
}

/// A version's files read from a git ref of the project's repository (tag, branch or commit),
/// straight from the object database: no checkout, no `git` process. The files below
/// `content/`, `locales/` and the `book.toml` are read once, up front.
pub struct GitTree {
    /// `<ref>:` for diagnostics (`v1.0:content/x.md`, git's own notation).
    pub reference: String,
    files: std::collections::BTreeMap<String, Vec<u8>>,
    /// Symbolic links found in the tree: reported, never read.
    links: Vec<String>,
}

/// Why a git version could not be read.
#[derive(Debug)]
pub enum GitProblem {
    /// The project is not inside a git repository (e.g. a source archive).
    NoRepository,
    /// The ref does not exist here; `shallow` when the clone lacks history.
    UnknownRef { shallow: bool },
}

impl GitTree {
    /// Reads `reference` of the repository that contains `root`.
    pub fn open(root: &Path, reference: &str) -> anyhow::Result<Result<Self, GitProblem>> {
        let Ok(repo) = gix::discover(root) else { return Ok(Err(GitProblem::NoRepository)) };
        let Some(workdir) = repo.workdir() else { return Ok(Err(GitProblem::NoRepository)) };
        let prefix = root
            .canonicalize()
            .ok()
            .zip(workdir.canonicalize().ok())
            .and_then(|(root, workdir)| root.strip_prefix(&workdir).ok().map(Path::to_path_buf))
            .unwrap_or_default();
        let prefix = prefix.to_string_lossy().replace('\\', "/");
        let prefix = if prefix.is_empty() { String::new() } else { format!("{prefix}/") };
        let commit = match repo.rev_parse_single(reference).map(|id| id.object()) {
            Ok(Ok(object)) => object.peel_to_commit()?,
            _ => return Ok(Err(GitProblem::UnknownRef { shallow: repo.is_shallow().unwrap_or(false) })),
        };
        let tree = commit.tree()?;
        let mut recorder = gix::traverse::tree::Recorder::default();
        tree.traverse().breadthfirst(&mut recorder)?;
        let mut files = std::collections::BTreeMap::new();
        let mut links = Vec::new();
        for entry in recorder.records {
            let path = entry.filepath.to_string();
            let Some(relative) = path.strip_prefix(&prefix) else { continue };
            let wanted =
                relative == "book.toml" || relative.starts_with("content/") || relative.starts_with("locales/");
            if !wanted || !(entry.mode.is_blob() || entry.mode.is_link()) {
                continue;
            }
            if entry.mode.is_link() {
                links.push(relative.to_string());
            } else {
                files.insert(relative.to_string(), repo.find_object(entry.oid)?.data.clone());
            }
        }
        Ok(Ok(Self { reference: reference.to_string(), files, links }))
    }
}

impl Source for GitTree {
    fn files(&self, dir: &str, diags: &Diagnostics) -> anyhow::Result<Vec<SourceFile>> {
        let prefix = format!("{dir}/");
        for link in self.links.iter().filter(|l| l.starts_with(&prefix)) {
            diags.push(
                Diagnostic::error(link, "symbolic links are not allowed in the content")
                    .in_category("files")
                    .with_hint("replace the link with a copy of the file or folder it points to"),
            );
        }
        Ok(self
            .files
            .iter()
            .filter(|(path, _)| path.starts_with(&prefix))
            .filter(|(path, _)| !path.split('/').any(|part| part.starts_with('.') || is_editor_leftover(part)))
            .map(|(path, bytes)| SourceFile { path: path.clone(), size: bytes.len() as u64 })
            .collect())
    }

    fn read(&self, path: &str) -> anyhow::Result<Vec<u8>> {
        self.files.get(path).cloned().with_context(|| format!("`{}{path}` is not in the repository", self.reference))
    }
}
