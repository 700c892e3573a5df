//! Limits a host can rely on (issue 19 part 6; reliability.md T20): each limit is tested at its
//! value and one step beyond, and what lies beyond is a positioned error, never memory or time
//! running out. Nested lists and quotes 10,000 deep and a 5 MB line are pathological.rs's;
//! YAML depth, aliases and bombs are front_matter.rs's.
//!
//! | input                      | limit                 | beyond                                  |
//! |----------------------------|-----------------------|-----------------------------------------|
//! | a Markdown page            | 2,000,000 bytes       | `file is 52.4 MB; the limit …`, unread  |
//! | its front matter           | 65,536 bytes (64 KiB) | `front matter is 100.0 kB; the limit …` |
//! | YAML aliases in it         | 100                   | `repeats YAML aliases … more than 100`  |
//! | a highlighted code block   | 64 KiB                | shown plain (escaped), no error         |
//! | pages in a site            | none (5,000 tested)   | time and memory grow with the count     |

use std::fs::File;

use crate::common::built_minimal;
use crate::support::{Fixture, Run};

/// The error and hint lines of a refused build, plus its summary line.
fn errors(run: &Run) -> String {
    run.stderr.lines().filter(|l| !l.trim().is_empty()).collect::<Vec<_>>().join("\n")
}

/// A module of exactly `bytes` bytes: front matter, then lines of words.
fn page_of(bytes: usize) -> String {
    let mut text = String::from("---\ntitle: A long module\n---\n");
    let line = "The quality cycle has four phases: planning, implementation, evaluation and review.\n";
    while text.len() + line.len() <= bytes {
        text.push_str(line);
    }
    text.push_str(&"x".repeat(bytes - text.len()));
    text
}

/// A page of exactly 2,000,000 bytes builds; one byte more is refused at 1:1, with the size
/// and the limit, before the file is read.
#[test]
fn a_page_at_the_size_limit_builds_and_one_byte_more_is_refused() {
    let site = Fixture::new("minimal");
    site.write("content/io1-basics/02-long.md", &page_of(2_000_000));
    let run = site.build(&["--no-pdf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(site.read("1.0/en/io1-basics/long/index.html").contains("four phases"));

    let built = built_minimal(false);
    built.site.write("content/io1-basics/02-long.md", &page_of(2_000_001));
    let run = built.refused(&["--no-pdf"]);
    insta::assert_snapshot!(errors(&run));
}

/// A 50 MiB Markdown file is refused by its size without being read: the file is sparse (all
/// NUL bytes, taking no disk), so had it been read the error would be about a NUL byte.
#[test]
fn a_50_mb_page_is_refused_unread() {
    let built = built_minimal(false);
    let file = File::create(built.site.root.join("content/io1-basics/02-huge.md")).unwrap();
    file.set_len(50 << 20).unwrap();
    let run = built.refused(&["--no-pdf"]);
    insta::assert_snapshot!(errors(&run));
    assert!(run.stderr.contains("02-huge.md:1:1: error: file is 52.4 MB; the limit for a page is 2.0 MB"));
}

/// Front matter of exactly 64 KiB (between the `---` lines) is read; one byte more is refused.
#[test]
fn front_matter_at_64_kib_is_read_and_one_byte_more_is_refused() {
    let yaml_of = |bytes: usize| {
        let head = "title: Long front matter\nsummary: \"";
        format!("{head}{}\"\n", "x".repeat(bytes - head.len() - 2))
    };
    let site = Fixture::new("minimal");
    let at_limit = yaml_of(64 * 1024);
    assert_eq!(at_limit.len(), 65_536);
    site.write("content/io1-basics/02-long.md", &format!("---\n{at_limit}---\nBody.\n"));
    let run = site.build(&["--no-pdf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);

    let built = built_minimal(false);
    built.site.write("content/io1-basics/02-long.md", &format!("---\n{}---\nBody.\n", yaml_of(64 * 1024 + 1)));
    let run = built.refused(&["--no-pdf"]);
    insta::assert_snapshot!(errors(&run));
}

/// 100 YAML aliases are read, the 101st is refused where it is written.
#[test]
fn a_hundred_yaml_aliases_are_read_and_the_next_is_refused() {
    let front = |aliases: usize| {
        format!("---\ntitle: Aliases\nkeywords: [&k quality, {}]\n---\nBody.\n", vec!["*k"; aliases].join(", "))
    };
    let site = Fixture::new("minimal");
    site.write("content/io1-basics/02-aliases.md", &front(100));
    let run = site.build(&["--no-pdf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);

    let built = built_minimal(false);
    built.site.write("content/io1-basics/02-aliases.md", &front(101));
    let run = built.refused(&["--no-pdf"]);
    insta::assert_snapshot!(errors(&run));
    let column = "keywords: [&k quality, ".len() + "*k, ".len() * 100 + 1;
    assert!(run.stderr.contains(&format!("02-aliases.md:3:{column}: error:")), "{}", run.stderr);
}

/// A code block of 64 KiB is highlighted; one byte longer it is shown plain, still escaped.
#[test]
fn a_code_block_over_64_kib_is_shown_plain() {
    let block_of = |bytes: usize| {
        let line = "let x = \"<b>\";\n";
        let mut code = line.repeat(bytes / line.len());
        code.push_str(&" ".repeat(bytes - code.len() - 1));
        code.push('\n');
        code
    };
    let site = Fixture::new("minimal");
    site.write("content/io1-basics/02-at.md", &format!("---\ntitle: At\n---\n```rust\n{}```\n", block_of(64 * 1024)));
    site.write(
        "content/io1-basics/03-over.md",
        &format!("---\ntitle: Over\n---\n```rust\n{}```\n", block_of(64 * 1024 + 1)),
    );
    let run = site.build(&["--no-pdf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let at = site.read("1.0/en/io1-basics/at/index.html");
    let over = site.read("1.0/en/io1-basics/over/index.html");
    assert!(at.contains("class=\"hl-"), "the block at the limit is not highlighted");
    assert!(!over.contains("class=\"hl-"), "the block over the limit is highlighted");
    assert!(over.contains("&quot;&lt;b&gt;&quot;") || over.contains("\"&lt;b&gt;\""), "not escaped");
    assert!(!over.contains("<b>"));
}

/// 5,000 small pages in 50 outputs build, every one of them written. (20,000 pages build the
/// same way, in 8 s and 400 MB on two cores without PDFs: too slow for a test on a shared
/// machine; with PDFs about 8 ms more a page.)
#[test]
fn five_thousand_small_pages_build() {
    let site = Fixture::new("minimal");
    let (outputs, per_output) = (50, 100);
    for output in 0..outputs {
        let folder = format!("content/io{}-part-{output}", output + 2);
        site.write(&format!("{folder}/_index.md"), &format!("---\ntitle: Part {output}\n---\nPart {output}.\n"));
        for page in 0..per_output {
            site.write(
                &format!("{folder}/{:03}-page-{page}.md", page + 1),
                &format!("---\ntitle: Page {output}.{page}\n---\n## Heading\n\nText about quality {page}.\n"),
            );
        }
    }
    let run = site.build(&["--no-pdf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // 5,000 modules, 50 landing pages and the minimal site's 3 pages.
    assert!(run.stdout.contains("built 5053 pages") || run.stderr.contains("built 5053 pages"), "{}", run.stderr);
    for output in [0, 49] {
        let page = site.read(&format!("1.0/en/io{}-part-{output}/page-99/index.html", output + 2));
        assert!(page.contains(&format!(">Page {output}.99</h1>")));
    }
}

/// A 10 kB link address (and a 10 kB front matter value) is not echoed whole in the messages:
/// each quoted value is cut to its first 80 characters, with its length said.
#[test]
fn long_values_are_cut_in_messages() {
    let site = built_minimal(false);
    let address = format!("missing-{}.md", "a".repeat(10_000));
    site.site.write("content/io1-basics/02-long-link.md", &format!("---\ntitle: Link\n---\n[Read on]({address})\n"));
    site.site.write(
        "content/io1-basics/03-long-key.md",
        &format!("---\ntitle: Key\nlicense: \"{}\"\n---\nText.\n", "CC".repeat(5_000)),
    );
    let run = site.refused(&["--no-pdf"]);
    assert!(run.stderr.len() < 2_000, "{} bytes of messages:\n{}", run.stderr.len(), run.stderr);
    insta::assert_snapshot!(errors(&run));
}
