//! Intake (§1.2, §2.1, §2.2.1): channels, complainant kinds, required fields, completeness,
//! contacts.

use complaint_office::intake::{
    self as core_intake, Channel, ComplainantKind, Complaint, Contact, IntakeReport,
};
use complaint_office::time::parse_instant;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::convert::{json_text, to_js};
use crate::error::{Failure, JsResult};
use crate::policy::Policy;

#[wasm_bindgen(typescript_custom_section)]
const TS_INTAKE: &str = r#"
/** How a complaint arrived (§2.1). */
export type Channel = "email" | "hotline" | "on_site" | "oa";
/** Who complains (§1.2). */
export type ComplainantKind = "employee" | "customer" | "partner";
/** A field of the registration record (§2.2.1). */
export type Field = "name" | "contact" | "received_at" | "content" | "subject";
/** The kind of a usable contact. */
export type ContactKind = "mobile" | "landline" | "email" | "international";

/** A complaint as received, in its JSON form (absent texts may be left out or null). */
export interface ComplaintData {
  channel: Channel;
  complainant_kind: ComplainantKind;
  name?: string | null;
  contact?: string | null;
  received_at?: Rfc3339 | null;
  content?: string | null;
  subject?: string | null;
}

/** A rule of intake the complaint breaks. */
export interface IntakeViolation {
  code: ErrorCode;
  clause: Clause;
  field: Field | null;
}

/** What to ask the complainant for. */
export interface IntakeRequest {
  field: Field;
  code: ErrorCode;
}

/** What intake found (§2.1, §2.2.1). */
export interface IntakeReport {
  /** The channel is open to the complainant, and an e-mail's subject has a complaint word. */
  admissible: boolean;
  /** Nothing required is missing and the contact is usable. */
  complete: boolean;
  missing: Field[];
  violations: IntakeViolation[];
  requests: IntakeRequest[];
  contactKind: ContactKind | null;
}

/** A usable contact detail, normalised. */
export interface ContactInfo {
  kind: ContactKind;
  /** `13812345678`, `010-62345678`, `+85291234567`, `name@example.com`. */
  normalized: string;
}

/** The `[intake]` section of a policy file. */
export interface IntakeRulesSection {
  subject_words?: string[];
  eligible?: { [C in Channel]?: ComplainantKind[] };
  required?: { [C in Channel]?: Field[] };
  international_phones?: boolean;
}
"#;

#[derive(Serialize)]
struct ViolationJs {
    code: &'static str,
    clause: &'static str,
    field: Option<&'static str>,
}

#[derive(Serialize)]
struct RequestJs {
    field: &'static str,
    code: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct IntakeReportJs {
    admissible: bool,
    complete: bool,
    missing: Vec<&'static str>,
    violations: Vec<ViolationJs>,
    requests: Vec<RequestJs>,
    contact_kind: Option<&'static str>,
}

impl From<&IntakeReport> for IntakeReportJs {
    fn from(r: &IntakeReport) -> Self {
        IntakeReportJs {
            admissible: r.admissible,
            complete: r.complete,
            missing: r.missing.iter().map(|f| f.as_str()).collect(),
            violations: r
                .violations
                .iter()
                .map(|v| ViolationJs {
                    code: v.code(),
                    clause: v.clause(),
                    field: v.field().map(|f| f.as_str()),
                })
                .collect(),
            requests: r
                .requests
                .iter()
                .map(|q| RequestJs {
                    field: q.field.as_str(),
                    code: q.code,
                })
                .collect(),
            contact_kind: r.contact_kind.map(|k| k.as_str()),
        }
    }
}

#[derive(Serialize)]
struct ContactJs {
    kind: &'static str,
    normalized: String,
}

// The complaint as JavaScript gives it: names and texts, each read by the core so that a bad
// value gets its code (`intake.unknown_channel`, `time.missing_offset`, …).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ComplaintInput {
    channel: String,
    complainant_kind: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    contact: Option<String>,
    #[serde(default)]
    received_at: Option<String>,
    #[serde(default)]
    content: Option<String>,
    #[serde(default)]
    subject: Option<String>,
}

const COMPLAINT: &str = "complaint: {channel, complainant_kind, name, contact, received_at, content, subject} expected (texts or null)";

fn complaint_in(value: &JsValue) -> JsResult<Complaint> {
    let input: ComplaintInput = serde_json::from_str(&json_text(value, COMPLAINT)?)
        .map_err(|_| Failure::argument(COMPLAINT))?;
    let channel = input.channel.parse::<Channel>()?;
    let kind = input.complainant_kind.parse::<ComplainantKind>()?;
    let received_at = match input.received_at {
        Some(text) => Some(parse_instant(&text)?),
        None => None,
    };
    Ok(Complaint {
        name: input.name,
        contact: input.contact,
        received_at,
        content: input.content,
        subject: input.subject,
        ..Complaint::new(channel, kind)
    })
}

/// Checks a complaint at intake under the policy: admissible through its channel, complete,
/// with a usable contact; what to ask the complainant for.
#[wasm_bindgen(js_name = checkIntake, unchecked_return_type = "IntakeReport")]
pub fn check(
    policy: &Policy,
    #[wasm_bindgen(unchecked_param_type = "ComplaintData")] complaint: JsValue,
) -> JsResult<JsValue> {
    let complaint = complaint_in(&complaint)?;
    to_js(&IntakeReportJs::from(&core_intake::check(
        &policy.0, &complaint,
    )))
}

/// Reads a contact: a mainland mobile or landline, an international number or an e-mail.
#[wasm_bindgen(js_name = parseContact, unchecked_return_type = "ContactInfo")]
pub fn parse_contact(text: &str) -> JsResult<JsValue> {
    let contact = Contact::parse(text)?;
    to_js(&ContactJs {
        kind: contact.kind().as_str(),
        normalized: contact.as_str().to_owned(),
    })
}
