//! Integration tests: the real `innotrain` binary on fixture sites under `tests/fixtures/`.

mod accessibility;
mod browser;
mod build;
mod check;
mod deploy;
mod errors;
mod foreign;
mod init;
mod languages;
mod markdown;
mod messages;
mod offline;
mod partial;
mod pdf;
mod policy;
mod raw_html;
mod review;
mod scorm;
mod search;
mod serve;
mod shipped;
mod support;
mod terminology;
mod trainer;
mod translations;
mod versions;
