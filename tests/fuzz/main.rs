//! Fuzzing on stable Rust: property tests over the parsers that read partners' files and the
//! preview's requests, with generators for hostile input (README, "Fuzzing").
//!
//! `cargo test --release --test fuzz` runs every target for a fixed number of cases from a fixed
//! seed, so the suite stays fast and deterministic. `INNOTRAIN_FUZZ_MINUTES=30 cargo test
//! --release --test fuzz -- --test-threads=1 <target>` keeps a target generating new cases (new
//! seeds each round) until the time is up. Every failure proptest finds is saved as a seed in
//! `tests/fuzz/regressions/<target>.txt` (committed) and replayed first on every later run; a
//! crash found and fixed is kept as a plain named test too.

mod front_matter;
mod hostile_markdown;
mod html;
mod html_check;
mod http;
mod typst_markup;

use std::time::{Duration, Instant};

use proptest::strategy::Strategy;
use proptest::test_runner::{Config, FileFailurePersistence, RngSeed, TestCaseError, TestError, TestRunner};

/// Cases per round of a long run, between checks of the clock.
const CASES_PER_ROUND: u32 = 500;

/// Runs `test` on values of `strategy`: `cases` of them from a fixed seed, or, with
/// `INNOTRAIN_FUZZ_MINUTES` set, rounds of new random seeds until that many minutes have passed.
/// Panics with the smallest failing value proptest could shrink to, after saving its seed to
/// `tests/fuzz/regressions/<target>.txt`.
pub fn fuzz<S: Strategy>(target: &str, cases: u32, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S::Value: std::fmt::Debug,
{
    let minutes = std::env::var("INNOTRAIN_FUZZ_MINUTES").ok().map(|value| {
        value.trim().parse::<f64>().unwrap_or_else(|_| panic!("INNOTRAIN_FUZZ_MINUTES={value:?} is not a number"))
    });
    let Some(minutes) = minutes else {
        run_round(target, cases, RngSeed::Fixed(FIXED_SEED), &strategy, &test);
        return;
    };
    let deadline = Instant::now() + Duration::from_secs_f64(minutes * 60.0);
    let mut rounds = 0u64;
    while Instant::now() < deadline {
        run_round(target, CASES_PER_ROUND, RngSeed::Random, &strategy, &test);
        rounds += 1;
    }
    eprintln!("fuzz {target}: {} cases in {minutes} min, no failure", rounds * u64::from(CASES_PER_ROUND));
}

/// The seed of the bounded run: any fixed number, so that the run is the same on every machine.
const FIXED_SEED: u64 = 19;

fn run_round<S: Strategy>(
    target: &str,
    cases: u32,
    seed: RngSeed,
    strategy: &S,
    test: &impl Fn(S::Value) -> Result<(), TestCaseError>,
) where
    S::Value: std::fmt::Debug,
{
    let regressions: &'static str =
        Box::leak(format!("{}/tests/fuzz/regressions/{target}.txt", env!("CARGO_MANIFEST_DIR")).into_boxed_str());
    let config = Config {
        cases,
        rng_seed: seed,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(regressions))),
        // Hostile inputs are large; shrinking them takes many steps but each is cheap.
        max_shrink_iters: 4096,
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    match runner.run(strategy, test) {
        Ok(()) => {}
        Err(TestError::Fail(reason, value)) => {
            panic!("fuzz {target} failed: {reason}\nminimal input: {value:#?}\n(seed saved in {regressions})")
        }
        Err(TestError::Abort(reason)) => panic!("fuzz {target} aborted: {reason}"),
    }
}
