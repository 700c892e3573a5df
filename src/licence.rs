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
    if spdx.to_ascii_uppercase().contains("-ND") {
        return Err(LicenceProblem::NoDerivatives);
    }
    KNOWN.iter().find(|l| l.spdx == spdx).copied().ok_or(LicenceProblem::Unknown)
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
    }
}
