//! Relative URLs between the files of the output, so the site works at a domain root, under a
//! sub-path and opened from the file system alike.
//!
//! Layout: `<version>/<lang>/<page path>index.html` for pages, `<version>/media/<content path>`
//! for content assets, `static/…` for the theme's files. A page path is `""`, `output/` or
//! `output/module/`.

use crate::config::LinkStyle;

/// Builds hrefs from one page to others.
#[derive(Debug, Clone, Copy)]
pub struct Urls {
    pub style: LinkStyle,
}

impl Urls {
    /// `../` repeated `n` times.
    pub fn up(n: usize) -> String {
        "../".repeat(n)
    }

    fn depth(page_path: &str) -> usize {
        page_path.matches('/').count()
    }

    /// From a page to the output root (`../../../` for `v/en/o/m/`).
    pub fn to_root(&self, from: &str) -> String {
        Self::up(Self::depth(from) + 2)
    }

    /// From a page to its version's folder (`../../../` for `v/en/o/m/`).
    pub fn to_version(&self, from: &str) -> String {
        Self::up(Self::depth(from) + 1)
    }

    /// From a page to the page at `to` in the same version and language: up to the folder
    /// both share, then down (`io1/a/` → `io1/b/` is `../b/`).
    pub fn page(&self, from: &str, to: &str) -> String {
        let from_segments: Vec<&str> = from.split_terminator('/').collect();
        let to_segments: Vec<&str> = to.split_terminator('/').collect();
        let common = from_segments.iter().zip(&to_segments).take_while(|(a, b)| a == b).count();
        let mut href = Self::up(from_segments.len() - common);
        for segment in &to_segments[common..] {
            href.push_str(segment);
            href.push('/');
        }
        self.finish(href)
    }

    /// From a page to the page at `to` in language `lang` of the same version.
    pub fn page_in_lang(&self, from: &str, lang: &str, to: &str) -> String {
        self.finish(format!("{}{lang}/{to}", Self::up(Self::depth(from) + 1)))
    }

    /// From a page to the page at `to` in language `lang` of version `version`.
    pub fn page_in_version(&self, from: &str, version: &str, lang: &str, to: &str) -> String {
        self.finish(format!("{}{version}/{lang}/{to}", Self::up(Self::depth(from) + 2)))
    }

    /// From a page to a content asset (`io3/images/cycle.svg`).
    pub fn media(&self, from: &str, asset: &str) -> String {
        format!("{}media/{}", Self::up(Self::depth(from) + 1), encode_path(asset))
    }

    /// Directory links (`../x/`) or, for the file system, explicit `index.html`.
    fn finish(&self, href: String) -> String {
        match self.style {
            LinkStyle::Directory if href.is_empty() => "./".into(),
            LinkStyle::Directory => href,
            LinkStyle::IndexHtml => format!("{href}index.html"),
        }
    }
}

/// Percent-encodes each segment of a `/`-separated path (spaces, non-ASCII, reserved signs).
pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'/' | b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Resolves `link` against the folder `dir` (both content-relative); `None` if it leaves
/// `content/`.
pub fn join_content_path(dir: &str, link: &str) -> Option<String> {
    let mut parts: Vec<&str> =
        if link.starts_with('/') { Vec::new() } else { dir.split('/').filter(|p| !p.is_empty()).collect() };
    for segment in link.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// Decodes `%20` and friends in a link path written by an author.
pub fn decode_path(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        // `get`, not slicing: a `%` may be followed by a character of several bytes (`%0ᴀ`).
        if bytes[i] == b'%'
            && let Some(hex) = path.get(i + 1..i + 3)
            && hex.bytes().all(|b| b.is_ascii_hexdigit())
            && let Ok(value) = u8::from_str_radix(hex, 16)
        {
            out.push(value);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_between_pages_relatively() {
        let urls = Urls { style: LinkStyle::Directory };
        assert_eq!(urls.page("io1/a/", "io1/b/"), "../b/");
        assert_eq!(urls.page("io1/a/", "io2/c/"), "../../io2/c/");
        assert_eq!(urls.page("io1/a/", "io1/"), "../");
        assert_eq!(urls.page("io1/", "io1/a/"), "a/");
        assert_eq!(urls.page("io1/a/", "io1/a/"), "./");
        assert_eq!(urls.page("io1/a/", ""), "../../");
        assert_eq!(urls.page("", ""), "./");
        assert_eq!(urls.page_in_lang("io1/a/", "el", "io1/a/"), "../../../el/io1/a/");
        assert_eq!(urls.to_root("io1/a/"), "../../../../");
        assert_eq!(urls.to_version("io1/a/"), "../../../");
        assert_eq!(urls.to_version(""), "../");
        assert_eq!(urls.media("io1/a/", "io1/images/x y.svg"), "../../../media/io1/images/x%20y.svg");
    }

    #[test]
    fn file_system_links_name_index_html() {
        let urls = Urls { style: LinkStyle::IndexHtml };
        assert_eq!(urls.page("", ""), "index.html");
        assert_eq!(urls.page("io1/", "io2/b/"), "../io2/b/index.html");
    }

    #[test]
    fn joins_paths_without_leaving_content() {
        assert_eq!(join_content_path("io1", "../io2/01-a.md").as_deref(), Some("io2/01-a.md"));
        assert_eq!(join_content_path("io1", "02-b.md").as_deref(), Some("io1/02-b.md"));
        assert_eq!(join_content_path("io1", "../../etc/passwd"), None);
    }

    #[test]
    fn decodes_percent_escapes() {
        assert_eq!(decode_path("Bild%201.png"), "Bild 1.png");
        assert_eq!(decode_path("100%"), "100%");
    }
}
