//! `[accessibility]` in book.toml: what the accessibility statement of every version and
//! language says (Commission Implementing Decision (EU) 2018/1523's model statement), validated
//! into an [`Accessibility`].
//!
//! The date is written by a person (the day the statement was prepared or last reviewed), never
//! taken from the clock: builds stay byte-identical. The contact is never invented: without one,
//! the statement says how to reach the project instead and the build warns.

use serde::Deserialize;

use crate::diag::{Diagnostic, Diagnostics, backticked};

use super::{CONFIG_FILE, RawProject, locate_in, versions::is_date};

/// `[accessibility]` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawAccessibility {
    /// `full`, `partial` (default) or `none`: compliance with EN 301 549 / WCAG 2.1 AA.
    pub status: Option<String>,
    /// The day the statement was prepared or last reviewed, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// E-mail address or web address for accessibility feedback; default: `[project] contact`.
    pub contact: Option<String>,
    /// Web address of the body enforcing the Web Accessibility Directive (optional).
    pub enforcement_url: Option<String>,
    /// Known limitations: each key shows the Fluent message `accessibility-limitation-<key>`.
    /// Default: `["pdf", "figure-text"]`, or none when `status = "full"`.
    pub limitations: Option<Vec<String>>,
}

/// How far the site complies with EN 301 549 / WCAG 2.1 AA (the model statement's three cases).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compliance {
    Full,
    Partial,
    None,
}

impl Compliance {
    /// As written in book.toml, and the suffix of its `accessibility-status-<name>` message.
    pub fn name(self) -> &'static str {
        match self {
            Self::Full => "full",
            Self::Partial => "partial",
            Self::None => "none",
        }
    }
}

/// Where readers send accessibility feedback.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Contact {
    Email(String),
    Web(String),
}

impl Contact {
    /// The link target: `mailto:` for an e-mail address.
    pub fn href(&self) -> String {
        match self {
            Self::Email(address) => format!("mailto:{address}"),
            Self::Web(url) => url.clone(),
        }
    }

    /// What the link says.
    pub fn text(&self) -> &str {
        match self {
            Self::Email(text) | Self::Web(text) => text,
        }
    }
}

/// The validated `[accessibility]` table.
#[derive(Debug, Clone)]
pub struct Accessibility {
    pub compliance: Compliance,
    /// `YYYY-MM-DD`; `None` (with a warning) when not configured.
    pub date: Option<String>,
    /// `None` (with a warning) when neither `[accessibility]` nor `[project]` has one.
    pub contact: Option<Contact>,
    pub enforcement_url: Option<String>,
    /// Keys of `accessibility-limitation-<key>` messages, in book.toml order.
    pub limitations: Vec<String>,
}

/// The limitations a statement lists when book.toml names none: the PDFs (not yet checked
/// against EN 301 549 clause 10) and figures whose labels are drawn in one language.
pub const DEFAULT_LIMITATIONS: [&str; 2] = ["pdf", "figure-text"];

const STATUSES: [&str; 3] = ["full", "partial", "none"];

pub(super) fn validate_accessibility(
    raw: &RawAccessibility,
    project: &RawProject,
    text: &str,
    diags: &Diagnostics,
) -> Accessibility {
    let error_at = |section: &str, key: &str, message: String, hint: &str| {
        let (line, col) = locate_in(text, section, key);
        diags.push(Diagnostic::error(CONFIG_FILE, message).in_category("config").at(line, col).with_hint(hint));
    };
    let status = raw.status.as_deref().unwrap_or("partial");
    let compliance = match status {
        "full" => Compliance::Full,
        "partial" => Compliance::Partial,
        "none" => Compliance::None,
        other => {
            error_at(
                "accessibility",
                "status",
                format!("unknown accessibility status `{other}`"),
                &format!(
                    "expected one of {}: is the site fully, partially or not compliant with EN 301 549 (WCAG 2.1 AA)?",
                    backticked(STATUSES)
                ),
            );
            Compliance::Partial
        }
    };
    let date = raw.date.clone().filter(|date| {
        let valid = is_date(date);
        if !valid {
            error_at(
                "accessibility",
                "date",
                format!("invalid date `{date}`"),
                "write the day the statement was prepared or last reviewed as `YYYY-MM-DD`, e.g. `2026-11-28`",
            );
        }
        valid
    });
    let contact_hint = "write an e-mail address such as `accessibility@example.org` or a web address such as `https://example.org/feedback`";
    let contact_of = |section: &str, value: &str| {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        let parsed = parse_contact(value);
        if parsed.is_none() {
            error_at(
                section,
                "contact",
                format!("contact `{value}` is neither an e-mail address nor a web address"),
                contact_hint,
            );
        }
        parsed
    };
    let own = raw.contact.as_deref().and_then(|c| contact_of("accessibility", c));
    let contact = own.or_else(|| contact_of("project", &project.contact));
    let enforcement_url = raw.enforcement_url.clone().filter(|url| !url.trim().is_empty()).filter(|url| {
        let valid = matches!(parse_contact(url), Some(Contact::Web(_)));
        if !valid {
            error_at(
                "accessibility",
                "enforcement-url",
                format!("enforcement URL `{url}` is not a web address"),
                "give the `https://` address of the enforcement body's page, or leave it out",
            );
        }
        valid
    });
    let limitations = match &raw.limitations {
        Some(keys) => keys.clone(),
        None if compliance == Compliance::Full => Vec::new(),
        None => DEFAULT_LIMITATIONS.iter().map(|k| k.to_string()).collect(),
    };
    for key in &limitations {
        if key.is_empty() || !key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
            error_at(
                "accessibility",
                "limitations",
                format!("invalid limitation key `{key}`"),
                "a key names the message `accessibility-limitation-<key>`: lowercase letters, digits and `-`",
            );
        }
    }
    if compliance == Compliance::Full && !limitations.is_empty() {
        error_at(
            "accessibility",
            "limitations",
            "a fully compliant site lists no non-accessible content".into(),
            "set `status = \"partial\"`, or remove the limitations that no longer apply",
        );
    }
    Accessibility { compliance, date, contact, enforcement_url, limitations }
}

/// What the statement lacks: no feedback contact, no date. Warnings (category `accessibility`,
/// so `[check]` can raise them to errors), reported by the commands that build the site.
pub fn statement_warnings(accessibility: &Accessibility, diags: &Diagnostics) {
    if accessibility.contact.is_none() {
        diags.push(
            Diagnostic::warning(CONFIG_FILE, "the accessibility statement names no contact for feedback")
                .in_category("accessibility")
                .with_hint("set `contact` under `[accessibility]` (or `[project]`) to an e-mail or web address; until then the statement asks readers to write to the project's partner organisations"),
        );
    }
    if accessibility.date.is_none() {
        diags.push(
            Diagnostic::warning(CONFIG_FILE, "the accessibility statement has no date")
                .in_category("accessibility")
                .with_hint("set `date = \"YYYY-MM-DD\"` under `[accessibility]`: the day the statement was prepared or last reviewed"),
        );
    }
}

/// An e-mail address (`a@b.org`, also written `mailto:a@b.org`) or an absolute http(s) URL.
fn parse_contact(value: &str) -> Option<Contact> {
    let plain = |s: &str| !s.is_empty() && !s.chars().any(|c| c.is_whitespace() || "<>\"'`\\".contains(c));
    if let Some(rest) = value.strip_prefix("https://").or_else(|| value.strip_prefix("http://")) {
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        return (plain(value) && host.contains('.') && !host.starts_with('.')).then(|| Contact::Web(value.to_string()));
    }
    let address = value.strip_prefix("mailto:").unwrap_or(value);
    let (local, domain) = address.split_once('@')?;
    let valid = plain(address)
        && !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.');
    valid.then(|| Contact::Email(address.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_e_mail_and_web_addresses_only() {
        assert_eq!(parse_contact("a11y@example.org"), Some(Contact::Email("a11y@example.org".into())));
        assert_eq!(parse_contact("mailto:a11y@example.org"), Some(Contact::Email("a11y@example.org".into())));
        assert_eq!(
            parse_contact("https://example.org/feedback"),
            Some(Contact::Web("https://example.org/feedback".into()))
        );
        for bad in
            ["someone", "a@b", "@example.org", "https://", "https://localhost", "javascript:alert(1)", "a b@c.org"]
        {
            assert_eq!(parse_contact(bad), None, "{bad}");
        }
    }

    #[test]
    fn links_e_mail_with_mailto() {
        assert_eq!(Contact::Email("a@b.org".into()).href(), "mailto:a@b.org");
        assert_eq!(Contact::Web("https://b.org/".into()).href(), "https://b.org/");
    }
}
