//! Building some languages (`--lang`) into a previous output, and building a site in parts
//! (`--part`, as the jobs of a CI matrix do) merged with `innotrain merge`: both must give the
//! very files of one full build, every byte of every file (PDFs and search index included).

use std::collections::BTreeMap;
use std::path::Path;

use crate::support::{Fixture, tree};

/// The multilingual fixture (English, German and Greek, partly translated: Greek readers get
/// the indicators module and the mapping module in English) with a second version, 1.0, from a
/// snapshot folder that lacks the German indicators module.
fn two_versions() -> Fixture {
    let site = Fixture::new("multilingual");
    crate::support::copy_dir(&site.root.join("content"), &site.root.join("snapshots/1.0/content"));
    std::fs::remove_file(site.root.join("snapshots/1.0/content/io1-quality/02-indicators.de.md")).unwrap();
    site.append_config("[[versions]]\nlabel = \"1.0\"\nsnapshot = \"snapshots/1.0\"\ndate = \"2020-06-30\"\n");
    site
}

fn build(site: &Fixture, out: &Path, args: &[&str]) {
    let mut all = vec!["--out", out.to_str().unwrap()];
    all.extend_from_slice(args);
    let run = site.build(&all);
    assert_eq!(run.code, 0, "build {args:?}: {}", run.stderr);
    assert!(!run.stderr.contains("warning"), "build {args:?}: {}", run.stderr);
}

/// The paths that differ between two trees (missing on either side, or other bytes).
fn differences(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    let mut paths: Vec<&String> = a.keys().chain(b.keys()).collect();
    paths.sort();
    paths.dedup();
    paths.into_iter().filter(|p| a.get(*p) != b.get(*p)).cloned().collect()
}

fn assert_same_tree(expected: &Path, actual: &Path) {
    let (expected, actual) = (tree(expected), tree(actual));
    assert!(expected.len() > 100, "a real site: {} files", expected.len());
    let differ = differences(&expected, &actual);
    if !differ.is_empty() && std::env::var_os("PARTIAL_DIFF").is_some() {
        let (a, b) = (String::from_utf8_lossy(&expected[&differ[0]]), String::from_utf8_lossy(&actual[&differ[0]]));
        for (x, y) in a.lines().zip(b.lines()).filter(|(x, y)| x != y).take(5) {
            eprintln!("-{x}\n+{y}");
        }
    }
    assert!(differ.is_empty(), "{} files differ: {differ:#?}", differ.len());
}

/// Languages built one after another (alone and with `--version`) into an output built from
/// older texts give the files of a full build of the new texts. The English text of a module
/// changes in between: the English pages, the Greek fallback page that shows it, the German
/// translation (up to date before, outdated now: its page and every status page say so) and
/// the search indexes change with it.
///
/// After each build, the files that span languages (versions.json, sitemap.xml, the root
/// index, 404.html, the results export, every language's status page) are already as a full
/// build writes them.
///
/// Mutations checked: keeping the rebuilt language's old search files (`keep_languages` keeping
/// every file of the bundle) fails the comparison (stale `pagefind/en_…` files); so does
/// leaving the kept languages out of the search entry file (`keep_languages` returning `None`);
/// rendering status pages for the rendered languages only fails after the first step (the
/// German status page does not show the German translation as outdated); so does a
/// versions.json and sitemap.xml of the rendered languages only (`version_index` with the
/// summaries' languages cut to `--lang`).
#[test]
fn languages_built_one_after_another_equal_a_full_build() {
    let site = two_versions();
    let (partial, full) = (site.root.join("partial"), site.root.join("full"));
    let done =
        site.run(&["translation", "done", "io1-quality/indicators", "de", "--root", site.root.to_str().unwrap()]);
    assert_eq!(done.code, 0, "{}", done.stderr);
    build(&site, &partial, &["--no-pdf"]);
    let module = site.root.join("content/io1-quality/02-indicators.md");
    let text = std::fs::read_to_string(&module).unwrap();
    std::fs::write(&module, format!("{text}\nA new paragraph about indicator baselines.\n")).unwrap();

    build(&site, &full, &["--no-pdf"]);
    let before = tree(&partial);
    let steps: [&[&str]; 4] = [
        &["--lang", "en"],
        &["--version", "2.0", "--lang", "de"],
        &["--version", "1.0", "--lang", "de"],
        &["--lang", "el"],
    ];
    for step in steps {
        build(&site, &partial, &[&["--no-pdf"], step].concat());
        // After each step, what spans languages is as a full build writes it.
        let (expected, actual) = (tree(&full), tree(&partial));
        let spanning = |path: &&String| {
            !path.contains('/') || path.ends_with("results.json") || path.ends_with("/status/index.html")
        };
        let differ: Vec<String> = differences(&expected, &actual).into_iter().filter(|p| spanning(&p)).collect();
        assert!(differ.is_empty(), "after {step:?}: {differ:?}");
    }
    assert_ne!(tree(&partial), before, "the pages changed");
    assert_same_tree(&full, &partial);
    let greek = std::fs::read_to_string(partial.join("2.0/el/io1-quality/indicators/index.html")).unwrap();
    assert!(greek.contains("indicator baselines"), "the Greek fallback page shows the new English text");
}

/// A matrix of parts (two versions × two groups of languages, each built with PDFs on a
/// machine of its own: its own cache, its own output folder), merged in either order, gives
/// the files of one full build. `latest/` holds copies here, so the merge also combines the
/// search entry file of `latest/`.
///
/// Mutations checked: a part that leaves out the versions it does not render from versions.json
/// (`load_all` loading only `--version`) makes the merge fail ("different files
/// `versions.json`"); merging without combining the search entry files (keeping the first
/// part's) fails the comparison; so does a part that does not typeset the English PDFs its
/// fallback pages describe (`plan_described` planning nothing: their JSON-LD lacks the size).
#[test]
fn parts_built_apart_and_merged_equal_a_full_build() {
    let site = two_versions();
    site.append_config("[output]\nlatest = \"copy\"\n");
    let full = site.root.join("full");
    let cache = site.root.join("cache-full");
    build(&site, &full, &["--cache-dir", cache.to_str().unwrap()]);
    assert!(
        full.join("2.0/el/io1-quality/indicators")
            .read_dir()
            .unwrap()
            .any(|f| { f.unwrap().file_name().to_string_lossy().ends_with(".pdf") })
    );

    let mut parts = Vec::new();
    for version in ["1.0", "2.0"] {
        for group in ["en", "de,el"] {
            let part = site.root.join(format!("parts/{version}-{group}"));
            let cache = site.root.join(format!("cache-{version}-{group}"));
            let args = ["--part", "--version", version, "--lang", group, "--cache-dir", cache.to_str().unwrap()];
            build(&site, &part, &args);
            parts.push(part.to_str().unwrap().to_string());
        }
    }
    let first = Path::new(&parts[0]);
    assert!(!first.join("2.0").exists(), "a part holds its own version only");
    assert!(first.join("1.0/en/index.html").exists() && !first.join("1.0/de/index.html").exists());
    assert!(first.join("1.0/de/status/index.html").exists(), "but every language's status page");

    let merged = site.root.join("merged");
    let merge = |order: &[&String]| {
        let mut args = vec!["merge", "--out", merged.to_str().unwrap()];
        args.extend(order.iter().map(|p| p.as_str()));
        let run = site.run(&args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_same_tree(&full, &merged);
    };
    merge(&parts.iter().collect::<Vec<_>>());
    merge(&parts.iter().rev().collect::<Vec<_>>());

    // A part missing: the merge says which, and writes nothing.
    let before = tree(&merged);
    let run = site.run(&["merge", "--out", merged.to_str().unwrap(), &parts[0], &parts[1], &parts[2]]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: no part holds version `2.0` in `de`\n  hint: add a part built with `--version 2.0 --lang de`\n"
    );
    assert_eq!(tree(&merged), before);
}

/// `--lang` names languages of book.toml; a wrong one is refused before anything is built, and
/// the previous output stays as it was. Without a previous output, `--lang` says how to build a
/// part instead.
///
/// Mutation checked: looking the code up in the languages without the error (`chosen_languages`
/// skipping unknown codes) builds, and the test fails on the exit code.
#[test]
fn rejects_unknown_languages_and_keeps_the_previous_output() {
    let site = two_versions();
    build(&site, &site.out(), &["--no-pdf"]);
    let before = tree(&site.out());
    for value in ["xx", "de,xx", "EN"] {
        let run = site.build(&["--no-pdf", "--lang", value]);
        assert_eq!(run.code, 2, "--lang {value}");
        let code = value.rsplit(',').next().unwrap();
        assert_eq!(
            run.stderr,
            format!(
                "error: --lang: `{code}` is not a language of book.toml\n  hint: its languages are `en`, `de`, `el`\n"
            )
        );
    }
    assert_eq!(tree(&site.out()), before, "the previous output is untouched");

    let empty = site.root.join("empty");
    let run = site.build(&["--no-pdf", "--lang", "el", "--out", empty.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("keeps the other languages from it, but `[ROOT]/empty/versions.json` does not exist"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("pass `--part` to build a part for `innotrain merge`"), "{}", run.stderr);
    assert!(!empty.exists());
}
