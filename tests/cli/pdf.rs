//! PDFs: built through the CLI on `tests/fixtures/pdf` and read back with poppler's tools
//! (`pdftotext`, `pdfinfo`, `pdffonts`, `pdftohtml`, `pdfimages`).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{Fixture, repo, tree};

const GREEK_MODULE: &str = "3.1/el/io1-practice/feedback/pdfix-io1-practice-feedback-el-3.1.pdf";
const GERMAN_FALLBACK: &str = "3.1/de/io1-practice/feedback/pdfix-io1-practice-feedback-de-3.1.pdf";
const ENGLISH_MODULE: &str = "3.1/en/io1-practice/feedback/pdfix-io1-practice-feedback-en-3.1.pdf";
const LITERAL_MODULE: &str = "3.1/en/io1-practice/literal/pdfix-io1-practice-literal-en-3.1.pdf";
const ENGLISH_BOOK: &str = "3.1/en/io1-practice/pdfix-io1-practice-en-3.1.pdf";

/// Runs a poppler tool; fails the test with a hint when it is not installed.
pub(crate) fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let output = Command::new(tool)
        .args(args)
        .arg(pdf)
        .args(if tool == "pdftotext" || tool == "pdftohtml" { &["-"][..] } else { &[][..] })
        .output()
        .unwrap_or_else(|e| {
            panic!("`{tool}` did not run ({e}): install poppler-utils (apt-get install poppler-utils)")
        });
    assert!(output.status.success(), "{tool} failed on {}: {}", pdf.display(), String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The PDF's text with lines joined (and typst's hyphenation undone), so phrases can be found.
pub(crate) fn text(pdf: &Path) -> String {
    poppler("pdftotext", &[], pdf).replace("\u{ad}\n", "").replace('\u{ad}', "").replace('\n', " ")
}

/// The PDF's outline (bookmarks) as `pdftohtml -xml` reports it.
fn outline(pdf: &Path) -> String {
    let xml = poppler("pdftohtml", &["-xml", "-i", "-q", "-stdout"], pdf);
    let start = xml.find("<outline>").unwrap_or_else(|| panic!("{} has no outline:\n{xml}", pdf.display()));
    let end = xml.rfind("</outline>").expect("the outline closes");
    xml[start..end].to_string()
}

/// A file of the fixture's project (not of its output).
fn source(site: &Fixture, path: &str) -> String {
    std::fs::read_to_string(site.root.join(path)).unwrap()
}

fn built(site: &Fixture) -> PathBuf {
    let run = site.build(&[]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    site.out()
}

#[test]
fn a_greek_module_pdf_has_its_text_metadata_fonts_and_outline() {
    let site = Fixture::new("pdf");
    let pdf = built(&site).join(GREEK_MODULE);

    let text = text(&pdf);
    for expected in [
        "Ανατροφοδότηση σε μαθητευόμενους",
        "Γιατί μετράει η ανατροφοδότηση",
        "Η αξιολόγηση της προόδου γίνεται μαζί με τον μαθητευόμενο.",
        "Λίστα ελέγχου",
        "Μαθησιακά αποτελέσματα",
        "Περιεχόμενα",
        "Ελένη Παπαδοπούλου",
        "3.1",
        "2025-06-30",
        "CC BY 4.0",
        "2021-1-AT01-KA220-VET-000099999",
        "Συγχρηματοδοτείται από την Ευρωπαϊκή Ένωση",
    ] {
        assert!(text.contains(expected), "`{expected}` is missing from the Greek PDF:\n{text}");
    }

    let info = poppler("pdfinfo", &[], &pdf);
    assert!(info.contains("Title:           Ανατροφοδότηση σε μαθητευόμενους"), "{info}");
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(info.contains("(A4)"), "{info}");
    let pages: usize = info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
    assert!(pages >= 4, "cover, imprint, contents and text: {pages} pages");
    let meta = poppler("pdfinfo", &["-meta"], &pdf);
    assert!(meta.contains("<dc:language><rdf:Bag><rdf:li>el</rdf:li></rdf:Bag></dc:language>"), "{meta}");
    assert!(meta.contains("<pdfuaid:part>1</pdfuaid:part>"), "PDF/UA-1 is claimed and checked: {meta}");
    assert!(meta.contains("<pdfaid:part>2</pdfaid:part><pdfaid:conformance>A</pdfaid:conformance>"), "{meta}");
    assert!(meta.contains("ανατροφοδότηση, μαθητεία"), "keywords: {meta}");
    assert!(meta.contains("CC BY 4.0"), "the licence is in the metadata: {meta}");

    let fonts = poppler("pdffonts", &[], &pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in rows {
        let columns: Vec<&str> = row.split_whitespace().collect();
        let embedded = columns[columns.len() - 5];
        assert_eq!(embedded, "yes", "every font is embedded: {row}");
    }

    let outline = outline(&pdf);
    for heading in ["Μαθησιακά αποτελέσματα", "Γιατί μετράει η ανατροφοδότηση", "Λίστα ελέγχου"]
    {
        assert!(outline.contains(heading), "`{heading}` is not in the outline:\n{outline}");
    }
}

#[test]
fn an_untranslated_module_pdf_has_the_readers_words_around_the_original_text() {
    let site = Fixture::new("pdf");
    let text = text(&built(&site).join(GERMAN_FALLBACK));
    for expected in ["Inhalt", "Sprache: Deutsch", "Why feedback matters", "liegt noch nicht auf Deutsch vor"] {
        assert!(text.contains(expected), "`{expected}` is missing from the German fallback PDF:\n{text}");
    }
}

#[test]
fn an_output_pdf_is_a_book_with_every_module_as_a_chapter() {
    let site = Fixture::new("pdf");
    let pdf = built(&site).join(ENGLISH_BOOK);
    let text = text(&pdf);
    for expected in ["Practice output", "Introduction", "About this output", "Giving feedback to apprentices"] {
        assert!(text.contains(expected), "`{expected}` is missing from the book:\n{text}");
    }
    let third_page = poppler("pdftotext", &["-f", "3", "-l", "3"], &pdf);
    assert!(third_page.starts_with("Contents"), "cover, imprint, then the contents:\n{third_page}");
    let outline = outline(&pdf);
    for chapter in ["Introduction", "Giving feedback to apprentices", "Literal text"] {
        assert!(outline.contains(chapter), "`{chapter}` is not a chapter in the outline:\n{outline}");
    }
}

#[test]
fn every_markdown_construct_reaches_the_pdf() {
    let site = Fixture::new("pdf");
    let out = built(&site);
    let pdf = out.join(ENGLISH_MODULE);
    let text = text(&pdf);
    for expected in [
        "specific",
        "actionable",
        "Observe the task",
        "nested bullet",
        "Third item, after a gap",
        "Minutes",
        "Discuss",
        "A quotation from a trainer.",
        "Warning",
        "Never give feedback in front of customers.",
        "Hattie and Timperley, 2007.",
        "step: observe",
        "inline code",
        "Closing sentence.",
        "Maria Huber",
        "Describe the feedback sandwich and its limits.",
    ] {
        assert!(text.contains(expected), "`{expected}` is missing:\n{text}");
    }
    let images = poppler("pdfimages", &["-list"], &pdf);
    assert!(images.lines().count() >= 2 + 2, "the PNG and the JPEG are embedded:\n{images}");
}

#[test]
fn typst_syntax_in_content_is_printed_literally() {
    let site = Fixture::new("pdf");
    let run = site.build(&["--emit-typst"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pdf = site.out().join(LITERAL_MODULE);
    let text = text(&pdf);
    for literal in [
        "Literal text: #set page(fill: red) and",
        "#read(\"/etc/passwd\")",
        "#import \"@preview/cetz:0.3.0\": * in it.",
        "Math $x^2 + y_1$",
        "@intro and a label <secret>",
        "// a comment /* too */",
        "= not a heading",
        "#eval(\"1+1\")",
        "#let x = \"}]);\"",
        "#text(red)[code]",
    ] {
        assert!(text.contains(literal), "`{literal}` is not printed as written:\n{text}");
    }
    assert!(!text.contains("root:"), "no file was read");

    let source = std::fs::read_to_string(site.out().join(format!("{LITERAL_MODULE}.typ"))).unwrap();
    insta::assert_snapshot!("literal_module_typst_source", source);
    let source = std::fs::read_to_string(site.out().join(format!("{GREEK_MODULE}.typ"))).unwrap();
    insta::assert_snapshot!("greek_module_typst_source", source);
}

#[test]
fn the_cache_skips_unchanged_pdfs_and_an_edit_retypesets_only_its_pdfs() {
    let site = Fixture::new("pdf");
    let first = site.build(&[]);
    assert!(first.stdout.contains("PDFs: 9 typeset, 0 unchanged from the cache"), "{}", first.stdout);
    let second = site.build(&[]);
    assert!(second.stdout.contains("PDFs: 0 typeset, 9 unchanged from the cache"), "{}", second.stdout);
    let unchanged = std::fs::read(site.out().join(GREEK_MODULE)).unwrap();

    // One word of the Greek translation: its module PDF and the Greek book.
    let path = "content/io1-practice/01-feedback.el.md";
    let greek = source(&site, path).replace("συγκεκριμένη", "ακριβής");
    site.write(path, &greek);
    let third = site.build(&[]);
    assert!(third.stdout.contains("PDFs: 2 typeset, 7 unchanged from the cache"), "{}", third.stdout);
    assert_ne!(std::fs::read(site.out().join(GREEK_MODULE)).unwrap(), unchanged);
    assert!(text(&site.out().join(GREEK_MODULE)).contains("ακριβής"));
}

#[test]
fn two_builds_write_byte_identical_pdfs() {
    let site = Fixture::new("pdf");
    let other = tempfile::tempdir().unwrap();
    let cache = |dir: &str| other.path().join(dir).to_str().unwrap().to_string();
    let out = other.path().join("second");
    assert_eq!(site.build(&["--cache-dir", &cache("a")]).code, 0);
    assert_eq!(site.build(&["--cache-dir", &cache("b"), "--out", out.to_str().unwrap()]).code, 0);
    let first = tree(&site.out());
    let second = tree(&out);
    let pdfs: Vec<&String> = first.keys().filter(|p| p.ends_with(".pdf")).collect();
    assert_eq!(pdfs.len(), 9);
    for path in pdfs {
        assert!(first[path] == second[path], "{path} differs between two builds");
    }
}

#[test]
fn a_character_no_font_has_names_the_file_line_and_character() {
    let site = Fixture::new("pdf");
    let path = "content/io1-practice/01-feedback.el.md";
    let greek = source(&site, path).replace("Λίστα ελέγχου", "Λίστα ελέγχου 🙂");
    site.write(path, &greek);
    let run = site.build(&[]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("missing_glyph", run.stderr);
    assert!(!site.out().exists(), "nothing was written");
}

#[test]
fn a_typst_error_in_the_theme_names_the_template_line() {
    let site = Fixture::new("pdf");
    let template = "themes/default/pdf/innotrain.typ";
    let broken = std::fs::read_to_string(repo().join(template))
        .unwrap()
        .replace("  cover(meta)\n", "  cover(meta)\n  undefined-helper(meta)\n");
    site.write(template, &broken);
    let run = site.build(&[]);
    assert_eq!(run.code, 1);
    let first = run.stderr.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("themes/default/pdf/innotrain.typ:")
            && first.contains(": error: PDF `")
            && first.contains("unknown variable: undefined-helper"),
        "{}",
        run.stderr
    );
    let line = broken.lines().position(|l| l.contains("undefined-helper")).unwrap() + 1;
    assert!(first.contains(&format!("innotrain.typ:{line}:3:")), "{first}");
}

/// PDF/UA-1 is enforced, not hoped for: an image without alt text in the theme's template fails
/// the build at the template's line, and the previous output stays as it was.
/// Mutation checked: exporting without `PdfStandard::Ua_1` fails this test (the message no longer
/// names PDF/UA-1; a build without any standard succeeds).
#[test]
fn a_pdf_ua_violation_fails_the_build_and_keeps_the_previous_output() {
    let site = Fixture::new("pdf");
    let before = crate::support::tree(&built(&site));
    let template = "themes/default/pdf/innotrain.typ";
    let original = std::fs::read_to_string(repo().join(template)).unwrap();
    let without_alt = original.replace(", alt: meta.legal.emblem-alt)", ")");
    assert_ne!(without_alt, original, "the template gives the emblem its alt text");
    site.write(template, &without_alt);
    let run = site.build(&[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let line = without_alt.lines().position(|l| l.contains("image(meta.emblem")).unwrap() + 1;
    let first = run.stderr.lines().next().unwrap_or_default();
    assert!(first.starts_with(&format!("{template}:{line}:")), "{}", run.stderr);
    assert!(first.contains(": error: PDF `") && first.contains("PDF/UA-1 error: missing alt text"), "{}", run.stderr);
    assert_eq!(crate::support::tree(&site.out()), before, "the failed build changed the output");
}

/// A decorative image (`"decorative"` in Markdown, `alt=""` in raw HTML) is typeset as an
/// artifact: PDF/UA refuses an image without alt text that is not one. Mutation checked: writing
/// it as `image(…, alt: none)` (as before) fails this build with "missing alt text".
#[test]
fn a_decorative_image_is_an_artifact_in_the_pdf() {
    let site = Fixture::new("pdf");
    site.write(
        "content/io1-practice/09-ornament.md",
        "---\ntitle: Ornament\n---\nA divider: ![](images/photo.png \"decorative\")\n",
    );
    let out = built(&site);
    let pdf = out.join("3.1/en/io1-practice/ornament/pdfix-io1-practice-ornament-en-3.1.pdf");
    let images = poppler("pdfimages", &["-list"], &pdf);
    assert_eq!(images.lines().count(), 3, "one image (after two header lines): {images}");
}

/// A PNG whose header is fine (so the content stage lets it through) and whose pixels are cut
/// off: the typesetter's error is placed at the Markdown line of the image.
#[test]
fn a_broken_image_names_the_markdown_line() {
    let site = Fixture::new("pdf");
    let photo = site.root.join("content/io1-practice/images/photo.png");
    let bytes = std::fs::read(&photo).unwrap();
    std::fs::write(&photo, &bytes[..40]).unwrap();
    let run = site.build(&[]);
    assert_eq!(run.code, 1);
    let line =
        source(&site, "content/io1-practice/01-feedback.md").lines().position(|l| l.contains("photo.png")).unwrap();
    let expected = format!("content/io1-practice/01-feedback.md:{}:1: error: PDF `", line + 1);
    assert!(run.stderr.contains(&expected), "expected `{expected}` in:\n{}", run.stderr);
}

#[test]
fn no_pdf_builds_pages_without_pdfs_or_links_to_them() {
    let site = Fixture::new("pdf");
    let run = site.build(&["--no-pdf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains("PDFs:"), "{}", run.stdout);
    let files = tree(&site.out());
    assert!(!files.keys().any(|p| p.ends_with(".pdf")));
    assert!(!site.read("3.1/en/io1-practice/feedback/index.html").contains(".pdf"));
}

#[test]
fn pages_link_their_pdfs_with_size_and_versions_json_lists_them() {
    let site = Fixture::new("pdf");
    let out = built(&site);
    let html = std::fs::read_to_string(out.join("3.1/de/io1-practice/feedback/index.html")).unwrap();
    let downloads = crate::support::element(&html, "<ul class=\"downloads\">", "</ul>");
    let size = std::fs::metadata(out.join(GERMAN_FALLBACK)).unwrap().len();
    let kb = size.div_ceil(1000);
    assert!(downloads.contains("href=\"pdfix-io1-practice-feedback-de-3.1.pdf\""), "{downloads}");
    assert!(downloads.contains(&format!("(PDF, {kb}\u{a0}kB)")), "{downloads}");
    assert!(downloads.contains("href=\"../pdfix-io1-practice-de-3.1.pdf\""), "{downloads}");
    let versions: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("versions.json")).unwrap()).unwrap();
    let greek: Vec<&str> = versions["versions"][0]["pdfs"]["el"]
        .as_array()
        .unwrap()
        .iter()
        .map(|pdf| pdf["url"].as_str().unwrap())
        .collect();
    assert!(greek.contains(&GREEK_MODULE), "{greek:?}");
    for url in greek {
        assert!(out.join(url).is_file(), "{url} is listed and written");
    }
}

#[test]
fn book_toml_chooses_letter_paper() {
    let site = Fixture::new("pdf");
    let config = source(&site, "book.toml") + "\n[pdf]\npaper = \"us-letter\"\n";
    site.write("book.toml", &config);
    let info = poppler("pdfinfo", &[], &built(&site).join(ENGLISH_MODULE));
    assert!(info.contains("612 x 792 pts (letter)"), "{info}");
}

/// A module without learning outcomes has no "Learning outcomes" heading in its PDF either;
/// the module that has them keeps it.
/// Mutation: the `if !groups.is_empty()` guard around `#learning-outcomes` in
/// src/render/pdfs.rs made `if true`, with the empty groups written `()` so typst accepts
/// them (the heading is typeset over no outcomes).
#[test]
fn a_module_without_outcomes_has_no_outcomes_heading_in_its_pdf() {
    let site = Fixture::new("minimal");
    site.write("content/io1-basics/02-bare.md", "---\ntitle: Bare module\n---\nJust text, no outcomes.\n");
    let run = site.build(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pdf = |slug: &str| {
        let files = tree(&site.out());
        let path = files
            .keys()
            .find(|p| p.contains(&format!("/io1-basics/{slug}/")) && p.ends_with(".pdf"))
            .unwrap_or_else(|| panic!("no PDF for {slug}: {:?}", files.keys().collect::<Vec<_>>()))
            .clone();
        text(&site.out().join(path))
    };
    let bare = pdf("bare");
    assert!(bare.contains("Just text, no outcomes."), "{bare}");
    assert!(!bare.contains("Learning outcomes"), "{bare}");
    let full = pdf("first-steps");
    assert!(full.contains("Learning outcomes"), "{full}");
}

/// The fixture with `outputs` outputs instead of one: copies of its output, each a book and two
/// modules in three languages, so 9 PDFs per output and no PDF longer than the fixture's own.
fn fixture_with_outputs(outputs: usize) -> Fixture {
    let site = Fixture::new("pdf");
    let output = site.root.join("content/io1-practice");
    for n in 2..=outputs {
        crate::support::copy_dir(&output, &site.root.join(format!("content/io{n}-practice")));
    }
    site
}

/// `innotrain build` with `args` and, when given, an address-space limit (`setrlimit`), and its
/// exit code, stderr and peak RSS in MiB from `wait4`: that of the largest process of the build
/// (the build runs in a child of the `innotrain` process; a child's peak counts once reaped).
#[cfg(target_os = "linux")]
fn measured_build(site: &Fixture, args: &[&str], address_space: Option<u64>) -> (i32, String, u64) {
    use std::os::unix::process::CommandExt;
    let stderr = tempfile::NamedTempFile::new().unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_innotrain"));
    command
        .args(["build", "--root", site.root.to_str().unwrap()])
        .args(args)
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::null())
        .stderr(stderr.reopen().unwrap());
    if let Some(bytes) = address_space {
        // glibc reserves 64 MiB of address space for each thread that allocates (its arenas):
        // with one arena the limit measures memory rather than threads. No backtraces, as a
        // user sees it.
        command.env("MALLOC_ARENA_MAX", "1").env_remove("RUST_BACKTRACE");
        // SAFETY: between fork and exec only `setrlimit` runs, which is async-signal-safe.
        unsafe {
            command.pre_exec(move || {
                let limit = libc::rlimit { rlim_cur: bytes, rlim_max: bytes };
                if libc::setrlimit(libc::RLIMIT_AS, &limit) == 0 {
                    Ok(())
                } else {
                    Err(std::io::Error::last_os_error())
                }
            });
        }
    }
    // Reaped by `wait4` below, which also gives its peak RSS (`Child::wait` does not).
    #[allow(clippy::zombie_processes)]
    let child = command.spawn().expect("run innotrain");
    let mut status = 0;
    // SAFETY: `rusage` is plain data that `wait4` fills in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = child.id() as libc::pid_t;
    // SAFETY: waits for our own child, which `Child` does not wait for when dropped.
    assert_eq!(unsafe { libc::wait4(pid, &mut status, 0, &mut usage) }, pid);
    let code = if libc::WIFEXITED(status) { libc::WEXITSTATUS(status) } else { -libc::WTERMSIG(status) };
    let stderr = std::fs::read_to_string(stderr.path()).unwrap().replace(site.root.to_str().unwrap(), "[ROOT]");
    (code, stderr, usage.ru_maxrss as u64 / 1024)
}

/// Peak memory does not grow with the number of PDFs: 540 PDFs need hardly more than 54.
/// Before, typst's own parallel work started further whole PDFs on a thread that waited for
/// one, and typst's memo caches kept every PDF's layouts: this fixture needed 911 MB with 540
/// PDFs (341 MB with 180), against about 100 MB now. Checked against two mutations of
/// `pdf::compile_all`: the jobs as a parallel iterator in the pool again (540 PDFs: 403 MiB
/// against 123 MiB for 54), and no eviction of typst's caches (812 MiB against 134 MiB).
#[cfg(target_os = "linux")]
#[test]
fn peak_memory_does_not_grow_with_the_number_of_pdfs() {
    let few = fixture_with_outputs(6);
    let (code, stderr, few_mib) = measured_build(&few, &[], None);
    assert_eq!(code, 0, "{stderr}");
    let many = fixture_with_outputs(60);
    let (code, stderr, many_mib) = measured_build(&many, &[], None);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(tree(&many.out()).keys().filter(|p| p.ends_with(".pdf")).count(), 540);
    // The HTML pages, the search index and the PDFs' plans grow a little with the site.
    assert!(many_mib < few_mib + 100, "54 PDFs: {few_mib} MiB peak, 540 PDFs: {many_mib} MiB");
    assert!(many_mib < 300, "540 PDFs: {many_mib} MiB peak");
}

/// A long book stays within a bound that its old cost would break: 280 modules make a book of
/// about 900 pages with 3,400 entries in its contents, above the memory budget, so it is
/// typeset alone. The build peaks at about 460 MiB here (less on a busy machine, where the
/// eviction clock ticks more often per page), against 875 MiB when typst's layout passes kept
/// every earlier pass's pages and the contents' dotted leaders were typst's `repeat[.]`.
/// Checked against the mutation that calls `typst::compile` again instead of
/// `passes::typeset`: 713 MiB.
#[cfg(target_os = "linux")]
#[test]
fn a_long_books_peak_memory_stays_bounded() {
    let site = Fixture::new("minimal");
    let paragraph = "The trainer agrees the learning outcomes with the company and the learner first, \
                     then plans the tasks of each week. "
        .repeat(4);
    for module in 2..282 {
        let mut text = format!("---\ntitle: Module {module}\n---\n");
        for section in 1..=6 {
            text += &format!(
                "\n## Section {module}.{section}\n\n{paragraph}\n\n### Part {module}.{section}.1\n\n{paragraph}\n\n{paragraph}\n"
            );
        }
        site.write(&format!("content/io1-basics/{module:03}-module-{module}.md"), &text);
    }
    let (code, stderr, mib) = measured_build(&site, &[], None);
    assert_eq!(code, 0, "{stderr}");
    let book = tree(&site.out())
        .into_keys()
        .find(|path| path.starts_with("1.0/en/io1-basics/") && path.ends_with(".pdf") && path.matches('/').count() == 3)
        .expect("the output's book");
    let info = poppler("pdfinfo", &[], &site.out().join(book));
    let pages: usize = info.lines().find_map(|line| line.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
    assert!(pages > 800, "{info}");
    assert!(mib < 600, "a book of {pages} pages: {mib} MiB peak");
}

/// A build given less memory than it needs stops with a message that says so, and leaves the
/// previous output and nothing else: the killed process's staging folder is removed. The
/// limit (250 MiB of address space, as `ulimit -v` sets it) leaves room for the pages (which
/// build within 150 MiB) but not for typesetting a module of 1.85 MB of text (under the 2 MB page limit; over 600 MiB).
/// Checked against two mutations: the build run in the `innotrain` process itself
/// (`run_build` calling `run_build_here` at once: it dies by SIGABRT with only "memory
/// allocation of … bytes failed", and its staging folder stays) and
/// `output::discard_staging_of` doing nothing (the staging folder stays).
#[cfg(target_os = "linux")]
#[test]
fn a_build_short_of_memory_fails_clearly_and_leaves_the_previous_output() {
    let site = Fixture::new("pdf");
    assert_eq!(site.build(&[]).code, 0);
    let previous = tree(&site.out());
    let sentence = "The trainer agrees the learning outcomes with the company and the learner first. ";
    let long = format!("---\ntitle: Long\n---\n\n{}", format!("{}\n\n", sentence.repeat(5)).repeat(4500));
    site.write("content/io1-practice/03-long.md", &long);

    let (code, stderr, _) = measured_build(&site, &[], Some(250 << 20));
    assert_eq!(code, 2, "{stderr}");
    // "error: the build was stopped by SIGABRT …, most likely because it ran out of memory;
    // `…/public` was left unchanged", or, when the system refuses a thread's stack first,
    // "error: cannot start a thread: …" with "hint: the system is short of memory …".
    assert!(stderr.lines().any(|line| line.starts_with("error: ")) && stderr.contains("memory"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(tree(&site.out()) == previous, "the previous output changed");
    let beside: Vec<String> =
        std::fs::read_dir(&site.root).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(!beside.iter().any(|name| name.contains(".staging-")), "left behind: {beside:?}");
}
