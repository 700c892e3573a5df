//! The PDF with hostile text (reliability.md T27), hostile images (T28), and bidi and invisible
//! characters in names and titles (T29). PDF builds are slow: one site with every construct,
//! checked once.

use std::path::Path;
use std::process::Command;

use crate::common::built_minimal;
use crate::markup::publish;

/// The output of a poppler tool (`pdftotext`, `pdfinfo`) for `pdf`.
fn poppler(tool: &str, pdf: &Path) -> String {
    let mut command = Command::new(tool);
    command.arg(pdf);
    if tool == "pdftotext" {
        command.arg("-");
    }
    let output = command.output().unwrap_or_else(|e| panic!("`{tool}` did not run ({e}): install poppler-utils"));
    assert!(output.status.success(), "{tool}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// T27: typst syntax, `#read`, `#import` of a package, `$`, `<label>`, `@ref`, backslashes and
/// brackets in every Markdown construct that reaches the PDF (heading, paragraph, emphasis,
/// strong, strikethrough, lists, task list, numbered list, quote, alert, table, link text and
/// URL, inline code, code block, footnote, image alt text) and in the front matter (title,
/// summary, keywords, authors, outcomes) are printed as written, in the text and in the PDF's
/// metadata; nothing is read or fetched. `cli::pdf::typst_syntax_in_content_is_printed_literally`
/// covers paragraph text and typst's own markup shorthands.
#[test]
fn t27_typst_syntax_everywhere_is_printed_literally() {
    let site = built_minimal(true);
    site.overlay("typst-syntax");
    publish(&site, &["--emit-typst"]);
    let pdf = site.site.out().join("1.0/en/io1-basics/typst/minimal-io1-basics-typst-en-1.0.pdf");
    let text = poppler("pdftotext", &pdf).replace('\n', " ");
    for literal in [
        "T1 #read(\"/etc/passwd\") $x$ <label> @ref \\ ] [ ]); }",
        "S1 #import \"@preview/x:1.0.0\": * and #eval(\"1\")",
        "Authors: A1 #sys.inputs ]) \\ @ref",
        "Keywords: K1 #read(\"/etc/passwd\") ]);",
        "O1 #read(\"/etc/passwd\") <label>",
        "H1 #read(\"/etc/passwd\") $x$ <label> @ref \\ ] [",
        "P1 #import \"@preview/x:1.0.0\": * and #read(\"/etc/passwd\") ] [ ]); } $y$",
        "E1 #read(\"/etc/passwd\") ]);",
        "B1 #eval(\"1\") $z$",
        "S1 @ref <l>",
        "L1 #read(\"/etc/passwd\") ]);",
        "L2 #import \"@preview/x:1.0.0\"",
        "N1 #set page(fill: red) ]);",
        "Q1 #read(\"/etc/passwd\") $q$",
        "W1 #eval(\"2\") ]); <w>",
        "C1 #read(\"/etc/passwd\")",
        "C2 $c$ ]);",
        "C3 @ref <t>",
        "C4 #eval(\"3\")",
        "X1 #read(\"/etc/passwd\") ]);",
        "F1 #read(\"/etc/passwd\") ]); @ref",
        "#import \"@preview/x:1.0.0\": * \"]); }",
    ] {
        assert!(text.contains(literal), "`{literal}` is not printed as written:\n{text}");
    }
    assert!(!text.contains("root:"), "a file was read");
    let info = poppler("pdfinfo", &pdf);
    for line in [
        "Title:           T1 #read(\"/etc/passwd\") $x$ <label> @ref \\ ] [ ]); }",
        "Author:          A1 #sys.inputs ]) \\ @ref",
        "Keywords:        K1 #read(\"/etc/passwd\") ]);",
        "Subject:         S1 #import \"@preview/x:1.0.0\": * and #eval(\"1\")",
    ] {
        assert!(info.contains(line), "`{line}` is not in the metadata:\n{info}");
    }
    // The link's URL and the image's alt text are typst strings, not markup.
    let source = std::fs::read_to_string(pdf.with_extension("pdf.typ")).unwrap();
    assert!(source.contains("#link(\"https://example.org/a?b=\\\"]);#read(\\\"x\\\")\")["), "the URL");
    assert!(source.contains("alt: \"G1 #read(\\\"/etc/passwd\\\") ]); \\\"alt\\\"\""), "the alt text");
}

/// T28: an image linked with the wrong case is an error on every OS (with the right name as
/// hint); an SVG with a script, an event handler, embedded HTML, or a reference to a web
/// address (in an attribute or in CSS), a local file or a file outside the site is refused at
/// the construct's line, and a `.png` that is no image at its first byte; none is published,
/// linked from a page or not.
#[test]
fn t28_hostile_images_are_refused() {
    let site = built_minimal(false);
    site.overlay("hostile-images");
    let run = site.refused(&["--no-pdf"]);
    insta::assert_snapshot!(run.stderr);
}

/// T28: a 1 kB PNG declaring 100 000 × 100 000 pixels is refused at the image, before a page
/// or the typesetter decodes it, whether PDFs are made or not, and nothing is published; an
/// image saved with a decomposed (NFD) name, as macOS does, is found by a link typed composed
/// (NFC). Made in the test: a checkout could normalise the name.
#[test]
fn t28_a_pixel_bomb_is_refused_and_an_nfd_name_is_found() {
    let mut site = built_minimal(false);
    let images = site.site.root.join("content/io1-basics/images");
    std::fs::create_dir_all(&images).unwrap();
    let photo = crate::support::repo().join("tests/fixtures/pdf/content/io1-practice/images/photo.png");
    std::fs::copy(&photo, images.join("re\u{301}sume\u{301}.png")).unwrap();
    site.site.write("content/io1-basics/02-cv.md", "---\ntitle: CV\n---\n![A CV](images/r\u{e9}sum\u{e9}.png)\n");
    publish(&site, &["--no-pdf"]);
    assert!(site.site.read("1.0/en/io1-basics/cv/index.html").contains("alt=\"A CV\""));
    site.before = crate::support::tree(&site.site.out());

    std::fs::write(images.join("bomb.png"), pixel_bomb()).unwrap();
    site.site.write("content/io1-basics/03-bomb.md", "---\ntitle: Bomb\n---\nText.\n\n![A bomb](images/bomb.png)\n");
    let refused = "content/io1-basics/images/bomb.png:1:1: error: image is 100000 × 100000 pixels (10000 megapixels); \
                   the limit is 50 megapixels\n  hint: scale it down";
    // `[check] images = "warn"` cannot let it through: the error is about the file.
    site.site.append_config("[check]\nimages = \"warn\"\n");
    for args in [&["--no-pdf"][..], &[]] {
        let run = site.refused(args);
        assert!(run.stderr.contains(refused), "{}", run.stderr);
    }
}

/// A PNG whose header declares 100 000 × 100 000 RGB pixels, with almost no data.
fn pixel_bomb() -> Vec<u8> {
    fn chunk(kind: &[u8], data: &[u8]) -> Vec<u8> {
        let mut out = (data.len() as u32).to_be_bytes().to_vec();
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        out.extend_from_slice(&crc32(&[kind, data].concat()).to_be_bytes());
        out
    }
    let mut header = 100_000u32.to_be_bytes().to_vec();
    header.extend_from_slice(&100_000u32.to_be_bytes());
    header.extend_from_slice(&[8, 2, 0, 0, 0]);
    // A stored (uncompressed) zlib stream of 1 000 zero bytes.
    let mut idat = vec![0x78, 0x01, 0x01, 0xe8, 0x03, 0x17, 0xfc];
    idat.extend_from_slice(&[0; 1000]);
    idat.extend_from_slice(&[0x03, 0xe8, 0x00, 0x01]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(chunk(b"IHDR", &header));
    png.extend(chunk(b"IDAT", &idat));
    png.extend(chunk(b"IEND", &[]));
    png
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xedb8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// T29: file names with a right-to-left override, zero-width characters or a Cyrillic letter
/// among Latin ones are refused, naming the characters by code point, with a suggested name;
/// titles keep their characters (they are the author's text), an override left open is closed
/// at the title's end, and the slug and path are plain. Made in the test: a checkout
/// could mangle such names.
#[test]
fn t29_bidi_and_invisible_characters_never_reach_paths() {
    let site = built_minimal(false);
    let dir = site.site.root.join("content/io1-basics");
    std::fs::write(dir.join("02-gr\u{202e}oup\u{200b}work.md"), "---\ntitle: Group\n---\nText.\n").unwrap();
    std::fs::write(dir.join("03-p\u{430}yment.md"), "---\ntitle: Payment\n---\nText.\n").unwrap();
    let run = site.refused(&["--no-pdf"]);
    // The names are shown with their hidden characters spelled out: a raw U+202E would reverse
    // the rest of the terminal line.
    assert!(!run.stderr.contains(['\u{202e}', '\u{200b}']), "{}", run.stderr);
    insta::assert_snapshot!(run.stderr);

    std::fs::remove_file(dir.join("02-gr\u{202e}oup\u{200b}work.md")).unwrap();
    std::fs::remove_file(dir.join("03-p\u{430}yment.md")).unwrap();
    let title = "Group\u{200d} work \u{202e}live\u{202c} P\u{430}yment";
    site.site.write("content/io1-basics/02-group-work.md", &format!("---\ntitle: \"{title}\"\n---\nText.\n"));
    publish(&site, &["--no-pdf"]);
    site.site.write("content/io1-basics/03-live.md", "---\ntitle: \"Live \u{202e}evil\"\n---\nText.\n");
    publish(&site, &["--no-pdf"]);
    let page = site.site.read("1.0/en/io1-basics/group-work/index.html");
    assert!(page.contains(&format!("<h1 id=\"page-title\">{title}</h1>")), "the title is kept:\n{page}");
    // An override left open is closed at the end of the title, before the site's name.
    let live = site.site.read("1.0/en/io1-basics/live/index.html");
    assert!(live.contains("<title>Live \u{202e}evil\u{202c} "), "{live}");
    assert!(page.contains("Live \u{202e}evil\u{202c}</"), "the next module's title is closed:\n{page}");
    for path in crate::support::tree(&site.site.out()).keys() {
        assert!(
            !path.contains(['\u{202e}', '\u{202c}', '\u{200b}', '\u{200d}', '\u{430}']),
            "{path} holds a bidi, invisible or Cyrillic character"
        );
    }
}
