use complaint_office::policy::Policy;
use complaint_office::triage::{self, Assessment, Complexity, QueueKey, Severity, Urgency};
use serde_json::{Value, json};

use super::unknown;
use crate::Outcome;
use crate::input::{code, field, instant_of, policy_of, str_of};

pub fn run(op: &str, input: &Value) -> Outcome {
    let policy = policy_of(input)?;
    match op {
        "triage.assess" => {
            let a = assess(&policy, input)?;
            Ok(json!({"emergency": a.emergency, "track": a.track.as_str(), "priority": a.priority}))
        }
        "triage.order" => {
            let cases = field(input, "cases")?
                .as_array()
                .ok_or("vector.not_an_array:cases")?;
            let mut ids = Vec::with_capacity(cases.len());
            let mut keys = Vec::with_capacity(cases.len());
            for case in cases {
                ids.push(str_of(case, "id")?);
                let a = assess(&policy, case)?;
                keys.push(QueueKey::new(&a, instant_of(case, "received_at")?));
            }
            let order = triage::queue_order(&keys);
            Ok(json!(
                order
                    .iter()
                    .map(|&i| json!({
                        "id": ids.get(i),
                        "sort_key": keys.get(i).map(QueueKey::sort_key),
                    }))
                    .collect::<Vec<_>>()
            ))
        }
        _ => unknown(op),
    }
}

fn assess(policy: &Policy, input: &Value) -> Result<Assessment, String> {
    let severity: Severity = str_of(input, "severity")?.parse().map_err(code)?;
    let urgency: Urgency = str_of(input, "urgency")?.parse().map_err(code)?;
    let complexity: Complexity = str_of(input, "complexity")?.parse().map_err(code)?;
    Ok(triage::assess(policy, severity, urgency, complexity))
}
