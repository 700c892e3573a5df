//! The `innotrain` command line: parses arguments, calls the library, prints diagnostics.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};
use innotrain::config::LinkStyle;
use innotrain::diag::Severity;
use innotrain::{BuildOptions, build, find_root};

#[derive(Parser)]
#[command(
    name = "innotrain",
    version,
    about = "Build the multilingual InnoTrain training site"
)]
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
}

#[derive(Clone, Copy, ValueEnum)]
enum Links {
    Directory,
    IndexHtml,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            root,
            out,
            base_url,
            base_path,
            links,
        } => {
            let Some(root) =
                root.or_else(|| std::env::current_dir().ok().and_then(|d| find_root(&d)))
            else {
                eprintln!(
                    "error: no book.toml found in this folder or above\n  hint: run innotrain in the project folder or pass `--root DIR`"
                );
                return ExitCode::from(2);
            };
            let links = links.map(|l| match l {
                Links::Directory => LinkStyle::Directory,
                Links::IndexHtml => LinkStyle::IndexHtml,
            });
            let started = Instant::now();
            let options = BuildOptions {
                root,
                out,
                base_url,
                base_path,
                links,
            };
            match build(&options) {
                Ok(report) => {
                    for diagnostic in &report.diagnostics {
                        eprintln!("{diagnostic}");
                    }
                    let errors = report
                        .diagnostics
                        .iter()
                        .filter(|d| d.severity == Severity::Error)
                        .count();
                    let warnings = report.diagnostics.len() - errors;
                    if report.succeeded() {
                        println!(
                            "built {} pages ({} languages, {} files) into {} in {:.2} s{}",
                            report.pages,
                            report.languages,
                            report.files,
                            report.out.display(),
                            started.elapsed().as_secs_f64(),
                            if warnings > 0 {
                                format!(", {warnings} warning(s)")
                            } else {
                                String::new()
                            }
                        );
                        ExitCode::SUCCESS
                    } else {
                        eprintln!(
                            "build failed: {errors} error(s), {warnings} warning(s); `{}` was left unchanged",
                            report.out.display()
                        );
                        ExitCode::from(1)
                    }
                }
                Err(error) => {
                    eprintln!("error: {error:#}");
                    ExitCode::from(2)
                }
            }
        }
    }
}
