//! `versions.json`, the site's manifest: every version with its languages, its pages (ids,
//! titles, addresses, translated or not) and PDFs, and the address settings every page was built
//! with. Every build writes it, for scripts and other sites; `build --version` reads it back
//! from the previous output, because rendering one version needs to know the others (version
//! switcher, old-version banner, sitemap, versions.json itself) and must not load them.
//!
//! A [`VersionSummary`] is that knowledge of one version, whether this build loaded the version
//! or read it back; a [`VersionIndex`] holds all of them in book.toml order and knows the latest.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, bail};
use serde::{Deserialize, Serialize};

use crate::config::{Config, LinkStyle};
use crate::diag::Diagnostics;
use crate::key::{Lang, PageId, Version};
use crate::versions;

/// The manifest's path in the output.
pub const FILE: &str = "versions.json";

/// The format's version: bumped when a field changes meaning, not when one is added.
const SCHEMA: u32 = 1;

/// Statuses that mark a version as not released: `latest/` never points to one.
const UNRELEASED: [&str; 3] = ["draft", "preview", "unreleased"];

/// What the rest of the site needs to know about one version.
#[derive(Debug, Clone, PartialEq)]
pub struct VersionSummary {
    pub label: Version,
    pub date: Option<String>,
    pub status: Option<String>,
    pub note: Option<String>,
    /// In the order of the version's book.toml.
    pub languages: Vec<Lang>,
    /// One of `languages`.
    pub default_lang: Lang,
    /// Every page, in the site's order.
    pub pages: Vec<PageSummary>,
    /// The PDFs per language code, as versions.json lists them (none when the build made none).
    pub pdfs: BTreeMap<String, Vec<PageJson>>,
    /// The SCORM packages per language code (none when the build made none).
    pub packages: BTreeMap<String, Vec<PageJson>>,
}

/// One page of a version.
#[derive(Debug, Clone, PartialEq)]
pub struct PageSummary {
    pub id: PageId,
    /// Below `<version>/<lang>/`, e.g. `io1-quality/cycle/` (`` for the home page).
    pub path: String,
    /// What a reader of each of the version's languages gets, in the order of `languages`.
    pub texts: Vec<PageText>,
}

/// A page as a reader of one language sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct PageText {
    /// In that language, or the default language's title where the page is not translated.
    pub title: String,
    pub translated: bool,
}

impl VersionSummary {
    /// The language a reader of `lang` gets in this version: `lang` itself, or (when the version
    /// lacks it) the version's default language.
    pub fn reader_lang(&self, lang: &Lang) -> &Lang {
        self.languages.iter().find(|l| *l == lang).unwrap_or(&self.default_lang)
    }

    /// What a reader of `lang` gets of page `page` (the default language's text where the
    /// version lacks `lang`).
    pub fn text(&self, page: usize, lang: &Lang) -> &PageText {
        let reader = self.reader_lang(lang);
        let position = self.languages.iter().position(|l| l == reader).expect("the default language is listed");
        &self.pages[page].texts[position]
    }

    fn is_released(&self) -> bool {
        self.status.as_deref().is_none_or(|s| !UNRELEASED.contains(&s))
    }
}

/// Every version of the site, in book.toml order (oldest first), with the latest one and each
/// version's pages by id (the version switcher matches pages across versions by id).
#[derive(Debug)]
pub struct VersionIndex {
    versions: Vec<VersionSummary>,
    latest: usize,
    by_id: Vec<BTreeMap<PageId, usize>>,
}

impl VersionIndex {
    /// The index of `versions` (at least one): the latest is the newest released version, or the
    /// newest when none is released.
    pub fn new(versions: Vec<VersionSummary>) -> Self {
        assert!(!versions.is_empty(), "a site has at least one version");
        let latest = versions.iter().rposition(VersionSummary::is_released).unwrap_or(versions.len() - 1);
        let by_id = versions
            .iter()
            .map(|v| v.pages.iter().enumerate().map(|(index, page)| (page.id.clone(), index)).collect())
            .collect();
        Self { versions, latest, by_id }
    }

    pub fn versions(&self) -> &[VersionSummary] {
        &self.versions
    }

    /// The position of the newest released version.
    pub fn latest(&self) -> usize {
        self.latest
    }

    pub fn position(&self, label: &Version) -> Option<usize> {
        self.versions.iter().position(|v| &v.label == label)
    }

    /// The position of page `id` among the pages of version `version`.
    pub fn page(&self, version: usize, id: &PageId) -> Option<usize> {
        self.by_id[version].get(id).copied()
    }
}

/// The settings that every page's addresses depend on (`--base-url`, `--base-path`, `--links`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Addresses {
    /// Without a trailing slash, or empty.
    pub base_url: String,
    /// Starting and ending with `/`.
    pub base_path: String,
    pub links: LinkStyle,
}

impl Addresses {
    /// The addresses `config` builds with.
    pub fn of(config: &Config) -> Self {
        Self { base_url: config.base_url.clone(), base_path: config.base_path.clone(), links: config.link_style }
    }
}

/// A manifest read back from a previous output.
#[derive(Debug)]
pub struct Manifest {
    pub addresses: Addresses,
    pub versions: Vec<VersionSummary>,
}

#[derive(Serialize, Deserialize)]
struct ManifestJson {
    schema: u32,
    latest: String,
    base_url: String,
    base_path: String,
    /// `directory` or `index-html`.
    links: String,
    versions: Vec<VersionJson>,
}

#[derive(Serialize, Deserialize)]
struct VersionJson {
    label: String,
    date: Option<String>,
    status: Option<String>,
    note: Option<String>,
    path: String,
    latest: bool,
    languages: Vec<String>,
    default_language: String,
    pages: BTreeMap<String, Vec<PageJson>>,
    pdfs: BTreeMap<String, Vec<PageJson>>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    packages: BTreeMap<String, Vec<PageJson>>,
}

/// A page or PDF in versions.json, with its URL relative to the site root.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageJson {
    pub id: String,
    pub title: String,
    pub url: String,
    /// False when the page shows the default-language text as a fallback.
    pub translated: bool,
    /// `trainer` (the trainer's edition) or `handout` (a sheet for participants, titled by its
    /// activity); absent for the participants' PDF of the page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
    /// In `packages`: `scorm` (a SCORM 1.2 package), `offline` (the offline copy of the
    /// version in that language) or `epub` (an output as an e-book).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
}

fn link_style_name(links: LinkStyle) -> &'static str {
    match links {
        LinkStyle::Directory => "directory",
        LinkStyle::IndexHtml => "index-html",
    }
}

/// `versions.json` for `index`, built with `addresses`.
pub fn to_json(index: &VersionIndex, addresses: &Addresses) -> anyhow::Result<String> {
    let json = ManifestJson {
        schema: SCHEMA,
        latest: index.versions[index.latest].label.to_string(),
        base_url: addresses.base_url.clone(),
        base_path: addresses.base_path.clone(),
        links: link_style_name(addresses.links).to_string(),
        versions: index.versions.iter().enumerate().map(|(i, v)| version_json(v, i == index.latest)).collect(),
    };
    Ok(serde_json::to_string_pretty(&json)? + "\n")
}

fn version_json(v: &VersionSummary, latest: bool) -> VersionJson {
    let label = v.label.as_str();
    let pages = v
        .languages
        .iter()
        .enumerate()
        .map(|(position, lang)| {
            let pages = v
                .pages
                .iter()
                .map(|page| PageJson {
                    id: page.id.to_string_raw(),
                    title: page.texts[position].title.clone(),
                    url: format!("{label}/{lang}/{}", page.path),
                    translated: page.texts[position].translated,
                    edition: None,
                    format: None,
                })
                .collect();
            (lang.to_string(), pages)
        })
        .collect();
    VersionJson {
        label: label.to_string(),
        date: v.date.clone(),
        status: v.status.clone(),
        note: v.note.clone(),
        path: format!("{label}/"),
        latest,
        languages: v.languages.iter().map(Lang::to_string).collect(),
        default_language: v.default_lang.to_string(),
        pages,
        pdfs: v.pdfs.clone(),
        packages: v.packages.clone(),
    }
}

/// Reads a manifest back; the error says what does not fit (the file may be from another
/// innotrain or edited by hand).
pub fn from_json(bytes: &[u8]) -> Result<Manifest, String> {
    let json: ManifestJson = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    if json.schema != SCHEMA {
        return Err(format!("expected schema {SCHEMA}, found schema {}", json.schema));
    }
    let links = match json.links.as_str() {
        "directory" => LinkStyle::Directory,
        "index-html" => LinkStyle::IndexHtml,
        other => return Err(format!("unknown `links` value `{other}`")),
    };
    let versions = json.versions.into_iter().map(version_summary).collect::<Result<Vec<_>, _>>()?;
    for (i, version) in versions.iter().enumerate() {
        if versions[..i].iter().any(|v| v.label == version.label) {
            return Err(format!("version `{}` is listed twice", version.label));
        }
    }
    let addresses = Addresses { base_url: json.base_url, base_path: json.base_path, links };
    Ok(Manifest { addresses, versions })
}

fn version_summary(json: VersionJson) -> Result<VersionSummary, String> {
    let label = Version::parse(&json.label).ok_or_else(|| format!("invalid version label `{}`", json.label))?;
    let parse_lang =
        |code: &String| Lang::parse(code).ok_or_else(|| format!("version `{label}`: invalid language code `{code}`"));
    let languages = json.languages.iter().map(parse_lang).collect::<Result<Vec<_>, _>>()?;
    let default_lang = parse_lang(&json.default_language)?;
    if !languages.contains(&default_lang) {
        return Err(format!("version `{label}`: the default language `{default_lang}` is not among its languages"));
    }
    let lists = languages
        .iter()
        .map(|lang| {
            json.pages.get(lang.as_str()).ok_or_else(|| format!("version `{label}` lists no pages in `{lang}`"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    // Every language lists the same pages in the same order; the first one gives ids and paths.
    let mut pages = Vec::new();
    for (index, first) in lists[0].iter().enumerate() {
        let prefix = format!("{label}/{}/", languages[0]);
        let path = first
            .url
            .strip_prefix(&prefix)
            .ok_or_else(|| format!("version `{label}`: page URL `{}` does not start with `{prefix}`", first.url))?;
        let mut texts = Vec::new();
        for (lang, list) in languages.iter().zip(&lists) {
            let page = list
                .get(index)
                .filter(|page| page.id == first.id && page.url == format!("{label}/{lang}/{path}"))
                .ok_or_else(|| {
                    format!("version `{label}`: the pages in `{lang}` differ from those in `{}`", languages[0])
                })?;
            texts.push(PageText { title: page.title.clone(), translated: page.translated });
        }
        pages.push(PageSummary { id: PageId::new(first.id.clone()), path: path.to_string(), texts });
    }
    if lists.iter().any(|list| list.len() != pages.len()) {
        return Err(format!("version `{label}`: its languages list different numbers of pages"));
    }
    Ok(VersionSummary {
        label,
        date: json.date,
        status: json.status,
        note: json.note,
        languages,
        default_lang,
        pages,
        pdfs: json.pdfs,
        packages: json.packages,
    })
}

/// What `build --version` needs to do next (a full build writes the manifest every later
/// build of one version starts from).
const FULL_BUILD: &str = "build all versions once (without `--version`)";

/// For a build of version `only` into the output folder `out`: the other versions of book.toml
/// as the previous output's versions.json describes them, to be kept as they are (their notes
/// come from book.toml: only versions.json shows them). The previous output must hold `only`
/// and be built with the same addresses, and every version's date and status must be as it
/// shows them (all pages show them in their version switcher). A version that book.toml
/// declares but the previous output lacks is reported like a missing git ref: an error, or with
/// `skip_missing` a warning, and it is left out.
pub fn previous_versions(
    out: &Path,
    config: &Config,
    only: &Version,
    skip_missing: bool,
    diags: &Diagnostics,
) -> anyhow::Result<Previous> {
    let manifest = read_previous(
        out,
        config,
        &format!(
            "`--version {only}` builds one version into a previous output and takes the other versions from its `{FILE}`"
        ),
        ("the other versions", FULL_BUILD),
        &format!("{FULL_BUILD} into this output folder first"),
    )?;
    if let Some(stray) = manifest.versions.iter().find(|v| !config.versions.iter().any(|s| s.version == v.label)) {
        bail!(
            "the previous output has version `{}`, which book.toml does not declare\n  hint: {FULL_BUILD} to remove it",
            stray.label
        );
    }
    if !manifest.versions.iter().any(|v| &v.label == only) {
        bail!(
            "the previous output has no version `{only}`, so its other versions do not link to it\n  hint: {FULL_BUILD}"
        );
    }
    let mut others = Vec::new();
    let mut rebuilt = None;
    for spec in &config.versions {
        let Some(previous) = manifest.versions.iter().find(|v| v.label == spec.version) else {
            versions::missing(
                diags,
                spec,
                skip_missing,
                format!("version `{}` is not in the previous output `{}`", spec.version, out.display()),
                &format!(
                    "`--version` takes the other versions from the previous output: {FULL_BUILD}, or pass `--skip-missing-versions`"
                ),
            );
            continue;
        };
        for (what, old, new) in [("date", &previous.date, &spec.date), ("status", &previous.status, &spec.status)] {
            if old != new {
                let shown = |value: &Option<String>| value.as_ref().map_or("none".to_string(), |v| format!("`{v}`"));
                bail!(
                    "version `{}` has {what} {} in book.toml but {} in the previous output, whose pages all show it in their version switcher\n  hint: {FULL_BUILD}",
                    spec.version,
                    shown(new),
                    shown(old)
                );
            }
        }
        if &spec.version == only {
            rebuilt = Some(previous.clone());
        } else {
            others.push(VersionSummary { note: spec.note.clone(), ..previous.clone() });
        }
    }
    Ok(Previous { others, rebuilt: rebuilt.expect("checked above") })
}

/// The manifest of the previous output in `out`, which a build that keeps part of it needs
/// (`why` says so, `missing` what to do without one); it must have been built with the same
/// addresses. `kept` names what is kept and how to build it whole.
fn read_previous(
    out: &Path,
    config: &Config,
    why: &str,
    kept: (&str, &str),
    missing: &str,
) -> anyhow::Result<Manifest> {
    let (kept, whole) = kept;
    let path = out.join(FILE);
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            bail!("{why}, but `{}` does not exist\n  hint: {missing}", path.display())
        }
        Err(error) => return Err(error).with_context(|| format!("cannot read `{}`", path.display())),
    };
    let manifest = from_json(&bytes).map_err(|problem| {
        anyhow::anyhow!(
            "cannot take {kept} from `{}`: {problem}\n  hint: it was written by another version of innotrain or changed by hand; {whole}",
            path.display()
        )
    })?;
    let (old, new) = (&manifest.addresses, &Addresses::of(config));
    for (what, old, new) in [
        ("base URL", old.base_url.as_str(), new.base_url.as_str()),
        ("base path", &old.base_path, &new.base_path),
        ("links", link_style_name(old.links), link_style_name(new.links)),
    ] {
        if old != new {
            bail!(
                "the previous output was built with {what} `{old}`, this build uses `{new}`: {kept}' pages would not match\n  hint: {whole} with the new setting"
            );
        }
    }
    Ok(manifest)
}

/// What `build --lang` needs to do next.
const ALL_LANGUAGES: &str = "build all languages once (without `--lang`)";

/// For a build of the languages `langs` of the versions `now` (as they are now) into the
/// output folder `out`: the previous output's summaries of those versions, whose other
/// languages are kept. Each version must be there with the same languages (the kept pages'
/// language switchers list them). Nothing is read when no version keeps a language.
pub fn previous_languages(
    out: &Path,
    config: &Config,
    now: &[VersionSummary],
    langs: &std::collections::BTreeSet<Lang>,
) -> anyhow::Result<Vec<VersionSummary>> {
    if now.iter().all(|v| v.languages.iter().all(|lang| langs.contains(lang))) {
        return Ok(Vec::new());
    }
    let codes = crate::diag::backticked(langs.iter().map(Lang::as_str));
    let manifest = read_previous(
        out,
        config,
        &format!("`--lang` builds {codes} into a previous output and keeps the other languages from it"),
        ("the other languages", ALL_LANGUAGES),
        &format!(
            "{ALL_LANGUAGES} into this output folder first, or pass `--part` to build a part for `innotrain merge`"
        ),
    )?;
    now.iter()
        .map(|version| {
            let Some(previous) = manifest.versions.iter().find(|v| v.label == version.label) else {
                bail!(
                    "the previous output has no version `{}`, whose other languages this build would keep\n  hint: {ALL_LANGUAGES}",
                    version.label
                );
            };
            if previous.languages != version.languages {
                let list = |v: &VersionSummary| crate::diag::backticked(v.languages.iter().map(Lang::as_str));
                bail!(
                    "version `{}` has the languages {} in the previous output, but {} now: the kept pages would not link to the same languages\n  hint: {ALL_LANGUAGES}",
                    version.label,
                    list(previous),
                    list(version)
                );
            }
            Ok(previous.clone())
        })
        .collect()
}

/// The previous output, for a build of one version.
#[derive(Debug)]
pub struct Previous {
    /// The other versions, kept as they are.
    pub others: Vec<VersionSummary>,
    /// The version being built, as the previous output has it.
    pub rebuilt: VersionSummary,
}

impl Previous {
    /// The addresses of `before` (the version as the previous output has it) that `after` (the
    /// same version now) no longer has: the other versions' pages may still link to them.
    pub fn gone_addresses(&self, after: &VersionSummary) -> Vec<String> {
        let addresses = |v: &VersionSummary| -> std::collections::BTreeSet<String> {
            v.languages
                .iter()
                .flat_map(|lang| v.pages.iter().map(move |page| format!("{}/{lang}/{}", v.label, page.path)))
                .collect()
        };
        let now = addresses(after);
        addresses(&self.rebuilt).into_iter().filter(|address| !now.contains(address)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(label: &str, status: Option<&str>) -> VersionSummary {
        let en = Lang::parse("en").unwrap();
        let de = Lang::parse("de").unwrap();
        let text = |title: &str, translated| PageText { title: title.into(), translated };
        VersionSummary {
            label: Version::parse(label).unwrap(),
            date: Some("2020-06-30".into()),
            status: status.map(String::from),
            note: None,
            languages: vec![en.clone(), de],
            default_lang: en,
            pages: vec![
                PageSummary {
                    id: PageId::home(),
                    path: String::new(),
                    texts: vec![text("Home", true), text("Start", true)],
                },
                PageSummary {
                    id: PageId::new("io1/cycle"),
                    path: "io1/loop/".into(),
                    texts: vec![text("Loop", true), text("Loop", false)],
                },
            ],
            pdfs: BTreeMap::new(),
            packages: BTreeMap::new(),
        }
    }

    #[test]
    fn reads_back_what_it_writes() {
        let index = VersionIndex::new(vec![summary("1.0", Some("pilot")), summary("2.0", None)]);
        let addresses =
            Addresses { base_url: "https://example.org".into(), base_path: "/x/".into(), links: LinkStyle::IndexHtml };
        let manifest = from_json(to_json(&index, &addresses).unwrap().as_bytes()).unwrap();
        assert_eq!(manifest.addresses, addresses);
        assert_eq!(manifest.versions, index.versions);
    }

    #[test]
    fn an_unreleased_newest_version_is_not_the_latest() {
        let index = VersionIndex::new(vec![summary("1.0", Some("pilot")), summary("2.0", Some("draft"))]);
        assert_eq!(index.latest(), 0);
        let only_drafts = VersionIndex::new(vec![summary("1.0", Some("preview")), summary("2.0", Some("draft"))]);
        assert_eq!(only_drafts.latest(), 1, "the newest when none is released");
    }

    #[test]
    fn rejects_manifests_whose_languages_disagree() {
        let index = VersionIndex::new(vec![summary("1.0", None)]);
        let addresses = Addresses { base_url: String::new(), base_path: "/".into(), links: LinkStyle::Directory };
        let json = to_json(&index, &addresses).unwrap().replace("\"1.0/de/io1/loop/\"", "\"1.0/de/io1/other/\"");
        assert_eq!(
            from_json(json.as_bytes()).unwrap_err(),
            "version `1.0`: the pages in `de` differ from those in `en`"
        );
        let old = to_json(&index, &addresses).unwrap().replace("\"schema\": 1", "\"schema\": 7");
        assert_eq!(from_json(old.as_bytes()).unwrap_err(), "expected schema 1, found schema 7");
    }
}
