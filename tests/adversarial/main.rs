//! Adversarial inputs: every case of `../shared/reference/reliability.md` §2 (T01–T30) as a
//! fixture with its expected outcome. `README.md` beside this file maps each case to its test.
//!
//! Three outcomes (the reference's codes):
//! - **refused**: exit code 1, a `path:line:col: error: …` naming the partner's file, and the
//!   previous output byte for byte as it was, with no staging folder left behind;
//! - **safe**: the build succeeds and the hostile construct is neutralised (escaped, or dropped
//!   with a warning at its line), checked by a lint over every page written;
//! - **same**: the output equals that of a clean twin.
//!
//! Fixture files live in `tests/fixtures/adversarial/<case>/` and are laid over the `minimal`
//! fixture; inputs that cannot be committed (50 MB files, invalid UTF-8, NUL bytes, symbolic
//! links, file names a checkout would mangle) are made by the test itself.

#[allow(dead_code)]
#[path = "../cli/support.rs"]
mod support;

mod common;

mod faults;
mod files;
mod front_matter;
mod limits;
mod markup;
mod pathological;
mod pdf_and_images;
