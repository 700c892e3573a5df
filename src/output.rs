//! Stage 5: the only writer. Files go into a staging folder beside the output as they are
//! rendered; when all of them are written and the build has no errors, the staging folder is
//! swapped in. A failed build leaves the previous output byte-for-byte as it was.
//!
//! The output folder is marked with [`MARKER`]; a non-empty folder without the marker is never
//! replaced, and folders that are (or contain) the project, its content or the home folder are
//! refused outright.

use std::path::{Component, Path, PathBuf};

use anyhow::{Context, bail};

/// Marks a folder as innotrain output, safe to replace.
pub const MARKER: &str = ".innotrain-output";

/// A file to write, by `/`-separated path relative to the output root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Refuses output folders whose replacement would destroy something else.
pub fn check_output_dir(out: &Path, project_root: &Path) -> anyhow::Result<()> {
    let out = absolute(out)?;
    let root = absolute(project_root)?;
    let mut protected = vec![(root.clone(), "the project folder"), (root.join("content"), "the content folder")];
    for name in ["themes", "locales", "src", "tests", ".git"] {
        protected.push((root.join(name), "a project folder"));
    }
    if let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty()) {
        protected.push((absolute(Path::new(&home))?, "your home folder"));
    }
    for (path, what) in &protected {
        if path.starts_with(&out) {
            bail!(
                "refusing to write the site to `{}`: it is or contains {what} (`{}`)\n  hint: choose a dedicated folder such as `public/`",
                out.display(),
                path.display()
            );
        }
    }
    for name in ["content", "themes", "locales", "src"] {
        if out.starts_with(root.join(name)) {
            bail!(
                "refusing to write the site into `{}`: it is inside the project's `{name}/` folder\n  hint: choose a dedicated folder such as `public/`",
                out.display()
            );
        }
    }
    if out.is_dir() && !out.join(MARKER).exists() && std::fs::read_dir(&out)?.next().is_some() {
        bail!(
            "refusing to replace `{}`: the folder is not empty and was not written by innotrain\n  hint: choose another `--out` folder, or empty this one yourself",
            out.display()
        );
    }
    Ok(())
}

/// Where a build's files go: a staging folder, or memory.
pub trait Target: Sync {
    /// Writes one file (from any thread).
    fn write(&self, file: &OutputFile) -> anyhow::Result<()>;
    /// Writes the file `from` of the file system (a zip in the cache folder) as `path`.
    fn copy_file(&self, path: &str, from: &Path) -> anyhow::Result<()>;
    /// Keeps the file or folder at `path` of the previous output as it is.
    fn keep_from_previous(&self, path: &str) -> anyhow::Result<()> {
        self.keep_from_previous_where(path, &|_| true)
    }
    /// Keeps the files of the previous output's folder `dir` whose path below `dir` satisfies
    /// `keep`.
    fn keep_from_previous_where(&self, dir: &str, keep: &dyn Fn(&str) -> bool) -> anyhow::Result<()>;
    /// The previous output's file at `path`, if it has one.
    fn previous_file(&self, path: &str) -> anyhow::Result<Option<Vec<u8>>>;
}

/// A build held in memory: the preview server serves from it, never from the file system.
#[derive(Debug, Default)]
pub struct MemoryOutput {
    files: std::sync::Mutex<std::collections::BTreeMap<String, Vec<u8>>>,
}

impl MemoryOutput {
    pub fn into_files(self) -> std::collections::BTreeMap<String, Vec<u8>> {
        self.files.into_inner().expect("output lock")
    }
}

impl Target for MemoryOutput {
    fn write(&self, file: &OutputFile) -> anyhow::Result<()> {
        self.files.lock().expect("output lock").insert(file.path.clone(), file.bytes.clone());
        Ok(())
    }

    fn copy_file(&self, path: &str, from: &Path) -> anyhow::Result<()> {
        let bytes = std::fs::read(from).with_context(|| format!("cannot read `{}`", from.display()))?;
        self.write(&OutputFile { path: path.to_string(), bytes })
    }

    fn keep_from_previous_where(&self, path: &str, _: &dyn Fn(&str) -> bool) -> anyhow::Result<()> {
        bail!("cannot keep `{path}`: a build in memory has no previous output")
    }

    fn previous_file(&self, _: &str) -> anyhow::Result<Option<Vec<u8>>> {
        Ok(None)
    }
}

impl Target for Staging {
    fn write(&self, file: &OutputFile) -> anyhow::Result<()> {
        Staging::write(self, file)
    }

    fn copy_file(&self, path: &str, from: &Path) -> anyhow::Result<()> {
        Staging::copy_file(self, path, from)
    }

    fn keep_from_previous_where(&self, dir: &str, keep: &dyn Fn(&str) -> bool) -> anyhow::Result<()> {
        Staging::keep_from_previous_where(self, dir, keep)
    }

    fn previous_file(&self, path: &str) -> anyhow::Result<Option<Vec<u8>>> {
        let path = self.out.join(path);
        match std::fs::read(&path) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(error).with_context(|| format!("cannot read `{}`", path.display())),
        }
    }
}

/// A staging folder beside the output, filled while pages are rendered (so a large site is
/// never held in memory whole) and swapped in by [`Staging::commit`]. Dropped without a commit,
/// it removes itself and the previous output stays as it was.
pub struct Staging {
    out: PathBuf,
    staging: PathBuf,
    old: PathBuf,
    files: std::sync::atomic::AtomicUsize,
    committed: bool,
    /// Held from creation to the end of the swap: one build at a time writes to an output.
    _lock: std::fs::File,
}

impl Staging {
    /// Creates `.<name>.staging-<pid>` beside `out`, once no other build writes to `out`, and
    /// after clearing what a build that was killed left behind.
    pub fn create(out: &Path) -> anyhow::Result<Self> {
        let out = absolute(out)?;
        let parent = out.parent().context("the output folder has no parent folder")?;
        std::fs::create_dir_all(parent).with_context(|| format!("cannot create `{}`", parent.display()))?;
        let lock = lock_output(&out)?;
        recover_from_killed_builds(&out)?;
        let (staging, old) = if is_mount_point(&out) {
            // Nothing can be renamed across file systems, nor a mount point itself: the new
            // site is staged inside the output's own file system and moved in entry by entry.
            let pid = std::process::id();
            (out.join(format!("{INSIDE_STAGING}{pid}")), out.join(format!("{INSIDE_OLD}{pid}")))
        } else {
            let name = out.file_name().context("the output folder has no name")?.to_string_lossy().into_owned();
            (staging_path(&out, std::process::id())?, parent.join(format!(".{name}.old-{}", std::process::id())))
        };
        if staging.exists() {
            std::fs::remove_dir_all(&staging).with_context(|| format!("cannot remove `{}`", staging.display()))?;
        }
        std::fs::create_dir_all(&staging).with_context(|| format!("cannot create `{}`", staging.display()))?;
        std::fs::write(staging.join(MARKER), "This folder was written by innotrain and is replaced by every build.\n")
            .map_err(|error| write_error(error, &staging.join(MARKER)))?;
        Ok(Self { out, staging, old, files: Default::default(), committed: false, _lock: lock })
    }

    /// Writes one file (from any thread).
    pub fn write(&self, file: &OutputFile) -> anyhow::Result<()> {
        let path = self.staged_path(&file.path)?;
        std::fs::write(&path, &file.bytes).map_err(|error| write_error(error, &path))?;
        self.files.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(())
    }

    /// Copies the file `from` into the staging folder as `path`, by the file system (a large
    /// zip never passes through memory).
    pub fn copy_file(&self, path: &str, from: &Path) -> anyhow::Result<()> {
        let to = self.staged_path(path)?;
        std::fs::copy(from, &to).map_err(|error| write_error(error, &to))?;
        self.files.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(())
    }

    /// Where the output file `path` goes in the staging folder (its folder created).
    fn staged_path(&self, path: &str) -> anyhow::Result<PathBuf> {
        let relative = Path::new(path);
        if relative.components().any(|c| !matches!(c, Component::Normal(_))) {
            bail!("refusing to write `{path}`: output paths must stay inside the output folder");
        }
        let path = self.staging.join(relative);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).with_context(|| format!("cannot create `{}`", dir.display()))?;
        }
        Ok(path)
    }

    /// Copies the files of the file or folder `<out>/<path>` of the previous output whose path
    /// below it satisfies `keep` into the staging folder (for a build of one version or some
    /// languages that keeps the others). It must exist: the previous output's versions.json
    /// promised it.
    pub fn keep_from_previous_where(&self, path: &str, keep: &dyn Fn(&str) -> bool) -> anyhow::Result<()> {
        let from = self.out.join(path);
        if !from.exists() {
            bail!(
                "the previous output has no `{}`, although its versions.json lists what needs it\n  hint: build all versions and languages once (without `--version` or `--lang`)",
                from.display()
            );
        }
        for entry in walkdir::WalkDir::new(&from).sort_by_file_name() {
            let entry = entry.with_context(|| format!("cannot list `{}`", from.display()))?;
            let below =
                entry.path().strip_prefix(&from).expect("below the folder").to_string_lossy().replace('\\', "/");
            if entry.file_type().is_file() && keep(&below) {
                let relative = entry.path().strip_prefix(&self.out).expect("below the output");
                let bytes =
                    std::fs::read(entry.path()).with_context(|| format!("cannot read `{}`", entry.path().display()))?;
                self.write(&OutputFile { path: relative.to_string_lossy().replace('\\', "/"), bytes })?;
            }
        }
        Ok(())
    }

    /// How many files have been written.
    pub fn file_count(&self) -> usize {
        self.files.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Swaps the staging folder in for the output folder: in one step where the system can
    /// exchange two folders (Linux), so that the output folder exists at every moment, even if
    /// the build is killed in the middle of the swap.
    pub fn commit(mut self) -> anyhow::Result<PathBuf> {
        let (out, staging, old) = (self.out.clone(), self.staging.clone(), self.old.clone());
        if staging.parent() == Some(out.as_path()) {
            swap_inside(&out, &staging, &old)?;
            self.committed = true;
            return Ok(out);
        }
        if out.exists() && exchange(&staging, &out)? {
            self.committed = true;
            // The staging path now holds the previous output.
            std::fs::remove_dir_all(&staging)
                .with_context(|| format!("cannot remove the previous output `{}`", staging.display()))?;
            return Ok(out);
        }
        if out.exists() {
            std::fs::rename(&out, &old).with_context(|| format!("cannot move `{}` aside", out.display()))?;
        }
        if let Err(error) = std::fs::rename(&staging, &out) {
            // Put the previous output back before reporting.
            if old.exists() {
                let _ = std::fs::rename(&old, &out);
            }
            return Err(error).with_context(|| format!("cannot move the new site into `{}`", out.display()));
        }
        self.committed = true;
        if old.exists() {
            std::fs::remove_dir_all(&old)
                .with_context(|| format!("cannot remove the previous output `{}`", old.display()))?;
        }
        Ok(out)
    }
}

/// The staging and set-aside folders of a build inside an output folder that is a mount point,
/// and the journal of its swap (which phase it is in, and the two folders' names).
const INSIDE_STAGING: &str = ".innotrain-staging-";
const INSIDE_OLD: &str = ".innotrain-old-";
const INSIDE_JOURNAL: &str = ".innotrain-swap";

/// Whether `path` is the root of a file system other than its parent's (a mounted volume).
fn is_mount_point(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let device = |path: &Path| std::fs::metadata(path).map(|metadata| metadata.dev()).ok();
        path.is_dir() && path.parent().is_some_and(|parent| device(path) != device(parent))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// Replaces the output's entries with the staged ones, inside an output folder that cannot be
/// renamed. A journal names the phase, so that a build killed half-way is finished by the next
/// one ([`finish_inside_swap`]) instead of leaving a site of two halves.
fn swap_inside(out: &Path, staging: &Path, old: &Path) -> anyhow::Result<()> {
    let name = |path: &Path| path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    let journal = |phase: &str| -> anyhow::Result<()> {
        let temporary = out.join(format!("{INSIDE_JOURNAL}.tmp"));
        std::fs::write(&temporary, format!("{phase}\n{}\n{}\n", name(staging), name(old)))
            .map_err(|error| write_error(error, &temporary))?;
        std::fs::rename(&temporary, out.join(INSIDE_JOURNAL)).context("cannot write the swap's journal")
    };
    std::fs::create_dir_all(old).with_context(|| format!("cannot create `{}`", old.display()))?;
    journal("aside")?;
    finish_inside_swap(out)
}

/// Finishes the swap the journal in `out` describes, from wherever it stopped: first every
/// previous entry goes aside, then every staged entry comes in (each step can be repeated).
fn finish_inside_swap(out: &Path) -> anyhow::Result<()> {
    let journal_path = out.join(INSIDE_JOURNAL);
    let Ok(journal) = std::fs::read_to_string(&journal_path) else { return Ok(()) };
    let mut lines = journal.lines();
    let (Some(mut phase), Some(staging), Some(old)) = (lines.next(), lines.next(), lines.next()) else {
        bail!(
            "the swap journal `{}` is damaged\n  hint: delete the output folder's contents and build again",
            journal_path.display()
        );
    };
    let (staging, old) = (out.join(staging), out.join(old));
    let special = |name: &str| {
        name == MARKER
            || name.starts_with(INSIDE_STAGING)
            || name.starts_with(INSIDE_OLD)
            || name.starts_with(INSIDE_JOURNAL)
    };
    let move_entries = |from: &Path, to: &Path| -> anyhow::Result<()> {
        let mut entries: Vec<_> = std::fs::read_dir(from)
            .with_context(|| format!("cannot list `{}`", from.display()))?
            .filter_map(|entry| entry.ok())
            .map(|entry| entry.file_name())
            .filter(|name| !special(&name.to_string_lossy()))
            .collect();
        entries.sort();
        for entry in entries {
            std::fs::rename(from.join(&entry), to.join(&entry))
                .with_context(|| format!("cannot move `{}` into `{}`", from.join(&entry).display(), to.display()))?;
        }
        Ok(())
    };
    if phase == "aside" {
        move_entries(out, &old)?;
        let temporary = out.join(format!("{INSIDE_JOURNAL}.tmp"));
        std::fs::write(&temporary, journal.replacen("aside", "in", 1))
            .map_err(|error| write_error(error, &temporary))?;
        std::fs::rename(&temporary, &journal_path).context("cannot write the swap's journal")?;
        phase = "in";
    }
    if phase == "in" {
        move_entries(&staging, out)?;
        // The first build into the folder also brings the marker.
        if !out.join(MARKER).exists() && staging.join(MARKER).exists() {
            std::fs::rename(staging.join(MARKER), out.join(MARKER)).context("cannot mark the output folder")?;
        }
    }
    std::fs::remove_file(&journal_path).with_context(|| format!("cannot remove `{}`", journal_path.display()))?;
    for folder in [&staging, &old] {
        if folder.exists() {
            std::fs::remove_dir_all(folder).with_context(|| format!("cannot remove `{}`", folder.display()))?;
        }
    }
    Ok(())
}

/// Exchanges the folders `a` and `b` in one step; `false` where the system or file system
/// cannot (the caller then swaps in two renames).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> anyhow::Result<bool> {
    use std::os::unix::ffi::OsStrExt;
    let c_path = |path: &Path| std::ffi::CString::new(path.as_os_str().as_bytes()).context("a NUL in a path");
    let (from, to) = (c_path(a)?, c_path(b)?);
    // SAFETY: both paths are NUL-terminated strings that live across the call.
    let result =
        unsafe { libc::renameat2(libc::AT_FDCWD, from.as_ptr(), libc::AT_FDCWD, to.as_ptr(), libc::RENAME_EXCHANGE) };
    if result == 0 {
        return Ok(true);
    }
    let error = std::io::Error::last_os_error();
    match error.raw_os_error() {
        Some(libc::EINVAL | libc::ENOSYS | libc::EOPNOTSUPP) => Ok(false),
        _ => Err(error).with_context(|| format!("cannot move the new site into `{}`", b.display())),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> anyhow::Result<bool> {
    Ok(false)
}

/// Waits until no other build writes to `out` (a lock on `.<name>.lock` beside it, which the
/// system releases when a build ends, however it ends) and holds the lock.
fn lock_output(out: &Path) -> anyhow::Result<std::fs::File> {
    let parent = out.parent().context("the output folder has no parent folder")?;
    let name = out.file_name().context("the output folder has no name")?.to_string_lossy();
    let path = parent.join(format!(".{name}.lock"));
    let file = std::fs::File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|error| write_error(error, &path))?;
    match file.try_lock() {
        Ok(()) => return Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => {
            eprintln!("waiting for another build that writes to `{}` to finish…", out.display());
        }
        Err(std::fs::TryLockError::Error(error)) => {
            return Err(error).with_context(|| format!("cannot lock `{}`", path.display()));
        }
    }
    file.lock().with_context(|| format!("cannot lock `{}`", path.display()))?;
    Ok(file)
}

/// Clears what builds that were killed left beside `out` (called with the output locked, so
/// no running build owns them): staging folders, and previous outputs moved aside. If a build
/// was killed between the two renames of a swap, the output folder is missing: the previous
/// output is put back.
fn recover_from_killed_builds(out: &Path) -> anyhow::Result<()> {
    if is_mount_point(out) {
        finish_inside_swap(out)?;
        for entry in std::fs::read_dir(out).with_context(|| format!("cannot list `{}`", out.display()))?.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if (name.starts_with(INSIDE_STAGING) || name.starts_with(INSIDE_OLD)) && entry.path().is_dir() {
                std::fs::remove_dir_all(entry.path())
                    .with_context(|| format!("cannot remove `{}`, left by a build that was stopped", name))?;
            }
        }
        return Ok(());
    }
    let parent = out.parent().context("the output folder has no parent folder")?;
    let name = out.file_name().context("the output folder has no name")?.to_string_lossy();
    let (staging_prefix, old_prefix) = (format!(".{name}.staging-"), format!(".{name}.old-"));
    let mut left: Vec<PathBuf> = std::fs::read_dir(parent)
        .with_context(|| format!("cannot list `{}`", parent.display()))?
        .filter_map(|entry| entry.ok())
        .filter(|entry| {
            let entry_name = entry.file_name().to_string_lossy().into_owned();
            entry_name.starts_with(&staging_prefix) || entry_name.starts_with(&old_prefix)
        })
        .map(|entry| entry.path())
        .filter(|path| path.join(MARKER).exists())
        .collect();
    left.sort();
    if !out.exists()
        && let Some(previous) = left.iter().position(|path| path.to_string_lossy().contains(&old_prefix))
    {
        let previous = left.remove(previous);
        std::fs::rename(&previous, out)
            .with_context(|| format!("cannot put the previous output `{}` back", previous.display()))?;
    }
    for path in left {
        std::fs::remove_dir_all(&path)
            .with_context(|| format!("cannot remove `{}`, left by a build that was stopped", path.display()))?;
    }
    Ok(())
}

/// An error writing `path`, with a hint when the disk is full.
fn write_error(error: std::io::Error, path: &Path) -> anyhow::Error {
    if error.kind() == std::io::ErrorKind::StorageFull || error.kind() == std::io::ErrorKind::QuotaExceeded {
        anyhow::anyhow!(
            "cannot write `{}`: the disk is full (the previous output was left as it was)\n  hint: free some space on that disk, or build into a folder on another disk with `--out`",
            path.display()
        )
    } else {
        anyhow::Error::new(error).context(format!("cannot write `{}`", path.display()))
    }
}

/// The staging folder that process `pid` fills for output folder `out`.
fn staging_path(out: &Path, pid: u32) -> anyhow::Result<PathBuf> {
    let out = absolute(out)?;
    let parent = out.parent().context("the output folder has no parent folder")?;
    let name = out.file_name().context("the output folder has no name")?.to_string_lossy();
    Ok(parent.join(format!(".{name}.staging-{pid}")))
}

/// Removes the staging folder of a build process that was killed (it could not remove it
/// itself); the output folder is left as it was.
pub fn discard_staging_of(out: &Path, pid: u32) {
    if let Ok(staging) = staging_path(out, pid)
        && staging.join(MARKER).exists()
    {
        let _ = std::fs::remove_dir_all(staging);
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.staging);
        }
    }
}

/// An absolute, `..`-free form of `path` (which need not exist yet).
fn absolute(path: &Path) -> anyhow::Result<PathBuf> {
    let joined = if path.is_absolute() { path.to_path_buf() } else { std::env::current_dir()?.join(path) };
    // Resolve symbolic links of the part that exists, so `public -> ~` is caught.
    let mut existing = joined.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let mut resolved = existing.canonicalize().unwrap_or(existing);
    for name in rest.into_iter().rev() {
        resolved.push(name);
    }
    let mut clean = PathBuf::new();
    for component in resolved.components() {
        match component {
            Component::ParentDir => {
                clean.pop();
            }
            Component::CurDir => {}
            other => clean.push(other),
        }
    }
    Ok(clean)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An output folder in the middle of a swap inside it: `moved_aside` previous entries
    /// already moved aside, `moved_in` staged entries already moved in, and the journal at
    /// `phase`.
    fn half_swapped(phase: &str, moved_aside: &[&str], moved_in: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        let (staging, old) = (out.join(".innotrain-staging-7"), out.join(".innotrain-old-7"));
        std::fs::create_dir_all(&staging).unwrap();
        std::fs::create_dir_all(&old).unwrap();
        std::fs::write(out.join(MARKER), "").unwrap();
        std::fs::write(staging.join(MARKER), "").unwrap();
        for name in ["index.html", "gone.html", "1.0"] {
            let at = if moved_aside.contains(&name) { &old } else { &out.to_path_buf() };
            std::fs::write(at.join(name), format!("old {name}")).unwrap();
        }
        for name in ["index.html", "new.html", "1.0"] {
            let at = if moved_in.contains(&name) { &out.to_path_buf() } else { &staging };
            std::fs::write(at.join(name), format!("new {name}")).unwrap();
        }
        std::fs::write(out.join(INSIDE_JOURNAL), format!("{phase}\n.innotrain-staging-7\n.innotrain-old-7\n")).unwrap();
        dir
    }

    fn listing(out: &Path) -> Vec<(String, String)> {
        let mut files: Vec<_> = std::fs::read_dir(out)
            .unwrap()
            .flatten()
            .map(|entry| {
                let name = entry.file_name().to_string_lossy().into_owned();
                (name, std::fs::read_to_string(entry.path()).unwrap_or_default())
            })
            .collect();
        files.sort();
        files
    }

    #[test]
    fn a_swap_inside_the_output_stopped_at_any_step_is_finished_by_the_next_build() {
        let new_site = vec![
            (MARKER.to_string(), String::new()),
            ("1.0".to_string(), "new 1.0".to_string()),
            ("index.html".to_string(), "new index.html".to_string()),
            ("new.html".to_string(), "new new.html".to_string()),
        ];
        let states: [(&str, &[&str], &[&str]); 5] = [
            ("aside", &[], &[]),
            ("aside", &["1.0"], &[]),
            ("aside", &["1.0", "gone.html", "index.html"], &[]),
            ("in", &["1.0", "gone.html", "index.html"], &["1.0"]),
            ("in", &["1.0", "gone.html", "index.html"], &["1.0", "index.html", "new.html"]),
        ];
        for (phase, aside, moved_in) in states {
            let dir = half_swapped(phase, aside, moved_in);
            finish_inside_swap(dir.path()).unwrap();
            assert_eq!(listing(dir.path()), new_site, "{phase} {aside:?} {moved_in:?}");
        }
    }
}
