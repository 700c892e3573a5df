//! Files and names a partner brings (reliability.md T14–T18, T30): paths that climb out of the
//! project, symbolic links, broken links, names that collide or that a file system cannot hold,
//! encodings that are not UTF-8, and book.toml's languages and versions without content.
//!
//! T16 (includes) has no case: innotrain has no include feature. Markdown has no include
//! syntax, front matter's `!include` is refused (front_matter.rs, T07), templates come from the
//! theme, not from content, and the PDF side passes text as data (pdf_and_images.rs).

use std::os::unix::fs::symlink;

use crate::common::{Built, built_minimal};
use crate::support::{Fixture, Run, tree};

/// The error and hint lines of a refused build, plus its summary line.
fn errors(run: &Run) -> String {
    run.stderr.lines().filter(|l| !l.trim().is_empty()).collect::<Vec<_>>().join("\n")
}

fn with_greek(built: &Built) {
    built.site.append_config("[[languages]]\ncode = \"el\"\nname = \"Ελληνικά\"\n");
}

/// Every output file whose bytes contain `needle`.
fn files_containing(site: &Fixture, needle: &str) -> Vec<String> {
    tree(&site.out())
        .into_iter()
        .filter(|(_, bytes)| bytes.windows(needle.len()).any(|w| w == needle.as_bytes()))
        .map(|(path, _)| path)
        .collect()
}

/// T14: `../` out of the project, absolute paths, a Windows drive, backslashes, percent-encoded
/// dots and slashes, in Markdown images and links and in raw HTML: each refused at its
/// position, all in one build.
#[test]
fn t14_paths_out_of_the_content_folder_are_refused_where_written() {
    let built = built_minimal(false);
    built.overlay("t14-traversal");
    let run = built.refused(&["--no-pdf"]);
    insta::assert_snapshot!(errors(&run));
    assert!(!run.stderr.contains("root:x:0"), "a file outside was read: {}", run.stderr);
}

/// T14 with broken links and images made warnings: the build publishes, and nothing outside
/// `content/` was read or copied (no `/etc/passwd`, no book.toml, no file named after them).
#[test]
fn t14_with_lenient_links_nothing_outside_is_read_or_copied() {
    let built = built_minimal(false);
    built.overlay("t14-traversal");
    built.site.append_config("[check]\nlinks = \"warn\"\nimages = \"warn\"\n");
    crate::markup::publish(&built, &["--no-pdf"]);
    let book = built.site.read_source("book.toml");
    let book_line = book.lines().find(|l| l.starts_with("funding-period")).unwrap();
    for needle in ["root:x:0:0", book_line, "[fonts]", "; for 16-bit app support"] {
        assert_eq!(files_containing(&built.site, needle), Vec::<String>::new(), "`{needle}` was published");
    }
    let names: Vec<String> = tree(&built.site.out()).into_keys().collect();
    for name in ["passwd", "win.ini", "book.toml"] {
        assert!(!names.iter().any(|n| n.ends_with(name)), "{name} was copied: {names:?}");
    }
    let page = built.site.read("1.0/en/io1-basics/traversal/index.html");
    assert!(!page.contains("etc/passwd") && !page.contains("book.toml"), "a path outside is linked:\n{page}");
}

/// T15: a content file linking to a file outside the project, a folder linking to `/etc`, a
/// loop (`loop -> .`), two folders linking to each other, and a link to nothing: each named,
/// none followed, no hang, and the file outside is never read.
#[test]
fn t15_symbolic_links_are_refused_by_name_and_never_followed() {
    let built = built_minimal(false);
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("notes.md");
    std::fs::write(&secret, "---\ntitle: Secret canary\n---\nSECRET-CANARY\n").unwrap();
    let folder = built.site.root.join("content/io1-basics");
    symlink(&secret, folder.join("02-notes.md")).unwrap();
    symlink("/etc", folder.join("images")).unwrap();
    symlink(".", folder.join("loop")).unwrap();
    std::fs::create_dir(folder.join("media")).unwrap();
    symlink("../pictures", folder.join("media/pictures")).unwrap();
    symlink("media", folder.join("pictures")).unwrap();
    symlink("/nonexistent/figure.png", folder.join("figure.png")).unwrap();
    let run = built.refused(&["--no-pdf"]);
    insta::assert_snapshot!(errors(&run));
    assert!(!run.stderr.contains("canary"), "{}", run.stderr);
}

/// T15: `content` itself a link to a folder outside the project is refused too.
#[test]
fn t15_a_linked_content_folder_is_refused() {
    let built = built_minimal(false);
    let outside = tempfile::tempdir().unwrap();
    let content = built.site.root.join("content");
    std::fs::rename(&content, outside.path().join("content")).unwrap();
    symlink(outside.path().join("content"), &content).unwrap();
    let run = built.refused(&["--no-pdf"]);
    insta::assert_snapshot!(errors(&run));
}

/// T17: a missing image, a missing page, a missing anchor on another page and on this one, a
/// link into a language that is not configured, into a version's address, into a language
/// folder and into another version's files: all reported in one build, each at its line and
/// character column (after Greek text). Covered in English by cli `errors::broken_links`.
#[test]
fn t17_every_broken_link_of_a_page_is_reported_at_its_position() {
    let built = built_minimal(false);
    with_greek(&built);
    built.overlay("t17-broken-links");
    let run = built.refused(&["--no-pdf"]);
    insta::assert_snapshot!(errors(&run));
    assert!(run.stderr.contains("02-broken.md:4:9: error: `images/κύκλος.svg` does not exist"), "{}", run.stderr);
}

/// A link to the Greek text of a page (`01-first-steps.el.md`) when Greek is configured but
/// nobody has written a Greek text yet is a link to that page, which Greek readers see in
/// English with the fallback notice; it is not "missing".
#[test]
fn a_link_to_a_translation_not_yet_written_leads_to_its_page() {
    let built = built_minimal(false);
    with_greek(&built);
    built.site.write(
        "content/io1-basics/02-links.md",
        "---\ntitle: Links\n---\nSee [the Greek text](01-first-steps.el.md#intro).\n",
    );
    let run = built.site.build(&["--no-pdf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for lang in ["en", "el"] {
        let page = built.site.read(&format!("1.0/{lang}/io1-basics/links/index.html"));
        assert!(page.contains("href=\"../first-steps/#intro\""), "{lang}:\n{page}");
    }
}

/// T18: names that give one address (`Intro.md` and `intro.md`; `Setup_Guide` and
/// `setup-guide`, whatever their Greek titles: addresses come from file names, never from
/// titles), accented names in NFC and NFD (refused, with the same unaccented suggestion), names
/// of emoji or punctuation only (no slug), and names Windows keeps for devices.
#[test]
fn t18_names_that_collide_or_make_no_address_are_refused() {
    let built = built_minimal(false);
    built.overlay("t18-names-that-collide");
    let module = |name: &str, title: &str| {
        built.site.write(&format!("content/io1-basics/{name}"), &format!("---\ntitle: {title}\n---\nText.\n"))
    };
    module("06-café.md", "NFC");
    module("07-cafe\u{301}.md", "NFD");
    module("08-🎉.md", "Emoji");
    module("09-!!!.md", "Punctuation");
    for (name, device) in [("10-CON.md", "CON"), ("11-aux.md", "aux"), ("12-Nul.md", "Nul"), ("13-com1.md", "com1")] {
        module(name, device);
    }
    built.site.write("content/lpt1/_index.md", "---\ntitle: A folder named lpt1\n---\nText.\n");
    let run = built.refused(&["--no-pdf"]);
    insta::assert_snapshot!(errors(&run));
}

/// T18: slugs equal to a language code, a version label, `index` or `404` take no address of
/// the site's own: every page lives below `<version>/<language>/<output>/`.
#[test]
fn t18_slugs_like_languages_versions_and_site_files_keep_their_own_addresses() {
    let built = built_minimal(false);
    let module = |name: &str, title: &str| {
        built.site.write(&format!("content/io1-basics/{name}"), &format!("---\ntitle: {title}\n---\nText.\n"))
    };
    module("02-en.md", "Slug en");
    module("03-index.md", "Slug index");
    module("04-404.md", "Slug 404");
    module("05-v1-0.md", "Slug v1-0");
    built.site.write("content/en/_index.md", "---\ntitle: Output en\n---\nText.\n");
    built.site.write("content/latest/_index.md", "---\ntitle: Output latest\n---\nText.\n");
    crate::markup::publish(&built, &["--no-pdf"]);
    for (page, title) in [
        ("1.0/en/io1-basics/en/index.html", "Slug en"),
        ("1.0/en/io1-basics/index/index.html", "Slug index"),
        ("1.0/en/io1-basics/404/index.html", "Slug 404"),
        ("1.0/en/io1-basics/v1-0/index.html", "Slug v1-0"),
        ("1.0/en/en/index.html", "Output en"),
        ("1.0/en/latest/index.html", "Output latest"),
    ] {
        assert!(built.site.read(page).contains(&format!(">{title}</h1>")), "{page}");
    }
    // The site's own files are still the site's.
    assert!(built.site.read("1.0/en/index.html").contains(">Minimal site</h1>"));
    assert_eq!(built.site.read("404.html").as_bytes(), built.before["404.html"], "404.html changed");
}

/// T18 (the list): a space in a name, a language suffix in capitals, UTF-16 with and
/// without a byte order mark, Latin-1, a cut Greek letter, NUL bytes, an empty file and a program
/// saved as `.md`: each refused at the first byte that is not text (before: UTF-16 without BOM
/// was "missing front matter", a NUL in the body was published as U+FFFD, an empty file was
/// "missing front matter").
#[test]
fn t18_file_names_and_encodings_that_are_not_text_are_refused_at_the_first_bad_byte() {
    let built = built_minimal(false);
    with_greek(&built);
    let write = |name: &str, bytes: &[u8]| std::fs::write(built.site.root.join("content/io1-basics").join(name), bytes);
    let utf16 = |text: &str, big_endian: bool, bom: bool| -> Vec<u8> {
        let units = (bom.then_some(0xfeff)).into_iter().chain(text.encode_utf16());
        units.flat_map(|u| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() }).collect()
    };
    let page = "---\ntitle: Πρώτα βήματα\n---\nΚείμενο.\n";
    write("02-my page.md", b"---\ntitle: Spaces\n---\nText.\n").unwrap();
    write("01-first-steps.EL.md", page.as_bytes()).unwrap();
    write("03-utf16-le.md", &utf16(page, false, true)).unwrap();
    write("04-utf16-be.md", &utf16(page, true, false)).unwrap();
    write("05-latin1.md", b"---\ntitle: Latin-1\n---\nCaf\xe9 au lait.\n").unwrap();
    write("06-cut-letter.md", "---\ntitle: Μάθημα\n---\nΚείμενο \u{3b1}".as_bytes().split_last().unwrap().1).unwrap();
    write("07-nul-byte.md", b"---\ntitle: NUL\n---\nText\0with a NUL byte.\n").unwrap();
    write("08-empty.md", b"").unwrap();
    let program = std::fs::read(env!("CARGO_BIN_EXE_innotrain")).unwrap();
    write("09-program.md", &program[..4096]).unwrap();
    let run = built.refused(&["--no-pdf"]);
    insta::assert_snapshot!(errors(&run));
    assert!(run.stderr.contains("05-latin1.md:4:4: error: file is not valid UTF-8 (byte offset 26)"), "{}", run.stderr);
}

/// T30: a language in book.toml with no content builds: every page in it is the default
/// language's text, marked as such (`lang="en"`) under a "not translated" note.
#[test]
fn t30_a_language_without_content_shows_the_source_text_marked_as_untranslated() {
    let built = built_minimal(false);
    built.site.append_config("[[languages]]\ncode = \"de\"\nname = \"Deutsch\"\n");
    crate::markup::publish(&built, &["--no-pdf"]);
    let page = built.site.read("1.0/de/io1-basics/first-steps/index.html");
    assert!(page.contains("<html lang=\"de\""), "{page}");
    assert!(page.contains("<h1 id=\"page-title\" lang=\"en\">First steps</h1>"), "{page}");
    assert!(page.contains("nicht übersetzt"), "no untranslated note:\n{page}");
}

/// T30: a version whose book.toml has no Greek: the Greek pages of the current version switch
/// to that version's page in its default language, never to a missing Greek address.
#[test]
fn t30_a_version_without_a_language_is_switched_to_in_its_own_language() {
    let built = built_minimal(false);
    let root = &built.site.root;
    std::fs::create_dir_all(root.join("snapshots/1.0")).unwrap();
    std::fs::rename(root.join("content"), root.join("snapshots/1.0/content")).unwrap();
    std::fs::copy(root.join("book.toml"), root.join("snapshots/1.0/book.toml")).unwrap();
    crate::support::copy_dir(&crate::support::repo().join("tests/fixtures/minimal/content"), &root.join("content"));
    let config = built.site.read_source("book.toml").replace("version = \"1.0\"", "version = \"2.0\"");
    built.site.write("book.toml", &config);
    with_greek(&built);
    built.site.append_config("[[versions]]\nlabel = \"1.0\"\nsnapshot = \"snapshots/1.0\"\n");
    built.site.write(
        "content/io1-basics/01-first-steps.el.md",
        "---\ntitle: Πρώτα βήματα\n---\n## Εισαγωγή {#intro}\n\nΚείμενο.\n",
    );
    crate::markup::publish(&built, &["--no-pdf"]);
    assert!(!built.site.out().join("1.0/el").exists());
    let page = built.site.read("2.0/el/io1-basics/first-steps/index.html");
    let switcher = &page[page.find("class=\"version-switcher\"").expect("a version switcher")..];
    let switcher = &switcher[..switcher.find("</nav>").unwrap()];
    assert!(switcher.contains("href=\"../../../../1.0/en/io1-basics/first-steps/\""), "{switcher}");
    assert!(built.site.out().join("1.0/en/io1-basics/first-steps/index.html").exists());
}

/// T30 (found here): version labels that are the site's own top-level names or Windows device
/// names are refused in book.toml (before: `static` mixed a version into the theme's folder,
/// `versions.json` failed with "Is a directory" and exit code 2). Unknown book.toml keys: cli
/// `errors::config_unknown_key`.
#[test]
fn t30_version_labels_the_site_uses_itself_are_refused() {
    let built = built_minimal(false);
    std::fs::create_dir_all(built.site.root.join("snapshots/old")).unwrap();
    crate::support::copy_dir(&built.site.root.join("content"), &built.site.root.join("snapshots/old/content"));
    for label in ["static", "versions.json", "nul"] {
        built.site.append_config(&format!("[[versions]]\nlabel = \"{label}\"\nsnapshot = \"snapshots/old\"\n"));
    }
    let run = built.refused(&["--no-pdf"]);
    insta::assert_snapshot!(errors(&run));
}
