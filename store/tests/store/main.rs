//! The store's suite, run against every backend configured:
//!
//! - SQLite always (files in a temporary directory, on /dev/shm when it exists);
//! - PostgreSQL when `COMPLAINT_OFFICE_PG_URL` names a server where the user may create
//!   databases (each test gets a fresh one, dropped afterwards). With
//!   `COMPLAINT_OFFICE_REQUIRE_PG=1` a missing URL is a failure, not a skip.
//!
//! The load and kill tests (8 writer processes × 2,000 registrations each) run when
//! `COMPLAINT_OFFICE_STORE_LOAD=1` (`scripts/suites/store` sets it; `cargo test` alone runs
//! the rest). Prints libtest's summary line so that the suite scripts count tests.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout
)]

mod support;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::process::ExitCode;
use std::time::Instant as Clock;

use support::Target;

mod cases;
mod load;

type Test = fn(&Target);

fn main() -> ExitCode {
    // One line per failure, not a backtrace: the message is printed with the test's name.
    std::panic::set_hook(Box::new(|info| {
        if let Some(at) = info.location() {
            println!("    panicked at {at}");
        }
    }));
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let load = std::env::var("COMPLAINT_OFFICE_STORE_LOAD").is_ok_and(|v| v == "1");
    let mut tests: Vec<(&str, Test)> = cases::TESTS.to_vec();
    let heavy: Vec<(&str, Test)> = load::TESTS.to_vec();
    if load {
        tests.extend(heavy.iter().copied());
    }
    let (targets, mut failed) = match support::targets() {
        Ok(targets) => (targets, 0),
        Err(why) => {
            println!("FAIL setup: {why}");
            (support::sqlite_only(), 1)
        }
    };
    let mut passed = 0;
    let mut ignored = 0;
    for target in &targets {
        for (name, test) in &tests {
            let label = format!("{} :: {name}", target.name());
            if filter.as_ref().is_some_and(|f| !label.contains(f.as_str())) {
                continue;
            }
            let clock = Clock::now();
            match catch_unwind(AssertUnwindSafe(|| test(target))) {
                Ok(()) => {
                    passed += 1;
                    println!(
                        "test {label} ... ok ({:.1} s)",
                        clock.elapsed().as_secs_f64()
                    );
                }
                Err(e) => {
                    failed += 1;
                    let why = e
                        .downcast_ref::<String>()
                        .cloned()
                        .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                        .unwrap_or_default();
                    println!("test {label} ... FAILED\n    {why}");
                }
            }
        }
        if !load {
            ignored += heavy.len();
        }
    }
    if !load {
        println!("(load and kill tests not run: set COMPLAINT_OFFICE_STORE_LOAD=1)");
    }
    for target in &targets {
        target.remove_files();
    }
    let verdict = if failed == 0 { "ok" } else { "FAILED" };
    println!("test result: {verdict}. {passed} passed; {failed} failed; {ignored} ignored");
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
