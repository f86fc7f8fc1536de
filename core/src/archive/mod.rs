//! Records and archive (§6): the archive file of a case, its completeness, retention expiry and
//! when it may be destroyed.
//!
//! * **Completeness** (§6.2.1): an archive holds the registration form, investigation record,
//!   handling plan, result report and follow-up record ([`Document::REQUIRED`]), each kept
//!   electronically and/or on paper (§6.1.2). [`ArchiveFile::missing_documents`] lists what is
//!   absent; [`ArchiveFile::single_form_documents`] what is kept in one form only.
//! * **Expiry** (§6.2.2): the retention period (`retention.period`, 3 years by default) runs
//!   from the archive date under the Civil Code period rules ([`crate::period::end`] with the
//!   archive date at 00:00 office time as the start): [`expiry`] is its last day.
//! * **Destruction** (§6.2.2): allowed only *after* the last day, with a leadership approval
//!   given after it (or before, where the policy allows a standing approval,
//!   `retention.standing_approval`) and no legal hold. Otherwise the [`Refusal`] is, checked in
//!   this order, `archive.retention_not_expired`, `archive.approval_missing` or
//!   `archive.legal_hold`.
//! * **Sweep**: [`sweep`] sorts a list of archived files on a date into what may be
//!   destroyed, what awaits approval, what is held and what is still retained.
//!
//! ```
//! use complaint_office::archive::{self, Refusal};
//! use complaint_office::policy::Policy;
//! use complaint_office::time::parse_date;
//!
//! let policy = Policy::default();
//! let archived_on = parse_date("2025-06-30")?;
//! // 3 years: 2028-06-30 is a Friday (not yet published: provisional).
//! assert_eq!(archive::expiry(&policy, archived_on)?.last_day, parse_date("2028-06-30")?);
//!
//! let on = parse_date("2028-07-03")?;
//! let approved = Some(parse_date("2028-07-01")?);
//! let decision = archive::may_destroy_with(policy.calendar(), policy.retention().period,
//!                                          archived_on, approved, false, on)?;
//! assert!(decision.allowed);
//! let decision = archive::may_destroy_with(policy.calendar(), policy.retention().period,
//!                                          archived_on, None, false, on)?;
//! assert_eq!(decision.reason, Some(Refusal::ApprovalMissing));
//! # Ok::<(), complaint_office::Error>(())
//! ```

use crate::error::ErrorCode;
use crate::number::ComplaintNumber;
use crate::period::PeriodError;

mod file;
mod retention;

pub use file::{Approval, ArchiveFile, ArchivedDocument, Document, missing_documents};
pub use retention::{
    DestructionDecision, Expiry, Refusal, SweepEntry, SweepStatus, expiry, expiry_with,
    may_destroy, may_destroy_under, may_destroy_with, sweep,
};

/// Errors of this module.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ArchiveError {
    /// The archive lacks required documents (§6.2.1).
    #[error("archive incomplete: missing {}", names(.documents))]
    MissingDocuments {
        /// The missing documents, in the order of §6.2.1.
        documents: Vec<Document>,
    },
    /// A leadership approval dated before the file was archived.
    #[error("the destruction approval is dated before the archive date")]
    ApprovalBeforeArchiving,
    /// A leadership approval record without the approver.
    #[error("the destruction approval does not name who approved it")]
    MissingApprover,
    /// Destruction is not allowed (§6.2.2); the refusal is the reason.
    #[error("destruction not allowed: {0}")]
    DestructionRefused(Refusal),
    /// The retention period cannot be computed (out of the supported dates, or working hours
    /// without office hours).
    #[error(transparent)]
    Period(#[from] PeriodError),
    /// An error about one file of a sweep.
    #[error("archive file {number}: {source}")]
    InFile {
        /// The file's complaint number.
        number: ComplaintNumber,
        /// What is wrong with it.
        source: Box<ArchiveError>,
    },
}

fn names(documents: &[Document]) -> String {
    documents
        .iter()
        .map(|d| d.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

impl ErrorCode for ArchiveError {
    fn code(&self) -> &'static str {
        match self {
            ArchiveError::MissingDocuments { .. } => "archive.missing_documents",
            ArchiveError::ApprovalBeforeArchiving => "archive.approval_before_archiving",
            ArchiveError::MissingApprover => "archive.missing_approver",
            ArchiveError::DestructionRefused(refusal) => refusal.code(),
            ArchiveError::Period(e) => e.code(),
            ArchiveError::InFile { source, .. } => source.code(),
        }
    }

    fn clause(&self) -> Option<&'static str> {
        match self {
            ArchiveError::MissingDocuments { .. } => Some("§6.2.1"),
            ArchiveError::ApprovalBeforeArchiving
            | ArchiveError::MissingApprover
            | ArchiveError::DestructionRefused(_) => Some("§6.2.2"),
            ArchiveError::Period(e) => e.clause(),
            ArchiveError::InFile { source, .. } => source.clause(),
        }
    }
}
