use serde_json::Value;

use super::unknown;
use crate::Outcome;

pub fn run(op: &str, _input: &Value) -> Outcome {
    unknown(op)
}
