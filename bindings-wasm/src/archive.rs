//! Archive and retention (§6): required documents, retention expiry, destruction eligibility,
//! sweeps.

use complaint_office::archive::{self as core_archive, Approval, ArchivedDocument, Document};
use complaint_office::number::ComplaintNumber;
use complaint_office::time::parse_date;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use crate::calendar::Calendar;
use crate::convert::{Js, array_items, bool_in, json_text, string_in, to_js};
use crate::duration::duration_in;
use crate::error::{Failure, JsResult};
use crate::policy::Policy;
use crate::time::{date_in, date_out};

#[wasm_bindgen(typescript_custom_section)]
const TS_ARCHIVE: &str = r#"
/** Why a file may not be destroyed (§6.2.2), in the order checked. */
export type Refusal = "archive.retention_not_expired" | "archive.approval_missing" | "archive.legal_hold";

/** A document filed, with its references (electronic and paper, §6.1.2). */
export interface ArchivedDocumentData {
  document: ArchiveDocument;
  electronic?: string | null;
  paper?: string | null;
}

/** Leadership's approval to destroy a file (§6.2.2). */
export interface ApprovalData {
  approved_by: string;
  approved_on: IsoDate;
}

/** An archive file, in its stored JSON form (snake_case keys, the same in every language). */
export interface ArchiveFileData {
  number: ComplaintNumberText;
  archived_on: IsoDate;
  documents?: ArchivedDocumentData[];
  legal_hold?: boolean;
  approval?: ApprovalData | null;
}
"#;

// The file as JavaScript gives it: texts, each parsed by the core so that a bad value gets
// the core's code (`number.*`, `time.invalid_date`, `archive.unknown_document`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileInput {
    number: String,
    archived_on: String,
    #[serde(default)]
    documents: Vec<DocumentInput>,
    #[serde(default)]
    legal_hold: bool,
    #[serde(default)]
    approval: Option<ApprovalInput>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentInput {
    document: String,
    #[serde(default)]
    electronic: Option<String>,
    #[serde(default)]
    paper: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ApprovalInput {
    approved_by: String,
    approved_on: String,
}

const FILE: &str =
    "file: an archive file {number, archived_on, documents, legal_hold, approval} expected";

fn file_in(value: &JsValue) -> JsResult<core_archive::ArchiveFile> {
    let input: FileInput =
        serde_json::from_str(&json_text(value, FILE)?).map_err(|_| Failure::argument(FILE))?;
    let mut file = core_archive::ArchiveFile::new(
        ComplaintNumber::parse(&input.number)?,
        parse_date(&input.archived_on)?,
        Vec::new(),
    );
    for d in input.documents {
        file.documents.push(ArchivedDocument {
            document: d.document.parse::<Document>()?,
            electronic: d.electronic,
            paper: d.paper,
        });
    }
    file.legal_hold = input.legal_hold;
    file.approval = match input.approval {
        Some(a) => Some(Approval {
            approved_by: a.approved_by,
            approved_on: parse_date(&a.approved_on)?,
        }),
        None => None,
    };
    Ok(file)
}

fn names(documents: &[Document]) -> Vec<String> {
    documents.iter().map(|d| d.as_str().to_owned()).collect()
}

/// A file of the archive: the complaint's documents, legal hold and destruction approval.
#[wasm_bindgen]
#[derive(Debug, Clone)]
pub struct ArchiveFile(core_archive::ArchiveFile);

#[wasm_bindgen]
impl ArchiveFile {
    /// Reads a file from its stored JSON form (object or text).
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "ArchiveFileData | string")] file: JsValue,
    ) -> JsResult<ArchiveFile> {
        Ok(ArchiveFile(file_in(&file)?))
    }

    /// The file in its stored JSON form.
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "ArchiveFileData")]
    pub fn to_json(&self) -> JsResult<JsValue> {
        to_js(&self.0)
    }

    /// The complaint number.
    #[wasm_bindgen(getter, unchecked_return_type = "ComplaintNumberText")]
    pub fn number(&self) -> String {
        self.0.number.to_string()
    }

    /// The day it was archived.
    #[wasm_bindgen(getter, js_name = archivedOn, unchecked_return_type = "IsoDate")]
    pub fn archived_on(&self) -> String {
        date_out(self.0.archived_on)
    }

    /// The documents filed, with their references, in their stored form.
    #[wasm_bindgen(getter, unchecked_return_type = "ArchivedDocumentData[]")]
    pub fn documents(&self) -> JsResult<JsValue> {
        to_js(&self.0.documents)
    }

    /// Whether a legal hold keeps the file from destruction (§6.2.2).
    #[wasm_bindgen(getter, js_name = legalHold)]
    pub fn legal_hold(&self) -> bool {
        self.0.legal_hold
    }

    /// Leadership's approval to destroy the file, in its stored form, or `null`.
    #[wasm_bindgen(getter, unchecked_return_type = "ApprovalData | null")]
    pub fn approval(&self) -> JsResult<JsValue> {
        to_js(&self.0.approval)
    }

    /// The required documents (§6.2.1) without a reference, in the order of the clause.
    #[wasm_bindgen(js_name = missingDocuments, unchecked_return_type = "ArchiveDocument[]")]
    pub fn missing_documents(&self) -> Vec<String> {
        names(&self.0.missing_documents())
    }

    /// The documents kept electronically or on paper but not both (§6.1.2).
    #[wasm_bindgen(js_name = singleFormDocuments, unchecked_return_type = "ArchiveDocument[]")]
    pub fn single_form_documents(&self) -> Vec<String> {
        names(&self.0.single_form_documents())
    }

    /// Throws `archive.missing_documents` unless every required document is filed.
    #[wasm_bindgen(js_name = checkComplete)]
    pub fn check_complete(&self) -> JsResult<()> {
        Ok(self.0.check_complete()?)
    }
}

/// The required documents (§6.2.1) not among `present`.
#[wasm_bindgen(js_name = missingDocuments, unchecked_return_type = "ArchiveDocument[]")]
pub fn missing_documents(
    #[wasm_bindgen(unchecked_param_type = "ArchiveDocument[]")] present: JsValue,
) -> JsResult<Vec<String>> {
    let what = "present: an array of document names expected";
    let present = array_items(&present, what)?
        .iter()
        .map(|v| {
            let name = string_in(v)?.ok_or_else(|| Failure::argument(what))?;
            Ok(name.parse::<Document>()?)
        })
        .collect::<JsResult<Vec<_>>>()?;
    Ok(names(&core_archive::missing_documents(&present)))
}

/// The last day of the policy's retention period for a file archived on `archivedOn`.
#[wasm_bindgen(js_name = retentionExpiry, unchecked_return_type = "Expiry")]
pub fn expiry(
    policy: &Policy,
    #[wasm_bindgen(js_name = archivedOn, unchecked_param_type = "DateInput")] archived_on: JsValue,
) -> JsResult<JsValue> {
    let expiry = core_archive::expiry(&policy.0, date_in(&archived_on)?)?;
    to_js(&Js(&expiry))
}

/// The last day of `period` from the archive date on `calendar` (Civil Code rules, from 00:00).
#[wasm_bindgen(js_name = retentionExpiryWith, unchecked_return_type = "Expiry")]
pub fn expiry_with(
    calendar: &Calendar,
    #[wasm_bindgen(js_name = archivedOn, unchecked_param_type = "DateInput")] archived_on: JsValue,
    #[wasm_bindgen(unchecked_param_type = "DurationText | Duration")] period: JsValue,
) -> JsResult<JsValue> {
    let expiry =
        core_archive::expiry_with(&calendar.0, date_in(&archived_on)?, duration_in(&period)?)?;
    to_js(&Js(&expiry))
}

/// Whether `file` may be destroyed on `on` under the policy (§6.2.2).
#[wasm_bindgen(js_name = mayDestroy, unchecked_return_type = "DestructionDecision")]
pub fn may_destroy(
    policy: &Policy,
    #[wasm_bindgen(unchecked_param_type = "ArchiveFileData | ArchiveFile")] file: JsValue,
    #[wasm_bindgen(unchecked_param_type = "DateInput")] on: JsValue,
) -> JsResult<JsValue> {
    let file = file_in(&file)?;
    let decision = core_archive::may_destroy(&policy.0, &file, date_in(&on)?)?;
    to_js(&Js(&decision))
}

/// Whether a file archived on `archivedOn` with retention `period` may be destroyed on `on`,
/// given the day leadership approved (or `null`) and a legal hold.
#[wasm_bindgen(js_name = mayDestroyWith, unchecked_return_type = "DestructionDecision")]
pub fn may_destroy_with(
    calendar: &Calendar,
    #[wasm_bindgen(unchecked_param_type = "DurationText | Duration")] period: JsValue,
    #[wasm_bindgen(js_name = archivedOn, unchecked_param_type = "DateInput")] archived_on: JsValue,
    #[wasm_bindgen(js_name = approvedOn, unchecked_param_type = "DateInput | null")]
    approved_on: JsValue,
    #[wasm_bindgen(js_name = legalHold, unchecked_param_type = "boolean")] legal_hold: JsValue,
    #[wasm_bindgen(unchecked_param_type = "DateInput")] on: JsValue,
) -> JsResult<JsValue> {
    let period = duration_in(&period)?;
    let archived_on = date_in(&archived_on)?;
    let approved_on = if approved_on.is_null() || approved_on.is_undefined() {
        None
    } else {
        Some(date_in(&approved_on)?)
    };
    let decision = core_archive::may_destroy_with(
        &calendar.0,
        period,
        archived_on,
        approved_on,
        bool_in(&legal_hold, "legalHold: true or false expected")?,
        date_in(&on)?,
    )?;
    to_js(&Js(&decision))
}

/// Sorts archived files on `on`: retained, held, awaiting approval or may be destroyed.
#[wasm_bindgen(js_name = retentionSweep, unchecked_return_type = "SweepEntry[]")]
pub fn sweep(
    policy: &Policy,
    #[wasm_bindgen(unchecked_param_type = "(ArchiveFileData | ArchiveFile)[]")] files: JsValue,
    #[wasm_bindgen(unchecked_param_type = "DateInput")] on: JsValue,
) -> JsResult<JsValue> {
    let files = array_items(&files, "files: an array of archive files expected")?
        .iter()
        .map(file_in)
        .collect::<JsResult<Vec<_>>>()?;
    let entries = core_archive::sweep(&policy.0, &files, date_in(&on)?)?;
    to_js(&Js(&entries))
}

#[wasm_bindgen]
impl ArchiveFile {
    /// `ArchiveFile(number=22100001, archivedOn=2022-10-01, documents=5)`: what
    /// `console.log` shows.
    #[wasm_bindgen(js_name = toString)]
    pub fn to_display(&self) -> String {
        format!(
            "ArchiveFile(number={}, archivedOn={}, documents={})",
            self.0.number,
            self.0.archived_on,
            self.0.documents.len()
        )
    }
}
