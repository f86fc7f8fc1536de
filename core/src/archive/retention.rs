//! Retention (§6.2.2): when a file's retention expires and whether it may be destroyed.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{ArchiveError, ArchiveFile};
use crate::calendar::Calendar;
use crate::duration::Duration;
use crate::number::ComplaintNumber;
use crate::period;
use crate::policy::{Policy, Retention};
use crate::time::start_of_day;
use crate::vocabulary::vocabulary;

/// When retention ends.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Expiry {
    /// The last day of retention; destruction may be allowed from the day after.
    pub last_day: NaiveDate,
    /// Whether a day of a year no published notice covers was used (computed holidays, swaps
    /// unknown).
    pub provisional: bool,
}

/// The end of the policy's retention period (`retention.period`) for a file archived on
/// `archived_on`.
///
/// # Errors
/// As [`expiry_with`].
pub fn expiry(policy: &Policy, archived_on: NaiveDate) -> Result<Expiry, ArchiveError> {
    expiry_with(policy.calendar(), archived_on, policy.retention().period)
}

/// The end of `period` from the archive date: the Civil Code period rules with the archive
/// date at 00:00 office time as the start (a period in days, months or years counts from the
/// next day; a last day that is a rest day moves to the next working day).
///
/// # Errors
/// [`ArchiveError::Period`] when the end falls outside the supported dates, or for working
/// hours without office hours.
pub fn expiry_with(
    calendar: &Calendar,
    archived_on: NaiveDate,
    period: Duration,
) -> Result<Expiry, ArchiveError> {
    let start = start_of_day(archived_on, calendar.offset());
    let deadline = period::end(calendar, start, period)?;
    Ok(Expiry {
        last_day: deadline.last_day,
        provisional: deadline.provisional,
    })
}

/// Why a file may not be destroyed (§6.2.2), in the order the reasons are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Refusal {
    /// The retention period has not expired: the date is not after its last day.
    RetentionNotExpired,
    /// No leadership approval is recorded (by that date).
    ApprovalMissing,
    /// A legal hold forbids destruction.
    LegalHold,
}

impl Refusal {
    /// Every reason, in the order they are checked.
    pub const ALL: &'static [Refusal] = &[
        Refusal::RetentionNotExpired,
        Refusal::ApprovalMissing,
        Refusal::LegalHold,
    ];

    /// The stable code: `archive.retention_not_expired`, `archive.approval_missing`,
    /// `archive.legal_hold`.
    pub fn code(self) -> &'static str {
        match self {
            Refusal::RetentionNotExpired => "archive.retention_not_expired",
            Refusal::ApprovalMissing => "archive.approval_missing",
            Refusal::LegalHold => "archive.legal_hold",
        }
    }

    /// The clause behind every reason: `§6.2.2`.
    pub fn clause(self) -> &'static str {
        "§6.2.2"
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Refusal::RetentionNotExpired => "the retention period has not expired",
            Refusal::ApprovalMissing => "no leadership approval is recorded",
            Refusal::LegalHold => "the file is under legal hold",
        })
    }
}

/// Written as its code (`archive.legal_hold`).
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Refusal {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Refusal".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let codes: Vec<&str> = Refusal::ALL.iter().map(|r| r.code()).collect();
        schemars::json_schema!({ "type": "string", "enum": codes })
    }
}

impl Serialize for Refusal {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Refusal {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Refusal::ALL
            .iter()
            .copied()
            .find(|r| r.code() == text)
            .ok_or_else(|| serde::de::Error::custom("unknown destruction refusal"))
    }
}

/// Whether a file may be destroyed on a date, and if not, why.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DestructionDecision {
    /// Whether destruction is allowed.
    pub allowed: bool,
    /// Why not, when it is not.
    pub reason: Option<Refusal>,
}

impl DestructionDecision {
    /// `Ok` when destruction is allowed.
    ///
    /// # Errors
    /// [`ArchiveError::DestructionRefused`] with the reason.
    pub fn into_result(self) -> Result<(), ArchiveError> {
        self.reason
            .map_or(Ok(()), |r| Err(ArchiveError::DestructionRefused(r)))
    }
}

/// Whether `file` may be destroyed on `on` under the policy's retention period (§6.2.2).
///
/// # Errors
/// [`ArchiveError::MissingApprover`] for an approval record without the approver; otherwise
/// as [`may_destroy_with`].
pub fn may_destroy(
    policy: &Policy,
    file: &ArchiveFile,
    on: NaiveDate,
) -> Result<DestructionDecision, ArchiveError> {
    let approved_on = match &file.approval {
        Some(a) if a.approved_by.trim().is_empty() => return Err(ArchiveError::MissingApprover),
        Some(a) => Some(a.approved_on),
        None => None,
    };
    may_destroy_under(
        policy.calendar(),
        policy.retention(),
        file.archived_on,
        approved_on,
        file.legal_hold,
        on,
    )
}

/// Whether a file archived on `archived_on` and kept for `period` may be destroyed on `on`,
/// given the date of leadership's approval (if any) and whether it is under legal hold, under
/// the default retention rules: [`may_destroy_under`] without a standing approval.
///
/// Allowed only after the last day of retention, with an approval given after that day and no
/// later than `on` (§6.2.2: files are destroyed *after* the period expires, *with* leadership
/// approval), and without a hold; otherwise the first reason in that order.
///
/// # Errors
/// [`ArchiveError::ApprovalBeforeArchiving`] for an approval dated before the archive date;
/// [`ArchiveError::Period`] when the expiry cannot be computed.
pub fn may_destroy_with(
    calendar: &Calendar,
    period: Duration,
    archived_on: NaiveDate,
    approved_on: Option<NaiveDate>,
    legal_hold: bool,
    on: NaiveDate,
) -> Result<DestructionDecision, ArchiveError> {
    let retention = Retention {
        period,
        standing_approval: false,
    };
    may_destroy_under(
        calendar,
        &retention,
        archived_on,
        approved_on,
        legal_hold,
        on,
    )
}

/// Whether a file archived on `archived_on` may be destroyed on `on` under a policy's
/// `[retention]` section: its `period`, and whether a `standing_approval` (one given before
/// the retention expired) counts. By default an approval counts only when given after the
/// last day of retention; an earlier one is `archive.approval_missing`, as is one dated after
/// `on` (not on record yet).
///
/// # Errors
/// As [`may_destroy_with`].
pub fn may_destroy_under(
    calendar: &Calendar,
    retention: &Retention,
    archived_on: NaiveDate,
    approved_on: Option<NaiveDate>,
    legal_hold: bool,
    on: NaiveDate,
) -> Result<DestructionDecision, ArchiveError> {
    if approved_on.is_some_and(|a| a < archived_on) {
        return Err(ArchiveError::ApprovalBeforeArchiving);
    }
    let expiry = expiry_with(calendar, archived_on, retention.period)?;
    let counts = |approved: NaiveDate| {
        approved <= on && (retention.standing_approval || approved > expiry.last_day)
    };
    let reason = if on <= expiry.last_day {
        Some(Refusal::RetentionNotExpired)
    } else if !approved_on.is_some_and(counts) {
        Some(Refusal::ApprovalMissing)
    } else if legal_hold {
        Some(Refusal::LegalHold)
    } else {
        None
    };
    Ok(DestructionDecision {
        allowed: reason.is_none(),
        reason,
    })
}

vocabulary! {
    /// Where a retention sweep puts a file.
    pub enum SweepStatus("sweep status", "archive.unknown_sweep_status") {
        /// Retention has not expired.
        Retained = "retained",
        /// Expired, not held, but leadership has not approved destruction.
        AwaitingApproval = "awaiting_approval",
        /// Expired but under legal hold.
        Held = "held",
        /// May be destroyed.
        MayDestroy = "may_destroy",
    }
}

/// One file of a retention sweep.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SweepEntry {
    /// The file's complaint number.
    pub number: ComplaintNumber,
    /// The last day of its retention.
    pub expires_on: NaiveDate,
    /// Whether that day is provisional (outside the calendar's statutory data).
    pub provisional: bool,
    /// Where the sweep puts it.
    pub status: SweepStatus,
    /// Why it may not be destroyed, when it may not.
    pub reason: Option<Refusal>,
}

/// Sorts archived files on `on` (§6.2.2): each entry, in the order of `files`, says whether
/// the file is still retained, held, awaiting leadership approval or may be destroyed.
///
/// A sweep checks the legal hold *before* the approval: an expired file under hold is `held`
/// (reason `archive.legal_hold`) even without approval, so that a held file is never put
/// before leadership for a destruction approval. Otherwise the entry agrees with
/// [`may_destroy`].
///
/// # Errors
/// [`ArchiveError::InFile`] naming the complaint number of the first file that
/// [`may_destroy`] rejects.
pub fn sweep(
    policy: &Policy,
    files: &[ArchiveFile],
    on: NaiveDate,
) -> Result<Vec<SweepEntry>, ArchiveError> {
    files
        .iter()
        .map(|file| {
            let in_file = |e: ArchiveError| ArchiveError::InFile {
                number: file.number,
                source: Box::new(e),
            };
            let decision = may_destroy(policy, file, on).map_err(in_file)?;
            let expiry = expiry(policy, file.archived_on).map_err(in_file)?;
            let reason = match decision.reason {
                Some(Refusal::ApprovalMissing) if file.legal_hold => Some(Refusal::LegalHold),
                other => other,
            };
            let status = match reason {
                None => SweepStatus::MayDestroy,
                Some(Refusal::RetentionNotExpired) => SweepStatus::Retained,
                Some(Refusal::ApprovalMissing) => SweepStatus::AwaitingApproval,
                Some(Refusal::LegalHold) => SweepStatus::Held,
            };
            Ok(SweepEntry {
                number: file.number,
                expires_on: expiry.last_day,
                provisional: expiry.provisional,
                status,
                reason,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::Approval;
    use crate::error::ErrorCode;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn decide(archived: &str, approved: Option<&str>, hold: bool, on: &str) -> Option<Refusal> {
        let cal = Calendar::cn();
        may_destroy_with(
            &cal,
            "3 years".parse().unwrap(),
            date(archived),
            approved.map(date),
            hold,
            date(on),
        )
        .unwrap()
        .reason
    }

    #[test]
    fn expiry_follows_the_period_rules() {
        let cal = Calendar::cn();
        let years = |n: &str| n.parse::<Duration>().unwrap();
        // 2022-10-01 + 3 years = 2025-10-01, National Day: rolls to 2025-10-09.
        let e = expiry_with(&cal, date("2022-10-01"), years("3 years")).unwrap();
        assert_eq!(e.last_day, date("2025-10-09"));
        assert!(!e.provisional);
        // 2024-02-29 + 1 year: no 29 February, so 2025-02-28 (a Friday).
        let e = expiry_with(&cal, date("2024-02-29"), years("1 year")).unwrap();
        assert_eq!(e.last_day, date("2025-02-28"));
        assert_eq!(
            expiry_with(&cal, date("2999-06-01"), years("3 years"))
                .unwrap_err()
                .code(),
            "period.out_of_range"
        );
    }

    #[test]
    fn destruction_needs_expiry_then_approval_then_no_hold() {
        // Archived 2022-06-15 → last day 2025-06-16 (06-15 is a Sunday).
        let a = "2022-06-15";
        assert_eq!(
            decide(a, Some("2023-01-01"), false, "2025-06-16"),
            Some(Refusal::RetentionNotExpired)
        );
        // §6.2.2: an approval counts when given after the retention expired...
        assert_eq!(decide(a, Some("2025-06-17"), false, "2025-06-17"), None);
        // ...not before (a standing approval), unless the policy allows it.
        assert_eq!(
            decide(a, Some("2023-01-01"), false, "2025-06-17"),
            Some(Refusal::ApprovalMissing)
        );
        assert_eq!(
            decide(a, Some("2025-06-16"), false, "2025-06-17"),
            Some(Refusal::ApprovalMissing)
        );
        let standing = Retention {
            period: "3 years".parse().unwrap(),
            standing_approval: true,
        };
        let under = |approved: &str| {
            may_destroy_under(
                &Calendar::cn(),
                &standing,
                date(a),
                Some(date(approved)),
                false,
                date("2025-06-17"),
            )
            .unwrap()
            .reason
        };
        assert_eq!(under("2023-01-01"), None);
        assert_eq!(under("2025-06-18"), Some(Refusal::ApprovalMissing));
        assert_eq!(
            decide(a, None, true, "2025-06-17"),
            Some(Refusal::ApprovalMissing)
        );
        assert_eq!(
            decide(a, Some("2025-06-18"), false, "2025-06-17"),
            Some(Refusal::ApprovalMissing)
        );
        assert_eq!(
            decide(a, Some("2025-06-17"), true, "2025-06-17"),
            Some(Refusal::LegalHold)
        );
        let cal = Calendar::cn();
        let err = may_destroy_with(
            &cal,
            "3 years".parse().unwrap(),
            date(a),
            Some(date("2022-06-14")),
            false,
            date("2026-01-01"),
        )
        .unwrap_err();
        assert_eq!(err.code(), "archive.approval_before_archiving");
        assert_eq!(err.clause(), Some("§6.2.2"));
    }

    #[test]
    fn refusals_become_errors_with_their_code() {
        let d = DestructionDecision {
            allowed: false,
            reason: Some(Refusal::LegalHold),
        };
        let err = d.into_result().unwrap_err();
        assert_eq!(err.code(), "archive.legal_hold");
        assert_eq!(
            err.to_string(),
            "destruction not allowed: the file is under legal hold"
        );
        assert_eq!(
            serde_json::to_value(d).unwrap(),
            serde_json::json!({"allowed": false, "reason": "archive.legal_hold"})
        );
    }

    #[test]
    fn a_sweep_never_asks_approval_for_a_held_file() {
        let policy = Policy::default();
        let file = |n: &str, hold: bool, approved: Option<&str>| ArchiveFile {
            legal_hold: hold,
            approval: approved.map(|d| Approval {
                approved_by: "L001".into(),
                approved_on: date(d),
            }),
            ..ArchiveFile::new(n.parse().unwrap(), date("2022-06-15"), vec![])
        };
        let files = [
            file("22060001", false, None),
            file("22060002", true, None),
            file("22060003", true, Some("2025-07-01")),
            file("22060004", false, Some("2025-07-01")),
        ];
        let entries = sweep(&policy, &files, date("2025-07-02")).unwrap();
        let statuses: Vec<_> = entries.iter().map(|e| e.status).collect();
        assert_eq!(
            statuses,
            [
                SweepStatus::AwaitingApproval,
                SweepStatus::Held,
                SweepStatus::Held,
                SweepStatus::MayDestroy
            ]
        );
        assert!(entries.iter().all(|e| e.expires_on == date("2025-06-16")));
        let early = sweep(&policy, &files, date("2025-06-16")).unwrap();
        assert!(early.iter().all(|e| e.status == SweepStatus::Retained));

        let bad = [file("22060005", false, Some("2021-01-01"))];
        let err = sweep(&policy, &bad, date("2025-07-02")).unwrap_err();
        assert_eq!(err.code(), "archive.approval_before_archiving");
        assert!(
            err.to_string().starts_with("archive file 22060005: "),
            "{err}"
        );
        let mut nameless = file("22060006", false, Some("2025-07-01"));
        if let Some(a) = nameless.approval.as_mut() {
            a.approved_by = " ".into();
        }
        assert_eq!(
            may_destroy(&policy, &nameless, date("2025-07-02"))
                .unwrap_err()
                .code(),
            "archive.missing_approver"
        );
    }
}
