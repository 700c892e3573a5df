//! The `innotrain` command line: parses arguments, calls the library, prints diagnostics.
//!
//! Exit codes: 0 success, 1 content errors (diagnostics printed), 2 operational failure.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};
use innotrain::config::LinkStyle;
use innotrain::diag::{Diagnostic, Severity};
use innotrain::{BuildOptions, authoring, build, find_root};

#[derive(Parser)]
#[command(name = "innotrain", version, about = "Build the multilingual InnoTrain training site")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build every language of the site into the output folder (default: `public/`).
    Build {
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
    },
    /// Work on translations.
    #[command(subcommand)]
    Translation(TranslationCommand),
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
}

#[derive(Clone, Copy, ValueEnum)]
enum Links {
    Directory,
    IndexHtml,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build { root, out, base_url, base_path, links } => project_root(root).and_then(|root| {
            let links = links.map(|l| match l {
                Links::Directory => LinkStyle::Directory,
                Links::IndexHtml => LinkStyle::IndexHtml,
            });
            run_build(BuildOptions { root, out, base_url, base_path, links })
        }),
        Command::Translation(TranslationCommand::Done { page, lang, root }) => {
            project_root(root).and_then(|root| run_translation_done(root, &page, &lang))
        }
    };
    result.unwrap_or_else(|code| code)
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
    for diagnostic in diagnostics {
        eprintln!("{diagnostic}");
    }
    let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    (errors, diagnostics.len() - errors)
}

fn run_build(options: BuildOptions) -> Result<ExitCode, ExitCode> {
    let started = Instant::now();
    let report_ = build(&options).map_err(operational)?;
    let (errors, warnings) = report(&report_.diagnostics);
    if !report_.succeeded() {
        eprintln!(
            "build failed: {errors} error(s), {warnings} warning(s); `{}` was left unchanged",
            report_.out.display()
        );
        return Ok(ExitCode::from(1));
    }
    let warnings = if warnings > 0 { format!(", {warnings} warning(s)") } else { String::new() };
    println!(
        "built {} pages ({} languages, {} files) into {} in {:.2} s{warnings}",
        report_.pages,
        report_.languages,
        report_.files,
        report_.out.display(),
        started.elapsed().as_secs_f64(),
    );
    Ok(ExitCode::SUCCESS)
}

fn run_translation_done(root: PathBuf, page: &str, lang: &str) -> Result<ExitCode, ExitCode> {
    match authoring::mark_translation_done(&root, page, lang).map_err(operational)? {
        Ok(stamped) if stamped.previous.as_deref() == Some(stamped.hash.as_str()) => {
            println!("{}: already up to date (source_hash {})", stamped.path, stamped.hash);
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
