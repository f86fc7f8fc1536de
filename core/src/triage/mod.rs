//! Triage (§2.2.4, §4.1.2): severity × urgency × complexity → emergency procedure, handling
//! track and priority, and the order of the queue.
//!
//! ```
//! use complaint_office::policy::Policy;
//! use complaint_office::time::parse_instant;
//! use complaint_office::triage::{self, Complexity, QueueKey, Severity, Track, Urgency};
//!
//! let policy = Policy::default();
//! let a = triage::assess(&policy, Severity::Serious, Urgency::Urgent, Complexity::Simple);
//! assert!(a.emergency);                 // urgent and severe: the emergency procedure (§2.2.4)
//! assert_eq!(a.track, Track::General);  // neither complex nor major (§4.1.2)
//! assert_eq!(a.priority, 2);
//!
//! let b = triage::assess(&policy, Severity::Major, Urgency::Normal, Complexity::Simple);
//! assert!(!b.emergency);
//! assert_eq!(b.track, Track::Major);
//!
//! // The emergency goes first although it arrived later.
//! let early = QueueKey::new(&b, parse_instant("2025-09-26T09:00:00+08:00")?);
//! let late = QueueKey::new(&a, parse_instant("2025-09-26T11:00:00+08:00")?);
//! assert!(late < early);
//! assert_eq!(late.sort_key(), "E02-20250926T030000.000000000Z");
//! assert_eq!(triage::queue_order(&[early, late]), [1, 0]);
//! # Ok::<(), complaint_office::time::TimeError>(())
//! ```
//!
//! The decision is a table in the policy (`[[triage.matrix]]`, see [`TriageRules`]); the
//! default is the rule of the policy text:
//! - **emergency** exactly when urgency is `urgent` and severity is `serious` or `major`
//!   (§2.2.4);
//! - **track** `major` for major severity, else `complex` for complex cases, else `general`
//!   (§4.1.2);
//! - **priority** 1 (first) to 6: the rank of (emergency, severity, urgency) in queue order —
//!   major urgent 1, serious urgent 2, major 3, serious 4, general urgent 5, general 6.
//!   Complexity changes the track, not the priority.
//!
//! The **queue** ([`QueueKey`]) puts emergencies first, then smaller priority numbers, then
//! older complaints. Equal keys keep their order (the sort is stable), which makes the order
//! the same in every language that sorts by [`QueueKey::sort_key`].

mod queue;
mod rules;

use serde::Serialize;

use crate::error::ErrorCode;
use crate::vocabulary::vocabulary;

pub use queue::{QueueKey, queue_order};
pub use rules::{TriageRule, TriageRules};

vocabulary! {
    /// How severe a complaint is (§2.2.4).
    pub enum Severity("severity", "triage.unknown_severity") {
        /// An ordinary complaint.
        General = "general",
        /// A serious complaint.
        Serious = "serious",
        /// A major complaint.
        Major = "major",
    }
}

vocabulary! {
    /// How urgent a complaint is (§2.2.4).
    pub enum Urgency("urgency", "triage.unknown_urgency") {
        /// Not urgent.
        Normal = "normal",
        /// Urgent.
        Urgent = "urgent",
    }
}

vocabulary! {
    /// Whether handling is simple or complex (§4.1.2).
    pub enum Complexity("complexity", "triage.unknown_complexity") {
        /// Simple.
        Simple = "simple",
        /// Complex.
        Complex = "complex",
    }
}

vocabulary! {
    /// The handling track (§4.1.2): general complaints have the plan limit; complex and major ones
    /// may be extended up to the extended limit.
    pub enum Track("track", "triage.unknown_track") {
        /// A general complaint.
        General = "general",
        /// A complex complaint.
        Complex = "complex",
        /// A major complaint.
        Major = "major",
    }
}

/// The outcome of triage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Assessment {
    /// Whether the emergency procedure starts (§2.2.4).
    pub emergency: bool,
    /// The handling track (§4.1.2).
    pub track: Track,
    /// The place in the queue: 1 goes first.
    pub priority: u8,
}

/// Assesses a complaint under the triage matrix of `policy`: a
/// [`Policy`](crate::policy::Policy), or the [`TriageRules`] themselves.
pub fn assess(
    policy: &(impl AsRef<TriageRules> + ?Sized),
    severity: Severity,
    urgency: Urgency,
    complexity: Complexity,
) -> Assessment {
    let rules = policy.as_ref();
    match rules.rule(severity, urgency, complexity) {
        Some(rule) => rule.assessment(),
        // A validated policy covers every combination; this only guards against a gap.
        None => TriageRule::default_for(severity, urgency, complexity).assessment(),
    }
}

/// Errors of triage.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TriageError {
    /// A triage matrix without a row for the combination asked about (only possible with rules
    /// that were never validated).
    #[error("the triage matrix has no row for this severity, urgency and complexity")]
    NoRule,
}

impl ErrorCode for TriageError {
    fn code(&self) -> &'static str {
        match self {
            TriageError::NoRule => "triage.no_rule",
        }
    }

    fn clause(&self) -> Option<&'static str> {
        Some("§2.2.4")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_matrix_is_the_policy_text() {
        let policy = TriageRules::default();
        for &s in Severity::ALL {
            for &u in Urgency::ALL {
                for &c in Complexity::ALL {
                    let a = assess(&policy, s, u, c);
                    assert_eq!(a.emergency, u == Urgency::Urgent && s >= Severity::Serious);
                    let track = match (s, c) {
                        (Severity::Major, _) => Track::Major,
                        (_, Complexity::Complex) => Track::Complex,
                        _ => Track::General,
                    };
                    assert_eq!(a.track, track);
                }
            }
        }
        let p = |s, u| assess(&policy, s, u, Complexity::Simple).priority;
        use {Severity as S, Urgency as U};
        assert_eq!(
            [
                p(S::Major, U::Urgent),
                p(S::Serious, U::Urgent),
                p(S::Major, U::Normal),
                p(S::Serious, U::Normal),
                p(S::General, U::Urgent),
                p(S::General, U::Normal)
            ],
            [1, 2, 3, 4, 5, 6]
        );
    }
}
