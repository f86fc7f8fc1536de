//! Records and retention (§6): the archive file, its five documents, expiry, destruction and
//! the retention sweep.

use std::sync::Arc;

use complaint_office::archive as core;

use crate::calendar::Calendar;
use crate::duration::Duration;
use crate::error::{Result, guard};
use crate::number::ComplaintNumber;
use crate::policy::Policy;
use crate::time::LocalDate;

pub use crate::vocabulary::{Document, SweepStatus};

/// Why a file may not be destroyed (§6.2.2), in the order the reasons are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
#[uniffi::export(Display)]
pub enum Refusal {
    /// The retention period has not expired (`archive.retention_not_expired`).
    RetentionNotExpired,
    /// No leadership approval is recorded by that date (`archive.approval_missing`).
    ApprovalMissing,
    /// The file is under legal hold (`archive.legal_hold`).
    LegalHold,
}

impl Refusal {
    fn to_core(self) -> core::Refusal {
        match self {
            Refusal::RetentionNotExpired => core::Refusal::RetentionNotExpired,
            Refusal::ApprovalMissing => core::Refusal::ApprovalMissing,
            Refusal::LegalHold => core::Refusal::LegalHold,
        }
    }
}

impl From<core::Refusal> for Refusal {
    fn from(r: core::Refusal) -> Self {
        match r {
            core::Refusal::RetentionNotExpired => Refusal::RetentionNotExpired,
            core::Refusal::ApprovalMissing => Refusal::ApprovalMissing,
            core::Refusal::LegalHold => Refusal::LegalHold,
        }
    }
}

/// Prints the refusal's stable code, `archive.legal_hold`.
impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.to_core().code())
    }
}

#[uniffi::export]
impl Refusal {
    /// The stable code: `archive.retention_not_expired`, `archive.approval_missing`,
    /// `archive.legal_hold`.
    pub fn code(&self) -> String {
        self.to_core().code().to_owned()
    }

    /// The clause, `§6.2.2`.
    pub fn clause(&self) -> String {
        self.to_core().clause().to_owned()
    }
}

/// One archived document with where it is kept (§6.1.2): the host's opaque references.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ArchivedDocument {
    /// Which document.
    pub document: Document,
    /// Where the electronic copy is kept, if there is one.
    pub electronic: Option<String>,
    /// Where the paper copy is kept, if there is one.
    pub paper: Option<String>,
}

/// Leadership's approval to destroy a file (§6.2.2).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Approval {
    /// Who approved (a staff id).
    pub approved_by: String,
    /// When.
    pub approved_on: LocalDate,
}

/// The archive file of a case.
#[derive(Debug, Clone, uniffi::Record)]
pub struct ArchiveFile {
    /// The complaint number it is filed under.
    pub number: Arc<ComplaintNumber>,
    /// The archive date.
    pub archived_on: LocalDate,
    /// The documents filed.
    pub documents: Vec<ArchivedDocument>,
    /// Whether a legal hold forbids destruction.
    pub legal_hold: bool,
    /// Leadership's approval to destroy, if given.
    pub approval: Option<Approval>,
}

impl From<ArchiveFile> for core::ArchiveFile {
    fn from(f: ArchiveFile) -> Self {
        let documents = f
            .documents
            .into_iter()
            .map(|d| core::ArchivedDocument {
                document: d.document.into(),
                electronic: d.electronic,
                paper: d.paper,
            })
            .collect();
        let mut file = core::ArchiveFile::new(f.number.0, f.archived_on, documents);
        file.legal_hold = f.legal_hold;
        file.approval = f.approval.map(|a| core::Approval {
            approved_by: a.approved_by,
            approved_on: a.approved_on,
        });
        file
    }
}

fn documents(docs: Vec<core::Document>) -> Vec<Document> {
    docs.into_iter().map(Into::into).collect()
}

/// The required documents (§6.2.1) that a file lacks, or keeps in no form.
///
/// # Errors
/// Only for arguments the library cannot read.
#[uniffi::export]
pub fn archive_file_missing_documents(file: ArchiveFile) -> Result<Vec<Document>> {
    guard(|| Ok(documents(core::ArchiveFile::from(file).missing_documents())))
}

/// The documents kept electronically or on paper but not both (§6.1.2).
///
/// # Errors
/// Only for arguments the library cannot read.
#[uniffi::export]
pub fn archive_file_single_form_documents(file: ArchiveFile) -> Result<Vec<Document>> {
    guard(|| {
        Ok(documents(
            core::ArchiveFile::from(file).single_form_documents(),
        ))
    })
}

/// Checks that a file holds all five documents (§6.2.1).
///
/// # Errors
/// `archive.missing_documents` naming the missing documents.
#[uniffi::export]
pub fn archive_file_check_complete(file: ArchiveFile) -> Result<()> {
    guard(|| Ok(core::ArchiveFile::from(file).check_complete()?))
}

/// The required documents missing from a list of documents present.
///
/// # Errors
/// Only `internal.panic`.
#[uniffi::export]
pub fn missing_documents(present: Vec<Document>) -> Result<Vec<Document>> {
    guard(|| {
        let present: Vec<core::Document> = present.into_iter().map(Into::into).collect();
        Ok(documents(core::missing_documents(&present)))
    })
}

// The result records (`Expiry`, `DestructionDecision`, `SweepEntry`) and their conversions
// from the core's, generated from the core's structs by `tools/boundary`.
include!("generated/archive_records.rs");

/// The end of the policy's retention period for a file archived on `archived_on`.
///
/// # Errors
/// `period.out_of_range`, `period.office_hours_required`.
#[uniffi::export]
pub fn expiry(policy: Arc<Policy>, archived_on: LocalDate) -> Result<Expiry> {
    guard(|| Ok(Expiry::from(&core::expiry(&policy.0, archived_on)?)))
}

/// The end of `period` from the archive date, on `calendar`.
///
/// # Errors
/// As [`expiry`].
#[uniffi::export]
pub fn expiry_with(
    calendar: Arc<Calendar>,
    archived_on: LocalDate,
    period: Arc<Duration>,
) -> Result<Expiry> {
    guard(|| {
        Ok(Expiry::from(&core::expiry_with(
            &calendar.0,
            archived_on,
            period.0,
        )?))
    })
}

/// Whether a file may be destroyed on `on` under the policy (§6.2.2).
///
/// # Errors
/// `archive.missing_approver`, `archive.approval_before_archiving`, period codes.
#[uniffi::export]
pub fn may_destroy(
    policy: Arc<Policy>,
    file: ArchiveFile,
    on: LocalDate,
) -> Result<DestructionDecision> {
    guard(|| {
        Ok(DestructionDecision::from(&core::may_destroy(
            &policy.0,
            &file.into(),
            on,
        )?))
    })
}

/// Whether a file may be destroyed on `on`, from its parts: expiry first, then approval,
/// then legal hold.
///
/// # Errors
/// `archive.approval_before_archiving`, period codes.
#[uniffi::export]
pub fn may_destroy_with(
    calendar: Arc<Calendar>,
    period: Arc<Duration>,
    archived_on: LocalDate,
    approved_on: Option<LocalDate>,
    legal_hold: bool,
    on: LocalDate,
) -> Result<DestructionDecision> {
    guard(|| {
        let decision = core::may_destroy_with(
            &calendar.0,
            period.0,
            archived_on,
            approved_on,
            legal_hold,
            on,
        )?;
        Ok(DestructionDecision::from(&decision))
    })
}

/// Every file's retention state on `on`, for the periodic review of the archive.
///
/// # Errors
/// The code of the first file [`may_destroy`] rejects.
#[uniffi::export]
pub fn sweep(
    policy: Arc<Policy>,
    files: Vec<ArchiveFile>,
    on: LocalDate,
) -> Result<Vec<SweepEntry>> {
    guard(|| {
        let files: Vec<core::ArchiveFile> = files.into_iter().map(Into::into).collect();
        let entries = core::sweep(&policy.0, &files, on)?;
        Ok(entries.iter().map(SweepEntry::from).collect())
    })
}
