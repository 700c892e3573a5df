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
                        .with_hint("rename the file using UTF-8 characters only"),
                );
                continue;
            };
            if entry.path_is_symlink() {
                diags.push(
                    Diagnostic::error(relative, "symbolic links are not allowed in the content")
                        .with_hint("replace the link with a copy of the file it points to"),
                );
                continue;
            }
            if entry.file_type().is_file() {
                files.push(SourceFile { path: relative });
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
    name.to_str().is_some_and(|n| n.starts_with('.') && n != "." && n != "..")
}
