use complaint_office::archive::{self, Approval, ArchiveFile, ArchivedDocument, Document};
use complaint_office::number::ComplaintNumber;
use complaint_office::time::parse_date;
use serde_json::{Value, json};

use super::unknown;
use crate::Outcome;
use crate::input::{bool_of, code, date_of, duration_of, field, policy_of, str_of};

pub fn run(op: &str, input: &Value) -> Outcome {
    let policy = policy_of(input)?;
    match op {
        "archive.expiry" => {
            let archived_on = date_of(input, "archived_on")?;
            let period = duration_of(input, "period")?;
            let expiry =
                archive::expiry_with(policy.calendar(), archived_on, period).map_err(code)?;
            Ok(json!(expiry.last_day.to_string()))
        }
        "archive.may_destroy" => {
            let archived_on = date_of(input, "archived_on")?;
            let period = duration_of(input, "period")?;
            let on = date_of(input, "on")?;
            let legal_hold = bool_of(input, "legal_hold")?;
            // `approved_on` dates the approval; without it the approval is on record from the
            // archive date, the earliest it can be dated.
            let approved_on = if bool_of(input, "leadership_approved")? {
                match input.get("approved_on") {
                    Some(_) => Some(date_of(input, "approved_on")?),
                    None => Some(archived_on),
                }
            } else {
                None
            };
            let decision = archive::may_destroy_with(
                policy.calendar(),
                period,
                archived_on,
                approved_on,
                legal_hold,
                on,
            )
            .map_err(code)?;
            Ok(json!({
                "allowed": decision.allowed,
                "reason": decision.reason.map(|r| r.code()),
            }))
        }
        "archive.completeness" => {
            let file = file_of(field(input, "file")?)?;
            let names = |docs: Vec<Document>| docs.iter().map(|d| d.as_str()).collect::<Vec<_>>();
            Ok(json!({
                "complete": file.check_complete().is_ok(),
                "missing": names(file.missing_documents()),
                "single_form": names(file.single_form_documents()),
            }))
        }
        "archive.sweep" => {
            let on = date_of(input, "on")?;
            let files = field(input, "files")?
                .as_array()
                .ok_or("vector.not_an_array:files")?
                .iter()
                .map(file_of)
                .collect::<Result<Vec<_>, _>>()?;
            let entries = archive::sweep(&policy, &files, on).map_err(code)?;
            Ok(Value::Array(
                entries
                    .iter()
                    .map(|e| {
                        json!({
                            "number": e.number.to_string(),
                            "expires_on": e.expires_on.to_string(),
                            "provisional": e.provisional,
                            "status": e.status.as_str(),
                            "reason": e.reason.map(|r| r.code()),
                        })
                    })
                    .collect(),
            ))
        }
        _ => unknown(op),
    }
}

/// An archive file object, read field by field the way a host builds one.
fn file_of(value: &Value) -> Result<ArchiveFile, String> {
    let object = value.as_object().ok_or("vector.not_an_object:file")?;
    if let Some(key) = object.keys().find(|k| {
        ![
            "number",
            "archived_on",
            "documents",
            "legal_hold",
            "approval",
        ]
        .contains(&k.as_str())
    }) {
        return Err(format!("vector.unknown_key:{key}"));
    }
    let number = ComplaintNumber::parse(str_of(value, "number")?).map_err(code)?;
    let mut file = ArchiveFile::new(number, date_of(value, "archived_on")?, Vec::new());
    if let Some(documents) = value.get("documents") {
        let documents = documents
            .as_array()
            .ok_or("vector.not_an_array:documents")?;
        for d in documents {
            let reference = |key| -> Result<Option<String>, String> {
                match d.get(key) {
                    None | Some(Value::Null) => Ok(None),
                    Some(Value::String(s)) => Ok(Some(s.clone())),
                    Some(_) => Err(format!("vector.not_a_string:{key}")),
                }
            };
            file.documents.push(ArchivedDocument {
                document: str_of(d, "document")?.parse().map_err(code)?,
                electronic: reference("electronic")?,
                paper: reference("paper")?,
            });
        }
    }
    if value.get("legal_hold").is_some() {
        file.legal_hold = bool_of(value, "legal_hold")?;
    }
    file.approval = match value.get("approval") {
        None | Some(Value::Null) => None,
        Some(a) => Some(Approval {
            approved_by: str_of(a, "approved_by")?.to_owned(),
            approved_on: parse_date(str_of(a, "approved_on")?).map_err(code)?,
        }),
    };
    Ok(file)
}
