//! innotrain: multilingual, versioned training modules → a static site (and, later, PDFs).
//!
//! The stages, in the order data flows through them (imports only run down this list):
//!
//! 1. [`config`]: `book.toml` → [`config::Config`]
//! 2. [`source`]: where files come from (the working tree today; git refs and snapshots later)
//! 3. [`content`] and [`i18n`]: content files → [`content::Site`]; `.ftl` files → [`i18n::I18n`];
//!    [`versions`] loads them for every version, and [`manifest`] summarises each version (or,
//!    with `--version`, reads the other versions' summaries back from the previous output)
//! 4. [`markdown`] and [`render`]: the site → output files in memory; [`pdf`] typesets the
//!    PDFs the render stage describes
//! 5. [`output`]: staging folder → atomic swap
//!
//! [`translate`] sits between 3 and 4: where each translation stands against its source (for
//! `status`, the status pages and the notices on pages), and the translators' commands.
//!
//! [`merge`] combines parts of a site built by parallel jobs (`build --part`) into one output.
//!
//! [`diag`] carries authors' mistakes through every stage as data; [`key`] names pages by
//! (version, language, id); [`words`] turns a written word into its stem, for the search index
//! and the terminology check; [`cache`] keeps finished PDFs and zips between builds.

pub mod builtin;
pub mod cache;
pub mod check;
pub mod config;
pub mod content;
pub mod diag;
pub mod history;
pub mod i18n;
pub mod init;
pub mod key;
pub mod licence;
pub mod manifest;
pub mod markdown;
pub mod merge;
pub mod output;
pub mod package;
pub mod pdf;
pub mod render;
pub mod serve;
pub mod slug;
pub mod source;
pub mod translate;
pub mod urls;
pub mod versions;
pub mod words;

use std::path::{Path, PathBuf};

use config::LinkStyle;
use diag::{Diagnostic, Diagnostics};

/// What `innotrain build` was asked to do.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The project folder (with book.toml).
    pub root: PathBuf,
    /// The output folder; `<root>/public` when not given.
    pub out: Option<PathBuf>,
    /// Overrides `site.base-url` (hosts set it in CI).
    pub base_url: Option<String>,
    /// Overrides `site.base-path`.
    pub base_path: Option<String>,
    /// Overrides `output.links`.
    pub links: Option<LinkStyle>,
    /// Build only this version and take the others from the previous output (its versions.json
    /// and folders), without loading them.
    pub version: Option<String>,
    /// `--lang`: build only these languages (codes) and keep the others from the previous
    /// output; empty: every language.
    pub langs: Vec<String>,
    /// `--part`: build one part of the site (the `--version` and `--lang` chosen) into an output
    /// of its own, from nothing, for [`merge`] to combine with the other parts: the versions not
    /// built are loaded (not rendered), so that every part knows the whole site.
    pub part: bool,
    /// Leave out (with a warning) versions whose git ref or snapshot is missing.
    pub skip_missing_versions: bool,
    /// `--no-pdf`: pages only (a quick preview build).
    pub no_pdf: bool,
    /// Where typeset PDFs are cached; `<root>/.innotrain-cache/pdf` when not given.
    pub cache_dir: Option<PathBuf>,
    /// `--emit-typst`: also write each PDF's generated typst source (`x.pdf.typ`).
    pub emit_typst: bool,
    /// Build no search index (overrides `output.search`).
    pub no_search: bool,
    /// `--no-packages`: no SCORM packages (overrides `packages.enabled`).
    pub no_packages: bool,
    /// `--strict`: every warning is an error (for CI).
    pub strict: bool,
}

impl BuildOptions {
    /// The output folder.
    pub fn out_dir(&self) -> PathBuf {
        self.out.clone().unwrap_or_else(|| self.root.join("public"))
    }

    /// Every option at its default: book.toml decides.
    pub fn new(root: PathBuf) -> Self {
        Self {
            root,
            out: None,
            base_url: None,
            base_path: None,
            links: None,
            version: None,
            langs: Vec::new(),
            part: false,
            skip_missing_versions: false,
            no_pdf: false,
            cache_dir: None,
            emit_typst: false,
            no_search: false,
            no_packages: false,
            strict: false,
        }
    }
}

/// What a build did.
#[derive(Debug)]
pub struct BuildReport {
    /// Every diagnostic, errors first; the build failed if any is an error.
    pub diagnostics: Vec<Diagnostic>,
    pub out: PathBuf,
    /// Number of HTML pages written (pages × languages).
    pub pages: usize,
    pub languages: usize,
    /// Number of files written; 0 when the build failed.
    pub files: usize,
    /// PDFs typeset by this build, and PDFs taken unchanged from the cache.
    pub pdfs: pdf::PdfStats,
    /// Packages, e-books and offline copies zipped by this build, and taken unchanged.
    pub packages: package::PackageStats,
    /// Versions built with packages whose outputs get no e-books, since they have no `date`.
    pub undated_books: Vec<String>,
}

impl BuildReport {
    pub fn succeeded(&self) -> bool {
        !self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Builds the site. Content problems are returned as diagnostics (and nothing is written);
/// operational failures (I/O, a refused output folder) are errors.
pub fn build(options: &BuildOptions) -> anyhow::Result<BuildReport> {
    let diags = Diagnostics::new();
    let root = options.root.as_path();
    let out = options.out_dir();
    output::check_output_dir(&out, root)?;
    // Pages are written to the staging folder as they are rendered; it only replaces the
    // output when the whole build is free of errors (dropping it removes it).
    let staging = output::Staging::create(&out)?;
    let Some(loaded) = load_all(options, &diags)? else {
        return Ok(failed(diags, out));
    };
    let pdf_build = pdf_build(&loaded, options)?;
    // Zips are kept beside the PDFs, in the folder hosts keep between CI runs.
    let package_cache = package::PackageCache::new(cache_dir(options));
    let downloads = render::Downloads {
        pdf: pdf_build.as_ref().map_or(render::PdfMode::Off, render::PdfMode::Compile),
        packages: render::PackageMode::Make(&package_cache),
    };
    let (pages, languages, _) = render_all(&loaded, &staging, &diags, downloads)?;
    if diags.has_errors() {
        return Ok(failed(diags, out));
    }
    let files = staging.file_count();
    let out = staging.commit()?;
    let pdfs = pdf_build.as_ref().map(pdf::PdfBuild::stats).unwrap_or_default();
    // A build of some versions or languages uses some of the cached files only.
    if options.version.is_none() && options.langs.is_empty() {
        if let Some(build) = &pdf_build {
            build.prune_cache();
        }
        package_cache.prune();
    }
    let packages = package_cache.stats();
    let undated_books = undated_books(&loaded);
    Ok(BuildReport { diagnostics: diags.into_sorted(), out, pages, languages, files, pdfs, packages, undated_books })
}

fn failed(diags: Diagnostics, out: PathBuf) -> BuildReport {
    let (pdfs, packages, undated_books) = Default::default();
    BuildReport {
        diagnostics: diags.into_sorted(),
        out,
        pages: 0,
        languages: 0,
        files: 0,
        pdfs,
        packages,
        undated_books,
    }
}

/// The rendered versions with packages whose outputs get no e-books: they have no `date`
/// (EPUB requires one, and the build never reads the clock).
fn undated_books(loaded: &Loaded) -> Vec<String> {
    let rendered = loaded.versions.iter().filter(|version| loaded.slice.renders(&version.site.version));
    rendered
        .filter(|version| version.config.packages)
        .filter(|version| {
            let site = &version.site;
            let outputs: Vec<usize> =
                (0..site.pages.len()).filter(|&index| site.pages[index].kind == content::PageKind::Output).collect();
            !outputs.is_empty() && !outputs.iter().any(|&index| render::epubs::is_book(site, &version.spec, index))
        })
        .map(|version| version.site.version.to_string())
        .collect()
}

/// The cache folder: `--cache-dir`, or `<root>/.innotrain-cache/pdf`.
fn cache_dir(options: &BuildOptions) -> PathBuf {
    options.cache_dir.clone().unwrap_or_else(|| pdf::default_cache_dir(&options.root))
}

/// The typesetter and cache for a build that makes PDFs; `None` with `--no-pdf` or
/// `[pdf] enabled = false`.
pub fn pdf_build(loaded: &Loaded, options: &BuildOptions) -> anyhow::Result<Option<pdf::PdfBuild>> {
    if options.no_pdf || !loaded.config.pdf.enabled {
        return Ok(None);
    }
    let typesetter = pdf::Typesetter::load(&loaded.theme_files)?;
    let mut build = pdf::PdfBuild::new(typesetter, pdf::cache(Some(cache_dir(options))));
    build.emit_typst = options.emit_typst;
    Ok(Some(build))
}

/// A build held in memory (for the preview server).
pub struct MemoryBuild {
    pub files: std::collections::BTreeMap<String, Vec<u8>>,
    pub diagnostics: Vec<Diagnostic>,
}

impl MemoryBuild {
    pub fn succeeded(&self) -> bool {
        !self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Builds the whole site into memory (every version: `options.version` is ignored); nothing is
/// written. PDFs are linked, not typeset.
pub fn build_in_memory(options: &BuildOptions) -> anyhow::Result<MemoryBuild> {
    let diags = Diagnostics::new();
    let memory = output::MemoryOutput::default();
    let options = BuildOptions { version: None, langs: Vec::new(), part: false, ..options.clone() };
    if let Some(loaded) = load_all(&options, &diags)? {
        let pdf =
            if options.no_pdf || !loaded.config.pdf.enabled { render::PdfMode::Off } else { render::PdfMode::Deferred };
        render_all(&loaded, &memory, &diags, render::Downloads { pdf, packages: render::PackageMode::OnRequest })?;
    }
    Ok(MemoryBuild { files: memory.into_files(), diagnostics: diags.into_sorted() })
}

/// A project loaded for rendering: its configuration, the versions to render and the theme;
/// with `--version`, also what the previous output holds of the other versions.
pub struct Loaded {
    pub config: config::Config,
    /// Every version, or with `--version` that one (with `--part`, every version: see `slice`).
    pub versions: Vec<versions::LoadedVersion>,
    pub theme: render::Theme,
    /// The files of the theme (built in, with the project's laid over them), for the PDFs.
    pub theme_files: builtin::ThemeFiles,
    /// With `--version`: the previous output, whose other versions are kept.
    pub previous: Option<manifest::Previous>,
    /// What of the loaded versions this build renders.
    pub slice: Slice,
}

/// What of the loaded versions a build renders: everything, unless `--part` or `--lang` says.
#[derive(Default)]
pub struct Slice {
    /// With `--part --version`: the one version rendered; the others are loaded only to be
    /// summarised (versions.json, version switchers) and to lead to the latest version.
    pub version: Option<key::Version>,
    /// With `--lang`: the languages rendered (the other languages' files are kept from the
    /// previous output, or, for a part, made by the other parts).
    pub langs: Option<std::collections::BTreeSet<key::Lang>>,
    /// With `--lang` into a previous output: its summaries of the versions, to warn when the
    /// pages of the languages kept now show something else than a full build would.
    pub before: Vec<manifest::VersionSummary>,
    /// `--part`: nothing is taken from a previous output.
    pub part: bool,
}

impl Slice {
    fn renders(&self, version: &key::Version) -> bool {
        self.version.as_ref().is_none_or(|only| only == version)
    }

    /// The loaded version's languages this build renders, and those it keeps.
    fn languages(&self, version: &versions::LoadedVersion) -> (Vec<key::Lang>, Vec<key::Lang>) {
        version.config.langs().cloned().partition(|lang| self.langs.as_ref().is_none_or(|langs| langs.contains(lang)))
    }
}

/// Loads the configuration, the versions to build and the theme; `None` when nothing can be
/// rendered. With `--version`, only that version is loaded: the others are taken from the
/// previous output, which is checked first (so that a build that cannot work fails early).
pub fn load_all(options: &BuildOptions, diags: &Diagnostics) -> anyhow::Result<Option<Loaded>> {
    let root = options.root.as_path();
    let Some(mut config) = config::load_config(root, diags)? else {
        return Ok(None);
    };
    apply_overrides(&mut config, options, diags);
    // book.toml's `[check]` sets the severity of every problem found from here on (and of those
    // found while reading book.toml).
    diags.set_policy(diag::Policy::new(&config.check, options.strict));
    config::statement_warnings(&config.accessibility, diags);
    let only = match &options.version {
        Some(label) => match config.versions.iter().find(|v| v.version.as_str() == label) {
            Some(spec) => Some(spec.version.clone()),
            None => {
                let labels: Vec<&str> = config.versions.iter().map(|v| v.version.as_str()).collect();
                anyhow::bail!("there is no version `{label}`\n  hint: book.toml defines {}", labels.join(", "));
            }
        },
        None => None,
    };
    let langs = chosen_languages(&config, &options.langs)?;
    let previous = match &only {
        Some(only) if !options.part => {
            Some(manifest::previous_versions(&options.out_dir(), &config, only, options.skip_missing_versions, diags)?)
        }
        _ => None,
    };
    // A part loads every version: it renders one, but describes them all.
    let load_only = if options.part { None } else { only.as_ref() };
    let versions = versions::load_versions(root, &config, load_only, options.skip_missing_versions, diags)?;
    if versions.is_empty() {
        return Ok(None);
    }
    let before = match &langs {
        Some(langs) if !options.part => {
            let now: Vec<_> = versions.iter().map(|v| render::summarise(v, false)).collect();
            manifest::previous_languages(&options.out_dir(), &config, &now, langs)?
        }
        _ => Vec::new(),
    };
    let theme_files = builtin::ThemeFiles::load(root, &config.theme)?;
    let theme = render::load_theme(&theme_files)?;
    let slice = Slice { version: only.filter(|_| options.part), langs, before, part: options.part };
    Ok(Some(Loaded { config, versions, theme, theme_files, previous, slice }))
}

/// The languages `--lang` names (all of them book.toml's), or `None` for every language.
fn chosen_languages(
    config: &config::Config,
    codes: &[String],
) -> anyhow::Result<Option<std::collections::BTreeSet<key::Lang>>> {
    if codes.is_empty() {
        return Ok(None);
    }
    let langs = codes
        .iter()
        .map(|code| {
            config.lang(code).cloned().ok_or_else(|| {
                let known = diag::backticked(config.langs().map(key::Lang::as_str));
                anyhow::anyhow!("--lang: `{code}` is not a language of book.toml\n  hint: its languages are {known}")
            })
        })
        .collect::<anyhow::Result<_>>()?;
    Ok(Some(langs))
}

/// Every version in book.toml order: the loaded ones summarised (listing their PDFs when the
/// build makes them), the others as the previous output has them.
pub fn version_index(loaded: &Loaded, with_pdfs: bool) -> manifest::VersionIndex {
    let kept = loaded.previous.as_ref().map_or(&[][..], |previous| &previous.others);
    let summaries = loaded
        .config
        .versions
        .iter()
        .filter_map(|spec| match loaded.versions.iter().find(|v| v.spec.version == spec.version) {
            Some(version) => Some(render::summarise(version, with_pdfs)),
            None => kept.iter().find(|k| k.label == spec.version).cloned(),
        })
        .collect();
    manifest::VersionIndex::new(summaries)
}

/// Parsed documents of a version, by (page index, language of the text).
pub type PreparedTexts = std::collections::BTreeMap<(usize, key::Lang), markdown::Prepared>;

/// Renders the loaded versions and the shared files into `target`; with `--version`, the
/// previous output's other versions and the files that lead to a kept latest version (root
/// index, 404, `latest/`) are copied into `target` as they are. Returns (pages, languages) and
/// the last rendered version's parsed documents.
pub fn render_all(
    loaded: &Loaded,
    target: &dyn output::Target,
    diags: &Diagnostics,
    downloads: render::Downloads<'_>,
) -> anyhow::Result<(usize, usize, PreparedTexts)> {
    let Loaded { config, versions, theme, previous, slice, .. } = loaded;
    let index = version_index(loaded, !matches!(downloads.pdf, render::PdfMode::Off));
    let latest_label = &index.versions()[index.latest()].label;
    let latest = versions.iter().find(|v| &v.site.version == latest_label);
    let copy_latest = latest.is_some() && config.latest_style == config::LatestStyle::Copy;
    let sink = OutputSink { target, latest: copy_latest.then(|| format!("{latest_label}/")) };
    let mut pages = 0;
    let mut prepared = Default::default();
    for summary in index.versions() {
        let Some(version) = versions.iter().find(|v| v.site.version == summary.label) else {
            target.keep_from_previous(summary.label.as_str())?;
            continue;
        };
        if !slice.renders(&summary.label) {
            continue;
        }
        let version_diags = diags.child();
        // The previous version's documents are not needed while this one renders.
        drop(std::mem::take(&mut prepared));
        let (rendered, kept) = slice.languages(version);
        prepared = if slice.langs.is_none() {
            render::render_version(version, &index, theme, &version_diags, &sink, downloads)?
        } else {
            let mut folders = vec![summary.label.to_string()];
            if copy_latest && &summary.label == latest_label {
                folders.push("latest".to_string());
            }
            let kept_search = match slice.part {
                true => None,
                false => keep_languages(target, &folders, &kept, config.search)?,
            };
            let languages = render::Languages { rendered: rendered.iter().cloned().collect(), kept_search };
            render::render_version_languages(version, &index, theme, &version_diags, &sink, downloads, &languages)?
        };
        translate::check_translations(&version.site, &version.config, &version.glossaries, &version_diags);
        versions::extend_prefixed(diags, version_diags, &versions::location_prefix(&version.spec));
        pages += version.site.pages.len() * rendered.len();
        if let Some(previous) = previous {
            warn_gone_addresses(previous, summary, diags);
        }
        if !kept.is_empty() && !slice.part {
            warn_kept_languages(&slice.before, summary, &kept, diags);
        }
    }
    render::render_shared(&index, config, theme, &sink)?;
    match latest {
        Some(latest) => render::render_latest_files(latest, &index, theme, &sink)?,
        // They lead to the latest version, which this build keeps as it is.
        None => ["index.html", "404.html", "latest"].iter().try_for_each(|path| target.keep_from_previous(path))?,
    }
    let languages = slice.langs.as_ref().map_or(config.languages.len(), std::collections::BTreeSet::len);
    Ok((pages, languages, prepared))
}

/// Hands the rendered files to the output; with `latest_style = "copy"`, those of the latest
/// version (below `latest`, its folder) also to `latest/`.
pub struct OutputSink<'a> {
    pub target: &'a dyn output::Target,
    pub latest: Option<String>,
}

impl OutputSink<'_> {
    /// Where a copy of the file `path` goes, if anywhere.
    fn latest_copy(&self, path: &str) -> Option<String> {
        let rest = path.strip_prefix(self.latest.as_deref()?)?;
        Some(format!("latest/{rest}"))
    }
}

impl render::Sink for OutputSink<'_> {
    fn write(&self, file: output::OutputFile) -> anyhow::Result<()> {
        if let Some(path) = self.latest_copy(&file.path) {
            self.target.write(&output::OutputFile { path, bytes: file.bytes.clone() })?;
        }
        self.target.write(&file)
    }

    fn copy(&self, path: &str, from: &Path) -> anyhow::Result<()> {
        if let Some(copy) = self.latest_copy(path) {
            self.target.copy_file(&copy, from)?;
        }
        self.target.copy_file(path, from)
    }
}

/// Keeps the languages `kept` of a version from the previous output, in each of `folders` (the
/// version's, and `latest/` when it holds copies): their folders, and with search their indexes
/// (their files are named after their language). Returns the previous search entry file, from
/// which the kept languages' entries are taken.
fn keep_languages(
    target: &dyn output::Target,
    folders: &[String],
    kept: &[key::Lang],
    search: bool,
) -> anyhow::Result<Option<Vec<u8>>> {
    let mut entry = None;
    for folder in folders {
        for lang in kept {
            target.keep_from_previous(&format!("{folder}/{lang}"))?;
        }
        if !search || kept.is_empty() {
            continue;
        }
        let bundle = format!("{folder}/{}", render::search::BUNDLE_DIR);
        let previous = target.previous_file(&format!("{bundle}{}", render::search::ENTRY))?.ok_or_else(|| {
            anyhow::anyhow!(
                "the previous output has no search index in `{bundle}`, so the languages not built have none\n  hint: build all languages once with search"
            )
        })?;
        let keep =
            |name: &str| render::search::file_language(name).is_none_or(|lang| kept.iter().any(|k| k.as_str() == lang));
        target.keep_from_previous_where(&bundle, &keep)?;
        entry = Some(previous);
    }
    Ok(entry)
}

/// Warns when the pages of the languages a build keeps show a version (its pages, their titles
/// in those languages, which languages they are translated into, its date and status) other
/// than as it is now: a full build would change them.
fn warn_kept_languages(
    before: &[manifest::VersionSummary],
    now: &manifest::VersionSummary,
    kept: &[key::Lang],
    diags: &Diagnostics,
) {
    let seen = |v: &manifest::VersionSummary| {
        let pages: Vec<_> = v
            .pages
            .iter()
            .map(|page| {
                let texts: Vec<_> = v
                    .languages
                    .iter()
                    .zip(&page.texts)
                    .map(|(lang, text)| (text.translated, kept.contains(lang).then(|| text.title.clone())))
                    .collect();
                (page.id.clone(), page.path.clone(), texts)
            })
            .collect();
        (v.date.clone(), v.status.clone(), pages)
    };
    let Some(previous) = before.iter().find(|v| v.label == now.label) else { return };
    if seen(previous) != seen(now) {
        diags.push(
            Diagnostic::warning(
                "--lang",
                format!(
                    "version `{}` changed (pages, titles or translations), but this build keeps its pages in {} as they were",
                    now.label,
                    diag::backticked(kept.iter().map(key::Lang::as_str))
                ),
            )
            .in_category("versions")
            .with_hint("build all languages (without `--lang`) to update them"),
        );
    }
}

/// Warns when a build of one version removed or moved pages: the kept versions' pages still
/// link to their old addresses.
fn warn_gone_addresses(previous: &manifest::Previous, now: &manifest::VersionSummary, diags: &Diagnostics) {
    let gone = previous.gone_addresses(now);
    if let Some(first) = gone.first() {
        let more = match gone.len() {
            1 => "is".to_string(),
            n => format!("and {} more addresses are", n - 1),
        };
        diags.push(
            Diagnostic::warning(
                "--version",
                format!(
                    "`{first}` {more} gone from version `{}`, but the other versions' pages may still link there",
                    now.label
                ),
            )
            .in_category("versions")
            .with_hint("build all versions once (without `--version`) to update their links"),
        );
    }
}

fn apply_overrides(config: &mut config::Config, options: &BuildOptions, diags: &Diagnostics) {
    if let Some(url) = &options.base_url {
        config.base_url = url.trim_end_matches('/').to_string();
    }
    if let Some(path) = &options.base_path {
        match config::normalise_base_path(path) {
            Some(path) => config.base_path = path,
            None => diags.push(
                Diagnostic::error("--base-path", format!("invalid base path `{path}`"))
                    .with_hint("use `/` or a path such as `/innotrain/`"),
            ),
        }
    }
    if let Some(links) = options.links {
        config.link_style = links;
    }
    if options.no_search {
        config.search = false;
    }
    if options.no_packages {
        config.packages = false;
    }
}

/// A project's configuration, content and strings, loaded for a command other than `build`.
pub struct Project {
    pub config: config::Config,
    pub site: content::Site,
    pub i18n: i18n::I18n,
    /// The agreed terms of each translation language (`locales/<lang>/terms.toml`).
    pub glossaries: std::collections::BTreeMap<key::Lang, content::terms::Glossary>,
    /// Warnings found while loading (the project has no errors).
    pub warnings: Vec<Diagnostic>,
}

impl Project {
    /// A page named on the command line: an id (`io3-quality-monitoring/indicators`) or the
    /// path of its source file (`content/io3-quality-monitoring/02-indicators.md`).
    pub fn page(&self, arg: &str) -> anyhow::Result<&content::Page> {
        let site = &self.site;
        let by_path = arg.strip_prefix("content/").unwrap_or(arg);
        if let Some(&index) = site.by_id.get(&key::PageId::new(arg)).or_else(|| site.by_source_path.get(by_path)) {
            return Ok(&site.pages[index]);
        }
        let hint = diag::did_you_mean(arg, site.by_id.keys().map(key::PageId::as_str)).map_or_else(
            || "pass a page id such as `io3-quality-monitoring/indicators`, or the path of its source file".to_string(),
            |id| format!("did you mean `{id}`?"),
        );
        anyhow::bail!("no page `{arg}`\n  hint: {hint}")
    }

    /// A language named on the command line (one book.toml lists).
    pub fn lang(&self, code: &str) -> anyhow::Result<key::Lang> {
        self.config.lang(code).cloned().ok_or_else(|| {
            let known = diag::backticked(self.config.langs().map(key::Lang::as_str));
            anyhow::anyhow!("unknown language `{code}`\n  hint: book.toml lists {known}")
        })
    }

    /// An output named on the command line by its folder name.
    pub fn output(&self, slug: &str) -> anyhow::Result<&content::Output> {
        self.site.outputs.iter().find(|o| o.slug == slug).ok_or_else(|| {
            let slugs = diag::backticked(self.site.outputs.iter().map(|o| o.slug.as_str()));
            anyhow::anyhow!("no output `{slug}`\n  hint: the outputs are {slugs}")
        })
    }

    /// A translation language named on the command line (configured, not the default).
    pub fn translation_lang(&self, code: &str) -> anyhow::Result<key::Lang> {
        let lang = self.lang(code)?;
        if lang == self.config.default_lang {
            anyhow::bail!("`{lang}` is the default language: its pages are sources, not translations");
        }
        Ok(lang)
    }
}

/// Loads the working tree's project; content errors come back as diagnostics.
pub fn load_project(root: &Path) -> anyhow::Result<Result<Project, Diagnostics>> {
    let diags = Diagnostics::new();
    let Some(config) = config::load_config(root, &diags)? else { return Ok(Err(diags)) };
    diags.set_policy(diag::Policy::new(&config.check, false));
    let source = source::WorkingTree::new(root);
    let i18n = i18n::load_i18n(&config, &source, &diags)?;
    let Some(site) = content::load_site(&config, &source, &diags)? else { return Ok(Err(diags)) };
    let glossaries = content::terms::load_glossaries(&source, &config, &diags)?;
    if diags.has_errors() {
        return Ok(Err(diags));
    }
    Ok(Ok(Project { config, site, i18n, glossaries, warnings: diags.into_sorted() }))
}

/// The project folder: `--root`, else the nearest folder upwards with a book.toml.
pub fn find_root(start: &Path) -> Option<PathBuf> {
    start.ancestors().find(|dir| dir.join(config::CONFIG_FILE).is_file()).map(Path::to_path_buf)
}
