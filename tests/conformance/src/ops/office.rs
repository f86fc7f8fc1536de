//! The office at work: worklists, reminders and statistics over a caseload of histories.

use complaint_office::office::{Actor, Caseload, WorklistOptions};
use complaint_office::policy::Policy;
use complaint_office::privacy::Role;
use serde_json::{Value, json};

use super::stats::{record_json, report, report_options};
use super::unknown;
use crate::Outcome;
use crate::input::{Fail, code, field, instant_of, policy_of, str_of};

pub fn run(op: &str, input: &Value) -> Outcome {
    let policy = policy_of(input)?;
    match op {
        "office.worklist" => {
            let caseload = caseload(input, &policy)?;
            let view: Role = str_of(input, "view")?.parse().map_err(code)?;
            let mut options = WorklistOptions::new(view);
            if let Some(d) = present(input, "department") {
                options.department = Some(
                    d.as_str()
                        .ok_or("vector.not_a_string:department")?
                        .to_owned(),
                );
            }
            if present(input, "role").is_some() {
                options.role = Some(str_of(input, "role")?.parse::<Actor>().map_err(code)?);
            }
            let list = caseload.worklist(instant_of(input, "now")?, &options);
            to_json(&list)
        }
        "office.reminders" => {
            let caseload = caseload(input, &policy)?;
            let reminders = caseload
                .reminders(instant_of(input, "from")?, instant_of(input, "to")?)
                .map_err(code)?;
            Ok(json!({"reminders": to_json(&reminders)?, "refused": to_json(caseload.refused())?}))
        }
        "office.ledger" => {
            let caseload = caseload(input, &policy)?;
            let ledger = caseload.ledger(instant_of(input, "now")?);
            let offset = policy.office_offset();
            let records: Vec<Value> = ledger.records().map(|r| record_json(&r, offset)).collect();
            Ok(json!({"records": records, "rejected": to_json(ledger.rejected())?}))
        }
        "office.report" => {
            let caseload = caseload(input, &policy)?;
            let ledger = caseload.ledger(instant_of(input, "now")?);
            report(&ledger, &report_options(input)?, &policy)
        }
        _ => unknown(op),
    }
}

/// The caseload of `input.cases`: the histories as a host stores them.
fn caseload(input: &Value, policy: &Policy) -> Result<Caseload, Fail> {
    Caseload::from_json_value(policy, field(input, "cases")?.clone()).map_err(code)
}

fn present<'a>(input: &'a Value, key: &str) -> Option<&'a Value> {
    input.get(key).filter(|v| !v.is_null())
}

fn to_json<T: serde::Serialize + ?Sized>(value: &T) -> Outcome {
    serde_json::to_value(value).map_err(|e| format!("vector.unserializable:{e}"))
}
