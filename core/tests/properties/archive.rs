//! §6.2.2 retention: no file is destroyed before its retention has expired, and after that
//! only with leadership approval and without a legal hold.

use chrono::{Days, NaiveDate};
use complaint_office::archive::{self, Approval, ArchiveFile, Refusal, SweepStatus};
use complaint_office::calendar::Calendar;
use complaint_office::duration::Duration;
use complaint_office::policy::{Policy, Retention};
use proptest::prelude::*;

use crate::calendar::date;
use crate::config;

/// Retention periods in the day-based units (the only ones a retention period sensibly has).
fn period() -> impl Strategy<Value = Duration> {
    prop_oneof![
        (1u32..=2000).prop_map(Duration::days),
        (1u32..=600).prop_map(Duration::working_days),
        (1u32..=60).prop_map(Duration::months),
        (1u32..=10).prop_map(Duration::years),
    ]
}

fn plus(d: NaiveDate, days: u64) -> NaiveDate {
    d + Days::new(days)
}

proptest! {
    #![proptest_config(config())]

    /// §6.2.2: for every date up to the last day of retention, destruction is refused for
    /// retention, whatever the approval and the hold.
    #[test]
    fn never_destroyed_before_expiry(
        archived_on in date(),
        period in period(),
        back in 0u64..5000,
        approval_after in proptest::option::of(0u64..8000),
        hold in any::<bool>(),
    ) {
        let cal = Calendar::cn();
        let expiry = archive::expiry_with(&cal, archived_on, period).unwrap();
        prop_assert!(expiry.last_day > archived_on);
        let on = expiry.last_day - Days::new(back);
        let approved_on = approval_after.map(|d| plus(archived_on, d));
        let decision = archive::may_destroy_with(&cal, period, archived_on, approved_on, hold, on).unwrap();
        prop_assert!(!decision.allowed);
        prop_assert_eq!(decision.reason, Some(Refusal::RetentionNotExpired));
    }

    /// §6.2.2: after expiry, destruction is allowed exactly with an approval on record by that
    /// date and no hold; the reason is the first that fails, approval before hold. The approval
    /// counts only when given after the last day of retention, unless the policy allows a
    /// standing approval.
    #[test]
    fn after_expiry_approval_then_hold(
        archived_on in date(),
        period in period(),
        after in 1u64..3000,
        approval_after in proptest::option::of(0u64..8000),
        hold in any::<bool>(),
        standing in any::<bool>(),
    ) {
        let cal = Calendar::cn();
        let expiry = archive::expiry_with(&cal, archived_on, period).unwrap();
        let on = plus(expiry.last_day, after);
        let approved_on = approval_after.map(|d| plus(archived_on, d));
        let approved = approved_on.is_some_and(|a| a <= on && (standing || a > expiry.last_day));
        let retention = Retention { period, standing_approval: standing };
        let decision = archive::may_destroy_under(&cal, &retention, archived_on, approved_on, hold, on).unwrap();
        let want = if !approved { Some(Refusal::ApprovalMissing) } else if hold { Some(Refusal::LegalHold) } else { None };
        prop_assert_eq!(decision.reason, want);
        prop_assert_eq!(decision.allowed, want.is_none());
        if !standing {
            let strict = archive::may_destroy_with(&cal, period, archived_on, approved_on, hold, on).unwrap();
            prop_assert_eq!(strict, decision);
        }
    }

    /// §6.2.2: a sweep never lists a file as destroyable that `may_destroy` refuses, and puts
    /// every held, expired file under `held`.
    #[test]
    fn sweep_agrees_with_may_destroy(
        files in proptest::collection::vec((date(), any::<bool>(), proptest::option::of(0u64..3000)), 0..8),
        on in date(),
    ) {
        let policy = Policy::default();
        let files: Vec<ArchiveFile> = files
            .into_iter()
            .enumerate()
            .map(|(i, (archived_on, hold, approval))| ArchiveFile {
                legal_hold: hold,
                approval: approval.map(|d| Approval { approved_by: "L001".into(), approved_on: plus(archived_on, d) }),
                ..ArchiveFile::new(format!("2501{:04}", i + 1).parse().unwrap(), archived_on, vec![])
            })
            .collect();
        let entries = archive::sweep(&policy, &files, on).unwrap();
        prop_assert_eq!(entries.len(), files.len());
        for (file, entry) in files.iter().zip(&entries) {
            let decision = archive::may_destroy(&policy, file, on).unwrap();
            prop_assert_eq!(entry.status == SweepStatus::MayDestroy, decision.allowed);
            let expired = on > entry.expires_on;
            prop_assert_eq!(entry.status == SweepStatus::Retained, !expired);
            if expired && file.legal_hold {
                prop_assert_eq!(entry.status, SweepStatus::Held);
            }
        }
    }
}
