//! Integration tests: the real `innotrain` binary on fixture sites under `tests/fixtures/`.

mod build;
mod check;
mod errors;
mod markdown;
mod search;
mod serve;
mod shipped;
mod support;
mod translations;
mod versions;
