//! Front matter a partner or an attacker writes (reliability.md T01–T07): every YAML mistake is
//! refused at its line and column counted from the start of the file, in words a translator can
//! act on; bombs and deep nesting are refused quickly by budgets; YAML's type guessing, tags,
//! includes and merge keys never change or fetch a text. HTML in front matter fields is
//! markup.rs's.

use crate::common::{Built, built_minimal};
use crate::support::{Fixture, Run};

/// Adds Greek to the site's languages (the build before stays English only).
fn with_greek(built: &Built) {
    built.site.append_config("[[languages]]\ncode = \"el\"\nname = \"Ελληνικά\"\n");
}

/// The error and hint lines of a refused build, plus its summary line.
fn errors(run: &Run) -> String {
    run.stderr.lines().filter(|l| !l.trim().is_empty()).collect::<Vec<_>>().join("\n")
}

/// A module of the minimal site with `yaml` between the `---` lines.
fn module(site: &Fixture, name: &str, yaml: &str) {
    site.write(&format!("content/io1-basics/{name}"), &format!("---\n{yaml}---\nBody.\n"));
}

/// T01: a quote left open on line 3 of a Greek file, and a text that goes on after its closing
/// quote on line 5 of another, after Greek letters (two bytes each): both at the character
/// column, counted from the first `---` line, in one build.
#[test]
fn t01_yaml_syntax_errors_in_greek_files_are_at_their_line_and_character_column() {
    let built = built_minimal(false);
    with_greek(&built);
    built.overlay("t01-greek-yaml-syntax");
    let run = built.refused(&["--no-pdf"]);
    insta::assert_snapshot!(errors(&run));
    // The reference's own example: `title: "Μάθημα 1` on line 3, the quote in column 8.
    assert!(
        run.stderr.contains("content/io1-basics/01-first-steps.el.md:3:8: error: unclosed quote"),
        "{}",
        run.stderr
    );
    // Line 5, after `summary: "Πρώτα βήματα"`: counted in characters, not bytes.
    let line = "summary: \"Πρώτα βήματα\" για όλους";
    let column = line.find("για").map(|at| line[..at].chars().count() + 1).unwrap();
    assert!(run.stderr.contains(&format!("_index.el.md:5:{column}: error: the text goes on")), "{}", run.stderr);
}

/// T02: values of the wrong type and a date that does not exist, each at its value, saying what
/// was expected and what was found (before: `invalid u32` with a hint about YAML syntax).
/// Misspelt top-level keys: cli `errors::front_matter_unknown_key`.
#[test]
fn t02_ill_typed_values_and_an_invalid_date_are_refused_at_the_value() {
    let built = built_minimal(false);
    with_greek(&built);
    built.overlay("t02-ill-typed-keys");
    let run = built.refused(&["--no-pdf"]);
    insta::assert_snapshot!(errors(&run));
    assert!(run.stderr.contains("02-duration.md:3:19: error: expected a whole number, found `\"ninety\"`"));
    assert!(run.stderr.contains("_index.el.md:3:42: error: `2024-02-30` is not a date"), "{}", run.stderr);
}

/// T03: a block never closed, one closed with YAML's `...`, and a page with no front matter.
#[test]
fn t03_front_matter_never_closed_or_closed_with_dots_is_refused() {
    let built = built_minimal(false);
    built.overlay("t03-unclosed-front-matter");
    let run = built.refused(&["--no-pdf"]);
    insta::assert_snapshot!(errors(&run));
    assert!(run.stderr.contains("03-closed-with-dots.md:4:1: error: front matter ends with `...` instead of `---`"));
}

/// T04: Windows Notepad's UTF-8 BOM with CRLF, and classic Mac OS's lone CR, give the same site
/// as LF; before, a lone-CR file was "missing front matter".
#[test]
fn t04_bom_crlf_and_lone_cr_give_the_same_site_as_lf() {
    let module = "content/io1-basics/01-first-steps.md";
    let lf = built_minimal(false);
    let text = lf.site.read_source(module);
    for (variant, saved) in
        [("BOM + CRLF", format!("\u{feff}{}", text.replace('\n', "\r\n"))), ("lone CR", text.replace('\n', "\r"))]
    {
        let twin = Fixture::new("minimal");
        twin.write(module, &saved);
        let run = twin.build(&["--no-pdf"]);
        assert_eq!(run.code, 0, "{variant}: {}", run.stderr);
        assert!(crate::support::tree(&twin.out()) == lf.before, "{variant}: the site differs from the LF build");
    }
}

/// T04: a broken CRLF (and lone-CR) file points at the same line and column as its LF twin.
#[test]
fn t04_errors_in_crlf_and_lone_cr_files_are_at_the_lf_position() {
    let broken = "---\ntitle: Πρώτα βήματα\nsummary: Κείμενο\nduration_minutes: \"ενενήντα\n---\nΚείμενο [σύνδεσμος](03-λείπει.md).\n";
    let mut outputs = Vec::new();
    for saved in [broken.to_string(), format!("\u{feff}{}", broken.replace('\n', "\r\n")), broken.replace('\n', "\r")] {
        let built = built_minimal(false);
        built.site.write("content/io1-basics/02-broken.md", &saved);
        outputs.push(errors(&built.refused(&["--no-pdf"])));
    }
    insta::assert_snapshot!(outputs[0]);
    assert!(outputs[0].contains("02-broken.md:4:19: error: unclosed quote"), "{}", outputs[0]);
    assert_eq!(outputs[1], outputs[0], "CRLF with BOM");
    assert_eq!(outputs[2], outputs[0], "lone CR");
}

/// T05: billion laughs (about 300 bytes, 9 levels) cannot expand: its values are lists where
/// the schema wants texts, so the first nested list is refused before any alias is replayed
/// (more than 100 aliases of texts break the alias budget: `front_matter::refuses_alias_bombs`
/// in src). The quadratic variant (one 10 kB anchor used 10,000 times) is refused at the alias
/// whose replayed text passes 64 KiB.
#[test]
fn t05_alias_bombs_are_refused_before_they_expand() {
    let built = built_minimal(false);
    let levels = |per_level: usize| {
        let mut lists = vec![format!("&a [{}]", vec!["lol"; per_level].join(","))];
        for level in 1..9u8 {
            let (name, previous) = ((b'a' + level) as char, (b'a' + level - 1) as char);
            lists.push(format!("&{name} [{}]", vec![format!("*{previous}"); per_level].join(",")));
        }
        format!("title: Laughs\nkeywords: [{}]\n", lists.join(", "))
    };
    let classic = levels(9);
    assert!(classic.len() < 400, "{} bytes", classic.len());
    module(&built.site, "02-laughs.md", &classic);
    let anchor = "x".repeat(10_000);
    let aliases = vec!["*k"; 10_000].join(", ");
    module(&built.site, "04-quadratic.md", &format!("title: Quadratic\nsummary: &k {anchor}\nkeywords: [{aliases}]\n"));
    let run = built.refused(&["--no-pdf"]);
    insta::assert_snapshot!(errors(&run));
    // The 6th alias is the one whose text passes 64 KiB (the anchor's 10 kB and 6 × 10 kB).
    let sixth = "keywords: [".len() + "*k, ".len() * 5 + 1;
    assert!(run.stderr.contains(&format!("04-quadratic.md:4:{sixth}: error:")), "{}", run.stderr);
}

/// T06: 10,000 nested lists are refused within the first 20 levels (the budget allows 16), not
/// by a stack overflow; a 100 kB block is refused by its size before YAML sees it, a 5 MB one
/// (in a 5 MB file) by the page size limit before the file is read (limits.rs).
#[test]
fn t06_deep_nesting_and_a_huge_block_are_refused() {
    let built = built_minimal(false);
    module(
        &built.site,
        "02-deep.md",
        &format!("title: Deep\nkeywords: {}{}\n", "[".repeat(10_000), "]".repeat(10_000)),
    );
    module(&built.site, "03-large.md", &format!("title: Large\nsummary: \"{}\"\n", "x".repeat(100_000)));
    module(&built.site, "04-huge.md", &format!("title: Huge\nsummary: \"{}\"\n", "x".repeat(5_000_000)));
    let run = built.refused(&["--no-pdf"]);
    insta::assert_snapshot!(errors(&run));
    assert!(run.stderr.contains("02-deep.md:3:28: error: front matter nests lists"), "{}", run.stderr);
}

/// T07: `no`, `1.10`, `0x10` and the other spellings YAML 1.1 would read as booleans or numbers
/// stay the texts written; `!!binary` keeps its text instead of decoding it.
#[test]
fn t07_type_traps_stay_the_texts_written() {
    let built = built_minimal(false);
    built.overlay("t07-yaml-type-traps");
    let run = crate::markup::publish(&built, &["--no-pdf"]);
    assert!(!run.stderr.contains("error"), "{}", run.stderr);
    let page = built.site.read("1.0/en/io1-basics/traps/index.html");
    assert!(page.contains("<h1 id=\"page-title\">no</h1>"), "the title `no` is not the text `no`");
    assert!(page.contains("content=\"1.10\""), "the summary `1.10` is not the text `1.10`");
    for keyword in ["yes", "off", "1.10", "0x10", "010", ".inf", "1e3", "null", "~", "NO", "On"] {
        assert!(page.contains(&format!("\"{keyword}\"")), "`{keyword}` changed on the page");
    }
    let binary = built.site.read("1.0/en/io1-basics/binary/index.html");
    assert!(binary.contains(">cm9vdDp4OjA6MDpyb290</h1>"), "the !!binary title was decoded");
    assert!(!binary.contains("root:x:0:0"));
}

/// T07: a duplicate key at the second one, `!include` and other tags, merge keys and an alias
/// without anchor are refused, never resolved (before: `!include /etc/passwd` became the title
/// `/etc/passwd`, a custom tag dropped silently, a merge pulled keys in, and a duplicate key was
/// "a tab character" because the parser's message says "acceptable").
#[test]
fn t07_duplicate_keys_tags_includes_and_merge_keys_are_refused() {
    let built = built_minimal(false);
    built.overlay("t07-yaml-tags-and-merges");
    let run = built.refused(&["--no-pdf"]);
    insta::assert_snapshot!(errors(&run));
    assert!(run.stderr.contains("02-duplicate.md:4:1: error: `title` is written twice"), "{}", run.stderr);
    assert!(!run.stderr.contains("root:"), "a file was read: {}", run.stderr);
}
