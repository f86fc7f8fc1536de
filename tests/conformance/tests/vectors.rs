//! `cargo test -p conformance`: every case of every vector file through the typed Rust API.
//! `VECTORS_DIR` points it at another folder. Prints libtest's summary line so that
//! `scripts/test` counts cases, not files.

use std::process::ExitCode;

#[allow(clippy::print_stdout)]
fn main() -> ExitCode {
    let dir = conformance::vectors_dir();
    let cases = match conformance::load(&dir) {
        Ok(cases) => cases,
        Err(message) => {
            println!("conformance: {message}");
            println!("test result: FAILED. 0 passed; 1 failed; 0 ignored");
            return ExitCode::FAILURE;
        }
    };
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let mut failed = 0;
    let mut passed = 0;
    for case in &cases {
        let label = format!("{} :: {} :: {}", case.file, case.op, case.name);
        if filter.as_ref().is_some_and(|f| !label.contains(f.as_str())) {
            continue;
        }
        match conformance::check(case) {
            Ok(()) => passed += 1,
            Err(why) => {
                failed += 1;
                println!("FAIL {label}\n       {why}");
            }
        }
    }
    println!("conformance vectors from {}", dir.display());
    let verdict = if failed == 0 { "ok" } else { "FAILED" };
    println!("test result: {verdict}. {passed} passed; {failed} failed; 0 ignored");
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
