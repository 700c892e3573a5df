//! A zip writer that gives the same bytes for the same files: entries in the order given, every
//! timestamp 1980-01-01 00:00 (the format's first date), no extra fields, no comments. LMSs,
//! e-readers and unzip tools read plain zips; nothing here needs zip64 (a package is far below
//! 4 GiB, and more entries than 65,535 are refused).

use std::borrow::Cow;
use std::io::Write;
use std::sync::LazyLock;

use flate2::write::DeflateEncoder;
use flate2::{Compression, Crc};
use sha2::{Digest, Sha256};

/// How an entry is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// As it is (EPUB's `mimetype` must be; images that are compressed already gain nothing).
    Stored,
    Deflated,
}

/// One file of a zip.
pub struct Entry<'a> {
    /// Its path inside the zip: `/`-separated, relative, never `..`.
    pub name: String,
    pub method: Method,
    pub contents: Contents<'a>,
}

/// Where an entry's bytes come from.
pub enum Contents<'a> {
    Bytes(Cow<'a, [u8]>),
    /// Read when they are needed and dropped after: a PDF of an offline copy, read back from
    /// the PDF cache, so that a copy never holds its PDFs together.
    Later(Box<dyn Fn() -> anyhow::Result<Vec<u8>> + Sync + 'a>),
}

impl<'a> Entry<'a> {
    pub fn new(name: impl Into<String>, bytes: impl Into<Cow<'a, [u8]>>, method: Method) -> Self {
        Self { name: name.into(), method, contents: Contents::Bytes(bytes.into()) }
    }

    /// An entry whose bytes `read` gives when the zip is written (or its key computed).
    pub fn later(
        name: impl Into<String>,
        method: Method,
        read: impl Fn() -> anyhow::Result<Vec<u8>> + Sync + 'a,
    ) -> Self {
        Self { name: name.into(), method, contents: Contents::Later(Box::new(read)) }
    }

    fn with_bytes<T>(&self, use_bytes: impl FnOnce(&[u8]) -> anyhow::Result<T>) -> anyhow::Result<T> {
        match &self.contents {
            Contents::Bytes(bytes) => use_bytes(bytes),
            Contents::Later(read) => use_bytes(&read()?),
        }
    }
}

/// Local and central headers' fixed fields: version 2.0 needed, UTF-8 names (bit 11), the DOS
/// date of 1980-01-01 00:00.
const VERSION: u16 = 20;
const UTF8_NAMES: u16 = 1 << 11;
const DOS_TIME: u16 = 0;
const DOS_DATE: u16 = (1 << 5) | 1;

/// The bytes of a zip holding `entries`, in their order. An entry name that could escape the
/// folder it is unpacked into (absolute, `..`, a backslash) is a programming error: the
/// back ends make every name from slugs.
pub fn write(entries: &[Entry<'_>]) -> anyhow::Result<Vec<u8>> {
    write_to(entries, Vec::new())
}

/// Writes the zip of `entries` (see [`write()`]) to `out`, one entry at a time: a large zip (an
/// offline copy of a site with its PDFs) never holds its files together, nor itself.
pub fn write_to<W: Write>(entries: &[Entry<'_>], out: W) -> anyhow::Result<W> {
    let mut zip = ZipWriter::new(out);
    for entry in entries {
        entry.with_bytes(|bytes| zip.add(&entry.name, bytes, entry.method))?;
    }
    zip.finish()
}

/// What the zip of `entries` is made from, as a hash: the entries' names, methods and bytes,
/// and how this writer compresses. Two sets of entries with the same key give the same zip.
pub fn key(entries: &[Entry<'_>]) -> anyhow::Result<String> {
    let mut hash = Sha256::new();
    hash.update(*WRITER_FINGERPRINT);
    hash.update((entries.len() as u64).to_le_bytes());
    for entry in entries {
        hash.update((entry.name.len() as u64).to_le_bytes());
        hash.update(entry.name.as_bytes());
        hash.update([u8::from(entry.method == Method::Deflated)]);
        entry.with_bytes(|bytes| {
            hash.update((bytes.len() as u64).to_le_bytes());
            hash.update(bytes);
            Ok(())
        })?;
    }
    Ok(format!("{:x}", hash.finalize()))
}

/// The writer's own part of every key: the compressor's output for a sample text (a new
/// compression library or level gives other bytes for the same files) and this format's
/// revision.
static WRITER_FINGERPRINT: LazyLock<[u8; 32]> = LazyLock::new(|| {
    let sample: String =
        (0..400).map(|n| format!("<p id=\"s{n}\">Work-based learning {}</p>\n", n * 7919 % 1000)).collect();
    let mut zip = ZipWriter::new(Vec::new());
    let zipped = zip.add("sample.html", sample.as_bytes(), Method::Deflated).and_then(|_| zip.finish());
    let mut hash = Sha256::new();
    hash.update(b"innotrain-zip-1");
    hash.update(zipped.unwrap_or_default());
    hash.finalize().into()
});

/// A zip made one entry at a time into `out`: each file's compressed bytes are written as soon
/// as they are made; only the central directory (a few dozen bytes a file) is kept until the end.
pub struct ZipWriter<W: Write> {
    out: W,
    /// Bytes written so far: where the next local header starts.
    written: u64,
    central: Vec<u8>,
    count: usize,
}

impl<W: Write> ZipWriter<W> {
    pub fn new(out: W) -> Self {
        Self { out, written: 0, central: Vec::new(), count: 0 }
    }

    /// Appends the file `name` (see [`write()`] for the names allowed).
    pub fn add(&mut self, name: &str, bytes: &[u8], method: Method) -> anyhow::Result<()> {
        anyhow::ensure!(is_safe_name(name), "unsafe zip entry name `{name}`");
        anyhow::ensure!(self.count + 1 < usize::from(u16::MAX), "more than 65,534 files are too many for a zip");
        let mut crc = Crc::new();
        crc.update(bytes);
        let compressed;
        let (code, data) = match method {
            Method::Stored => (0u16, bytes),
            Method::Deflated => {
                let mut encoder = DeflateEncoder::new(Vec::new(), Compression::best());
                encoder.write_all(bytes)?;
                compressed = encoder.finish()?;
                (8u16, &compressed[..])
            }
        };
        let offset = u32::try_from(self.written).map_err(|_| anyhow::anyhow!("a zip above 4 GiB needs zip64"))?;
        let name = name.as_bytes();
        let sizes = (u32::try_from(data.len())?, u32::try_from(bytes.len())?);
        // Local file header.
        let mut header = Vec::with_capacity(30 + name.len());
        header.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        for field in [VERSION, UTF8_NAMES, code, DOS_TIME, DOS_DATE] {
            header.extend_from_slice(&field.to_le_bytes());
        }
        for field in [crc.sum(), sizes.0, sizes.1] {
            header.extend_from_slice(&field.to_le_bytes());
        }
        header.extend_from_slice(&u16::try_from(name.len())?.to_le_bytes());
        header.extend_from_slice(&0u16.to_le_bytes());
        header.extend_from_slice(name);
        self.out.write_all(&header)?;
        self.out.write_all(data)?;
        self.written += (header.len() + data.len()) as u64;
        // Its central directory record.
        let central = &mut self.central;
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        for field in [VERSION, VERSION, UTF8_NAMES, code, DOS_TIME, DOS_DATE] {
            central.extend_from_slice(&field.to_le_bytes());
        }
        for field in [crc.sum(), sizes.0, sizes.1] {
            central.extend_from_slice(&field.to_le_bytes());
        }
        // Name length, extra length, comment length, disk number, internal attributes.
        for field in [u16::try_from(name.len())?, 0, 0, 0, 0] {
            central.extend_from_slice(&field.to_le_bytes());
        }
        // External attributes (none), then where the local header is.
        central.extend_from_slice(&0u32.to_le_bytes());
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name);
        self.count += 1;
        Ok(())
    }

    /// Ends the zip: its central directory and end record; gives `out` back.
    pub fn finish(mut self) -> anyhow::Result<W> {
        let central_offset =
            u32::try_from(self.written).map_err(|_| anyhow::anyhow!("a zip above 4 GiB needs zip64"))?;
        let central_size = u32::try_from(self.central.len())?;
        let mut end = std::mem::take(&mut self.central);
        // End of central directory.
        let count = u16::try_from(self.count)?;
        end.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        for field in [0u16, 0, count, count] {
            end.extend_from_slice(&field.to_le_bytes());
        }
        end.extend_from_slice(&central_size.to_le_bytes());
        end.extend_from_slice(&central_offset.to_le_bytes());
        end.extend_from_slice(&0u16.to_le_bytes());
        self.out.write_all(&end)?;
        self.out.flush()?;
        Ok(self.out)
    }
}

/// A relative `/`-separated path of plain parts: what an unzip tool puts inside its folder.
pub fn is_safe_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('/')
        && !name.contains('\\')
        && !name.contains(':')
        && name.split('/').all(|part| !part.is_empty() && part != "." && part != "..")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_files_give_the_same_bytes_and_names_stay_inside() {
        let entries = || {
            vec![
                Entry::new("mimetype", &b"application/epub+zip"[..], Method::Stored),
                Entry::later("a/b.html", Method::Deflated, || Ok(b"<p>hello hello hello</p>".repeat(20))),
            ]
        };
        let zip = write(&entries()).unwrap();
        assert_eq!(zip, write(&entries()).unwrap());
        assert_eq!(key(&entries()).unwrap(), key(&entries()).unwrap());
        let mut other = entries();
        other[1] = Entry::new("a/b.html", &b"<p>hello</p>"[..], Method::Deflated);
        assert_ne!(key(&entries()).unwrap(), key(&other).unwrap(), "other bytes, another key");
        // The stored first entry's bytes sit at offset 30 + its name (what EPUB readers check).
        assert_eq!(&zip[30..38], b"mimetype");
        assert_eq!(&zip[38..58], b"application/epub+zip");
        // The repeated paragraph (480 bytes) is deflated.
        assert!(zip.len() < 300, "deflated: {} bytes", zip.len());
        for bad in ["../x", "/x", "a/../b", "a\\b", "c:x", "", "a//b"] {
            assert!(!is_safe_name(bad), "{bad}");
            let entry = Entry::new(bad, Vec::new(), Method::Stored);
            assert!(write(&[entry]).is_err(), "{bad}");
        }
    }
}
