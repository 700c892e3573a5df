//! Content licences the site can carry, by SPDX id.
//!
//! Erasmus+ requires an open licence that lets anyone adapt the material, so no-derivatives
//! licences are refused outright rather than warned about.

/// A licence a page can be published under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Licence {
    pub spdx: &'static str,
    pub name: &'static str,
    pub url: &'static str,
}

const KNOWN: &[Licence] = &[
    Licence { spdx: "CC-BY-SA-4.0", name: "CC BY-SA 4.0", url: "https://creativecommons.org/licenses/by-sa/4.0/" },
    Licence { spdx: "CC-BY-4.0", name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" },
    Licence { spdx: "CC0-1.0", name: "CC0 1.0", url: "https://creativecommons.org/publicdomain/zero/1.0/" },
    Licence {
        spdx: "CC-BY-NC-SA-4.0",
        name: "CC BY-NC-SA 4.0",
        url: "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    },
    Licence { spdx: "CC-BY-NC-4.0", name: "CC BY-NC 4.0", url: "https://creativecommons.org/licenses/by-nc/4.0/" },
];

/// Why a licence id cannot be used.
#[derive(Debug, PartialEq, Eq)]
pub enum LicenceProblem {
    NoDerivatives,
    Unknown,
}

/// Looks up an SPDX id; no-derivatives and unknown ids are problems.
pub fn licence(spdx: &str) -> Result<Licence, LicenceProblem> {
    let written = spelling(spdx);
    if written.contains("-ND-") || written.ends_with("-ND") {
        return Err(LicenceProblem::NoDerivatives);
    }
    KNOWN.iter().find(|l| l.spdx == spdx).copied().ok_or(LicenceProblem::Unknown)
}

/// The licence a common spelling of its SPDX id means (`CC BY 4.0`, `CC-BY 4.0`, `cc-by-sa-4.0`,
/// `CC BY-SA 4.0 International`), when it is not written as the SPDX id itself: the id to write
/// instead. `None` for exact ids and for what is no known licence.
pub fn respelled(written: &str) -> Option<Licence> {
    let normal = spelling(written);
    let normal = normal.strip_suffix("-INTERNATIONAL").unwrap_or(&normal);
    let normal = if normal == "CC0" { "CC0-1.0" } else { normal };
    KNOWN.iter().find(|l| l.spdx != written && l.spdx.eq_ignore_ascii_case(normal)).copied()
}

/// Upper case, with spaces and underscores as hyphens, and repeated hyphens as one.
fn spelling(written: &str) -> String {
    let mut out = String::new();
    for c in written.trim().chars().map(|c| if c == ' ' || c == '_' { '-' } else { c.to_ascii_uppercase() }) {
        if !(c == '-' && out.ends_with('-')) {
            out.push(c);
        }
    }
    out
}

/// The ids [`licence`] accepts, for hints.
pub fn known_ids() -> String {
    crate::diag::backticked(KNOWN.iter().map(|l| l.spdx))
}

/// The message and hint for a licence that cannot be used.
pub fn explain(spdx: &str, problem: LicenceProblem) -> (String, String) {
    match problem {
        LicenceProblem::NoDerivatives => (
            format!("licence `{spdx}` forbids derivatives"),
            "Erasmus+ results must be open for adaptation: use `CC-BY-SA-4.0` or `CC-BY-4.0`".into(),
        ),
        LicenceProblem::Unknown => (format!("unknown licence `{spdx}`"), format!("expected one of {}", known_ids())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_no_derivatives_licences() {
        assert_eq!(licence("CC-BY-ND-4.0"), Err(LicenceProblem::NoDerivatives));
        assert_eq!(licence("CC-BY-NC-ND-4.0"), Err(LicenceProblem::NoDerivatives));
        assert_eq!(licence("CC-BY-SA-4.0").unwrap().name, "CC BY-SA 4.0");
        assert_eq!(licence("CC BY-ND 4.0"), Err(LicenceProblem::NoDerivatives));
    }

    #[test]
    fn knows_common_spellings_of_spdx_ids() {
        for (written, spdx) in [
            ("CC-BY 4.0", "CC-BY-4.0"),
            ("CC BY 4.0", "CC-BY-4.0"),
            ("cc-by-sa-4.0", "CC-BY-SA-4.0"),
            ("CC BY-SA 4.0 International", "CC-BY-SA-4.0"),
            ("CC_BY_NC_SA_4.0", "CC-BY-NC-SA-4.0"),
            ("CC0", "CC0-1.0"),
        ] {
            assert_eq!(respelled(written).map(|l| l.spdx), Some(spdx), "{written}");
        }
        assert_eq!(respelled("CC-BY-4.0"), None, "an exact id needs no respelling");
        assert_eq!(respelled("MIT"), None);
    }
}
