//! The package cache (issue 17, item 4): packages, e-books and offline copies are kept in the
//! cache folder (beside the PDFs) by a key of their files, so that an unchanged one is not
//! zipped again. On the `multilingual` fixture given a version date (for its e-books), with
//! PDFs (the offline copies hold them).

use std::collections::BTreeMap;

use crate::scorm::unzip;
use crate::support::{Fixture, tree};

/// The zips of a built site (SCORM packages, offline copies) and its e-books, by path.
fn zips(site: &Fixture) -> BTreeMap<String, Vec<u8>> {
    tree(&site.out()).into_iter().filter(|(path, _)| path.ends_with(".zip") || path.ends_with(".epub")).collect()
}

/// (zipped, unchanged) from the build's summary line.
fn counts(stdout: &str) -> (usize, usize) {
    let line = stdout.lines().find(|line| line.starts_with("built ")).unwrap_or_else(|| panic!("{stdout}"));
    let (_, rest) = line.split_once("; packages: ").unwrap_or_else(|| panic!("no package counts: {line}"));
    let numbers: Vec<usize> = rest.split(' ').filter_map(|word| word.trim_matches(',').parse().ok()).collect();
    assert_eq!(numbers.len(), 2, "{line}");
    (numbers[0], numbers[1])
}

fn build(site: &Fixture) -> (usize, usize) {
    let run = site.build(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    counts(&run.stdout)
}

/// A second build takes every zip from the cache, with the same bytes; an edited Greek text
/// makes exactly the zips that hold it again (the module's and the output's Greek packages, the
/// Greek book and the Greek copy) and takes the others; without the cache, or with a broken
/// file in it, every zip is made again, byte for byte the same.
#[test]
fn an_unchanged_package_is_taken_from_the_cache() {
    let site = Fixture::new("multilingual");
    let config = site.read_source("book.toml");
    site.write("book.toml", &config.replacen("version = \"2.0\"", "version = \"2.0\"\ndate = \"2026-03-01\"", 1));
    let (zipped, unchanged) = build(&site);
    let first = zips(&site);
    assert_eq!((zipped, unchanged), (first.len(), 0), "{:?}", first.keys());
    assert!(first.keys().any(|path| path.ends_with(".epub")) && first.keys().any(|p| p.contains("-offline-")));
    let cache = site.root.join(".innotrain-cache/pdf");
    let cached = || -> Vec<std::path::PathBuf> {
        let entries = std::fs::read_dir(&cache).unwrap().flatten().map(|entry| entry.path());
        entries.filter(|path| path.extension().is_some_and(|e| e == "zip")).collect()
    };
    assert_eq!(cached().len(), first.len(), "one cached zip per package");

    assert_eq!(build(&site), (0, first.len()), "a rebuild zips nothing");
    assert_eq!(zips(&site), first, "a zip from the cache has the same bytes");

    let text = "content/io1-quality/01-cycle.el.md";
    let greek = site.read_source(text);
    assert!(greek.contains("έρχεται πρώτος"));
    site.write(text, &greek.replace("έρχεται πρώτος", "έρχεται πάντα πρώτος"));
    let (zipped, unchanged) = build(&site);
    let second = zips(&site);
    let changed: Vec<&String> = second.keys().filter(|path| first.get(*path) != second.get(*path)).collect();
    assert_eq!((zipped, unchanged), (changed.len(), first.len() - changed.len()), "changed: {changed:?}");
    assert!(changed.iter().all(|path| path.starts_with("2.0/el/")), "{changed:?}");
    for made in ["-io1-quality-cycle-scorm-el-", "-io1-quality-scorm-el-", "-offline-el-", "-el-2.0.epub"] {
        assert!(changed.iter().any(|path| path.contains(made)), "{made} was not made again: {changed:?}");
    }
    let package = changed.iter().find(|path| path.contains("-cycle-scorm-el-")).unwrap();
    let page = String::from_utf8(unzip(&site.out().join(package))["index.html"].clone()).unwrap();
    assert!(page.contains("έρχεται πάντα πρώτος"), "the new text is in the package");

    // A file that is not a whole zip is not taken; without the cache every zip is made again.
    for path in cached() {
        std::fs::write(path, b"half a zip").unwrap();
    }
    assert_eq!(build(&site), (second.len(), 0));
    assert_eq!(zips(&site), second, "a zip made again has the same bytes");
    std::fs::remove_dir_all(&cache).unwrap();
    assert_eq!(build(&site).0, second.len());
    assert_eq!(zips(&site), second);
}

/// A cache folder that cannot be made (here: below a file) caches nothing, and the build is the
/// same: every package, book and copy byte for byte, the copies with their PDFs.
#[test]
fn without_a_usable_cache_folder_the_packages_are_the_same() {
    let site = Fixture::new("multilingual");
    let run = site.build(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let with_cache = zips(&site);
    let unusable = site.root.join("book.toml").join("cache");
    let run = site.build(&["--cache-dir", unusable.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(counts(&run.stdout), (with_cache.len(), 0), "{}", run.stdout);
    assert_eq!(zips(&site), with_cache);
    let copy = unzip(&site.out().join("2.0/el/fixture-offline-el-2.0.zip"));
    assert!(copy.keys().any(|name| name.ends_with(".pdf")), "{:?}", copy.keys());
}
