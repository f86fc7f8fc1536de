//! Intake (§1.2, §2.1, §2.2.1): channels, complainant kinds, required fields, completeness,
//! contacts.

use complaint_office::intake::{
    self as core_intake, Channel, Charsets, ComplainantKind, Complaint, Contact, Decoded,
    EmailError, EmailIntake, IntakeReport, Violation,
};
use complaint_office::time::parse_instant;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::convert::{Js, api_object, max_bytes_or, to_js, within};
use crate::error::{Failure, JsResult};
use crate::policy::Policy;
use crate::time::instant_out;

/// The default maximum size of an e-mail: 4 GiB, the most the core reads
/// (`intake.email_too_large` beyond).
const MAX_EMAIL_BYTES: u64 = 4 << 30;

#[wasm_bindgen(typescript_custom_section)]
const TS_INTAKE: &str = r#"
/** A complaint as received (absent texts may be left out or null). An API object: its keys
 * are camelCase (`complainantKind`, `receivedAt`); the case's `received` event stores the same
 * fields in snake_case (`CaseEvent.received` writes it from a `Complaint`). */
export interface Complaint {
  channel: Channel;
  complainantKind: ComplainantKind;
  name?: string | null;
  contact?: string | null;
  receivedAt?: Rfc3339 | null;
  content?: string | null;
  subject?: string | null;
}

/** A rule of intake the complaint breaks. */
export interface IntakeViolation {
  code: ErrorCode;
  clause: Clause;
  field: Field | null;
  /** Whether it makes the complaint inadmissible (every rule but an unusable contact). */
  barsAdmission: boolean;
}

/** A usable contact detail, normalised. */
export interface ContactInfo {
  kind: ContactKind;
  /** `13812345678`, `010-62345678`, `+85291234567`, `name@example.com`. */
  normalized: string;
}

/** Something wrong with a message that did not stop it being read: a code and a place. */
export interface EmailFinding {
  code: EmailFindingCode;
  part: MailPart;
}

/** An attachment, listed but never opened. */
export interface EmailAttachment {
  /** The file name the message gives (decoded), if any. */
  name: string | null;
  /** The size in bytes, after base64 or quoted-printable is undone. */
  size: number;
}

/** A complaint read from an e-mail (§2.1.1) and what intake makes of it. */
export interface EmailIntake {
  /** The complaint (channel `email`, every key present): `checkIntake` takes it as it is,
   * and `CaseEvent.received(at, complaint)` makes it the case's `received` event. */
  complaint: Required<Complaint>;
  /** When it was received (the complaint's `receivedAt`); null when no date could be read. */
  receivedAt: Rfc3339 | null;
  /** Which header gave `receivedAt`; null when no date could be read. */
  receivedFrom: ReceivedFrom | null;
  attachments: EmailAttachment[];
  /** In the order found, each once per part. */
  findings: EmailFinding[];
  /** `checkIntake` of the complaint under the policy. */
  report: IntakeReport;
}

/** The `[intake]` section of a policy file (a stored format: snake_case keys). */
export interface IntakeRulesSection {
  subject_words?: string[];
  eligible?: { [C in Channel]?: ComplainantKind[] };
  required?: { [C in Channel]?: Field[] };
  international_phones?: boolean;
}
"#;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ViolationJs {
    code: &'static str,
    clause: &'static str,
    field: Option<&'static str>,
    bars_admission: bool,
}

/// `IntakeViolation` of the `.d.ts`, inside an `IntakeReport`.
impl Serialize for Js<'_, Violation> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let v = self.0;
        ViolationJs {
            code: v.code(),
            clause: v.clause(),
            field: v.field().map(|f| f.as_str()),
            bars_admission: v.bars_admission(),
        }
        .serialize(serializer)
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
#[serde(deny_unknown_fields, rename_all = "camelCase")]
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

const COMPLAINT: &str = "complaint: {channel, complainantKind, name, contact, receivedAt, content, subject} expected (texts or null)";

/// A `Complaint` of the `.d.ts` (object or JSON text), each value read by the core.
pub(crate) fn complaint_in(value: &JsValue) -> JsResult<Complaint> {
    let input: ComplaintInput = api_object(value, COMPLAINT)?;
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
    #[wasm_bindgen(unchecked_param_type = "Complaint")] complaint: JsValue,
) -> JsResult<JsValue> {
    let complaint = complaint_in(&complaint)?;
    to_js(&Js(&core_intake::check(&policy.0, &complaint)))
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

/// `Required<Complaint>` of the `.d.ts`: every key present.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ComplaintOut<'a> {
    channel: &'static str,
    complainant_kind: &'static str,
    name: Option<&'a str>,
    contact: Option<&'a str>,
    received_at: Option<String>,
    content: Option<&'a str>,
    subject: Option<&'a str>,
}

impl<'a> From<&'a Complaint> for ComplaintOut<'a> {
    fn from(c: &'a Complaint) -> Self {
        ComplaintOut {
            channel: c.channel.as_str(),
            complainant_kind: c.complainant_kind.as_str(),
            name: c.name.as_deref(),
            contact: c.contact.as_deref(),
            received_at: c.received_at.as_ref().map(instant_out),
            content: c.content.as_deref(),
            subject: c.subject.as_deref(),
        }
    }
}

#[derive(Serialize)]
struct FindingJs {
    code: &'static str,
    part: &'static str,
}

#[derive(Serialize)]
struct AttachmentJs<'a> {
    name: Option<&'a str>,
    size: u64,
}

/// `EmailIntake` of the `.d.ts`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EmailIntakeJs<'a> {
    complaint: ComplaintOut<'a>,
    received_at: Option<String>,
    received_from: Option<&'static str>,
    attachments: Vec<AttachmentJs<'a>>,
    findings: Vec<FindingJs>,
    report: Js<'a, IntakeReport>,
}

impl<'a> From<&'a EmailIntake> for EmailIntakeJs<'a> {
    fn from(e: &'a EmailIntake) -> Self {
        EmailIntakeJs {
            complaint: (&e.complaint).into(),
            received_at: e.complaint.received_at.as_ref().map(instant_out),
            received_from: e.received_from.map(|r| r.as_str()),
            attachments: e
                .attachments
                .iter()
                .map(|a| AttachmentJs {
                    name: a.name.as_deref(),
                    size: a.size,
                })
                .collect(),
            findings: e
                .findings
                .iter()
                .map(|f| FindingJs {
                    code: f.code.as_str(),
                    part: f.part.as_str(),
                })
                .collect(),
            report: Js(&e.report),
        }
    }
}

// The host's `TextDecoder` (browsers, Node): the WHATWG Encoding Standard, as the core's
// `EncodingRs` is, without carrying the GBK, GB18030 and Big5 tables in the module.
#[wasm_bindgen]
extern "C" {
    type TextDecoder;

    #[wasm_bindgen(catch, constructor, js_class = "TextDecoder")]
    fn new(label: &str, options: &JsValue) -> Result<TextDecoder, JsValue>;

    #[wasm_bindgen(catch, method, js_class = "TextDecoder")]
    fn decode(this: &TextDecoder, input: &[u8]) -> Result<String, JsValue>;
}

/// Charsets decoded by the host's `TextDecoder`. A label it does not know (or maps to the
/// "replacement" decoder) throws a `RangeError`: unknown to the reader, as to `EncodingRs`.
struct HostDecoder;

impl Charsets for HostDecoder {
    fn decode(&self, label: &str, bytes: &[u8]) -> Option<Decoded> {
        // Strict first, to learn whether every byte was valid; the lenient decoder then
        // gives the text with U+FFFD where not. The default keeps dropping a leading BOM.
        let fatal = js_sys::Object::new();
        js_sys::Reflect::set(&fatal, &JsValue::from_str("fatal"), &JsValue::TRUE).ok()?;
        if let Ok(text) = TextDecoder::new(label, &fatal).ok()?.decode(bytes) {
            return Some(Decoded {
                text,
                malformed: false,
            });
        }
        let text = TextDecoder::new(label, &JsValue::UNDEFINED)
            .ok()?
            .decode(bytes)
            .ok()?;
        Some(Decoded {
            text,
            malformed: true,
        })
    }
}

/// Reads an e-mail (the raw RFC 5322 bytes as the complaint mailbox received them: a
/// `Uint8Array`, a Node `Buffer` or an `ArrayBuffer`) into a complaint and checks it under the
/// policy (§2.1.1). `complainantKind` defaults to `customer`: an e-mail does not say. Charsets
/// other than UTF-8 are read by the host's `TextDecoder`. At most `maxBytes` bytes (4 GiB by
/// default, the core's own maximum), else `input.too_large` before anything is copied.
///
/// A message that is not an e-mail is `intake.email_malformed`; anything else wrong with it
/// is a finding.
#[wasm_bindgen(js_name = intakeEmail, unchecked_return_type = "EmailIntake")]
pub fn intake_email(
    policy: &Policy,
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] message: JsValue,
    #[wasm_bindgen(js_name = complainantKind, unchecked_optional_param_type = "ComplainantKind | null")]
    complainant_kind: Option<String>,
    #[wasm_bindgen(js_name = maxBytes, unchecked_optional_param_type = "number | null")]
    max_bytes: JsValue,
) -> JsResult<JsValue> {
    let max = max_bytes_or(&max_bytes, MAX_EMAIL_BYTES)?;
    let kind = match complainant_kind {
        Some(k) => k.parse::<ComplainantKind>()?,
        None => ComplainantKind::Customer,
    };
    let message = match message.dyn_into::<js_sys::Uint8Array>() {
        Ok(bytes) => bytes,
        // What `fetch(…).arrayBuffer()` and `File.arrayBuffer()` give.
        Err(other) if other.is_instance_of::<js_sys::ArrayBuffer>() => {
            js_sys::Uint8Array::new(&other)
        }
        Err(_) => {
            return Err(Failure::argument(
                "message: the raw e-mail as a Uint8Array or ArrayBuffer expected",
            ));
        }
    };
    // Copied in only if the module can hold it: a message it cannot is too large, not a crash.
    // (`length()` is a u32 and would wrap past 4 GiB: the number itself is read.)
    let length = js_sys::Reflect::get(&message, &JsValue::from_str("length"))
        .ok()
        .and_then(|n| n.as_f64())
        .filter(|n| *n <= f64::from(u32::MAX))
        .ok_or(EmailError::TooLarge)?;
    // A whole number within u32 (the filter above): exact.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let length = length as usize;
    within(length, max)?;
    let mut bytes = Vec::new();
    bytes
        .try_reserve_exact(length)
        .map_err(|_| EmailError::TooLarge)?;
    bytes.resize(length, 0);
    message.copy_to(&mut bytes);
    let intake = core_intake::email_with(&policy.0, &bytes, kind, &HostDecoder)?;
    to_js(&EmailIntakeJs::from(&intake))
}
