//! Stage 4d: packages for learning platforms, beside the PDFs and fed by the same prepared
//! documents: a module or an output as a SCORM 1.2 package ([`scorm`]) that Moodle, ILIAS and
//! Canvas import and track. The render stage writes the pages of a package; this stage writes
//! its manifest and runtime and zips it ([`zip`], byte-identical for the same input); EPUB
//! books ([`epub`]) and offline copies are zipped the same way. Every zip is kept in the cache
//! folder by a key of its files ([`PackageCache`]): an unchanged one is not compressed again.

pub mod epub;
pub mod scorm;
pub mod zip;

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::cache::FileCache;
use zip::Entry;

/// A file of a package, by its path inside it (`index.html`, `media/io3-x/images/a.svg`).
#[derive(Debug, Clone)]
pub struct PackageFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Whether a file is worth deflating (text, SVG), or compressed already (PNG, JPEG, WebP, GIF).
pub fn is_compressible(path: &str) -> bool {
    let extension = path.rsplit_once('.').map_or("", |(_, e)| e).to_ascii_lowercase();
    !matches!(extension.as_str(), "png" | "jpg" | "jpeg" | "gif" | "webp" | "zip" | "pdf")
}

/// The zips of a build, kept between builds in the cache folder (beside the PDFs) by a key of
/// their files: a package, book or copy whose files are unchanged is taken as it is.
pub struct PackageCache {
    files: FileCache,
    made: AtomicUsize,
    unchanged: AtomicUsize,
}

/// A finished zip.
pub enum Finished {
    /// In the cache folder, `size` bytes: copied into the output, never read into memory.
    InCache { path: PathBuf, size: u64 },
    /// Made in memory: the cache folder cannot be written.
    InMemory(Vec<u8>),
}

/// How many zips a build made, and took unchanged from the cache.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PackageStats {
    pub made: usize,
    pub unchanged: usize,
}

impl PackageCache {
    /// The zips in `dir` (created on first write).
    pub fn new(dir: PathBuf) -> Self {
        Self {
            files: FileCache::new(Some(dir), "zip", b"PK\x03\x04"),
            made: AtomicUsize::new(0),
            unchanged: AtomicUsize::new(0),
        }
    }

    /// The zip of `entries`: from the cache when a build made it before, else made there (or,
    /// when the folder cannot be written, in memory).
    pub fn finish(&self, entries: &[Entry<'_>]) -> anyhow::Result<Finished> {
        let key = zip::key(entries)?;
        let size = |path: &PathBuf| std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        if let Some(path) = self.files.find(&key) {
            self.unchanged.fetch_add(1, Ordering::Relaxed);
            return Ok(Finished::InCache { size: size(&path), path });
        }
        self.made.fetch_add(1, Ordering::Relaxed);
        match self.files.put_with(&key, &mut |out| zip::write_to(entries, out).map(drop)) {
            Ok(path) => Ok(Finished::InCache { size: size(&path), path }),
            Err(_) => Ok(Finished::InMemory(zip::write(entries)?)),
        }
    }

    pub fn stats(&self) -> PackageStats {
        PackageStats { made: self.made.load(Ordering::Relaxed), unchanged: self.unchanged.load(Ordering::Relaxed) }
    }

    /// After a complete build: forget the zips this build did not use (see [`FileCache::prune`]).
    pub fn prune(&self) {
        self.files.prune();
    }
}
