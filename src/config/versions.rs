//! `[[versions]]` in book.toml: earlier versions of the content, validated into
//! [`VersionSpec`]s (oldest first, the working tree last).

use crate::diag::{Diagnostic, Diagnostics};
use crate::key::Version;

use super::{CONFIG_FILE, RawConfig, VersionSource, VersionSpec, locate};

/// `[[versions]]` plus the working tree's version, oldest first.
pub(super) fn validate_versions(
    raw: &RawConfig,
    current: Option<&Version>,
    text: &str,
    diags: &Diagnostics,
) -> Option<Vec<VersionSpec>> {
    let starts: Vec<usize> =
        text.lines().enumerate().filter(|(_, l)| l.trim() == "[[versions]]").map(|(i, _)| i + 1).collect();
    let mut specs = Vec::new();
    let mut ok = true;
    for (i, raw_version) in raw.versions.iter().enumerate() {
        let line = starts.get(i).copied().unwrap_or(0);
        let error = |message: String, hint: &str| {
            diags.push(
                Diagnostic::error(CONFIG_FILE, message)
                    .in_category("versions")
                    .at(line, if line > 0 { 1 } else { 0 })
                    .with_hint(hint),
            );
        };
        let Some(version) = Version::parse(&raw_version.label) else {
            error(
                format!("invalid version label `{}`", raw_version.label),
                "labels become URL folders: use letters, digits, `.`, `-` or `_`, such as `1.0` or `1.0-pilot` (`latest` is reserved)",
            );
            ok = false;
            continue;
        };
        if let Some(why) = reserved_label(&version) {
            error(format!("the version label `{version}` is reserved"), why);
            ok = false;
            continue;
        }
        let source = match (&raw_version.git, &raw_version.snapshot) {
            (Some(git), None) => VersionSource::Git(git.clone()),
            (None, Some(folder)) if !folder.split(['/', '\\']).any(|p| p == "..") && !folder.starts_with('/') => {
                VersionSource::Snapshot(folder.trim_end_matches('/').to_string())
            }
            (None, Some(folder)) => {
                error(
                    format!("snapshot folder `{folder}` is outside the project"),
                    "give a folder inside the project, relative to book.toml",
                );
                ok = false;
                continue;
            }
            _ => {
                error(
                    format!("version `{version}` needs exactly one of `git` or `snapshot`"),
                    "`git = \"v1.0\"` (a tag, branch or commit) or `snapshot = \"path/to/folder\"`",
                );
                ok = false;
                continue;
            }
        };
        if let Some(date) = &raw_version.date
            && !is_date(date)
        {
            error(format!("invalid date `{date}`"), "write dates as `YYYY-MM-DD`, e.g. `2020-06-30`");
            ok = false;
        }
        specs.push(VersionSpec {
            version,
            source,
            date: raw_version.date.clone(),
            status: raw_version.status.clone(),
            note: raw_version.note.clone(),
            line,
        });
    }
    if let Some(date) = &raw.site.date
        && !is_date(date)
    {
        let (line, col) = locate(text, "date");
        diags.push(
            Diagnostic::error(CONFIG_FILE, format!("invalid date `{date}`"))
                .in_category("versions")
                .at(line, col)
                .with_hint("write dates as `YYYY-MM-DD`, e.g. `2021-10-31`"),
        );
        ok = false;
    }
    let current = current?;
    if let Some(why) = reserved_label(current) {
        let (line, col) = locate(text, "version");
        diags.push(
            Diagnostic::error(CONFIG_FILE, format!("the version label `{current}` is reserved"))
                .in_category("versions")
                .at(line, col)
                .with_hint(why),
        );
        ok = false;
    }
    specs.push(VersionSpec {
        version: current.clone(),
        source: VersionSource::WorkingTree,
        date: raw.site.date.clone(),
        status: raw.site.status.clone(),
        note: raw.site.note.clone(),
        line: 0,
    });
    for (i, spec) in specs.iter().enumerate() {
        if let Some(first) = specs[..i].iter().find(|s| s.version == spec.version) {
            let hint = if spec.source == VersionSource::WorkingTree {
                "`site.version` labels the working tree; give the earlier version another label".to_string()
            } else {
                format!("the label is already used on line {}; give each version its own label", first.line)
            };
            diags.push(
                Diagnostic::error(CONFIG_FILE, format!("two versions are labelled `{}`", spec.version))
                    .in_category("versions")
                    .at(spec.line.max(first.line), 1)
                    .with_hint(hint),
            );
            ok = false;
        }
    }
    ok.then_some(specs)
}

/// Why a version label cannot be a folder at the top of the output, if it cannot: the site's
/// own files and folders there (`static/` would mix the theme's files with a version's,
/// `versions.json/` cannot be written at all), and names Windows keeps for devices (`con`,
/// `nul.1`), compared without case as on case-insensitive file systems.
fn reserved_label(version: &Version) -> Option<&'static str> {
    let label = version.as_str().to_ascii_lowercase();
    if ["static", "index.html", "404.html", "sitemap.xml", "robots.txt", "versions.json"].contains(&label.as_str()) {
        return Some(
            "the site writes a file or folder of that name beside the versions; choose another label, such as `1.0`",
        );
    }
    if crate::key::is_windows_device_name(&label) {
        return Some(
            "Windows reserves the name, so the site could not be copied there; choose another label, such as `1.0`",
        );
    }
    None
}

/// `YYYY-MM-DD`, with a month 1–12 and a day 1–31.
pub(super) fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    parts.len() == 3
        && [4, 2, 2].iter().zip(&parts).all(|(n, p)| p.len() == *n && p.bytes().all(|b| b.is_ascii_digit()))
        && (1..=12).contains(&parts[1].parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&parts[2].parse::<u32>().unwrap_or(0))
}
