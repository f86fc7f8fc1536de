//! One module per area; each turns a case's input into typed calls and the result into JSON.

use serde_json::Value;

use crate::Outcome;

mod accountability;
mod archive;
mod calendar;
mod case;
mod classify;
mod duration;
mod history;
mod intake;
mod number;
mod office;
mod period;
mod policy;
mod privacy;
mod stats;
mod triage;

/// Runs `op` on `input`.
pub fn run(op: &str, input: &Value) -> Outcome {
    let area = op.split_once('.').map_or(op, |(area, _)| area);
    match area {
        "number" => number::run(op, input),
        "duration" => duration::run(op, input),
        "policy" => policy::run(op, input),
        "calendar" => calendar::run(op, input),
        "period" => period::run(op, input),
        "intake" => intake::run(op, input),
        "classify" => classify::run(op, input),
        "triage" => triage::run(op, input),
        "case" => case::run(op, input),
        "history" => history::run(op, input),
        "accountability" => accountability::run(op, input),
        "archive" => archive::run(op, input),
        "privacy" => privacy::run(op, input),
        "stats" => stats::run(op, input),
        "office" => office::run(op, input),
        _ => unknown(op),
    }
}

/// The outcome of an op this runner does not know: a failure, never a skip.
pub fn unknown(op: &str) -> Outcome {
    Err(format!("vector.unknown_op:{op}"))
}
