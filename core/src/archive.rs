//! (Being built: see issue 6.)

use crate::error::ErrorCode;
use crate::vocabulary::vocabulary;

/// Errors of this module.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ArchiveError {}

impl ErrorCode for ArchiveError {
    fn code(&self) -> &'static str {
        match *self {}
    }
}

// ---- Temporary stand-ins until issue 6 lands (names agreed with it). ----

vocabulary! {
    /// A document of a case's archive file (§6.2.1).
    pub enum Document("document", "archive.unknown_document") {
        /// Registration form.
        RegistrationForm = "registration_form",
        /// Investigation record.
        InvestigationRecord = "investigation_record",
        /// Handling plan.
        HandlingPlan = "handling_plan",
        /// Result report.
        ResultReport = "result_report",
        /// Follow-up record.
        FollowUpRecord = "follow_up_record",
    }
}

/// The required documents missing from `documents`.
pub fn missing_documents(documents: &[Document]) -> Vec<Document> {
    Document::ALL
        .iter()
        .copied()
        .filter(|d| !documents.contains(d))
        .collect()
}
