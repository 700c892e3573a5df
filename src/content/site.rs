//! The Site model: outputs → modules → translations per language, keyed by [`PageId`].
//!
//! Built once by [`super::load_site`] and then only read (by many threads at once).

use std::collections::BTreeMap;

use crate::key::{Lang, PageId, Version};
use crate::licence::Licence;

use super::front_matter::{Audience, LearningOutcomes, Review};

/// One Markdown file, in one language.
#[derive(Debug, Clone)]
pub struct Document {
    /// Project-relative path (`content/io1-x/01-y.el.md`), for diagnostics.
    pub path: String,
    /// The language the text is written in.
    pub lang: Lang,
    /// The whole file: BOM removed, line endings normalised to LF (so offsets map to the
    /// author's lines and columns).
    pub text: String,
    /// Byte offset where the Markdown body starts.
    pub body_start: usize,
    /// Texts of this language's version of the page.
    pub title: String,
    pub summary: Option<String>,
    pub learning_outcomes: LearningOutcomes,
    pub keywords: Vec<String>,
    /// Who translated this text (translations only).
    pub translators: Vec<String>,
    /// For translations: the hash of the source text they were made from.
    pub source_hash: Option<String>,
    /// For translations: who reviewed it, and when (`None`: not reviewed).
    pub review: Option<Review>,
}

impl Document {
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }
}

/// What kind of page a text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    Home,
    Output,
    Module,
}

/// Facts about a module that do not change with the language (taken from the source).
#[derive(Debug, Clone, Default)]
pub struct ModuleFacts {
    pub duration_minutes: Option<u32>,
    pub audience: Vec<Audience>,
    pub eqf_level: Option<u8>,
    pub authors: Vec<String>,
    pub prerequisites: Vec<PageId>,
    /// The trainer's side of the source text (its activities), for the trainer view, the
    /// catalogue and the plan of an output.
    pub trainer: TrainerFacts,
}

/// What a module offers a trainer, read from its source text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TrainerFacts {
    /// Timed activities, and the minutes they take together.
    pub activities: usize,
    pub activity_minutes: u32,
    /// Activities that are sheets for participants.
    pub handouts: usize,
    /// Whether the module has a trainer view: activities, trainer notes or materials.
    pub has_view: bool,
}

/// A page in every language: its default-language source and its translations.
#[derive(Debug, Clone)]
pub struct Page {
    pub id: PageId,
    pub kind: PageKind,
    /// Index of the output the page belongs to (`None` for the home page).
    pub output: Option<usize>,
    /// URL path below `<version>/<lang>/`: `""`, `io1-x/`, `io1-x/y/`.
    pub path: String,
    pub source: Document,
    pub translations: BTreeMap<Lang, Document>,
    /// Translations still marked `draft: true`: not published, shown as in progress.
    pub drafts: BTreeMap<Lang, Document>,
    pub facts: ModuleFacts,
    pub licence: Licence,
    /// The [`super::hash::source_hash`] of the current source text.
    pub source_hash: String,
}

impl Page {
    /// The text a reader of `lang` gets: the translation, or the source as a fallback.
    pub fn text(&self, lang: &Lang) -> &Document {
        self.translations.get(lang).unwrap_or(&self.source)
    }

    /// Whether `lang` has a real text (the source language counts).
    pub fn is_translated(&self, lang: &Lang) -> bool {
        &self.source.lang == lang || self.translations.contains_key(lang)
    }
}

/// An intellectual output: a landing page and its modules, in order.
#[derive(Debug, Clone)]
pub struct Output {
    pub slug: String,
    pub landing: usize,
    pub modules: Vec<usize>,
}

/// A file that is not Markdown (an image, a handout), copied to the output.
#[derive(Debug, Clone)]
pub struct Asset {
    /// Path relative to `content/` (`io3-x/images/cycle.svg`).
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The whole content of one version.
#[derive(Debug, Clone)]
pub struct Site {
    pub version: Version,
    /// Every page: index 0 is the home page, then each output's landing page followed by its
    /// modules, in reading order.
    pub pages: Vec<Page>,
    pub outputs: Vec<Output>,
    /// Assets by content-relative path.
    pub assets: BTreeMap<String, Asset>,
    /// Page index by content-relative path of its source (`io3-x/02-y.md`, `_index.md`).
    pub by_source_path: BTreeMap<String, usize>,
    pub by_id: BTreeMap<PageId, usize>,
    /// Content-relative paths of Markdown files that exist but could not be loaded (their
    /// errors are reported); links to them are not reported again as broken.
    pub unloaded: std::collections::BTreeSet<String>,
    /// Translations whose source no longer exists (reported, not published).
    pub orphans: Vec<Document>,
    /// The languages book.toml configures, texts or not (`x.el.md` in a link names the Greek
    /// text of `x.md` even before anyone has written it).
    pub languages: Vec<Lang>,
}

impl Site {
    /// Whether the page at `index` has a trainer view: a module whose source text has
    /// activities, trainer notes or materials, or an output with a module that has activities.
    /// Then every language has one (a translation without them is reported, and its view shows
    /// what it has), so the language switcher always leads somewhere.
    pub fn has_trainer_view(&self, index: usize) -> bool {
        let page = &self.pages[index];
        match (page.kind, page.output) {
            (PageKind::Module, _) => page.facts.trainer.has_view,
            // An output's trainer view is the programme of its modules' activities.
            (PageKind::Output, Some(output)) => {
                self.outputs[output].modules.iter().any(|&m| self.pages[m].facts.trainer.activities > 0)
            }
            _ => false,
        }
    }

    pub fn home(&self) -> &Page {
        &self.pages[0]
    }

    /// Pages in reading order (home first), with their index.
    pub fn reading_order(&self) -> impl Iterator<Item = (usize, &Page)> {
        self.pages.iter().enumerate()
    }
}
