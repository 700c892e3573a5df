//! The files beside the Markdown (images, handouts) are partners' files too: published as they
//! are, so checked before anything else sees them. An SVG is opened by readers as a document of
//! the site's origin (a script in it would run there); a raster image is decoded by every
//! reader's browser and by the PDF typesetter (a small file can declare billions of pixels).

use crate::diag::{Diagnostic, Diagnostics};

use super::Asset;

/// The most pixels an image may have. A 48-megapixel phone photo passes; a browser needs four
/// bytes a pixel to show an image (200 MB at the limit), and a page or an A4 PDF at 300 dpi
/// needs no more than about 2,000 pixels across.
pub const MAX_IMAGE_PIXELS: u64 = 50_000_000;

/// Raster formats checked by their header (the file's bytes decide, not its extension).
const RASTER_EXTENSIONS: [&str; 5] = ["png", "jpg", "jpeg", "gif", "webp"];

/// Checks every asset of a version; each problem is an error at the file, in the `files`
/// category, which book.toml cannot make a warning: such a file is never published.
pub fn check_assets<'a>(assets: impl IntoIterator<Item = &'a Asset>, diags: &Diagnostics) {
    for asset in assets {
        let path = format!("content/{}", asset.path);
        let extension = asset.path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
        if extension == "svg" {
            check_svg(&path, &asset.bytes, diags);
        } else if RASTER_EXTENSIONS.contains(&extension.as_str()) {
            check_raster(&path, &asset.bytes, diags);
        }
    }
}

/// An SVG with scripts, event handlers, embedded HTML or references to other files is refused
/// at the construct's line, never published.
fn check_svg(path: &str, bytes: &[u8], diags: &Diagnostics) {
    let text = String::from_utf8_lossy(bytes);
    if let Some((offset, construct)) = svg_problem(&text) {
        diags.push(
            Diagnostic::error(path, format!("SVG image contains {construct}"))
                .in_category("files")
                .at_offset(&text, offset)
                .with_hint("export the drawing again as plain SVG (in Inkscape: Save As → Optimized SVG), without scripts, links or embedded files"),
        );
    }
}

/// A raster image must be one (its header says its size), and of a size a reader's browser and
/// the typesetter can decode.
fn check_raster(path: &str, bytes: &[u8], diags: &Diagnostics) {
    let size = match imagesize::blob_size(bytes) {
        Ok(size) => size,
        Err(_) => {
            diags.push(
                Diagnostic::error(
                    path,
                    "file is not an image a browser can show (its header is not PNG, JPEG, GIF or WebP)",
                )
                .in_category("files")
                .at(1, 1)
                .with_hint("open it in an image editor and export it again as PNG (drawings) or JPEG (photos)"),
            );
            return;
        }
    };
    let pixels = size.width as u64 * size.height as u64;
    if pixels > MAX_IMAGE_PIXELS {
        diags.push(
            Diagnostic::error(
                path,
                format!(
                    "image is {} × {} pixels ({} megapixels); the limit is {} megapixels",
                    size.width,
                    size.height,
                    pixels / 1_000_000,
                    MAX_IMAGE_PIXELS / 1_000_000
                ),
            )
            .in_category("files")
            .at(1, 1)
            .with_hint("scale it down: 2,000 pixels across is plenty for a page and for an A4 PDF at 300 dpi"),
        );
    }
}

/// The first construct of an SVG image that could run code or fetch anything when the file is
/// opened on its own: (byte offset, what it is). Checked on the lower-cased text, so that no
/// spelling of a name slips through; a reference within the file (`href="#shape"`) is fine.
pub fn svg_problem(svg: &str) -> Option<(usize, String)> {
    let lower = svg.to_ascii_lowercase();
    let mut found: Vec<(usize, String)> = Vec::new();
    for element in ["<script", "<foreignobject", "<iframe", "<embed", "<object", "<!entity", "<handler", "<listener"] {
        if let Some(at) = lower.find(element) {
            found.push((at, format!("`{}>`", &svg[at..at + element.len()])));
        }
    }
    for (at, _) in lower.match_indices("on") {
        let before = lower[..at].chars().next_back();
        let name: String = lower[at..].chars().take_while(|c| c.is_ascii_alphabetic()).collect();
        let after = lower[at + name.len()..].trim_start();
        if before.is_some_and(|c| c.is_whitespace() || c == '"' || c == '\'')
            && name.len() > 2
            && after.starts_with('=')
        {
            found.push((at, format!("an event handler `{}=`", &svg[at..at + name.len()])));
            break;
        }
    }
    for attribute in ["href", "src"] {
        for (at, _) in lower.match_indices(attribute) {
            let before = lower[..at].chars().next_back();
            let rest = lower[at + attribute.len()..].trim_start();
            let Some(value) = rest.strip_prefix('=') else { continue };
            let value = value.trim_start().trim_start_matches(['"', '\'']).trim_start();
            if before.is_some_and(|c| c.is_whitespace() || c == ':') && !value.starts_with('#') {
                let shown: String =
                    svg[at..].chars().take_while(|c| *c != '>' && !c.is_whitespace()).take(60).collect();
                let shown = shown.trim_end_matches('/');
                found.push((at, format!("a reference to another file `{shown}`")));
                break;
            }
        }
    }
    // CSS in a `style` attribute or element fetches with `url(…)` and `@import`.
    for (at, _) in lower.match_indices("url(") {
        let value = lower[at + 4..].trim_start().trim_start_matches(['"', '\'']).trim_start();
        if !value.starts_with('#') {
            let shown: String = svg[at..].chars().take_while(|c| *c != ')').take(60).collect();
            found.push((at, format!("a reference to another file `{shown})`")));
            break;
        }
    }
    if let Some(at) = lower.find("@import") {
        found.push((at, "a CSS `@import`".to_string()));
    }
    if let Some(at) = lower.find("javascript:") {
        found.push((at, "a `javascript:` URL".to_string()));
    }
    found.into_iter().min_by_key(|(at, _)| *at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_an_svg_could_run_or_fetch() {
        let clean = "<svg xmlns=\"http://www.w3.org/2000/svg\"><use href=\"#a\"/><text>Conditions on site</text></svg>";
        assert_eq!(svg_problem(clean), None);
        assert_eq!(svg_problem("<svg><rect style=\"fill: url(#gradient)\"/></svg>"), None);
        for (svg, what) in [
            ("<svg><SCRIPT>x</SCRIPT></svg>", "`<SCRIPT>`"),
            ("<svg onLoad = \"x()\"></svg>", "an event handler `onLoad=`"),
            ("<svg><foreignObject/></svg>", "`<foreignObject>`"),
            (
                "<svg><image xlink:href=\"http://e.org/x.png\"/></svg>",
                "a reference to another file `href=\"http://e.org/x.png\"`",
            ),
            ("<svg><image href='../../secret.png'/></svg>", "a reference to another file `href='../../secret.png'`"),
            (
                "<svg><style>rect { fill: url( 'https://e.org/t.png' ) }</style></svg>",
                "a reference to another file `url( 'https://e.org/t.png' )`",
            ),
            ("<svg><rect style=\"fill:URL(x.svg#p)\"/></svg>", "a reference to another file `URL(x.svg#p)`"),
            ("<svg><style>@import 'x.css';</style></svg>", "a CSS `@import`"),
        ] {
            assert_eq!(svg_problem(svg).map(|(_, w)| w).as_deref(), Some(what), "{svg}");
        }
    }

    fn asset(path: &str, bytes: &[u8]) -> Asset {
        Asset { path: path.to_string(), bytes: bytes.to_vec() }
    }

    /// A PNG header (signature and IHDR) declaring `width` × `height`; enough for the size.
    fn png_header(width: u32, height: u32) -> Vec<u8> {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend_from_slice(&width.to_be_bytes());
        png.extend_from_slice(&height.to_be_bytes());
        png.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, 0]);
        png
    }

    #[test]
    fn raster_images_are_checked_by_their_header_and_size() {
        let diags = Diagnostics::new();
        check_assets(
            [
                asset("a/images/photo.png", &png_header(8064, 6048)),
                asset("a/images/bomb.PNG", &png_header(100_000, 100_000)),
                asset("a/images/fake.jpg", b"<html>not an image</html>"),
                asset("a/handout.docx", b"PK"),
            ]
            .iter(),
            &diags,
        );
        let messages: Vec<String> = diags.into_sorted().iter().map(|d| format!("{}: {}", d.file, d.message)).collect();
        assert_eq!(
            messages,
            [
                "content/a/images/bomb.PNG: image is 100000 × 100000 pixels (10000 megapixels); the limit is 50 megapixels",
                "content/a/images/fake.jpg: file is not an image a browser can show (its header is not PNG, JPEG, GIF or WebP)",
            ]
        );
    }
}
