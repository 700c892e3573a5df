//! The typst side of the PDF back end: fonts, the theme's typst files and a [`World`] per
//! document that can read nothing but what innotrain hands it.
//!
//! The world is the trust boundary for typesetting. Partner text is escaped before it reaches
//! typst (see [`super::markup`]), and even if it were not, a document could only read the theme's
//! files and the version's content assets: no file system, no packages, no clock.

use std::collections::BTreeMap;
use std::path::PathBuf;

use sha2::{Digest, Sha256};
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{DiagSpan, FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};

use crate::builtin::ThemeFiles;

/// The virtual path of every generated document's main file.
pub const MAIN_PATH: &str = "/main.typ";
/// The theme's typst files are mounted here (`themes/<name>/pdf/x.typ` → `/theme/x.typ`).
pub const THEME_DIR: &str = "/theme/";
/// The theme's static files (the EU emblem) are mounted here.
pub const STATIC_DIR: &str = "/static/";
/// Content assets of the version (figures) are mounted here, by content path.
pub const MEDIA_DIR: &str = "/media/";

/// What every PDF of a build shares: the standard library, the fonts and the theme's files.
/// Loaded once per build.
pub struct Typesetter {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    /// Theme files by virtual path, with their origin for error messages.
    files: BTreeMap<String, ThemeFile>,
    /// Hash of everything above that can change a PDF (fonts, theme files, typst's version).
    pub fingerprint: [u8; 32],
}

struct ThemeFile {
    /// How error messages name it (project-relative path, or `builtin:…`).
    origin: String,
    bytes: Bytes,
    /// Parsed once, for `.typ` files.
    source: Option<Source>,
}

impl Typesetter {
    /// Loads typst's embedded fonts, the theme's own fonts (`pdf/fonts/`), the theme's typst files
    /// (`pdf/`) and the images among its static files.
    pub fn load(theme: &ThemeFiles) -> anyhow::Result<Self> {
        let mut fingerprint = Sha256::new();
        fingerprint.update(b"typst 0.15.1\0");
        let mut font_data: Vec<Bytes> = typst_assets::fonts().map(Bytes::new).collect();
        let mut files = BTreeMap::new();
        for (folder, mount) in [("pdf", THEME_DIR), ("static", STATIC_DIR)] {
            for (relative, file) in theme.under(folder) {
                // Of the theme's static files only images can appear in a PDF: a stylesheet edit
                // must not invalidate every cached PDF.
                if mount == STATIC_DIR && !is_image(relative) {
                    continue;
                }
                let bytes = file.bytes.clone();
                fingerprint.update(format!("{mount}{relative}\0{}\0", bytes.len()).as_bytes());
                fingerprint.update(&bytes);
                if mount == THEME_DIR && relative.starts_with("fonts/") {
                    font_data.push(Bytes::new(bytes));
                    continue;
                }
                let virtual_path = format!("{mount}{relative}");
                let source = if relative.ends_with(".typ") {
                    let text = String::from_utf8(bytes.clone()).map_err(|_| {
                        anyhow::anyhow!("`{}` is not UTF-8\n  hint: save it with UTF-8 encoding", file.origin)
                    })?;
                    Some(Source::new(file_id(&virtual_path), text))
                } else {
                    None
                };
                let origin = file.origin.clone();
                files.insert(virtual_path, ThemeFile { origin, bytes: Bytes::new(bytes), source });
            }
        }
        let fonts: Vec<Font> = font_data.into_iter().flat_map(Font::iter).collect();
        let book = FontBook::from_fonts(&fonts);
        Ok(Self {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(book),
            fonts,
            files,
            fingerprint: fingerprint.finalize().into(),
        })
    }

    /// Whether some font has a glyph for `c` (typst falls back through every font of the book).
    pub fn covers(&self, c: char) -> bool {
        (0..self.fonts.len()).any(|i| self.book.info(i).is_some_and(|info| info.coverage.contains(c as u32)))
    }

    /// The project-relative path of the theme's main PDF template, for error messages.
    pub fn template_path(&self) -> String {
        self.files
            .get(&format!("{THEME_DIR}{}", super::TEMPLATE))
            .map_or_else(|| super::TEMPLATE.to_string(), |file| file.origin.clone())
    }

    /// How error messages name a theme file (project-relative path, or `builtin:…`).
    pub fn origin(&self, id: FileId) -> Option<&str> {
        self.files.get(id.vpath().get_with_slash()).map(|file| file.origin.as_str())
    }

    /// Frees what typst memoised (layouts, shaped text, evaluated modules) and was not used
    /// during the last `age` evictions: typst keeps it for ever otherwise. What every PDF uses
    /// (the theme's evaluated template, fonts) is used again at once and stays.
    pub fn evict_caches(age: usize) {
        typst::comemo::evict(age);
    }
}

/// The content assets of one version, mounted under [`MEDIA_DIR`].
pub type Media = BTreeMap<String, Bytes>;

/// One document being compiled: the shared typesetter, the version's media and its main file.
pub struct DocumentWorld<'a> {
    typesetter: &'a Typesetter,
    media: &'a Media,
    main: Source,
}

impl<'a> DocumentWorld<'a> {
    pub fn new(typesetter: &'a Typesetter, media: &'a Media, main_text: String) -> Self {
        Self { typesetter, media, main: Source::new(file_id(MAIN_PATH), main_text) }
    }

    /// Where a diagnostic points; `None` for diagnostics that point nowhere.
    pub fn locate(&self, diagnostic: &SourceDiagnostic) -> Option<Location> {
        self.locate_span(diagnostic.span)
    }

    /// Where a span points (line and column 1-based).
    pub fn locate_span(&self, span: impl Into<DiagSpan>) -> Option<Location> {
        let span = span.into();
        let id = span.id()?;
        let range = self.range(span)?;
        let source = self.source(id).ok()?;
        let (line, column) = source.lines().byte_to_line_column(range.start)?;
        Some(Location { in_main: id == self.main.id(), offset: range.start, line: line + 1, column: column + 1, id })
    }
}

/// Where a typst diagnostic points.
pub struct Location {
    pub in_main: bool,
    pub offset: usize,
    pub line: usize,
    pub column: usize,
    pub id: FileId,
}

fn is_image(path: &str) -> bool {
    let extension = path.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    matches!(extension.as_str(), "svg" | "png" | "jpg" | "jpeg" | "gif" | "webp")
}

fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("innotrain's virtual paths are valid");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

impl World for DocumentWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.typesetter.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.typesetter.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            return Ok(self.main.clone());
        }
        match self.typesetter.files.get(id.vpath().get_with_slash()) {
            Some(ThemeFile { source: Some(source), .. }) => Ok(source.clone()),
            Some(_) => Err(FileError::NotSource),
            None => Err(not_found(id)),
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if *id.root() != VirtualRoot::Project {
            // No packages: nothing is downloaded while building.
            return Err(FileError::AccessDenied);
        }
        let path = id.vpath().get_with_slash();
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.text().to_string()));
        }
        if let Some(file) = self.typesetter.files.get(path) {
            return Ok(file.bytes.clone());
        }
        if let Some(bytes) = path.strip_prefix(MEDIA_DIR).and_then(|p| self.media.get(p)) {
            return Ok(bytes.clone());
        }
        Err(not_found(id))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.typesetter.fonts.get(index).cloned()
    }

    /// No clock: the same input must give the same PDF. Dates come from book.toml.
    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        None
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(PathBuf::from(id.vpath().get_with_slash()))
}
