//! The `innotrain` command line: parses arguments, calls the library, prints diagnostics.
//!
//! Exit codes: 0 success, 1 content errors (diagnostics printed), 2 operational failure.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Args, Parser, Subcommand, ValueEnum};
use innotrain::config::LinkStyle;
use innotrain::content::front_matter::Review;
use innotrain::diag::{Diagnostic, Severity};
use innotrain::translate::authoring;
use innotrain::{BuildOptions, build, find_root};

#[derive(Parser)]
#[command(name = "innotrain", version, about = "Build the multilingual InnoTrain training site")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build every language of the site into the output folder (default: `public/`).
    Build(BuildArgs),
    /// Preview the site on http://127.0.0.1:PORT/, rebuilding and reloading on every change.
    Serve {
        /// Project folder containing book.toml (default: the nearest one upwards).
        #[arg(long)]
        root: Option<PathBuf>,
        /// Port to listen on (0 picks a free one).
        #[arg(long, default_value_t = 8000)]
        port: u16,
        /// Address to listen on. Anything but a loopback address makes the preview reachable
        /// from other machines.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the preview in a browser: the command in $BROWSER, else the system's default
        /// (xdg-open, open on macOS).
        #[arg(long)]
        open: bool,
    },
    /// Check everything a build checks, every link of the built pages and the UI strings,
    /// without writing anything.
    Check {
        /// Project folder containing book.toml (default: the nearest one upwards).
        #[arg(long)]
        root: Option<PathBuf>,
        /// Also fetch links to other sites (concurrently; results are cached for a day).
        #[arg(long)]
        external: bool,
        /// Make every warning an error, whatever book.toml's `[check]` says (for CI).
        #[arg(long)]
        strict: bool,
        /// `table` (text grouped by category, the default) or `json`.
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// Combine the parts that `build --part` jobs made (e.g. a CI matrix of versions × languages)
    /// into one site, as a full build writes it, without rendering anything again.
    Merge {
        /// The parts' output folders (in any order).
        #[arg(required = true)]
        parts: Vec<PathBuf>,
        /// Output folder for the whole site.
        #[arg(long)]
        out: PathBuf,
    },
    /// Translation status: which pages are up to date, unreviewed, outdated, in progress or missing
    /// in each language.
    Status {
        /// Project folder containing book.toml (default: the nearest one upwards).
        #[arg(long)]
        root: Option<PathBuf>,
        /// `table` (default), `json` (stable schema, for CI) or `md` (Markdown).
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
        /// Only this language (and the default language).
        #[arg(long)]
        lang: Option<String>,
        /// Only the pages of this output (its folder name, e.g. `io3-quality-monitoring`).
        #[arg(long)]
        output: Option<String>,
        /// Exit with code 1 when a page is in one of these states: unreviewed, outdated, in-progress,
        /// missing, orphaned.
        #[arg(long, value_delimiter = ',')]
        fail_on: Vec<String>,
        /// Show how the source of PAGE changed since its `--lang` translation was made.
        #[arg(long, value_name = "PAGE", requires = "lang")]
        diff: Option<String>,
        /// Report UI strings (Fluent messages) instead: missing, extra, different variables.
        #[arg(long, conflicts_with = "diff")]
        strings: bool,
        /// List the agreed terms instead (`locales/<lang>/terms.toml`), of every language or of
        /// `--lang`.
        #[arg(long, conflicts_with_all = ["diff", "strings"])]
        terms: bool,
    },
    /// Work on translations.
    #[command(subcommand)]
    Translation(TranslationCommand),
    /// Create a file to start from (never overwrites one).
    #[command(subcommand)]
    New(NewCommand),
    /// Start a new project in DIR (default: this folder): book.toml, a home page, one output
    /// with one module. The theme and the strings are built in. Never overwrites a file.
    Init {
        /// The project folder (created when missing).
        dir: Option<PathBuf>,
        /// The site's title (default: from the folder's name).
        #[arg(long)]
        title: Option<String>,
        /// Language codes, the default language first (strings ship for en, de, it, es, el).
        #[arg(long, value_delimiter = ',', default_value = "en")]
        languages: Vec<String>,
        /// `2021-2027` (the current Erasmus+ programme) or `2014-2020`: chooses the EU funding
        /// statement and disclaimer.
        #[arg(long, default_value = "2021-2027")]
        funding_period: String,
    },
    /// The theme: take a copy of the built-in one to change.
    #[command(subcommand)]
    Theme(ThemeCommand),
}

#[derive(Subcommand)]
enum ThemeCommand {
    /// Copy the built-in default theme into `themes/default/` (and, with `--strings LANG`, a
    /// language's built-in strings into `locales/LANG/`) for editing. Files you keep there replace
    /// the built-in ones; delete the ones you do not change. Never overwrites a file.
    Eject {
        /// Project folder containing book.toml (default: the nearest one upwards).
        #[arg(long)]
        root: Option<PathBuf>,
        /// Copy these languages' built-in strings (`ui.ftl`, `legal.ftl`, `accessibility.ftl`)
        /// instead of the theme.
        #[arg(long, value_delimiter = ',', value_name = "LANG")]
        strings: Vec<String>,
    },
}

#[derive(Subcommand)]
enum NewCommand {
    /// A translation of PAGE into LANG, beside its source, as a draft to translate.
    Translation {
        /// Page id (`io3-quality-monitoring/indicators`) or source file.
        page: String,
        /// Language code (`el`).
        lang: String,
        #[arg(long)]
        root: Option<PathBuf>,
    },
    /// The next module of OUTPUT with the full front matter template, as a draft.
    Module {
        /// The output's folder name (`io2-wbl-design`).
        output: String,
        /// The module's name in its address (`final-evaluation`).
        slug: String,
        #[arg(long)]
        root: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Table,
    Json,
    Md,
}

#[derive(Subcommand)]
enum TranslationCommand {
    /// Record that a translation has caught up with its source (sets its `source_hash`).
    Done {
        /// Page id (`io3-quality-monitoring/indicators`) or source file (`content/…/02-indicators.md`).
        page: String,
        /// Language code of the translation (`el`).
        lang: String,
        /// Project folder containing book.toml (default: the nearest one upwards).
        #[arg(long)]
        root: Option<PathBuf>,
    },
    /// Record that a project partner has reviewed a translation (sets its `review`).
    Reviewed {
        /// Page id (`io3-quality-monitoring/indicators`) or source file (`content/…/02-indicators.md`).
        page: String,
        /// Language code of the translation (`el`).
        lang: String,
        /// Who reviewed it (a name, as it should appear on the page and in the PDF).
        #[arg(long)]
        by: String,
        /// When, as YYYY-MM-DD (default: today).
        #[arg(long)]
        date: Option<String>,
        /// Project folder containing book.toml (default: the nearest one upwards).
        #[arg(long)]
        root: Option<PathBuf>,
    },
}

/// The options of `innotrain build`.
#[derive(Args)]
struct BuildArgs {
    /// Project folder containing book.toml (default: the nearest one upwards).
    #[arg(long)]
    root: Option<PathBuf>,
    /// Output folder (default: `<root>/public`).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Absolute URL the site is deployed at, e.g. `https://example.org` (overrides book.toml).
    #[arg(long)]
    base_url: Option<String>,
    /// Path prefix the site is served under, e.g. `/innotrain/` (overrides book.toml).
    #[arg(long)]
    base_path: Option<String>,
    /// `directory` links (`../page/`) or `index-html` (`../page/index.html`, for opening the
    /// site from the file system).
    #[arg(long, value_enum)]
    links: Option<Links>,
    /// Build only this version (its label) into the output of a previous full build, whose other
    /// versions are kept as they are (they are not read from git or snapshots).
    #[arg(long)]
    version: Option<String>,
    /// Build only these languages (`de,el`) into the output of a previous build, whose other
    /// languages are kept as they are; with `--version`, of that version only.
    #[arg(long, value_delimiter = ',', value_name = "CODE,…")]
    lang: Vec<String>,
    /// Build one part of the site (what `--version` and `--lang` choose) into an output folder
    /// of its own, for `innotrain merge` to combine with the other parts.
    #[arg(long)]
    part: bool,
    /// Leave out versions whose git ref or snapshot is missing (with a warning) instead of failing.
    #[arg(long)]
    skip_missing_versions: bool,
    /// Pages only, no PDFs (a quick preview build).
    #[arg(long)]
    no_pdf: bool,
    /// Folder for the PDF cache (default: `<root>/.innotrain-cache/pdf`); keep it between CI
    /// runs to skip unchanged PDFs.
    #[arg(long)]
    cache_dir: Option<PathBuf>,
    /// Also write each PDF's generated typst source next to it (`x.pdf.typ`), for theme authors.
    #[arg(long)]
    emit_typst: bool,
    /// Build no search index (the search box then leads to the catalogue page).
    #[arg(long)]
    no_search: bool,
    /// Build no SCORM packages, e-books (EPUB) or offline copies.
    #[arg(long)]
    no_packages: bool,
    /// Make every warning an error, whatever book.toml's `[check]` says (for CI).
    #[arg(long)]
    strict: bool,
}

impl BuildArgs {
    fn into_options(self, root: PathBuf) -> BuildOptions {
        BuildOptions {
            root,
            out: self.out,
            base_url: self.base_url,
            base_path: self.base_path,
            links: self.links.map(|links| match links {
                Links::Directory => LinkStyle::Directory,
                Links::IndexHtml => LinkStyle::IndexHtml,
            }),
            version: self.version,
            langs: self.lang,
            part: self.part,
            skip_missing_versions: self.skip_missing_versions,
            no_pdf: self.no_pdf,
            cache_dir: self.cache_dir,
            emit_typst: self.emit_typst,
            no_search: self.no_search,
            no_packages: self.no_packages,
            strict: self.strict,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Links {
    Directory,
    IndexHtml,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build(mut args) => project_root(args.root.take()).and_then(|root| run_build(args.into_options(root))),
        Command::Serve { root, port, bind, open } => {
            project_root(root).and_then(|root| run_serve(root, port, bind, open))
        }
        Command::Check { root, external, strict, format } => {
            project_root(root).and_then(|root| run_check(root, external, strict, format))
        }
        Command::Merge { parts, out } => run_merge(&parts, &out),
        Command::Status { root, format, lang, output, fail_on, diff, strings, terms } => project_root(root).and_then(|root| {
            let request = StatusRequest { format, lang, output, fail_on, diff, strings, terms };
            run_status(&root, request)
        }),
        Command::New(NewCommand::Translation { page, lang, root }) => project_root(root).and_then(|root| {
            run_created(
                authoring::new_translation(&root, &page, &lang),
                "translate it, then run `innotrain translation done`: that records what you translated and publishes it",
            )
        }),
        Command::New(NewCommand::Module { output, slug, root }) => project_root(root).and_then(|root| {
            run_created(authoring::new_module(&root, &output, &slug), "fill it in, then remove `draft: true`")
        }),
        Command::Translation(TranslationCommand::Done { page, lang, root }) => {
            project_root(root).and_then(|root| run_translation_done(root, &page, &lang))
        }
        Command::Translation(TranslationCommand::Reviewed { page, lang, by, date, root }) => {
            let review = Review { by, date: date.unwrap_or_else(authoring::today) };
            project_root(root).and_then(|root| run_translation_reviewed(root, &page, &lang, review))
        }
        Command::Init { dir, title, languages, funding_period } => {
            let dir = dir.unwrap_or_else(|| PathBuf::from("."));
            run_init(innotrain::init::InitOptions { dir, title, languages, funding_period })
        }
        Command::Theme(ThemeCommand::Eject { root, strings }) => {
            project_root(root).and_then(|root| run_eject(&root, &strings))
        }
    };
    result.unwrap_or_else(|code| code)
}

fn run_init(options: innotrain::init::InitOptions) -> Result<ExitCode, ExitCode> {
    let files = innotrain::init::init(&options).map_err(operational)?;
    for file in &files {
        let path = if options.dir == Path::new(".") { PathBuf::from(file) } else { options.dir.join(file) };
        println!("created {}", path.display());
    }
    let cd = if options.dir == Path::new(".") { String::new() } else { format!("cd {} && ", options.dir.display()) };
    println!(
        "next: `{cd}innotrain serve` to preview it, `innotrain build` to build it into public/; \
         the theme and the UI strings are built in (`innotrain theme eject` copies them out to change them)"
    );
    Ok(ExitCode::SUCCESS)
}

fn run_eject(root: &Path, strings: &[String]) -> Result<ExitCode, ExitCode> {
    use innotrain::builtin;
    let copies = if strings.is_empty() {
        builtin::theme_copies(&root.join("themes").join(builtin::DEFAULT_THEME))
    } else {
        let mut copies = Vec::new();
        for lang in strings {
            let files = builtin::locale_copies(lang, &root.join("locales").join(lang));
            if files.is_empty() {
                let shipped = builtin::shipped_languages();
                return Err(operational(anyhow::anyhow!(
                    "no strings ship for `{lang}`\n  hint: strings ship for {}",
                    innotrain::diag::backticked(shipped.iter().copied())
                )));
            }
            copies.extend(files);
        }
        copies
    };
    let written = builtin::write_new_files(&copies).map_err(operational)?;
    for path in &written {
        println!("created {}", path.strip_prefix(root).unwrap_or(path).display());
    }
    println!(
        "these files now replace the built-in ones: edit them, and delete those you do not change so that they follow innotrain's updates"
    );
    Ok(ExitCode::SUCCESS)
}

/// `innotrain merge`: the output folder must not be (or hold) the project around the current
/// folder.
fn run_merge(parts: &[PathBuf], out: &std::path::Path) -> Result<ExitCode, ExitCode> {
    let here = std::env::current_dir().map_err(|e| operational(e.into()))?;
    let root = find_root(&here).unwrap_or(here);
    let report = innotrain::merge::merge_parts(parts, out, &root).map_err(operational)?;
    eprintln!("merged {} parts into `{}`: {} files", report.parts, report.out.display(), report.files);
    Ok(ExitCode::SUCCESS)
}

/// `--root`, or the nearest folder upwards with a book.toml.
fn project_root(root: Option<PathBuf>) -> Result<PathBuf, ExitCode> {
    root.or_else(|| std::env::current_dir().ok().and_then(|d| find_root(&d))).ok_or_else(|| {
        eprintln!("error: no book.toml found in this folder or above\n  hint: run innotrain in the project folder or pass `--root DIR`");
        ExitCode::from(2)
    })
}

fn operational(error: anyhow::Error) -> ExitCode {
    eprintln!("error: {error:#}");
    ExitCode::from(2)
}

/// Prints diagnostics and returns (errors, warnings).
fn report(diagnostics: &[Diagnostic]) -> (usize, usize) {
    // The author's own problems first; then, once, what concerns the whole project (every
    // version reports book.toml's warnings), set apart so that a translator can tell it is not
    // theirs to fix.
    let (project_wide, own): (Vec<&Diagnostic>, Vec<&Diagnostic>) =
        diagnostics.iter().partition(|d| innotrain::config::is_project_wide(d));
    for diagnostic in own {
        eprintln!("{diagnostic}");
    }
    let mut project_wide: Vec<String> = project_wide.iter().map(ToString::to_string).collect();
    project_wide.dedup();
    if !project_wide.is_empty() {
        eprintln!("\nfor whoever maintains the project (book.toml), not about the files you edit:");
        for diagnostic in project_wide {
            eprintln!("{diagnostic}");
        }
    }
    let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    (errors, diagnostics.len() - errors)
}

/// `3 warning(s) (links 2, alt-text 1)`: how many, and of which kinds.
fn warning_summary(diagnostics: &[Diagnostic]) -> String {
    let mut by_category: std::collections::BTreeMap<&str, usize> = Default::default();
    for diagnostic in diagnostics.iter().filter(|d| d.severity == Severity::Warning) {
        *by_category.entry(diagnostic.category).or_default() += 1;
    }
    let total: usize = by_category.values().sum();
    let kinds: Vec<String> = by_category.iter().map(|(category, n)| format!("{category} {n}")).collect();
    format!("{total} warning(s) ({})", kinds.join(", "))
}

/// Set in the environment of the process that does the work of `innotrain build`.
const BUILD_CHILD: &str = "INNOTRAIN_BUILD_CHILD";

/// `innotrain build` does its work in a child process of itself and waits for it. A process
/// that runs out of memory cannot report it: the system kills it (`SIGKILL`), or Rust aborts
/// it when an allocation fails (`SIGABRT`). The parent, which needs almost no memory, then
/// says what happened and removes the child's half-filled staging folder; the output folder
/// is never touched before a build succeeds.
fn run_build(options: BuildOptions) -> Result<ExitCode, ExitCode> {
    if std::env::var_os(BUILD_CHILD).is_some() {
        return run_build_here(options);
    }
    let exe = std::env::current_exe()
        .map_err(|e| operational(anyhow::anyhow!("cannot find innotrain's own program: {e}")))?;
    let mut child = std::process::Command::new(exe)
        .args(std::env::args_os().skip(1))
        .env(BUILD_CHILD, "1")
        .spawn()
        .map_err(|e| operational(anyhow::anyhow!("cannot start the build process: {e}")))?;
    let status = child.wait().map_err(|e| operational(anyhow::anyhow!("lost the build process: {e}")))?;
    if let Some(code) = status.code() {
        return Ok(ExitCode::from(u8::try_from(code).unwrap_or(2)));
    }
    let out = options.out.clone().unwrap_or_else(|| options.root.join("public"));
    innotrain::output::discard_staging_of(&out, child.id());
    eprintln!(
        "error: the build was stopped by {} before it finished, most likely because it ran out of memory; `{}` was left unchanged\n  \
         hint: give the build more memory (README, \"Memory\", says how much a site needs), or build with `--no-pdf`",
        signal_name(&status),
        out.display()
    );
    Ok(ExitCode::from(2))
}

/// `SIGKILL`, `SIGABRT` or another signal that ended a process.
fn signal_name(status: &std::process::ExitStatus) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        match status.signal() {
            Some(9) => return "SIGKILL".to_string(),
            Some(6) => return "SIGABRT".to_string(),
            Some(signal) => return format!("signal {signal}"),
            None => {}
        }
    }
    format!("the system ({status})")
}

fn run_build_here(options: BuildOptions) -> Result<ExitCode, ExitCode> {
    let started = Instant::now();
    // Started here, the threads that render pages report a refusal as an error; started on
    // first use, rayon would panic.
    rayon::ThreadPoolBuilder::new().build_global().map_err(|e| {
        operational(anyhow::anyhow!(
            "cannot start the build's threads: {e}\n  hint: the system is short of memory or threads"
        ))
    })?;
    let report_ = build(&options).map_err(operational)?;
    let (errors, warnings) = report(&report_.diagnostics);
    if !report_.succeeded() {
        eprintln!(
            "build failed: {errors} error(s), {warnings} warning(s); `{}` was left unchanged",
            report_.out.display()
        );
        return Ok(ExitCode::from(1));
    }
    let warnings = if warnings > 0 { format!(", {}", warning_summary(&report_.diagnostics)) } else { String::new() };
    let pdfs = report_.pdfs;
    let pdfs = if pdfs.compiled + pdfs.cached > 0 {
        format!("; PDFs: {} typeset, {} unchanged from the cache", pdfs.compiled, pdfs.cached)
    } else {
        String::new()
    };
    let packages = report_.packages;
    let packages = if packages.made + packages.unchanged > 0 {
        format!("; packages: {} zipped, {} unchanged from the cache", packages.made, packages.unchanged)
    } else {
        String::new()
    };
    println!(
        "built {} pages ({} languages, {} files) into {} in {:.2} s{warnings}{pdfs}{packages}",
        report_.pages,
        report_.languages,
        report_.files,
        report_.out.display(),
        started.elapsed().as_secs_f64(),
    );
    for version in &report_.undated_books {
        println!(
            "note: version {version} has no e-books: EPUB needs a date, and book.toml gives this version none\n  hint: when the version is released, add `date = \"YYYY-MM-DD\"` beside its `version` in book.toml (under `[site]`, or in its `[[versions]]` entry)"
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn run_translation_done(root: PathBuf, page: &str, lang: &str) -> Result<ExitCode, ExitCode> {
    match authoring::mark_translation_done(&root, page, lang).map_err(operational)? {
        Ok(stamped) if stamped.previous.as_deref() == Some(stamped.hash.as_str()) => {
            println!("{}: already up to date (source_hash {})", stamped.path, stamped.hash);
        }
        Ok(stamped) if stamped.published => {
            println!(
                "{}: source_hash set to {}; `draft: true` removed, so the page is published",
                stamped.path, stamped.hash
            )
        }
        Ok(stamped) => println!("{}: source_hash set to {}", stamped.path, stamped.hash),
        Err(diagnostics) => {
            report(&diagnostics.into_sorted());
            eprintln!("the content has errors: fix them first");
            return Ok(ExitCode::from(1));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn run_translation_reviewed(root: PathBuf, page: &str, lang: &str, review: Review) -> Result<ExitCode, ExitCode> {
    match authoring::mark_translation_reviewed(&root, page, lang, review).map_err(operational)? {
        Ok(reviewed) => {
            println!("{}: reviewed by {} on {}", reviewed.path, reviewed.review.by, reviewed.review.date);
            Ok(ExitCode::SUCCESS)
        }
        Err(diagnostics) => {
            report(&diagnostics.into_sorted());
            eprintln!("the content has errors: fix them first");
            Ok(ExitCode::from(1))
        }
    }
}

fn run_created(
    result: anyhow::Result<Result<authoring::Created, innotrain::diag::Diagnostics>>,
    next: &str,
) -> Result<ExitCode, ExitCode> {
    match result.map_err(operational)? {
        Ok(created) => {
            println!("created {} ({next})", created.path);
            Ok(ExitCode::SUCCESS)
        }
        Err(diagnostics) => {
            report(&diagnostics.into_sorted());
            eprintln!("the content has errors: fix them first");
            Ok(ExitCode::from(1))
        }
    }
}

struct StatusRequest {
    format: Format,
    lang: Option<String>,
    output: Option<String>,
    fail_on: Vec<String>,
    diff: Option<String>,
    strings: bool,
    terms: bool,
}

/// Loads the project, printing its diagnostics if it has errors.
fn load(root: &std::path::Path) -> Result<innotrain::Project, ExitCode> {
    match innotrain::load_project(root).map_err(operational)? {
        Ok(project) => {
            report(&project.warnings);
            Ok(project)
        }
        Err(diagnostics) => {
            report(&diagnostics.into_sorted());
            eprintln!("the content has errors: fix them first");
            Err(ExitCode::from(1))
        }
    }
}

fn misuse(message: String) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}

fn run_status(root: &std::path::Path, request: StatusRequest) -> Result<ExitCode, ExitCode> {
    use innotrain::translate::freshness::Freshness;
    let project = load(root)?;
    let config = &project.config;
    if let Some(page) = &request.diff {
        return run_diff(root, &project, page, request.lang.as_deref().unwrap_or_default());
    }
    if request.strings {
        let coverage = project.i18n.coverage(config);
        match request.format {
            Format::Json => println!("{}", serde_json::to_string_pretty(&coverage).expect("serialisable")),
            Format::Table | Format::Md => {
                print!("{}", innotrain::translate::status::strings_text(&coverage, request.format == Format::Md))
            }
        }
        let legal_missing = coverage.values().any(|c| !c.missing_legal.is_empty());
        return Ok(if legal_missing { ExitCode::from(1) } else { ExitCode::SUCCESS });
    }
    let lang =
        request.lang.as_deref().map(|code| project.lang(code)).transpose().map_err(|e| misuse(format!("{e:#}")))?;
    if request.terms {
        let glossaries: std::collections::BTreeMap<_, _> =
            project.glossaries.iter().filter(|(code, _)| lang.as_ref().is_none_or(|l| l == *code)).collect();
        match request.format {
            Format::Json => println!("{}", serde_json::to_string_pretty(&glossaries).expect("serialisable")),
            Format::Table | Format::Md => {
                let glossaries = glossaries.into_iter().map(|(l, g)| (l.clone(), g.clone())).collect();
                print!("{}", innotrain::content::terms::glossary_text(&glossaries, request.format == Format::Md));
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(output) = &request.output {
        project.output(output).map_err(|e| misuse(format!("{e:#}")))?;
    }
    let mut fail_on = Vec::new();
    for name in &request.fail_on {
        match Freshness::ALL.iter().find(|s| s.name() == name.trim() && **s != Freshness::Source) {
            Some(state) => fail_on.push(*state),
            None => {
                return Err(misuse(format!(
                    "unknown state `{name}` for --fail-on\n  hint: use unreviewed, outdated, in-progress, missing or orphaned, separated by commas"
                )));
            }
        }
    }
    let filter = innotrain::translate::status::StatusFilter { lang, output: request.output.clone() };
    let status = innotrain::translate::status::status_report(config, &project.site, &filter);
    match request.format {
        Format::Table => print!("{}", status.to_table()),
        Format::Json => println!("{}", serde_json::to_string_pretty(&status).expect("serialisable")),
        Format::Md => print!("{}", status.to_markdown()),
    }
    if status.has_any(&fail_on) {
        let names: Vec<&str> = fail_on.iter().map(|s| s.name()).collect();
        eprintln!("status: some pages are {}", names.join(" or "));
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn run_diff(
    root: &std::path::Path,
    project: &innotrain::Project,
    page: &str,
    lang: &str,
) -> Result<ExitCode, ExitCode> {
    use innotrain::translate::diff::{SourceDiff, source_diff};
    match source_diff(root, project, page, lang).map_err(operational)? {
        SourceDiff::UpToDate { translation } => {
            println!("{translation} is up to date: the source has not changed since it was translated");
            Ok(ExitCode::SUCCESS)
        }
        SourceDiff::Changed { translation, commit, diff } => {
            println!("{translation} was translated from the source as of commit {commit}; changes since then:\n");
            print!("{diff}");
            Ok(ExitCode::SUCCESS)
        }
        SourceDiff::NoHash { translation } => {
            eprintln!(
                "{translation} records no `source_hash`, so what it was translated from is unknown\n  hint: compare it with the source by hand, then run `innotrain translation done {page} {lang}`"
            );
            Ok(ExitCode::from(1))
        }
        SourceDiff::NotFound { translation, hash, repository } => {
            if repository {
                eprintln!(
                    "{translation} was translated from a source text with hash {hash}, which is not in the repository's history\n  hint: the text may never have been committed; compare the translation with the source by hand"
                );
            } else {
                eprintln!(
                    "{translation} was translated from a source text with hash {hash}, but the project is not in a git repository, so there is no history to compare with\n  hint: keep the content in git to see what changed"
                );
            }
            Ok(ExitCode::from(1))
        }
    }
}

fn run_serve(root: PathBuf, port: u16, bind: std::net::IpAddr, open: bool) -> Result<ExitCode, ExitCode> {
    use std::io::Write as _;
    if !bind.is_loopback() {
        eprintln!("warning: listening on {bind}: other machines on the network can read the preview");
    }
    let build = BuildOptions { skip_missing_versions: true, ..BuildOptions::new(root) };
    let options = innotrain::serve::ServeOptions { build, port, bind };
    innotrain::serve::serve(options, |address| {
        let url = format!("http://{address}/");
        println!("serving {url} (Ctrl+C to stop)");
        let _ = std::io::stdout().flush();
        if open && let Err(error) = innotrain::serve::open_browser(&url) {
            eprintln!("warning: could not open a browser ({error}): open {url} yourself");
            eprintln!("  hint: set BROWSER to your browser's command, e.g. `BROWSER=firefox`");
        }
    })
    .map_err(operational)?;
    Ok(ExitCode::SUCCESS)
}

fn run_check(root: PathBuf, external: bool, strict: bool, format: Format) -> Result<ExitCode, ExitCode> {
    // The search index links nothing and has nothing to check.
    let options = BuildOptions { no_search: true, strict, ..BuildOptions::new(root) };
    let report = innotrain::check::check(&options, external).map_err(operational)?;
    match format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&report).expect("serialisable")),
        Format::Table | Format::Md => print!("{}", report.to_text()),
    }
    Ok(if report.has_errors() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// jemalloc: the page build makes millions of small allocations, which it serves with about a
/// fifth less CPU than the system allocator, for a few per cent more peak memory (BENCHMARKS.md).
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;
