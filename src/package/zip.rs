//! A zip writer that gives the same bytes for the same files: entries in the order given, every
//! timestamp 1980-01-01 00:00 (the format's first date), no extra fields, no comments. LMSs,
//! e-readers and unzip tools read plain zips; nothing here needs zip64 (a package is far below
//! 4 GiB, and more entries than 65,535 are refused).

use std::io::Write;

use flate2::write::DeflateEncoder;
use flate2::{Compression, Crc};

/// How an entry is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// As it is (EPUB's `mimetype` must be; images that are compressed already gain nothing).
    Stored,
    Deflated,
}

/// One file of a zip.
pub struct Entry {
    /// Its path inside the zip: `/`-separated, relative, never `..`.
    pub name: String,
    pub bytes: Vec<u8>,
    pub method: Method,
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
pub fn write(entries: &[Entry]) -> anyhow::Result<Vec<u8>> {
    let mut zip = ZipWriter::default();
    for entry in entries {
        zip.add(&entry.name, &entry.bytes, entry.method)?;
    }
    zip.finish()
}

/// A zip made one entry at a time, so that a large one (an offline copy of a site with its
/// PDFs) never holds its files together, only their compressed bytes.
#[derive(Default)]
pub struct ZipWriter {
    out: Vec<u8>,
    central: Vec<u8>,
    count: usize,
}

impl ZipWriter {
    /// Appends the file `name` (see [`write`] for the names allowed).
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
        let offset = u32::try_from(self.out.len())?;
        let name = name.as_bytes();
        let sizes = (u32::try_from(data.len())?, u32::try_from(bytes.len())?);
        let out = &mut self.out;
        // Local file header.
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        for field in [VERSION, UTF8_NAMES, code, DOS_TIME, DOS_DATE] {
            out.extend_from_slice(&field.to_le_bytes());
        }
        for field in [crc.sum(), sizes.0, sizes.1] {
            out.extend_from_slice(&field.to_le_bytes());
        }
        out.extend_from_slice(&u16::try_from(name.len())?.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name);
        out.extend_from_slice(data);
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

    /// The zip's bytes: the entries, their central directory and its end record.
    pub fn finish(self) -> anyhow::Result<Vec<u8>> {
        let ZipWriter { mut out, central, count } = self;
        let central_offset = u32::try_from(out.len())?;
        let central_size = u32::try_from(central.len())?;
        out.extend_from_slice(&central);
        // End of central directory.
        let count = u16::try_from(count)?;
        out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        for field in [0u16, 0, count, count] {
            out.extend_from_slice(&field.to_le_bytes());
        }
        out.extend_from_slice(&central_size.to_le_bytes());
        out.extend_from_slice(&central_offset.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        Ok(out)
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
                Entry { name: "mimetype".into(), bytes: b"application/epub+zip".to_vec(), method: Method::Stored },
                Entry {
                    name: "a/b.html".into(),
                    bytes: b"<p>hello hello hello</p>".repeat(20),
                    method: Method::Deflated,
                },
            ]
        };
        let zip = write(&entries()).unwrap();
        assert_eq!(zip, write(&entries()).unwrap());
        // The stored first entry's bytes sit at offset 30 + its name (what EPUB readers check).
        assert_eq!(&zip[30..38], b"mimetype");
        assert_eq!(&zip[38..58], b"application/epub+zip");
        // The repeated paragraph (480 bytes) is deflated.
        assert!(zip.len() < 300, "deflated: {} bytes", zip.len());
        for bad in ["../x", "/x", "a/../b", "a\\b", "c:x", "", "a//b"] {
            assert!(!is_safe_name(bad), "{bad}");
            let entry = Entry { name: bad.into(), bytes: Vec::new(), method: Method::Stored };
            assert!(write(&[entry]).is_err(), "{bad}");
        }
    }
}
