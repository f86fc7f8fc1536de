//! Triage (§2.2.4, §4.1.2): severity × urgency × complexity → emergency, track, priority, and
//! the order of the queue.

use std::sync::Arc;

use complaint_office::triage as core;

use crate::error::{Result, guard};
use crate::policy::Policy;
use crate::time::OffsetDateTime;

pub use crate::vocabulary::{Complexity, Severity, Track, Urgency};

/// The outcome of triage (the core's `triage::Assessment`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct TriageAssessment {
    /// Whether the emergency procedure starts (§2.2.4).
    pub emergency: bool,
    /// The handling track (§4.1.2).
    pub track: Track,
    /// The place in the queue: 1 goes first.
    pub priority: i32,
}

impl From<core::Assessment> for TriageAssessment {
    fn from(a: core::Assessment) -> Self {
        TriageAssessment {
            emergency: a.emergency,
            track: a.track.into(),
            priority: i32::from(a.priority),
        }
    }
}

impl TriageAssessment {
    fn to_core(self) -> core::Assessment {
        core::Assessment {
            emergency: self.emergency,
            track: self.track.into(),
            priority: u8::try_from(self.priority).unwrap_or(u8::MAX),
        }
    }
}

/// Assesses a complaint under the policy's triage matrix.
///
/// # Errors
/// Only `internal.panic`.
#[uniffi::export]
pub fn assess(
    policy: Arc<Policy>,
    severity: Severity,
    urgency: Urgency,
    complexity: Complexity,
) -> Result<TriageAssessment> {
    guard(|| {
        let a = core::assess(
            &policy.0,
            severity.into(),
            urgency.into(),
            complexity.into(),
        );
        Ok(a.into())
    })
}

/// A case's place in the queue: emergencies first, then priority, then the earliest received.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Object)]
#[uniffi::export(Debug, Eq)]
pub struct QueueKey(core::QueueKey);

#[uniffi::export]
impl QueueKey {
    /// The key of an assessed case received at `received_at`.
    ///
    /// # Errors
    /// Only for arguments the library cannot read.
    #[uniffi::constructor]
    pub fn new(assessment: TriageAssessment, received_at: OffsetDateTime) -> Result<Arc<Self>> {
        guard(|| {
            Ok(Arc::new(QueueKey(core::QueueKey::new(
                &assessment.to_core(),
                received_at,
            ))))
        })
    }

    /// Whether the emergency procedure applies.
    pub fn emergency(&self) -> bool {
        self.0.emergency()
    }

    /// The priority, 1 first.
    pub fn priority(&self) -> i32 {
        i32::from(self.0.priority())
    }

    /// A text that sorts like the queue, for a host's database index.
    pub fn sort_key(&self) -> String {
        self.0.sort_key()
    }
}

/// The positions of `keys` in queue order (emergencies first, then priority, then the earliest
/// received).
///
/// # Errors
/// Only `internal.panic`.
#[uniffi::export]
pub fn queue_order(keys: Vec<Arc<QueueKey>>) -> Result<Vec<i64>> {
    guard(|| {
        let keys: Vec<core::QueueKey> = keys.iter().map(|k| k.0).collect();
        Ok(core::queue_order(&keys)
            .into_iter()
            .map(|i| i64::try_from(i).unwrap_or(i64::MAX))
            .collect())
    })
}
