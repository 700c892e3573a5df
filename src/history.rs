//! Earlier versions of a file, read from the repository's history with gix (no `git` process,
//! no checkout). Used by `status --diff` to find the source text a translation was made from.

use std::path::Path;

use anyhow::Context;

/// The outcome of looking for an earlier text.
#[derive(Debug)]
pub enum Earlier {
    /// The newest commit whose version of the file matched.
    Found { commit: String, text: String },
    /// The repository's history has no version of the file that matches.
    NotInHistory,
    /// The project is not inside a git repository.
    NoRepository,
}

/// Walks the history from `HEAD`, newest first, and returns the first version of `path`
/// (project-relative) for which `matches` is true.
pub fn find_version(root: &Path, path: &str, matches: impl Fn(&str) -> bool) -> anyhow::Result<Earlier> {
    let Ok(repo) = gix::discover(root) else { return Ok(Earlier::NoRepository) };
    let Some(workdir) = repo.workdir() else { return Ok(Earlier::NoRepository) };
    let root = root.canonicalize().with_context(|| format!("cannot resolve `{}`", root.display()))?;
    let workdir = workdir.canonicalize().context("cannot resolve the repository's folder")?;
    let prefix = root.strip_prefix(&workdir).unwrap_or(Path::new(""));
    let in_repo = prefix.join(path);
    let Ok(head) = repo.head_commit() else { return Ok(Earlier::NotInHistory) };
    let mut last_blob = None;
    for info in repo.rev_walk([head.id]).all()? {
        let info = info?;
        let commit = info.object()?;
        let Some(entry) = commit.tree()?.lookup_entry_by_path(&in_repo)? else { continue };
        let blob_id = entry.object_id();
        if last_blob == Some(blob_id) {
            continue; // unchanged in this commit: already looked at
        }
        last_blob = Some(blob_id);
        let object = entry.object()?;
        let text = String::from_utf8_lossy(&object.data).into_owned();
        if matches(&text) {
            return Ok(Earlier::Found { commit: info.id.to_hex_with_len(10).to_string(), text });
        }
    }
    Ok(Earlier::NotInHistory)
}
