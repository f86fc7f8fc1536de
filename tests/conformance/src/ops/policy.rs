use complaint_office::policy::Policy;
use serde_json::Value;

use super::unknown;
use crate::Outcome;
use crate::input::{code, field};

pub fn run(op: &str, input: &Value) -> Outcome {
    match op {
        "policy.load" => {
            let policy = match (input.get("toml"), input.get("json")) {
                (Some(Value::String(text)), None) => Policy::from_toml_str(text),
                (None, Some(Value::String(text))) => Policy::from_json_str(text),
                (None, Some(value)) => Policy::from_json_value(value.clone()),
                _ => return Err(field(input, "toml|json").err().unwrap_or_default()),
            }
            .map_err(code)?;
            policy.to_json_value().map_err(code)
        }
        _ => unknown(op),
    }
}
