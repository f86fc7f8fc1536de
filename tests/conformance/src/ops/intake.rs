use complaint_office::intake::{self, Channel, ComplainantKind, Complaint, Contact};
use serde_json::{Map, Value, json};

use super::unknown;
use crate::Outcome;
use crate::input::{code, field, policy_of, str_of};

pub fn run(op: &str, input: &Value) -> Outcome {
    match op {
        "intake.check" => {
            let policy = policy_of(input)?;
            let complaint = complaint_of(field(input, "complaint")?)?;
            let report = intake::check(&policy, &complaint);
            Ok(json!({
                "admissible": report.admissible,
                "complete": report.complete,
                "missing": report.missing.iter().map(|f| f.as_str()).collect::<Vec<_>>(),
                "violations": report.violations.iter().map(|v| json!({
                    "code": v.code(),
                    "clause": v.clause(),
                    "field": v.field().map(|f| f.as_str()),
                })).collect::<Vec<_>>(),
                "requests": report.requests.iter().map(|r| json!({
                    "field": r.field.as_str(),
                    "code": r.code,
                })).collect::<Vec<_>>(),
                "contact_kind": report.contact_kind.map(|k| k.as_str()),
            }))
        }
        "intake.contact" => {
            let contact = Contact::parse(str_of(input, "text")?).map_err(code)?;
            Ok(json!({"kind": contact.kind().as_str(), "normalized": contact.as_str()}))
        }
        _ => unknown(op),
    }
}

/// The complaint object of a case, built field by field the way a host fills the type.
fn complaint_of(value: &Value) -> Result<Complaint, String> {
    const KEYS: [&str; 7] = [
        "channel",
        "complainant_kind",
        "name",
        "contact",
        "received_at",
        "content",
        "subject",
    ];
    let object: &Map<String, Value> = value.as_object().ok_or("vector.not_an_object:complaint")?;
    if let Some(key) = object.keys().find(|k| !KEYS.contains(&k.as_str())) {
        return Err(format!("vector.bad_value:complaint.{key}"));
    }
    let channel: Channel = str_of(value, "channel")?.parse().map_err(code)?;
    let kind: ComplainantKind = str_of(value, "complainant_kind")?.parse().map_err(code)?;
    let text = |key: &str| -> Result<Option<String>, String> {
        match value.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(format!("vector.not_a_string:{key}")),
        }
    };
    let received_at = match text("received_at")? {
        Some(s) => Some(complaint_office::time::parse_instant(&s).map_err(code)?),
        None => None,
    };
    Ok(Complaint {
        name: text("name")?,
        contact: text("contact")?,
        received_at,
        content: text("content")?,
        subject: text("subject")?,
        ..Complaint::new(channel, kind)
    })
}
