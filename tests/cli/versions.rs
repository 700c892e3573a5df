//! Versions from git refs and snapshot folders, on a repository the test creates.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use crate::support::{Fixture, assert_links_resolve, tree};

fn git(dir: &Path, args: &[&str]) -> String {
    let output = Command::new("git")
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.org",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "tag.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(output.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).trim().to_string()
}

const VERSIONS: &str = r#"
[[versions]]
label = "0.9"
snapshot = "snapshots/0.9"
status = "draft-pilot"

[[versions]]
label = "1.0"
git = "v1.0"
date = "2020-06-30"
status = "pilot"

[[versions]]
label = "1.5"
git = "COMMIT"
date = "2021-03-01"
"#;

/// The multilingual fixture with history: v1.0 (tag) has the cycle module under another file
/// name (`01-loop.md`, same `id`) and no mapping module; 1.5 (a commit) adds the mapping
/// module; the working tree (2.0) renames the cycle module back. A snapshot folder holds 0.9.
fn versioned_site() -> Fixture {
    let site = Fixture::new("multilingual");
    let root = site.root.clone();
    let current = tree(&root.join("content"));
    // v1.0: the old state.
    std::fs::remove_file(root.join("content/io2-cooperation/01-mapping.md")).unwrap();
    for (path, bytes) in &current {
        if path.ends_with(".md") && root.join("content").join(path).exists() {
            let text = String::from_utf8(bytes.clone())
                .unwrap()
                .replace("01-cycle.md", "01-loop.md")
                .replace("(../io2-cooperation/01-mapping.md)", "(../io2-cooperation/_index.md)");
            std::fs::write(root.join("content").join(path), text).unwrap();
        }
    }
    std::fs::write(root.join("content/io2-cooperation/_index.md"), "---\ntitle: Cooperation\n---\nComing soon.\n")
        .unwrap();
    for lang in ["", ".el"] {
        let from = root.join(format!("content/io1-quality/01-cycle{lang}.md"));
        let text = std::fs::read_to_string(&from).unwrap().replacen("---\n", "---\nid: io1-quality/cycle\n", 1);
        let text = if lang.is_empty() { text } else { text.replace("id: io1-quality/cycle\n", "") };
        std::fs::remove_file(&from).unwrap();
        std::fs::write(
            root.join(format!("content/io1-quality/01-loop{lang}.md")),
            text.replace("The quality cycle", "The quality loop"),
        )
        .unwrap();
    }
    crate::support::copy_dir(&root.join("content"), &root.join("snapshots/0.9/content"));
    // v1.0 predates a message today's theme uses: the working tree's text stands in.
    let ui = crate::support::builtin_text("locales/en/ui.ftl");
    let old_ui: String = ui.lines().filter(|l| !l.starts_with("read-latest")).map(|l| format!("{l}\n")).collect();
    std::fs::create_dir_all(root.join("locales/en")).unwrap();
    std::fs::write(root.join("locales/en/ui.ftl"), old_ui).unwrap();
    git(&root, &["init", "-q"]);
    git(&root, &["add", "content", "book.toml", "locales"]);
    git(&root, &["commit", "-q", "-m", "1.0"]);
    git(&root, &["tag", "v1.0"]);
    std::fs::write(root.join("locales/en/ui.ftl"), ui).unwrap();
    // 1.5: the mapping module arrives.
    for (path, bytes) in &current {
        if path.starts_with("io2-cooperation/") {
            let text = String::from_utf8(bytes.clone()).unwrap().replace("01-cycle.md", "01-loop.md");
            std::fs::write(root.join("content").join(path), text).unwrap();
        }
    }
    git(&root, &["add", "content"]);
    git(&root, &["commit", "-q", "-m", "1.5"]);
    let commit = git(&root, &["rev-parse", "HEAD"]);
    // 2.0: the working tree, exactly the fixture.
    std::fs::remove_dir_all(root.join("content")).unwrap();
    crate::support::copy_dir(
        &crate::support::repo().join("tests/fixtures/multilingual/content"),
        &root.join("content"),
    );
    let config = std::fs::read_to_string(root.join("book.toml")).unwrap();
    std::fs::write(root.join("book.toml"), format!("{config}{}", VERSIONS.replace("COMMIT", &commit[..12]))).unwrap();
    site
}

#[test]
fn builds_every_version_from_tags_commits_and_snapshots() {
    let site = versioned_site();
    let run = site.build(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    for page in [
        "0.9/en/io1-quality/loop/index.html",
        "1.0/el/io1-quality/loop/index.html",
        "1.5/de/io2-cooperation/mapping/index.html",
        "2.0/en/io1-quality/cycle/index.html",
    ] {
        assert!(site.out().join(page).exists(), "{page}");
    }
    assert!(!site.out().join("1.0/en/io2-cooperation/mapping").exists());
    assert!(site.read("1.0/en/io1-quality/loop/index.html").contains("The quality loop"));
    assert_links_resolve(&site.out());
}

#[test]
fn switcher_follows_renamed_pages_by_id_and_falls_back_to_the_parent() {
    let site = versioned_site();
    site.build(&[]);
    let page = site.read("2.0/el/io1-quality/cycle/index.html");
    let switcher = crate::support::element(&page, "<nav class=\"version-switcher\"", "</nav>");
    insta::assert_snapshot!(switcher);
    assert!(switcher.contains("href=\"../../../../1.0/el/io1-quality/loop/\""), "renamed file, same id");
    let mapping = site.read("2.0/de/io2-cooperation/mapping/index.html");
    let switcher = crate::support::element(&mapping, "<nav class=\"version-switcher\"", "</nav>");
    assert!(switcher.contains("href=\"../../../../1.0/de/io2-cooperation/#missing-in-version\""), "{switcher}");
    let parent = site.read("1.0/de/io2-cooperation/index.html");
    assert!(parent.contains("<p id=\"missing-in-version\" class=\"version-gap\" role=\"note\" tabindex=\"-1\">Die Seite, von der Sie kommen, gibt es in dieser Version nicht."), "the target explains the detour");
    assert!(
        switcher.contains("Diese Seite gibt es in Version 1.0 nicht: Der Link öffnet „Cooperation“."),
        "{switcher}"
    );
}

#[test]
fn older_versions_carry_a_banner_to_the_latest() {
    let site = versioned_site();
    site.build(&[]);
    let old = site.read("1.0/en/io1-quality/loop/index.html");
    let banner = crate::support::element(&old, "<p class=\"old-version\"", "</p>");
    assert_eq!(
        banner,
        "<p class=\"old-version\" role=\"note\">You are reading version 1.0, which is not the latest. <a href=\"../../../../2.0/en/io1-quality/cycle/\">Read the latest version (2.0)</a></p>"
    );
    assert!(!site.read("2.0/en/io1-quality/cycle/index.html").contains("class=\"old-version\""));
}

#[test]
fn latest_redirects_to_the_versioned_pages() {
    let site = versioned_site();
    site.build(&[]);
    let stub = site.read("latest/el/io1-quality/cycle/index.html");
    assert!(
        stub.contains("<meta http-equiv=\"refresh\" content=\"0; url=../../../../2.0/el/io1-quality/cycle/\">"),
        "{stub}"
    );
    assert!(stub.contains("<link rel=\"canonical\" href=\"https://example.org/2.0/el/io1-quality/cycle/\">"));
    assert!(site.read("index.html").contains("href=\"2.0/en/\""));
}

#[test]
fn latest_can_be_a_real_copy() {
    let site = versioned_site();
    let config = std::fs::read_to_string(site.root.join("book.toml")).unwrap();
    std::fs::write(site.root.join("book.toml"), format!("[output]\nlatest = \"copy\"\n{config}")).unwrap();
    let run = site.build(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(site.read("latest/en/io1-quality/cycle/index.html"), site.read("2.0/en/io1-quality/cycle/index.html"));
    assert!(site.out().join("latest/media/io1-quality/images/cycle.svg").exists());
    assert_links_resolve(&site.out());
}

#[test]
fn versions_json_lists_versions_languages_and_pages() {
    let site = versioned_site();
    site.build(&[]);
    let json = site.read("versions.json");
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["latest"], "2.0");
    let labels: Vec<&str> =
        value["versions"].as_array().unwrap().iter().map(|v| v["label"].as_str().unwrap()).collect();
    assert_eq!(labels, ["0.9", "1.0", "1.5", "2.0"]);
    let v1 = &value["versions"][1];
    assert_eq!(v1["date"], "2020-06-30");
    assert_eq!(v1["status"], "pilot");
    let el_pages = v1["pages"]["el"].as_array().unwrap();
    let loop_page = el_pages.iter().find(|p| p["id"] == "io1-quality/cycle").unwrap();
    assert_eq!(loop_page["url"], "1.0/el/io1-quality/loop/");
    assert_eq!(loop_page["translated"], true);
    insta::assert_snapshot!(json);
}

#[test]
fn a_missing_ref_is_an_error_or_with_skip_a_warning() {
    let site = versioned_site();
    let config = std::fs::read_to_string(site.root.join("book.toml")).unwrap();
    std::fs::write(site.root.join("book.toml"), config.replace("git = \"v1.0\"", "git = \"v9.9\"")).unwrap();
    let run = site.build(&[]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!(run.stderr);
    let run = site.build(&["--skip-missing-versions"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("warning: git ref `v9.9` of version `1.0` was not found; the version is left out"),
        "{}",
        run.stderr
    );
    assert!(!site.out().join("1.0").exists());
    assert_links_resolve(&site.out());
}

#[test]
fn a_source_archive_without_git_says_how_to_get_the_history() {
    let site = versioned_site();
    std::fs::remove_dir_all(site.root.join(".git")).unwrap();
    let run = site.build(&[]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("but the project is not in a git repository"), "{}", run.stderr);
    assert!(run.stderr.contains("hint: build from a `git clone` of the project"), "{}", run.stderr);
}

#[test]
fn bad_version_declarations_are_errors() {
    let site = versioned_site();
    let config = std::fs::read_to_string(site.root.join("book.toml")).unwrap();
    let bad = config.replace("label = \"1.5\"", "label = \"1.0\"").replace("label = \"0.9\"", "label = \"../0.9\"");
    std::fs::write(site.root.join("book.toml"), bad).unwrap();
    let run = site.build(&[]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!(run.stderr);
}

/// The files below `folder/` of a built tree.
fn folder(files: &BTreeMap<String, Vec<u8>>, folder: &str) -> BTreeMap<String, Vec<u8>> {
    files
        .iter()
        .filter(|(path, _)| path.starts_with(&format!("{folder}/")))
        .map(|(p, b)| (p.clone(), b.clone()))
        .collect()
}

/// The entry of version `label` in a versions.json.
fn entry(json: &serde_json::Value, label: &str) -> serde_json::Value {
    json["versions"].as_array().unwrap().iter().find(|v| v["label"] == label).cloned().unwrap_or_default()
}

fn versions_json(bytes: &[u8]) -> serde_json::Value {
    serde_json::from_slice(bytes).unwrap()
}

/// `--version 2.0` neither needs nor touches the other versions: after a full build, 1.0's git
/// tag and 0.9's snapshot folder are gone, yet the build of 2.0 succeeds, keeps their folders
/// byte for byte and keeps them in versions.json. Fails when `--version` is ignored (every
/// version is loaded: `load_all` with `only = None`): the missing tag is then an error.
#[test]
fn building_one_version_keeps_the_others() {
    let site = versioned_site();
    assert_eq!(site.build(&[]).code, 0);
    let before = tree(&site.out());
    git(&site.root, &["tag", "-d", "v1.0"]);
    std::fs::remove_dir_all(site.root.join("snapshots/0.9")).unwrap();
    let path = site.root.join("content/io1-quality/02-indicators.md");
    let text = std::fs::read_to_string(&path).unwrap().replace("Back to", "Return to");
    std::fs::write(&path, text).unwrap();
    let run = site.build(&["--version", "2.0"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    let after = tree(&site.out());
    for kept in ["0.9", "1.0", "1.5"] {
        assert!(folder(&before, kept) == folder(&after, kept), "{kept}/ changed");
        let (old, new) = (versions_json(&before["versions.json"]), versions_json(&after["versions.json"]));
        assert_eq!(entry(&new, kept), entry(&old, kept), "{kept} in versions.json");
    }
    assert!(site.read("2.0/en/io1-quality/indicators/index.html").contains("Return to"));
    let unknown = site.build(&["--version", "3.0"]);
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("there is no version `3.0`"), "{}", unknown.stderr);
}

/// With `--skip-missing-versions`, a build of one version still keeps a version whose git ref
/// is gone (it does not need it): `1.0/` stays, in versions.json too, and nothing is reported.
/// Fails when `--version` is ignored: 1.0 is then left out with a warning.
#[test]
fn building_one_version_with_skip_missing_keeps_a_version_whose_ref_is_gone() {
    let site = versioned_site();
    assert_eq!(site.build(&[]).code, 0);
    let before = tree(&site.out());
    git(&site.root, &["tag", "-d", "v1.0"]);
    let run = site.build(&["--version", "2.0", "--skip-missing-versions"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    let after = tree(&site.out());
    assert!(folder(&before, "1.0") == folder(&after, "1.0"), "1.0/ changed");
    assert_eq!(entry(&versions_json(&after["versions.json"]), "1.0")["label"], "1.0");
}

/// A build of one version whose inputs, like everyone else's, did not change gives the full
/// build's tree byte for byte: the version's own files and the shared ones (versions.json,
/// sitemap.xml, robots.txt, index.html, 404.html, latest/, static/). Built once as the latest
/// version (2.0: the files that lead to it are rendered) and once as an older one (1.0: they are
/// kept). Fails when the kept versions are left out of the index (`version_index` taking only
/// loaded versions), or the latest's files are not kept (`render_all` without its `None` arm).
#[test]
fn building_one_unchanged_version_gives_the_full_build_byte_for_byte() {
    let site = versioned_site();
    assert_eq!(site.build(&[]).code, 0);
    let full = tree(&site.out());
    for label in ["2.0", "1.0"] {
        let run = site.build(&["--version", label]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_eq!(run.stderr, "");
        let rebuilt = tree(&site.out());
        assert_eq!(rebuilt.keys().collect::<Vec<_>>(), full.keys().collect::<Vec<_>>(), "--version {label}: files");
        for (path, bytes) in &full {
            assert!(&rebuilt[path] == bytes, "--version {label}: `{path}` differs from the full build");
        }
    }
}

/// `--version` takes the other versions from the previous output, so it refuses to run without
/// one, on a versions.json it cannot read, with other address settings, or when book.toml and
/// the previous output disagree about the versions (a version it lacks is an error, or with
/// `--skip-missing-versions` left out). Each case fails when its check in
/// `manifest::previous_versions` is removed (the build then succeeds or says something else).
#[test]
fn building_one_version_needs_a_matching_previous_output() {
    let site = versioned_site();
    let mut messages = String::new();
    let mut expect_failure = |case: &str, args: &[&str], code: i32| {
        let run = site.build(args);
        assert_eq!(run.code, code, "{case}: {}", run.stderr);
        messages.push_str(&format!("--- {case}\n{}", run.stderr));
    };
    expect_failure("no previous output", &["--version", "2.0"], 2);
    assert_eq!(site.build(&[]).code, 0);
    let json = site.read("versions.json");
    std::fs::write(site.out().join("versions.json"), json.replace("\"default_language\"", "\"default\"")).unwrap();
    expect_failure("versions.json of another innotrain", &["--version", "2.0"], 2);
    std::fs::write(site.out().join("versions.json"), &json).unwrap();
    expect_failure("other base path", &["--version", "2.0", "--base-path", "/sub/"], 2);
    let config = std::fs::read_to_string(site.root.join("book.toml")).unwrap();
    std::fs::write(site.root.join("book.toml"), config.replace("status = \"pilot\"", "status = \"final\"")).unwrap();
    expect_failure("status changed in book.toml", &["--version", "2.0"], 2);
    std::fs::write(site.root.join("book.toml"), config.replace("label = \"0.9\"", "label = \"0.8\"")).unwrap();
    expect_failure("a version book.toml no longer declares", &["--version", "2.0"], 2);
    std::fs::write(site.root.join("book.toml"), &config).unwrap();
    // A full build that left 1.0 out: the next build of 2.0 cannot keep it.
    git(&site.root, &["tag", "-d", "v1.0"]);
    assert_eq!(site.build(&["--skip-missing-versions"]).code, 0);
    expect_failure("a version the previous output lacks", &["--version", "2.0"], 1);
    expect_failure("… which cannot be built", &["--version", "1.0"], 2);
    insta::assert_snapshot!(messages.replace(&site.root.display().to_string(), "[ROOT]"));
    let run = site.build(&["--version", "2.0", "--skip-missing-versions"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("warning: version `1.0` is not in the previous output"), "{}", run.stderr);
    assert!(!site.out().join("1.0").exists());
    assert_links_resolve(&site.out());
}

/// A page that a build of one version moves leaves the other versions' switchers pointing at
/// its old address: the build says so. Fails when `warn_gone_addresses` is not called.
#[test]
fn building_one_version_warns_about_addresses_it_removed() {
    let site = versioned_site();
    assert_eq!(site.build(&["--no-pdf"]).code, 0);
    let module = site.root.join("content/io2-cooperation/01-mapping.md");
    std::fs::rename(&module, site.root.join("content/io2-cooperation/01-partners.md")).unwrap();
    for linking in ["io2-cooperation/_index.md", "io1-quality/01-cycle.md", "io1-quality/01-cycle.el.md"] {
        let path = site.root.join("content").join(linking);
        let text = std::fs::read_to_string(&path).unwrap().replace("01-mapping.md", "01-partners.md");
        std::fs::write(&path, text).unwrap();
    }
    let run = site.build(&["--version", "2.0", "--no-pdf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!(run.stderr);
}

/// README: "a version whose status is draft, preview or unreleased is never the latest". With
/// the working tree (2.0) a draft, 1.5 is the latest: versions.json, `latest/`, the root index
/// and the banners say so. Fails when `VersionIndex::new` ignores the status (the newest is
/// always the latest).
#[test]
fn a_draft_version_is_never_the_latest() {
    let site = versioned_site();
    let config = std::fs::read_to_string(site.root.join("book.toml")).unwrap();
    std::fs::write(
        site.root.join("book.toml"),
        config.replace("version = \"2.0\"", "version = \"2.0\"\nstatus = \"draft\""),
    )
    .unwrap();
    let run = site.build(&["--no-pdf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = versions_json(site.read("versions.json").as_bytes());
    assert_eq!(json["latest"], "1.5");
    assert_eq!(entry(&json, "1.5")["latest"], true);
    assert_eq!(entry(&json, "2.0")["latest"], false);
    let stub = site.read("latest/en/io1-quality/loop/index.html");
    assert!(stub.contains("content=\"0; url=../../../../1.5/en/io1-quality/loop/\""), "{stub}");
    assert!(site.read("index.html").contains("href=\"1.5/en/\""));
    assert!(!site.read("1.5/en/index.html").contains("class=\"old-version\""));
    assert!(site.read("2.0/en/index.html").contains("class=\"old-version\""));
}
