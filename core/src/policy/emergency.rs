//! Shorter limits for emergency cases: the `[deadlines.emergency]` section (§2.2.4).

use serde::{Deserialize, Serialize};

use crate::duration::Duration;

/// Shorter limits for the later stages of emergency cases (`[deadlines.emergency]`, §2.2.4:
/// an urgent and serious complaint "is dealt with ahead of the others"). Each is optional;
/// a stage without one keeps its general limit. Each must end no later than the general limit
/// it replaces, for every start (`policy.contradiction` otherwise). A case keeps these limits
/// once it has been assessed as an emergency.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Emergency {
    /// Instead of `deadlines.plan` (§4.1.2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<Duration>,
    /// Instead of `deadlines.progress` (§3.3.3).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<Duration>,
    /// Instead of `deadlines.feedback` (§4.4.1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feedback: Option<Duration>,
    /// Instead of `deadlines.rehandling` (§5.1.2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rehandling: Option<Duration>,
    /// Instead of `deadlines.follow_up` (§5.2.1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<Duration>,
}

impl Emergency {
    /// Every limit that is set, with its key.
    pub fn entries(&self) -> Vec<(&'static str, Duration)> {
        [
            ("deadlines.emergency.plan", self.plan),
            ("deadlines.emergency.progress", self.progress),
            ("deadlines.emergency.feedback", self.feedback),
            ("deadlines.emergency.rehandling", self.rehandling),
            ("deadlines.emergency.follow_up", self.follow_up),
        ]
        .into_iter()
        .filter_map(|(key, d)| d.map(|d| (key, d)))
        .collect()
    }
}
