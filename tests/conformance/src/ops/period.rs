use complaint_office::period;
use complaint_office::time::format_instant;
use serde_json::{Value, json};

use super::unknown;
use crate::Outcome;
use crate::input::{code, duration_of, instant_of, policy_of};

pub fn run(op: &str, input: &Value) -> Outcome {
    let policy = policy_of(input)?;
    let start = instant_of(input, "start")?;
    let duration = duration_of(input, "duration")?;
    let deadline = period::end(policy.calendar(), start, duration).map_err(code)?;
    match op {
        "period.end" => Ok(json!({
            "last_day": deadline.last_day.to_string(),
            "due": format_instant(&deadline.due),
            "provisional": deadline.provisional,
        })),
        "period.explain" => Ok(Value::Array(
            deadline
                .rules
                .iter()
                .map(|r| json!({"rule": r.name(), "article": r.article()}))
                .collect(),
        )),
        _ => unknown(op),
    }
}
