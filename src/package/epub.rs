//! EPUB 3 books: an output of a version in one language, for e-readers and for reading offline
//! without a browser. The render stage fills a [`Book`] (each chapter's body as XHTML, the files
//! the chapters use) and this back end writes the publication around it: the container, the
//! package document (metadata, manifest, spine), the navigation document and a full XHTML
//! document per chapter, zipped with the stored `mimetype` first (readers sniff it at byte 38).
//!
//! Invariants: the same book gives the same bytes (no clock, nothing in hash order); the result
//! passes EPUBCheck 5 with no error and no warning (the unit test runs it where
//! `INNOTRAIN_EPUBCHECK` names it); the metadata claims EPUB Accessibility 1.1 at WCAG 2.1 AA,
//! which holds only while the content keeps its side of it (alt text, headings in order, every
//! language marked), as the web pages do.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::PackageFile;
use super::scorm::escape;
use super::zip::{self, Entry, Method};

/// The folder of the package document; every path in a [`Book`] is relative to it.
const CONTENT_DIR: &str = "EPUB";
const XML_DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
const XHTML_NS: &str = "http://www.w3.org/1999/xhtml";
const EPUB_NS: &str = "http://www.idpf.org/2007/ops";
const SVG_NS: &str = "http://www.w3.org/2000/svg";
const MATHML_NS: &str = "http://www.w3.org/1998/Math/MathML";
const XLINK_NS: &str = "http://www.w3.org/1999/xlink";

const CONTAINER: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>
<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">
  <rootfiles>
    <rootfile full-path=\"EPUB/package.opf\" media-type=\"application/oebps-package+xml\"/>
  </rootfiles>
</container>
";

/// A book: one output of one version in one language.
#[derive(Debug, Clone)]
pub struct Book {
    /// Stable across versions and builds: `urn:innotrain:io3-quality-monitoring:el`.
    pub identifier: String,
    pub title: String,
    /// The book's language (BCP 47, `el`) and its direction (`ltr`/`rtl`).
    pub lang: String,
    pub dir: &'static str,
    /// `2026-11-28` — the version's date (never the clock); becomes dcterms:modified
    /// `2026-11-28T00:00:00Z` and dc:date `2026-11-28`.
    pub date: String,
    /// The version label (`2.0`), as `<meta property="schema:version">` (schema.org's version of
    /// a creative work: a reserved prefix, so no declaration, and no sentence to translate).
    pub version: String,
    pub publisher: String,
    /// Licence notice sentence (in the book's language) as dc:rights, and the licence URL as
    /// `<link rel="cc:license">` (Creative Commons' own term; its prefix is declared).
    pub rights: String,
    pub licence_url: String,
    /// EPUB Accessibility 1.1: schema:accessibilitySummary text, in the book's language.
    pub accessibility_summary: String,
    /// Whether any chapter shows an image (accessMode visual + alternativeText feature).
    pub has_images: bool,
    /// Labels in the book's language for the navigation document.
    pub labels: Labels,
    /// The documents in reading order; the first is the title page (funding statement, licence).
    pub chapters: Vec<Chapter>,
    /// The style sheet (`style.css`), images (`media/…`, the EU emblem `eu-emblem.svg`): every
    /// file the chapters refer to. Paths relative to the package's content folder.
    pub resources: Vec<PackageFile>,
}

/// The navigation document's words, in the book's language.
#[derive(Debug, Clone)]
pub struct Labels {
    /// The heading of the table of contents ("Contents"), also the document's title.
    pub contents: String,
    /// The heading of the (hidden) landmarks list ("Landmarks").
    pub landmarks: String,
    /// The landmarks' entries: "Title page", "Start of content".
    pub title_page: String,
    pub start: String,
}

/// One XHTML document of the book.
#[derive(Debug, Clone)]
pub struct Chapter {
    /// `title.xhtml`, `m1.xhtml`, …
    pub file: String,
    pub title: String,
    /// The language and direction of this chapter's text (a module not yet translated is in
    /// English inside a Greek book: its <html> gets lang/xml:lang `en`).
    pub lang: String,
    pub dir: &'static str,
    /// The body's inner XHTML, already well-formed (see [`xhtml`]).
    pub body: String,
    /// Its headings for the nav document: (level 2..=3, id, text); the chapter itself is the
    /// top entry (its h1 has no id needed: the nav links to the file).
    pub headings: Vec<(u8, String, String)>,
    /// true for the title page (landmark `titlepage`, not listed in the toc), false for content.
    pub is_title_page: bool,
}

/// The book as EPUB bytes (see [`entries`]).
pub fn zip(book: Book) -> anyhow::Result<Vec<u8>> {
    zip::write(&entries(book)?)
}

/// The book's files in the order of the zip: `mimetype` (stored), the container, the package
/// document, the navigation document, the chapters in reading order, then the resources in the
/// given order. Names that are unsafe, twice in the book or of a type readers need not support
/// are programming errors of the render stage, refused here rather than shipped as a broken
/// book.
pub fn entries(book: Book) -> anyhow::Result<Vec<Entry<'static>>> {
    check(&book)?;
    let deflated =
        |path: &str, text: String| Entry::new(format!("{CONTENT_DIR}/{path}"), text.into_bytes(), Method::Deflated);
    let mut entries = vec![
        Entry::new("mimetype", &b"application/epub+zip"[..], Method::Stored),
        Entry::new("META-INF/container.xml", CONTAINER.as_bytes(), Method::Deflated),
        deflated("package.opf", package(&book)),
        deflated("nav.xhtml", nav(&book)),
    ];
    let css = has_style_sheet(&book);
    for chapter in &book.chapters {
        entries.push(deflated(
            &chapter.file,
            document(&chapter.lang, chapter.dir, title(&book, chapter), css, &chapter.body),
        ));
    }
    for file in book.resources {
        let method = if super::is_compressible(&file.path) { Method::Deflated } else { Method::Stored };
        entries.push(Entry::new(format!("{CONTENT_DIR}/{}", file.path), file.bytes, method));
    }
    Ok(entries)
}

/// What [`zip`] refuses (see there).
fn check(book: &Book) -> anyhow::Result<()> {
    anyhow::ensure!(!book.chapters.is_empty(), "an EPUB needs at least one chapter");
    for (field, text) in [("identifier", &book.identifier), ("title", &book.title), ("language", &book.lang)] {
        anyhow::ensure!(!text.trim().is_empty(), "an EPUB needs a {field}");
    }
    let date = book.date.as_bytes();
    anyhow::ensure!(
        date.len() == 10
            && date.iter().enumerate().all(|(i, b)| if i == 4 || i == 7 { *b == b'-' } else { b.is_ascii_digit() }),
        "EPUB date `{}`: expected YYYY-MM-DD",
        book.date
    );
    for dir in std::iter::once(book.dir).chain(book.chapters.iter().map(|chapter| chapter.dir)) {
        anyhow::ensure!(matches!(dir, "ltr" | "rtl"), "EPUB text direction `{dir}`: expected `ltr` or `rtl`");
    }
    let mut names = BTreeSet::from(["nav.xhtml", "package.opf"]);
    for chapter in &book.chapters {
        anyhow::ensure!(chapter.file.ends_with(".xhtml"), "EPUB chapter `{}`: expected a `.xhtml` name", chapter.file);
    }
    for file in &book.resources {
        anyhow::ensure!(
            media_type(&file.path).is_some(),
            "`{}`: not a file type every EPUB reader supports",
            file.path
        );
    }
    for name in book.chapters.iter().map(|c| c.file.as_str()).chain(book.resources.iter().map(|f| f.path.as_str())) {
        anyhow::ensure!(zip::is_safe_name(name), "unsafe file name `{name}` in an EPUB");
        anyhow::ensure!(names.insert(name), "`{name}` twice in an EPUB");
    }
    Ok(())
}

/// The media type of a resource: EPUB 3.3's core media types that innotrain uses (anything
/// else would need a fallback chain).
fn media_type(path: &str) -> Option<&'static str> {
    let extension = path.rsplit_once('.').map_or("", |(_, e)| e).to_ascii_lowercase();
    Some(match extension.as_str() {
        "xhtml" => "application/xhtml+xml",
        "css" => "text/css",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "otf" => "font/otf",
        "ttf" => "font/ttf",
        _ => return None,
    })
}

fn has_style_sheet(book: &Book) -> bool {
    book.resources.iter().any(|file| file.path == "style.css")
}

/// A document's title may not be empty (HTML requires text in `<title>`).
fn title<'a>(book: &'a Book, chapter: &'a Chapter) -> &'a str {
    if chapter.title.trim().is_empty() { &book.title } else { &chapter.title }
}

/// `package.opf`: metadata (Dublin Core, the version, licence, accessibility), the manifest of
/// every file but the container, and the spine in reading order.
fn package(book: &Book) -> String {
    let mut opf = String::from(XML_DECLARATION);
    let _ = writeln!(
        opf,
        "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"uid\" \
         xml:lang=\"{}\" dir=\"{}\" prefix=\"cc: http://creativecommons.org/ns#\">",
        escape(&book.lang),
        book.dir
    );
    opf.push_str("  <metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n");
    let dublin_core = [
        ("identifier", " id=\"uid\"", &book.identifier),
        ("title", "", &book.title),
        ("language", "", &book.lang),
        ("date", "", &book.date),
        ("publisher", "", &book.publisher),
        ("rights", "", &book.rights),
    ];
    for (element, attributes, text) in dublin_core {
        if !text.trim().is_empty() {
            let _ = writeln!(opf, "    <dc:{element}{attributes}>{}</dc:{element}>", escape(text));
        }
    }
    let modified = format!("{}T00:00:00Z", book.date);
    let mut metas = vec![("dcterms:modified", modified.as_str()), ("schema:version", book.version.as_str())];
    metas.extend(accessibility(book));
    for (property, text) in metas {
        let _ = writeln!(opf, "    <meta property=\"{property}\">{}</meta>", escape(text));
    }
    if !book.licence_url.is_empty() {
        let _ = writeln!(opf, "    <link rel=\"cc:license\" href=\"{}\"/>", escape(&book.licence_url));
    }
    opf.push_str("  </metadata>\n  <manifest>\n");
    opf.push_str("    <item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n");
    for (n, chapter) in book.chapters.iter().enumerate() {
        let properties: Vec<&str> = [("svg", "<svg"), ("mathml", "<math")]
            .into_iter()
            .filter(|(_, tag)| has_element(&chapter.body, tag))
            .map(|(property, _)| property)
            .collect();
        let properties =
            if properties.is_empty() { String::new() } else { format!(" properties=\"{}\"", properties.join(" ")) };
        let _ = writeln!(
            opf,
            "    <item id=\"c{}\" href=\"{}\" media-type=\"application/xhtml+xml\"{properties}/>",
            n + 1,
            escape(&href(&chapter.file))
        );
    }
    for (n, file) in book.resources.iter().enumerate() {
        let media_type = media_type(&file.path).unwrap_or("application/octet-stream");
        let _ = writeln!(
            opf,
            "    <item id=\"r{}\" href=\"{}\" media-type=\"{media_type}\"/>",
            n + 1,
            escape(&href(&file.path))
        );
    }
    let _ = writeln!(opf, "  </manifest>\n  <spine page-progression-direction=\"{}\">", book.dir);
    for n in 1..=book.chapters.len() {
        let _ = writeln!(opf, "    <itemref idref=\"c{n}\" linear=\"yes\"/>");
    }
    opf.push_str("  </spine>\n</package>\n");
    opf
}

/// EPUB Accessibility 1.1's discovery metadata. Text is sufficient on its own because every
/// image has alt text (the content checks refuse an image without); the summary says so in the
/// reader's language. No `a11y:certifiedBy`: nobody but the project has checked it.
fn accessibility(book: &Book) -> Vec<(&'static str, &str)> {
    let mut metas = vec![("schema:accessMode", "textual")];
    if book.has_images {
        metas.push(("schema:accessMode", "visual"));
    }
    metas.push(("schema:accessModeSufficient", "textual"));
    for feature in ["structuralNavigation", "tableOfContents", "readingOrder"] {
        metas.push(("schema:accessibilityFeature", feature));
    }
    if book.has_images {
        metas.push(("schema:accessibilityFeature", "alternativeText"));
    }
    metas.push(("schema:accessibilityHazard", "none"));
    if !book.accessibility_summary.trim().is_empty() {
        metas.push(("schema:accessibilitySummary", &book.accessibility_summary));
    }
    metas.push(("dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"));
    metas
}

/// Whether an XHTML body has an element `tag` (`<svg`), not merely a longer name that starts so.
fn has_element(body: &str, tag: &str) -> bool {
    body.match_indices(tag)
        .any(|(at, _)| body[at + tag.len()..].starts_with(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/'))
}

/// A path as a URL: the bytes a URL may not hold as they are percent-encoded (names come from
/// slugs, so this is a safety net, not a path anyone sees).
fn href(path: &str) -> String {
    let mut url = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&byte) {
            url.push(char::from(byte));
        } else {
            let _ = write!(url, "%{byte:02X}");
        }
    }
    url
}

/// A fragment for `#…`: heading ids may be Greek (IRIs allow it); only what would end or break
/// the URL is percent-encoded.
fn fragment(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for c in id.chars() {
        if c.is_ascii_control() || c.is_whitespace() || "\"#%<>[\\]^`{|}".contains(c) {
            let mut buffer = [0; 4];
            for byte in c.encode_utf8(&mut buffer).bytes() {
                let _ = write!(out, "%{byte:02X}");
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A full XHTML5 document around `body` (already XHTML).
fn document(lang: &str, dir: &str, title: &str, css: bool, body: &str) -> String {
    let lang = escape(lang);
    let css = if css { "<link rel=\"stylesheet\" href=\"style.css\"/>\n" } else { "" };
    format!(
        "{XML_DECLARATION}<!DOCTYPE html>\n<html xmlns=\"{XHTML_NS}\" xmlns:epub=\"{EPUB_NS}\" lang=\"{lang}\" \
         xml:lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>{}</title>\n{css}</head>\n\
         <body>\n{body}\n</body>\n</html>\n",
        escape(title)
    )
}

/// A chapter's heading for the nav: (level, id, text).
type Heading = (u8, String, String);

/// `nav.xhtml`: the table of contents (the chapters but the title page, each with its h2 and
/// h3 headings nested) and the landmarks readers jump to (hidden: readers show them their way).
fn nav(book: &Book) -> String {
    let mut body = format!("<nav epub:type=\"toc\" id=\"toc\">\n<h1>{}</h1>\n<ol>\n", escape(&book.labels.contents));
    // The title page is a landmark, not a chapter; a book of nothing else still needs a toc entry.
    let only_title_pages = book.chapters.iter().all(|chapter| chapter.is_title_page);
    for chapter in book.chapters.iter().filter(|chapter| only_title_pages || !chapter.is_title_page) {
        let file = escape(&href(&chapter.file));
        // A chapter in another language than the book's says so, for screen readers.
        let lang = if chapter.lang == book.lang {
            String::new()
        } else {
            let lang = escape(&chapter.lang);
            format!(" lang=\"{lang}\" xml:lang=\"{lang}\" dir=\"{}\"", chapter.dir)
        };
        let _ = write!(body, "<li{lang}><a href=\"{file}\">{}</a>", escape(title(book, chapter)));
        // An h3 nests under the h2 before it; one before any h2 stands at the h2s' level.
        let mut tree: Vec<(&Heading, Vec<&Heading>)> = Vec::new();
        for heading in &chapter.headings {
            match tree.last_mut() {
                Some((parent, children)) if heading.0 >= 3 && parent.0 <= 2 => children.push(heading),
                _ => tree.push((heading, Vec::new())),
            }
        }
        let link =
            |(_, id, text): &Heading| format!("<a href=\"{file}#{}\">{}</a>", escape(&fragment(id)), escape(text));
        if !tree.is_empty() {
            body.push_str("\n<ol>\n");
            for (heading, children) in &tree {
                let _ = write!(body, "<li>{}", link(heading));
                if !children.is_empty() {
                    body.push_str("\n<ol>\n");
                    for child in children {
                        let _ = writeln!(body, "<li>{}</li>", link(child));
                    }
                    body.push_str("</ol>\n");
                }
                body.push_str("</li>\n");
            }
            body.push_str("</ol>\n");
        }
        body.push_str("</li>\n");
    }
    body.push_str("</ol>\n</nav>\n");
    let title_page = book.chapters.iter().find(|chapter| chapter.is_title_page);
    let start = book.chapters.iter().find(|chapter| !chapter.is_title_page);
    let landmarks: Vec<(&str, &str, &Chapter)> =
        [("titlepage", &book.labels.title_page, title_page), ("bodymatter", &book.labels.start, start)]
            .into_iter()
            .filter_map(|(kind, label, chapter)| Some((kind, label.as_str(), chapter?)))
            .collect();
    if !landmarks.is_empty() {
        let _ = write!(
            body,
            "<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"\">\n<h2>{}</h2>\n<ol>\n",
            escape(&book.labels.landmarks)
        );
        for (kind, label, chapter) in landmarks {
            let _ = writeln!(
                body,
                "<li><a epub:type=\"{kind}\" href=\"{}\">{}</a></li>",
                escape(&href(&chapter.file)),
                escape(label)
            );
        }
        body.push_str("</ol>\n</nav>");
    }
    document(&book.lang, book.dir, &book.labels.contents, has_style_sheet(book), &body)
}

/// HTML's void elements: `<br/>` in XML.
const VOID: [&str; 13] =
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];
/// Elements whose content HTML reads as text up to their end tag: raw, or with references.
const RAW_TEXT: [&str; 6] = ["script", "style", "xmp", "iframe", "noembed", "noframes"];
const ESCAPABLE_RAW_TEXT: [&str; 2] = ["textarea", "title"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    Html,
    Svg,
    MathMl,
}

impl Ns {
    fn uri(self) -> &'static str {
        match self {
            Ns::Html => XHTML_NS,
            Ns::Svg => SVG_NS,
            Ns::MathMl => MATHML_NS,
        }
    }
}

struct Open {
    name: String,
    ns: Ns,
}

/// An HTML5 fragment as innotrain's Markdown renderer writes it (pulldown-cmark, or ammonia
/// through html5ever's serializer) → well-formed XHTML: void elements self-closed, attributes
/// with a value and quoted, character references other than XML's five as characters (U+00A0
/// as `&#160;`, to stay visible), `<`, `&` and `"` escaped in attribute values, SVG and MathML
/// in their namespaces, comments dropped (`--` inside one is not XML), control characters XML
/// forbids removed. Text that only looks like a tag is `&lt;` in the input and stays text.
///
/// A scanner, not a parser: it expects elements closed as those serializers close them. An end
/// tag that closes an element further up closes the ones in between, a stray one is dropped and
/// whatever is open at the end is closed, so the result is always well-formed, though sloppy
/// hand-written HTML (a `<li>` left open before the next) may nest differently than a browser's.
pub fn xhtml(html: &str) -> String {
    let html = html.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut open: Vec<Open> = Vec::new();
    let mut rest = html.as_str();
    while let Some(lt) = rest.find('<') {
        push_text(&mut out, &html_escape::decode_html_entities(&rest[..lt]), false);
        rest = markup(&rest[lt..], &mut out, &mut open);
    }
    push_text(&mut out, &html_escape::decode_html_entities(rest), false);
    while let Some(element) = open.pop() {
        let _ = write!(out, "</{}>", element.name);
    }
    out
}

/// Writes the markup that `input` starts with (at its `<`); returns what follows it.
fn markup<'a>(input: &'a str, out: &mut String, open: &mut Vec<Open>) -> &'a str {
    let after = &input[1..];
    let starts_name = |text: &str| text.starts_with(|c: char| c.is_ascii_alphabetic());
    if let Some(comment) = after.strip_prefix("!--") {
        // `<!-->` and `<!--->` are whole (empty) comments to HTML.
        let empty = ["->", ">"].into_iter().find_map(|end| comment.strip_prefix(end));
        return empty.unwrap_or_else(|| comment.find("-->").map_or("", |end| &comment[end + 3..]));
    }
    if let Some(cdata) = after.strip_prefix("![CDATA[")
        && open.last().is_some_and(|element| element.ns != Ns::Html)
    {
        let (text, rest) = cdata.split_once("]]>").unwrap_or((cdata, ""));
        push_text(out, text, false);
        return rest;
    }
    // A doctype, a processing instruction, CDATA in HTML: HTML reads them as comments.
    if after.starts_with(['!', '?']) {
        return after.find('>').map_or("", |end| &after[end + 1..]);
    }
    if let Some(end_tag) = after.strip_prefix('/')
        && starts_name(end_tag)
    {
        let tag = Tag::parse(end_tag);
        if let Some(at) = open.iter().rposition(|element| element.name.eq_ignore_ascii_case(tag.name)) {
            for element in open.drain(at..).rev() {
                let _ = write!(out, "</{}>", element.name);
            }
        }
        return tag.rest;
    }
    if starts_name(after) {
        return start_tag(Tag::parse(after), out, open);
    }
    out.push_str("&lt;");
    after
}

/// A start or end tag as HTML's tokenizer reads it.
struct Tag<'a> {
    name: &'a str,
    attributes: Vec<(&'a str, Option<&'a str>)>,
    self_closing: bool,
    /// What follows the tag's `>`.
    rest: &'a str,
}

impl<'a> Tag<'a> {
    /// Reads a tag from its name on.
    fn parse(input: &'a str) -> Tag<'a> {
        let space = |c: char| c.is_ascii_whitespace();
        let name_end = input.find(|c: char| space(c) || c == '/' || c == '>').unwrap_or(input.len());
        let mut tag = Tag { name: &input[..name_end], attributes: Vec::new(), self_closing: false, rest: "" };
        let mut rest = &input[name_end..];
        loop {
            rest = rest.trim_start_matches(space);
            let Some(first) = rest.chars().next() else { break };
            if first == '>' {
                tag.rest = &rest[1..];
                break;
            }
            if first == '/' {
                rest = &rest[1..];
                tag.self_closing = rest.starts_with('>');
                continue;
            }
            // A name runs to a space, `/`, `>` or `=`; a `=` first is part of it.
            let after_first = &rest[first.len_utf8()..];
            let end = first.len_utf8()
                + after_first.find(|c: char| space(c) || matches!(c, '/' | '>' | '=')).unwrap_or(after_first.len());
            let name = &rest[..end];
            rest = rest[end..].trim_start_matches(space);
            let mut value = None;
            if let Some(after_equals) = rest.strip_prefix('=') {
                let text = after_equals.trim_start_matches(space);
                let (found, after) = match text.chars().next() {
                    Some(quote @ ('"' | '\'')) => text[1..].split_once(quote).unwrap_or((&text[1..], "")),
                    _ => text.split_at(text.find(|c: char| space(c) || c == '>').unwrap_or(text.len())),
                };
                value = Some(found);
                rest = after;
            }
            tag.attributes.push((name, value));
        }
        tag
    }
}

/// Writes a start tag (self-closed when void) and, for the elements whose content is text,
/// that text; returns what follows.
fn start_tag<'a>(tag: Tag<'a>, out: &mut String, open: &mut Vec<Open>) -> &'a str {
    let inherited = open.last().map_or(Ns::Html, |element| element.ns);
    let in_html = open.last().is_none_or(|element| element.ns == Ns::Html || element.name == "foreignObject");
    let (name, ns) = if in_html {
        let name = tag.name.to_ascii_lowercase();
        let ns = match name.as_str() {
            "svg" => Ns::Svg,
            "math" => Ns::MathMl,
            _ => Ns::Html,
        };
        (name, ns)
    } else {
        (tag.name.to_string(), inherited)
    };
    if !is_xml_name(&name) {
        // Not an element XML can have: dropped, its content kept.
        return tag.rest;
    }
    let attributes = attributes(&tag, ns);
    let _ = write!(out, "<{name}");
    if ns != inherited {
        let _ = write!(out, " xmlns=\"{}\"", ns.uri());
    }
    if attributes.iter().any(|(name, _)| name.starts_with("xlink:")) {
        let _ = write!(out, " xmlns:xlink=\"{XLINK_NS}\"");
    }
    for (name, value) in &attributes {
        let _ = write!(out, " {name}=\"");
        push_text(out, value, true);
        out.push('"');
    }
    let html = ns == Ns::Html;
    if (html && VOID.contains(&name.as_str())) || (!html && tag.self_closing) {
        out.push_str("/>");
        return tag.rest;
    }
    out.push('>');
    let mut rest = tag.rest;
    if html && matches!(name.as_str(), "pre" | "textarea" | "listing") {
        // HTML drops a newline right after these start tags; XML would keep it.
        rest = rest.strip_prefix('\n').unwrap_or(rest);
    }
    let raw = html && RAW_TEXT.contains(&name.as_str());
    if raw || (html && ESCAPABLE_RAW_TEXT.contains(&name.as_str())) {
        let end = end_tag_position(rest, &name);
        let text = if raw { rest[..end].into() } else { html_escape::decode_html_entities(&rest[..end]) };
        push_text(out, &text, false);
        rest = &rest[end..];
    }
    open.push(Open { name, ns });
    rest
}

/// The attributes XML can take, lower-cased on HTML elements, the first of a name winning (as
/// in HTML), values decoded. Namespace declarations are the writer's (an `xmlns` would move an
/// element out of XHTML); of prefixed names only `xml:`, `epub:` (declared on `<html>`) and, in
/// SVG and MathML, `xlink:` have a namespace to be in. `lang` brings its `xml:lang` twin, which
/// XML readers look at.
fn attributes(tag: &Tag<'_>, ns: Ns) -> Vec<(String, String)> {
    let html = ns == Ns::Html;
    let has_lang = html && tag.attributes.iter().any(|(name, _)| name.eq_ignore_ascii_case("lang"));
    let mut kept: Vec<(String, String)> = Vec::new();
    for (name, value) in &tag.attributes {
        let name = if html { name.to_ascii_lowercase() } else { name.to_string() };
        let allowed = match name.split_once(':') {
            _ if name == "xmlns" => false,
            None => is_xml_name(&name),
            Some(("xml", local)) => matches!(local, "lang" | "space") && !(has_lang && local == "lang"),
            Some(("epub", local)) => is_xml_name(local),
            Some(("xlink", local)) => !html && is_xml_name(local),
            Some(_) => false,
        };
        if !allowed || kept.iter().any(|(seen, _)| *seen == name) {
            continue;
        }
        let value = html_escape::decode_html_entities(value.unwrap_or("")).into_owned();
        let twin = (name == "lang" && html).then(|| ("xml:lang".to_string(), value.clone()));
        kept.push((name, value));
        kept.extend(twin);
    }
    kept
}

/// Where the end tag of the raw-text element `name` begins in `text` (its end if missing).
fn end_tag_position(text: &str, name: &str) -> usize {
    text.match_indices("</")
        .map(|(at, _)| at)
        .find(|&at| {
            let after = &text[at + 2..];
            after.get(..name.len()).is_some_and(|found| found.eq_ignore_ascii_case(name))
                && after[name.len()..].chars().next().is_none_or(|c| c.is_ascii_whitespace() || matches!(c, '/' | '>'))
        })
        .unwrap_or(text.len())
}

/// An XML name without a prefix, ASCII only (every HTML, SVG and MathML name is).
fn is_xml_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// Decoded text as XML text or attribute value: the markup characters escaped, line ends and
/// tabs in values as references (a reader would turn them into spaces), no-break spaces
/// visible, characters XML 1.0 forbids removed or replaced.
fn push_text(out: &mut String, text: &str, attribute: bool) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\u{a0}' => out.push_str("&#160;"),
            '\r' => out.push_str("&#13;"),
            '\t' | '\n' if attribute => {
                let _ = write!(out, "&#{};", u32::from(c));
            }
            '\t' | '\n' => out.push(c),
            '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c if c < ' ' => {}
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use proptest::prelude::*;
    use pulldown_cmark::{Options, Parser};

    use super::*;

    fn markdown(text: &str) -> String {
        let options = Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS | Options::ENABLE_HEADING_ATTRIBUTES;
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, Parser::new_ext(text, options));
        html
    }

    fn chapter(file: &str, title: &str, lang: &str, body: &str, headings: &[(u8, &str, &str)]) -> Chapter {
        Chapter {
            file: file.into(),
            title: title.into(),
            lang: lang.into(),
            dir: "ltr",
            body: xhtml(body),
            headings: headings.iter().map(|&(level, id, text)| (level, id.into(), text.into())).collect(),
            is_title_page: false,
        }
    }

    const SVG: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 30 20\" width=\"30\" height=\"20\">\
                       <title>Figure</title><rect width=\"30\" height=\"20\" fill=\"#039\"/></svg>\n";

    /// A Greek book with an English chapter, an SVG image with alt text, a table, a code block,
    /// a task list and inline SVG; the title page goes through ammonia (html5ever's serializer:
    /// `<img …>` unclosed, `&nbsp;`), the rest is pulldown-cmark's HTML.
    fn sample() -> Book {
        let title_page = ammonia::clean(
            "<h1>Παρακολούθηση ποιότητας</h1><p><img src=\"eu-emblem.svg\" alt=\"Συγχρηματοδοτείται από την ΕΕ\">\
             </p><p>Έκδοση\u{a0}2.0 &copy; InnoTrain</p><p>Άδεια CC&nbsp;BY&nbsp;4.0<br>Κάποια δικαιώματα.</p>",
        );
        let indicators = markdown(
            "# Δείκτες\n\nΕισαγωγή με <εικονίδιο> & σύμβολα.\n\n\
             ## Δείκτες ποιότητας {#δείκτες-ποιότητας}\n\n![Διάγραμμα δεικτών](media/io3/figure.svg)\n\n\
             | Δείκτης | Τιμή |\n|:--|--:|\n| Α | 1 |\n\n### Κώδικας {#code}\n\n\
             ```\nif a < b && c > d {\n    return \"<br>\";\n}\n```\n\n\
             ## Εργασίες {#tasks}\n\n- [x] Έγινε\n- [ ] Εκκρεμεί\n",
        ) + "<p><svg viewBox=\"0 0 16 16\" width=\"16\" height=\"16\" role=\"img\" aria-label=\"Κύκλος\">\
              <circle cx=\"8\" cy=\"8\" r=\"7\" fill=\"#039\"></circle></svg> Σημείωση</p>";
        let english =
            markdown("# Indicators\n\n## Why measure {#why}\n\nSee [the table](m1.xhtml#δείκτες-ποιότητας).\n");
        Book {
            identifier: "urn:innotrain:io3-quality-monitoring:el".into(),
            title: "Παρακολούθηση ποιότητας & «δείκτες»".into(),
            lang: "el".into(),
            dir: "ltr",
            date: "2026-11-28".into(),
            version: "2.0".into(),
            publisher: "InnoTrain".into(),
            rights: "Άδεια Creative Commons Αναφορά 4.0.".into(),
            licence_url: "https://creativecommons.org/licenses/by/4.0/".into(),
            accessibility_summary: "Όλες οι εικόνες έχουν εναλλακτικό κείμενο.".into(),
            has_images: true,
            labels: Labels {
                contents: "Περιεχόμενα".into(),
                landmarks: "Ορόσημα".into(),
                title_page: "Σελίδα τίτλου".into(),
                start: "Αρχή περιεχομένου".into(),
            },
            chapters: vec![
                Chapter {
                    is_title_page: true, ..chapter("title.xhtml", "Σελίδα τίτλου", "el", &title_page, &[])
                },
                chapter(
                    "m1.xhtml",
                    "Δείκτες",
                    "el",
                    &indicators,
                    &[(2, "δείκτες-ποιότητας", "Δείκτες ποιότητας"), (3, "code", "Κώδικας"), (2, "tasks", "Εργασίες")],
                ),
                chapter("m2.xhtml", "Indicators", "en", &english, &[(2, "why", "Why measure")]),
            ],
            resources: vec![
                PackageFile { path: "style.css".into(), bytes: b"body { font-family: serif; }\n".to_vec() },
                PackageFile { path: "eu-emblem.svg".into(), bytes: SVG.as_bytes().to_vec() },
                PackageFile { path: "media/io3/figure.svg".into(), bytes: SVG.as_bytes().to_vec() },
            ],
        }
    }

    /// The entries of a zip that [`zip::write`] made: name, method, uncompressed bytes.
    fn unzip(bytes: &[u8]) -> Vec<(String, u16, Vec<u8>)> {
        let u16_at = |at: usize| usize::from(u16::from_le_bytes([bytes[at], bytes[at + 1]]));
        let u32_at = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
        let (mut entries, mut at) = (Vec::new(), 0);
        while u32_at(at) == 0x0403_4b50 {
            let (method, size, name_length) = (u16_at(at + 8), u32_at(at + 18), u16_at(at + 26));
            let name = String::from_utf8(bytes[at + 30..at + 30 + name_length].to_vec()).unwrap();
            let data = &bytes[at + 30 + name_length..at + 30 + name_length + size];
            let mut text = Vec::new();
            if method == 8 {
                flate2::read::DeflateDecoder::new(data).read_to_end(&mut text).unwrap();
            } else {
                text = data.to_vec();
            }
            entries.push((name, method as u16, text));
            at += 30 + name_length + size;
        }
        entries
    }

    fn parse(text: &str) -> roxmltree::Document<'_> {
        let options = roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() };
        roxmltree::Document::parse_with_options(text, options).unwrap_or_else(|e| panic!("{e}:\n{text}"))
    }

    #[test]
    fn the_book_starts_with_the_stored_mimetype_and_every_xml_file_parses() {
        let bytes = zip(sample()).unwrap();
        assert_eq!(bytes, zip(sample()).unwrap());
        assert_eq!(&bytes[30..38], b"mimetype");
        assert_eq!(&bytes[38..58], b"application/epub+zip");
        let entries = unzip(&bytes);
        let names: Vec<&str> = entries.iter().map(|(name, _, _)| name.as_str()).collect();
        assert_eq!(
            names,
            [
                "mimetype",
                "META-INF/container.xml",
                "EPUB/package.opf",
                "EPUB/nav.xhtml",
                "EPUB/title.xhtml",
                "EPUB/m1.xhtml",
                "EPUB/m2.xhtml",
                "EPUB/style.css",
                "EPUB/eu-emblem.svg",
                "EPUB/media/io3/figure.svg"
            ]
        );
        assert_eq!(entries[0].1, 0, "mimetype is stored");
        for (name, _, bytes) in &entries {
            if [".xml", ".opf", ".xhtml", ".svg"].iter().any(|extension| name.ends_with(extension)) {
                parse(std::str::from_utf8(bytes).unwrap());
            }
        }
        let english = String::from_utf8(entries[6].2.clone()).unwrap();
        assert!(english.contains("lang=\"en\" xml:lang=\"en\" dir=\"ltr\">"), "{english}");
        assert!(english.contains("<link rel=\"stylesheet\" href=\"style.css\"/>"), "{english}");
    }

    #[test]
    fn the_package_document_has_accessibility_metadata_and_the_version_date() {
        let opf = package(&sample());
        let document = parse(&opf);
        let metas: Vec<(&str, &str)> = document
            .descendants()
            .filter(|node| node.has_tag_name("meta"))
            .map(|node| (node.attribute("property").unwrap(), node.text().unwrap()))
            .collect();
        for expected in [
            ("dcterms:modified", "2026-11-28T00:00:00Z"),
            ("schema:version", "2.0"),
            ("schema:accessMode", "textual"),
            ("schema:accessMode", "visual"),
            ("schema:accessModeSufficient", "textual"),
            ("schema:accessibilityFeature", "structuralNavigation"),
            ("schema:accessibilityFeature", "tableOfContents"),
            ("schema:accessibilityFeature", "readingOrder"),
            ("schema:accessibilityFeature", "alternativeText"),
            ("schema:accessibilityHazard", "none"),
            ("schema:accessibilitySummary", "Όλες οι εικόνες έχουν εναλλακτικό κείμενο."),
            ("dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"),
        ] {
            assert!(metas.contains(&expected), "{expected:?} in {opf}");
        }
        assert!(opf.contains("<dc:date>2026-11-28</dc:date>"), "{opf}");
        assert!(opf.contains("<dc:title>Παρακολούθηση ποιότητας &amp; «δείκτες»</dc:title>"), "{opf}");
        assert!(opf.contains("unique-identifier=\"uid\" xml:lang=\"el\" dir=\"ltr\""), "{opf}");
        assert!(
            opf.contains("<item id=\"c2\" href=\"m1.xhtml\" media-type=\"application/xhtml+xml\" properties=\"svg\"/>")
        );
        assert!(opf.contains("<item id=\"c3\" href=\"m2.xhtml\" media-type=\"application/xhtml+xml\"/>"));
        assert!(opf.contains("<item id=\"r3\" href=\"media/io3/figure.svg\" media-type=\"image/svg+xml\"/>"));
        assert!(opf.contains("<itemref idref=\"c1\" linear=\"yes\"/>"));
        let mut textual = sample();
        textual.has_images = false;
        let opf = package(&textual);
        assert!(!opf.contains("visual") && !opf.contains("alternativeText"), "{opf}");
    }

    #[test]
    fn the_nav_lists_content_chapters_with_nested_headings_and_the_landmarks() {
        let nav = nav(&sample());
        let document = parse(&nav);
        let toc = document.descendants().find(|node| node.attribute((EPUB_NS, "type")) == Some("toc")).unwrap();
        let links: Vec<(usize, &str)> = toc
            .descendants()
            .filter(|node| node.has_tag_name("a"))
            .map(|node| (node.ancestors().filter(|a| a.has_tag_name("ol")).count(), node.attribute("href").unwrap()))
            .collect();
        assert_eq!(
            links,
            [
                (1, "m1.xhtml"),
                (2, "m1.xhtml#δείκτες-ποιότητας"),
                (3, "m1.xhtml#code"),
                (2, "m1.xhtml#tasks"),
                (1, "m2.xhtml"),
                (2, "m2.xhtml#why")
            ]
        );
        assert!(
            nav.contains("<li lang=\"en\" xml:lang=\"en\" dir=\"ltr\"><a href=\"m2.xhtml\">Indicators</a>"),
            "{nav}"
        );
        assert!(nav.contains("<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"\">"), "{nav}");
        assert!(nav.contains("<a epub:type=\"titlepage\" href=\"title.xhtml\">Σελίδα τίτλου</a>"), "{nav}");
        assert!(nav.contains("<a epub:type=\"bodymatter\" href=\"m1.xhtml\">Αρχή περιεχομένου</a>"), "{nav}");
        // A book of a title page alone still has a table of contents (an empty list is invalid).
        let mut title_only = sample();
        title_only.chapters.truncate(1);
        let nav = super::nav(&title_only);
        assert!(nav.contains("<ol>\n<li><a href=\"title.xhtml\">Σελίδα τίτλου</a></li>\n</ol>"), "{nav}");
        assert!(!nav.contains("bodymatter"), "{nav}");
    }

    #[test]
    fn refuses_unsafe_duplicate_or_unsupported_files_and_bad_dates() {
        let refused = |change: fn(&mut Book)| {
            let mut book = sample();
            change(&mut book);
            zip(book).is_err()
        };
        assert!(refused(|book| book.chapters[1].file = "../m1.xhtml".into()));
        assert!(refused(|book| book.chapters[1].file = "m1.html".into()));
        assert!(refused(|book| book.resources[0].path = "m2.xhtml".into()));
        assert!(refused(|book| book.resources[0].path = "nav.xhtml".into()));
        assert!(refused(|book| book.resources[0].path = "notes.pdf".into()));
        assert!(refused(|book| book.date = "28/11/2026".into()));
        assert!(refused(|book| book.chapters.clear()));
        assert!(!refused(|_| ()));
    }

    #[test]
    fn xhtml_closes_void_elements_and_quotes_every_attribute() {
        assert_eq!(xhtml("<p>a<br>b<br />c</p><hr>"), "<p>a<br/>b<br/>c</p><hr/>");
        assert_eq!(
            xhtml("<img src=\"a.svg\" alt=\"x > y\" class=z><wbr><col span=2>"),
            "<img src=\"a.svg\" alt=\"x &gt; y\" class=\"z\"/><wbr/><col span=\"2\"/>"
        );
        let task = "<li><input disabled=\"\" type=\"checkbox\" checked=\"\"/>\nDone</li>";
        assert_eq!(xhtml(task), task);
        assert_eq!(
            xhtml("<input disabled type=checkbox checked><INPUT TYPE='checkbox'>"),
            "<input disabled=\"\" type=\"checkbox\" checked=\"\"/><input type=\"checkbox\"/>"
        );
        assert_eq!(
            xhtml(
                "<video><source src=v.webm><track src=t.vtt></video><embed src=e><area href=a><meta name=m><link rel=x>"
            ),
            "<video><source src=\"v.webm\"/><track src=\"t.vtt\"/></video><embed src=\"e\"/><area href=\"a\"/>\
             <meta name=\"m\"/><link rel=\"x\"/>"
        );
    }

    #[test]
    fn xhtml_writes_references_xml_knows_and_escapes_attribute_values() {
        assert_eq!(
            xhtml("a&nbsp;b &copy; &eacute;\u{a0}&amp; &lt;b&gt; &#x3B1;"),
            "a&#160;b © é&#160;&amp; &lt;b&gt; α"
        );
        assert_eq!(xhtml("&notanentity; & &#0;"), "&amp;notanentity; &amp; &amp;#0;");
        assert_eq!(
            xhtml("<a title=\"&lt;tag&gt; &amp; &quot;q&quot; <x> 'y'\" href='a?b=1&c=2'>t</a>"),
            "<a title=\"&lt;tag&gt; &amp; &quot;q&quot; &lt;x&gt; 'y'\" href=\"a?b=1&amp;c=2\">t</a>"
        );
        assert_eq!(xhtml("<p title=\"a\nb\">x\u{1}y\u{ffff}</p>"), "<p title=\"a&#10;b\">xy\u{fffd}</p>");
    }

    #[test]
    fn xhtml_keeps_code_that_looks_like_markup_as_text() {
        let code =
            "<pre><code class=\"language-rust\">if a &lt; b &amp;&amp; c &gt; d {\n  &lt;br&gt;\n}\n</code></pre>";
        assert_eq!(xhtml(code), code);
        assert_eq!(xhtml("<pre>\nx\n</pre>"), "<pre>x\n</pre>");
        assert_eq!(xhtml("<p>1 < 2 and 3 <= 4</p>"), "<p>1 &lt; 2 and 3 &lt;= 4</p>");
        assert_eq!(xhtml("<p>a<!-- note -- here -->b<!DOCTYPE x></p>"), "<p>ab</p>");
        assert_eq!(xhtml("a<!-->b<!--->c<?php x ?>d"), "abcd");
    }

    #[test]
    fn xhtml_puts_inline_svg_and_its_html_in_their_namespaces() {
        assert_eq!(
            xhtml(
                "<p><svg viewBox=\"0 0 8 8\" xmlns=\"http://www.w3.org/2000/svg\"><linearGradient id=\"g\"/>\
                 <use xlink:href=\"#g\"></use><foreignObject><DIV>x<br></DIV></foreignObject></svg></p>"
            ),
            "<p><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 8 8\"><linearGradient id=\"g\"/>\
             <use xmlns:xlink=\"http://www.w3.org/1999/xlink\" xlink:href=\"#g\"></use><foreignObject>\
             <div xmlns=\"http://www.w3.org/1999/xhtml\">x<br/></div></foreignObject></svg></p>"
        );
    }

    #[test]
    fn xhtml_repairs_nesting_and_drops_what_xml_cannot_hold() {
        assert_eq!(xhtml("<ul><li>a<li>b</ul>stray</div><p>open"), "<ul><li>a<li>b</li></li></ul>stray<p>open</p>");
        assert_eq!(xhtml("<b><i>x</b>y</i>"), "<b><i>x</i></b>y");
        assert_eq!(
            xhtml("<p LANG=en xml:lang=fr lang=de id=a id=b xmlns=\"x\" on:click=\"f\" epub:type=\"note\" 1x=2>t</p>"),
            "<p lang=\"en\" xml:lang=\"en\" id=\"a\" epub:type=\"note\">t</p>"
        );
        assert_eq!(
            xhtml("<script>if (a < b && c) {}</script><textarea>&lt;x&gt;</textarea><STYLE>p>a{}</style>"),
            "<script>if (a &lt; b &amp;&amp; c) {}</script><textarea>&lt;x&gt;</textarea><style>p&gt;a{}</style>"
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

        /// Whatever pieces of HTML come in, the result is XML that a reader can parse.
        #[test]
        fn xhtml_output_is_always_well_formed(pieces in prop::collection::vec(prop::sample::select(vec![
            "<", ">", "&", "\"", "'", "=", "/", " ", "\n", "a", "é", "\u{1}", "\u{a0}", ";", "#", "x", "-",
            "<p>", "</p>", "<br>", "<b ", "</b>", "<svg>", "</svg>", "<foreignObject>", "<math>", "<script>",
            "</script>", "<pre>", "<!--", "-->", "<![CDATA[", "]]>", "&nbsp;", "&amp;", "&#0;", "&#xFFFE;",
            "lang=", "xmlns=", "xlink:href=", "a:b=", "<img src=", "<!", "<?", "</", "<textarea>",
        ]), 0..40)) {
            let html: String = pieces.concat();
            let body = xhtml(&html);
            let wrapped = format!("<div xmlns=\"{XHTML_NS}\" xmlns:epub=\"{EPUB_NS}\">{body}</div>");
            prop_assert!(roxmltree::Document::parse(&wrapped).is_ok(), "{html:?} -> {body:?}");
        }
    }

    /// EPUBCheck's own command line: `INNOTRAIN_EPUBCHECK` names its jar (run with `java -jar`)
    /// or a program that takes the same arguments.
    #[test]
    fn the_sample_book_passes_epubcheck_without_warnings() {
        let Some(tool) = std::env::var_os("INNOTRAIN_EPUBCHECK") else {
            eprintln!("INNOTRAIN_EPUBCHECK is not set: EPUBCheck not run");
            return;
        };
        let folder = tempfile::tempdir().unwrap();
        let book = folder.path().join("book.epub");
        std::fs::write(&book, zip(sample()).unwrap()).unwrap();
        let tool = std::path::PathBuf::from(tool);
        let mut command = if tool.extension().is_some_and(|extension| extension == "jar") {
            let mut java = std::process::Command::new("java");
            java.arg("-jar").arg(&tool);
            java
        } else {
            std::process::Command::new(&tool)
        };
        let output = command.arg(&book).args(["--failonwarnings", "--locale", "en"]).output().unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        eprintln!("{stdout}{stderr}");
        assert!(output.status.success(), "EPUBCheck failed:\n{stdout}\n{stderr}");
        assert!(stdout.contains("No errors or warnings detected"), "{stdout}");
    }
}
