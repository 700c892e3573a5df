//! Stage 4d: packages for learning platforms, beside the PDFs and fed by the same prepared
//! documents: a module or an output as a SCORM 1.2 package ([`scorm`]) that Moodle, ILIAS and
//! Canvas import and track. The render stage writes the pages of a package; this stage writes
//! its manifest and runtime and zips it ([`zip`], byte-identical for the same input).

pub mod epub;
pub mod scorm;
pub mod zip;

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
