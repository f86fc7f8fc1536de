//! The archive file of a case (§6.1.2, §6.2.1): its documents, legal hold and approval record.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ArchiveError;
use crate::number::ComplaintNumber;
use crate::vocabulary::vocabulary;

vocabulary! {
    /// A document of a case's archive (§6.2.1).
    pub enum Document("archive document", "archive.unknown_document") {
        /// The registration form (登記表, §2.2.1).
        RegistrationForm = "registration_form",
        /// The investigation record (調查記錄, §3).
        InvestigationRecord = "investigation_record",
        /// The handling plan (處理方案, §4.1.1).
        HandlingPlan = "handling_plan",
        /// The result report (處理結果報告, §4.4).
        ResultReport = "result_report",
        /// The follow-up record (回訪記錄, §5.2).
        FollowUpRecord = "follow_up_record",
    }
}

impl Document {
    /// The documents an archive must hold (§6.2.1): all five.
    pub const REQUIRED: &'static [Document] = Document::ALL;
}

/// One archived document with where it is kept (§6.1.2). References are the host's opaque
/// identifiers (a document-system id, a shelf mark), not names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArchivedDocument {
    /// Which document.
    pub document: Document,
    /// Where the electronic copy is kept, if there is one.
    #[serde(default)]
    pub electronic: Option<String>,
    /// Where the paper copy is kept, if there is one.
    #[serde(default)]
    pub paper: Option<String>,
}

impl ArchivedDocument {
    /// Whether it is kept in at least one form (a document without any reference cannot be
    /// traced and counts as missing).
    pub fn is_kept(&self) -> bool {
        has_text(self.electronic.as_deref()) || has_text(self.paper.as_deref())
    }
}

fn has_text(reference: Option<&str>) -> bool {
    reference.is_some_and(|r| !r.trim().is_empty())
}

/// Leadership's approval to destroy a file (§6.2.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// Who approved: a staff id of the company's leadership.
    pub approved_by: String,
    /// The date of the approval.
    pub approved_on: NaiveDate,
}

/// The archive file of one case, filed by complaint number (§6.2.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArchiveFile {
    /// The complaint number it is filed under.
    pub number: ComplaintNumber,
    /// The archive date: retention runs from it.
    pub archived_on: NaiveDate,
    /// The archived documents.
    #[serde(default)]
    pub documents: Vec<ArchivedDocument>,
    /// Whether a legal hold forbids destruction (litigation, an authority's inquiry).
    #[serde(default)]
    pub legal_hold: bool,
    /// Leadership's approval to destroy it, if given.
    #[serde(default)]
    pub approval: Option<Approval>,
}

impl ArchiveFile {
    /// A file archived on `archived_on` with `documents`, no hold and no approval.
    pub fn new(
        number: ComplaintNumber,
        archived_on: NaiveDate,
        documents: Vec<ArchivedDocument>,
    ) -> Self {
        ArchiveFile {
            number,
            archived_on,
            documents,
            legal_hold: false,
            approval: None,
        }
    }

    /// The required documents that are not kept in any form, in the order of §6.2.1.
    pub fn missing_documents(&self) -> Vec<Document> {
        let kept: Vec<Document> = self
            .documents
            .iter()
            .filter(|d| d.is_kept())
            .map(|d| d.document)
            .collect();
        missing_documents(&kept)
    }

    /// The required documents that are kept, but not both electronically and on paper
    /// (§6.1.2: a finding, not an error).
    pub fn single_form_documents(&self) -> Vec<Document> {
        Document::REQUIRED
            .iter()
            .copied()
            .filter(|&required| {
                let copies = || {
                    self.documents
                        .iter()
                        .filter(move |d| d.document == required)
                };
                let electronic = copies().any(|d| has_text(d.electronic.as_deref()));
                let paper = copies().any(|d| has_text(d.paper.as_deref()));
                electronic != paper
            })
            .collect()
    }

    /// Checks that every required document is kept (§6.2.1).
    ///
    /// # Errors
    /// [`ArchiveError::MissingDocuments`] listing them.
    pub fn check_complete(&self) -> Result<(), ArchiveError> {
        let documents = self.missing_documents();
        if documents.is_empty() {
            Ok(())
        } else {
            Err(ArchiveError::MissingDocuments { documents })
        }
    }
}

/// The required documents (§6.2.1) that `present` does not contain, in the order of §6.2.1.
pub fn missing_documents(present: &[Document]) -> Vec<Document> {
    Document::REQUIRED
        .iter()
        .copied()
        .filter(|d| !present.contains(d))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    fn doc(document: Document, electronic: Option<&str>, paper: Option<&str>) -> ArchivedDocument {
        ArchivedDocument {
            document,
            electronic: electronic.map(Into::into),
            paper: paper.map(Into::into),
        }
    }

    fn file(documents: Vec<ArchivedDocument>) -> ArchiveFile {
        ArchiveFile::new(
            ComplaintNumber::parse("23050001").unwrap(),
            NaiveDate::from_ymd_opt(2023, 8, 1).unwrap(),
            documents,
        )
    }

    #[test]
    fn a_complete_archive_has_all_five_documents() {
        let all: Vec<_> = Document::REQUIRED
            .iter()
            .map(|&d| doc(d, Some("dms:1"), Some("shelf A")))
            .collect();
        assert_eq!(file(all).check_complete(), Ok(()));
        assert_eq!(missing_documents(Document::ALL), []);
        assert_eq!(
            missing_documents(&[Document::HandlingPlan, Document::RegistrationForm]),
            [
                Document::InvestigationRecord,
                Document::ResultReport,
                Document::FollowUpRecord
            ]
        );
    }

    #[test]
    fn a_document_without_a_reference_is_missing() {
        let f = file(vec![
            doc(Document::RegistrationForm, Some(" "), None),
            doc(Document::InvestigationRecord, Some("dms:2"), None),
            doc(Document::HandlingPlan, None, Some("shelf B")),
            doc(Document::ResultReport, Some("dms:4"), None),
            doc(Document::ResultReport, None, Some("shelf B")),
        ]);
        assert_eq!(
            f.missing_documents(),
            [Document::RegistrationForm, Document::FollowUpRecord]
        );
        let err = f.check_complete().unwrap_err();
        assert_eq!(err.code(), "archive.missing_documents");
        assert_eq!(err.clause(), Some("§6.2.1"));
        assert_eq!(
            err.to_string(),
            "archive incomplete: missing registration_form, follow_up_record"
        );
        // Two entries, one electronic and one on paper, keep the result report in both forms.
        assert_eq!(
            f.single_form_documents(),
            [Document::InvestigationRecord, Document::HandlingPlan]
        );
    }

    #[test]
    fn files_read_from_json_strictly() {
        let f: ArchiveFile = serde_json::from_str(
            r#"{"number": "23050001", "archived_on": "2023-08-01", "legal_hold": true,
                "documents": [{"document": "handling_plan", "paper": "shelf C"}],
                "approval": {"approved_by": "L001", "approved_on": "2026-09-01"}}"#,
        )
        .unwrap();
        assert!(f.legal_hold);
        assert_eq!(f.documents[0].document, Document::HandlingPlan);
        assert!(
            serde_json::from_str::<ArchiveFile>(
                r#"{"number": "23050001", "archived_on": "2023-08-01", "colour": 1}"#
            )
            .is_err()
        );
    }
}
