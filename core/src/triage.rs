//! Triage (§2.2.4, §4.1.2): severity × urgency × complexity → emergency, track, priority.
//!
//! (Being built: see issue 4.)

use serde::{Deserialize, Serialize};

use crate::policy::PolicyError;
use crate::vocabulary::vocabulary;

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

/// The `[triage]` section of a policy.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TriageRules {}

impl TriageRules {
    /// Checks the section.
    ///
    /// # Errors
    /// [`PolicyError`] naming the key at fault.
    pub fn validate(&self) -> Result<(), PolicyError> {
        Ok(())
    }
}

/// Errors of this module.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TriageError {}

impl crate::error::ErrorCode for TriageError {
    fn code(&self) -> &'static str {
        match *self {}
    }
}

// ---- Temporary stand-ins until issue 4 lands (names agreed with it). ----

/// The result of triage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Assessment {
    /// Emergency procedure.
    pub emergency: bool,
    /// Track.
    pub track: Track,
}

/// Assesses a complaint.
pub fn assess(
    _policy: &crate::policy::Policy,
    severity: Severity,
    urgency: Urgency,
    complexity: Complexity,
) -> Assessment {
    Assessment {
        emergency: urgency == Urgency::Urgent && severity >= Severity::Serious,
        track: match (severity, complexity) {
            (Severity::Major, _) => Track::Major,
            (_, Complexity::Complex) => Track::Complex,
            _ => Track::General,
        },
    }
}
