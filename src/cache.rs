//! Finished files kept between builds by a key that hashes everything their bytes depend on:
//! typeset PDFs ([`crate::pdf`]) and zipped packages, e-books and offline copies
//! ([`crate::package`]). A build takes an unchanged file from here instead of making it again.
//!
//! Files are written under a temporary name and renamed, so parallel builds sharing a folder
//! never read half a file; a file whose first bytes are not its kind's is not taken.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;

/// The files of one kind (`pdf`, `zip`) in a cache folder.
pub struct FileCache {
    dir: Option<PathBuf>,
    extension: &'static str,
    /// What every whole file of this kind starts with.
    magic: &'static [u8],
    /// The keys this build took or stored, which [`FileCache::prune`] keeps.
    used: Mutex<BTreeSet<String>>,
}

/// How long a file no build used stays (edited texts leave old files behind; other projects or
/// branches may share the folder).
const UNUSED_FOR: std::time::Duration = std::time::Duration::from_secs(7 * 24 * 3600);

impl FileCache {
    /// The files named `<key>.<extension>` in `dir` (created on first write); `None` keeps
    /// nothing.
    pub fn new(dir: Option<PathBuf>, extension: &'static str, magic: &'static [u8]) -> Self {
        Self { dir, extension, magic, used: Mutex::default() }
    }

    /// Where the file of `key` is (or would be) kept.
    pub fn path(&self, key: &str) -> Option<PathBuf> {
        self.dir.as_ref().map(|dir| dir.join(format!("{key}.{}", self.extension)))
    }

    /// The kept file of `key`, if there is a whole one; marks it as used.
    pub fn find(&self, key: &str) -> Option<PathBuf> {
        let path = self.path(key)?;
        let mut start = vec![0; self.magic.len()];
        let mut file = std::fs::File::open(&path).ok()?;
        std::io::Read::read_exact(&mut file, &mut start).ok().filter(|_| start == self.magic)?;
        // Its time says when a build last used it, for [`FileCache::prune`].
        if let Ok(file) = std::fs::File::options().append(true).open(&path) {
            let _ = file.set_modified(std::time::SystemTime::now());
        }
        self.mark_used(key);
        Some(path)
    }

    /// The bytes of the kept file of `key`, if there is a whole one.
    pub fn get(&self, key: &str) -> Option<Vec<u8>> {
        std::fs::read(self.find(key)?).ok()
    }

    /// Keeps `bytes` as the file of `key`; a cache that cannot be written keeps nothing (the
    /// next build makes the file again).
    pub fn put(&self, key: &str, bytes: &[u8]) {
        self.mark_used(key);
        let _ = self.put_with(key, &mut |file| Ok(file.write_all(bytes)?));
    }

    /// Keeps what `write` writes as the file of `key`, streamed to disk; returns where it is.
    pub fn put_with(
        &self,
        key: &str,
        write: &mut dyn FnMut(&mut dyn Write) -> anyhow::Result<()>,
    ) -> anyhow::Result<PathBuf> {
        let (Some(dir), Some(path)) = (&self.dir, self.path(key)) else {
            anyhow::bail!("no cache folder");
        };
        std::fs::create_dir_all(dir).map_err(|e| anyhow::anyhow!("cannot create `{}`: {e}", dir.display()))?;
        // Unique to this write: two threads may make the same file.
        static WRITES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let write_number = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let temporary = dir.join(format!(".{key}.{}-{write_number}.tmp", std::process::id()));
        let written = (|| {
            let mut file = std::io::BufWriter::new(std::fs::File::create(&temporary)?);
            write(&mut file)?;
            file.into_inner().map_err(|e| e.into_error())?.sync_data()?;
            std::fs::rename(&temporary, &path)?;
            anyhow::Ok(())
        })();
        if let Err(error) = written {
            let _ = std::fs::remove_file(&temporary);
            return Err(error.context(format!("cannot write `{}`", path.display())));
        }
        self.mark_used(key);
        Ok(path)
    }

    fn mark_used(&self, key: &str) {
        self.used.lock().unwrap_or_else(|e| e.into_inner()).insert(key.to_string());
    }

    /// After a complete build: removes the files of this kind that this build did not use and
    /// no build used for a week, and week-old temporary files.
    pub fn prune(&self) {
        let Some(dir) = &self.dir else { return };
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        let used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let stale = entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|modified| modified.elapsed().ok())
                .is_some_and(|age| age > UNUSED_FOR);
            // What a killed build left half written goes too.
            let unused = match name.strip_suffix(&format!(".{}", self.extension)) {
                Some(key) => !used.contains(key),
                None => name.starts_with('.') && name.ends_with(".tmp"),
            };
            if unused && stale {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_file_is_found_by_its_key_and_a_broken_one_is_not() {
        let dir = std::env::temp_dir().join(format!("innotrain-cache-test-{}", std::process::id()));
        let cache = FileCache::new(Some(dir.clone()), "zip", b"PK\x03\x04");
        assert!(cache.find("a").is_none());
        cache.put("a", b"PK\x03\x04 rest");
        assert_eq!(cache.get("a").as_deref(), Some(&b"PK\x03\x04 rest"[..]));
        std::fs::write(dir.join("b.zip"), b"half").unwrap();
        assert!(cache.find("b").is_none(), "a file without the zip signature is not taken");
        let path = cache.put_with("c", &mut |file| Ok(file.write_all(b"PK\x03\x04 streamed")?)).unwrap();
        assert_eq!(std::fs::read(path).unwrap(), b"PK\x03\x04 streamed");
        assert!(std::fs::read_dir(&dir).unwrap().flatten().all(|e| !e.file_name().to_string_lossy().ends_with(".tmp")));
        let _ = std::fs::remove_dir_all(dir);
    }
}
