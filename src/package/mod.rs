//! Stage 4d: packages for learning platforms, beside the PDFs and fed by the same prepared
//! documents: a module or an output as a SCORM 1.2 package ([`scorm`]) that Moodle, ILIAS and
//! Canvas import and track. The render stage writes the pages of a package; this stage writes
//! its manifest and runtime and zips it ([`zip`], byte-identical for the same input).

pub mod scorm;
pub mod zip;

/// A file of a package, by its path inside it (`index.html`, `media/io3-x/images/a.svg`).
#[derive(Debug, Clone)]
pub struct PackageFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// `Ελληνικά: io3/δείκτες 2.0` → `io3-2-0`-like: lower-case ASCII letters, digits and hyphens,
/// for names that travel through LMS upload forms, e-mail and USB sticks; `fallback` when
/// nothing is left.
pub fn ascii_name(text: &str, fallback: &str) -> String {
    let folded: String =
        text.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    let name = folded.split('-').filter(|part| !part.is_empty()).collect::<Vec<_>>().join("-");
    if name.is_empty() { fallback.to_string() } else { name }
}

/// Whether a file is worth deflating (text, SVG), or compressed already (PNG, JPEG, WebP, GIF).
pub fn is_compressible(path: &str) -> bool {
    let extension = path.rsplit_once('.').map_or("", |(_, e)| e).to_ascii_lowercase();
    !matches!(extension.as_str(), "png" | "jpg" | "jpeg" | "gif" | "webp" | "zip" | "pdf")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_ascii() {
        assert_eq!(ascii_name("io3-quality/Δείκτες_2.0", "x"), "io3-quality-2-0");
        assert_eq!(ascii_name("Δείκτες", "module"), "module");
    }
}
