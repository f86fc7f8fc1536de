//! The policy's invariants as properties, in one place, each named with the clause or article
//! it protects. Every property runs 10,000 cases in `scripts/test` (`PROPTEST_CASES` changes
//! it; `scripts/soak` runs far more).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../support/complaints.rs"]
mod complaints;

mod calendar;
mod numbers;

mod accountability;
mod archive;
mod case;
mod email;
mod intake;
mod office;
mod privacy;
mod stats;

use proptest::prelude::*;

/// The number of cases each property runs: 10,000 unless `PROPTEST_CASES` says otherwise.
pub fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    ProptestConfig::with_cases(cases)
}
