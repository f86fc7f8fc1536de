use complaint_office::accountability::{Assessment, Consequence, Fault, Responsibility};
use serde_json::{Value, json};

use super::unknown;
use crate::Outcome;
use crate::input::{code, policy_of, str_of};

pub fn run(op: &str, input: &Value) -> Outcome {
    let policy = policy_of(input)?;
    let table = policy.discipline();
    match op {
        "accountability.decide" => {
            let assessment = Assessment {
                responsibility: str_of(input, "responsibility")?
                    .parse::<Responsibility>()
                    .map_err(code)?,
                fault: str_of(input, "fault")?.parse::<Fault>().map_err(code)?,
                consequence: str_of(input, "consequence")?
                    .parse::<Consequence>()
                    .map_err(code)?,
            };
            let decision = table.decide(assessment);
            Ok(json!({
                "level": decision.level.as_str(),
                "sanctions": decision.sanctions.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
            }))
        }
        "accountability.table" => Ok(Value::Array(
            table
                .entries()
                .into_iter()
                .map(|(a, level)| {
                    json!({
                        "responsibility": a.responsibility.as_str(),
                        "fault": a.fault.as_str(),
                        "consequence": a.consequence.as_str(),
                        "level": level.as_str(),
                    })
                })
                .collect(),
        )),
        _ => unknown(op),
    }
}
