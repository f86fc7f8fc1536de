use complaint_office::intake::{
    self, Channel, ComplainantKind, Complaint, Contact, EmailIntake, IntakeReport,
};
use complaint_office::time::format_instant;
use serde_json::{Map, Value, json};

use super::unknown;
use crate::Outcome;
use crate::input::{base64_of, code, field, policy_of, str_of};

pub fn run(op: &str, input: &Value) -> Outcome {
    match op {
        "intake.check" => {
            let policy = policy_of(input)?;
            let complaint = complaint_of(field(input, "complaint")?)?;
            Ok(report_json(&intake::check(&policy, &complaint)))
        }
        "intake.contact" => {
            let contact = Contact::parse(str_of(input, "text")?).map_err(code)?;
            Ok(json!({"kind": contact.kind().as_str(), "normalized": contact.as_str()}))
        }
        "intake.email" => {
            let policy = policy_of(input)?;
            let message = base64_of(input, "message_base64")?;
            let kind = match input.get("complainant_kind") {
                None => ComplainantKind::Customer,
                Some(_) => str_of(input, "complainant_kind")?.parse().map_err(code)?,
            };
            let intake = intake::email(&policy, &message, kind).map_err(code)?;
            Ok(email_json(&intake))
        }
        _ => unknown(op),
    }
}

fn report_json(report: &IntakeReport) -> Value {
    json!({
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
    })
}

fn email_json(intake: &EmailIntake) -> Value {
    let c = &intake.complaint;
    json!({
        "complaint": {
            "channel": c.channel.as_str(),
            "complainant_kind": c.complainant_kind.as_str(),
            "name": c.name,
            "contact": c.contact,
            "received_at": c.received_at.as_ref().map(format_instant),
            "content": c.content,
            "subject": c.subject,
        },
        "received_from": intake.received_from.map(|r| r.as_str()),
        "attachments": intake.attachments.iter().map(|a| json!({
            "name": a.name,
            "size": a.size,
        })).collect::<Vec<_>>(),
        "findings": intake.findings.iter().map(|f| json!({
            "code": f.code.as_str(),
            "part": f.part.as_str(),
        })).collect::<Vec<_>>(),
        "report": report_json(&intake.report),
    })
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
