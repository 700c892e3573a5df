//! SCORM 1.2 packages: what Moodle, ILIAS and Canvas import and track. A package is a zip with
//! `imsmanifest.xml` at its root, one SCO (a page that talks to the LMS) per module, and the
//! files the pages share. What the manifest must look like is in
//! `../shared/reference/lms.md`: the default IMS namespace, the `adlcp` prefix written exactly
//! so and `adlcp:scormtype` in lower case (Moodle and ILIAS match them as text), identifiers
//! that are XML IDs and stay the same across versions (an LMS keeps its tracking data by item
//! identifier when a new version is uploaded), every file listed.

use super::PackageFile;
use super::zip::{self, Entry, Method};

/// The script every SCO page loads (`<script src="scorm.js">`): it finds the LMS's API, marks
/// the module incomplete on start and completed when the learner reaches its end, reports the
/// session time, commits and finishes. Opened outside an LMS, it does nothing.
pub const RUNTIME: &str = include_str!("scorm.js");
pub const RUNTIME_FILE: &str = "scorm.js";

/// The longest title and version the SCORM 1.2 schema allows.
const MAX_TITLE: usize = 200;
const MAX_VERSION: usize = 20;

/// A SCO: one page of the package, tracked on its own.
pub struct Sco {
    /// Stable across versions and unique in the package (an XML ID).
    pub identifier: String,
    pub title: String,
    /// The page (`index.html`, `m2.html`).
    pub page: PackageFile,
}

/// A SCORM 1.2 package: a module (one SCO) or an output (one SCO per module, in order).
pub struct Package {
    /// Stable across versions (`innotrain-io3-quality-monitoring-indicators-el`).
    pub identifier: String,
    pub title: String,
    /// The version label (in the manifest's `version`).
    pub version: String,
    pub scos: Vec<Sco>,
    /// Files every page uses: the style sheet, the runtime, the emblem, the content's media.
    pub shared: Vec<PackageFile>,
}

/// The package as zip bytes (see [`entries`]).
pub fn zip(package: Package) -> anyhow::Result<Vec<u8>> {
    zip::write(&entries(package))
}

/// The package's files in the order of the zip: the manifest first, then the pages, then the
/// shared files.
pub fn entries(package: Package) -> Vec<Entry<'static>> {
    let mut entries = vec![Entry::new("imsmanifest.xml", manifest(&package).into_bytes(), Method::Deflated)];
    for file in package.scos.into_iter().map(|sco| sco.page).chain(package.shared) {
        let method = if super::is_compressible(&file.path) { Method::Deflated } else { Method::Stored };
        entries.push(Entry::new(file.path, file.bytes, method));
    }
    entries
}

/// `imsmanifest.xml`: one organization with an item per SCO, a `sco` resource per page and one
/// `asset` resource with the shared files that every SCO depends on.
pub fn manifest(package: &Package) -> String {
    let id = &package.identifier;
    let mut xml = String::new();
    xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.push_str(&format!(
        "<manifest identifier=\"{id}\" version=\"{}\" \
         xmlns=\"http://www.imsproject.org/xsd/imscp_rootv1p1p2\" \
         xmlns:adlcp=\"http://www.adlnet.org/xsd/adlcp_rootv1p2\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd \
         http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd \
         http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd\">\n",
        escape(&truncate(&package.version, MAX_VERSION))
    ));
    xml.push_str(
        "  <metadata>\n    <schema>ADL SCORM</schema>\n    <schemaversion>1.2</schemaversion>\n  </metadata>\n",
    );
    xml.push_str(&format!("  <organizations default=\"{id}-org\">\n    <organization identifier=\"{id}-org\">\n"));
    xml.push_str(&format!("      <title>{}</title>\n", escape(&truncate(&package.title, MAX_TITLE))));
    for sco in &package.scos {
        xml.push_str(&format!(
            "      <item identifier=\"{}\" identifierref=\"{}-res\" isvisible=\"true\">\n        <title>{}</title>\n      </item>\n",
            sco.identifier,
            sco.identifier,
            escape(&truncate(&sco.title, MAX_TITLE))
        ));
    }
    xml.push_str("    </organization>\n  </organizations>\n  <resources>\n");
    for sco in &package.scos {
        xml.push_str(&format!(
            "    <resource identifier=\"{}-res\" type=\"webcontent\" adlcp:scormtype=\"sco\" href=\"{}\">\n      <file href=\"{}\"/>\n      <dependency identifierref=\"{id}-shared\"/>\n    </resource>\n",
            sco.identifier,
            escape(&sco.page.path),
            escape(&sco.page.path)
        ));
    }
    xml.push_str(&format!("    <resource identifier=\"{id}-shared\" type=\"webcontent\" adlcp:scormtype=\"asset\">\n"));
    for file in &package.shared {
        xml.push_str(&format!("      <file href=\"{}\"/>\n", escape(&file.path)));
    }
    xml.push_str("    </resource>\n  </resources>\n</manifest>\n");
    xml
}

/// An XML ID from `parts`: lower-case ASCII letters, digits and hyphens, starting with a letter.
pub fn identifier(parts: &[&str]) -> String {
    let name = crate::slug::ascii_name(&parts.join("-"), "package");
    if name.starts_with(|c: char| c.is_ascii_alphabetic()) { name } else { format!("p-{name}") }
}

fn truncate(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

/// Text for XML content and attribute values: as for HTML, and without the control characters
/// XML 1.0 does not allow at all (a title could hold one).
pub(crate) fn escape(text: &str) -> String {
    let allowed: String =
        text.chars().map(|c| if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') { ' ' } else { c }).collect();
    crate::markdown::escape(&allowed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(path: &str) -> PackageFile {
        PackageFile { path: path.into(), bytes: b"<p>x</p>".to_vec() }
    }

    #[test]
    fn identifiers_are_xml_ids_and_text_is_escaped() {
        assert_eq!(identifier(&["innotrain", "io3/indicators", "el"]), "innotrain-io3-indicators-el");
        assert_eq!(identifier(&["2021", "Δ"]), "p-2021");
        let package = Package {
            identifier: "innotrain-io3-el".into(),
            title: "Quality & \"indicators\" <1>".into(),
            version: "2.0".into(),
            scos: vec![Sco { identifier: "innotrain-io3-a-el".into(), title: "A".into(), page: page("m1.html") }],
            shared: vec![page("style.css")],
        };
        let xml = manifest(&package);
        assert!(xml.contains("<title>Quality &amp; &quot;indicators&quot; &lt;1&gt;</title>"), "{xml}");
        assert!(xml.contains("adlcp:scormtype=\"sco\" href=\"m1.html\""), "{xml}");
        assert!(xml.contains("<dependency identifierref=\"innotrain-io3-el-shared\"/>"), "{xml}");
    }
}
