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
}

impl Staging {
    /// Creates `.<name>.staging-<pid>` beside `out`.
    pub fn create(out: &Path) -> anyhow::Result<Self> {
        let out = absolute(out)?;
        let parent = out.parent().context("the output folder has no parent folder")?;
        std::fs::create_dir_all(parent).with_context(|| format!("cannot create `{}`", parent.display()))?;
        let staging = staging_path(&out, std::process::id())?;
        let name = out.file_name().context("the output folder has no name")?.to_string_lossy().into_owned();
        let old = parent.join(format!(".{name}.old-{}", std::process::id()));
        if staging.exists() {
            std::fs::remove_dir_all(&staging).with_context(|| format!("cannot remove `{}`", staging.display()))?;
        }
        std::fs::create_dir_all(&staging).with_context(|| format!("cannot create `{}`", staging.display()))?;
        std::fs::write(staging.join(MARKER), "This folder was written by innotrain and is replaced by every build.\n")
            .with_context(|| format!("cannot write into `{}`", staging.display()))?;
        Ok(Self { out, staging, old, files: Default::default(), committed: false })
    }

    /// Writes one file (from any thread).
    pub fn write(&self, file: &OutputFile) -> anyhow::Result<()> {
        let relative = Path::new(&file.path);
        if relative.components().any(|c| !matches!(c, Component::Normal(_))) {
            bail!("refusing to write `{}`: output paths must stay inside the output folder", file.path);
        }
        let path = self.staging.join(relative);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).with_context(|| format!("cannot create `{}`", dir.display()))?;
        }
        std::fs::write(&path, &file.bytes).with_context(|| format!("cannot write `{}`", path.display()))?;
        self.files.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(())
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

    /// Swaps the staging folder in for the output folder.
    pub fn commit(mut self) -> anyhow::Result<PathBuf> {
        let (out, staging, old) = (self.out.clone(), self.staging.clone(), self.old.clone());
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
