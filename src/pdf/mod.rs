//! Stage 4c: PDFs, typeset in-process with typst.
//!
//! 1. the render stage describes each PDF as a [`PdfJob`]: a generated typst main file (written
//!    by [`markup`] from the same prepared events as the HTML) and the Markdown it came from;
//! 2. [`check_glyphs`] refuses characters no font has (typst would print an empty box);
//! 3. [`compile_all`] compiles the jobs in parallel over one shared [`Typesetter`], skipping
//!    those whose inputs hash to a PDF already in the [`Cache`].
//!
//! Every `typst` import of innotrain is in this module.

pub mod markup;
mod passes;
mod world;

use std::collections::{BTreeMap, BTreeSet};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use sha2::{Digest, Sha256};
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Smart};
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

use crate::content::Document;
use crate::diag::{Diagnostic, Diagnostics};

pub use markup::Markup;
pub use world::{MEDIA_DIR, Media, Typesetter};

pub use crate::config::Paper;
use world::DocumentWorld;

/// The theme file every PDF imports.
pub const TEMPLATE: &str = "innotrain.typ";

/// One PDF to make.
pub struct PdfJob<'a> {
    /// Output path (`2.0/el/io3-quality-monitoring/indicators/innotrain-…-el-2.0.pdf`).
    pub path: String,
    /// The generated typst main file.
    pub main: Markup,
    /// Which Markdown document each source-map entry of `main` belongs to: (offset in `main`
    /// where the document's markup starts, the document).
    pub documents: Vec<(usize, &'a Document)>,
    /// Content assets the document shows (their bytes are part of the cache key).
    pub images: BTreeSet<String>,
    /// The document has a date (its version's): PDF/A requires one.
    pub dated: bool,
    /// The most pages the document should take (a handout), and what to say when it takes
    /// more.
    pub page_limit: Option<PageLimit<'a>>,
}

/// A warning for a document that takes more pages than it should, at the Markdown that made
/// it.
pub struct PageLimit<'a> {
    pub pages: usize,
    pub document: &'a Document,
    /// Where in `document` the warning points (a heading).
    pub offset: usize,
    /// The warning, with `{pages}` for the number of pages it took.
    pub problem: String,
    pub hint: String,
}

impl PdfJob<'_> {
    /// The Markdown file and offset that produced typst offset `at` of the main file.
    fn origin(&self, at: usize) -> Option<(&Document, usize)> {
        let index = self.documents.partition_point(|&(start, _)| start <= at).checked_sub(1)?;
        let document = self.documents[index].1;
        let offset = self.main.source_offset(at)?;
        Some((document, offset))
    }
}

/// Finished PDFs by content hash, so an unchanged PDF is not typeset again.
pub type Cache = crate::cache::FileCache;

/// The cache of PDFs in `dir` (`None` keeps nothing).
pub fn cache(dir: Option<PathBuf>) -> Cache {
    Cache::new(dir, "pdf", b"%PDF-")
}

/// Everything PDF making shares across the versions of one build.
pub struct PdfBuild {
    pub typesetter: Typesetter,
    pub cache: Cache,
    /// `--emit-typst`: write each PDF's generated typst main file next to it (`x.pdf.typ`), for
    /// theme authors.
    pub emit_typst: bool,
    stats: std::sync::Mutex<PdfStats>,
    /// Every PDF made so far, by output path: its cache key (or, without a cache, its bytes),
    /// for the offline copies that hold a language's PDFs ([`PdfBuild::made`]).
    made: std::sync::Mutex<BTreeMap<String, Made>>,
}

/// Where a PDF made by this build can be read again.
enum Made {
    Cached(String),
    Kept(Vec<u8>),
}

impl PdfBuild {
    pub fn new(typesetter: Typesetter, cache: Cache) -> Self {
        Self { typesetter, cache, emit_typst: false, stats: Default::default(), made: Default::default() }
    }

    /// Compiles `jobs` (see [`compile_all`]), handing each finished PDF to `write`, and counts
    /// what was typeset and what was cached. Returns the size of every PDF made, by path.
    pub fn compile(
        &self,
        jobs: &[PdfJob<'_>],
        media: &Media,
        diags: &Diagnostics,
        label: &str,
        write: &(dyn Fn(PdfFile) -> anyhow::Result<()> + Sync),
    ) -> anyhow::Result<BTreeMap<String, usize>> {
        let sizes = std::sync::Mutex::new(BTreeMap::new());
        let stats = compile_all(jobs, &self.typesetter, media, &self.cache, diags, label, &|file| {
            sizes.lock().unwrap_or_else(|e| e.into_inner()).insert(file.path.clone(), file.bytes.len());
            // Read back from the cache when it holds the PDF; kept in memory when the cache
            // folder cannot be written (an offline copy still gets every PDF).
            let made = match self.cache.path(&file.key).filter(|path| path.is_file()) {
                Some(_) => Made::Cached(file.key.clone()),
                None => Made::Kept(file.bytes.clone()),
            };
            self.made.lock().unwrap_or_else(|e| e.into_inner()).insert(file.path.clone(), made);
            write(file)
        })?;
        let mut total = self.stats.lock().unwrap_or_else(|e| e.into_inner());
        total.compiled += stats.compiled;
        total.cached += stats.cached;
        Ok(sizes.into_inner().unwrap_or_else(|e| e.into_inner()))
    }

    /// The bytes of the PDF at output path `path`, if this build made it: read back from the
    /// cache (where every PDF made is stored), so that the build never holds its PDFs together.
    pub fn made(&self, path: &str) -> Option<Vec<u8>> {
        match self.made.lock().unwrap_or_else(|e| e.into_inner()).get(path)? {
            Made::Cached(key) => self.cache.path(key).and_then(|path| std::fs::read(path).ok()),
            Made::Kept(bytes) => Some(bytes.clone()),
        }
    }

    pub fn stats(&self) -> PdfStats {
        *self.stats.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// After a complete build: forget cached PDFs this build did not use.
    pub fn prune_cache(&self) {
        self.cache.prune();
    }
}

/// What [`compile_all`] did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PdfStats {
    pub compiled: usize,
    pub cached: usize,
}

/// A finished PDF.
pub struct PdfFile {
    pub path: String,
    pub bytes: Vec<u8>,
    /// The cache key it was stored under.
    pub key: String,
}

/// The PDF standards innotrain aims at: tagged PDF for accessibility (PDF/UA-1) that is also
/// fit for archiving (PDF/A-2a) when the document has a date, as PDF/A requires. typst checks
/// both while writing and reports what fails.
fn pdf_options(ident: &str, dated: bool) -> PdfOptions {
    let standards: &[PdfStandard] = if dated { &[PdfStandard::Ua_1, PdfStandard::A_2a] } else { &[PdfStandard::Ua_1] };
    PdfOptions {
        ident: Smart::Custom(ident.to_string()),
        creator: Smart::Custom(Some("innotrain (typst 0.15)".to_string())),
        timestamp: None,
        page_ranges: None,
        standards: PdfStandards::new(standards).expect("PDF/UA-1 and PDF/A-2a are compatible"),
        tagged: true,
        pretty: false,
    }
}

/// The cache key of a job: everything that can change its bytes.
fn cache_key(job: &PdfJob<'_>, typesetter: &Typesetter, media: &Media) -> String {
    let mut hash = Sha256::new();
    hash.update(typesetter.fingerprint);
    hash.update(if job.dated { b"ua-1+a-2a\0".as_slice() } else { b"ua-1\0".as_slice() });
    hash.update(job.path.as_bytes());
    hash.update(b"\0");
    hash.update(job.main.text.as_bytes());
    for image in &job.images {
        hash.update(image.as_bytes());
        hash.update(b"\0");
        if let Some(bytes) = media.get(image) {
            hash.update(Sha256::digest(bytes.as_slice()));
        }
    }
    let digest = hash.finalize();
    digest.iter().take(16).map(|b| format!("{b:02x}")).collect()
}

/// Refuses characters that no font covers, naming the Markdown file, line and character:
/// typst would otherwise print an empty box and carry on.
pub fn check_glyphs(jobs: &[PdfJob<'_>], typesetter: &Typesetter, diags: &Diagnostics) {
    // Each distinct character is looked up once: Greek texts hold thousands of letters.
    let used: BTreeSet<char> = jobs.iter().flat_map(|job| job.main.text.chars().filter(|c| !c.is_ascii())).collect();
    let missing: BTreeSet<char> =
        used.into_iter().filter(|&c| !typesetter.covers(c) && !c.is_whitespace() && !is_invisible(c)).collect();
    let mut reported = BTreeSet::new();
    for job in jobs {
        for &c in missing.iter().filter(|&&c| job.main.text.contains(c)) {
            let found = job.documents.iter().find_map(|(_, doc)| doc.text.find(c).map(|offset| (*doc, offset)));
            if !reported.insert((found.map(|(doc, _)| doc.path.clone()), c)) {
                continue;
            }
            let message = format!("no PDF font has the character `{c}` (U+{:04X})", c as u32);
            let hint = "use another character, or add a font that has it to the theme's `pdf/fonts/` folder";
            let diagnostic = match found {
                Some((doc, offset)) => Diagnostic::error(&doc.path, message).at_offset(&doc.text, offset),
                None => Diagnostic::error(&job.path, message),
            };
            diags.push(diagnostic.in_category("pdf").with_hint(hint));
        }
    }
}

/// Format characters that are never drawn (zero-width joiners, soft hyphens, marks).
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}')
}

/// Compiles every job, taking unchanged PDFs from the cache, and hands each PDF to `write` as
/// soon as it is made: none is kept. Errors are reported to `diags` against the Markdown file
/// or theme file they come from; the `Err` is an operational failure (of `write`, or no threads).
///
/// Memory stays within what the PDFs being typeset at the same moment need, however many PDFs
/// there are (see `README.md`, "Memory"):
/// - each typesetting thread compiles one PDF at a time. typst itself runs parts of a document
///   on rayon threads and, while it waits for them, a rayon thread picks up whatever work is
///   queued: with the jobs as a parallel iterator, that was other whole PDFs, started on top of
///   the waiting one, so dozens of half-done documents were held at once (5 GB for 520 PDFs);
/// - PDFs start in their order, and only while the estimated memory of those running stays
///   within [`MEMORY_BUDGET`]: a whole output's book is typeset alone;
/// - what typst memoised is evicted after every PDF (typst otherwise keeps the layouts of
///   every document it typeset) and, while a PDF above the budget is typeset, every
///   [`EVICT_EVERY`] of what it did not use since;
/// - of a document's layout passes only what the next pass asks about is kept (see
///   [`passes`]).
pub fn compile_all(
    jobs: &[PdfJob<'_>],
    typesetter: &Typesetter,
    media: &Media,
    cache: &Cache,
    diags: &Diagnostics,
    label: &str,
    write: &(dyn Fn(PdfFile) -> anyhow::Result<()> + Sync),
) -> anyhow::Result<PdfStats> {
    let progress = Progress::new(jobs.len(), label);
    let compiled = AtomicUsize::new(0);
    let cached = AtomicUsize::new(0);
    let next = AtomicUsize::new(0);
    let admission = Admission::new(MEMORY_BUDGET);
    let failed: std::sync::Mutex<Option<anyhow::Error>> = Default::default();
    let one = |job: &PdfJob<'_>, key: String, cached_bytes: Option<Vec<u8>>| -> anyhow::Result<()> {
        let bytes = match cached_bytes {
            Some(bytes) => {
                cached.fetch_add(1, Ordering::Relaxed);
                Some(bytes)
            }
            None => {
                let bytes = compile(job, typesetter, media, diags);
                // What the PDFs typeset at the same time use stays.
                Typesetter::evict_caches(2);
                if let Some(bytes) = &bytes {
                    cache.put(&key, bytes);
                    compiled.fetch_add(1, Ordering::Relaxed);
                }
                bytes
            }
        };
        progress.tick();
        match bytes {
            Some(bytes) => write(PdfFile { path: job.path.clone(), bytes, key }),
            None => Ok(()),
        }
    };
    let pool = typesetting_threads()?;
    let done = (std::sync::Mutex::new(false), std::sync::Condvar::new());
    std::thread::scope(|scope| {
        // Within one long PDF (a book) typst keeps what it memoised until the PDF is done: a
        // clock evicts what it has not used lately (a book of 1,150 pages: 1.4 GB peak without),
        // but only while a PDF above the memory budget is typeset. Below it the memoised
        // layouts fit, and are what makes a document's later layout passes cheap: evicted by
        // the clock between passes, module PDFs took a quarter more time.
        let evictor = std::thread::Builder::new().spawn_scoped(scope, || {
            let mut finished = done.0.lock().unwrap_or_else(|e| e.into_inner());
            while !*finished {
                finished = done.1.wait_timeout(finished, EVICT_EVERY).unwrap_or_else(|e| e.into_inner()).0;
                if admission.over_budget() {
                    Typesetter::evict_caches(1);
                }
            }
        });
        if let Err(error) = evictor {
            return Err(anyhow::anyhow!(
                "cannot start a thread: {error}\n  hint: the system is short of memory or threads"
            ));
        }
        // Stops the clock when the typesetting ends, also by a panic (the scope waits for it).
        let _stop = StopClock(&done);
        // Every thread of the pool runs this loop once (a broadcast job is never stolen by
        // another thread, unlike the parts of a parallel iterator).
        pool.broadcast(|_| {
            loop {
                let ticket = next.fetch_add(1, Ordering::Relaxed);
                let Some(job) = jobs.get(ticket) else { break };
                let key = cache_key(job, typesetter, media);
                let cached_bytes = cache.get(&key);
                // A PDF from the cache takes no typesetting memory, but its turn all the same.
                let weight = if cached_bytes.is_some() { 0 } else { memory_estimate(job) };
                admission.enter(ticket, weight);
                let stop = failed.lock().unwrap_or_else(|e| e.into_inner()).is_some();
                let result = if stop { Ok(()) } else { one(job, key, cached_bytes) };
                admission.leave(weight);
                if let Err(error) = result {
                    failed.lock().unwrap_or_else(|e| e.into_inner()).get_or_insert(error);
                }
            }
        });
        Ok(())
    })?;
    progress.finish();
    if let Some(error) = failed.into_inner().unwrap_or_else(|e| e.into_inner()) {
        return Err(error);
    }
    Ok(PdfStats { compiled: compiled.into_inner(), cached: cached.into_inner() })
}

/// Tells the eviction clock of [`compile_all`] to stop, when dropped.
struct StopClock<'a>(&'a (std::sync::Mutex<bool>, std::sync::Condvar));

impl Drop for StopClock<'_> {
    fn drop(&mut self) {
        *self.0.0.lock().unwrap_or_else(|e| e.into_inner()) = true;
        self.0.1.notify_all();
    }
}

/// How much memory the PDFs typeset at the same moment may need together (estimated by
/// [`memory_estimate`]). A PDF that needs more on its own is typeset alone.
const MEMORY_BUDGET: usize = 640 << 20;

/// The memory typst needs for a document, estimated from its generated markup: about 500
/// bytes for each byte, measured on module PDFs (15 kB of markup, 7 MB) and on books of 25 and
/// 250 modules (300 kB, 150 MB; 3 MB, 1.5 GB).
fn memory_estimate(job: &PdfJob<'_>) -> usize {
    job.main.text.len().saturating_mul(500)
}

/// Lets jobs start strictly in their order (so that a book is not overtaken forever by small
/// PDFs), each only when the estimated memory of the running ones leaves room for it.
struct Admission {
    budget: usize,
    /// (ticket of the next job to start, estimated memory of the running jobs)
    state: std::sync::Mutex<(usize, usize)>,
    changed: std::sync::Condvar,
}

impl Admission {
    fn new(budget: usize) -> Self {
        Self { budget, state: std::sync::Mutex::new((0, 0)), changed: std::sync::Condvar::new() }
    }

    /// Waits until job `ticket` may start, doing typst's parallel work for the running PDFs
    /// meanwhile.
    fn enter(&self, ticket: usize, weight: usize) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            let (next, running) = *state;
            if next == ticket && (running == 0 || running + weight <= self.budget) {
                *state = (next + 1, running + weight);
                self.changed.notify_all();
                return;
            }
            drop(state);
            let helped = matches!(rayon::yield_now(), Some(rayon::Yield::Executed));
            state = self.state.lock().unwrap_or_else(|e| e.into_inner());
            if !helped {
                let pause = std::time::Duration::from_millis(5);
                state = self.changed.wait_timeout(state, pause).unwrap_or_else(|e| e.into_inner()).0;
            }
        }
    }

    /// Whether a PDF estimated above the budget is being typeset (alone).
    fn over_budget(&self) -> bool {
        self.state.lock().unwrap_or_else(|e| e.into_inner()).1 > self.budget
    }

    fn leave(&self, weight: usize) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.1 -= weight;
        self.changed.notify_all();
    }
}

/// How often typst's caches are evicted of what the running PDFs have not used since.
const EVICT_EVERY: std::time::Duration = std::time::Duration::from_millis(250);

/// Threads for typesetting, with deeper stacks than rayon's 2 MiB, as typst lays out nested
/// content recursively (within its own depth limits). 256 MiB were needed while a waiting
/// thread started other whole PDFs on top of its own; one PDF at a time, a book of 1,150
/// pages touches less than 1 MiB. Stacks are address space even where untouched, and a
/// `ulimit -v` counts them. An error (not a panic) when the system refuses the threads.
fn typesetting_threads() -> anyhow::Result<&'static rayon::ThreadPool> {
    static POOL: std::sync::OnceLock<Result<rayon::ThreadPool, String>> = std::sync::OnceLock::new();
    let pool = POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .thread_name(|i| format!("typeset-{i}"))
            .stack_size(16 << 20)
            .build()
            .map_err(|error| error.to_string())
    });
    pool.as_ref().map_err(|error| {
        anyhow::anyhow!(
            "cannot start the typesetting threads: {error}\n  hint: the system is short of memory or threads"
        )
    })
}

/// Compiles one job; `None` after reporting its errors.
pub fn compile(job: &PdfJob<'_>, typesetter: &Typesetter, media: &Media, diags: &Diagnostics) -> Option<Vec<u8>> {
    let world = DocumentWorld::new(typesetter, media, job.main.text.clone());
    let warned = passes::typeset(&world);
    for warning in &warned.warnings {
        report(job, &world, typesetter, warning, diags);
    }
    let document = match warned.output {
        Ok(document) => document,
        Err(errors) => {
            for error in &errors {
                report(job, &world, typesetter, error, diags);
            }
            return None;
        }
    };
    if let Some(limit) = &job.page_limit
        && document.pages().len() > limit.pages
    {
        diags.push(
            Diagnostic::warning(
                &limit.document.path,
                format!(
                    "PDF `{}`: {}",
                    file_name(&job.path),
                    limit.problem.replace("{pages}", &document.pages().len().to_string())
                ),
            )
            .in_category("activities")
            .at_offset(&limit.document.text, limit.offset)
            .with_hint(limit.hint.clone()),
        );
    }
    match typst_pdf::pdf(&document, &pdf_options(&job.path, job.dated)) {
        Ok(bytes) => Some(bytes),
        Err(errors) => {
            for error in &errors {
                report(job, &world, typesetter, error, diags);
            }
            None
        }
    }
}

/// A typst diagnostic as an innotrain diagnostic: against the Markdown that produced the
/// typst code, or the theme file, or (for whole-document problems) the PDF.
fn report(
    job: &PdfJob<'_>,
    world: &DocumentWorld<'_>,
    typesetter: &Typesetter,
    diagnostic: &SourceDiagnostic,
    diags: &Diagnostics,
) {
    let message = format!("PDF `{}`: {}", file_name(&job.path), diagnostic.message);
    let new = |file: &str| match diagnostic.severity {
        Severity::Error => Diagnostic::error(file, message.clone()),
        Severity::Warning => Diagnostic::warning(file, message.clone()),
    };
    let hints: Vec<String> = diagnostic.hints.iter().map(|hint| hint.v.to_string()).collect();
    // A problem inside a theme function that content called (a broken image, say) belongs to
    // the Markdown that made the call: the innermost call from a content part of the main file.
    let from_content = diagnostic.trace.iter().rev().find_map(|point| {
        let location = world.locate_span(point.span)?;
        (location.in_main && job.origin(location.offset).is_some()).then_some(location)
    });
    let theme_location = world.locate(diagnostic).filter(|location| !location.in_main);
    if let (Some(content), Some(theme)) = (&from_content, &theme_location)
        && let Some((doc, offset)) = job.origin(content.offset)
    {
        let at = typesetter.origin(theme.id).unwrap_or_default();
        let mut out = new(&doc.path).at_offset(&doc.text, offset);
        let mut hints = hints.clone();
        hints.push(format!("raised in `{at}:{}:{}`", theme.line, theme.column));
        out = out.with_hint(hints.join("; "));
        diags.push(out.in_category("pdf"));
        return;
    }
    let location = world.locate(diagnostic);
    let mut out = match &location {
        Some(location) if location.in_main => match job.origin(location.offset) {
            Some((doc, offset)) => new(&doc.path).at_offset(&doc.text, offset),
            None => new(&typesetter.template_path()).with_hint(
                "the generated document calls the theme's PDF functions with arguments they do not take: \
                 compare the theme's `pdf/innotrain.typ` with the default theme's",
            ),
        },
        Some(location) => match typesetter.origin(location.id) {
            Some(path) => new(path).at(location.line, location.column),
            None => new(&job.path),
        },
        None => new(&job.path),
    };
    if !hints.is_empty() {
        out = out.with_hint(hints.join("; "));
    }
    diags.push(out.in_category("pdf"));
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// Content assets as typst bytes, by content path.
pub fn media<'a>(assets: impl IntoIterator<Item = (&'a String, &'a Vec<u8>)>) -> Media {
    assets.into_iter().map(|(path, bytes)| (path.clone(), Bytes::new(bytes.clone()))).collect()
}

/// A progress bar on a terminal; silent in CI, in pipes and in tests.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
}

impl Progress {
    fn new(total: usize, label: &str) -> Self {
        let visible = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none() && total > 0;
        let bar = visible.then(|| {
            let bar = indicatif::ProgressBar::new(total as u64);
            let style = indicatif::ProgressStyle::with_template("{prefix} [{bar:30}] {pos}/{len} PDFs ({eta})")
                .map(|style| style.progress_chars("=> "))
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
            bar.set_style(style);
            bar.set_prefix(label.to_string());
            bar
        });
        Self { bar }
    }

    fn tick(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// The default cache folder of a project.
pub fn default_cache_dir(root: &Path) -> PathBuf {
    root.join(".innotrain-cache").join("pdf")
}
